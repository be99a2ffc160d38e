/* tests/light/test_light.c: the sun and sky follow the time of day with
 * measurable colour and height. */
#include <string.h>

#include "check.h"
#include "light/light.h"

static void test_blackbody_white_point(void)
{
    float c[3];
    light_blackbody_rgb(6504.0, c);
    // D65 is close to, though not exactly, a 6504 K black body.
    CHECK_NEAR(c[0] / c[1], 1.0, 0.06);
    CHECK_NEAR(c[2] / c[1], 1.0, 0.10);
}

static void test_blackbody_warm_and_cool(void)
{
    float warm[3], cool[3];
    light_blackbody_rgb(3200.0, warm);
    light_blackbody_rgb(10000.0, cool);
    CHECK(warm[0] > warm[1] && warm[1] > warm[2]);
    CHECK(cool[2] > cool[0]);
    // Luminance is normalised to one.
    double y = 0.2126 * warm[0] + 0.7152 * warm[1] + 0.0722 * warm[2];
    CHECK_NEAR(y, 1.0, 0.03);
}

static void rig_for(DirectTimeOfDay tod, LightRig *rig)
{
    DirectScene sc = { 0 };
    sc.time_of_day = tod;
    light_rig_for_scene(&sc, rig);
}

static double lum(const float c[3])
{
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static void test_time_of_day(void)
{
    LightRig day, dusk, night, dawn;
    rig_for(DIRECT_TOD_DAY, &day);
    rig_for(DIRECT_TOD_DUSK, &dusk);
    rig_for(DIRECT_TOD_NIGHT, &night);
    rig_for(DIRECT_TOD_DAWN, &dawn);
    CHECK(day.sun_dir.y > 0.7);
    CHECK(dusk.sun_dir.y > 0.0 && dusk.sun_dir.y < 0.1);
    CHECK(dawn.sun_dir.y > 0.0 && dawn.sun_dir.y < 0.1);
    CHECK_NEAR(v3_len(day.sun_dir), 1.0, 1e-9);
    // The dusk sun is warm: red well above blue.
    CHECK(dusk.sun_radiance[0] > 1.5f * dusk.sun_radiance[2]);
    CHECK(lum(day.sun_radiance) > 20.0 * lum(night.sun_radiance));
    float zday[3], znight[3];
    light_sky_radiance(&day, v3(0, 1, 0), zday);
    light_sky_radiance(&night, v3(0, 1, 0), znight);
    CHECK(lum(zday) > 10.0 * lum(znight));
    // A day sky is blue overhead.
    CHECK(zday[2] > zday[0]);
    // Night is exposed up, so it reads as night rather than black.
    CHECK(night.exposure_ev > day.exposure_ev + 2.0);
}

static void test_director_lights(void)
{
    LightRig rig;
    rig_for(DIRECT_TOD_NIGHT, &rig);
    CHECK_INT_EQ(rig.local_count, 0);
    float sky_before = rig.sky_zenith[1];
    DirectLighting l;
    memset(&l, 0, sizeof l);
    l.style = DIRECT_KEY_LOW;
    l.light_count = 2;
    l.lights[0].role = DIRECT_LIGHT_KEY;
    l.lights[0].temp_k = 3200.0;
    l.lights[0].side = DIRECT_SIDE_LEFT;
    l.lights[0].intensity = 1.0;
    l.lights[1].role = DIRECT_LIGHT_RIM;
    l.lights[1].intensity = 1.0;
    l.lights[1].color_name = "blue";
    l.lights[1].color[2] = 1.0f;
    Vec3 subject = v3(0, 1.6, 0), camera = v3(0, 1.6, 3);
    light_rig_add_shot_lights(&rig, &l, subject, camera);
    CHECK_INT_EQ(rig.local_count, 2);
    // Low key takes the night sky down to a quarter.
    CHECK_NEAR(rig.sky_zenith[1], sky_before * 0.25f, 1e-6);
    const LightLocal *key = &rig.locals[0], *rim = &rig.locals[1];
    // The key is camera left (-x, seen from +z), in front and above.
    CHECK(key->position.x < -1.0);
    CHECK(key->position.z > 0.0);
    CHECK(key->position.y > subject.y);
    CHECK_NEAR(v3_len(v3_sub(key->position, subject)), LIGHT_DISTANCE_M, 1e-9);
    // The rim is behind the subject.
    CHECK(rim->position.z < 0.0);
    // Irradiance at the subject, pi L (r/D)^2, is the key level scaled
    // to the night's exposure; its colour is 3200 K's.
    double ratio = key->radius_m / LIGHT_DISTANCE_M;
    double y = 0.2126 * key->radiance[0] + 0.7152 * key->radiance[1] +
               0.0722 * key->radiance[2];
    CHECK_NEAR(y * BASE_PI * ratio * ratio,
               LIGHT_KEY_IRRADIANCE * pow(2.0, -rig.exposure_ev), 1e-5);
    float warm[3];
    light_blackbody_rgb(3200.0, warm);
    CHECK_NEAR(key->radiance[0] / key->radiance[2], warm[0] / warm[2], 1e-4);
    CHECK(rim->radiance[2] > 5.0f * rim->radiance[0]);
}

int main(void)
{
    CHECK_RUN(test_blackbody_white_point);
    CHECK_RUN(test_blackbody_warm_and_cool);
    CHECK_RUN(test_time_of_day);
    CHECK_RUN(test_director_lights);
    return CHECK_DONE();
}
