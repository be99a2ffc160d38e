/* tests/grade/test_grade.c: the tone curve and the sRGB encoding. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "grade/grade.h"

static void test_filmic_shape(void)
{
    CHECK_NEAR(grade_filmic(0.0), 0.0, 1e-12);
    CHECK_NEAR(grade_filmic(-1.0), 0.0, 1e-12);
    // Middle grey stays near middle grey.
    CHECK_NEAR(grade_filmic(0.18), 0.183, 0.002);
    double prev = 0.0;
    for (double x = 0.001; x < 100.0; x *= 1.1) {
        double y = grade_filmic(x);
        CHECK(y >= prev);
        CHECK(y <= 1.0);
        prev = y;
    }
    // Highlights roll off instead of clipping: 4 is still below white.
    CHECK(grade_filmic(4.0) < 0.99);
    CHECK(grade_filmic(1.0) < grade_filmic(2.0));
}

static void test_srgb_encode(void)
{
    CHECK_INT_EQ(grade_encode_srgb8(0.0), 0);
    CHECK_INT_EQ(grade_encode_srgb8(1.0), 255);
    CHECK_INT_EQ(grade_encode_srgb8(0.5), 188);
    CHECK_INT_EQ(grade_encode_srgb8(0.18), 118);
    CHECK_INT_EQ(grade_encode_srgb8(2.0), 255);
}

static void test_frame_exposure(void)
{
    Frame f;
    CHECK_OK(render_frame_init(&f, base_allocator_default(), 16, 16));
    for (size_t i = 0; i < 16 * 16 * 3; i++)
        f.rgb[i] = 0.09f;
    uint8_t *a = malloc(16 * 16 * 3), *b = malloc(16 * 16 * 3);
    GradeSettings g0, g1;
    memset(&g0, 0, sizeof g0);
    memset(&g1, 0, sizeof g1);
    g1.exposure_ev = 1.0;
    grade_frame(&f, &g0, a);
    grade_frame(&f, &g1, b);
    // One stop up on 0.09 is 0.18: the same code value as grading 0.18.
    CHECK_NEAR(b[0], grade_encode_srgb8(grade_filmic(0.18)), 1);
    CHECK(b[0] > a[0]);
    free(a);
    free(b);
    render_frame_fini(&f);
}

// Grades one flat colour through a look; returns the 8-bit result.
static void graded(const char *look, float r, float g, float b, uint8_t out[3])
{
    Frame f;
    render_frame_init(&f, base_allocator_default(), 16, 16);
    for (size_t i = 0; i < 16 * 16; i++) {
        f.rgb[3 * i] = r;
        f.rgb[3 * i + 1] = g;
        f.rgb[3 * i + 2] = b;
    }
    uint8_t px[16 * 16 * 3];
    GradeSettings gs;
    grade_settings_default(&gs);
    CHECK(grade_look_named(look, &gs.look) == (look != NULL));
    grade_frame(&f, &gs, px);
    // The centre pixel: no vignette there.
    memcpy(out, &px[3 * (8 * 16 + 8)], 3);
    render_frame_fini(&f);
}

static void test_looks(void)
{
    uint8_t n[3], x[3];
    graded(NULL, 0.5f, 0.2f, 0.1f, n);
    graded("natural", 0.5f, 0.2f, 0.1f, x);
    CHECK(memcmp(n, x, 3) == 0);
    // Noir and black and white: no colour left.
    graded("noir", 0.5f, 0.2f, 0.1f, x);
    CHECK(x[0] == x[1] && x[1] == x[2]);
    graded("black and white", 0.5f, 0.2f, 0.1f, x);
    CHECK(x[0] == x[1] && x[1] == x[2]);
    // Day for night: darker and blue over red on a grey card.
    graded(NULL, 0.3f, 0.3f, 0.3f, n);
    graded("day for night", 0.3f, 0.3f, 0.3f, x);
    CHECK(x[1] < n[1] - 30);
    CHECK(x[2] > x[0]);
    // Teal and orange: grey shadows go teal, grey highlights orange.
    graded("teal and orange", 0.02f, 0.02f, 0.02f, x);
    CHECK(x[2] > x[0]);
    graded("teal and orange", 2.0f, 2.0f, 2.0f, x);
    CHECK(x[0] > x[2]);
    // Warm raises red against blue; desaturated narrows the spread.
    graded("warm", 0.3f, 0.3f, 0.3f, x);
    CHECK(x[0] > x[2] + 10);
    graded(NULL, 0.5f, 0.2f, 0.1f, n);
    graded("desaturated", 0.5f, 0.2f, 0.1f, x);
    CHECK(x[0] - x[2] < n[0] - n[2]);
    // An unknown name is neutral and reported.
    GradeLook l;
    CHECK(!grade_look_named("plaid", &l));
    CHECK(l.saturation == 0.0 && l.contrast == 0.0);
}

int main(void)
{
    CHECK_RUN(test_filmic_shape);
    CHECK_RUN(test_srgb_encode);
    CHECK_RUN(test_frame_exposure);
    CHECK_RUN(test_looks);
    return CHECK_DONE();
}
