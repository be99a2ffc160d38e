/* render/motion.c: the camera and the cast over time, for trace.c: the
 * view at a time inside the shutter (camera motion blur), which mesh is
 * which at another moment (object blur), and where a point seen now was
 * on the previous frame's film (the motion-vector pass). */
#include <string.h>

#include "render_internal.h"

void render_view_lerp(const CameraView *open, const CameraView *close, double t,
                      CameraView *out)
{
    *out = *open;
    out->position = v3_lerp(open->position, close->position, t);
    // Lerped axes renormalised: the shutter is short, so the turn between
    // the two views is small and this is as good as a slerp.
    Vec3 fwd = v3_norm(v3_lerp(open->forward, close->forward, t));
    Vec3 up = v3_lerp(open->up, close->up, t);
    out->forward = fwd;
    out->right = v3_norm(v3_cross(fwd, up));
    out->up = v3_cross(out->right, fwd);
    out->focal_mm = open->focal_mm + (close->focal_mm - open->focal_mm) * t;
    out->focus_m = open->focus_m + (close->focus_m - open->focus_m) * t;
}

void render_motion_vector(const CameraView *prev, Vec3 p, bool at_infinity,
                          double x_px, double y_px, int width, int height,
                          float out[2])
{
    out[0] = out[1] = 0.0f;
    // A direction to the sky moves with the camera's turn only.
    Vec3 q = at_infinity ? v3_add(prev->position, p) : p;
    double x, y;
    if (!camera_project(prev, q, &x, &y))
        return;
    out[0] = (float)(x * width - x_px);
    out[1] = (float)(y * height - y_px);
}

void render_motion_match(const Scene *a, const Scene *b, uint32_t *map)
{
    bool same_list = a->mesh_count == b->mesh_count;
    for (size_t i = 0; i < a->mesh_count; i++) {
        const WorldMesh *m = &a->meshes[i];
        size_t j = SIZE_MAX;
        if (same_list) {
            j = i;
        } else if (m->object_id != 0) {
            // A mesh list that grew or shrank (a prop put down) shifts the
            // indices, but a character's parts keep their order: the k-th
            // part of a character is its k-th part at the other moment.
            size_t k = 0;
            for (size_t q = 0; q < i; q++)
                k += a->meshes[q].object_id == m->object_id;
            for (size_t q = 0; q < b->mesh_count && j == SIZE_MAX; q++) {
                if (b->meshes[q].object_id != m->object_id)
                    continue;
                if (k == 0)
                    j = q;
                else
                    k--;
            }
        }
        const WorldMesh *o = j != SIZE_MAX ? &b->meshes[j] : NULL;
        bool same = o && o->object_id == m->object_id &&
                    o->vertex_count == m->vertex_count &&
                    o->triangle_count == m->triangle_count;
        // A vertex that went further than anyone runs in a frame is a
        // jump (a cut in the performance), which blur would smear.
        for (size_t k = 0; same && k < (size_t)m->vertex_count * 3; k += 3) {
            double dx = (double)(o->positions[k] - m->positions[k]);
            double dy = (double)(o->positions[k + 1] - m->positions[k + 1]);
            double dz = (double)(o->positions[k + 2] - m->positions[k + 2]);
            same = dx * dx + dy * dy + dz * dz <=
                   RENDER_MOTION_JUMP_M * RENDER_MOTION_JUMP_M;
        }
        map[i] = same ? (uint32_t)j : UINT32_MAX;
    }
}

// The point at barycentrics (u, v) of triangle @p prim of @p m, as Embree
// weighs the corners: (1 - u - v) p0 + u p1 + v p2.
static Vec3 tri_point(const WorldMesh *m, unsigned prim, double u, double v)
{
    const uint32_t *tri = &m->indices[3 * (size_t)prim];
    double w[3] = { 1.0 - u - v, u, v };
    Vec3 p = v3(0, 0, 0);
    for (int k = 0; k < 3; k++) {
        const float *c = &m->positions[3 * (size_t)tri[k]];
        p = v3_add(
            p, v3_scale(v3((double)c[0], (double)c[1], (double)c[2]), w[k]));
    }
    return p;
}

Vec3 render_motion_point(const Scene *now, const Scene *prev,
                         const uint32_t *map, unsigned geom, unsigned prim,
                         float u, float v, Vec3 p)
{
    if (!prev || !map || geom >= now->mesh_count || map[geom] == UINT32_MAX)
        return p;
    const WorldMesh *m = &now->meshes[geom];
    if (prim >= m->triangle_count)
        return p;
    // The displacement of the surface point, added to the hit: the same
    // point exactly when the mesh did not move.
    Vec3 a = tri_point(m, prim, (double)u, (double)v);
    Vec3 b = tri_point(&prev->meshes[map[geom]], prim, (double)u, (double)v);
    return v3_add(p, v3_sub(b, a));
}

double render_motion_spread_px(const Scene *a, const Scene *b,
                               const uint32_t *map, const CameraView *view,
                               int width, int height)
{
    double most = 0.0;
    for (size_t i = 0; i < a->mesh_count; i++) {
        if (map[i] == UINT32_MAX)
            continue;
        const WorldMesh *m = &a->meshes[i], *o = &b->meshes[map[i]];
        size_t n = (size_t)m->vertex_count * 3;
        if (memcmp(m->positions, o->positions, n * sizeof(float)) == 0)
            continue;
        for (size_t k = 0; k < n; k += 3) {
            const float *p = &m->positions[k], *q = &o->positions[k];
            double x0, y0, x1, y1;
            if (!camera_project(view,
                                v3((double)p[0], (double)p[1], (double)p[2]),
                                &x0, &y0) ||
                !camera_project(view,
                                v3((double)q[0], (double)q[1], (double)q[2]),
                                &x1, &y1))
                continue;
            // Only what the frame shows: a vertex beside the lens
            // projects far off the film.
            if (x0 < -0.1 || x0 > 1.1 || y0 < -0.1 || y0 > 1.1)
                continue;
            double d = hypot((x1 - x0) * width, (y1 - y0) * height);
            most = d > most ? d : most;
        }
    }
    return most;
}

// The solved view moved and focused for time @p t_s, or false.
static bool view_at(const Production *prod, size_t shot, const Scene *scene,
                    const CameraView *solved, double t_s, uint64_t seed,
                    CameraView *out)
{
    *out = *solved;
    return camera_apply_move(prod, shot, scene, t_s, seed, out) == AU_OK &&
           camera_focus(prod, shot, scene, t_s, out) == AU_OK;
}

void render_motion_views(const Production *prod, size_t shot,
                         const Scene *scene, const CameraView *solved,
                         double t_s, double fps, double shutter_deg,
                         uint64_t seed, CameraView *close, CameraView *prev,
                         RenderMotion *out)
{
    out->view_close = out->view_prev = NULL;
    out->scene_close = out->scene_prev = NULL;
    if (!(fps > 0.0))
        return;
    double open_s = shutter_deg / 360.0 / fps;
    if (open_s > 0.0 &&
        view_at(prod, shot, scene, solved, t_s + open_s, seed, close))
        out->view_close = close;
    // The shot's first frame has no previous one: a cut has no motion.
    double t_prev = t_s - 1.0 / fps;
    if (view_at(prod, shot, scene, solved, t_prev > 0.0 ? t_prev : 0.0, seed,
                prev))
        out->view_prev = prev;
}
