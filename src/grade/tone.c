/* grade/tone.c: exposure and a filmic tone curve from scene-linear light
 * to display-referred BT.709/sRGB code values. */
#include <string.h>

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

// Applies the look to one display-linear pixel in place.
static void apply_look(const GradeLook *l, double rgb[3], double vig)
{
    double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    for (int c = 0; c < 3; c++) {
        double v = l->monochrome ? y : y + (rgb[c] - y) * (1.0 + l->saturation);
        // Contrast pivots on display middle grey so exposure holds.
        if (v > 0.0)
            v = 0.18 * pow(v / 0.18, 1.0 + l->contrast);
        v *= 1.0 + (double)l->gain[c];
        // Split toning: the tints fade in toward the shadows and the
        // highlights.
        double sh = 1.0 - base_clamp(y / 0.3, 0.0, 1.0);
        double hi = base_clamp((y - 0.4) / 0.6, 0.0, 1.0);
        v += (double)l->shadow_tint[c] * sh + (double)l->highlight_tint[c] * hi;
        v = l->lift + v * (1.0 - l->lift);
        rgb[c] = v * vig;
    }
}

void grade_frame(const Frame *frame, const GradeSettings *settings,
                 uint8_t *rgb8)
{
    const GradeLook *l = &settings->look;
    uint8_t lut[LUT_SIZE + 1];
    for (int i = 0; i <= LUT_SIZE; i++)
        lut[i] = grade_encode_srgb8((double)i / LUT_SIZE);
    double gain = pow(2.0, settings->exposure_ev + l->exposure_ev);
    static const GradeLook zero;
    bool neutral = memcmp(l, &zero, sizeof zero) == 0;
    int w = frame->width, h = frame->height;
    double cx = (w - 1) * 0.5, cy = (h - 1) * 0.5;
    double inv_r2 = 1.0 / (cx * cx + cy * cy + 1e-9);
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            size_t i = ((size_t)y * (size_t)w + (size_t)x) * 3;
            double rgb[3];
            for (int c = 0; c < 3; c++)
                rgb[c] = grade_filmic((double)frame->rgb[i + (size_t)c] * gain);
            if (!neutral) {
                double dx = x - cx, dy = y - cy;
                double r2 = (dx * dx + dy * dy) * inv_r2;
                apply_look(l, rgb, 1.0 - l->vignette * r2 * r2);
            }
            for (int c = 0; c < 3; c++) {
                double v = base_clamp(rgb[c], 0.0, 1.0);
                rgb8[i + (size_t)c] = lut[(int)(v * LUT_SIZE + 0.5)];
            }
        }
    }
}

void grade_albedo(const Frame *frame, uint8_t *rgb8)
{
    size_t n = (size_t)frame->width * (size_t)frame->height * 3;
    for (size_t i = 0; i < n; i++)
        rgb8[i] = grade_encode_srgb8((double)frame->albedo[i]);
}
