/* light/lamps.c: the director's lights ([[light: key 3200K from left, 4:1,
 * rim blue]]) and the named set-ups (noir, candlelight, ...) placed
 * around the subject relative to the camera, the way a gaffer sets key,
 * fill, rim and back light; and the practical lamps of a night interior. */
#include <string.h>

#include "light.h"

// Where each role stands by default, as (toward the camera, toward camera
// left, up) from the subject, and how big the source is: a soft fill is a
// large source, a rim a small hard one. Key and fill stand a little more
// than 90 degrees apart, so the side of a face toward one is out of the
// other's reach and a key-to-fill ratio reads true on the face.
static const struct {
    double front, left, up;
    double radius_m;
    double level; // irradiance relative to the key
} role_place[DIRECT_LIGHT_ROLE_COUNT] = {
    [DIRECT_LIGHT_KEY] = { 1.0, 1.0, 0.7, 0.30, 1.0 },
    [DIRECT_LIGHT_FILL] = { 0.8, -1.0, 0.2, 0.80, 0.25 },
    [DIRECT_LIGHT_RIM] = { -1.0, -0.8, 0.9, 0.15, 1.5 },
    [DIRECT_LIGHT_BACK] = { -1.0, 0.0, 1.0, 0.25, 1.0 },
    [DIRECT_LIGHT_PRACTICAL] = { 0.3, -1.0, 0.1, 0.10, 0.35 },
    [DIRECT_LIGHT_AMBIENT] = { 0.3, 0.0, 1.5, 1.50, 0.3 },
};

// A kicker: a rim low and to the side, opposite the key.
static const double kicker_place[3] = { -0.5, -1.0, 0.15 };

// The blind of a noir key: slats SLAT_PITCH_M apart, BLIND_M in front of
// the lamp; their shadow bands a face 2.5 m away every 12 cm or so.
#define SLAT_PITCH_M 0.05
#define BLIND_M      1.0
// The largest lamp radius: a source must stay clear of the subject.
#define MAX_RADIUS_M 1.8

static void side_axes(DirectSide side, double *front, double *left, double *up)
{
    switch (side) {
    case DIRECT_SIDE_LEFT:
        *front = 0.4, *left = 1.0, *up = 0.5;
        break;
    case DIRECT_SIDE_RIGHT:
        *front = 0.4, *left = -1.0, *up = 0.5;
        break;
    case DIRECT_SIDE_FRONT:
        *front = 1.0, *left = 0.0, *up = 0.4;
        break;
    case DIRECT_SIDE_BEHIND:
        *front = -1.0, *left = 0.0, *up = 0.6;
        break;
    case DIRECT_SIDE_ABOVE:
        *front = 0.2, *left = 0.0, *up = 3.0;
        break;
    case DIRECT_SIDE_BELOW:
        *front = 1.0, *left = 0.0, *up = -0.6;
        break;
    default:
        break;
    }
}

static DirectLight preset_light(DirectLightRole role, double temp_k,
                                DirectSide side, double intensity,
                                double softness)
{
    DirectLight l;
    memset(&l, 0, sizeof l);
    l.role = role;
    l.temp_k = temp_k;
    l.side = side;
    l.intensity = intensity;
    l.softness = softness;
    return l;
}

static void preset_color(DirectLight *l, const char *name, float r, float g,
                         float b)
{
    l->color_name = name;
    l->color[0] = r;
    l->color[1] = g;
    l->color[2] = b;
}

// The lights a named set-up brings (docs/lighting.md); a role the
// director named in the same note replaces the preset's light of that
// role. Returns how many were written to @p out (room for 4).
static size_t preset_lights(DirectLightPreset preset, DirectLight *out)
{
    size_t n = 0;
    switch (preset) {
    case DIRECT_PRESET_NOIR:
        out[n] =
            preset_light(DIRECT_LIGHT_KEY, 4300.0, DIRECT_SIDE_LEFT, 1.3, 0.15);
        out[n].has_height = true;
        out[n].height_deg = 35.0;
        n++;
        out[n++] =
            preset_light(DIRECT_LIGHT_RIM, 5000.0, DIRECT_SIDE_NONE, 0.6, 0.5);
        break;
    case DIRECT_PRESET_GOLDEN_HOUR:
        out[n] =
            preset_light(DIRECT_LIGHT_KEY, 2900.0, DIRECT_SIDE_LEFT, 1.0, 2.0);
        out[n].has_height = true;
        out[n].height_deg = 8.0;
        n++;
        out[n++] =
            preset_light(DIRECT_LIGHT_RIM, 2600.0, DIRECT_SIDE_NONE, 1.2, 1.0);
        out[n++] =
            preset_light(DIRECT_LIGHT_FILL, 5000.0, DIRECT_SIDE_NONE, 0.8, 1.0);
        break;
    case DIRECT_PRESET_BLUE_HOUR:
        out[n++] = preset_light(DIRECT_LIGHT_AMBIENT, 14000.0, DIRECT_SIDE_NONE,
                                3.0, 1.0);
        out[n++] =
            preset_light(DIRECT_LIGHT_KEY, 10000.0, DIRECT_SIDE_LEFT, 0.7, 3.0);
        out[n++] = preset_light(DIRECT_LIGHT_PRACTICAL, 2700.0,
                                DIRECT_SIDE_RIGHT, 0.8, 1.0);
        break;
    case DIRECT_PRESET_NEON_NIGHT:
        out[n] =
            preset_light(DIRECT_LIGHT_KEY, 0.0, DIRECT_SIDE_LEFT, 1.0, 1.0);
        preset_color(&out[n++], "magenta", 1.0f, 0.15f, 0.8f);
        out[n] =
            preset_light(DIRECT_LIGHT_FILL, 0.0, DIRECT_SIDE_RIGHT, 2.0, 1.0);
        preset_color(&out[n++], "cyan", 0.2f, 0.9f, 1.0f);
        out[n] =
            preset_light(DIRECT_LIGHT_RIM, 0.0, DIRECT_SIDE_NONE, 1.0, 1.0);
        preset_color(&out[n++], "cyan", 0.2f, 0.9f, 1.0f);
        break;
    case DIRECT_PRESET_CANDLELIGHT:
        out[n] =
            preset_light(DIRECT_LIGHT_KEY, 1900.0, DIRECT_SIDE_LEFT, 1.0, 0.4);
        out[n].has_height = true;
        out[n].height_deg = -8.0;
        n++;
        out[n] = preset_light(DIRECT_LIGHT_PRACTICAL, 1900.0, DIRECT_SIDE_RIGHT,
                              1.2, 1.0);
        out[n].has_height = true;
        out[n].height_deg = -10.0;
        n++;
        break;
    case DIRECT_PRESET_OVERCAST_SOFT:
        out[n++] =
            preset_light(DIRECT_LIGHT_KEY, 6500.0, DIRECT_SIDE_NONE, 1.0, 5.0);
        out[n++] =
            preset_light(DIRECT_LIGHT_FILL, 6500.0, DIRECT_SIDE_NONE, 1.0, 2.0);
        break;
    default:
        break;
    }
    return n;
}

// Low-key set-ups dim the sun and sky to a quarter so the key shapes the
// face; high key doubles the sky.
static void scale_daylight(LightRig *rig, float k, bool sun)
{
    for (int i = 0; i < 3; i++) {
        if (sun)
            rig->sun_radiance[i] *= k;
        rig->sky_zenith[i] *= k;
        rig->sky_horizon[i] *= k;
        rig->sky_ground[i] *= k;
    }
    rig->sky_gain *= (double)k;
}

// Colour of @p d at luminance 1: its named colour, or its black body,
// through its gel.
static void light_rgb(const DirectLight *d, float rgb[3])
{
    if (d->color_name) {
        double y = 0.2126 * (double)d->color[0] + 0.7152 * (double)d->color[1] +
                   0.0722 * (double)d->color[2];
        for (int c = 0; c < 3; c++)
            rgb[c] = (float)((double)d->color[c] / (y > 0 ? y : 1.0));
    } else {
        light_blackbody_rgb(d->temp_k > 0 ? d->temp_k : 5600.0, rgb);
    }
    if (d->filter[0] > 0.0f || d->filter[1] > 0.0f || d->filter[2] > 0.0f)
        for (int c = 0; c < 3; c++)
            rgb[c] *= d->filter[c];
}

// Irradiance the light gives the subject, before the rig's exposure.
static double light_level(const DirectLight *d)
{
    DirectLightRole role = (unsigned)d->role < DIRECT_LIGHT_ROLE_COUNT
                               ? d->role
                               : DIRECT_LIGHT_KEY;
    double level = d->kicker ? 1.2 : role_place[role].level;
    return level * d->intensity;
}

// Sets the radiance of a sphere of @p l's radius so it gives irradiance
// @p e at @p dist_m: a sphere of radius r and radiance L gives
// L * pi * (r / D)^2.
static void set_radiance(LightLocal *l, const float rgb[3], double e,
                         double dist_m)
{
    double ratio = l->radius_m / dist_m;
    double radiance = e / (BASE_PI * ratio * ratio);
    for (int c = 0; c < 3; c++)
        l->radiance[c] = (float)((double)rgb[c] * radiance);
}

void light_rig_add_shot_lights(LightRig *rig, const DirectLighting *lighting,
                               Vec3 subject, Vec3 camera_pos)
{
    DirectLightPreset preset = lighting->preset;
    // The daylight presets re-time or cloud the daylight itself (never a
    // night's moon): the sun low and gold, set, or behind cloud.
    if (rig->sky_model != LIGHT_SKY_GRADIENT) {
        if (preset == DIRECT_PRESET_GOLDEN_HOUR)
            light_rig_set_sun(rig, 6.0, rig->sun_azimuth_deg);
        else if (preset == DIRECT_PRESET_BLUE_HOUR)
            light_rig_set_sun(rig, -4.0, rig->sun_azimuth_deg);
        else if (preset == DIRECT_PRESET_OVERCAST_SOFT &&
                 rig->weather == DIRECT_WEATHER_CLEAR) {
            rig->weather = DIRECT_WEATHER_OVERCAST;
            light_rig_set_sun(rig, rig->sun_elevation_deg,
                              rig->sun_azimuth_deg);
        }
    }
    bool low = lighting->style == DIRECT_KEY_LOW ||
               preset == DIRECT_PRESET_NOIR ||
               preset == DIRECT_PRESET_NEON_NIGHT ||
               preset == DIRECT_PRESET_CANDLELIGHT;
    if (low)
        scale_daylight(rig, 0.25f, true);
    else if (lighting->style == DIRECT_KEY_HIGH)
        scale_daylight(rig, 2.0f, false);
    Vec3 toward_cam = v3_sub(camera_pos, subject);
    toward_cam.y = 0.0;
    toward_cam = v3_len(toward_cam) > 1e-6 ? v3_norm(toward_cam) : v3(0, 0, 1);
    // Camera left, seen from the camera, on the ground plane: up x view.
    Vec3 cam_left = v3_norm(v3_cross(v3(0, 1, 0), v3_scale(toward_cam, -1.0)));
    double gain = pow(2.0, -rig->exposure_ev) * LIGHT_KEY_IRRADIANCE;

    enum {
        CAP = DIRECT_MAX_LIGHTS + 6
    };

    DirectLight lights[CAP];
    size_t n = lighting->light_count;
    memcpy(lights, lighting->lights, n * sizeof lights[0]);
    DirectLight extra[4];
    size_t n_extra = preset_lights(preset, extra);
    for (size_t k = 0; k < n_extra; k++) {
        bool named = false;
        for (size_t i = 0; i < lighting->light_count; i++)
            named |= lights[i].role == extra[k].role;
        if (!named && n < CAP)
            lights[n++] = extra[k];
    }
    size_t fill = SIZE_MAX, key = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (lights[i].role == DIRECT_LIGHT_FILL && fill == SIZE_MAX)
            fill = i;
        if (lights[i].role == DIRECT_LIGHT_KEY && key == SIZE_MAX)
            key = i;
    }
    double ratio = lighting->fill_ratio;
    if (fill == SIZE_MAX && n < CAP &&
        (lighting->style == DIRECT_KEY_HIGH || ratio >= 1.0)) {
        memset(&lights[n], 0, sizeof lights[n]);
        lights[n].role = DIRECT_LIGHT_FILL;
        lights[n].intensity = 2.0; // half the key, against the fill's 1/4
        fill = n++;
    }
    if (ratio >= 1.0 && fill != SIZE_MAX) {
        // "4:1": the fill gives a quarter of the key's irradiance, so the
        // side of a face toward the key reads four times the other.
        double e_key = key != SIZE_MAX ? light_level(&lights[key]) : 1.0;
        lights[fill].intensity =
            e_key / ratio / role_place[DIRECT_LIGHT_FILL].level;
    }
    // The fill stands on the other side from the key.
    bool key_right = key != SIZE_MAX && lights[key].side == DIRECT_SIDE_RIGHT;

    for (size_t i = 0; i < n && rig->local_count < LIGHT_MAX_LOCAL; i++) {
        const DirectLight *d = &lights[i];
        DirectLightRole role = (unsigned)d->role < DIRECT_LIGHT_ROLE_COUNT
                                   ? d->role
                                   : DIRECT_LIGHT_KEY;
        double front = role_place[role].front, left = role_place[role].left,
               up = role_place[role].up;
        if (d->kicker)
            front = kicker_place[0], left = kicker_place[1],
            up = kicker_place[2];
        if (key_right && d->side == DIRECT_SIDE_NONE &&
            (role == DIRECT_LIGHT_FILL || role == DIRECT_LIGHT_RIM))
            left = -left;
        side_axes(d->side, &front, &left, &up);
        if (d->has_height) {
            double h = sqrt(front * front + left * left);
            up = (h > 1e-9 ? h : 1.0) * tan(d->height_deg * BASE_PI / 180.0);
        }
        Vec3 dir = v3_add(
            v3_add(v3_scale(toward_cam, front), v3_scale(cam_left, left)),
            v3(0, up, 0));
        dir = v3_norm(dir);
        LightLocal *l = &rig->locals[rig->local_count++];
        memset(l, 0, sizeof *l);
        l->role = role;
        l->position = v3_add(subject, v3_scale(dir, LIGHT_DISTANCE_M));
        double soft = d->softness > 0.0 ? d->softness : 1.0;
        l->radius_m =
            base_clamp(role_place[role].radius_m * soft, 0.01, MAX_RADIUS_M);
        if (preset == DIRECT_PRESET_NOIR && role == DIRECT_LIGHT_KEY) {
            l->gobo = 0.5f;
            l->gobo_axis = v3_scale(dir, -1.0);
        }
        float rgb[3];
        light_rgb(d, rgb);
        set_radiance(l, rgb, gain * light_level(d), LIGHT_DISTANCE_M);
    }
}

double light_gobo_transmission(const LightLocal *l, Vec3 p)
{
    if (l->gobo <= 0.0f)
        return 1.0;
    // Where the ray from the lamp to p crosses the blind, measured across
    // the slats (which lie horizontal, across the lamp's axis).
    Vec3 axis = l->gobo_axis;
    Vec3 to = v3_sub(p, l->position);
    double along = v3_dot(to, axis);
    if (along <= BLIND_M)
        return 1.0;
    Vec3 side = v3_cross(axis, v3(0, 1, 0));
    Vec3 across =
        v3_len(side) > 1e-6 ? v3_norm(v3_cross(side, axis)) : v3(0, 0, 1);
    double h = v3_dot(to, across) * BLIND_M / along;
    double phase = h / SLAT_PITCH_M - floor(h / SLAT_PITCH_M);
    return phase < (double)l->gobo ? 0.0 : 1.0;
}

// Does a prop's name say it gives light?
static bool prop_is_lamp(const char *name)
{
    static const char *const words[] = { "lamp", "lantern", "candle", "light" };
    for (size_t i = 0; name && i < BASE_ARRAY_LEN(words); i++)
        if (strstr(name, words[i]))
            return true;
    return false;
}

void light_rig_add_practicals(LightRig *rig, const DirectScene *scene_info,
                              const Scene *scene,
                              const DirectLighting *lighting)
{
    if (!scene_info->interior ||
        (scene_info->time_of_day != DIRECT_TOD_NIGHT &&
         scene_info->time_of_day != DIRECT_TOD_EVENING))
        return;
    if (lighting->preset != DIRECT_PRESET_NONE)
        return;
    for (size_t i = 0; i < lighting->light_count; i++)
        if (lighting->lights[i].role == DIRECT_LIGHT_PRACTICAL)
            return;
    // Inside at night the moon and sky come only through the windows: the
    // lamps, not the open set's sky, must light the room.
    scale_daylight(rig, 0.25f, true);
    Vec3 at[3];
    size_t n = 0;
    for (size_t i = 0; scene && i < scene->prop_count && n < 3; i++) {
        const WorldProp *p = &scene->props[i];
        if (prop_is_lamp(p->name))
            at[n++] = v3_add(p->center, v3(0, p->half_extent.y * 0.6, 0));
    }
    // The ceiling fixtures are on too.
    for (size_t i = 0; scene && i < scene->fixture_count && n < 3; i++)
        at[n++] = scene->fixtures[i];
    Vec3 c = scene ? scene->stage_center : v3(0, 0, 0);
    if (n == 0) {
        // Table lamps either side of the action, one in front of it and
        // one behind, so faces get light and the room gets depth.
        at[n++] = v3_add(c, v3(-1.6, 1.3, 0.8));
        at[n++] = v3_add(c, v3(1.8, 1.0, -0.8));
    }
    float rgb[3];
    light_blackbody_rgb(2700.0, rgb);
    // Each lamp gives the actors' faces (1.5 m up at the stage centre)
    // 60% of a key's irradiance, so the room reads lit by its lamps.
    double e = pow(2.0, -rig->exposure_ev) * LIGHT_KEY_IRRADIANCE * 0.6;
    Vec3 face = v3_add(c, v3(0, 1.5, 0));
    for (size_t i = 0; i < n && rig->local_count < LIGHT_MAX_LOCAL; i++) {
        LightLocal *l = &rig->locals[rig->local_count++];
        memset(l, 0, sizeof *l);
        l->role = DIRECT_LIGHT_PRACTICAL;
        l->position = at[i];
        l->radius_m = 0.12;
        double d = v3_len(v3_sub(face, at[i]));
        set_radiance(l, rgb, e, d > 0.5 ? d : 0.5);
    }
}
