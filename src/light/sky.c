/* light/sky.c: the sun and sky of a scene from its time of day and
 * weather: the Preetham analytic clear sky, a sun coloured by the air it
 * crosses, a CIE overcast sky and fog, so "DUSK" is a measurable colour
 * and sun height rather than a preset image. */
#include <string.h>

#include "light.h"

// Indoors, fog is this share as dense and its glow this share as bright.
#define INTERIOR_HAZE      0.3
#define INTERIOR_HAZE_GLOW 0.15

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

// XYZ times @p scale to linear Rec.709 (D65 white); negative components
// (outside the gamut) clip to zero.
static void xyz_to_rgb(const double xyz[3], double scale, float out[3])
{
    double r = 3.2404542 * xyz[0] - 1.5371385 * xyz[1] - 0.4985314 * xyz[2];
    double g = -0.9692660 * xyz[0] + 1.8760108 * xyz[1] + 0.0415560 * xyz[2];
    double b = 0.0556434 * xyz[0] - 0.2040259 * xyz[1] + 1.0572252 * xyz[2];
    out[0] = (float)(r > 0 ? r * scale : 0.0);
    out[1] = (float)(g > 0 ? g * scale : 0.0);
    out[2] = (float)(b > 0 ? b * scale : 0.0);
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
    xyz_to_rgb(xyz, 1.0 / xyz[1], out);
}

// Per time of day: where the sun stands, how hazy the air is, and the
// sun's angular radius. DUSK is the blue hour: the sun under the horizon
// and the sky lit from below it. NIGHT is a moon (film convention: about
// seven stops under day, not the physical nineteen, and bluish) and a dim
// sky glow.
typedef struct TodPreset {
    double elevation_deg;
    double azimuth_deg; // from the camera's side (+z), toward camera-left
    double turbidity;
} TodPreset;

static const TodPreset presets[DIRECT_TOD_COUNT] = {
    [DIRECT_TOD_DAY] = { 52.0, 40.0, 2.5 },
    [DIRECT_TOD_NIGHT] = { 38.0, 55.0, 2.5 },
    [DIRECT_TOD_DAWN] = { 4.0, 70.0, 3.0 },
    [DIRECT_TOD_DUSK] = { -4.0, 65.0, 3.0 },
    [DIRECT_TOD_MORNING] = { 22.0, 45.0, 2.5 },
    [DIRECT_TOD_EVENING] = { 14.0, 50.0, 3.0 },
    [DIRECT_TOD_MAGIC_HOUR] = { 6.0, 55.0, 3.5 },
};

// Extraterrestrial solar illuminance, lux: the sun above the air.
#define SOLAR_LUX 127000.0
// The moon of a film night, in lux (see above), and its colour.
#define MOON_LUX 1100.0
#define MOON_K   7000.0
// Sun's angular radius: half a degree is the real sun; two give the
// slightly soft edge of a sun through haze and far less noise at a few
// samples per pixel.
#define SUN_RADIUS_DEG 2.0
// Exposure: a camera operator opens up for a dark scene, but not all the
// way (night must still read as night): 0.6 EV per EV of light lost
// against a horizontal irradiance of EXPOSURE_REF (noon is about 10).
#define EXPOSURE_REF   7.0
#define EXPOSURE_SLOPE 0.6

// Relative air mass along a path at @p elevation_deg (Kasten and Young
// 1989), finite at the horizon.
static double air_mass(double elevation_deg)
{
    double z = 90.0 - base_clamp(elevation_deg, 0.0, 90.0);
    return 1.0 /
           (cos(z * BASE_PI / 180.0) + 0.50572 * pow(96.07995 - z, -1.6364));
}

// The sun seen through the air: a 5778 K black body dimmed per wavelength
// by Rayleigh scattering (optical depth 0.008735 * lambda^-4.08, lambda
// in um) and haze (Angstrom's beta * lambda^-1.3, beta from turbidity as
// in Preetham et al.'s appendix). Writes its colour at luminance 1 and
// returns its illuminance at normal incidence in lux.
static double sun_through_air(double elevation_deg, double turbidity,
                              float rgb[3])
{
    double m = air_mass(elevation_deg);
    double beta = 0.04608 * turbidity - 0.04586;
    double xyz[3] = { 0, 0, 0 }, y0 = 0.0;
    for (double nm = 380.0; nm <= 780.0; nm += 5.0) {
        double um = nm * 1e-3;
        double tau = 0.008735 * pow(um, -4.08) + beta * pow(um, -1.3);
        double cmf[3];
        cie_xyz(nm, cmf);
        double p = planck(nm, 5778.0);
        double t = exp(-m * tau);
        for (int i = 0; i < 3; i++)
            xyz[i] += p * t * cmf[i];
        y0 += p * cmf[1];
    }
    xyz_to_rgb(xyz, 1.0 / xyz[1], rgb);
    return SOLAR_LUX * xyz[1] / y0;
}

// McCamy's cubic: correlated colour temperature from chromaticity.
static double cct_of_rgb(const float rgb[3])
{
    double r = (double)rgb[0], g = (double)rgb[1], b = (double)rgb[2];
    double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
    double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
    double sum = x + y + z;
    if (sum <= 0.0)
        return 0.0;
    double n = (x / sum - 0.3320) / (0.1858 - y / sum);
    // The cubic holds from about 2000 K to 12500 K; outside, only the
    // direction is meaningful, so clamp to the range light/ reports.
    return base_clamp(449.0 * n * n * n + 3525.0 * n * n + 6823.3 * n + 5520.33,
                      1000.0, 25000.0);
}

// Preetham et al. (1999), "A practical analytic model for daylight":
// the Perez distribution's coefficients, linear in turbidity, for
// luminance Y and chromaticity x, y.
static const double perez_t[3][5][2] = {
    { { 0.1787, -1.4630 },
      { -0.3554, 0.4275 },
      { -0.0227, 5.3251 },
      { 0.1206, -2.5771 },
      { -0.0670, 0.3703 } },
    { { -0.0193, -0.2592 },
      { -0.0665, 0.0008 },
      { -0.0004, 0.2125 },
      { -0.0641, -0.8989 },
      { -0.0033, 0.0452 } },
    { { -0.0167, -0.2608 },
      { -0.0950, 0.0092 },
      { -0.0079, 0.2102 },
      { -0.0441, -1.6537 },
      { -0.0109, 0.0529 } },
};

// Zenith chromaticity: [T^2 T 1] * M * [th^3 th^2 th 1] for x and y.
static const double zenith_m[2][3][4] = {
    { { 0.00166, -0.00375, 0.00209, 0.0 },
      { -0.02903, 0.06377, -0.03202, 0.00394 },
      { 0.11693, -0.21196, 0.06052, 0.25886 } },
    { { 0.00275, -0.00610, 0.00317, 0.0 },
      { -0.04214, 0.08970, -0.04153, 0.00516 },
      { 0.15346, -0.26756, 0.06670, 0.26688 } },
};

// The Perez function F(theta, gamma) = (1 + A e^(B / cos theta)) *
// (1 + C e^(D gamma) + E cos^2 gamma). Near the horizon cos theta is held
// off zero, where the formula's exponent would blow up.
static double perez_f(const double c[5], double cos_theta, double gamma)
{
    double ct = cos_theta > 0.01 ? cos_theta : 0.01;
    double cg = cos(gamma);
    return (1.0 + c[0] * exp(c[1] / ct)) *
           (1.0 + c[2] * exp(c[3] * gamma) + c[4] * cg * cg);
}

static void preetham_setup(LightRig *r)
{
    double t = r->turbidity;
    double theta_s = acos(base_clamp(r->sky_sun_dir.y, -1.0, 1.0));
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < 5; i++)
            r->perez[k][i] = perez_t[k][i][0] * t + perez_t[k][i][1];
    double chi = (4.0 / 9.0 - t / 120.0) * (BASE_PI - 2.0 * theta_s);
    double yz_kcd = (4.0453 * t - 4.9710) * tan(chi) - 0.2155 * t + 2.4192;
    r->sky_zenith_Yxy[0] =
        (yz_kcd > 0.0 ? yz_kcd : 0.0) * 1000.0 * LIGHT_UNITS_PER_NIT;
    double tv[3] = { t * t, t, 1.0 };
    double th[4] = { theta_s * theta_s * theta_s, theta_s * theta_s, theta_s,
                     1.0 };
    for (int k = 0; k < 2; k++) {
        double v = 0.0;
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 4; b++)
                v += tv[a] * zenith_m[k][a][b] * th[b];
        r->sky_zenith_Yxy[1 + k] = v;
    }
    for (int k = 0; k < 3; k++)
        r->perez_norm[k] = perez_f(r->perez[k], 1.0, theta_s);
}

static void preetham_eval(const LightRig *r, Vec3 dir, float out[3])
{
    double cg = base_clamp(v3_dot(dir, r->sky_sun_dir), -1.0, 1.0);
    double gamma = acos(cg);
    double v[3];
    for (int k = 0; k < 3; k++)
        v[k] = r->sky_zenith_Yxy[k] * perez_f(r->perez[k], dir.y, gamma) /
               r->perez_norm[k];
    double big_y = v[0] * r->sky_gain, x = v[1], y = v[2];
    if (y <= 1e-6 || big_y <= 0.0) {
        out[0] = out[1] = out[2] = 0.0f;
        return;
    }
    double xyz[3] = { x / y * big_y, big_y, (1.0 - x - y) / y * big_y };
    xyz_to_rgb(xyz, 1.0, out);
    for (int i = 0; i < 3; i++)
        out[i] *= r->sky_tint[i];
}

static void gradient_eval(const LightRig *rig, Vec3 dir, float out[3])
{
    // Square-root falloff keeps a bright band near the horizon, as the
    // longer air path there scatters more light.
    double t = sqrt(dir.y);
    // A glow around the sun or moon.
    double c = v3_dot(dir, rig->sun_dir);
    double glow = c > 0.0 ? pow(c, 8.0) * 0.5 : 0.0;
    double sky_level = (double)rig->sky_horizon[1];
    for (int i = 0; i < 3; i++) {
        double base = (double)rig->sky_horizon[i] * (1.0 - t) +
                      (double)rig->sky_zenith[i] * t;
        out[i] = (float)(base + glow * sky_level * (double)rig->sun_color[i]);
    }
}

static void sky_above(const LightRig *rig, Vec3 dir, float out[3])
{
    switch (rig->sky_model) {
    case LIGHT_SKY_PREETHAM:
        preetham_eval(rig, dir, out);
        break;
    case LIGHT_SKY_OVERCAST: {
        // CIE standard overcast: three times brighter at the zenith than
        // at the horizon, the same in every azimuth.
        double l =
            rig->overcast_zenith * rig->sky_gain * (1.0 + 2.0 * dir.y) / 3.0;
        for (int i = 0; i < 3; i++)
            out[i] = (float)(l * (double)rig->overcast_color[i]);
        break;
    }
    default:
        gradient_eval(rig, dir, out);
        break;
    }
}

void light_sky_radiance(const LightRig *rig, Vec3 dir, float out[3])
{
    if (dir.y <= 0.0) {
        for (int i = 0; i < 3; i++)
            out[i] = rig->sky_ground[i];
        return;
    }
    sky_above(rig, dir, out);
}

// Irradiance from the sky on a horizontal surface, by a midpoint sum over
// the hemisphere (cosine-weighted rings), per colour channel.
static void sky_irradiance(const LightRig *rig, double e[3])
{
    enum {
        RINGS = 24,
        SEGS = 48
    };

    e[0] = e[1] = e[2] = 0.0;
    for (int a = 0; a < RINGS; a++) {
        double th = (a + 0.5) / RINGS * BASE_PI / 2.0;
        double w = sin(th) * cos(th) * (BASE_PI / 2.0 / RINGS) *
                   (2.0 * BASE_PI / SEGS);
        for (int b = 0; b < SEGS; b++) {
            double ph = (b + 0.5) / SEGS * 2.0 * BASE_PI;
            Vec3 d = v3(sin(th) * cos(ph), cos(th), sin(th) * sin(ph));
            float l[3];
            sky_above(rig, d, l);
            for (int i = 0; i < 3; i++)
                e[i] += (double)l[i] * w;
        }
    }
}

// Weather: how much of a clear day's horizontal light the clouds let
// through, how thick the fog is, and the ground's reflectance.
typedef struct WeatherLook {
    bool clouded;        // sun hidden, overcast sky
    double transmission; // of the clear sky's horizontal light
    double fog_per_m;
    double ground_albedo;
    double overcast_k; // colour of the cloud light
} WeatherLook;

static const WeatherLook weather_looks[DIRECT_WEATHER_COUNT] = {
    [DIRECT_WEATHER_CLEAR] = { false, 1.0, 0.0, 0.2, 0.0 },
    [DIRECT_WEATHER_OVERCAST] = { true, 0.30, 0.002, 0.2, 6800.0 },
    [DIRECT_WEATHER_RAIN] = { true, 0.14, 0.012, 0.12, 7500.0 },
    [DIRECT_WEATHER_FOG] = { false, 0.5, 0.06, 0.2, 0.0 },
    [DIRECT_WEATHER_SNOW] = { true, 0.35, 0.02, 0.75, 7000.0 },
    [DIRECT_WEATHER_STORM] = { true, 0.07, 0.015, 0.12, 8000.0 },
    [DIRECT_WEATHER_WIND] = { false, 1.0, 0.0, 0.2, 0.0 },
};

static const WeatherLook *weather_of(const LightRig *r)
{
    unsigned w = (unsigned)r->weather;
    return &weather_looks[w < DIRECT_WEATHER_COUNT ? w : 0];
}

// Fills the sun, the sky, the ground and the exposure from the rig's sun
// elevation, azimuth, turbidity and weather.
static void rig_build(LightRig *r, bool night)
{
    const WeatherLook *wl = weather_of(r);
    double el = r->sun_elevation_deg * BASE_PI / 180.0;
    double az = r->sun_azimuth_deg * BASE_PI / 180.0;
    r->sun_dir = v3_norm(v3(-sin(az) * cos(el), sin(el), cos(az) * cos(el)));
    double sky_el = r->sun_elevation_deg > 0.0 ? el : 0.0;
    r->sky_sun_dir =
        v3_norm(v3(-sin(az) * cos(sky_el), sin(sky_el), cos(az) * cos(sky_el)));
    double radius_deg = SUN_RADIUS_DEG;
    // Fog spreads the sun into a bright, soft disc.
    if (r->weather == DIRECT_WEATHER_FOG)
        radius_deg = 6.0;
    r->sun_cos_radius = cos(radius_deg * BASE_PI / 180.0);
    double omega = 2.0 * BASE_PI * (1.0 - r->sun_cos_radius);
    for (int i = 0; i < 3; i++)
        r->sky_tint[i] = 1.0f;
    r->sky_gain = 1.0;

    float rgb[3];
    double sun_e; // irradiance at normal incidence, rig units
    if (night) {
        light_blackbody_rgb(MOON_K, rgb);
        sun_e = MOON_LUX * LIGHT_UNITS_PER_NIT;
        r->sky_model = LIGHT_SKY_GRADIENT;
        static const float zen[3] = { 0.004f, 0.007f, 0.018f };
        static const float hor[3] = { 0.008f, 0.012f, 0.024f };
        for (int i = 0; i < 3; i++) {
            r->sky_zenith[i] = zen[i];
            r->sky_horizon[i] = hor[i];
        }
    } else {
        sun_e = r->sun_elevation_deg > 0.0
                    ? sun_through_air(r->sun_elevation_deg, r->turbidity, rgb) *
                          LIGHT_UNITS_PER_NIT
                    : 0.0;
        if (r->sun_elevation_deg <= 0.0)
            sun_through_air(0.5, r->turbidity, rgb);
        r->sky_model = LIGHT_SKY_PREETHAM;
        preetham_setup(r);
        if (r->sun_elevation_deg <= 0.0) {
            // Blue hour: the sky is lit by a sun below the horizon, dimmer
            // with every degree and blue from ozone's absorption of the
            // long path's orange light.
            r->sky_gain = 0.6 * exp(r->sun_elevation_deg / 4.0);
            static const float blue[3] = { 0.55f, 0.82f, 1.45f };
            memcpy(r->sky_tint, blue, sizeof blue);
        }
    }
    r->color_temp_k = cct_of_rgb(rgb);
    memcpy(r->sun_color, rgb, sizeof rgb);
    if (sun_e <= 0.0) {
        // No sun: the light's colour is the sky's.
        float zen[3];
        sky_above(r, v3(0, 1, 0), zen);
        r->color_temp_k = cct_of_rgb(zen);
    }
    double fog_sun = r->weather == DIRECT_WEATHER_FOG ? 0.25 : 1.0;
    for (int i = 0; i < 3; i++)
        r->sun_radiance[i] = (float)((double)rgb[i] * sun_e * fog_sun / omega);

    double sky_e[3];
    sky_irradiance(r, sky_e);
    double sun_h = sun_e * fog_sun * (el > 0.0 ? sin(el) : 0.0);
    double e_rgb[3];
    for (int i = 0; i < 3; i++)
        e_rgb[i] = sky_e[i] + sun_h * (double)rgb[i];
    if (wl->clouded) {
        // The clouds hide the sun and spread what they let through over
        // a CIE overcast sky: E = 7 pi / 9 * zenith radiance.
        double e_lum =
            0.2126 * e_rgb[0] + 0.7152 * e_rgb[1] + 0.0722 * e_rgb[2];
        double e = e_lum * wl->transmission;
        r->sky_model = night ? LIGHT_SKY_GRADIENT : LIGHT_SKY_OVERCAST;
        light_blackbody_rgb(wl->overcast_k, r->overcast_color);
        r->overcast_zenith = e * 9.0 / (7.0 * BASE_PI);
        if (night)
            for (int i = 0; i < 3; i++) {
                r->sky_zenith[i] *= (float)wl->transmission;
                r->sky_horizon[i] *= (float)wl->transmission;
            }
        for (int i = 0; i < 3; i++)
            r->sun_radiance[i] = 0.0f;
        sky_irradiance(r, e_rgb);
        memcpy(r->sun_color, r->overcast_color, sizeof r->sun_color);
        r->color_temp_k = wl->overcast_k;
    } else if (r->weather == DIRECT_WEATHER_FOG) {
        r->sky_gain = wl->transmission;
        sky_irradiance(r, sky_e);
        for (int i = 0; i < 3; i++)
            e_rgb[i] = sky_e[i] + sun_h * (double)rgb[i];
    }
    r->horizontal_irradiance =
        0.2126 * e_rgb[0] + 0.7152 * e_rgb[1] + 0.0722 * e_rgb[2];
    for (int i = 0; i < 3; i++)
        r->sky_ground[i] = (float)(wl->ground_albedo * e_rgb[i] / BASE_PI);
    float zen[3], hor[3];
    sky_above(r, v3(0, 1, 0), zen);
    sky_above(r, v3_norm(v3(-r->sky_sun_dir.x, 0.02, -r->sky_sun_dir.z)), hor);
    if (r->sky_model != LIGHT_SKY_GRADIENT) {
        memcpy(r->sky_zenith, zen, sizeof zen);
        memcpy(r->sky_horizon, hor, sizeof hor);
    }
    r->fog_density_per_m = wl->fog_per_m;
    for (int i = 0; i < 3; i++)
        r->fog_radiance[i] = hor[i];
    double e =
        r->horizontal_irradiance > 1e-6 ? r->horizontal_irradiance : 1e-6;
    r->exposure_ev =
        base_clamp(EXPOSURE_SLOPE * log2(EXPOSURE_REF / e), -2.0, 8.0);
}

void light_rig_set_sun(LightRig *rig, double elevation_deg, double azimuth_deg)
{
    rig->sun_elevation_deg = base_clamp(elevation_deg, -18.0, 90.0);
    rig->sun_azimuth_deg = azimuth_deg;
    if (rig->turbidity < 1.7 || rig->turbidity > 10.0)
        rig->turbidity = 3.0;
    rig_build(rig, false);
}

// The hour of a time of day at a latitude and date, from that day's
// sunrise and sunset (local solar time): dawn just after sunrise, magic
// hour the last 40 minutes before sunset, dusk (the blue hour) 20 minutes
// after it.
static double tod_hour(DirectTimeOfDay tod, double latitude_deg, int day)
{
    const double rad = BASE_PI / 180.0;
    double decl = -23.44 * rad * cos(2.0 * BASE_PI / 365.0 * (day + 10));
    double c = -tan(latitude_deg * rad) * tan(decl);
    // Midnight sun or polar night: the day is all or nothing.
    double half_day_h = acos(base_clamp(c, -1.0, 1.0)) / rad / 15.0;
    double rise = 12.0 - half_day_h, set = 12.0 + half_day_h;
    switch (tod) {
    case DIRECT_TOD_DAWN:
        return rise + 0.25;
    case DIRECT_TOD_MORNING:
        return fmin(rise + 2.5, 10.5);
    case DIRECT_TOD_MAGIC_HOUR:
        return set - 0.67;
    case DIRECT_TOD_DUSK:
        return set + 0.33;
    case DIRECT_TOD_EVENING:
        return fmax(set - 1.5, 13.5);
    default:
        return 13.0;
    }
}

// With a latitude and date the sun stands where it really would: its
// elevation exactly, its azimuth turned from the preset's by as much as
// the real sun has moved from noon, so north is wherever puts the noon
// sun where auteur stages it.
static void place_sun(const DirectScene *scene, DirectTimeOfDay tod,
                      double preset_azimuth_deg, LightRig *out)
{
    double lat = base_clamp(scene->latitude_deg, -89.9, 89.9);
    double el, az, el_noon, az_noon;
    light_sun_position(lat, scene->day_of_year,
                       tod_hour(tod, lat, scene->day_of_year), &el, &az);
    light_sun_position(lat, scene->day_of_year, 12.0001, &el_noon, &az_noon);
    out->sun_elevation_deg = el;
    out->sun_azimuth_deg = preset_azimuth_deg + (az - az_noon);
}

void light_rig_for_scene(const DirectScene *scene, LightRig *out)
{
    memset(out, 0, sizeof *out);
    DirectTimeOfDay tod = scene->time_of_day;
    if ((unsigned)tod >= DIRECT_TOD_COUNT)
        tod = DIRECT_TOD_DAY;
    const TodPreset *p = &presets[tod];
    out->weather = (unsigned)scene->weather < DIRECT_WEATHER_COUNT
                       ? scene->weather
                       : DIRECT_WEATHER_CLEAR;
    // Haze is thick air: Preetham's turbidity near the top of its range.
    out->turbidity = out->weather == DIRECT_WEATHER_FOG ? 9.0 : p->turbidity;
    out->sun_elevation_deg = p->elevation_deg;
    out->sun_azimuth_deg = p->azimuth_deg;
    if (scene->day_of_year > 0 && tod != DIRECT_TOD_NIGHT)
        place_sun(scene, tod, p->azimuth_deg, out);
    rig_build(out, tod == DIRECT_TOD_NIGHT);
    // Indoors the weather's fog is a haze that drifts in: thin enough to
    // show a key's beams, and lit by the room rather than by the open sky,
    // whose glow would wash the set out.
    if (scene->interior) {
        out->fog_density_per_m *= INTERIOR_HAZE;
        for (int i = 0; i < 3; i++)
            out->fog_radiance[i] *= (float)INTERIOR_HAZE_GLOW;
    }
}

void light_sun_position(double latitude_deg, int day, double hour,
                        double *elevation_deg, double *azimuth_deg)
{
    const double rad = BASE_PI / 180.0;
    // Declination: the tilt of the earth toward the sun on that day.
    double decl = -23.44 * rad * cos(2.0 * BASE_PI / 365.0 * (day + 10));
    double h = (hour - 12.0) * 15.0 * rad;
    double lat = latitude_deg * rad;
    double sin_el = sin(lat) * sin(decl) + cos(lat) * cos(decl) * cos(h);
    double el = asin(base_clamp(sin_el, -1.0, 1.0));
    double cos_az = (sin(decl) - sin(el) * sin(lat)) / (cos(el) * cos(lat));
    double az = acos(base_clamp(cos_az, -1.0, 1.0));
    if (h > 0.0)
        az = 2.0 * BASE_PI - az;
    *elevation_deg = el / rad;
    *azimuth_deg = az / rad;
}
