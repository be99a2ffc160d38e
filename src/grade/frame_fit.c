/* grade/frame_fit.c: framing for delivery: fits a graded picture into
 * another aspect ratio (2.39:1, 1.85:1, 16:9, 9:16, 1:1) by letterbox,
 * pillarbox, or a crop that keeps the subject in frame. */
#include <stdlib.h>
#include <string.h>

#include "grade.h"

bool grade_aspect_parse(const char *text, double *aspect)
{
    if (!text || !*text)
        return false;
    char *end = NULL;
    double w = strtod(text, &end);
    double h = 1.0;
    if (end == text || !(w > 0.0) || w > 100.0)
        return false;
    if (*end == ':') {
        const char *hs = end + 1;
        h = strtod(hs, &end);
        if (end == hs || !(h > 0.0) || h > 100.0)
            return false;
    }
    if (*end != '\0')
        return false;
    *aspect = w / h;
    return true;
}

// Samples @p src at the continuous position (@p x, @p y) in pixels with
// bilinear weights; edges clamp.
static void sample(const uint8_t *src, int w, int h, double x, double y,
                   uint8_t out[3])
{
    x = base_clamp(x, 0.0, w - 1.0);
    y = base_clamp(y, 0.0, h - 1.0);
    int x0 = (int)x, y0 = (int)y;
    int x1 = x0 + 1 < w ? x0 + 1 : x0, y1 = y0 + 1 < h ? y0 + 1 : y0;
    double fx = x - x0, fy = y - y0;
    for (int c = 0; c < 3; c++) {
#define P(xx, yy) \
    (double)src[((size_t)(yy) * (size_t)w + (size_t)(xx)) * 3 + (size_t)c]
        double v = (P(x0, y0) * (1 - fx) + P(x1, y0) * fx) * (1 - fy) +
                   (P(x0, y1) * (1 - fx) + P(x1, y1) * fx) * fy;
#undef P
        out[c] = (uint8_t)(v + 0.5);
    }
}

void grade_reframe(const uint8_t *src, int sw, int sh, uint8_t *dst, int dw,
                   int dh, GradeFit fit, double subject_x)
{
    memset(dst, 0, (size_t)dw * (size_t)dh * 3);
    double s_aspect = (double)sw / sh, d_aspect = (double)dw / dh;
    // The region of the output that shows picture (x0, y0, cw x ch), and
    // the region of the source it shows (sx0, sy0, scw x sch).
    double x0 = 0, y0 = 0, cw = dw, ch = dh;
    double sx0 = 0, sy0 = 0, scw = sw, sch = sh;
    if (fit == GRADE_FIT_LETTERBOX) {
        if (s_aspect > d_aspect) {
            ch = dw / s_aspect; // bars top and bottom
            y0 = (dh - ch) * 0.5;
        } else {
            cw = dh * s_aspect; // bars at the sides
            x0 = (dw - cw) * 0.5;
        }
    } else if (s_aspect > d_aspect) {
        // Crop the sides: a window of the output's aspect, centred on
        // the subject but never past the picture's edge.
        scw = sh * d_aspect;
        sx0 = base_clamp(subject_x * sw - scw * 0.5, 0.0, sw - scw);
    } else {
        sch = sw / d_aspect;
        sy0 = (sh - sch) * 0.5;
    }
    int ys = (int)(y0 + 0.5), ye = (int)(y0 + ch + 0.5);
    int xs = (int)(x0 + 0.5), xe = (int)(x0 + cw + 0.5);
    for (int y = ys; y < ye && y < dh; y++) {
        for (int x = xs; x < xe && x < dw; x++) {
            double u = (x + 0.5 - x0) / cw, v = (y + 0.5 - y0) / ch;
            sample(src, sw, sh, sx0 + u * scw - 0.5, sy0 + v * sch - 0.5,
                   &dst[((size_t)y * (size_t)dw + (size_t)x) * 3]);
        }
    }
}

// Fixed-point weights of the upscale: 8 bits, so 2x's quarter weights
// are exact and the result is the exactly rounded bilinear value.
enum {
    UP_ONE = 256,
    // Source columns one block of output columns may read, so a block's
    // tables and blended rows live on the stack.
    UP_SPAN = 512
};

// Where output coordinate @p i of @p dn samples a source of @p sn: the
// first pixel, the second (clamped) and the second's weight.
static void up_tap(int i, int sn, int dn, int *p0, int *p1, int *wt)
{
    double f = ((double)i + 0.5) * sn / dn - 0.5;
    f = f < 0.0 ? 0.0 : f;
    int a = (int)f;
    *p0 = a;
    *p1 = a + 1 < sn ? a + 1 : sn - 1;
    *wt = (int)((f - a) * UP_ONE + 0.5);
}

void grade_upscale(const uint8_t *src, int sw, int sh, uint8_t *dst, int dw,
                   int dh)
{
    // Blocks of output columns whose source span fits UP_SPAN; in each,
    // every output row blends its two source rows over the span (a flat
    // loop the compiler vectorises), then each output pixel its two
    // columns of that.
    int x_begin = 0;
    while (x_begin < dw) {
        int c0[UP_SPAN], c1[UP_SPAN], cw[UP_SPAN];
        int first = 0, last = 0, count = 0;
        for (int x = x_begin; x < dw && count < UP_SPAN; x++) {
            int a, b, wt;
            up_tap(x, sw, dw, &a, &b, &wt);
            if (count == 0)
                first = a;
            else if (b - first >= UP_SPAN)
                break;
            c0[count] = 3 * (a - first);
            c1[count] = 3 * (b - first);
            cw[count] = wt;
            last = b > last ? b : last;
            count++;
        }
        size_t m = 3 * (size_t)(last - first + 1);
        for (int y = 0; y < dh; y++) {
            int r0, r1, wy;
            up_tap(y, sh, dh, &r0, &r1, &wy);
            const uint8_t *s0 =
                &src[3 * ((size_t)r0 * (size_t)sw + (size_t)first)];
            const uint8_t *s1 =
                &src[3 * ((size_t)r1 * (size_t)sw + (size_t)first)];
            uint16_t v[3 * UP_SPAN];
            unsigned ky = (unsigned)(UP_ONE - wy), kw = (unsigned)wy;
            for (size_t k = 0; k < m; k++)
                v[k] = (uint16_t)(s0[k] * ky + s1[k] * kw);
            uint8_t *out = &dst[3 * ((size_t)y * (size_t)dw + (size_t)x_begin)];
            for (int i = 0; i < count; i++) {
                uint32_t kx = (uint32_t)(UP_ONE - cw[i]), wx = (uint32_t)cw[i];
                const uint16_t *a = &v[c0[i]], *b = &v[c1[i]];
                for (int c = 0; c < 3; c++)
                    out[3 * i + c] = (uint8_t)((a[c] * kx + b[c] * wx +
                                                UP_ONE * UP_ONE / 2) >>
                                               16);
            }
        }
        x_begin += count;
    }
}
