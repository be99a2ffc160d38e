/* grade: the seventh stage. Turns a linear HDR Frame into display-referred
 * 8-bit BT.709/sRGB pixels: exposure, white balance, lens effects, a tone
 * curve, the look, a 3D LUT, grain; then framing for the delivery aspect. */
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

/** The tone curve from scene-linear to display-linear light. */
typedef enum GradeTonemap {
    GRADE_TONEMAP_FILMIC, /**< per channel rational curve; the default */
    GRADE_TONEMAP_ACES,   /**< a fitted RRT+ODT curve in ACES AP1 */
    GRADE_TONEMAP_AGX     /**< inset, log2 sigmoid, outset */
} GradeTonemap;

/** How exposure is set before the tone curve. */
typedef enum GradeMeter {
    GRADE_METER_OFF,     /**< exposure_ev only (the light rig's exposure) */
    GRADE_METER_AVERAGE, /**< average log luminance of the frame to 0.18 */
    GRADE_METER_CENTER   /**< the same, weighted to the frame's centre */
} GradeMeter;

/** A 3D colour lookup table from a .cube file: size^3 RGB entries, red
 * index fastest, over the input domain [domain_min, domain_max]. */
typedef struct GradeLut {
    const AuAllocator *alloc;
    int size;
    float domain_min[3];
    float domain_max[3];
    float *rgb; /**< 3 * size^3 floats */
} GradeLut;

typedef struct GradeSettings {
    double exposure_ev; /**< scene-linear gain is 2^exposure_ev */
    GradeLook look;
    GradeMeter meter;       /**< metering replaces exposure_ev when on */
    double offset_ev;       /**< added after metering too (user's EV) */
    double white_balance_k; /**< the scene white in kelvin (adapted to D65);
                                 0 = daylight, no adaptation */
    GradeTonemap tonemap;   /**< 0 = filmic */
    const GradeLut *lut;    /**< borrowed; applied to the sRGB-encoded
                                 values after the look; NULL = none */
    double grain;           /**< film grain strength, 0..1 */
    double bloom;           /**< wide glow of the whole image, 0..1 */
    double halation;        /**< red-orange glow round highlights, 0..1 */
    double aberration;      /**< radial chromatic aberration, 0..1 */
    uint64_t seed;          /**< grain pattern: seed, shot and frame */
    uint64_t shot;
    uint64_t frame;
} GradeSettings;

/** Fills @p s with the defaults: all zero, i.e. exposure 0, filmic, no
 * metering, daylight white balance, no LUT and no effects. */
void grade_settings_default(GradeSettings *s);

/** Fills @p out with the look named @p name (a canonical name such as
 * "noir", "teal and orange", "day for night"); NULL or an unknown name is
 * the neutral look. Returns whether the name was known. */
bool grade_look_named(const char *name, GradeLook *out);

/** Filmic tone curve: maps scene-linear @p x >= 0 to display-linear
 * [0, 1), with a toe, a straight middle and a shoulder that approaches 1
 * without reaching it. Monotonic; 0 maps to 0; 0.18 maps to 0.183. */
double grade_filmic(double x);

/** The ACES-style curve on one AP1 channel: 0.18 maps to 0.10 and white
 * (1.0) is reached about 7.7 stops above middle grey. */
double grade_aces_curve(double x);

/** The AgX-style sigmoid on one channel: scene-linear to display-encoded
 * (gamma 2.2) [0, 1); 0.18 maps to 0.46 encoded. Never reaches 1. */
double grade_agx_curve(double x);

/** Tone maps one scene-linear Rec.709 pixel to display-linear Rec.709
 * [0, 1] with @p tm. */
void grade_tonemap_rgb(GradeTonemap tm, const double in[3], double out[3]);

/** The 3x3 Rec.709 matrix that adapts the white of a black body at
 * @p kelvin to D65 (Bradford, in LMS); identity for kelvin <= 0. */
void grade_white_balance_matrix(double kelvin, double m[3][3]);

/** The sRGB / BT.709 encoding of display-linear @p x in [0, 1], to 8 bits
 * with rounding. */
uint8_t grade_encode_srgb8(double x);

/** Grades @p frame's beauty into @p rgb8 (3 bytes per pixel, row-major,
 * width * height * 3 bytes). Bloom, halation and aberration take scratch
 * memory from the frame's allocator: AU_ENOMEM if it fails, else AU_OK. */
AuStatus grade_frame(const Frame *frame, const GradeSettings *settings,
                     uint8_t *rgb8);

/** The exposure in EV that metering @p meter would add to @p frame so its
 * (weighted) average log luminance lands on 0.18; 0 for GRADE_METER_OFF or
 * a black frame. */
double grade_meter_ev(const Frame *frame, GradeMeter meter);

/** Encodes @p frame's albedo pass (no tone curve) into @p rgb8. */
void grade_albedo(const Frame *frame, uint8_t *rgb8);

/** Parses the .cube text @p text (@p size bytes) named @p file (for
 * messages) into @p out. Malformed text is AU_ESYNTAX with a file:line:col
 * diagnostic; AU_ENOMEM. Sizes 2 to 65. */
AuStatus grade_lut_parse(const AuAllocator *a, BaseDiag *diag, const char *file,
                         const char *text, size_t size, GradeLut *out);

/** Reads and parses the .cube file at @p path: AU_EIO, or as
 * grade_lut_parse. */
AuStatus grade_lut_load(const AuAllocator *a, BaseDiag *diag, const char *path,
                        GradeLut *out);

/** Releases the table; safe on a zeroed or freed one. */
void grade_lut_free(GradeLut *lut);

/** Looks @p in up in @p lut with tetrahedral interpolation; inputs outside
 * the domain are clamped to it. */
void grade_lut_apply(const GradeLut *lut, const double in[3], double out[3]);

/** How grade_reframe fits a picture into another aspect. */
typedef enum GradeFit {
    GRADE_FIT_LETTERBOX, /**< whole picture, black bars top/bottom or sides */
    GRADE_FIT_CROP       /**< fill the output, cropping round the subject */
} GradeFit;

/** Parses an aspect ratio written "2.39:1", "1.85", "16:9", "9:16" or
 * "1:1" into width / height. Returns false for anything else. */
bool grade_aspect_parse(const char *text, double *aspect);

/** Resamples the packed 8-bit RGB picture @p src (@p sw x @p sh) into
 * @p dst (@p dw x @p dh) with @p fit. For GRADE_FIT_CROP the crop is
 * centred on @p subject_x (0 = left edge, 1 = right edge of @p src) and
 * kept inside the picture. */
void grade_reframe(const uint8_t *src, int sw, int sh, uint8_t *dst, int dw,
                   int dh, GradeFit fit, double subject_x);

/** Scales the packed 8-bit RGB picture @p src (@p sw x @p sh) to @p dst
 * (@p dw x @p dh) bilinearly, pixel centres aligned and edges clamped:
 * how a preview traced at half size is shown at the film's size. */
void grade_upscale(const uint8_t *src, int sw, int sh, uint8_t *dst, int dw,
                   int dh);

#endif
