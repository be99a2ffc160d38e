/* camera/lint.c: `auteur lint`. Checks the director's own shots the way a
 * script supervisor and a DP would: a shot that cannot be framed, crossing
 * the 180-degree line, jump cuts, headroom, frames that cut a character at
 * a joint, and tangents, each with why it matters and a concrete fix. */
#include <stdio.h>
#include <string.h>

#include "camera_internal.h"

typedef struct LintShot {
    bool framed;
    CameraView view;
    Vec3 line_a, line_b; // the scene's first two characters, on the ground
    bool has_line;
} LintShot;

static void report(BaseDiag *diag, const DirectShot *s, const char *code,
                   const char *fmt_what, const char *why, const char *fix,
                   size_t number)
{
    base_diag(diag, s->loc, AU_SEVERITY_WARNING, code,
              "shot %zu: %s. Why: %s. Fix: %s.", number, fmt_what, why, fix);
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

static void lint_framing(BaseDiag *diag, const Production *prod, size_t i,
                         const Scene *scene, const CameraView *v)
{
    const DirectShot *s = &prod->shots[i];
    char what[256];
    if (s->subject == SIZE_MAX || s->kind != DIRECT_KIND_SINGLE)
        return;
    const WorldFigure *f = world_find_figure(scene, s->subject);
    if (!f)
        return;
    double x, top;
    if (!camera_project(v, f->joints[WORLD_JOINT_HEAD_TOP], &x, &top))
        return;
    if (s->size >= DIRECT_SHOT_MS && s->size <= DIRECT_SHOT_FS) {
        if (top < 0.015) {
            snprintf(what, sizeof what,
                     "the frame's top edge touches or cuts %s's head "
                     "(headroom %.0f%% of the frame)",
                     prod->cast[s->subject].name, top * 100.0);
            report(diag, s, "lint-headroom", what,
                   "a head pressed against the frame edge feels cramped "
                   "and draws the eye to the edge instead of the face",
                   "tilt down or widen a step so about 7% of the frame "
                   "sits above the head",
                   i + 1);
        } else if (top > 0.2 && s->size <= DIRECT_SHOT_MLS) {
            snprintf(what, sizeof what,
                     "%.0f%% of the frame is empty above %s's head",
                     top * 100.0, prod->cast[s->subject].name);
            report(diag, s, "lint-headroom", what,
                   "too much headroom makes the character look small and "
                   "sinking in the frame",
                   "tilt up or tighten the size so the head sits near the "
                   "top",
                   i + 1);
        } else if (top < 0.03) {
            snprintf(what, sizeof what,
                     "%s's head just touches the top edge (a tangent)",
                     prod->cast[s->subject].name);
            report(diag, s, "lint-tangent", what,
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
            report(diag, s, "lint-joint-cut", what,
                   "cutting a body at a joint makes the figure look "
                   "amputated rather than framed",
                   "frame a little above or below the joint: MLS cuts "
                   "mid-thigh, FS shows the feet",
                   i + 1);
            break;
        }
    }
}

static void lint_cut(BaseDiag *diag, const Production *prod, size_t i,
                     const LintShot *a, const LintShot *b)
{
    const DirectShot *sa = &prod->shots[i - 1], *sb = &prod->shots[i];
    if (sa->scene != sb->scene || !a->framed || !b->framed)
        return;
    if (!(sa->set_by | sb->set_by))
        return;
    char what[256];
    if (b->has_line && sa->angle != DIRECT_ANGLE_OVERHEAD &&
        sb->angle != DIRECT_ANGLE_OVERHEAD) {
        int s1 = side_of(b->line_a, b->line_b, a->view.position);
        int s2 = side_of(b->line_a, b->line_b, b->view.position);
        if (s1 && s2 && s1 != s2) {
            snprintf(what, sizeof what,
                     "the camera crosses the 180-degree line from shot %zu", i);
            report(diag, sb, "lint-crossing", what,
                   "the characters swap sides of the screen, so the "
                   "audience loses who is looking at whom",
                   "keep the camera on one side of the line between the "
                   "two characters, or show the move across it",
                   i + 1);
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
            report(diag, sb, "lint-jump-cut", what,
                   "two similar views of one subject make the image jump "
                   "instead of cut (the 30-degree rule)",
                   "move the camera at least 30 degrees or change the size "
                   "by two steps, e.g. MS to CU",
                   i + 1);
        }
    }
}

AuStatus camera_lint(const AuAllocator *alloc, BaseDiag *diag,
                     const Production *prod, uint64_t seed, size_t *problems)
{
    size_t before = diag ? diag->warnings : 0;
    BaseDiag local = { 0 };
    if (!diag)
        diag = &local;
    LintShot prev = { 0 };
    for (size_t i = 0; i < prod->shot_count; i++) {
        const DirectShot *s = &prod->shots[i];
        LintShot cur = { 0 };
        Scene *scene = NULL;
        AuStatus st = world_build(alloc, prod, i, 0.0, seed, &scene);
        if (st == AU_ENOMEM)
            return st;
        if (st == AU_OK) {
            st = camera_solve(prod, i, scene, prod->aspect, &cur.view);
            cur.framed = st == AU_OK;
            cur.has_line = camera_scene_line(scene, &cur.line_a, &cur.line_b);
            if (!cur.framed && s->set_by) {
                char what[256];
                snprintf(what, sizeof what,
                         "%s %s on a %.0f mm lens cannot be framed in this "
                         "set",
                         direct_shot_size_name(s->size),
                         direct_shot_kind_name(s->kind), s->lens_mm);
                report(diag, s, "lint-impossible", what,
                       "the camera would have to stand inside a character, "
                       "under the floor or too close to the eyes",
                       "use a longer lens for a close size or a shorter one "
                       "for a wide size, or change the angle",
                       i + 1);
            }
            if (cur.framed && s->set_by)
                lint_framing(diag, prod, i, scene, &cur.view);
            if (i > 0)
                lint_cut(diag, prod, i, &prev, &cur);
        }
        world_scene_free(&scene);
        prev = cur;
    }
    *problems = diag->warnings - before;
    return AU_OK;
}
