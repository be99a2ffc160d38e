/* render/temporal.c: temporal accumulation after the denoiser. Each
 * frame of a shot blends with the one before, fetched along the motion
 * pass where the same surface was seen, its colour clamped to the new
 * frame's neighbourhood; so what noise the denoiser leaves does not crawl
 * from frame to frame, and nothing that moved leaves a ghost. */
#include <string.h>

#include "render.h"

AuStatus render_history_init(RenderHistory *h, const AuAllocator *alloc,
                             int width, int height)
{
    memset(h, 0, sizeof *h);
    if (width <= 0 || height <= 0)
        return AU_EINVAL;
    size_t n = (size_t)width * (size_t)height;
    h->alloc = alloc;
    h->width = width;
    h->height = height;
    h->rgb = base_calloc(alloc, 3 * n, sizeof(float));
    h->normal = base_calloc(alloc, 3 * n, sizeof(float));
    h->depth = base_calloc(alloc, n, sizeof(float));
    h->id = base_calloc(alloc, n, sizeof(uint16_t));
    h->scratch = base_calloc(alloc, 3 * n, sizeof(float));
    if (!h->rgb || !h->normal || !h->depth || !h->id || !h->scratch) {
        render_history_fini(h);
        return AU_ENOMEM;
    }
    return AU_OK;
}

void render_history_fini(RenderHistory *h)
{
    if (!h->alloc)
        return;
    base_free(h->alloc, h->rgb);
    base_free(h->alloc, h->normal);
    base_free(h->alloc, h->depth);
    base_free(h->alloc, h->id);
    base_free(h->alloc, h->scratch);
    memset(h, 0, sizeof *h);
}

void render_history_reset(RenderHistory *h)
{
    h->valid = false;
}

// Whether history pixel @p j shows the surface frame pixel @p i shows:
// the same object (the set, or the same character, whom the motion pass
// follows as they move), at the same distance within
// RENDER_TEMPORAL_DEPTH and facing the same way.
static inline bool same_surface(const RenderHistory *h, const Frame *f,
                                size_t i, size_t j)
{
    // Every test is evaluated and combined with & rather than &&: the
    // answer is the same, and without the branches a frame's edges cost
    // no mispredictions.
    double d0 = (double)f->depth[i], d1 = (double)h->depth[j];
    const float *n0 = &f->normal[3 * i], *n1 = &h->normal[3 * j];
    double dot = (double)n0[0] * (double)n1[0] + (double)n0[1] * (double)n1[1] +
                 (double)n0[2] * (double)n1[2];
    double far = d0 > d1 ? d0 : d1;
    return (f->id[i] == h->id[j]) & !(d0 <= 0.0) & !(d1 <= 0.0) &
           !(fabs(d0 - d1) > RENDER_TEMPORAL_DEPTH * far) & (dot > 0.9);
}

typedef struct TemporalJob {
    RenderHistory *h;
    Frame *f;
    float *out;
} TemporalJob;

// A row is blended in spans of SPAN pixels, so the neighbourhood bounds
// of a span fit in stack arrays and stay in the first-level cache.
enum {
    SPAN = 256
};

// The bounds of a pixel at the frame's left or right edge from its
// column at @p at of @p clo / @p chi and the neighbours it has.
static void edge_bounds(const float *clo, const float *chi, size_t at,
                        bool left, bool right, float *lo, float *hi)
{
    for (size_t c = 0; c < 3; c++) {
        float l = clo[at + c], u = chi[at + c];
        if (left) {
            l = clo[at + c - 3] < l ? clo[at + c - 3] : l;
            u = chi[at + c - 3] > u ? chi[at + c - 3] : u;
        }
        if (right) {
            l = clo[at + c + 3] < l ? clo[at + c + 3] : l;
            u = chi[at + c + 3] > u ? chi[at + c + 3] : u;
        }
        lo[c] = l;
        hi[c] = u;
    }
}

// The new frame's 3x3 neighbourhood minimum and maximum of every channel
// of pixels x0 .. x0 + count - 1 of row @p y, into @p lo and @p hi (3
// floats per pixel). Min and max are exact, so taking the column first
// and in flat loops the compiler vectorises gives the same values as
// visiting the nine pixels one by one.
static void neighbourhood_span(const Frame *f, int y, int x0, int count,
                               float *lo, float *hi)
{
    int w = f->width, hgt = f->height;
    int cs = x0 > 0 ? x0 - 1 : 0;
    int ce = x0 + count < w ? x0 + count + 1 : w;
    size_t m = 3 * (size_t)(ce - cs);
    const float *mid = &f->rgb[3 * ((size_t)y * (size_t)w + (size_t)cs)];
    const float *up = y > 0 ? mid - 3 * (size_t)w : mid;
    const float *down = y + 1 < hgt ? mid + 3 * (size_t)w : mid;
    // The hi side starts from 0 and the lo side from 1e30, as a pixel's
    // bounds always have.
    float clo[3 * (SPAN + 2)], chi[3 * (SPAN + 2)];
    for (size_t k = 0; k < m; k++) {
        float a = up[k], b = mid[k], c = down[k];
        float l = a < b ? a : b, u = a > b ? a : b;
        l = c < l ? c : l;
        u = c > u ? c : u;
        clo[k] = l < 1e30f ? l : 1e30f;
        chi[k] = u > 0.0f ? u : 0.0f;
    }
    // Column k of clo is pixel cs + k; pixel x0 + i needs columns
    // x0 + i - 1 .. x0 + i + 1, clipped to the frame. The pixels with
    // both neighbours go in one flat loop; a frame's first and last
    // pixel, after it.
    size_t off = 3 * (size_t)(x0 - cs);
    int in_first = x0 > 0 ? 0 : 1;
    int in_end = x0 + count < w ? count : count - 1;
    for (size_t k = 3 * (size_t)in_first; k < 3 * (size_t)in_end; k++) {
        float a = clo[off + k - 3], b = clo[off + k], c = clo[off + k + 3];
        float l = a < b ? a : b;
        lo[k] = c < l ? c : l;
        float d = chi[off + k - 3], e = chi[off + k], g = chi[off + k + 3];
        float u = d > e ? d : e;
        hi[k] = g > u ? g : u;
    }
    if (x0 == 0)
        edge_bounds(clo, chi, off, false, w > 1, lo, hi);
    if (x0 + count == w && w > 1)
        edge_bounds(clo, chi, off + 3 * (size_t)(count - 1), true, false,
                    &lo[3 * (size_t)(count - 1)], &hi[3 * (size_t)(count - 1)]);
}

// Blends pixel (@p x, @p y) = @p i of the frame with the history into
// @p o, which holds the new frame's colour; @p lo and @p hi bound it.
static inline void blend_pixel(const RenderHistory *h, const Frame *f, int x,
                               int y, size_t i, const float *lo,
                               const float *hi, float *o)
{
    int w = f->width;
    double px = (double)x + (double)f->motion[2 * i];
    double py = (double)y + (double)f->motion[2 * i + 1];
    // floor(p) >= 0 and floor(p) + 1 < size, without a call to floor():
    // inside those bounds truncation is the floor.
    if (!(px >= 0.0 && px < (double)(w - 1) && py >= 0.0 &&
          py < (double)(f->height - 1)))
        return;
    int x0 = (int)px, y0 = (int)py;
    // Bilinear over those of the four history pixels that saw the same
    // surface; too little of it, and the pixel starts afresh.
    double fx = px - x0, fy = py - y0;
    double wts[4] = { (1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy,
                      fx * fy };
    size_t js[4] = { (size_t)y0 * (size_t)w + (size_t)x0, 0, 0, 0 };
    js[1] = js[0] + 1;
    js[2] = js[0] + (size_t)w;
    js[3] = js[2] + 1;
    double sum_w = 0.0;
    // A tap of no weight need not be tested (a still camera's pixels
    // have three of them): its weight is 0 either way.
    for (int k = 0; k < 4; k++) {
        if (wts[k] != 0.0 && !same_surface(h, f, i, js[k]))
            wts[k] = 0.0;
        sum_w += wts[k];
    }
    if (sum_w < RENDER_TEMPORAL_MIN_WEIGHT)
        return;
    // The new frame's neighbourhood, widened by a share for the blotches
    // the denoiser leaves, bounds what history may say: light that
    // changed is taken at once.
    // The clamp is written as a min then a max, which the compiler makes
    // branch-free; as lo <= hi always (hi is at least 0, lo at most the
    // least value), it is base_clamp's answer.
    double hist[3];
    for (int c = 0; c < 3; c++) {
        hist[c] = 0.0;
        for (int k = 0; k < 4; k++)
            hist[c] += wts[k] * (double)h->rgb[3 * js[k] + (size_t)c];
    }
    for (int c = 0; c < 3; c++) {
        double v = hist[c] / sum_w;
        double l = (1.0 - RENDER_TEMPORAL_SLACK) * (double)lo[c];
        double u = (1.0 + RENDER_TEMPORAL_SLACK) * (double)hi[c];
        v = v > u ? u : v;
        v = v < l ? l : v;
        o[c] = (float)(RENDER_TEMPORAL_ALPHA * (double)o[c] +
                       (1.0 - RENDER_TEMPORAL_ALPHA) * v);
    }
}

static AuStatus blend_row(void *user, size_t row, int thread)
{
    (void)thread;
    TemporalJob *job = user;
    const RenderHistory *h = job->h;
    const Frame *f = job->f;
    int w = f->width, y = (int)row;
    size_t base = (size_t)y * (size_t)w;
    memcpy(&job->out[3 * base], &f->rgb[3 * base],
           3 * (size_t)w * sizeof(float));
    float lo[3 * SPAN], hi[3 * SPAN];
    for (int x0 = 0; x0 < w; x0 += SPAN) {
        int count = w - x0 < SPAN ? w - x0 : SPAN;
        neighbourhood_span(f, y, x0, count, lo, hi);
        for (int k = 0; k < count; k++) {
            size_t i = base + (size_t)(x0 + k);
            blend_pixel(h, f, x0 + k, y, i, &lo[3 * k], &hi[3 * k],
                        &job->out[3 * i]);
        }
    }
    return AU_OK;
}

AuStatus render_temporal(RenderHistory *h, Frame *f, int threads)
{
    if (h->width != f->width || h->height != f->height)
        return AU_EINVAL;
    size_t n = (size_t)f->width * (size_t)f->height;
    if (h->valid) {
        TemporalJob job = { h, f, h->scratch };
        AuStatus st =
            base_parallel_for(threads, (size_t)f->height, blend_row, &job);
        if (st != AU_OK)
            return st;
        // The blend is the new history: take it by swapping buffers, and
        // copy it once, into the frame.
        float *blended = h->scratch;
        h->scratch = h->rgb;
        h->rgb = blended;
        memcpy(f->rgb, h->rgb, 3 * n * sizeof(float));
    } else {
        memcpy(h->rgb, f->rgb, 3 * n * sizeof(float));
    }
    memcpy(h->normal, f->normal, 3 * n * sizeof(float));
    memcpy(h->depth, f->depth, n * sizeof(float));
    memcpy(h->id, f->id, n * sizeof(uint16_t));
    h->valid = true;
    return AU_OK;
}
