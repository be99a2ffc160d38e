/* render/denoise.c: removes path-tracing noise after the trace. An
 * edge-avoiding a-trous wavelet filter (after Dammertz et al. 2010, with
 * the variance-guided luminance weight of SVGF, Schied et al. 2017) runs on
 * the albedo-demodulated light, so surface colours stay sharp while the
 * noisy lighting is averaged only across the same smooth surface. */
#include <string.h>

#include "render.h"

// Five levels with steps 1..16 give a 62-pixel footprint, enough for the
// low-frequency noise of a few samples of sky light.
#define LEVELS 5
// How many standard deviations of luminance difference still count as the
// same lighting; higher smooths more.
#define SIGMA_LUM 4.0
// Normals are compared by their dot product to the 64th power: within
// about 10 degrees count as the same surface.
// Depth differences as a fraction of the distance, per pixel of step.
#define SIGMA_DEPTH 0.02
// Albedo floor for demodulation, so black surfaces do not divide by zero.
#define ALBEDO_MIN 0.02f

typedef struct DenoiseJob {
    const Frame *f;
    const float *in_irr;
    const float *in_var;
    const float *in_lum; /**< luminance of in_irr, computed once a level */
    float *out_irr;
    float *out_var;
    int step;
} DenoiseJob;

// The 3-tap B-spline (1/4, 1/2, 1/4): nine taps a level instead of the
// 5x5 kernel's 25, at nearly the same smoothing once the levels stack.
static const double kernel[3] = { 0.25, 0.5, 0.25 };

static double lum3(const float *c)
{
    return 0.2126 * (double)c[0] + 0.7152 * (double)c[1] +
           0.0722 * (double)c[2];
}

// e^x for x <= 0 from the reciprocal of e^-x's cubic Taylor polynomial:
// positive, monotonic and within a few per cent where weights matter,
// at a fraction of exp()'s cost, which dominated the filter. Single
// precision throughout the filter: weights need a few digits, and floats
// halve the arithmetic and vectorise.
static float fast_exp_neg(float x)
{
    float y = -x;
    return 1.0f / (1.0f + y * (1.0f + y * (0.5f + y * (1.0f / 6.0f))));
}

static AuStatus filter_row(void *user, size_t row, int thread)
{
    (void)thread;
    DenoiseJob *j = user;
    const Frame *f = j->f;
    int w = f->width, h = f->height, y = (int)row;
    // Per tap: the spline weight and the depth tolerance's distance term,
    // the same for every pixel of this level.
    float tap_h[9], tap_depth[9];
    for (int ky = -1; ky <= 1; ky++)
        for (int kx = -1; kx <= 1; kx++) {
            int t = (ky + 1) * 3 + kx + 1;
            tap_h[t] = (float)(kernel[kx + 1] * kernel[ky + 1]);
            double dist_px = sqrt((double)(kx * kx + ky * ky)) * j->step;
            tap_depth[t] = (float)(1.0 / (SIGMA_DEPTH * (dist_px + 1.0)));
        }
    for (int x = 0; x < w; x++) {
        size_t p = (size_t)y * (size_t)w + (size_t)x;
        if (f->depth[p] <= 0.0f) {
            memcpy(&j->out_irr[3 * p], &j->in_irr[3 * p], 3 * sizeof(float));
            j->out_var[p] = j->in_var[p];
            continue;
        }
        const float *np = &f->normal[3 * p];
        float dp = f->depth[p];
        float inv_dp = 1.0f / dp;
        float lp = j->in_lum[p];
        // A pixel whose few samples all agreed (all in shadow, say) has no
        // variance of its own; the floor lets it still blend with its
        // neighbours' estimate.
        float inv_sd = (float)(1.0 / (SIGMA_LUM * sqrt((double)j->in_var[p]) +
                                      1e-3 + 0.02 * (double)lp));
        uint16_t idp = f->id[p];
        float sum[3] = { 0, 0, 0 }, wsum = 0.0f, vsum = 0.0f;
        for (int ky = -1; ky <= 1; ky++) {
            int qy = y + ky * j->step;
            if (qy < 0 || qy >= h)
                continue;
            for (int kx = -1; kx <= 1; kx++) {
                int qx = x + kx * j->step;
                if (qx < 0 || qx >= w)
                    continue;
                size_t q = (size_t)qy * (size_t)w + (size_t)qx;
                if (f->depth[q] <= 0.0f || f->id[q] != idp)
                    continue;
                const float *nq = &f->normal[3 * q];
                float nd = np[0] * nq[0] + np[1] * nq[1] + np[2] * nq[2];
                if (nd <= 0.0f)
                    continue;
                int t = (ky + 1) * 3 + kx + 1;
                float wz = fabsf(dp - f->depth[q]) * inv_dp * tap_depth[t];
                float wl = fabsf(lp - j->in_lum[q]) * inv_sd;
                // nd^64 by six squarings, far cheaper than pow().
                for (int k = 0; k < 6; k++)
                    nd *= nd;
                float wgt = tap_h[t] * nd * fast_exp_neg(-(wz + wl));
                const float *c = &j->in_irr[3 * q];
                sum[0] += wgt * c[0];
                sum[1] += wgt * c[1];
                sum[2] += wgt * c[2];
                wsum += wgt;
                vsum += wgt * wgt * j->in_var[q];
            }
        }
        // The centre tap always has weight, so wsum > 0.
        for (int c = 0; c < 3; c++)
            j->out_irr[3 * p + (size_t)c] = sum[c] / wsum;
        j->out_var[p] = vsum / (wsum * wsum);
    }
    return AU_OK;
}

// The passes around the filter, each pixel depending only on its inputs,
// run a row a job so they share the threads and stay bit-identical.
typedef enum PassKind {
    PASS_DEMODULATE,
    PASS_BLUR_VARIANCE,
    PASS_LUM,
    PASS_REMODULATE
} PassKind;

typedef struct PassJob {
    Frame *f;
    PassKind kind;
    const float *in;
    float *out_irr;
    float *out;
} PassJob;

static void demodulate_row(const Frame *f, size_t row, float *irr, float *var)
{
    size_t w = (size_t)f->width;
    for (size_t p = row * w; p < (row + 1) * w; p++) {
        for (int c = 0; c < 3; c++) {
            float a = f->albedo[3 * p + (size_t)c];
            a = a < ALBEDO_MIN ? ALBEDO_MIN : a;
            irr[3 * p + (size_t)c] = f->rgb[3 * p + (size_t)c] / a;
        }
        double a_lum = lum3(&f->albedo[3 * p]);
        a_lum = a_lum < (double)ALBEDO_MIN ? (double)ALBEDO_MIN : a_lum;
        var[p] = (float)((double)f->variance[p] / (a_lum * a_lum));
    }
}

static void blur_variance_row(const Frame *f, size_t row, const float *in,
                              float *out)
{
    int w = f->width, h = f->height, y = (int)row;
    for (int x = 0; x < w; x++) {
        double sum = 0.0;
        int count = 0;
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int qx = x + dx, qy = y + dy;
                if (qx < 0 || qy < 0 || qx >= w || qy >= h)
                    continue;
                sum += (double)in[(size_t)qy * (size_t)w + (size_t)qx];
                count++;
            }
        }
        out[(size_t)y * (size_t)w + (size_t)x] = (float)(sum / count);
    }
}

static void remodulate_row(Frame *f, size_t row, const float *irr)
{
    size_t w = (size_t)f->width;
    for (size_t p = row * w; p < (row + 1) * w; p++) {
        if (f->depth[p] <= 0.0f)
            continue;
        for (int c = 0; c < 3; c++) {
            float a = f->albedo[3 * p + (size_t)c];
            a = a < ALBEDO_MIN ? ALBEDO_MIN : a;
            f->rgb[3 * p + (size_t)c] = irr[3 * p + (size_t)c] * a;
        }
    }
}

static AuStatus pass_row(void *user, size_t row, int thread)
{
    (void)thread;
    PassJob *j = user;
    size_t w = (size_t)j->f->width;
    switch (j->kind) {
    case PASS_DEMODULATE:
        demodulate_row(j->f, row, j->out_irr, j->out);
        break;
    case PASS_BLUR_VARIANCE:
        blur_variance_row(j->f, row, j->in, j->out);
        break;
    case PASS_LUM:
        for (size_t p = row * w; p < (row + 1) * w; p++)
            j->out[p] = (float)lum3(&j->in[3 * p]);
        break;
    case PASS_REMODULATE:
        remodulate_row(j->f, row, j->in);
        break;
    }
    return AU_OK;
}

static AuStatus run_pass(Frame *f, int threads, PassKind kind, const float *in,
                         float *out_irr, float *out)
{
    PassJob job = { f, kind, in, out_irr, out };
    return base_parallel_for(threads, (size_t)f->height, pass_row, &job);
}

AuStatus render_denoise(Frame *f, int threads)
{
    size_t n = (size_t)f->width * (size_t)f->height;
    float *irr[2], *var[2];
    irr[0] = base_calloc(f->alloc, n * 3, sizeof(float));
    irr[1] = base_calloc(f->alloc, n * 3, sizeof(float));
    var[0] = base_calloc(f->alloc, n, sizeof(float));
    var[1] = base_calloc(f->alloc, n, sizeof(float));
    float *lum = base_calloc(f->alloc, n, sizeof(float));
    AuStatus st = AU_ENOMEM;
    if (!irr[0] || !irr[1] || !var[0] || !var[1] || !lum)
        goto done;
    // Demodulate: filter the light arriving, not the surface's colour.
    st = run_pass(f, threads, PASS_DEMODULATE, NULL, irr[0], var[0]);
    if (st != AU_OK)
        goto done;
    // A few samples estimate a pixel's variance poorly; its neighbours'
    // estimates, averaged, are steadier (SVGF's spatial estimate).
    st = run_pass(f, threads, PASS_BLUR_VARIANCE, var[0], NULL, var[1]);
    if (st != AU_OK)
        goto done;
    float *raw_var = var[0];
    var[0] = var[1];
    var[1] = raw_var;
    int cur = 0;
    for (int level = 0; level < LEVELS; level++) {
        st = run_pass(f, threads, PASS_LUM, irr[cur], NULL, lum);
        if (st != AU_OK)
            goto done;
        DenoiseJob job = { f,         irr[cur],     var[cur],
                           lum,       irr[1 - cur], var[1 - cur],
                           1 << level };
        st = base_parallel_for(threads, (size_t)f->height, filter_row, &job);
        if (st != AU_OK)
            goto done;
        cur = 1 - cur;
    }
    st = run_pass(f, threads, PASS_REMODULATE, irr[cur], NULL, NULL);
    if (st != AU_OK)
        goto done;
    st = AU_OK;
done:
    base_free(f->alloc, lum);
    for (int i = 0; i < 2; i++) {
        base_free(f->alloc, irr[i]);
        base_free(f->alloc, var[i]);
    }
    return st;
}
