/* render/skylut.c: the sky's radiance as a table per light rig, which
 * trace.c looks up for every ray that leaves the set instead of running
 * the light stage's sky model per sample. */
#include <math.h>
#include <string.h>

#include "render_internal.h"

// The sphere maps onto the square [-1, 1]^2 by the octahedral map in a
// frame whose pole is the sun the sky is lit by: no trigonometry either
// way, and the sun's glow, which peaks in a cusp, peaks on the grid's
// centre vertex where the map is linear in the angle to the sun, so
// bilinear interpolation follows the cusp instead of rounding it off.
static void lut_frame(const RenderSkyLut *t, Vec3 d, double *u, double *v)
{
    double x = v3_dot(d, t->axis[0]), y = v3_dot(d, t->axis[1]);
    double z = v3_dot(d, t->axis[2]);
    double s = fabs(x) + fabs(y) + fabs(z);
    double px = x / s, py = y / s;
    if (z < 0.0) {
        double fx = (1.0 - fabs(py)) * (px >= 0.0 ? 1.0 : -1.0);
        py = (1.0 - fabs(px)) * (py >= 0.0 ? 1.0 : -1.0);
        px = fx;
    }
    *u = px;
    *v = py;
}

static Vec3 lut_dir(const RenderSkyLut *t, double u, double v)
{
    double z = 1.0 - fabs(u) - fabs(v);
    if (z < 0.0) {
        double fu = (1.0 - fabs(v)) * (u >= 0.0 ? 1.0 : -1.0);
        v = (1.0 - fabs(u)) * (v >= 0.0 ? 1.0 : -1.0);
        u = fu;
    }
    return v3_norm(
        v3_add(v3_add(v3_scale(t->axis[0], u), v3_scale(t->axis[1], v)),
               v3_scale(t->axis[2], z)));
}

// The model at the vertices of an @p n x @p n grid, rows of n + 1.
static void fill(const RenderSkyLut *t, const LightRig *rig, float *grid, int n)
{
    for (int i = 0; i <= n; i++)
        for (int j = 0; j <= n; j++) {
            Vec3 d = lut_dir(t, -1.0 + 2.0 * i / n, -1.0 + 2.0 * j / n);
            // Below the horizon the model gives the ground; corners there
            // take the sky just above instead, so a cell across the
            // horizon interpolates the sky alone (eval never reads the
            // table for a direction below it).
            if (d.y < 1e-9)
                d = v3_norm(v3(d.x, 1e-9, d.z));
            light_sky_radiance(
                rig, d, &grid[3 * ((size_t)i * (size_t)(n + 1) + (size_t)j)]);
        }
}

void render_sky_lut_build(RenderSkyLut *t, const LightRig *rig)
{
    t->direct = rig->sky_model != LIGHT_SKY_PREETHAM;
    light_sky_radiance(rig, v3(0.0, -1.0, 0.0), t->ground);
    if (t->direct)
        return;
    Vec3 n = v3_norm(rig->sky_sun_dir);
    if (!(fabs(n.x) + fabs(n.y) + fabs(n.z) > 0.5))
        n = v3(0.0, 1.0, 0.0);
    Vec3 a = fabs(n.y) < 0.9 ? v3(0.0, 1.0, 0.0) : v3(1.0, 0.0, 0.0);
    t->axis[0] = v3_norm(v3_cross(a, n));
    t->axis[1] = v3_cross(n, t->axis[0]);
    t->axis[2] = n;
    fill(t, rig, &t->rad[0][0][0], RENDER_SKY_LUT_N);
    fill(t, rig, &t->coarse[0][0][0], RENDER_SKY_COARSE_N);
}

// Bilinear interpolation in an @p n x @p n grid of rows of n + 1.
static void lookup(const RenderSkyLut *t, const float *grid, int n, Vec3 d,
                   float out[3])
{
    double u, v;
    lut_frame(t, d, &u, &v);
    double fu = (u + 1.0) * (0.5 * n);
    double fv = (v + 1.0) * (0.5 * n);
    int i = (int)fu, j = (int)fv;
    i = i < 0 ? 0 : i > n - 1 ? n - 1 : i;
    j = j < 0 ? 0 : j > n - 1 ? n - 1 : j;
    float a = (float)(fu - i), b = (float)(fv - j);
    size_t row = (size_t)(n + 1);
    const float *c00 = &grid[3 * ((size_t)i * row + (size_t)j)];
    const float *c10 = c00 + 3 * row;
    const float *c01 = c00 + 3, *c11 = c10 + 3;
    for (int k = 0; k < 3; k++) {
        float lo = c00[k] + a * (c10[k] - c00[k]);
        float hi = c01[k] + a * (c11[k] - c01[k]);
        out[k] = lo + b * (hi - lo);
    }
}

// The ground below the horizon, the model where it is not tabulated,
// else @p grid (@p n x @p n) interpolated.
static void eval_on(const RenderSkyLut *t, const LightRig *rig,
                    const float *grid, int n, Vec3 d, float out[3])
{
    if (t->direct && d.y > 0.0) {
        light_sky_radiance(rig, d, out);
        return;
    }
    if (d.y <= 0.0) {
        memcpy(out, t->ground, sizeof t->ground);
        return;
    }
    lookup(t, grid, n, d, out);
}

void render_sky_lut_eval(const RenderSkyLut *t, const LightRig *rig, Vec3 d,
                         float out[3])
{
    eval_on(t, rig, &t->rad[0][0][0], RENDER_SKY_LUT_N, d, out);
}

void render_sky_lut_eval_coarse(const RenderSkyLut *t, const LightRig *rig,
                                Vec3 d, float out[3])
{
    eval_on(t, rig, &t->coarse[0][0][0], RENDER_SKY_COARSE_N, d, out);
}
