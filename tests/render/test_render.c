/* tests/render/test_render.c: the path tracer measured on scenes built by
 * hand: energy from the sun, the ID pass, shadows and determinism. */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "check.h"
#include "render/render.h"

static const AuAllocator *A;

// Adds an axis-aligned box as 12 triangles to @p scene's mesh @p m.
static void make_box(BaseArena *arena, WorldMesh *m, Vec3 lo, Vec3 hi,
                     float albedo, uint16_t id)
{
    test_box_mesh(arena, m, lo, hi);
    m->material.albedo[0] = m->material.albedo[1] = m->material.albedo[2] =
        albedo;
    m->object_id = id;
}

static Scene *make_scene(void)
{
    Scene *s = calloc(1, sizeof *s);
    base_arena_init(&s->arena, A);
    s->meshes = base_arena_array(&s->arena, 2, sizeof(WorldMesh));
    s->mesh_count = 2;
    make_box(&s->arena, &s->meshes[0], v3(-50, -1, -50), v3(50, 0, 50), 0.5f,
             0);
    make_box(&s->arena, &s->meshes[1], v3(-0.5, 0, -0.5), v3(0.5, 1.0, 0.5),
             0.8f, 1);
    return s;
}

static void free_scene(Scene *s)
{
    base_arena_fini(&s->arena);
    free(s);
}

static CameraView make_view(void)
{
    CameraView v;
    memset(&v, 0, sizeof v);
    v.position = v3(0, 3.0, 4.0);
    v.forward = v3_norm(v3_sub(v3(0, 0.5, 0), v.position));
    v.right = v3_norm(v3_cross(v.forward, v3(0, 1, 0)));
    v.up = v3_cross(v.right, v.forward);
    v.focal_mm = 35;
    v.sensor_w_mm = 24.89;
    v.sensor_h_mm = 24.89 * 48.0 / 64.0;
    return v;
}

// A sun straight overhead giving irradiance pi * @p e, and a black sky.
static LightRig overhead_sun(double e)
{
    LightRig r;
    memset(&r, 0, sizeof r);
    r.sun_dir = v3(0, 1, 0);
    r.sun_cos_radius = cos(1.0 * BASE_PI / 180.0);
    double omega = 2.0 * BASE_PI * (1.0 - r.sun_cos_radius);
    for (int i = 0; i < 3; i++)
        r.sun_radiance[i] = (float)(e * BASE_PI / omega);
    return r;
}

static void test_energy_and_passes(void)
{
    RenderDevice *dev = NULL;
    BaseDiag diag = { 0 };
    CHECK_OK(render_device_new(A, &diag, &dev));
    Scene *s = make_scene();
    CameraView v = make_view();
    LightRig rig = overhead_sun(1.0);
    RenderSettings rs = { 4, 0, 2, 7, 0, 0, 0, 0 };
    Frame f;
    CHECK_OK(render_frame_init(&f, A, 64, 48));
    uint64_t rays = 0;
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, &rays));
    // Adaptive sampling: every pixel traces half its samples, and under
    // one sun and a black sky most agree at once and stop there.
    CHECK(rays >= 64 * 48 * 2);
    uint64_t all_rays = 0;
    CHECK_STATUS(render_device_set_noise_target(dev, -1.0), AU_EINVAL);
    CHECK_OK(render_device_set_noise_target(dev, 0.0));
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, &all_rays));
    CHECK(all_rays >= 64 * 48 * 4);
    printf("rays: %llu adaptive, %llu all samples\n", (unsigned long long)rays,
           (unsigned long long)all_rays);
    CHECK(rays < all_rays * 3 / 4);
    CHECK_OK(render_device_set_noise_target(dev, RENDER_NOISE_DEFAULT));
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, &rays));
    // The box's top is a diffuse 0.8 surface facing the sun: with no
    // bounces it reflects exactly albedo * e = 0.8.
    double x, y;
    CHECK(camera_project(&v, v3(0, 1.0, 0.1), &x, &y));
    int px = (int)(x * 64), py = (int)(y * 48);
    size_t i = (size_t)py * 64 + (size_t)px;
    CHECK_INT_EQ(f.id[i], 1);
    CHECK_NEAR(f.rgb[3 * i], 0.8, 0.01);
    CHECK_NEAR(f.albedo[3 * i], 0.8, 1e-6);
    // The open ground reflects 0.5.
    CHECK(camera_project(&v, v3(1.2, 0, -1.0), &x, &y));
    CHECK(x > 0 && x < 1 && y > 0 && y < 1);
    i = (size_t)(int)(y * 48) * 64 + (size_t)(int)(x * 64);
    CHECK_INT_EQ(f.id[i], 0);
    CHECK_NEAR(f.rgb[3 * i], 0.5, 0.01);
    // A side face gets no light from a sun straight above.
    CHECK(camera_project(&v, v3(0.0, 0.5, 0.5), &x, &y));
    i = (size_t)(int)(y * 48) * 64 + (size_t)(int)(x * 64);
    CHECK_INT_EQ(f.id[i], 1);
    CHECK_NEAR(f.rgb[3 * i], 0.0, 0.01);
    render_frame_fini(&f);
    free_scene(s);
    render_device_free(&dev);
    CHECK(dev == NULL);
}

static void test_shadow(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    Scene *s = make_scene();
    CameraView v = make_view();
    LightRig rig = overhead_sun(1.0);
    // A low sun from -x casts the box's shadow toward +x.
    rig.sun_dir = v3_norm(v3(-1, 1, 0));
    RenderSettings rs = { 4, 0, 1, 7, 0, 0, 0, 0 };
    Frame f;
    CHECK_OK(render_frame_init(&f, A, 64, 48));
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
    double x, y;
    CHECK(camera_project(&v, v3(0.8, 0, 0.0), &x, &y));
    size_t shadow = (size_t)(int)(y * 48) * 64 + (size_t)(int)(x * 64);
    CHECK(camera_project(&v, v3(-1.2, 0, 0.0), &x, &y));
    size_t lit = (size_t)(int)(y * 48) * 64 + (size_t)(int)(x * 64);
    CHECK(f.rgb[3 * shadow] < 0.05f);
    CHECK(f.rgb[3 * lit] > 0.3f);
    render_frame_fini(&f);
    free_scene(s);
    render_device_free(&dev);
}

static void test_thread_count_determinism(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    Scene *s = make_scene();
    CameraView v = make_view();
    LightRig rig = overhead_sun(1.0);
    rig.sun_dir = v3_norm(v3(-1, 2, 1));
    for (int i = 0; i < 3; i++)
        rig.sky_zenith[i] = rig.sky_horizon[i] = 0.3f;
    Frame f1, f2;
    CHECK_OK(render_frame_init(&f1, A, 64, 48));
    CHECK_OK(render_frame_init(&f2, A, 64, 48));
    RenderSettings one = { 8, 2, 1, 42, 3, 9, 1, 0 };
    RenderSettings two = one;
    two.threads = 2;
    CHECK_OK(render_frame(dev, s, &v, &rig, &one, &f1, NULL));
    CHECK_OK(render_frame(dev, s, &v, &rig, &two, &f2, NULL));
    CHECK(memcmp(f1.rgb, f2.rgb, 64 * 48 * 3 * sizeof(float)) == 0);
    CHECK(memcmp(f1.id, f2.id, 64 * 48 * sizeof(uint16_t)) == 0);
    // Another seed gives another noise pattern.
    two.seed = 43;
    CHECK_OK(render_frame(dev, s, &v, &rig, &two, &f2, NULL));
    CHECK(memcmp(f1.rgb, f2.rgb, 64 * 48 * 3 * sizeof(float)) != 0);
    render_frame_fini(&f1);
    render_frame_fini(&f2);
    free_scene(s);
    render_device_free(&dev);
}

// At one sample a pixel the first bounce is traced on a checkerboard and
// filled in from the neighbours: averaged over many frames, the box's
// shaded side (lit by the sky and by the sunlit ground's bounce) must
// match 64 samples traced in full, the two halves of the checkerboard
// must agree, and the result must not depend on the thread count.
static void test_shared_bounce(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    Scene *s = make_scene();
    CameraView v = make_view();
    LightRig rig = overhead_sun(1.0);
    rig.sun_dir = v3_norm(v3(0, 1, -1.2));
    for (int i = 0; i < 3; i++)
        rig.sky_zenith[i] = rig.sky_horizon[i] = 0.1f;

    enum {
        W = 64,
        H = 48,
        N = 48
    };

    Frame f;
    CHECK_OK(render_frame_init(&f, A, W, H));
    // The box's front face (+z), away from the sun.
    double x0, y0, x1, y1;
    CHECK(camera_project(&v, v3(-0.35, 0.85, 0.5), &x0, &y0));
    CHECK(camera_project(&v, v3(0.35, 0.15, 0.5), &x1, &y1));
    int ax = (int)(x0 * W) + 1, bx = (int)(x1 * W) - 1;
    int ay = (int)(y0 * H) + 1, by = (int)(y1 * H) - 1;
    CHECK(bx - ax >= 4 && by - ay >= 4);
    double ref = 0.0;
    RenderSettings full = { 64, 1, 2, 3, 0, 0, 0, 0 };
    CHECK_OK(render_frame(dev, s, &v, &rig, &full, &f, NULL));
    CHECK(!f.bounce_used);
    for (int y = ay; y <= by; y++)
        for (int x = ax; x <= bx; x++)
            ref += f.rgb[3 * (y * W + x) + 1];
    ref /= (bx - ax + 1) * (by - ay + 1);
    double half[2] = { 0.0, 0.0 };
    int count[2] = { 0, 0 }, shared[3] = { 0, 0, 0 };
    for (int k = 0; k < N; k++) {
        RenderSettings one = { 1, 1, 2, 3, 0, (uint64_t)k, 0, 0 };
        CHECK_OK(render_frame(dev, s, &v, &rig, &one, &f, NULL));
        CHECK(f.bounce_used);
        for (int y = ay; y <= by; y++)
            for (int x = ax; x <= bx; x++) {
                int i = y * W + x;
                CHECK_INT_EQ(f.id[i], 1);
                half[(x + y) & 1] += f.rgb[3 * i + 1];
                count[(x + y) & 1]++;
                shared[f.shared[i] < 3 ? f.shared[i] : 0]++;
            }
    }
    double even = half[0] / count[0], odd = half[1] / count[1];
    double mean = (half[0] + half[1]) / (count[0] + count[1]);
    printf("# shared bounce, shaded face: 1 sample x %d frames %.4f "
           "(checkerboard halves %.4f, %.4f), 64 samples %.4f\n",
           N, mean, even, odd, ref);
    CHECK(ref > 0.02);
    CHECK_INT_EQ(shared[0], 0);
    CHECK_INT_EQ(shared[1], shared[2]);
    CHECK(fabs(mean - ref) < 0.04 * ref);
    CHECK(fabs(even - odd) < 0.05 * mean);
    // Threads change nothing.
    Frame g;
    CHECK_OK(render_frame_init(&g, A, W, H));
    RenderSettings t1 = { 1, 1, 1, 3, 0, 5, 0, 0 }, t2 = t1;
    t2.threads = 2;
    CHECK_OK(render_frame(dev, s, &v, &rig, &t1, &f, NULL));
    CHECK_OK(render_frame(dev, s, &v, &rig, &t2, &g, NULL));
    CHECK(memcmp(f.rgb, g.rgb, (size_t)W * H * 3 * sizeof(float)) == 0);
    render_frame_fini(&g);
    render_frame_fini(&f);
    free_scene(s);
    render_device_free(&dev);
}

// Under a sky whose radiance is sqrt(cos theta) from the zenith, open
// ground of albedo 0.5 reflects 0.5 * 2 * integral of mu^1.5 = 0.4 exactly;
// measure how far 2 samples stray, with and without the
// denoiser, over an open patch of ground.
static double ground_rms(int denoise, double *mean)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    Scene *s = make_scene();
    s->mesh_count = 1;
    CameraView v = make_view();
    LightRig rig;
    memset(&rig, 0, sizeof rig);
    rig.sun_dir = v3(0, 1, 0);
    rig.sun_cos_radius = 1.0;
    for (int i = 0; i < 3; i++)
        rig.sky_zenith[i] = 1.0f;
    RenderSettings rs = { 2, 1, 2, 5, 0, 0, denoise, 0 };
    Frame f;
    CHECK_OK(render_frame_init(&f, A, 64, 48));
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
    double err = 0.0, sum = 0.0;
    int n = 0;
    for (int y = 20; y < 44; y++)
        for (int x = 8; x < 56; x++) {
            double r = f.rgb[3 * (y * 64 + x)];
            err += (r - 0.4) * (r - 0.4);
            sum += r;
            n++;
        }
    render_frame_fini(&f);
    free_scene(s);
    render_device_free(&dev);
    *mean = sum / n;
    return sqrt(err / n);
}

static void test_denoise(void)
{
    double mean_noisy, mean_clean;
    double noisy = ground_rms(0, &mean_noisy);
    double clean = ground_rms(1, &mean_clean);
    fprintf(stderr, "ground rms error: %.4f noisy, %.4f denoised\n", noisy,
            clean);
    CHECK(noisy > 0.02);
    CHECK(clean < noisy / 3.0);
    // Filtering moves noise around; it must not add or remove light.
    CHECK_NEAR(mean_noisy, 0.4, 0.01);
    CHECK_NEAR(mean_clean, 0.4, 0.01);
}

// A lamp of radiance L and radius r at height D over the ground gives the
// point below it irradiance pi L (r/D)^2, so ground of albedo 0.5 reads
// 0.5 L (r/D)^2 exactly.
static void test_lamp_irradiance(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    Scene *s = make_scene();
    s->mesh_count = 1;
    CameraView v = make_view();
    LightRig rig;
    memset(&rig, 0, sizeof rig);
    rig.sun_dir = v3(0, 1, 0);
    rig.sun_cos_radius = 1.0;
    rig.local_count = 1;
    rig.locals[0].position = v3(0, 2.5, 0);
    rig.locals[0].radius_m = 0.3;
    for (int i = 0; i < 3; i++)
        rig.locals[0].radiance[i] = 40.0f;
    RenderSettings rs = { 64, 0, 2, 5, 0, 0, 0, 0 };
    Frame f;
    CHECK_OK(render_frame_init(&f, A, 64, 48));
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
    double x, y;
    CHECK(camera_project(&v, v3(0, 0, 0), &x, &y));
    size_t i = (size_t)(int)(y * 48) * 64 + (size_t)(int)(x * 64);
    double want = 0.5 * 40.0 * (0.3 / 2.5) * (0.3 / 2.5);
    CHECK_NEAR(f.rgb[3 * i], want, want * 0.03);
    render_frame_fini(&f);
    free_scene(s);
    render_device_free(&dev);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_energy_and_passes);
    CHECK_RUN(test_shadow);
    CHECK_RUN(test_thread_count_determinism);
    CHECK_RUN(test_denoise);
    CHECK_RUN(test_shared_bounce);
    CHECK_RUN(test_lamp_irradiance);
    return CHECK_DONE();
}
