/* grade/frame.c: grades a whole rendered Frame: metering and white
 * balance, the lens effects that spread light (bloom, halation, chromatic
 * aberration), the tone curve, the look, a 3D LUT and film grain. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <string.h>

#include "grade_internal.h"

void grade_settings_default(GradeSettings *s)
{
    memset(s, 0, sizeof *s);
}

// The sRGB encoding from a table of ENCODE_SIZE + 1 samples with linear
// interpolation: within 2e-5 of the exact curve (a twentieth of a code),
// and one pow() per table entry instead of three per pixel. Every path
// encodes through it, so an identity LUT changes no byte.
enum {
    ENCODE_SIZE = 4096
};

static double srgb_encode(const double *table, double x)
{
    double t = base_clamp(x, 0.0, 1.0) * ENCODE_SIZE;
    int i = (int)t;
    if (i >= ENCODE_SIZE)
        return table[ENCODE_SIZE];
    return table[i] + (table[i + 1] - table[i]) * (t - i);
}

static uint8_t quantise(double e)
{
    return (uint8_t)(base_clamp(e, 0.0, 1.0) * 255.0 + 0.5);
}

// The default grade (filmic curve, neutral look, no LUT, no grain) maps
// each channel on its own, by a rising step function of the exposed
// scene-linear value, to its byte. The steps are found once by bisection
// of that very function, so the fast path below gives its bytes without
// evaluating the curve: a table of the byte at the start of each of
// FAST_BUCKETS ranges of the value's bits (256 per octave), then a step
// or two up the thresholds. Values from FAST_MAX_EXP octaves up are left
// to the curve itself.
enum {
    FAST_MIN_EXP = -30,
    FAST_MAX_EXP = 40,
    FAST_SUB_BITS = 8,
    FAST_BUCKETS = (FAST_MAX_EXP - FAST_MIN_EXP) << FAST_SUB_BITS
};

typedef struct GradeTables {
    double enc[ENCODE_SIZE + 1];
    double step[257]; // least value of each byte; step[256] = infinity
    uint8_t bucket_byte[FAST_BUCKETS];
} GradeTables;

static GradeTables tables;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static uint64_t double_bits(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static double bits_double(uint64_t u)
{
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

// The default grade of one exposed, non-negative channel value, exactly
// as the per-pixel path computes it.
static uint8_t filmic_byte(const double *enc, double v)
{
    return quantise(srgb_encode(enc, base_clamp(grade_filmic(v), 0.0, 1.0)));
}

static void tables_build(void)
{
    GradeTables *t = &tables;
    for (int i = 0; i <= ENCODE_SIZE; i++) {
        double x = (double)i / ENCODE_SIZE;
        t->enc[i] =
            x <= 0.0031308 ? 12.92 * x : 1.055 * pow(x, 1.0 / 2.4) - 0.055;
    }
    // Non-negative doubles order as their bit patterns, so bisecting the
    // bits finds the least double of each byte.
    uint64_t top = double_bits(ldexp(1.0, FAST_MAX_EXP));
    t->step[0] = 0.0;
    for (int k = 1; k <= 256; k++) {
        if (k == 256 || filmic_byte(t->enc, bits_double(top)) < k) {
            t->step[k] = INFINITY;
            continue;
        }
        uint64_t lo = 0, hi = top; // byte(lo) < k <= byte(hi)
        while (hi - lo > 1) {
            uint64_t mid = lo + (hi - lo) / 2;
            if (filmic_byte(t->enc, bits_double(mid)) >= k)
                hi = mid;
            else
                lo = mid;
        }
        t->step[k] = bits_double(hi);
    }
    for (int b = 0; b < FAST_BUCKETS; b++) {
        double start = ldexp(1.0 + (b & ((1 << FAST_SUB_BITS) - 1)) /
                                       (double)(1 << FAST_SUB_BITS),
                             FAST_MIN_EXP + (b >> FAST_SUB_BITS));
        t->bucket_byte[b] = filmic_byte(t->enc, b == 0 ? 0.0 : start);
    }
}

static const GradeTables *tables_get(void)
{
    pthread_once(&tables_once, tables_build);
    return &tables;
}

// filmic_byte(v) for a non-negative @p v from the tables.
static uint8_t fast_byte(const GradeTables *t, double v)
{
    static const uint64_t min_bits = (uint64_t)(1023 + FAST_MIN_EXP) << 52;
    uint64_t u = double_bits(v);
    if (u >= (uint64_t)(1023 + FAST_MAX_EXP) << 52)
        return filmic_byte(t->enc, v);
    size_t b =
        u < min_bits ? 0 : (size_t)((u - min_bits) >> (52 - FAST_SUB_BITS));
    // One step without a branch covers almost every bucket; the loop
    // finishes the rest.
    int code = t->bucket_byte[b];
    code += v >= t->step[code + 1];
    while (v >= t->step[code + 1])
        code++;
    return (uint8_t)code;
}

// Applies the look to one display-linear pixel in place; @p contrast is
// the look's contrast exponent.
static void apply_look(const GradeLook *l, const GradePow *contrast,
                       double rgb[3], double vig)
{
    double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    for (int c = 0; c < 3; c++) {
        double v = l->monochrome ? y : y + (rgb[c] - y) * (1.0 + l->saturation);
        // Contrast pivots on display middle grey so exposure holds.
        if (v > 0.0)
            v = 0.18 * grade_pow(contrast, v / 0.18);
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

// One pass of a box blur of radius @p r along rows (@p step 3, @p stride
// 3 * w) or columns (@p step 3 * w, @p stride 3), edges clamped. A running
// sum makes it cost the same for any radius.
static void box_pass(const float *src, float *dst, int len, int lines,
                     size_t step, size_t stride, int r)
{
    double inv = 1.0 / (2 * r + 1);
    for (int l = 0; l < lines; l++) {
        const float *s = src + (size_t)l * stride;
        float *d = dst + (size_t)l * stride;
        for (int c = 0; c < 3; c++) {
            double sum = 0.0;
            for (int k = -r; k <= r; k++) {
                int i = k < 0 ? 0 : (k >= len ? len - 1 : k);
                sum += (double)s[(size_t)i * step + (size_t)c];
            }
            for (int i = 0; i < len; i++) {
                d[(size_t)i * step + (size_t)c] = (float)(sum * inv);
                int out_i = i - r < 0 ? 0 : i - r;
                int in_i = i + r + 1 >= len ? len - 1 : i + r + 1;
                sum += (double)s[(size_t)in_i * step + (size_t)c] -
                       (double)s[(size_t)out_i * step + (size_t)c];
            }
        }
    }
}

// Three box passes each way approximate a Gaussian of sigma ~ r.
static void blur(float *img, float *tmp, int w, int h, int r)
{
    for (int k = 0; k < 3; k++) {
        box_pass(img, tmp, w, h, 3, (size_t)w * 3, r);
        box_pass(tmp, img, h, w, (size_t)w * 3, 3, r);
    }
}

static void sample_bilinear(const float *img, int w, int h, double x, double y,
                            int c, float *out)
{
    x = base_clamp(x, 0.0, w - 1.0);
    y = base_clamp(y, 0.0, h - 1.0);
    int x0 = (int)x, y0 = (int)y;
    int x1 = x0 + 1 < w ? x0 + 1 : x0, y1 = y0 + 1 < h ? y0 + 1 : y0;
    double fx = x - x0, fy = y - y0;
#define P(xx, yy) \
    (double)img[((size_t)(yy) * (size_t)w + (size_t)(xx)) * 3 + (size_t)c]
    double v = (P(x0, y0) * (1 - fx) + P(x1, y0) * fx) * (1 - fy) +
               (P(x0, y1) * (1 - fx) + P(x1, y1) * fx) * fy;
#undef P
    *out = (float)v;
}

// Spreads light the way a lens and film do, on the exposed scene-linear
// image @p lin (in place), using @p a, @p b and @p t as scratch.
static void lens_effects(const GradeSettings *s, float *lin, float *a, float *b,
                         float *t, int w, int h)
{
    size_t n = (size_t)w * (size_t)h * 3;
    if (s->aberration > 0.0) {
        // Lateral aberration grows with the distance from the centre: red
        // is imaged slightly larger than green, blue slightly smaller.
        // Full strength is 0.3% of the radius, about 2 px at a 1280-wide
        // frame's corner.
        memcpy(a, lin, n * sizeof(float));
        double k = 0.003 * base_clamp(s->aberration, 0.0, 1.0);
        double cx = (w - 1) * 0.5, cy = (h - 1) * 0.5;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) {
                float *p = &lin[((size_t)y * (size_t)w + (size_t)x) * 3];
                double dx = x - cx, dy = y - cy;
                sample_bilinear(a, w, h, cx + dx / (1.0 + k),
                                cy + dy / (1.0 + k), 0, &p[0]);
                sample_bilinear(a, w, h, cx + dx / (1.0 - k),
                                cy + dy / (1.0 - k), 2, &p[2]);
            }
    }
    double bloom = base_clamp(s->bloom, 0.0, 1.0);
    double hal = base_clamp(s->halation, 0.0, 1.0);
    // Halation: light that passes the emulsion, reflects off the film
    // base and comes back red-orange; only what is brighter than diffuse
    // white does it visibly. Both glows are taken from the image before
    // either is added.
    if (hal > 0.0) {
        for (size_t i = 0; i < n; i += 3) {
            double y = 0.2126 * (double)lin[i] + 0.7152 * (double)lin[i + 1] +
                       0.0722 * (double)lin[i + 2];
            double over = y > 1.0 ? y - 1.0 : 0.0;
            a[i] = (float)over;
            a[i + 1] = (float)(over * 0.35);
            a[i + 2] = (float)(over * 0.08);
        }
        blur(a, t, w, h, (int)(w * 0.006) + 2);
    }
    // Bloom: a wide veil from the whole image (lens and diffusion filter
    // scatter), mixed so the frame's average light is kept.
    if (bloom > 0.0) {
        memcpy(b, lin, n * sizeof(float));
        blur(b, t, w, h, (int)(w * 0.012) + 1);
    }
    float keep = (float)(1.0 - 0.15 * bloom), spread = (float)(0.15 * bloom);
    float halo = (float)(0.6 * hal);
    for (size_t i = 0; i < n; i++) {
        float v = lin[i];
        if (bloom > 0.0)
            v = v * keep + spread * b[i];
        if (hal > 0.0)
            v += halo * a[i];
        lin[i] = v;
    }
}

// Film grain for one pixel: a zero-mean, roughly Gaussian value (variance
// 1) from a hash of the seed, shot, frame and pixel, so any thread count
// and any tile order give the same grain.
static double grain_noise(uint64_t key, size_t pixel, int channel)
{
    uint64_t h = base_hash_mix(key, (uint64_t)pixel * 4u + (uint64_t)channel);
    double s = 0.0;
    for (int k = 0; k < 4; k++)
        s += (double)((h >> (16 * k)) & 0xffff) / 65535.0;
    return (s - 2.0) * 1.7320508;
}

AuStatus grade_frame(const Frame *frame, const GradeSettings *settings,
                     uint8_t *rgb8)
{
    const GradeLook *l = &settings->look;
    const GradeTables *tab = tables_get();
    const double *enc = tab->enc;
    double ev = settings->exposure_ev;
    if (settings->meter != GRADE_METER_OFF)
        ev = grade_meter_ev(frame, settings->meter);
    double gain = pow(2.0, ev + settings->offset_ev + l->exposure_ev);
    double wb[3][3];
    grade_white_balance_matrix(settings->white_balance_k, wb);
    static const GradeLook zero;
    bool neutral = memcmp(l, &zero, sizeof zero) == 0;
    int w = frame->width, h = frame->height;
    size_t n = (size_t)w * (size_t)h * 3;

    bool lens = settings->bloom > 0.0 || settings->halation > 0.0 ||
                settings->aberration > 0.0;
    // One block for the exposed image and three scratch images.
    float *lin = NULL;
    if (lens) {
        lin = base_calloc(frame->alloc, n * 4, sizeof(float));
        if (!lin)
            return AU_ENOMEM;
    }
    // Scene-linear exposure and white balance first: the lens effects
    // act on light, before any curve.
    const float *src = frame->rgb;
    if (lens) {
        for (size_t i = 0; i < n; i += 3) {
            for (int r = 0; r < 3; r++) {
                double v = 0.0;
                for (int c = 0; c < 3; c++)
                    v += wb[r][c] * (double)src[i + (size_t)c];
                lin[i + (size_t)r] = (float)(v * gain);
            }
        }
        lens_effects(settings, lin, lin + n, lin + 2 * n, lin + 3 * n, w, h);
    }
    uint64_t grain_key =
        base_hash_mix(base_hash_mix(settings->seed, settings->shot + 0x9e37u),
                      settings->frame);
    double grain = base_clamp(settings->grain, 0.0, 1.0);
    if (neutral && !settings->lut && !(grain > 0.0) &&
        settings->tonemap == GRADE_TONEMAP_FILMIC) {
        for (size_t i = 0; i < n; i += 3) {
            for (int r = 0; r < 3; r++) {
                double v;
                if (lens) {
                    v = (double)lin[i + (size_t)r];
                } else {
                    v = 0.0;
                    for (int c = 0; c < 3; c++)
                        v += wb[r][c] * (double)src[i + (size_t)c];
                    v *= gain;
                }
                rgb8[i + (size_t)r] = fast_byte(tab, v > 0.0 ? v : 0.0);
            }
        }
        if (lens)
            base_free(frame->alloc, lin);
        return AU_OK;
    }
    GradePow contrast;
    if (!neutral)
        grade_pow_init(&contrast, 1.0 + l->contrast);
    GradeToneTables tone;
    grade_tone_tables_init(&tone, settings->tonemap);
    double cx = (w - 1) * 0.5, cy = (h - 1) * 0.5;
    double inv_r2 = 1.0 / (cx * cx + cy * cy + 1e-9);
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            size_t px = (size_t)y * (size_t)w + (size_t)x;
            size_t i = px * 3;
            double in[3], rgb[3];
            if (lens) {
                for (int c = 0; c < 3; c++)
                    in[c] = (double)lin[i + (size_t)c];
            } else {
                for (int r = 0; r < 3; r++) {
                    double v = 0.0;
                    for (int c = 0; c < 3; c++)
                        v += wb[r][c] * (double)src[i + (size_t)c];
                    in[r] = v * gain;
                }
            }
            for (int c = 0; c < 3; c++)
                in[c] = in[c] > 0.0 ? in[c] : 0.0;
            grade_tonemap_rgb_tables(settings->tonemap, &tone, in, rgb);
            if (!neutral) {
                double dx = x - cx, dy = y - cy;
                double r2 = (dx * dx + dy * dy) * inv_r2;
                apply_look(l, &contrast, rgb, 1.0 - l->vignette * r2 * r2);
            }
            double e[3];
            for (int c = 0; c < 3; c++)
                e[c] = srgb_encode(enc, rgb[c]);
            if (settings->lut)
                grade_lut_apply(settings->lut, e, e);
            if (grain > 0.0) {
                // Grain is strongest in the mid-tones and fades in deep
                // shadow and near white, as silver grains do; mostly
                // monochrome with a little colour from the dye layers.
                double ye = 0.2126 * e[0] + 0.7152 * e[1] + 0.0722 * e[2];
                ye = base_clamp(ye, 0.0, 1.0);
                double amp = grain * 0.04 * 2.6 * sqrt(ye) * (1.0 - ye);
                double mono = grain_noise(grain_key, px, 3);
                for (int c = 0; c < 3; c++)
                    e[c] += amp *
                            (0.85 * mono + 0.3 * grain_noise(grain_key, px, c));
            }
            for (int c = 0; c < 3; c++)
                rgb8[i + (size_t)c] = quantise(e[c]);
        }
    }
    if (lens)
        base_free(frame->alloc, lin);
    return AU_OK;
}
