/* bench/bench_frame.c: times the per-frame work after the path tracer on
 * real frames of first-light.fountain's first shot: temporal accumulation
 * (render_temporal), the grade (grade_frame) and the preview's upscale
 * (grade_upscale), at the preview's 640x268 and the film's 1280x536, the
 * camera trucking (and, for the blend, still). Prints key=value lines:
 * processor milliseconds per call (all threads), per frame, and a hash of each
 * result so a rewrite can prove it changed no byte. Run from the source tree,
 * or give SCRIPT [DUMP_PREFIX]; with a prefix the results are also written
 * there raw, for comparison. */
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
    RUNS = 15,
    FILM_W = 1280,
    FILM_H = 536
};

static double cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return 1000.0 * (double)ts.tv_sec + 1e-6 * (double)ts.tv_nsec;
}

static int dump(const char *prefix, const char *name, const void *data,
                size_t bytes)
{
    if (!prefix)
        return 0;
    char path[1024];
    snprintf(path, sizeof path, "%s%s.raw", prefix, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return 1;
    size_t wrote = fwrite(data, 1, bytes, f);
    return fclose(f) != 0 || wrote != bytes;
}

// Two consecutive frames of one shot: @p prev at t - 1/24 s and @p cur at
// t, the camera trucking 2 cm a frame so every pixel has a sub-pixel
// motion, as a moving shot's preview does.
typedef struct Pair {
    Frame prev;
    Frame cur;
    double exposure_ev;
} Pair;

static int trace_pair(RenderDevice *dev, const Production *prod, int w, int h,
                      Pair *p)
{
    const AuAllocator *a = base_allocator_default();
    const double fps = 24.0, t_s = 1.0;
    Scene *scene = NULL, *scene_prev = NULL;
    CameraView view, view_prev;
    LightRig rig;
    int rc = 1;
    if (render_frame_init(&p->prev, a, w, h) != AU_OK ||
        render_frame_init(&p->cur, a, w, h) != AU_OK ||
        world_build(a, prod, 0, t_s, prod->seed, &scene) != AU_OK ||
        world_build(a, prod, 0, t_s - 1.0 / fps, prod->seed, &scene_prev) !=
            AU_OK ||
        camera_solve(prod, 0, scene, (double)w / h, &view) != AU_OK ||
        camera_apply_move(prod, 0, scene, t_s, prod->seed, &view) != AU_OK ||
        camera_focus(prod, 0, scene, t_s, &view) != AU_OK)
        goto done;
    const DirectShot *ds = &prod->shots[0];
    light_rig_for_scene(&prod->scenes[ds->scene], &rig);
    light_rig_add_practicals(&rig, &prod->scenes[ds->scene], scene,
                             &ds->lighting);
    p->exposure_ev = rig.exposure_ev;
    view_prev = view;
    view_prev.position = v3_sub(view.position, v3_scale(view.right, 0.02));
    RenderSettings rs = { 2, 0, 2, prod->seed, 0, 0, 1, 0 };
    if (render_frame(dev, scene_prev, &view_prev, &rig, &rs, &p->prev, NULL) !=
        AU_OK)
        goto done;
    RenderMotion m = { NULL, &view_prev, NULL, scene_prev };
    rs.frame = 1;
    rc = render_frame_motion(dev, scene, &view, &rig, &rs, &m, &p->cur, NULL) !=
         AU_OK;
done:
    world_scene_free(&scene_prev);
    world_scene_free(&scene);
    return rc;
}

// The fastest of RUNS blends of @p p->cur over @p p->prev on @p threads,
// in processor milliseconds; leaves the blended frame in p->cur.
static int time_temporal(Pair *p, RenderHistory *hist, const float *cur_rgb,
                         int threads, double *ms)
{
    size_t bytes =
        (size_t)p->cur.width * (size_t)p->cur.height * 3 * sizeof(float);
    float *prev_rgb = malloc(bytes);
    if (!prev_rgb)
        return 1;
    memcpy(prev_rgb, p->prev.rgb, bytes);
    *ms = 1e30;
    for (int r = 0; r < RUNS; r++) {
        render_history_reset(hist);
        memcpy(p->prev.rgb, prev_rgb, bytes);
        memcpy(p->cur.rgb, cur_rgb, bytes);
        if (render_temporal(hist, &p->prev, threads) != AU_OK)
            break;
        double t0 = cpu_ms();
        if (render_temporal(hist, &p->cur, threads) != AU_OK)
            break;
        double t = cpu_ms() - t0;
        *ms = t < *ms ? t : *ms;
    }
    free(prev_rgb);
    return *ms > 1e29;
}

static double time_grade(const Frame *f, const GradeSettings *g, uint8_t *rgb8)
{
    double best = 1e30;
    for (int r = 0; r < RUNS; r++) {
        double t0 = cpu_ms();
        if (grade_frame(f, g, rgb8) != AU_OK)
            return -1.0;
        double t = cpu_ms() - t0;
        best = t < best ? t : best;
    }
    return best;
}

// The grades a film can ask for: the default, a look, the other curves,
// grain, and the lens effects.
typedef struct Variant {
    const char *name;
    const char *look;
    GradeTonemap tonemap;
    double grain;
    double bloom;
} Variant;

static const Variant variants[] = {
    { "filmic", NULL, GRADE_TONEMAP_FILMIC, 0, 0 },
    { "noir", "noir", GRADE_TONEMAP_FILMIC, 0, 0 },
    { "teal", "teal and orange", GRADE_TONEMAP_FILMIC, 0, 0 },
    { "aces", NULL, GRADE_TONEMAP_ACES, 0, 0 },
    { "agx", NULL, GRADE_TONEMAP_AGX, 0, 0 },
    { "grain", NULL, GRADE_TONEMAP_FILMIC, 0.4, 0 },
    { "bloom", NULL, GRADE_TONEMAP_FILMIC, 0, 0.5 },
};

// Times and hashes everything on one pair; @p temporal_ms and
// @p grade_ms get the 2-thread blend and the default grade.
static int bench_size(Pair *p, const char *prefix, double *temporal_ms,
                      double *grade_ms)
{
    const AuAllocator *a = base_allocator_default();
    int w = p->cur.width, h = p->cur.height;
    size_t n = (size_t)w * (size_t)h;
    RenderHistory hist = { 0 };
    float *cur_rgb = malloc(n * 3 * sizeof(float));
    uint8_t *rgb8 = malloc(n * 3);
    int rc = 1;
    if (!cur_rgb || !rgb8 || render_history_init(&hist, a, w, h) != AU_OK)
        goto done;
    memcpy(cur_rgb, p->cur.rgb, n * 3 * sizeof(float));
    uint64_t hash[2] = { 0, 0 };
    for (int threads = 1; threads <= 2; threads++) {
        double ms;
        if (time_temporal(p, &hist, cur_rgb, threads, &ms))
            goto done;
        hash[threads - 1] = base_hash_bytes(p->cur.rgb, n * 3 * sizeof(float));
        printf("temporal_cpu_ms_%dx%d.threads%d=%.3f\n", w, h, threads, ms);
        *temporal_ms = ms;
    }
    printf("temporal_hash_%dx%d=%016llx\n", w, h, (unsigned long long)hash[0]);
    // A locked-off shot of a still set: no motion anywhere.
    float *motion = malloc(n * 2 * sizeof(float));
    if (!motion)
        goto done;
    memcpy(motion, p->cur.motion, n * 2 * sizeof(float));
    memset(p->cur.motion, 0, n * 2 * sizeof(float));
    double still_ms;
    int still_rc = time_temporal(p, &hist, cur_rgb, 2, &still_ms);
    memcpy(p->cur.motion, motion, n * 2 * sizeof(float));
    free(motion);
    if (still_rc || time_temporal(p, &hist, cur_rgb, 2, temporal_ms))
        goto done;
    printf("temporal_cpu_ms_%dx%d.still.threads2=%.3f\n", w, h, still_ms);
    printf("temporal_same_for_1_and_2_threads_%dx%d=%d\n", w, h,
           hash[0] == hash[1]);
    char name[64];
    snprintf(name, sizeof name, "temporal_%dx%d", w, h);
    if (dump(prefix, name, p->cur.rgb, n * 3 * sizeof(float)))
        goto done;
    for (size_t v = 0; v < BASE_ARRAY_LEN(variants); v++) {
        GradeSettings g;
        grade_settings_default(&g);
        g.exposure_ev = p->exposure_ev;
        grade_look_named(variants[v].look, &g.look);
        g.tonemap = variants[v].tonemap;
        g.grain = variants[v].grain;
        g.bloom = variants[v].bloom;
        g.frame = 1;
        double ms = time_grade(&p->cur, &g, rgb8);
        if (ms < 0.0)
            goto done;
        printf("grade_cpu_ms_%dx%d.%s=%.3f\n", w, h, variants[v].name, ms);
        printf("grade_hash_%dx%d.%s=%016llx\n", w, h, variants[v].name,
               (unsigned long long)base_hash_bytes(rgb8, n * 3));
        snprintf(name, sizeof name, "grade_%dx%d_%s", w, h, variants[v].name);
        if (dump(prefix, name, rgb8, n * 3))
            goto done;
        if (v == 0)
            *grade_ms = ms;
    }
    rc = 0;
done:
    render_history_fini(&hist);
    free(cur_rgb);
    free(rgb8);
    return rc;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "examples/first-light.fountain";
    const char *prefix = argc > 2 ? argv[2] : NULL;
    const AuAllocator *a = base_allocator_default();
    BaseDiag diag = { 0 };
    char *data = NULL;
    size_t size = 0;
    ScriptDoc *doc = NULL;
    Production *prod = NULL;
    RenderDevice *dev = NULL;
    Pair small = { 0 }, film = { 0 };
    uint8_t *small8 = NULL, *film8 = NULL;
    int rc = 1;
    if (base_file_read(a, &diag, path, 1u << 20, &data, &size) != AU_OK ||
        script_parse(a, &diag, path, data, size, &doc) != AU_OK ||
        direct_plan(a, &diag, doc, &prod) != AU_OK || prod->shot_count == 0) {
        fprintf(stderr,
                "bench_frame: cannot plan %s (run from the source tree, or "
                "give SCRIPT)\n",
                path);
        goto done;
    }
    int sw = (FILM_W + 1) / 2, sh = (FILM_H + 1) / 2;
    if (render_device_new(a, &diag, &dev) != AU_OK ||
        trace_pair(dev, prod, sw, sh, &small) ||
        trace_pair(dev, prod, FILM_W, FILM_H, &film))
        goto done;
    double t_small, g_small, t_film, g_film;
    if (bench_size(&small, prefix, &t_small, &g_small) ||
        bench_size(&film, prefix, &t_film, &g_film))
        goto done;

    // The preview's upscale, from the graded half-size frame.
    small8 = malloc((size_t)sw * (size_t)sh * 3);
    film8 = malloc((size_t)FILM_W * FILM_H * 3);
    GradeSettings g;
    grade_settings_default(&g);
    g.exposure_ev = small.exposure_ev;
    if (!small8 || !film8 || grade_frame(&small.cur, &g, small8) != AU_OK)
        goto done;
    double up = 1e30;
    for (int r = 0; r < RUNS; r++) {
        double t0 = cpu_ms();
        grade_upscale(small8, sw, sh, film8, FILM_W, FILM_H);
        double t = cpu_ms() - t0;
        up = t < up ? t : up;
    }
    printf("upscale_cpu_ms_%dx%d_to_%dx%d=%.3f\n", sw, sh, FILM_W, FILM_H, up);
    printf("upscale_hash=%016llx\n", (unsigned long long)base_hash_bytes(
                                         film8, (size_t)FILM_W * FILM_H * 3));
    if (dump(prefix, "upscale", film8, (size_t)FILM_W * FILM_H * 3))
        goto done;
    printf("preview_frame_cpu_ms=%.3f\n", t_small + g_small + up);
    printf("final_frame_cpu_ms=%.3f\n", t_film + g_film);
    rc = 0;
done:
    free(small8);
    free(film8);
    render_frame_fini(&small.prev);
    render_frame_fini(&small.cur);
    render_frame_fini(&film.prev);
    render_frame_fini(&film.cur);
    render_device_free(&dev);
    direct_production_free(&prod);
    script_doc_free(&doc);
    base_free(a, data);
    return rc;
}
