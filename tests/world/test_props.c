/* tests/world/test_props.c: measured checks of props: every library prop
 * builds from an action line; counts, synonyms and holders are read; props
 * stand on the table top or in the hand, and in nobody's way. */
#include "helpers.h"

static size_t count_named(const Scene *s, const char *name, bool held)
{
    size_t n = 0;
    for (size_t i = 0; i < s->prop_count; i++) {
        if (strcmp(s->props[i].name, name) == 0 &&
            (s->props[i].held_by != SIZE_MAX) == held)
            n++;
    }
    return n;
}

static const WorldProp *find_prop(const Scene *s, const char *name,
                                  size_t held_by)
{
    for (size_t i = 0; i < s->prop_count; i++) {
        if (strcmp(s->props[i].name, name) == 0 &&
            s->props[i].held_by == held_by)
            return &s->props[i];
    }
    return NULL;
}

static Scene *scene_with(const char *loc, bool interior, const char *line)
{
    HProd h;
    h_prod(&h, loc, interior, 2);
    h_actions(&h, &line, 1);
    return h_build(&h);
}

static void test_library(void)
{
    size_t n = world_prop_library_count();
    fprintf(stderr, "  %zu props in the library\n", n);
    CHECK(n >= 40);
    CHECK(world_prop_library_name(n) == NULL);
    size_t built = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = world_prop_library_name(i);
        CHECK(name != NULL);
        for (size_t j = 0; j < i; j++)
            CHECK(strcmp(name, world_prop_library_name(j)) != 0);
        char line[96];
        snprintf(line, sizeof(line), "Brick looks at the %s.", name);
        Scene *s = scene_with("ZZYZX", false, line);
        if (!s)
            continue;
        const WorldProp *p = find_prop(s, name, SIZE_MAX);
        if (!p)
            fprintf(stderr, "  no %s from \"%s\"\n", name, line);
        CHECK(p != NULL);
        if (p) {
            // A real object: some size, standing on or above the ground.
            double vol = p->half_extent.x * p->half_extent.y * p->half_extent.z;
            CHECK(vol > 1e-9);
            // Trees, rocks and boats sink a little into ground or water.
            double bottom = p->center.y - p->half_extent.y;
            double top = p->center.y + p->half_extent.y;
            if (bottom < -0.01)
                fprintf(stderr, "  %s sinks to %.2f m\n", name, bottom);
            CHECK(bottom > -0.5 && top > 0.0);
            built += vol > 1e-9;
        }
        CHECK_INT_EQ(set_hits_cast(s, 0.1), 0);
        check_meshes(s);
        world_scene_free(&s);
    }
    fprintf(stderr, "  %zu of them built from an action line\n", built);
}

static void test_reading(void)
{
    static const struct {
        const char *line;
        const char *name;
        size_t count;
    } cases[] = {
        { "Brick sets two cold beers on the table.", "beer", 2 },
        { "Steel pours three glasses of whiskey.", "glass", 3 },
        { "Steel pours three glasses of whiskey.", "bottle", 0 },
        { "A pistol lies on the counter.", "gun", 1 },
        { "Two knives and a revolver.", "knife", 2 },
        { "Two knives and a revolver.", "gun", 1 },
        { "He drinks.", "glass", 0 },
        { "She can see it from here.", "can", 0 },
        { "A can of soda.", "can", 1 },
        { "The phone rings.", "phone", 1 },
        { "A couple of mugs.", "cup", 2 },
        { "Cacti everywhere.", "cactus", 2 },
        { "A dozen bottles line the shelf.", "bottle", 6 },
        { "The old pickup is parked by the fence.", "truck", 1 },
    };

    for (size_t i = 0; i < BASE_ARRAY_LEN(cases); i++) {
        Scene *s = scene_with("ZZYZX", false, cases[i].line);
        if (!s)
            continue;
        size_t got = count_named(s, cases[i].name, false) +
                     count_named(s, cases[i].name, true);
        if (got != cases[i].count)
            fprintf(stderr, "  \"%s\": %zu %s\n", cases[i].line, got,
                    cases[i].name);
        CHECK_INT_EQ(got, cases[i].count);
        world_scene_free(&s);
    }
}

static void test_on_the_table(void)
{
    // No table near the cast: one is set up behind them, at 1.2 m or more
    // from the centre; in a kitchen, the kitchen's own table.
    static const struct {
        const char *loc;
        bool interior;
    } places[] = { { "PATIO", false },
                   { "DESERT ROAD", false },
                   { "FARMHOUSE KITCHEN", true },
                   { "OLD DINER", true },
                   { "ZZYZX", false } };

    for (size_t i = 0; i < BASE_ARRAY_LEN(places); i++) {
        Scene *s = scene_with(places[i].loc, places[i].interior,
                              "Brick sets two cold beers on the table.");
        if (!s)
            continue;
        const WorldProp *table = find_prop(s, "table", SIZE_MAX);
        CHECK(table != NULL);
        CHECK_INT_EQ(count_named(s, "beer", false), 2);
        if (table) {
            double top = table->center.y + table->half_extent.y;
            double dist = hypot(table->center.x - s->stage_center.x,
                                table->center.z - s->stage_center.z);
            double worst = 0;
            for (size_t k = 0; k < s->prop_count; k++) {
                const WorldProp *p = &s->props[k];
                if (strcmp(p->name, "beer") != 0)
                    continue;
                double bottom = p->center.y - p->half_extent.y;
                worst = fmax(worst, fabs(bottom - top));
                // On the top, not beside it.
                CHECK(p->center.x > table->center.x - table->half_extent.x);
                CHECK(p->center.x < table->center.x + table->half_extent.x);
                CHECK(p->center.z > table->center.z - table->half_extent.z);
                CHECK(p->center.z < table->center.z + table->half_extent.z);
            }
            fprintf(stderr,
                    "  %-17s table top %.3f m, %.2f m from the centre; beer "
                    "bottoms within %.4f m of it\n",
                    places[i].loc, top, dist, worst);
            CHECK(worst < 0.01);
            CHECK(dist >= 1.2);
        }
        CHECK_INT_EQ(set_hits_cast(s, 0.1), 0);
        world_scene_free(&s);
    }
}

static void test_in_hand(void)
{
    static const char *const lines[] = {
        "Brick sets two cold beers on the table.",
        "Steel raises his beer.",
        "Brick holds a pistol.",
    };
    HProd h;
    h_prod(&h, "PATIO", false, 2);
    h_actions(&h, lines, 3);
    Scene *s = h_build(&h);
    Scene *again = h_build(&h);
    if (!s || !again)
        goto done;
    // One beer on the table and one in Steel's hand: the beers of the
    // first line are the same ones the second raises.
    CHECK_INT_EQ(count_named(s, "beer", false), 1);
    CHECK_INT_EQ(count_named(s, "beer", true), 1);
    const WorldProp *beer = find_prop(s, "beer", 1);
    const WorldProp *gun = find_prop(s, "gun", 0);
    const WorldFigure *steel = world_find_figure(s, 1);
    const WorldFigure *brick = world_find_figure(s, 0);
    CHECK(beer && gun && steel && brick);
    if (!beer || !gun || !steel || !brick)
        goto done;
    Vec3 w = steel->joints[WORLD_JOINT_WRIST_R];
    double d = v3_len(v3_sub(beer->center, w));
    fprintf(stderr, "  raised beer: centre %.3f m from Steel's wrist\n", d);
    CHECK(d < 0.10);
    // Raised: the hand above the elbow, before the chest.
    CHECK(w.y > steel->joints[WORLD_JOINT_ELBOW_R].y);
    CHECK(w.y > steel->joints[WORLD_JOINT_WAIST].y);
    // The pistol reaches forward of the hand: its grip, the nearest part
    // of it, is in the hand.
    Vec3 gw = brick->joints[WORLD_JOINT_WRIST_R];
    Box3 gb = prop_box(gun);
    double gd = 0, dd[3] = { gw.x, gw.y, gw.z };
    for (int k = 0; k < 3; k++) {
        double e = fmax(gb.lo[k] - dd[k], fmax(0.0, dd[k] - gb.hi[k]));
        gd += e * e;
    }
    gd = sqrt(gd);
    fprintf(stderr,
            "  held pistol: %.3f m from Brick's wrist (centre %.3f m)\n", gd,
            v3_len(v3_sub(gun->center, gw)));
    CHECK(gd < 0.10);
    // The pistol points where Brick faces: its long side along the facing.
    Vec3 fz = brick->facing;
    double along =
        fabs(fz.x) * gun->half_extent.x + fabs(fz.z) * gun->half_extent.z;
    double across =
        fabs(fz.z) * gun->half_extent.x + fabs(fz.x) * gun->half_extent.z;
    CHECK(along > across);
    // Nobody else is touched, and the same script gives the same props.
    for (size_t i = 0; i < s->prop_count; i++) {
        Box3 pb = prop_box(&s->props[i]);
        for (size_t f = 0; f < s->figure_count; f++) {
            if (s->figures[f].cast_index == s->props[i].held_by)
                continue;
            Box3 fb = figure_box(s, s->figures[f].cast_index);
            CHECK(!box_overlap(&pb, &fb));
        }
    }
    CHECK_INT_EQ(set_hits_cast(s, 0.1), 0);
    CHECK_INT_EQ(s->prop_count, again->prop_count);
    for (size_t i = 0; i < s->prop_count && i < again->prop_count; i++) {
        CHECK(memcmp(&s->props[i].center, &again->props[i].center,
                     sizeof(Vec3)) == 0);
    }
    CHECK(same_set(s, again));
done:
    world_scene_free(&s);
    world_scene_free(&again);
}

static void test_busy(void)
{
    // Many props in several sets: nothing lands on the cast.
    static const char *const lines[] = {
        "Brick drops his suitcase. A guitar leans on the wall.",
        "Steel lights a candle and reads the newspaper.",
        "Bottles, a phone, a laptop and two mugs on the desk.",
        "A bicycle, a crate, a barrel, a chair and a lamp.",
        "He points a rifle at the horse.",
    };

    static const struct {
        const char *loc;
        bool interior;
    } places[] = { { "OFFICE", true },       { "MOTEL ROOM", true },
                   { "SHACK", true },        { "RANCH", false },
                   { "CITY STREET", false }, { "HARBOUR", false } };

    for (size_t i = 0; i < BASE_ARRAY_LEN(places); i++) {
        HProd h;
        h_prod(&h, places[i].loc, places[i].interior, 2);
        h_actions(&h, lines, BASE_ARRAY_LEN(lines));
        Scene *s = h_build(&h);
        if (!s)
            continue;
        size_t held = 0;
        for (size_t k = 0; k < s->prop_count; k++)
            held += s->props[k].held_by != SIZE_MAX;
        fprintf(stderr, "  %-12s %2zu props (%zu held)\n", places[i].loc,
                s->prop_count, held);
        CHECK(s->prop_count >= 10);
        CHECK_INT_EQ(set_hits_cast(s, 0.1), 0);
        check_meshes(s);
        for (size_t k = 0; k < s->prop_count; k++) {
            Box3 pb = prop_box(&s->props[k]);
            for (size_t f = 0; f < s->figure_count; f++) {
                if (s->figures[f].cast_index == s->props[k].held_by)
                    continue;
                Box3 fb = figure_box(s, s->figures[f].cast_index);
                if (box_overlap(&pb, &fb))
                    fprintf(stderr, "  %s touches %s\n", s->props[k].name,
                            h_names[f]);
                CHECK(!box_overlap(&pb, &fb));
            }
        }
        world_scene_free(&s);
    }
}

int main(void)
{
    CHECK_RUN(test_library);
    CHECK_RUN(test_reading);
    CHECK_RUN(test_on_the_table);
    CHECK_RUN(test_in_hand);
    CHECK_RUN(test_busy);
    return CHECK_DONE();
}
