/* grade: the seventh stage. Turns a linear HDR Frame into display-referred
 * 8-bit BT.709/sRGB pixels: exposure, then a filmic tone curve. */
#ifndef AU_GRADE_H
#define AU_GRADE_H

#include "../base/base.h"
#include "../render/render.h"

typedef struct GradeSettings {
    double exposure_ev; /**< scene-linear gain is 2^exposure_ev */
} GradeSettings;

/** Filmic tone curve: maps scene-linear @p x >= 0 to display-linear
 * [0, 1), with a toe, a straight middle and a shoulder that rolls highlights
 * off instead of clipping. Monotonic; 0 maps to 0. */
double grade_filmic(double x);

/** The sRGB / BT.709 encoding of display-linear @p x in [0, 1], to 8 bits
 * with rounding. */
uint8_t grade_encode_srgb8(double x);

/** Grades @p frame's beauty into @p rgb8 (3 bytes per pixel, row-major,
 * width * height * 3 bytes). */
void grade_frame(const Frame *frame, const GradeSettings *settings,
                 uint8_t *rgb8);

/** Encodes @p frame's albedo pass (no tone curve) into @p rgb8. */
void grade_albedo(const Frame *frame, uint8_t *rgb8);

#endif
