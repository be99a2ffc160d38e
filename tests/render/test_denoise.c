/* tests/render/test_denoise.c: the render stage's denoiser on hand-made
 * frames: the same bits for any thread count and for its SSE2 and AVX2
 * loops, the same result as a plain per-pixel version of the filter, noise
 * removed on a flat surface without bleeding across silhouettes, and a
 * clean AU_ENOMEM. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
// The denoiser's own source, to reach the choice between its loops; its
// render_denoise then stands in for the library's.
#include "render/denoise.c"

// An odd size, so rows end part-way through the filter's groups of pixels,
// and more rows than the widest step.
enum {
    W = 75,
    H = 41
};

static float noise(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return (float)(*s >> 8) / 16777216.0f - 0.5f;
}

// A wall at 4 m (ID 0), a figure (ID 1) on the right third at 2 m facing
// a little sideways, a disc of sky in the top left corner, a pixel with
// no normal, noisy light and variance everywhere.
static void fill(Frame *f)
{
    uint32_t s = 12345u;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            size_t p = (size_t)y * W + (size_t)x;
            bool sky = (x - 3) * (x - 3) + (y - 3) * (y - 3) < 30;
            bool figure = x > 2 * W / 3;
            float base = figure ? 0.4f : 1.0f;
            for (int c = 0; c < 3; c++) {
                f->albedo[3 * p + c] = figure ? 0.2f + 0.2f * c : 0.6f;
                float light = base * (1.0f + 0.8f * noise(&s));
                f->rgb[3 * p + c] = light * f->albedo[3 * p + c];
            }
            f->id[p] = figure ? 1 : 0;
            f->depth[p] = sky ? 0.0f : figure ? 2.0f + 0.01f * y : 4.0f;
            float nx = figure ? 0.3f : 0.0f, nz = sqrtf(1.0f - nx * nx);
            f->normal[3 * p] = nx;
            f->normal[3 * p + 1] = 0.0f;
            f->normal[3 * p + 2] = nz;
            f->variance[p] = 0.05f * (1.0f + noise(&s));
            if (sky)
                f->rgb[3 * p] = f->rgb[3 * p + 1] = f->rgb[3 * p + 2] = 2.0f;
        }
    }
    size_t bare = (size_t)20 * W + 20;
    f->normal[3 * bare] = f->normal[3 * bare + 1] = 0.0f;
    f->normal[3 * bare + 2] = 0.0f;
}

static void frame_new(Frame *f)
{
    CHECK_OK(render_frame_init(f, base_allocator_default(), W, H));
    fill(f);
}

// The eight-lane loop where the processor has AVX2 gives the same bits as
// the four-lane SSE2 one every x86-64 processor runs.
static void test_lanes_identical(void)
{
#if DENOISE_WIDE
    if (!__builtin_cpu_supports("avx2")) {
        fprintf(stderr, "no AVX2 here: only the four-lane loop runs\n");
        return;
    }
    Frame a, b;
    frame_new(&a);
    frame_new(&b);
    CHECK_OK(denoise_run(&a, 2, false));
    CHECK_OK(denoise_run(&b, 2, true));
    CHECK(memcmp(a.rgb, b.rgb, sizeof(float) * 3 * W * H) == 0);
    render_frame_fini(&a);
    render_frame_fini(&b);
#endif
}

static void test_threads_identical(void)
{
    Frame a, b;
    frame_new(&a);
    frame_new(&b);
    CHECK_OK(render_denoise(&a, 1));
    CHECK_OK(render_denoise(&b, 2));
    CHECK(memcmp(a.rgb, b.rgb, sizeof(float) * 3 * W * H) == 0);
    Frame c;
    frame_new(&c);
    CHECK(memcmp(a.rgb, c.rgb, sizeof(float) * 3 * W * H) != 0);
    render_frame_fini(&a);
    render_frame_fini(&b);
    render_frame_fini(&c);
}

// The filter as the paper describes it, one pixel and one tap at a time
// in double precision, with the same constants as render/denoise.c: the
// oracle for the optimised version.
static double lum(const double *c)
{
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static void reference_denoise(Frame *f)
{
    size_t n = (size_t)W * H;
    double *irr = calloc(3 * n, sizeof(double)),
           *irr2 = calloc(3 * n, sizeof(double));
    double *var = calloc(n, sizeof(double)), *var2 = calloc(n, sizeof(double));
    CHECK(irr && irr2 && var && var2);
    for (size_t p = 0; p < n; p++) {
        double a[3];
        for (int c = 0; c < 3; c++) {
            a[c] = fmax(f->albedo[3 * p + c], 0.02);
            irr[3 * p + c] = f->rgb[3 * p + c] / a[c];
            a[c] = f->albedo[3 * p + c];
        }
        double al = fmax(lum(a), 0.02);
        var2[p] = f->variance[p] / (al * al);
    }
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            double sum = 0.0;
            int count = 0;
            for (int qy = y - 2; qy <= y + 2; qy++)
                for (int qx = x - 2; qx <= x + 2; qx++)
                    if (qx >= 0 && qy >= 0 && qx < W && qy < H) {
                        sum += var2[(size_t)qy * W + (size_t)qx];
                        count++;
                    }
            var[(size_t)y * W + (size_t)x] = sum / count;
        }
    static const double k[3] = { 0.25, 0.5, 0.25 };
    for (int step = 1; step <= 16; step *= 2) {
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                size_t p = (size_t)y * W + (size_t)x;
                const float *np = &f->normal[3 * p];
                double lp = lum(&irr[3 * p]), dp = f->depth[p];
                double inv_sd = 1.0 / (4.0 * sqrt(var[p]) + 1e-3 + 0.02 * lp);
                double sum[3] = { 0, 0, 0 }, ws = 0.0, vs = 0.0;
                for (int ky = -1; ky <= 1 && dp > 0.0; ky++)
                    for (int kx = -1; kx <= 1; kx++) {
                        int qx = x + kx * step, qy = y + ky * step;
                        if (qx < 0 || qy < 0 || qx >= W || qy >= H)
                            continue;
                        size_t q = (size_t)qy * W + (size_t)qx;
                        const float *nq = &f->normal[3 * q];
                        double nd = (double)np[0] * nq[0] +
                                    (double)np[1] * nq[1] +
                                    (double)np[2] * nq[2];
                        if (f->depth[q] <= 0.0f || f->id[q] != f->id[p] ||
                            nd <= 0.0)
                            continue;
                        double dist = sqrt(kx * kx + ky * ky) * step;
                        double wz =
                            fabs(dp - f->depth[q]) / dp / (0.02 * (dist + 1.0));
                        double e = wz + fabs(lp - lum(&irr[3 * q])) * inv_sd;
                        double wgt = k[kx + 1] * k[ky + 1] * pow(nd, 64.0) /
                                     (1.0 + e * (1.0 + e * (0.5 + e / 6.0)));
                        for (int c = 0; c < 3; c++)
                            sum[c] += wgt * irr[3 * q + c];
                        ws += wgt;
                        vs += wgt * wgt * var[q];
                    }
                for (int c = 0; c < 3; c++)
                    irr2[3 * p + c] = ws > 0.0 ? sum[c] / ws : irr[3 * p + c];
                var2[p] = ws > 0.0 ? vs / (ws * ws) : var[p];
            }
        double *t = irr;
        irr = irr2;
        irr2 = t;
        t = var;
        var = var2;
        var2 = t;
    }
    for (size_t p = 0; p < n; p++)
        for (int c = 0; c < 3 && f->depth[p] > 0.0f; c++)
            f->rgb[3 * p + c] =
                (float)(irr[3 * p + c] * fmax(f->albedo[3 * p + c], 0.02));
    free(irr);
    free(irr2);
    free(var);
    free(var2);
}

static void test_matches_reference(void)
{
    Frame a, b;
    frame_new(&a);
    frame_new(&b);
    CHECK_OK(render_denoise(&a, 2));
    reference_denoise(&b);
    double worst = 0.0;
    for (size_t i = 0; i < (size_t)3 * W * H; i++) {
        double d = fabs(a.rgb[i] - b.rgb[i]) / (fabs(b.rgb[i]) + 1e-3);
        worst = d > worst ? d : worst;
    }
    fprintf(stderr, "worst relative difference from the reference: %.2e\n",
            worst);
    CHECK(worst < 1e-4);
    render_frame_fini(&a);
    render_frame_fini(&b);
}

// The spread of the wall's light well inside it, and the mean of the
// figure's red next to the wall.
static double wall_rms(const Frame *f, double *figure_edge)
{
    double sum = 0.0, sum2 = 0.0;
    int n = 0;
    for (int y = 10; y < H - 5; y++)
        for (int x = 10; x < 2 * W / 3 - 5; x++) {
            double v = f->rgb[3 * ((size_t)y * W + (size_t)x)] / 0.6;
            sum += v;
            sum2 += v * v;
            n++;
        }
    double mean = sum / n;
    *figure_edge = 0.0;
    for (int y = 0; y < H; y++)
        *figure_edge += f->rgb[3 * ((size_t)y * W + 2 * W / 3 + 1)] / 0.2 / H;
    return sqrt(sum2 / n - mean * mean);
}

static void test_smooths_within_surfaces(void)
{
    Frame f;
    frame_new(&f);
    double edge_before, edge_after;
    double before = wall_rms(&f, &edge_before);
    size_t sky = 3 * ((size_t)2 * W + 2);
    CHECK_OK(render_denoise(&f, 2));
    double after = wall_rms(&f, &edge_after);
    fprintf(stderr, "wall rms %.4f -> %.4f; figure edge %.3f -> %.3f\n", before,
            after, edge_before, edge_after);
    CHECK(after < 0.25 * before);
    // The figure's light is 0.4 against the wall's 1: none of the wall
    // may leak into it.
    CHECK_NEAR(edge_after, 0.4, 0.03);
    CHECK(f.rgb[sky] == 2.0f && f.rgb[sky + 2] == 2.0f);
    render_frame_fini(&f);
}

static void *fail_realloc(void *user, void *ptr, size_t size)
{
    (void)user;
    if (size == 0)
        free(ptr);
    return NULL;
}

static void test_out_of_memory(void)
{
    Frame f, g;
    frame_new(&f);
    frame_new(&g);
    const AuAllocator failing = { fail_realloc, NULL };
    const AuAllocator *own = f.alloc;
    f.alloc = &failing;
    CHECK_STATUS(render_denoise(&f, 2), AU_ENOMEM);
    f.alloc = own;
    CHECK(memcmp(f.rgb, g.rgb, sizeof(float) * 3 * W * H) == 0);
    render_frame_fini(&f);
    render_frame_fini(&g);
}

int main(void)
{
    CHECK_RUN(test_threads_identical);
    CHECK_RUN(test_lanes_identical);
    CHECK_RUN(test_matches_reference);
    CHECK_RUN(test_smooths_within_surfaces);
    CHECK_RUN(test_out_of_memory);
    return CHECK_DONE();
}
