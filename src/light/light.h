/* light: the fifth stage. Turns a scene's time of day into a LightRig: a
 * sun (direction, colour, size) and a sky dome, in linear radiance. */
#ifndef AU_LIGHT_H
#define AU_LIGHT_H

#include "../base/base.h"
#include "../direct/direct.h"

/** A lamp the director asked for: a glowing sphere (its size makes the
 * shadow's softness), invisible to the camera, lighting the set. */
typedef struct LightLocal {
    Vec3 position;
    double radius_m;
    float radiance[3]; /**< emitted radiance of the sphere's surface */
    DirectLightRole role;
} LightLocal;

#define LIGHT_MAX_LOCAL DIRECT_MAX_LIGHTS

/** The light of a scene, in linear Rec.709 radiance units. */
typedef struct LightRig {
    Vec3 sun_dir;          /**< unit vector toward the sun */
    float sun_radiance[3]; /**< radiance of the sun's disc */
    float sun_color[3];    /**< the sun's colour at luminance 1 */
    double sun_cos_radius; /**< cosine of the disc's angular radius */
    float sky_zenith[3];   /**< sky radiance straight up */
    float sky_horizon[3];  /**< sky radiance at the horizon */
    float sky_ground[3];   /**< radiance below the horizon */
    double exposure_ev;    /**< exposure the grade should apply */
    double sun_elevation_deg;
    double color_temp_k; /**< correlated colour temperature of the sun */
    LightLocal locals[LIGHT_MAX_LOCAL];
    size_t local_count;
} LightRig;

/** Builds the rig for @p scene (time of day; interior or exterior). */
void light_rig_for_scene(const DirectScene *scene, LightRig *out);

/** Irradiance a director's key light gives its subject before the grade's
 * exposure: a white card facing it reads this times its albedo. */
#define LIGHT_KEY_IRRADIANCE 1.4
/** Distance from the subject at which the director's lights stand, m. */
#define LIGHT_DISTANCE_M 2.5

/** Adds the lights of @p shot's [[light: ...]] note to @p rig, placed the
 * way a gaffer would around @p subject (a point on the subject, such as
 * the eyes) as seen from a camera at @p camera_pos: the key 45 degrees off
 * the lens axis and above the eyes, the fill on the other side and lower,
 * rim and back light behind. "low key" dims the sun and sky to a quarter
 * so the key shapes the face; "high key" doubles the sky and adds a fill
 * at half the key if none was named. Intensities are relative to
 * LIGHT_KEY_IRRADIANCE after the rig's exposure, so a key reads the same
 * by day and by night. */
void light_rig_add_shot_lights(LightRig *rig, const DirectLighting *lighting,
                               Vec3 subject, Vec3 camera_pos);

/** Sky radiance seen along unit direction @p dir (excluding the sun's
 * disc, which render/ samples directly). */
void light_sky_radiance(const LightRig *rig, Vec3 dir, float out[3]);

/** Linear Rec.709 colour of a black body at @p temp_k, normalised so its
 * luminance is 1. Valid from 1000 K to 40000 K. */
void light_blackbody_rgb(double temp_k, float out[3]);

#endif
