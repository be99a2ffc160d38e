/* camera/camera_internal.h: what the files of camera/ share among
 * themselves (views, the body model, the fit, the rows of a shot size, the
 * kinds of shot). Private to camera/; the stage's interface is camera.h. */
#ifndef AU_CAMERA_INTERNAL_H
#define AU_CAMERA_INTERNAL_H

#include "camera.h"

/* ---- views (view.c) ------------------------------------------------- */

/** Points @p v from @p eye at @p target with the world's +y as up, then
 * rolls it by @p roll_rad about the lens axis (positive turns the camera
 * clockwise as its operator sees it, so the horizon rises to frame
 * right). Focal length and sensor are left as they are. */
void camera_view_look(CameraView *v, Vec3 eye, Vec3 target, double roll_rad);

/** The unit vector of @p d on the ground plane, or @p fallback when @p d
 * is vertical. */
Vec3 camera_flat_dir(Vec3 d, Vec3 fallback);

/* ---- the body model (body.c) ---------------------------------------- */

/** A part of a body for framing: centre @p p and radius @p r_m. Across
 * the frame a part can be narrower than its radius: a torso seen from the
 * side. When @p front is non-zero (a unit vector on the ground, the way
 * the body faces) the part's horizontal section is an ellipse @p side_m
 * across the body and @p front_m along @p front, and its silhouette is
 * measured on that. A radius of 0 makes it a plain point. */
typedef struct CameraFitPoint {
    Vec3 p;
    double r_m;
    Vec3 front;
    double side_m;
    double front_m;
} CameraFitPoint;

/** Parts per figure returned by camera_body_spheres. */
#define CAMERA_BODY_SPHERES 26

/** Fills @p out (CAMERA_BODY_SPHERES entries) with the parts that cover
 * figure @p f's rest skeleton, head to feet, a little generously. */
void camera_body_spheres(const WorldFigure *f, CameraFitPoint *out);

/** The middle of the palm of @p f's left (@p side 0) or right (1) hand. */
Vec3 camera_body_palm(const WorldFigure *f, int side);

/** The height of @p f's head, head top to chin, in metres. */
double camera_body_head_m(const WorldFigure *f);

/** The height of the floor under @p f (its head top less its height). */
double camera_body_floor_y(const WorldFigure *f);

/** True when @p p lies outside every part of @p f (taken as a sphere of
 * its radius) by @p margin_m. */
bool camera_body_clear(const WorldFigure *f, Vec3 p, double margin_m);

/* ---- fitting (fit.c) ------------------------------------------------ */

/** How the camera and its aim move sideways while a rig is fitted. */
typedef enum CameraRigSide {
    CAMERA_RIG_TRUCK, /**< the camera moves sideways with its aim */
    CAMERA_RIG_PAN,   /**< the camera stays on its line, the aim moves */
    CAMERA_RIG_FREE   /**< each has its own parameter */
} CameraRigSide;

/** How a camera may move while it is fitted. The parameters are
 * q[0] = log of the horizontal distance from @p base along @p toward,
 * q[1] = height of the aim point, q[2] = the aim point's offset along
 * @p side, and with CAMERA_RIG_FREE q[3] = the camera's own offset along
 * @p side. */
typedef struct CameraRig {
    CameraView lens; /**< focal length and sensor; the pose is solved */
    Vec3 base;       /**< a point on the ground the shot is built on */
    Vec3 toward;     /**< unit, on the ground: from base to the camera */
    Vec3 side;       /**< unit, on the ground: the level frame's right */
    bool level;      /**< the camera height is cam_y_m, its pitch free */
    double cam_y_m;
    double pitch_rad; /**< when not level: fixed pitch, positive up */
    double roll_rad;
    CameraRigSide sideways;
} CameraRig;

/** What a framing term measures on its points, in frame units (x and y
 * in [0, 1], y down). Vertical terms take the top or bottom of each
 * part's silhouette; horizontal ones its sides, as much of it as the
 * frame's top and bottom edges leave in frame, so a body part out of
 * frame vertically does not count. Plain points count as themselves. */
typedef enum CameraTermKind {
    CAMERA_TERM_TOP,    /**< the highest point's y */
    CAMERA_TERM_BOTTOM, /**< the lowest point's y */
    CAMERA_TERM_LEFT,   /**< the leftmost silhouette edge's x */
    CAMERA_TERM_RIGHT,  /**< the rightmost silhouette edge's x */
    CAMERA_TERM_MID_X   /**< the middle of the two */
} CameraTermKind;

/** One framing requirement: what @p kind measures on the points should
 * equal @p target, and may miss it by @p limit at most. The points are
 * borrowed. */
typedef struct CameraTerm {
    CameraTermKind kind;
    const CameraFitPoint *pts;
    size_t count;
    double target;
    double limit;
} CameraTerm;

/** The most parameters a fit has, and the most terms. */
#define CAMERA_FIT_MAX   4
#define CAMERA_TERMS_MAX 6

/** The view rig @p rig gives for parameters @p q. */
void camera_rig_view(const CameraRig *rig, const double *q, CameraView *out);

/** Measures term @p t through @p v into *out; false when a point is
 * behind the camera or no part of the points is in frame. */
bool camera_term_measure(const CameraView *v, const CameraTerm *t, double *out);

/** Fits the parameters of @p rig (3, or 4 when CAMERA_RIG_FREE) to the
 * @p n terms (at least as many) by Gauss-Newton on the projected
 * skeleton, each term weighted by the inverse of its limit, so that when
 * perspective makes the terms disagree the misses are shared in
 * proportion to what each may miss. @p q holds the starting parameters
 * and receives the solution; @p scale_m is the size of the frame at the
 * subject, for step sizes. AU_EINVAL when a term misses by more than its
 * limit. */
AuStatus camera_fit_solve(const CameraRig *rig, const CameraTerm *terms,
                          size_t n, double scale_m, double *q);

/* ---- framing (framing.c) -------------------------------------------- */

/** Degrees to radians. */
#define CAMERA_DEG_RAD (BASE_PI / 180.0)
/** Look room: how far from the centre the eyes sit, in frame widths. */
#define CAMERA_LOOK_ROOM (1.0 / 6.0)
/** How far a placement that can always be met may miss, in frame units. */
#define CAMERA_PLACE_LIMIT 0.01
/** Two-shots and groups keep everyone this far inside the side edges. */
#define CAMERA_SIDE_MARGIN 0.05
/** The steepest low or high angle and the largest roll, in degrees;
 * beyond, a shot should ask for overhead. */
#define CAMERA_ANGLE_MAX_DEG 80.0
/** Most characters a group shot frames (the solver keeps no heap). */
#define CAMERA_GROUP_MAX 32

/** One shot being framed: what is known before the camera is placed. */
typedef struct CameraJob {
    const Scene *scene;
    DirectShotSize size;
    CameraView lens;   /**< focal length and sensor of the shot */
    double tan_half_v; /**< tangent of half the vertical field of view */
    DirectAngle angle;
    double angle_rad; /**< pitch of low and high, roll of dutch */
} CameraJob;

/** The vertical terms of a shot size on one or more figures, and the
 * storage for their points. */
typedef struct CameraRows {
    CameraFitPoint tops[CAMERA_GROUP_MAX], eyes[CAMERA_GROUP_MAX];
    CameraFitPoint bottoms[4];
    CameraTerm terms[3]; /**< the rows, measured on the tallest figure */
    size_t count;
    CameraTerm anchor; /**< the anchor row on the highest of them all */
    size_t ref;        /**< the tallest figure, whose rows these are */
    size_t bottom_count;
    double frame_m;    /**< the frame height the size needs there */
    double anchor_y_m; /**< the highest anchor point */
    double eye_y_m;    /**< the figures' mean eye height */
} CameraRows;

/** A plain point for a term. */
CameraFitPoint camera_fit_point(Vec3 p);

/** Fills @p out with the rows of @p job's size on @p figs (1 to
 * CAMERA_GROUP_MAX): the top of the extent on its row, the eyes on the
 * upper third (MCU and tighter), the bottom of the extent on its row, all
 * measured on the tallest. The points are stored in @p out, so it must
 * outlive the terms. */
void camera_rows_fill(const CameraJob *job, const WorldFigure *const *figs,
                      size_t n, CameraRows *out);

/** False when perspective through @p v distorts the rows beyond what they
 * mean: their nearest point less than half as far as their farthest. */
bool camera_rows_in_depth(const CameraRows *rows, const CameraView *v);

/** The frame height in metres shot size @p size needs on @p f. */
double camera_size_frame_m(const WorldFigure *f, DirectShotSize size);

/** Sets up @p rig for @p job from the @p toward side of @p base: level at
 * @p eye_y_m, or pitched or rolled as the shot's angle says. */
void camera_rig_init(const CameraJob *job, CameraRig *rig, Vec3 base,
                     Vec3 toward, double eye_y_m);

/** Starting parameters for a fit of @p rows: the distance the lens needs
 * for the size's frame height, the anchor on its row, no offset. */
void camera_rig_guess(const CameraJob *job, const CameraRows *rows, double *q);

/** The right of a level camera looking back along @p toward. */
Vec3 camera_level_right(Vec3 toward);

/** A single's view of @p f from three-quarters: the unit direction on the
 * ground from the subject to the camera. */
Vec3 camera_three_quarter(const WorldFigure *f);

/** True when a camera at @p c stands clear of everyone in @p scene (but
 * @p own, a POV's subject, who may be NULL): 2 cm outside the spheres of
 * their bodies, more than CAMERA_MIN_EYE_DIST_M from their eyes, and 5 cm
 * above the floor under each of them. */
bool camera_position_clear(const Scene *scene, Vec3 c, const WorldFigure *own);

/** The partner of @p shot on subject @p s: the one named, else the
 * character nearest @p s; NULL when the named one is the subject, is not
 * in the scene, or no one else is. */
const WorldFigure *camera_shot_partner(const Scene *scene,
                                       const DirectShot *shot,
                                       const WorldFigure *s);

/* ---- the kinds of shot (single.c, coverage.c) ------------------------ */

/** Each frames @p job into *out: AU_OK, or AU_EINVAL when the shot
 * cannot be framed by docs/cinematography.md's rules. @p s is the
 * subject, @p p the partner (NULL for a POV along the subject's facing). */
AuStatus camera_frame_single(const CameraJob *job, const WorldFigure *s,
                             CameraView *out);
AuStatus camera_frame_insert(const CameraJob *job, const WorldFigure *s,
                             const DirectShot *shot, CameraView *out);

/** The scene's 180-degree line on the ground, through its first two
 * characters; false when it has fewer than two. */
bool camera_scene_line(const Scene *scene, Vec3 *a, Vec3 *b);

/** Mirrors @p v across the vertical plane through the line a-b: the same
 * framing seen from the other side of the line. */
void camera_view_mirror(CameraView *v, Vec3 a, Vec3 b);

/** The prop an insert shot frames: the one its words name (plurals too),
 * the subject's own first; with no words, what the subject holds. NULL
 * when the scene has none. */
const WorldProp *camera_insert_prop(const Scene *scene, const DirectShot *shot);
void camera_frame_pov(const CameraJob *job, const WorldFigure *s,
                      const WorldFigure *p, CameraView *out);
AuStatus camera_frame_group(const CameraJob *job, CameraView *out);
AuStatus camera_frame_two_shot(const CameraJob *job, const WorldFigure *s,
                               const WorldFigure *p, CameraView *out);
AuStatus camera_frame_ots(const CameraJob *job, const WorldFigure *s,
                          const WorldFigure *p, CameraView *out);

/** Straight down over @p centre, the frame's top toward @p up_dir (a unit
 * vector on the ground): the frame spans @p frame_m at height @p plane_y_m,
 * and the camera rises further until each of the @p n parts in @p pts is
 * inside the side margins. */
void camera_frame_overhead(const CameraJob *job, Vec3 centre, Vec3 up_dir,
                           double frame_m, double plane_y_m,
                           const CameraFitPoint *pts, size_t n,
                           CameraView *out);

#endif
