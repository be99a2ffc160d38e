/* tests/world/test_perform.c: action lines move the cast: an entrance
 * walks with planted feet, a sit puts the hips on the chair, a drink
 * brings the hand and the glass to the mouth, a pick-up puts the prop in
 * the hand; measured on the skeleton and the props of the built Scene. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "helpers.h"

static Scene *at(const HProd *h, double t_s)
{
    Scene *s = NULL;
    CHECK_OK(world_build(base_allocator_default(), &h->p, 0, t_s, 7, &s));
    return s;
}

static double flat_dist(Vec3 a, Vec3 b)
{
    return hypot(a.x - b.x, a.z - b.z);
}

// Walking in: no stance foot slides more than 2 cm a frame, both feet
// swing, and the figure covers the distance to its place.
static void test_walk_feet_planted(void)
{
    HProd h;
    h_prod(&h, "LIVING ROOM", true, 2);
    static const char *const lines[] = { "BRICK enters." };
    h_actions(&h, lines, 1);
    h.shot.duration_s = 5.0;
    const double fps = 24.0;
    Vec3 prev[2] = { v3(0, 0, 0), v3(0, 0, 0) }, prev_face = v3(0, 0, 1);
    Vec3 first = v3(0, 0, 0), last = v3(0, 0, 0);
    double worst_m = 0.0, rest_y = 0.0;
    double lift[2] = { 0, 0 };
    int stance_pairs = 0;
    for (int fr = 0; fr <= 5 * 24; fr++) {
        Scene *s = at(&h, (double)fr / fps);
        if (!s)
            return;
        const WorldFigure *f = world_find_figure(s, 0);
        CHECK(f != NULL);
        Vec3 a[2] = { f->joints[WORLD_JOINT_ANKLE_L],
                      f->joints[WORLD_JOINT_ANKLE_R] };
        if (fr == 0) {
            first = f->joints[WORLD_JOINT_PELVIS];
            rest_y = fmin(a[0].y, a[1].y);
        }
        bool turning = v3_dot(f->facing, prev_face) < cos(0.5 * BASE_PI / 180);
        for (int k = 0; k < 2 && fr > 0; k++) {
            lift[k] = fmax(lift[k], a[k].y - rest_y);
            // A foot on the ground in both frames is in stance.
            if (a[k].y < rest_y + 0.005 && prev[k].y < rest_y + 0.005 &&
                !turning) {
                worst_m = fmax(worst_m, flat_dist(a[k], prev[k]));
                stance_pairs++;
            }
        }
        prev[0] = a[0];
        prev[1] = a[1];
        prev_face = f->facing;
        last = f->joints[WORLD_JOINT_PELVIS];
        world_scene_free(&s);
    }
    printf("walk: worst stance-foot slide %.4f m a frame over %d frame "
           "pairs, feet lift %.3f/%.3f m, pelvis moved %.2f m\n",
           worst_m, stance_pairs, lift[0], lift[1], flat_dist(first, last));
    CHECK(worst_m <= 0.02);
    CHECK(stance_pairs > 40);
    CHECK(lift[0] > 0.04 && lift[1] > 0.04);
    CHECK(flat_dist(first, last) > 1.5);
}

// Sitting: the hips come down onto the chair's seat, over the chair.
static void test_sit_on_chair(void)
{
    HProd h;
    h_prod(&h, "KITCHEN", true, 2);
    static const char *const lines[] = { "STEEL sits on a chair." };
    h_actions(&h, lines, 1);
    h.shot.duration_s = 4.0;
    Scene *s0 = at(&h, 0.0);
    Scene *s1 = at(&h, 3.0);
    if (!s0 || !s1)
        return;
    const WorldFigure *f0 = world_find_figure(s0, 1);
    const WorldFigure *f1 = world_find_figure(s1, 1);
    double stand_y = f0->joints[WORLD_JOINT_PELVIS].y;
    Vec3 p = f1->joints[WORLD_JOINT_PELVIS];
    CHECK(stand_y - p.y > 0.3);
    const WorldProp *chair = NULL;
    for (size_t i = 0; i < s1->prop_count; i++) {
        if (strcmp(s1->props[i].name, "chair") == 0)
            chair = &s1->props[i];
    }
    CHECK(chair != NULL);
    if (chair) {
        CHECK(flat_dist(p, chair->center) < 0.2);
        // The seat is at 0.46 m; the pelvis joint sits a hand above it.
        CHECK(p.y > 0.5 && p.y < 0.8);
        // Feet on the floor in front of the seat.
        Vec3 an = f1->joints[WORLD_JOINT_ANKLE_L];
        CHECK(an.y < 0.1);
        CHECK(v3_dot(v3_sub(an, chair->center), f1->facing) > 0.25);
    }
    world_scene_free(&s0);
    world_scene_free(&s1);
}

// Walking to a sofa and sitting: on that sofa, not on a new seat.
static void test_walk_to_sofa(void)
{
    HProd h;
    h_prod(&h, "LIVING ROOM", true, 2);
    static const char *const lines[] = { "STEEL walks to the sofa and sits." };
    h_actions(&h, lines, 1);
    h.shot.duration_s = 10.0;
    Scene *s0 = at(&h, 0.0);
    Scene *s1 = at(&h, 9.9);
    if (!s0 || !s1)
        return;
    const WorldFigure *f0 = world_find_figure(s0, 1);
    const WorldFigure *f1 = world_find_figure(s1, 1);
    Vec3 p = f1->joints[WORLD_JOINT_PELVIS];
    CHECK(f0->joints[WORLD_JOINT_PELVIS].y - p.y > 0.3);
    size_t sofas = 0;
    double d = 1e9;
    for (size_t i = 0; i < s1->prop_count; i++) {
        if (strcmp(s1->props[i].name, "sofa") != 0)
            continue;
        sofas++;
        d = flat_dist(p, s1->props[i].center);
    }
    CHECK_INT_EQ(sofas, 1);
    CHECK(d < 0.35);
    world_scene_free(&s0);
    world_scene_free(&s1);
}

// Drinking: the hand and the glass come up to the mouth, then go down.
static void test_drink(void)
{
    HProd h;
    h_prod(&h, "BAR", true, 2);
    static const char *const lines[] = { "BRICK holds a glass. He drinks." };
    h_actions(&h, lines, 1);
    h.shot.duration_s = 4.0;
    double near_m = 1e9, far_m = 0.0;
    for (int i = 0; i < 2; i++) {
        Scene *s = at(&h, i == 0 ? 1.0 : 3.5);
        if (!s)
            return;
        const WorldFigure *f = world_find_figure(s, 0);
        Vec3 chin = f->joints[WORLD_JOINT_CHIN];
        double d = 1e9;
        for (size_t k = 0; k < s->prop_count; k++) {
            if (s->props[k].held_by == 0)
                d = v3_len(v3_sub(s->props[k].center, chin));
        }
        if (i == 0)
            near_m = d;
        else
            far_m = d;
        world_scene_free(&s);
    }
    CHECK(near_m < 0.16);
    CHECK(far_m > 0.3);
}

// Picking up: the prop stands on a surface, then is in the hand.
static void test_pick_up(void)
{
    HProd h;
    h_prod(&h, "OFFICE", true, 2);
    static const char *const lines[] = { "There is a phone on the table.",
                                         "STEEL picks up the phone." };
    h_actions(&h, lines, 2);
    h.shot.duration_s = 3.0;
    Scene *s0 = at(&h, 0.0);
    Scene *s1 = at(&h, 2.9);
    if (!s0 || !s1)
        return;
    size_t held0 = 0, held1 = 0;
    for (size_t k = 0; k < s0->prop_count; k++)
        held0 += strcmp(s0->props[k].name, "phone") == 0 &&
                 s0->props[k].held_by == 1;
    for (size_t k = 0; k < s1->prop_count; k++)
        held1 += strcmp(s1->props[k].name, "phone") == 0 &&
                 s1->props[k].held_by == 1;
    CHECK_INT_EQ(held0, 0);
    CHECK_INT_EQ(held1, 1);
    world_scene_free(&s0);
    world_scene_free(&s1);
}

// Handing over: the cup is in the giver's hand, then the taker's.
static void test_hand_over(void)
{
    HProd h;
    h_prod(&h, "DINER", true, 2);
    static const char *const lines[] = { "BRICK holds a cup.",
                                         "He hands the cup to STEEL." };
    h_actions(&h, lines, 2);
    h.shot.duration_s = 4.0;
    size_t who[2] = { SIZE_MAX, SIZE_MAX };
    for (int i = 0; i < 2; i++) {
        Scene *s = at(&h, i == 0 ? 0.5 : 3.9);
        if (!s)
            return;
        for (size_t k = 0; k < s->prop_count; k++) {
            if (strcmp(s->props[k].name, "cup") == 0)
                who[i] = s->props[k].held_by;
        }
        world_scene_free(&s);
    }
    CHECK_INT_EQ(who[0], 0);
    CHECK_INT_EQ(who[1], 1);
}

// The other verbs, each measured on the skeleton: a turn about faces
// the other way, a fall puts the hips near the floor, a blow puts the
// wrist out in front, an exit walks away, a run outpaces a walk.
static void test_verbs(void)
{
    struct {
        const char *line;
        double t_s;
    } cases[] = { { "BRICK turns.", 1.0 },      { "BRICK falls.", 1.5 },
                  { "BRICK hits STEEL.", 0.3 }, { "BRICK exits.", 3.5 },
                  { "BRICK walks off.", 1.2 },  { "BRICK runs off.", 1.2 } };

    double moved[6] = { 0 };
    for (size_t c = 0; c < BASE_ARRAY_LEN(cases); c++) {
        HProd h;
        h_prod(&h, "WAREHOUSE", true, 2);
        const char *lines[1] = { cases[c].line };
        h_actions(&h, lines, 1);
        h.shot.duration_s = 4.0;
        Scene *s0 = at(&h, 0.0);
        Scene *s1 = at(&h, cases[c].t_s);
        if (!s0 || !s1)
            return;
        const WorldFigure *a = world_find_figure(s0, 0);
        const WorldFigure *b = world_find_figure(s1, 0);
        Vec3 p0 = a->joints[WORLD_JOINT_PELVIS];
        Vec3 p1 = b->joints[WORLD_JOINT_PELVIS];
        moved[c] = flat_dist(p0, p1);
        if (c == 0)
            CHECK(v3_dot(a->facing, b->facing) < -0.95);
        if (c == 1)
            CHECK(p1.y < 0.35);
        if (c == 2) {
            Vec3 sh = b->joints[WORLD_JOINT_SHOULDER_R];
            Vec3 wr = b->joints[WORLD_JOINT_WRIST_R];
            CHECK(v3_dot(v3_sub(wr, sh), b->facing) > 0.4);
        }
        if (c == 3)
            CHECK(moved[c] > 1.5);
        world_scene_free(&s0);
        world_scene_free(&s1);
    }
    // The same distance off, at the same moment: the runner is further.
    CHECK(moved[5] > moved[4] + 0.3);
}

// The same moment builds the same scene.
static void test_deterministic(void)
{
    HProd h;
    h_prod(&h, "LIVING ROOM", true, 2);
    static const char *const lines[] = { "BRICK enters and sits." };
    h_actions(&h, lines, 1);
    Scene *a = at(&h, 1.3);
    Scene *b = at(&h, 1.3);
    if (!a || !b)
        return;
    CHECK_INT_EQ(a->mesh_count, b->mesh_count);
    CHECK(memcmp(a->figures[0].joints, b->figures[0].joints,
                 sizeof(a->figures[0].joints)) == 0);
    world_scene_free(&a);
    world_scene_free(&b);
}

int main(void)
{
    CHECK_RUN(test_walk_feet_planted);
    CHECK_RUN(test_sit_on_chair);
    CHECK_RUN(test_walk_to_sofa);
    CHECK_RUN(test_drink);
    CHECK_RUN(test_pick_up);
    CHECK_RUN(test_hand_over);
    CHECK_RUN(test_verbs);
    CHECK_RUN(test_deterministic);
    return CHECK_DONE();
}
