/* camera/framing.c: the framing solver. Places the camera for a shot from
 * the subject's skeleton, the lens and the sensor, then checks the result by
 * projecting the skeleton and correcting the distance until the extent the
 * shot size names fills the frame as a camera operator would frame it. */
#include "camera.h"

double camera_vfov_rad(const CameraView *view)
{
    return 2.0 * atan(view->sensor_h_mm / (2.0 * view->focal_mm));
}

bool camera_project(const CameraView *view, Vec3 p, double *x, double *y)
{
    Vec3 rel = v3_sub(p, view->position);
    double z = v3_dot(rel, view->forward);
    if (z <= 1e-6)
        return false;
    double sx = v3_dot(rel, view->right) / z * view->focal_mm;
    double sy = v3_dot(rel, view->up) / z * view->focal_mm;
    *x = 0.5 + sx / view->sensor_w_mm;
    *y = 0.5 - sy / view->sensor_h_mm;
    return true;
}

static void look_at(CameraView *v, Vec3 eye, Vec3 target)
{
    v->position = eye;
    v->forward = v3_norm(v3_sub(target, eye));
    Vec3 world_up = v3(0, 1, 0);
    v->right = v3_norm(v3_cross(v->forward, world_up));
    v->up = v3_cross(v->right, v->forward);
}

// The fraction of frame height above the head in a medium shot, and below
// the waist line: the head sits close to the top, the waist just out.
#define MS_HEADROOM 0.07
#define MS_FOOTROOM 0.03

static void frame_medium(CameraView *v, const WorldFigure *f)
{
    Vec3 top = f->joints[WORLD_JOINT_HEAD_TOP];
    Vec3 waist = f->joints[WORLD_JOINT_WAIST];
    Vec3 eyes = f->joints[WORLD_JOINT_EYES];
    double extent_m = top.y - waist.y;
    double want = 1.0 - MS_HEADROOM - MS_FOOTROOM;

    // A three-quarter view: between where the face points and the
    // audience side, so the face reads and the other actor is out of frame.
    Vec3 facing = v3_norm(v3(f->facing.x, 0, f->facing.z));
    Vec3 toward = v3_norm(v3_add(facing, v3(0, 0, 1)));
    if (v3_len(v3_add(facing, v3(0, 0, 1))) < 1e-3)
        toward = facing;
    toward = v3_norm(v3_lerp(facing, toward, 0.6));

    double vfov = camera_vfov_rad(v);
    double dist = extent_m / want / (2.0 * tan(vfov / 2.0));
    Vec3 base = v3(waist.x, 0, waist.z);
    // Start by aiming at the middle of the wanted extent (head top plus
    // headroom down to the waist less footroom); perspective and the
    // downward tilt shift it a little, which the loop measures and corrects.
    double frame_m = extent_m / want;
    double aim_y =
        (top.y + frame_m * MS_HEADROOM + waist.y - frame_m * MS_FOOTROOM) * 0.5;
    double want_mid = (MS_HEADROOM + 1.0 - MS_FOOTROOM) * 0.5;
    for (int iter = 0; iter < 12; iter++) {
        Vec3 eye = v3_add(base, v3_scale(toward, dist));
        eye.y = eyes.y;
        look_at(v, eye, v3(waist.x, aim_y, waist.z));
        double xt, yt, xb, yb;
        if (!camera_project(v, top, &xt, &yt) ||
            !camera_project(v, waist, &xb, &yb))
            break;
        double span = yb - yt;
        if (span <= 0)
            break;
        aim_y -= ((yt + yb) * 0.5 - want_mid) * extent_m / span;
        dist *= span / want;
    }
}

// Every point that must be in a wide shot: the skeleton of each figure,
// widened by the shoulders so arms are not cut.
static size_t wide_points(const Scene *scene, Vec3 *pts, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < scene->figure_count; i++) {
        const WorldFigure *f = &scene->figures[i];
        double r = f->look.shoulder_m * 0.6;
        for (int j = 0; j < WORLD_JOINT_COUNT && n + 2 < cap; j++) {
            pts[n++] = v3_add(f->joints[j], v3(r, 0, 0));
            pts[n++] = v3_add(f->joints[j], v3(-r, 0, 0));
        }
        Vec3 top = f->joints[WORLD_JOINT_HEAD_TOP];
        if (n < cap)
            pts[n++] = v3(top.x, top.y, top.z);
        if (n < cap)
            pts[n++] = v3(top.x, 0.0, top.z);
    }
    return n;
}

// The fraction of the frame the group may fill: room around everyone.
#define WS_FILL_H 0.62
#define WS_FILL_W 0.70

static void frame_wide(CameraView *v, const Scene *scene)
{
    Vec3 pts[WORLD_JOINT_COUNT * 2 * 16 + 32];
    size_t n = wide_points(scene, pts, BASE_ARRAY_LEN(pts));
    Vec3 center = scene->stage_center;
    double eye_h = 1.55;
    if (n == 0) {
        look_at(v, v3(center.x, eye_h, center.z + 8.0),
                v3(center.x, 1.0, center.z));
        return;
    }
    double lo = 1e9, hi = -1e9;
    for (size_t i = 0; i < n; i++) {
        lo = pts[i].y < lo ? pts[i].y : lo;
        hi = pts[i].y > hi ? pts[i].y : hi;
    }
    // Slightly off the axis, as a wide rarely sits dead centre.
    Vec3 toward = v3_norm(v3(0.25, 0, 1));
    double dist = 6.0;
    double aim_y = (lo + hi) * 0.5;
    for (int iter = 0; iter < 8; iter++) {
        Vec3 eye = v3_add(center, v3_scale(toward, dist));
        eye.y = eye_h;
        look_at(v, eye, v3(center.x, aim_y, center.z));
        double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
        bool ok = true;
        for (size_t i = 0; i < n; i++) {
            double x, y;
            if (!camera_project(v, pts[i], &x, &y)) {
                ok = false;
                break;
            }
            x0 = x < x0 ? x : x0;
            x1 = x > x1 ? x : x1;
            y0 = y < y0 ? y : y0;
            y1 = y > y1 ? y : y1;
        }
        if (!ok) {
            dist *= 2.0;
            continue;
        }
        double scale_h = (y1 - y0) / WS_FILL_H;
        double scale_w = (x1 - x0) / WS_FILL_W;
        dist *= scale_h > scale_w ? scale_h : scale_w;
    }
}

AuStatus camera_solve(const Production *prod, size_t shot_index,
                      const Scene *scene, double aspect, CameraView *out)
{
    if (shot_index >= prod->shot_count || !(aspect > 0.0))
        return AU_EINVAL;
    const DirectShot *shot = &prod->shots[shot_index];
    CameraView v = { 0 };
    v.focal_mm = shot->lens_mm;
    v.sensor_w_mm = CAMERA_SUPER35_WIDTH_MM;
    v.sensor_h_mm = CAMERA_SUPER35_WIDTH_MM / aspect;
    if (shot->subject == SIZE_MAX) {
        frame_wide(&v, scene);
    } else {
        const WorldFigure *f = world_find_figure(scene, shot->subject);
        if (!f)
            return AU_EINVAL;
        frame_medium(&v, f);
    }
    *out = v;
    return AU_OK;
}
