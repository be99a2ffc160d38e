/* render/medium.c: the fog between surfaces, a homogeneous participating
 * medium (LightRig's fog) that trace.c applies to every ray segment:
 * Beer-Lambert transmittance, distance sampling and the phase function. */
#include "render_internal.h"

double render_fog_transmittance(double sigma_per_m, double t_m)
{
    if (!(sigma_per_m > 0.0))
        return 1.0;
    // A ray that leaves the set crosses an unbounded fog bank.
    if (!(t_m < 1e29))
        return 0.0;
    return exp(-sigma_per_m * t_m);
}

double render_fog_sample_distance(double sigma_per_m, double t_m, double u)
{
    // Inverts the cdf of sigma e^(-sigma s) cut off at t_m, so the points
    // fall where the fog's light reaches the eye least dimmed.
    double keep = 1.0 - render_fog_transmittance(sigma_per_m, t_m);
    double s = -log(1.0 - u * keep) / sigma_per_m;
    return s < t_m ? s : t_m;
}

double render_phase_hg(double cos_theta, double g)
{
    double d = 1.0 + g * g - 2.0 * g * cos_theta;
    return (1.0 - g * g) / (4.0 * BASE_PI * d * sqrt(d));
}

double render_fog_sample_equiangular(Vec3 o, Vec3 d, double t_m, Vec3 c,
                                     double min_dist_m, double u, double *pdf)
{
    // Kulla and Fajardo's equiangular sampling: uniform in the angle the
    // segment subtends at the light, so points crowd where its light in
    // the fog falls off as 1 / distance^2.
    double along = v3_dot(v3_sub(c, o), d);
    double dist = v3_len(v3_sub(v3_sub(c, o), v3_scale(d, along)));
    dist = dist > min_dist_m ? dist : min_dist_m;
    double a0 = atan(-along / dist);
    double a1 = t_m < 1e29 ? atan((t_m - along) / dist) : 0.5 * BASE_PI;
    if (!(a1 > a0)) {
        *pdf = 0.0;
        return 0.0;
    }
    double s = along + dist * tan(a0 + u * (a1 - a0));
    s = s < 0.0 ? 0.0 : s;
    double x = s - along;
    *pdf = dist / ((a1 - a0) * (dist * dist + x * x));
    return s;
}
