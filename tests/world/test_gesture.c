/* tests/world/test_gesture.c: a parenthetical poses its speaker (raised
 * beer, a cup taken, shrug, sigh, head away, point, nod, crossed arms, turn
 * to both), measured on the skeleton, the head's meshes and the props. */
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

// BRICK speaks to STEEL in a kitchen, with @p paren (or none).
static void talk(HProd *h, size_t cast, const char *paren)
{
    h_prod(h, "KITCHEN", true, cast);
    h->shot.size = DIRECT_SHOT_MS;
    h->shot.subject = 0;
    h->shot.dialogue = "Well. It showed.";
    h->shot.parenthetical = paren;
    h->shot.duration_s = 4.0;
}

// Joint @p j of BRICK at @p t_s.
static Vec3 joint(const HProd *h, double t_s, WorldJoint j)
{
    Scene *s = at(h, t_s);
    Vec3 p = v3(0, 0, 0);
    const WorldFigure *f = s ? world_find_figure(s, 0) : NULL;
    CHECK(f != NULL);
    if (f)
        p = f->joints[j];
    world_scene_free(&s);
    return p;
}

// The figure's mesh @p k in build order (head 0, nose 2).
static const WorldMesh *part(const Scene *s, size_t cast, size_t k)
{
    for (size_t i = 0; i < s->mesh_count; i++) {
        if (s->meshes[i].object_id == cast + 1)
            return i + k < s->mesh_count ? &s->meshes[i + k] : NULL;
    }
    return NULL;
}

static Vec3 centroid(const WorldMesh *m)
{
    Vec3 c = v3(0, 0, 0);
    for (uint32_t i = 0; i < m->vertex_count; i++)
        c = v3_add(c, v3((double)m->positions[3 * i],
                         (double)m->positions[3 * i + 1],
                         (double)m->positions[3 * i + 2]));
    return v3_scale(c, 1.0 / (double)m->vertex_count);
}

// Where BRICK's face points (nose from the skull's centre), and the
// angle in degrees between it and the way to STEEL, on the floor.
static double face_off_deg(const Scene *s, double *nose_drop_m)
{
    const WorldMesh *head = part(s, 0, 0), *nose = part(s, 0, 2);
    const WorldFigure *b = world_find_figure(s, 1);
    CHECK(head && nose && b);
    if (!head || !nose || !b)
        return 0.0;
    Vec3 hc = centroid(head), nc = centroid(nose);
    Vec3 d = v3_sub(nc, hc);
    Vec3 to = v3_sub(b->joints[WORLD_JOINT_EYES], hc);
    if (nose_drop_m)
        *nose_drop_m = hc.y - nc.y;
    double a = atan2(d.x, d.z) - atan2(to.x, to.z);
    return fabs(remainder(a, 2.0 * BASE_PI)) * 180.0 / BASE_PI;
}

static void test_raised(void)
{
    HProd h;
    talk(&h, 2, NULL);
    static const char *const lines[] = { "BRICK holds a beer." };
    h_actions(&h, lines, 1);
    double low = joint(&h, 1.5, WORLD_JOINT_WRIST_R).y;
    h.shot.parenthetical = "beer raised";
    Vec3 w = joint(&h, 1.5, WORLD_JOINT_WRIST_R);
    double chest = joint(&h, 1.5, WORLD_JOINT_CHEST).y;
    Scene *s = at(&h, 1.5);
    double beer_y = 0.0;
    for (size_t i = 0; s && i < s->prop_count; i++) {
        if (strcmp(s->props[i].name, "beer") == 0 && s->props[i].held_by == 0)
            beer_y = s->props[i].center.y;
    }
    world_scene_free(&s);
    printf("beer raised: right wrist %.3f m (held low %.3f), chest %.3f, "
           "beer at %.3f m\n",
           w.y, low, chest, beer_y);
    CHECK(w.y > low + 0.15);
    CHECK(w.y > chest - 0.1);
    CHECK(beer_y > chest - 0.05);
}

static void test_taking_one(void)
{
    HProd h;
    talk(&h, 2, "taking one");
    static const char *const lines[] = { "STEEL holds two cups." };
    h_actions(&h, lines, 1);
    int held[2][2] = { { 0, 0 }, { 0, 0 } };
    const double times[2] = { 0.0, 2.0 };
    bool reached = false;
    for (int k = 0; k < 2; k++) {
        Scene *s = at(&h, times[k]);
        for (size_t i = 0; s && i < s->prop_count; i++) {
            if (strcmp(s->props[i].name, "cup") == 0 && s->props[i].held_by < 2)
                held[k][s->props[i].held_by]++;
        }
        world_scene_free(&s);
    }
    // Mid-reach the right arm is out before the body.
    Vec3 wr = joint(&h, 0.6, WORLD_JOINT_WRIST_R);
    Vec3 sh = joint(&h, 0.6, WORLD_JOINT_SHOULDER_R);
    reached = hypot(wr.x - sh.x, wr.z - sh.z) > 0.3;
    printf("taking one: cups held by BRICK/STEEL %d/%d at 0 s, %d/%d at "
           "2 s, reach %.2f m\n",
           held[0][0], held[0][1], held[1][0], held[1][1],
           hypot(wr.x - sh.x, wr.z - sh.z));
    CHECK_INT_EQ(held[0][0], 0);
    CHECK_INT_EQ(held[0][1], 2);
    CHECK_INT_EQ(held[1][0], 1);
    CHECK_INT_EQ(held[1][1], 1);
    CHECK(reached);
}

static void test_shrug_and_sigh(void)
{
    HProd h;
    talk(&h, 2, NULL);
    double rest = joint(&h, 0.8, WORLD_JOINT_SHOULDER_L).y;
    h.shot.parenthetical = "shrugs";
    double up = joint(&h, 0.8, WORLD_JOINT_SHOULDER_L).y;
    double later = joint(&h, 3.0, WORLD_JOINT_SHOULDER_L).y;
    h.shot.parenthetical = "sighs";
    double down = joint(&h, 1.5, WORLD_JOINT_SHOULDER_R).y;
    printf("shoulders: rest %.3f m, shrug %+.3f, after it %+.3f, sigh "
           "%+.3f\n",
           rest, up - rest, later - rest, down - rest);
    CHECK(up - rest > 0.04);
    CHECK(fabs(later - rest) < 0.005);
    CHECK(rest - down > 0.02);
}

static void test_looking_away(void)
{
    HProd h;
    talk(&h, 2, NULL);
    Scene *s = at(&h, 1.5);
    double toward = s ? face_off_deg(s, NULL) : 0.0;
    world_scene_free(&s);
    h.shot.parenthetical = "not looking at him";
    s = at(&h, 1.5);
    double away = s ? face_off_deg(s, NULL) : 0.0;
    world_scene_free(&s);
    printf("head: %.1f deg off the other's eyes, %.1f not looking at him\n",
           toward, away);
    CHECK(toward < 20.0);
    CHECK(away > 45.0);
}

static void test_nod_and_shake(void)
{
    HProd h;
    talk(&h, 2, "nods");
    double d0 = 0.0, d1 = 0.0;
    Scene *s = at(&h, 0.0);
    if (s)
        face_off_deg(s, &d0);
    world_scene_free(&s);
    s = at(&h, 0.35);
    if (s)
        face_off_deg(s, &d1);
    world_scene_free(&s);
    h.shot.parenthetical = "shakes head";
    double lo = 1e9, hi = -1e9;
    for (double t = 0.0; t < 1.2; t += 0.05) {
        s = at(&h, t);
        double a = s ? face_off_deg(s, NULL) : 0.0;
        lo = fmin(lo, a);
        hi = fmax(hi, a);
        world_scene_free(&s);
    }
    printf("nod: nose drops %.1f mm; shake: head swings %.1f deg\n",
           1000.0 * (d1 - d0), hi - lo);
    CHECK(d1 - d0 > 0.01);
    CHECK(hi - lo > 15.0);
}

static void test_point(void)
{
    HProd h;
    talk(&h, 2, "pointing");
    Scene *s = at(&h, 1.0);
    const WorldFigure *a = s ? world_find_figure(s, 0) : NULL;
    const WorldFigure *b = s ? world_find_figure(s, 1) : NULL;
    CHECK(a && b);
    if (a && b) {
        Vec3 sh = a->joints[WORLD_JOINT_SHOULDER_R];
        Vec3 w = a->joints[WORLD_JOINT_WRIST_R];
        Vec3 to = v3_sub(b->joints[WORLD_JOINT_CHEST], sh);
        Vec3 arm = v3_sub(w, sh);
        double off = fabs(remainder(atan2(arm.x, arm.z) - atan2(to.x, to.z),
                                    2.0 * BASE_PI)) *
                     180.0 / BASE_PI;
        printf("point: wrist %.3f m from shoulder height, %.1f deg off the "
               "other's chest\n",
               w.y - sh.y, off);
        CHECK(fabs(w.y - sh.y) < 0.15);
        CHECK(off < 20.0);
        CHECK(hypot(arm.x, arm.z) > 0.4);
    }
    world_scene_free(&s);
}

static void test_crossed_arms(void)
{
    HProd h;
    talk(&h, 2, "arms crossed");
    Scene *s = at(&h, 1.0);
    const WorldFigure *a = s ? world_find_figure(s, 0) : NULL;
    CHECK(a != NULL);
    if (a) {
        // In the figure's frame: +x its left.
        Vec3 f = a->facing, left = v3(f.z, 0, -f.x);
        Vec3 c = a->joints[WORLD_JOINT_CHEST];
        double lx = v3_dot(v3_sub(a->joints[WORLD_JOINT_WRIST_L], c), left);
        double rx = v3_dot(v3_sub(a->joints[WORLD_JOINT_WRIST_R], c), left);
        double ly = a->joints[WORLD_JOINT_WRIST_L].y - c.y;
        printf("crossed: left wrist %+.3f m across, right %+.3f, %.3f m "
               "from the chest's height\n",
               lx, rx, ly);
        CHECK(lx < 0.0 && rx > 0.0);
        CHECK(fabs(ly) < 0.2);
    }
    world_scene_free(&s);
}

static void test_to_both(void)
{
    HProd h;
    talk(&h, 3, "to both");
    Scene *s = at(&h, 1.0);
    const WorldFigure *a = s ? world_find_figure(s, 0) : NULL;
    const WorldFigure *b = s ? world_find_figure(s, 1) : NULL;
    const WorldFigure *c = s ? world_find_figure(s, 2) : NULL;
    CHECK(a && b && c);
    if (a && b && c) {
        Vec3 mid = v3_scale(v3_add(b->joints[WORLD_JOINT_PELVIS],
                                   c->joints[WORLD_JOINT_PELVIS]),
                            0.5);
        Vec3 to = v3_sub(mid, a->joints[WORLD_JOINT_PELVIS]);
        double off =
            fabs(remainder(atan2(a->facing.x, a->facing.z) - atan2(to.x, to.z),
                           2.0 * BASE_PI)) *
            180.0 / BASE_PI;
        printf("to both: body %.1f deg off the middle of the other two\n", off);
        CHECK(off < 3.0);
    }
    world_scene_free(&s);
}

// An acting note auteur has no gesture for changes nothing.
static void test_unknown_note(void)
{
    HProd h;
    talk(&h, 2, NULL);
    Scene *a = at(&h, 1.0);
    h.shot.parenthetical = "crackling";
    Scene *b = at(&h, 1.0);
    CHECK(a && b);
    if (a && b) {
        CHECK_INT_EQ((long long)a->mesh_count, (long long)b->mesh_count);
        const WorldFigure *fa = world_find_figure(a, 0);
        const WorldFigure *fb = world_find_figure(b, 0);
        CHECK(fa && fb &&
              memcmp(fa->joints, fb->joints, sizeof(fa->joints)) == 0);
    }
    world_scene_free(&a);
    world_scene_free(&b);
}

int main(void)
{
    CHECK_RUN(test_raised);
    CHECK_RUN(test_taking_one);
    CHECK_RUN(test_shrug_and_sigh);
    CHECK_RUN(test_looking_away);
    CHECK_RUN(test_nod_and_shake);
    CHECK_RUN(test_point);
    CHECK_RUN(test_crossed_arms);
    CHECK_RUN(test_to_both);
    CHECK_RUN(test_unknown_note);
    return CHECK_DONE();
}
