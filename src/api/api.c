/* api/api.c: libauteur's public face (include/auteur.h). Runs the stages in
 * pipeline order: script -> direct -> world -> camera -> light -> render ->
 * grade -> deliver, and owns what crosses between them. */
#include <errno.h>
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
    char *source; // the script's bytes, for lint --fix to copy; or NULL
    size_t source_len;
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
    if (st == AU_OK) {
        p->source = base_calloc(&ctx->alloc, size + 1, 1);
        if (p->source) {
            memcpy(p->source, data, size);
            p->source_len = size;
        } else {
            st = AU_ENOMEM;
        }
    }
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
    base_free(&p->ctx->alloc, p->source);
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

AuStatus au_project_lint_fix(AuContext *ctx, const AuProject *project,
                             const char *out_path, size_t *problems,
                             size_t *fixed, size_t *left)
{
    const AuAllocator *a = &ctx->alloc;
    *problems = *fixed = *left = 0;
    if (!project->source) {
        AuSrcLoc loc = { "prompt", 1, 1 };
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "lint-fix-prompt",
                  "lint --fix rewrites a script's notes; a prompt has none");
        return AU_EINVAL;
    }
    CameraLintFix *fixes = NULL;
    size_t count = 0;
    AuStatus st =
        camera_lint_fix(a, &ctx->diag, project->prod, project->prod->seed,
                        problems, &fixes, &count);
    size_t *idx = NULL;
    DirectShot *shots = NULL;
    char *text = NULL;
    size_t len = 0;
    if (st == AU_OK) {
        idx = base_calloc(a, count + 1, sizeof *idx);
        shots = base_calloc(a, count + 1, sizeof *shots);
        st = idx && shots ? AU_OK : AU_ENOMEM;
    }
    for (size_t k = 0; st == AU_OK && k < count; k++) {
        idx[k] = fixes[k].shot;
        shots[k] = fixes[k].fixed;
    }
    if (st == AU_OK)
        st = direct_script_rewrite(a, project->prod, project->source,
                                   project->source_len, idx, shots, count,
                                   &text, &len);
    // What is left is what the fixed copy still shows.
    if (st == AU_OK) {
        ScriptDoc *doc = NULL;
        Production *prod = NULL;
        st = script_parse(a, NULL, out_path, text, len, &doc);
        if (st == AU_OK)
            st = direct_plan_seeded(a, NULL, doc, project->prod->seed, true,
                                    &prod);
        if (st == AU_OK)
            st = camera_lint(a, NULL, prod, prod->seed, left);
        direct_production_free(&prod);
        script_doc_free(&doc);
        if (st == AU_ESYNTAX)
            st = AU_EINTERNAL;
    }
    if (st == AU_OK) {
        BaseAtomicFile file;
        st = base_atomic_begin(&file, out_path);
        FILE *f = st == AU_OK ? fopen(file.tmp, "wb") : NULL;
        if (st == AU_OK && !f) {
            AuSrcLoc loc = { out_path, 0, 0 };
            base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "io",
                      "cannot write %s: %s", out_path, strerror(errno));
            st = AU_EIO;
        }
        if (f) {
            bool ok = fwrite(text, 1, len, f) == len;
            ok = fclose(f) == 0 && ok;
            st = ok ? base_atomic_commit(&file, &ctx->diag) : AU_EIO;
            if (!ok)
                base_atomic_abort(&file);
        }
    }
    *fixed = *problems > *left ? *problems - *left : 0;
    base_free(a, text);
    base_free(a, idx);
    base_free(a, shots);
    base_free(a, fixes);
    return st;
}

void au_render_options_default(AuRenderOptions *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->width = 1280;
    opts->height = 536;
    opts->fps = 24.0;
    opts->seed = 1;
    // One sample a pixel, the sun's light sampled for certain, denoised
    // and accumulated along the shot, comes within the renderer's error
    // target (docs/rendering.md): more buy little the eye sees and cost
    // their full time.
    opts->samples = 1;
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
    if (!(o->clamp >= 0.0 && o->clamp <= 1e30)) {
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-clamp",
                  "firefly clamp %g is out of range (0 for the default, up "
                  "to 1e30)",
                  o->clamp);
        return AU_EINVAL;
    }
    if (!(o->max_seconds >= 0.0)) {
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-duration",
                  "maximum duration must be zero or positive");
        return AU_EINVAL;
    }
    if (o->tonemap < AU_TONEMAP_FILMIC || o->tonemap > AU_TONEMAP_AGX ||
        o->auto_exposure < AU_METER_OFF || o->auto_exposure > AU_METER_CENTER ||
        !(o->white_balance_k == 0.0 ||
          (o->white_balance_k >= 1000.0 && o->white_balance_k <= 40000.0)) ||
        !(o->exposure_ev >= -16.0 && o->exposure_ev <= 16.0) ||
        !(o->grain >= 0.0 && o->grain <= 1.0) ||
        !(o->bloom >= 0.0 && o->bloom <= 1.0) ||
        !(o->halation >= 0.0 && o->halation <= 1.0) ||
        !(o->aberration >= 0.0 && o->aberration <= 1.0) ||
        !(o->reframe_aspect == 0.0 ||
          (o->reframe_aspect >= 0.2 && o->reframe_aspect <= 5.0))) {
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-grade",
                  "grade option out of range: tone map 0..2, metering 0..2, "
                  "white balance 0 or 1000..40000 K, exposure -16..16 EV, "
                  "grain, bloom, halation and aberration 0..1, reframe "
                  "aspect 0.2..5");
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
    GradeLut lut; // loaded once from opts->lut_path
    // A video preview traces and grades at two fifths of the size into
    // small8, then scales it up to the film's size.
    uint8_t *small8;
    // A video blends each frame of a shot with the one before; a still
    // has no before.
    bool temporal;
    size_t history_shot;
    RenderHistory history;
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
    st = render_device_set_clamp(job->dev, opts->clamp);
    if (st == AU_OK)
        st = render_frame_init(&job->frame, &ctx->alloc, opts->width,
                               opts->height);
    if (st == AU_OK && opts->lut_path)
        st = grade_lut_load(&ctx->alloc, &ctx->diag, opts->lut_path, &job->lut);
    if (st != AU_OK) {
        render_frame_fini(&job->frame);
        render_device_free(&job->dev);
        return st;
    }
    // A preview is one sample of direct light, denoised: the shapes,
    // framing and key light of the shot. The tracer gives a lone sample a
    // variance as wide as its value, so the denoiser averages the sun's
    // and the sky's picks of neighbouring pixels into a clean picture.
    job->settings.samples = opts->preview ? 1 : opts->samples;
    job->settings.max_bounces = opts->preview ? 0 : 1;
    job->settings.sun_by_chance = opts->preview;
    job->settings.denoise = 1;
    job->settings.threads = ctx->threads;
    job->settings.seed = opts->seed;
    return AU_OK;
}

// Makes a preview video job trace at two fifths of the film's size: a
// sixth of the rays, and the bilinear upscale keeps the framing, the light
// and the colour, a little soft (looked at beside half size, which took a
// third longer: 0.067 against 0.050 s/frame with the same encoder).
static AuStatus frame_job_preview_size(FrameJob *job)
{
    const AuRenderOptions *o = job->opts;
    if (!o->preview || o->width < 64 || o->height < 64)
        return AU_OK;
    int w = (o->width * 2 + 4) / 5, h = (o->height * 2 + 4) / 5;
    const AuAllocator *a = &job->ctx->alloc;
    render_frame_fini(&job->frame);
    AuStatus st = render_frame_init(&job->frame, a, w, h);
    if (st != AU_OK)
        return st;
    job->small8 = base_calloc(a, (size_t)w * (size_t)h, 3);
    return job->small8 ? AU_OK : AU_ENOMEM;
}

// Bilinear upscale of @p src (sw x sh) into @p dst (dw x dh), pixel
// centres aligned: the grade's fixed-point resampler.
static void upscale_rgb8(const uint8_t *src, int sw, int sh, uint8_t *dst,
                         int dw, int dh)
{
    grade_upscale(src, sw, sh, dst, dw, dh);
}

static void frame_job_fini(FrameJob *job)
{
    base_free(&job->ctx->alloc, job->small8);
    job->small8 = NULL;
    grade_lut_free(&job->lut);
    render_history_fini(&job->history);
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

// The light of shot @p ds seen from @p camera: the scene's sky, sun and
// practicals, and the director's lights set on the subject's face or the
// middle of the group at head height.
static void shot_rig(const Production *prod, const DirectShot *ds,
                     const Scene *scene, Vec3 camera, LightRig *rig)
{
    light_rig_for_scene(&prod->scenes[ds->scene], rig);
    light_rig_add_practicals(rig, &prod->scenes[ds->scene], scene,
                             &ds->lighting);
    if (ds->lighting.light_count || ds->lighting.style != DIRECT_KEY_NORMAL ||
        ds->lighting.preset != DIRECT_PRESET_NONE ||
        ds->lighting.fill_ratio > 0.0) {
        const WorldFigure *f = ds->subject != SIZE_MAX
                                   ? world_find_figure(scene, ds->subject)
                                   : NULL;
        Vec3 at = f ? f->joints[WORLD_JOINT_EYES]
                    : v3_add(scene->stage_center, v3(0, 1.5, 0));
        light_rig_add_shot_lights(rig, &ds->lighting, at, camera);
    }
}

// The rest of the shot's look note, where the command line left the
// default: an option given when rendering overrides the notes.
static void grade_from_note(const DirectGrade *n, GradeSettings *g)
{
    static const GradeTonemap curves[] = { GRADE_TONEMAP_FILMIC,
                                           GRADE_TONEMAP_FILMIC,
                                           GRADE_TONEMAP_ACES,
                                           GRADE_TONEMAP_AGX };
    if (g->tonemap == GRADE_TONEMAP_FILMIC && n->tonemap > 0 && n->tonemap <= 3)
        g->tonemap = curves[n->tonemap];
    if (g->white_balance_k == 0.0)
        g->white_balance_k = n->white_balance_k;
    if (g->offset_ev == 0.0 && n->has_exposure)
        g->offset_ev = n->exposure_ev;
    if (g->grain == 0.0)
        g->grain = n->grain;
    if (g->bloom == 0.0)
        g->bloom = n->bloom;
    if (g->halation == 0.0)
        g->halation = n->halation;
}

// The scene of shot @p shot posed @p t_s seconds in, and the shot framed
// on it the way render_one frames its own moment (@p fallback: through
// solve_fallback), for the shutter's closing and the frame before. A
// framing that fails leaves *solved as it was: that moment's camera is
// then the frame's own.
static AuStatus pose_at(FrameJob *job, size_t shot, double t_s, bool fallback,
                        Scene **scene, CameraView *solved)
{
    const Production *prod = job->prod;
    AuStatus st =
        world_build(&job->ctx->alloc, prod, shot, t_s, job->opts->seed, scene);
    if (st != AU_OK)
        return st;
    CameraView v = { 0 };
    double aspect = (double)job->opts->width / job->opts->height;
    st = fallback ? solve_fallback(job->ctx, prod, shot, *scene, aspect, &v)
                  : camera_solve(prod, shot, *scene, aspect, &v);
    if (st == AU_OK)
        *solved = v;
    return st == AU_ENOMEM ? st : AU_OK;
}

// Renders frame @p frame_index of the film, @p t_s seconds into shot
// @p shot, and grades it into @p rgb8.
static AuStatus render_one(FrameJob *job, size_t shot, double t_s,
                           uint64_t frame_index, uint8_t *rgb8)
{
    const Production *prod = job->prod;
    Scene *scene = NULL, *scene_close = NULL, *scene_prev = NULL;
    AuStatus st =
        world_build(&job->ctx->alloc, prod, shot, t_s, job->opts->seed, &scene);
    if (st != AU_OK)
        return st;
    CameraView view = { 0 };
    double aspect = (double)job->opts->width / job->opts->height;
    st = camera_solve(prod, shot, scene, aspect, &view);
    bool fallback = st == AU_EINVAL && prod->shots[shot].set_by == 0;
    if (fallback)
        st = solve_fallback(job->ctx, prod, shot, scene, aspect, &view);
    // The framing before the move: motion blur moves it again to the
    // shutter's closing and to the previous frame.
    CameraView solved = view, close_view, prev_view, before_close;
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
        shot_rig(prod, ds, scene, view.position, &rig);
        job->settings.shot = shot;
        job->settings.frame = frame_index;
        double t0 = base_now_s();
        // The cast at the shutter's closing and a frame earlier, each
        // with the camera framed on them as every frame is: what moves
        // on its own blurs, and the motion pass follows it.
        double fps = job->opts->fps;
        double t_prev = t_s - 1.0 / fps;
        CameraView solved_close = solved, solved_prev = solved;
        st = pose_at(job, shot, t_s + RENDER_SHUTTER_DEG_DEFAULT / 360.0 / fps,
                     fallback, &scene_close, &solved_close);
        if (st == AU_OK && t_prev > 0.0)
            st =
                pose_at(job, shot, t_prev, fallback, &scene_prev, &solved_prev);
        RenderMotion motion, before;
        if (st == AU_OK) {
            render_motion_views(prod, shot, scene_close, &solved_close, t_s,
                                fps, RENDER_SHUTTER_DEG_DEFAULT,
                                job->opts->seed, &close_view, &prev_view,
                                &motion);
            render_motion_views(prod, shot, scene_prev ? scene_prev : scene,
                                &solved_prev, t_s, fps,
                                RENDER_SHUTTER_DEG_DEFAULT, job->opts->seed,
                                &before_close, &prev_view, &before);
            motion.view_prev = before.view_prev;
            motion.scene_close = scene_close;
            // The shot's first frame was posed as it is now.
            motion.scene_prev = scene_prev ? scene_prev : scene;
            st = render_frame_motion(job->dev, scene, &view, &rig,
                                     &job->settings, &motion, &job->frame,
                                     &job->stats.rays);
        }
        if (st == AU_OK && job->temporal) {
            if (shot != job->history_shot)
                render_history_reset(&job->history);
            job->history_shot = shot;
            st = render_temporal(&job->history, &job->frame,
                                 job->settings.threads);
        }
        job->stats.render_s += base_now_s() - t0;
        if (st == AU_OK) {
            GradeSettings g;
            grade_settings_default(&g);
            const AuRenderOptions *o = job->opts;
            g.exposure_ev = rig.exposure_ev;
            g.offset_ev = o->exposure_ev;
            grade_look_named(ds->look, &g.look);
            g.meter = (GradeMeter)o->auto_exposure;
            g.white_balance_k = o->white_balance_k;
            g.tonemap = (GradeTonemap)o->tonemap;
            g.lut = job->lut.rgb ? &job->lut : NULL;
            g.grain = o->grain;
            g.bloom = o->bloom;
            g.halation = o->halation;
            grade_from_note(&ds->grade, &g);
            g.aberration = o->aberration;
            g.seed = o->seed;
            g.shot = shot;
            g.frame = frame_index;
            st = grade_frame(&job->frame, &g, job->small8 ? job->small8 : rgb8);
            if (st == AU_OK && job->small8)
                upscale_rgb8(job->small8, job->frame.width, job->frame.height,
                             rgb8, job->opts->width, job->opts->height);
            job->stats.frames++;
        }
    }
    world_scene_free(&scene_prev);
    world_scene_free(&scene_close);
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
    if (rgb8)
        st = frame_job_preview_size(&job);
    if (rgb8 && st == AU_OK) {
        st = render_history_init(&job.history, &ctx->alloc, job.frame.width,
                                 job.frame.height);
        job.temporal = true;
        job.history_shot = SIZE_MAX;
    }
    DeliverVideo *video = NULL;
    if (!rgb8 || st != AU_OK) {
        st = rgb8 ? st : AU_ENOMEM;
        goto done;
    }
    st = opts->preview
             ? deliver_video_open_draft(&ctx->alloc, &ctx->diag, out_path,
                                        opts->width, opts->height, opts->fps,
                                        &video)
             : deliver_video_open(&ctx->alloc, &ctx->diag, out_path,
                                  opts->width, opts->height, opts->fps, &video);
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

// Writes the graded still @p rgb8 at opts->reframe_aspect: cropped round
// the subject's centre in the ID pass (cast index @p subject, or anyone
// seen when the shot has no single subject), or letterboxed. A crop keeps
// the frame's smaller side; a letterbox its larger, so no picture detail
// is thrown away by scaling.
static AuStatus write_reframed(AuContext *ctx, const Frame *f, size_t subject,
                               const AuRenderOptions *o, const uint8_t *rgb8,
                               const char *png_path)
{
    int w = f->width, h = f->height;
    double sum_x = 0.0, count = 0.0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++) {
            uint16_t id = f->id[(size_t)y * (size_t)w + (size_t)x];
            if (id && (subject == SIZE_MAX || id == subject + 1)) {
                sum_x += x + 0.5;
                count += 1.0;
            }
        }
    double subject_x = count > 0.0 ? sum_x / count / w : 0.5;
    double a = o->reframe_aspect;
    bool wider = a > (double)w / h;
    bool keep_width = o->reframe_letterbox ? !wider : wider;
    int dw = keep_width ? w : 2 * (int)lround(h * a * 0.5);
    int dh = keep_width ? 2 * (int)lround(w / a * 0.5) : h;
    if (dw < 16 || dh < 16 || dw > AU_MAX_FRAME_SIDE ||
        dh > AU_MAX_FRAME_SIDE) {
        AuSrcLoc loc = { NULL, 0, 0 };
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-size",
                  "reframing %dx%d to %g:1 gives %dx%d, out of range", w, h, a,
                  dw, dh);
        return AU_EINVAL;
    }
    uint8_t *out = base_calloc(&ctx->alloc, (size_t)dw * (size_t)dh, 3);
    if (!out)
        return AU_ENOMEM;
    grade_reframe(rgb8, w, h, out, dw, dh,
                  o->reframe_letterbox ? GRADE_FIT_LETTERBOX : GRADE_FIT_CROP,
                  subject_x);
    AuStatus st = deliver_png_rgb8(&ctx->diag, png_path, dw, dh, out);
    base_free(&ctx->alloc, out);
    return st;
}

// The scene-referred passes a compositor wants as float EXR: depth in
// metres along each pixel's ray (0 for the sky), the unit normal, the
// linear beauty before the grade, and the screen motion since the frame
// before, in pixels.
static AuStatus write_float_passes(AuContext *ctx, const Frame *f,
                                   const char *dir)
{
    static const char *const z[] = { "Z" };
    static const char *const xyz[] = { "X", "Y", "Z" };
    static const char *const rgb[] = { "R", "G", "B" };
    static const char *const uv[] = { "X", "Y" };

    static const struct {
        const char *file;
        int channels;
        const char *const *names;
    } passes[] = { { "depth.exr", 1, z },
                   { "normal.exr", 3, xyz },
                   { "beauty.exr", 3, rgb },
                   { "motion.exr", 2, uv } };

    const float *data[] = { f->depth, f->normal, f->rgb, f->motion };
    AuStatus st = AU_OK;
    for (size_t i = 0; st == AU_OK && i < BASE_ARRAY_LEN(passes); i++) {
        char path[4200];
        int n = snprintf(path, sizeof path, "%s/%s", dir, passes[i].file);
        if (n < 0 || (size_t)n >= sizeof path)
            return AU_EINVAL;
        st = deliver_exr_write(&ctx->diag, path, f->width, f->height,
                               passes[i].channels, passes[i].names, data[i]);
    }
    return st;
}

// Renders the frame of shot @p shot at @p at_s into @p rgb8, after the
// frames of the shot before it when the options ask for it as in the
// film: each blended into the history the way the video blends them.
static AuStatus render_as_asked(FrameJob *job, size_t shot, double at_s,
                                uint64_t frame_index, uint8_t *rgb8)
{
    const AuRenderOptions *opts = job->opts;
    int before = 0;
    if (opts->as_in_film) {
        AuStatus st = render_history_init(&job->history, &job->ctx->alloc,
                                          job->frame.width, job->frame.height);
        if (st != AU_OK)
            return st;
        job->temporal = true;
        job->history_shot = SIZE_MAX;
        while (before < AU_SETTLE_FRAMES &&
               at_s - (before + 1) / opts->fps >= 0.0 &&
               frame_index > (uint64_t)before)
            before++;
    }
    AuStatus st = AU_OK;
    for (int k = before; k >= 1 && st == AU_OK; k--)
        st = render_one(job, shot, at_s - k / opts->fps,
                        frame_index - (uint64_t)k, rgb8);
    if (st == AU_OK)
        st = render_one(job, shot, at_s, frame_index, rgb8);
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
    st = render_as_asked(&job, shot_index, at_s, frame_index, rgb8);
    if (st == AU_OK && opts->reframe_aspect > 0.0)
        st = write_reframed(ctx, &job.frame, prod->shots[shot_index].subject,
                            opts, rgb8, png_path);
    else if (st == AU_OK)
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
        if (st == AU_OK)
            st = write_float_passes(ctx, &job.frame, passes_dir);
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
    st = render_as_asked(&job, shot_index, at_s, frame_index, rgb8);
    frame_job_fini(&job);
    return st;
}

// The camera of shot @p shot at @p t_s seconds into it, framed and moved
// as render_one frames it, with the scene posed at that time in *scene.
static AuStatus export_view(AuContext *ctx, const Production *prod, size_t shot,
                            double t_s, double aspect, uint64_t seed,
                            Scene **scene, CameraView *view)
{
    AuStatus st = world_build(&ctx->alloc, prod, shot, t_s, seed, scene);
    if (st != AU_OK)
        return st;
    st = camera_solve(prod, shot, *scene, aspect, view);
    if (st == AU_EINVAL && prod->shots[shot].set_by == 0)
        st = solve_fallback(ctx, prod, shot, *scene, aspect, view);
    if (st == AU_OK)
        st = camera_apply_move(prod, shot, *scene, t_s, seed, view);
    if (st == AU_EINVAL) {
        base_diag(&ctx->diag, prod->shots[shot].loc, AU_SEVERITY_ERROR,
                  "unframeable",
                  "shot %zu cannot be framed: the camera would stand inside "
                  "someone, under the floor or too close (auteur lint "
                  "explains)",
                  shot + 1);
        st = AU_ESYNTAX;
    }
    if (st != AU_OK)
        world_scene_free(scene);
    return st;
}

AuStatus au_export_gltf(AuContext *ctx, const AuProject *project,
                        const AuRenderOptions *opts, size_t shot_index,
                        double at_s, const char *glb_path)
{
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
    const DirectShot *ds = &prod->shots[shot_index];
    if (!(at_s >= 0.0) || at_s > ds->duration_s) {
        base_diag(&ctx->diag, loc, AU_SEVERITY_ERROR, "bad-time",
                  "time %g s is outside shot %zu, which lasts %g s", at_s,
                  shot_index + 1, ds->duration_s);
        return AU_EINVAL;
    }
    // One camera key per frame of the shot; the export time snaps to the
    // nearest frame so the resting camera is one of the keys.
    size_t count = (size_t)floor(ds->duration_s * opts->fps + 1e-9) + 1;
    size_t at = (size_t)llround(at_s * opts->fps);
    at = at < count ? at : count - 1;
    double aspect = (double)opts->width / opts->height;
    CameraView *views = base_calloc(&ctx->alloc, count, sizeof *views);
    if (!views)
        return AU_ENOMEM;
    Scene *scene = NULL;
    for (size_t i = 0; i < count && st == AU_OK; i++) {
        Scene *posed = NULL;
        st = export_view(ctx, prod, shot_index, (double)i / opts->fps, aspect,
                         opts->seed, &posed, &views[i]);
        if (i == at)
            scene = posed;
        else
            world_scene_free(&posed);
    }
    if (st == AU_OK) {
        LightRig rig;
        shot_rig(prod, ds, scene, views[at].position, &rig);
        char name[32];
        snprintf(name, sizeof name, "shot %zu", shot_index + 1);
        DeliverGltfShot shot = { scene,     views,  count, at,
                                 opts->fps, aspect, &rig,  name };
        st = deliver_gltf_write(&ctx->alloc, &ctx->diag, glb_path, &shot);
    }
    world_scene_free(&scene);
    base_free(&ctx->alloc, views);
    return st;
}
