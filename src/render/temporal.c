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
static bool same_surface(const RenderHistory *h, const Frame *f, size_t i,
                         size_t j)
{
    if (f->id[i] != h->id[j])
        return false;
    double d0 = (double)f->depth[i], d1 = (double)h->depth[j];
    if (d0 <= 0.0 || d1 <= 0.0 ||
        fabs(d0 - d1) > RENDER_TEMPORAL_DEPTH * (d0 > d1 ? d0 : d1))
        return false;
    double dot = 0.0;
    for (int c = 0; c < 3; c++)
        dot += (double)f->normal[3 * i + (size_t)c] *
               (double)h->normal[3 * j + (size_t)c];
    return dot > 0.9;
}

typedef struct TemporalJob {
    RenderHistory *h;
    Frame *f;
    float *out;
} TemporalJob;

static AuStatus blend_row(void *user, size_t y, int thread)
{
    (void)thread;
    TemporalJob *job = user;
    const RenderHistory *h = job->h;
    const Frame *f = job->f;
    int w = f->width, hgt = f->height;
    for (int x = 0; x < w; x++) {
        size_t i = (size_t)y * (size_t)w + (size_t)x;
        float *o = &job->out[3 * i];
        memcpy(o, &f->rgb[3 * i], 3 * sizeof(float));
        double px = (double)x + (double)f->motion[2 * i];
        double py = (double)y + (double)f->motion[2 * i + 1];
        int x0 = (int)floor(px), y0 = (int)floor(py);
        if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= hgt)
            continue;
        // Bilinear over those of the four history pixels that saw the
        // same surface; too little of it, and the pixel starts afresh.
        double fx = px - x0, fy = py - y0;
        double wts[4] = { (1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy,
                          fx * fy };
        size_t js[4] = { (size_t)y0 * (size_t)w + (size_t)x0, 0, 0, 0 };
        js[1] = js[0] + 1;
        js[2] = js[0] + (size_t)w;
        js[3] = js[2] + 1;
        double sum_w = 0.0;
        for (int k = 0; k < 4; k++) {
            if (!same_surface(h, f, i, js[k]))
                wts[k] = 0.0;
            sum_w += wts[k];
        }
        if (sum_w < RENDER_TEMPORAL_MIN_WEIGHT)
            continue;
        // The new frame's 3x3 neighbourhood, widened by a share for the
        // blotches the denoiser leaves, bounds what history may say: light
        // that changed is taken at once.
        float lo[3] = { 1e30f, 1e30f, 1e30f }, hi[3] = { 0, 0, 0 };
        for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx, yy = (int)y + dy;
                if (xx < 0 || yy < 0 || xx >= w || yy >= hgt)
                    continue;
                const float *n =
                    &f->rgb[3 * ((size_t)yy * (size_t)w + (size_t)xx)];
                for (int c = 0; c < 3; c++) {
                    lo[c] = n[c] < lo[c] ? n[c] : lo[c];
                    hi[c] = n[c] > hi[c] ? n[c] : hi[c];
                }
            }
        for (int c = 0; c < 3; c++) {
            double hist = 0.0;
            for (int k = 0; k < 4; k++)
                hist += wts[k] * (double)h->rgb[3 * js[k] + (size_t)c];
            hist /= sum_w;
            hist =
                base_clamp(hist, (1.0 - RENDER_TEMPORAL_SLACK) * (double)lo[c],
                           (1.0 + RENDER_TEMPORAL_SLACK) * (double)hi[c]);
            o[c] = (float)(RENDER_TEMPORAL_ALPHA * (double)o[c] +
                           (1.0 - RENDER_TEMPORAL_ALPHA) * hist);
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
        memcpy(f->rgb, h->scratch, 3 * n * sizeof(float));
    }
    memcpy(h->rgb, f->rgb, 3 * n * sizeof(float));
    memcpy(h->normal, f->normal, 3 * n * sizeof(float));
    memcpy(h->depth, f->depth, n * sizeof(float));
    memcpy(h->id, f->id, n * sizeof(uint16_t));
    h->valid = true;
    return AU_OK;
}
