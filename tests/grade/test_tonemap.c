/* tests/grade/test_tonemap.c: the three tone curves (filmic, ACES, AgX),
 * white balance in kelvin and metered exposure, measured on numbers and
 * on graded pixels. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "grade/grade.h"
#include "light/light.h"

static const GradeTonemap all_tm[3] = { GRADE_TONEMAP_FILMIC,
                                        GRADE_TONEMAP_ACES, GRADE_TONEMAP_AGX };
static const char *const tm_name[3] = { "filmic", "aces", "agx" };

// Display-linear grey out of a grey scene value.
static double grey_out(GradeTonemap tm, double x)
{
    double in[3] = { x, x, x }, out[3];
    grade_tonemap_rgb(tm, in, out);
    return out[1];
}

static void test_curves_shape(void)
{
    for (int t = 0; t < 3; t++) {
        GradeTonemap tm = all_tm[t];
        CHECK_NEAR(grey_out(tm, 0.0), 0.0, 1e-12);
        double prev = 0.0;
        for (double x = 1e-4; x < 0.18 * 65536.0 * 4.0; x *= 1.05) {
            double y = grey_out(tm, x);
            CHECK(y >= prev);
            CHECK(y <= 1.0);
            prev = y;
        }
    }
    // Mid grey lands where docs/grading.md says.
    CHECK_NEAR(grey_out(GRADE_TONEMAP_FILMIC, 0.18), 0.183, 0.002);
    CHECK_NEAR(grey_out(GRADE_TONEMAP_ACES, 0.18), 0.100, 0.005);
    CHECK_NEAR(grey_out(GRADE_TONEMAP_AGX, 0.18), pow(0.46, 2.2), 0.01);
    CHECK_NEAR(grade_aces_curve(0.18), 0.10, 1e-6);
    CHECK_NEAR(grade_agx_curve(0.18), 0.46, 1e-9);
    // No clipping below 16 stops over grey for filmic and AgX: each stop
    // up to there still raises the output.
    for (int s = 0; s < 16; s++) {
        double a = 0.18 * pow(2.0, s), b = 2.0 * a;
        CHECK(grade_filmic(b) > grade_filmic(a));
        CHECK(grade_filmic(b) < 1.0);
        CHECK(grade_agx_curve(b) > grade_agx_curve(a));
        CHECK(grade_agx_curve(b) < 1.0);
    }
    printf("  grey 0.18 -> filmic %.4f aces %.4f agx %.4f (display linear)\n",
           grey_out(GRADE_TONEMAP_FILMIC, 0.18),
           grey_out(GRADE_TONEMAP_ACES, 0.18),
           grey_out(GRADE_TONEMAP_AGX, 0.18));
}

// Hue angle in degrees of a display-linear colour in an opponent space.
static double hue_deg(const double c[3])
{
    double a = c[0] - 0.5 * (c[1] + c[2]);
    double b = 0.8660254 * (c[1] - c[2]);
    return atan2(b, a) * 57.29577951308232;
}

static void test_highlight_hue(void)
{
    // A saturated orange-red at mid exposure and 6 stops brighter: the
    // per-channel filmic curve skews it toward yellow as red saturates;
    // ACES, per channel too but in AP1, does about the same; AgX's inset
    // holds the hue clearly closer.
    const double base[3] = { 0.30, 0.06, 0.02 };
    double shift[3];
    for (int t = 0; t < 3; t++) {
        double lo[3], hi[3], in[3];
        grade_tonemap_rgb(all_tm[t], base, lo);
        for (int c = 0; c < 3; c++)
            in[c] = base[c] * 64.0;
        grade_tonemap_rgb(all_tm[t], in, hi);
        shift[t] = hue_deg(hi) - hue_deg(lo);
        printf("  %s: hue %.1f -> %.1f deg (+6 EV), shift %.1f\n", tm_name[t],
               hue_deg(lo), hue_deg(hi), shift[t]);
    }
    CHECK(fabs(shift[2]) < fabs(shift[0]) - 5.0);
    CHECK(fabs(shift[1]) < fabs(shift[0]) + 3.0);
    // Nothing turns the red into a green or a blue.
    for (int t = 0; t < 3; t++)
        CHECK(fabs(shift[t]) < 45.0);
}

static void fill(Frame *f, float r, float g, float b)
{
    for (size_t i = 0; i < (size_t)f->width * (size_t)f->height; i++) {
        f->rgb[3 * i] = r;
        f->rgb[3 * i + 1] = g;
        f->rgb[3 * i + 2] = b;
    }
}

static void test_white_balance(void)
{
    Frame f;
    CHECK_OK(render_frame_init(&f, base_allocator_default(), 16, 16));
    uint8_t px[16 * 16 * 3];
    const double temps[] = { 2000, 3200, 5600, 9000 };
    for (size_t k = 0; k < 4; k++) {
        float bb[3];
        light_blackbody_rgb(temps[k], bb);
        fill(&f, bb[0] * 0.3f, bb[1] * 0.3f, bb[2] * 0.3f);
        for (int t = 0; t < 3; t++) {
            GradeSettings g;
            grade_settings_default(&g);
            g.tonemap = all_tm[t];
            // Daylight balance shows the light's colour ...
            grade_frame(&f, &g, px);
            int warm = (int)px[0] - (int)px[2];
            if (temps[k] < 5000)
                CHECK(warm > 20);
            if (temps[k] > 7000)
                CHECK(warm < -5);
            // ... balancing for the light makes it neutral grey.
            g.white_balance_k = temps[k];
            grade_frame(&f, &g, px);
            int lo = px[0], hi = px[0];
            for (int c = 1; c < 3; c++) {
                lo = px[c] < lo ? px[c] : lo;
                hi = px[c] > hi ? px[c] : hi;
            }
            CHECK(hi - lo < 1);
            CHECK(px[1] > 60);
        }
    }
    // 0 K is no adaptation at all.
    double m[3][3];
    grade_white_balance_matrix(0.0, m);
    CHECK_NEAR(m[0][0], 1.0, 0.0);
    CHECK_NEAR(m[0][1], 0.0, 0.0);
    render_frame_fini(&f);
}

static void test_metering(void)
{
    Frame f;
    CHECK_OK(render_frame_init(&f, base_allocator_default(), 32, 32));
    // A dark frame 3 stops under grey meters +3 EV.
    fill(&f, 0.0225f, 0.0225f, 0.0225f);
    CHECK_NEAR(grade_meter_ev(&f, GRADE_METER_AVERAGE), 3.0, 1e-3);
    CHECK_NEAR(grade_meter_ev(&f, GRADE_METER_CENTER), 3.0, 1e-3);
    CHECK_NEAR(grade_meter_ev(&f, GRADE_METER_OFF), 0.0, 0.0);
    // A bright centre on a dark surround: centre weighting reads it.
    for (int y = 12; y < 20; y++)
        for (int x = 12; x < 20; x++)
            for (int c = 0; c < 3; c++)
                f.rgb[(size_t)(y * 32 + x) * 3 + (size_t)c] = 0.72f;
    double avg = grade_meter_ev(&f, GRADE_METER_AVERAGE);
    double cen = grade_meter_ev(&f, GRADE_METER_CENTER);
    CHECK(cen < avg - 0.5);
    // Metered grading puts the metered value at grey whatever the
    // exposure it was given.
    fill(&f, 0.01f, 0.01f, 0.01f);
    GradeSettings g;
    grade_settings_default(&g);
    g.meter = GRADE_METER_AVERAGE;
    g.exposure_ev = -5.0;
    uint8_t px[32 * 32 * 3];
    grade_frame(&f, &g, px);
    CHECK_NEAR(px[0], grade_encode_srgb8(grade_filmic(0.18)), 1);
    render_frame_fini(&f);
}

int main(void)
{
    CHECK_RUN(test_curves_shape);
    CHECK_RUN(test_highlight_hue);
    CHECK_RUN(test_white_balance);
    CHECK_RUN(test_metering);
    return CHECK_DONE();
}
