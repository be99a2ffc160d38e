/* deliver/exr.c: scene-referred passes as OpenEXR files (32-bit float,
 * ZIP-compressed scanlines) through OpenEXR's C core: depth in metres,
 * normals, motion vectors, the linear beauty, for compositors. Written
 * beside the target and renamed when complete, as every output is. */
#include <openexr.h>
#include <string.h>

#include "deliver.h"

// Turns an OpenEXR error into the one-line message every output gives.
static AuStatus fail(BaseDiag *diag, const char *path, exr_result_t rv)
{
    AuSrcLoc loc = { path, 0, 0 };
    base_diag(diag, loc, AU_SEVERITY_ERROR, "io", "cannot write %s: %s", path,
              exr_get_default_error_message(rv));
    return AU_EIO;
}

// Quiet: failures come back as results and are reported once, above.
static void no_message(exr_const_context_t ctxt, exr_result_t code,
                       const char *msg)
{
    (void)ctxt;
    (void)code;
    (void)msg;
}

static exr_result_t write_chunks(exr_context_t ctx, int width, int height,
                                 int channels, const char *const *names,
                                 const float *data)
{
    int32_t lines = 1;
    exr_result_t rv = exr_get_scanlines_per_chunk(ctx, 0, &lines);
    exr_encode_pipeline_t enc;
    memset(&enc, 0, sizeof enc);
    bool first = true;
    size_t row = (size_t)width * (size_t)channels;
    for (int y = 0; rv == EXR_ERR_SUCCESS && y < height; y += lines) {
        exr_chunk_info_t chunk;
        rv = exr_write_scanline_chunk_info(ctx, 0, y, &chunk);
        if (rv != EXR_ERR_SUCCESS)
            break;
        rv = first ? exr_encoding_initialize(ctx, 0, &chunk, &enc)
                   : exr_encoding_update(ctx, 0, &chunk, &enc);
        if (rv != EXR_ERR_SUCCESS)
            break;
        // The file lists channels sorted by name; each finds its own
        // place in the caller's interleaved pixels.
        for (int c = 0; c < enc.channel_count; c++) {
            exr_coding_channel_info_t *ci = &enc.channels[c];
            int k = 0;
            while (k + 1 < channels && strcmp(ci->channel_name, names[k]) != 0)
                k++;
            ci->user_bytes_per_element = 4;
            ci->user_data_type = EXR_PIXEL_FLOAT;
            ci->user_pixel_stride = (int32_t)(channels * 4);
            ci->user_line_stride = (int32_t)(row * 4);
            ci->encode_from_ptr =
                (const uint8_t *)(data + (size_t)y * row + (size_t)k);
        }
        if (first)
            rv = exr_encoding_choose_default_routines(ctx, 0, &enc);
        first = false;
        if (rv == EXR_ERR_SUCCESS)
            rv = exr_encoding_run(ctx, 0, &enc);
    }
    if (!first)
        exr_encoding_destroy(ctx, &enc);
    return rv;
}

AuStatus deliver_exr_write(BaseDiag *diag, const char *path, int width,
                           int height, int channels, const char *const *names,
                           const float *data)
{
    if (width <= 0 || height <= 0 || channels < 1 || channels > 4 || !names ||
        !data)
        return AU_EINVAL;
    BaseAtomicFile file;
    AuStatus st = base_atomic_begin(&file, path);
    if (st != AU_OK)
        return st;
    exr_context_initializer_t init = EXR_DEFAULT_CONTEXT_INITIALIZER;
    init.error_handler_fn = no_message;
    exr_context_t ctx = NULL;
    exr_result_t rv =
        exr_start_write(&ctx, file.tmp, EXR_WRITE_FILE_DIRECTLY, &init);
    int part = 0;
    if (rv == EXR_ERR_SUCCESS)
        rv = exr_add_part(ctx, "passes", EXR_STORAGE_SCANLINE, &part);
    if (rv == EXR_ERR_SUCCESS)
        rv = exr_initialize_required_attr_simple(ctx, part, width, height,
                                                 EXR_COMPRESSION_ZIP);
    for (int c = 0; rv == EXR_ERR_SUCCESS && c < channels; c++)
        rv = exr_add_channel(ctx, part, names[c], EXR_PIXEL_FLOAT,
                             EXR_PERCEPTUALLY_LINEAR, 1, 1);
    if (rv == EXR_ERR_SUCCESS)
        rv = exr_write_header(ctx);
    if (rv == EXR_ERR_SUCCESS)
        rv = write_chunks(ctx, width, height, channels, names, data);
    exr_result_t fin = ctx ? exr_finish(&ctx) : EXR_ERR_SUCCESS;
    if (rv == EXR_ERR_SUCCESS)
        rv = fin;
    if (rv != EXR_ERR_SUCCESS) {
        base_atomic_abort(&file);
        return fail(diag, path, rv);
    }
    return base_atomic_commit(&file, diag);
}
