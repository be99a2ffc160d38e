/* world/kit.c: the kit the set and props are built with: boxes, tubes,
 * ellipsoids, lofts and flat faces, batched into one growing vertex list
 * per material and handed to the Scene as one mesh per material. */
#include <string.h>

#include "world_internal.h"

void world_kit_init(WorldKit *k, const AuAllocator *alloc)
{
    memset(k, 0, sizeof(*k));
    k->alloc = alloc;
    k->xf = world_xform_identity();
    k->status = AU_OK;
    world_kit_bounds_reset(k);
}

void world_kit_fini(WorldKit *k)
{
    for (size_t i = 0; i < k->mat_count; i++) {
        base_vec_fini(&k->mats[i].verts);
        base_vec_fini(&k->mats[i].indices);
    }
    k->mat_count = 0;
}

void world_kit_bounds_reset(WorldKit *k)
{
    k->lo = v3(1e30, 1e30, 1e30);
    k->hi = v3(-1e30, -1e30, -1e30);
}

// 2700 K (a tungsten lamp) in linear Rec.709 at luminance 1.
static const float warm_2700k[3] = { 1.99f, 0.79f, 0.19f };
// 6500 K (a screen's white) at luminance 1.
static const float cool_6500k[3] = { 0.95f, 1.0f, 1.09f };

WorldMaterial world_material(WorldMatKind kind, double r, double g, double b)
{
    WorldMaterial m;
    memset(&m, 0, sizeof(m));
    m.albedo[0] = (float)base_clamp(r, 0.0, 1.0);
    m.albedo[1] = (float)base_clamp(g, 0.0, 1.0);
    m.albedo[2] = (float)base_clamp(b, 0.0, 1.0);
    // Radiances are in the light rig's units, 1e-4 per nit: a lamp shade
    // glows at a few thousand nits, a screen at a few hundred.
    double glow = 0.0;
    const float *tint = NULL;
    switch (kind) {
    case WORLD_MAT_PLAIN:
        break;
    case WORLD_MAT_GLASS:
        m.transmission = 1.0f;
        m.ior = 1.5f;
        m.roughness = 0.02f;
        break;
    case WORLD_MAT_GLAZING:
        m.specular = 0.5f;
        m.roughness = 0.02f;
        break;
    case WORLD_MAT_WATER:
        m.specular = 1.0f;
        m.ior = 1.33f;
        m.roughness = 0.06f;
        break;
    case WORLD_MAT_PAINT:
        m.specular = 0.5f;
        m.roughness = 0.12f;
        break;
    case WORLD_MAT_GLOSS:
        m.specular = 0.35f;
        m.roughness = 0.35f;
        break;
    case WORLD_MAT_METAL:
        m.metallic = 1.0f;
        m.roughness = 0.35f;
        break;
    case WORLD_MAT_CHROME:
        m.metallic = 1.0f;
        m.roughness = 0.06f;
        break;
    case WORLD_MAT_LAMP:
        glow = 0.5;
        tint = warm_2700k;
        break;
    case WORLD_MAT_BULB:
        glow = 2.0;
        tint = warm_2700k;
        break;
    case WORLD_MAT_NEON:
        glow = 0.8;
        break;
    case WORLD_MAT_SCREEN:
        glow = 0.03;
        tint = cool_6500k;
        m.specular = 0.5f;
        m.roughness = 0.05f;
        break;
    case WORLD_MAT_SKIN:
        m.subsurface = 0.3f;
        m.specular = 0.25f;
        m.roughness = 0.55f;
        break;
    case WORLD_MAT_CLOTH:
        m.sheen = 0.5f;
        m.roughness = 0.9f;
        break;
    default:
        break;
    }
    if (glow > 0.0) {
        for (int i = 0; i < 3; i++) {
            // Neon glows in its own colour; lamps and screens in their
            // light's, whatever the shade's reflectance.
            double c = tint ? (double)tint[i] : (double)m.albedo[i] * 3.0;
            m.emission[i] = (float)(glow * c);
        }
    }
    return m;
}

// How far apart two materials are, for the nearest stand-in. Anything
// but colour weighs more: a chrome bumper must not turn into grey paint.
static double mat_dist(const WorldMaterial *a, const WorldMaterial *b)
{
    double d = 0;
    for (int i = 0; i < 3; i++) {
        double e = (double)a->albedo[i] - (double)b->albedo[i];
        double f = (double)a->emission[i] - (double)b->emission[i];
        d += e * e + 10.0 * f * f;
    }
    const float x[7] = { a->roughness,    a->specular, a->metallic,
                         a->transmission, a->ior,      a->sheen,
                         a->subsurface };
    const float y[7] = { b->roughness,    b->specular, b->metallic,
                         b->transmission, b->ior,      b->sheen,
                         b->subsurface };
    for (int i = 0; i < 7; i++) {
        double e = (double)x[i] - (double)y[i];
        d += 10.0 * e * e;
    }
    return d;
}

int world_kit_material(WorldKit *k, const WorldMaterial *mat)
{
    for (size_t i = 0; i < k->mat_count; i++) {
        if (memcmp(&k->mats[i].mat, mat, sizeof(*mat)) == 0)
            return (int)i;
    }
    if (k->mat_count < WORLD_KIT_MAT_MAX) {
        WorldKitMat *m = &k->mats[k->mat_count];
        m->mat = *mat;
        memcpy(m->albedo, mat->albedo, sizeof(m->albedo));
        base_vec_init(&m->verts, k->alloc, sizeof(WorldKitVert));
        base_vec_init(&m->indices, k->alloc, sizeof(uint32_t));
        return (int)k->mat_count++;
    }
    // Full: the nearest material stands in, which a viewer will not
    // notice among a hundred others.
    size_t best = 0;
    double bd = 1e30;
    for (size_t i = 0; i < k->mat_count; i++) {
        double d = mat_dist(&k->mats[i].mat, mat);
        if (d < bd) {
            bd = d;
            best = i;
        }
    }
    return (int)best;
}

int world_kit_mat_as(WorldKit *k, WorldMatKind kind, double r, double g,
                     double b)
{
    WorldMaterial m = world_material(kind, r, g, b);
    return world_kit_material(k, &m);
}

int world_kit_mat(WorldKit *k, double r, double g, double b)
{
    return world_kit_mat_as(k, WORLD_MAT_PLAIN, r, g, b);
}

int world_kit_mat_kind(WorldKit *k, int mat, WorldMatKind kind)
{
    if (mat < 0 || (size_t)mat >= k->mat_count)
        return mat;
    const float *c = k->mats[mat].mat.albedo;
    return world_kit_mat_as(k, kind, (double)c[0], (double)c[1], (double)c[2]);
}

// Room for @p nv vertices and @p nt triangles in material @p mat; *base
// gets the index of the first new vertex. NULL after any failure.
static WorldKitVert *reserve(WorldKit *k, int mat, size_t nv, size_t nt,
                             uint32_t **tris, uint32_t *base)
{
    if (k->status != AU_OK || mat < 0 || (size_t)mat >= k->mat_count)
        return NULL;
    WorldKitMat *m = &k->mats[mat];
    if (m->verts.len + nv > UINT32_MAX) {
        k->status = AU_ENOMEM;
        return NULL;
    }
    *base = (uint32_t)m->verts.len;
    WorldKitVert *v = base_vec_grow(&m->verts, nv);
    uint32_t *t = v ? base_vec_grow(&m->indices, 3 * nt) : NULL;
    if (!v || !t) {
        k->status = AU_ENOMEM;
        return NULL;
    }
    *tris = t;
    return v;
}

// Stores local point @p p with local normal @p n through the kit's map.
static void put(WorldKit *k, WorldKitVert *v, Vec3 p, Vec3 n)
{
    Vec3 w = world_xform_point(&k->xf, p);
    const WorldXform *x = &k->xf;
    Vec3 nw = v3(x->m[0][0] * n.x + x->m[0][1] * n.y + x->m[0][2] * n.z,
                 x->m[1][0] * n.x + x->m[1][1] * n.y + x->m[1][2] * n.z,
                 x->m[2][0] * n.x + x->m[2][1] * n.y + x->m[2][2] * n.z);
    double len = v3_len(nw);
    nw = len > 0 ? v3_scale(nw, 1.0 / len) : v3(0, 1, 0);
    v->p[0] = (float)w.x;
    v->p[1] = (float)w.y;
    v->p[2] = (float)w.z;
    v->n[0] = (float)nw.x;
    v->n[1] = (float)nw.y;
    v->n[2] = (float)nw.z;
    k->lo = v3(fmin(k->lo.x, w.x), fmin(k->lo.y, w.y), fmin(k->lo.z, w.z));
    k->hi = v3(fmax(k->hi.x, w.x), fmax(k->hi.y, w.y), fmax(k->hi.z, w.z));
}

void world_kit_box(WorldKit *k, int mat, Vec3 c, Vec3 h, double yaw)
{
    // Each face: its normal and two tangents with u x v = normal, so
    // corners taken (-,-) (+,-) (+,+) (-,+) wind counter-clockwise.
    static const double face[6][3][3] = {
        { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
        { { -1, 0, 0 }, { 0, 0, 1 }, { 0, 1, 0 } },
        { { 0, 1, 0 }, { 0, 0, 1 }, { 1, 0, 0 } },
        { { 0, -1, 0 }, { 1, 0, 0 }, { 0, 0, 1 } },
        { { 0, 0, 1 }, { 1, 0, 0 }, { 0, 1, 0 } },
        { { 0, 0, -1 }, { 0, 1, 0 }, { 1, 0, 0 } },
    };
    static const double corner[4][2] = {
        { -1, -1 }, { 1, -1 }, { 1, 1 }, { -1, 1 }
    };
    uint32_t *t, base;
    WorldKitVert *v = reserve(k, mat, 24, 12, &t, &base);
    if (!v)
        return;
    double cy = cos(yaw), sy = sin(yaw);
    for (int f = 0; f < 6; f++) {
        Vec3 n = v3(face[f][0][0], face[f][0][1], face[f][0][2]);
        Vec3 u = v3(face[f][1][0], face[f][1][1], face[f][1][2]);
        Vec3 w = v3(face[f][2][0], face[f][2][1], face[f][2][2]);
        Vec3 nr = v3(cy * n.x + sy * n.z, n.y, -sy * n.x + cy * n.z);
        for (int i = 0; i < 4; i++) {
            Vec3 p = v3_add(v3_mul(n, h),
                            v3_add(v3_scale(v3_mul(u, h), corner[i][0]),
                                   v3_scale(v3_mul(w, h), corner[i][1])));
            Vec3 pr = v3(c.x + cy * p.x + sy * p.z, c.y + p.y,
                         c.z - sy * p.x + cy * p.z);
            put(k, &v[4 * f + i], pr, nr);
        }
        uint32_t b = base + (uint32_t)(4 * f);
        uint32_t *q = &t[6 * f];
        q[0] = b;
        q[1] = b + 1;
        q[2] = b + 2;
        q[3] = b;
        q[4] = b + 2;
        q[5] = b + 3;
    }
}

void world_kit_cyl(WorldKit *k, int mat, Vec3 a, Vec3 b, double r0, double r1,
                   unsigned segments, bool caps)
{
    Vec3 axis = v3_sub(b, a);
    double len = v3_len(axis);
    if (len <= 0 || segments < 3 || segments > WORLD_SEG_MAX)
        return;
    unsigned s = segments;
    bool cap0 = caps && r0 > 0, cap1 = caps && r1 > 0;
    size_t nv = 2 * (size_t)s + (cap0 ? s + 1 : 0) + (cap1 ? s + 1 : 0);
    size_t nt = 2 * (size_t)s + (cap0 ? s : 0) + (cap1 ? s : 0);
    uint32_t *t, base;
    WorldKitVert *v = reserve(k, mat, nv, nt, &t, &base);
    if (!v)
        return;
    Vec3 hint = fabs(axis.y) > 0.9 * len ? v3(0, 0, 1) : v3(0, 1, 0);
    WorldXform f = world_xform_along(a, axis, hint);
    WorldXform saved = k->xf;
    k->xf = world_xform_compose(&saved, &f);
    double slope = (r0 - r1) / len;
    double cs[WORLD_SEG_MAX], sn[WORLD_SEG_MAX];
    for (unsigned j = 0; j < s; j++) {
        double ang = 2.0 * BASE_PI * (double)j / (double)s;
        cs[j] = cos(ang);
        sn[j] = sin(ang);
    }
    for (unsigned j = 0; j < s; j++) {
        Vec3 n = v3_norm(v3(cs[j], slope, sn[j]));
        put(k, &v[j], v3(r0 * cs[j], 0, r0 * sn[j]), n);
        put(k, &v[s + j], v3(r1 * cs[j], len, r1 * sn[j]), n);
    }
    uint32_t *q = t;
    for (unsigned j = 0; j < s; j++) {
        uint32_t j1 = (j + 1) % s;
        uint32_t lo = base, hi = base + s;
        *q++ = lo + j;
        *q++ = hi + j1;
        *q++ = lo + j1;
        *q++ = lo + j;
        *q++ = hi + j;
        *q++ = hi + j1;
    }
    uint32_t next = base + 2 * s;
    size_t vi = 2 * (size_t)s;
    for (int end = 0; end < 2; end++) {
        if (!(end ? cap1 : cap0))
            continue;
        double r = end ? r1 : r0, y = end ? len : 0.0;
        Vec3 n = v3(0, end ? 1 : -1, 0);
        put(k, &v[vi], v3(0, y, 0), n);
        for (unsigned j = 0; j < s; j++)
            put(k, &v[vi + 1 + j], v3(r * cs[j], y, r * sn[j]), n);
        for (unsigned j = 0; j < s; j++) {
            uint32_t j1 = (j + 1) % s;
            *q++ = next;
            *q++ = next + 1 + (end ? j1 : j);
            *q++ = next + 1 + (end ? j : j1);
        }
        next += s + 1;
        vi += s + 1;
    }
    k->xf = saved;
}

void world_kit_loft(WorldKit *k, int mat, const WorldLoft *loft,
                    const WorldXform *local)
{
    size_t n = loft->ring_count;
    unsigned s = loft->segments;
    if (n < 1 || n > WORLD_RING_MAX || s < 3 || s > WORLD_SEG_MAX)
        return;
    uint32_t *t, base;
    WorldKitVert *v = reserve(k, mat, n * s + 2, 2 * (size_t)s * n, &t, &base);
    if (!v)
        return;
    WorldXform saved = k->xf;
    k->xf = world_xform_compose(&saved, local);
    double cs[WORLD_SEG_MAX], sn[WORLD_SEG_MAX];
    for (unsigned j = 0; j < s; j++) {
        double a = 2.0 * BASE_PI * (double)j / (double)s;
        cs[j] = cos(a);
        sn[j] = sin(a);
    }
    // Vertex 0 is the bottom pole, then the rings, then the top pole. The
    // normals are worked out below from the faces, so any ring shape
    // shades smoothly.
    uint32_t top = (uint32_t)(n * s + 1);
    Vec3 up = v3(0, 1, 0);
    put(k, &v[0], v3(0, loft->pole_lo_y_m, loft->pole_lo_dz_m), up);
    put(k, &v[top], v3(0, loft->pole_hi_y_m, loft->pole_hi_dz_m), up);
    for (size_t i = 0; i < n; i++) {
        const WorldRing *r = &loft->rings[i];
        for (unsigned j = 0; j < s; j++)
            put(k, &v[1 + i * s + j],
                v3(r->rx_m * cs[j], r->y_m, r->dz_m + r->rz_m * sn[j]), up);
    }
    k->xf = saved;
    uint32_t *q = t;
    for (unsigned j = 0; j < s; j++) {
        *q++ = 0;
        *q++ = 1 + j;
        *q++ = 1 + (j + 1) % s;
    }
    for (size_t i = 0; i + 1 < n; i++) {
        uint32_t lo = (uint32_t)(1 + i * s), hi = (uint32_t)(1 + (i + 1) * s);
        for (unsigned j = 0; j < s; j++) {
            uint32_t j1 = (j + 1) % s;
            *q++ = lo + j;
            *q++ = hi + j1;
            *q++ = lo + j1;
            *q++ = lo + j;
            *q++ = hi + j;
            *q++ = hi + j1;
        }
    }
    uint32_t last = (uint32_t)(1 + (n - 1) * s);
    for (unsigned j = 0; j < s; j++) {
        *q++ = last + j;
        *q++ = top;
        *q++ = last + (j + 1) % s;
    }
    // Area-weighted face normals summed at each vertex (indices are local
    // here; the base is added after).
    size_t nv = n * s + 2, nt = 2 * (size_t)s * n;
    for (size_t i = 0; i < nv; i++)
        v[i].n[0] = v[i].n[1] = v[i].n[2] = 0.0f;
    for (size_t i = 0; i < nt; i++) {
        const uint32_t *ix = &t[3 * i];
        const float *a = v[ix[0]].p, *b = v[ix[1]].p, *c = v[ix[2]].p;
        float e1[3] = { b[0] - a[0], b[1] - a[1], b[2] - a[2] };
        float e2[3] = { c[0] - a[0], c[1] - a[1], c[2] - a[2] };
        float f[3] = { e1[1] * e2[2] - e1[2] * e2[1],
                       e1[2] * e2[0] - e1[0] * e2[2],
                       e1[0] * e2[1] - e1[1] * e2[0] };
        for (int j = 0; j < 3; j++) {
            float *d = v[ix[j]].n;
            d[0] += f[0];
            d[1] += f[1];
            d[2] += f[2];
        }
    }
    for (size_t i = 0; i < nv; i++) {
        float *d = v[i].n;
        double x = (double)d[0], y = (double)d[1], z = (double)d[2];
        double len = sqrt(x * x + y * y + z * z);
        if (len > 0) {
            d[0] = (float)(x / len);
            d[1] = (float)(y / len);
            d[2] = (float)(z / len);
        } else {
            d[0] = d[2] = 0.0f;
            d[1] = 1.0f;
        }
    }
    for (size_t i = 0; i < 3 * nt; i++)
        t[i] += base;
}

void world_kit_ellipsoid(WorldKit *k, int mat, Vec3 c, Vec3 r, double yaw,
                         unsigned rings, unsigned segments)
{
    WorldLoft loft;
    world_loft_ellipsoid(&loft, r.x, r.y, r.z, rings, segments);
    WorldXform xf = world_xform_yaw(c, yaw);
    world_kit_loft(k, mat, &loft, &xf);
}

void world_kit_quad(WorldKit *k, int mat, Vec3 a, Vec3 b, Vec3 c, Vec3 d)
{
    uint32_t *t, base;
    WorldKitVert *v = reserve(k, mat, 4, 2, &t, &base);
    if (!v)
        return;
    Vec3 n = v3_norm(v3_cross(v3_sub(b, a), v3_sub(c, a)));
    put(k, &v[0], a, n);
    put(k, &v[1], b, n);
    put(k, &v[2], c, n);
    put(k, &v[3], d, n);
    t[0] = base;
    t[1] = base + 1;
    t[2] = base + 2;
    t[3] = base;
    t[4] = base + 2;
    t[5] = base + 3;
}

void world_kit_tri(WorldKit *k, int mat, Vec3 a, Vec3 b, Vec3 c)
{
    uint32_t *t, base;
    WorldKitVert *v = reserve(k, mat, 3, 1, &t, &base);
    if (!v)
        return;
    Vec3 n = v3_norm(v3_cross(v3_sub(b, a), v3_sub(c, a)));
    put(k, &v[0], a, n);
    put(k, &v[1], b, n);
    put(k, &v[2], c, n);
    t[0] = base;
    t[1] = base + 1;
    t[2] = base + 2;
}

AuStatus world_kit_emit(WorldKit *k, BaseArena *arena, WorldMesh *out,
                        size_t cap, size_t *count)
{
    if (k->status != AU_OK)
        return k->status;
    size_t n = 0;
    for (size_t i = 0; i < k->mat_count; i++) {
        const WorldKitMat *m = &k->mats[i];
        size_t nv = m->verts.len, nt = m->indices.len / 3;
        if (nv == 0 || nt == 0)
            continue;
        AU_ASSERT(n < cap);
        WorldMesh *o = &out[n];
        memset(o, 0, sizeof(*o));
        o->positions = base_arena_array(arena, 3 * nv, sizeof(float));
        o->normals = base_arena_array(arena, 3 * nv, sizeof(float));
        o->indices = base_vec_to_arena(&m->indices, arena);
        if (!o->positions || !o->normals || !o->indices)
            return AU_ENOMEM;
        const WorldKitVert *v = m->verts.data;
        for (size_t j = 0; j < nv; j++) {
            memcpy(&o->positions[3 * j], v[j].p, sizeof(v[j].p));
            memcpy(&o->normals[3 * j], v[j].n, sizeof(v[j].n));
        }
        o->vertex_count = (uint32_t)nv;
        o->triangle_count = (uint32_t)nt;
        o->material = m->mat;
        o->object_id = 0;
        n++;
    }
    *count = n;
    return AU_OK;
}

void world_kit_flat(WorldKit *k, int mat, double x0, double z0, double x1,
                    double z1, double y)
{
    world_kit_quad(k, mat, v3(x0, y, z1), v3(x1, y, z1), v3(x1, y, z0),
                   v3(x0, y, z0));
}

void world_kit_basin(WorldKit *k, int mat, double x0, double z0, double x1,
                     double z1, double depth)
{
    world_kit_flat(k, mat, x0, z0, x1, z1, -depth);
    world_kit_quad(k, mat, v3(x0, -depth, z0), v3(x1, -depth, z0),
                   v3(x1, 0, z0), v3(x0, 0, z0));
    world_kit_quad(k, mat, v3(x1, -depth, z1), v3(x0, -depth, z1),
                   v3(x0, 0, z1), v3(x1, 0, z1));
    world_kit_quad(k, mat, v3(x0, -depth, z1), v3(x0, -depth, z0),
                   v3(x0, 0, z0), v3(x0, 0, z1));
    world_kit_quad(k, mat, v3(x1, -depth, z0), v3(x1, -depth, z1),
                   v3(x1, 0, z1), v3(x1, 0, z0));
}
