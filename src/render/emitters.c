/* render/emitters.c: the scene's emissive triangles as area lights for
 * the path tracer (trace.c): a list grouped in space with a power CDF per
 * group, drawn for next-event estimation and looked up for MIS. */
#include <string.h>

#include "render_internal.h"

// Groups no wider than this stay whole: a lamp shade or a screen is one
// light, and splitting it would only cost per-vertex work.
static const double GROUP_MIN_DIAG_M = 0.5;

void render_emitters_init(RenderEmitters *e, const AuAllocator *alloc)
{
    memset(e, 0, sizeof *e);
    e->alloc = alloc;
}

void render_emitters_fini(RenderEmitters *e)
{
    if (e->alloc) {
        base_free(e->alloc, e->tri);
        base_free(e->alloc, e->slot);
        base_free(e->alloc, e->mesh_base);
    }
    memset(e, 0, sizeof *e);
}

static double lum(Vec3 c)
{
    return 0.2126 * c.x + 0.7152 * c.y + 0.0722 * c.z;
}

static Vec3 vertex(const WorldMesh *m, uint32_t i)
{
    const float *p = &m->positions[3 * (size_t)i];
    return v3((double)p[0], (double)p[1], (double)p[2]);
}

static bool emissive(const WorldMaterial *mat)
{
    return mat->emission[0] > 0.0f || mat->emission[1] > 0.0f ||
           mat->emission[2] > 0.0f;
}

// Grows *buf to hold @p n items of @p size bytes; false when out of memory
// (the buffer then stays as it was).
static bool reserve(const AuAllocator *a, void **buf, size_t *cap, size_t n,
                    size_t size)
{
    if (n <= *cap)
        return true;
    size_t want = *cap ? *cap : 64;
    while (want < n)
        want *= 2;
    if (want > SIZE_MAX / size)
        return false;
    void *p = base_realloc(a, *buf, want * size);
    if (!p)
        return false;
    *buf = p;
    *cap = want;
    return true;
}

static Vec3 centroid(const RenderEmitter *t)
{
    return v3_add(t->p0, v3_scale(v3_add(t->e1, t->e2), 1.0 / 3.0));
}

static double axis_of(Vec3 v, int k)
{
    return k == 0 ? v.x : k == 1 ? v.y : v.z;
}

// The box around the triangles' corners, or their centroids.
static void bounds(const RenderEmitter *t, size_t n, bool centroids, Vec3 *lo,
                   Vec3 *hi)
{
    *lo = v3(1e300, 1e300, 1e300);
    *hi = v3(-1e300, -1e300, -1e300);
    for (size_t i = 0; i < n; i++) {
        Vec3 pts[3] = { t[i].p0, v3_add(t[i].p0, t[i].e1),
                        v3_add(t[i].p0, t[i].e2) };
        int np = 3;
        if (centroids) {
            pts[0] = centroid(&t[i]);
            np = 1;
        }
        for (int k = 0; k < np; k++) {
            Vec3 p = pts[k];
            *lo = v3(p.x < lo->x ? p.x : lo->x, p.y < lo->y ? p.y : lo->y,
                     p.z < lo->z ? p.z : lo->z);
            *hi = v3(p.x > hi->x ? p.x : hi->x, p.y > hi->y ? p.y : hi->y,
                     p.z > hi->z ? p.z : hi->z);
        }
    }
}

// Splits group @p g at the middle of its centroids' longest extent,
// appending the upper half as a new group. False when it cannot be split
// (one triangle, or every centroid in one place).
static bool split_group(RenderEmitters *e, size_t g)
{
    RenderEmitGroup *grp = &e->group[g];
    RenderEmitter *t = &e->tri[grp->first];
    size_t n = grp->count;
    if (n < 2)
        return false;
    Vec3 lo, hi;
    bounds(t, n, true, &lo, &hi);
    Vec3 ext = v3_sub(hi, lo);
    int k = ext.x >= ext.y && ext.x >= ext.z ? 0 : ext.y >= ext.z ? 1 : 2;
    double mid = 0.5 * (axis_of(lo, k) + axis_of(hi, k));
    if (!(axis_of(ext, k) > 0.0))
        return false;
    // Hoare's partition: triangles left of the middle first. Both halves
    // are non-empty, as the extreme centroids fall on either side.
    size_t i = 0, j = n;
    while (i < j) {
        if (axis_of(centroid(&t[i]), k) < mid) {
            i++;
        } else {
            j--;
            RenderEmitter tmp = t[i];
            t[i] = t[j];
            t[j] = tmp;
        }
    }
    if (i == 0 || i == n)
        return false;
    RenderEmitGroup *up = &e->group[e->group_count++];
    memset(up, 0, sizeof *up);
    up->first = grp->first + (uint32_t)i;
    up->count = (uint32_t)(n - i);
    grp->count = (uint32_t)i;
    return true;
}

static double diag_of(const RenderEmitters *e, const RenderEmitGroup *g)
{
    Vec3 lo, hi;
    bounds(&e->tri[g->first], g->count, false, &lo, &hi);
    return v3_len(v3_sub(hi, lo));
}

// Splits the widest groups until each is small or the table is full.
static void split_groups(RenderEmitters *e)
{
    bool whole[RENDER_EMIT_GROUPS];
    memset(whole, 0, sizeof whole);
    while (e->group_count < RENDER_EMIT_GROUPS) {
        size_t best = SIZE_MAX;
        double best_diag = GROUP_MIN_DIAG_M;
        for (size_t g = 0; g < e->group_count; g++) {
            if (whole[g])
                continue;
            double d = diag_of(e, &e->group[g]);
            if (d > best_diag) {
                best_diag = d;
                best = g;
            }
        }
        if (best == SIZE_MAX)
            break;
        if (!split_group(e, best))
            whole[best] = true;
    }
}

// Fills each group's bounds, power and mean normal, and the triangles'
// running sums of power within their group.
static void finish_groups(RenderEmitters *e)
{
    for (size_t g = 0; g < e->group_count; g++) {
        RenderEmitGroup *grp = &e->group[g];
        RenderEmitter *t = &e->tri[grp->first];
        Vec3 lo, hi;
        bounds(t, grp->count, false, &lo, &hi);
        grp->centre = v3_scale(v3_add(lo, hi), 0.5);
        grp->radius_m = 0.5 * v3_len(v3_sub(hi, lo));
        double power = 0.0, lmax = 0.0;
        Vec3 axis = v3(0, 0, 0);
        for (size_t i = 0; i < grp->count; i++) {
            double p = t[i].area_m2 * lum(t[i].radiance);
            power += p;
            t[i].cdf = power;
            axis = v3_add(axis, v3_scale(t[i].n, p));
            double l = lum(t[i].radiance);
            lmax = l > lmax ? l : lmax;
            t[i].group = (uint32_t)g;
        }
        grp->power = power;
        grp->lum_max = lmax;
        grp->axis = v3_scale(axis, 1.0 / power);
        for (size_t i = 0; i < grp->count; i++) {
            t[i].prob = t[i].area_m2 * lum(t[i].radiance) / power;
            t[i].cdf /= power;
        }
        t[grp->count - 1].cdf = 1.0;
    }
}

AuStatus render_emitters_build(RenderEmitters *e, const Scene *scene)
{
    e->count = 0;
    e->group_count = 0;
    e->mesh_count = 0;
    size_t slots = 0;
    for (size_t i = 0; i < scene->mesh_count; i++)
        if (emissive(&scene->meshes[i].material))
            slots += scene->meshes[i].triangle_count;
    if (slots == 0)
        return AU_OK;
    if (!reserve(e->alloc, (void **)&e->mesh_base, &e->mesh_cap,
                 scene->mesh_count, sizeof *e->mesh_base) ||
        !reserve(e->alloc, (void **)&e->slot, &e->slot_cap, slots,
                 sizeof *e->slot))
        return AU_ENOMEM;
    e->mesh_count = scene->mesh_count;
    size_t next = 0;
    for (size_t i = 0; i < scene->mesh_count; i++) {
        const WorldMesh *m = &scene->meshes[i];
        if (!emissive(&m->material)) {
            e->mesh_base[i] = SIZE_MAX;
            continue;
        }
        e->mesh_base[i] = next;
        const float *em = m->material.emission;
        Vec3 rad = v3(em[0] > 0.0f ? (double)em[0] : 0.0,
                      em[1] > 0.0f ? (double)em[1] : 0.0,
                      em[2] > 0.0f ? (double)em[2] : 0.0);
        for (uint32_t k = 0; k < m->triangle_count; k++) {
            e->slot[next + k] = -1;
            // Beyond the cap, and for triangles of no area or power,
            // only BSDF sampling finds the light: their MIS density is 0.
            if (e->count >= RENDER_EMIT_MAX || !(lum(rad) > 0.0))
                continue;
            const uint32_t *ix = &m->indices[3 * (size_t)k];
            if (ix[0] >= m->vertex_count || ix[1] >= m->vertex_count ||
                ix[2] >= m->vertex_count)
                continue;
            Vec3 p0 = vertex(m, ix[0]);
            Vec3 e1 = v3_sub(vertex(m, ix[1]), p0);
            Vec3 e2 = v3_sub(vertex(m, ix[2]), p0);
            Vec3 c = v3_cross(e1, e2);
            double len = v3_len(c);
            if (!(len > 1e-12) || !(len < 1e300))
                continue;
            if (!reserve(e->alloc, (void **)&e->tri, &e->tri_cap, e->count + 1,
                         sizeof *e->tri)) {
                e->count = 0;
                e->mesh_count = 0;
                return AU_ENOMEM;
            }
            RenderEmitter *t = &e->tri[e->count++];
            memset(t, 0, sizeof *t);
            t->p0 = p0;
            t->e1 = e1;
            t->e2 = e2;
            // Counter-clockwise seen from outside: the front, which is
            // the side that glows.
            t->n = v3_scale(c, 1.0 / len);
            t->area_m2 = 0.5 * len;
            t->radiance = rad;
            t->mesh = (uint32_t)i;
            t->prim = k;
        }
        next += m->triangle_count;
    }
    if (e->count == 0)
        return AU_OK;
    e->group[0].first = 0;
    e->group[0].count = (uint32_t)e->count;
    e->group_count = 1;
    split_groups(e);
    finish_groups(e);
    for (size_t i = 0; i < e->count; i++)
        e->slot[e->mesh_base[e->tri[i].mesh] + e->tri[i].prim] = (int32_t)i;
    return AU_OK;
}

double render_emitters_weigh(const RenderEmitters *e, Vec3 p, Vec3 n, double *w)
{
    double sum = 0.0;
    for (size_t g = 0; g < e->group_count; g++) {
        const RenderEmitGroup *grp = &e->group[g];
        // No surface gets more irradiance than a whole hemisphere of the
        // group's brightest radiance would give.
        double cap = BASE_PI * grp->lum_max;
        Vec3 to = v3_sub(grp->centre, p);
        double d2 = v3_dot(to, to);
        double r = grp->radius_m;
        double wg;
        if (d2 <= r * r) {
            wg = 0.5 * cap;
        } else {
            double d = sqrt(d2);
            Vec3 dir = v3_scale(to, 1.0 / d);
            double sin_a = r / d;
            // Receiver: the bounding sphere's rim may show above the
            // surface's horizon while its centre does not.
            double c_in = v3_dot(n, dir) + sin_a;
            c_in = c_in > 1.0 ? 1.0 : c_in;
            // Emitter: a flat group (mean normal of length 1) shines
            // only to its front; a closed one shows a quarter of its
            // area on average, whichever side one stands.
            double a = v3_len(grp->axis);
            double c_out = -v3_dot(grp->axis, dir) + a * sin_a;
            c_out = (c_out > 0.0 ? c_out : 0.0) + 0.25 * (1.0 - a);
            c_out = c_out > 1.0 ? 1.0 : c_out;
            wg = c_in > 0.0 ? grp->power * c_out * c_in / d2 : 0.0;
            wg = wg < cap ? wg : cap;
        }
        w[g] = wg;
        sum += wg;
    }
    return sum;
}

double render_emitters_sample(const RenderEmitters *e, const double *p_group,
                              Vec3 p, double u0, double u1, double u2,
                              Vec3 *dir, Vec3 *radiance, float *max_dist)
{
    if (e->group_count == 0)
        return 0.0;
    size_t g = 0;
    while (g + 1 < e->group_count && u0 >= p_group[g]) {
        u0 -= p_group[g];
        g++;
    }
    if (!(p_group[g] > 0.0))
        return 0.0;
    const RenderEmitGroup *grp = &e->group[g];
    // The rescaled choice of group picks the triangle by its power.
    double uu = u0 / p_group[g];
    uu = uu < 0.0 ? 0.0 : uu;
    size_t lo = grp->first, hi = grp->first + grp->count - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (e->tri[mid].cdf <= uu)
            lo = mid + 1;
        else
            hi = mid;
    }
    const RenderEmitter *t = &e->tri[lo];
    double su = sqrt(u1);
    Vec3 q = v3_add(t->p0, v3_add(v3_scale(t->e1, su * (1.0 - u2)),
                                  v3_scale(t->e2, su * u2)));
    Vec3 to = v3_sub(q, p);
    double d2 = v3_dot(to, to);
    if (!(d2 > 0.0))
        return 0.0;
    double d = sqrt(d2);
    *dir = v3_scale(to, 1.0 / d);
    double cos_l = -v3_dot(t->n, *dir);
    if (!(cos_l > 0.0))
        return 0.0;
    *radiance = t->radiance;
    // Stop the shadow ray short of the emitter itself.
    *max_dist = (float)(d * (1.0 - 1e-3));
    return p_group[g] * t->prob / t->area_m2 * d2 / cos_l;
}

double render_emitters_pdf(const RenderEmitters *e, const double *p_group,
                           unsigned mesh, unsigned prim, Vec3 from, Vec3 at)
{
    if (e->group_count == 0 || mesh >= e->mesh_count ||
        e->mesh_base[mesh] == SIZE_MAX)
        return 0.0;
    int32_t s = e->slot[e->mesh_base[mesh] + prim];
    if (s < 0)
        return 0.0;
    const RenderEmitter *t = &e->tri[s];
    Vec3 to = v3_sub(at, from);
    double d2 = v3_dot(to, to);
    if (!(d2 > 0.0))
        return 0.0;
    double cos_l = -v3_dot(t->n, to) / sqrt(d2);
    if (!(cos_l > 0.0))
        return 0.0;
    return p_group[t->group] * t->prob / t->area_m2 * d2 / cos_l;
}
