/* tests/render/test_lens.c: the thin lens measured in rendered pixels: the
 * blur of an edge off the focus plane against the circle of confusion,
 * the focus plane kept sharp, and a pinhole when f_stop is 0. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render/render.h"

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
    RenderSettings rs = { 64, 0, 2, 11, 0, 0, 0 };
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

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_defocus_blur);
    CHECK_RUN(test_pinhole);
    return CHECK_DONE();
}
