/* tests/api/test_render_options.c: render options that reach the
 * renderer through the API, measured in the graded pixels: the firefly
 * clamp, a preview video that still looks like the final one, and a
 * still as in the film. */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static AuContext *ctx;
static AuProject *project;

enum {
    W = 96,
    H = 40
};

static void quiet_diag(void *user, const AuDiagnostic *d)
{
    (void)user;
    (void)d;
}

static double mean_of(const uint8_t *px, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++)
        sum += px[i];
    return sum / (double)n;
}

// A clamp far below the scene's indirect light darkens the frame (the
// bounce light off the patio is cut), the default leaves it, and a
// negative clamp is refused.
static void test_clamp(void)
{
    AuRenderOptions o;
    au_render_options_default(&o);
    o.width = W;
    o.height = H;
    o.samples = 4;
    size_t n = (size_t)W * H * 3;
    uint8_t *a = calloc(n, 1), *b = calloc(n, 1), *c = calloc(n, 1);
    CHECK(a && b && c);
    if (!a || !b || !c)
        goto done;
    CHECK_OK(au_render_frame(ctx, project, &o, 0, 0.5, a));
    o.clamp = 1e-4;
    CHECK_OK(au_render_frame(ctx, project, &o, 0, 0.5, b));
    o.clamp = 1e30;
    CHECK_OK(au_render_frame(ctx, project, &o, 0, 0.5, c));
    double ma = mean_of(a, n), mb = mean_of(b, n), mc = mean_of(c, n);
    CHECK(mb < ma - 2.0);
    // The default clamp only trims rare fireflies.
    CHECK_NEAR(mc, ma, 1.5);
    o.clamp = -1.0;
    CHECK_STATUS(au_render_frame(ctx, project, &o, 0, 0.5, a), AU_EINVAL);
done:
    free(a);
    free(b);
    free(c);
}

// Decodes frame @p index of @p path into @p out (w x h RGB); false when
// ffmpeg cannot.
static bool decode_frame(const char *path, int index, int w, int h,
                         uint8_t *out)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "ffmpeg -loglevel error -i %s -vf 'select=eq(n\\,%d)' "
             "-vframes 1 -f rawvideo -pix_fmt rgb24 -",
             path, index);
    FILE *p = popen(cmd, "r");
    if (!p)
        return false;
    size_t n = (size_t)w * (size_t)h * 3;
    size_t got = fread(out, 1, n, p);
    return pclose(p) == 0 && got == n;
}

// The preview traces at two fifths of the size with direct light only; scaled
// back up it must show the same picture: the mean difference from the final
// frame stays small next to the difference from another shot.
static void test_preview_looks_like_final(void)
{
    char dir[] = "/tmp/auteur-opts-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char fin[256], pre[256];
    snprintf(fin, sizeof fin, "%s/final.mp4", dir);
    snprintf(pre, sizeof pre, "%s/preview.mp4", dir);
    AuRenderOptions o;
    au_render_options_default(&o);
    o.width = 160;
    o.height = 64;
    o.max_seconds = 0.25;
    CHECK_OK(au_render_video(ctx, project, &o, fin, NULL));
    o.preview = 1;
    AuRenderStats st;
    CHECK_OK(au_render_video(ctx, project, &o, pre, &st));
    // Half the width and height: a quarter of the pixels, two samples
    // each and at most a shadow ray per hit.
    CHECK(st.rays <= (uint64_t)st.frames * 80 * 32 * 2 * 3);
    size_t n = 160 * 64 * 3;
    uint8_t *a = calloc(n, 1), *b = calloc(n, 1);
    CHECK(a && b);
    if (a && b && decode_frame(fin, 3, 160, 64, a) &&
        decode_frame(pre, 3, 160, 64, b)) {
        double diff = 0.0;
        for (size_t i = 0; i < n; i++)
            diff += abs((int)a[i] - (int)b[i]);
        diff /= (double)n;
        CHECK(diff < 20.0);
        // Frame 3 of a different picture (shifted by a third of the
        // width) differs far more.
        double shifted = 0.0;
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 160; x++)
                for (int k = 0; k < 3; k++) {
                    size_t i = ((size_t)y * 160 + (size_t)x) * 3 + (size_t)k;
                    size_t j =
                        ((size_t)y * 160 + (size_t)((x + 53) % 160)) * 3 +
                        (size_t)k;
                    shifted += abs((int)a[i] - (int)a[j]);
                }
        shifted /= (double)n;
        CHECK(diff < 0.6 * shifted);
    } else {
        CHECK(!"ffmpeg could not decode the videos");
    }
    free(a);
    free(b);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK_INT_EQ(system(cmd), 0);
}

// Squared error of display values against @p ref, over @p n bytes.
static double sq_error(const uint8_t *x, const uint8_t *ref, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double d = (double)x[i] - (double)ref[i];
        sum += d * d;
    }
    return sum / (double)n;
}

// A still "as in the film" carries the video's temporal accumulation: on
// the static first shot it is closer to a many-sample reference than a
// lone frame; at the shot's first frame there is nothing before it, so it
// is the lone frame exactly.
static void test_as_in_film(void)
{
    AuRenderOptions o;
    au_render_options_default(&o);
    o.width = W;
    o.height = H;
    size_t n = (size_t)W * H * 3;
    uint8_t *lone = calloc(n, 1), *film = calloc(n, 1), *ref = calloc(n, 1);
    CHECK(lone && film && ref);
    if (!lone || !film || !ref)
        goto done;
    o.samples = 64;
    CHECK_OK(au_render_frame(ctx, project, &o, 0, 1.0, ref));
    // At the default one sample and at two.
    for (int spp = 1; spp <= 2; spp++) {
        o.samples = spp;
        o.as_in_film = 0;
        CHECK_OK(au_render_frame(ctx, project, &o, 0, 1.0, lone));
        o.as_in_film = 1;
        CHECK_OK(au_render_frame(ctx, project, &o, 0, 1.0, film));
        double e_lone = sq_error(lone, ref, n), e_film = sq_error(film, ref, n);
        fprintf(stderr,
                "as in film, %d samples: squared error %.3f, lone frame "
                "%.3f\n",
                spp, e_film, e_lone);
        // Measured at 96x40: 0.86 of the lone frame's error at one
        // sample, 0.68 at two.
        CHECK(e_film < 0.9 * e_lone);
    }
    o.as_in_film = 0;
    o.samples = 2;
    CHECK_OK(au_render_frame(ctx, project, &o, 0, 0.0, lone));
    o.as_in_film = 1;
    CHECK_OK(au_render_frame(ctx, project, &o, 0, 0.0, film));
    CHECK(memcmp(lone, film, n) == 0);
done:
    free(lone);
    free(film);
    free(ref);
}

// One sample a pixel gives no spread to measure; the tracer takes it as
// wide as the value, so the denoiser still averages: a 1-sample frame
// comes out within a few times the error of a 2-sample one (with no
// variance it was over twenty times).
static void test_one_sample(void)
{
    AuRenderOptions o;
    au_render_options_default(&o);
    o.width = W;
    o.height = H;
    size_t n = (size_t)W * H * 3;
    uint8_t *one = calloc(n, 1), *two = calloc(n, 1), *ref = calloc(n, 1);
    CHECK(one && two && ref);
    if (!one || !two || !ref)
        goto done;
    o.samples = 1;
    CHECK_OK(au_render_frame(ctx, project, &o, 0, 1.0, one));
    o.samples = 2;
    CHECK_OK(au_render_frame(ctx, project, &o, 0, 1.0, two));
    o.samples = 64;
    CHECK_OK(au_render_frame(ctx, project, &o, 0, 1.0, ref));
    double e1 = sq_error(one, ref, n), e2 = sq_error(two, ref, n);
    fprintf(stderr, "squared error: 1 sample %.3f, 2 samples %.3f\n", e1, e2);
    CHECK(e1 < 2.5 * e2);
done:
    free(one);
    free(two);
    free(ref);
}

int main(void)
{
    CHECK_OK(au_context_new(NULL, &ctx));
    au_context_set_diag(ctx, quiet_diag, NULL);
    CHECK_OK(au_project_load_file(
        ctx, AU_SOURCE_DIR "/examples/first-light.fountain", &project));
    if (!project)
        return CHECK_DONE();
    CHECK_RUN(test_clamp);
    CHECK_RUN(test_as_in_film);
    CHECK_RUN(test_one_sample);
    CHECK_RUN(test_preview_looks_like_final);
    au_project_free(&project);
    au_context_free(&ctx);
    return CHECK_DONE();
}
