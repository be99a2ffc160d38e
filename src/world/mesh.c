/* world/mesh.c: the affine maps world/ places parts with, and lofts of
 * elliptic rings (ellipsoids, limbs, the torso) tessellated into the
 * figure's meshes; sets and props are tessellated by kit.c. */
#include <string.h>

#include "world_internal.h"

WorldXform world_xform_identity(void)
{
    WorldXform x = { { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, { 0, 0, 0 } };
    return x;
}

WorldXform world_xform_frame(Vec3 origin, Vec3 x, Vec3 y, Vec3 z)
{
    WorldXform r = {
        { { x.x, y.x, z.x }, { x.y, y.y, z.y }, { x.z, y.z, z.z } }, origin
    };
    return r;
}

WorldXform world_xform_yaw(Vec3 origin, double yaw_rad)
{
    double c = cos(yaw_rad), s = sin(yaw_rad);
    // Local +z turns to (sin, 0, cos): the facing of a yaw angle.
    return world_xform_frame(origin, v3(c, 0, -s), v3(0, 1, 0), v3(s, 0, c));
}

WorldXform world_xform_compose(const WorldXform *a, const WorldXform *b)
{
    WorldXform r;
    for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
            r.m[i][j] = a->m[i][0] * b->m[0][j] + a->m[i][1] * b->m[1][j] +
                        a->m[i][2] * b->m[2][j];
        }
    }
    r.t = world_xform_point(a, b->t);
    return r;
}

Vec3 world_xform_point(const WorldXform *x, Vec3 p)
{
    return v3(x->m[0][0] * p.x + x->m[0][1] * p.y + x->m[0][2] * p.z + x->t.x,
              x->m[1][0] * p.x + x->m[1][1] * p.y + x->m[1][2] * p.z + x->t.y,
              x->m[2][0] * p.x + x->m[2][1] * p.y + x->m[2][2] * p.z + x->t.z);
}

WorldXform world_xform_along(Vec3 origin, Vec3 axis, Vec3 front)
{
    Vec3 y = v3_norm(axis);
    Vec3 z = v3_sub(front, v3_scale(y, v3_dot(front, y)));
    if (v3_len(z) < 1e-9) {
        // The front hint runs along the axis; any orthogonal front will do.
        z = fabs(y.y) < 0.9 ? v3(0, 1, 0) : v3(0, 0, 1);
        z = v3_sub(z, v3_scale(y, v3_dot(z, y)));
    }
    z = v3_norm(z);
    Vec3 x = v3_cross(y, z);
    return world_xform_frame(origin, x, y, z);
}

void world_loft_ellipsoid(WorldLoft *loft, double rx, double ry, double rz,
                          size_t rings, unsigned segments)
{
    AU_ASSERT(rings >= 1 && rings <= WORLD_RING_MAX);
    for (size_t i = 0; i < rings; i++) {
        double th = BASE_PI * (double)(i + 1) / (double)(rings + 1);
        double s = sin(th);
        WorldRing r = { -ry * cos(th), rx * s, rz * s, 0.0 };
        loft->rings[i] = r;
    }
    loft->ring_count = rings;
    loft->pole_lo_y_m = -ry;
    loft->pole_hi_y_m = ry;
    loft->pole_lo_dz_m = loft->pole_hi_dz_m = 0.0;
    loft->segments = segments;
}

static double catmull_rom(double p0, double p1, double p2, double p3, double t)
{
    double t2 = t * t, t3 = t2 * t;
    return 0.5 * (2.0 * p1 + (p2 - p0) * t +
                  (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3) * t2 +
                  (3.0 * p1 - p0 - 3.0 * p2 + p3) * t3);
}

static WorldRing sample_keys(const WorldRing *k, size_t n, double u)
{
    size_t i = (size_t)u;
    if (i >= n - 1)
        return k[n - 1];
    double t = u - (double)i;
    const WorldRing *a = &k[i > 0 ? i - 1 : 0], *b = &k[i], *c = &k[i + 1];
    const WorldRing *d = &k[i + 2 < n ? i + 2 : n - 1];
    WorldRing r;
    // y stays linear between keys so the rings never fold back on
    // themselves; the radii follow a smooth spline.
    r.y_m = b->y_m + (c->y_m - b->y_m) * t;
    r.rx_m = catmull_rom(a->rx_m, b->rx_m, c->rx_m, d->rx_m, t);
    r.rz_m = catmull_rom(a->rz_m, b->rz_m, c->rz_m, d->rz_m, t);
    r.dz_m = catmull_rom(a->dz_m, b->dz_m, c->dz_m, d->dz_m, t);
    return r;
}

void world_loft_profile(WorldLoft *loft, const WorldRing *keys,
                        size_t key_count, size_t body_rings, size_t cap_rings,
                        double cap_lo_m, double cap_hi_m, unsigned segments)
{
    AU_ASSERT(key_count >= 2 && body_rings >= 2);
    AU_ASSERT(body_rings + 2 * cap_rings <= WORLD_RING_MAX);
    size_t n = 0;
    const WorldRing *lo = &keys[0], *hi = &keys[key_count - 1];
    // Rings spaced evenly in angle round a quarter ellipse make the cap
    // as smooth as a sphere's pole at the same ring count.
    for (size_t j = cap_rings; j >= 1; j--) {
        double a = 0.5 * BASE_PI * (double)j / (double)(cap_rings + 1);
        WorldRing r = { lo->y_m - cap_lo_m * sin(a), lo->rx_m * cos(a),
                        lo->rz_m * cos(a), lo->dz_m };
        loft->rings[n++] = r;
    }
    for (size_t i = 0; i < body_rings; i++) {
        double u =
            (double)(key_count - 1) * (double)i / (double)(body_rings - 1);
        loft->rings[n++] = sample_keys(keys, key_count, u);
    }
    for (size_t j = 1; j <= cap_rings; j++) {
        double a = 0.5 * BASE_PI * (double)j / (double)(cap_rings + 1);
        WorldRing r = { hi->y_m + cap_hi_m * sin(a), hi->rx_m * cos(a),
                        hi->rz_m * cos(a), hi->dz_m };
        loft->rings[n++] = r;
    }
    loft->ring_count = n;
    loft->pole_lo_y_m = lo->y_m - cap_lo_m;
    loft->pole_lo_dz_m = lo->dz_m;
    loft->pole_hi_y_m = hi->y_m + cap_hi_m;
    loft->pole_hi_dz_m = hi->dz_m;
    loft->segments = segments;
}

static void store(float *dst, Vec3 p)
{
    dst[0] = (float)p.x;
    dst[1] = (float)p.y;
    dst[2] = (float)p.z;
}

// Area-weighted face normals summed at each vertex give smooth shading
// that follows any deformation, with no seam where a ring closes.
static void smooth_normals(WorldMesh *m)
{
    float *n = m->normals;
    memset(n, 0, sizeof(float) * 3 * m->vertex_count);
    for (uint32_t t = 0; t < m->triangle_count; t++) {
        const uint32_t *ix = &m->indices[3 * t];
        const float *a = &m->positions[3 * ix[0]];
        const float *b = &m->positions[3 * ix[1]];
        const float *c = &m->positions[3 * ix[2]];
        float e1[3] = { b[0] - a[0], b[1] - a[1], b[2] - a[2] };
        float e2[3] = { c[0] - a[0], c[1] - a[1], c[2] - a[2] };
        float f[3] = { e1[1] * e2[2] - e1[2] * e2[1],
                       e1[2] * e2[0] - e1[0] * e2[2],
                       e1[0] * e2[1] - e1[1] * e2[0] };
        for (int k = 0; k < 3; k++) {
            float *d = &n[3 * ix[k]];
            d[0] += f[0];
            d[1] += f[1];
            d[2] += f[2];
        }
    }
    for (uint32_t v = 0; v < m->vertex_count; v++) {
        float *d = &n[3 * v];
        double x = (double)d[0], y = (double)d[1], z = (double)d[2];
        double len = sqrt(x * x + y * y + z * z);
        if (len > 0.0) {
            d[0] = (float)(x / len);
            d[1] = (float)(y / len);
            d[2] = (float)(z / len);
        } else {
            d[0] = 0.0f;
            d[1] = 1.0f;
            d[2] = 0.0f;
        }
    }
}

static AuStatus mesh_alloc(BaseArena *arena, size_t vertices, size_t triangles,
                           WorldMesh *out)
{
    out->positions = base_arena_array(arena, vertices * 3, sizeof(float));
    out->normals = base_arena_array(arena, vertices * 3, sizeof(float));
    out->indices = base_arena_array(arena, triangles * 3, sizeof(uint32_t));
    if (!out->positions || !out->normals || !out->indices)
        return AU_ENOMEM;
    out->vertex_count = (uint32_t)vertices;
    out->triangle_count = (uint32_t)triangles;
    return AU_OK;
}

AuStatus world_mesh_loft(BaseArena *arena, const WorldLoft *loft,
                         const WorldXform *xf, bool floor_clamp, WorldMesh *out)
{
    size_t n = loft->ring_count;
    unsigned s = loft->segments;
    AU_ASSERT(n >= 1 && n <= WORLD_RING_MAX && s >= 3 && s <= WORLD_SEG_MAX);
    WorldMesh m = { 0 };
    AuStatus st = mesh_alloc(arena, n * s + 2, 2 * (size_t)s * n, &m);
    if (st != AU_OK)
        return st;

    double cs[WORLD_SEG_MAX], sn[WORLD_SEG_MAX];
    for (unsigned j = 0; j < s; j++) {
        double a = 2.0 * BASE_PI * (double)j / (double)s;
        cs[j] = cos(a);
        sn[j] = sin(a);
    }
    // Vertex 0 is the bottom pole, then the rings, then the top pole.
    Vec3 p[2] = { v3(0, loft->pole_lo_y_m, loft->pole_lo_dz_m),
                  v3(0, loft->pole_hi_y_m, loft->pole_hi_dz_m) };
    uint32_t top = (uint32_t)(n * s + 1);
    for (int k = 0; k < 2; k++) {
        Vec3 w = world_xform_point(xf, p[k]);
        if (floor_clamp && w.y < 0.0)
            w.y = 0.0;
        store(&m.positions[3 * (k ? top : 0)], w);
    }
    for (size_t i = 0; i < n; i++) {
        const WorldRing *r = &loft->rings[i];
        for (unsigned j = 0; j < s; j++) {
            Vec3 w = world_xform_point(
                xf, v3(r->rx_m * cs[j], r->y_m, r->dz_m + r->rz_m * sn[j]));
            if (floor_clamp && w.y < 0.0)
                w.y = 0.0;
            store(&m.positions[3 * (1 + i * s + j)], w);
        }
    }

    // With the angle running from +x toward +z and rings rising in y,
    // (a, c, b) and (a, d, c) wind counter-clockwise seen from outside.
    uint32_t *ix = m.indices;
    for (unsigned j = 0; j < s; j++) {
        uint32_t j1 = (j + 1) % s;
        *ix++ = 0;
        *ix++ = 1 + j;
        *ix++ = 1 + j1;
    }
    for (size_t i = 0; i + 1 < n; i++) {
        uint32_t lo = (uint32_t)(1 + i * s), hi = (uint32_t)(1 + (i + 1) * s);
        for (unsigned j = 0; j < s; j++) {
            uint32_t j1 = (j + 1) % s;
            uint32_t a = lo + j, b = lo + j1, c = hi + j1, d = hi + j;
            *ix++ = a;
            *ix++ = c;
            *ix++ = b;
            *ix++ = a;
            *ix++ = d;
            *ix++ = c;
        }
    }
    uint32_t last = (uint32_t)(1 + (n - 1) * s);
    for (unsigned j = 0; j < s; j++) {
        uint32_t j1 = (j + 1) % s;
        *ix++ = last + j;
        *ix++ = top;
        *ix++ = last + j1;
    }
    smooth_normals(&m);
    out->positions = m.positions;
    out->normals = m.normals;
    out->indices = m.indices;
    out->vertex_count = m.vertex_count;
    out->triangle_count = m.triangle_count;
    return AU_OK;
}
