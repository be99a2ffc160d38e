/* light: the fifth stage. Turns a scene's time of day into a LightRig: a
 * sun (direction, colour, size) and a sky dome, in linear radiance. */
#ifndef AU_LIGHT_H
#define AU_LIGHT_H

#include "../base/base.h"
#include "../direct/direct.h"

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
} LightRig;

/** Builds the rig for @p scene (time of day; interior or exterior). */
void light_rig_for_scene(const DirectScene *scene, LightRig *out);

/** Sky radiance seen along unit direction @p dir (excluding the sun's
 * disc, which render/ samples directly). */
void light_sky_radiance(const LightRig *rig, Vec3 dir, float out[3]);

/** Linear Rec.709 colour of a black body at @p temp_k, normalised so its
 * luminance is 1. Valid from 1000 K to 40000 K. */
void light_blackbody_rgb(double temp_k, float out[3]);

#endif
