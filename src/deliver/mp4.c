/* deliver/mp4.c: the H.264 MP4 writer at the end of the pipeline. Graded
 * RGB frames are converted to BT.709 limited-range YUV 4:2:0 with
 * libswscale, encoded bit-exactly with libx264 and muxed by libavformat
 * into a temporary file that is renamed onto the target when finished. */
#include <errno.h>
#include <math.h>
#include <stdio.h>

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/log.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>

#include "deliver.h"

// Every AV* handle below is owned by this struct alone and released only
// in video_free. The stream is borrowed from fmt, which owns it.
struct DeliverVideo {
    const AuAllocator *alloc;
    BaseDiag *diag;
    BaseAtomicFile file;
    AVFormatContext *fmt;
    AVStream *stream;
    AVCodecContext *enc;
    struct SwsContext *sws;
    AVFrame *frame;
    AVPacket *pkt;
    int width;
    int height;
    int64_t frames_written;
    // Set once a write has failed: the encoder or muxer state is then
    // unknown, so finish must refuse to commit the file.
    AuStatus failed;
};

// Reports an FFmpeg error code as "<what>: <FFmpeg's reason>".
static void report(BaseDiag *diag, const char *path, const char *code,
                   const char *what, int averr)
{
    char reason[AV_ERROR_MAX_STRING_SIZE];
    AuSrcLoc loc = { path, 0, 0 };
    if (av_strerror(averr, reason, sizeof reason) < 0)
        snprintf(reason, sizeof reason, "error %d", averr);
    base_diag(diag, loc, AU_SEVERITY_ERROR, code, "%s: %s", what, reason);
}

static void video_free(DeliverVideo *v, bool remove_tmp)
{
    sws_freeContext(v->sws);
    av_frame_free(&v->frame);
    av_packet_free(&v->pkt);
    avcodec_free_context(&v->enc);
    if (v->fmt) {
        // avio_closep tolerates a NULL pb (output never opened).
        avio_closep(&v->fmt->pb);
        avformat_free_context(v->fmt);
        v->fmt = NULL;
    }
    if (remove_tmp)
        base_atomic_abort(&v->file);
    base_free(v->alloc, v);
}

static AuStatus check_args(BaseDiag *diag, const char *path, int width,
                           int height, double fps)
{
    AuSrcLoc loc = { path, 0, 0 };
    if (width < 16 || height < 16 || width > AU_MAX_FRAME_SIDE ||
        height > AU_MAX_FRAME_SIDE || (width & 1) || (height & 1)) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "bad-size",
                  "cannot encode %dx%d: both sides must be even and within "
                  "16..%d pixels",
                  width, height, AU_MAX_FRAME_SIDE);
        return AU_EINVAL;
    }
    // The negated form also rejects NaN.
    if (!(fps > 0.0 && fps <= (double)AU_MAX_FPS)) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "bad-fps",
                  "cannot encode at %g fps: the rate must be in (0, %d]", fps,
                  AU_MAX_FPS);
        return AU_EINVAL;
    }
    return AU_OK;
}

static void set_bt709(enum AVColorPrimaries *pri,
                      enum AVColorTransferCharacteristic *trc,
                      enum AVColorSpace *space, enum AVColorRange *range)
{
    *pri = AVCOL_PRI_BT709;
    *trc = AVCOL_TRC_BT709;
    *space = AVCOL_SPC_BT709;
    *range = AVCOL_RANGE_MPEG;
}

// Turns a frame rate into the exact rational the stream is timed in.
// Rates written as 23.976, 29.97 or 59.94 mean the NTSC family n*1000/1001;
// av_d2q alone would return 2997/125 for 23.976, a rate no player or editor
// expects and that drifts from real NTSC material by a frame every 11.6 h.
// The 0.005 tolerance accepts two-decimal spellings (23.98) yet is far
// below the 0.024 gap between 23.976 and 24; integer rates stay n/1.
static AVRational rate_from_fps(double fps)
{
    double whole = round(fps);
    if (fabs(fps - whole) > 1e-6) {
        double n = round(fps * 1.001);
        if (n >= 1.0 && fabs(fps - n * 1000.0 / 1001.0) < 0.005)
            return (AVRational){ (int)n * 1000, 1001 };
    }
    return av_d2q(fps, 100000);
}

static AuStatus open_encoder(DeliverVideo *v, double fps, bool draft)
{
    const AVCodec *codec = avcodec_find_encoder_by_name("libx264");
    if (!codec)
        codec = avcodec_find_encoder(AV_CODEC_ID_H264);
    if (!codec) {
        AuSrcLoc loc = { v->file.target, 0, 0 };
        base_diag(v->diag, loc, AU_SEVERITY_ERROR, "no-encoder",
                  "this FFmpeg has no H.264 encoder");
        return AU_EUNSUPPORTED;
    }
    v->enc = avcodec_alloc_context3(codec);
    if (!v->enc)
        return AU_ENOMEM;
    AVCodecContext *enc = v->enc;
    AVRational rate = rate_from_fps(fps);
    enc->width = v->width;
    enc->height = v->height;
    enc->pix_fmt = AV_PIX_FMT_YUV420P;
    enc->time_base = av_inv_q(rate);
    enc->framerate = rate;
    enc->sample_aspect_ratio = (AVRational){ 1, 1 };
    enc->gop_size = (int)lround(2.0 * fps);
    if (enc->gop_size < 1)
        enc->gop_size = 1;
    // A fixed thread count and bit-exact mode make re-renders produce
    // byte-identical files on any machine (DESIGN.md, determinism): x264
    // is deterministic for a given count. Two, not one: the encoder runs
    // between frames while the tracer's threads wait, and two halve that.
    enc->thread_count = 2;
    enc->flags |= AV_CODEC_FLAG_BITEXACT;
    if (v->fmt->oformat->flags & AVFMT_GLOBALHEADER)
        enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    set_bt709(&enc->color_primaries, &enc->color_trc, &enc->colorspace,
              &enc->color_range);
    // These options exist only on libx264; another H.264 encoder simply
    // keeps its own defaults, so a failure here is not an error.
    // A draft (a preview) is watched once and thrown away: x264's
    // "ultrafast" encodes it in a fraction of the time, where "medium"
    // would cost as much as tracing a preview frame (the example film's
    // first 3 s: 0.042-0.044 s a frame and 842 KB against 0.044-0.051 s
    // and 765 KB with "superfast", 267 KB with "veryfast").
    (void)av_opt_set(enc->priv_data, "crf", draft ? "20" : "18", 0);
    (void)av_opt_set(enc->priv_data, "preset", draft ? "ultrafast" : "medium",
                     0);

    int err = avcodec_open2(enc, codec, NULL);
    if (err < 0) {
        report(v->diag, v->file.target, "encode",
               "cannot open the H.264 encoder", err);
        return err == AVERROR(ENOMEM) ? AU_ENOMEM : AU_EINTERNAL;
    }
    err = avcodec_parameters_from_context(v->stream->codecpar, enc);
    if (err < 0) {
        report(v->diag, v->file.target, "encode",
               "cannot set stream parameters", err);
        return AU_EINTERNAL;
    }
    AVCodecParameters *par = v->stream->codecpar;
    set_bt709(&par->color_primaries, &par->color_trc, &par->color_space,
              &par->color_range);
    v->stream->time_base = enc->time_base;
    v->stream->avg_frame_rate = rate;
    v->stream->sample_aspect_ratio = enc->sample_aspect_ratio;
    return AU_OK;
}

static AuStatus open_scaler(DeliverVideo *v)
{
    v->frame = av_frame_alloc();
    v->pkt = av_packet_alloc();
    if (!v->frame || !v->pkt)
        return AU_ENOMEM;
    v->frame->format = AV_PIX_FMT_YUV420P;
    v->frame->width = v->width;
    v->frame->height = v->height;
    set_bt709(&v->frame->color_primaries, &v->frame->color_trc,
              &v->frame->colorspace, &v->frame->color_range);
    int err = av_frame_get_buffer(v->frame, 0);
    if (err < 0)
        return AU_ENOMEM;

    // Full-resolution chroma in and accurate rounding keep flat colours
    // within a code value; SWS_BITEXACT avoids CPU-dependent SIMD paths.
    int flags = SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT |
                SWS_FULL_CHR_H_INP | SWS_BITEXACT;
    v->sws =
        sws_getContext(v->width, v->height, AV_PIX_FMT_RGB24, v->width,
                       v->height, AV_PIX_FMT_YUV420P, flags, NULL, NULL, NULL);
    if (!v->sws) {
        AuSrcLoc loc = { v->file.target, 0, 0 };
        base_diag(v->diag, loc, AU_SEVERITY_ERROR, "encode",
                  "cannot set up the RGB to YUV conversion");
        return AU_EINTERNAL;
    }
    // Source RGB is full range; the output is BT.709 limited range, the
    // same matrix the stream's tags announce.
    const int *bt709 = sws_getCoefficients(SWS_CS_ITU709);
    if (sws_setColorspaceDetails(v->sws, bt709, 1, bt709, 0, 0, 1 << 16,
                                 1 << 16) < 0) {
        AuSrcLoc loc = { v->file.target, 0, 0 };
        base_diag(v->diag, loc, AU_SEVERITY_ERROR, "encode",
                  "cannot select BT.709 limited range in swscale");
        return AU_EINTERNAL;
    }
    return AU_OK;
}

static AuStatus video_open(const AuAllocator *alloc, BaseDiag *diag,
                           const char *path, int width, int height, double fps,
                           bool draft, DeliverVideo **out)
{
    AU_ASSERT(alloc && path && out);
    // The library must never print, and av_log's default callback writes
    // to stderr (x264's messages are routed through it too). Silencing it
    // is global, but so is the rule; failures still reach diag as codes.
    av_log_set_level(AV_LOG_QUIET);

    AuStatus st = check_args(diag, path, width, height, fps);
    if (st != AU_OK)
        return st;
    DeliverVideo *v = base_calloc(alloc, 1, sizeof *v);
    if (!v)
        return AU_ENOMEM;
    v->alloc = alloc;
    v->diag = diag;
    v->width = width;
    v->height = height;
    st = base_atomic_begin(&v->file, path);
    if (st != AU_OK) {
        AuSrcLoc loc = { path, 0, 0 };
        base_diag(diag, loc, AU_SEVERITY_ERROR, "bad-path",
                  "the output path is empty or too long");
        base_free(alloc, v);
        return st;
    }

    // "mp4" is named explicitly because the temporary name's extension
    // (.tmp) would not let libavformat guess it.
    int err = avformat_alloc_output_context2(&v->fmt, NULL, "mp4", v->file.tmp);
    if (err < 0 || !v->fmt) {
        report(diag, path, "encode", "cannot set up the MP4 muxer", err);
        st = err == AVERROR(ENOMEM) ? AU_ENOMEM : AU_EUNSUPPORTED;
        goto fail;
    }
    v->fmt->flags |= AVFMT_FLAG_BITEXACT;
    v->stream = avformat_new_stream(v->fmt, NULL);
    if (!v->stream) {
        st = AU_ENOMEM;
        goto fail;
    }
    st = open_encoder(v, fps, draft);
    if (st != AU_OK)
        goto fail;
    st = open_scaler(v);
    if (st != AU_OK)
        goto fail;

    err = avio_open(&v->fmt->pb, v->file.tmp, AVIO_FLAG_WRITE);
    if (err < 0) {
        report(diag, path, "io", "cannot write", err);
        st = AU_EIO;
        goto fail;
    }
    // faststart moves the index to the front for streaming; the muxer
    // rewrites the temporary file by its own name, so atomicity holds.
    AVDictionary *opts = NULL;
    err = av_dict_set(&opts, "movflags", "+faststart", 0);
    if (err >= 0)
        err = avformat_write_header(v->fmt, &opts);
    av_dict_free(&opts);
    if (err < 0) {
        report(diag, path, "encode", "cannot write the MP4 header", err);
        st = err == AVERROR(ENOMEM) ? AU_ENOMEM : AU_EIO;
        goto fail;
    }
    *out = v;
    return AU_OK;
fail:
    video_free(v, true);
    return st;
}

// Moves every packet the encoder has ready into the muxer.
AuStatus deliver_video_open(const AuAllocator *alloc, BaseDiag *diag,
                            const char *path, int width, int height, double fps,
                            DeliverVideo **out)
{
    return video_open(alloc, diag, path, width, height, fps, false, out);
}

AuStatus deliver_video_open_draft(const AuAllocator *alloc, BaseDiag *diag,
                                  const char *path, int width, int height,
                                  double fps, DeliverVideo **out)
{
    return video_open(alloc, diag, path, width, height, fps, true, out);
}

static AuStatus drain(DeliverVideo *v)
{
    for (;;) {
        int err = avcodec_receive_packet(v->enc, v->pkt);
        if (err == AVERROR(EAGAIN) || err == AVERROR_EOF)
            return AU_OK;
        if (err < 0) {
            report(v->diag, v->file.target, "encode", "H.264 encoding failed",
                   err);
            return AU_EINTERNAL;
        }
        av_packet_rescale_ts(v->pkt, v->enc->time_base, v->stream->time_base);
        v->pkt->stream_index = v->stream->index;
        // The muxer takes the packet's reference and leaves pkt blank.
        err = av_interleaved_write_frame(v->fmt, v->pkt);
        if (err < 0) {
            av_packet_unref(v->pkt);
            report(v->diag, v->file.target, "io", "cannot write", err);
            return AU_EIO;
        }
    }
}

AuStatus deliver_video_write(DeliverVideo *v, const uint8_t *rgb8)
{
    AU_ASSERT(v && rgb8);
    if (v->failed != AU_OK)
        return v->failed;
    AuStatus st = AU_EINTERNAL;
    // The encoder may still hold a reference to the previous buffer.
    int err = av_frame_make_writable(v->frame);
    if (err < 0) {
        report(v->diag, v->file.target, "encode", "cannot get a frame buffer",
               err);
        st = err == AVERROR(ENOMEM) ? AU_ENOMEM : AU_EINTERNAL;
        goto fail;
    }
    const uint8_t *const src[1] = { rgb8 };
    const int src_stride[1] = { v->width * 3 };
    if (sws_scale(v->sws, src, src_stride, 0, v->height, v->frame->data,
                  v->frame->linesize) != v->height) {
        AuSrcLoc loc = { v->file.target, 0, 0 };
        base_diag(v->diag, loc, AU_SEVERITY_ERROR, "encode",
                  "RGB to YUV conversion failed");
        goto fail;
    }
    v->frame->pts = v->frames_written;
    err = avcodec_send_frame(v->enc, v->frame);
    if (err < 0) {
        report(v->diag, v->file.target, "encode", "H.264 encoding failed", err);
        goto fail;
    }
    v->frames_written++;
    st = drain(v);
    if (st != AU_OK)
        goto fail;
    return AU_OK;
fail:
    v->failed = st;
    return st;
}

AuStatus deliver_video_finish(DeliverVideo **pv)
{
    AU_ASSERT(pv && *pv);
    DeliverVideo *v = *pv;
    *pv = NULL;
    AuSrcLoc loc = { v->file.target, 0, 0 };
    AuStatus st = v->failed;
    if (st != AU_OK)
        goto fail;
    if (v->frames_written == 0) {
        base_diag(v->diag, loc, AU_SEVERITY_ERROR, "no-frames",
                  "no frames were written, so there is no video to deliver");
        st = AU_EINVAL;
        goto fail;
    }
    int err = avcodec_send_frame(v->enc, NULL);
    if (err < 0) {
        report(v->diag, v->file.target, "encode",
               "cannot flush the H.264 encoder", err);
        st = AU_EINTERNAL;
        goto fail;
    }
    st = drain(v);
    if (st != AU_OK)
        goto fail;
    err = av_write_trailer(v->fmt);
    if (err < 0) {
        report(v->diag, v->file.target, "encode", "cannot write the MP4 index",
               err);
        st = AU_EIO;
        goto fail;
    }
    // Closing flushes the last buffered bytes, so its result matters.
    err = avio_closep(&v->fmt->pb);
    if (err < 0) {
        report(v->diag, v->file.target, "io", "cannot write", err);
        st = AU_EIO;
        goto fail;
    }
    // commit removes the temporary file itself when the rename fails.
    st = base_atomic_commit(&v->file, v->diag);
    video_free(v, false);
    return st;
fail:
    video_free(v, true);
    return st;
}

void deliver_video_abort(DeliverVideo **pv)
{
    if (!pv || !*pv)
        return;
    video_free(*pv, true);
    *pv = NULL;
}
