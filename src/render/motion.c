/* render/motion.c: the camera over time, for trace.c: the view at a time
 * inside the shutter (camera motion blur) and where a point seen now was
 * on the previous frame's film (the motion-vector pass). */
#include "render_internal.h"

void render_view_lerp(const CameraView *open, const CameraView *close, double t,
                      CameraView *out)
{
    *out = *open;
    out->position = v3_lerp(open->position, close->position, t);
    // Lerped axes renormalised: the shutter is short, so the turn between
    // the two views is small and this is as good as a slerp.
    Vec3 fwd = v3_norm(v3_lerp(open->forward, close->forward, t));
    Vec3 up = v3_lerp(open->up, close->up, t);
    out->forward = fwd;
    out->right = v3_norm(v3_cross(fwd, up));
    out->up = v3_cross(out->right, fwd);
    out->focal_mm = open->focal_mm + (close->focal_mm - open->focal_mm) * t;
    out->focus_m = open->focus_m + (close->focus_m - open->focus_m) * t;
}

void render_motion_vector(const CameraView *prev, Vec3 p, bool at_infinity,
                          double x_px, double y_px, int width, int height,
                          float out[2])
{
    out[0] = out[1] = 0.0f;
    // A direction to the sky moves with the camera's turn only.
    Vec3 q = at_infinity ? v3_add(prev->position, p) : p;
    double x, y;
    if (!camera_project(prev, q, &x, &y))
        return;
    out[0] = (float)(x * width - x_px);
    out[1] = (float)(y * height - y_px);
}

// The solved view moved and focused for time @p t_s, or false.
static bool view_at(const Production *prod, size_t shot, const Scene *scene,
                    const CameraView *solved, double t_s, uint64_t seed,
                    CameraView *out)
{
    *out = *solved;
    return camera_apply_move(prod, shot, scene, t_s, seed, out) == AU_OK &&
           camera_focus(prod, shot, scene, t_s, out) == AU_OK;
}

void render_motion_views(const Production *prod, size_t shot,
                         const Scene *scene, const CameraView *solved,
                         double t_s, double fps, double shutter_deg,
                         uint64_t seed, CameraView *close, CameraView *prev,
                         RenderMotion *out)
{
    out->view_close = out->view_prev = NULL;
    if (!(fps > 0.0))
        return;
    double open_s = shutter_deg / 360.0 / fps;
    if (open_s > 0.0 &&
        view_at(prod, shot, scene, solved, t_s + open_s, seed, close))
        out->view_close = close;
    // The shot's first frame has no previous one: a cut has no motion.
    double t_prev = t_s - 1.0 / fps;
    if (view_at(prod, shot, scene, solved, t_prev > 0.0 ? t_prev : 0.0, seed,
                prev))
        out->view_prev = prev;
}
