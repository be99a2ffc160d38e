/* render/material.c: the one material model of the path tracer (see
 * docs/rendering.md): Lambert or wrapped diffuse with sheen under a GGX
 * coat, a GGX conductor (both compensated for multiple scattering with
 * ggx_table.c) and a smooth or rough glass, mixed by weights. */
#include "render_internal.h"

// Below this alpha a microfacet lobe is a mirror: GGX's peak grows as
// 1/alpha^2, past what a few samples can integrate.
#define SMOOTH_ALPHA 1e-3

static double lum(Vec3 c)
{
    return 0.2126 * c.x + 0.7152 * c.y + 0.0722 * c.z;
}

static double schlick_weight(double c)
{
    double m = 1.0 - (c < 0.0 ? 0.0 : c > 1.0 ? 1.0 : c);
    double m2 = m * m;
    return m2 * m2 * m;
}

static Vec3 schlick_rgb(Vec3 f0, double c)
{
    double w = schlick_weight(c);
    return v3(f0.x + (1.0 - f0.x) * w, f0.y + (1.0 - f0.y) * w,
              f0.z + (1.0 - f0.z) * w);
}

// Fresnel reflectance of a smooth dielectric for unpolarised light, where
// @p eta is the incident side's index over the far side's.
static double fresnel_dielectric(double cos_i, double eta)
{
    double sin2_t = eta * eta * (1.0 - cos_i * cos_i);
    if (sin2_t >= 1.0)
        return 1.0;
    double cos_t = sqrt(1.0 - sin2_t);
    double rs = (eta * cos_i - cos_t) / (eta * cos_i + cos_t);
    double rp = (cos_i - eta * cos_t) / (cos_i + eta * cos_t);
    return 0.5 * (rs * rs + rp * rp);
}

static Vec3 to_local(const RenderBsdf *b, Vec3 v)
{
    return v3(v3_dot(v, b->t), v3_dot(v, b->b), v3_dot(v, b->n));
}

static Vec3 to_world(const RenderBsdf *b, Vec3 v)
{
    return v3_add(v3_add(v3_scale(b->t, v.x), v3_scale(b->b, v.y)),
                  v3_scale(b->n, v.z));
}

// GGX (Trowbridge-Reitz) distribution of normals, local frame.
static double ggx_d(Vec3 h, double alpha)
{
    double a2 = alpha * alpha;
    double c2 = h.z * h.z;
    double k = c2 * (a2 - 1.0) + 1.0;
    return a2 / (BASE_PI * k * k);
}

// Smith's Lambda for GGX: the share of microfacets a direction cannot see.
static double ggx_lambda(Vec3 w, double alpha)
{
    double c2 = w.z * w.z;
    if (c2 <= 0.0)
        return 1e30;
    double t2 = (1.0 - c2) / c2;
    return 0.5 * (-1.0 + sqrt(1.0 + alpha * alpha * t2));
}

// Heitz's sampling of the normals visible from @p wo (local, wo.z > 0):
// stretch to the unit-roughness configuration, sample the projected
// hemisphere there, and unstretch.
static Vec3 ggx_sample_visible(Vec3 wo, double alpha, double u1, double u2)
{
    Vec3 vh = v3_norm(v3(alpha * wo.x, alpha * wo.y, wo.z));
    double len2 = vh.x * vh.x + vh.y * vh.y;
    Vec3 t1 = len2 > 0.0 ? v3_scale(v3(-vh.y, vh.x, 0.0), 1.0 / sqrt(len2))
                         : v3(1.0, 0.0, 0.0);
    Vec3 t2 = v3_cross(vh, t1);
    double r = sqrt(u1), sp, cp;
    base_sincos_turns(u2, &sp, &cp);
    double p1 = r * cp, p2 = r * sp;
    double s = 0.5 * (1.0 + vh.z);
    p2 = (1.0 - s) * sqrt(1.0 - p1 * p1) + s * p2;
    double pz = 1.0 - p1 * p1 - p2 * p2;
    Vec3 nh = v3_add(v3_add(v3_scale(t1, p1), v3_scale(t2, p2)),
                     v3_scale(vh, sqrt(pz > 0.0 ? pz : 0.0)));
    return v3_norm(v3(alpha * nh.x, alpha * nh.y, nh.z > 1e-9 ? nh.z : 1e-9));
}

static Vec3 reflect(Vec3 wo, Vec3 h)
{
    return v3_sub(v3_scale(h, 2.0 * v3_dot(wo, h)), wo);
}

void render_ggx_albedo(double mu, double alpha, int m, double *e, double *e_w)
{
    Vec3 o = v3(sqrt(1.0 - mu * mu), 0.0, mu);
    double lo = ggx_lambda(o, alpha);
    double sum = 0.0, sum_w = 0.0;
    // A midpoint grid over the visible-normal sampler's square, with no
    // random numbers to seed: its weight G2 / G1(o) falls to 0 at the
    // horizon, so the integrand is continuous.
    for (int a = 0; a < m; a++)
        for (int c = 0; c < m; c++) {
            Vec3 h = ggx_sample_visible(o, alpha, ((double)a + 0.5) / m,
                                        ((double)c + 0.5) / m);
            Vec3 i = reflect(o, h);
            if (i.z <= 0.0)
                continue;
            double g = (1.0 + lo) / (1.0 + lo + ggx_lambda(i, alpha));
            sum += g;
            sum_w += g * schlick_weight(v3_dot(o, h));
        }
    *e = sum / ((double)m * m);
    *e_w = sum_w / ((double)m * m);
}

// One of the table's quantities at cosine @p mu on the bsdf's roughness,
// interpolated between its two rows.
static double table_lerp(const RenderBsdf *b, const double (*tab)[RENDER_GGX_N],
                         double mu)
{
    double x = mu * (RENDER_GGX_N - 1);
    x = x < 0.0 ? 0.0 : x;
    int j = (int)x;
    j = j > RENDER_GGX_N - 2 ? RENDER_GGX_N - 2 : j;
    double t = x - (double)j;
    const double *lo = tab[b->ggx_row], *hi = tab[b->ggx_row + 1];
    double e0 = lo[j] + (lo[j + 1] - lo[j]) * t;
    double e1 = hi[j] + (hi[j + 1] - hi[j]) * t;
    return e0 + (e1 - e0) * b->ggx_t;
}

// Kulla and Conty's share of multiply scattered light for a lobe whose
// Fresnel averages @p f_avg over the hemisphere: the light that a first
// bounce sends on to another facet, reflected again until it escapes.
static double multiple_fresnel(double f_avg, double e_avg)
{
    f_avg = f_avg < 0.0 ? 0.0 : f_avg > 1.0 ? 1.0 : f_avg;
    return f_avg * f_avg * e_avg / (1.0 - f_avg * (1.0 - e_avg));
}

// Sets up the multiple-scattering lobe of the metal and the rough coat
// at roughness @p rough seen at cosine @p c: a cosine-like lobe that
// returns the 1 - E(c) single scattering loses, times the Fresnel share
// that survives the extra bounces. Sets *e_coat to all the coat reflects
// toward wo (single and multiple) and returns the lobe's luminance
// toward wo, for the lobe choice.
static double init_multiple(RenderBsdf *b, double rough, double c,
                            double *e_coat)
{
    const RenderGgxTable *t = render_ggx_table();
    double x = rough * (RENDER_GGX_N - 1);
    int k = (int)x;
    k = k > RENDER_GGX_N - 2 ? RENDER_GGX_N - 2 : k;
    b->ggx = t;
    b->ggx_row = k;
    b->ggx_t = x - (double)k;
    double e_o = table_lerp(b, t->e, c);
    double f0 = b->coat_f0;
    *e_coat = b->coat * (f0 * e_o + (1.0 - f0) * table_lerp(b, t->e_w, c));
    double avg = t->e_avg[k] + (t->e_avg[k + 1] - t->e_avg[k]) * b->ggx_t;
    // A nearly smooth lobe loses nothing worth a lobe, and 1 - E_avg
    // would divide by almost 0.
    if (!(avg < 1.0 - 1e-6) || !(e_o < 1.0))
        return 0.0;
    // Schlick's Fresnel averages F0 + (1 - F0) / 21 over the hemisphere.
    Vec3 a = b->albedo;
    Vec3 fm = v3(multiple_fresnel(a.x + (1.0 - a.x) / 21.0, avg),
                 multiple_fresnel(a.y + (1.0 - a.y) / 21.0, avg),
                 multiple_fresnel(a.z + (1.0 - a.z) / 21.0, avg));
    double fc = multiple_fresnel(b->coat * (f0 + (1.0 - f0) / 21.0), avg);
    *e_coat += fc * (1.0 - e_o);
    Vec3 f = v3_add(v3_scale(fm, b->metal),
                    v3_scale(v3(1, 1, 1), b->dielectric * fc));
    b->ms_rgb = v3_scale(f, (1.0 - e_o) / (BASE_PI * (1.0 - avg)));
    return lum(f) * (1.0 - e_o);
}

bool render_bsdf_init(RenderBsdf *b, const WorldMaterial *m, Vec3 n, Vec3 wo,
                      bool entering)
{
    b->n = n;
    double sign = n.z >= 0.0 ? 1.0 : -1.0;
    double a = -1.0 / (sign + n.z);
    double bb = n.x * n.y * a;
    b->t = v3(1.0 + sign * n.x * n.x * a, sign * bb, -sign * n.x);
    b->b = v3(bb, sign + n.y * n.y * a, -n.y);
    b->albedo =
        v3((double)m->albedo[0], (double)m->albedo[1], (double)m->albedo[2]);
    double metal = (double)m->metallic, glass = (double)m->transmission;
    metal = metal < 0.0 ? 0.0 : metal > 1.0 ? 1.0 : metal;
    glass = glass < 0.0 ? 0.0 : glass > 1.0 ? 1.0 : glass;
    b->metal = metal;
    b->glass = (1.0 - metal) * glass;
    b->dielectric = (1.0 - metal) * (1.0 - glass);
    double spec = 2.0 * (double)m->specular;
    b->coat = spec < 0.0 ? 0.0 : spec > 1.0 ? 1.0 : spec;
    double sub = (double)m->subsurface;
    b->wrap = sub < 0.0 ? 0.0 : sub > 1.0 ? 1.0 : sub;
    double rough = (double)m->roughness;
    rough = rough < 0.0 ? 0.0 : rough > 1.0 ? 1.0 : rough;
    b->alpha = rough * rough;
    b->smooth = b->alpha < SMOOTH_ALPHA;
    double ior = m->ior > 0.0f ? (double)m->ior : 1.5;
    b->eta = entering ? 1.0 / ior : ior;
    // The coat is a dielectric of the same index: 0.04 at normal incidence
    // for varnish, lacquer or the oil on skin (1.5), 0.02 for water.
    b->coat_f0 = (ior - 1.0) * (ior - 1.0) / ((ior + 1.0) * (ior + 1.0));
    b->tint = b->albedo;
    b->base = 1.0;
    b->ms_rgb = v3(0, 0, 0);
    b->ggx = NULL;
    b->ggx_row = 0;
    b->ggx_t = 0.0;
    b->p_ms = 0.0;
    double l = lum(b->albedo);
    if (metal <= 0.0 && glass <= 0.0 && b->coat <= 0.0 && !(m->sheen > 0.0f)) {
        // Plain diffuse, most of a set: one lobe, nothing to weigh.
        b->sheen_rgb = v3(0, 0, 0);
        b->p_diffuse = 1.0;
        b->p_coat = b->p_metal = b->p_glass = 0.0;
        return l > 0.0;
    }
    // Sheen takes the surface's hue at half strength, as velvet does.
    Vec3 hue = l > 0.0 ? v3_scale(b->albedo, 1.0 / l) : v3(1, 1, 1);
    double sh = (double)m->sheen;
    sh = sh < 0.0 ? 0.0 : sh;
    b->sheen_rgb = v3_scale(v3_lerp(v3(1, 1, 1), hue, 0.5), sh);

    double c = v3_dot(wo, n);
    c = c < 0.0 ? 0.0 : c > 1.0 ? 1.0 : c;
    // What the coat reflects toward wo: a mirror's Fresnel, or the rough
    // lobe's albedo from the table.
    double e_coat =
        b->coat * (b->coat_f0 + (1.0 - b->coat_f0) * schlick_weight(c));
    double e_ms = 0.0;
    if (!b->smooth && (metal > 0.0 || (b->dielectric > 0.0 && b->coat > 0.0)))
        e_ms = init_multiple(b, rough, c, &e_coat);
    // Light the coat does not reflect enters it and reaches the base.
    b->base = 1.0 - e_coat;
    // Lobes are chosen in proportion to what each returns toward wo, so
    // dark lobes cost few samples.
    double e_diff = b->dielectric * b->base * (l + 0.25 * lum(b->sheen_rgb));
    double e_metal = metal * lum(schlick_rgb(b->albedo, c));
    if (metal > 0.0 && e_metal < 0.05 * metal)
        e_metal = 0.05 * metal;
    double e_glass = b->glass;
    double sum = e_diff + b->dielectric * e_coat + e_metal + e_glass + e_ms;
    if (!(sum > 0.0))
        return false;
    b->p_diffuse = e_diff / sum;
    b->p_coat = b->dielectric * e_coat / sum;
    b->p_metal = e_metal / sum;
    b->p_glass = e_glass / sum;
    b->p_ms = e_ms / sum;
    return true;
}

// The diffuse base: Lambert, wrapped toward grazing light for subsurface
// (normalised so it reflects as much as Lambert), plus sheen. Times cos.
static Vec3 diffuse_eval(const RenderBsdf *b, Vec3 o, Vec3 i, double *pdf)
{
    double w = b->wrap;
    double k = (i.z + w) / (BASE_PI * (1.0 + 2.0 * w));
    *pdf = k;
    Vec3 f = v3_scale(b->albedo, k);
    if (b->sheen_rgb.x + b->sheen_rgb.y + b->sheen_rgb.z > 0.0) {
        Vec3 h = v3_norm(v3_add(o, i));
        double sw = schlick_weight(v3_dot(i, h)) * i.z;
        f = v3_add(f, v3_scale(b->sheen_rgb, sw));
    }
    return v3_scale(f, b->dielectric * b->base);
}

// A GGX reflection lobe with Fresnel @p f (already evaluated at the
// half-vector), times cos: F D G2 / (4 cos_o).
static double ggx_reflect_eval(const RenderBsdf *b, Vec3 o, Vec3 i, Vec3 h,
                               double *pdf)
{
    double d = ggx_d(h, b->alpha);
    double lo = ggx_lambda(o, b->alpha), li = ggx_lambda(i, b->alpha);
    *pdf = d / (4.0 * o.z * (1.0 + lo));
    return d / (4.0 * o.z * (1.0 + lo + li));
}

Vec3 render_bsdf_eval(const RenderBsdf *b, Vec3 wo, Vec3 wi, double *pdf)
{
    Vec3 o = to_local(b, wo), i = to_local(b, wi);
    *pdf = 0.0;
    if (o.z <= 0.0 || i.z <= 0.0)
        return v3(0, 0, 0);
    double p;
    Vec3 f = v3(0, 0, 0);
    if (b->p_diffuse > 0.0) {
        f = diffuse_eval(b, o, i, &p);
        *pdf += b->p_diffuse * p;
    }
    if (b->smooth || b->p_coat + b->p_metal <= 0.0)
        return f;
    if (b->p_ms > 0.0) {
        double ei = table_lerp(b, b->ggx->e, i.z);
        f = v3_add(f, v3_scale(b->ms_rgb, (1.0 - ei) * i.z));
        *pdf += b->p_ms * i.z / BASE_PI;
    }
    Vec3 h = v3_norm(v3_add(o, i));
    double g = ggx_reflect_eval(b, o, i, h, &p);
    double oh = v3_dot(o, h);
    if (b->p_coat > 0.0) {
        double fr =
            b->coat * (b->coat_f0 + (1.0 - b->coat_f0) * schlick_weight(oh));
        f = v3_add(f, v3_scale(v3(1, 1, 1), b->dielectric * fr * g));
    }
    if (b->metal > 0.0)
        f = v3_add(f, v3_scale(schlick_rgb(b->albedo, oh), b->metal * g));
    *pdf += (b->p_coat + b->p_metal) * p;
    return f;
}

static bool sample_glass(const RenderBsdf *b, Vec3 o, double u0, double u1,
                         double u2, Vec3 *i, Vec3 *weight)
{
    Vec3 h = b->smooth ? v3(0, 0, 1) : ggx_sample_visible(o, b->alpha, u1, u2);
    double oh = v3_dot(o, h);
    double f = fresnel_dielectric(oh, b->eta);
    double share = b->glass / b->p_glass;
    if (u0 < f) {
        *i = reflect(o, h);
        if (i->z <= 0.0)
            return false;
        *weight = v3(share, share, share);
    } else {
        double sin2_t = b->eta * b->eta * (1.0 - oh * oh);
        double cos_t = sqrt(1.0 - sin2_t);
        *i = v3_sub(v3_scale(h, b->eta * oh - cos_t), v3_scale(o, b->eta));
        if (i->z >= 0.0)
            return false;
        *weight = v3_scale(b->tint, share);
    }
    if (!b->smooth) {
        // VNDF sampling leaves the masking of the way out, G2 / G1(o).
        double lo = ggx_lambda(o, b->alpha);
        Vec3 ia = v3(i->x, i->y, fabs(i->z));
        double li = ggx_lambda(ia, b->alpha);
        *weight = v3_scale(*weight, (1.0 + lo) / (1.0 + lo + li));
    }
    return true;
}

bool render_bsdf_sample(const RenderBsdf *b, Vec3 wo, const double u[3],
                        Vec3 *wi, Vec3 *weight, double *pdf)
{
    Vec3 o = to_local(b, wo);
    if (o.z <= 0.0)
        return false;
    double u0 = u[0];
    Vec3 i;
    if (u0 < b->p_glass) {
        if (!sample_glass(b, o, u0 / b->p_glass, u[1], u[2], &i, weight))
            return false;
        *wi = to_world(b, i);
        *pdf = 0.0;
        return true;
    }
    u0 -= b->p_glass;
    double p_spec = b->p_coat + b->p_metal;
    if (u0 < p_spec) {
        if (b->smooth) {
            // A mirror: the coat and the metal reflect the same direction.
            i = v3(-o.x, -o.y, o.z);
            double fc = b->coat *
                        (b->coat_f0 + (1.0 - b->coat_f0) * schlick_weight(o.z));
            Vec3 f = v3_add(v3_scale(v3(1, 1, 1), b->dielectric * fc),
                            v3_scale(schlick_rgb(b->albedo, o.z), b->metal));
            *weight = v3_scale(f, 1.0 / p_spec);
            *wi = to_world(b, i);
            *pdf = 0.0;
            return true;
        }
        Vec3 h = ggx_sample_visible(o, b->alpha, u[1], u[2]);
        i = reflect(o, h);
    } else {
        // The diffuse lobe's mix of cosine and uniform hemisphere draws is
        // exactly proportional to the wrapped cosine; the multiple-
        // scattering lobe, past the diffuse share, draws the cosine.
        double w = b->wrap;
        double u1 = u[1];
        double z;
        if (u0 - p_spec < b->p_diffuse * (2.0 * w / (1.0 + 2.0 * w)))
            z = u1;
        else
            z = sqrt(1.0 - u1);
        double r = sqrt(1.0 - z * z < 0.0 ? 0.0 : 1.0 - z * z);
        double sp, cp;
        base_sincos_turns(u[2], &sp, &cp);
        i = v3(r * cp, r * sp, z);
        if (b->p_diffuse >= 1.0 && b->coat <= 0.0 &&
            b->sheen_rgb.x + b->sheen_rgb.y + b->sheen_rgb.z <= 0.0) {
            // A lone diffuse lobe is sampled exactly: the weight is the
            // albedo, with no evaluation needed.
            if (i.z <= 0.0)
                return false;
            *wi = to_world(b, i);
            *pdf = (i.z + w) / (BASE_PI * (1.0 + 2.0 * w));
            *weight = v3_scale(b->albedo, b->dielectric);
            return true;
        }
    }
    if (i.z <= 0.0)
        return false;
    *wi = to_world(b, i);
    Vec3 f = render_bsdf_eval(b, wo, *wi, pdf);
    if (!(*pdf > 0.0))
        return false;
    *weight = v3_scale(f, 1.0 / *pdf);
    return true;
}
