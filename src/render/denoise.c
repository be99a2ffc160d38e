/* render/denoise.c: removes path-tracing noise after the trace. An
 * edge-avoiding a-trous wavelet filter (after Dammertz et al. 2010, with
 * the variance-guided luminance weight of SVGF, Schied et al. 2017) runs on
 * the albedo-demodulated light, so surface colours stay sharp while the
 * noisy lighting is averaged only across the same smooth surface. The file
 * includes itself once per vector width for the filter's inner loop. */
#ifndef KERNEL_LANES
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "render.h"

// Five levels with steps 1..16 give a 62-pixel footprint, enough for the
// low-frequency noise of a few samples of sky light.
#define LEVELS 5
// Every plane has this many pixels of border on each side, the largest
// step: a tap outside the frame reads the border, whose key matches no
// surface, so the inner loop needs no bounds checks and adds exact zeros.
#define PAD (1 << (LEVELS - 1))
// The most pixels the filter's loop takes at once.
#define WIDEST 8
// How many standard deviations of luminance difference still count as the
// same lighting; higher smooths more.
#define SIGMA_LUM 4.0f
// Normals are compared by their dot product to the 64th power: within
// about 10 degrees count as the same surface.
// Depth differences as a fraction of the distance, per pixel of step.
#define SIGMA_DEPTH 0.02
#define ALBEDO_MIN  RENDER_ALBEDO_MIN
// The key of a pixel that shows no surface (sky), and of the border.
#define KEY_SKY    (-1.0f)
#define KEY_BORDER (-2.0f)
// The key of the band round a defocused silhouette (Frame.mixed, widened
// by a pixel): its pixels mix two surfaces at random, so the band is
// filtered as one region of its own, on the colour itself (an albedo
// averaged over two samples is as speckled as the colour), with flat
// guides so only the luminance weight stops the filter. No object ID
// reaches it.
#define KEY_BAND 1.0e6f
// The band is smoothed by the first level only (3 x 3 taps): it takes the
// speckle out of a blurred edge, and wider it would carry colour round the
// silhouette from one side of a head to the other (measured on the
// example film's shot 2: rel_mse 0.0054 without the band, 0.0048 with
// one level, 0.0067 with two, 0.0100 with all five).
#define BAND_MAX_STEP 2

// The light being filtered, one plane a quantity (structure of arrays,
// so the filter's loop over x reads each with unit stride and
// vectorises).
typedef struct Light {
    float *r, *g, *b;
    float *var; /**< variance of the demodulated luminance */
    float *lum; /**< luminance of r, g, b */
} Light;

// What the edge-stopping weights compare, fixed for the frame.
typedef struct Guides {
    float *key; /**< the surface's ID, KEY_SKY or KEY_BORDER */
    float *depth;
    float *nx, *ny, *nz;
} Guides;

typedef struct Denoiser {
    Frame *f;
    size_t stride; /**< floats from one padded row to the next */
    Guides gd;
    Light light[2];
    float *sun_r, *sun_g, *sun_b; /**< the sun's light, antialiased */
    int cur;                      /**< light[cur] is the filter's input */
    int step;                     /**< pixels between taps at this level */
    bool wide;                    /**< run the filter eight lanes wide (AVX2) */
} Denoiser;

// Where pixel (x, y) lives in a padded plane.
static size_t at(const Denoiser *d, int x, int y)
{
    return (size_t)(y + PAD) * d->stride + (size_t)(x + PAD);
}

static float lum3f(float r, float g, float b)
{
    return 0.2126f * r + 0.7152f * g + 0.0722f * b;
}

static bool all_below_zero(const float *v, int n)
{
    bool all = true;
    for (int i = 0; i < n; i++)
        all &= v[i] < 0.0f;
    return all;
}

// The input planes of one level.
typedef struct Taps {
    const float *key, *depth, *nx, *ny, *nz;
    const float *r, *g, *b, *var, *lum;
} Taps;

// The filter's loop runs on a group of pixels of a row at once in GCC's
// vector extension, written once (the #else part of this file) and
// compiled for four lanes at the x86-64 baseline (SSE2) and, where the
// processor has it, for eight with AVX2. Every lane does exactly the
// scalar IEEE operations (no FMA: AVX2 alone does not enable it, and ISO
// C mode keeps contraction off), so both give the same bits.
#define KERNEL_LANES 4
#define KERNEL_TARGET
#include "denoise.c"
#undef KERNEL_TARGET
#undef KERNEL_LANES
#if defined(__x86_64__) && defined(__GNUC__)
#define DENOISE_WIDE  1
#define KERNEL_LANES  8
#define KERNEL_TARGET __attribute__((target("avx2")))
#include "denoise.c"
#undef KERNEL_TARGET
#undef KERNEL_LANES
#else
#define DENOISE_WIDE 0
#endif

static AuStatus filter_row(void *user, size_t row, int thread)
{
    (void)thread;
    const Denoiser *d = user;
    const Guides *gd = &d->gd;
    const Light *in = &d->light[d->cur], *out = &d->light[1 - d->cur];
    size_t q = at(d, 0, (int)row);
    const Taps t = { gd->key, gd->depth, gd->nx, gd->ny,  gd->nz,
                     in->r,   in->g,     in->b,  in->var, in->lum };
#if DENOISE_WIDE
    if (d->wide) {
        filter_span_8(&t, out, q, d->f->width, d->stride, d->step,
                      d->step <= BAND_MAX_STEP);
        return AU_OK;
    }
#endif
    filter_span_4(&t, out, q, d->f->width, d->stride, d->step,
                  d->step <= BAND_MAX_STEP);
    return AU_OK;
}

// Whether two pixels show different surfaces: another object, the sky
// against a surface, or a step in depth of over a tenth.
static bool surfaces_differ(const Frame *f, size_t a, size_t b)
{
    float da = f->depth[a], db = f->depth[b];
    if (f->id[a] != f->id[b] || (da > 0.0f) != (db > 0.0f))
        return true;
    float lo = da < db ? da : db, hi = da < db ? db : da;
    return hi - lo > 0.1f * lo;
}

// Marks in Frame.band the pixels of row @p row that mix surfaces across a
// blurred silhouette: those whose samples saw different surfaces, and
// defocused ones that show another surface than a neighbour, which is
// all a lone sample per pixel can tell.
static AuStatus band_row(void *user, size_t row, int thread)
{
    (void)thread;
    const Denoiser *d = user;
    const Frame *f = d->f;
    size_t w = (size_t)f->width, h = (size_t)f->height;
    for (size_t x = 0; x < w; x++) {
        size_t p = row * w + x;
        bool b = f->mixed && f->mixed[p];
        if (!b && f->defocus && f->defocus[p])
            b = (x > 0 && surfaces_differ(f, p, p - 1)) ||
                (x + 1 < w && surfaces_differ(f, p, p + 1)) ||
                (row > 0 && surfaces_differ(f, p, p - w)) ||
                (row + 1 < h && surfaces_differ(f, p, p + w));
        f->band[p] = b;
    }
    return AU_OK;
}

// Whether pixel @p p is in the band round a defocused silhouette: it or
// one of its eight neighbours mixes surfaces.
static bool in_band(const Frame *f, size_t p)
{
    if (!f->band)
        return false;
    size_t w = (size_t)f->width, h = (size_t)f->height;
    size_t x = p % w, y = p / w;
    size_t x0 = x > 0 ? x - 1 : 0, x1 = x + 1 < w ? x + 1 : x;
    size_t y0 = y > 0 ? y - 1 : 0, y1 = y + 1 < h ? y + 1 : y;
    for (size_t yy = y0; yy <= y1; yy++)
        for (size_t xx = x0; xx <= x1; xx++)
            if (f->band[yy * w + xx])
                return true;
    return false;
}

// Demodulates row @p row into light[0] and fills the guides: filter the
// light arriving, not the surface's colour. The raw variance goes to
// light[1].var, for the blur.
static AuStatus prepare_row(void *user, size_t row, int thread)
{
    (void)thread;
    const Denoiser *d = user;
    const Frame *f = d->f;
    const Light *l = &d->light[0];
    const Guides *gd = &d->gd;
    size_t w = (size_t)f->width;
    size_t q = at(d, 0, (int)row);
    for (size_t p = row * w; p < (row + 1) * w; p++, q++) {
        if (in_band(f, p)) {
            const float *c = &f->rgb[3 * p];
            l->r[q] = c[0];
            l->g[q] = c[1];
            l->b[q] = c[2];
            l->lum[q] = lum3f(c[0], c[1], c[2]);
            d->light[1].var[q] = f->variance[p];
            gd->key[q] = KEY_BAND;
            gd->depth[q] = 1.0f;
            gd->nx[q] = 0.0f;
            gd->ny[q] = 0.0f;
            gd->nz[q] = 1.0f;
            // The sun's filter reads its neighbours' planes whatever their
            // key: finite values, so a zero weight adds nothing.
            d->light[1].r[q] = d->light[1].g[q] = d->light[1].b[q] = 0.0f;
            continue;
        }
        float irr[3];
        for (int c = 0; c < 3; c++) {
            float a = f->albedo[3 * p + (size_t)c];
            a = a < ALBEDO_MIN ? ALBEDO_MIN : a;
            float v = f->rgb[3 * p + (size_t)c];
            if (f->sun_used)
                v -= f->sun[3 * p + (size_t)c];
            irr[c] = v / a;
        }
        l->r[q] = irr[0];
        l->g[q] = irr[1];
        l->b[q] = irr[2];
        l->lum[q] = lum3f(irr[0], irr[1], irr[2]);
        if (f->sun_used) {
            // The sun's light per unit albedo waits in light[1], free
            // until the first level, for sun_row.
            for (int c = 0; c < 3; c++) {
                float a = f->albedo[3 * p + (size_t)c];
                a = a < ALBEDO_MIN ? ALBEDO_MIN : a;
                float v = f->sun[3 * p + (size_t)c] / a;
                (c == 0   ? d->light[1].r
                 : c == 1 ? d->light[1].g
                          : d->light[1].b)[q] = v;
            }
        }
        const float *al = &f->albedo[3 * p];
        float a_lum = lum3f(al[0], al[1], al[2]);
        a_lum = a_lum < ALBEDO_MIN ? ALBEDO_MIN : a_lum;
        d->light[1].var[q] = f->variance[p] / (a_lum * a_lum);
        bool surface = f->depth[p] > 0.0f;
        gd->key[q] = surface ? (float)f->id[p] : KEY_SKY;
        gd->depth[q] = f->depth[p];
        gd->nx[q] = f->normal[3 * p];
        gd->ny[q] = f->normal[3 * p + 1];
        gd->nz[q] = f->normal[3 * p + 2];
    }
    return AU_OK;
}

// A few samples estimate a pixel's variance poorly; its neighbours'
// estimates over 5x5 pixels, averaged, are steadier (SVGF's spatial
// estimate). Separable: horizontal sums of light[1].var into
// light[1].lum, free until the first level, then vertical sums into
// light[0].var. The border holds zeros, so only the count needs to know
// where the frame ends.
static AuStatus blur_h_row(void *user, size_t row, int thread)
{
    (void)thread;
    const Denoiser *d = user;
    const float *restrict in = d->light[1].var;
    float *restrict out = d->light[1].lum;
    size_t q = at(d, 0, (int)row);
    for (size_t p = q; p < q + (size_t)d->f->width; p++)
        out[p] = in[p - 2] + in[p - 1] + in[p] + in[p + 1] + in[p + 2];
    return AU_OK;
}

static int span_count(int i, int n)
{
    int lo = i - 2 < 0 ? 0 : i - 2, hi = i + 2 >= n ? n - 1 : i + 2;
    return hi - lo + 1;
}

static AuStatus blur_v_row(void *user, size_t row, int thread)
{
    (void)thread;
    const Denoiser *d = user;
    int w = d->f->width, y = (int)row;
    const float *restrict in = d->light[1].lum;
    float *restrict out = d->light[0].var;
    size_t s = d->stride, q = at(d, 0, y);
    int ny = span_count(y, d->f->height);
    for (int x = 0; x < w; x++) {
        size_t p = q + (size_t)x;
        float sum =
            in[p - 2 * s] + in[p - s] + in[p] + in[p + s] + in[p + 2 * s];
        out[p] = sum / (float)(ny * span_count(x, w));
    }
    return AU_OK;
}

// The sun's light is traced for certain at every sample, so it needs no
// denoising, but one sample through the pixel centre aliases: a sun
// shadow's edge comes out as a staircase, a sunlit pixel whose centre
// falls in a crack as a dark dot. A 3 x 3 B-spline over the same
// surface, weighed by the geometry alone, antialiases it as a pixel's
// area would, without the luminance weight that would keep the dots.
static AuStatus sun_row(void *user, size_t row, int thread)
{
    (void)thread;
    const Denoiser *d = user;
    const Guides *gd = &d->gd;
    const Light *in = &d->light[1];
    const Taps t = { gd->key, gd->depth, gd->nx, gd->ny, gd->nz,
                     in->r,   in->g,     in->b,  NULL,   NULL };
    float *out[3] = { d->sun_r, d->sun_g, d->sun_b };
    size_t q = at(d, 0, (int)row);
#if DENOISE_WIDE
    if (d->wide) {
        sun_span_8(&t, out, q, d->f->width, d->stride);
        return AU_OK;
    }
#endif
    sun_span_4(&t, out, q, d->f->width, d->stride);
    return AU_OK;
}

// Puts the surface colour back on the filtered light.
static AuStatus remodulate_row(void *user, size_t row, int thread)
{
    (void)thread;
    const Denoiser *d = user;
    Frame *f = d->f;
    const Light *l = &d->light[d->cur];
    size_t w = (size_t)f->width;
    size_t q = at(d, 0, (int)row);
    for (size_t p = row * w; p < (row + 1) * w; p++, q++) {
        if (d->gd.key[q] == KEY_BAND) {
            f->rgb[3 * p] = l->r[q];
            f->rgb[3 * p + 1] = l->g[q];
            f->rgb[3 * p + 2] = l->b[q];
            continue;
        }
        if (f->depth[p] <= 0.0f)
            continue;
        const float irr[3] = { l->r[q], l->g[q], l->b[q] };
        for (int c = 0; c < 3; c++) {
            float a = f->albedo[3 * p + (size_t)c];
            a = a < ALBEDO_MIN ? ALBEDO_MIN : a;
            float v = irr[c];
            if (f->sun_used)
                v += (c == 0 ? d->sun_r : c == 1 ? d->sun_g : d->sun_b)[q];
            f->rgb[3 * p + (size_t)c] = v * a;
        }
    }
    return AU_OK;
}

enum {
    // key, depth, three normals; then r, g, b, var, lum twice.
    PLANES = 18
};

static void fill_border(const Denoiser *d, float *plane, float value)
{
    size_t s = d->stride, h = (size_t)d->f->height;
    for (size_t i = 0; i < PAD * s; i++) {
        plane[i] = value;
        plane[(h + PAD) * s + i] = value;
    }
    for (size_t y = PAD; y < h + PAD; y++) {
        for (size_t x = 0; x < PAD; x++)
            plane[y * s + x] = value;
        for (size_t x = PAD + (size_t)d->f->width; x < s; x++)
            plane[y * s + x] = value;
    }
}

// render_denoise, with the filter eight lanes wide or four: the same
// result either way, which the tests check.
static AuStatus denoise_run(Frame *f, int threads, bool wide)
{
    Denoiser d = { 0 };
    d.f = f;
    d.wide = wide;
    // A row's last group of pixels may run up to WIDEST - 1 past the
    // frame, so the right border is that much wider.
    d.stride = (size_t)f->width + 2 * PAD + WIDEST;
    size_t rows = (size_t)f->height;
    size_t plane = d.stride * (rows + 2 * PAD);
    // Every pixel inside the frame is written before it is read; only the
    // borders need filling, which saves clearing the whole block.
    size_t need = plane * PLANES;
    if (f->scratch_floats < need) {
        float *grown = base_realloc(f->alloc, f->scratch, need * sizeof(float));
        if (!grown)
            return AU_ENOMEM;
        f->scratch = grown;
        f->scratch_floats = need;
    }
    float *mem = f->scratch;
    float **slots[PLANES] = {
        &d.gd.key,       &d.gd.depth,     &d.gd.nx,        &d.gd.ny,
        &d.gd.nz,        &d.light[0].r,   &d.light[0].g,   &d.light[0].b,
        &d.light[0].var, &d.light[0].lum, &d.light[1].r,   &d.light[1].g,
        &d.light[1].b,   &d.light[1].var, &d.light[1].lum, &d.sun_r,
        &d.sun_g,        &d.sun_b,
    };
    // Zeros in the border of the other planes are what the filter relies
    // on too: finite, so a zero weight times them adds exactly nothing.
    for (size_t i = 0; i < PLANES; i++) {
        *slots[i] = mem + i * plane;
        fill_border(&d, *slots[i], i == 0 ? KEY_BORDER : 0.0f);
    }
    AuStatus st =
        f->band ? base_parallel_for(threads, rows, band_row, &d) : AU_OK;
    if (st == AU_OK)
        st = base_parallel_for(threads, rows, prepare_row, &d);
    if (st == AU_OK && f->sun_used)
        st = base_parallel_for(threads, rows, sun_row, &d);
    if (st == AU_OK)
        st = base_parallel_for(threads, rows, blur_h_row, &d);
    if (st == AU_OK)
        st = base_parallel_for(threads, rows, blur_v_row, &d);
    for (int level = 0; level < LEVELS && st == AU_OK; level++) {
        d.step = 1 << level;
        st = base_parallel_for(threads, rows, filter_row, &d);
        d.cur = 1 - d.cur;
    }
    if (st == AU_OK)
        st = base_parallel_for(threads, rows, remodulate_row, &d);
    return st;
}

AuStatus render_denoise(Frame *f, int threads)
{
#if DENOISE_WIDE
    return denoise_run(f, threads, __builtin_cpu_supports("avx2"));
#else
    return denoise_run(f, threads, false);
#endif
}
#else
/* The filter's inner loop, included twice by the code above: its names
 * take the lane count as a suffix, and KERNEL_TARGET is the instruction
 * set it is compiled for. */
#define PASTE_(a, b)        a##_##b
#define PASTE(a, b)         PASTE_(a, b)
#define VF                  PASTE(VF, KERNEL_LANES)
#define VI                  PASTE(VI, KERNEL_LANES)
#define Centre              PASTE(Centre, KERNEL_LANES)
#define Acc                 PASTE(Acc, KERNEL_LANES)
#define vload               PASTE(vload, KERNEL_LANES)
#define vstore              PASTE(vstore, KERNEL_LANES)
#define vsplat              PASTE(vsplat, KERNEL_LANES)
#define vselect             PASTE(vselect, KERNEL_LANES)
#define vabs                PASTE(vabs, KERNEL_LANES)
#define vsqrt               PASTE(vsqrt, KERNEL_LANES)
#define pow64               PASTE(pow64, KERNEL_LANES)
#define exp_neg_denominator PASTE(exp_neg_denominator, KERNEL_LANES)
#define tap_add             PASTE(tap_add, KERNEL_LANES)
#define filter_span         PASTE(filter_span, KERNEL_LANES)
#define sun_span            PASTE(sun_span, KERNEL_LANES)

typedef float VF __attribute__((vector_size(4 * KERNEL_LANES)));
typedef int32_t VI __attribute__((vector_size(4 * KERNEL_LANES)));

KERNEL_TARGET static inline VF vload(const float *p)
{
    VF v;
    memcpy(&v, p, sizeof v);
    return v;
}

KERNEL_TARGET static inline void vstore(float *p, VF v)
{
    memcpy(p, &v, sizeof v);
}

KERNEL_TARGET static inline VF vsplat(float x)
{
    return (VF){ 0 } + x;
}

// a where @p m is set, else b.
KERNEL_TARGET static inline VF vselect(VI m, VF a, VF b)
{
    return (VF)(((VI)a & m) | ((VI)b & ~m));
}

KERNEL_TARGET static inline VF vabs(VF v)
{
    return (VF)((VI)v & 0x7fffffff);
}

// The correctly rounded square root, as sqrtf gives, in one instruction
// on x86-64 (sqrtf itself may set errno, so GCC would not vectorise it).
KERNEL_TARGET static inline VF vsqrt(VF x)
{
#if KERNEL_LANES == 8
    return __builtin_ia32_sqrtps256(x);
#elif defined(__SSE2__)
    return __builtin_ia32_sqrtps(x);
#else
    VF r;
    for (int i = 0; i < KERNEL_LANES; i++)
        r[i] = sqrtf(x[i]);
    return r;
#endif
}

// x^64 by six squarings, far cheaper than pow().
KERNEL_TARGET static inline VF pow64(VF x)
{
    VF x2 = x * x, x4 = x2 * x2, x8 = x4 * x4, x16 = x8 * x8;
    VF x32 = x16 * x16;
    return x32 * x32;
}

// e^x for x <= 0 is the reciprocal of this, e^-x's cubic Taylor
// polynomial in y = -x: positive, monotonic and within a few per cent
// where weights matter, at a fraction of exp()'s cost. Single precision
// throughout the filter: weights need a few digits, and floats halve the
// arithmetic and vectorise.
KERNEL_TARGET static inline VF exp_neg_denominator(VF y)
{
    return 1.0f + y * (1.0f + y * (0.5f + y * (1.0f / 6.0f)));
}

// The centre pixels' terms, the same for their nine taps.
typedef struct Centre {
    VF key, depth, nx, ny, nz, lum, inv_sd;
} Centre;

// The running sums of a group of output pixels.
typedef struct Acc {
    VF r, g, b, w, v;
} Acc;

// Adds the taps at @p q (an index into the planes) with spline weight
// @p h and depth tolerance @p depth_k (over the centre's depth) to @p a. A
// neighbour on another surface, the sky or the border, or facing away,
// gets weight zero.
KERNEL_TARGET static inline void tap_add(const Taps *t, size_t q, float h,
                                         VF depth_k, const Centre *c, Acc *a)
{
    VF nd = c->nx * vload(t->nx + q) + c->ny * vload(t->ny + q) +
            c->nz * vload(t->nz + q);
    VI same = (vload(t->key + q) == c->key) & (nd > 0.0f);
    VF wz = vabs(c->depth - vload(t->depth + q)) * depth_k;
    VF wl = vabs(c->lum - vload(t->lum + q)) * c->inv_sd;
    VF wgt = h * pow64(nd) / exp_neg_denominator(wz + wl);
    wgt = (VF)((VI)wgt & same);
    a->r += wgt * vload(t->r + q);
    a->g += wgt * vload(t->g + q);
    a->b += wgt * vload(t->b + q);
    a->w += wgt;
    a->v += wgt * wgt * vload(t->var + q);
}

// One level of the filter over @p width pixels from plane index @p row,
// taps @p step pixels apart.
KERNEL_TARGET static void filter_span(const Taps *t, const Light *out,
                                      size_t row, int width, size_t stride,
                                      int step, bool band)
{
    // Past the band's levels its pixels pass unchanged: a key no pixel
    // has lets them through, one they all have stops them.
    const VF band_stop = vsplat(band ? KEY_BORDER : KEY_BAND);
    // The 3-tap B-spline (1/4, 1/2, 1/4) in each direction, and the depth
    // tolerance's distance term, for the edge and corner taps.
    const float h_centre = 0.25f, h_edge = 0.125f, h_corner = 0.0625f;
    const float k_edge = (float)(1.0 / (SIGMA_DEPTH * (step + 1.0)));
    const float k_corner =
        (float)(1.0 / (SIGMA_DEPTH * (sqrt(2.0) * step + 1.0)));
    const size_t sx = (size_t)step, sy = (size_t)step * stride;
    const size_t group = KERNEL_LANES * sizeof(float);
    for (size_t p = row; p < row + (size_t)width; p += KERNEL_LANES) {
        if (all_below_zero(t->key + p, KERNEL_LANES)) {
            // A group of sky or border, common enough to skip.
            memcpy(out->r + p, t->r + p, group);
            memcpy(out->g + p, t->g + p, group);
            memcpy(out->b + p, t->b + p, group);
            memcpy(out->var + p, t->var + p, group);
            memcpy(out->lum + p, t->lum + p, group);
            continue;
        }
        Centre c;
        c.key = vload(t->key + p);
        c.depth = vload(t->depth + p);
        VF inv_depth = 1.0f / vselect(c.depth > 0.0f, c.depth, vsplat(1.0f));
        VF k_edge_p = inv_depth * k_edge, k_corner_p = inv_depth * k_corner;
        c.nx = vload(t->nx + p);
        c.ny = vload(t->ny + p);
        c.nz = vload(t->nz + p);
        c.lum = vload(t->lum + p);
        // A pixel whose few samples all agreed (all in shadow, say) has
        // no variance of its own; the floor lets it still blend with its
        // neighbours' estimate.
        c.inv_sd = 1.0f / (SIGMA_LUM * vsqrt(vload(t->var + p)) + 1e-3f +
                           0.02f * c.lum);
        VF r = vload(t->r + p), g = vload(t->g + p), b = vload(t->b + p);
        VF var = vload(t->var + p);
        // The centre tap: the same surface, no depth or luminance step.
        VF w0 = h_centre * pow64(c.nx * c.nx + c.ny * c.ny + c.nz * c.nz);
        Acc a = { w0 * r, w0 * g, w0 * b, w0, w0 * w0 * var };
        tap_add(t, p - sy - sx, h_corner, k_corner_p, &c, &a);
        tap_add(t, p - sy, h_edge, k_edge_p, &c, &a);
        tap_add(t, p - sy + sx, h_corner, k_corner_p, &c, &a);
        tap_add(t, p - sx, h_edge, k_edge_p, &c, &a);
        tap_add(t, p + sx, h_edge, k_edge_p, &c, &a);
        tap_add(t, p + sy - sx, h_corner, k_corner_p, &c, &a);
        tap_add(t, p + sy, h_edge, k_edge_p, &c, &a);
        tap_add(t, p + sy + sx, h_corner, k_corner_p, &c, &a);
        // The sky, the border and a surface without a normal pass
        // unchanged.
        VI keep = (c.key >= 0.0f) & (a.w > 0.0f) & (c.key != band_stop);
        VF inv_w = 1.0f / vselect(keep, a.w, vsplat(1.0f));
        VF fr = a.r * inv_w, fg = a.g * inv_w, fb = a.b * inv_w;
        vstore(out->r + p, vselect(keep, fr, r));
        vstore(out->g + p, vselect(keep, fg, g));
        vstore(out->b + p, vselect(keep, fb, b));
        vstore(out->var + p, vselect(keep, a.v * inv_w * inv_w, var));
        // The next level's luminance, while the colour is at hand; the
        // same sum, in the same order, as lum3f.
        VF l = 0.2126f * fr + 0.7152f * fg + 0.0722f * fb;
        vstore(out->lum + p, vselect(keep, l, c.lum));
    }
}

// The sun's light over @p width pixels from plane index @p row: a 3 x 3
// B-spline over the same surface, weighed by normals and depth alone
// (sun_row says why), into @p out; 0 on the sky, the border and the band.
KERNEL_TARGET static void sun_span(const Taps *t, float *const out[3],
                                   size_t row, int width, size_t stride)
{
    const float k_depth = (float)(1.0 / SIGMA_DEPTH);
    const size_t group = KERNEL_LANES * sizeof(float);
    for (size_t p = row; p < row + (size_t)width; p += KERNEL_LANES) {
        if (all_below_zero(t->key + p, KERNEL_LANES)) {
            for (int c = 0; c < 3; c++)
                memset(out[c] + p, 0, group);
            continue;
        }
        VF key = vload(t->key + p), depth = vload(t->depth + p);
        VF nx = vload(t->nx + p), ny = vload(t->ny + p), nz = vload(t->nz + p);
        VF k = k_depth / vselect(depth > 0.0f, depth, vsplat(1.0f));
        VF r = vsplat(0.0f), g = r, b = r, w = r;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                size_t q = (size_t)((ptrdiff_t)p + dy * (ptrdiff_t)stride + dx);
                float h = (dx ? 0.5f : 1.0f) * (dy ? 0.5f : 1.0f);
                VF nd = nx * vload(t->nx + q) + ny * vload(t->ny + q) +
                        nz * vload(t->nz + q);
                VI same = (vload(t->key + q) == key) & (nd > 0.0f);
                VF wz = vabs(depth - vload(t->depth + q)) * k;
                VF wt = h * pow64(nd) / exp_neg_denominator(wz);
                wt = (VF)((VI)wt & same);
                r += wt * vload(t->r + q);
                g += wt * vload(t->g + q);
                b += wt * vload(t->b + q);
                w += wt;
            }
        }
        VI keep = (key >= 0.0f) & (key != KEY_BAND) & (w > 0.0f);
        VF inv = 1.0f / vselect(keep, w, vsplat(1.0f));
        VF zero = vsplat(0.0f);
        vstore(out[0] + p, vselect(keep, r * inv, zero));
        vstore(out[1] + p, vselect(keep, g * inv, zero));
        vstore(out[2] + p, vselect(keep, b * inv, zero));
    }
}

#undef sun_span
#undef filter_span
#undef tap_add
#undef exp_neg_denominator
#undef pow64
#undef vabs
#undef vsqrt
#undef vselect
#undef vsplat
#undef vstore
#undef vload
#undef Acc
#undef Centre
#undef VI
#undef VF
#undef PASTE
#undef PASTE_
#endif
