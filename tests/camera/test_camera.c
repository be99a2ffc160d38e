/* tests/camera/test_camera.c: the framing solver's kinds, angles, sensors
 * and refusals, measured by projecting the posed skeleton through the
 * solved camera (test_sizes.c: every size; test_rendered.c: the frame). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"

static const AuAllocator *A;

#define DEG (BASE_PI / 180.0)

// One scene, BRICK and STEEL; the shots are edited by each test.
static Scene *build(Production *p)
{
    Scene *scene = NULL;
    CHECK_OK(world_build(A, p, 0, 0.0, 1, &scene));
    return scene;
}

static void set_shot(Production *p, DirectShotSize size, DirectShotKind kind,
                     DirectAngle angle, double angle_deg, double lens_mm)
{
    DirectShot *s = &p->shots[0];
    s->size = size;
    s->kind = kind;
    s->angle = angle;
    s->angle_deg = angle_deg;
    s->lens_mm = lens_mm;
}

// The roll of @p v: the angle from the level up vector to its up, positive
// when the top of the frame leans right, i.e. the camera turned clockwise.
static double roll_deg(const CameraView *v)
{
    Vec3 level_right = v3_norm(v3_cross(v->forward, v3(0, 1, 0)));
    Vec3 level_up = v3_cross(level_right, v->forward);
    return atan2(v3_dot(v->up, level_right), v3_dot(v->up, level_up)) / DEG;
}

static double pitch_deg(const CameraView *v)
{
    return asin(v->forward.y) / DEG;
}

static void test_medium_shot_extent(void)
{
    Production *p = fixture_production(A, 3);
    p->shots[0].size = DIRECT_SHOT_WS;
    p->shots[0].subject = SIZE_MAX;
    p->shots[2].subject = 1;
    const double aspects[] = { 2.39, 16.0 / 9.0, 1.0, 9.0 / 16.0 };
    for (size_t a = 0; a < BASE_ARRAY_LEN(aspects); a++) {
        for (size_t shot = 1; shot <= 2; shot++) {
            Scene *scene = NULL;
            CHECK_OK(world_build(A, p, shot, 0.0, 1, &scene));
            if (!scene)
                continue;
            CameraView v;
            CHECK_OK(camera_solve(p, shot, scene, aspects[a], &v));
            const WorldFigure *f = world_find_figure(scene, shot - 1);
            CHECK(f != NULL);
            // Head top 7% below the frame top, waist 3% above the bottom:
            // the head-to-waist extent fills 90% of the height.
            double yt = fixture_head_row(&v, f);
            double yw = fixture_bottom_row(&v, f, DIRECT_SHOT_MS);
            CHECK_NEAR(yt, 0.07, 1e-4);
            CHECK_NEAR(yw, 0.97, 1e-4);
            CHECK_NEAR((yw - yt) / 0.90, 1.0, 0.10);
            // Eye level: the lens is at the height of the eyes.
            CHECK_NEAR(v.position.y, f->joints[WORLD_JOINT_EYES].y, 1e-9);
            // BRICK looks toward frame right and STEEL toward frame left,
            // each at the other: a clean medium single gives up some of
            // the look room (never its side) to keep the other out.
            double x, y;
            CHECK(camera_project(&v, f->joints[WORLD_JOINT_EYES], &x, &y));
            double room = shot == 1 ? 0.5 - x : x - 0.5;
            CHECK(room > -1e-6 && room < 1.0 / 6.0 + 1e-6);
            CHECK(v3_dot(f->facing, v.right) * (shot == 1 ? 1.0 : -1.0) > 0);
            const WorldFigure *o = world_find_figure(scene, 2 - shot);
            for (int j = 0; j < WORLD_JOINT_COUNT; j++) {
                double ox, oy;
                if (camera_project(&v, o->joints[j], &ox, &oy) && oy > 0.0 &&
                    oy < 1.0)
                    CHECK(ox < -0.02 || ox > 1.02);
            }
            CHECK_NEAR(v.focal_mm, 35.0, 1e-12);
            CHECK_NEAR(v.sensor_w_mm, CAMERA_SUPER35_WIDTH_MM, 1e-12);
            CHECK_NEAR(v.sensor_h_mm, CAMERA_SUPER35_WIDTH_MM / aspects[a],
                       1e-12);
            CHECK_NEAR(v3_len(v.forward), 1.0, 1e-9);
            CHECK_NEAR(v3_dot(v.forward, v.up), 0.0, 1e-9);
            world_scene_free(&scene);
        }
    }
    fixture_free(p);
}

// A close-up single is clean with its full look room: the other character
// is out of it though the subject looks their way.
static void test_single_is_clean(void)
{
    Production *p = fixture_production(A, 1);
    const double lenses[] = { 24, 50, 135, 300 };
    for (size_t l = 0; l < BASE_ARRAY_LEN(lenses); l++) {
        for (size_t subject = 0; subject < 2; subject++) {
            set_shot(p, DIRECT_SHOT_CU, DIRECT_KIND_SINGLE, DIRECT_ANGLE_EYE, 0,
                     lenses[l]);
            p->shots[0].subject = subject;
            Scene *scene = build(p);
            if (!scene)
                continue;
            CameraView v;
            CHECK_OK(camera_solve(p, 0, scene, 2.39, &v));
            const WorldFigure *o = world_find_figure(scene, 1 - subject);
            double x, y;
            if (camera_project(&v, o->joints[WORLD_JOINT_EYES], &x, &y))
                CHECK(x < 0.0 || x > 1.0);
            // With the full look room: the eyes on the third line.
            const WorldFigure *f = world_find_figure(scene, subject);
            CHECK(camera_project(&v, f->joints[WORLD_JOINT_EYES], &x, &y));
            CHECK_NEAR(x, subject == 0 ? 1.0 / 3.0 : 2.0 / 3.0, 1e-4);
            world_scene_free(&scene);
        }
    }
    fixture_free(p);
}

static void test_wide_shot_holds_everyone(void)
{
    Production *p = fixture_production(A, 1);
    set_shot(p, DIRECT_SHOT_WS, DIRECT_KIND_GROUP, DIRECT_ANGLE_EYE, 0, 24);
    p->shots[0].subject = SIZE_MAX;
    Scene *scene = build(p);
    if (!scene) {
        fixture_free(p);
        return;
    }
    const double aspects[] = { 2.39, 16.0 / 9.0, 9.0 / 16.0 };
    for (size_t a = 0; a < BASE_ARRAY_LEN(aspects); a++) {
        CameraView v;
        CHECK_OK(camera_solve(p, 0, scene, aspects[a], &v));
        const WorldFigure *tallest = &scene->figures[0];
        for (size_t i = 0; i < scene->figure_count; i++) {
            const WorldFigure *f = &scene->figures[i];
            if (f->look.height_m > tallest->look.height_m)
                tallest = f;
            for (int j = 0; j < WORLD_JOINT_COUNT; j++) {
                double x, y;
                CHECK(camera_project(&v, f->joints[j], &x, &y));
                CHECK(x > 0.05 && x < 0.95);
                CHECK(y > 0.05 && y < 0.95);
            }
        }
        // The tallest figure fills the wide shot's 40% of the height,
        // head at 30%.
        double top = fixture_head_row(&v, tallest);
        double bottom = fixture_bottom_row(&v, tallest, DIRECT_SHOT_WS);
        CHECK_NEAR(top, 0.30, 1e-4);
        CHECK_NEAR(bottom - top, 0.40, 1e-3);
    }
    world_scene_free(&scene);
    fixture_free(p);
}

// The horizontal extent of a figure's upper body through @p v: head and
// shoulders widened by the head and the arm.
static void upper_body_x(const CameraView *v, const WorldFigure *f, double *x0,
                         double *x1)
{
    const WorldJoint js[] = { WORLD_JOINT_HEAD_TOP, WORLD_JOINT_EYES,
                              WORLD_JOINT_SHOULDER_L, WORLD_JOINT_SHOULDER_R };
    *x0 = HUGE_VAL;
    *x1 = -HUGE_VAL;
    for (size_t i = 0; i < BASE_ARRAY_LEN(js); i++) {
        double r = i < 2 ? 0.08 : 0.05;
        for (int sd = -1; sd <= 1; sd += 2) {
            double x, y;
            Vec3 q = v3_add(f->joints[js[i]], v3_scale(v->right, sd * r));
            CHECK(camera_project(v, q, &x, &y));
            *x0 = fmin(*x0, x);
            *x1 = fmax(*x1, x);
        }
    }
}

static void test_two_shot(void)
{
    Production *p = fixture_production(A, 1);
    const DirectShotSize sizes[] = { DIRECT_SHOT_CU, DIRECT_SHOT_MCU,
                                     DIRECT_SHOT_MS, DIRECT_SHOT_FS };
    const double lenses[] = { 24, 35, 85, 300 };
    const double aspects[] = { 2.39, 16.0 / 9.0, 9.0 / 16.0 };
    Scene *scene = build(p);
    for (size_t z = 0; scene && z < BASE_ARRAY_LEN(sizes); z++) {
        for (size_t l = 0; l < BASE_ARRAY_LEN(lenses); l++) {
            for (size_t a = 0; a < BASE_ARRAY_LEN(aspects); a++) {
                set_shot(p, sizes[z], DIRECT_KIND_TWO_SHOT, DIRECT_ANGLE_EYE, 0,
                         lenses[l]);
                p->shots[0].partner = 1;
                CameraView v;
                CHECK_OK(camera_solve(p, 0, scene, aspects[a], &v));
                // Both fully in frame across, the pair centred or filling
                // the width between the margins.
                double lo = HUGE_VAL, hi = -HUGE_VAL;
                const WorldFigure *tallest = &scene->figures[0];
                for (size_t i = 0; i < 2; i++) {
                    const WorldFigure *f = &scene->figures[i];
                    double x0, x1;
                    upper_body_x(&v, f, &x0, &x1);
                    CHECK(x0 > 0.0 && x1 < 1.0);
                    lo = fmin(lo, x0);
                    hi = fmax(hi, x1);
                    if (f->look.height_m > tallest->look.height_m)
                        tallest = f;
                }
                CHECK_NEAR(0.5 * (lo + hi), 0.5, 0.05);
                // The size's anchor row holds on the taller of the two.
                if (sizes[z] <= DIRECT_SHOT_MCU) {
                    double x, y;
                    CHECK(camera_project(&v, tallest->joints[WORLD_JOINT_EYES],
                                         &x, &y));
                    CHECK_NEAR(y, 1.0 / 3.0, 1e-3);
                } else {
                    CHECK_NEAR(fixture_head_row(&v, tallest), 0.07, 1e-3);
                }
                // The camera stays on the side both faces open toward.
                Vec3 mid =
                    v3_lerp(scene->figures[0].joints[WORLD_JOINT_WAIST],
                            scene->figures[1].joints[WORLD_JOINT_WAIST], 0.5);
                Vec3 open =
                    v3_add(scene->figures[0].facing, scene->figures[1].facing);
                CHECK(v3_dot(v3_sub(v.position, mid), open) > 0.0);
            }
        }
    }
    world_scene_free(&scene);
    fixture_free(p);
}

static void test_over_the_shoulder(void)
{
    Production *p = fixture_production(A, 1);
    Scene *scene = build(p);
    const DirectShotSize sizes[] = { DIRECT_SHOT_MCU, DIRECT_SHOT_MS };
    const double lenses[] = { 35, 50, 85, 135, 300 };
    const double aspects[] = { 2.39, 16.0 / 9.0 };
    int framed = 0;
    for (size_t z = 0; scene && z < BASE_ARRAY_LEN(sizes); z++) {
        for (size_t l = 0; l < BASE_ARRAY_LEN(lenses); l++) {
            for (size_t a = 0; a < BASE_ARRAY_LEN(aspects); a++) {
                for (size_t subject = 0; subject < 2; subject++) {
                    set_shot(p, sizes[z], DIRECT_KIND_OTS, DIRECT_ANGLE_EYE, 0,
                             lenses[l]);
                    p->shots[0].subject = subject;
                    // No partner named: the other character is taken.
                    CameraView v;
                    AuStatus st = camera_solve(p, 0, scene, aspects[a], &v);
                    // Long lenses always make it; a 35 mm lens is close
                    // to where the camera would reach the partner.
                    if (lenses[l] >= 50 || st != AU_EINVAL)
                        CHECK_OK(st);
                    if (st != AU_OK)
                        continue;
                    framed++;
                    const WorldFigure *s = world_find_figure(scene, subject);
                    const WorldFigure *o =
                        world_find_figure(scene, 1 - subject);
                    // Behind the partner: past the subject, and turned no
                    // more than 70 degrees from the partner's back.
                    Vec3 sp = v3_sub(o->joints[WORLD_JOINT_WAIST],
                                     s->joints[WORLD_JOINT_WAIST]);
                    Vec3 po = v3_sub(v.position, o->joints[WORLD_JOINT_WAIST]);
                    CHECK(v3_dot(po, sp) > 0.0);
                    po.y = 0.0;
                    double back = -v3_dot(v3_norm(po), o->facing);
                    CHECK(back >= cos(70.0 * DEG) - 1e-6);
                    // The subject at the size, on their own half of the
                    // frame (on the third when the blocking allows, else
                    // nearer the middle), the partner's head toward the
                    // other edge.
                    double ex, ey, ox, oy;
                    CHECK(camera_project(&v, s->joints[WORLD_JOINT_EYES], &ex,
                                         &ey));
                    CHECK(camera_project(&v, o->joints[WORLD_JOINT_EYES], &ox,
                                         &oy));
                    double toward_partner = ox > 0.5 ? ex - 0.5 : 0.5 - ex;
                    CHECK(toward_partner <= 0.05 + 1e-6);
                    CHECK(toward_partner >= -1.0 / 6.0 - 1e-6);
                    if (sizes[z] == DIRECT_SHOT_MS)
                        CHECK_NEAR(fixture_head_row(&v, s), 0.07, 1e-3);
                    else
                        CHECK_NEAR(ey, 1.0 / 3.0, 0.05);
                }
            }
        }
    }
    CHECK(framed >= 36);
    // A lens too wide for the blocking would need the camera between the
    // two: refused.
    set_shot(p, DIRECT_SHOT_MCU, DIRECT_KIND_OTS, DIRECT_ANGLE_EYE, 0, 12);
    p->shots[0].subject = 0;
    CameraView v;
    if (scene)
        CHECK_STATUS(camera_solve(p, 0, scene, 2.39, &v), AU_EINVAL);
    world_scene_free(&scene);
    fixture_free(p);
}

static void test_point_of_view(void)
{
    Production *p = fixture_production(A, 1);
    Scene *scene = build(p);
    if (!scene) {
        fixture_free(p);
        return;
    }
    const WorldFigure *s = world_find_figure(scene, 0);
    const WorldFigure *o = world_find_figure(scene, 1);
    Vec3 eyes = s->joints[WORLD_JOINT_EYES];
    const double lenses[] = { 12, 35, 300 };
    for (size_t l = 0; l < BASE_ARRAY_LEN(lenses); l++) {
        // At the partner's eyes, from just in front of the subject's.
        set_shot(p, DIRECT_SHOT_MS, DIRECT_KIND_POV, DIRECT_ANGLE_EYE, 0,
                 lenses[l]);
        p->shots[0].partner = 1;
        CameraView v;
        CHECK_OK(camera_solve(p, 0, scene, 16.0 / 9.0, &v));
        CHECK_NEAR(v3_len(v3_sub(v.position, eyes)), 0.05, 1e-9);
        double x, y;
        CHECK(camera_project(&v, o->joints[WORLD_JOINT_EYES], &x, &y));
        CHECK_NEAR(x, 0.5, 1e-9);
        CHECK_NEAR(y, 0.5, 1e-9);
        // Looking up from there by the default 15 degrees.
        double level = pitch_deg(&v);
        p->shots[0].angle = DIRECT_ANGLE_LOW;
        CHECK_OK(camera_solve(p, 0, scene, 16.0 / 9.0, &v));
        CHECK_NEAR(pitch_deg(&v) - level, 15.0, 1e-6);
        // With no partner, along the way the body faces.
        p->shots[0].angle = DIRECT_ANGLE_EYE;
        p->shots[0].partner = SIZE_MAX;
        CHECK_OK(camera_solve(p, 0, scene, 16.0 / 9.0, &v));
        CHECK_NEAR(v3_dot(v.forward, s->facing), 1.0, 1e-9);
        CHECK_NEAR(v3_len(v3_sub(v.position, eyes)), 0.05, 1e-9);
    }
    world_scene_free(&scene);
    fixture_free(p);
}

static void test_insert_frames_a_hand(void)
{
    Production *p = fixture_production(A, 1);
    Scene *scene = build(p);
    const double lenses[] = { 18, 50, 135 };
    const double aspects[] = { 2.39, 9.0 / 16.0 };
    for (size_t l = 0; scene && l < BASE_ARRAY_LEN(lenses); l++) {
        for (size_t a = 0; a < BASE_ARRAY_LEN(aspects); a++) {
            set_shot(p, DIRECT_SHOT_CU, DIRECT_KIND_INSERT, DIRECT_ANGLE_EYE, 0,
                     lenses[l]);
            CameraView v;
            AuStatus st = camera_solve(p, 0, scene, aspects[a], &v);
            if (lenses[l] < 20 && aspects[a] < 1.0) {
                // Too wide a view of so small a thing, this close.
                CHECK(st == AU_OK || st == AU_EINVAL);
                continue;
            }
            CHECK_OK(st);
            if (st != AU_OK)
                continue;
            const WorldFigure *s = world_find_figure(scene, 0);
            // One wrist near the middle of the frame, at the height of
            // the subject's close-up: a CU frames 1.6875 heads.
            double best = HUGE_VAL, wy = 0.0;
            for (int side = 0; side < 2; side++) {
                double x, y;
                if (camera_project(&v, s->joints[WORLD_JOINT_WRIST_L + side],
                                   &x, &y) &&
                    fabs(x - 0.5) < best) {
                    best = fabs(x - 0.5);
                    wy = y;
                }
            }
            CHECK(best < 0.1);
            CHECK(wy > 0.2 && wy < 0.6);
            // The framed wrist is the one nearer the middle.
            Vec3 w = s->joints[WORLD_JOINT_WRIST_L];
            double xl, xr, yy;
            CHECK(camera_project(&v, s->joints[WORLD_JOINT_WRIST_L], &xl, &yy));
            CHECK(camera_project(&v, s->joints[WORLD_JOINT_WRIST_R], &xr, &yy));
            if (fabs(xr - 0.5) < fabs(xl - 0.5))
                w = s->joints[WORLD_JOINT_WRIST_R];
            double frame_m = fixture_frame_m(s, DIRECT_SHOT_CU);
            double x, y0, y1;
            CHECK(camera_project(&v, w, &x, &y0));
            CHECK(camera_project(&v, v3_add(w, v3(0, 0.1 * frame_m, 0)), &x,
                                 &y1));
            CHECK_NEAR((y0 - y1) / 0.1, 1.0, 0.1);
        }
    }
    world_scene_free(&scene);
    fixture_free(p);
}

static void test_angles(void)
{
    Production *p = fixture_production(A, 1);
    Scene *scene = build(p);
    if (!scene) {
        fixture_free(p);
        return;
    }
    const WorldFigure *s = world_find_figure(scene, 0);
    double eye_y = s->joints[WORLD_JOINT_EYES].y;
    const DirectShotSize sizes[] = { DIRECT_SHOT_CU, DIRECT_SHOT_MCU,
                                     DIRECT_SHOT_MS };
    const double lenses[] = { 24, 50, 135 };
    CameraView v;
    for (size_t z = 0; z < BASE_ARRAY_LEN(sizes); z++) {
        for (size_t l = 0; l < BASE_ARRAY_LEN(lenses); l++) {
            // Low: the camera below the eyes, looking up by the default
            // 15 degrees, or by what the shot says. On a long lens the
            // camera would have to stand under the floor: refused.
            const double low_deg[] = { 0, 25 };
            for (int d = 0; d < 2; d++) {
                set_shot(p, sizes[z], DIRECT_KIND_SINGLE, DIRECT_ANGLE_LOW,
                         low_deg[d], lenses[l]);
                AuStatus st = camera_solve(p, 0, scene, 2.39, &v);
                if (lenses[l] > 50 || (lenses[l] == 50 && d == 1)) {
                    if (st == AU_EINVAL)
                        continue;
                }
                CHECK_OK(st);
                if (st != AU_OK)
                    continue;
                CHECK_NEAR(pitch_deg(&v), d == 0 ? 15.0 : 25.0, 1e-9);
                CHECK(v.position.y < eye_y);
                CHECK(v.position.y > 0.0);
                CHECK_NEAR(roll_deg(&v), 0.0, 1e-9);
            }
            // High: above the eyes, looking down.
            set_shot(p, sizes[z], DIRECT_KIND_SINGLE, DIRECT_ANGLE_HIGH, 0,
                     lenses[l]);
            CHECK_OK(camera_solve(p, 0, scene, 2.39, &v));
            CHECK_NEAR(pitch_deg(&v), -15.0, 1e-9);
            CHECK(v.position.y > eye_y);
            // The eyes stay on the upper third, tilted or not.
            double x, y;
            CHECK(camera_project(&v, s->joints[WORLD_JOINT_EYES], &x, &y));
            if (sizes[z] <= DIRECT_SHOT_MCU)
                CHECK_NEAR(y, 1.0 / 3.0, 1e-3);
            // Dutch: rolled clockwise by 15 degrees, or the other way.
            set_shot(p, sizes[z], DIRECT_KIND_SINGLE, DIRECT_ANGLE_DUTCH, 0,
                     lenses[l]);
            CHECK_OK(camera_solve(p, 0, scene, 2.39, &v));
            CHECK_NEAR(roll_deg(&v), 15.0, 1e-9);
            CHECK_NEAR(v.position.y, eye_y, 1e-9);
            double hx, hy;
            CHECK(camera_project(
                &v,
                v3_add(v.position,
                       v3_add(v.forward,
                              v3_norm(v3_cross(v.forward, v3(0, 1, 0))))),
                &hx, &hy));
            // A level line to the right of centre rises in frame.
            CHECK(hy < 0.5);
            p->shots[0].angle_deg = -10.0;
            CHECK_OK(camera_solve(p, 0, scene, 2.39, &v));
            CHECK_NEAR(roll_deg(&v), -10.0, 1e-9);
            // Overhead: straight down over the head.
            set_shot(p, sizes[z], DIRECT_KIND_SINGLE, DIRECT_ANGLE_OVERHEAD, 0,
                     lenses[l]);
            CHECK_OK(camera_solve(p, 0, scene, 2.39, &v));
            CHECK_NEAR(v.forward.y, -1.0, 1e-12);
            CHECK(camera_project(&v, s->joints[WORLD_JOINT_HEAD_TOP], &x, &y));
            CHECK_NEAR(x, 0.5, 1e-9);
            CHECK_NEAR(y, 0.5, 1e-9);
            CHECK(v.position.y >
                  s->joints[WORLD_JOINT_HEAD_TOP].y + CAMERA_MIN_EYE_DIST_M);
        }
    }
    // A low angle wide on a long lens would put the camera underground.
    set_shot(p, DIRECT_SHOT_WS, DIRECT_KIND_SINGLE, DIRECT_ANGLE_LOW, 0, 135);
    CHECK_STATUS(camera_solve(p, 0, scene, 2.39, &v), AU_EINVAL);
    // Steeper than 80 degrees is an overhead, not a high angle.
    set_shot(p, DIRECT_SHOT_MS, DIRECT_KIND_SINGLE, DIRECT_ANGLE_HIGH, 85, 35);
    CHECK_STATUS(camera_solve(p, 0, scene, 2.39, &v), AU_EINVAL);
    world_scene_free(&scene);
    fixture_free(p);
}

static void test_sensors(void)
{
    Production *p = fixture_production(A, 1);
    Scene *scene = build(p);
    if (!scene) {
        fixture_free(p);
        return;
    }
    const WorldFigure *s = world_find_figure(scene, 0);
    set_shot(p, DIRECT_SHOT_MCU, DIRECT_KIND_SINGLE, DIRECT_ANGLE_EYE, 0, 135);
    const double widths[] = { CAMERA_SUPER35_WIDTH_MM,
                              CAMERA_FULL_FRAME_WIDTH_MM,
                              CAMERA_65MM_WIDTH_MM };
    double dist[3];
    for (int i = 0; i < 3; i++) {
        CameraView v;
        CHECK_OK(camera_solve_sensor(p, 0, scene, 2.39, widths[i], &v));
        CHECK_NEAR(v.sensor_w_mm, widths[i], 1e-12);
        dist[i] = v3_len(v3_sub(v.position, s->joints[WORLD_JOINT_EYES]));
        double x, y;
        CHECK(camera_project(&v, s->joints[WORLD_JOINT_EYES], &x, &y));
        CHECK_NEAR(y, 1.0 / 3.0, 0.01);
    }
    // The same framing on a bigger sensor needs the camera closer in
    // proportion: the field of view grows with the width.
    CHECK_NEAR(dist[1] / dist[0], 24.89 / 36.0, 0.01);
    CHECK_NEAR(dist[2] / dist[0], 24.89 / 54.12, 0.01);
    // camera_solve is the Super 35 case.
    CameraView a, b;
    CHECK_OK(camera_solve(p, 0, scene, 2.39, &a));
    CHECK_OK(
        camera_solve_sensor(p, 0, scene, 2.39, CAMERA_SUPER35_WIDTH_MM, &b));
    CHECK(memcmp(&a, &b, sizeof a) == 0);
    world_scene_free(&scene);
    fixture_free(p);
}

static void test_bad_input(void)
{
    Production *p = fixture_production(A, 2);
    Scene *scene = NULL;
    CHECK_OK(world_build(A, p, 1, 0.0, 1, &scene));
    if (!scene) {
        fixture_free(p);
        return;
    }
    CameraView v, before;
    memset(&v, 0x5a, sizeof v);
    before = v;
    p->shots[1].subject = 7;
    CHECK_STATUS(camera_solve(p, 1, scene, 2.39, &v), AU_EINVAL);
    CHECK_STATUS(camera_solve(p, 9, scene, 2.39, &v), AU_EINVAL);
    p->shots[1].subject = 0;
    CHECK_STATUS(camera_solve(NULL, 1, scene, 2.39, &v), AU_EINVAL);
    CHECK_STATUS(camera_solve(p, 1, NULL, 2.39, &v), AU_EINVAL);
    CHECK_STATUS(camera_solve(p, 1, scene, 2.39, NULL), AU_EINVAL);
    CHECK_STATUS(camera_solve(p, 1, scene, 0.0, &v), AU_EINVAL);
    CHECK_STATUS(camera_solve(p, 1, scene, NAN, &v), AU_EINVAL);
    CHECK_STATUS(camera_solve_sensor(p, 1, scene, 2.39, 0.0, &v), AU_EINVAL);
    // Lenses outside 12-300 mm.
    p->shots[1].lens_mm = 10.0;
    CHECK_STATUS(camera_solve(p, 1, scene, 2.39, &v), AU_EINVAL);
    p->shots[1].lens_mm = 400.0;
    CHECK_STATUS(camera_solve(p, 1, scene, 2.39, &v), AU_EINVAL);
    p->shots[1].lens_mm = 35.0;
    // A partner who is not in the scene, or is the subject.
    p->shots[1].kind = DIRECT_KIND_OTS;
    p->shots[1].partner = 5;
    CHECK_STATUS(camera_solve(p, 1, scene, 2.39, &v), AU_EINVAL);
    p->shots[1].kind = DIRECT_KIND_POV;
    p->shots[1].partner = 0;
    CHECK_STATUS(camera_solve(p, 1, scene, 2.39, &v), AU_EINVAL);
    // A two-shot of nobody in particular.
    p->shots[1].kind = DIRECT_KIND_TWO_SHOT;
    p->shots[1].subject = SIZE_MAX;
    p->shots[1].partner = SIZE_MAX;
    CHECK_STATUS(camera_solve(p, 1, scene, 2.39, &v), AU_EINVAL);
    // Values outside their enums.
    p->shots[1].kind = DIRECT_KIND_SINGLE;
    p->shots[1].subject = 0;
    p->shots[1].size = DIRECT_SHOT_SIZE_COUNT;
    CHECK_STATUS(camera_solve(p, 1, scene, 2.39, &v), AU_EINVAL);
    p->shots[1].size = DIRECT_SHOT_MS;
    p->shots[1].angle = DIRECT_ANGLE_COUNT;
    CHECK_STATUS(camera_solve(p, 1, scene, 2.39, &v), AU_EINVAL);
    p->shots[1].angle = DIRECT_ANGLE_DUTCH;
    p->shots[1].angle_deg = INFINITY;
    CHECK_STATUS(camera_solve(p, 1, scene, 2.39, &v), AU_EINVAL);
    p->shots[1].angle = DIRECT_ANGLE_EYE;
    // An extreme close-up on a 12 mm lens and a tall 65 mm frame would
    // put the lens inside the face.
    p->shots[1].size = DIRECT_SHOT_ECU;
    p->shots[1].lens_mm = 12.0;
    CHECK_STATUS(
        camera_solve_sensor(p, 1, scene, 9.0 / 16.0, CAMERA_65MM_WIDTH_MM, &v),
        AU_EINVAL);
    // Failures leave the output alone.
    CHECK(memcmp(&v, &before, sizeof v) == 0);
    world_scene_free(&scene);
    fixture_free(p);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_medium_shot_extent);
    CHECK_RUN(test_single_is_clean);
    CHECK_RUN(test_wide_shot_holds_everyone);
    CHECK_RUN(test_two_shot);
    CHECK_RUN(test_over_the_shoulder);
    CHECK_RUN(test_point_of_view);
    CHECK_RUN(test_insert_frames_a_hand);
    CHECK_RUN(test_angles);
    CHECK_RUN(test_sensors);
    CHECK_RUN(test_bad_input);
    return CHECK_DONE();
}
