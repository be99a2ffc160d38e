/* tests/api/test_e2e.c: the whole pipeline through the public API: a tiny
 * screenplay becomes an MP4 checked with ffprobe, and stills whose ID pass
 * proves the characters are framed, visible and lit. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>
#include <png.h>

#include "check.h"

static const char script[] =
    "Title: Test\n"
    "\n"
    "EXT. PATIO - DAY\n"
    "\n"
    "Two men by a wall.\n"
    "\n"
    "BRICK\n"
    "Hot one today.\n"
    "\n"
    "STEEL\n"
    "They are all hot ones, every single one of them.\n";

static char dir[] = "/tmp/auteur-e2e-XXXXXX";
static AuContext *ctx;
static AuProject *project;

static void quiet_diag(void *user, const AuDiagnostic *d)
{
    (void)user;
    fprintf(stderr, "diag: %s:%u:%u: %s\n", d->loc.file ? d->loc.file : "",
            d->loc.line, d->loc.col, d->text);
}

static void test_plan(void)
{
    CHECK_INT_EQ(au_project_shot_count(project), 3);
    CHECK_INT_EQ(au_project_cast_count(project), 2);
    CHECK_STR_EQ(au_project_cast_name(project, 0), "BRICK");
    double start, dur;
    CHECK_OK(au_project_shot_time(project, 0, &start, &dur));
    CHECK_NEAR(start, 0.0, 1e-9);
    CHECK_NEAR(dur, 3.0, 1e-9);
    // Ten words at 2.5 words a second.
    CHECK_OK(au_project_shot_time(project, 2, &start, &dur));
    CHECK_NEAR(dur, 4.0, 1e-9);
    CHECK_NEAR(start, 5.0, 1e-9);
    CHECK_NEAR(au_project_duration_s(project), 9.0, 1e-9);
}

static int read_png(const char *path, int fmt, void **pixels, int *w, int *h)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path))
        return -1;
    img.format = (png_uint_32)fmt;
    *pixels = malloc(PNG_IMAGE_SIZE(img));
    if (!png_image_finish_read(&img, NULL, *pixels, 0, NULL)) {
        free(*pixels);
        return -1;
    }
    *w = (int)img.width;
    *h = (int)img.height;
    return 0;
}

typedef struct Measure {
    long count[3]; // pixels per id (0 = background)
    int top[3], bottom[3];
    double luma[3]; // mean luma per id
} Measure;

static int still_and_measure(int shot, Measure *m, int *w, int *h)
{
    char png[512], passes[512];
    snprintf(png, sizeof png, "%s/shot%d.png", dir, shot);
    snprintf(passes, sizeof passes, "%s/passes%d", dir, shot);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "mkdir -p %s", passes);
    if (system(cmd) != 0)
        return -1;
    AuRenderOptions o;
    au_render_options_default(&o);
    o.width = 192;
    o.height = 80;
    o.samples = 4;
    if (au_render_still(ctx, project, &o, (size_t)shot - 1, 0.5, png, passes,
                        NULL) != AU_OK)
        return -1;
    uint16_t *id = NULL;
    uint8_t *rgb = NULL;
    int iw, ih, bw, bh;
    char idpath[600];
    snprintf(idpath, sizeof idpath, "%s/id.png", passes);
    if (read_png(idpath, PNG_FORMAT_LINEAR_Y, (void **)&id, &iw, &ih) ||
        read_png(png, PNG_FORMAT_RGB, (void **)&rgb, &bw, &bh))
        return -1;
    memset(m, 0, sizeof *m);
    for (int k = 0; k < 3; k++) {
        m->top[k] = ih;
        m->bottom[k] = -1;
    }
    for (int y = 0; y < ih; y++)
        for (int x = 0; x < iw; x++) {
            int k = id[y * iw + x];
            if (k > 2)
                continue;
            const uint8_t *p = &rgb[3 * (y * iw + x)];
            m->count[k]++;
            m->luma[k] += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
            if (y < m->top[k])
                m->top[k] = y;
            if (y > m->bottom[k])
                m->bottom[k] = y;
        }
    for (int k = 0; k < 3; k++)
        if (m->count[k])
            m->luma[k] /= (double)m->count[k];
    *w = iw;
    *h = ih;
    free(id);
    free(rgb);
    return 0;
}

static void test_wide_shot_shows_everyone(void)
{
    Measure m;
    int w, h;
    CHECK_INT_EQ(still_and_measure(1, &m, &w, &h), 0);
    CHECK_INT_EQ(w, 192);
    CHECK_INT_EQ(h, 80);
    // Both characters are seen, head to feet inside the frame.
    CHECK(m.count[1] > 80);
    CHECK(m.count[2] > 80);
    for (int k = 1; k <= 2; k++) {
        CHECK(m.top[k] > 0);
        CHECK(m.bottom[k] < h - 1);
        // Lit: not black, and not the background's brightness.
        CHECK(m.luma[k] > 25.0);
        CHECK(fabs(m.luma[k] - m.luma[0]) > 5.0);
    }
}

// The kind of shot N (from 1) as the plan says: "single", "over-the-
// shoulder", ...; the seed chooses among them.
static void shot_kind(int shot, char *out, size_t n)
{
    char *text = NULL;
    out[0] = '\0';
    if (au_project_plan_json(project, &text) != AU_OK)
        return;
    json_t *root = json_loads(text, 0, NULL);
    json_t *s =
        json_array_get(json_object_get(root, "shots"), (size_t)shot - 1);
    const char *k = json_string_value(json_object_get(s, "kind"));
    snprintf(out, n, "%s", k ? k : "");
    json_decref(root);
    au_string_free(&text);
}

static void test_medium_shot_frames_speaker(void)
{
    for (int shot = 2; shot <= 3; shot++) {
        char kind[32];
        shot_kind(shot, kind, sizeof kind);
        Measure m;
        int w, h;
        CHECK_INT_EQ(still_and_measure(shot, &m, &w, &h), 0);
        int who = shot - 1; // BRICK speaks in shot 2, STEEL in shot 3
        int other = 3 - who;
        CHECK(m.count[who] > (long)(w * h) / 8);
        // Head near the top: a little headroom, less than a sixth.
        double headroom = (double)m.top[who] / h;
        CHECK(headroom > 0.0);
        CHECK(headroom < 0.17);
        // Cut at the waist: the figure runs off the bottom of the frame.
        CHECK_INT_EQ(m.bottom[who], h - 1);
        if (strcmp(kind, "over-the-shoulder") == 0) {
            // The listener's shoulder takes a slice of the frame's side.
            CHECK(m.count[other] > (long)(w * h) / 50);
            CHECK(m.count[other] < m.count[who]);
        } else {
            // A single: the other actor is not in it.
            CHECK_STR_EQ(kind, "single");
            CHECK(m.count[other] < (long)(w * h) / 50);
        }
        CHECK(m.luma[who] > 25.0);
    }
}

static void test_video(void)
{
    char out[512];
    snprintf(out, sizeof out, "%s/film.mp4", dir);
    AuRenderOptions o;
    au_render_options_default(&o);
    o.width = 96;
    o.height = 40;
    o.preview = 1;
    AuRenderStats stats;
    CHECK_OK(au_render_video(ctx, project, &o, out, &stats));
    CHECK_INT_EQ(stats.frames, 9 * 24);
    CHECK(stats.rays > stats.frames * 96 * 40);
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "ffprobe -v error -select_streams v:0 -count_frames "
             "-show_entries stream=codec_name,width,height,r_frame_rate,"
             "nb_read_frames,pix_fmt,color_primaries,color_transfer,"
             "color_space:format=duration -of default=nw=1 %s",
             out);
    FILE *p = popen(cmd, "r");
    CHECK(p != NULL);
    if (!p)
        return;
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, p);
    buf[n] = '\0';
    CHECK_INT_EQ(pclose(p), 0);
    CHECK(strstr(buf, "codec_name=h264\n") != NULL);
    CHECK(strstr(buf, "width=96\n") != NULL);
    CHECK(strstr(buf, "height=40\n") != NULL);
    CHECK(strstr(buf, "pix_fmt=yuv420p\n") != NULL);
    CHECK(strstr(buf, "r_frame_rate=24/1\n") != NULL);
    CHECK(strstr(buf, "nb_read_frames=216\n") != NULL);
    CHECK(strstr(buf, "color_primaries=bt709\n") != NULL);
    CHECK(strstr(buf, "color_transfer=bt709\n") != NULL);
    CHECK(strstr(buf, "color_space=bt709\n") != NULL);
    const char *d = strstr(buf, "duration=");
    CHECK(d != NULL);
    if (d)
        CHECK_NEAR(atof(d + 9), 9.0, 0.05);
    if (!strstr(buf, "nb_read_frames=216"))
        fprintf(stderr, "ffprobe said:\n%s", buf);
}

static void test_determinism_across_threads(void)
{
    AuRenderOptions o;
    au_render_options_default(&o);
    o.width = 64;
    o.height = 32;
    o.samples = 3;
    char a[512], b[512];
    snprintf(a, sizeof a, "%s/t1.png", dir);
    snprintf(b, sizeof b, "%s/t2.png", dir);
    au_context_set_threads(ctx, 1);
    CHECK_OK(au_render_still(ctx, project, &o, 1, 1.0, a, NULL, NULL));
    au_context_set_threads(ctx, 2);
    CHECK_OK(au_render_still(ctx, project, &o, 1, 1.0, b, NULL, NULL));
    au_context_set_threads(ctx, 0);
    char cmd[1100];
    snprintf(cmd, sizeof cmd, "cmp -s %s %s", a, b);
    CHECK_INT_EQ(system(cmd), 0);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    CHECK_OK(au_context_new(NULL, &ctx));
    au_context_set_diag(ctx, quiet_diag, NULL);
    CHECK_OK(au_project_load_buffer(ctx, "test.fountain", script,
                                    sizeof script - 1, &project));
    if (!project)
        return CHECK_DONE();
    CHECK_RUN(test_plan);
    CHECK_RUN(test_wide_shot_shows_everyone);
    CHECK_RUN(test_medium_shot_frames_speaker);
    CHECK_RUN(test_video);
    CHECK_RUN(test_determinism_across_threads);
    au_project_free(&project);
    au_context_free(&ctx);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return CHECK_DONE();
}
