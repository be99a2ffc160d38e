/* tests/grade/test_fast_paths.c: the grade's table-driven paths give the
 * bytes the curves give: the default grade's per-byte steps against the
 * general per-pixel path, a look's contrast and the AgX curve's tables
 * against pow(), and the fixed-point upscale against the bilinear formula
 * in doubles. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "grade/grade.h"

static const AuAllocator *A;

enum {
    W = 256,
    H = 96
};

// A frame of scene-linear values from 1e-7 to 1e5 (about 40 stops, each
// channel offset from the others), with zero, negative, huge and
// not-a-number pixels in the first row.
static void ramp_frame(Frame *f)
{
    size_t n = (size_t)W * H;
    for (size_t i = 0; i < n; i++)
        for (int c = 0; c < 3; c++) {
            double t = (double)(i * 3 + (size_t)c) / (double)(3 * n);
            f->rgb[3 * i + (size_t)c] = (float)(1e-7 * pow(1e12, t));
        }
    const float odd[] = { 0.0f, -1.0f, 1e30f, NAN, 0.5f, 2e12f };
    for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++)
        f->rgb[3 * k] = odd[k];
}

// How many bytes differ, and by at most how much.
static size_t count_diff(const uint8_t *a, const uint8_t *b, size_t n, int *max)
{
    size_t d = 0;
    *max = 0;
    for (size_t i = 0; i < n; i++) {
        int e = abs((int)a[i] - (int)b[i]);
        d += e != 0;
        *max = e > *max ? e : *max;
    }
    return d;
}

// The default grade takes the per-byte step tables; a look that changes
// nothing but is not all zero (a lift of 1e-300) takes the per-pixel
// path. The two agree but for values a rounding away from a step.
static void test_default_grade_steps(void)
{
    Frame f;
    CHECK_OK(render_frame_init(&f, A, W, H));
    ramp_frame(&f);
    size_t n = (size_t)W * H * 3;
    uint8_t *fast = malloc(n), *slow = malloc(n);
    GradeSettings g;
    grade_settings_default(&g);
    for (int k = 0; k < 2; k++) {
        g.exposure_ev = k ? 2.5 : 0.0;
        g.white_balance_k = k ? 3200.0 : 0.0;
        g.look.lift = 0.0;
        CHECK_OK(grade_frame(&f, &g, fast));
        g.look.lift = 1e-300;
        CHECK_OK(grade_frame(&f, &g, slow));
        int max = 0;
        size_t d = count_diff(fast, slow, n, &max);
        fprintf(stderr, "  default grade: %zu of %zu bytes differ (max %d)\n",
                d, n, max);
        CHECK(max <= 1);
        CHECK(d * 1000 < n);
    }
    // The odd pixels: 0, negative and not-a-number are black; huge ones
    // go through the curve (white).
    g.exposure_ev = 0.0;
    g.white_balance_k = 0.0;
    g.look.lift = 0.0;
    CHECK_OK(grade_frame(&f, &g, fast));
    CHECK_INT_EQ(fast[0], 0);
    CHECK_INT_EQ(fast[3], 0);
    CHECK_INT_EQ(fast[9], 0);
    CHECK_INT_EQ(fast[6], 255);
    CHECK_INT_EQ(fast[15], 255);
    // A rising ramp gives rising bytes.
    for (size_t i = 3 * 8; i + 3 < n; i += 3)
        CHECK(fast[i + 3] >= fast[i]);
    free(fast);
    free(slow);
    render_frame_fini(&f);
}

// A look's contrast through the table against the same look in doubles
// with pow(), from the public curve and encoding.
static void test_look_contrast(void)
{
    Frame f;
    CHECK_OK(render_frame_init(&f, A, W, H));
    ramp_frame(&f);
    size_t n = (size_t)W * H * 3;
    uint8_t *got = malloc(n), *want = malloc(n);
    GradeSettings g;
    grade_settings_default(&g);
    g.look.contrast = 0.35; // noir's, without its other controls
    g.look.lift = 1e-300;
    CHECK_OK(grade_frame(&f, &g, got));
    for (size_t i = 0; i < n; i++) {
        double x = (double)f.rgb[i];
        double v = grade_filmic(x > 0.0 ? x : 0.0);
        if (v > 0.0)
            v = 0.18 * pow(v / 0.18, 1.35);
        want[i] = grade_encode_srgb8(v);
    }
    int max = 0;
    size_t d = count_diff(got, want, n, &max);
    fprintf(stderr, "  contrast table: %zu of %zu bytes differ (max %d)\n", d,
            n, max);
    CHECK(max <= 1);
    CHECK(d * 200 < n);
    free(got);
    free(want);
    render_frame_fini(&f);
}

// The AgX curve's powers through tables against grade_tonemap_rgb's
// pow() and the exact encoding.
static void test_agx_tables(void)
{
    Frame f;
    CHECK_OK(render_frame_init(&f, A, W, H));
    ramp_frame(&f);
    size_t n = (size_t)W * H * 3;
    uint8_t *got = malloc(n), *want = malloc(n);
    GradeSettings g;
    grade_settings_default(&g);
    g.tonemap = GRADE_TONEMAP_AGX;
    CHECK_OK(grade_frame(&f, &g, got));
    for (size_t i = 0; i < n; i += 3) {
        double in[3], out[3];
        for (int c = 0; c < 3; c++) {
            double x = (double)f.rgb[i + (size_t)c];
            in[c] = x > 0.0 ? x : 0.0;
        }
        grade_tonemap_rgb(GRADE_TONEMAP_AGX, in, out);
        for (int c = 0; c < 3; c++)
            want[i + (size_t)c] = grade_encode_srgb8(out[c]);
    }
    int max = 0;
    size_t d = count_diff(got, want, n, &max);
    fprintf(stderr, "  agx tables: %zu of %zu bytes differ (max %d)\n", d, n,
            max);
    CHECK(max <= 1);
    CHECK(d * 200 < n);
    free(got);
    free(want);
    render_frame_fini(&f);
}

// The bilinear upscale in doubles, as a reference.
static void upscale_ref(const uint8_t *src, int sw, int sh, uint8_t *dst,
                        int dw, int dh)
{
    for (int y = 0; y < dh; y++) {
        double fy = ((double)y + 0.5) * sh / dh - 0.5;
        fy = fy < 0.0 ? 0.0 : fy;
        int y0 = (int)fy, y1 = y0 + 1 < sh ? y0 + 1 : sh - 1;
        for (int x = 0; x < dw; x++) {
            double fx = ((double)x + 0.5) * sw / dw - 0.5;
            fx = fx < 0.0 ? 0.0 : fx;
            int x0 = (int)fx, x1 = x0 + 1 < sw ? x0 + 1 : sw - 1;
            for (int c = 0; c < 3; c++) {
#define P(xx, yy) \
    (double)src[3 * ((size_t)(yy) * (size_t)sw + (size_t)(xx)) + c]
                double top = P(x0, y0) + (P(x1, y0) - P(x0, y0)) * (fx - x0);
                double bot = P(x0, y1) + (P(x1, y1) - P(x0, y1)) * (fx - x0);
#undef P
                dst[3 * ((size_t)y * (size_t)dw + (size_t)x) + (size_t)c] =
                    (uint8_t)(top + (bot - top) * (fy - y0) + 0.5);
            }
        }
    }
}

static void check_upscale(int sw, int sh, int dw, int dh, bool exact)
{
    size_t ns = (size_t)sw * (size_t)sh * 3, nd = (size_t)dw * (size_t)dh * 3;
    uint8_t *src = malloc(ns), *got = malloc(nd), *want = malloc(nd);
    uint64_t h = 12345;
    for (size_t i = 0; i < ns; i++) {
        h = base_hash_mix(h, i);
        src[i] = (uint8_t)(h >> 56);
    }
    grade_upscale(src, sw, sh, got, dw, dh);
    upscale_ref(src, sw, sh, want, dw, dh);
    int max = 0;
    size_t d = count_diff(got, want, nd, &max);
    fprintf(stderr, "  upscale %dx%d -> %dx%d: %zu of %zu bytes differ\n", sw,
            sh, dw, dh, d, nd);
    CHECK(max <= 1);
    if (exact)
        CHECK_INT_EQ((long long)d, 0);
    free(src);
    free(got);
    free(want);
}

static void test_upscale(void)
{
    // The preview's 2x (quarter weights, exact), a width past one block
    // of columns, odd ratios, and a downscale.
    check_upscale(64, 27, 128, 54, true);
    check_upscale(700, 5, 1400, 10, true);
    check_upscale(7, 5, 20, 13, false);
    check_upscale(33, 17, 50, 40, false);
    check_upscale(1500, 9, 1100, 4, false);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_default_grade_steps);
    CHECK_RUN(test_look_contrast);
    CHECK_RUN(test_agx_tables);
    CHECK_RUN(test_upscale);
    return CHECK_DONE();
}
