/* tests/camera/test_rendered.c: the framing solver measured on the rendered
 * object-ID pass: world built, camera solved, frame traced, and the
 * characters' pixels held to docs/cinematography.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "render/render.h"

static const AuAllocator *A;
static RenderDevice *dev;

/* What the ID pass shows of one character. */
typedef struct Mask {
    int top, bottom, left, right; // extreme rows and columns, -1 if unseen
    int columns;                  // columns holding at least one pixel
    size_t count;
} Mask;

static Mask mask_of(const Frame *f, size_t cast_index)
{
    Mask m = { -1, -1, -1, -1, 0, 0 };
    uint16_t id = (uint16_t)(cast_index + 1);
    for (int x = 0; x < f->width; x++) {
        bool col = false;
        for (int y = 0; y < f->height; y++) {
            if (f->id[(size_t)y * (size_t)f->width + (size_t)x] != id)
                continue;
            col = true;
            m.count++;
            m.top = m.top < 0 || y < m.top ? y : m.top;
            m.bottom = y > m.bottom ? y : m.bottom;
            m.left = m.left < 0 ? x : m.left;
            m.right = x;
        }
        m.columns += col;
    }
    return m;
}

/* The ID at normalised frame position (x, y), or -1 outside the frame. */
static int id_at(const Frame *f, double x, double y)
{
    int px = (int)floor(x * f->width), py = (int)floor(y * f->height);
    if (px < 0 || py < 0 || px >= f->width || py >= f->height)
        return -1;
    return f->id[(size_t)py * (size_t)f->width + (size_t)px];
}

/* A solved and rendered shot. */
typedef struct Shot {
    Scene *scene;
    CameraView view;
    Frame frame;
    const WorldFigure *subject, *partner;
} Shot;

/* Builds, solves and renders shot 0 of @p p at @p w x @p h; false when
 * the solver refuses (which the callers do not expect). */
static bool shoot(Production *p, int w, int h, Shot *out)
{
    memset(out, 0, sizeof(*out));
    CHECK_OK(world_build(A, p, 0, 0.0, 1, &out->scene));
    if (!out->scene)
        return false;
    AuStatus st =
        camera_solve(p, 0, out->scene, (double)w / (double)h, &out->view);
    CHECK_OK(st);
    if (st != AU_OK) {
        world_scene_free(&out->scene);
        return false;
    }
    LightRig rig;
    light_rig_for_scene(&p->scenes[0], &rig);
    RenderSettings rs = { 1, 0, 2, 1, 0, 0, 0, 0 };
    CHECK_OK(render_frame_init(&out->frame, A, w, h));
    CHECK_OK(render_frame(dev, out->scene, &out->view, &rig, &rs, &out->frame,
                          NULL));
    out->subject = world_find_figure(out->scene, p->shots[0].subject);
    out->partner = world_find_figure(out->scene, 1 - p->shots[0].subject);
    return true;
}

static void release(Shot *s)
{
    render_frame_fini(&s->frame);
    world_scene_free(&s->scene);
}

static void set_shot(Production *p, DirectShotSize size, DirectShotKind kind,
                     DirectAngle angle, double lens_mm)
{
    DirectShot *s = &p->shots[0];
    s->size = size;
    s->kind = kind;
    s->angle = angle;
    s->angle_deg = 0.0;
    s->lens_mm = lens_mm;
    s->subject = 0;
    s->partner = SIZE_MAX;
}

static const char *const size_names[] = { "ECU", "CU", "MCU", "MS",
                                          "MLS", "FS", "WS",  "EWS" };

/* Every size on two lenses each, on a 2.4:1 frame and a 9:16 one; the
 * tall frame's field of view is far taller, so it gets longer lenses. */
static void test_sizes_on_the_id_pass(void)
{
    static const struct {
        DirectShotSize size;
        double lens_mm[2][2]; // [wide, tall frame][first, second lens]
    } cases[] = {
        { DIRECT_SHOT_ECU, { { 135, 50 }, { 135, 85 } } },
        { DIRECT_SHOT_CU, { { 85, 24 }, { 300, 85 } } },
        { DIRECT_SHOT_MCU, { { 50, 18 }, { 135, 50 } } },
        { DIRECT_SHOT_MS, { { 35, 135 }, { 50, 135 } } },
        { DIRECT_SHOT_MLS, { { 24, 85 }, { 35, 85 } } },
        { DIRECT_SHOT_FS, { { 18, 50 }, { 35, 50 } } },
        { DIRECT_SHOT_WS, { { 24, 300 }, { 24, 300 } } },
        { DIRECT_SHOT_EWS, { { 50, 12 }, { 50, 12 } } },
    };

    static const int frames[2][2] = { { 240, 100 }, { 90, 160 } };
    Production *p = fixture_production(A, 1);
    for (size_t c = 0; c < BASE_ARRAY_LEN(cases); c++) {
        for (int l = 0; l < 2; l++) {
            for (int fr = 0; fr < 2; fr++) {
                DirectShotSize size = cases[c].size;
                int w = frames[fr][0], h = frames[fr][1];
                double lens = cases[c].lens_mm[fr][l];
                set_shot(p, size, DIRECT_KIND_SINGLE, DIRECT_ANGLE_EYE, lens);
                Shot s;
                if (!shoot(p, w, h, &s))
                    continue;
                Mask m = mask_of(&s.frame, 0);
                double px = 1.0 / h;
                printf("%-3s %3.0fmm %3dx%-3d top %3d bottom %3d of %d\n",
                       size_names[size], lens, w, h, m.top, m.bottom, h);
                CHECK(m.count > 0);
                if (size == DIRECT_SHOT_ECU) {
                    // The frame cuts across the forehead.
                    CHECK_INT_EQ(m.top, 0);
                } else {
                    CHECK_NEAR((double)m.top / h, fixture_top[size], 0.05 + px);
                }
                if (size <= DIRECT_SHOT_MLS) {
                    // The body runs on out of the bottom of the frame.
                    CHECK_INT_EQ(m.bottom, h - 1);
                }
                if (size == DIRECT_SHOT_FS) {
                    // Feet inside, with the footroom of the table.
                    CHECK(m.bottom < h - 1);
                    CHECK_NEAR((double)(h - 1 - m.bottom) / h, 0.05, 0.05 + px);
                }
                if (size >= DIRECT_SHOT_WS) {
                    double fill = (double)(m.bottom - m.top + 1) / h;
                    CHECK_NEAR(fill, fixture_fill[size],
                               0.1 * fixture_fill[size] + 2.0 * px);
                    printf("    figure fills %.3f of the height\n", fill);
                }
                double ex, ey;
                CHECK(camera_project(
                    &s.view, s.subject->joints[WORLD_JOINT_EYES], &ex, &ey));
                if (size <= DIRECT_SHOT_MCU) {
                    // The eyes on the upper third line, and what is there
                    // in the ID pass is the subject's face.
                    CHECK_NEAR(ey, 1.0 / 3.0, 0.05);
                    CHECK_INT_EQ(id_at(&s.frame, ex, ey), 1);
                }
                // Look room: BRICK looks toward frame right, so the face
                // sits left of centre (or, in a medium single that keeps
                // STEEL out, nearer the middle), and so do their pixels;
                // up to a medium shot STEEL is not in it.
                Vec3 gaze = s.subject->facing;
                if (v3_dot(gaze, s.view.right) > 0.1) {
                    CHECK(ex < 0.5 + 1e-6);
                    CHECK((double)(m.left + m.right) * 0.5 < 0.55 * w);
                    if (size <= DIRECT_SHOT_CU)
                        CHECK_NEAR(ex, 1.0 / 3.0, 1e-3);
                }
                // Up to an MCU, and a medium shot on a lens up to 50 mm,
                // the single is clean; a medium shot on a long lens in a
                // wide frame cannot keep STEEL out of it (the doc says
                // so) and keeps its first framing.
                if (size <= DIRECT_SHOT_MS) {
                    Mask o = mask_of(&s.frame, 1);
                    printf("    the other character: %zu pixels\n", o.count);
                    if (size <= DIRECT_SHOT_MCU || lens <= 50)
                        CHECK(o.count < (size_t)(w * h) / 50);
                }
                release(&s);
            }
        }
    }
    fixture_free(p);
}

static void test_two_shot_on_the_id_pass(void)
{
    static const struct {
        DirectShotSize size;
        double lens_mm;
        int w, h;
    } cases[] = {
        { DIRECT_SHOT_MS, 35, 240, 100 },
        { DIRECT_SHOT_MCU, 85, 178, 100 },
        { DIRECT_SHOT_MS, 50, 90, 160 },
        { DIRECT_SHOT_FS, 24, 240, 100 },
    };

    Production *p = fixture_production(A, 1);
    for (size_t c = 0; c < BASE_ARRAY_LEN(cases); c++) {
        set_shot(p, cases[c].size, DIRECT_KIND_TWO_SHOT, DIRECT_ANGLE_EYE,
                 cases[c].lens_mm);
        p->shots[0].partner = 1;
        Shot s;
        if (!shoot(p, cases[c].w, cases[c].h, &s))
            continue;
        // Both in the frame and neither cut by its sides.
        for (size_t who = 0; who < 2; who++) {
            Mask m = mask_of(&s.frame, who);
            printf("two-shot %s %.0fmm: cast %zu columns %d..%d of %d\n",
                   size_names[cases[c].size], cases[c].lens_mm, who, m.left,
                   m.right, cases[c].w);
            CHECK(m.count > 0);
            CHECK(m.left > 0);
            CHECK(m.right < cases[c].w - 1);
            CHECK(m.top < cases[c].h / 2);
        }
        release(&s);
    }
    fixture_free(p);
}

static void test_over_the_shoulder_on_the_id_pass(void)
{
    static const struct {
        DirectShotSize size;
        double lens_mm;
        int w, h;
    } cases[] = {
        { DIRECT_SHOT_MCU, 85, 240, 100 },  { DIRECT_SHOT_MS, 50, 240, 100 },
        { DIRECT_SHOT_MCU, 135, 178, 100 }, { DIRECT_SHOT_MS, 300, 178, 100 },
        { DIRECT_SHOT_MS, 300, 90, 160 },
    };

    Production *p = fixture_production(A, 1);
    for (size_t c = 0; c < BASE_ARRAY_LEN(cases); c++) {
        for (size_t subject = 0; subject < 2; subject++) {
            set_shot(p, cases[c].size, DIRECT_KIND_OTS, DIRECT_ANGLE_EYE,
                     cases[c].lens_mm);
            p->shots[0].subject = subject;
            p->shots[0].partner = 1 - subject;
            Shot s;
            if (!shoot(p, cases[c].w, cases[c].h, &s))
                continue;
            int w = cases[c].w;
            Mask ms = mask_of(&s.frame, subject);
            Mask mp = mask_of(&s.frame, 1 - subject);
            double share = (double)mp.columns / w;
            printf("OTS %s %.0fmm %dx%d on cast %zu: partner fills %.3f of "
                   "the width\n",
                   size_names[cases[c].size], cases[c].lens_mm, w, cases[c].h,
                   subject, share);
            // The partner's shoulder: 15-30% of the width, against one
            // side of the frame.
            CHECK(share >= 0.15 && share <= 0.30);
            CHECK(mp.left <= w / 10 || mp.right >= w - 1 - w / 10);
            // The subject's eyes are seen, on the other side.
            double ex, ey;
            CHECK(camera_project(&s.view, s.subject->joints[WORLD_JOINT_EYES],
                                 &ex, &ey));
            CHECK_INT_EQ(id_at(&s.frame, ex, ey), (int)subject + 1);
            CHECK(ms.count > 0);
            // The subject on the other half, at most 5% past the middle.
            bool partner_left = mp.left + mp.right < w;
            CHECK(partner_left ? ex > 0.45 : ex < 0.55);
            release(&s);
        }
    }
    fixture_free(p);
}

// The lean of a figure in frame, in degrees, positive when its top is
// right of its bottom: from the middle of its pixels in the top and the
// bottom quarter of the rows it covers.
static double lean_deg(const Frame *f, const Mask *m, size_t cast_index)
{
    uint16_t id = (uint16_t)(cast_index + 1);
    int band = (m->bottom - m->top + 1) / 4;
    double sx[2] = { 0, 0 }, sy[2] = { 0, 0 }, n[2] = { 0, 0 };
    for (int y = m->top; y <= m->bottom; y++) {
        int b = y < m->top + band ? 0 : (y > m->bottom - band ? 1 : -1);
        if (b < 0)
            continue;
        for (int x = 0; x < f->width; x++) {
            if (f->id[(size_t)y * (size_t)f->width + (size_t)x] != id)
                continue;
            sx[b] += x;
            sy[b] += y;
            n[b] += 1.0;
        }
    }
    double dx = sx[0] / n[0] - sx[1] / n[1], dy = sy[1] / n[1] - sy[0] / n[0];
    return atan2(dx, dy) * 180.0 / BASE_PI;
}

static void test_angles_on_the_id_pass(void)
{
    Production *p = fixture_production(A, 1);
    const double lenses[] = { 24, 50 };
    for (size_t l = 0; l < BASE_ARRAY_LEN(lenses); l++) {
        Shot level, s;
        set_shot(p, DIRECT_SHOT_MS, DIRECT_KIND_SINGLE, DIRECT_ANGLE_EYE,
                 lenses[l]);
        if (!shoot(p, 240, 100, &level))
            continue;
        double eye_y = level.subject->joints[WORLD_JOINT_EYES].y;
        Mask ml = mask_of(&level.frame, 0);
        double lean_level = lean_deg(&level.frame, &ml, 0);

        // Low: from below the eyes, looking up; the subject still framed.
        set_shot(p, DIRECT_SHOT_MCU, DIRECT_KIND_SINGLE, DIRECT_ANGLE_LOW,
                 lenses[l]);
        if (shoot(p, 240, 100, &s)) {
            CHECK(s.view.forward.y > 0.0);
            CHECK_NEAR(asin(s.view.forward.y) * 180.0 / BASE_PI, 15.0, 1e-6);
            CHECK(s.view.position.y < eye_y);
            Mask m = mask_of(&s.frame, 0);
            CHECK(m.count > 0 && m.bottom == 99);
            release(&s);
        }
        // High: from above, looking down.
        set_shot(p, DIRECT_SHOT_MCU, DIRECT_KIND_SINGLE, DIRECT_ANGLE_HIGH,
                 lenses[l]);
        if (shoot(p, 240, 100, &s)) {
            CHECK(s.view.forward.y < 0.0);
            CHECK_NEAR(asin(s.view.forward.y) * 180.0 / BASE_PI, -15.0, 1e-6);
            CHECK(s.view.position.y > eye_y);
            Mask m = mask_of(&s.frame, 0);
            CHECK(m.count > 0 && m.bottom == 99);
            release(&s);
        }
        // Dutch: the up vector rolled 15 degrees, and the figure in the
        // ID pass leans the other way by as much.
        set_shot(p, DIRECT_SHOT_MS, DIRECT_KIND_SINGLE, DIRECT_ANGLE_DUTCH,
                 lenses[l]);
        if (shoot(p, 240, 100, &s)) {
            Vec3 level_right = v3_norm(v3_cross(s.view.forward, v3(0, 1, 0)));
            Vec3 level_up = v3_cross(level_right, s.view.forward);
            double roll = atan2(v3_dot(s.view.up, level_right),
                                v3_dot(s.view.up, level_up)) *
                          180.0 / BASE_PI;
            CHECK_NEAR(roll, 15.0, 1e-6);
            Mask m = mask_of(&s.frame, 0);
            double lean = lean_deg(&s.frame, &m, 0);
            printf("dutch %.0fmm: roll %.2f, figure leans %.2f (level %.2f)\n",
                   lenses[l], roll, lean, lean_level);
            CHECK_NEAR(lean - lean_level, -15.0, 4.0);
            // The head top rotated with the frame: the topmost pixel
            // moved the way the roll turns the figure's top.
            int top_x = -1;
            for (int x = 0; x < 240 && top_x < 0; x++) {
                if (s.frame.id[(size_t)m.top * 240 + (size_t)x] == 1)
                    top_x = x;
            }
            double hx, hy;
            CHECK(camera_project(
                &s.view, s.subject->joints[WORLD_JOINT_HEAD_TOP], &hx, &hy));
            CHECK(fabs(top_x - hx * 240) < 12);
            release(&s);
        }
        release(&level);
    }
    fixture_free(p);
}

static void test_pov_insert_overhead_on_the_id_pass(void)
{
    Production *p = fixture_production(A, 1);
    Shot s;
    // POV: the partner's face in the middle of the frame.
    set_shot(p, DIRECT_SHOT_MS, DIRECT_KIND_POV, DIRECT_ANGLE_EYE, 35);
    p->shots[0].partner = 1;
    if (shoot(p, 240, 100, &s)) {
        CHECK_INT_EQ(id_at(&s.frame, 0.5, 0.5), 2);
        CHECK(v3_len(v3_sub(s.view.position,
                            s.subject->joints[WORLD_JOINT_EYES])) < 0.06);
        // The subject's own head is behind the lens.
        CHECK_INT_EQ(mask_of(&s.frame, 0).count, 0);
        release(&s);
    }
    // Insert: the subject's hand in the middle.
    const double lenses[] = { 50, 135 };
    for (size_t l = 0; l < BASE_ARRAY_LEN(lenses); l++) {
        set_shot(p, DIRECT_SHOT_CU, DIRECT_KIND_INSERT, DIRECT_ANGLE_EYE,
                 lenses[l]);
        if (!shoot(p, 240, 100, &s))
            continue;
        int hits = 0;
        for (int side = 0; side < 2; side++) {
            double x, y;
            if (camera_project(&s.view,
                               s.subject->joints[WORLD_JOINT_WRIST_L + side],
                               &x, &y) &&
                fabs(x - 0.5) < 0.1 && id_at(&s.frame, x, y) == 1)
                hits++;
        }
        CHECK_INT_EQ(hits, 1);
        CHECK_INT_EQ(id_at(&s.frame, 0.5, 0.5), 1);
        release(&s);
    }
    // Overhead: straight down on the head.
    set_shot(p, DIRECT_SHOT_MS, DIRECT_KIND_SINGLE, DIRECT_ANGLE_OVERHEAD, 35);
    if (shoot(p, 240, 100, &s)) {
        CHECK_NEAR(s.view.forward.y, -1.0, 1e-12);
        CHECK_INT_EQ(id_at(&s.frame, 0.5, 0.5), 1);
        release(&s);
    }
    fixture_free(p);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_OK(render_device_new(A, NULL, &dev));
    CHECK_RUN(test_sizes_on_the_id_pass);
    CHECK_RUN(test_two_shot_on_the_id_pass);
    CHECK_RUN(test_over_the_shoulder_on_the_id_pass);
    CHECK_RUN(test_angles_on_the_id_pass);
    CHECK_RUN(test_pov_insert_overhead_on_the_id_pass);
    render_device_free(&dev);
    return CHECK_DONE();
}
