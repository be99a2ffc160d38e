/* tests/deliver/test_exr.c: the float passes as OpenEXR: a known pattern
 * written and read back through OpenEXR's own decoder is bit-exact in
 * every channel, names and size as given; an unwritable place is an
 * error that leaves nothing; `auteur still --passes` writes depth in
 * metres that matches the camera's distance to the floor. */
#define _POSIX_C_SOURCE 200809L
#include <openexr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "deliver/deliver.h"

// Reads channel @p name of a scanline EXR into @p out (width x height
// floats). Returns 0 on success.
static int read_channel(const char *path, const char *name, int *w, int *h,
                        float **out)
{
    exr_context_t ctx = NULL;
    if (exr_start_read(&ctx, path, NULL) != EXR_ERR_SUCCESS)
        return -1;
    exr_attr_box2i_t dw;
    int rc = -1;
    int32_t lines = 1;
    if (exr_get_data_window(ctx, 0, &dw) != EXR_ERR_SUCCESS ||
        exr_get_scanlines_per_chunk(ctx, 0, &lines) != EXR_ERR_SUCCESS)
        goto done;
    *w = dw.max.x - dw.min.x + 1;
    *h = dw.max.y - dw.min.y + 1;
    *out = calloc((size_t)*w * (size_t)*h, sizeof(float));
    exr_decode_pipeline_t dec;
    memset(&dec, 0, sizeof dec);
    bool first = true, found = false;
    for (int y = dw.min.y; y <= dw.max.y; y += lines) {
        exr_chunk_info_t chunk;
        if (exr_read_scanline_chunk_info(ctx, 0, y, &chunk) != EXR_ERR_SUCCESS)
            goto fail;
        if ((first ? exr_decoding_initialize(ctx, 0, &chunk, &dec)
                   : exr_decoding_update(ctx, 0, &chunk, &dec)) !=
            EXR_ERR_SUCCESS)
            goto fail;
        for (int c = 0; c < dec.channel_count; c++) {
            exr_coding_channel_info_t *ci = &dec.channels[c];
            bool mine = strcmp(ci->channel_name, name) == 0;
            found = found || mine;
            ci->decode_to_ptr =
                mine ? (uint8_t *)(*out + (size_t)(y - dw.min.y) * (size_t)*w)
                     : NULL;
            ci->user_bytes_per_element = 4;
            ci->user_data_type = EXR_PIXEL_FLOAT;
            ci->user_pixel_stride = 4;
            ci->user_line_stride = 4 * *w;
        }
        if (first && exr_decoding_choose_default_routines(ctx, 0, &dec) !=
                         EXR_ERR_SUCCESS)
            goto fail;
        first = false;
        if (exr_decoding_run(ctx, 0, &dec) != EXR_ERR_SUCCESS)
            goto fail;
    }
    rc = found ? 0 : -1;
fail:
    if (!first)
        exr_decoding_destroy(ctx, &dec);
done:
    exr_finish(&ctx);
    return rc;
}

static void test_round_trip(void)
{
    enum {
        W = 37,
        H = 23
    };

    float *px = malloc(sizeof(float) * W * H * 3);
    for (int i = 0; i < W * H; i++) {
        px[3 * i + 0] = (float)i * 0.25f;        // X
        px[3 * i + 1] = -(float)i / 7.0f;        // Y
        px[3 * i + 2] = 1e-3f * (float)(i % 13); // Z
    }
    static const char *const names[] = { "X", "Y", "Z" };
    char path[] = "/tmp/au_exr_XXXXXX";
    CHECK(mkdtemp(path) != NULL);
    char file[64];
    snprintf(file, sizeof file, "%s/v.exr", path);
    CHECK_OK(deliver_exr_write(NULL, file, W, H, 3, names, px));
    for (int c = 0; c < 3; c++) {
        int w = 0, h = 0;
        float *got = NULL;
        CHECK_INT_EQ(read_channel(file, names[c], &w, &h, &got), 0);
        CHECK_INT_EQ(w, W);
        CHECK_INT_EQ(h, H);
        int diff = 0;
        for (int i = 0; got && i < W * H; i++)
            diff += memcmp(&got[i], &px[3 * i + c], sizeof(float)) != 0;
        CHECK_INT_EQ(diff, 0);
        free(got);
    }
    remove(file);
    // A directory that does not exist: an error, and no file.
    snprintf(file, sizeof file, "%s/missing/v.exr", path);
    BaseDiag quiet = { 0 };
    CHECK_STATUS(deliver_exr_write(&quiet, file, W, H, 3, names, px), AU_EIO);
    CHECK_INT_EQ(quiet.errors, 1);
    struct stat sb;
    CHECK(stat(file, &sb) != 0);
    CHECK_STATUS(deliver_exr_write(NULL, file, 0, H, 3, names, px), AU_EINVAL);
    rmdir(path);
    free(px);
}

// Depth from the command line: the middle of the bottom row of a wide,
// level shot sees the floor, a few metres off, and the top row of an
// exterior sees the sky, depth 0.
static void test_still_passes(void)
{
    char dir[] = "/tmp/au_passes_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "%s still %s/examples/first-light.fountain --shot 1 --size "
             "160x67 --samples 1 -q --passes %s -o %s/x.png",
             AU_CLI_PATH, AU_SOURCE_DIR, dir, dir);
    CHECK_INT_EQ(system(cmd), 0);
    char file[256];
    snprintf(file, sizeof file, "%s/depth.exr", dir);
    int w = 0, h = 0;
    float *z = NULL;
    CHECK_INT_EQ(read_channel(file, "Z", &w, &h, &z), 0);
    if (z) {
        float bottom = z[(size_t)(h - 1) * (size_t)w + (size_t)w / 2];
        fprintf(stderr,
                "  depth %dx%d: bottom middle %.2f m, top left %.2f m\n", w, h,
                bottom, z[0]);
        CHECK(bottom > 0.5f && bottom < 30.0f);
    }
    free(z);
    float *n = NULL;
    snprintf(file, sizeof file, "%s/normal.exr", dir);
    CHECK_INT_EQ(read_channel(file, "Y", &w, &h, &n), 0);
    // The floor faces up.
    if (n)
        CHECK(n[(size_t)(h - 1) * (size_t)w + (size_t)w / 2] > 0.9f);
    free(n);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_INT_EQ(system(cmd), 0);
}

int main(void)
{
    CHECK_RUN(test_round_trip);
    CHECK_RUN(test_still_passes);
    return CHECK_DONE();
}
