/* camera: the fourth stage. Solves where the camera stands and looks for
 * a shot, from the characters' skeletons, the lens and the sensor. */
#ifndef AU_CAMERA_H
#define AU_CAMERA_H

#include "../base/base.h"
#include "../direct/direct.h"
#include "../world/world.h"

/** Sensor widths in millimetres; the height follows the frame's aspect
 * ratio. Super 35 is the default. */
#define CAMERA_SUPER35_WIDTH_MM    24.89
#define CAMERA_FULL_FRAME_WIDTH_MM 36.0
#define CAMERA_65MM_WIDTH_MM       54.12

/** The focal lengths the solver accepts, in millimetres. */
#define CAMERA_LENS_MIN_MM 12.0
#define CAMERA_LENS_MAX_MM 300.0

/** The f-stops a lens can have, and the blades of auteur's iris. */
#define CAMERA_F_STOP_MIN 0.7
#define CAMERA_F_STOP_MAX 64.0
#define CAMERA_BLADES     9

/** The low, high and dutch angle when the shot gives none, in degrees. */
#define CAMERA_ANGLE_DEFAULT_DEG 15.0

/** The camera never comes closer than this to anyone's eyes (a POV shot's
 * own subject aside), in metres. */
#define CAMERA_MIN_EYE_DIST_M 0.15

/** A camera in world space: an orthonormal basis, a focal length and the
 * sensor size, which together give the field of view, and the aperture
 * and focus distance of a thin lens (f_stop 0: a pinhole). */
typedef struct CameraView {
    Vec3 position;
    Vec3 forward; /**< unit, where the lens points */
    Vec3 up;      /**< unit, orthogonal to forward */
    Vec3 right;   /**< unit, forward x up */
    double focal_mm;
    double sensor_w_mm;
    double sensor_h_mm;
    double f_stop;  /**< aperture; 0 = a pinhole, everything sharp */
    double focus_m; /**< distance to the plane in focus along forward */
    int blades;     /**< aperture blades for bokeh, 0 = round */
} CameraView;

/** Frames shot @p shot_index of @p prod in @p scene for a frame of
 * @p aspect (width / height) on a sensor @p sensor_w_mm wide, by the
 * rules of docs/cinematography.md: the extent the shot size names fills
 * the frame height (the eyes on the upper third line for MCU and
 * tighter), the face has look room, and the kind (single, group,
 * two-shot, over the shoulder, POV, insert) and angle (eye level, low,
 * high, overhead, dutch) place and turn the camera. Every term is
 * measured on the characters' projected skeletons. Fails with AU_EINVAL,
 * leaving *out untouched, when the subject or partner is not in the
 * scene, the lens is outside CAMERA_LENS_MIN_MM..CAMERA_LENS_MAX_MM, an
 * argument is out of range, or the lens, sensor and size cannot be met
 * without the camera standing inside a character, within
 * CAMERA_MIN_EYE_DIST_M of their eyes or under the floor. */
AuStatus camera_solve_sensor(const Production *prod, size_t shot_index,
                             const Scene *scene, double aspect,
                             double sensor_w_mm, CameraView *out);

/** camera_solve_sensor on a Super 35 sensor (CAMERA_SUPER35_WIDTH_MM). */
AuStatus camera_solve(const Production *prod, size_t shot_index,
                      const Scene *scene, double aspect, CameraView *out);

/** Moves the framing @p view that camera_solve gave for shot
 * @p shot_index at @p t_s seconds into the shot (with @p scene posed at
 * that time) by the shot's camera move, eased in and out over its
 * duration_s by docs/cinematography.md's rules: pan, tilt, dolly in and
 * out, truck, pedestal, crane, orbit, zoom and dolly zoom turn, carry or
 * refocus the planned camera by the move's amount (its default when the
 * note gives none) scaled by move_speed; at t_s = 0 the view is left as
 * solved, so the cut lands on the planned composition. Static and follow
 * leave the view untouched. Handheld adds a shake derived from @p seed
 * and the shot alone, the same on every render. Travel stops short of
 * anyone's body and of the floor. Fails with AU_EINVAL, leaving *view
 * untouched, when an argument is NULL, the shot index or move is out of
 * range, or @p t_s or an amount is not finite. */
AuStatus camera_apply_move(const Production *prod, size_t shot_index,
                           const Scene *scene, double t_s, uint64_t seed,
                           CameraView *view);

/** Sets the thin lens of @p view (already solved and moved for shot
 * @p shot_index at @p t_s seconds, with @p scene posed then) the way a
 * focus puller would: the shot's f-stop, CAMERA_BLADES blades, and the
 * focus distance on the near eye of the shot's focus target (the subject
 * by default; the nearest face of a group; the partner a POV looks at;
 * the prop or hand of an insert). A rack focus pulls from its first
 * target to the second over the middle of the shot, at most 1.5 s, even
 * in dioptres. Fails with AU_EINVAL, leaving *view untouched, for a NULL
 * argument, a bad shot index, a t_s that is not finite or an f-stop
 * outside CAMERA_F_STOP_MIN..CAMERA_F_STOP_MAX. */
AuStatus camera_focus(const Production *prod, size_t shot_index,
                      const Scene *scene, double t_s, CameraView *view);

/** Vertical field of view of @p view, in radians. */
double camera_vfov_rad(const CameraView *view);

/** Projects world point @p p into normalised frame coordinates: x and y
 * in [0, 1] across the frame, y down from the top. Returns false when the
 * point is behind the camera. */
bool camera_project(const CameraView *view, Vec3 p, double *x, double *y);

/** `auteur lint`: checks every director's shot of @p prod and the cuts
 * into and out of it, reporting each problem to @p diag as a warning with
 * its line:col, what is wrong, why it matters and a fix (codes
 * lint-impossible, lint-impossible-move, lint-crossing,
 * lint-screen-direction, lint-jump-cut, lint-headroom, lint-tangent,
 * lint-joint-cut). *problems gets the number reported.
 * AU_ENOMEM on failure. */
AuStatus camera_lint(const AuAllocator *alloc, BaseDiag *diag,
                     const Production *prod, uint64_t seed, size_t *problems);

/** A correction `auteur lint --fix` makes to one of the director's shots:
 * the shot as it should be written. */
typedef struct CameraLintFix {
    size_t shot; /**< index into Production.shots */
    DirectShot fixed;
} CameraLintFix;

/** camera_lint, and for each director's shot with a problem the nearest
 * change that leaves fewer problems around it (another lens, a size a
 * step or two away, the other side of the line, eye level, a slower move
 * or none), each tried by the same checks. *fixes (allocated through
 * @p alloc, the caller frees it with base_free) gets *fix_count of them,
 * in shot order. AU_ENOMEM on failure. */
AuStatus camera_lint_fix(const AuAllocator *alloc, BaseDiag *diag,
                         const Production *prod, uint64_t seed,
                         size_t *problems, CameraLintFix **fixes,
                         size_t *fix_count);

#endif
