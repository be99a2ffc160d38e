/* bench/bench_quality.c: image quality of the finished frames, for
 * `make bench` (through bench/bench_render.sh): the final frame's error
 * against a 1024-sample reference, and the flicker of a static shot.
 * usage: bench_quality SCRIPT SHOT [SAMPLES[,SAMPLES...] [WxH [DIR]]]
 * With several sample counts the reference is traced once; with DIR the
 * frames are written there as binary PPM (ref.ppm, sN.ppm, sN-film.ppm)
 * to look at where the error is. With AU_BENCH_REF set to such a
 * ref.ppm of the same size, that file is the reference and none is
 * traced: for trying changes quickly, never for published figures. */
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

static int read_ppm(const char *path, uint8_t *rgb, int w, int h)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    int fw = 0, fh = 0, maxv = 0;
    size_t n = (size_t)w * (size_t)h * 3;
    int ok = fscanf(f, "P6 %d %d %d", &fw, &fh, &maxv) == 3 && fw == w &&
             fh == h && maxv == 255 && fgetc(f) != EOF &&
             fread(rgb, 1, n, f) == n;
    fclose(f);
    return ok ? 0 : -1;
}

static int write_ppm(const char *dir, const char *name, const uint8_t *rgb,
                     int w, int h)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    fprintf(f, "P6\n%d %d\n255\n", w, h);
    size_t n = (size_t)w * (size_t)h * 3;
    int ok = fwrite(rgb, 1, n, f) == n;
    return (fclose(f) == 0 && ok) ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 6) {
        // `make bench` runs every bench_* program bare; this one needs the
        // example and the shot, which bench/bench_render.sh passes.
        printf("bench_quality: run by bench/bench_render.sh (usage: "
               "bench_quality SCRIPT SHOT [SAMPLES[,SAMPLES...] [WxH "
               "[DIR]]])\n");
        return 0;
    }
    size_t shot = (size_t)strtoul(argv[2], NULL, 10) - 1;
    AuContext *ctx = NULL;
    AuProject *project = NULL;
    if (au_context_new(NULL, &ctx) != AU_OK)
        return 1;
    au_context_set_diag(ctx, print_diag, NULL);
    int rc = 1;
    uint8_t *a = NULL, *b = NULL, *ref = NULL;
    if (au_project_load_file(ctx, argv[1], &project) != AU_OK)
        goto done;
    double start_s, dur_s;
    if (au_project_shot_time(project, shot, &start_s, &dur_s) != AU_OK)
        goto done;
    AuRenderOptions o;
    au_render_options_default(&o);
    o.seed = au_project_seed(project);
    int counts[16], ncounts = 0;
    if (argc >= 4) {
        for (char *s = argv[3]; *s && ncounts < 16;) {
            char *end;
            long v = strtol(s, &end, 10);
            if (end == s || v < 1 || v > 4096) {
                fprintf(stderr, "bench_quality: bad sample count list %s\n",
                        argv[3]);
                goto done;
            }
            counts[ncounts++] = (int)v;
            s = *end == ',' ? end + 1 : end;
        }
    } else {
        counts[ncounts++] = o.samples;
    }
    AuRenderOptions q = o;
    q.width = REF_W;
    q.height = REF_H;
    if (argc >= 5 &&
        (sscanf(argv[4], "%dx%d", &q.width, &q.height) != 2 || q.width < 16 ||
         q.height < 16 || q.width > 8192 || q.height > 8192)) {
        fprintf(stderr, "bench_quality: bad size %s\n", argv[4]);
        goto done;
    }
    const char *dir = argc == 6 ? argv[5] : NULL;
    size_t full = (size_t)o.width * (size_t)o.height * 3;
    size_t small = (size_t)q.width * (size_t)q.height * 3;
    size_t most = full > small ? full : small;
    a = malloc(most);
    b = malloc(most);
    ref = malloc(small);
    if (!a || !b || !ref)
        goto done;

    // Final quality against the reference, mid-shot.
    double t = dur_s / 2.0;
    q.samples = REF_SAMPLES;
    const char *given = getenv("AU_BENCH_REF");
    if (given && read_ppm(given, ref, q.width, q.height) != 0) {
        fprintf(stderr, "bench_quality: %s is not a %dx%d PPM\n", given,
                q.width, q.height);
        goto done;
    }
    if (!given && au_render_frame(ctx, project, &q, shot, t, ref) != AU_OK)
        goto done;
    if (dir && write_ppm(dir, "ref.ppm", ref, q.width, q.height) != 0)
        goto done;
    for (int i = 0; i < ncounts; i++) {
        q.samples = counts[i];
        q.as_in_film = 0;
        if (au_render_frame(ctx, project, &q, shot, t, a) != AU_OK)
            goto done;
        double err = rel_mse(a, ref, small);
        // The same frame as the film shows it, after the shot's frames
        // before it have been blended in.
        q.as_in_film = 1;
        if (au_render_frame(ctx, project, &q, shot, t, b) != AU_OK)
            goto done;
        double err_film = rel_mse(b, ref, small);
        if (dir) {
            char name[64];
            snprintf(name, sizeof name, "s%d.ppm", counts[i]);
            if (write_ppm(dir, name, a, q.width, q.height) != 0)
                goto done;
            snprintf(name, sizeof name, "s%d-film.ppm", counts[i]);
            if (write_ppm(dir, name, b, q.width, q.height) != 0)
                goto done;
        }
        printf("quality: shot %zu, final %d spp vs %d spp reference at "
               "%dx%d\n",
               shot + 1, counts[i], REF_SAMPLES, q.width, q.height);
        if (ncounts == 1) {
            printf("rel_mse=%.6f\n", err);
            printf("rel_mse_in_film=%.6f\n", err_film);
        } else {
            printf("rel_mse_s%d=%.6f\n", counts[i], err);
            printf("rel_mse_in_film_s%d=%.6f\n", counts[i], err_film);
        }
    }

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
    printf("quality: %d consecutive frames of shot %zu at %dx%d, %d spp\n",
           STATIC_FRAMES, shot + 1, o.width, o.height, o.samples);
    // Frames rendered one by one have no history to accumulate; the
    // film's own flicker is measured on the video (bench_render.sh).
    printf("temporal_diff_single_frames=%.4f\n", diff);
    rc = 0;
done:
    free(a);
    free(b);
    free(ref);
    au_project_free(&project);
    au_context_free(&ctx);
    return rc;
}
