/* tests/deliver/test_deliver.c: the last stage's files, read back with the
 * same libraries a player would use: MP4 stream properties, decoded
 * colour, byte-identical re-encodes, no partial files, exact PNG pixels. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
#include <png.h>

#include "check.h"
#include "deliver/deliver.h"

enum {
    W = 64,
    H = 48,
    NFRAMES = 48
};

static const uint8_t FLAT_RGB[3] = { 200, 100, 50 };

typedef struct DiagLog {
    int count;
    char file[512];
    char text[1024];
} DiagLog;

static void on_diag(void *user, const AuDiagnostic *d)
{
    DiagLog *log = user;
    log->count++;
    snprintf(log->file, sizeof log->file, "%s", d->loc.file ? d->loc.file : "");
    snprintf(log->text, sizeof log->text, "%s", d->text);
}

static void make_dir(char *out, size_t size)
{
    snprintf(out, size, "/tmp/au_deliver_XXXXXX");
    CHECK(mkdtemp(out) != NULL);
}

// Counts the entries of @p dir other than "." and "..".
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    }
    closedir(d);
    return n;
}

static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char path[1024];
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

static bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

// Frame 0 is flat FLAT_RGB so its colour can be measured after decoding;
// the rest carry a gradient that moves one step per frame.
static void fill_frame(uint8_t *rgb, int index)
{
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            uint8_t *p = rgb + ((size_t)y * W + (size_t)x) * 3;
            if (index == 0) {
                memcpy(p, FLAT_RGB, 3);
                continue;
            }
            p[0] = (uint8_t)((x * 4 + index * 3) & 255);
            p[1] = (uint8_t)((y * 5 + index * 2) & 255);
            p[2] = (uint8_t)(((x + y) * 2 + index) & 255);
        }
    }
}

static AuStatus encode(const char *path, double fps, int frames, BaseDiag *diag)
{
    DeliverVideo *v = NULL;
    AuStatus st =
        deliver_video_open(base_allocator_default(), diag, path, W, H, fps, &v);
    if (st != AU_OK)
        return st;
    uint8_t rgb[W * H * 3];
    for (int i = 0; i < frames; i++) {
        fill_frame(rgb, i);
        st = deliver_video_write(v, rgb);
        if (st != AU_OK) {
            deliver_video_abort(&v);
            return st;
        }
    }
    return deliver_video_finish(&v);
}

typedef struct Probe {
    enum AVCodecID codec;
    int width, height, format;
    AVRational avg_rate;
    enum AVColorPrimaries pri;
    enum AVColorTransferCharacteristic trc;
    enum AVColorSpace space;
    enum AVColorRange range;
    int packets;
    int max_key_gap; // largest distance in packets between keyframes
    bool first_is_key;
    double duration_s;
    double mean_rgb[3];
} Probe;

// Converts a decoded BT.709 limited-range frame back to RGB and averages
// the centre, away from any edge effects of chroma subsampling.
static void measure_centre(const AVFrame *f, double mean[3])
{
    struct SwsContext *sws = sws_getContext(
        f->width, f->height, (enum AVPixelFormat)f->format, f->width, f->height,
        AV_PIX_FMT_RGB24, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT,
        NULL, NULL, NULL);
    CHECK(sws != NULL);
    if (!sws)
        return;
    const int *bt709 = sws_getCoefficients(SWS_CS_ITU709);
    CHECK(sws_setColorspaceDetails(sws, bt709, 0, bt709, 1, 0, 1 << 16,
                                   1 << 16) >= 0);
    static uint8_t rgb[W * H * 3];
    uint8_t *dst[1] = { rgb };
    int stride[1] = { W * 3 };
    CHECK_INT_EQ(sws_scale(sws, (const uint8_t *const *)f->data, f->linesize, 0,
                           f->height, dst, stride),
                 H);
    sws_freeContext(sws);
    double sum[3] = { 0, 0, 0 };
    int n = 0;
    for (int y = 8; y < H - 8; y++) {
        for (int x = 8; x < W - 8; x++) {
            for (int c = 0; c < 3; c++)
                sum[c] += rgb[((size_t)y * W + (size_t)x) * 3 + (size_t)c];
            n++;
        }
    }
    for (int c = 0; c < 3; c++)
        mean[c] = sum[c] / n;
}

static void probe_file(const char *path, Probe *p)
{
    memset(p, 0, sizeof *p);
    AVFormatContext *fmt = NULL;
    AVCodecContext *dec = NULL;
    AVPacket *pkt = av_packet_alloc();
    AVFrame *frame = av_frame_alloc();
    CHECK(pkt && frame);
    CHECK_INT_EQ(avformat_open_input(&fmt, path, NULL, NULL), 0);
    if (!fmt)
        goto done;
    CHECK(avformat_find_stream_info(fmt, NULL) >= 0);
    const AVCodec *codec = NULL;
    int idx = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, &codec, 0);
    CHECK_INT_GE(idx, 0);
    if (idx < 0 || !codec)
        goto done;
    AVStream *s = fmt->streams[idx];
    AVCodecParameters *par = s->codecpar;
    p->codec = par->codec_id;
    p->width = par->width;
    p->height = par->height;
    p->format = par->format;
    p->avg_rate = s->avg_frame_rate;
    p->pri = par->color_primaries;
    p->trc = par->color_trc;
    p->space = par->color_space;
    p->range = par->color_range;
    p->duration_s = (double)s->duration * av_q2d(s->time_base);

    dec = avcodec_alloc_context3(codec);
    CHECK(dec != NULL);
    CHECK_INT_EQ(avcodec_parameters_to_context(dec, par), 0);
    CHECK_INT_EQ(avcodec_open2(dec, codec, NULL), 0);
    bool have_first = false;
    int last_key = 0;
    while (av_read_frame(fmt, pkt) >= 0) {
        if (pkt->stream_index == idx) {
            if (pkt->flags & AV_PKT_FLAG_KEY) {
                if (p->packets == 0)
                    p->first_is_key = true;
                if (p->packets - last_key > p->max_key_gap)
                    p->max_key_gap = p->packets - last_key;
                last_key = p->packets;
            }
            p->packets++;
            if (!have_first && avcodec_send_packet(dec, pkt) >= 0 &&
                avcodec_receive_frame(dec, frame) >= 0)
                have_first = true;
        }
        av_packet_unref(pkt);
    }
    if (p->packets - last_key > p->max_key_gap)
        p->max_key_gap = p->packets - last_key;
    if (!have_first) {
        // The decoder may hold frames back until it is flushed.
        avcodec_send_packet(dec, NULL);
        have_first = avcodec_receive_frame(dec, frame) >= 0;
    }
    CHECK(have_first);
    if (have_first) {
        CHECK_INT_EQ(frame->pts, 0);
        measure_centre(frame, p->mean_rgb);
    }
done:
    av_frame_free(&frame);
    av_packet_free(&pkt);
    avcodec_free_context(&dec);
    avformat_close_input(&fmt);
}

static void test_mp4_properties(void)
{
    char dir[64], path[128];
    make_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/clip.mp4", dir);
    DiagLog log = { 0 };
    BaseDiag diag = { on_diag, &log, 0, 0 };
    CHECK_OK(encode(path, 24.0, NFRAMES, &diag));
    CHECK_INT_EQ(log.count, 0);
    CHECK_INT_EQ(count_entries(dir), 1);

    Probe p;
    probe_file(path, &p);
    CHECK_INT_EQ(p.codec, AV_CODEC_ID_H264);
    CHECK_INT_EQ(p.width, W);
    CHECK_INT_EQ(p.height, H);
    CHECK_INT_EQ(p.format, AV_PIX_FMT_YUV420P);
    CHECK_INT_EQ(p.avg_rate.num, 24);
    CHECK_INT_EQ(p.avg_rate.den, 1);
    CHECK_INT_EQ(p.pri, AVCOL_PRI_BT709);
    CHECK_INT_EQ(p.trc, AVCOL_TRC_BT709);
    CHECK_INT_EQ(p.space, AVCOL_SPC_BT709);
    CHECK_INT_EQ(p.range, AVCOL_RANGE_MPEG);
    CHECK_INT_EQ(p.packets, NFRAMES);
    CHECK(p.first_is_key);
    CHECK_NEAR(p.duration_s, 2.0, 0.05);
    for (int c = 0; c < 3; c++)
        CHECK_NEAR(p.mean_rgb[c], FLAT_RGB[c], 4.0);
    fprintf(stderr,
            "  24 fps: %d packets, %.4f s, frame 0 mean RGB %.2f %.2f %.2f\n",
            p.packets, p.duration_s, p.mean_rgb[0], p.mean_rgb[1],
            p.mean_rgb[2]);
    remove_dir(dir);
}

static void test_mp4_ntsc_rate(void)
{
    char dir[64], path[128];
    make_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/ntsc.mp4", dir);
    CHECK_OK(encode(path, 23.976, 24, NULL));
    Probe p;
    probe_file(path, &p);
    CHECK_INT_EQ(p.avg_rate.num, 24000);
    CHECK_INT_EQ(p.avg_rate.den, 1001);
    CHECK_INT_EQ(p.packets, 24);
    CHECK_NEAR(p.duration_s, 24 * 1001.0 / 24000.0, 0.01);

    const struct {
        double fps;
        int num, den;
    } rates[] = {
        { 29.97, 30000, 1001 }, { 59.94, 60000, 1001 }, { 23.98, 24000, 1001 },
        { 25.0, 25, 1 },        { 12.5, 25, 2 },        { 1.0, 1, 1 },
        { 240.0, 240, 1 },
    };

    for (size_t i = 0; i < BASE_ARRAY_LEN(rates); i++) {
        CHECK_OK(encode(path, rates[i].fps, 3, NULL));
        probe_file(path, &p);
        if (p.avg_rate.num != rates[i].num || p.avg_rate.den != rates[i].den)
            fprintf(stderr, "  %g fps gave %d/%d\n", rates[i].fps,
                    p.avg_rate.num, p.avg_rate.den);
        CHECK_INT_EQ(p.avg_rate.num, rates[i].num);
        CHECK_INT_EQ(p.avg_rate.den, rates[i].den);
    }
    remove_dir(dir);
}

// The GOP is two seconds: a 5 s clip at 24 fps never goes more than 48
// frames without a keyframe (x264 may add more at scene cuts).
static void test_mp4_gop(void)
{
    char dir[64], path[128];
    make_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/gop.mp4", dir);
    CHECK_OK(encode(path, 24.0, 120, NULL));
    Probe p;
    probe_file(path, &p);
    CHECK_INT_EQ(p.packets, 120);
    CHECK(p.first_is_key);
    CHECK(p.max_key_gap <= 48);
    CHECK(p.max_key_gap >= 24);
    fprintf(stderr, "  120 frames: longest keyframe gap %d\n", p.max_key_gap);
    remove_dir(dir);
}

static bool read_whole(const char *path, uint8_t **data, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    *data = malloc((size_t)n + 1);
    *size = fread(*data, 1, (size_t)n, f);
    fclose(f);
    return *size == (size_t)n;
}

static void test_mp4_deterministic(void)
{
    char dir[64], a[128], b[128];
    make_dir(dir, sizeof dir);
    snprintf(a, sizeof a, "%s/a.mp4", dir);
    snprintf(b, sizeof b, "%s/b.mp4", dir);
    CHECK_OK(encode(a, 24.0, NFRAMES, NULL));
    CHECK_OK(encode(b, 24.0, NFRAMES, NULL));
    uint8_t *da = NULL, *db = NULL;
    size_t na = 0, nb = 0;
    CHECK(read_whole(a, &da, &na));
    CHECK(read_whole(b, &db, &nb));
    CHECK(na > 1000);
    CHECK_INT_EQ(na, nb);
    CHECK(da && db && na == nb && memcmp(da, db, na) == 0);
    fprintf(stderr, "  two encodes: %zu and %zu bytes, identical\n", na, nb);
    free(da);
    free(db);
    remove_dir(dir);
}

static void test_mp4_abort_leaves_nothing(void)
{
    char dir[64], path[128];
    make_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/gone.mp4", dir);
    DeliverVideo *v = NULL;
    CHECK_OK(deliver_video_open(base_allocator_default(), NULL, path, W, H,
                                24.0, &v));
    CHECK(v != NULL);
    // The temporary file exists while writing, beside the target.
    CHECK_INT_EQ(count_entries(dir), 1);
    uint8_t rgb[W * H * 3];
    for (int i = 0; i < 5 && v; i++) {
        fill_frame(rgb, i);
        CHECK_OK(deliver_video_write(v, rgb));
    }
    deliver_video_abort(&v);
    CHECK(v == NULL);
    CHECK(!file_exists(path));
    CHECK_INT_EQ(count_entries(dir), 0);
    deliver_video_abort(&v);

    // Finishing with no frames is refused and leaves nothing either.
    CHECK_OK(deliver_video_open(base_allocator_default(), NULL, path, W, H,
                                24.0, &v));
    CHECK_STATUS(deliver_video_finish(&v), AU_EINVAL);
    CHECK(v == NULL);
    CHECK_INT_EQ(count_entries(dir), 0);
    remove_dir(dir);
}

static void test_mp4_bad_arguments(void)
{
    char dir[64], path[128], missing[160];
    make_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/x.mp4", dir);
    snprintf(missing, sizeof missing, "%s/no/such/dir/x.mp4", dir);
    DiagLog log = { 0 };
    BaseDiag diag = { on_diag, &log, 0, 0 };
    DeliverVideo *v = NULL;
    const AuAllocator *a = base_allocator_default();

    CHECK_STATUS(deliver_video_open(a, &diag, missing, W, H, 24.0, &v), AU_EIO);
    CHECK(v == NULL);
    CHECK_INT_EQ(log.count, 1);
    CHECK_STR_EQ(log.file, missing);
    CHECK(strncmp(log.text, "cannot write: ", 14) == 0);
    CHECK_INT_EQ(diag.errors, 1);

    const struct {
        int w, h;
        double fps;
    } bad[] = {
        { 63, 48, 24.0 },     { 64, 47, 24.0 },
        { 14, 48, 24.0 },     { 64, 0, 24.0 },
        { -2, 48, 24.0 },     { AU_MAX_FRAME_SIDE + 2, 48, 24.0 },
        { 64, 48, 0.0 },      { 64, 48, -24.0 },
        { 64, 48, NAN },      { 64, 48, AU_MAX_FPS + 1.0 },
        { 64, 48, INFINITY },
    };

    for (size_t i = 0; i < BASE_ARRAY_LEN(bad); i++) {
        log.count = 0;
        CHECK_STATUS(deliver_video_open(a, &diag, path, bad[i].w, bad[i].h,
                                        bad[i].fps, &v),
                     AU_EINVAL);
        CHECK(v == NULL);
        CHECK_INT_EQ(log.count, 1);
    }
    CHECK_INT_EQ(count_entries(dir), 0);
    remove_dir(dir);
}

// When the final rename fails (the target is a non-empty directory), the
// call fails with AU_EIO and the temporary file is gone too.
static void test_commit_failure_leaves_nothing(void)
{
    char dir[64], target[128], inner[160];
    make_dir(dir, sizeof dir);
    snprintf(target, sizeof target, "%s/taken", dir);
    snprintf(inner, sizeof inner, "%s/keep", target);
    CHECK_INT_EQ(mkdir(target, 0700), 0);
    CHECK_INT_EQ(mkdir(inner, 0700), 0);
    DiagLog log = { 0 };
    BaseDiag diag = { on_diag, &log, 0, 0 };

    CHECK_STATUS(encode(target, 24.0, 4, &diag), AU_EIO);
    CHECK_INT_EQ(log.count, 1);
    CHECK_INT_EQ(count_entries(dir), 1);
    uint8_t rgb[16 * 16 * 3] = { 0 };
    uint16_t gray[16 * 16] = { 0 };
    CHECK_STATUS(deliver_png_rgb8(&diag, target, 16, 16, rgb), AU_EIO);
    CHECK_STATUS(deliver_png_gray16(&diag, target, 16, 16, gray), AU_EIO);
    CHECK_INT_EQ(log.count, 3);
    CHECK_INT_EQ(count_entries(dir), 1);
    CHECK_INT_EQ(count_entries(target), 1);
    rmdir(inner);
    rmdir(target);
    remove_dir(dir);
}

static void *failing_realloc(void *user, void *ptr, size_t size)
{
    (void)user;
    if (size == 0)
        free(ptr);
    return NULL;
}

static void test_mp4_out_of_memory(void)
{
    char dir[64], path[128];
    make_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/x.mp4", dir);
    AuAllocator failing = { failing_realloc, NULL };
    DeliverVideo *v = NULL;
    CHECK_STATUS(deliver_video_open(&failing, NULL, path, W, H, 24.0, &v),
                 AU_ENOMEM);
    CHECK(v == NULL);
    CHECK_INT_EQ(count_entries(dir), 0);
    remove_dir(dir);
}

typedef struct PngRead {
    png_uint_32 width, height;
    int bit_depth, color_type;
    int srgb_intent; // -1 when the file has no sRGB chunk
    uint8_t *data;   // rows as stored in the file (16-bit big-endian)
} PngRead;

static bool read_png(const char *path, PngRead *r)
{
    memset(r, 0, sizeof *r);
    r->srgb_intent = -1;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    png_structp png =
        png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, NULL);
        fclose(fp);
        free(r->data);
        r->data = NULL;
        return false;
    }
    png_init_io(png, fp);
    png_read_info(png, info);
    png_get_IHDR(png, info, &r->width, &r->height, &r->bit_depth,
                 &r->color_type, NULL, NULL, NULL);
    int intent;
    if (png_get_sRGB(png, info, &intent))
        r->srgb_intent = intent;
    size_t row = png_get_rowbytes(png, info);
    r->data = malloc(row * r->height);
    for (png_uint_32 y = 0; y < r->height; y++)
        png_read_row(png, r->data + row * y, NULL);
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &info, NULL);
    fclose(fp);
    return true;
}

static void test_png_rgb8(void)
{
    char dir[64], path[128];
    make_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/still.png", dir);

    enum {
        PW = 37,
        PH = 21
    };

    uint8_t rgb[PW * PH * 3];
    for (size_t i = 0; i < sizeof rgb; i++)
        rgb[i] = (uint8_t)((i * 131u + 7u) & 255u);
    CHECK_OK(deliver_png_rgb8(NULL, path, PW, PH, rgb));
    CHECK_INT_EQ(count_entries(dir), 1);

    PngRead r;
    CHECK(read_png(path, &r));
    CHECK_INT_EQ(r.width, PW);
    CHECK_INT_EQ(r.height, PH);
    CHECK_INT_EQ(r.bit_depth, 8);
    CHECK_INT_EQ(r.color_type, PNG_COLOR_TYPE_RGB);
    CHECK_INT_EQ(r.srgb_intent, PNG_sRGB_INTENT_PERCEPTUAL);
    int diffs = 0;
    for (size_t i = 0; r.data && i < sizeof rgb; i++)
        diffs += r.data[i] != rgb[i];
    CHECK(r.data != NULL);
    CHECK_INT_EQ(diffs, 0);
    free(r.data);
    remove_dir(dir);
}

static void test_png_gray16(void)
{
    char dir[64], path[128];
    make_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/depth.png", dir);

    enum {
        PW = 9,
        PH = 5
    };

    uint16_t values[PW * PH];
    const uint16_t special[] = { 0, 1, 2, 255, 256, 257, 0x1234, 65534, 65535 };
    for (size_t i = 0; i < BASE_ARRAY_LEN(values); i++)
        values[i] = i < BASE_ARRAY_LEN(special)
                        ? special[i]
                        : (uint16_t)((i * 40503u) & 0xffffu);
    const uint16_t before_first = values[1];
    CHECK_OK(deliver_png_gray16(NULL, path, PW, PH, values));
    // The caller's buffer is not byte-swapped in place.
    CHECK_INT_EQ(values[1], before_first);

    PngRead r;
    CHECK(read_png(path, &r));
    CHECK_INT_EQ(r.width, PW);
    CHECK_INT_EQ(r.height, PH);
    CHECK_INT_EQ(r.bit_depth, 16);
    CHECK_INT_EQ(r.color_type, PNG_COLOR_TYPE_GRAY);
    int diffs = 0;
    for (size_t i = 0; r.data && i < BASE_ARRAY_LEN(values); i++) {
        uint16_t got = (uint16_t)((r.data[2 * i] << 8) | r.data[2 * i + 1]);
        if (got != values[i]) {
            if (diffs == 0)
                fprintf(stderr, "  pixel %zu: %u, want %u\n", i, got,
                        values[i]);
            diffs++;
        }
    }
    CHECK(r.data != NULL);
    CHECK_INT_EQ(diffs, 0);
    free(r.data);
    remove_dir(dir);
}

static void test_png_failures(void)
{
    char dir[64], missing[160], path[128];
    make_dir(dir, sizeof dir);
    snprintf(missing, sizeof missing, "%s/no/such/dir/x.png", dir);
    snprintf(path, sizeof path, "%s/x.png", dir);
    DiagLog log = { 0 };
    BaseDiag diag = { on_diag, &log, 0, 0 };
    uint8_t rgb[16 * 16 * 3] = { 0 };
    uint16_t gray[16 * 16] = { 0 };

    CHECK_STATUS(deliver_png_rgb8(&diag, missing, 16, 16, rgb), AU_EIO);
    CHECK_INT_EQ(log.count, 1);
    CHECK_STR_EQ(log.file, missing);
    CHECK(strncmp(log.text, "cannot write: ", 14) == 0);
    CHECK_STATUS(deliver_png_gray16(&diag, missing, 16, 16, gray), AU_EIO);
    CHECK_INT_EQ(log.count, 2);

    CHECK_STATUS(deliver_png_rgb8(&diag, path, 0, 16, rgb), AU_EINVAL);
    CHECK_STATUS(deliver_png_gray16(&diag, path, 16, -1, gray), AU_EINVAL);
    CHECK_INT_EQ(log.count, 4);
    CHECK_INT_EQ(count_entries(dir), 0);
    remove_dir(dir);
}

int main(void)
{
    CHECK_RUN(test_mp4_properties);
    CHECK_RUN(test_mp4_ntsc_rate);
    CHECK_RUN(test_mp4_gop);
    CHECK_RUN(test_mp4_deterministic);
    CHECK_RUN(test_mp4_abort_leaves_nothing);
    CHECK_RUN(test_mp4_bad_arguments);
    CHECK_RUN(test_mp4_out_of_memory);
    CHECK_RUN(test_commit_failure_leaves_nothing);
    CHECK_RUN(test_png_rgb8);
    CHECK_RUN(test_png_gray16);
    CHECK_RUN(test_png_failures);
    return CHECK_DONE();
}
