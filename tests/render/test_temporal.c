/* tests/render/test_temporal.c: temporal accumulation measured on frames
 * of a lit set: frame-to-frame flicker of a still camera falls, the error
 * against a many-sample reference does not grow, a panning camera leaves
 * no ghost, a still character blends like the set, and the result is the
 * same on 1 and 2 threads. */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "check.h"
#include "render/render.h"

static const AuAllocator *A;

enum {
    W = 96,
    H = 48
};

static void box(BaseArena *arena, WorldMesh *m, Vec3 lo, Vec3 hi, float a,
                uint16_t id)
{
    memset(m, 0, sizeof *m);
    test_box_mesh(arena, m, lo, hi);
    m->material.albedo[0] = m->material.albedo[1] = m->material.albedo[2] = a;
    m->object_id = id;
}

// Ground, a wall behind and a "character" box standing on the ground.
static Scene *scene_new(void)
{
    Scene *s = calloc(1, sizeof *s);
    base_arena_init(&s->arena, A);
    s->meshes = base_arena_array(&s->arena, 3, sizeof(WorldMesh));
    s->mesh_count = 3;
    box(&s->arena, &s->meshes[0], v3(-30, -1, -30), v3(30, 0, 30), 0.5f, 0);
    box(&s->arena, &s->meshes[1], v3(-6, 0, -4), v3(6, 3, -3.8), 0.7f, 0);
    box(&s->arena, &s->meshes[2], v3(-0.3, 0, -1.3), v3(0.3, 1.8, -0.7), 0.6f,
        1);
    return s;
}

static CameraView view_at(double yaw_deg)
{
    CameraView v;
    memset(&v, 0, sizeof v);
    double a = yaw_deg * BASE_PI / 180.0;
    v.position = v3(0, 1.6, 4.0);
    Vec3 target = v3(4.0 * sin(a), 1.0, 4.0 - 5.0 * cos(a));
    v.forward = v3_norm(v3_sub(target, v.position));
    v.right = v3_norm(v3_cross(v.forward, v3(0, 1, 0)));
    v.up = v3_cross(v.right, v.forward);
    v.focal_mm = 28;
    v.sensor_w_mm = 24.89;
    v.sensor_h_mm = 24.89 * H / W;
    return v;
}

// A sun from the side and an even sky: the sky's light is what is noisy.
static LightRig rig_new(void)
{
    LightRig r;
    memset(&r, 0, sizeof r);
    r.sun_dir = v3_norm(v3(0.5, 0.6, 0.3));
    r.sun_cos_radius = cos(0.5 * BASE_PI / 180.0);
    double omega = 2.0 * BASE_PI * (1.0 - r.sun_cos_radius);
    for (int i = 0; i < 3; i++) {
        r.sun_radiance[i] = (float)(2.0 / omega);
        r.sky_zenith[i] = r.sky_horizon[i] = r.sky_ground[i] = 0.4f;
    }
    return r;
}

static double diff_rms(const float *a, const float *b)
{
    double s = 0.0;
    for (size_t i = 0; i < 3u * W * H; i++)
        s += ((double)a[i] - (double)b[i]) * ((double)a[i] - (double)b[i]);
    return sqrt(s / (3.0 * W * H));
}

typedef struct Run {
    float frames[8][3 * W * H];
    uint16_t id[W * H];
    float raw_last[3 * W * H]; // the last frame before accumulation
} Run;

// Eight frames with the camera turning @p pan_deg per frame, 2 samples
// each and denoised, accumulated when @p temporal.
static void run(RenderDevice *dev, Scene *s, double pan_deg, bool temporal,
                int threads, Run *out)
{
    LightRig rig = rig_new();
    Frame f;
    RenderHistory h;
    CHECK_OK(render_frame_init(&f, A, W, H));
    CHECK_OK(render_history_init(&h, A, W, H));
    for (int k = 0; k < 8; k++) {
        CameraView v = view_at(pan_deg * k), prev = view_at(pan_deg * (k - 1));
        RenderMotion m = { NULL, k ? &prev : NULL, NULL, NULL };
        RenderSettings rs = { 2, 1, threads, 7, 0, (uint64_t)k, 1, 0 };
        CHECK_OK(render_frame_motion(dev, s, &v, &rig, &rs, &m, &f, NULL));
        if (k == 7) {
            memcpy(out->raw_last, f.rgb, sizeof out->raw_last);
            memcpy(out->id, f.id, sizeof out->id);
        }
        if (temporal)
            CHECK_OK(render_temporal(&h, &f, threads));
        memcpy(out->frames[k], f.rgb, sizeof out->frames[k]);
    }
    render_history_fini(&h);
    render_frame_fini(&f);
}

static void reference(RenderDevice *dev, Scene *s, double yaw_deg, float *out)
{
    LightRig rig = rig_new();
    Frame f;
    CHECK_OK(render_frame_init(&f, A, W, H));
    CameraView v = view_at(yaw_deg);
    RenderSettings rs = { 256, 1, 0, 99, 0, 0, 0, 0 };
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
    memcpy(out, f.rgb, sizeof(float) * 3 * W * H);
    render_frame_fini(&f);
}

static void test_temporal(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    Scene *s = scene_new();
    Run *plain = calloc(1, sizeof *plain), *acc = calloc(1, sizeof *acc);
    float *ref = calloc(3 * W * H, sizeof(float));

    // A still camera: flicker between the last frames, and the error.
    run(dev, s, 0.0, false, 2, plain);
    run(dev, s, 0.0, true, 2, acc);
    reference(dev, s, 0.0, ref);
    double flick_plain = 0, flick_acc = 0;
    for (int k = 4; k < 8; k++) {
        flick_plain += diff_rms(plain->frames[k], plain->frames[k - 1]) / 4;
        flick_acc += diff_rms(acc->frames[k], acc->frames[k - 1]) / 4;
    }
    double err_plain = diff_rms(plain->frames[7], ref);
    double err_acc = diff_rms(acc->frames[7], ref);
    fprintf(stderr,
            "  still: flicker %.4f -> %.4f, error against 256 spp %.4f -> "
            "%.4f\n",
            flick_plain, flick_acc, err_plain, err_acc);
    CHECK(flick_acc < 0.6 * flick_plain);
    CHECK(err_acc <= err_plain);
    // A character's pixels blend as the set's do: the same ID, depth and
    // normal (the character here stands still).
    long blended = 0, chars = 0;
    for (size_t i = 0; i < (size_t)W * H; i++) {
        if (acc->id[i] == 0)
            continue;
        chars++;
        blended += memcmp(&acc->frames[7][3 * i], &acc->raw_last[3 * i],
                          3 * sizeof(float)) != 0;
    }
    CHECK(chars > 50);
    CHECK(blended > chars / 2);

    // A pan of 1 degree a frame: history follows the motion pass; no
    // ghost of the earlier views makes the last frame worse.
    run(dev, s, 1.0, false, 2, plain);
    run(dev, s, 1.0, true, 2, acc);
    reference(dev, s, 7.0, ref);
    err_plain = diff_rms(plain->frames[7], ref);
    err_acc = diff_rms(acc->frames[7], ref);
    fprintf(stderr, "  pan: error against 256 spp %.4f -> %.4f\n", err_plain,
            err_acc);
    CHECK(err_acc <= 1.02 * err_plain);

    // The same frames on one thread.
    Run *one = calloc(1, sizeof *one);
    run(dev, s, 1.0, true, 1, one);
    CHECK(memcmp(one->frames, acc->frames, sizeof one->frames) == 0);
    free(one);

    free(plain);
    free(acc);
    free(ref);
    base_arena_fini(&s->arena);
    free(s);
    render_device_free(&dev);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_temporal);
    return CHECK_DONE();
}
