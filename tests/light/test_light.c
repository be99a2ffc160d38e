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
    LightRig day, dusk, night, dawn, magic;
    rig_for(DIRECT_TOD_DAY, &day);
    rig_for(DIRECT_TOD_DUSK, &dusk);
    rig_for(DIRECT_TOD_NIGHT, &night);
    rig_for(DIRECT_TOD_DAWN, &dawn);
    rig_for(DIRECT_TOD_MAGIC_HOUR, &magic);
    CHECK(day.sun_dir.y > 0.7);
    CHECK(magic.sun_dir.y > 0.0 && magic.sun_dir.y < 0.15);
    CHECK(dawn.sun_dir.y > 0.0 && dawn.sun_dir.y < 0.1);
    CHECK_NEAR(v3_len(day.sun_dir), 1.0, 1e-9);
    // The magic-hour sun is warm: red well above blue.
    CHECK(magic.sun_radiance[0] > 1.5f * magic.sun_radiance[2]);
    // Dusk is the blue hour: the sun is down, the sky is blue and lit,
    // brighter than night.
    CHECK(dusk.sun_dir.y < 0.0);
    CHECK(lum(dusk.sun_radiance) == 0.0);
    float zdusk[3];
    light_sky_radiance(&dusk, v3(0, 1, 0), zdusk);
    CHECK(zdusk[2] > 1.5f * zdusk[0]);
    CHECK(dusk.horizontal_irradiance > night.horizontal_irradiance);
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

static const AuAllocator *A;

static void print_diag(void *user, const AuDiagnostic *d)
{
    (void)user;
    fprintf(stderr, "    %u:%u: %s\n", d->loc.line, d->loc.col, d->text);
}

// Plans @p note in a one-shot scene headed @p heading; returns the shot's
// lighting and the number of errors in *errors.
static DirectLighting plan_light(const char *heading, const char *note,
                                 size_t *errors)
{
    char text[512];
    snprintf(text, sizeof text, "%s\n\n%s\n\nBOB\nHello there.\n", heading,
             note);
    BaseDiag diag = { print_diag, NULL, 0, 0 };
    ScriptDoc *doc = NULL;
    Production *prod = NULL;
    DirectLighting out;
    memset(&out, 0, sizeof out);
    if (script_parse(A, &diag, "t.fountain", text, strlen(text), &doc) ==
            AU_OK &&
        direct_plan(A, &diag, doc, &prod) == AU_OK && prod->shot_count)
        out = prod->shots[prod->shot_count - 1].lighting;
    *errors = diag.errors;
    direct_production_free(&prod);
    script_doc_free(&doc);
    return out;
}

static double mired(double k)
{
    return 1e6 / k;
}

// Key irradiance at the subject, from a lamp's radiance and size.
static double lamp_irradiance(const LightLocal *l)
{
    double ratio = l->radius_m / LIGHT_DISTANCE_M;
    return lum(l->radiance) * BASE_PI * ratio * ratio;
}

static void test_light_words(void)
{
    size_t err = 0;
    DirectLighting l = plan_light("INT. ROOM - NIGHT",
                                  "[[light: key CTO, rim 1/2 CTB]]", &err);
    CHECK_INT_EQ(err, 0);
    CHECK_INT_EQ(l.light_count, 2);
    // Full CTO takes daylight to tungsten; 1/2 CTB takes tungsten to
    // 4100 K.
    CHECK_NEAR(mired(l.lights[0].temp_k), mired(5600.0) + 134.0, 1e-6);
    CHECK_NEAR(l.lights[0].temp_k, 3200.0, 20.0);
    CHECK_NEAR(l.lights[1].temp_k, 4100.0, 30.0);
    l = plan_light("INT. ROOM - NIGHT",
                   "[[light: key 5600K 1/4 CTO +1 stop soft high, kicker, "
                   "fill minus green -2 stops, 4:1]]",
                   &err);
    CHECK_INT_EQ(err, 0);
    CHECK_INT_EQ(l.light_count, 3);
    CHECK_NEAR(l.lights[0].temp_k, 4500.0, 30.0);
    CHECK_NEAR(l.lights[0].intensity, 2.0, 1e-9);
    CHECK(l.lights[0].softness > 1.0);
    CHECK(l.lights[0].has_height && l.lights[0].height_deg > 30.0);
    CHECK(l.lights[1].kicker && l.lights[1].role == DIRECT_LIGHT_RIM);
    CHECK_NEAR(l.lights[2].intensity, 0.25, 1e-9);
    CHECK(l.lights[2].filter[1] < l.lights[2].filter[0]);
    CHECK_NEAR(l.fill_ratio, 4.0, 1e-9);
    l = plan_light("INT. ROOM - NIGHT", "[[light: noir]]", &err);
    CHECK_INT_EQ(err, 0);
    CHECK_INT_EQ(l.preset, DIRECT_PRESET_NOIR);
    l = plan_light("INT. ROOM - NIGHT", "[[light: key 40:1]]", &err);
    CHECK_INT_EQ(err, 1);
}

static void test_stops_softness_gels(void)
{
    LightRig a, b;
    rig_for(DIRECT_TOD_NIGHT, &a);
    rig_for(DIRECT_TOD_NIGHT, &b);
    DirectLighting l;
    memset(&l, 0, sizeof l);
    l.light_count = 1;
    l.lights[0].role = DIRECT_LIGHT_KEY;
    l.lights[0].intensity = 1.0;
    Vec3 subject = v3(0, 1.6, 0), camera = v3(0, 1.6, 3);
    light_rig_add_shot_lights(&a, &l, subject, camera);
    l.lights[0].intensity = 2.0; // "+1 stop"
    l.lights[0].softness = 3.0;  // "soft"
    l.lights[0].filter[0] = 1.0f, l.lights[0].filter[1] = 0.7f;
    l.lights[0].filter[2] = 0.95f;
    light_rig_add_shot_lights(&b, &l, subject, camera);
    // One stop is twice the light, whatever the source's size.
    double ea = lamp_irradiance(&a.locals[0]),
           eb = lamp_irradiance(&b.locals[0]);
    float c[3];
    light_blackbody_rgb(5600.0, c);
    double y_filtered = 0.2126 * (double)c[0] + 0.7152 * 0.7 * (double)c[1] +
                        0.0722 * 0.95 * (double)c[2];
    CHECK_NEAR(eb / ea, 2.0 * y_filtered, 1e-3);
    CHECK_NEAR(b.locals[0].radius_m, 3.0 * a.locals[0].radius_m, 1e-9);
    // A minus-green gel leaves the light magenta.
    CHECK(b.locals[0].radiance[1] < 0.8f * b.locals[0].radiance[0]);
}

static void test_presets(void)
{
    static const DirectLightPreset presets[] = {
        DIRECT_PRESET_NOIR,        DIRECT_PRESET_GOLDEN_HOUR,
        DIRECT_PRESET_BLUE_HOUR,   DIRECT_PRESET_NEON_NIGHT,
        DIRECT_PRESET_CANDLELIGHT, DIRECT_PRESET_OVERCAST_SOFT
    };
    Vec3 subject = v3(0, 1.6, 0), camera = v3(0, 1.6, 3);
    for (size_t k = 0; k < BASE_ARRAY_LEN(presets); k++) {
        LightRig rig;
        rig_for(DIRECT_TOD_NIGHT, &rig);
        DirectLighting l;
        memset(&l, 0, sizeof l);
        l.preset = presets[k];
        light_rig_add_shot_lights(&rig, &l, subject, camera);
        CHECK(rig.local_count >= 2);
        float sum[3] = { 0, 0, 0 };
        for (size_t i = 0; i < rig.local_count; i++)
            for (int c = 0; c < 3; c++)
                sum[c] += (float)lamp_irradiance(&rig.locals[i]) *
                          rig.locals[i].radiance[c] /
                          (float)lum(rig.locals[i].radiance);
        if (presets[k] == DIRECT_PRESET_CANDLELIGHT ||
            presets[k] == DIRECT_PRESET_GOLDEN_HOUR)
            CHECK(sum[0] > 2.0f * sum[2]);
        if (presets[k] == DIRECT_PRESET_BLUE_HOUR)
            CHECK(sum[2] > sum[0]);
        if (presets[k] == DIRECT_PRESET_NEON_NIGHT)
            CHECK(sum[2] > sum[1] && sum[0] > 0.3f * sum[2]);
        if (presets[k] == DIRECT_PRESET_NOIR) {
            // The key is small (a hard shadow) and throws blind slats:
            // half the light cut, in bands about 12 cm apart on the face.
            const LightLocal *key = &rig.locals[0];
            CHECK(key->radius_m < 0.06);
            size_t dark = 0, flips = 0;
            double prev = 1.0;
            for (int i = 0; i < 400; i++) {
                Vec3 p = v3(0, 1.1 + i * 0.0025, 0);
                double t = light_gobo_transmission(key, p);
                dark += t == 0.0;
                flips += t != prev;
                prev = t;
            }
            CHECK_NEAR((double)dark / 400.0, 0.5, 0.08);
            CHECK(flips >= 10 && flips <= 24);
            CHECK(light_gobo_transmission(&rig.locals[1], subject) == 1.0);
        }
        if (presets[k] == DIRECT_PRESET_OVERCAST_SOFT)
            CHECK(rig.locals[0].radius_m > 1.0);
    }
}

static void test_practicals(void)
{
    DirectScene sc = { 0 };
    sc.interior = true;
    sc.time_of_day = DIRECT_TOD_NIGHT;
    DirectLighting none;
    memset(&none, 0, sizeof none);
    LightRig rig;
    light_rig_for_scene(&sc, &rig);
    light_rig_add_practicals(&rig, &sc, NULL, &none);
    CHECK_INT_EQ(rig.local_count, 2);
    float warm[3];
    light_blackbody_rgb(2700.0, warm);
    CHECK_NEAR(rig.locals[0].radiance[0] / rig.locals[0].radiance[2],
               warm[0] / warm[2], 1e-3);
    // On a lamp prop when the set has one.
    WorldProp lamp = { "lamp", { 3, 0.8, 1 }, { 0.2, 0.3, 0.2 }, SIZE_MAX };
    Scene scene;
    memset(&scene, 0, sizeof scene);
    scene.props = &lamp;
    scene.prop_count = 1;
    light_rig_for_scene(&sc, &rig);
    light_rig_add_practicals(&rig, &sc, &scene, &none);
    CHECK_INT_EQ(rig.local_count, 1);
    CHECK_NEAR(rig.locals[0].position.x, 3.0, 1e-9);
    // Not by day, not outside, not when the director named practicals.
    sc.time_of_day = DIRECT_TOD_DAY;
    light_rig_for_scene(&sc, &rig);
    light_rig_add_practicals(&rig, &sc, NULL, &none);
    CHECK_INT_EQ(rig.local_count, 0);
    sc.time_of_day = DIRECT_TOD_EVENING;
    sc.interior = false;
    light_rig_for_scene(&sc, &rig);
    light_rig_add_practicals(&rig, &sc, NULL, &none);
    CHECK_INT_EQ(rig.local_count, 0);

    // A real room at night: its two ceiling fixtures hang clear of every
    // head and are the lamps that light it.
    static const char text[] = "INT. KITCHEN - NIGHT\n\nBOB\nLate.\n";
    ScriptDoc *doc = NULL;
    Production *prod = NULL;
    Scene *room = NULL;
    CHECK_OK(script_parse(A, NULL, "t", text, strlen(text), &doc));
    if (doc)
        CHECK_OK(direct_plan(A, NULL, doc, &prod));
    if (prod)
        CHECK_OK(world_build(A, prod, 0, 0.0, 1, &room));
    if (room) {
        CHECK_INT_EQ(room->fixture_count, 2);
        light_rig_for_scene(&prod->scenes[0], &rig);
        light_rig_add_practicals(&rig, &prod->scenes[0], room, &none);
        CHECK_INT_EQ(rig.local_count, 2);
        for (size_t i = 0; i < room->fixture_count && i < rig.local_count;
             i++) {
            fprintf(stderr, "  fixture %zu at (%.2f, %.2f, %.2f)\n", i,
                    room->fixtures[i].x, room->fixtures[i].y,
                    room->fixtures[i].z);
            CHECK(room->fixtures[i].y > 2.3);
            CHECK_NEAR(rig.locals[i].position.y, room->fixtures[i].y, 1e-9);
        }
    }
    world_scene_free(&room);
    direct_production_free(&prod);
    script_doc_free(&doc);
}

static void test_preetham_and_weather(void)
{
    LightRig day, cloud, fog;
    rig_for(DIRECT_TOD_DAY, &day);
    DirectScene sc = { 0 };
    sc.weather = DIRECT_WEATHER_OVERCAST;
    light_rig_for_scene(&sc, &cloud);
    sc.weather = DIRECT_WEATHER_FOG;
    light_rig_for_scene(&sc, &fog);
    CHECK_INT_EQ(day.sky_model, LIGHT_SKY_PREETHAM);
    // Clear: the sky is brightest near the sun and darkest about 90
    // degrees from it; the horizon opposite the sun is brighter than the
    // zenith there (Perez's horizon brightening).
    float near_sun[3], away[3], zen[3];
    Vec3 s = day.sun_dir;
    light_sky_radiance(&day, v3_norm(v3_add(s, v3(0.05, 0, 0.05))), near_sun);
    light_sky_radiance(&day, v3_norm(v3(s.z, 0.5, -s.x)), away);
    light_sky_radiance(&day, v3(0, 1, 0), zen);
    CHECK(lum(near_sun) > 3.0 * lum(away));
    CHECK(zen[2] > zen[0]);
    // A noon sun of about 90 klx and a blue sky.
    double sun_e = lum(day.sun_radiance) * 2.0 * BASE_PI *
                   (1.0 - day.sun_cos_radius) / LIGHT_UNITS_PER_NIT;
    CHECK(sun_e > 70000.0 && sun_e < 110000.0);
    CHECK(day.color_temp_k > 4500.0 && day.color_temp_k < 6000.0);
    // Overcast: no sun, a CIE sky three times brighter overhead than at
    // the horizon, and less light than the clear day.
    CHECK(lum(cloud.sun_radiance) == 0.0);
    float z[3], h[3];
    light_sky_radiance(&cloud, v3(0, 1, 0), z);
    light_sky_radiance(&cloud, v3(1, 1e-4, 0), h);
    CHECK_NEAR(lum(z) / lum(h), 3.0, 0.01);
    CHECK(cloud.horizontal_irradiance < 0.5 * day.horizontal_irradiance);
    CHECK(cloud.exposure_ev > day.exposure_ev);
    // Fog is a medium for render/, coloured like the horizon.
    CHECK(fog.fog_density_per_m > 0.01);
    CHECK(day.fog_density_per_m == 0.0);
    // The solar position formula: noon at 40 N on the June solstice
    // stands at 90 - 40 + 23.44 degrees, due south.
    double el, az;
    light_sun_position(40.0, 172, 12.0, &el, &az);
    CHECK_NEAR(el, 73.44, 0.1);
    CHECK_NEAR(az, 180.0, 0.5);
    light_sun_position(40.0, 355, 12.0, &el, &az);
    CHECK_NEAR(el, 26.56, 0.2);
    LightRig set = day;
    light_rig_set_sun(&set, 10.0, 90.0);
    CHECK_NEAR(set.sun_dir.y, sin(10.0 * BASE_PI / 180.0), 1e-9);
    CHECK(set.color_temp_k < day.color_temp_k);
}

// The title page's latitude and date place the sun: at 60 degrees north
// a midwinter afternoon sun skims the horizon and a midsummer one stands
// high; at the equator on the equinox it is near the zenith. Bad values
// are errors at their place.
static double sun_at(const char *title, const char *heading, size_t *errors)
{
    char text[512];
    snprintf(text, sizeof text, "%s\n\n%s\n\nBOB\nHello there.\n", title,
             heading);
    BaseDiag diag = { print_diag, NULL, 0, 0 };
    ScriptDoc *doc = NULL;
    Production *prod = NULL;
    double el = NAN;
    if (script_parse(A, &diag, "t.fountain", text, strlen(text), &doc) ==
            AU_OK &&
        direct_plan(A, &diag, doc, &prod) == AU_OK) {
        LightRig rig;
        light_rig_for_scene(&prod->scenes[0], &rig);
        el = rig.sun_elevation_deg;
    }
    *errors = diag.errors;
    direct_production_free(&prod);
    script_doc_free(&doc);
    return el;
}

static void test_latitude_and_date(void)
{
    size_t e = 0;
    double winter = sun_at("Title: T\nLatitude: 60\nDate: 2026-12-21",
                           "EXT. FIELD - DAY", &e);
    CHECK_INT_EQ(e, 0);
    double summer = sun_at("Title: T\nLatitude: 60\nDate: 2026-06-21",
                           "EXT. FIELD - DAY", &e);
    double equator = sun_at("Title: T\nLatitude: 0\nDate: 2026-03-20",
                            "EXT. FIELD - DAY", &e);
    double dusk = sun_at("Title: T\nLatitude: 34\nDate: 2026-06-21",
                         "EXT. FIELD - DUSK", &e);
    fprintf(stderr,
            "  sun at 1 pm, 60N: %.1f deg in December, %.1f in June; "
            "equator in March %.1f; dusk at 34N %.1f\n",
            winter, summer, equator, dusk);
    // Solar geometry: 90 - 60 - 23.4 at noon in midwinter, an hour later
    // a little lower; 90 - 60 + 23.4 in midsummer.
    CHECK(winter > 2.0 && winter < 7.0);
    CHECK(summer > 48.0 && summer < 54.0);
    CHECK(equator > 70.0);
    CHECK(dusk < 0.0 && dusk > -8.0);
    sun_at("Title: T\nLatitude: 91", "EXT. FIELD - DAY", &e);
    CHECK_INT_EQ(e, 1);
    sun_at("Title: T\nDate: 2026-02-30x", "EXT. FIELD - DAY", &e);
    CHECK_INT_EQ(e, 1);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_blackbody_white_point);
    CHECK_RUN(test_blackbody_warm_and_cool);
    CHECK_RUN(test_time_of_day);
    CHECK_RUN(test_director_lights);
    CHECK_RUN(test_light_words);
    CHECK_RUN(test_stops_softness_gels);
    CHECK_RUN(test_presets);
    CHECK_RUN(test_practicals);
    CHECK_RUN(test_preetham_and_weather);
    CHECK_RUN(test_latitude_and_date);
    return CHECK_DONE();
}
