/* grade/tone.c: the per-pixel colour science of the grade: white balance,
 * metering, and the filmic, ACES and AgX tone curves from scene-linear
 * light to display-linear BT.709, then the sRGB encoding. */
#include <string.h>

#include "../light/light.h"
#include "grade_internal.h"

// A rational filmic curve: a gentle toe for rich blacks, a near-linear
// middle and a long shoulder. Normalised by its limit at infinity, so it
// never clips: a highlight 16 stops over grey is still below 1.0.
static double filmic_raw(double x)
{
    const double a = 0.22, b = 0.30, c = 0.10, d = 0.20, e = 0.01, f = 0.30;
    return ((x * (a * x + c * b) + d * e) / (x * (a * x + b) + d * f)) - e / f;
}

double grade_filmic(double x)
{
    if (!(x > 0.0))
        return 0.0;
    // The curve is tuned in a space where 1.0 is about two stops over
    // middle grey; the factor maps our scene units onto it.
    const double limit = 1.0 - 0.01 / 0.30;
    double y = filmic_raw(x * 2.0) / limit;
    return y < 0.0 ? 0.0 : (y > 1.0 ? 1.0 : y);
}

// Our own fit, solved exactly through four anchors read off the ACES
// 1.0 sRGB output transform's behaviour: 0.01 -> 0.0025 (the toe), 0.18
// -> 0.10 (ACES sits mid grey a stop lower than a plain gamma), 1.0 ->
// 0.56 and 16 -> 0.98. The form x(x+b)/(x(cx+d)+e) is monotonic for x>=0.
double grade_aces_curve(double x)
{
    if (!(x > 0.0))
        return 0.0;
    double y = x * (x + 0.0667718293) /
               (x * (0.9847807229 * x + 0.6193738719) + 0.3007951003);
    return y > 1.0 ? 1.0 : y;
}

// AgX-style: a logistic in log2 exposure, i.e. r/(1+r) with r a power of
// x. The slope 0.85 spreads about 16 stops over the output; 0.18 lands on
// 0.46 display-encoded, and the shoulder only approaches 1.
#define AGX_SLOPE      0.85
#define AGX_GREY_RATIO (0.46 / 0.54)

// The AgX curve with its power from @p slope, or pow() when NULL.
static double agx_curve(const GradePow *slope, double x)
{
    if (!(x > 0.0))
        return 0.0;
    double s = slope ? grade_pow(slope, x / 0.18) : pow(x / 0.18, AGX_SLOPE);
    double r = AGX_GREY_RATIO * s;
    return r / (1.0 + r);
}

double grade_agx_curve(double x)
{
    return agx_curve(NULL, x);
}

void grade_pow_init(GradePow *t, double p)
{
    t->p = p;
    for (int i = 0; i <= GRADE_POW_SIZE; i++)
        t->mant[i] = pow(0.5 + 0.5 * i / GRADE_POW_SIZE, p);
    for (int e = GRADE_POW_MIN_EXP; e <= GRADE_POW_MAX_EXP; e++)
        t->octave[e - GRADE_POW_MIN_EXP] = pow(2.0, e * p);
}

// Linear Rec.709 (D65) to ACES AP1 (D60) and back, with the Bradford
// adaptation between the whites; derived from the primaries' chromaticities.
static const double rec709_to_ap1[3][3] = {
    { 0.6130974024, 0.3395231462, 0.0473794514 },
    { 0.0701937225, 0.9163538791, 0.0134523985 },
    { 0.0206155929, 0.1095697729, 0.8698146342 },
};
static const double ap1_to_rec709[3][3] = {
    { 1.7050509927, -0.6217921207, -0.0832588720 },
    { -0.1302564175, 1.1408047366, -0.0105483191 },
    { -0.0240033568, -0.1289689761, 1.1529723329 },
};
static const double ap1_luma[3] = { 0.2722287168, 0.6740817658, 0.0536895174 };

// AgX pulls each primary 10-14% toward the achromatic axis before the
// per-channel curve, so bright saturated colours desaturate toward white
// instead of skewing hue; the outset restores most of the saturation.
static const double agx_inset[3][3] = {
    { 0.9189189189, 0.0337837838, 0.0472972973 },
    { 0.0454545455, 0.9090909091, 0.0454545455 },
    { 0.0472972973, 0.0337837838, 0.9189189189 },
};
static const double agx_outset[3][3] = {
    { 1.0711248302, -0.0298901099, -0.0412347203 },
    { -0.0398901099, 1.0797802198, -0.0398901099 },
    { -0.0412347203, -0.0298901099, 1.0711248302 },
};

// Matrices are passed flat (row-major) so const tables and local
// matrices mix without ISO C's array-qualifier trouble.
static void mat_apply(const double *m, const double in[3], double out[3])
{
    double v[3] = { in[0], in[1], in[2] };
    for (int i = 0; i < 3; i++)
        out[i] = m[3 * i] * v[0] + m[3 * i + 1] * v[1] + m[3 * i + 2] * v[2];
}

// The RRT's global desaturation (in AP1, around AP1 luminance), which
// keeps saturated colours from clipping one channel early.
static void ap1_saturate(double v[3], double s)
{
    double y = ap1_luma[0] * v[0] + ap1_luma[1] * v[1] + ap1_luma[2] * v[2];
    for (int c = 0; c < 3; c++)
        v[c] = y + (v[c] - y) * s;
}

void grade_tone_tables_init(GradeToneTables *t, GradeTonemap tm)
{
    if (tm == GRADE_TONEMAP_AGX) {
        grade_pow_init(&t->agx_slope, AGX_SLOPE);
        grade_pow_init(&t->agx_gamma, 2.2);
    }
}

// The tone curves, with the powers from @p t, or pow() when NULL.
static void tonemap(GradeTonemap tm, const GradeToneTables *t,
                    const double in[3], double out[3])
{
    double v[3];
    switch (tm) {
    case GRADE_TONEMAP_ACES:
        mat_apply(&rec709_to_ap1[0][0], in, v);
        ap1_saturate(v, 0.96);
        for (int c = 0; c < 3; c++)
            v[c] = grade_aces_curve(v[c]);
        ap1_saturate(v, 0.93);
        mat_apply(&ap1_to_rec709[0][0], v, out);
        break;
    case GRADE_TONEMAP_AGX:
        mat_apply(&agx_inset[0][0], in, v);
        for (int c = 0; c < 3; c++)
            v[c] = t ? grade_pow(&t->agx_gamma, agx_curve(&t->agx_slope, v[c]))
                     : pow(agx_curve(NULL, v[c]), 2.2);
        mat_apply(&agx_outset[0][0], v, out);
        break;
    case GRADE_TONEMAP_FILMIC:
    default:
        for (int c = 0; c < 3; c++)
            out[c] = grade_filmic(in[c]);
        break;
    }
    for (int c = 0; c < 3; c++)
        out[c] = base_clamp(out[c], 0.0, 1.0);
}

void grade_tonemap_rgb(GradeTonemap tm, const double in[3], double out[3])
{
    tonemap(tm, NULL, in, out);
}

void grade_tonemap_rgb_tables(GradeTonemap tm, const GradeToneTables *t,
                              const double in[3], double out[3])
{
    tonemap(tm, t, in, out);
}

static const double rec709_to_xyz[3][3] = {
    { 0.4123907993, 0.3575843394, 0.1804807884 },
    { 0.2126390059, 0.7151686788, 0.0721923154 },
    { 0.0193308187, 0.1191947798, 0.9505321522 },
};
static const double xyz_to_rec709[3][3] = {
    { 3.2409699419, -1.5373831776, -0.4986107603 },
    { -0.9692436363, 1.8759675015, 0.0415550574 },
    { 0.0556300797, -0.2039769589, 1.0569715142 },
};
static const double bradford[3][3] = {
    { 0.8951, 0.2664, -0.1614 },
    { -0.7502, 1.7135, 0.0367 },
    { 0.0389, -0.0685, 1.0296 },
};
static const double bradford_inv[3][3] = {
    { 0.9869929055, -0.1470542564, 0.1599626517 },
    { 0.4323052697, 0.5183602715, 0.0492912282 },
    { -0.0085286646, 0.0400428217, 0.9684866958 },
};

static void mat_mul(const double *a, const double *b, double *out)
{
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            out[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] +
                             a[3 * i + 2] * b[6 + j];
}

void grade_white_balance_matrix(double kelvin, double m[3][3])
{
    memset(m, 0, sizeof(double[3][3]));
    for (int i = 0; i < 3; i++)
        m[i][i] = 1.0;
    if (!(kelvin > 0.0))
        return;
    // Von Kries in Bradford's cone space: scale each cone response so the
    // black body's white lands on D65, which is RGB (1, 1, 1).
    float bb[3];
    light_blackbody_rgb(kelvin, bb);
    double src_rgb[3] = { (double)bb[0], (double)bb[1], (double)bb[2] };
    double white[3] = { 1.0, 1.0, 1.0 }, xyz[3], src_lms[3], dst_lms[3];
    mat_apply(&rec709_to_xyz[0][0], src_rgb, xyz);
    mat_apply(&bradford[0][0], xyz, src_lms);
    mat_apply(&rec709_to_xyz[0][0], white, xyz);
    mat_apply(&bradford[0][0], xyz, dst_lms);
    double d[3][3] = { { 0 } };
    for (int i = 0; i < 3; i++)
        d[i][i] = src_lms[i] > 1e-9 ? dst_lms[i] / src_lms[i] : 1.0;
    double t0[3][3], t1[3][3], t2[3][3];
    mat_mul(&bradford[0][0], &rec709_to_xyz[0][0], &t0[0][0]);
    mat_mul(&d[0][0], &t0[0][0], &t1[0][0]);
    mat_mul(&bradford_inv[0][0], &t1[0][0], &t2[0][0]);
    mat_mul(&xyz_to_rec709[0][0], &t2[0][0], &t1[0][0]);
    // Keep luminance: white balance changes colour, not exposure.
    double y_src =
        0.2126 * src_rgb[0] + 0.7152 * src_rgb[1] + 0.0722 * src_rgb[2];
    double out_rgb[3];
    mat_apply(&t1[0][0], src_rgb, out_rgb);
    double y_out =
        0.2126 * out_rgb[0] + 0.7152 * out_rgb[1] + 0.0722 * out_rgb[2];
    double k = y_out > 1e-9 ? y_src / y_out : 1.0;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            m[i][j] = t1[i][j] * k;
}

double grade_meter_ev(const Frame *frame, GradeMeter meter)
{
    if (meter == GRADE_METER_OFF)
        return 0.0;
    int w = frame->width, h = frame->height;
    double cx = (w - 1) * 0.5, cy = (h - 1) * 0.5;
    // Centre weighting: a Gaussian whose sigma is a quarter of the
    // frame's diagonal, as a camera's centre-weighted meter favours the
    // middle without ignoring the edges.
    double sig2 = 0.0625 * ((double)w * w + (double)h * h) * 0.25;
    double sum = 0.0, wsum = 0.0;
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            const float *p =
                &frame->rgb[((size_t)y * (size_t)w + (size_t)x) * 3];
            double lum = 0.2126 * (double)p[0] + 0.7152 * (double)p[1] +
                         0.0722 * (double)p[2];
            double wt = 1.0;
            if (meter == GRADE_METER_CENTER) {
                double dx = x - cx, dy = y - cy;
                wt = exp(-(dx * dx + dy * dy) / (2.0 * sig2));
            }
            // The floor keeps black pixels (sky holes, letterbox) from
            // dragging the log average to minus infinity.
            sum += wt * log(lum > 1e-4 ? lum : 1e-4);
            wsum += wt;
        }
    }
    if (!(wsum > 0.0))
        return 0.0;
    double avg = exp(sum / wsum);
    if (avg <= 1.0001e-4)
        return 0.0;
    return log2(0.18 / avg);
}

uint8_t grade_encode_srgb8(double x)
{
    x = base_clamp(x, 0.0, 1.0);
    double v = x <= 0.0031308 ? 12.92 * x : 1.055 * pow(x, 1.0 / 2.4) - 0.055;
    return (uint8_t)(v * 255.0 + 0.5);
}

void grade_albedo(const Frame *frame, uint8_t *rgb8)
{
    size_t n = (size_t)frame->width * (size_t)frame->height * 3;
    for (size_t i = 0; i < n; i++)
        rgb8[i] = grade_encode_srgb8((double)frame->albedo[i]);
}
