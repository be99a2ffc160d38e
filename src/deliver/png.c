/* deliver/png.c: still-image outputs of the last stage (graded frames,
 * storyboard panels, 16-bit control passes) written with libpng into a
 * temporary file that is renamed onto the target when complete. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <png.h>

#include "deliver.h"

// Carries libpng's last error text from the error callback back to the
// setjmp point.
typedef struct PngError {
    char text[256];
} PngError;

static void on_png_error(png_structp png, png_const_charp msg)
{
    PngError *e = png_get_error_ptr(png);
    snprintf(e->text, sizeof e->text, "%s", msg ? msg : "libpng error");
    png_longjmp(png, 1);
}

// Warnings (e.g. about chunk order) say nothing the caller can act on, and
// the library never prints, so they are dropped.
static void on_png_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;
}

static bool host_is_little_endian(void)
{
    const uint16_t one = 1;
    uint8_t first;
    memcpy(&first, &one, 1);
    return first == 1;
}

typedef struct PngImage {
    int width;
    int height;
    int color_type;
    int bit_depth;
    size_t row_bytes;
    const uint8_t *pixels;
} PngImage;

// Everything libpng allocates is created before setjmp and never
// reassigned after it, so no local needs to be volatile.
static AuStatus write_rows(BaseDiag *diag, FILE *fp, const char *path,
                           const PngImage *img)
{
    AuSrcLoc loc = { path, 0, 0 };
    PngError err = { "" };
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &err,
                                              on_png_error, on_png_warning);
    if (!png)
        return AU_ENOMEM;
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        return AU_ENOMEM;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        base_diag(diag, loc, AU_SEVERITY_ERROR, "io", "cannot write: %s",
                  err.text);
        return AU_EIO;
    }
    png_init_io(png, fp);
    png_set_IHDR(png, info, (png_uint_32)img->width, (png_uint_32)img->height,
                 img->bit_depth, img->color_type, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // Graded frames are sRGB-encoded; control passes are plain numbers and
    // carry no colour chunk.
    if (img->color_type == PNG_COLOR_TYPE_RGB)
        png_set_sRGB_gAMA_and_cHRM(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
    png_write_info(png, info);
    // PNG stores 16-bit samples big-endian; libpng swaps its own copy of
    // each row, so the caller's buffer is never touched.
    if (img->bit_depth == 16 && host_is_little_endian())
        png_set_swap(png);
    for (int y = 0; y < img->height; y++)
        png_write_row(png, img->pixels + (size_t)y * img->row_bytes);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return AU_OK;
}

static AuStatus write_png(BaseDiag *diag, const char *path, const PngImage *img)
{
    AU_ASSERT(path && img->pixels);
    AuSrcLoc loc = { path, 0, 0 };
    // PNG's own limit is 2^31 - 1 per side; AU_MAX_FRAME_SIDE keeps the
    // row arithmetic far from overflow.
    if (img->width <= 0 || img->height <= 0 || img->width > AU_MAX_FRAME_SIDE ||
        img->height > AU_MAX_FRAME_SIDE) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "bad-size",
                  "cannot write a %dx%d image: sides must be within 1..%d",
                  img->width, img->height, AU_MAX_FRAME_SIDE);
        return AU_EINVAL;
    }
    BaseAtomicFile file;
    AuStatus st = base_atomic_begin(&file, path);
    if (st != AU_OK) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "bad-path",
                  "the output path is empty or too long");
        return st;
    }
    FILE *fp = fopen(file.tmp, "wb");
    if (!fp) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "io", "cannot write: %s",
                  strerror(errno));
        return AU_EIO;
    }
    st = write_rows(diag, fp, path, img);
    // fclose flushes the stdio buffer, so a full disk shows up here.
    if (fclose(fp) != 0 && st == AU_OK) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "io", "cannot write: %s",
                  strerror(errno));
        st = AU_EIO;
    }
    if (st != AU_OK) {
        base_atomic_abort(&file);
        return st;
    }
    return base_atomic_commit(&file, diag);
}

AuStatus deliver_png_rgb8(BaseDiag *diag, const char *path, int width,
                          int height, const uint8_t *rgb8)
{
    PngImage img = { width, height, PNG_COLOR_TYPE_RGB, 8, (size_t)width * 3,
                     rgb8 };
    return write_png(diag, path, &img);
}

AuStatus deliver_png_gray16(BaseDiag *diag, const char *path, int width,
                            int height, const uint16_t *values)
{
    PngImage img = { width,
                     height,
                     PNG_COLOR_TYPE_GRAY,
                     16,
                     (size_t)width * 2,
                     (const uint8_t *)values };
    return write_png(diag, path, &img);
}
