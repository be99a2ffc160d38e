/* grade: the seventh stage. Turns a linear HDR Frame into display-referred
 * 8-bit BT.709/sRGB pixels: exposure, then a filmic tone curve. */
#ifndef AU_GRADE_H
#define AU_GRADE_H

#include "../base/base.h"
#include "../render/render.h"

/** A look: the colour grade of a [[look: ...]] note, applied after the
 * tone curve. All zero is the neutral look: no change. */
typedef struct GradeLook {
    double exposure_ev;   /**< added to the shot's exposure */
    double saturation;    /**< added to 1: -1 black and white, 0.4 vivid */
    double contrast;      /**< added to 1, around display middle grey */
    double lift;          /**< raises the blacks, 0..0.2 */
    float gain[3];        /**< added to 1 per channel (white balance, tint) */
    float shadow_tint[3]; /**< added to the shadows (split toning) */
    float highlight_tint[3]; /**< added to the highlights */
    bool monochrome;         /**< black and white, then tinted by gain */
    double vignette;         /**< darkening at the corners, 0..1 */
} GradeLook;

typedef struct GradeSettings {
    double exposure_ev; /**< scene-linear gain is 2^exposure_ev */
    GradeLook look;
} GradeSettings;

/** Fills @p out with the look named @p name (a canonical name such as
 * "noir", "teal and orange", "day for night"); NULL or an unknown name is
 * the neutral look. Returns whether the name was known. */
bool grade_look_named(const char *name, GradeLook *out);

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
