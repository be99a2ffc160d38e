/* grade/grade_internal.h: what the grade's own files share and no other
 * stage needs: pow() for one exponent over a whole frame from tables, and
 * the tone curves driven by them. */
#ifndef AU_GRADE_INTERNAL_H
#define AU_GRADE_INTERNAL_H

#include <string.h>

#include "grade.h"

/** pow(x, p) for one p over a frame: pow(m, p) of the mantissa m in
 * [0.5, 1) from a table with linear interpolation (within 3e-8 of it
 * relatively, a ten-thousandth of a code after encoding), times
 * pow(2, e p) of the exponent from another. Values outside
 * GRADE_POW_MIN_EXP .. GRADE_POW_MAX_EXP octaves, negative values and
 * non-numbers take pow() itself. */
enum {
    GRADE_POW_SIZE = 1024,
    GRADE_POW_MIN_EXP = -60,
    GRADE_POW_MAX_EXP = 20
};

typedef struct GradePow {
    double p;
    double mant[GRADE_POW_SIZE + 1];
    double octave[GRADE_POW_MAX_EXP - GRADE_POW_MIN_EXP + 1];
} GradePow;

/** Fills @p t for the exponent @p p: 1100 calls of pow(). */
void grade_pow_init(GradePow *t, double p);

/** pow(x, t->p) from the tables. Inline: it runs per pixel. */
static inline double grade_pow(const GradePow *t, double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    int e = (int)((u >> 52) & 0x7ff) - 1022;
    if (x < 0.0 || e < GRADE_POW_MIN_EXP || e > GRADE_POW_MAX_EXP)
        return pow(x, t->p);
    // x = m 2^e with m in [0.5, 1): m has x's mantissa and 2^-1's
    // exponent.
    u = (u & ~(0x7ffull << 52)) | (1022ull << 52);
    double m;
    memcpy(&m, &u, sizeof m);
    double f = (m - 0.5) * (2 * GRADE_POW_SIZE);
    int i = (int)f;
    double v = t->mant[i] + (t->mant[i + 1] - t->mant[i]) * (f - i);
    return v * t->octave[e - GRADE_POW_MIN_EXP];
}

/** The powers the tone curves take per pixel, as tables. */
typedef struct GradeToneTables {
    GradePow agx_slope; /**< AgX's log-space slope */
    GradePow agx_gamma; /**< AgX's display gamma */
} GradeToneTables;

/** Fills @p t for grade_tonemap_rgb_tables with @p tm; only AgX needs
 * tables, so other curves cost nothing. */
void grade_tone_tables_init(GradeToneTables *t, GradeTonemap tm);

/** grade_tonemap_rgb with its powers from @p t. */
void grade_tonemap_rgb_tables(GradeTonemap tm, const GradeToneTables *t,
                              const double in[3], double out[3]);

#endif
