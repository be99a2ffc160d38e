/* tests/render/test_ggx_ms.c: multiple-scattering compensation of the GGX
 * metal and coat (render/material.c): the albedo table against an
 * independent quadrature, white furnace per angle, and sampling that
 * agrees with evaluation. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../check.h"
#include "render/render_internal.h"

static double lambda(double cos_t, double alpha)
{
    double t2 = (1.0 - cos_t * cos_t) / (cos_t * cos_t);
    return 0.5 * (-1.0 + sqrt(1.0 + alpha * alpha * t2));
}

// The single-scattering albedo by another road than the table's: a
// midpoint grid over GGX's own normal distribution (not the visible
// normals), weight G2 (o.h) / (o.z h.z) per normal drawn with density
// D(h) h.z.
static double albedo_by_normals(double mu, double alpha, int m)
{
    double ox = sqrt(1.0 - mu * mu), lo = lambda(mu, alpha);
    double sum = 0.0;
    for (int a = 0; a < m; a++)
        for (int c = 0; c < m; c++) {
            double u = ((double)a + 0.5) / m;
            double phi = 2.0 * BASE_PI * ((double)c + 0.5) / m;
            double c2 = (1.0 - u) / (1.0 + (alpha * alpha - 1.0) * u);
            double hz = sqrt(c2), hr = sqrt(1.0 - c2);
            double hx = hr * cos(phi);
            double oh = ox * hx + mu * hz;
            if (oh <= 0.0)
                continue;
            double iz = 2.0 * oh * hz - mu;
            if (iz <= 0.0)
                continue;
            double g2 = 1.0 / (1.0 + lo + lambda(iz, alpha));
            sum += g2 * oh / (mu * hz);
        }
    return sum / ((double)m * m);
}

static void test_table(void)
{
    const RenderGgxTable *t = render_ggx_table();
    double h = 1.0 / (RENDER_GGX_N - 1);
    for (int k = 0; k < RENDER_GGX_N; k++) {
        CHECK(t->e_avg[k] > 0.0 && t->e_avg[k] <= 1.0);
        double avg = 0.0;
        for (int j = 0; j < RENDER_GGX_N; j++) {
            CHECK(t->e[k][j] > 0.0 && t->e[k][j] <= 1.0);
            CHECK(t->e_w[k][j] >= 0.0 && t->e_w[k][j] <= t->e[k][j]);
            // The average by the trapezoid rule: close to the table's
            // exact integral of the interpolated row.
            double w = j == 0 || j == RENDER_GGX_N - 1 ? 0.5 : 1.0;
            avg += 2.0 * w * h * t->e[k][j] * (double)j * h;
        }
        CHECK_NEAR(t->e_avg[k], avg, 2e-3);
        // Rougher lobes lose more.
        if (k > 0)
            CHECK(t->e_avg[k] < t->e_avg[k - 1] + 1e-9);
    }
    CHECK_NEAR(t->e_avg[0], 1.0, 1e-12);
    // Regenerate cells: bit-identical with the generator's grid, and
    // within 2e-3 of a quadrature over the plain normal distribution
    // (which itself converges slowly toward the horizon).
    int cells[][2] = { { 10, 16 }, { 16, 1 }, { 25, 8 }, { 31, 31 } };
    double worst = 0.0;
    for (size_t c = 0; c < sizeof cells / sizeof cells[0]; c++) {
        int k = cells[c][0], j = cells[c][1];
        double r = (double)k * h, mu = (double)j * h;
        double e, ew;
        render_ggx_albedo(mu, r * r, RENDER_GGX_GRID, &e, &ew);
        CHECK(e == t->e[k][j] && ew == t->e_w[k][j]);
        double other = albedo_by_normals(mu, r * r, 600);
        worst = fabs(other - e) > worst ? fabs(other - e) : worst;
        CHECK_NEAR(e, other, 2e-3);
    }
    fprintf(stderr,
            "table vs normal-space quadrature: worst %.1e; E_avg at r 0.5 "
            "%.4f, r 1 %.4f\n",
            worst, 0.5 * (t->e_avg[15] + t->e_avg[16]),
            t->e_avg[RENDER_GGX_N - 1]);
}

static WorldMaterial material(double r, double g, double b, double rough)
{
    WorldMaterial m;
    memset(&m, 0, sizeof m);
    m.albedo[0] = (float)r;
    m.albedo[1] = (float)g;
    m.albedo[2] = (float)b;
    m.roughness = (float)rough;
    return m;
}

static Vec3 view(double mu)
{
    return v3(sqrt(1.0 - mu * mu), 0.0, mu);
}

// What a surface returns of a uniform white sky toward a viewer at
// cosine @p mu: the mean of the sampler's weights over a jittered grid.
static Vec3 albedo(const WorldMaterial *m, double mu)
{
    enum {
        SIDE = 240
    };

    RenderBsdf b;
    Vec3 wo = view(mu);
    if (!render_bsdf_init(&b, m, v3(0, 0, 1), wo, true))
        return v3(0, 0, 0);
    BaseRng rng;
    base_rng_seed(&rng, 11, 3);
    Vec3 sum = v3(0, 0, 0);
    for (int a = 0; a < SIDE; a++)
        for (int c = 0; c < SIDE; c++) {
            double u[3] = { base_rng_uniform(&rng),
                            ((double)a + base_rng_uniform(&rng)) / SIDE,
                            ((double)c + base_rng_uniform(&rng)) / SIDE };
            Vec3 wi, w;
            double pdf;
            if (render_bsdf_sample(&b, wo, u, &wi, &w, &pdf))
                sum = v3_add(sum, w);
        }
    return v3_scale(sum, 1.0 / (SIDE * SIDE));
}

static const double ROUGH[4] = { 0.2, 0.5, 0.8, 1.0 };
static const double MU[4] = { 1.0, 0.7, 0.4, 0.15 };

// A white conductor loses nothing: every angle and roughness within 1%,
// where single scattering alone (the table's integral) lost up to a
// third at grazing.
static void test_white_metal(void)
{
    for (int r = 0; r < 4; r++)
        for (int k = 0; k < 4; k++) {
            WorldMaterial m = material(1, 1, 1, ROUGH[r]);
            m.metallic = 1.0f;
            double after = albedo(&m, MU[k]).y;
            double before, ew;
            render_ggx_albedo(MU[k], ROUGH[r] * ROUGH[r], 96, &before, &ew);
            fprintf(stderr,
                    "white metal r %.1f cos %.2f: single %.4f, "
                    "compensated %.4f\n",
                    ROUGH[r], MU[k], before, after);
            CHECK_NEAR(after, 1.0, 0.01);
        }
}

static double hue_deg(Vec3 c)
{
    return atan2(sqrt(3.0) * (c.y - c.z), 2.0 * c.x - c.y - c.z) * 180.0 /
           BASE_PI;
}

// Gold gains light in every channel, most where it reflects most. Each
// extra bounce multiplies by the Fresnel colour again, so the added light
// is more saturated and leans toward red: the hue holds within 3 degrees
// at roughness 0.5 and stays orange-yellow at 1, with more chroma.
static void test_gold(void)
{
    const double f0[3] = { 1.0, 0.71, 0.29 };
    for (int r = 1; r < 4; r++) {
        WorldMaterial m = material(f0[0], f0[1], f0[2], ROUGH[r]);
        m.metallic = 1.0f;
        double mu = 0.5;
        Vec3 after = albedo(&m, mu);
        double e, ew;
        render_ggx_albedo(mu, ROUGH[r] * ROUGH[r], 96, &e, &ew);
        Vec3 before =
            v3(f0[0] * e + (1.0 - f0[0]) * ew, f0[1] * e + (1.0 - f0[1]) * ew,
               f0[2] * e + (1.0 - f0[2]) * ew);
        fprintf(stderr,
                "gold r %.1f cos 0.5: single %.4f %.4f %.4f (hue %.1f), "
                "compensated %.4f %.4f %.4f (hue %.1f)\n",
                ROUGH[r], before.x, before.y, before.z, hue_deg(before),
                after.x, after.y, after.z, hue_deg(after));
        CHECK(after.x > before.x && after.y > before.y && after.z > before.z);
        CHECK(after.x - before.x > after.z - before.z);
        CHECK(after.x <= 1.01);
        if (r == 1)
            CHECK_NEAR(hue_deg(after), hue_deg(before), 3.0);
        CHECK(hue_deg(after) > 20.0 && hue_deg(after) <= hue_deg(before));
        CHECK((after.x - after.z) / after.x > (before.x - before.z) / before.x);
    }
}

// A clear coat over a diffuse base: white under the coat returns all the
// light (never more), and the base loses no more than the coat reflects.
static void test_coat(void)
{
    for (int r = 0; r < 4; r++)
        for (int k = 0; k < 4; k++) {
            WorldMaterial m = material(1, 1, 1, ROUGH[r]);
            m.specular = 0.5f;
            double white = albedo(&m, MU[k]).y;
            m.albedo[0] = m.albedo[1] = m.albedo[2] = 0.0f;
            double coat = albedo(&m, MU[k]).y;
            m.albedo[0] = m.albedo[1] = m.albedo[2] = 0.5f;
            double half = albedo(&m, MU[k]).y;
            fprintf(stderr,
                    "coat r %.1f cos %.2f: over white %.4f, coat alone "
                    "%.4f, over 0.5 %.4f\n",
                    ROUGH[r], MU[k], white, coat, half);
            CHECK(white <= 1.001);
            CHECK_NEAR(white, 1.0, 0.01);
            CHECK(coat > 0.0 && coat < 1.0);
            CHECK(half - coat >= 0.5 * (1.0 - coat) - 0.005);
            CHECK(half <= 1.001);
        }
}

// The density the sampler reports is the one eval gives for the same
// direction, and the weight is eval over it; the sampler's mean weight
// is the integral of eval over the hemisphere, taken on a grid.
static void test_eval_sample(void)
{
    BaseRng rng;
    base_rng_seed(&rng, 5, 9);
    int checked = 0;
    for (int t = 0; t < 24; t++) {
        WorldMaterial m = material(
            base_rng_uniform(&rng), base_rng_uniform(&rng),
            base_rng_uniform(&rng), 0.4 + 0.6 * base_rng_uniform(&rng));
        m.metallic = (float)(t % 3 == 0 ? 1.0 : 0.5 * base_rng_uniform(&rng));
        m.specular = (float)base_rng_uniform(&rng);
        m.sheen = t % 4 == 1 ? 0.5f : 0.0f;
        m.subsurface = t % 5 == 2 ? 0.4f : 0.0f;
        double mu = 0.1 + 0.9 * base_rng_uniform(&rng);
        Vec3 wo = view(mu);
        Vec3 n = v3(0, 0, 1);
        RenderBsdf b;
        CHECK(render_bsdf_init(&b, &m, n, wo, true));
        CHECK(b.p_ms > 0.0);
        for (int s = 0; s < 200; s++) {
            double u[3] = { base_rng_uniform(&rng), base_rng_uniform(&rng),
                            base_rng_uniform(&rng) };
            Vec3 wi, w;
            double pdf, pe;
            if (!render_bsdf_sample(&b, wo, u, &wi, &w, &pdf))
                continue;
            Vec3 f = render_bsdf_eval(&b, wo, wi, &pe);
            CHECK_NEAR(pdf, pe, 1e-12 * pe);
            CHECK_NEAR(w.x, f.x / pe, 1e-9 * (1.0 + w.x));
            CHECK_NEAR(w.z, f.z / pe, 1e-9 * (1.0 + w.z));
            checked++;
        }
        if (t % 6 != 0)
            continue;

        // The eval integral on a grid in (cos, phi) against the sampler.
        enum {
            G = 400
        };

        double grid = 0.0, mass = 0.0;
        for (int a = 0; a < G; a++)
            for (int c = 0; c < G; c++) {
                double z = ((double)a + 0.5) / G;
                double phi = 2.0 * BASE_PI * ((double)c + 0.5) / G;
                double rr = sqrt(1.0 - z * z);
                double pe;
                Vec3 f = render_bsdf_eval(
                    &b, wo, v3(rr * cos(phi), rr * sin(phi), z), &pe);
                grid += f.y;
                mass += pe;
            }
        grid *= 2.0 * BASE_PI / (G * G);
        mass *= 2.0 * BASE_PI / (G * G);
        double sampled = albedo(&m, mu).y;
        fprintf(stderr,
                "eval integral %.4f, sampled %.4f, pdf mass %.4f (r %.2f)\n",
                grid, sampled, mass, (double)m.roughness);
        CHECK_NEAR(sampled, grid, 0.01 * grid + 1e-3);
        CHECK(mass <= 1.0 + 1e-3);
    }
    CHECK(checked > 4000);
}

int main(void)
{
    CHECK_RUN(test_table);
    CHECK_RUN(test_white_metal);
    CHECK_RUN(test_gold);
    CHECK_RUN(test_coat);
    CHECK_RUN(test_eval_sample);
    return CHECK_DONE();
}
