/* tests/render/test_medium.c: the fog and the gobo, measured in rendered
 * pixels: Beer-Lambert transmittance, light shafts where an occluder
 * shades the fog, and the stripes a noir key's blind throws on a wall. */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "check.h"
#include "render/render.h"

static const AuAllocator *A;

// Adds an axis-aligned box to @p m: 8 corners, 12 outward triangles.
static void box(BaseArena *arena, WorldMesh *m, Vec3 lo, Vec3 hi)
{
    memset(m, 0, sizeof *m);
    test_box_mesh(arena, m, lo, hi);
}

static Scene *scene_new(size_t meshes)
{
    Scene *s = calloc(1, sizeof *s);
    base_arena_init(&s->arena, A);
    s->meshes = base_arena_array(&s->arena, meshes, sizeof(WorldMesh));
    s->mesh_count = meshes;
    return s;
}

static void scene_free(Scene *s)
{
    base_arena_fini(&s->arena);
    free(s);
}

// A pinhole at @p pos looking at @p at, @p focal_mm on a 4:3 sensor.
static CameraView look(Vec3 pos, Vec3 at, double focal_mm)
{
    CameraView v;
    memset(&v, 0, sizeof v);
    v.position = pos;
    v.forward = v3_norm(v3_sub(at, pos));
    v.right = v3_norm(v3_cross(v.forward, v3(0, 1, 0)));
    v.up = v3_cross(v.right, v.forward);
    v.focal_mm = focal_mm;
    v.sensor_w_mm = 24.89;
    v.sensor_h_mm = 24.89 * 0.75;
    return v;
}

static double centre_red(const Frame *f)
{
    size_t i =
        (size_t)(f->height / 2) * (size_t)f->width + (size_t)(f->width / 2);
    return (double)f->rgb[3 * i];
}

// A glowing wall seen through fog keeps e^(-sigma d) of its light; the
// fog adds its own glow (1 - e^(-sigma d)) in front of it.
static void test_transmittance(void)
{
    RenderDevice *dev = NULL;
    BaseDiag diag = { 0 };
    CHECK_OK(render_device_new(A, &diag, &dev));
    const double sigma = 0.06;
    const double dists[3] = { 5.0, 15.0, 30.0 };
    for (int k = 0; k < 3; k++) {
        double d = dists[k];
        Scene *s = scene_new(1);
        box(&s->arena, &s->meshes[0], v3(-40, -40, -d - 1), v3(40, 40, -d));
        for (int c = 0; c < 3; c++)
            s->meshes[0].material.emission[c] = 1.0f;
        CameraView v = look(v3(0, 0, 0), v3(0, 0, -1), 35);
        LightRig rig;
        memset(&rig, 0, sizeof rig);
        rig.sun_cos_radius = 1.0;
        rig.sun_dir = v3(0, 1, 0);
        RenderSettings rs = { 4, 1, 2, 3, 0, 0, 0, 0 };
        Frame f;
        CHECK_OK(render_frame_init(&f, A, 32, 24));
        CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
        double clear = centre_red(&f);
        rig.fog_density_per_m = sigma;
        CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
        double fog = centre_red(&f);
        printf("# fog %.2f /m, wall at %4.1f m: %.4f of its light (e^-sd = "
               "%.4f)\n",
               sigma, d, fog / clear, exp(-sigma * d));
        CHECK_NEAR(clear, 1.0, 1e-6);
        CHECK_NEAR(fog / clear, exp(-sigma * d), 0.02 * exp(-sigma * d));
        // The fog's own glow fills in what it takes away.
        rig.fog_radiance[0] = rig.fog_radiance[1] = rig.fog_radiance[2] = 0.5f;
        CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
        double want = exp(-sigma * d) + 0.5 * (1.0 - exp(-sigma * d));
        CHECK_NEAR(centre_red(&f), want, 0.02 * want);
        render_frame_fini(&f);
        scene_free(s);
    }
    render_device_free(&dev);
}

// Mean red of columns [x0, x1) over the whole frame height.
static double columns_mean(const Frame *f, int x0, int x1)
{
    double sum = 0.0;
    for (int y = 0; y < f->height; y++)
        for (int x = x0; x < x1; x++)
            sum +=
                (double)f->rgb[3 * ((size_t)y * (size_t)f->width + (size_t)x)];
    return sum / ((x1 - x0) * f->height);
}

// A sun straight overhead, a roof over the left half of the world: the
// fog glows where the sun reaches it and stays dark in the roof's shadow,
// a shaft with an edge down the middle of the frame.
static void test_light_shaft(void)
{
    RenderDevice *dev = NULL;
    BaseDiag diag = { 0 };
    CHECK_OK(render_device_new(A, &diag, &dev));
    Scene *s = scene_new(1);
    box(&s->arena, &s->meshes[0], v3(-300, 30, -300), v3(0, 31, 300));
    CameraView v = look(v3(0, 1, 0), v3(0, 1, -1), 35);
    LightRig rig;
    memset(&rig, 0, sizeof rig);
    rig.sun_dir = v3(0, 1, 0);
    rig.sun_cos_radius = cos(1.0 * BASE_PI / 180.0);
    double omega = 2.0 * BASE_PI * (1.0 - rig.sun_cos_radius);
    for (int c = 0; c < 3; c++)
        rig.sun_radiance[c] = (float)(1.0 / omega);
    rig.fog_density_per_m = 0.05;
    RenderSettings rs = { 16, 1, 2, 3, 0, 0, 0, 0 };
    Frame f;
    CHECK_OK(render_frame_init(&f, A, 64, 24));
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
    double shade = columns_mean(&f, 4, 16);
    double lit = columns_mean(&f, 48, 60);
    // A unit sun at 90 degrees through the whole fog bank scatters the
    // Henyey-Greenstein phase at cos 0 (g = 0.6) toward the eye.
    double d = 1.0 + 0.36;
    double want = (1.0 - 0.36) / (4.0 * BASE_PI * d * sqrt(d));
    printf("# shaft: lit fog %.5f (phase %.5f), shaded fog %.5f\n", lit, want,
           shade);
    CHECK_NEAR(lit, want, 0.1 * want);
    CHECK(shade < 0.1 * lit);
    // Without fog there is nothing to light.
    rig.fog_density_per_m = 0.0;
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
    CHECK_NEAR(columns_mean(&f, 48, 60), 0.0, 1e-9);
    render_frame_fini(&f);
    scene_free(s);
    render_device_free(&dev);
}

// A wall lit by a key behind blind slats: the pixels down a column go
// light and dark in bands as wide as the slats' shadow.
static void test_gobo_stripes(void)
{
    RenderDevice *dev = NULL;
    BaseDiag diag = { 0 };
    CHECK_OK(render_device_new(A, &diag, &dev));
    Scene *s = scene_new(1);
    box(&s->arena, &s->meshes[0], v3(-5, -5, -1), v3(5, 5, 0));
    for (int c = 0; c < 3; c++)
        s->meshes[0].material.albedo[c] = 0.5f;
    CameraView v = look(v3(0, 1.5, 4), v3(0, 1.5, 0), 85);
    LightRig rig;
    memset(&rig, 0, sizeof rig);
    rig.sun_dir = v3(0, 1, 0);
    rig.sun_cos_radius = 1.0;
    rig.local_count = 1;
    LightLocal *l = &rig.locals[0];
    l->position = v3(0, 1.5, 2.5);
    l->radius_m = 0.05;
    for (int c = 0; c < 3; c++)
        l->radiance[c] = 1000.0f;
    RenderSettings rs = { 4, 0, 2, 3, 0, 0, 0, 0 };
    Frame f;
    const int w = 64, h = 96;
    CHECK_OK(render_frame_init(&f, A, w, h));
    double contrast[2], dark_share[2];
    int flips[2];
    for (int pass = 0; pass < 2; pass++) {
        l->gobo = pass ? 0.5f : 0.0f;
        l->gobo_axis = v3(0, 0, -1);
        CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
        double lo = 1e30, hi = 0.0, mean = 0.0;
        for (int y = 0; y < h; y++) {
            double r = (double)f.rgb[3 * ((size_t)y * w + w / 2)];
            lo = r < lo ? r : lo;
            hi = r > hi ? r : hi;
            mean += r / h;
        }
        int dark = 0;
        flips[pass] = 0;
        for (int y = 0; y < h; y++) {
            double r = (double)f.rgb[3 * ((size_t)y * w + w / 2)];
            dark += r < 0.5 * mean;
            if (y > 0) {
                double q = (double)f.rgb[3 * ((size_t)(y - 1) * w + w / 2)];
                flips[pass] += (r < 0.5 * mean) != (q < 0.5 * mean);
            }
        }
        contrast[pass] = (hi - lo) / (hi + lo);
        dark_share[pass] = (double)dark / h;
    }
    // Slats 0.05 m apart 1 m from the lamp throw bands 0.125 m apart on a
    // wall 2.5 m away; 96 pixels cover 0.88 m, so about 7 periods.
    double period_m = 0.05 * 2.5 / 1.0;
    double frame_m = 4.0 * v.sensor_h_mm / v.focal_mm;
    printf("# gobo: column contrast %.3f (none: %.3f), dark share %.2f, %d "
           "edges (%.1f expected)\n",
           contrast[1], contrast[0], dark_share[1], flips[1],
           2.0 * frame_m / period_m);
    CHECK(contrast[0] < 0.1);
    CHECK(contrast[1] > 0.9);
    CHECK_NEAR(dark_share[1], 0.5, 0.1);
    CHECK_NEAR(flips[1], 2.0 * frame_m / period_m, 2.5);
    render_frame_fini(&f);
    scene_free(s);
    render_device_free(&dev);
}

static double frame_mean_red(const Frame *f)
{
    return columns_mean(f, 0, f->width);
}

// A lamp beside a camera ray in fog: the ray glows by the lamp's light
// scattered along it, the integral of sigma e^(-sigma s) HG(cos) L
// omega(s) e^(-sigma r(s)) over the ray, which the test sums in 0.5 mm
// steps. A long lens makes every pixel see nearly the same ray, so the
// frame's mean is 256 x 192 samples of it. A gobo across the beam takes
// out about its share.
static void test_lamp_in_fog(void)
{
    RenderDevice *dev = NULL;
    BaseDiag diag = { 0 };
    CHECK_OK(render_device_new(A, &diag, &dev));
    Scene *s = scene_new(1);
    box(&s->arena, &s->meshes[0], v3(500, 500, 500), v3(501, 501, 501));
    Vec3 o = v3(0, 1, 0), d = v3_norm(v3(0, -2, -10));
    CameraView v = look(o, v3_add(o, d), 5000);
    LightRig rig;
    memset(&rig, 0, sizeof rig);
    rig.sun_dir = v3(0, 1, 0);
    rig.sun_cos_radius = 1.0;
    rig.fog_density_per_m = 0.05;
    rig.local_count = 1;
    LightLocal *l = &rig.locals[0];
    l->position = v3(2, 0, -5);
    l->radius_m = 0.05;
    for (int c = 0; c < 3; c++)
        l->radiance[c] = 100.0f;
    double sigma = rig.fog_density_per_m, want = 0.0, ds = 5e-4;
    for (double t = 0.5 * ds; t < 400.0; t += ds) {
        Vec3 to = v3_sub(l->position, v3_add(o, v3_scale(d, t)));
        double r = v3_len(to);
        double omega = 2.0 * BASE_PI *
                       (1.0 - sqrt(1.0 - l->radius_m * l->radius_m / (r * r)));
        double c = v3_dot(to, d) / r, g = 0.6;
        double q = 1.0 + g * g - 2.0 * g * c;
        double ph = (1.0 - g * g) / (4.0 * BASE_PI * q * sqrt(q));
        want += sigma * exp(-sigma * t) * ph * 100.0 * omega *
                exp(-sigma * (r - l->radius_m)) * ds;
    }
    RenderSettings rs = { 256, 0, 2, 3, 0, 0, 0, 0 };
    Frame f;
    CHECK_OK(render_frame_init(&f, A, 16, 12));
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
    double got = frame_mean_red(&f);
    l->gobo = 0.5f;
    l->gobo_axis = v3(-1, 0, 0);
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
    double slats = frame_mean_red(&f);
    printf("# lamp in fog: ray glows %.5f (integral %.5f), %.5f behind a "
           "gobo of 0.5\n",
           got, want, slats);
    CHECK_NEAR(got, want, 0.05 * want);
    CHECK(slats > 0.3 * got && slats < 0.7 * got);
    render_frame_fini(&f);
    scene_free(s);
    render_device_free(&dev);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_transmittance);
    CHECK_RUN(test_light_shaft);
    CHECK_RUN(test_gobo_stripes);
    CHECK_RUN(test_lamp_in_fog);
    return CHECK_DONE();
}
