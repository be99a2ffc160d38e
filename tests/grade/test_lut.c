/* tests/grade/test_lut.c: .cube parsing (good files and every kind of bad
 * one, with the line and column reported) and tetrahedral interpolation
 * measured against identity, channel-swap and gamma tables. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "grade/grade.h"

typedef struct Seen {
    int count;
    AuSrcLoc loc;
    char text[256];
} Seen;

static void on_diag(void *user, const AuDiagnostic *d)
{
    Seen *s = user;
    if (s->count++ == 0) {
        s->loc = d->loc;
        snprintf(s->text, sizeof s->text, "%s", d->text);
    }
}

// Writes a size^3 table whose entry at lattice (r, g, b) is fn of it.
typedef void (*LutFn)(const double in[3], double out[3]);

static char *make_cube(int size, LutFn fn, const char *header)
{
    size_t cap = (size_t)size * (size_t)size * (size_t)size * 40 + 512;
    char *buf = malloc(cap);
    size_t n = (size_t)snprintf(buf, cap,
                                "# generated\nTITLE \"test\"\n%s"
                                "LUT_3D_SIZE %d\n\n",
                                header, size);
    for (int b = 0; b < size; b++)
        for (int g = 0; g < size; g++)
            for (int r = 0; r < size; r++) {
                double in[3] = { (double)r / (size - 1), (double)g / (size - 1),
                                 (double)b / (size - 1) },
                       out[3];
                fn(in, out);
                n += (size_t)snprintf(buf + n, cap - n, "%.9f %.9f %.9f\n",
                                      out[0], out[1], out[2]);
            }
    return buf;
}

static void identity(const double in[3], double out[3])
{
    memcpy(out, in, sizeof(double[3]));
}

static void swap_rgb(const double in[3], double out[3])
{
    out[0] = in[1];
    out[1] = in[2];
    out[2] = in[0];
}

static void gamma12(const double in[3], double out[3])
{
    for (int c = 0; c < 3; c++)
        out[c] = pow(in[c], 1.2);
}

static AuStatus parse(const char *text, GradeLut *lut, Seen *seen)
{
    memset(seen, 0, sizeof *seen);
    BaseDiag d = { on_diag, seen, 0, 0 };
    return grade_lut_parse(base_allocator_default(), &d, "t.cube", text,
                           strlen(text), lut);
}

static void test_identity_bit_exact(void)
{
    const int sizes[] = { 2, 17, 33, 65 };
    for (size_t k = 0; k < 4; k++) {
        char *text = make_cube(sizes[k], identity, "");
        GradeLut lut;
        Seen seen;
        CHECK_OK(parse(text, &lut, &seen));
        CHECK_INT_EQ(lut.size, sizes[k]);
        // Every 8-bit value on each axis, and a dense 3D sample (every
        // third code) of all combinations: nothing moves by a code.
        long bad = 0;
        int step = sizes[k] == 33 ? 1 : 3;
        for (int r = 0; r < 256; r += step)
            for (int g = 0; g < 256; g += step)
                for (int b = 0; b < 256; b += step) {
                    double in[3] = { r / 255.0, g / 255.0, b / 255.0 }, o[3];
                    grade_lut_apply(&lut, in, o);
                    bad += (int)(o[0] * 255.0 + 0.5) != r;
                    bad += (int)(o[1] * 255.0 + 0.5) != g;
                    bad += (int)(o[2] * 255.0 + 0.5) != b;
                }
        CHECK_INT_EQ(bad, 0);
        grade_lut_free(&lut);
        free(text);
    }
}

static void test_known_luts(void)
{
    LutFn fns[2] = { swap_rgb, gamma12 };
    for (int f = 0; f < 2; f++) {
        char *text = make_cube(33, fns[f], "");
        GradeLut lut;
        Seen seen;
        CHECK_OK(parse(text, &lut, &seen));
        double worst = 0.0;
        for (int i = 0; i < 20000; i++) {
            // A fixed low-discrepancy walk through the cube.
            double in[3] = { fmod(i * 0.7548776662, 1.0),
                             fmod(i * 0.5698402910, 1.0),
                             fmod(i * 0.3141592654, 1.0) },
                   o[3], want[3];
            grade_lut_apply(&lut, in, o);
            fns[f](in, want);
            for (int c = 0; c < 3; c++)
                worst = fmax(worst, fabs(o[c] - want[c]));
        }
        printf("  %s 33^3: worst error %.5f (%.2f of a code)\n",
               f ? "gamma 1.2" : "channel swap", worst, worst * 255.0);
        CHECK(worst < 1.0 / 255.0);
        grade_lut_free(&lut);
        free(text);
    }
    // A domain: DOMAIN_MAX 2 halves the inputs' positions in the table.
    char *text =
        make_cube(17, identity, "DOMAIN_MIN 0 0 0\nDOMAIN_MAX 2 2 2\n");
    GradeLut lut;
    Seen seen;
    CHECK_OK(parse(text, &lut, &seen));
    double in[3] = { 1.0, 0.5, 2.0 }, o[3];
    grade_lut_apply(&lut, in, o);
    CHECK_NEAR(o[0], 0.5, 1e-6);
    CHECK_NEAR(o[1], 0.25, 1e-6);
    CHECK_NEAR(o[2], 1.0, 1e-6);
    grade_lut_free(&lut);
    free(text);
}

static void test_grade_with_lut(void)
{
    // Grading through an identity LUT gives the very same bytes, and a
    // swap LUT swaps the graded channels.
    Frame f;
    CHECK_OK(render_frame_init(&f, base_allocator_default(), 32, 32));
    for (size_t i = 0; i < 32 * 32 * 3; i++)
        f.rgb[i] = (float)((double)((i * 2654435761u) % 1000u) / 400.0);
    uint8_t a[32 * 32 * 3], b[32 * 32 * 3];
    GradeSettings g;
    grade_settings_default(&g);
    grade_frame(&f, &g, a);
    char *text = make_cube(17, identity, "");
    GradeLut lut;
    Seen seen;
    CHECK_OK(parse(text, &lut, &seen));
    g.lut = &lut;
    grade_frame(&f, &g, b);
    CHECK(memcmp(a, b, sizeof a) == 0);
    grade_lut_free(&lut);
    free(text);
    text = make_cube(17, swap_rgb, "");
    CHECK_OK(parse(text, &lut, &seen));
    grade_frame(&f, &g, b);
    int worst = 0;
    for (size_t p = 0; p < 32 * 32; p++)
        for (int c = 0; c < 3; c++) {
            int d = abs((int)b[p * 3 + (size_t)c] -
                        (int)a[p * 3 + (size_t)((c + 1) % 3)]);
            worst = d > worst ? d : worst;
        }
    CHECK(worst <= 1);
    grade_lut_free(&lut);
    free(text);
    render_frame_fini(&f);
}

typedef struct BadCase {
    const char *text;
    uint32_t line, col;
    const char *says;
} BadCase;

static void test_malformed(void)
{
    static const BadCase cases[] = {
        { "LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n", 8,
          1, "truncated" },
        { "LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n"
          "1 1 1\n1 1 1\n",
          10, 1, "more entries" },
        { "# c\nLUT_3D_SIZE 1\n", 2, 13, "2 to 65" },
        { "LUT_3D_SIZE 66\n", 1, 13, "2 to 65" },
        { "LUT_3D_SIZE 2.5\n", 1, 13, "2 to 65" },
        { "TITLE \"x\"\nLUT_3D_SIZE 2\n0 0 0\n1 nan 0\n", 4, 3, "finite" },
        { "LUT_3D_SIZE 2\n0 0 0\n1 0\n", 3, 4, "3 numbers" },
        { "LUT_3D_SIZE 2\n0 0 0 0\n", 2, 7, "extra" },
        { "LUT_3D_SIZE 2\n  0 0x1 0\n", 2, 5, "finite" },
        { "LUT_3D_SIZE 2\n0 0 \x01\n", 2, 5, "unexpected byte" },
        { "LUT_3D_SIZE 2\n\n  LUT_3D_SIZE 2\n", 3, 3, "twice" },
        { "0 0 0\n", 1, 1, "before LUT_3D_SIZE" },
        { "LUT_1D_SIZE 1024\n", 1, 1, "1D" },
        { "LUT_3D_SIZE 2\nBOGUS 1\n", 2, 1, "unknown keyword" },
        { "# only a comment\n", 1, 1, "no LUT_3D_SIZE" },
        { "", 1, 1, "no LUT_3D_SIZE" },
        { "DOMAIN_MIN 1 0 0\nDOMAIN_MAX 0 1 1\nLUT_3D_SIZE 2\n"
          "0 0 0\n1 0 0\n0 1 0\n1 1 0\n0 0 1\n1 0 1\n0 1 1\n1 1 1\n",
          0, 0, "DOMAIN_MAX" },
        { "DOMAIN_MIN 0 0\n", 1, 15, "3 numbers" },
        { "LUT_3D_SIZE 2\n0 1e39 0\n", 2, 3, "out of range" },
    };
    for (size_t i = 0; i < BASE_ARRAY_LEN(cases); i++) {
        GradeLut lut;
        Seen seen;
        CHECK_STATUS(parse(cases[i].text, &lut, &seen), AU_ESYNTAX);
        CHECK_INT_EQ(seen.count, 1);
        CHECK_INT_EQ(seen.loc.line, cases[i].line);
        CHECK_INT_EQ(seen.loc.col, cases[i].col);
        CHECK_STR_EQ(seen.loc.file, "t.cube");
        if (!strstr(seen.text, cases[i].says))
            printf("  case %zu says: %s\n", i, seen.text);
        CHECK(strstr(seen.text, cases[i].says) != NULL);
        CHECK(lut.rgb == NULL);
    }
    // Missing file: an I/O error, not a crash.
    Seen seen = { 0 };
    BaseDiag d = { on_diag, &seen, 0, 0 };
    GradeLut lut;
    CHECK_STATUS(grade_lut_load(base_allocator_default(), &d,
                                "/nonexistent/x.cube", &lut),
                 AU_EIO);
}

int main(void)
{
    CHECK_RUN(test_identity_bit_exact);
    CHECK_RUN(test_known_luts);
    CHECK_RUN(test_grade_with_lut);
    CHECK_RUN(test_malformed);
    return CHECK_DONE();
}
