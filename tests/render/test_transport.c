/* tests/render/test_transport.c: light transport measured on a small set:
 * multiple importance sampling of sun, sky and lamp agrees with BSDF
 * sampling alone, the firefly clamp is settable, and the Sobol sampler
 * beats independent random numbers at 4 samples per pixel. */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "check.h"
#include "render/render.h"
#include "render/render_internal.h"

static const AuAllocator *A;

enum {
    W = 32,
    H = 24
};

static void make_box(BaseArena *arena, WorldMesh *m, Vec3 lo, Vec3 hi,
                     uint16_t id)
{
    test_box_mesh(arena, m, lo, hi);
    m->object_id = id;
}

// Diffuse ground, a rough gold-ish metal block and a lacquered red block.
static Scene *make_set(void)
{
    Scene *s = calloc(1, sizeof *s);
    base_arena_init(&s->arena, A);
    s->meshes = base_arena_array(&s->arena, 3, sizeof(WorldMesh));
    s->mesh_count = 3;
    make_box(&s->arena, &s->meshes[0], v3(-50, -1, -50), v3(50, 0, 50), 0);
    make_box(&s->arena, &s->meshes[1], v3(-1.2, 0, -0.5), v3(-0.1, 1.0, 0.5),
             1);
    make_box(&s->arena, &s->meshes[2], v3(0.1, 0, -0.5), v3(1.2, 0.8, 0.5), 2);
    for (int i = 0; i < 3; i++)
        s->meshes[0].material.albedo[i] = 0.5f;
    WorldMaterial *metal = &s->meshes[1].material;
    metal->albedo[0] = 0.95f;
    metal->albedo[1] = 0.75f;
    metal->albedo[2] = 0.4f;
    metal->metallic = 1.0f;
    metal->roughness = 0.45f;
    WorldMaterial *lacquer = &s->meshes[2].material;
    lacquer->albedo[0] = 0.6f;
    lacquer->albedo[1] = 0.1f;
    lacquer->albedo[2] = 0.1f;
    lacquer->specular = 0.5f;
    lacquer->roughness = 0.3f;
    lacquer->sheen = 0.5f;
    return s;
}

static CameraView make_view(void)
{
    CameraView v;
    memset(&v, 0, sizeof v);
    v.position = v3(0, 2.0, 4.0);
    v.forward = v3_norm(v3_sub(v3(0, 0.4, 0), v.position));
    v.right = v3_norm(v3_cross(v.forward, v3(0, 1, 0)));
    v.up = v3_cross(v.right, v.forward);
    v.focal_mm = 30;
    v.sensor_w_mm = 24.89;
    v.sensor_h_mm = 24.89 * H / W;
    return v;
}

// A large sun (5 degrees), so BSDF sampling alone finds it often enough
// to serve as a reference, a graded sky and one lamp.
static LightRig make_rig(void)
{
    LightRig r;
    memset(&r, 0, sizeof r);
    r.sun_dir = v3_norm(v3(-1, 2, 1));
    r.sun_cos_radius = cos(5.0 * BASE_PI / 180.0);
    double omega = 2.0 * BASE_PI * (1.0 - r.sun_cos_radius);
    float sky_z[3] = { 0.15f, 0.25f, 0.5f }, sky_h[3] = { 0.5f, 0.55f, 0.6f };
    for (int i = 0; i < 3; i++) {
        r.sun_radiance[i] = (float)(2.0 / omega);
        r.sun_color[i] = 1.0f;
        r.sky_zenith[i] = sky_z[i];
        r.sky_horizon[i] = sky_h[i];
        r.sky_ground[i] = 0.05f;
    }
    r.local_count = 1;
    r.locals[0].position = v3(1.0, 1.6, 1.2);
    r.locals[0].radius_m = 0.25;
    r.locals[0].radiance[0] = 30.0f;
    r.locals[0].radiance[1] = 20.0f;
    r.locals[0].radiance[2] = 10.0f;
    return r;
}

static double lum_at(const Frame *f, size_t i)
{
    return 0.2126 * (double)f->rgb[3 * i] + 0.7152 * (double)f->rgb[3 * i + 1] +
           0.0722 * (double)f->rgb[3 * i + 2];
}

// Mean luminance over one half of the frame and its standard error.
static double half_mean(const Frame *f, int half, double *sigma)
{
    double sum = 0.0, var = 0.0;
    int n = 0;
    for (int y = 0; y < H; y++)
        for (int x = half * W / 2; x < (half + 1) * W / 2; x++) {
            size_t i = (size_t)y * W + (size_t)x;
            sum += lum_at(f, i);
            var += (double)f->variance[i];
            n++;
        }
    *sigma = sqrt(var) / n;
    return sum / n;
}

static void test_mis_matches_bsdf_sampling(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    CHECK_STATUS(render_device_set_clamp(dev, -1.0), AU_EINVAL);
    // No clamp: both estimators must agree on the unbiased answer.
    CHECK_OK(render_device_set_clamp(dev, 1e30));
    Scene *s = make_set();
    CameraView v = make_view();
    LightRig rig = make_rig();
    Frame mis, ref;
    CHECK_OK(render_frame_init(&mis, A, W, H));
    CHECK_OK(render_frame_init(&ref, A, W, H));
    RenderSettings rs = { 64, 1, 2, 5, 0, 0, 0, 0 };
    CHECK_OK(render_frame_mode(dev, s, &v, &rig, &rs, &mis, 0));
    rs.samples = 1024;
    CHECK_OK(
        render_frame_mode(dev, s, &v, &rig, &rs, &ref, RENDER_MODE_BSDF_ONLY));
    for (int half = 0; half < 2; half++) {
        double s_mis, s_ref;
        double m_mis = half_mean(&mis, half, &s_mis);
        double m_ref = half_mean(&ref, half, &s_ref);
        double sigma = sqrt(s_mis * s_mis + s_ref * s_ref);
        fprintf(stderr,
                "half %d: MIS %.4f +- %.4f (64 spp), BSDF only %.4f +- "
                "%.4f (1024 spp)\n",
                half, m_mis, s_mis, m_ref, s_ref);
        CHECK(m_mis > 0.1);
        CHECK(fabs(m_mis - m_ref) < 4.0 * sigma + 0.005 * m_ref);
        // Light sampling is the point: far less noise per sample.
        CHECK(s_mis * sqrt(64.0) < 0.5 * s_ref * sqrt(1024.0));
    }
    // A clamp far below the set's bounce light darkens it: it is applied.
    double s_unclamped, s_clamped;
    double unclamped = half_mean(&mis, 1, &s_unclamped);
    CHECK_OK(render_device_set_clamp(dev, 0.02));
    rs.samples = 64;
    CHECK_OK(render_frame_mode(dev, s, &v, &rig, &rs, &mis, 0));
    double clamped = half_mean(&mis, 1, &s_clamped);
    fprintf(stderr, "clamp 0.02: %.4f, none: %.4f\n", clamped, unclamped);
    CHECK(clamped < unclamped - 10.0 * s_unclamped);
    render_frame_fini(&mis);
    render_frame_fini(&ref);
    base_arena_fini(&s->arena);
    free(s);
    render_device_free(&dev);
}

static double rms_against(const Frame *f, const Frame *ref)
{
    double e = 0.0;
    for (size_t i = 0; i < (size_t)W * H; i++) {
        double d = lum_at(f, i) - lum_at(ref, i);
        e += d * d;
    }
    return sqrt(e / (W * H));
}

// At 4 samples per pixel, with depth of field, the Sobol sampler's frame
// is closer to a 256-sample reference than independent random numbers'.
static void test_low_discrepancy(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    Scene *s = make_set();
    CameraView v = make_view();
    v.f_stop = 2.0;
    v.focus_m = 3.0;
    LightRig rig = make_rig();
    Frame ref, f;
    CHECK_OK(render_frame_init(&ref, A, W, H));
    CHECK_OK(render_frame_init(&f, A, W, H));
    RenderSettings rs = { 256, 1, 2, 99, 0, 0, 0, 0 };
    CHECK_OK(render_frame_mode(dev, s, &v, &rig, &rs, &ref, 0));
    double sobol = 0.0, random = 0.0;
    rs.samples = 4;
    for (uint64_t seed = 1; seed <= 4; seed++) {
        rs.seed = seed;
        CHECK_OK(render_frame_mode(dev, s, &v, &rig, &rs, &f, 0));
        sobol += rms_against(&f, &ref) / 4.0;
        CHECK_OK(
            render_frame_mode(dev, s, &v, &rig, &rs, &f, RENDER_MODE_RANDOM));
        random += rms_against(&f, &ref) / 4.0;
    }
    fprintf(stderr, "4 spp RMS error vs 256 spp: sobol %.4f, random %.4f\n",
            sobol, random);
    CHECK(sobol < 0.95 * random);
    render_frame_fini(&ref);
    render_frame_fini(&f);
    base_arena_fini(&s->arena);
    free(s);
    render_device_free(&dev);
}

// A prefix of a Sobol point's coordinates is the same numbers as the
// whole point's, and every coordinate lies in [0, 1).
static void test_sobol_dims(void)
{
    int same = 0, total = 0;
    for (uint64_t key = 1; key < 40; key++) {
        RenderSobol seq;
        render_sobol_seed(key * 7919u, 16, &seq);
        for (uint32_t i = 0; i < 16; i++) {
            double all[4], some[3] = { -1, -1, -1 };
            render_sobol_at(&seq, i, all);
            render_sobol_dims(&seq, i, 3, some);
            for (int d = 0; d < 3; d++) {
                same += some[d] == all[d] && all[d] >= 0.0 && all[d] < 1.0;
                total++;
            }
        }
    }
    CHECK_INT_EQ(same, total);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_mis_matches_bsdf_sampling);
    CHECK_RUN(test_low_discrepancy);
    CHECK_RUN(test_sobol_dims);
    return CHECK_DONE();
}
