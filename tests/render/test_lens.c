/* tests/render/test_lens.c: the thin lens measured in rendered pixels: the
 * blur of an edge off the focus plane against the circle of confusion,
 * the focus plane kept sharp, a pinhole when f_stop is 0, and the
 * denoiser's band that smooths a blurred edge's speckle. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render/render_internal.h"

static const AuAllocator *A;

enum {
    W = 128,
    H = 32
};

// A black wall filling x < 0 at distance @p dist in front of a camera at
// the origin looking down -z: one straight vertical edge in the frame.
static Scene *make_wall(double dist)
{
    Scene *s = calloc(1, sizeof *s);
    base_arena_init(&s->arena, A);
    s->meshes = base_arena_array(&s->arena, 1, sizeof(WorldMesh));
    s->mesh_count = 1;
    WorldMesh *m = &s->meshes[0];
    m->positions = base_arena_array(&s->arena, 12, sizeof(float));
    m->indices = base_arena_array(&s->arena, 6, sizeof(uint32_t));
    float h = (float)dist;
    float z = (float)-dist;
    float p[12] = { -h, -h, z, 0, -h, z, 0, h, z, -h, h, z };
    uint32_t idx[6] = { 0, 1, 2, 0, 2, 3 };
    memcpy(m->positions, p, sizeof p);
    memcpy(m->indices, idx, sizeof idx);
    m->vertex_count = 4;
    m->triangle_count = 2;
    m->object_id = 1;
    return s;
}

static CameraView make_view(double f_stop, double focus_m, int blades)
{
    CameraView v;
    memset(&v, 0, sizeof v);
    v.position = v3(0, 0, 0);
    v.forward = v3(0, 0, -1);
    v.up = v3(0, 1, 0);
    v.right = v3(1, 0, 0);
    v.focal_mm = 85.0;
    v.sensor_w_mm = 24.89;
    v.sensor_h_mm = 24.89 * H / W;
    v.f_stop = f_stop;
    v.focus_m = focus_m;
    v.blades = blades;
    return v;
}

// The edge's blur as a circle-of-confusion diameter in pixels: a disc of
// diameter c smears a step into a ramp whose derivative has variance
// c^2 / 16; the pixel's own box filter adds 1/12.
static double measured_coc_px(double wall_m, const CameraView *v, Frame *f)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    Scene *s = make_wall(wall_m);
    LightRig rig;
    memset(&rig, 0, sizeof rig);
    rig.sun_dir = v3(0, 1, 0);
    rig.sun_cos_radius = 1.0;
    for (int i = 0; i < 3; i++)
        rig.sky_zenith[i] = rig.sky_horizon[i] = rig.sky_ground[i] = 1.0f;
    RenderSettings rs = { 64, 0, 2, 11, 0, 0, 0, 0 };
    CHECK_OK(render_frame(dev, s, v, &rig, &rs, f, NULL));
    double prof[W];
    for (int x = 0; x < W; x++) {
        prof[x] = 0.0;
        for (int y = 0; y < H; y++)
            prof[x] += (double)f->rgb[3 * (y * W + x) + 1] / H;
    }
    double sw = 0.0, sx = 0.0, sxx = 0.0;
    for (int x = 0; x + 1 < W; x++) {
        double d = prof[x + 1] - prof[x];
        double c = x + 1.0;
        sw += d;
        sx += d * c;
        sxx += d * c * c;
    }
    double mean = sx / sw;
    double var = sxx / sw - mean * mean - 1.0 / 12.0;
    base_arena_fini(&s->arena);
    free(s);
    render_device_free(&dev);
    // The wall is black and the sky white on either side of the ramp.
    CHECK(prof[2] < 0.02 && prof[W - 3] > 0.98);
    return var > 0.0 ? 4.0 * sqrt(var) : 0.0;
}

// The textbook circle of confusion on the sensor, in pixels.
static double coc_formula_px(const CameraView *v, double dist_m)
{
    double f = v->focal_mm * 1e-3, s1 = v->focus_m;
    double c_m = f * f / v->f_stop * fabs(dist_m - s1) / (dist_m * (s1 - f));
    return c_m * 1e3 / v->sensor_w_mm * W;
}

static void test_defocus_blur(void)
{
    Frame f;
    CHECK_OK(render_frame_init(&f, A, W, H));
    CameraView v = make_view(1.4, 2.0, 0);
    double far_px = measured_coc_px(20.0, &v, &f);
    double want = coc_formula_px(&v, 20.0);
    double focus_px = measured_coc_px(2.0, &v, &f);
    fprintf(stderr,
            "edge at 20 m: blur %.2f px, formula %.2f px; in focus: "
            "%.2f px\n",
            far_px, want, focus_px);
    CHECK(want > 8.0);
    CHECK_NEAR(far_px, want, 0.2 * want);
    CHECK(focus_px < 1.0);
    // Stopping down to f/5.6 shrinks the blur four times.
    v.f_stop = 5.6;
    double stopped = measured_coc_px(20.0, &v, &f);
    CHECK_NEAR(stopped, far_px / 4.0, 0.2 * far_px / 4.0);
    // Six blades: a hexagon inscribed in the same circle blurs a little
    // less than the disc, by the ratio of their second moments (~0.91).
    v.f_stop = 1.4;
    v.blades = 6;
    double hex = measured_coc_px(20.0, &v, &f);
    fprintf(stderr, "f/5.6 %.2f px, hexagon %.2f px\n", stopped, hex);
    CHECK(hex < far_px && hex > 0.8 * far_px);
    render_frame_fini(&f);
}

// f_stop 0 is a pinhole: the far edge is as sharp as the focused one,
// whatever focus_m says.
static void test_pinhole(void)
{
    Frame f;
    CHECK_OK(render_frame_init(&f, A, W, H));
    CameraView v = make_view(0.0, 2.0, 6);
    double far_px = measured_coc_px(20.0, &v, &f);
    CHECK(far_px < 1.0);
    render_frame_fini(&f);
}

// Mean over the columns of @p f's ramp (x0..x1) of the standard deviation
// of the green channel down the column: the speckle of a blurred edge,
// which is straight and vertical, so every row should read the same.
static double column_noise(const Frame *f, int x0, int x1)
{
    double sum = 0.0;
    for (int x = x0; x <= x1; x++) {
        double m = 0.0, mm = 0.0;
        for (int y = 0; y < H; y++) {
            double g = (double)f->rgb[3 * (y * W + x) + 1];
            m += g;
            mm += g * g;
        }
        m /= H;
        double var = mm / H - m * m;
        sum += var > 0.0 ? sqrt(var) : 0.0;
    }
    return sum / (x1 - x0 + 1);
}

// A wall far out of focus at 2 samples: its edge's pixels mix wall and
// sky at random. They are marked mixed (and nothing far from the edge
// is), and the denoiser's band takes most of the speckle out while the
// ramp keeps its place against a 64-sample reference.
static void test_blur_band(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    Scene *s = make_wall(2.0);
    LightRig rig;
    memset(&rig, 0, sizeof rig);
    rig.sun_dir = v3(0, 1, 0);
    rig.sun_cos_radius = 1.0;
    for (int i = 0; i < 3; i++)
        rig.sky_zenith[i] = rig.sky_horizon[i] = rig.sky_ground[i] = 1.0f;
    CameraView v = make_view(1.4, 8.0, 0);
    Frame band, plain, ref;
    CHECK_OK(render_frame_init(&band, A, W, H));
    CHECK_OK(render_frame_init(&plain, A, W, H));
    CHECK_OK(render_frame_init(&ref, A, W, H));
    RenderSettings rs = { 2, 0, 2, 5, 0, 0, 0, 0 };
    CHECK_OK(render_frame_mode(dev, s, &v, &rig, &rs, &band, 0));
    CHECK_OK(render_frame_mode(dev, s, &v, &rig, &rs, &plain, 0));
    int mixed_edge = 0, mixed_far = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            bool m = band.mixed[y * W + x] != 0;
            bool near_edge = x > W / 2 - 20 && x < W / 2 + 20;
            mixed_edge += m && near_edge;
            mixed_far += m && !near_edge;
        }
    CHECK(mixed_edge > H * 4);
    CHECK_INT_EQ(mixed_far, 0);
    memset(plain.mixed, 0, (size_t)W * H);
    memset(plain.defocus, 0, (size_t)W * H);
    CHECK_OK(render_denoise(&band, 2));
    CHECK_OK(render_denoise(&plain, 2));
    RenderSettings rs_ref = { 64, 0, 2, 5, 0, 0, 0, 0 };
    CHECK_OK(render_frame_mode(dev, s, &v, &rig, &rs_ref, &ref, 0));
    double n_band = column_noise(&band, W / 2 - 12, W / 2 + 12);
    double n_plain = column_noise(&plain, W / 2 - 12, W / 2 + 12);
    double n_ref = column_noise(&ref, W / 2 - 12, W / 2 + 12);
    double shift = 0.0;
    for (int x = W / 2 - 12; x <= W / 2 + 12; x++) {
        double a = 0.0, b = 0.0;
        for (int y = 0; y < H; y++) {
            a += (double)band.rgb[3 * (y * W + x) + 1];
            b += (double)ref.rgb[3 * (y * W + x) + 1];
        }
        shift += fabs(a - b) / H;
    }
    shift /= 25.0;
    fprintf(stderr,
            "blurred edge speckle: band %.4f, no band %.4f, 64 spp %.4f; "
            "column mean off the reference by %.4f\n",
            n_band, n_plain, n_ref, shift);
    CHECK(n_band < 0.7 * n_plain);
    CHECK(shift < 0.03);
    render_frame_fini(&band);
    render_frame_fini(&plain);
    render_frame_fini(&ref);
    base_arena_fini(&s->arena);
    free(s);
    render_device_free(&dev);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_defocus_blur);
    CHECK_RUN(test_pinhole);
    CHECK_RUN(test_blur_band);
    return CHECK_DONE();
}
