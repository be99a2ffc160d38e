/* camera/move.c: camera moves over a shot's length. The framing
 * camera_solve gave at time t is panned, tilted, dollied, craned, orbited,
 * zoomed or shaken, eased in and out (docs/cinematography.md, "Moves"). */
#include "camera_internal.h"

// The amounts a move takes when the note gives none, at normal speed.
#define PAN_DEG     30.0
#define TILT_DEG    15.0
#define ORBIT_DEG   30.0
#define TRUCK_M     1.0
#define PEDESTAL_M  0.5
#define CRANE_M     1.5
#define ZOOM_FACTOR 1.5
// A dolly divides (in) or multiplies (out) the distance to the subject by
// 1 + DOLLY_GROWTH, so the subject grows or shrinks by that share.
#define DOLLY_GROWTH 0.35

// A move's centre when the shot has no one in front of the lens to move
// about (a POV with no partner): this far down the lens axis. A centre
// nearer the lens than TARGET_MIN_M is no centre.
#define AXIS_TARGET_M 3.0
#define TARGET_MIN_M  0.1

// The camera's path is checked for clearance in steps of this much
// travel (finer than any body part), at most PATH_STEPS_MAX of them, and
// a stop is found to CLAMP_ITERS halvings of a step.
#define PATH_STEP_M    0.02
#define PATH_STEPS_MAX 4096
#define CLAMP_ITERS    30

// Handheld: the lens axis wanders within SHAKE_AXIS_DEG of the planned
// one (each of pan and tilt within SHAKE_AXIS_DEG / sqrt 2), the roll
// within SHAKE_ROLL_DEG, and the camera within SHAKE_SHIFT_M along each of
// its own axes. Each of those six is a sum of SHAKE_SINES sines, one in
// each band of shake_band_hz, weighted by 1 / frequency as a body's sway
// is, the weights summing to 1 so the sum never passes its bound.
#define SHAKE_AXIS_DEG 0.4
#define SHAKE_ROLL_DEG 0.2
#define SHAKE_SHIFT_M  0.01
#define SHAKE_SINES    3
static const double shake_band_hz[SHAKE_SINES + 1] = { 0.5, 1.0, 2.0, 3.0 };

static const Vec3 world_up = { 0.0, 1.0, 0.0 };

// Smoothstep: no speed at the start and the end of the shot.
static double ease(double u)
{
    u = base_clamp(u, 0.0, 1.0);
    return u * u * (3.0 - 2.0 * u);
}

// @p v turned by @p rad about the unit axis @p k (right-handed).
static Vec3 rotate(Vec3 v, Vec3 k, double rad)
{
    double c = cos(rad), s = sin(rad);
    return v3_add(v3_add(v3_scale(v, c), v3_scale(v3_cross(k, v), s)),
                  v3_scale(k, v3_dot(k, v) * (1.0 - c)));
}

// Turns the camera's basis about @p axis, leaving it where it stands.
static void turn(CameraView *v, Vec3 axis, double rad)
{
    v->forward = rotate(v->forward, axis, rad);
    v->up = rotate(v->up, axis, rad);
    v->right = rotate(v->right, axis, rad);
}

// The signed angle of a pan, tilt or orbit before speed, in degrees: the
// note's number, or the default the way the words say (-1 marks "left"
// or "down" without a number).
static double amount_deg(double amount, double def_deg)
{
    if (amount == -1.0)
        return -def_deg;
    return amount == 0.0 ? def_deg : amount;
}

// +1, or -1 when the note's words or number point the other way.
static double sense(double amount)
{
    return amount < 0.0 ? -1.0 : 1.0;
}

/* ---- the point a move is about ---------------------------------------- */

static Vec3 mean_eyes(const Scene *scene)
{
    if (scene->figure_count == 0) {
        Vec3 c = scene->stage_center;
        return v3(c.x, 1.0, c.z);
    }
    Vec3 m = v3(0, 0, 0);
    for (size_t i = 0; i < scene->figure_count; i++)
        m = v3_add(m, v3_scale(scene->figures[i].joints[WORLD_JOINT_EYES],
                               1.0 / (double)scene->figure_count));
    return m;
}

// What a dolly travels toward, an orbit circles and a crane re-aims at:
// the subject's eyes (a single, an OTS), between both pairs of eyes (a
// two-shot), everyone's mean eye point (a group), the partner's eyes (a
// POV; else a point down the lens axis), the hand nearer the lens (an
// insert). *own gets the POV's subject, whose head the camera is in.
static Vec3 move_target(const DirectShot *shot, const Scene *scene,
                        const CameraView *v, const WorldFigure **own)
{
    *own = NULL;
    const WorldFigure *s = shot->subject != SIZE_MAX
                               ? world_find_figure(scene, shot->subject)
                               : NULL;
    Vec3 axis_point = v3_add(v->position, v3_scale(v->forward, AXIS_TARGET_M));
    Vec3 p = axis_point;
    if (shot->kind == DIRECT_KIND_GROUP || shot->subject == SIZE_MAX) {
        p = mean_eyes(scene);
    } else if (s) {
        const WorldFigure *q = NULL;
        switch (shot->kind) {
        case DIRECT_KIND_TWO_SHOT:
            q = camera_shot_partner(scene, shot, s);
            p = s->joints[WORLD_JOINT_EYES];
            if (q)
                p = v3_lerp(p, q->joints[WORLD_JOINT_EYES], 0.5);
            break;
        case DIRECT_KIND_POV:
            *own = s;
            q = shot->partner != SIZE_MAX ? camera_shot_partner(scene, shot, s)
                                          : NULL;
            if (q)
                p = q->joints[WORLD_JOINT_EYES];
            break;
        case DIRECT_KIND_INSERT: {
            Vec3 l = camera_body_palm(s, 0), r = camera_body_palm(s, 1);
            p = v3_len(v3_sub(l, v->position)) <= v3_len(v3_sub(r, v->position))
                    ? l
                    : r;
            break;
        }
        default:
            p = s->joints[WORLD_JOINT_EYES];
            break;
        }
    }
    if (!(v3_dot(v3_sub(p, v->position), v->forward) >= TARGET_MIN_M))
        p = axis_point;
    return p;
}

/* ---- travel and where it must stop ------------------------------------ */

// A path the camera travels, by a parameter in metres along @p dir, or in
// radians round the vertical through @p centre.
typedef struct Path {
    const Scene *scene;
    const WorldFigure *own;
    Vec3 start;
    bool orbit;
    Vec3 dir;
    Vec3 centre;
    double step; // the parameter's clearance step
} Path;

static Vec3 path_at(const Path *p, double a)
{
    if (p->orbit)
        return v3_add(p->centre,
                      rotate(v3_sub(p->start, p->centre), world_up, a));
    return v3_add(p->start, v3_scale(p->dir, a));
}

// A path's clearance step for a move whose whole travel is @p full, and
// @p unit_m metres of travel per unit of its parameter.
static double path_step(double full, double unit_m)
{
    double step = PATH_STEP_M / fmax(unit_m, 1e-9);
    return fmax(step, fabs(full) / PATH_STEPS_MAX);
}

// How far toward @p a the camera may travel: all the way, or to where it
// would first stand inside someone or under the floor. The path is
// walked in the same steps from the start on every frame, so a move
// stopped short stops at the same place for as long as the scene holds
// still, and never jumps back.
static double clear_travel(const Path *p, double a)
{
    double len = fabs(a), sign = a < 0.0 ? -1.0 : 1.0, lo = 0.0;
    while (lo < len) {
        double hi = fmin(lo + p->step, len);
        if (!camera_position_clear(p->scene, path_at(p, sign * hi), p->own)) {
            // The stop is sought in the whole step when that ends out of
            // the clear too, so it does not depend on how far this frame
            // got into the step.
            if (hi < lo + p->step &&
                !camera_position_clear(
                    p->scene, path_at(p, sign * (lo + p->step)), p->own))
                hi = lo + p->step;
            for (int i = 0; i < CLAMP_ITERS; i++) {
                double mid = 0.5 * (lo + hi);
                if (camera_position_clear(p->scene, path_at(p, sign * mid),
                                          p->own))
                    lo = mid;
                else
                    hi = mid;
            }
            return sign * lo;
        }
        lo = hi;
    }
    return a;
}

/* ---- re-aiming --------------------------------------------------------- */

// Turns @p v, standing where it now stands, so that @p p falls on the
// frame where it fell in @p from, with the same roll: the crane operator
// keeps the subject on their mark. The pitch and yaw that do it are solved
// in closed form (docs/cinematography.md). A camera looking straight down
// keeps its basis.
static void reaim(CameraView *v, const CameraView *from, Vec3 p)
{
    Vec3 f0 = from->forward;
    if (fabs(f0.y) > 1.0 - 1e-9)
        return;
    Vec3 r0 = v3_norm(v3_cross(f0, world_up));
    Vec3 u0 = v3_cross(r0, f0);
    double roll = atan2(v3_dot(from->up, r0), v3_dot(from->up, u0));
    // The subject's direction in the camera's own frame, unrolled: it
    // stays the same, and only the camera's pitch and yaw change.
    Vec3 d0 = v3_norm(v3_sub(p, from->position));
    double cr = v3_dot(d0, from->right), cu = v3_dot(d0, from->up);
    double cf = v3_dot(d0, f0);
    double c = cos(roll), s = sin(roll);
    double a = cr * c + cu * s, b = cu * c - cr * s;
    Vec3 d1 = v3_norm(v3_sub(p, v->position));
    // Height: b cos(pitch) + cf sin(pitch) = d1.y. Of the two pitches
    // that give it, the one nearer the planned pitch.
    double h = hypot(b, cf), phi = atan2(b, cf);
    double rise = asin(base_clamp(d1.y / h, -1.0, 1.0));
    double pitch0 = asin(base_clamp(f0.y, -1.0, 1.0));
    double pitch = rise - phi, other = BASE_PI - rise - phi;
    pitch = atan2(sin(pitch), cos(pitch));
    other = atan2(sin(other), cos(other));
    if (fabs(other) <= 0.5 * BASE_PI &&
        (fabs(pitch) > 0.5 * BASE_PI ||
         fabs(other - pitch0) < fabs(pitch - pitch0)))
        pitch = other;
    // Bearing: turn about the vertical until the ground directions agree.
    double wz = b * sin(pitch) - cf * cos(pitch);
    double yaw = atan2(d1.z, d1.x) - atan2(wz, a);
    Vec3 f = v3(cos(pitch) * sin(yaw), sin(pitch), -cos(pitch) * cos(yaw));
    camera_view_look(v, v->position, v3_add(v->position, f), roll);
}

/* ---- handheld ---------------------------------------------------------- */

// One of the shake's six channels at @p t_s, in [-1, 1].
static double shake_channel(uint64_t seed, size_t shot, uint64_t channel,
                            double t_s)
{
    BaseRng r;
    base_rng_seed(&r, base_hash_mix(seed, (uint64_t)shot), channel);
    double f_hz[SHAKE_SINES], phase[SHAKE_SINES], w[SHAKE_SINES], sum = 0.0;
    for (size_t i = 0; i < SHAKE_SINES; i++) {
        f_hz[i] = base_rng_range(&r, shake_band_hz[i], shake_band_hz[i + 1]);
        phase[i] = base_rng_range(&r, 0.0, 2.0 * BASE_PI);
        w[i] = 1.0 / f_hz[i];
        sum += w[i];
    }
    double x = 0.0;
    for (size_t i = 0; i < SHAKE_SINES; i++)
        x += w[i] / sum * sin(2.0 * BASE_PI * f_hz[i] * t_s + phase[i]);
    return x;
}

static void shake(CameraView *v, uint64_t seed, size_t shot, double t_s,
                  double gain)
{
    double axis_rad = gain * SHAKE_AXIS_DEG / sqrt(2.0) * CAMERA_DEG_RAD;
    double roll_rad = gain * SHAKE_ROLL_DEG * CAMERA_DEG_RAD;
    double shift_m = gain * SHAKE_SHIFT_M;
    double ch[6];
    for (uint64_t i = 0; i < 6; i++)
        ch[i] = shake_channel(seed, shot, i, t_s);
    Vec3 move = v3_add(v3_add(v3_scale(v->right, shift_m * ch[3]),
                              v3_scale(v->up, shift_m * ch[4])),
                       v3_scale(v->forward, shift_m * ch[5]));
    v->position = v3_add(v->position, move);
    turn(v, v->up, axis_rad * ch[0]);
    turn(v, v->right, axis_rad * ch[1]);
    turn(v, v->forward, roll_rad * ch[2]);
}

/* ---- the moves --------------------------------------------------------- */

// Tilts @p v by @p rad (positive up) about the level axis across the
// frame, keeping its roll; the lens axis stops at straight up or down.
static void tilt(CameraView *v, double rad)
{
    double pitch = asin(base_clamp(v->forward.y, -1.0, 1.0));
    double to = base_clamp(pitch + rad, -0.5 * BASE_PI, 0.5 * BASE_PI);
    Vec3 axis = v3_cross(v->forward, world_up);
    axis = v3_len(axis) > 1e-9 ? v3_norm(axis)
                               : camera_flat_dir(v->right, v3(1, 0, 0));
    turn(v, axis, to - pitch);
}

// The dolly zoom's travel along the lens axis toward the subject's plane
// at depth @p z_m (backward when negative), limited so that the focal
// length, which follows the distance, stays within the accepted lenses.
static double dolly_zoom_travel(double z_m, double focal_mm, double growth,
                                bool in)
{
    if (in)
        return fmin(z_m * (1.0 - 1.0 / growth),
                    fmax(0.0, z_m * (1.0 - CAMERA_LENS_MIN_MM / focal_mm)));
    return -fmin(z_m * (growth - 1.0),
                 fmax(0.0, z_m * (CAMERA_LENS_MAX_MM / focal_mm - 1.0)));
}

static AuStatus apply_main(const Production *prod, size_t shot_index,
                           const Scene *scene, double t_s, uint64_t seed,
                           CameraView *view)
{
    if (!prod || !scene || !view || shot_index >= prod->shot_count ||
        !isfinite(t_s))
        return AU_EINVAL;
    const DirectShot *shot = &prod->shots[shot_index];
    if ((unsigned)shot->move >= DIRECT_MOVE_COUNT ||
        !isfinite(shot->move_amount) || !isfinite(shot->move_speed) ||
        !isfinite(shot->duration_s))
        return AU_EINVAL;
    // Speed scales the amount; a plan that gives none moves at normal
    // speed.
    double speed = shot->move_speed > 0.0 ? shot->move_speed : 1.0;
    double amount = shot->move_amount;
    double e = shot->duration_s > 0.0 ? ease(t_s / shot->duration_s) : 0.0;
    if (shot->move == DIRECT_MOVE_STATIC || shot->move == DIRECT_MOVE_FOLLOW)
        return AU_OK;
    CameraView v = *view;
    if (shot->move == DIRECT_MOVE_HANDHELD) {
        shake(&v, seed, shot_index, t_s, speed);
        *view = v;
        return AU_OK;
    }
    // Every other move starts from the planned framing.
    if (e == 0.0)
        return AU_OK;

    Path path = { scene, NULL, v.position, false, world_up, v3(0, 0, 0), 0.0 };
    Vec3 target = move_target(shot, scene, &v, &path.own);
    double growth = 1.0 + DOLLY_GROWTH * speed, full = 0.0;
    switch (shot->move) {
    case DIRECT_MOVE_PAN:
        // Panning right turns the lens clockwise seen from above.
        turn(&v, world_up,
             -e * speed * amount_deg(amount, PAN_DEG) * CAMERA_DEG_RAD);
        break;
    case DIRECT_MOVE_TILT:
        tilt(&v, e * speed * amount_deg(amount, TILT_DEG) * CAMERA_DEG_RAD);
        break;
    case DIRECT_MOVE_ZOOM: {
        double factor = amount > 0.0
                            ? amount
                            : (amount < 0.0 ? 1.0 / ZOOM_FACTOR : ZOOM_FACTOR);
        double end_mm = base_clamp(v.focal_mm * pow(factor, speed),
                                   fmin(v.focal_mm, CAMERA_LENS_MIN_MM),
                                   fmax(v.focal_mm, CAMERA_LENS_MAX_MM));
        v.focal_mm *= pow(end_mm / v.focal_mm, e);
        break;
    }
    case DIRECT_MOVE_DOLLY_IN:
    case DIRECT_MOVE_DOLLY_OUT: {
        // Along the line to the subject, so the subject holds its place
        // in frame while it grows or shrinks around it.
        Vec3 to = v3_sub(target, v.position);
        double dist_m = v3_len(to);
        bool in = shot->move == DIRECT_MOVE_DOLLY_IN;
        path.dir = v3_scale(to, (in ? 1.0 : -1.0) / dist_m);
        full = in ? dist_m * (1.0 - 1.0 / growth) : dist_m * (growth - 1.0);
        path.step = path_step(full, 1.0);
        v.position = path_at(&path, clear_travel(&path, e * full));
        break;
    }
    case DIRECT_MOVE_DOLLY_ZOOM: {
        // Along the lens axis, the focal length following the distance
        // to the subject's plane: everything in that plane keeps its size
        // and place in frame, and only depth changes.
        double z_m = v3_dot(v3_sub(target, v.position), v.forward);
        path.dir = v.forward;
        full = dolly_zoom_travel(z_m, v.focal_mm, growth, amount >= 0.0);
        path.step = path_step(full, 1.0);
        double a = clear_travel(&path, e * full);
        v.position = path_at(&path, a);
        v.focal_mm *= (z_m - a) / z_m;
        break;
    }
    case DIRECT_MOVE_TRUCK:
    case DIRECT_MOVE_PEDESTAL:
    case DIRECT_MOVE_CRANE_UP:
    case DIRECT_MOVE_CRANE_DOWN: {
        // Truck along the level right; the others straight up or down.
        if (shot->move == DIRECT_MOVE_TRUCK) {
            path.dir = camera_flat_dir(v.right, v3(1, 0, 0));
            full = TRUCK_M * sense(amount);
        } else if (shot->move == DIRECT_MOVE_PEDESTAL) {
            full = PEDESTAL_M * sense(amount);
        } else {
            full = shot->move == DIRECT_MOVE_CRANE_UP ? CRANE_M : -CRANE_M;
        }
        full *= speed;
        path.step = path_step(full, 1.0);
        v.position = path_at(&path, clear_travel(&path, e * full));
        if (shot->move == DIRECT_MOVE_CRANE_UP ||
            shot->move == DIRECT_MOVE_CRANE_DOWN)
            reaim(&v, view, target);
        break;
    }
    case DIRECT_MOVE_ORBIT: {
        // The whole camera turns about the vertical through the subject,
        // so the subject keeps its place in frame; positive travels
        // toward the camera's right.
        path.orbit = true;
        path.centre = target;
        full = speed * amount_deg(amount, ORBIT_DEG) * CAMERA_DEG_RAD;
        Vec3 arm = v3_sub(v.position, target);
        path.step = path_step(full, hypot(arm.x, arm.z));
        double a = clear_travel(&path, e * full);
        v.position = path_at(&path, a);
        turn(&v, world_up, a);
        break;
    }
    case DIRECT_MOVE_STATIC:
    case DIRECT_MOVE_FOLLOW:
    case DIRECT_MOVE_HANDHELD:
    case DIRECT_MOVE_COUNT:
        break;
    }
    *view = v;
    return AU_OK;
}

AuStatus camera_apply_move(const Production *prod, size_t shot_index,
                           const Scene *scene, double t_s, uint64_t seed,
                           CameraView *view)
{
    AuStatus st = apply_main(prod, shot_index, scene, t_s, seed, view);
    if (st != AU_OK)
        return st;
    const DirectShot *shot = &prod->shots[shot_index];
    // Handheld on top of another move shakes the moving camera.
    if (shot->handheld && shot->move != DIRECT_MOVE_HANDHELD) {
        double speed = shot->move_speed > 0.0 ? shot->move_speed : 1.0;
        shake(view, seed, shot_index, t_s, speed);
    }
    return st;
}
