/* tests/world/helpers.h: what the world tests share: a one-scene
 * production built by hand, and measurements of the built Scene (bounding
 * boxes, triangle boxes against the cast, rays through the set). */
#ifndef AU_TESTS_WORLD_HELPERS_H
#define AU_TESTS_WORLD_HELPERS_H

#include <stdlib.h>

#include "check.h"
#include "world/world.h"

/* ---- a one-scene production ------------------------------------------ */

#define H_CAST_MAX 6

typedef struct HProd {
    Production p;
    DirectScene scene;
    DirectShot shot;
    DirectCastMember cast[H_CAST_MAX];
    size_t cast_idx[H_CAST_MAX];
    const char *actions[16];
} HProd;

static const char *const h_names[H_CAST_MAX] = { "BRICK", "STEEL", "MARGOT",
                                                 "JUNE",  "WALT",  "ABE" };

/* A production of one scene at @p location with the first @p cast of
 * h_names and one wide shot; the caller may set actions and looks. */
static inline void h_prod(HProd *h, const char *location, bool interior,
                          size_t cast)
{
    memset(h, 0, sizeof(*h));
    for (size_t i = 0; i < H_CAST_MAX; i++) {
        h->cast[i].name = h_names[i];
        h->cast[i].name_hash = base_hash_name(h_names[i]);
        h->cast_idx[i] = i;
    }
    h->scene.location = location;
    h->scene.heading = location;
    h->scene.interior = interior;
    h->scene.cast = h->cast_idx;
    h->scene.cast_count = cast;
    h->shot.size = DIRECT_SHOT_WS;
    h->shot.lens_mm = 35.0;
    h->shot.f_stop = 2.8;
    h->shot.subject = SIZE_MAX;
    h->shot.duration_s = 3.0;
    h->p.scenes = &h->scene;
    h->p.scene_count = 1;
    h->p.shots = &h->shot;
    h->p.shot_count = 1;
    h->p.cast = h->cast;
    h->p.cast_count = H_CAST_MAX;
}

static inline void h_actions(HProd *h, const char *const *lines, size_t n)
{
    for (size_t i = 0; i < n && i < 16; i++)
        h->actions[i] = lines[i];
    h->scene.actions = h->actions;
    h->scene.action_count = n;
}

static inline Scene *h_build(const HProd *h)
{
    Scene *s = NULL;
    CHECK_OK(world_build(base_allocator_default(), &h->p, 0, 0.0, 7, &s));
    return s;
}

/* ---- measuring ------------------------------------------------------- */

typedef struct Box3 {
    double lo[3], hi[3];
} Box3;

static inline Box3 box_empty(void)
{
    Box3 b = { { 1e30, 1e30, 1e30 }, { -1e30, -1e30, -1e30 } };
    return b;
}

static inline void box_add(Box3 *b, const float *p)
{
    for (int k = 0; k < 3; k++) {
        b->lo[k] = fmin(b->lo[k], (double)p[k]);
        b->hi[k] = fmax(b->hi[k], (double)p[k]);
    }
}

static inline void box_add_mesh(Box3 *b, const WorldMesh *m)
{
    for (uint32_t v = 0; v < m->vertex_count; v++)
        box_add(b, &m->positions[3 * v]);
}

static inline Box3 figure_box(const Scene *s, size_t cast_index)
{
    Box3 b = box_empty();
    for (size_t i = 0; i < s->mesh_count; i++) {
        if (s->meshes[i].object_id == cast_index + 1)
            box_add_mesh(&b, &s->meshes[i]);
    }
    return b;
}

static inline bool box_overlap(const Box3 *a, const Box3 *b)
{
    for (int k = 0; k < 3; k++) {
        if (!(a->lo[k] < b->hi[k] && a->hi[k] > b->lo[k]))
            return false;
    }
    return true;
}

static inline Box3 prop_box(const WorldProp *p)
{
    Box3 b = { { p->center.x - p->half_extent.x, p->center.y - p->half_extent.y,
                 p->center.z - p->half_extent.z },
               { p->center.x + p->half_extent.x, p->center.y + p->half_extent.y,
                 p->center.z + p->half_extent.z } };
    return b;
}

static inline double lum3(const float c[3])
{
    return 0.2126 * (double)c[0] + 0.7152 * (double)c[1] +
           0.0722 * (double)c[2];
}

/* Every mesh well formed: indices in range, unit normals, and for the
 * twenty body parts of each figure (which come first among its meshes;
 * what a look adds is thin shells) normals that point away from the
 * part's centre. */
static inline void check_meshes(const Scene *s)
{
    size_t part = 0;
    uint16_t prev_id = 0;
    for (size_t i = 0; i < s->mesh_count; i++) {
        const WorldMesh *m = &s->meshes[i];
        part = m->object_id == prev_id ? part + 1 : 0;
        prev_id = m->object_id;
        CHECK(m->vertex_count > 0 && m->triangle_count > 0);
        uint32_t bad_index = 0;
        for (uint32_t k = 0; k < 3 * m->triangle_count; k++)
            bad_index += m->indices[k] >= m->vertex_count;
        CHECK_INT_EQ(bad_index, 0);
        uint32_t bad_pos = 0;
        for (uint32_t k = 0; k < 3 * m->vertex_count; k++)
            bad_pos += !isfinite((double)m->positions[k]);
        CHECK_INT_EQ(bad_pos, 0);
        if (!m->normals)
            continue;
        double worst = 0, c[3] = { 0, 0, 0 };
        for (uint32_t v = 0; v < m->vertex_count; v++) {
            const float *n = &m->normals[3 * v];
            double len =
                sqrt((double)(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]));
            worst = fmax(worst, fabs(len - 1.0));
            for (int k = 0; k < 3; k++)
                c[k] += (double)m->positions[3 * v + (uint32_t)k];
        }
        CHECK(worst < 1e-5);
        if (m->object_id == 0 || part >= 20)
            continue;
        for (int k = 0; k < 3; k++)
            c[k] /= (double)m->vertex_count;
        uint32_t out = 0;
        for (uint32_t v = 0; v < m->vertex_count; v++) {
            double d = 0;
            for (int k = 0; k < 3; k++) {
                d += (double)m->normals[3 * v + (uint32_t)k] *
                     ((double)m->positions[3 * v + (uint32_t)k] - c[k]);
            }
            out += d > 0;
        }
        CHECK((double)out > 0.8 * (double)m->vertex_count);
    }
}

/* Counts the set's and props' triangles (object id 0) whose bounding box
 * comes within @p margin of a character's (the floor below 2 cm left
 * out), other than those of a prop the character holds; prints the
 * first. */
static inline size_t set_hits_cast(const Scene *s, double margin)
{
    size_t hits = 0;
    for (size_t f = 0; f < s->figure_count; f++) {
        size_t ci = s->figures[f].cast_index;
        Box3 fb = figure_box(s, ci);
        fb.lo[0] -= margin, fb.hi[0] += margin;
        fb.lo[2] -= margin, fb.hi[2] += margin;
        fb.lo[1] = 0.02;
        for (size_t i = 0; i < s->mesh_count; i++) {
            const WorldMesh *m = &s->meshes[i];
            if (m->object_id != 0)
                continue;
            for (uint32_t t = 0; t < m->triangle_count; t++) {
                Box3 tb = box_empty();
                for (int k = 0; k < 3; k++)
                    box_add(&tb, &m->positions[3 * m->indices[3 * t + k]]);
                if (!box_overlap(&tb, &fb))
                    continue;
                bool held = false;
                for (size_t p = 0; p < s->prop_count && !held; p++) {
                    Box3 pb = prop_box(&s->props[p]);
                    for (int k = 0; k < 3; k++)
                        pb.lo[k] -= 1e-3, pb.hi[k] += 1e-3;
                    held = s->props[p].held_by != SIZE_MAX &&
                           tb.lo[0] >= pb.lo[0] && tb.hi[0] <= pb.hi[0] &&
                           tb.lo[1] >= pb.lo[1] && tb.hi[1] <= pb.hi[1] &&
                           tb.lo[2] >= pb.lo[2] && tb.hi[2] <= pb.hi[2];
                }
                if (held)
                    continue;
                if (hits == 0)
                    fprintf(stderr,
                            "  set triangle [%.2f %.2f %.2f]-[%.2f %.2f %.2f]"
                            " hits %s\n",
                            tb.lo[0], tb.lo[1], tb.lo[2], tb.hi[0], tb.hi[1],
                            tb.hi[2], h_names[ci % H_CAST_MAX]);
                hits++;
            }
        }
    }
    return hits;
}

/* Distance along the ray from @p o in direction @p d to the nearest
 * triangle of the set (object id 0), or INFINITY. */
static inline double ray_set(const Scene *s, Vec3 o, Vec3 d)
{
    double best = INFINITY;
    for (size_t i = 0; i < s->mesh_count; i++) {
        const WorldMesh *m = &s->meshes[i];
        if (m->object_id != 0)
            continue;
        for (uint32_t t = 0; t < m->triangle_count; t++) {
            const float *p[3];
            for (int k = 0; k < 3; k++)
                p[k] = &m->positions[3 * m->indices[3 * t + k]];
            Vec3 a = v3((double)p[0][0], (double)p[0][1], (double)p[0][2]);
            Vec3 e1 = v3_sub(
                v3((double)p[1][0], (double)p[1][1], (double)p[1][2]), a);
            Vec3 e2 = v3_sub(
                v3((double)p[2][0], (double)p[2][1], (double)p[2][2]), a);
            Vec3 q = v3_cross(d, e2);
            double det = v3_dot(e1, q);
            if (fabs(det) < 1e-12)
                continue;
            Vec3 tv = v3_sub(o, a);
            double u = v3_dot(tv, q) / det;
            if (u < 0 || u > 1)
                continue;
            Vec3 r = v3_cross(tv, e1);
            double v = v3_dot(d, r) / det;
            if (v < 0 || u + v > 1)
                continue;
            double dist = v3_dot(e2, r) / det;
            if (dist > 1e-6 && dist < best)
                best = dist;
        }
    }
    return best;
}

static inline size_t set_triangles(const Scene *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->mesh_count; i++) {
        if (s->meshes[i].object_id == 0)
            n += s->meshes[i].triangle_count;
    }
    return n;
}

/* True when the set meshes of @p a and @p b are identical. */
static inline bool same_set(const Scene *a, const Scene *b)
{
    size_t ia = 0, ib = 0;
    for (;;) {
        while (ia < a->mesh_count && a->meshes[ia].object_id != 0)
            ia++;
        while (ib < b->mesh_count && b->meshes[ib].object_id != 0)
            ib++;
        if (ia >= a->mesh_count || ib >= b->mesh_count)
            return ia >= a->mesh_count && ib >= b->mesh_count;
        const WorldMesh *x = &a->meshes[ia++], *y = &b->meshes[ib++];
        if (x->vertex_count != y->vertex_count ||
            x->triangle_count != y->triangle_count ||
            memcmp(x->positions, y->positions,
                   sizeof(float) * 3 * x->vertex_count) != 0 ||
            memcmp(&x->material, &y->material, sizeof(x->material)) != 0)
            return false;
    }
}

#endif
