/* tests/world/test_paths.c: an exit walks off and is gone, an entrance is
 * absent before, a walk goes round a table in its way and the foot rolls
 * heel to toe; measured on the built Scene and the performance's path. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "world/world_internal.h"

static Scene *at(const HProd *h, double t_s)
{
    Scene *s = NULL;
    CHECK_OK(world_build(base_allocator_default(), &h->p, 0, t_s, 7, &s));
    return s;
}

// Whether STEEL is in the scene at @p t_s, and where his pelvis is.
static bool steel_at(const HProd *h, double t_s, Vec3 *pelvis)
{
    Scene *s = at(h, t_s);
    const WorldFigure *f = s ? world_find_figure(s, 1) : NULL;
    if (f && pelvis)
        *pelvis = f->joints[WORLD_JOINT_PELVIS];
    bool here = f != NULL;
    if (s)
        CHECK(world_find_figure(s, 0) != NULL);
    world_scene_free(&s);
    return here;
}

static void test_exit(void)
{
    HProd h;
    h_prod(&h, "KITCHEN", true, 2);
    static const char *const lines[] = { "STEEL exits." };
    h_actions(&h, lines, 1);
    h.shot.duration_s = 10.0;
    Vec3 home = v3(0, 0, 0), p = v3(0, 0, 0);
    CHECK(steel_at(&h, 0.0, &home));
    double far_m = 0.0, gone_s = -1.0;
    for (double t = 0.25; t <= 10.0; t += 0.25) {
        if (steel_at(&h, t, &p)) {
            CHECK(gone_s < 0.0); // once gone, gone for good
            far_m = fmax(far_m, hypot(p.x - home.x, p.z - home.z));
        } else if (gone_s < 0.0) {
            gone_s = t;
        }
    }
    printf("exit: walked %.2f m off, gone from %.2f s\n", far_m, gone_s);
    CHECK(far_m > 3.0);
    CHECK(gone_s > 2.0 && gone_s < 7.0);
}

static void test_enter(void)
{
    HProd h;
    h_prod(&h, "KITCHEN", true, 2);
    // Two lines share the shot's beat: the entrance is the second, 5 s in.
    static const char *const lines[] = { "BRICK waits.", "STEEL enters." };
    h_actions(&h, lines, 2);
    h.shot.duration_s = 10.0;
    Vec3 first = v3(0, 0, 0), end = v3(0, 0, 0);
    bool before = steel_at(&h, 4.5, NULL);
    bool walking = steel_at(&h, 5.5, &first);
    bool there = steel_at(&h, 10.0, &end);
    printf("enter: present at 4.5 s %d, 5.5 s %d, 10 s %d; walked %.2f m\n",
           before, walking, there, hypot(end.x - first.x, end.z - first.z));
    CHECK(!before);
    CHECK(walking && there);
    CHECK(hypot(end.x - first.x, end.z - first.z) > 2.5);
}

// Whether (x, z) lies inside the floor box of @p p grown by @p m_m.
static bool in_box(const WorldProp *p, Vec3 q, double m_m)
{
    return fabs(q.x - p->center.x) < p->half_extent.x + m_m &&
           fabs(q.z - p->center.z) < p->half_extent.z + m_m;
}

static void test_round_the_table(void)
{
    HProd h;
    h_prod(&h, "KITCHEN", true, 2);
    static const char *const lines[] = { "BRICK walks to STEEL." };
    h_actions(&h, lines, 1);
    WorldFigure figs[2];
    memset(figs, 0, sizeof(figs));
    figs[1].cast_index = 1;
    WorldAct acts[4];
    size_t n = world_acts_read(&h.p, 0, figs, 2, acts, 4);
    CHECK_INT_EQ(n, 1);
    // Brick in front, Steel behind, a table between them on the line.
    const Vec3 homes[2] = { v3(0.1, 0, 1.6), v3(0, 0, -2.6) };
    const Vec3 facing[2] = { v3(0, 0, -1), v3(0, 0, 1) };
    WorldProp table = { "table", v3(0, 0.38, 0), v3(0.6, 0.38, 0.4), SIZE_MAX };
    double nearest_m = INFINITY, path_m = 0.0;
    bool straight_hits = false;
    Vec3 prev = homes[0], last = homes[0];
    for (double t = 0.0; t < 8.0; t += 1.0 / 24.0) {
        WorldPerf pf, straight;
        world_perform(acts, n, 0, v3(0, 0, 0), homes, facing, &table, 1, t, &pf,
                      NULL, 0, NULL);
        world_perform(acts, n, 0, v3(0, 0, 0), homes, facing, NULL, 0, t,
                      &straight, NULL, 0, NULL);
        straight_hits = straight_hits || in_box(&table, straight.pos, 0.0);
        CHECK(!in_box(&table, pf.pos, 0.25));
        double dx = fmax(fabs(pf.pos.x - table.center.x) - 0.6, 0.0);
        double dz = fmax(fabs(pf.pos.z - table.center.z) - 0.4, 0.0);
        nearest_m = fmin(nearest_m, hypot(dx, dz));
        path_m += hypot(pf.pos.x - prev.x, pf.pos.z - prev.z);
        prev = last = pf.pos;
    }
    printf("round the table: nearest %.3f m from its edge, path %.2f m "
           "(straight 3.0 m), ends at (%.2f, %.2f)\n",
           nearest_m, path_m, last.x, last.z);
    CHECK(straight_hits);
    CHECK(nearest_m >= 0.25);
    // It still arrives a conversational distance short of Steel.
    CHECK(hypot(last.x - 0.0, last.z + 2.6) < 1.3);
    CHECK(path_m < 4.5);
}

// Walking round the corner keeps the stance foot planted.
static void test_planted_round_the_corner(void)
{
    HProd h;
    h_prod(&h, "KITCHEN", true, 2);
    static const char *const lines[] = { "BRICK walks to STEEL." };
    h_actions(&h, lines, 1);
    WorldFigure figs[2];
    memset(figs, 0, sizeof(figs));
    figs[1].cast_index = 1;
    WorldAct acts[4];
    size_t n = world_acts_read(&h.p, 0, figs, 2, acts, 4);
    const Vec3 homes[2] = { v3(0.1, 0, 1.6), v3(0, 0, -2.6) };
    const Vec3 facing[2] = { v3(0, 0, -1), v3(0, 0, 1) };
    WorldProp table = { "table", v3(0, 0.38, 0), v3(0.6, 0.38, 0.4), SIZE_MAX };
    WorldFigureLook look;
    world_figure_look(base_hash_name("BRICK"), &look);
    double worst = 0.0;
    Vec3 prev[2];
    bool have = false;
    for (double t = 0.0; t < 8.0; t += 1.0 / 24.0) {
        WorldPerf pf;
        world_perform(acts, n, 0, v3(0, 0, 0), homes, facing, &table, 1, t, &pf,
                      NULL, 0, NULL);
        Vec3 f = pf.facing, left = v3(f.z, 0, -f.x);
        for (int k = 0; k < 2; k++) {
            Vec3 r =
                v3_add(world_figure_ankle_rest(&look, k), pf.pose.foot_m[k]);
            Vec3 w =
                v3_add(pf.pos, v3_add(v3_scale(left, r.x), v3_scale(f, r.z)));
            w.y = pf.pose.foot_m[k].y;
            if (have && w.y < 1e-4 && prev[k].y < 1e-4)
                worst = fmax(worst, hypot(w.x - prev[k].x, w.z - prev[k].z));
            prev[k] = w;
        }
        have = true;
    }
    printf("round the table: worst stance-foot slide %.4f m a frame\n", worst);
    CHECK(worst < 0.02);
}

// The foot rolls heel to toe: flat in stance, the toe below the ankle;
// tilted toe down as it pushes off and toe up as it lands.
static void test_heel_to_toe(void)
{
    HProd h;
    h_prod(&h, "KITCHEN", true, 2);
    static const char *const lines[] = { "BRICK enters." };
    h_actions(&h, lines, 1);
    h.shot.duration_s = 5.0;
    double rest_y = 0.0, rest_a = 0.0, down = 0.0, upd = 0.0;
    double stance_dev = 0.0;
    bool toe_below = true;
    int stance = 0, swing = 0;
    for (int fr = 0; fr <= 4 * 24; fr++) {
        Scene *s = at(&h, (double)fr / 24.0);
        const WorldFigure *f = s ? world_find_figure(s, 0) : NULL;
        CHECK(f != NULL);
        for (int k = 0; f && k < 2; k++) {
            Vec3 an = f->joints[WORLD_JOINT_ANKLE_L + k];
            Vec3 toe = f->joints[WORLD_JOINT_TOE_L + k];
            double a = atan2(toe.y - an.y, hypot(toe.x - an.x, toe.z - an.z));
            if (fr == 0) {
                rest_y = an.y;
                rest_a = a;
                continue;
            }
            double tilt = (rest_a - a) * 180.0 / BASE_PI; // toe down +
            if (an.y < rest_y + 0.002) {
                stance++;
                toe_below = toe_below && toe.y < an.y;
                stance_dev = fmax(stance_dev, fabs(tilt));
            } else if (an.y > rest_y + 0.02) {
                swing++;
                down = fmax(down, tilt);
                upd = fmin(upd, tilt);
            }
        }
        world_scene_free(&s);
    }
    printf("heel to toe: stance %d frames, tilt within %.2f deg, toe below "
           "the ankle %d; swing %d frames, toe down %.1f deg, up %.1f deg\n",
           stance, stance_dev, toe_below, swing, down, -upd);
    CHECK(stance > 40 && swing > 20);
    CHECK(toe_below);
    CHECK(stance_dev < 2.0);
    CHECK(down > 10.0);
    CHECK(-upd > 10.0);
}

int main(void)
{
    CHECK_RUN(test_exit);
    CHECK_RUN(test_enter);
    CHECK_RUN(test_round_the_table);
    CHECK_RUN(test_planted_round_the_corner);
    CHECK_RUN(test_heel_to_toe);
    return CHECK_DONE();
}
