/* render/scene.c: the Embree geometry a frame is traced against, kept
 * across the frames of a shot. The set's meshes that stay put are built
 * into one BVH once and instanced; only what moves is rebuilt per frame,
 * with two time steps where it moves while the shutter is open. */
#include <string.h>

#include "render_internal.h"

struct RenderGeoCache {
    const AuAllocator *alloc;
    RTCDevice device;
    RTCScene stat; /**< the static meshes, geometry ID = mesh index */
    RTCScene top;  /**< the last frame's top level, or NULL */
    uint64_t shot; /**< the shot stat was built for */
    bool has_shot;
    /** Per mesh index: 1 when the mesh is in stat, 2 when it once changed
     * between frames of the shot and is rebuilt with each frame. */
    uint8_t *role;
    size_t role_cap;
    size_t builds; /**< static scenes built, for tests */
};

enum {
    ROLE_NONE = 0,
    ROLE_STATIC = 1,
    ROLE_MOVES = 2
};

AuStatus render_geo_cache_new(const AuAllocator *alloc, RTCDevice device,
                              RenderGeoCache **out)
{
    RenderGeoCache *c = base_calloc(alloc, 1, sizeof *c);
    if (!c)
        return AU_ENOMEM;
    c->alloc = alloc;
    c->device = device;
    *out = c;
    return AU_OK;
}

static void drop_static(RenderGeoCache *c)
{
    if (c->stat)
        rtcReleaseScene(c->stat);
    c->stat = NULL;
    c->has_shot = false;
    if (c->role)
        memset(c->role, 0, c->role_cap);
}

void render_geo_cache_free(RenderGeoCache **c)
{
    if (!c || !*c)
        return;
    if ((*c)->top)
        rtcReleaseScene((*c)->top);
    drop_static(*c);
    base_free((*c)->alloc, (*c)->role);
    base_free((*c)->alloc, *c);
    *c = NULL;
}

size_t render_geo_cache_builds(const RenderGeoCache *c)
{
    return c->builds;
}

// The scene at the shutter's closing, and which of its meshes is which.
typedef struct Poses {
    const Scene *close;  /**< the shutter's closing, or NULL */
    const uint32_t *map; /**< mesh index to its index in close */
} Poses;

// Mesh @p i's pose at the shutter's closing when it differs from the
// opening's, else NULL (one time step is enough).
static const WorldMesh *close_pose(const Poses *p, const Scene *scene, size_t i)
{
    if (!p->close || !p->map || p->map[i] == UINT32_MAX)
        return NULL;
    const WorldMesh *m = &scene->meshes[i];
    const WorldMesh *c = &p->close->meshes[p->map[i]];
    return memcmp(m->positions, c->positions,
                  (size_t)m->vertex_count * 3 * sizeof(float)) != 0
               ? c
               : NULL;
}

// Embree pads its own buffers for its SIMD loads, so copying is simpler
// and safer than sharing the arena's arrays. With @p close, the mesh gets
// two time steps: @p m at the shutter's opening and @p close (the same
// triangles) at its closing, and Embree moves each vertex in a straight
// line between them.
static AuStatus attach_mesh(RTCDevice device, RTCScene rs, const WorldMesh *m,
                            const WorldMesh *close, unsigned id)
{
    RTCGeometry g = rtcNewGeometry(device, RTC_GEOMETRY_TYPE_TRIANGLE);
    if (!g)
        return AU_EINTERNAL;
    if (close)
        rtcSetGeometryTimeStepCount(g, 2);
    float *v =
        rtcSetNewGeometryBuffer(g, RTC_BUFFER_TYPE_VERTEX, 0, RTC_FORMAT_FLOAT3,
                                3 * sizeof(float), m->vertex_count);
    float *v1 = close ? rtcSetNewGeometryBuffer(
                            g, RTC_BUFFER_TYPE_VERTEX, 1, RTC_FORMAT_FLOAT3,
                            3 * sizeof(float), m->vertex_count)
                      : NULL;
    uint32_t *idx =
        rtcSetNewGeometryBuffer(g, RTC_BUFFER_TYPE_INDEX, 0, RTC_FORMAT_UINT3,
                                3 * sizeof(uint32_t), m->triangle_count);
    if (!v || !idx || (close && !v1)) {
        rtcReleaseGeometry(g);
        return AU_EINTERNAL;
    }
    memcpy(v, m->positions, (size_t)m->vertex_count * 3 * sizeof(float));
    if (close)
        memcpy(v1, close->positions,
               (size_t)m->vertex_count * 3 * sizeof(float));
    memcpy(idx, m->indices, (size_t)m->triangle_count * 3 * sizeof(uint32_t));
    rtcCommitGeometry(g);
    rtcAttachGeometryByID(rs, g, id);
    rtcReleaseGeometry(g);
    return AU_OK;
}

// True when mesh @p m has exactly the vertices and triangles the static
// scene holds under its index (the caller has compared the counts).
static bool same_geometry(RTCScene stat, const WorldMesh *m, unsigned id)
{
    RTCGeometry g = rtcGetGeometry(stat, id);
    if (!g)
        return false;
    const float *v = rtcGetGeometryBufferData(g, RTC_BUFFER_TYPE_VERTEX, 0);
    const uint32_t *idx = rtcGetGeometryBufferData(g, RTC_BUFFER_TYPE_INDEX, 0);
    return v && idx &&
           memcmp(v, m->positions,
                  (size_t)m->vertex_count * 3 * sizeof(float)) == 0 &&
           memcmp(idx, m->indices,
                  (size_t)m->triangle_count * 3 * sizeof(uint32_t)) == 0;
}

static bool may_be_static(const WorldMesh *m)
{
    return m->object_id == 0 && m->triangle_count > 0;
}

// Checks the cached static meshes against this frame's: a shot change
// or a different mesh list drops the cache, and a mesh that changed
// (a prop picked up) is marked to be rebuilt with each frame from now
// on. Returns true when the static scene must be built again.
static AuStatus check_static(RenderGeoCache *c, const Scene *scene,
                             const Poses *poses, uint64_t shot, bool *rebuild)
{
    if (scene->mesh_count > c->role_cap) {
        uint8_t *r = base_realloc(c->alloc, c->role, scene->mesh_count);
        if (!r)
            return AU_ENOMEM;
        memset(r + c->role_cap, 0, scene->mesh_count - c->role_cap);
        c->role = r;
        c->role_cap = scene->mesh_count;
    }
    if (!c->stat || !c->has_shot || c->shot != shot) {
        drop_static(c);
        *rebuild = true;
        return AU_OK;
    }
    size_t kept = 0, moved = 0;
    for (size_t i = 0; i < c->role_cap; i++) {
        if (c->role[i] != ROLE_STATIC)
            continue;
        const WorldMesh *m = i < scene->mesh_count ? &scene->meshes[i] : NULL;
        RTCGeometry g = rtcGetGeometry(c->stat, (unsigned)i);
        bool same = m && may_be_static(m) && g &&
                    rtcGetGeometryUserData(g) ==
                        (void *)(uintptr_t)((uint64_t)m->vertex_count << 32 |
                                            m->triangle_count) &&
                    same_geometry(c->stat, m, (unsigned)i) &&
                    !close_pose(poses, scene, i);
        if (same) {
            kept++;
        } else {
            c->role[i] = ROLE_MOVES;
            moved++;
        }
    }
    // A different set under the same shot number (a test reusing the
    // device) shares nothing: start over rather than mark it all moving.
    if (moved > kept) {
        drop_static(c);
        *rebuild = true;
        return AU_OK;
    }
    *rebuild = moved > 0;
    return AU_OK;
}

static AuStatus build_static(RenderGeoCache *c, const Scene *scene,
                             const Poses *poses, uint64_t shot)
{
    if (c->stat)
        rtcReleaseScene(c->stat);
    c->stat = rtcNewScene(c->device);
    if (!c->stat)
        return AU_EINTERNAL;
    rtcSetSceneBuildQuality(c->stat, RTC_BUILD_QUALITY_MEDIUM);
    for (size_t i = 0; i < scene->mesh_count; i++) {
        const WorldMesh *m = &scene->meshes[i];
        // A mesh moving inside the shutter moves from now on too.
        if (may_be_static(m) && close_pose(poses, scene, i))
            c->role[i] = ROLE_MOVES;
        if (c->role[i] == ROLE_MOVES || !may_be_static(m)) {
            if (c->role[i] != ROLE_MOVES)
                c->role[i] = ROLE_NONE;
            continue;
        }
        AuStatus st = attach_mesh(c->device, c->stat, m, NULL, (unsigned)i);
        if (st != AU_OK) {
            drop_static(c);
            return st;
        }
        // The counts ride along as user data, so the next frame can
        // compare sizes before it compares contents.
        rtcSetGeometryUserData(
            rtcGetGeometry(c->stat, (unsigned)i),
            (void *)(uintptr_t)((uint64_t)m->vertex_count << 32 |
                                m->triangle_count));
        c->role[i] = ROLE_STATIC;
    }
    rtcCommitScene(c->stat);
    if (rtcGetDeviceError(c->device) != RTC_ERROR_NONE) {
        drop_static(c);
        return AU_EINTERNAL;
    }
    c->shot = shot;
    c->has_shot = true;
    c->builds++;
    return AU_OK;
}

AuStatus render_geo_cache_scene(RenderGeoCache *c, const Scene *scene,
                                uint64_t shot, RTCScene *out)
{
    return render_geo_cache_scene_blur(c, scene, NULL, NULL, shot, out, NULL);
}

AuStatus render_geo_cache_scene_blur(RenderGeoCache *c, const Scene *scene,
                                     const Scene *close,
                                     const uint32_t *close_map, uint64_t shot,
                                     RTCScene *out, size_t *blurred)
{
    if (c->top)
        rtcReleaseScene(c->top);
    c->top = NULL;
    Poses poses = { close, close_map };
    size_t moving = 0;
    bool rebuild = false;
    AuStatus st = check_static(c, scene, &poses, shot, &rebuild);
    if (st == AU_OK && rebuild)
        st = build_static(c, scene, &poses, shot);
    if (st != AU_OK)
        return st;
    RTCScene top = rtcNewScene(c->device);
    if (!top)
        return AU_EINTERNAL;
    rtcSetSceneBuildQuality(top, RTC_BUILD_QUALITY_MEDIUM);
    // Static meshes keep their mesh index as geometry ID inside the
    // instance and moving ones theirs in the top level, so a hit's geomID
    // is the mesh index either way. The instance takes the first static
    // index, which no top-level mesh uses.
    unsigned inst_id = RTC_INVALID_GEOMETRY_ID;
    for (size_t i = 0; i < scene->mesh_count && st == AU_OK; i++) {
        const WorldMesh *m = &scene->meshes[i];
        if (c->role[i] == ROLE_STATIC) {
            if (inst_id == RTC_INVALID_GEOMETRY_ID)
                inst_id = (unsigned)i;
            continue;
        }
        if (m->triangle_count > 0) {
            const WorldMesh *mc = close_pose(&poses, scene, i);
            moving += mc != NULL;
            st = attach_mesh(c->device, top, m, mc, (unsigned)i);
        }
    }
    if (st == AU_OK && inst_id != RTC_INVALID_GEOMETRY_ID) {
        RTCGeometry g = rtcNewGeometry(c->device, RTC_GEOMETRY_TYPE_INSTANCE);
        if (!g) {
            st = AU_EINTERNAL;
        } else {
            rtcSetGeometryInstancedScene(g, c->stat);
            // Identity: every coordinate passes through the transform
            // exactly (x * 1 + y * 0 + z * 0 + 0 is x in floating point).
            static const float identity[12] = { 1, 0, 0, 0, 1, 0,
                                                0, 0, 1, 0, 0, 0 };
            rtcSetGeometryTransform(g, 0, RTC_FORMAT_FLOAT3X4_COLUMN_MAJOR,
                                    identity);
            rtcCommitGeometry(g);
            rtcAttachGeometryByID(top, g, inst_id);
            rtcReleaseGeometry(g);
        }
    }
    if (st == AU_OK) {
        rtcCommitScene(top);
        if (rtcGetDeviceError(c->device) != RTC_ERROR_NONE)
            st = AU_EINTERNAL;
    }
    if (st != AU_OK) {
        rtcReleaseScene(top);
        return st;
    }
    c->top = top;
    *out = top;
    if (blurred)
        *blurred = moving;
    return AU_OK;
}
