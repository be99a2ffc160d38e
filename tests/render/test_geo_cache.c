/* tests/render/test_geo_cache.c: the per-shot geometry cache. Frames of a
 * shot traced with the set's BVH reused must match frames traced from a
 * fresh device bit for bit, for any thread count, and the static part is
 * built only when the set changes. */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "check.h"
#include "render/render_internal.h"

static const AuAllocator *A;

// An axis-aligned box as 12 triangles, smooth-shaded so the normals pass
// is read from the mesh.
static void make_box(BaseArena *arena, WorldMesh *m, Vec3 lo, Vec3 hi,
                     float albedo, uint16_t id)
{
    test_box_mesh(arena, m, lo, hi);
    m->material.albedo[0] = albedo;
    m->material.albedo[1] = albedo * 0.8f;
    m->material.albedo[2] = albedo * 0.6f;
    m->material.roughness = 0.4f;
    m->material.specular = 0.5f;
    m->object_id = id;
}

// The set at time @p t: a floor and a wall that never move, a prop on
// the floor that slides when @p prop_moves, and a character box walking
// across.
static Scene *make_scene(double t, bool prop_moves)
{
    Scene *s = calloc(1, sizeof *s);
    base_arena_init(&s->arena, A);
    s->meshes = base_arena_array(&s->arena, 4, sizeof(WorldMesh));
    s->mesh_count = 4;
    make_box(&s->arena, &s->meshes[0], v3(-20, -1, -20), v3(20, 0, 20), 0.5f,
             0);
    make_box(&s->arena, &s->meshes[1], v3(-3, 0, -2.5), v3(3, 2.5, -2), 0.7f,
             0);
    double px = prop_moves ? 0.4 * t : 0.0;
    make_box(&s->arena, &s->meshes[2], v3(0.8 + px, 0, 0.2),
             v3(1.2 + px, 0.5, 0.6), 0.9f, 0);
    double cx = -1.0 + 0.5 * t;
    make_box(&s->arena, &s->meshes[3], v3(cx - 0.3, 0, -0.8),
             v3(cx + 0.3, 1.7, -0.4), 0.6f, 1);
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
    v.position = v3(0.3, 1.6, 4.0);
    v.forward = v3_norm(v3_sub(v3(0, 0.6, 0), v.position));
    v.right = v3_norm(v3_cross(v.forward, v3(0, 1, 0)));
    v.up = v3_cross(v.right, v.forward);
    v.focal_mm = 28;
    v.sensor_w_mm = 24.89;
    v.sensor_h_mm = 24.89 * 40.0 / 64.0;
    return v;
}

static LightRig make_rig(void)
{
    LightRig r;
    memset(&r, 0, sizeof r);
    r.sun_dir = v3_norm(v3(0.4, 0.8, 0.3));
    r.sun_cos_radius = cos(1.0 * BASE_PI / 180.0);
    for (int i = 0; i < 3; i++) {
        r.sun_radiance[i] = 2000.0f;
        r.sky_zenith[i] = 0.6f;
        r.sky_horizon[i] = 1.0f;
        r.sky_ground[i] = 0.2f;
    }
    return r;
}

static bool frames_equal(const Frame *a, const Frame *b)
{
    size_t n = (size_t)a->width * (size_t)a->height;
    return memcmp(a->rgb, b->rgb, n * 3 * sizeof(float)) == 0 &&
           memcmp(a->albedo, b->albedo, n * 3 * sizeof(float)) == 0 &&
           memcmp(a->normal, b->normal, n * 3 * sizeof(float)) == 0 &&
           memcmp(a->depth, b->depth, n * sizeof(float)) == 0 &&
           memcmp(a->id, b->id, n * sizeof(uint16_t)) == 0;
}

// Traces frame @p frame of a shot on a new device, the geometry built
// from scratch.
static void render_fresh(double t, bool prop_moves, uint64_t frame, int threads,
                         Frame *out)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    Scene *s = make_scene(t, prop_moves);
    CameraView v = make_view();
    LightRig rig = make_rig();
    RenderSettings rs = { 4, 2, threads, 9, 3, frame, 0, 0 };
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, out, NULL));
    free_scene(s);
    render_device_free(&dev);
}

static void test_cached_frames_match_fresh(void)
{
    for (int moves = 0; moves < 2; moves++) {
        RenderDevice *dev = NULL;
        CHECK_OK(render_device_new(A, NULL, &dev));
        RenderGeoCache *geo = render_device_geo_cache(dev);
        CameraView v = make_view();
        LightRig rig = make_rig();
        Frame cached, fresh;
        CHECK_OK(render_frame_init(&cached, A, 64, 40));
        CHECK_OK(render_frame_init(&fresh, A, 64, 40));
        for (uint64_t f = 0; f < 3; f++) {
            double t = (double)f;
            Scene *s = make_scene(t, moves != 0);
            RenderSettings rs = { 4, 2, 2, 9, 3, f, 0, 0 };
            CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &cached, NULL));
            free_scene(s);
            render_fresh(t, moves != 0, f, 1, &fresh);
            CHECK(frames_equal(&cached, &fresh));
        }
        // A still set is built once; a prop that slides costs one more
        // build, then rides with the character.
        CHECK_INT_EQ((long long)render_geo_cache_builds(geo), (moves ? 2 : 1));
        // The character moved: the frames differ where it stands.
        Scene *s = make_scene(0.0, false);
        RenderSettings rs = { 4, 2, 2, 9, 3, 2, 0, 0 };
        CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &cached, NULL));
        free_scene(s);
        render_fresh(2.0, false, 2, 2, &fresh);
        CHECK(!frames_equal(&cached, &fresh));
        // A new shot builds its set again (the prop that slid is in it).
        s = make_scene(0.0, false);
        rs.shot = 4;
        CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &cached, NULL));
        free_scene(s);
        CHECK_INT_EQ((long long)render_geo_cache_builds(geo), (moves ? 3 : 2));
        render_frame_fini(&cached);
        render_frame_fini(&fresh);
        render_device_free(&dev);
    }
}

// A different set under the same shot number shares nothing with the
// cached one and must not be traced against it.
static void test_other_set_same_shot(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    CameraView v = make_view();
    LightRig rig = make_rig();
    Frame a, b;
    CHECK_OK(render_frame_init(&a, A, 64, 40));
    CHECK_OK(render_frame_init(&b, A, 64, 40));
    RenderSettings rs = { 2, 1, 2, 9, 3, 0, 0, 0 };
    Scene *s = make_scene(0.0, false);
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &a, NULL));
    free_scene(s);
    // Without the wall and the prop: only floor and character remain.
    s = make_scene(0.0, false);
    s->meshes[1] = s->meshes[3];
    s->mesh_count = 2;
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &a, NULL));
    free_scene(s);
    RenderDevice *dev2 = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev2));
    s = make_scene(0.0, false);
    s->meshes[1] = s->meshes[3];
    s->mesh_count = 2;
    CHECK_OK(render_frame(dev2, s, &v, &rig, &rs, &b, NULL));
    free_scene(s);
    CHECK(frames_equal(&a, &b));
    render_frame_fini(&a);
    render_frame_fini(&b);
    render_device_free(&dev);
    render_device_free(&dev2);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_cached_frames_match_fresh);
    CHECK_RUN(test_other_set_same_shot);
    return CHECK_DONE();
}
