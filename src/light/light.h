/* light: the fifth stage. Turns a scene's time of day into a LightRig: a
 * sun (direction, colour, size) and a sky dome, in linear radiance. */
#ifndef AU_LIGHT_H
#define AU_LIGHT_H

#include "../base/base.h"
#include "../direct/direct.h"
#include "../world/world.h"

/** A lamp the director asked for: a glowing sphere (its size makes the
 * shadow's softness), invisible to the camera, lighting the set. */
typedef struct LightLocal {
    Vec3 position;
    double radius_m;
    float radiance[3]; /**< emitted radiance of the sphere's surface */
    DirectLightRole role;
    /** Blind slats in front of the lamp (noir), 0 = none: the fraction of
     * its light they block. light_gobo_transmission() gives the pattern
     * at a point; render/ multiplies a shadow ray's light by it. */
    float gobo;
    Vec3 gobo_axis; /**< unit normal of the slats' plane (along the slats) */
} LightLocal;

/** How light_sky_radiance() shapes the sky. A zeroed rig is a gradient
 * sky with black colours: no light at all. */
typedef enum LightSkyModel {
    LIGHT_SKY_GRADIENT, /**< zenith/horizon colours (night glow) */
    LIGHT_SKY_PREETHAM, /**< Preetham, Shirley and Smits' clear sky */
    LIGHT_SKY_OVERCAST  /**< CIE standard overcast sky */
} LightSkyModel;

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
    /* The physically based sky (docs/lighting.md). */
    LightSkyModel sky_model;
    DirectWeather weather;
    double turbidity;         /**< Preetham's haze: 2 clear to 10 hazy */
    double sun_azimuth_deg;   /**< from the camera side (+z) toward -x */
    Vec3 sky_sun_dir;         /**< sun the sky is lit by (at least on the
                                   horizon, so twilight has a glow) */
    double perez[3][5];       /**< Perez A..E for Y, x, y */
    double sky_zenith_Yxy[3]; /**< zenith luminance (rig units) and xy */
    double perez_norm[3];     /**< F(0, sun zenith angle) for Y, x, y */
    float sky_tint[3];        /**< filter on the sky (blue hour), 1 = none */
    double sky_gain;          /**< multiplier on the Preetham/overcast sky */
    double overcast_zenith;   /**< CIE overcast zenith radiance, rig units */
    float overcast_color[3];  /**< its colour at luminance 1 */
    /** Participating medium for render/: extinction per metre (Beer-
     * Lambert) and the radiance it scatters toward the eye; 0 = clear. */
    double fog_density_per_m;
    float fog_radiance[3];
    /** Irradiance on a horizontal surface from sun and sky, rig units
     * (a white card lying flat reads this / pi before the grade). */
    double horizontal_irradiance;
} LightRig;

/** Rig radiance units per candela per square metre: 1e-4, so a noon sun
 * of 100 klx gives an irradiance of 10. */
#define LIGHT_UNITS_PER_NIT 1e-4

/** Builds the rig for @p scene from its time of day and weather: the sun
 * where it stands at that hour, coloured by the air it crosses, a
 * Preetham clear sky or a CIE overcast sky, the fog, and the exposure a
 * camera operator would set (docs/lighting.md). */
void light_rig_for_scene(const DirectScene *scene, LightRig *out);

/** Sun position for @p latitude_deg (north positive), day of year
 * @p day (1..366) and local solar time @p hour (12 = noon), from the
 * solar declination and hour angle: elevation above the horizon and
 * azimuth clockwise from north, in degrees. */
void light_sun_position(double latitude_deg, int day, double hour,
                        double *elevation_deg, double *azimuth_deg);

/** Points the rig's sun (and the sky it lights) at @p elevation_deg and
 * @p azimuth_deg (from the camera side, +z, toward -x), recomputing its
 * colour, sky and exposure for the rig's turbidity and weather. */
void light_rig_set_sun(LightRig *rig, double elevation_deg, double azimuth_deg);

/** Fraction of @p l's light that passes its gobo toward point @p p:
 * 1 without a gobo, else 0 or 1 in stripes (blind slats). */
double light_gobo_transmission(const LightLocal *l, Vec3 p);

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

/** Lights an interior at night or in the evening with practical lamps
 * (2700 K) when the director named none: on the scene's lamp props, or
 * beside the stage; the moon and sky, which come in only through the
 * windows, go down two stops. Does nothing for exteriors, day interiors, or
 * when
 * @p lighting names a practical or a preset. */
void light_rig_add_practicals(LightRig *rig, const DirectScene *scene_info,
                              const Scene *scene,
                              const DirectLighting *lighting);

/** Sky radiance seen along unit direction @p dir (excluding the sun's
 * disc, which render/ samples directly). */
void light_sky_radiance(const LightRig *rig, Vec3 dir, float out[3]);

/** Linear Rec.709 colour of a black body at @p temp_k, normalised so its
 * luminance is 1. Valid from 1000 K to 40000 K. */
void light_blackbody_rgb(double temp_k, float out[3]);

#endif
