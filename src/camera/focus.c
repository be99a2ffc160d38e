/* camera/focus.c: the focus puller. Sets the thin lens of a solved and
 * moved view: the shot's f-stop, focus on the near eye of whoever the shot
 * is about (or the prop of an insert), and a rack focus between two
 * characters over the middle of the shot. */
#include "camera_internal.h"

// Half the distance between the pupils of an adult, metres.
#define EYE_HALF_SPACING_M 0.032
// A focus puller's pull: at most this long, centred on the shot.
#define RACK_PULL_S 1.5

// The eye of @p f nearer the lens: sharp eyes read as a sharp face.
static Vec3 near_eye(const WorldFigure *f, Vec3 lens)
{
    Vec3 front = camera_flat_dir(f->facing, v3(0, 0, 1));
    Vec3 side = v3_norm(v3_cross(v3(0, 1, 0), front));
    Vec3 e = f->joints[WORLD_JOINT_EYES];
    Vec3 a = v3_add(e, v3_scale(side, EYE_HALF_SPACING_M));
    Vec3 b = v3_sub(e, v3_scale(side, EYE_HALF_SPACING_M));
    return v3_len(v3_sub(a, lens)) < v3_len(v3_sub(b, lens)) ? a : b;
}

static double depth_of(const CameraView *v, Vec3 p)
{
    return v3_dot(v3_sub(p, v->position), v->forward);
}

// The figure nearest the lens that stands in front of it, for a group.
static const WorldFigure *nearest(const Scene *scene, const CameraView *v)
{
    const WorldFigure *best = NULL;
    double bd = 1e30;
    for (size_t i = 0; i < scene->figure_count; i++) {
        double d = depth_of(v, scene->figures[i].joints[WORLD_JOINT_EYES]);
        if (d > 0.05 && d < bd) {
            bd = d;
            best = &scene->figures[i];
        }
    }
    return best;
}

// Distance to focus on cast member @p who, or the nearest face when
// @p who is not in the scene. False when nobody stands before the lens.
static bool focus_on(const Scene *scene, const CameraView *v, size_t who,
                     double *out_m)
{
    const WorldFigure *f =
        who != SIZE_MAX ? world_find_figure(scene, who) : NULL;
    if (!f || depth_of(v, f->joints[WORLD_JOINT_EYES]) <= 0.05)
        f = nearest(scene, v);
    if (!f)
        return false;
    *out_m = depth_of(v, near_eye(f, v->position));
    return *out_m > 0.05;
}

AuStatus camera_focus(const Production *prod, size_t shot_index,
                      const Scene *scene, double t_s, CameraView *view)
{
    if (!prod || !scene || !view || shot_index >= prod->shot_count ||
        !isfinite(t_s))
        return AU_EINVAL;
    const DirectShot *s = &prod->shots[shot_index];
    if (!(s->f_stop >= CAMERA_F_STOP_MIN && s->f_stop <= CAMERA_F_STOP_MAX))
        return AU_EINVAL;

    double focus_m = 0.0;
    bool found = false;
    if (s->kind == DIRECT_KIND_INSERT) {
        const WorldProp *p = camera_insert_prop(scene, s);
        if (p) {
            focus_m = depth_of(view, p->center);
            found = focus_m > 0.05;
        } else {
            const WorldFigure *f = world_find_figure(scene, s->subject);
            if (f) {
                Vec3 toward =
                    v3_sub(view->position, f->joints[WORLD_JOINT_EYES]);
                int side = v3_dot(camera_body_palm(f, 1), toward) >
                                   v3_dot(camera_body_palm(f, 0), toward)
                               ? 1
                               : 0;
                focus_m = depth_of(view, camera_body_palm(f, side));
                found = focus_m > 0.05;
            }
        }
    }
    if (!found) {
        size_t target = s->focus != SIZE_MAX ? s->focus : s->subject;
        // A POV sees through its subject's eyes: focus on what they see.
        if (s->kind == DIRECT_KIND_POV && s->focus == SIZE_MAX)
            target = s->partner;
        found = focus_on(scene, view, target, &focus_m);
        if (found && s->rack) {
            size_t from = s->rack_from != SIZE_MAX ? s->rack_from : s->subject;
            double from_m;
            if (from != target && focus_on(scene, view, from, &from_m)) {
                double pull = fmin(RACK_PULL_S, 0.5 * s->duration_s);
                double t0 = 0.5 * (s->duration_s - pull);
                double u = pull > 0.0 ? base_clamp((t_s - t0) / pull, 0.0, 1.0)
                                      : (t_s >= t0 ? 1.0 : 0.0);
                u = u * u * (3.0 - 2.0 * u);
                // Focus rings are marked in distance, but a pull reads as
                // even in dioptres: interpolate 1/d.
                focus_m = 1.0 / ((1.0 - u) / from_m + u / focus_m);
            }
        }
    }
    if (!found) {
        focus_m = depth_of(view, scene->stage_center);
        if (!(focus_m > 0.05))
            focus_m = 3.0;
    }
    view->f_stop = s->f_stop;
    view->focus_m = focus_m;
    view->blades = CAMERA_BLADES;
    return AU_OK;
}
