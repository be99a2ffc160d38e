/* bench/bench_denoise.c: times the render stage's denoiser on a real
 * 1280x536 frame (2 samples of the first shot of first-light.fountain, the
 * final frame's size) on one and two threads, and weighs its quality on
 * the same shot at 640x268 against a 256-sample reference traced without
 * it. Prints key=value lines. Run from the source tree, or give SCRIPT
 * [SHOT] as arguments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "direct/direct.h"
#include "grade/grade.h"
#include "render/render.h"
#include "script/script.h"
#include "world/world.h"

enum {
    WIDTH = 1280,
    HEIGHT = 536,
    // The reference costs 128 noisy frames; half the size each way keeps
    // it to a quarter of that.
    REF_W = 640,
    REF_H = 268,
    NOISY_SAMPLES = 2,
    REF_SAMPLES = 256,
    RUNS = 9
};

// What one shot needs to be traced: its scene, camera and light.
typedef struct Shot {
    const Production *prod;
    size_t index;
    Scene *scene;
    CameraView view;
    LightRig rig;
} Shot;

static int shot_init(const Production *prod, size_t index, Shot *s)
{
    const AuAllocator *a = base_allocator_default();
    memset(s, 0, sizeof *s);
    s->prod = prod;
    s->index = index;
    const DirectShot *ds = &prod->shots[index];
    double t_s = ds->duration_s / 2.0;
    if (world_build(a, prod, index, t_s, prod->seed, &s->scene) != AU_OK)
        return 1;
    if (camera_solve(prod, index, s->scene, (double)WIDTH / HEIGHT, &s->view) !=
            AU_OK ||
        camera_apply_move(prod, index, s->scene, t_s, prod->seed, &s->view) !=
            AU_OK ||
        camera_focus(prod, index, s->scene, t_s, &s->view) != AU_OK)
        return 1;
    // The scene's sky and sun and its practicals; the director's shot
    // lights do not change what the denoiser sees.
    light_rig_for_scene(&prod->scenes[ds->scene], &s->rig);
    light_rig_add_practicals(&s->rig, &prod->scenes[ds->scene], s->scene,
                             &ds->lighting);
    return 0;
}

// Traces the shot at @p samples into @p f, one bounce as a final frame
// has, without the denoiser.
static int shot_trace(RenderDevice *dev, const Shot *s, int samples, Frame *f)
{
    RenderSettings rs = { samples, 1, 2, s->prod->seed, s->index, 0, 0, 0 };
    return render_frame(dev, s->scene, &s->view, &s->rig, &rs, f, NULL) !=
           AU_OK;
}

// Tone-maps @p f as the film would show it.
static int tone_map(const Shot *s, const Frame *f, uint8_t *rgb8)
{
    GradeSettings g;
    grade_settings_default(&g);
    g.exposure_ev = s->rig.exposure_ev;
    grade_look_named(s->prod->shots[s->index].look, &g.look);
    return grade_frame(f, &g, rgb8) != AU_OK;
}

// Relative MSE of display values in [0, 1], as bench_quality measures it:
// the mean of (x - r)^2 / (r^2 + 0.01), so black pixels do not dominate.
static double rel_mse(const uint8_t *x, const uint8_t *r, size_t n)
{
    double sum = 0.0;
    for (size_t i = 0; i < n; i++) {
        double a = x[i] / 255.0, b = r[i] / 255.0;
        sum += (a - b) * (a - b) / (b * b + 0.01);
    }
    return sum / (double)n;
}

// Denoises copies of @p noisy RUNS times on @p threads into @p f; the
// fastest run's wall and processor milliseconds.
static int time_denoise(Frame *f, const float *noisy, int threads,
                        double *wall_ms, double *cpu_ms)
{
    size_t bytes = (size_t)f->width * (size_t)f->height * 3 * sizeof(float);
    *wall_ms = *cpu_ms = 1e30;
    for (int r = 0; r < RUNS; r++) {
        memcpy(f->rgb, noisy, bytes);
        double t0 = base_now_s();
        clock_t c0 = clock();
        if (render_denoise(f, threads) != AU_OK)
            return 1;
        double wall = 1000.0 * (base_now_s() - t0);
        double cpu = 1000.0 * (double)(clock() - c0) / CLOCKS_PER_SEC;
        *wall_ms = wall < *wall_ms ? wall : *wall_ms;
        *cpu_ms = cpu < *cpu_ms ? cpu : *cpu_ms;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "examples/first-light.fountain";
    size_t shot = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) - 1 : 0;
    const AuAllocator *a = base_allocator_default();
    BaseDiag diag = { 0 };
    char *data = NULL;
    size_t size = 0;
    ScriptDoc *doc = NULL;
    Production *prod = NULL;
    RenderDevice *dev = NULL;
    Shot s = { 0 };
    Frame f = { 0 }, ref = { 0 };
    float *noisy = NULL;
    uint8_t *out8 = NULL, *ref8 = NULL;
    int rc = 1;
    if (base_file_read(a, &diag, path, 1u << 20, &data, &size) != AU_OK ||
        script_parse(a, &diag, path, data, size, &doc) != AU_OK ||
        direct_plan(a, &diag, doc, &prod) != AU_OK ||
        shot >= prod->shot_count) {
        fprintf(stderr,
                "bench_denoise: cannot plan %s (run from the source "
                "tree, or give SCRIPT [SHOT])\n",
                path);
        goto done;
    }
    size_t n = (size_t)WIDTH * HEIGHT, n_ref = (size_t)REF_W * REF_H;
    noisy = malloc(n * 3 * sizeof(float));
    out8 = malloc(n_ref * 3);
    ref8 = malloc(n_ref * 3);
    if (!noisy || !out8 || !ref8 ||
        render_device_new(a, &diag, &dev) != AU_OK ||
        render_frame_init(&f, a, WIDTH, HEIGHT) != AU_OK ||
        shot_init(prod, shot, &s) || shot_trace(dev, &s, NOISY_SAMPLES, &f))
        goto done;
    memcpy(noisy, f.rgb, n * 3 * sizeof(float));
    for (int threads = 1; threads <= 2; threads++) {
        double wall_ms, cpu_ms;
        if (time_denoise(&f, noisy, threads, &wall_ms, &cpu_ms))
            goto done;
        printf("denoise_ms_1280x536.threads%d=%.2f\n", threads, wall_ms);
        printf("denoise_cpu_ms_1280x536.threads%d=%.2f\n", threads, cpu_ms);
    }

    render_frame_fini(&f);
    if (render_frame_init(&f, a, REF_W, REF_H) != AU_OK ||
        render_frame_init(&ref, a, REF_W, REF_H) != AU_OK ||
        shot_trace(dev, &s, NOISY_SAMPLES, &f) || tone_map(&s, &f, out8) ||
        shot_trace(dev, &s, REF_SAMPLES, &ref) || tone_map(&s, &ref, ref8))
        goto done;
    printf("noisy_rel_mse_%dspp_vs_%dspp_%dx%d=%.6f\n", NOISY_SAMPLES,
           REF_SAMPLES, REF_W, REF_H, rel_mse(out8, ref8, n_ref * 3));
    if (render_denoise(&f, 2) != AU_OK || tone_map(&s, &f, out8))
        goto done;
    printf("denoise_rel_mse_%dspp_vs_%dspp_%dx%d=%.6f\n", NOISY_SAMPLES,
           REF_SAMPLES, REF_W, REF_H, rel_mse(out8, ref8, n_ref * 3));
    rc = 0;
done:
    free(noisy);
    free(out8);
    free(ref8);
    world_scene_free(&s.scene);
    render_frame_fini(&ref);
    render_frame_fini(&f);
    render_device_free(&dev);
    direct_production_free(&prod);
    script_doc_free(&doc);
    base_free(a, data);
    return rc;
}
