/* light/sky.c: the sun and sky of an exterior from the scene's time of day,
 * with colour from black-body temperature, so "DUSK" is a measurable
 * colour and sun height rather than a preset image. */
#include "light.h"

// CIE 1931 2-degree colour matching functions as sums of piecewise
// Gaussians (the multi-lobe analytic fit of Wyman, Sloan and Shirley,
// JCGT 2013); accurate to well under 1% of the tabulated data, which is
// ample for light colour.
static double piecewise_gauss(double x, double mu, double s1, double s2)
{
    double t = (x - mu) / (x < mu ? s1 : s2);
    return exp(-0.5 * t * t);
}

static void cie_xyz(double nm, double xyz[3])
{
    xyz[0] = 1.056 * piecewise_gauss(nm, 599.8, 37.9, 31.0) +
             0.362 * piecewise_gauss(nm, 442.0, 16.0, 26.7) -
             0.065 * piecewise_gauss(nm, 501.1, 20.4, 26.2);
    xyz[1] = 0.821 * piecewise_gauss(nm, 568.8, 46.9, 40.5) +
             0.286 * piecewise_gauss(nm, 530.9, 16.3, 31.1);
    xyz[2] = 1.217 * piecewise_gauss(nm, 437.0, 11.8, 36.0) +
             0.681 * piecewise_gauss(nm, 459.0, 26.0, 13.8);
}

static double planck(double nm, double temp_k)
{
    const double c2 = 1.4387769e-2; // second radiation constant, m K
    double m = nm * 1e-9;
    return 1.0 / (pow(m, 5.0) * (exp(c2 / (m * temp_k)) - 1.0));
}

void light_blackbody_rgb(double temp_k, float out[3])
{
    temp_k = base_clamp(temp_k, 1000.0, 40000.0);
    double xyz[3] = { 0, 0, 0 };
    for (double nm = 380.0; nm <= 780.0; nm += 5.0) {
        double cmf[3];
        cie_xyz(nm, cmf);
        double p = planck(nm, temp_k);
        for (int i = 0; i < 3; i++)
            xyz[i] += p * cmf[i];
    }
    // XYZ to linear Rec.709 (D65 white).
    double r = 3.2404542 * xyz[0] - 1.5371385 * xyz[1] - 0.4985314 * xyz[2];
    double g = -0.9692660 * xyz[0] + 1.8760108 * xyz[1] + 0.0415560 * xyz[2];
    double b = 0.0556434 * xyz[0] - 0.2040259 * xyz[1] + 1.0572252 * xyz[2];
    // Luminance of 1: only the colour matters here, intensity is separate.
    double y = xyz[1];
    out[0] = (float)(r > 0 ? r / y : 0.0);
    out[1] = (float)(g > 0 ? g / y : 0.0);
    out[2] = (float)(b > 0 ? b / y : 0.0);
}

// Per time of day: sun height, its colour temperature, how much light it
// gives relative to noon, the sky's brightness and colours, and the
// exposure a camera operator would set. The sky colours are linear Rec.709
// radiances, tuned so a diffuse white in the sun sits near 1.0 after the
// suggested exposure.
typedef struct TodPreset {
    double elevation_deg;
    double azimuth_deg; // from the camera's side (+z), toward camera-left
    double temp_k;
    double sun_irradiance;
    float zenith[3];
    float horizon[3];
    double exposure_ev;
} TodPreset;

static const TodPreset presets[DIRECT_TOD_COUNT] = {
    [DIRECT_TOD_DAY] = { 52.0,
                         40.0,
                         5600.0,
                         3.2,
                         { 0.10f, 0.22f, 0.48f },
                         { 0.42f, 0.52f, 0.62f },
                         0.0 },
    [DIRECT_TOD_NIGHT] = { 38.0,
                           55.0,
                           4100.0,
                           0.035,
                           { 0.004f, 0.007f, 0.018f },
                           { 0.008f, 0.012f, 0.024f },
                           4.8 },
    [DIRECT_TOD_DAWN] = { 4.0,
                          70.0,
                          3300.0,
                          0.55,
                          { 0.06f, 0.08f, 0.17f },
                          { 0.30f, 0.20f, 0.22f },
                          1.6 },
    [DIRECT_TOD_DUSK] = { 3.0,
                          65.0,
                          2700.0,
                          0.45,
                          { 0.04f, 0.05f, 0.14f },
                          { 0.34f, 0.16f, 0.10f },
                          1.9 },
    [DIRECT_TOD_MORNING] = { 22.0,
                             45.0,
                             4700.0,
                             2.2,
                             { 0.09f, 0.19f, 0.42f },
                             { 0.46f, 0.48f, 0.52f },
                             0.4 },
    [DIRECT_TOD_EVENING] = { 14.0,
                             50.0,
                             3900.0,
                             1.6,
                             { 0.08f, 0.14f, 0.34f },
                             { 0.50f, 0.40f, 0.34f },
                             0.7 },
    [DIRECT_TOD_MAGIC_HOUR] = { 7.0,
                                55.0,
                                3200.0,
                                1.2,
                                { 0.08f, 0.12f, 0.30f },
                                { 0.60f, 0.38f, 0.22f },
                                1.0 },
};

void light_rig_for_scene(const DirectScene *scene, LightRig *out)
{
    DirectTimeOfDay tod = scene->time_of_day;
    if ((unsigned)tod >= DIRECT_TOD_COUNT)
        tod = DIRECT_TOD_DAY;
    const TodPreset *p = &presets[tod];
    double el = p->elevation_deg * BASE_PI / 180.0;
    double az = p->azimuth_deg * BASE_PI / 180.0;
    out->sun_dir = v3_norm(v3(-sin(az) * cos(el), sin(el), cos(az) * cos(el)));
    out->sun_elevation_deg = p->elevation_deg;
    out->color_temp_k = p->temp_k;
    // Half a degree is the real sun; two give the slightly soft shadow edge
    // of a sun through haze, and far less noise at a few samples per pixel.
    double radius = 2.0 * BASE_PI / 180.0;
    out->sun_cos_radius = cos(radius);
    double solid_angle = 2.0 * BASE_PI * (1.0 - out->sun_cos_radius);
    float rgb[3];
    light_blackbody_rgb(p->temp_k, rgb);
    for (int i = 0; i < 3; i++)
        out->sun_color[i] = rgb[i];
    // Radiance such that a surface facing the sun receives sun_irradiance
    // times pi (a white diffuse surface then reflects sun_irradiance).
    for (int i = 0; i < 3; i++) {
        out->sun_radiance[i] =
            (float)((double)rgb[i] * p->sun_irradiance * BASE_PI / solid_angle);
        out->sky_zenith[i] = p->zenith[i];
        out->sky_horizon[i] = p->horizon[i];
        out->sky_ground[i] = p->horizon[i] * 0.3f;
    }
    out->exposure_ev = p->exposure_ev;
    out->local_count = 0;
}

void light_sky_radiance(const LightRig *rig, Vec3 dir, float out[3])
{
    if (dir.y <= 0.0) {
        for (int i = 0; i < 3; i++)
            out[i] = rig->sky_ground[i];
        return;
    }
    // Square-root falloff keeps a bright band near the horizon, as the
    // longer air path there scatters more light.
    double t = sqrt(dir.y);
    // A glow around the sun, warmer and stronger when the sun is low.
    double c = v3_dot(dir, rig->sun_dir);
    double glow = c > 0.0 ? pow(c, 8.0) * 0.5 : 0.0;
    double sky_level = (double)rig->sky_horizon[1];
    for (int i = 0; i < 3; i++) {
        double base = (double)rig->sky_horizon[i] * (1.0 - t) +
                      (double)rig->sky_zenith[i] * t;
        out[i] = (float)(base + glow * sky_level * (double)rig->sun_color[i]);
    }
}
