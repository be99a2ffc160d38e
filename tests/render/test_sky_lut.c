/* tests/render/test_sky_lut.c: the sky radiance table trace.c looks up
 * (render/skylut.c) against the light stage's sky model it replaces. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../check.h"
#include "render/render_internal.h"

static double lum(const float c[3])
{
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

// Mean and largest relative error of the table's luminance over random
// directions of the upper hemisphere, and below the horizon exactly.
static void measure(const LightRig *rig, bool coarse, double *mean,
                    double *worst)
{
    RenderSkyLut *t = calloc(1, sizeof *t);
    CHECK(t != NULL);
    if (!t)
        return;
    render_sky_lut_build(t, rig);
    BaseRng rng;
    base_rng_seed(&rng, 7, 1);

    enum {
        N = 20000
    };

    double sum = 0.0;
    *worst = 0.0;
    for (int i = 0; i < N; i++) {
        double y = base_rng_uniform(&rng);
        double phi = 2.0 * BASE_PI * base_rng_uniform(&rng);
        double r = sqrt(1.0 - y * y);
        Vec3 d = v3(r * cos(phi), y, r * sin(phi));
        float want[3], got[3];
        light_sky_radiance(rig, d, want);
        if (coarse)
            render_sky_lut_eval_coarse(t, rig, d, got);
        else
            render_sky_lut_eval(t, rig, d, got);
        double e = fabs(lum(got) - lum(want)) / lum(want);
        sum += e;
        *worst = e > *worst ? e : *worst;
    }
    *mean = sum / N;
    float want[3], got[3];
    light_sky_radiance(rig, v3(0.3, -0.5, 0.1), want);
    render_sky_lut_eval(t, rig, v3(0.3, -0.5, 0.1), got);
    CHECK(want[0] == got[0] && want[1] == got[1] && want[2] == got[2]);
    free(t);
}

static void test_clear_sky(void)
{
    static const double elevations[] = { 4.0, 25.0, 60.0, 85.0 };
    for (size_t k = 0; k < sizeof elevations / sizeof elevations[0]; k++) {
        DirectScene sc = { 0 };
        sc.time_of_day = DIRECT_TOD_DAY;
        LightRig rig;
        light_rig_for_scene(&sc, &rig);
        light_rig_set_sun(&rig, elevations[k], 140.0);
        CHECK_INT_EQ((int)rig.sky_model, (int)LIGHT_SKY_PREETHAM);
        double mean, worst;
        measure(&rig, false, &mean, &worst);
        printf("sun %4.1f deg: mean error %.5f%%, worst %.4f%%\n",
               elevations[k], mean * 100.0, worst * 100.0);
        CHECK(mean < 0.0005);
        CHECK(worst < 0.005);
        // The coarse grid, for light found by a bounce.
        measure(&rig, true, &mean, &worst);
        printf("  coarse: mean error %.5f%%, worst %.4f%%\n", mean * 100.0,
               worst * 100.0);
        CHECK(mean < 0.002);
        CHECK(worst < 0.025);
    }
}

static void test_other_skies(void)
{
    static const DirectTimeOfDay tods[] = { DIRECT_TOD_NIGHT,
                                            DIRECT_TOD_MORNING };
    for (size_t k = 0; k < 2; k++) {
        DirectScene sc = { 0 };
        sc.time_of_day = tods[k];
        sc.weather = k == 1 ? DIRECT_WEATHER_OVERCAST : DIRECT_WEATHER_CLEAR;
        LightRig rig;
        light_rig_for_scene(&sc, &rig);
        double mean, worst;
        measure(&rig, true, &mean, &worst);
        CHECK(worst == 0.0);
        measure(&rig, false, &mean, &worst);
        printf("model %d: mean error %.5f%%, worst %.4f%%\n",
               (int)rig.sky_model, mean * 100.0, worst * 100.0);
        // Only the clear sky is tabulated; the others are exact.
        CHECK(rig.sky_model != LIGHT_SKY_PREETHAM);
        CHECK(worst == 0.0);
    }
}

int main(void)
{
    CHECK_RUN(test_clear_sky);
    CHECK_RUN(test_other_skies);
    return CHECK_DONE();
}
