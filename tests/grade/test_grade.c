/* tests/grade/test_grade.c: the tone curve and the sRGB encoding. */
#include <stdlib.h>

#include "check.h"
#include "grade/grade.h"

static void test_filmic_shape(void)
{
    CHECK_NEAR(grade_filmic(0.0), 0.0, 1e-12);
    CHECK_NEAR(grade_filmic(-1.0), 0.0, 1e-12);
    // Middle grey stays near middle grey.
    CHECK_NEAR(grade_filmic(0.18), 0.20, 0.03);
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
    GradeSettings g0 = { 0.0 }, g1 = { 1.0 };
    grade_frame(&f, &g0, a);
    grade_frame(&f, &g1, b);
    // One stop up on 0.09 is 0.18: the same code value as grading 0.18.
    CHECK_NEAR(b[0], grade_encode_srgb8(grade_filmic(0.18)), 1);
    CHECK(b[0] > a[0]);
    free(a);
    free(b);
    render_frame_fini(&f);
}

int main(void)
{
    CHECK_RUN(test_filmic_shape);
    CHECK_RUN(test_srgb_encode);
    CHECK_RUN(test_frame_exposure);
    return CHECK_DONE();
}
