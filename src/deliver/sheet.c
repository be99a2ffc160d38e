/* deliver/sheet.c: the contact sheet that compares seeded variations shot
 * by shot: a grid of frames with a label on each row and column, drawn
 * with cairo and written as a PNG. */
#include <string.h>

#include <cairo.h>

#include "deliver.h"

enum {
    LABEL_H = 22,
    MARGIN = 6
};

AuStatus deliver_contact_sheet(BaseDiag *diag, const char *path, int cols,
                               int rows, int tile_w, int tile_h,
                               const uint8_t *const *tiles,
                               const char *const *row_labels,
                               const char *const *col_labels)
{
    AuSrcLoc loc = { path, 0, 0 };
    if (cols < 1 || rows < 1 || tile_w < 1 || tile_h < 1 || cols > 256 ||
        rows > 256 || tile_w > 4096 || tile_h > 4096) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "bad-sheet",
                  "a contact sheet of %dx%d tiles of %dx%d is out of range",
                  cols, rows, tile_w, tile_h);
        return AU_EINVAL;
    }
    int label_w = 120;
    int w = label_w + cols * (tile_w + MARGIN) + MARGIN;
    int h = LABEL_H + rows * (tile_h + MARGIN) + MARGIN;
    if (w > AU_MAX_FRAME_SIDE * 2 || h > AU_MAX_FRAME_SIDE * 2) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "bad-sheet",
                  "a contact sheet of %dx%d pixels is too large", w, h);
        return AU_EINVAL;
    }
    cairo_surface_t *surf =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surf);
        return AU_ENOMEM;
    }
    cairo_t *cr = cairo_create(surf);
    cairo_set_source_rgb(cr, 0.08, 0.08, 0.09);
    cairo_paint(cr);
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                           CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, 13.0);
    cairo_set_source_rgb(cr, 0.9, 0.9, 0.85);
    for (int c = 0; c < cols && col_labels; c++) {
        cairo_move_to(cr, label_w + MARGIN + c * (tile_w + MARGIN),
                      LABEL_H - 7);
        cairo_show_text(cr, col_labels[c]);
    }
    for (int r = 0; r < rows && row_labels; r++) {
        cairo_move_to(cr, MARGIN,
                      LABEL_H + MARGIN + r * (tile_h + MARGIN) + tile_h / 2);
        cairo_show_text(cr, row_labels[r]);
    }
    cairo_destroy(cr);
    cairo_surface_flush(surf);
    unsigned char *px = cairo_image_surface_get_data(surf);
    int stride = cairo_image_surface_get_stride(surf);
    // Tiles are copied in directly: cairo's RGB24 is one native-endian
    // 32-bit word per pixel, 0x00RRGGBB.
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
            const uint8_t *t = tiles[r * cols + c];
            if (!t)
                continue;
            int x0 = label_w + MARGIN + c * (tile_w + MARGIN);
            int y0 = LABEL_H + MARGIN + r * (tile_h + MARGIN);
            for (int y = 0; y < tile_h; y++) {
                uint32_t *row = (uint32_t *)(void *)(px + (size_t)(y0 + y) *
                                                              (size_t)stride) +
                                x0;
                const uint8_t *src = t + (size_t)y * (size_t)tile_w * 3;
                for (int x = 0; x < tile_w; x++)
                    row[x] = (uint32_t)src[3 * x] << 16 |
                             (uint32_t)src[3 * x + 1] << 8 | src[3 * x + 2];
            }
        }
    }
    uint8_t *rgb =
        base_calloc(base_allocator_default(), (size_t)w * 3, (size_t)h);
    AuStatus st = AU_ENOMEM;
    if (rgb) {
        for (int y = 0; y < h; y++) {
            const uint32_t *row =
                (const uint32_t *)(const void *)(px +
                                                 (size_t)y * (size_t)stride);
            for (int x = 0; x < w; x++) {
                uint8_t *d = rgb + ((size_t)y * (size_t)w + (size_t)x) * 3;
                d[0] = (uint8_t)(row[x] >> 16);
                d[1] = (uint8_t)(row[x] >> 8);
                d[2] = (uint8_t)row[x];
            }
        }
        st = deliver_png_rgb8(diag, path, w, h, rgb);
        base_free(base_allocator_default(), rgb);
    }
    cairo_surface_destroy(surf);
    return st;
}
