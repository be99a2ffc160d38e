/* light/lamps.c: the director's lights ([[light: key 3200K from left, rim
 * blue]]) placed around the subject relative to the camera, the way a
 * gaffer sets key, fill, rim and back light. */
#include <string.h>

#include "light.h"

// Where each role stands by default, as (toward the camera, toward camera
// left, up) from the subject, and how big the source is: a soft fill is a
// large source, a rim a small hard one.
static const struct {
    double front, left, up;
    double radius_m;
    double level; // irradiance relative to the key
} role_place[DIRECT_LIGHT_ROLE_COUNT] = {
    [DIRECT_LIGHT_KEY] = { 1.0, 1.0, 0.7, 0.30, 1.0 },
    [DIRECT_LIGHT_FILL] = { 1.0, -1.0, 0.2, 0.80, 0.25 },
    [DIRECT_LIGHT_RIM] = { -1.0, -0.8, 0.9, 0.15, 1.5 },
    [DIRECT_LIGHT_BACK] = { -1.0, 0.0, 1.0, 0.25, 1.0 },
    [DIRECT_LIGHT_PRACTICAL] = { 0.3, -1.0, 0.1, 0.10, 0.35 },
    [DIRECT_LIGHT_AMBIENT] = { 0.3, 0.0, 1.5, 1.50, 0.3 },
};

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

void light_rig_add_shot_lights(LightRig *rig, const DirectLighting *lighting,
                               Vec3 subject, Vec3 camera_pos)
{
    if (lighting->style == DIRECT_KEY_LOW) {
        for (int i = 0; i < 3; i++) {
            rig->sun_radiance[i] *= 0.25f;
            rig->sky_zenith[i] *= 0.25f;
            rig->sky_horizon[i] *= 0.25f;
            rig->sky_ground[i] *= 0.25f;
        }
    } else if (lighting->style == DIRECT_KEY_HIGH) {
        for (int i = 0; i < 3; i++) {
            rig->sky_zenith[i] *= 2.0f;
            rig->sky_horizon[i] *= 2.0f;
        }
    }
    Vec3 toward_cam = v3_sub(camera_pos, subject);
    toward_cam.y = 0.0;
    toward_cam = v3_len(toward_cam) > 1e-6 ? v3_norm(toward_cam) : v3(0, 0, 1);
    // Camera left, seen from the camera, on the ground plane: up x view.
    Vec3 cam_left = v3_norm(v3_cross(v3(0, 1, 0), v3_scale(toward_cam, -1.0)));
    double gain = pow(2.0, -rig->exposure_ev) * LIGHT_KEY_IRRADIANCE;

    DirectLight lights[DIRECT_MAX_LIGHTS + 1];
    size_t n = lighting->light_count;
    memcpy(lights, lighting->lights, n * sizeof lights[0]);
    bool has_fill = false;
    for (size_t i = 0; i < n; i++)
        has_fill |= lights[i].role == DIRECT_LIGHT_FILL;
    if (lighting->style == DIRECT_KEY_HIGH && !has_fill &&
        n < DIRECT_MAX_LIGHTS) {
        memset(&lights[n], 0, sizeof lights[n]);
        lights[n].role = DIRECT_LIGHT_FILL;
        lights[n].intensity = 2.0; // half the key, against the fill's 1/4
        n++;
    }
    for (size_t i = 0; i < n && rig->local_count < LIGHT_MAX_LOCAL; i++) {
        const DirectLight *d = &lights[i];
        DirectLightRole role = (unsigned)d->role < DIRECT_LIGHT_ROLE_COUNT
                                   ? d->role
                                   : DIRECT_LIGHT_KEY;
        double front = role_place[role].front, left = role_place[role].left,
               up = role_place[role].up;
        side_axes(d->side, &front, &left, &up);
        Vec3 dir = v3_add(
            v3_add(v3_scale(toward_cam, front), v3_scale(cam_left, left)),
            v3(0, up, 0));
        dir = v3_norm(dir);
        LightLocal *l = &rig->locals[rig->local_count++];
        l->role = role;
        l->position = v3_add(subject, v3_scale(dir, LIGHT_DISTANCE_M));
        l->radius_m = role_place[role].radius_m;
        float rgb[3];
        if (d->color_name) {
            double y = 0.2126 * (double)d->color[0] +
                       0.7152 * (double)d->color[1] +
                       0.0722 * (double)d->color[2];
            for (int c = 0; c < 3; c++)
                rgb[c] = (float)((double)d->color[c] / (y > 0 ? y : 1.0));
        } else {
            light_blackbody_rgb(d->temp_k > 0 ? d->temp_k : 5600.0, rgb);
        }
        // A sphere of radius r and radiance L gives irradiance
        // L * pi * (r / D)^2 at distance D: solve for L.
        double e = gain * role_place[role].level * d->intensity;
        double ratio = l->radius_m / LIGHT_DISTANCE_M;
        double radiance = e / (BASE_PI * ratio * ratio);
        for (int c = 0; c < 3; c++)
            l->radiance[c] = (float)((double)rgb[c] * radiance);
    }
}
