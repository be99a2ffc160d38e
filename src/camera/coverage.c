/* camera/coverage.c: the shots of several characters: the group, the
 * two-shot and the over-the-shoulder, each keeping the camera on the side
 * of the line the faces open toward. Called by framing.c's entry point. */
#include <string.h>

#include "camera_internal.h"

// Over the shoulder: the partner's inner edge (the body model is a little
// generous, so the rendered share comes out near 22%), what share of the
// width may be seen, and the narrowest the frame may be where the partner
// stands, below which a sliver of hair would show instead of a shoulder.
#define OTS_EDGE        0.25
#define OTS_MIN         0.15
#define OTS_MAX         0.30
#define OTS_MIN_FRAME_M 0.30
// How far short of side-on the partner stays: at least this much of
// their back is turned to the lens. And how far past the middle of the
// frame the subject's eyes may come toward the partner's side.
#define OTS_BACK_DEG 20.0
#define OTS_CLEAR    0.05
// The bearings from the partner's back the camera tries, in steps, when
// the subject cannot sit on the third.
#define OTS_BEARING_STEP_DEG 8.0
#define OTS_BEARING_MIN_DEG  30.0

// The side of the line from one character to another that both faces
// open toward; the camera of a two-shot or OTS stays on it, so
// successive shots never cross the line.
static Vec3 open_side(Vec3 u, Vec3 facing_a, Vec3 facing_b)
{
    Vec3 n = v3(u.z, 0.0, -u.x);
    double d = v3_dot(n, v3_add(facing_a, facing_b));
    if (fabs(d) < 1e-6)
        d = fabs(n.z) > 1e-6 ? n.z : n.x;
    return d >= 0.0 ? n : v3_scale(n, -1.0);
}

// Frames @p figs together from the @p toward side of @p base: the size's
// rows on the tallest and lowest of them, the group centred across the
// frame, backing off when they would not fit between the side margins.
static AuStatus frame_together(const CameraJob *job,
                               const WorldFigure *const *figs, size_t n,
                               Vec3 base, Vec3 toward, CameraView *out)
{
    CameraRows rows;
    camera_rows_fill(job, figs, n, &rows);
    CameraFitPoint body[CAMERA_BODY_SPHERES * CAMERA_GROUP_MAX];
    for (size_t i = 0; i < n; i++)
        camera_body_spheres(figs[i], body + i * CAMERA_BODY_SPHERES);
    size_t nbody = n * CAMERA_BODY_SPHERES;
    if (job->angle == DIRECT_ANGLE_OVERHEAD) {
        Vec3 centre = v3(0, 0, 0);
        double top_y = -HUGE_VAL;
        for (size_t i = 0; i < n; i++) {
            Vec3 t = figs[i]->joints[WORLD_JOINT_HEAD_TOP];
            centre = v3_add(centre, v3_scale(t, 1.0 / (double)n));
            top_y = fmax(top_y, t.y);
        }
        camera_frame_overhead(job, centre, v3_scale(toward, -1.0), rows.frame_m,
                              top_y, body, nbody, out);
        return AU_OK;
    }
    CameraRig rig;
    camera_rig_init(job, &rig, base, toward, rows.eye_y_m);
    CameraTerm terms[CAMERA_TERMS_MAX];
    size_t nt = rows.count;
    memcpy(terms, rows.terms, nt * sizeof(*terms));
    CameraTerm mid = { CAMERA_TERM_MID_X, body, nbody, 0.5,
                       CAMERA_PLACE_LIMIT };
    terms[nt++] = mid;
    double q[CAMERA_FIT_MAX];
    camera_rig_guess(job, &rows, q);
    AuStatus st = camera_fit_solve(&rig, terms, nt, rows.frame_m, q);
    CameraView v;
    camera_rig_view(&rig, q, &v);
    CameraTerm left = { CAMERA_TERM_LEFT, body, nbody, CAMERA_SIDE_MARGIN,
                        CAMERA_PLACE_LIMIT };
    CameraTerm right = { CAMERA_TERM_RIGHT, body, nbody,
                         1.0 - CAMERA_SIDE_MARGIN, CAMERA_PLACE_LIMIT };
    double x0, x1;
    if (!camera_term_measure(&v, &left, &x0) ||
        !camera_term_measure(&v, &right, &x1))
        return AU_EINVAL;
    if (st != AU_OK || x0 < CAMERA_SIDE_MARGIN - 1e-4 ||
        x1 > 1.0 - CAMERA_SIDE_MARGIN + 1e-4) {
        // Too wide for the size, or too different in height to share its
        // rows: everyone in frame wins. The camera holds the size's
        // anchor row (the highest eyes for MCU and tighter, else the
        // highest head) and backs off until everyone fits across, so the
        // size reads looser.
        nt = 0;
        terms[nt++] = rows.anchor;
        terms[nt++] = left;
        terms[nt++] = right;
        q[0] += log((x1 - x0) / (1.0 - 2.0 * CAMERA_SIDE_MARGIN));
        st = camera_fit_solve(&rig, terms, nt, rows.frame_m, q);
        if (st != AU_OK)
            return st;
        camera_rig_view(&rig, q, &v);
    }
    if (!camera_rows_in_depth(&rows, &v))
        return AU_EINVAL;
    *out = v;
    return AU_OK;
}

AuStatus camera_frame_group(const CameraJob *job, CameraView *out)
{
    const Scene *scene = job->scene;
    Vec3 center = scene->stage_center;
    if (scene->figure_count == 0) {
        camera_view_look(out, v3(center.x, 1.55, center.z + 8.0),
                         v3(center.x, 1.0, center.z), 0.0);
        return AU_OK;
    }
    if (scene->figure_count > CAMERA_GROUP_MAX)
        return AU_EINVAL;
    const WorldFigure *figs[CAMERA_GROUP_MAX];
    for (size_t i = 0; i < scene->figure_count; i++)
        figs[i] = &scene->figures[i];
    // Slightly off the axis, as a wide rarely sits dead centre.
    return frame_together(job, figs, scene->figure_count, center,
                          v3_norm(v3(0.25, 0, 1)), out);
}

AuStatus camera_frame_two_shot(const CameraJob *job, const WorldFigure *s,
                               const WorldFigure *p, CameraView *out)
{
    Vec3 a = s->joints[WORLD_JOINT_WAIST], b = p->joints[WORLD_JOINT_WAIST];
    Vec3 u = camera_flat_dir(v3_sub(b, a), v3(1, 0, 0));
    const WorldFigure *figs[2] = { s, p };
    return frame_together(job, figs, 2, v3_lerp(a, b, 0.5),
                          open_side(u, s->facing, p->facing), out);
}

// What an over-the-shoulder shot is fitted to and judged by.
typedef struct Ots {
    const WorldFigure *s, *p;
    CameraRows rows;
    CameraFitPoint body[CAMERA_BODY_SPHERES]; // the partner
    CameraTerm terms[CAMERA_TERMS_MAX];       // rows, shoulder, look room
    size_t count;
    bool partner_left;
} Ots;

// True when @p v makes a good over-the-shoulder shot: behind the partner,
// whose shoulder fills OTS_MIN..OTS_MAX of the width in a frame at least
// OTS_MIN_FRAME_M wide where they stand, with the subject's eyes in frame
// on their own half (at most OTS_CLEAR past the middle).
static bool ots_good(const Ots *o, const CameraView *v)
{
    Vec3 pw = o->p->joints[WORLD_JOINT_WAIST];
    Vec3 sp = v3_sub(pw, o->s->joints[WORLD_JOINT_WAIST]);
    double frame_at_p_m =
        v3_dot(v3_sub(o->p->joints[WORLD_JOINT_EYES], v->position),
               v->forward) *
        v->sensor_w_mm / v->focal_mm;
    CameraTerm left = { CAMERA_TERM_LEFT, o->body, CAMERA_BODY_SPHERES, 0.0,
                        CAMERA_PLACE_LIMIT };
    CameraTerm right = left;
    right.kind = CAMERA_TERM_RIGHT;
    double x0, x1, ex, ey;
    if (v3_dot(v3_sub(v->position, pw), sp) <= 0.0 ||
        frame_at_p_m < OTS_MIN_FRAME_M || !camera_rows_in_depth(&o->rows, v) ||
        !camera_term_measure(v, &left, &x0) ||
        !camera_term_measure(v, &right, &x1) ||
        !camera_project(v, o->rows.eyes[0].p, &ex, &ey))
        return false;
    double seen = base_clamp(x1, 0.0, 1.0) - base_clamp(x0, 0.0, 1.0);
    double past_middle = o->partner_left ? 0.5 - ex : ex - 0.5;
    return seen >= OTS_MIN && seen <= OTS_MAX && past_middle <= OTS_CLEAR &&
           ex >= 0.0 && ex <= 1.0 && ey >= 0.0 && ey <= 1.0;
}

// The camera on @p bearing from the partner (a unit vector on the ground)
// at the distance of @p from, aimed at the subject, fitted to the rows
// and the shoulder; the subject falls where that puts them.
static AuStatus ots_on_bearing(const CameraJob *job, const Ots *o, Vec3 bearing,
                               const CameraView *from, CameraView *out)
{
    Vec3 pw = o->p->joints[WORLD_JOINT_WAIST];
    CameraRig rig;
    camera_rig_init(job, &rig, pw, bearing, o->s->joints[WORLD_JOINT_EYES].y);
    rig.sideways = CAMERA_RIG_PAN;
    Vec3 eye = from->position;
    double run_m = hypot(eye.x - pw.x, eye.z - pw.z);
    Vec3 cam = v3_add(rig.base, v3_scale(bearing, run_m));
    cam.y = eye.y;
    // Start aimed at the subject's eyes: where the line to them crosses
    // the plane through the partner square to the bearing.
    Vec3 to_s = v3_sub(o->rows.eyes[0].p, cam);
    double t = -run_m / v3_dot(to_s, bearing);
    Vec3 aim = v3_add(cam, v3_scale(to_s, t));
    double q[CAMERA_FIT_MAX] = { log(run_m), aim.y,
                                 v3_dot(v3_sub(aim, rig.base), rig.side), 0.0 };
    AuStatus st =
        camera_fit_solve(&rig, o->terms, o->count - 1, o->rows.frame_m, q);
    if (st == AU_OK)
        camera_rig_view(&rig, q, out);
    return st;
}

AuStatus camera_frame_ots(const CameraJob *job, const WorldFigure *s,
                          const WorldFigure *p, CameraView *out)
{
    Vec3 sw = s->joints[WORLD_JOINT_WAIST], pw = p->joints[WORLD_JOINT_WAIST];
    Vec3 u = camera_flat_dir(v3_sub(pw, sw), v3(1, 0, 0));
    Vec3 n = open_side(u, s->facing, p->facing);
    if (job->angle == DIRECT_ANGLE_OVERHEAD) {
        const WorldFigure *figs[2] = { s, p };
        return frame_together(job, figs, 2, v3_lerp(sw, pw, 0.5), n, out);
    }
    Ots o;
    o.s = s;
    o.p = p;
    camera_rows_fill(job, &s, 1, &o.rows);
    camera_body_spheres(p, o.body);
    CameraRig rig;
    camera_rig_init(job, &rig, sw, u, s->joints[WORLD_JOINT_EYES].y);
    rig.sideways = CAMERA_RIG_FREE;
    // The camera stands off the line on the open side; the partner then
    // shows on the other side of frame and the subject looks across it.
    double off_sign = v3_dot(n, rig.side) >= 0.0 ? 1.0 : -1.0;
    o.partner_left = off_sign > 0.0;
    o.count = o.rows.count;
    memcpy(o.terms, o.rows.terms, o.count * sizeof(*o.terms));
    CameraTerm shoulder = { o.partner_left ? CAMERA_TERM_RIGHT
                                           : CAMERA_TERM_LEFT,
                            o.body, CAMERA_BODY_SPHERES,
                            o.partner_left ? OTS_EDGE : 1.0 - OTS_EDGE,
                            CAMERA_PLACE_LIMIT };
    CameraTerm look = { CAMERA_TERM_MID_X, o.rows.eyes, 1,
                        o.partner_left ? 0.5 + CAMERA_LOOK_ROOM
                                       : 0.5 - CAMERA_LOOK_ROOM,
                        CAMERA_PLACE_LIMIT };
    o.terms[o.count++] = shoulder;
    o.terms[o.count++] = look;
    double q[CAMERA_FIT_MAX];
    camera_rig_guess(job, &o.rows, q);
    // Start the camera two thirds of a shoulder's width off the line.
    q[3] = off_sign * 0.66 * p->look.shoulder_m;
    CameraView v;
    AuStatus st = camera_fit_solve(&rig, o.terms, o.count, o.rows.frame_m, q);
    if (st != AU_OK)
        return st;
    camera_rig_view(&rig, q, &v);
    // The partner is seen from behind: the camera stays at least
    // OTS_BACK_DEG short of their shoulder line. With the subject on the
    // third it may not (a wide frame at the blocking's distance): then
    // the camera comes round toward the partner's back in steps until the
    // shot holds, and the subject moves toward the middle of the frame.
    Vec3 back = v3_scale(camera_flat_dir(p->facing, v3_scale(u, -1.0)), -1.0);
    Vec3 from_p = camera_flat_dir(v3_sub(v.position, pw), u);
    double bearing_rad = acos(base_clamp(v3_dot(from_p, back), -1.0, 1.0));
    double limit = (90.0 - OTS_BACK_DEG) * CAMERA_DEG_RAD;
    if (bearing_rad <= limit && ots_good(&o, &v)) {
        *out = v;
        return AU_OK;
    }
    double turn =
        v3_dot(v3_cross(back, from_p), v3(0, 1, 0)) >= 0.0 ? 1.0 : -1.0;
    for (double a = fmin(bearing_rad, limit);
         a >= OTS_BEARING_MIN_DEG * CAMERA_DEG_RAD - 1e-9;
         a -= OTS_BEARING_STEP_DEG * CAMERA_DEG_RAD) {
        double c = cos(turn * a), sn = sin(turn * a);
        Vec3 bearing =
            v3(back.x * c + back.z * sn, 0.0, -back.x * sn + back.z * c);
        CameraView h;
        if (ots_on_bearing(job, &o, bearing, &v, &h) == AU_OK &&
            ots_good(&o, &h)) {
            *out = h;
            return AU_OK;
        }
    }
    return AU_EINVAL;
}
