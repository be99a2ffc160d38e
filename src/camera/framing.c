/* camera/framing.c: the framing solver's entry point and rulebook: shot
 * sizes as rows on the skeleton (docs/cinematography.md), the rig, and the
 * refusals; single.c and coverage.c frame the kinds of shot. */
#include <string.h>

#include "camera_internal.h"

// What a size puts on its top line: the head top, or (MCU and tighter)
// the eyes, which sit on the upper third line.
typedef enum SizeAnchor {
    ANCHOR_HEAD,
    ANCHOR_EYES
} SizeAnchor;

// The body point on a size's bottom line.
typedef enum SizeBottom {
    BOTTOM_CHIN,
    BOTTOM_UPPER_CHEST, // halfway from the neck joint to the chest joint
    BOTTOM_CHEST,
    BOTTOM_WAIST,
    BOTTOM_MID_THIGH, // halfway from the hips to the knees
    BOTTOM_SOLES      // the floor under the ankles and toes
} SizeBottom;

// Frame rows (0 top, 1 bottom) of a size's anchor and bottom point.
typedef struct SizeRule {
    SizeAnchor anchor;
    double top_y;
    SizeBottom bottom;
    double bottom_y;
} SizeRule;

static const SizeRule size_rules[DIRECT_SHOT_SIZE_COUNT] = {
    [DIRECT_SHOT_ECU] = { ANCHOR_EYES, 1.0 / 3.0, BOTTOM_CHIN, 1.0 },
    [DIRECT_SHOT_CU] = { ANCHOR_EYES, 1.0 / 3.0, BOTTOM_UPPER_CHEST, 1.0 },
    [DIRECT_SHOT_MCU] = { ANCHOR_EYES, 1.0 / 3.0, BOTTOM_CHEST, 1.0 },
    [DIRECT_SHOT_MS] = { ANCHOR_HEAD, 0.07, BOTTOM_WAIST, 0.97 },
    [DIRECT_SHOT_MLS] = { ANCHOR_HEAD, 0.07, BOTTOM_MID_THIGH, 1.0 },
    [DIRECT_SHOT_FS] = { ANCHOR_HEAD, 0.07, BOTTOM_SOLES, 0.95 },
    [DIRECT_SHOT_WS] = { ANCHOR_HEAD, 0.30, BOTTOM_SOLES, 0.70 },
    // A tenth of the frame, standing on the lower third line.
    [DIRECT_SHOT_EWS] = { ANCHOR_HEAD, 17.0 / 30.0, BOTTOM_SOLES, 2.0 / 3.0 },
};

// How far, in frame heights, a size's rows may miss their places when a
// close, wide lens's perspective makes them disagree; the fit shares the
// misses by these.
#define ROW_LIMIT_TOP    0.03
#define ROW_LIMIT_EYES   0.03
#define ROW_LIMIT_BOTTOM 0.05

// Perspective that distorts a size beyond what its rows mean: the nearest
// of the size's landmarks (top, eyes, bottom) less than half as far from
// the lens as the farthest, as with a wide lens a hand's breadth away.
#define DEPTH_RATIO_MAX 2.0
// The camera keeps this clear of every body sphere and of the floor.
#define BODY_CLEAR_M  0.02
#define FLOOR_CLEAR_M 0.05

CameraFitPoint camera_fit_point(Vec3 p)
{
    CameraFitPoint f = { p, 0.0, { 0, 0, 0 }, 0.0, 0.0 };
    return f;
}

// A height on the figure taken on the vertical line through the eyes,
// the front of the face: near enough the front of the chest and waist
// too, so a camera looking up or down measures the body it sees rather
// than its spine.
static CameraFitPoint front(const WorldFigure *f, double y)
{
    Vec3 e = f->joints[WORLD_JOINT_EYES];
    return camera_fit_point(v3(e.x, y, e.z));
}

static size_t bottom_points(const WorldFigure *f, SizeBottom b,
                            CameraFitPoint *out)
{
    const Vec3 *j = f->joints;
    switch (b) {
    case BOTTOM_CHIN:
        out[0] = front(f, j[WORLD_JOINT_CHIN].y);
        return 1;
    case BOTTOM_UPPER_CHEST:
        out[0] =
            front(f, 0.5 * (j[WORLD_JOINT_NECK].y + j[WORLD_JOINT_CHEST].y));
        return 1;
    case BOTTOM_CHEST:
        out[0] = front(f, j[WORLD_JOINT_CHEST].y);
        return 1;
    case BOTTOM_WAIST:
        out[0] = front(f, j[WORLD_JOINT_WAIST].y);
        return 1;
    case BOTTOM_MID_THIGH:
        out[0] = front(
            f, 0.25 * (j[WORLD_JOINT_HIP_L].y + j[WORLD_JOINT_HIP_R].y +
                       j[WORLD_JOINT_KNEE_L].y + j[WORLD_JOINT_KNEE_R].y));
        return 1;
    case BOTTOM_SOLES:
        break;
    }
    // The shoe's sole lies on the floor from heel to toe; whichever end
    // is nearer the lens is lowest in frame, so all four points count.
    double floor_y = camera_body_floor_y(f);
    const WorldJoint feet[4] = { WORLD_JOINT_ANKLE_L, WORLD_JOINT_ANKLE_R,
                                 WORLD_JOINT_TOE_L, WORLD_JOINT_TOE_R };
    for (size_t i = 0; i < 4; i++)
        out[i] = camera_fit_point(v3(j[feet[i]].x, floor_y, j[feet[i]].z));
    return 4;
}

static Vec3 anchor_of(const WorldFigure *f, const SizeRule *r)
{
    return f->joints[r->anchor == ANCHOR_EYES ? WORLD_JOINT_EYES
                                              : WORLD_JOINT_HEAD_TOP];
}

// The height in metres the frame spans at the figure for size @p r.
static double frame_height_m(const WorldFigure *f, const SizeRule *r)
{
    CameraFitPoint b[4];
    size_t n = bottom_points(f, r->bottom, b);
    double low = b[0].p.y;
    for (size_t i = 1; i < n; i++)
        low = fmin(low, b[i].p.y);
    return (anchor_of(f, r).y - low) / (r->bottom_y - r->top_y);
}

// The highest point a size keeps in frame: the top of the head, as a
// sphere (0.46 of the head's height in radius) hanging from the head-top
// joint inside the hair's shell, so that a camera looking up or
// down meets its silhouette rather than the crown joint at the back; an
// extreme close-up's frame instead cuts across the forehead.
static CameraFitPoint top_point(const WorldFigure *f, const SizeRule *r)
{
    const Vec3 *j = f->joints;
    if (r->bottom == BOTTOM_CHIN)
        return front(f,
                     0.5 * (j[WORLD_JOINT_EYES].y + j[WORLD_JOINT_HEAD_TOP].y));
    double r_m = 0.46 * camera_body_head_m(f);
    CameraFitPoint s =
        camera_fit_point(v3_sub(j[WORLD_JOINT_HEAD_TOP], v3(0, r_m, 0)));
    s.r_m = s.side_m = s.front_m = r_m;
    return s;
}

double camera_size_frame_m(const WorldFigure *f, DirectShotSize size)
{
    return frame_height_m(f, &size_rules[size]);
}

// The rows of a size: the top point on its row, the eyes on theirs (MCU
// and tighter) and the bottom point on its row, measured on the tallest
// of @p figs; the top point's row is where it falls seen from afar.
void camera_rows_fill(const CameraJob *job, const WorldFigure *const *figs,
                      size_t n, CameraRows *out)
{
    const SizeRule *r = &size_rules[job->size];
    size_t ref = 0;
    out->frame_m = 0.0;
    out->anchor_y_m = -HUGE_VAL;
    out->eye_y_m = 0.0;
    for (size_t i = 0; i < n; i++) {
        const WorldFigure *f = figs[i];
        out->tops[i] = top_point(f, r);
        out->eyes[i] = camera_fit_point(f->joints[WORLD_JOINT_EYES]);
        double frame_m = frame_height_m(f, r);
        if (frame_m > out->frame_m) {
            out->frame_m = frame_m;
            ref = i;
        }
        out->anchor_y_m = fmax(out->anchor_y_m, anchor_of(f, r).y);
        out->eye_y_m += f->joints[WORLD_JOINT_EYES].y / (double)n;
    }
    const WorldFigure *f = figs[ref];
    CameraFitPoint *t = &out->tops[ref];
    double top_row =
        r->top_y - (t->p.y + t->r_m - anchor_of(f, r).y) / out->frame_m;
    CameraTerm top = { CAMERA_TERM_TOP, t, 1, top_row, ROW_LIMIT_TOP };
    CameraTerm eyes = { CAMERA_TERM_TOP, &out->eyes[ref], 1, r->top_y,
                        ROW_LIMIT_EYES };
    size_t nb = bottom_points(f, r->bottom, out->bottoms);
    out->ref = ref;
    out->bottom_count = nb;
    CameraTerm bottom = { CAMERA_TERM_BOTTOM, out->bottoms, nb, r->bottom_y,
                          ROW_LIMIT_BOTTOM };
    // Looking up, the top of the head recedes behind the brow; looking
    // down it comes forward. A tilted MCU or tighter holds the eyes and
    // the bottom line, and the headroom is what the tilt makes it.
    bool tilted =
        job->angle == DIRECT_ANGLE_LOW || job->angle == DIRECT_ANGLE_HIGH;
    out->count = 0;
    if (r->anchor == ANCHOR_HEAD || !tilted)
        out->terms[out->count++] = top;
    if (r->anchor == ANCHOR_EYES)
        out->terms[out->count++] = eyes;
    out->terms[out->count++] = bottom;
    out->anchor = r->anchor == ANCHOR_EYES ? eyes : top;
    out->anchor.pts = r->anchor == ANCHOR_EYES ? out->eyes : out->tops;
    out->anchor.count = n;
}

bool camera_rows_in_depth(const CameraRows *rows, const CameraView *v)
{
    const CameraFitPoint *pts[2 + 4] = { &rows->tops[rows->ref],
                                         &rows->eyes[rows->ref] };
    size_t n = 2;
    for (size_t i = 0; i < rows->bottom_count; i++)
        pts[n++] = &rows->bottoms[i];
    double near_m = HUGE_VAL, far_m = 0.0;
    for (size_t i = 0; i < n; i++) {
        double z = v3_dot(v3_sub(pts[i]->p, v->position), v->forward);
        near_m = fmin(near_m, z);
        far_m = fmax(far_m, z);
    }
    return near_m > 0.0 && far_m <= DEPTH_RATIO_MAX * near_m;
}

Vec3 camera_level_right(Vec3 toward)
{
    return v3(toward.z, 0.0, -toward.x);
}

// Between where the face points and the audience (+z), so the face reads
// three-quarter on.
Vec3 camera_three_quarter(const WorldFigure *f)
{
    Vec3 facing = camera_flat_dir(f->facing, v3(0, 0, 1));
    Vec3 open = v3_add(facing, v3(0, 0, 1));
    if (v3_len(open) < 1e-3)
        return facing;
    return v3_norm(v3_lerp(facing, v3_norm(open), 0.6));
}

void camera_rig_init(const CameraJob *job, CameraRig *rig, Vec3 base,
                     Vec3 toward, double eye_y_m)
{
    memset(rig, 0, sizeof(*rig));
    rig->lens = job->lens;
    rig->base = v3(base.x, 0.0, base.z);
    rig->toward = toward;
    rig->side = camera_level_right(toward);
    rig->level = true;
    rig->cam_y_m = eye_y_m;
    if (job->angle == DIRECT_ANGLE_LOW || job->angle == DIRECT_ANGLE_HIGH) {
        rig->level = false;
        rig->pitch_rad =
            job->angle == DIRECT_ANGLE_LOW ? job->angle_rad : -job->angle_rad;
    } else if (job->angle == DIRECT_ANGLE_DUTCH) {
        rig->roll_rad = job->angle_rad;
    }
}

void camera_rig_guess(const CameraJob *job, const CameraRows *rows, double *q)
{
    q[0] = log(rows->frame_m / (2.0 * job->tan_half_v));
    q[1] =
        rows->anchor_y_m - (0.5 - size_rules[job->size].top_y) * rows->frame_m;
    q[2] = 0.0;
    q[3] = 0.0;
}

/* ---- the entry points ------------------------------------------------- */

bool camera_position_clear(const Scene *scene, Vec3 c, const WorldFigure *own)
{
    if (!isfinite(c.x) || !isfinite(c.y) || !isfinite(c.z))
        return false;
    for (size_t i = 0; i < scene->figure_count; i++) {
        const WorldFigure *f = &scene->figures[i];
        if (c.y < camera_body_floor_y(f) + FLOOR_CLEAR_M)
            return false;
        if (f == own)
            continue;
        if (!camera_body_clear(f, c, BODY_CLEAR_M) ||
            v3_len(v3_sub(c, f->joints[WORLD_JOINT_EYES])) <=
                CAMERA_MIN_EYE_DIST_M)
            return false;
    }
    return true;
}

// True when @p v stands clear of everyone (but @p own, a POV's subject)
// and looks somewhere.
static bool stands_clear(const Scene *scene, const CameraView *v,
                         const WorldFigure *own)
{
    return isfinite(v->forward.x) && isfinite(v->forward.y) &&
           isfinite(v->forward.z) &&
           camera_position_clear(scene, v->position, own);
}

const WorldFigure *camera_shot_partner(const Scene *scene,
                                       const DirectShot *shot,
                                       const WorldFigure *s)
{
    if (shot->partner != SIZE_MAX)
        return shot->partner == s->cast_index
                   ? NULL
                   : world_find_figure(scene, shot->partner);
    const WorldFigure *best = NULL;
    double best_m = HUGE_VAL;
    for (size_t i = 0; i < scene->figure_count; i++) {
        const WorldFigure *f = &scene->figures[i];
        double d = v3_len(
            v3_sub(f->joints[WORLD_JOINT_WAIST], s->joints[WORLD_JOINT_WAIST]));
        if (f != s && d < best_m) {
            best = f;
            best_m = d;
        }
    }
    return best;
}

static AuStatus angle_of(const DirectShot *shot, double *out_rad)
{
    double deg = shot->angle_deg;
    if (!isfinite(deg))
        return AU_EINVAL;
    if (deg == 0.0)
        deg = CAMERA_ANGLE_DEFAULT_DEG;
    // A negative low or high angle is the same angle; a negative dutch
    // rolls the other way.
    if (shot->angle != DIRECT_ANGLE_DUTCH)
        deg = fabs(deg);
    if (fabs(deg) > CAMERA_ANGLE_MAX_DEG)
        return AU_EINVAL;
    *out_rad = deg * CAMERA_DEG_RAD;
    return AU_OK;
}

AuStatus camera_solve_sensor(const Production *prod, size_t shot_index,
                             const Scene *scene, double aspect,
                             double sensor_w_mm, CameraView *out)
{
    if (!prod || !scene || !out || shot_index >= prod->shot_count ||
        !(aspect > 0.0) || !isfinite(aspect) || !(sensor_w_mm > 0.0) ||
        !isfinite(sensor_w_mm))
        return AU_EINVAL;
    const DirectShot *shot = &prod->shots[shot_index];
    if ((unsigned)shot->size >= DIRECT_SHOT_SIZE_COUNT ||
        (unsigned)shot->kind >= DIRECT_KIND_COUNT ||
        (unsigned)shot->angle >= DIRECT_ANGLE_COUNT ||
        !(shot->lens_mm >= CAMERA_LENS_MIN_MM &&
          shot->lens_mm <= CAMERA_LENS_MAX_MM))
        return AU_EINVAL;

    CameraJob job;
    memset(&job, 0, sizeof(job));
    job.scene = scene;
    job.size = shot->size;
    job.lens.focal_mm = shot->lens_mm;
    job.lens.sensor_w_mm = sensor_w_mm;
    job.lens.sensor_h_mm = sensor_w_mm / aspect;
    job.tan_half_v = job.lens.sensor_h_mm / (2.0 * job.lens.focal_mm);
    job.angle = shot->angle;
    AuStatus st = angle_of(shot, &job.angle_rad);
    if (st != AU_OK)
        return st;

    const WorldFigure *s = NULL, *p = NULL;
    DirectShotKind kind = shot->kind;
    if (shot->subject != SIZE_MAX) {
        if (!(s = world_find_figure(scene, shot->subject)))
            return AU_EINVAL;
    } else if (kind == DIRECT_KIND_SINGLE) {
        kind = DIRECT_KIND_GROUP;
    } else if (kind != DIRECT_KIND_GROUP && kind != DIRECT_KIND_INSERT) {
        return AU_EINVAL;
    }
    if (kind == DIRECT_KIND_TWO_SHOT || kind == DIRECT_KIND_OTS ||
        (kind == DIRECT_KIND_POV && shot->partner != SIZE_MAX)) {
        if (!(p = camera_shot_partner(scene, shot, s)))
            return AU_EINVAL;
    }

    CameraView v = job.lens;
    switch (kind) {
    case DIRECT_KIND_SINGLE:
        st = camera_frame_single(&job, s, &v);
        break;
    case DIRECT_KIND_GROUP:
        st = camera_frame_group(&job, &v);
        break;
    case DIRECT_KIND_TWO_SHOT:
        st = camera_frame_two_shot(&job, s, p, &v);
        break;
    case DIRECT_KIND_OTS:
        st = camera_frame_ots(&job, s, p, &v);
        break;
    case DIRECT_KIND_POV:
        camera_frame_pov(&job, s, p, &v);
        break;
    case DIRECT_KIND_INSERT:
        st = camera_frame_insert(&job, s, shot, &v);
        break;
    case DIRECT_KIND_COUNT:
        return AU_EINVAL;
    }
    if (st != AU_OK)
        return st;
    if (shot->reverse_side && kind != DIRECT_KIND_POV) {
        Vec3 a, b;
        if (!camera_scene_line(scene, &a, &b))
            return AU_EINVAL;
        camera_view_mirror(&v, a, b);
    }
    if (!stands_clear(scene, &v, kind == DIRECT_KIND_POV ? s : NULL))
        return AU_EINVAL;
    *out = v;
    return AU_OK;
}

bool camera_scene_line(const Scene *scene, Vec3 *a, Vec3 *b)
{
    if (scene->figure_count < 2)
        return false;
    Vec3 p = scene->figures[0].joints[WORLD_JOINT_PELVIS];
    Vec3 q = scene->figures[1].joints[WORLD_JOINT_PELVIS];
    *a = v3(p.x, 0, p.z);
    *b = v3(q.x, 0, q.z);
    return v3_len(v3_sub(*a, *b)) > 1e-6;
}

void camera_view_mirror(CameraView *v, Vec3 a, Vec3 b)
{
    Vec3 n = v3_norm(v3_cross(v3_sub(b, a), v3(0, 1, 0)));
    double d = v3_dot(v3_sub(v->position, a), n);
    v->position = v3_sub(v->position, v3_scale(n, 2.0 * d));
    v->forward = v3_sub(v->forward, v3_scale(n, 2.0 * v3_dot(v->forward, n)));
    v->up = v3_sub(v->up, v3_scale(n, 2.0 * v3_dot(v->up, n)));
    v->right = v3_norm(v3_cross(v->forward, v->up));
}

AuStatus camera_solve(const Production *prod, size_t shot_index,
                      const Scene *scene, double aspect, CameraView *out)
{
    return camera_solve_sensor(prod, shot_index, scene, aspect,
                               CAMERA_SUPER35_WIDTH_MM, out);
}
