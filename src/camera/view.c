/* camera/view.c: the pinhole camera itself, shared by the framing solver
 * and render/: field of view, projection of world points into the frame,
 * aiming and rolling a view. */
#include "camera_internal.h"

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

Vec3 camera_flat_dir(Vec3 d, Vec3 fallback)
{
    Vec3 f = v3(d.x, 0.0, d.z);
    return v3_len(f) > 1e-9 ? v3_norm(f) : fallback;
}

void camera_view_look(CameraView *v, Vec3 eye, Vec3 target, double roll_rad)
{
    v->position = eye;
    v->forward = v3_norm(v3_sub(target, eye));
    Vec3 right = v3_cross(v->forward, v3(0, 1, 0));
    // Looking straight up or down the world's up says nothing about the
    // frame's; any level right will do for callers that never ask it.
    if (v3_len(right) < 1e-9)
        right = v3(1, 0, 0);
    right = v3_norm(right);
    Vec3 up = v3_cross(right, v->forward);
    double c = cos(roll_rad), s = sin(roll_rad);
    v->up = v3_add(v3_scale(up, c), v3_scale(right, s));
    v->right = v3_sub(v3_scale(right, c), v3_scale(up, s));
}
