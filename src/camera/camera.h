/* camera: the fourth stage. Solves where the camera stands and looks for
 * a shot, from the characters' skeletons, the lens and the sensor. */
#ifndef AU_CAMERA_H
#define AU_CAMERA_H

#include "../base/base.h"
#include "../direct/direct.h"
#include "../world/world.h"

/** Super 35 sensor width in millimetres; the height follows the frame's
 * aspect ratio. */
#define CAMERA_SUPER35_WIDTH_MM 24.89

/** A pinhole camera in world space: an orthonormal basis, a focal length
 * and the sensor size, which together give the field of view. */
typedef struct CameraView {
    Vec3 position;
    Vec3 forward; /**< unit, where the lens points */
    Vec3 up;      /**< unit, orthogonal to forward */
    Vec3 right;   /**< unit, forward x up */
    double focal_mm;
    double sensor_w_mm;
    double sensor_h_mm;
} CameraView;

/** Frames shot @p shot_index of @p prod in @p scene for a frame of
 * @p aspect (width / height). A medium shot puts the subject's head top
 * near the top of frame and the waist at the bottom, at eye level; a wide
 * shot holds everyone head to feet. Fails with AU_EINVAL when the shot's
 * subject is not in the scene. */
AuStatus camera_solve(const Production *prod, size_t shot_index,
                      const Scene *scene, double aspect, CameraView *out);

/** Vertical field of view of @p view, in radians. */
double camera_vfov_rad(const CameraView *view);

/** Projects world point @p p into normalised frame coordinates: x and y
 * in [0, 1] across the frame, y down from the top. Returns false when the
 * point is behind the camera. */
bool camera_project(const CameraView *view, Vec3 p, double *x, double *y);

#endif
