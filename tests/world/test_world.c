/* tests/world/test_world.c: measured checks of the world stage: looks,
 * figure proportions and mesh validity, blocking, sets, idle motion,
 * errors, the allocation-failure sweep and build time. */
#include <stdlib.h>

#include "base/base.h"
#include "helpers.h"

/* ---- a hand-built production ---------------------------------------- */

enum {
    SHOT_WS,
    SHOT_MS_TALK,
    SHOT_MS_OTHER,
    SHOT_KITCHEN,
    SHOT_TRIO,
    SHOT_PATIO_SOLO,
    SHOT_HARBOUR,
    SHOT_EMPTY,
    SHOT_COUNT
};

static size_t cast_pair[] = { 0, 1 };
static size_t cast_one[] = { 1 };
static size_t cast_trio[] = { 2, 0, 1 };
static size_t cast_zero[] = { 0 };

static Production *make_prod(void)
{
    Production *p = calloc(1, sizeof(*p));
    base_arena_init(&p->arena, base_allocator_default());
    static const char *names[] = { "BRICK", "STEEL", "MARGOT" };
    p->cast = base_arena_array(&p->arena, 3, sizeof(*p->cast));
    for (size_t i = 0; i < 3; i++) {
        p->cast[i].name = names[i];
        p->cast[i].name_hash = base_hash_name(names[i]);
    }
    p->cast_count = 3;

    p->scene_count = 6;
    p->scenes = base_arena_array(&p->arena, 6, sizeof(*p->scenes));
    DirectScene *s = p->scenes;
    s[0] = (DirectScene){ .heading = "EXT. PATIO - DAY",
                          .location = "PATIO",
                          .interior = false,
                          .time_of_day = DIRECT_TOD_DAY,
                          .cast = cast_pair,
                          .cast_count = 2 };
    s[1] = (DirectScene){ .heading = "INT. KITCHEN - NIGHT",
                          .location = "KITCHEN",
                          .interior = true,
                          .time_of_day = DIRECT_TOD_NIGHT,
                          .cast = cast_one,
                          .cast_count = 1 };
    s[2] = (DirectScene){ .heading = "EXT. DESERT ROAD - DUSK",
                          .location = "DESERT ROAD",
                          .interior = false,
                          .time_of_day = DIRECT_TOD_DUSK,
                          .cast = cast_trio,
                          .cast_count = 3 };
    s[3] = (DirectScene){ .heading = "EXT. PATIO - NIGHT",
                          .location = "PATIO",
                          .interior = false,
                          .time_of_day = DIRECT_TOD_NIGHT,
                          .cast = cast_zero,
                          .cast_count = 1 };
    s[4] = (DirectScene){ .heading = "EXT. HARBOUR - DAY",
                          .location = "HARBOUR",
                          .interior = false,
                          .time_of_day = DIRECT_TOD_DAY,
                          .cast = cast_pair,
                          .cast_count = 2 };
    s[5] = (DirectScene){ .heading = "EXT. VOID - DAY",
                          .location = "VOID",
                          .interior = false,
                          .time_of_day = DIRECT_TOD_DAY,
                          .cast = NULL,
                          .cast_count = 0 };

    p->shot_count = SHOT_COUNT;
    p->shots = base_arena_array(&p->arena, SHOT_COUNT, sizeof(*p->shots));
    DirectShot *sh = p->shots;
    static const size_t scene_of[SHOT_COUNT] = { 0, 0, 0, 1, 2, 3, 4, 5 };
    for (size_t i = 0; i < SHOT_COUNT; i++) {
        sh[i].scene = scene_of[i];
        sh[i].size = DIRECT_SHOT_WS;
        sh[i].lens_mm = 35.0;
        sh[i].f_stop = 2.8;
        sh[i].subject = SIZE_MAX;
        sh[i].start_s = 3.0 * (double)i;
        sh[i].duration_s = 3.0;
        sh[i].reason = "test";
    }
    sh[SHOT_MS_TALK].size = DIRECT_SHOT_MS;
    sh[SHOT_MS_TALK].subject = 0;
    sh[SHOT_MS_TALK].dialogue = "You said you'd be here at noon.";
    sh[SHOT_MS_OTHER].size = DIRECT_SHOT_MS;
    sh[SHOT_MS_OTHER].subject = 1;
    return p;
}

static void free_prod(Production *p)
{
    base_arena_fini(&p->arena);
    free(p);
}

static Scene *build(const Production *p, size_t shot, double t_s)
{
    Scene *s = NULL;
    CHECK_OK(world_build(base_allocator_default(), p, shot, t_s, 7, &s));
    return s;
}

/* ---- measuring helpers ---------------------------------------------- */

static size_t figure_triangles(const Scene *s, size_t cast_index)
{
    size_t n = 0;
    for (size_t i = 0; i < s->mesh_count; i++) {
        if (s->meshes[i].object_id == cast_index + 1)
            n += s->meshes[i].triangle_count;
    }
    return n;
}

static double rgb_dist(const float a[3], const float b[3])
{
    double d = 0;
    for (int i = 0; i < 3; i++)
        d += ((double)a[i] - (double)b[i]) * ((double)a[i] - (double)b[i]);
    return sqrt(d);
}

static double lum(const float c[3])
{
    return 0.2126 * (double)c[0] + 0.7152 * (double)c[1] +
           0.0722 * (double)c[2];
}

/* ---- tests ---------------------------------------------------------- */

static void test_look(void)
{
    WorldFigureLook a, b, c;
    world_figure_look(base_hash_name("BRICK"), &a);
    world_figure_look(base_hash_name("BRICK"), &b);
    world_figure_look(base_hash_name("STEEL"), &c);
    CHECK(memcmp(&a, &b, sizeof(a)) == 0);
    double d = rgb_dist(a.shirt, c.shirt);
    fprintf(stderr, "  shirt distance BRICK/STEEL %.3f\n", d);
    CHECK(d > 0.05);

    // Over many names: every value in its range, and palettes that tell
    // characters apart.
    enum {
        N = 300
    };

    static WorldFigureLook l[N];
    char name[32];
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof(name), "CHARACTER %d", i);
        world_figure_look(base_hash_name(name), &l[i]);
        const WorldFigureLook *x = &l[i];
        CHECK(x->height_m >= 1.55 && x->height_m <= 1.95);
        CHECK(x->shoulder_m >= 0.38 && x->shoulder_m <= 0.50);
        CHECK(x->girth >= 0.85 && x->girth <= 1.25);
        // Skin is warm (red > green > blue) and in the human range.
        CHECK(x->skin[0] > x->skin[1] && x->skin[1] > x->skin[2]);
        CHECK(x->skin[0] >= 0.04f && x->skin[0] <= 0.6f);
        for (int k = 0; k < 3; k++) {
            CHECK(x->shirt[k] >= 0.0f && x->shirt[k] <= 0.8f);
            CHECK(x->hair[k] >= 0.0f && x->hair[k] <= 0.65f);
        }
        CHECK(lum(x->trousers) < lum(x->shirt));
        CHECK(lum(x->shoes) < 0.15);
    }
    size_t far = 0, pairs = 0;
    for (int i = 0; i < N; i++) {
        for (int j = i + 1; j < N; j++) {
            pairs++;
            far += rgb_dist(l[i].shirt, l[j].shirt) > 0.05;
        }
    }
    fprintf(stderr, "  %.1f%% of shirt pairs differ by > 0.05\n",
            100.0 * (double)far / (double)pairs);
    CHECK((double)far > 0.85 * (double)pairs);
}

static void test_same_scene_same_figure(void)
{
    Production *p = make_prod();
    Scene *a = build(p, SHOT_WS, 1.0);
    Scene *b = build(p, SHOT_MS_OTHER, 1.0);
    if (!a || !b)
        goto done;
    CHECK_INT_EQ(a->figure_count, 2);
    CHECK_INT_EQ(b->figure_count, 2);
    for (size_t i = 0; i < a->figure_count && i < b->figure_count; i++) {
        const WorldFigure *fa = &a->figures[i], *fb = &b->figures[i];
        CHECK_INT_EQ(fa->cast_index, i);
        CHECK(memcmp(&fa->look, &fb->look, sizeof(fa->look)) == 0);
        CHECK(memcmp(fa->joints, fb->joints, sizeof(fa->joints)) == 0);
        CHECK(memcmp(&fa->facing, &fb->facing, sizeof(fa->facing)) == 0);
        CHECK(world_find_figure(a, i) == fa);
    }
    CHECK(world_find_figure(a, 2) == NULL);
    // Joints are the rest skeleton: time and idle motion leave them be.
    Scene *c = build(p, SHOT_WS, 2.37);
    if (c) {
        CHECK(memcmp(a->figures[0].joints, c->figures[0].joints,
                     sizeof(a->figures[0].joints)) == 0);
    }
    world_scene_free(&c);
done:
    world_scene_free(&a);
    world_scene_free(&b);
    free_prod(p);
}

static void check_figure(const Scene *s, const WorldFigure *f)
{
    const Vec3 *j = f->joints;
    double hgt = f->look.height_m;
    Box3 b = figure_box(s, f->cast_index);
    CHECK_NEAR(j[WORLD_JOINT_HEAD_TOP].y, hgt, 0.01 * hgt);
    CHECK_NEAR(b.hi[1], hgt, 0.01 * hgt);
    CHECK(b.lo[1] >= -0.01 && b.lo[1] <= 0.03);

    static const WorldJoint order[] = {
        WORLD_JOINT_HEAD_TOP, WORLD_JOINT_EYES,   WORLD_JOINT_CHIN,
        WORLD_JOINT_NECK,     WORLD_JOINT_CHEST,  WORLD_JOINT_WAIST,
        WORLD_JOINT_PELVIS,   WORLD_JOINT_KNEE_L, WORLD_JOINT_ANKLE_L,
    };
    for (size_t k = 0; k + 1 < BASE_ARRAY_LEN(order); k++)
        CHECK(j[order[k]].y > j[order[k + 1]].y);
    CHECK(j[WORLD_JOINT_PELVIS].y > j[WORLD_JOINT_KNEE_R].y);
    CHECK(j[WORLD_JOINT_KNEE_R].y > j[WORLD_JOINT_ANKLE_R].y);
    CHECK(j[WORLD_JOINT_ANKLE_L].y < 0.12 && j[WORLD_JOINT_ANKLE_L].y > 0.0);

    double head = j[WORLD_JOINT_HEAD_TOP].y - j[WORLD_JOINT_CHIN].y;
    CHECK(head > hgt / 8.5 && head < hgt / 6.5);
    // Eyes near the middle of the head; shoulders about 1.5 heads down.
    double eyes = (j[WORLD_JOINT_HEAD_TOP].y - j[WORLD_JOINT_EYES].y) / head;
    CHECK(eyes > 0.4 && eyes < 0.6);
    double sh =
        (j[WORLD_JOINT_HEAD_TOP].y - j[WORLD_JOINT_SHOULDER_L].y) / head;
    CHECK(sh > 1.2 && sh < 1.7);
    // The shoulders lie across the facing, and the left shoulder is on the
    // figure's left: facing x left points up.
    Vec3 across = v3_sub(j[WORLD_JOINT_SHOULDER_L], j[WORLD_JOINT_SHOULDER_R]);
    CHECK(fabs(v3_dot(v3_norm(across), f->facing)) < 0.05);
    CHECK(v3_cross(f->facing, across).y > 0);
    CHECK_NEAR(v3_len(across), f->look.shoulder_m - 0.1 * hgt / 1.75, 0.02);
    // The eyes are on the face, in front of the neck.
    CHECK(v3_dot(v3_sub(j[WORLD_JOINT_EYES], j[WORLD_JOINT_NECK]), f->facing) >
          0.05);
    CHECK_NEAR(v3_len(f->facing), 1.0, 1e-9);
    CHECK_NEAR(f->facing.y, 0.0, 1e-12);

    size_t tris = figure_triangles(s, f->cast_index);
    CHECK(tris >= 1000 && tris <= 10000);
}

static void test_figures(void)
{
    Production *p = make_prod();
    static const size_t shots[] = { SHOT_WS, SHOT_KITCHEN, SHOT_TRIO };
    for (size_t k = 0; k < BASE_ARRAY_LEN(shots); k++) {
        Scene *s = build(p, shots[k], 0.4);
        if (!s)
            continue;
        check_meshes(s);
        for (size_t i = 0; i < s->figure_count; i++)
            check_figure(s, &s->figures[i]);
        if (k == 0) {
            Box3 b = figure_box(s, 0);
            fprintf(stderr,
                    "  BRICK: %.3f m tall (mesh %.3f..%.3f), %zu triangles\n",
                    s->figures[0].look.height_m, b.lo[1], b.hi[1],
                    figure_triangles(s, 0));
        }
        world_scene_free(&s);
    }
    free_prod(p);
}

static void test_blocking(void)
{
    Production *p = make_prod();
    Scene *s = build(p, SHOT_WS, 0.0);
    if (s) {
        const WorldFigure *a = &s->figures[0], *b = &s->figures[1];
        Vec3 pa = a->joints[WORLD_JOINT_PELVIS];
        Vec3 pb = b->joints[WORLD_JOINT_PELVIS];
        double d = v3_len(v3_sub(v3(pa.x, 0, pa.z), v3(pb.x, 0, pb.z)));
        CHECK(d >= 1.0 && d <= 1.6);
        CHECK(v3_dot(a->facing, b->facing) < 0);
        // Each faces the other, opened toward the audience on +z.
        CHECK(v3_dot(a->facing, v3_sub(pb, pa)) > 0);
        CHECK(v3_dot(b->facing, v3_sub(pa, pb)) > 0);
        CHECK(a->facing.z > 0.3 && b->facing.z > 0.3);
        // Cast order runs from the audience's left.
        CHECK(pa.x < pb.x);
        CHECK_NEAR(s->stage_center.x, 0.5 * (pa.x + pb.x), 1e-6);
        CHECK_NEAR(s->stage_center.z, 0.5 * (pa.z + pb.z), 1e-6);
        CHECK_NEAR(s->stage_center.y, 0.0, 1e-12);
    }
    world_scene_free(&s);

    s = build(p, SHOT_KITCHEN, 0.0);
    if (s) {
        CHECK_INT_EQ(s->figure_count, 1);
        CHECK(s->interior);
        const WorldFigure *f = &s->figures[0];
        CHECK_INT_EQ(f->cast_index, 1);
        CHECK_NEAR(f->facing.z, 1.0, 1e-9);
        CHECK_NEAR(f->joints[WORLD_JOINT_PELVIS].x, 0.0, 1e-9);
    }
    world_scene_free(&s);

    s = build(p, SHOT_TRIO, 0.0);
    if (s) {
        CHECK_INT_EQ(s->figure_count, 3);
        Vec3 c = s->stage_center;
        for (size_t i = 0; i < s->figure_count; i++) {
            const WorldFigure *f = &s->figures[i];
            CHECK_INT_EQ(f->cast_index, i);
            Vec3 pi = f->joints[WORLD_JOINT_PELVIS];
            CHECK(f->facing.z > 0.2);
            CHECK(v3_dot(f->facing,
                         v3_sub(v3(c.x, 0, c.z + 1.0), v3(pi.x, 0, pi.z))) > 0);
            for (size_t k = i + 1; k < s->figure_count; k++) {
                Vec3 pk = s->figures[k].joints[WORLD_JOINT_PELVIS];
                CHECK(v3_len(v3_sub(pi, pk)) > 0.9);
            }
            if (i > 0)
                CHECK(pi.x > s->figures[i - 1].joints[WORLD_JOINT_PELVIS].x);
        }
        CHECK(fabs(c.x) < 1e-9 && fabs(c.z) < 1e-9);
    }
    world_scene_free(&s);

    s = build(p, SHOT_EMPTY, 0.0);
    if (s) {
        CHECK_INT_EQ(s->figure_count, 0);
        CHECK(s->mesh_count >= 2);
        CHECK(world_find_figure(s, 0) == NULL);
        check_meshes(s);
    }
    world_scene_free(&s);
    free_prod(p);
}

// No set piece comes within 0.3 m of any character (triangle bounding
// boxes against the figure's, the floor excepted by height).
static void check_set_clear(const Scene *s)
{
    CHECK_INT_EQ(set_hits_cast(s, 0.3), 0);
}

static void test_sets(void)
{
    Production *p = make_prod();
    Scene *patio = build(p, SHOT_WS, 0.0);
    Scene *patio2 = build(p, SHOT_PATIO_SOLO, 1.5);
    Scene *harbour = build(p, SHOT_HARBOUR, 0.0);
    Scene *kitchen = build(p, SHOT_KITCHEN, 0.0);
    if (patio && patio2 && harbour && kitchen) {
        // Same location: the same set, even with a different cast.
        CHECK(same_set(patio, patio2));
        CHECK(!same_set(patio, harbour));
        CHECK(!same_set(patio, kitchen));
        CHECK(kitchen->interior && !patio->interior);
        size_t np = 0, nk = 0;
        for (size_t i = 0; i < patio->mesh_count; i++)
            np += patio->meshes[i].object_id == 0;
        for (size_t i = 0; i < kitchen->mesh_count; i++)
            nk += kitchen->meshes[i].object_id == 0;
        fprintf(stderr,
                "  PATIO set: %zu meshes, %zu triangles; KITCHEN set: "
                "%zu meshes, %zu triangles\n",
                np, set_triangles(patio), nk, set_triangles(kitchen));
        CHECK(np >= 4);
        // The kitchen: a wall behind the action and one each side, within
        // 8 m, and a floor under the cast.
        Vec3 c = kitchen->stage_center;
        double back = ray_set(kitchen, v3(c.x, 2.5, c.z), v3(0, 0, -1));
        double left = ray_set(kitchen, v3(c.x, 2.5, c.z), v3(-1, 0, 0));
        double right = ray_set(kitchen, v3(c.x, 2.5, c.z), v3(1, 0, 0));
        double floor = ray_set(kitchen, v3(c.x, 1.0, c.z), v3(0, -1, 0));
        fprintf(stderr,
                "  KITCHEN walls at %.2f (back) %.2f %.2f m, floor "
                "%.3f m below 1 m\n",
                back, left, right, floor);
        CHECK(back > 3.0 && back < 8.0);
        CHECK(left > 3.0 && left < 8.0);
        CHECK(right > 3.0 && right < 8.0);
        CHECK_NEAR(floor, 1.0, 0.01);
    }
    world_scene_free(&patio);
    world_scene_free(&patio2);
    world_scene_free(&harbour);
    world_scene_free(&kitchen);

    // Many places, inside and out, with one to six characters: the set
    // always keeps clear of everyone, and the backdrop sits behind them.
    static size_t cast6[] = { 0, 1, 2, 3, 4, 5 };
    static const char *places[] = { "PATIO",      "DESERT ROAD", "CITY STREET",
                                    "BEACH",      "OFFICE",      "WAREHOUSE",
                                    "MOTEL ROOM", "FOREST",      "ROOFTOP",
                                    "GARDEN",     "DINER",       "ALLEY" };
    Production *q = make_prod();
    DirectCastMember six[6];
    memset(six, 0, sizeof(six));
    for (size_t i = 0; i < 6; i++) {
        six[i].name = "X";
        six[i].name_hash = base_hash_mix(99, i);
    }
    q->cast = six;
    q->cast_count = 6;
    for (size_t i = 0; i < BASE_ARRAY_LEN(places); i++) {
        for (size_t c = 1; c <= 6; c++) {
            for (int in = 0; in < 2; in++) {
                DirectScene *sc = &q->scenes[0];
                sc->location = places[i];
                sc->interior = in == 1;
                sc->cast = cast6;
                sc->cast_count = c;
                Scene *s = build(q, SHOT_WS, 0.0);
                if (!s)
                    continue;
                check_set_clear(s);
                check_meshes(s);
                world_scene_free(&s);
            }
        }
    }
    free_prod(q);
    free_prod(p);
}

// The path length of the hair's centre over 2 s at 24 fps: how much the
// head moves.
static double head_path_m(const Production *p, size_t shot, size_t cast)
{
    double len = 0, prev[3] = { 0, 0, 0 };
    for (int fr = 0; fr <= 48; fr++) {
        Scene *s = build(p, shot, (double)fr / 24.0);
        if (!s)
            return 0;
        // The hair is the figure's highest mesh.
        const WorldMesh *hair = NULL;
        double top = -1;
        for (size_t i = 0; i < s->mesh_count; i++) {
            if (s->meshes[i].object_id != cast + 1)
                continue;
            Box3 b = box_empty();
            box_add_mesh(&b, &s->meshes[i]);
            if (b.hi[1] > top) {
                top = b.hi[1];
                hair = &s->meshes[i];
            }
        }
        double c[3] = { 0, 0, 0 };
        for (uint32_t v = 0; hair && v < hair->vertex_count; v++) {
            for (int k = 0; k < 3; k++)
                c[k] += (double)hair->positions[3 * v + (uint32_t)k] /
                        (double)hair->vertex_count;
        }
        if (fr > 0) {
            len += sqrt((c[0] - prev[0]) * (c[0] - prev[0]) +
                        (c[1] - prev[1]) * (c[1] - prev[1]) +
                        (c[2] - prev[2]) * (c[2] - prev[2]));
        }
        memcpy(prev, c, sizeof(c));
        world_scene_free(&s);
    }
    return len;
}

// Width of the figure's widest shirt mesh (the torso) across its body.
static double torso_width_m(const Scene *s, size_t cast)
{
    const WorldFigure *f = world_find_figure(s, cast);
    const WorldMesh *torso = NULL;
    for (size_t i = 0; i < s->mesh_count; i++) {
        const WorldMesh *m = &s->meshes[i];
        if (m->object_id == cast + 1 &&
            memcmp(m->material.albedo, f->look.shirt, sizeof(f->look.shirt)) ==
                0 &&
            (!torso || m->vertex_count > torso->vertex_count))
            torso = m;
    }
    Vec3 across = v3_norm(v3(f->facing.z, 0, -f->facing.x));
    double lo = 1e9, hi = -1e9;
    for (uint32_t v = 0; torso && v < torso->vertex_count; v++) {
        const float *q = &torso->positions[3 * v];
        double d = v3_dot(v3((double)q[0], (double)q[1], (double)q[2]), across);
        lo = fmin(lo, d);
        hi = fmax(hi, d);
    }
    return hi - lo;
}

static void test_animation(void)
{
    Production *p = make_prod();
    // Deterministic: the same moment twice gives the same vertices.
    Scene *a = build(p, SHOT_MS_TALK, 0.75);
    Scene *b = build(p, SHOT_MS_TALK, 0.75);
    Scene *c = build(p, SHOT_MS_TALK, 1.25);
    if (a && b && c) {
        CHECK_INT_EQ(a->mesh_count, b->mesh_count);
        bool same = true, moved = false;
        for (size_t i = 0; i < a->mesh_count; i++) {
            size_t bytes = sizeof(float) * 3 * a->meshes[i].vertex_count;
            same = same && memcmp(a->meshes[i].positions,
                                  b->meshes[i].positions, bytes) == 0;
            moved = moved || memcmp(a->meshes[i].positions,
                                    c->meshes[i].positions, bytes) != 0;
        }
        CHECK(same);
        CHECK(moved);
    }
    world_scene_free(&a);
    world_scene_free(&b);
    world_scene_free(&c);

    // Talking nods the head; listening only sways it.
    double talk = head_path_m(p, SHOT_MS_TALK, 0);
    double quiet = head_path_m(p, SHOT_MS_OTHER, 0);
    fprintf(stderr, "  head path over 2 s: talking %.4f m, silent %.4f m\n",
            talk, quiet);
    CHECK(talk > 2.0 * quiet);
    CHECK(quiet > 0.0005 && quiet < 0.03);
    CHECK(talk < 0.3);

    // Breathing: the torso's width swings by about 1% over a 4 s cycle.
    double lo = 1e9, hi = 0;
    for (int fr = 0; fr < 24; fr++) {
        Scene *s = build(p, SHOT_WS, (double)fr * 0.25);
        if (!s)
            break;
        double w = torso_width_m(s, 0);
        lo = fmin(lo, w);
        hi = fmax(hi, w);
        world_scene_free(&s);
    }
    double swing = (hi - lo) / (0.5 * (hi + lo));
    fprintf(stderr, "  torso width swing %.2f%%\n", 100.0 * swing);
    CHECK(swing > 0.006 && swing < 0.025);
    free_prod(p);
}

static void test_errors(void)
{
    Production *p = make_prod();
    Scene *sentinel = (Scene *)(uintptr_t)0x1234, *out = sentinel;
    const AuAllocator *al = base_allocator_default();
    CHECK_STATUS(world_build(al, p, SHOT_COUNT, 0.0, 0, &out), AU_EINVAL);
    CHECK_STATUS(world_build(al, p, SIZE_MAX, 0.0, 0, &out), AU_EINVAL);
    CHECK_STATUS(world_build(al, p, 0, NAN, 0, &out), AU_EINVAL);
    p->shots[0].scene = 99;
    CHECK_STATUS(world_build(al, p, 0, 0.0, 0, &out), AU_EINVAL);
    p->shots[0].scene = 0;
    static size_t bad_cast[] = { 0, 7 };
    p->scenes[0].cast = bad_cast;
    CHECK_STATUS(world_build(al, p, 0, 0.0, 0, &out), AU_EINVAL);
    CHECK(out == sentinel);
    world_scene_free(NULL);
    Scene *none = NULL;
    world_scene_free(&none);
    CHECK(none == NULL);
    CHECK(world_find_figure(NULL, 0) == NULL);
    free_prod(p);
}

// An allocator that fails its n-th request and counts live blocks.
typedef struct FailAlloc {
    long calls;
    long fail_at;
    long live;
} FailAlloc;

static void *fail_realloc(void *user, void *ptr, size_t size)
{
    FailAlloc *f = user;
    if (size == 0) {
        if (ptr)
            f->live--;
        free(ptr);
        return NULL;
    }
    if (++f->calls == f->fail_at)
        return NULL;
    void *q = realloc(ptr, size);
    if (q && !ptr)
        f->live++;
    return q;
}

static void test_alloc_failure_sweep(void)
{
    Production *p = make_prod();
    long steps = 0;
    for (long n = 1; n < 10000; n++) {
        FailAlloc f = { 0, n, 0 };
        AuAllocator al = { fail_realloc, &f };
        Scene *sentinel = (Scene *)(uintptr_t)0x5678, *out = sentinel;
        AuStatus st = world_build(&al, p, SHOT_TRIO, 0.5, 3, &out);
        if (st == AU_OK) {
            CHECK(out != sentinel && out->figure_count == 3);
            world_scene_free(&out);
            CHECK_INT_EQ(f.live, 0);
            break;
        }
        steps++;
        CHECK_STATUS(st, AU_ENOMEM);
        CHECK(out == sentinel);
        CHECK_INT_EQ(f.live, 0);
    }
    fprintf(stderr, "  %ld failing allocations swept\n", steps);
    CHECK(steps >= 2);
    free_prod(p);
}

static void test_speed(void)
{
    Production *p = make_prod();
    double t0 = base_now_s();
    for (int i = 0; i < 100; i++) {
        Scene *s = build(p, SHOT_WS, (double)i / 24.0);
        world_scene_free(&s);
    }
    double dt = base_now_s() - t0;
    fprintf(stderr, "  100 builds of a two-character scene: %.3f s\n", dt);
    // bench/bench_world measures speed; this catches a pathological build.
    CHECK(dt < 20.0);
    free_prod(p);
}

int main(void)
{
    CHECK_RUN(test_look);
    CHECK_RUN(test_same_scene_same_figure);
    CHECK_RUN(test_figures);
    CHECK_RUN(test_blocking);
    CHECK_RUN(test_sets);
    CHECK_RUN(test_animation);
    CHECK_RUN(test_errors);
    CHECK_RUN(test_alloc_failure_sweep);
    CHECK_RUN(test_speed);
    return CHECK_DONE();
}
