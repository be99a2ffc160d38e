/* api/api.c: libauteur's public face (include/auteur.h). Runs the stages in
 * pipeline order: script -> direct -> world -> camera -> light -> render ->
 * grade -> deliver, and owns what crosses between them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../camera/camera.h"
#include "../deliver/deliver.h"
#include "../direct/direct.h"
#include "../grade/grade.h"
#include "../light/light.h"
#include "../render/render.h"
#include "../script/script.h"
#include "../world/world.h"
#include "auteur.h"

struct AuContext {
    AuAllocator alloc;
    BaseDiag diag;
    AuProgressFn progress;
    void *progress_user;
    int threads;
    uint64_t seed;
    bool seed_given;
};

struct AuProject {
    AuContext *ctx;
    ScriptDoc *doc;
    Production *prod;
};

const char *au_version(void)
{
    return AU_VERSION_STRING;
}

AuStatus au_context_new(const AuAllocator *alloc, AuContext **out)
{
    if (!alloc)
        alloc = base_allocator_default();
    AuContext *ctx = base_calloc(alloc, 1, sizeof *ctx);
    if (!ctx)
        return AU_ENOMEM;
    ctx->alloc = *alloc;
    *out = ctx;
    return AU_OK;
}

void au_context_free(AuContext **ctx)
{
    if (!ctx || !*ctx)
        return;
    AuAllocator a = (*ctx)->alloc;
    base_free(&a, *ctx);
    *ctx = NULL;
}

void au_context_set_diag(AuContext *ctx, AuDiagFn fn, void *user)
{
    ctx->diag.fn = fn;
    ctx->diag.user = user;
}

void au_context_set_progress(AuContext *ctx, AuProgressFn fn, void *user)
{
    ctx->progress = fn;
    ctx->progress_user = user;
}

void au_context_set_threads(AuContext *ctx, int threads)
{
    ctx->threads = threads < 0 ? 0 : threads;
}

void au_context_set_seed(AuContext *ctx, uint64_t seed)
{
    ctx->seed = seed;
    ctx->seed_given = true;
}

size_t au_context_error_count(const AuContext *ctx)
{
    return ctx->diag.errors;
}

// Words and places the world cannot build are warnings: the director
// should know the set is generic or a cast word did nothing.
static void warn_world(AuContext *ctx, const Production *prod)
{
    for (size_t i = 0; i < prod->set_count; i++) {
        const DirectSet *set = &prod->sets[i];
        WorldSetKind k = world_set_kind(set->name, set->interior, NULL);
        if (!world_set_kind_is_generic(k))
            continue;
        if (set->description && !world_set_kind_is_generic(world_set_kind(
                                    set->description, set->interior, NULL)))
            continue;
        base_diag(&ctx->diag, set->loc, AU_SEVERITY_WARNING, "unknown-set",
                  "no kind of set is known for '%s'; building a generic %s "
                  "(known: diner, bar, kitchen, office, bedroom, living "
                  "room, warehouse, garage, street, alley, rooftop, desert "
                  "road, beach, forest, field, harbour, ... see "
                  "docs/world.md)",
                  set->name, set->interior ? "interior" : "exterior");
    }
    for (size_t i = 0; i < prod->cast_count; i++) {
        const DirectCastMember *m = &prod->cast[i];
        const char *unused[16];
        size_t n = world_cast_unused_words(m, unused, 16);
        for (size_t k = 0; k < n && k < 16; k++) {
            AuSrcLoc loc = m->loc;
            for (size_t j = 0; j < m->look_word_count; j++)
                if (m->look_words[j] == unused[k])
                    loc = m->look_locs[j];
            base_diag(&ctx->diag, loc, AU_SEVERITY_WARNING, "unused-cast-word",
                      "'%s' in %s's description changes nothing in the "
                      "figure yet",
                      unused[k], m->name);
        }
    }
}

AuStatus au_project_load_buffer(AuContext *ctx, const char *name,
                                const void *data, size_t size, AuProject **out)
{
    AuProject *p = base_calloc(&ctx->alloc, 1, sizeof *p);
    if (!p)
        return AU_ENOMEM;
    p->ctx = ctx;
    AuStatus st = script_parse(&ctx->alloc, &ctx->diag, name ? name : "-", data,
                               size, &p->doc);
    if (st == AU_OK)
        st = direct_plan_seeded(&ctx->alloc, &ctx->diag, p->doc, ctx->seed,
                                ctx->seed_given, &p->prod);
    if (st == AU_OK)
        warn_world(ctx, p->prod);
    if (st != AU_OK) {
        au_project_free(&p);
        return st;
    }
    *out = p;
    return AU_OK;
}

AuStatus au_project_load_file(AuContext *ctx, const char *path, AuProject **out)
{
    char *data = NULL;
    size_t size = 0;
    AuStatus st = base_file_read(&ctx->alloc, &ctx->diag, path,
                                 AU_MAX_SCRIPT_BYTES, &data, &size);
    if (st != AU_OK)
        return st;
    st = au_project_load_buffer(ctx, path, data, size, out);
    base_free(&ctx->alloc, data);
    return st;
}

AuStatus au_project_load_prompt(AuContext *ctx, const char *prompt,
                                AuProject **out)
{
    size_t len = strlen(prompt);
    size_t bad = 0;
    if (!base_utf8_valid((const unsigned char *)prompt, len, &bad)) {
        AuSrcLoc loc = { "prompt", 1,
                         (uint32_t)base_utf8_count(prompt, bad) + 1 };
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-utf8",
                  "invalid UTF-8 at byte offset %zu", bad);
        return AU_ESYNTAX;
    }
    AuProject *p = base_calloc(&ctx->alloc, 1, sizeof *p);
    if (!p)
        return AU_ENOMEM;
    p->ctx = ctx;
    AuStatus st = direct_plan_prompt(&ctx->alloc, &ctx->diag, "prompt", prompt,
                                     len, &p->prod);
    if (st != AU_OK) {
        au_project_free(&p);
        return st;
    }
    *out = p;
    return AU_OK;
}

void au_project_free(AuProject **project)
{
    if (!project || !*project)
        return;
    AuProject *p = *project;
    direct_production_free(&p->prod);
    script_doc_free(&p->doc);
    base_free(&p->ctx->alloc, p);
    *project = NULL;
}

size_t au_project_shot_count(const AuProject *project)
{
    return project->prod->shot_count;
}

size_t au_project_cast_count(const AuProject *project)
{
    return project->prod->cast_count;
}

const char *au_project_cast_name(const AuProject *project, size_t index)
{
    if (index >= project->prod->cast_count)
        return NULL;
    return project->prod->cast[index].name;
}

double au_project_duration_s(const AuProject *project)
{
    return project->prod->duration_s;
}

AuStatus au_project_shot_time(const AuProject *project, size_t index,
                              double *start_s, double *duration_s)
{
    if (index >= project->prod->shot_count)
        return AU_EINVAL;
    *start_s = project->prod->shots[index].start_s;
    *duration_s = project->prod->shots[index].duration_s;
    return AU_OK;
}

AuStatus au_project_plan_json(const AuProject *project, char **out)
{
    return direct_plan_json(project->prod, out);
}

AuStatus au_project_plan_text(const AuProject *project, char **out)
{
    return direct_plan_text(project->prod, out);
}

double au_project_aspect(const AuProject *project)
{
    return project->prod->aspect;
}

uint64_t au_project_seed(const AuProject *project)
{
    return project->prod->seed;
}

void au_string_free(char **s)
{
    if (!s)
        return;
    // direct_plan_json's text comes from jansson, which uses malloc.
    free(*s);
    *s = NULL;
}

AuStatus au_project_compare(const AuProject *base, const AuProject *variation,
                            char **out)
{
    return direct_plan_compare(base->prod, variation->prod, out);
}

AuStatus au_contact_sheet_write(AuContext *ctx, const char *path, int cols,
                                int rows, int tile_w, int tile_h,
                                const uint8_t *const *tiles,
                                const char *const *row_labels,
                                const char *const *col_labels)
{
    return deliver_contact_sheet(&ctx->diag, path, cols, rows, tile_w, tile_h,
                                 tiles, row_labels, col_labels);
}

AuStatus au_project_lint(AuContext *ctx, const AuProject *project,
                         size_t *problems)
{
    return camera_lint(&ctx->alloc, &ctx->diag, project->prod,
                       project->prod->seed, problems);
}

void au_render_options_default(AuRenderOptions *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->width = 1280;
    opts->height = 536;
    opts->fps = 24.0;
    opts->seed = 1;
    opts->samples = 4;
}

static AuStatus check_options(AuContext *ctx, const AuRenderOptions *o)
{
    AuSrcLoc loc = { NULL, 0, 0 };
    if (o->width < 16 || o->height < 16 || o->width > AU_MAX_FRAME_SIDE ||
        o->height > AU_MAX_FRAME_SIDE) {
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-size",
                  "frame size %dx%d is out of range (16 to %d pixels a side)",
                  o->width, o->height, AU_MAX_FRAME_SIDE);
        return AU_EINVAL;
    }
    if (!(o->fps > 0.0) || o->fps > AU_MAX_FPS) {
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-fps",
                  "frame rate %g is out of range (above 0, at most %d)", o->fps,
                  AU_MAX_FPS);
        return AU_EINVAL;
    }
    if (o->samples < 1 || o->samples > 4096) {
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-samples",
                  "samples per pixel %d is out of range (1 to 4096)",
                  o->samples);
        return AU_EINVAL;
    }
    if (!(o->max_seconds >= 0.0)) {
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-duration",
                  "maximum duration must be zero or positive");
        return AU_EINVAL;
    }
    return AU_OK;
}

// Everything one frame needs beyond the project: the device, the frame
// buffers and the settings derived from the options.
typedef struct FrameJob {
    AuContext *ctx;
    const Production *prod;
    const AuRenderOptions *opts;
    RenderDevice *dev;
    Frame frame;
    RenderSettings settings;
    AuRenderStats stats;
} FrameJob;

static AuStatus frame_job_init(FrameJob *job, AuContext *ctx,
                               const AuProject *project,
                               const AuRenderOptions *opts)
{
    memset(job, 0, sizeof *job);
    job->ctx = ctx;
    job->prod = project->prod;
    job->opts = opts;
    AuStatus st = render_device_new(&ctx->alloc, &ctx->diag, &job->dev);
    if (st != AU_OK)
        return st;
    st = render_frame_init(&job->frame, &ctx->alloc, opts->width, opts->height);
    if (st != AU_OK) {
        render_device_free(&job->dev);
        return st;
    }
    job->settings.samples =
        opts->preview ? (opts->samples < 2 ? 1 : 2) : opts->samples;
    job->settings.max_bounces = 1;
    job->settings.denoise = 1;
    job->settings.threads = ctx->threads;
    job->settings.seed = opts->seed;
    return AU_OK;
}

static void frame_job_fini(FrameJob *job)
{
    render_frame_fini(&job->frame);
    render_device_free(&job->dev);
}

// auteur's own coverage must always render: when the set or a pose rules
// out the framing it chose (an over-the-shoulder past a raised arm), it
// falls back to a medium single on the same subject, which frames
// anywhere a character can stand.
static AuStatus solve_fallback(AuContext *ctx, const Production *prod,
                               size_t shot, const Scene *scene, double aspect,
                               CameraView *view)
{
    DirectShot *copy =
        base_calloc(&ctx->alloc, prod->shot_count, sizeof(DirectShot));
    if (!copy)
        return AU_ENOMEM;
    memcpy(copy, prod->shots, prod->shot_count * sizeof(DirectShot));
    Production alt = *prod;
    alt.shots = copy;
    DirectShot *s = &copy[shot];
    s->partner = SIZE_MAX;
    s->kind = s->subject == SIZE_MAX ? DIRECT_KIND_GROUP : DIRECT_KIND_SINGLE;
    AuStatus st = camera_solve(&alt, shot, scene, aspect, view);
    if (st == AU_EINVAL) {
        s->size = s->subject == SIZE_MAX ? DIRECT_SHOT_WS : DIRECT_SHOT_MS;
        s->lens_mm = s->subject == SIZE_MAX ? 24.0 : 35.0;
        s->angle = DIRECT_ANGLE_EYE;
        st = camera_solve(&alt, shot, scene, aspect, view);
    }
    base_free(&ctx->alloc, copy);
    return st;
}

// Renders frame @p frame_index of the film, @p t_s seconds into shot
// @p shot, and grades it into @p rgb8.
static AuStatus render_one(FrameJob *job, size_t shot, double t_s,
                           uint64_t frame_index, uint8_t *rgb8)
{
    const Production *prod = job->prod;
    Scene *scene = NULL;
    AuStatus st =
        world_build(&job->ctx->alloc, prod, shot, t_s, job->opts->seed, &scene);
    if (st != AU_OK)
        return st;
    CameraView view;
    double aspect = (double)job->opts->width / job->opts->height;
    st = camera_solve(prod, shot, scene, aspect, &view);
    if (st == AU_EINVAL && prod->shots[shot].set_by == 0)
        st = solve_fallback(job->ctx, prod, shot, scene, aspect, &view);
    if (st == AU_OK)
        st = camera_apply_move(prod, shot, scene, t_s, job->opts->seed, &view);
    if (st == AU_OK)
        st = camera_focus(prod, shot, scene, t_s, &view);
    if (st == AU_EINVAL) {
        // A direction the set cannot honour is a problem in the script:
        // say which shot and where, rather than fail without a word.
        const DirectShot *ds = &prod->shots[shot];
        base_diag(&job->ctx->diag, ds->loc, AU_SEVERITY_ERROR, "unframeable",
                  "shot %zu (%s %s, %.0f mm, %s) cannot be framed: the "
                  "camera would stand inside someone, under the floor or "
                  "too close; try another lens or angle (auteur lint "
                  "explains)",
                  shot + 1, direct_shot_size_name(ds->size),
                  direct_shot_kind_name(ds->kind), ds->lens_mm,
                  direct_angle_name(ds->angle));
        st = AU_ESYNTAX;
    }
    if (st == AU_OK) {
        LightRig rig;
        const DirectShot *ds = &prod->shots[shot];
        light_rig_for_scene(&prod->scenes[ds->scene], &rig);
        if (ds->lighting.light_count ||
            ds->lighting.style != DIRECT_KEY_NORMAL) {
            // Lights are set on the subject's face, or the middle of the
            // group at head height.
            const WorldFigure *f = ds->subject != SIZE_MAX
                                       ? world_find_figure(scene, ds->subject)
                                       : NULL;
            Vec3 at = f ? f->joints[WORLD_JOINT_EYES]
                        : v3_add(scene->stage_center, v3(0, 1.5, 0));
            light_rig_add_shot_lights(&rig, &ds->lighting, at, view.position);
        }
        job->settings.shot = shot;
        job->settings.frame = frame_index;
        double t0 = base_now_s();
        st = render_frame(job->dev, scene, &view, &rig, &job->settings,
                          &job->frame, &job->stats.rays);
        job->stats.render_s += base_now_s() - t0;
        if (st == AU_OK) {
            GradeSettings g;
            g.exposure_ev = rig.exposure_ev;
            grade_look_named(ds->look, &g.look);
            grade_frame(&job->frame, &g, rgb8);
            job->stats.frames++;
        }
    }
    world_scene_free(&scene);
    return st;
}

static AuStatus report_progress(AuContext *ctx, uint64_t done, uint64_t total)
{
    if (ctx->progress && ctx->progress(ctx->progress_user, done, total))
        return AU_ECANCELED;
    return AU_OK;
}

// The film's frame at which shot @p i starts: rounding each boundary (not
// each length) keeps the total exact and shots never drift.
static uint64_t shot_first_frame(const Production *prod, size_t i, double fps)
{
    double t = i < prod->shot_count ? prod->shots[i].start_s : prod->duration_s;
    return (uint64_t)llround(t * fps);
}

AuStatus au_render_video(AuContext *ctx, const AuProject *project,
                         const AuRenderOptions *opts, const char *out_path,
                         AuRenderStats *stats)
{
    double t_start = base_now_s();
    AuStatus st = check_options(ctx, opts);
    if (st != AU_OK)
        return st;
    const Production *prod = project->prod;
    uint64_t total = shot_first_frame(prod, prod->shot_count, opts->fps);
    if (opts->max_seconds > 0.0) {
        uint64_t cap = (uint64_t)llround(opts->max_seconds * opts->fps);
        total = cap < total ? (cap ? cap : 1) : total;
    }
    FrameJob job;
    st = frame_job_init(&job, ctx, project, opts);
    if (st != AU_OK)
        return st;
    uint8_t *rgb8 =
        base_calloc(&ctx->alloc, (size_t)opts->width * 3, (size_t)opts->height);
    DeliverVideo *video = NULL;
    if (!rgb8) {
        st = AU_ENOMEM;
        goto done;
    }
    st = deliver_video_open(&ctx->alloc, &ctx->diag, out_path, opts->width,
                            opts->height, opts->fps, &video);
    if (st != AU_OK)
        goto done;
    st = report_progress(ctx, 0, total);
    size_t shot = 0;
    for (uint64_t f = 0; f < total && st == AU_OK; f++) {
        while (shot + 1 < prod->shot_count &&
               f >= shot_first_frame(prod, shot + 1, opts->fps))
            shot++;
        double t_in_shot = (double)f / opts->fps - prod->shots[shot].start_s;
        if (t_in_shot < 0.0)
            t_in_shot = 0.0;
        st = render_one(&job, shot, t_in_shot, f, rgb8);
        if (st == AU_OK)
            st = deliver_video_write(video, rgb8);
        if (st == AU_OK)
            st = report_progress(ctx, f + 1, total);
    }
    if (st == AU_OK)
        st = deliver_video_finish(&video);
done:
    deliver_video_abort(&video);
    base_free(&ctx->alloc, rgb8);
    job.stats.total_s = base_now_s() - t_start;
    if (stats && st == AU_OK)
        *stats = job.stats;
    frame_job_fini(&job);
    return st;
}

AuStatus au_render_still(AuContext *ctx, const AuProject *project,
                         const AuRenderOptions *opts, size_t shot_index,
                         double at_s, const char *png_path,
                         const char *passes_dir, AuRenderStats *stats)
{
    double t_start = base_now_s();
    AuSrcLoc loc = { NULL, 0, 0 };
    AuStatus st = check_options(ctx, opts);
    if (st != AU_OK)
        return st;
    const Production *prod = project->prod;
    if (shot_index >= prod->shot_count) {
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-shot",
                  "there is no shot %zu: the plan has %zu shots",
                  shot_index + 1, prod->shot_count);
        return AU_EINVAL;
    }
    double dur = prod->shots[shot_index].duration_s;
    if (!(at_s >= 0.0) || at_s > dur) {
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-time",
                  "time %g s is outside shot %zu, which lasts %g s", at_s,
                  shot_index + 1, dur);
        return AU_EINVAL;
    }
    char id_path[4200], albedo_path[4200];
    if (passes_dir) {
        int n1 = snprintf(id_path, sizeof id_path, "%s/id.png", passes_dir);
        int n2 = snprintf(albedo_path, sizeof albedo_path, "%s/albedo.png",
                          passes_dir);
        if (n1 < 0 || n2 < 0 || (size_t)n1 >= sizeof id_path ||
            (size_t)n2 >= sizeof albedo_path) {
            base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-path",
                      "passes directory path is too long");
            return AU_EINVAL;
        }
    }
    FrameJob job;
    st = frame_job_init(&job, ctx, project, opts);
    if (st != AU_OK)
        return st;
    size_t n = (size_t)opts->width * (size_t)opts->height;
    uint8_t *rgb8 = base_calloc(&ctx->alloc, n, 3);
    if (!rgb8) {
        st = AU_ENOMEM;
        goto done;
    }
    uint64_t frame_index =
        (uint64_t)llround((prod->shots[shot_index].start_s + at_s) * opts->fps);
    st = render_one(&job, shot_index, at_s, frame_index, rgb8);
    if (st == AU_OK)
        st = deliver_png_rgb8(&ctx->diag, png_path, opts->width, opts->height,
                              rgb8);
    if (st == AU_OK && passes_dir) {
        st = deliver_png_gray16(&ctx->diag, id_path, opts->width, opts->height,
                                job.frame.id);
        if (st == AU_OK) {
            grade_albedo(&job.frame, rgb8);
            st = deliver_png_rgb8(&ctx->diag, albedo_path, opts->width,
                                  opts->height, rgb8);
        }
    }
done:
    base_free(&ctx->alloc, rgb8);
    job.stats.total_s = base_now_s() - t_start;
    if (stats && st == AU_OK)
        *stats = job.stats;
    frame_job_fini(&job);
    return st;
}

AuStatus au_render_frame(AuContext *ctx, const AuProject *project,
                         const AuRenderOptions *opts, size_t shot_index,
                         double at_s, uint8_t *rgb8)
{
    AuSrcLoc loc = { NULL, 0, 0 };
    AuStatus st = check_options(ctx, opts);
    if (st != AU_OK)
        return st;
    const Production *prod = project->prod;
    if (shot_index >= prod->shot_count ||
        !(at_s >= 0.0 && at_s <= prod->shots[shot_index].duration_s)) {
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-shot",
                  "no shot %zu at %g s: the plan has %zu shots", shot_index + 1,
                  at_s, prod->shot_count);
        return AU_EINVAL;
    }
    FrameJob job;
    st = frame_job_init(&job, ctx, project, opts);
    if (st != AU_OK)
        return st;
    uint64_t frame_index =
        (uint64_t)llround((prod->shots[shot_index].start_s + at_s) * opts->fps);
    st = render_one(&job, shot_index, at_s, frame_index, rgb8);
    frame_job_fini(&job);
    return st;
}
