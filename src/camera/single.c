/* camera/single.c: the shots of one character for framing.c: the single
 * (three-quarter on, with look room, kept clean), the point of view, the
 * insert, and the overhead view any kind of shot may take. */
#include <string.h>
#include <strings.h>

#include "camera_internal.h"

// Look room is full once the gaze is this far off the lens axis.
#define LOOK_FULL_DEG 10.0
// How far, in steps, a single's camera may swing round its subject to
// keep someone else out of it.
#define SWING_STEP_DEG 5.0
#define SWING_MAX_DEG  40.0
// A POV camera stands this far in front of the eyes, clear of the nose.
#define POV_AHEAD_M 0.05

// Looking straight down, the frame's top toward @p up_dir (on the ground).
static void overhead_basis(CameraView *v, Vec3 up_dir)
{
    v->forward = v3(0, -1, 0);
    v->up = up_dir;
    v->right = v3_cross(v->forward, v->up);
}

// Straight down over @p centre, the frame's top toward @p up_dir; the
// frame spans @p frame_m at height @p plane_y_m, and the camera rises
// further until every sphere in @p pts is inside the side margins.
void camera_frame_overhead(const CameraJob *job, Vec3 centre, Vec3 up_dir,
                           double frame_m, double plane_y_m,
                           const CameraFitPoint *pts, size_t n, CameraView *out)
{
    CameraView v = job->lens;
    overhead_basis(&v, up_dir);
    double tan_half_h = v.sensor_w_mm / (2.0 * v.focal_mm);
    double keep = 1.0 - 2.0 * CAMERA_SIDE_MARGIN;
    double cam_y = plane_y_m + frame_m / (2.0 * job->tan_half_v);
    for (size_t i = 0; i < n; i++) {
        Vec3 d = v3_sub(pts[i].p, centre);
        double a = fabs(v3_dot(d, v.right)) + pts[i].r_m;
        double b = fabs(v3_dot(d, v.up)) + pts[i].r_m;
        cam_y = fmax(cam_y, pts[i].p.y + a / (tan_half_h * keep));
        cam_y = fmax(cam_y, pts[i].p.y + b / (job->tan_half_v * keep));
    }
    v.position = v3(centre.x, cam_y, centre.z);
    *out = v;
}

// Where the eyes go across the frame: opposite the gaze, so the face
// has room to look into.
static double look_x(Vec3 side, Vec3 gaze)
{
    double s = v3_dot(camera_flat_dir(gaze, v3(0, 0, 0)), side);
    double k = base_clamp(s / sin(LOOK_FULL_DEG * CAMERA_DEG_RAD), -1.0, 1.0);
    return 0.5 - CAMERA_LOOK_ROOM * k;
}

// The first character other than @p f who shows in @p v, or NULL: any
// of their body parts in front of the lens reaching into the frame.
static const WorldFigure *intruder(const Scene *scene, const WorldFigure *f,
                                   const CameraView *v)
{
    for (size_t i = 0; i < scene->figure_count; i++) {
        const WorldFigure *g = &scene->figures[i];
        if (g == f)
            continue;
        CameraFitPoint body[CAMERA_BODY_SPHERES];
        camera_body_spheres(g, body);
        for (size_t k = 0; k < CAMERA_BODY_SPHERES; k++) {
            CameraTerm left = { CAMERA_TERM_LEFT, &body[k], 1, 0.0,
                                CAMERA_PLACE_LIMIT };
            CameraTerm right = left;
            right.kind = CAMERA_TERM_RIGHT;
            double x0, x1;
            if (camera_term_measure(v, &left, &x0) &&
                camera_term_measure(v, &right, &x1) && x1 > 0.0 && x0 < 1.0)
                return g;
        }
    }
    return NULL;
}

// A single of @p f with the camera's ground direction @p toward and
// @p room of the look room.
static AuStatus single_from(const CameraJob *job, const WorldFigure *f,
                            const CameraRows *rows, Vec3 toward, double room,
                            CameraView *out)
{
    CameraRig rig;
    camera_rig_init(job, &rig, f->joints[WORLD_JOINT_WAIST], toward,
                    f->joints[WORLD_JOINT_EYES].y);
    CameraTerm terms[CAMERA_TERMS_MAX];
    size_t n = rows->count;
    memcpy(terms, rows->terms, n * sizeof(*terms));
    CameraTerm look = { CAMERA_TERM_MID_X, rows->eyes, 1,
                        0.5 + room * (look_x(rig.side, f->facing) - 0.5),
                        CAMERA_PLACE_LIMIT };
    terms[n++] = look;
    double q[CAMERA_FIT_MAX];
    camera_rig_guess(job, rows, q);
    AuStatus st = camera_fit_solve(&rig, terms, n, rows->frame_m, q);
    if (st != AU_OK)
        return st;
    camera_rig_view(&rig, q, out);
    return camera_rows_in_depth(rows, out) ? AU_OK : AU_EINVAL;
}

AuStatus camera_frame_single(const CameraJob *job, const WorldFigure *f,
                             CameraView *out)
{
    Vec3 toward = camera_three_quarter(f);
    CameraRows rows;
    camera_rows_fill(job, &f, 1, &rows);
    if (job->angle == DIRECT_ANGLE_OVERHEAD) {
        Vec3 top = f->joints[WORLD_JOINT_HEAD_TOP];
        camera_frame_overhead(job, top, v3_scale(toward, -1.0), rows.frame_m,
                              top.y, NULL, 0, out);
        return AU_OK;
    }
    CameraView v;
    AuStatus st = single_from(job, f, &rows, toward, 1.0, &v);
    if (st != AU_OK)
        return st;
    // A single up to a medium shot is clean. When someone else shows in
    // it (the look room opens toward whoever the subject faces) the camera
    // swings round the subject away from them, in steps; failing that, the
    // look room narrows and it swings again. If no way is clean, or the
    // size is wider, the first framing stands.
    const WorldFigure *g =
        job->size <= DIRECT_SHOT_MS ? intruder(job->scene, f, &v) : NULL;
    if (!g) {
        *out = v;
        return AU_OK;
    }
    Vec3 away = camera_flat_dir(
        v3_sub(f->joints[WORLD_JOINT_WAIST], g->joints[WORLD_JOINT_WAIST]),
        toward);

    // The look room kept and how far the camera may swing with it: the
    // face turns toward profile before it loses all its room.
    static const struct {
        double room, swing_deg;
    } tries[] = { { 1.0, 20.0 }, { 0.5, 25.0 }, { 0.0, SWING_MAX_DEG } };

    for (size_t k = 0; k < BASE_ARRAY_LEN(tries); k++) {
        for (double a = k == 0 ? SWING_STEP_DEG : 0.0;
             a <= tries[k].swing_deg + 1e-9; a += SWING_STEP_DEG) {
            // Of the two ways round, the one that turns from the intruder.
            double c = cos(a * CAMERA_DEG_RAD), sn = sin(a * CAMERA_DEG_RAD);
            Vec3 cw = v3(toward.x * c - toward.z * sn, 0.0,
                         toward.x * sn + toward.z * c);
            Vec3 ccw = v3(toward.x * c + toward.z * sn, 0.0,
                          -toward.x * sn + toward.z * c);
            Vec3 turned = v3_dot(cw, away) > v3_dot(ccw, away) ? cw : ccw;
            CameraView w;
            if (single_from(job, f, &rows, turned, tries[k].room, &w) ==
                    AU_OK &&
                !intruder(job->scene, f, &w)) {
                *out = w;
                return AU_OK;
            }
        }
    }
    *out = v;
    return AU_OK;
}

void camera_frame_pov(const CameraJob *job, const WorldFigure *s,
                      const WorldFigure *p, CameraView *out)
{
    Vec3 eyes = s->joints[WORLD_JOINT_EYES];
    Vec3 facing = camera_flat_dir(s->facing, v3(0, 0, 1));
    Vec3 gaze = p ? v3_norm(v3_sub(p->joints[WORLD_JOINT_EYES], eyes)) : facing;
    Vec3 eye = v3_add(eyes, v3_scale(gaze, POV_AHEAD_M));
    Vec3 flat = camera_flat_dir(gaze, facing);
    if (job->angle == DIRECT_ANGLE_OVERHEAD) {
        *out = job->lens;
        overhead_basis(out, flat);
        out->position = eye;
        return;
    }
    double pitch = asin(base_clamp(gaze.y, -1.0, 1.0)), roll = 0.0;
    if (job->angle == DIRECT_ANGLE_LOW)
        pitch += job->angle_rad;
    else if (job->angle == DIRECT_ANGLE_HIGH)
        pitch -= job->angle_rad;
    else if (job->angle == DIRECT_ANGLE_DUTCH)
        roll = job->angle_rad;
    pitch = base_clamp(pitch, -CAMERA_ANGLE_MAX_DEG * CAMERA_DEG_RAD,
                       CAMERA_ANGLE_MAX_DEG * CAMERA_DEG_RAD);
    Vec3 dir = v3_add(v3_scale(flat, cos(pitch)), v3(0, sin(pitch), 0));
    *out = job->lens;
    camera_view_look(out, eye, v3_add(eye, dir), roll);
}

// Whether word @p w of @p len bytes names prop @p name: the noun itself
// or its plural ("bottles", "glasses").
static bool names_prop(const char *w, size_t len, const char *name)
{
    size_t n = strlen(name);
    if (len < n || strncasecmp(w, name, n) != 0)
        return false;
    return len == n || (len == n + 1 && w[n] == 's') ||
           (len == n + 2 && w[n] == 'e' && w[n + 1] == 's');
}

const WorldProp *camera_insert_prop(const Scene *scene, const DirectShot *shot)
{
    const WorldProp *best = NULL;
    int best_score = 0;
    for (size_t i = 0; i < scene->prop_count; i++) {
        const WorldProp *p = &scene->props[i];
        int score = 0;
        const char *w = shot->insert ? shot->insert : "";
        while (*w) {
            size_t len = strcspn(w, " ");
            if (len && names_prop(w, len, p->name))
                score = 2;
            w += len;
            w += strspn(w, " ");
        }
        // Without a name, the insert is of what the subject holds.
        if (!shot->insert && p->held_by != SIZE_MAX)
            score = 1;
        if (score && p->held_by == shot->subject && shot->subject != SIZE_MAX)
            score += 2;
        if (score > best_score) {
            best_score = score;
            best = p;
        }
    }
    return best;
}

// An insert of a prop: its bounding box fills most of the frame, seen from
// the subject's side when it is in a hand, else from above at a table's
// angle, and turned until the camera stands clear of everyone.
static AuStatus frame_prop(const CameraJob *job, const WorldFigure *s,
                           const WorldProp *p, CameraView *out)
{
    double aspect = job->lens.sensor_w_mm / job->lens.sensor_h_mm;
    Vec3 e = p->half_extent;
    double w = 2.0 * fmax(e.x, e.z), h = 2.0 * e.y;
    double frame_m = 1.3 * fmax(h, w / aspect);
    frame_m = fmax(frame_m, 0.12);
    double dist = 0.5 * frame_m / job->tan_half_v + fmax(e.x, e.z);
    Vec3 base_dir =
        s ? camera_three_quarter(s)
          : camera_flat_dir(v3_sub(job->scene->stage_center, p->center),
                            v3(0, 0, 1));
    double elev = (p->held_by != SIZE_MAX ? 10.0 : 30.0) * CAMERA_DEG_RAD;
    if (job->angle == DIRECT_ANGLE_OVERHEAD)
        elev = 89.0 * CAMERA_DEG_RAD;
    else if (job->angle == DIRECT_ANGLE_HIGH)
        elev += job->angle_rad;
    else if (job->angle == DIRECT_ANGLE_LOW)
        elev = -job->angle_rad;
    static const double turns_deg[] = { 0, 30, -30, 60, -60, 90, -90, 180 };
    for (size_t k = 0; k < BASE_ARRAY_LEN(turns_deg); k++) {
        double a = turns_deg[k] * CAMERA_DEG_RAD;
        Vec3 flat = v3(base_dir.x * cos(a) + base_dir.z * sin(a), 0.0,
                       -base_dir.x * sin(a) + base_dir.z * cos(a));
        Vec3 dir = v3_add(v3_scale(flat, cos(elev)), v3(0, sin(elev), 0));
        Vec3 eye = v3_add(p->center, v3_scale(dir, dist));
        bool clear = eye.y > 0.05;
        for (size_t i = 0; clear && i < job->scene->figure_count; i++)
            clear = camera_body_clear(&job->scene->figures[i], eye, 0.1);
        if (!clear)
            continue;
        *out = job->lens;
        double roll = job->angle == DIRECT_ANGLE_DUTCH ? job->angle_rad : 0.0;
        camera_view_look(out, eye, p->center, roll);
        return AU_OK;
    }
    return AU_EINVAL;
}

// An insert frames the prop the shot names; with no such prop in the set
// it frames the hand nearer the lens, the one a prop would be in: its
// wrist and palm centred, the frame as tall as the subject's close-up.
AuStatus camera_frame_insert(const CameraJob *job, const WorldFigure *s,
                             const DirectShot *shot, CameraView *out)
{
    const WorldProp *prop = camera_insert_prop(job->scene, shot);
    if (prop)
        return frame_prop(job, s, prop, out);
    if (!s)
        return AU_EINVAL;
    Vec3 toward = camera_three_quarter(s);
    int side = v3_dot(camera_body_palm(s, 1), toward) >
                       v3_dot(camera_body_palm(s, 0), toward)
                   ? 1
                   : 0;
    double scale = s->look.height_m / 1.75;
    CameraFitPoint hand[2] = {
        camera_fit_point(s->joints[WORLD_JOINT_WRIST_L + side]),
        camera_fit_point(camera_body_palm(s, side)),
    };
    hand[0].r_m = hand[0].side_m = hand[0].front_m = 0.035 * scale;
    hand[1].r_m = hand[1].side_m = hand[1].front_m = 0.05 * scale;
    double frame_m = camera_size_frame_m(s, DIRECT_SHOT_CU);
    Vec3 c = v3_lerp(hand[0].p, hand[1].p, 0.5);
    if (job->angle == DIRECT_ANGLE_OVERHEAD) {
        camera_frame_overhead(job, c, v3_scale(toward, -1.0), frame_m, c.y,
                              hand, 2, out);
        return AU_OK;
    }
    CameraRig rig;
    camera_rig_init(job, &rig, c, toward, c.y);
    CameraFitPoint top = camera_fit_point(v3_add(c, v3(0, 0.5 * frame_m, 0)));
    CameraFitPoint bottom =
        camera_fit_point(v3_sub(c, v3(0, 0.5 * frame_m, 0)));
    CameraTerm terms[3] = {
        { CAMERA_TERM_TOP, &top, 1, 0.0, CAMERA_PLACE_LIMIT },
        { CAMERA_TERM_BOTTOM, &bottom, 1, 1.0, CAMERA_PLACE_LIMIT },
        { CAMERA_TERM_MID_X, hand, 2, 0.5, CAMERA_PLACE_LIMIT },
    };
    double q[CAMERA_FIT_MAX] = { log(frame_m / (2.0 * job->tan_half_v)), c.y,
                                 0.0, 0.0 };
    AuStatus st = camera_fit_solve(&rig, terms, 3, frame_m, q);
    if (st == AU_OK)
        camera_rig_view(&rig, q, out);
    return st;
}
