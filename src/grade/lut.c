/* grade/lut.c: 3D colour lookup tables from .cube files (the Resolve and
 * Adobe format) and their tetrahedral interpolation; the grade applies one
 * to display-encoded pixels after the tone curve and the look. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"

enum {
    LUT_MIN_SIZE = 2,
    LUT_MAX_SIZE = 65,
    // A 65^3 table as text is about 2.5 MB; four times that is plenty.
    LUT_MAX_FILE_BYTES = 16 << 20
};

// Real tables hold display values near [0, 1] and HDR domains up to a
// few hundred; anything past this is a corrupt file, and would overflow
// float storage or the interpolation.
#define LUT_MAX_ABS 1e6

typedef struct CubeParser {
    BaseDiag *diag;
    const char *file;
    const char *text;
    size_t size;
    size_t pos; // start of the current line
    uint32_t line;
} CubeParser;

static AuStatus cube_error(CubeParser *p, size_t at, const char *msg,
                           const char *detail)
{
    AuSrcLoc loc = { p->file, p->line, (uint32_t)(at - p->pos + 1) };
    base_diag(p->diag, loc, AU_SEVERITY_ERROR, "bad-lut", "%s%s", msg,
              detail ? detail : "");
    return AU_ESYNTAX;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

// Reads one whitespace-separated token starting at or after *at on the
// line ending at @p end. Returns its length, 0 at the end of the line.
static size_t next_token(const char *text, size_t *at, size_t end)
{
    while (*at < end && is_space(text[*at]))
        (*at)++;
    size_t n = 0;
    while (*at + n < end && !is_space(text[*at + n]))
        n++;
    return n;
}

// Parses a finite decimal number that fills the token exactly.
static bool parse_number(const char *tok, size_t n, double *out)
{
    char buf[64];
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, tok, n);
    buf[n] = '\0';
    // strtod also takes "nan", "inf" and hex floats; a .cube holds only
    // plain decimals, so anything else is a mistake worth reporting.
    for (size_t i = 0; i < n; i++) {
        char c = buf[i];
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' ||
              c == 'e' || c == 'E'))
            return false;
    }
    char *endp = NULL;
    double v = strtod(buf, &endp);
    if (endp != buf + n || !isfinite(v))
        return false;
    *out = v;
    return true;
}

// Reads exactly @p count numbers from the rest of the line.
static AuStatus read_numbers(CubeParser *p, size_t at, size_t end, int count,
                             double *out)
{
    for (int k = 0; k < count; k++) {
        size_t n = next_token(p->text, &at, end);
        if (n == 0)
            return cube_error(p, at, "expected 3 numbers on this line", NULL);
        if (!parse_number(p->text + at, n, &out[k]))
            return cube_error(p, at, "not a finite decimal number ",
                              "(NaN, inf or a typo?)");
        if (fabs(out[k]) > LUT_MAX_ABS)
            return cube_error(p, at, "value out of range ", "(beyond +-1e6)");
        at += n;
    }
    if (next_token(p->text, &at, end) != 0)
        return cube_error(p, at, "unexpected extra value on this line", NULL);
    return AU_OK;
}

static bool keyword_is(const char *tok, size_t n, const char *kw)
{
    return strlen(kw) == n && memcmp(tok, kw, n) == 0;
}

AuStatus grade_lut_parse(const AuAllocator *a, BaseDiag *diag, const char *file,
                         const char *text, size_t size, GradeLut *out)
{
    memset(out, 0, sizeof *out);
    out->alloc = a;
    for (int c = 0; c < 3; c++)
        out->domain_max[c] = 1.0f;
    CubeParser p = { diag, file ? file : "<lut>", text, size, 0, 0 };
    size_t count = 0, expected = 0;
    AuStatus st = AU_OK;
    while (p.pos < size && st == AU_OK) {
        p.line++;
        size_t end = p.pos;
        while (end < size && text[end] != '\n')
            end++;
        // Printable ASCII only outside comments and titles: a stray NUL
        // or binary byte means the file is not a .cube at all.
        size_t at = p.pos;
        size_t n = next_token(text, &at, end);
        bool free_text =
            n > 0 && (text[at] == '#' || keyword_is(text + at, n, "TITLE"));
        for (size_t i = p.pos; i < end && !free_text; i++) {
            unsigned char ch = (unsigned char)text[i];
            if ((ch < 0x20 && ch != '\t' && ch != '\r') || ch >= 0x7f) {
                st = cube_error(&p, i, "unexpected byte in a .cube file", NULL);
                break;
            }
        }
        if (st != AU_OK || n == 0 || free_text) {
            p.pos = end + 1;
            continue;
        }
        const char *tok = text + at;
        double v[3];
        if ((tok[0] >= '0' && tok[0] <= '9') || tok[0] == '-' ||
            tok[0] == '+' || tok[0] == '.') {
            if (!out->rgb) {
                st = cube_error(&p, at,
                                "data before LUT_3D_SIZE: the size must "
                                "come first",
                                NULL);
            } else if (count >= expected) {
                st =
                    cube_error(&p, at, "more entries than LUT_3D_SIZE^3", NULL);
            } else if ((st = read_numbers(&p, at, end, 3, v)) == AU_OK) {
                for (int c = 0; c < 3; c++)
                    out->rgb[count * 3 + (size_t)c] = (float)v[c];
                count++;
            }
        } else if (keyword_is(tok, n, "LUT_3D_SIZE")) {
            size_t at2 = at + n;
            size_t n2 = next_token(text, &at2, end);
            double s = 0.0;
            if (out->rgb) {
                st = cube_error(&p, at, "LUT_3D_SIZE given twice", NULL);
            } else if (!parse_number(text + at2, n2, &s) || s != floor(s) ||
                       s < LUT_MIN_SIZE || s > LUT_MAX_SIZE) {
                st = cube_error(&p, at2,
                                "LUT_3D_SIZE wants a whole number from 2 to "
                                "65",
                                NULL);
            } else {
                at2 += n2;
                if (next_token(text, &at2, end) != 0) {
                    st = cube_error(&p, at2, "unexpected extra value", NULL);
                } else {
                    out->size = (int)s;
                    expected = (size_t)out->size * (size_t)out->size *
                               (size_t)out->size;
                    out->rgb = base_calloc(a, expected * 3, sizeof(float));
                    if (!out->rgb)
                        st = AU_ENOMEM;
                }
            }
        } else if (keyword_is(tok, n, "DOMAIN_MIN") ||
                   keyword_is(tok, n, "DOMAIN_MAX")) {
            float *dst = tok[8] == 'I' ? out->domain_min : out->domain_max;
            if ((st = read_numbers(&p, at + n, end, 3, v)) == AU_OK)
                for (int c = 0; c < 3; c++)
                    dst[c] = (float)v[c];
        } else if (keyword_is(tok, n, "LUT_3D_INPUT_RANGE")) {
            if ((st = read_numbers(&p, at + n, end, 2, v)) == AU_OK)
                for (int c = 0; c < 3; c++) {
                    out->domain_min[c] = (float)v[0];
                    out->domain_max[c] = (float)v[1];
                }
        } else if (keyword_is(tok, n, "LUT_1D_SIZE") ||
                   keyword_is(tok, n, "LUT_1D_INPUT_RANGE")) {
            st = cube_error(&p, at,
                            "1D LUTs are not supported; give a 3D .cube "
                            "(LUT_3D_SIZE)",
                            NULL);
        } else {
            st = cube_error(&p, at, "unknown keyword in a .cube file", NULL);
        }
        p.pos = end + 1;
    }
    if (st == AU_OK && !out->rgb) {
        AuSrcLoc loc = { p.file, p.line ? p.line : 1, 1 };
        base_diag(diag, loc, AU_SEVERITY_ERROR, "bad-lut",
                  "no LUT_3D_SIZE: not a 3D .cube file");
        st = AU_ESYNTAX;
    }
    if (st == AU_OK && count != expected) {
        AuSrcLoc loc = { p.file, p.line ? p.line : 1, 1 };
        base_diag(diag, loc, AU_SEVERITY_ERROR, "bad-lut",
                  "the file ends after %zu entries; LUT_3D_SIZE %d wants "
                  "%zu (truncated?)",
                  count, out->size, expected);
        st = AU_ESYNTAX;
    }
    for (int c = 0; c < 3 && st == AU_OK; c++) {
        if (!(out->domain_max[c] > out->domain_min[c])) {
            AuSrcLoc loc = { p.file, 0, 0 };
            base_diag(diag, loc, AU_SEVERITY_ERROR, "bad-lut",
                      "DOMAIN_MAX must be above DOMAIN_MIN in every channel");
            st = AU_ESYNTAX;
        }
    }
    if (st != AU_OK)
        grade_lut_free(out);
    return st;
}

AuStatus grade_lut_load(const AuAllocator *a, BaseDiag *diag, const char *path,
                        GradeLut *out)
{
    memset(out, 0, sizeof *out);
    char *data = NULL;
    size_t size = 0;
    AuStatus st =
        base_file_read(a, diag, path, LUT_MAX_FILE_BYTES, &data, &size);
    if (st != AU_OK)
        return st;
    st = grade_lut_parse(a, diag, path, data, size, out);
    base_free(a, data);
    return st;
}

void grade_lut_free(GradeLut *lut)
{
    if (lut->rgb)
        base_free(lut->alloc, lut->rgb);
    lut->rgb = NULL;
    lut->size = 0;
}

void grade_lut_apply(const GradeLut *lut, const double in[3], double out[3])
{
    int n = lut->size;
    double f[3];
    int i0[3], i1[3];
    for (int c = 0; c < 3; c++) {
        double lo = (double)lut->domain_min[c], hi = (double)lut->domain_max[c];
        double t = (in[c] - lo) / (hi - lo);
        t = base_clamp(t == t ? t : 0.0, 0.0, 1.0) * (n - 1);
        int k = (int)t;
        if (k > n - 2)
            k = n - 2;
        i0[c] = k;
        i1[c] = k + 1;
        f[c] = t - k;
    }
    // The cube's corners, red fastest: index r + n * (g + n * b).
#define AT(r, g, b) \
    (lut->rgb +     \
     3 * ((size_t)(r) + (size_t)n * ((size_t)(g) + (size_t)n * (size_t)(b))))
    const float *c000 = AT(i0[0], i0[1], i0[2]);
    const float *c111 = AT(i1[0], i1[1], i1[2]);
    const float *p1, *p2;
    double w0, w1, w2, w3;
    double fr = f[0], fg = f[1], fb = f[2];
    // Tetrahedral interpolation: the ordering of the three fractions picks
    // one of six tetrahedra sharing the cube's main diagonal, so grey
    // inputs only ever mix grey lattice points.
    if (fr >= fg && fg >= fb) {
        p1 = AT(i1[0], i0[1], i0[2]);
        p2 = AT(i1[0], i1[1], i0[2]);
        w0 = 1 - fr, w1 = fr - fg, w2 = fg - fb, w3 = fb;
    } else if (fr >= fb && fb >= fg) {
        p1 = AT(i1[0], i0[1], i0[2]);
        p2 = AT(i1[0], i0[1], i1[2]);
        w0 = 1 - fr, w1 = fr - fb, w2 = fb - fg, w3 = fg;
    } else if (fb >= fr && fr >= fg) {
        p1 = AT(i0[0], i0[1], i1[2]);
        p2 = AT(i1[0], i0[1], i1[2]);
        w0 = 1 - fb, w1 = fb - fr, w2 = fr - fg, w3 = fg;
    } else if (fg >= fr && fr >= fb) {
        p1 = AT(i0[0], i1[1], i0[2]);
        p2 = AT(i1[0], i1[1], i0[2]);
        w0 = 1 - fg, w1 = fg - fr, w2 = fr - fb, w3 = fb;
    } else if (fg >= fb && fb >= fr) {
        p1 = AT(i0[0], i1[1], i0[2]);
        p2 = AT(i0[0], i1[1], i1[2]);
        w0 = 1 - fg, w1 = fg - fb, w2 = fb - fr, w3 = fr;
    } else {
        p1 = AT(i0[0], i0[1], i1[2]);
        p2 = AT(i0[0], i1[1], i1[2]);
        w0 = 1 - fb, w1 = fb - fg, w2 = fg - fr, w3 = fr;
    }
#undef AT
    for (int c = 0; c < 3; c++)
        out[c] = w0 * (double)c000[c] + w1 * (double)p1[c] +
                 w2 * (double)p2[c] + w3 * (double)c111[c];
}
