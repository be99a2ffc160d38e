/* tests/grade/test_effects.c: film grain, bloom, halation, chromatic
 * aberration and framing (letterbox, pillarbox, crop round the subject),
 * each measured on graded pixels. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "grade/grade.h"

enum {
    W = 96,
    H = 64
};

static void fill(Frame *f, float v)
{
    for (size_t i = 0; i < (size_t)W * H * 3; i++)
        f->rgb[i] = v;
}

// Standard deviation of the green channel over the frame.
static double green_sd(const uint8_t *px)
{
    double s = 0.0, s2 = 0.0;
    for (size_t i = 0; i < (size_t)W * H; i++) {
        double v = px[i * 3 + 1];
        s += v;
        s2 += v * v;
    }
    double n = (double)W * H, m = s / n;
    return sqrt(s2 / n - m * m);
}

static void test_grain(void)
{
    Frame f;
    CHECK_OK(render_frame_init(&f, base_allocator_default(), W, H));
    uint8_t *a = malloc(W * H * 3), *b = malloc(W * H * 3);
    GradeSettings g;
    grade_settings_default(&g);
    g.seed = 7;
    g.shot = 2;
    g.frame = 10;
    fill(&f, 0.18f);
    grade_frame(&f, &g, a);
    CHECK(green_sd(a) < 0.01);
    // Grain adds noise; the same seed, shot and frame give the same grain.
    g.grain = 0.5;
    grade_frame(&f, &g, a);
    grade_frame(&f, &g, b);
    CHECK(memcmp(a, b, W * H * 3) == 0);
    double sd_mid = green_sd(a);
    // Stronger setting, more grain.
    g.grain = 1.0;
    grade_frame(&f, &g, b);
    double sd_strong = green_sd(b);
    CHECK(sd_strong > sd_mid * 1.6);
    // Another frame: another pattern.
    g.grain = 0.5;
    g.frame = 11;
    grade_frame(&f, &g, b);
    CHECK(memcmp(a, b, W * H * 3) != 0);
    CHECK_NEAR(green_sd(b), sd_mid, sd_mid * 0.2);
    // Luminance dependent: less in deep shadow and near white.
    fill(&f, 0.002f);
    grade_frame(&f, &g, b);
    double sd_dark = green_sd(b);
    fill(&f, 60.0f);
    grade_frame(&f, &g, b);
    double sd_bright = green_sd(b);
    printf("  grain 0.5 sd: dark %.2f mid %.2f bright %.2f codes; grain 1 "
           "mid %.2f\n",
           sd_dark, sd_mid, sd_bright, sd_strong);
    CHECK(sd_mid > 2.0);
    CHECK(sd_dark < sd_mid * 0.6);
    CHECK(sd_bright < sd_mid * 0.6);
    free(a);
    free(b);
    render_frame_fini(&f);
}

// A frame with one bright white square at the centre on a dark ground.
static void hot_spot(Frame *f)
{
    fill(f, 0.01f);
    for (int y = H / 2 - 3; y < H / 2 + 3; y++)
        for (int x = W / 2 - 3; x < W / 2 + 3; x++)
            for (int c = 0; c < 3; c++)
                f->rgb[((size_t)y * W + (size_t)x) * 3 + (size_t)c] = 40.0f;
}

static const uint8_t *at(const uint8_t *px, int x, int y)
{
    return &px[((size_t)y * W + (size_t)x) * 3];
}

static void test_bloom_halation(void)
{
    Frame f;
    CHECK_OK(render_frame_init(&f, base_allocator_default(), W, H));
    hot_spot(&f);
    uint8_t *plain = malloc(W * H * 3), *px = malloc(W * H * 3);
    GradeSettings g;
    grade_settings_default(&g);
    CHECK_OK(grade_frame(&f, &g, plain));
    // 3 px outside the hot spot's edge: dark without effects.
    int ox = W / 2 + 6, oy = H / 2;
    const uint8_t *p0 = at(plain, ox, oy);
    g.bloom = 1.0;
    CHECK_OK(grade_frame(&f, &g, px));
    const uint8_t *pb = at(px, ox, oy);
    printf("  outside the highlight: plain %d %d %d, bloom %d %d %d\n", p0[0],
           p0[1], p0[2], pb[0], pb[1], pb[2]);
    // Bloom: a neutral glow.
    CHECK(pb[1] > p0[1] + 15);
    CHECK(abs((int)pb[0] - (int)pb[2]) <= 2);
    // Far away (a corner), next to nothing.
    CHECK(abs((int)at(px, 0, 0)[1] - (int)at(plain, 0, 0)[1]) <= 6);
    g.bloom = 0.0;
    g.halation = 1.0;
    CHECK_OK(grade_frame(&f, &g, px));
    const uint8_t *ph = at(px, ox, oy);
    printf("  halation %d %d %d\n", ph[0], ph[1], ph[2]);
    // Halation: red-orange, red over green over blue.
    CHECK(ph[0] > p0[0] + 30);
    CHECK(ph[0] > ph[1] + 10);
    CHECK(ph[1] >= ph[2]);
    // A frame with nothing over white gets no halation at all.
    fill(&f, 0.5f);
    CHECK_OK(grade_frame(&f, &g, px));
    g.halation = 0.0;
    CHECK_OK(grade_frame(&f, &g, plain));
    CHECK(memcmp(px, plain, W * H * 3) == 0);
    free(plain);
    free(px);
    render_frame_fini(&f);
}

static void test_aberration(void)
{
    Frame f;
    CHECK_OK(render_frame_init(&f, base_allocator_default(), W, H));
    // A white vertical edge near the right border: aberration fringes it
    // (red and blue no longer line up); at the centre line nothing moves.
    fill(&f, 0.02f);
    for (int y = 0; y < H; y++)
        for (int x = W - 12; x < W; x++)
            for (int c = 0; c < 3; c++)
                f.rgb[((size_t)y * W + (size_t)x) * 3 + (size_t)c] = 1.0f;
    uint8_t *px = malloc(W * H * 3);
    GradeSettings g;
    grade_settings_default(&g);
    g.aberration = 1.0;
    CHECK_OK(grade_frame(&f, &g, px));
    int fringe = 0;
    for (int x = W - 16; x < W - 8; x++) {
        const uint8_t *p = at(px, x, H / 2);
        fringe = abs((int)p[0] - (int)p[2]) > fringe
                     ? abs((int)p[0] - (int)p[2])
                     : fringe;
    }
    printf("  aberration fringe at the edge: %d codes\n", fringe);
    CHECK(fringe > 5);
    // Small: the edge moves by well under a pixel per channel this close
    // to the centre, so the fringe is one pixel wide.
    CHECK(at(px, W - 16, H / 2)[0] == at(px, W - 16, H / 2)[2]);
    free(px);
    render_frame_fini(&f);
}

static void test_framing(void)
{
    double a;
    CHECK(grade_aspect_parse("2.39:1", &a) && fabs(a - 2.39) < 1e-9);
    CHECK(grade_aspect_parse("16:9", &a) && fabs(a - 16.0 / 9) < 1e-9);
    CHECK(grade_aspect_parse("9:16", &a) && fabs(a - 9.0 / 16) < 1e-9);
    CHECK(grade_aspect_parse("1.85", &a) && fabs(a - 1.85) < 1e-9);
    CHECK(!grade_aspect_parse("wide", &a));
    CHECK(!grade_aspect_parse("16:0", &a));
    CHECK(!grade_aspect_parse("16:9x", &a));

    // A 16:9 grey picture with a bright column (the subject) at 0.6.
    enum {
        SW = 160,
        SH = 90
    };

    uint8_t *src = malloc(SW * SH * 3);
    memset(src, 128, SW * SH * 3);
    for (int y = 0; y < SH; y++)
        for (int x = 92; x < 100; x++)
            memset(&src[((size_t)y * SW + (size_t)x) * 3], 250, 3);
    // Into 2.39:1: the narrower picture is pillarboxed, bars at the sides
    // and the full height used.
    uint8_t *dst = malloc(239 * 100 * 3);
    grade_reframe(src, SW, SH, dst, 239, 100, GRADE_FIT_LETTERBOX, 0.5);
    CHECK_INT_EQ(dst[(50 * 239 + 120) * 3], 128);
    CHECK_INT_EQ(dst[(0 * 239 + 60) * 3], 128);
    CHECK_INT_EQ(dst[(50 * 239 + 0) * 3], 0);
    CHECK_INT_EQ(dst[(50 * 239 + 238) * 3], 0);
    int first = -1, last = -1;
    for (int x = 0; x < 239; x++)
        if (dst[(50 * 239 + x) * 3] != 0) {
            first = first < 0 ? x : first;
            last = x;
        }
    CHECK_NEAR(last - first + 1, 100 * 16.0 / 9.0, 1.0);
    // A 2.39:1 picture into 16:9 is letterboxed: bars top and bottom.
    uint8_t *scope = malloc(239 * 100 * 3);
    memset(scope, 90, 239 * 100 * 3);
    grade_reframe(scope, 239, 100, src, SW, SH, GRADE_FIT_LETTERBOX, 0.5);
    CHECK_INT_EQ(src[(0 * SW + 80) * 3], 0);
    CHECK_INT_EQ(src[(45 * SW + 80) * 3], 90);
    CHECK_INT_EQ(src[(45 * SW + 0) * 3], 90);
    int rows = 0;
    for (int y = 0; y < SH; y++)
        rows += src[((size_t)y * SW + 80) * 3] != 0;
    CHECK_NEAR(rows, 160 / 2.39, 1.0);
    free(scope);
    memset(src, 128, SW * SH * 3);
    for (int y = 0; y < SH; y++)
        for (int x = 92; x < 100; x++)
            memset(&src[((size_t)y * SW + (size_t)x) * 3], 250, 3);
    // Into 1:1 cropped round the subject: the column lands in the middle.
    uint8_t *sq = malloc(90 * 90 * 3);
    grade_reframe(src, SW, SH, sq, 90, 90, GRADE_FIT_CROP, 0.6);
    CHECK(sq[(45 * 90 + 45) * 3] > 200);
    CHECK(sq[(45 * 90 + 10) * 3] == 128);
    // A subject at the very edge: the crop stops at the picture's edge.
    grade_reframe(src, SW, SH, sq, 90, 90, GRADE_FIT_CROP, 1.0);
    int col = -1;
    for (int x = 0; x < 90; x++)
        if (sq[(45 * 90 + x) * 3] > 200) {
            col = x;
            break;
        }
    CHECK_INT_EQ(col, 92 - (SW - 90));
    // 9:16 vertical from 16:9, crop: full height, subject centred.
    uint8_t *v = malloc(36 * 64 * 3);
    grade_reframe(src, SW, SH, v, 36, 64, GRADE_FIT_CROP, 0.6);
    CHECK(v[(32 * 36 + 18) * 3] > 200);
    CHECK(v[(0 * 36 + 18) * 3] > 200);
    // 9:16 letterboxed from 16:9: bars top and bottom, picture 36 x 20.
    grade_reframe(src, SW, SH, v, 36, 64, GRADE_FIT_LETTERBOX, 0.5);
    CHECK_INT_EQ(v[(2 * 36 + 5) * 3], 0);
    CHECK_INT_EQ(v[(32 * 36 + 5) * 3], 128);
    free(src);
    free(dst);
    free(sq);
    free(v);
}

int main(void)
{
    CHECK_RUN(test_grain);
    CHECK_RUN(test_bloom_halation);
    CHECK_RUN(test_aberration);
    CHECK_RUN(test_framing);
    return CHECK_DONE();
}
