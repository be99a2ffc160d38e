/* tests/render/test_motion.c: the camera over time, measured in pixels:
 * a panning camera smears a vertical edge over the distance it moves while
 * the shutter is open, an unmoving shutter changes nothing, and the motion
 * pass matches the parallax of a known camera move. */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "check.h"
#include "render/render.h"

static const AuAllocator *A;

static void box(BaseArena *arena, WorldMesh *m, Vec3 lo, Vec3 hi)
{
    memset(m, 0, sizeof *m);
    test_box_mesh(arena, m, lo, hi);
}

// A glowing backdrop 10 m away on the right of x = 0 and a glowing box
// 5 m away on the left, against a black sky.
static Scene *scene_new(void)
{
    Scene *s = calloc(1, sizeof *s);
    base_arena_init(&s->arena, A);
    s->meshes = base_arena_array(&s->arena, 2, sizeof(WorldMesh));
    s->mesh_count = 2;
    box(&s->arena, &s->meshes[0], v3(0, -20, -11), v3(40, 20, -10));
    box(&s->arena, &s->meshes[1], v3(-3, -0.2, -6), v3(-1, 0.2, -5));
    for (size_t m = 0; m < 2; m++)
        for (int c = 0; c < 3; c++)
            s->meshes[m].material.emission[c] = 1.0f;
    s->meshes[1].object_id = 2;
    return s;
}

static void scene_free(Scene *s)
{
    base_arena_fini(&s->arena);
    free(s);
}

// A pinhole at @p pos looking down -z turned by @p yaw_rad to the left.
static CameraView view_at(Vec3 pos, double yaw_rad)
{
    CameraView v;
    memset(&v, 0, sizeof v);
    v.position = pos;
    v.forward = v3(-sin(yaw_rad), 0, -cos(yaw_rad));
    v.up = v3(0, 1, 0);
    v.right = v3_cross(v.forward, v.up);
    v.focal_mm = 35;
    v.sensor_w_mm = 24.89;
    v.sensor_h_mm = 24.89 * 0.25;
    return v;
}

static LightRig dark_rig(void)
{
    LightRig r;
    memset(&r, 0, sizeof r);
    r.sun_dir = v3(0, 1, 0);
    r.sun_cos_radius = 1.0;
    return r;
}

// The edge's spread along row @p y: the derivative of the profile, as
// the standard deviation of a box of that width (width = sqrt(12 var)),
// less the pixel filter's 1/12.
static double edge_width_px(const Frame *f, int y)
{
    double sum = 0.0, mean = 0.0, m2 = 0.0;
    for (int x = 1; x < f->width; x++) {
        size_t i = (size_t)y * (size_t)f->width + (size_t)x;
        double dv = (double)f->rgb[3 * i] - (double)f->rgb[3 * (i - 1)];
        dv = dv > 0.0 ? dv : 0.0;
        sum += dv;
        mean += dv * x;
        m2 += dv * x * x;
    }
    mean /= sum;
    double var = m2 / sum - mean * mean - 1.0 / 12.0;
    return sqrt(12.0 * (var > 0.0 ? var : 0.0));
}

static void test_pan_blur(void)
{
    RenderDevice *dev = NULL;
    BaseDiag diag = { 0 };
    CHECK_OK(render_device_new(A, &diag, &dev));
    Scene *s = scene_new();
    LightRig rig = dark_rig();
    const int w = 128, h = 8;
    // Panning left across the shutter: the backdrop's edge slides right.
    CameraView open = view_at(v3(0, 0, 0), 0.0);
    CameraView close = view_at(v3(0, 0, 0), 3.0 * BASE_PI / 180.0);
    double x0, x1, y;
    CHECK(camera_project(&open, v3(0, 0, -10), &x0, &y));
    CHECK(camera_project(&close, v3(0, 0, -10), &x1, &y));
    double want = (x1 - x0) * w;
    RenderSettings rs = { 64, 0, 2, 3, 0, 0, 0, 0 };
    Frame still, blur, same;
    CHECK_OK(render_frame_init(&still, A, w, h));
    CHECK_OK(render_frame_init(&blur, A, w, h));
    CHECK_OK(render_frame_init(&same, A, w, h));
    CHECK_OK(render_frame(dev, s, &open, &rig, &rs, &still, NULL));
    RenderMotion m = { &close, NULL, NULL, NULL };
    CHECK_OK(render_frame_motion(dev, s, &open, &rig, &rs, &m, &blur, NULL));
    // A shutter that does not move is no shutter at all.
    RenderMotion zero = { &open, NULL, NULL, NULL };
    CHECK_OK(render_frame_motion(dev, s, &open, &rig, &rs, &zero, &same, NULL));
    CHECK(memcmp(still.rgb, same.rgb, (size_t)w * h * 3 * sizeof(float)) == 0);
    double ws = edge_width_px(&still, h / 2);
    double wb = edge_width_px(&blur, h / 2);
    printf("# pan of 3 deg over the shutter: edge %.2f px wide (expected "
           "%.2f), still %.2f px\n",
           wb, want, ws);
    CHECK(want > 8.0);
    CHECK(ws < 1.0);
    CHECK_NEAR(wb, want, 0.05 * want);
    // The passes stay those of the shutter's opening.
    CHECK(memcmp(still.id, blur.id, (size_t)w * h * sizeof(uint16_t)) == 0);
    render_frame_fini(&still);
    render_frame_fini(&blur);
    render_frame_fini(&same);
    scene_free(s);
    render_device_free(&dev);
}

// The camera trucked 0.5 m left since the previous frame: the backdrop
// 10 m away was f * 0.5 / 10 pixels to the right of where it is, the box
// 5 m away twice that, and the sky did not move.
static void test_motion_vectors(void)
{
    RenderDevice *dev = NULL;
    BaseDiag diag = { 0 };
    CHECK_OK(render_device_new(A, &diag, &dev));
    Scene *s = scene_new();
    LightRig rig = dark_rig();
    const int w = 96, h = 24;
    CameraView now = view_at(v3(0, 0, 0), 0.0);
    CameraView prev = view_at(v3(0.5, 0, 0), 0.0);
    RenderSettings rs = { 1, 0, 2, 3, 0, 0, 0, 0 };
    Frame f;
    CHECK_OK(render_frame_init(&f, A, w, h));
    RenderMotion m = { NULL, &prev, NULL, NULL };
    CHECK_OK(render_frame_motion(dev, s, &now, &rig, &rs, &m, &f, NULL));
    double f_px = now.focal_mm / now.sensor_w_mm * w;
    double err = 0.0;
    int n[3] = { 0, 0, 0 };
    for (size_t i = 0; i < (size_t)w * h; i++) {
        double want_x;
        int kind;
        if (f.depth[i] <= 0.0f) {
            want_x = 0.0;
            kind = 0;
        } else {
            // The hit's distance along the lens axis, from the distance
            // along the pixel centre's ray.
            double sx = ((double)(i % (size_t)w) + 0.5) / w * 2.0 - 1.0;
            double sy = 1.0 - ((double)(i / (size_t)w) + 0.5) / h * 2.0;
            double hw = now.sensor_w_mm / (2.0 * now.focal_mm);
            double hh = now.sensor_h_mm / (2.0 * now.focal_mm);
            double len = sqrt(1.0 + sx * hw * sx * hw + sy * hh * sy * hh);
            double z = (double)f.depth[i] / len;
            want_x = -f_px * 0.5 / z;
            kind = f.id[i] == 2 ? 2 : 1;
        }
        double e = fabs((double)f.motion[2 * i] - want_x) +
                   fabs((double)f.motion[2 * i + 1]);
        err = e > err ? e : err;
        n[kind]++;
    }
    printf("# motion pass: largest error %.2g px over %d backdrop, %d box, "
           "%d sky pixels (backdrop %.3f px, box %.3f px)\n",
           err, n[1], n[2], n[0], -f_px * 0.05, -f_px * 0.1);
    CHECK(n[0] > 0 && n[1] > 0 && n[2] > 0);
    CHECK(err < 0.02);
    // Without a previous view the pass is zero.
    CHECK_OK(render_frame(dev, s, &now, &rig, &rs, &f, NULL));
    for (size_t i = 0; i < (size_t)w * h * 2; i++)
        CHECK(f.motion[i] == 0.0f);
    render_frame_fini(&f);
    scene_free(s);
    render_device_free(&dev);
}

// Fog, a lamp behind a gobo and a moving shutter draw their own random
// numbers; the frame must still not depend on the thread count.
static void test_threads_with_everything(void)
{
    RenderDevice *dev = NULL;
    BaseDiag diag = { 0 };
    CHECK_OK(render_device_new(A, &diag, &dev));
    Scene *s = scene_new();
    LightRig rig = dark_rig();
    rig.fog_density_per_m = 0.05;
    rig.fog_radiance[2] = 0.1f;
    rig.sun_dir = v3_norm(v3(1, 2, 1));
    rig.sun_cos_radius = cos(2.0 * BASE_PI / 180.0);
    rig.sun_radiance[0] = rig.sun_radiance[1] = rig.sun_radiance[2] = 50.0f;
    rig.local_count = 1;
    rig.locals[0].position = v3(0, 1, -3);
    rig.locals[0].radius_m = 0.1;
    rig.locals[0].radiance[0] = 20.0f;
    rig.locals[0].gobo = 0.5f;
    rig.locals[0].gobo_axis = v3(0, 0, -1);
    CameraView open = view_at(v3(0, 0, 0), 0.0);
    CameraView close = view_at(v3(0.1, 0, 0), 0.02);
    CameraView prev = view_at(v3(-0.1, 0, 0), -0.02);
    RenderMotion m = { &close, &prev, NULL, NULL };
    RenderSettings one = { 4, 2, 1, 9, 1, 2, 0, 0 }, two = one;
    two.threads = 2;
    Frame a, b;
    CHECK_OK(render_frame_init(&a, A, 64, 40));
    CHECK_OK(render_frame_init(&b, A, 64, 40));
    CHECK_OK(render_frame_motion(dev, s, &open, &rig, &one, &m, &a, NULL));
    CHECK_OK(render_frame_motion(dev, s, &open, &rig, &two, &m, &b, NULL));
    size_t n = 64 * 40;
    CHECK(memcmp(a.rgb, b.rgb, n * 3 * sizeof(float)) == 0);
    CHECK(memcmp(a.motion, b.motion, n * 2 * sizeof(float)) == 0);
    render_frame_fini(&a);
    render_frame_fini(&b);
    scene_free(s);
    render_device_free(&dev);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_pan_blur);
    CHECK_RUN(test_motion_vectors);
    CHECK_RUN(test_threads_with_everything);
    return CHECK_DONE();
}
