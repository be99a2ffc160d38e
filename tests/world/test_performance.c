/* tests/world/test_performance.c: a speaker's mouth opens once per
 * syllable, the head turns to the other character, a free forearm lifts
 * on stressed beats, and none of it moves the joints framing uses. */
#include <math.h>
#include <string.h>

#include "helpers.h"

// "I told you the rain would come back tonight": ten syllables, nine words.
static const char *const LINE = "I told you the rain would come back tonight.";
static const size_t LINE_SYLLABLES = 10;

static const float MOUTH_RGB[3] = { 0.045f, 0.012f, 0.01f };

// The figure's meshes in build order: head 0, nose 2, mouth 5, right hand
// 17; found from the figure's first mesh.
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

static double mouth_spread(const Scene *s, size_t cast)
{
    const WorldMesh *m = part(s, cast, 5);
    CHECK(m != NULL);
    if (!m)
        return 0.0;
    CHECK(memcmp(m->material.albedo, MOUTH_RGB, sizeof(MOUTH_RGB)) == 0);
    double lo = 1e9, hi = -1e9;
    for (uint32_t i = 0; i < m->vertex_count; i++) {
        double y = (double)m->positions[3 * i + 1];
        lo = fmin(lo, y);
        hi = fmax(hi, y);
    }
    return hi - lo;
}

static Scene *build_at(const HProd *h, double t_s)
{
    Scene *s = NULL;
    CHECK_OK(world_build(base_allocator_default(), &h->p, 0, t_s, 7, &s));
    return s;
}

static void two_talk(HProd *h, const char *line)
{
    h_prod(h, "KITCHEN", true, 2);
    h->shot.size = DIRECT_SHOT_MS;
    h->shot.subject = 0;
    h->shot.dialogue = line;
    h->shot.duration_s = 4.2;
}

static void test_mouth_cycles(void)
{
    HProd h;
    two_talk(&h, LINE);
    const double dt = 1.0 / 120.0;
    double lo = 1e9, hi = -1e9, l_lo = 1e9, l_hi = -1e9;
    double spread[512];
    size_t n = 0;
    for (double t = 0.0; t < h.shot.duration_s && n < 512; t += dt) {
        Scene *s = build_at(&h, t);
        if (!s)
            return;
        spread[n] = mouth_spread(s, 0);
        lo = fmin(lo, spread[n]);
        hi = fmax(hi, spread[n]);
        double ls = mouth_spread(s, 1);
        l_lo = fmin(l_lo, ls);
        l_hi = fmax(l_hi, ls);
        n++;
        world_scene_free(&s);
    }
    // Count open-close cycles with hysteresis, so sway cannot fake one.
    size_t cycles = 0;
    bool open = false;
    double range = hi - lo;
    for (size_t i = 0; i < n; i++) {
        if (!open && spread[i] > lo + 0.4 * range) {
            open = true;
            cycles++;
        } else if (open && spread[i] < lo + 0.12 * range) {
            open = false;
        }
    }
    fprintf(stderr,
            "  speaker mouth %.1f..%.1f mm, listener %.1f..%.1f mm, "
            "%zu cycles for %zu syllables\n",
            lo * 1e3, hi * 1e3, l_lo * 1e3, l_hi * 1e3, cycles, LINE_SYLLABLES);
    CHECK(range > 0.015);
    CHECK(l_hi - l_lo < 0.002);
    CHECK(l_hi < lo + 0.003);
    CHECK((double)cycles >= 0.8 * (double)LINE_SYLLABLES);
    CHECK((double)cycles <= 1.2 * (double)LINE_SYLLABLES);
}

// The angle between the head's horizontal forward (head centre to nose)
// and the way to the other figure's eyes, in degrees.
static double gaze_error_deg(const Scene *s, size_t from, size_t to)
{
    const WorldMesh *head = part(s, from, 0), *nose = part(s, from, 2);
    const WorldFigure *other = world_find_figure(s, to);
    CHECK(head && nose && other);
    if (!head || !nose || !other)
        return 180.0;
    Vec3 c = centroid(head);
    Vec3 f = v3_sub(centroid(nose), c);
    Vec3 d = v3_sub(other->joints[WORLD_JOINT_EYES], c);
    f.y = d.y = 0.0;
    double cosang = v3_dot(v3_norm(f), v3_norm(d));
    return acos(base_clamp(cosang, -1.0, 1.0)) * 180.0 / BASE_PI;
}

static void test_look_at(void)
{
    HProd h;
    two_talk(&h, LINE);
    double worst = 0.0;
    for (double t = 0.5; t < 4.0; t += 0.5) {
        Scene *s = build_at(&h, t);
        if (!s)
            return;
        worst = fmax(worst, gaze_error_deg(s, 0, 1));
        worst = fmax(worst, gaze_error_deg(s, 1, 0));
        world_scene_free(&s);
    }
    // A lone figure has nobody to look at and keeps facing front.
    HProd one;
    h_prod(&one, "KITCHEN", true, 1);
    Scene *s = build_at(&one, 1.0);
    double lone = 180.0;
    if (s) {
        const WorldMesh *head = part(s, 0, 0), *nose = part(s, 0, 2);
        Vec3 f = v3_sub(centroid(nose), centroid(head));
        f.y = 0.0;
        lone = acos(base_clamp(v3_dot(v3_norm(f), s->figures[0].facing), -1.0,
                               1.0)) *
               180.0 / BASE_PI;
        world_scene_free(&s);
    }
    fprintf(stderr, "  gaze off target at most %.2f deg; lone head %.2f deg\n",
            worst, lone);
    CHECK(worst < 10.0);
    CHECK(lone < 5.0);
}

static void test_gesture_and_joints(void)
{
    HProd talk, quiet;
    two_talk(&talk, LINE);
    two_talk(&quiet, NULL);
    double lift = 0.0;
    bool joints_same = true;
    for (double t = 0.0; t < talk.shot.duration_s; t += 0.05) {
        Scene *a = build_at(&talk, t), *b = build_at(&quiet, t);
        if (!a || !b) {
            world_scene_free(&a);
            world_scene_free(&b);
            return;
        }
        Vec3 ha = centroid(part(a, 0, 17)), hb = centroid(part(b, 0, 17));
        lift = fmax(lift, ha.y - hb.y);
        for (size_t f = 0; f < a->figure_count; f++)
            joints_same &= memcmp(a->figures[f].joints, b->figures[f].joints,
                                  sizeof(a->figures[f].joints)) == 0;
        world_scene_free(&a);
        world_scene_free(&b);
    }
    fprintf(stderr, "  right hand lifts up to %.1f cm on stressed beats\n",
            lift * 100.0);
    CHECK(lift > 0.03);
    CHECK(lift < 0.25);
    CHECK(joints_same);

    // A hand holding a prop keeps still.
    static const char *const act[] = { "Brick holds a beer." };
    h_actions(&talk, act, 1);
    h_actions(&quiet, act, 1);
    double moved[2] = { 0.0, 0.0 };
    for (double t = 0.0; t < talk.shot.duration_s; t += 0.1) {
        Scene *a = build_at(&talk, t), *b = build_at(&quiet, t);
        if (a && b) {
            for (size_t hand = 0; hand < 2; hand++) {
                size_t k = hand ? 17 : 11;
                Vec3 d =
                    v3_sub(centroid(part(a, 0, k)), centroid(part(b, 0, k)));
                moved[hand] = fmax(moved[hand], v3_len(d));
            }
        }
        world_scene_free(&a);
        world_scene_free(&b);
    }
    fprintf(stderr,
            "  with a beer in hand: left hand moves %.2f cm, right %.2f cm\n",
            moved[0] * 100.0, moved[1] * 100.0);
    CHECK(fmin(moved[0], moved[1]) < 1e-4);
    CHECK(fmax(moved[0], moved[1]) > 0.03);
}

static void test_deterministic(void)
{
    HProd h;
    two_talk(&h, LINE);
    Scene *a = build_at(&h, 1.37), *b = build_at(&h, 1.37);
    CHECK(a && b);
    if (a && b) {
        CHECK_INT_EQ(a->mesh_count, b->mesh_count);
        bool same = a->mesh_count == b->mesh_count;
        for (size_t i = 0; same && i < a->mesh_count; i++) {
            const WorldMesh *x = &a->meshes[i], *y = &b->meshes[i];
            same = x->vertex_count == y->vertex_count &&
                   memcmp(x->positions, y->positions,
                          3 * sizeof(float) * x->vertex_count) == 0;
        }
        CHECK(same);
    }
    world_scene_free(&a);
    world_scene_free(&b);
}

int main(void)
{
    CHECK_RUN(test_mouth_cycles);
    CHECK_RUN(test_look_at);
    CHECK_RUN(test_gesture_and_joints);
    CHECK_RUN(test_deterministic);
    return CHECK_DONE();
}
