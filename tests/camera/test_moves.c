/* tests/camera/test_moves.c: camera moves over a shot, measured by
 * projecting the skeleton through the moved camera and, for the dolly and
 * the crane, on the rendered object-ID pass (docs/cinematography.md). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "render/render.h"

static const AuAllocator *A;
static RenderDevice *dev;

#define DEG    (BASE_PI / 180.0)
#define ASPECT 2.39
// The fixture's shots last two seconds.
#define END_S 2.0

/* One shot on BRICK, moving; the scene is built once, at the shot's
 * start, so that only the camera moves between the frames compared. */
typedef struct Take {
    Production *p;
    Scene *scene;
    const WorldFigure *subject;
    CameraView planned; // camera_solve's framing
} Take;

static bool take_init(Take *t, DirectShotSize size, DirectShotKind kind,
                      double lens_mm, DirectMove move, double amount,
                      double speed)
{
    memset(t, 0, sizeof(*t));
    t->p = fixture_production(A, 1);
    DirectShot *s = &t->p->shots[0];
    s->size = size;
    s->kind = kind;
    s->lens_mm = lens_mm;
    s->move = move;
    s->move_amount = amount;
    s->move_speed = speed;
    CHECK_OK(world_build(A, t->p, 0, 0.0, 1, &t->scene));
    if (!t->scene)
        return false;
    t->subject = world_find_figure(t->scene, 0);
    AuStatus st = camera_solve(t->p, 0, t->scene, ASPECT, &t->planned);
    CHECK_OK(st);
    return st == AU_OK && t->subject;
}

static void take_fini(Take *t)
{
    world_scene_free(&t->scene);
    fixture_free(t->p);
}

/* The camera at @p t_s into the shot, as render_one gets it. */
static CameraView at(const Take *t, double t_s, uint64_t seed)
{
    CameraView v;
    memset(&v, 0, sizeof(v));
    CHECK_OK(camera_solve(t->p, 0, t->scene, ASPECT, &v));
    CHECK_OK(camera_apply_move(t->p, 0, t->scene, t_s, seed, &v));
    return v;
}

static bool same_view(const CameraView *a, const CameraView *b)
{
    return memcmp(a, b, sizeof(*a)) == 0;
}

/* True when @p a looks exactly as @p b does, wherever it stands. */
static bool same_but_position(const CameraView *a, const CameraView *b)
{
    CameraView c = *a;
    c.position = b->position;
    return same_view(&c, b);
}

/* The subject's height in frame heights: head-top joint to the waist on
 * the front of the body. */
static double subject_h(const CameraView *v, const WorldFigure *f)
{
    return fixture_row(v, fixture_front(f, f->joints[WORLD_JOINT_WAIST].y)) -
           fixture_row(v, f->joints[WORLD_JOINT_HEAD_TOP]);
}

static double yaw_deg(const CameraView *v)
{
    return atan2(v->forward.x, -v->forward.z) / DEG;
}

/* The roll: the angle from the level up vector to the camera's up. */
static double roll_deg(const CameraView *v)
{
    Vec3 level_right = v3_norm(v3_cross(v->forward, v3(0, 1, 0)));
    Vec3 level_up = v3_cross(level_right, v->forward);
    return atan2(v3_dot(v->up, level_right), v3_dot(v->up, level_up)) / DEG;
}

/* Smoothstep, as the doc gives the ease. */
static double ease(double u)
{
    return u * u * (3.0 - 2.0 * u);
}

static double wrap_deg(double d)
{
    while (d > 180.0)
        d -= 360.0;
    while (d <= -180.0)
        d += 360.0;
    return d;
}

static double angle_deg(Vec3 a, Vec3 b)
{
    return acos(base_clamp(v3_dot(v3_norm(a), v3_norm(b)), -1.0, 1.0)) / DEG;
}

/* Where @p p falls in @p v, as a point on the frame. */
static void frame_xy(const CameraView *v, Vec3 p, double *x, double *y)
{
    *x = *y = NAN;
    CHECK(camera_project(v, p, x, y));
}

/* ---- moves measured by projection ------------------------------------- */

static void test_static_and_follow_are_the_solve(void)
{
    const DirectMove moves[] = { DIRECT_MOVE_STATIC, DIRECT_MOVE_FOLLOW };
    const double times[] = { 0.0, 0.3, 1.0, 2.0, 7.5 };
    for (size_t m = 0; m < BASE_ARRAY_LEN(moves); m++) {
        Take t;
        if (take_init(&t, DIRECT_SHOT_MS, DIRECT_KIND_SINGLE, 35, moves[m], 0.0,
                      1.0)) {
            for (size_t i = 0; i < BASE_ARRAY_LEN(times); i++) {
                CameraView v = at(&t, times[i], 1);
                CHECK(same_view(&v, &t.planned));
            }
        }
        take_fini(&t);
    }
}

/* Every move but handheld starts on the planned composition. */
static void test_every_move_starts_on_the_plan(void)
{
    for (int m = 0; m < DIRECT_MOVE_COUNT; m++) {
        if (m == DIRECT_MOVE_HANDHELD)
            continue;
        Take t;
        if (take_init(&t, DIRECT_SHOT_MS, DIRECT_KIND_SINGLE, 35, (DirectMove)m,
                      0.0, 1.0)) {
            CameraView v = at(&t, 0.0, 1);
            CHECK(same_view(&v, &t.planned));
            // And each moves by the end (static and follow aside).
            CameraView e = at(&t, END_S, 1);
            if (m != DIRECT_MOVE_STATIC && m != DIRECT_MOVE_FOLLOW)
                CHECK(!same_view(&e, &t.planned));
        }
        take_fini(&t);
    }
}

static void test_pan_and_tilt(void)
{
    Take t;
    if (take_init(&t, DIRECT_SHOT_MS, DIRECT_KIND_SINGLE, 35, DIRECT_MOVE_PAN,
                  0.0, 1.0)) {
        double y0 = yaw_deg(&t.planned);
        CameraView half = at(&t, 1.0, 1), end = at(&t, END_S, 1);
        double d_half = wrap_deg(yaw_deg(&half) - y0);
        double d_end = wrap_deg(yaw_deg(&end) - y0);
        printf("pan 30: yaw change at t=0 %.4f, half-way %.4f, end %.4f deg\n",
               wrap_deg(yaw_deg(&t.planned) - y0), d_half, d_end);
        CHECK_NEAR(d_end, 30.0, 0.5);
        CHECK_NEAR(d_half, 15.0, 0.5);
        // Eased: a tenth of the way in, less than half a tenth of the turn.
        CameraView early = at(&t, 0.2, 1);
        CHECK(wrap_deg(yaw_deg(&early) - y0) < 0.1 * 30.0 * 0.5);
        // A pan right turns the lens toward the frame's right, level.
        CHECK(v3_dot(end.forward, t.planned.right) > 0.4);
        CHECK_NEAR(end.forward.y, t.planned.forward.y, 1e-9);
        CHECK_NEAR(v3_dot(end.right, v3(0, 1, 0)), 0.0, 1e-9);
        CHECK_NEAR(v3_len(v3_sub(end.position, t.planned.position)), 0.0, 0.0);
        // Left, a number, and slow.
        t.p->shots[0].move_amount = -1.0;
        end = at(&t, END_S, 1);
        CHECK_NEAR(wrap_deg(yaw_deg(&end) - y0), -30.0, 0.5);
        t.p->shots[0].move_amount = 45.0;
        end = at(&t, END_S, 1);
        CHECK_NEAR(wrap_deg(yaw_deg(&end) - y0), 45.0, 0.5);
        t.p->shots[0].move_amount = 0.0;
        t.p->shots[0].move_speed = 0.5;
        end = at(&t, END_S, 1);
        CHECK_NEAR(wrap_deg(yaw_deg(&end) - y0), 15.0, 0.5);
        t.p->shots[0].move_speed = 2.0;
        end = at(&t, END_S, 1);
        CHECK_NEAR(wrap_deg(yaw_deg(&end) - y0), 60.0, 0.5);

        // Tilt: 15 degrees up by default, down with the word.
        t.p->shots[0].move = DIRECT_MOVE_TILT;
        t.p->shots[0].move_speed = 1.0;
        double p0 = asin(t.planned.forward.y) / DEG;
        end = at(&t, END_S, 1);
        double up_deg = asin(end.forward.y) / DEG - p0;
        t.p->shots[0].move_amount = -1.0;
        end = at(&t, END_S, 1);
        double down_deg = asin(end.forward.y) / DEG - p0;
        printf("tilt: up %.4f, down %.4f deg\n", up_deg, down_deg);
        CHECK_NEAR(up_deg, 15.0, 0.5);
        CHECK_NEAR(down_deg, -15.0, 0.5);
        CHECK_NEAR(wrap_deg(yaw_deg(&end) - y0), 0.0, 1e-6);
    }
    take_fini(&t);
}

static void test_dolly(void)
{
    Take t;
    if (take_init(&t, DIRECT_SHOT_MS, DIRECT_KIND_SINGLE, 35,
                  DIRECT_MOVE_DOLLY_IN, 0.0, 1.0)) {
        const WorldFigure *f = t.subject;
        double h0 = subject_h(&t.planned, f), prev = h0;
        double ex0, ey0;
        frame_xy(&t.planned, f->joints[WORLD_JOINT_EYES], &ex0, &ey0);
        bool grows = true;
        double eye_drift = 0.0;
        for (int i = 1; i <= 24; i++) {
            CameraView v = at(&t, END_S * i / 24.0, 1);
            double h = subject_h(&v, f), ex, ey;
            grows = grows && h > prev;
            prev = h;
            frame_xy(&v, f->joints[WORLD_JOINT_EYES], &ex, &ey);
            eye_drift = fmax(eye_drift, hypot(ex - ex0, ey - ey0));
            CHECK(same_but_position(&v, &t.planned));
        }
        double normal = prev / h0;
        t.p->shots[0].move_speed = 0.5;
        CameraView v = at(&t, END_S, 1);
        double slow = subject_h(&v, f) / h0;
        t.p->shots[0].move_speed = 1.0;
        t.p->shots[0].move = DIRECT_MOVE_DOLLY_OUT;
        v = at(&t, END_S, 1);
        double out = subject_h(&v, f) / h0;
        printf("dolly: in x%.4f (slow x%.4f), out x%.4f, eyes drift %.2g\n",
               normal, slow, out, eye_drift);
        CHECK(grows);
        CHECK_NEAR(normal, 1.35, 0.03);
        CHECK_NEAR(slow, 1.175, 0.02);
        CHECK(slow < normal);
        CHECK_NEAR(out, 1.0 / 1.35, 0.03);
        // The eyes hold their place in frame.
        CHECK(eye_drift < 1e-9);
    }
    take_fini(&t);
}

static void test_dolly_zoom(void)
{
    Take t;
    if (take_init(&t, DIRECT_SHOT_MS, DIRECT_KIND_SINGLE, 35,
                  DIRECT_MOVE_DOLLY_ZOOM, 0.0, 1.0)) {
        const WorldFigure *f = t.subject;
        double h0 = subject_h(&t.planned, f), worst = 0.0;
        for (int i = 1; i <= 24; i++) {
            CameraView v = at(&t, END_S * i / 24.0, 1);
            worst = fmax(worst, fabs(subject_h(&v, f) / h0 - 1.0));
        }
        CameraView end = at(&t, END_S, 1);
        double focal = end.focal_mm / t.planned.focal_mm;
        // A point on the set eight metres behind the subject, off to the
        // side: the background the move reveals.
        Vec3 eyes = f->joints[WORLD_JOINT_EYES];
        Vec3 bg = v3_add(v3_add(eyes, v3_scale(t.planned.forward, 8.0)),
                         v3_scale(t.planned.right, 2.0));
        double bx0, by0, bx1, by1;
        frame_xy(&t.planned, bg, &bx0, &by0);
        frame_xy(&end, bg, &bx1, &by1);
        double moved = hypot(bx1 - bx0, by1 - by0);
        printf("dolly zoom: subject size within %.4f%%, focal x%.4f, "
               "background moves %.4f of the frame\n",
               100.0 * worst, focal, moved);
        CHECK(worst < 0.02);
        CHECK(fabs(focal - 1.0) > 0.20);
        CHECK(focal < 1.0);
        CHECK(moved > 0.05);
        CHECK(v3_dot(v3_sub(end.position, t.planned.position),
                     t.planned.forward) > 0.0);
    }
    take_fini(&t);
}

static void test_orbit(void)
{
    Take t;
    if (take_init(&t, DIRECT_SHOT_MS, DIRECT_KIND_SINGLE, 35, DIRECT_MOVE_ORBIT,
                  45.0, 1.0)) {
        Vec3 c = t.subject->joints[WORLD_JOINT_EYES];
        double a0 =
            atan2(t.planned.position.z - c.z, t.planned.position.x - c.x);
        double r0 =
            hypot(t.planned.position.z - c.z, t.planned.position.x - c.x);
        CameraView end = at(&t, END_S, 1);
        double a1 = atan2(end.position.z - c.z, end.position.x - c.x);
        double r1 = hypot(end.position.z - c.z, end.position.x - c.x);
        double turned = fabs(wrap_deg((a1 - a0) / DEG));
        double ex0, ey0, ex1, ey1;
        frame_xy(&t.planned, c, &ex0, &ey0);
        frame_xy(&end, c, &ex1, &ey1);
        printf("orbit 45: %.4f deg round the subject, radius %.4f -> %.4f m, "
               "eyes move %.2g\n",
               turned, r0, r1, hypot(ex1 - ex0, ey1 - ey0));
        CHECK_NEAR(turned, 45.0, 1.0);
        CHECK_NEAR(r1, r0, 1e-9);
        CHECK_NEAR(end.position.y, t.planned.position.y, 1e-9);
        CHECK(hypot(ex1 - ex0, ey1 - ey0) < 1e-9);
        // Toward the camera's right.
        CHECK(v3_dot(v3_sub(end.position, t.planned.position),
                     t.planned.right) > 0.0);
        // The default is 30 degrees.
        t.p->shots[0].move_amount = 0.0;
        end = at(&t, END_S, 1);
        a1 = atan2(end.position.z - c.z, end.position.x - c.x);
        CHECK_NEAR(fabs(wrap_deg((a1 - a0) / DEG)), 30.0, 1.0);
    }
    take_fini(&t);
}

static void test_zoom(void)
{
    Take t;
    if (take_init(&t, DIRECT_SHOT_MS, DIRECT_KIND_SINGLE, 35, DIRECT_MOVE_ZOOM,
                  2.0, 1.0)) {
        double f0 = t.planned.focal_mm;
        CameraView end = at(&t, END_S, 1), half = at(&t, 1.0, 1);
        printf("zoom 2x: focal %.4f -> %.4f mm (half-way %.4f)\n", f0,
               end.focal_mm, half.focal_mm);
        CHECK_NEAR(end.focal_mm / f0, 2.0, 1e-9);
        CHECK(half.focal_mm > f0 && half.focal_mm < end.focal_mm);
        CameraView same = end;
        same.focal_mm = f0;
        CHECK(same_view(&same, &t.planned));
        t.p->shots[0].move_amount = 0.0;
        end = at(&t, END_S, 1);
        CHECK_NEAR(end.focal_mm / f0, 1.5, 1e-9);
        t.p->shots[0].move_amount = -1.0;
        end = at(&t, END_S, 1);
        CHECK_NEAR(end.focal_mm / f0, 1.0 / 1.5, 1e-9);
        // The lens stops at 12 mm.
        t.p->shots[0].move_amount = 0.1;
        end = at(&t, END_S, 1);
        CHECK_NEAR(end.focal_mm, 12.0, 1e-9);
    }
    take_fini(&t);
}

static void test_truck_pedestal_crane(void)
{
    Take t;
    if (take_init(&t, DIRECT_SHOT_MS, DIRECT_KIND_SINGLE, 35, DIRECT_MOVE_TRUCK,
                  0.0, 1.0)) {
        CameraView end = at(&t, END_S, 1);
        Vec3 d = v3_sub(end.position, t.planned.position);
        CHECK_NEAR(v3_dot(d, t.planned.right), 1.0, 1e-9);
        CHECK_NEAR(v3_len(d), 1.0, 1e-9);
        CHECK(v3_len(v3_sub(end.forward, t.planned.forward)) == 0.0);
        t.p->shots[0].move_amount = -1.0;
        end = at(&t, END_S, 1);
        CHECK_NEAR(
            v3_dot(v3_sub(end.position, t.planned.position), t.planned.right),
            -1.0, 1e-9);

        t.p->shots[0].move = DIRECT_MOVE_PEDESTAL;
        t.p->shots[0].move_amount = 0.0;
        end = at(&t, END_S, 1);
        CHECK_NEAR(end.position.y - t.planned.position.y, 0.5, 1e-9);
        t.p->shots[0].move_amount = -1.0;
        end = at(&t, END_S, 1);
        CHECK_NEAR(end.position.y - t.planned.position.y, -0.5, 1e-9);

        // Crane up: 1.5 m higher, re-aimed so the eyes keep their place,
        // the head and waist in frame, the horizon level.
        const WorldFigure *f = t.subject;
        t.p->shots[0].move = DIRECT_MOVE_CRANE_UP;
        t.p->shots[0].move_amount = 0.0;
        end = at(&t, END_S, 1);
        double ex0, ey0, ex1, ey1, hx, hy, wx, wy;
        frame_xy(&t.planned, f->joints[WORLD_JOINT_EYES], &ex0, &ey0);
        frame_xy(&end, f->joints[WORLD_JOINT_EYES], &ex1, &ey1);
        frame_xy(&end, f->joints[WORLD_JOINT_HEAD_TOP], &hx, &hy);
        frame_xy(&end, f->joints[WORLD_JOINT_WAIST], &wx, &wy);
        printf("crane up: camera %.4f m higher, looking down %.2f deg, eyes "
               "move %.2g, head %.3f waist %.3f\n",
               end.position.y - t.planned.position.y,
               -asin(end.forward.y) / DEG, hypot(ex1 - ex0, ey1 - ey0), hy, wy);
        CHECK_NEAR(end.position.y - t.planned.position.y, 1.5, 1e-9);
        CHECK_NEAR(end.position.x, t.planned.position.x, 1e-9);
        CHECK(hypot(ex1 - ex0, ey1 - ey0) < 1e-9);
        CHECK(hy > 0.0 && hy < 1.0 && wy > 0.0 && wy < 1.0);
        CHECK(hx > 0.0 && hx < 1.0 && wx > 0.0 && wx < 1.0);
        CHECK(end.forward.y < -0.3);
        CHECK_NEAR(v3_dot(end.right, v3(0, 1, 0)), 0.0, 1e-9);

        // Crane down: 1.5 m lower, looking up; fast it would pass the
        // floor, and stops 5 cm above it.
        t.p->shots[0].move = DIRECT_MOVE_CRANE_DOWN;
        end = at(&t, END_S, 1);
        CHECK_NEAR(end.position.y - t.planned.position.y, -1.5, 1e-9);
        CHECK(end.forward.y > 0.0);
        t.p->shots[0].move_speed = 2.0;
        double floor_y = f->joints[WORLD_JOINT_HEAD_TOP].y - f->look.height_m,
               low = 1e9, prev = 1e9;
        bool falls = true;
        for (int i = 0; i <= 48; i++) {
            CameraView v = at(&t, END_S * i / 48.0, 1);
            low = fmin(low, v.position.y);
            falls = falls && v.position.y <= prev;
            prev = v.position.y;
        }
        printf("crane down fast: lowest %.4f m above the floor\n",
               low - floor_y);
        CHECK(falls);
        CHECK(low >= floor_y + 0.05 - 1e-9);
        CHECK_NEAR(low, floor_y + 0.05, 1e-6);
    }
    take_fini(&t);
}

/* A crane re-aims in any angle without turning the horizon. */
static void test_crane_keeps_the_mark_at_any_angle(void)
{
    const DirectAngle angles[] = { DIRECT_ANGLE_EYE, DIRECT_ANGLE_LOW,
                                   DIRECT_ANGLE_HIGH, DIRECT_ANGLE_DUTCH };
    const DirectMove moves[] = { DIRECT_MOVE_CRANE_UP, DIRECT_MOVE_CRANE_DOWN };
    double worst_mark = 0.0, worst_roll = 0.0;
    for (size_t a = 0; a < BASE_ARRAY_LEN(angles); a++) {
        for (size_t m = 0; m < BASE_ARRAY_LEN(moves); m++) {
            Take t;
            memset(&t, 0, sizeof(t));
            t.p = fixture_production(A, 1);
            t.p->shots[0].angle = angles[a];
            t.p->shots[0].size = DIRECT_SHOT_MCU;
            t.p->shots[0].lens_mm = 50;
            t.p->shots[0].move = moves[m];
            t.p->shots[0].move_speed = 0.5;
            CHECK_OK(world_build(A, t.p, 0, 0.0, 1, &t.scene));
            t.subject = t.scene ? world_find_figure(t.scene, 0) : NULL;
            if (t.subject &&
                camera_solve(t.p, 0, t.scene, ASPECT, &t.planned) == AU_OK) {
                Vec3 eyes = t.subject->joints[WORLD_JOINT_EYES];
                double x0, y0;
                frame_xy(&t.planned, eyes, &x0, &y0);
                for (int i = 1; i <= 8; i++) {
                    CameraView v = at(&t, END_S * i / 8.0, 1);
                    double x, y;
                    frame_xy(&v, eyes, &x, &y);
                    worst_mark = fmax(worst_mark, hypot(x - x0, y - y0));
                    worst_roll = fmax(
                        worst_roll, fabs(roll_deg(&v) - roll_deg(&t.planned)));
                    CHECK_NEAR(fabs(v.position.y - t.planned.position.y),
                               0.75 * ease(i / 8.0), 1e-9);
                }
            } else {
                CHECK(!"the crane's framing solves");
            }
            take_fini(&t);
        }
    }
    printf("crane at eye level, low, high and dutch: the eyes move %.2g, the "
           "roll %.2g deg\n",
           worst_mark, worst_roll);
    CHECK(worst_mark < 1e-9);
    CHECK(worst_roll < 1e-9);
}

/* A push-in on a wide lens close to the face stops short of it. */
static void test_dolly_stops_short_of_the_face(void)
{
    Take t;
    if (take_init(&t, DIRECT_SHOT_ECU, DIRECT_KIND_SINGLE, 12,
                  DIRECT_MOVE_DOLLY_IN, 0.0, 3.0)) {
        Vec3 eyes = t.subject->joints[WORLD_JOINT_EYES];
        double d0 = v3_len(v3_sub(t.planned.position, eyes)), nearest = d0,
               prev = d0;
        bool nears = true;
        for (int i = 1; i <= 48; i++) {
            CameraView v = at(&t, END_S * i / 48.0, 1);
            double d = v3_len(v3_sub(v.position, eyes));
            nears = nears && d <= prev;
            prev = d;
            nearest = fmin(nearest, d);
        }
        printf("dolly in very fast (x2.05) from %.4f m: stops %.4f m from the "
               "eyes\n",
               d0, nearest);
        CHECK(nears);
        // Unclamped it would end at d0 / 2.05.
        CHECK(d0 / 2.05 < 0.15);
        CHECK(nearest > 0.15);
        CHECK(nearest < 0.2);
    }
    take_fini(&t);
}

static void test_handheld(void)
{
    Take t;
    if (take_init(&t, DIRECT_SHOT_MCU, DIRECT_KIND_SINGLE, 50,
                  DIRECT_MOVE_HANDHELD, 0.0, 1.0)) {
        CameraView a = at(&t, 1.25, 7), b = at(&t, 1.25, 7),
                   c = at(&t, 1.25, 8);
        CHECK(same_view(&a, &b));
        CHECK(!same_view(&a, &c));
        double axis = 0.0, upd = 0.0, shift = 0.0, step = 0.0;
        CameraView prev = at(&t, 0.0, 7);
        for (int i = 0; i < 100; i++) {
            CameraView v = at(&t, i / 24.0, 7);
            axis = fmax(axis, angle_deg(v.forward, t.planned.forward));
            upd = fmax(upd, angle_deg(v.up, t.planned.up));
            shift = fmax(shift, v3_len(v3_sub(v.position, t.planned.position)));
            step = fmax(step, angle_deg(v.forward, prev.forward));
            step = fmax(step, angle_deg(v.up, prev.up));
            prev = v;
            CHECK_NEAR(v.focal_mm, t.planned.focal_mm, 0.0);
        }
        printf("handheld over 100 frames: lens axis within %.4f deg, up within "
               "%.4f deg, position within %.4f cm, largest frame-to-frame "
               "turn %.4f deg\n",
               axis, upd, 100.0 * shift, step);
        CHECK(axis <= 0.6 && upd <= 0.6);
        CHECK(shift <= 0.02);
        CHECK(step < 0.2);
        // It does shake.
        CHECK(axis > 0.1);
        CHECK(shift > 0.003);
    }
    take_fini(&t);
}

static void test_bad_input(void)
{
    Take t;
    if (take_init(&t, DIRECT_SHOT_MS, DIRECT_KIND_SINGLE, 35, DIRECT_MOVE_PAN,
                  0.0, 1.0)) {
        CameraView v = t.planned;
        CHECK_STATUS(camera_apply_move(NULL, 0, t.scene, 1.0, 1, &v),
                     AU_EINVAL);
        CHECK_STATUS(camera_apply_move(t.p, 0, NULL, 1.0, 1, &v), AU_EINVAL);
        CHECK_STATUS(camera_apply_move(t.p, 0, t.scene, 1.0, 1, NULL),
                     AU_EINVAL);
        CHECK_STATUS(camera_apply_move(t.p, 1, t.scene, 1.0, 1, &v), AU_EINVAL);
        CHECK_STATUS(camera_apply_move(t.p, 0, t.scene, NAN, 1, &v), AU_EINVAL);
        t.p->shots[0].move_amount = INFINITY;
        CHECK_STATUS(camera_apply_move(t.p, 0, t.scene, 1.0, 1, &v), AU_EINVAL);
        t.p->shots[0].move_amount = 0.0;
        t.p->shots[0].move = DIRECT_MOVE_COUNT;
        CHECK_STATUS(camera_apply_move(t.p, 0, t.scene, 1.0, 1, &v), AU_EINVAL);
        CHECK(same_view(&v, &t.planned));
        // Past the end the move holds its last frame.
        t.p->shots[0].move = DIRECT_MOVE_PAN;
        CameraView end = at(&t, END_S, 1), later = at(&t, 9.0, 1);
        CHECK(same_view(&end, &later));
    }
    take_fini(&t);
}

/* ---- on the rendered ID pass ------------------------------------------ */

/* The rows the subject's pixels span in @p v, or 0 when unseen. */
static int rendered_rows(const Take *t, const CameraView *v, int w, int h,
                         double *cx)
{
    LightRig rig;
    light_rig_for_scene(&t->p->scenes[0], &rig);
    RenderSettings rs = { 1, 0, 2, 1, 0, 0, 0, 0 };
    Frame fr;
    int top = -1, bottom = -1;
    long sum_x = 0, count = 0;
    CHECK_OK(render_frame_init(&fr, A, w, h));
    CHECK_OK(render_frame(dev, t->scene, v, &rig, &rs, &fr, NULL));
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            if (fr.id[(size_t)y * (size_t)w + (size_t)x] != 1)
                continue;
            top = top < 0 ? y : top;
            bottom = y;
            sum_x += x;
            count++;
        }
    }
    render_frame_fini(&fr);
    *cx = count ? (double)sum_x / (double)count / w : NAN;
    return top < 0 ? 0 : bottom - top + 1;
}

static void test_moves_on_the_id_pass(void)
{
    const int w = 359, h = 150;
    Take t;
    // A wide shot, the whole figure in frame: a push-in grows it by 35%.
    if (take_init(&t, DIRECT_SHOT_WS, DIRECT_KIND_SINGLE, 24,
                  DIRECT_MOVE_DOLLY_IN, 0.0, 1.0)) {
        double cx0, cx1;
        CameraView end = at(&t, END_S, 1);
        int rows0 = rendered_rows(&t, &t.planned, w, h, &cx0);
        int rows1 = rendered_rows(&t, &end, w, h, &cx1);
        double grown = (double)rows1 / rows0;
        printf("ID pass: dolly in grows the subject %d -> %d rows (x%.3f)\n",
               rows0, rows1, grown);
        CHECK(rows0 > 20);
        CHECK_NEAR(grown, 1.35, 0.06);

        // Crane up: still in frame at the end, about where it was across.
        t.p->shots[0].move = DIRECT_MOVE_CRANE_UP;
        end = at(&t, END_S, 1);
        int rows2 = rendered_rows(&t, &end, w, h, &cx1);
        printf("ID pass: crane up keeps %d rows of the subject, centre x "
               "%.3f -> %.3f\n",
               rows2, cx0, cx1);
        CHECK(rows2 > rows0 / 2);
        CHECK_NEAR(cx1, cx0, 0.05);
    }
    take_fini(&t);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_OK(render_device_new(A, NULL, &dev));
    CHECK_RUN(test_static_and_follow_are_the_solve);
    CHECK_RUN(test_every_move_starts_on_the_plan);
    CHECK_RUN(test_pan_and_tilt);
    CHECK_RUN(test_dolly);
    CHECK_RUN(test_dolly_zoom);
    CHECK_RUN(test_orbit);
    CHECK_RUN(test_zoom);
    CHECK_RUN(test_truck_pedestal_crane);
    CHECK_RUN(test_crane_keeps_the_mark_at_any_angle);
    CHECK_RUN(test_dolly_stops_short_of_the_face);
    CHECK_RUN(test_handheld);
    CHECK_RUN(test_bad_input);
    CHECK_RUN(test_moves_on_the_id_pass);
    render_device_free(&dev);
    return CHECK_DONE();
}
