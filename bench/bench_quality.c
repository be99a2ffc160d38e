/* bench/bench_quality.c: image quality of the finished frames, for
 * `make bench` (through bench/bench_render.sh): the final frame's error
 * against a 1024-sample reference, and the flicker of a static shot. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auteur.h"

enum {
    REF_SAMPLES = 1024,
    // The reference costs 256 final frames; half the width in each
    // direction keeps it to a quarter of that.
    REF_W = 640,
    REF_H = 268,
    STATIC_FRAMES = 8
};

static void print_diag(void *user, const AuDiagnostic *d)
{
    (void)user;
    if (d->severity == AU_SEVERITY_ERROR)
        fprintf(stderr, "bench_quality: %s\n", d->text);
}

// Relative MSE of display values in [0, 1]: the mean over pixels and
// channels of (x - r)^2 / (r^2 + 0.01); the 0.01 keeps black pixels from
// dominating.
static double rel_mse(const uint8_t *x, const uint8_t *r, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double a = x[i] / 255.0, b = r[i] / 255.0;
        sum += (a - b) * (a - b) / (b * b + 0.01);
    }
    return sum / (double)n;
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        // `make bench` runs every bench_* program bare; this one needs the
        // example and the shot, which bench/bench_render.sh passes.
        printf("bench_quality: run by bench/bench_render.sh (usage: "
               "bench_quality SCRIPT SHOT [SAMPLES])\n");
        return 0;
    }
    size_t shot = (size_t)strtoul(argv[2], NULL, 10) - 1;
    AuContext *ctx = NULL;
    AuProject *project = NULL;
    if (au_context_new(NULL, &ctx) != AU_OK)
        return 1;
    au_context_set_diag(ctx, print_diag, NULL);
    int rc = 1;
    uint8_t *a = NULL, *b = NULL;
    if (au_project_load_file(ctx, argv[1], &project) != AU_OK)
        goto done;
    double start_s, dur_s;
    if (au_project_shot_time(project, shot, &start_s, &dur_s) != AU_OK)
        goto done;
    AuRenderOptions o;
    au_render_options_default(&o);
    o.seed = au_project_seed(project);
    if (argc == 4)
        o.samples = atoi(argv[3]);
    size_t full = (size_t)o.width * (size_t)o.height * 3;
    a = malloc(full);
    b = malloc(full);
    if (!a || !b)
        goto done;

    // Final quality against the reference, mid-shot.
    double t = dur_s / 2.0;
    AuRenderOptions q = o;
    q.width = REF_W;
    q.height = REF_H;
    size_t small = (size_t)REF_W * REF_H * 3;
    if (au_render_frame(ctx, project, &q, shot, t, a) != AU_OK)
        goto done;
    q.samples = REF_SAMPLES;
    if (au_render_frame(ctx, project, &q, shot, t, b) != AU_OK)
        goto done;
    double err = rel_mse(a, b, small);
    // The same frame as the film shows it, after the shot's frames before
    // it have been blended in.
    q.samples = o.samples;
    q.as_in_film = 1;
    if (au_render_frame(ctx, project, &q, shot, t, a) != AU_OK)
        goto done;
    double err_film = rel_mse(a, b, small);

    // Flicker: consecutive final frames of the shot at full size.
    double diff = 0.0;
    for (int f = 0; f < STATIC_FRAMES; f++) {
        uint8_t *cur = f % 2 ? b : a;
        const uint8_t *prev = f % 2 ? a : b;
        if (au_render_frame(ctx, project, &o, shot, f / o.fps, cur) != AU_OK)
            goto done;
        if (f == 0)
            continue;
        double sum = 0.0;
        for (size_t i = 0; i < full; i++)
            sum += abs((int)cur[i] - (int)prev[i]);
        diff += sum / (double)full;
    }
    diff /= STATIC_FRAMES - 1;
    printf("quality: shot %zu, final %d spp vs %d spp reference at %dx%d; "
           "%d consecutive frames at %dx%d\n",
           shot + 1, o.samples, REF_SAMPLES, REF_W, REF_H, STATIC_FRAMES,
           o.width, o.height);
    printf("rel_mse=%.6f\n", err);
    printf("rel_mse_in_film=%.6f\n", err_film);
    // Frames rendered one by one have no history to accumulate; the
    // film's own flicker is measured on the video (bench_render.sh).
    printf("temporal_diff_single_frames=%.4f\n", diff);
    rc = 0;
done:
    free(a);
    free(b);
    au_project_free(&project);
    au_context_free(&ctx);
    return rc;
}
