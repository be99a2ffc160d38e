/* tests/world/test_sets.c: measured checks of sets: kinds from location
 * words; every kind builds, differs and repeats exactly; walls, roads and
 * water where they belong; nothing in the blocking; build time. */
#include "helpers.h"

typedef struct KindCase {
    const char *location;
    bool interior;
    WorldSetKind kind;
} KindCase;

// One location a screenwriter might write for each kind, in its usual
// setting (inside or out).
static const KindCase kinds[] = {
    { "LIVING ROOM", true, WORLD_SET_LIVING_ROOM },
    { "FARMHOUSE KITCHEN", true, WORLD_SET_KITCHEN },
    { "BEDROOM", true, WORLD_SET_BEDROOM },
    { "HARBOUR OFFICE", true, WORLD_SET_OFFICE },
    { "JOE'S BAR", true, WORLD_SET_BAR },
    { "OLD DINER", true, WORLD_SET_DINER },
    { "WAREHOUSE", true, WORLD_SET_WAREHOUSE },
    { "PHOTO STUDIO", true, WORLD_SET_STUDIO },
    { "GARAGE", true, WORLD_SET_GARAGE },
    { "BRICK'S TRAILER", true, WORLD_SET_TRAILER },
    { "MOTEL ROOM", true, WORLD_SET_MOTEL },
    { "MANSION", true, WORLD_SET_MANSION },
    { "SHACK", true, WORLD_SET_SHACK },
    { "WARD SEVEN", true, WORLD_SET_HOSPITAL },
    { "PATIO", false, WORLD_SET_PATIO },
    { "SWIMMING POOL", false, WORLD_SET_POOL },
    { "CITY STREET", false, WORLD_SET_STREET },
    { "BACK ALLEY", false, WORLD_SET_ALLEY },
    { "HOSPITAL ROOF", false, WORLD_SET_ROOFTOP },
    { "DESERT", false, WORLD_SET_DESERT },
    { "FOREST", false, WORLD_SET_FOREST },
    { "BEACH", false, WORLD_SET_BEACH },
    { "WHEAT FIELD", false, WORLD_SET_FIELD },
    { "CITY PARK", false, WORLD_SET_PARK },
    { "COUNTRY ROAD", false, WORLD_SET_ROAD },
    { "DESERT ROAD", false, WORLD_SET_DESERT_ROAD },
    { "MOUNTAIN ROAD", false, WORLD_SET_MOUNTAIN_ROAD },
    { "HARBOUR", false, WORLD_SET_HARBOUR },
    { "RANCH", false, WORLD_SET_RANCH },
};

static void test_recognition(void)
{
    static const struct {
        const char *loc;
        WorldSetKind kind;
    } words[] = {
        { "DINER", WORLD_SET_DINER },
        { "OLD DINER", WORLD_SET_DINER },
        { "Joe's Diner", WORLD_SET_DINER },
        { "DESERT ROAD", WORLD_SET_DESERT_ROAD },
        { "ROAD THROUGH THE DESERT", WORLD_SET_DESERT_ROAD },
        { "MOUNTAIN PASS ROAD", WORLD_SET_MOUNTAIN_ROAD },
        { "BRICK'S TRAILER", WORLD_SET_TRAILER },
        { "FARMHOUSE KITCHEN", WORLD_SET_KITCHEN },
        { "HOSPITAL ROOF", WORLD_SET_ROOFTOP },
        { "ST. BRIGID'S HOSPITAL", WORLD_SET_HOSPITAL },
        { "MOTEL ROOM", WORLD_SET_MOTEL },
        { "LIVING ROOM", WORLD_SET_LIVING_ROOM },
        { "WHEAT FIELD", WORLD_SET_FIELD },
        { "HARBOR", WORLD_SET_HARBOUR },
        { "PIER 39", WORLD_SET_HARBOUR },
        { "BREAKWATER", WORLD_SET_HARBOUR },
        { "GRAIN SHED", WORLD_SET_WAREHOUSE },
        { "PICKUP TRUCK", WORLD_SET_ROAD },
        { "SALOON", WORLD_SET_BAR },
        { "BEACH HOUSE PORCH", WORLD_SET_PATIO },
        { "POOLSIDE", WORLD_SET_POOL },
        { "THE WOODS", WORLD_SET_FOREST },
        { "BARN", WORLD_SET_RANCH },
        { "LOG CABIN", WORLD_SET_SHACK },
    };

    for (size_t i = 0; i < BASE_ARRAY_LEN(words); i++) {
        const char *name = NULL;
        WorldSetKind k = world_set_kind(words[i].loc, false, &name);
        if (k != words[i].kind)
            fprintf(stderr, "  %s: %s, expected %s\n", words[i].loc, name,
                    world_set_kind_name(words[i].kind));
        CHECK_INT_EQ(k, words[i].kind);
        CHECK(!world_set_kind_is_generic(k));
    }
    // Unknown words: the generic kind of the right setting, reported.
    const char *name = NULL;
    WorldSetKind k = world_set_kind("ZZYZX", false, &name);
    CHECK_INT_EQ(k, WORLD_SET_GENERIC_EXTERIOR);
    CHECK(world_set_kind_is_generic(k));
    CHECK_STR_EQ(name, "open ground");
    k = world_set_kind("STAIRWELL", true, &name);
    CHECK_INT_EQ(k, WORLD_SET_GENERIC_INTERIOR);
    CHECK_STR_EQ(name, "room");
    CHECK_INT_EQ(world_set_kind(NULL, true, NULL), WORLD_SET_GENERIC_INTERIOR);
    CHECK_STR_EQ(world_set_kind_name(WORLD_SET_DESERT_ROAD), "desert road");

    // At least twenty kinds, every one named distinctly.
    size_t distinct = 0;
    for (int a = 0; a < WORLD_SET_KIND_COUNT; a++) {
        bool dup = false;
        for (int b = 0; b < a; b++)
            dup = dup || strcmp(world_set_kind_name((WorldSetKind)a),
                                world_set_kind_name((WorldSetKind)b)) == 0;
        distinct += !dup && !world_set_kind_is_generic((WorldSetKind)a);
    }
    fprintf(stderr, "  %zu kinds of set\n", distinct);
    CHECK(distinct >= 20);
    CHECK(BASE_ARRAY_LEN(kinds) == distinct);
}

typedef struct Sig {
    size_t triangles, meshes;
    Box3 box; // of the set within 40 m of the centre
} Sig;

static Sig signature(const Scene *s)
{
    Sig g = { 0, 0, box_empty() };
    for (size_t i = 0; i < s->mesh_count; i++) {
        const WorldMesh *m = &s->meshes[i];
        if (m->object_id != 0)
            continue;
        g.meshes++;
        g.triangles += m->triangle_count;
        for (uint32_t v = 0; v < m->vertex_count; v++) {
            const float *p = &m->positions[3 * v];
            if (fabs((double)p[0]) < 40 && fabs((double)p[2]) < 40)
                box_add(&g.box, p);
        }
    }
    return g;
}

// Fraction of a fan of horizontal rays from the blocking toward @p dir
// that meet the set within @p within metres.
static double fan_hits(const Scene *s, Vec3 dir, double within)
{
    static const double heights[] = { 0.3, 1.0, 1.7, 2.2 };
    static const double offs[] = { -2.0, -1.0, 0.0, 1.0, 2.0 };
    Vec3 side = v3(dir.z, 0, -dir.x);
    size_t hit = 0, n = 0;
    for (size_t i = 0; i < BASE_ARRAY_LEN(heights); i++) {
        for (size_t j = 0; j < BASE_ARRAY_LEN(offs); j++) {
            Vec3 o = v3_add(s->stage_center, v3_scale(side, offs[j]));
            o.y = heights[i];
            hit += ray_set(s, o, dir) < within;
            n++;
        }
    }
    return (double)hit / (double)n;
}

static void test_every_kind(void)
{
    Sig sig[BASE_ARRAY_LEN(kinds)];
    for (size_t i = 0; i < BASE_ARRAY_LEN(kinds); i++) {
        const KindCase *kc = &kinds[i];
        HProd h;
        h_prod(&h, kc->location, kc->interior, 2);
        Scene *s = h_build(&h);
        Scene *again = h_build(&h);
        if (!s || !again) {
            world_scene_free(&s);
            world_scene_free(&again);
            continue;
        }
        CHECK_INT_EQ(s->set_kind, kc->kind);
        check_meshes(s);
        // The same heading is the same place, to the last vertex.
        CHECK(same_set(s, again));
        size_t hits = set_hits_cast(s, 0.3);
        CHECK_INT_EQ(hits, 0);
        sig[i] = signature(s);
        Vec3 c = s->stage_center;
        if (kc->interior) {
            // Walls (or what stands against them) behind and to each side;
            // the camera's side open; daylight from above.
            double back = fan_hits(s, v3(0, 0, -1), 20.0);
            double left = fan_hits(s, v3(-1, 0, 0), 20.0);
            double right = fan_hits(s, v3(1, 0, 0), 20.0);
            double front = fan_hits(s, v3(0, 0, 1), 30.0);
            double sky = ray_set(s, v3(c.x, 1.7, c.z), v3(0, 1, 0));
            fprintf(stderr,
                    "  %-18s %-12s %6zu tris %3zu meshes  walls %.0f%% %.0f%% "
                    "%.0f%%, front %.0f%%\n",
                    kc->location, world_set_kind_name(s->set_kind),
                    sig[i].triangles, sig[i].meshes, 100 * back, 100 * left,
                    100 * right, 100 * front);
            CHECK(back >= 0.9);
            CHECK(left >= 0.6);
            CHECK(right >= 0.6);
            CHECK(front == 0.0);
            CHECK(isinf(sky));
        } else {
            double front = fan_hits(s, v3(0, 0, 1), 6.0);
            fprintf(stderr,
                    "  %-18s %-12s %6zu tris %3zu meshes  box x %.0f..%.0f "
                    "y %.1f..%.0f z %.0f..%.0f\n",
                    kc->location, world_set_kind_name(s->set_kind),
                    sig[i].triangles, sig[i].meshes, sig[i].box.lo[0],
                    sig[i].box.hi[0], sig[i].box.lo[1], sig[i].box.hi[1],
                    sig[i].box.lo[2], sig[i].box.hi[2]);
            // Nothing stands between the cast and a camera in front.
            CHECK(front == 0.0);
        }
        world_scene_free(&s);
        world_scene_free(&again);
    }
    // Every kind differs from every other in triangle count, mesh count
    // or extent.
    size_t same = 0;
    for (size_t a = 0; a < BASE_ARRAY_LEN(kinds); a++) {
        for (size_t b = a + 1; b < BASE_ARRAY_LEN(kinds); b++) {
            bool eq = sig[a].triangles == sig[b].triangles &&
                      sig[a].meshes == sig[b].meshes;
            for (int k = 0; k < 3; k++)
                eq = eq && fabs(sig[a].box.lo[k] - sig[b].box.lo[k]) < 0.01 &&
                     fabs(sig[a].box.hi[k] - sig[b].box.hi[k]) < 0.01;
            if (eq)
                fprintf(stderr, "  %s and %s look alike\n", kinds[a].location,
                        kinds[b].location);
            same += eq;
        }
    }
    CHECK_INT_EQ(same, 0);
}

static void test_same_kind_differs(void)
{
    // Two diners are both diners but not the same diner; an interior and
    // an exterior of one name are different places.
    HProd a, b, c;
    h_prod(&a, "DINER", true, 2);
    h_prod(&b, "OLD DINER", true, 2);
    h_prod(&c, "DINER", false, 2);
    Scene *sa = h_build(&a), *sb = h_build(&b), *sc = h_build(&c);
    if (sa && sb && sc) {
        CHECK_INT_EQ(sa->set_kind, WORLD_SET_DINER);
        CHECK_INT_EQ(sb->set_kind, WORLD_SET_DINER);
        CHECK_INT_EQ(sc->set_kind, WORLD_SET_DINER);
        CHECK(!same_set(sa, sb));
        CHECK(!same_set(sa, sc));
        CHECK(sc->interior == false && sa->interior);
    }
    world_scene_free(&sa);
    world_scene_free(&sb);
    world_scene_free(&sc);
}

static void test_unknown(void)
{
    HProd h;
    h_prod(&h, "ZZYZX", false, 2);
    Scene *s = h_build(&h);
    if (s) {
        CHECK_INT_EQ(s->set_kind, WORLD_SET_GENERIC_EXTERIOR);
        CHECK(set_triangles(s) > 100);
        CHECK_INT_EQ(set_hits_cast(s, 0.3), 0);
    }
    world_scene_free(&s);
    h_prod(&h, "STAIRWELL", true, 2);
    s = h_build(&h);
    if (s) {
        CHECK_INT_EQ(s->set_kind, WORLD_SET_GENERIC_INTERIOR);
        CHECK(fan_hits(s, v3(0, 0, -1), 20.0) >= 0.9);
    }
    world_scene_free(&s);
    // A [[set: ...]] description names the kind when the heading cannot.
    DirectSet set = { "THE PLACE", false, "a dusty desert road", { 0 } };
    h_prod(&h, "THE PLACE", false, 2);
    h.p.sets = &set;
    h.p.set_count = 1;
    s = h_build(&h);
    if (s)
        CHECK_INT_EQ(s->set_kind, WORLD_SET_DESERT_ROAD);
    world_scene_free(&s);
}

// Triangles of the set's dark, flat, long strips near the ground and of
// light marks lying on them.
static void road_measure(const Scene *s, size_t *strip, size_t *marks)
{
    *strip = *marks = 0;
    for (size_t i = 0; i < s->mesh_count; i++) {
        const WorldMesh *m = &s->meshes[i];
        if (m->object_id != 0)
            continue;
        double l = lum3(m->material.albedo);
        for (uint32_t t = 0; t < m->triangle_count; t++) {
            Box3 b = box_empty();
            for (int k = 0; k < 3; k++)
                box_add(&b, &m->positions[3 * m->indices[3 * t + k]]);
            bool flat =
                b.hi[1] - b.lo[1] < 1e-4 && b.hi[1] < 0.05 && b.lo[1] > -0.3;
            if (!flat || b.hi[2] > 1.0 || b.lo[2] < -15.0)
                continue;
            if (l < 0.08 && b.hi[0] - b.lo[0] > 100.0 &&
                b.hi[2] - b.lo[2] > 4.0)
                (*strip)++;
            if (l > 0.3 && b.hi[0] - b.lo[0] < 4.0 && b.hi[2] - b.lo[2] < 0.3)
                (*marks)++;
        }
    }
}

static void test_roads_and_water(void)
{
    static const char *const roads[] = { "DESERT ROAD", "COUNTRY ROAD",
                                         "MOUNTAIN ROAD", "MAIN STREET" };
    for (size_t i = 0; i < BASE_ARRAY_LEN(roads); i++) {
        HProd h;
        h_prod(&h, roads[i], false, 2);
        Scene *s = h_build(&h);
        if (!s)
            continue;
        size_t strip, marks;
        road_measure(s, &strip, &marks);
        fprintf(stderr, "  %s: %zu road triangles, %zu lane marks\n", roads[i],
                strip, marks);
        CHECK(strip >= 2);
        CHECK(marks >= 20);
        world_scene_free(&s);
    }
    // Not every exterior has one.
    HProd h;
    h_prod(&h, "FOREST", false, 2);
    Scene *s = h_build(&h);
    if (s) {
        size_t strip, marks;
        road_measure(s, &strip, &marks);
        CHECK_INT_EQ(strip, 0);
    }
    world_scene_free(&s);

    // Water: a blue-ish flat plane behind the cast at the beach and the
    // harbour, a basin for the pool.
    static const char *const wet[] = { "BEACH", "HARBOUR", "POOL" };
    for (size_t i = 0; i < BASE_ARRAY_LEN(wet); i++) {
        h_prod(&h, wet[i], false, 2);
        s = h_build(&h);
        if (!s)
            continue;
        double area = 0;
        for (size_t k = 0; k < s->mesh_count; k++) {
            const WorldMesh *m = &s->meshes[k];
            const float *a = m->material.albedo;
            if (m->object_id != 0 || !(a[2] > a[0] * 1.5f && a[2] > 0.1f))
                continue;
            for (uint32_t t = 0; t < m->triangle_count; t++) {
                Box3 b = box_empty();
                for (int j = 0; j < 3; j++)
                    box_add(&b, &m->positions[3 * m->indices[3 * t + j]]);
                if (b.hi[1] - b.lo[1] < 1e-4 && b.lo[2] < -3.0)
                    area += 0.5 * (b.hi[0] - b.lo[0]) * (b.hi[2] - b.lo[2]);
            }
        }
        // Below the cast's feet: a ray down from beyond the edge finds it.
        double down = ray_set(s, v3(0, 1.0, -9.5), v3(0, -1, 0));
        fprintf(stderr, "  %s: %.0f m2 of water, %.2f m below 1 m at z -9.5\n",
                wet[i], area, down);
        CHECK(area > 40.0);
        world_scene_free(&s);
    }
}

static void test_big_cast(void)
{
    // Six characters in a small room: the room grows, nothing is in the
    // way, and the set for one or two characters is the same set.
    static const char *const places[] = { "MOTEL ROOM", "SHACK", "PATIO",
                                          "DINER",      "ALLEY", "FOREST" };
    for (size_t i = 0; i < BASE_ARRAY_LEN(places); i++) {
        for (int in = 0; in < 2; in++) {
            HProd one, two, six;
            h_prod(&one, places[i], in, 1);
            h_prod(&two, places[i], in, 2);
            h_prod(&six, places[i], in, 6);
            Scene *a = h_build(&one), *b = h_build(&two), *c = h_build(&six);
            if (a && b && c) {
                CHECK(same_set(a, b));
                CHECK_INT_EQ(set_hits_cast(c, 0.3), 0);
                CHECK_INT_EQ(set_hits_cast(a, 0.3), 0);
            }
            world_scene_free(&a);
            world_scene_free(&b);
            world_scene_free(&c);
        }
    }
}

static void test_build_time(void)
{
    // Speed is measured by bench/bench_world; this only catches a build
    // that has gone pathologically slow, with room for a loaded machine
    // and the sanitizers.
    const double limit_ms = 250.0;
    double worst = 0, sum = 0;
    const char *worst_loc = "";
    for (size_t i = 0; i < BASE_ARRAY_LEN(kinds); i++) {
        HProd h;
        h_prod(&h, kinds[i].location, kinds[i].interior, 2);
        static const char *const lines[] = {
            "Brick sets two cold beers on the table.", "Steel raises his beer."
        };
        h_actions(&h, lines, 2);
        const int reps = 5;
        double t0 = base_now_s();
        for (int r = 0; r < reps; r++) {
            Scene *s = NULL;
            CHECK_OK(world_build(base_allocator_default(), &h.p, 0,
                                 (double)r / 24.0, 7, &s));
            world_scene_free(&s);
        }
        double ms = 1000.0 * (base_now_s() - t0) / reps;
        sum += ms;
        if (ms > worst) {
            worst = ms;
            worst_loc = kinds[i].location;
        }
    }
    fprintf(stderr,
            "  set + 2 characters + props: mean %.2f ms, slowest %.2f ms "
            "(%s); limit %.0f ms\n",
            sum / (double)BASE_ARRAY_LEN(kinds), worst, worst_loc, limit_ms);
    CHECK(worst < limit_ms);
}

int main(void)
{
    CHECK_RUN(test_recognition);
    CHECK_RUN(test_every_kind);
    CHECK_RUN(test_same_kind_differs);
    CHECK_RUN(test_unknown);
    CHECK_RUN(test_roads_and_water);
    CHECK_RUN(test_big_cast);
    CHECK_RUN(test_build_time);
    return CHECK_DONE();
}
