/* tests/camera/fixture.h: what the camera tests share: a hand-built
 * production with two characters, and docs/cinematography.md's landmarks
 * measured on the joints, written independently of the solver. */
#ifndef AU_TESTS_CAMERA_FIXTURE_H
#define AU_TESTS_CAMERA_FIXTURE_H

#include <stdlib.h>

#include "camera/camera.h"

/* One exterior scene with BRICK and STEEL; @p shots medium singles on
 * BRICK on a 35 mm lens, two seconds each, for the tests to edit. */
static inline Production *fixture_production(const AuAllocator *a, size_t shots)
{
    Production *p = calloc(1, sizeof *p);
    base_arena_init(&p->arena, a);
    p->scene_count = 1;
    p->scenes = base_arena_array(&p->arena, 1, sizeof(DirectScene));
    p->scenes[0].heading = "EXT. PATIO - DAY";
    p->scenes[0].location = "PATIO";
    p->scenes[0].cast_count = 2;
    p->scenes[0].cast = base_arena_array(&p->arena, 2, sizeof(size_t));
    p->scenes[0].cast[0] = 0;
    p->scenes[0].cast[1] = 1;
    p->cast_count = 2;
    p->cast = base_arena_array(&p->arena, 2, sizeof(DirectCastMember));
    p->cast[0].name = "BRICK";
    p->cast[0].name_hash = base_hash_name("BRICK");
    p->cast[1].name = "STEEL";
    p->cast[1].name_hash = base_hash_name("STEEL");
    p->shot_count = shots;
    p->shots = base_arena_array(&p->arena, shots, sizeof(DirectShot));
    for (size_t i = 0; i < shots; i++) {
        DirectShot *s = &p->shots[i];
        s->size = DIRECT_SHOT_MS;
        s->kind = DIRECT_KIND_SINGLE;
        s->angle = DIRECT_ANGLE_EYE;
        s->lens_mm = 35.0;
        s->f_stop = 2.8;
        s->subject = 0;
        s->partner = SIZE_MAX;
        s->focus = SIZE_MAX;
        s->start_s = (double)i * 2.0;
        s->duration_s = 2.0;
    }
    p->duration_s = (double)shots * 2.0;
    return p;
}

static inline void fixture_free(Production *p)
{
    base_arena_fini(&p->arena);
    free(p);
}

/* ---- the landmarks of docs/cinematography.md -------------------------- */

/* A height on the vertical line through the eyes. */
static inline Vec3 fixture_front(const WorldFigure *f, double y)
{
    Vec3 e = f->joints[WORLD_JOINT_EYES];
    return v3(e.x, y, e.z);
}

static inline double fixture_row(const CameraView *v, Vec3 p)
{
    double x, y;
    if (!camera_project(v, p, &x, &y))
        return NAN;
    return y;
}

/* The height of the head, head top to chin. */
static inline double fixture_head_m(const WorldFigure *f)
{
    return f->joints[WORLD_JOINT_HEAD_TOP].y - f->joints[WORLD_JOINT_CHIN].y;
}

/* The frame row of the top of the head: the top of the sphere of radius
 * 0.46 head heights hanging from the head-top joint. */
static inline double fixture_head_row(const CameraView *v, const WorldFigure *f)
{
    double r = 0.46 * fixture_head_m(f);
    Vec3 c = v3_sub(f->joints[WORLD_JOINT_HEAD_TOP], v3(0, r, 0));
    double z = v3_dot(v3_sub(c, v->position), v->forward);
    return fixture_row(v, c) - r * v->focal_mm / (z * v->sensor_h_mm);
}

/* The row of the top of the extent a size names. */
static inline double fixture_top_row(const CameraView *v, const WorldFigure *f,
                                     DirectShotSize size)
{
    const Vec3 *j = f->joints;
    if (size == DIRECT_SHOT_ECU)
        return fixture_row(v,
                           fixture_front(f, 0.5 * (j[WORLD_JOINT_EYES].y +
                                                   j[WORLD_JOINT_HEAD_TOP].y)));
    return fixture_head_row(v, f);
}

/* The row of the bottom of the extent a size names. */
static inline double fixture_bottom_row(const CameraView *v,
                                        const WorldFigure *f,
                                        DirectShotSize size)
{
    const Vec3 *j = f->joints;
    switch (size) {
    case DIRECT_SHOT_ECU:
        return fixture_row(v, fixture_front(f, j[WORLD_JOINT_CHIN].y));
    case DIRECT_SHOT_CU:
        return fixture_row(v, fixture_front(f, 0.5 * (j[WORLD_JOINT_NECK].y +
                                                      j[WORLD_JOINT_CHEST].y)));
    case DIRECT_SHOT_MCU:
        return fixture_row(v, fixture_front(f, j[WORLD_JOINT_CHEST].y));
    case DIRECT_SHOT_MS:
        return fixture_row(v, fixture_front(f, j[WORLD_JOINT_WAIST].y));
    case DIRECT_SHOT_MLS:
        return fixture_row(
            v,
            fixture_front(
                f, 0.25 * (j[WORLD_JOINT_HIP_L].y + j[WORLD_JOINT_HIP_R].y +
                           j[WORLD_JOINT_KNEE_L].y + j[WORLD_JOINT_KNEE_R].y)));
    default: {
        // The soles: the floor under the ankles and toes.
        double floor_y = j[WORLD_JOINT_HEAD_TOP].y - f->look.height_m;
        const WorldJoint feet[4] = { WORLD_JOINT_ANKLE_L, WORLD_JOINT_ANKLE_R,
                                     WORLD_JOINT_TOE_L, WORLD_JOINT_TOE_R };
        double low = -HUGE_VAL;
        for (int i = 0; i < 4; i++)
            low = fmax(low,
                       fixture_row(v, v3(j[feet[i]].x, floor_y, j[feet[i]].z)));
        return low;
    }
    }
}

/* The table of docs/cinematography.md: the top of the extent's row and
 * the share of the frame height the extent fills, per size. */
static const double fixture_top[DIRECT_SHOT_SIZE_COUNT] = {
    0.0, 0.037, 0.111, 0.07, 0.07, 0.07, 0.30, 17.0 / 30.0,
};
static const double fixture_fill[DIRECT_SHOT_SIZE_COUNT] = {
    1.0, 0.963, 0.889, 0.90, 0.93, 0.88, 0.40, 0.10,
};

/* The frame height in metres a size needs on @p f at eye level, from the
 * doc's table: the extent's height over its share of the frame. */
static inline double fixture_frame_m(const WorldFigure *f, DirectShotSize size)
{
    const Vec3 *j = f->joints;
    double top = j[WORLD_JOINT_HEAD_TOP].y, bottom;
    switch (size) {
    case DIRECT_SHOT_ECU:
        top = 0.5 * (j[WORLD_JOINT_EYES].y + top);
        bottom = j[WORLD_JOINT_CHIN].y;
        break;
    case DIRECT_SHOT_CU:
        bottom = 0.5 * (j[WORLD_JOINT_NECK].y + j[WORLD_JOINT_CHEST].y);
        break;
    case DIRECT_SHOT_MCU:
        bottom = j[WORLD_JOINT_CHEST].y;
        break;
    case DIRECT_SHOT_MS:
        bottom = j[WORLD_JOINT_WAIST].y;
        break;
    case DIRECT_SHOT_MLS:
        bottom = 0.25 * (j[WORLD_JOINT_HIP_L].y + j[WORLD_JOINT_HIP_R].y +
                         j[WORLD_JOINT_KNEE_L].y + j[WORLD_JOINT_KNEE_R].y);
        break;
    default:
        bottom = top - f->look.height_m;
        break;
    }
    return (top - bottom) / fixture_fill[size];
}

#endif
