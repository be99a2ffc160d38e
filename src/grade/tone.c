/* grade/tone.c: exposure and a filmic tone curve from scene-linear light
 * to display-referred BT.709/sRGB code values. */
#include "grade.h"

// A rational filmic curve: a gentle toe for rich blacks, a near-linear
// middle and a long shoulder, normalised so that scene value WHITE maps to
// display 1.0. Chosen so 18% grey lands near display 0.18-0.2, as on film.
#define FILMIC_WHITE 11.0

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
    double y = filmic_raw(x * 2.0) / filmic_raw(FILMIC_WHITE);
    return y < 0.0 ? 0.0 : (y > 1.0 ? 1.0 : y);
}

uint8_t grade_encode_srgb8(double x)
{
    x = base_clamp(x, 0.0, 1.0);
    double v = x <= 0.0031308 ? 12.92 * x : 1.055 * pow(x, 1.0 / 2.4) - 0.055;
    return (uint8_t)(v * 255.0 + 0.5);
}

// 4096 entries over display-linear [0, 1] are finer than 8-bit output
// needs, and turn two pow() calls per channel into one lookup.
enum {
    LUT_SIZE = 4096
};

void grade_frame(const Frame *frame, const GradeSettings *settings,
                 uint8_t *rgb8)
{
    uint8_t lut[LUT_SIZE + 1];
    for (int i = 0; i <= LUT_SIZE; i++)
        lut[i] = grade_encode_srgb8((double)i / LUT_SIZE);
    double gain = pow(2.0, settings->exposure_ev);
    size_t n = (size_t)frame->width * (size_t)frame->height * 3;
    for (size_t i = 0; i < n; i++) {
        double y = grade_filmic((double)frame->rgb[i] * gain);
        rgb8[i] = lut[(int)(y * LUT_SIZE + 0.5)];
    }
}

void grade_albedo(const Frame *frame, uint8_t *rgb8)
{
    size_t n = (size_t)frame->width * (size_t)frame->height * 3;
    for (size_t i = 0; i < n; i++)
        rgb8[i] = grade_encode_srgb8((double)frame->albedo[i]);
}
