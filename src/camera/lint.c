/* camera/lint.c: `auteur lint`. Checks the director's own shots the way a
 * script supervisor and a DP would: a shot that cannot be framed, crossing
 * the 180-degree line, jump cuts, headroom, frames that cut a character at
 * a joint, and tangents, each with why it matters and a concrete fix. */
#include <stdio.h>
#include <string.h>

#include "camera_internal.h"

// Screen direction is followed for the first LINT_CAST_MAX characters.
#define LINT_CAST_MAX 16
// Someone moves across the screen when they travel at least this far in
// the scene and this share of the frame's width on screen.
#define MOVE_MIN_M     0.5
#define MOVE_MIN_FRAME 0.05

typedef struct LintShot {
    bool framed;
    CameraView view;
    Vec3 line_a, line_b; // the scene's first two characters, on the ground
    bool has_line;
    signed char dir[LINT_CAST_MAX]; // -1 right to left, +1 left to right
} LintShot;

// Reports one problem to @p diag (none when NULL, as while a fix is
// tried) and returns 1, so checks can add up what they found.
static size_t report(BaseDiag *diag, const DirectShot *s, const char *code,
                     const char *fmt_what, const char *why, const char *fix,
                     size_t number)
{
    if (diag)
        base_diag(diag, s->loc, AU_SEVERITY_WARNING, code,
                  "shot %zu: %s. Why: %s. Fix: %s.", number, fmt_what, why,
                  fix);
    return 1;
}

// The side of the line A-B the camera stands on: +1, -1, or 0 on it.
static int side_of(Vec3 a, Vec3 b, Vec3 c)
{
    double cross = (b.x - a.x) * (c.z - a.z) - (b.z - a.z) * (c.x - a.x);
    return cross > 1e-6 ? 1 : (cross < -1e-6 ? -1 : 0);
}

static double yaw_of(Vec3 forward)
{
    return atan2(forward.x, forward.z);
}

static size_t lint_framing(BaseDiag *diag, const Production *prod, size_t i,
                           const Scene *scene, const CameraView *v)
{
    const DirectShot *s = &prod->shots[i];
    char what[256];
    size_t n = 0;
    if (s->subject == SIZE_MAX || s->kind != DIRECT_KIND_SINGLE)
        return 0;
    const WorldFigure *f = world_find_figure(scene, s->subject);
    if (!f)
        return 0;
    double x, top;
    if (!camera_project(v, f->joints[WORLD_JOINT_HEAD_TOP], &x, &top))
        return 0;
    if (s->size >= DIRECT_SHOT_MS && s->size <= DIRECT_SHOT_FS) {
        if (top < 0.015) {
            snprintf(what, sizeof what,
                     "the frame's top edge touches or cuts %s's head "
                     "(headroom %.0f%% of the frame)",
                     prod->cast[s->subject].name, top * 100.0);
            n += report(diag, s, "lint-headroom", what,
                        "a head pressed against the frame edge feels cramped "
                        "and draws the eye to the edge instead of the face",
                        "tilt down or widen a step so about 7% of the frame "
                        "sits above the head",
                        i + 1);
        } else if (top > 0.2 && s->size <= DIRECT_SHOT_MLS) {
            snprintf(what, sizeof what,
                     "%.0f%% of the frame is empty above %s's head",
                     top * 100.0, prod->cast[s->subject].name);
            n += report(diag, s, "lint-headroom", what,
                        "too much headroom makes the character look small and "
                        "sinking in the frame",
                        "tilt up or tighten the size so the head sits near the "
                        "top",
                        i + 1);
        } else if (top < 0.03) {
            snprintf(what, sizeof what,
                     "%s's head just touches the top edge (a tangent)",
                     prod->cast[s->subject].name);
            n += report(diag, s, "lint-tangent", what,
                        "an outline that just kisses the frame edge looks like "
                        "a mistake and pulls the eye",
                        "give the head clear room or crop into it deliberately",
                        i + 1);
        }
    }

    // The bottom edge through a knee or an ankle reads as an amputation.
    static const struct {
        WorldJoint joint;
        const char *name;
    } joints[] = { { WORLD_JOINT_KNEE_L, "knees" },
                   { WORLD_JOINT_KNEE_R, "knees" },
                   { WORLD_JOINT_ANKLE_L, "ankles" },
                   { WORLD_JOINT_ANKLE_R, "ankles" } };

    for (size_t k = 0; k < BASE_ARRAY_LEN(joints); k++) {
        double jx, jy;
        if (!camera_project(v, f->joints[joints[k].joint], &jx, &jy))
            continue;
        if (fabs(jy - 1.0) < 0.025 && jx > 0.0 && jx < 1.0) {
            snprintf(what, sizeof what,
                     "the bottom of the frame cuts %s at the %s",
                     prod->cast[s->subject].name, joints[k].name);
            n += report(diag, s, "lint-joint-cut", what,
                        "cutting a body at a joint makes the figure look "
                        "amputated rather than framed",
                        "frame a little above or below the joint: MLS cuts "
                        "mid-thigh, FS shows the feet",
                        i + 1);
            break;
        }
    }
    return n;
}

static size_t lint_cut(BaseDiag *diag, const Production *prod, size_t i,
                       const LintShot *a, const LintShot *b)
{
    const DirectShot *sa = &prod->shots[i - 1], *sb = &prod->shots[i];
    if (sa->scene != sb->scene || !a->framed || !b->framed)
        return 0;
    if (!(sa->set_by | sb->set_by))
        return 0;
    char what[256];
    size_t n = 0;
    if (b->has_line && sa->angle != DIRECT_ANGLE_OVERHEAD &&
        sb->angle != DIRECT_ANGLE_OVERHEAD) {
        int s1 = side_of(b->line_a, b->line_b, a->view.position);
        int s2 = side_of(b->line_a, b->line_b, b->view.position);
        if (s1 && s2 && s1 != s2) {
            snprintf(what, sizeof what,
                     "the camera crosses the 180-degree line from shot %zu", i);
            n += report(diag, sb, "lint-crossing", what,
                        "the characters swap sides of the screen, so the "
                        "audience loses who is looking at whom",
                        "keep the camera on one side of the line between the "
                        "two characters, or show the move across it",
                        i + 1);
        }
    }
    for (size_t c = 0; c < LINT_CAST_MAX && c < prod->cast_count; c++) {
        if (a->dir[c] && b->dir[c] && a->dir[c] != b->dir[c]) {
            snprintf(what, sizeof what,
                     "%s crosses the screen %s in shot %zu and %s here",
                     prod->cast[c].name,
                     a->dir[c] > 0 ? "left to right" : "right to left", i,
                     b->dir[c] > 0 ? "left to right" : "right to left");
            n += report(diag, sb, "lint-screen-direction", what,
                        "a character who reverses direction across a cut "
                        "seems to turn back, as if going the other way",
                        "keep the camera on the same side of their path, or "
                        "show them turn",
                        i + 1);
            break;
        }
    }
    if (sa->subject != SIZE_MAX && sa->subject == sb->subject &&
        sa->kind == sb->kind) {
        double dyaw = fabs(yaw_of(a->view.forward) - yaw_of(b->view.forward));
        if (dyaw > BASE_PI)
            dyaw = 2.0 * BASE_PI - dyaw;
        int dsize = (int)sb->size - (int)sa->size;
        if (dyaw < 30.0 * BASE_PI / 180.0 && dsize > -2 && dsize < 2) {
            snprintf(what, sizeof what,
                     "a jump cut from shot %zu: the same subject, %.0f "
                     "degrees apart and %s a size change",
                     i, dyaw * 180.0 / BASE_PI, dsize ? "only" : "without");
            n +=
                report(diag, sb, "lint-jump-cut", what,
                       "two similar views of one subject make the image jump "
                       "instead of cut (the 30-degree rule)",
                       "move the camera at least 30 degrees or change the size "
                       "by two steps, e.g. MS to CU",
                       i + 1);
        }
    }
    return n;
}

// The room of an interior set, its open fourth side left unbounded.
static bool room_box(const Scene *scene, Vec3 *lo, Vec3 *hi)
{
    if (!scene->has_room)
        return false;
    *lo = scene->room_min;
    *hi = scene->room_max;
    hi->z = 1e30;
    return true;
}

// How far past the room's walls or ceiling @p p stands, metres (0 inside).
static double outside_m(Vec3 p, Vec3 lo, Vec3 hi)
{
    double d = 0.0;
    d = fmax(d, lo.x - p.x);
    d = fmax(d, p.x - hi.x);
    d = fmax(d, lo.z - p.z);
    d = fmax(d, p.z - hi.z);
    return fmax(d, p.y - hi.y);
}

// A move that carries the camera out through a wall or the ceiling of an
// interior: a real dolly or crane stops there.
static size_t lint_move(BaseDiag *diag, const Production *prod, size_t i,
                        const Scene *scene, const CameraView *v, uint64_t seed)
{
    const DirectShot *s = &prod->shots[i];
    Vec3 lo, hi;
    if (s->move == DIRECT_MOVE_STATIC || s->move == DIRECT_MOVE_FOLLOW ||
        !room_box(scene, &lo, &hi))
        return 0;
    double start = outside_m(v->position, lo, hi);
    double worst = start, worst_t = 0.0;

    enum {
        STEPS = 12
    };

    for (int k = 1; k <= STEPS; k++) {
        double t = s->duration_s * k / STEPS;
        CameraView m = *v;
        if (camera_apply_move(prod, i, scene, t, seed, &m) != AU_OK)
            continue;
        double d = outside_m(m.position, lo, hi);
        if (d > worst) {
            worst = d;
            worst_t = t;
        }
    }
    if (worst - start < 0.1)
        return 0;
    char what[256];
    snprintf(what, sizeof what,
             "the %s carries the camera %.1f m through the set's walls or "
             "ceiling by %.1f s",
             direct_move_name(s->move), worst - start, worst_t);
    return report(diag, s, "lint-impossible-move", what,
                  "a real dolly or crane stops at the wall, so the shot "
                  "could not be made on this set and shows the set from "
                  "outside",
                  "make the move slower or shorter, or start it from "
                  "further inside the room",
                  i + 1);
}

// Which way each character crosses the screen over the shot, seen from
// where the shot starts.
static void track_motion(const AuAllocator *alloc, const Production *prod,
                         size_t i, uint64_t seed, const Scene *start,
                         LintShot *ls, AuStatus *oom)
{
    Scene *end = NULL;
    AuStatus st =
        world_build(alloc, prod, i, prod->shots[i].duration_s, seed, &end);
    if (st == AU_ENOMEM)
        *oom = st;
    if (st != AU_OK)
        return;
    for (size_t k = 0; k < start->figure_count; k++) {
        const WorldFigure *a = &start->figures[k];
        const WorldFigure *b = world_find_figure(end, a->cast_index);
        if (!b || a->cast_index >= LINT_CAST_MAX)
            continue;
        Vec3 p0 = a->joints[WORLD_JOINT_PELVIS];
        Vec3 p1 = b->joints[WORLD_JOINT_PELVIS];
        double x0, x1, y;
        if (v3_len(v3_sub(p1, p0)) < MOVE_MIN_M ||
            !camera_project(&ls->view, p0, &x0, &y) ||
            !camera_project(&ls->view, p1, &x1, &y) ||
            fabs(x1 - x0) < MOVE_MIN_FRAME)
            continue;
        ls->dir[a->cast_index] = x1 > x0 ? 1 : -1;
    }
    world_scene_free(&end);
}

// Builds shot @p i's scene and framing into @p out and checks the shot on
// its own; returns the problems found.
static size_t check_shot(const AuAllocator *alloc, BaseDiag *diag,
                         const Production *prod, size_t i, uint64_t seed,
                         LintShot *out, AuStatus *oom)
{
    const DirectShot *s = &prod->shots[i];
    Scene *scene = NULL;
    size_t n = 0;
    memset(out, 0, sizeof *out);
    AuStatus st = world_build(alloc, prod, i, 0.0, seed, &scene);
    if (st == AU_ENOMEM)
        *oom = st;
    if (st != AU_OK)
        return 0;
    out->framed =
        camera_solve(prod, i, scene, prod->aspect, &out->view) == AU_OK;
    out->has_line = camera_scene_line(scene, &out->line_a, &out->line_b);
    if (out->framed)
        track_motion(alloc, prod, i, seed, scene, out, oom);
    if (!out->framed && s->set_by) {
        char what[256];
        snprintf(what, sizeof what,
                 "%s %s on a %.0f mm lens cannot be framed in this set",
                 direct_shot_size_name(s->size), direct_shot_kind_name(s->kind),
                 s->lens_mm);
        n += report(diag, s, "lint-impossible", what,
                    "the camera would have to stand inside a character, "
                    "under the floor or too close to the eyes",
                    "use a longer lens for a close size or a shorter one "
                    "for a wide size, or change the angle",
                    i + 1);
    }
    if (out->framed && s->set_by) {
        n += lint_framing(diag, prod, i, scene, &out->view);
        n += lint_move(diag, prod, i, scene, &out->view, seed);
    }
    world_scene_free(&scene);
    return n;
}

// The shots a fix may try for @p s, least change first: other lenses,
// sizes a step or two away, the other side of the line, eye level, a
// slower move or none. Each names its lens, so the note written for it
// plans to the very shot that was checked.
static size_t candidates(const DirectShot *s, DirectShot *out, size_t cap)
{
    static const double lenses[] = { 18, 24, 28, 35, 40, 50, 65, 85, 100, 135 };
    static const double speeds[] = { 0.5, 0.25 };
    size_t n = 0;
    DirectShot c;
#define ADD(expr)                    \
    do {                             \
        c = *s;                      \
        c.set_by |= DIRECT_SET_LENS; \
        expr;                        \
        if (n < cap)                 \
            out[n++] = c;            \
    } while (0)
    if (s->reverse_side)
        ADD(c.reverse_side = false);
    for (int d = 1; d <= 2; d++) {
        if ((int)s->size - d >= 0)
            ADD(c.size = (DirectShotSize)((int)s->size - d);
                c.set_by |= DIRECT_SET_SIZE);
        if ((int)s->size + d < DIRECT_SHOT_SIZE_COUNT)
            ADD(c.size = (DirectShotSize)((int)s->size + d);
                c.set_by |= DIRECT_SET_SIZE);
    }
    for (size_t k = 0; k < BASE_ARRAY_LEN(lenses); k++)
        if (fabs(lenses[k] - s->lens_mm) > 0.5)
            ADD(c.lens_mm = lenses[k]; c.set_by |= DIRECT_SET_LENS);
    if (!s->reverse_side)
        ADD(c.reverse_side = true);
    if (s->angle != DIRECT_ANGLE_EYE)
        ADD(c.angle = DIRECT_ANGLE_EYE; c.angle_deg = 0.0);
    if (s->move != DIRECT_MOVE_STATIC && s->move != DIRECT_MOVE_HANDHELD) {
        for (size_t k = 0; k < BASE_ARRAY_LEN(speeds); k++)
            if (s->move_speed > speeds[k])
                ADD(c.move_speed = speeds[k]);
        ADD(c.move = DIRECT_MOVE_STATIC; c.move_amount = 0.0;
            c.move_speed = 1.0);
    }
#undef ADD
    return n;
}

typedef struct Linter {
    const AuAllocator *alloc;
    uint64_t seed;
    Production copy; // the production with one shot changed, to try it
    LintShot *shots;
    size_t *own;  // problems of each shot alone
    size_t *cuts; // problems of the cut into each shot
    AuStatus oom;
} Linter;

// Problems that touch shot @p i in the production @p p: its own and those
// of the cuts into and out of it.
static size_t around(Linter *l, const Production *p, size_t i, LintShot *ls)
{
    size_t n = check_shot(l->alloc, NULL, p, i, l->seed, ls, &l->oom);
    if (i > 0)
        n += lint_cut(NULL, p, i, &l->shots[i - 1], ls);
    if (i + 1 < p->shot_count)
        n += lint_cut(NULL, p, i + 1, ls, &l->shots[i + 1]);
    return n;
}

// The candidate for director's shot @p i with the fewest problems around
// it, if that is fewer than now; fills *fix and returns true.
static bool best_fix(Linter *l, const Production *prod, size_t i,
                     DirectShot *fix)
{
    LintShot ls;
    size_t now = l->own[i] + l->cuts[i] +
                 (i + 1 < prod->shot_count ? l->cuts[i + 1] : 0);
    DirectShot cand[40];
    size_t nc = candidates(&prod->shots[i], cand, BASE_ARRAY_LEN(cand));
    size_t best = now;
    bool found = false;
    DirectShot keep = l->copy.shots[i];
    for (size_t k = 0; k < nc && best > 0; k++) {
        l->copy.shots[i] = cand[k];
        size_t n = around(l, &l->copy, i, &ls);
        if (n < best) {
            best = n;
            *fix = cand[k];
            found = true;
        }
    }
    l->copy.shots[i] = keep;
    return found;
}

AuStatus camera_lint_fix(const AuAllocator *alloc, BaseDiag *diag,
                         const Production *prod, uint64_t seed,
                         size_t *problems, CameraLintFix **fixes,
                         size_t *fix_count)
{
    size_t n = prod->shot_count, total = 0;
    Linter l = { alloc, seed, *prod, NULL, NULL, NULL, AU_OK };
    if (fixes) {
        *fixes = NULL;
        *fix_count = 0;
    }
    l.shots = base_calloc(alloc, n ? n : 1, sizeof *l.shots);
    l.own = base_calloc(alloc, n ? n : 1, sizeof *l.own);
    l.cuts = base_calloc(alloc, n ? n : 1, sizeof *l.cuts);
    l.copy.shots = base_calloc(alloc, n ? n : 1, sizeof *l.copy.shots);
    AuStatus st = AU_OK;
    if (!l.shots || !l.own || !l.cuts || !l.copy.shots) {
        st = AU_ENOMEM;
        goto done;
    }
    if (n)
        memcpy(l.copy.shots, prod->shots, n * sizeof *prod->shots);
    for (size_t i = 0; i < n; i++) {
        l.own[i] = check_shot(alloc, diag, prod, i, seed, &l.shots[i], &l.oom);
        if (i > 0)
            l.cuts[i] = lint_cut(diag, prod, i, &l.shots[i - 1], &l.shots[i]);
        total += l.own[i] + l.cuts[i];
    }
    if (fixes && total) {
        *fixes = base_calloc(alloc, n, sizeof **fixes);
        if (!*fixes) {
            st = AU_ENOMEM;
            goto done;
        }
        for (size_t i = 0; i < n; i++) {
            bool cut_in = l.cuts[i] && prod->shots[i].set_by;
            // A cut's problem is the later shot's to fix when the director
            // chose it, else the earlier one's.
            bool cut_out =
                i + 1 < n && l.cuts[i + 1] && !prod->shots[i + 1].set_by;
            if (!prod->shots[i].set_by || !(l.own[i] || cut_in || cut_out))
                continue;
            DirectShot fix;
            if (!best_fix(&l, prod, i, &fix))
                continue;
            // Later shots are judged against the fixed one.
            l.copy.shots[i] = fix;
            (void)around(&l, &l.copy, i, &l.shots[i]);
            CameraLintFix *f = &(*fixes)[(*fix_count)++];
            f->shot = i;
            f->fixed = fix;
            if (i + 1 < n)
                l.cuts[i + 1] = lint_cut(NULL, &l.copy, i + 1, &l.shots[i],
                                         &l.shots[i + 1]);
        }
    }
    if (l.oom != AU_OK)
        st = l.oom;
done:
    if (st != AU_OK && fixes) {
        base_free(alloc, *fixes);
        *fixes = NULL;
        *fix_count = 0;
    }
    base_free(alloc, l.shots);
    base_free(alloc, l.own);
    base_free(alloc, l.cuts);
    base_free(alloc, l.copy.shots);
    *problems = total;
    return st;
}

AuStatus camera_lint(const AuAllocator *alloc, BaseDiag *diag,
                     const Production *prod, uint64_t seed, size_t *problems)
{
    return camera_lint_fix(alloc, diag, prod, seed, problems, NULL, NULL);
}
