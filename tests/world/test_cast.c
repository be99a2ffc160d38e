/* tests/world/test_cast.c: measured checks of looks from cast notes: each
 * word changes the figure as it says (tall 8% taller, grey hair grey), the
 * unusable words are reported, and any combination builds a sound figure. */
#include "helpers.h"

static DirectCastMember member(const char *name, int age, const char **words,
                               size_t n)
{
    DirectCastMember m;
    memset(&m, 0, sizeof(m));
    m.name = name;
    m.name_hash = base_hash_name(name);
    m.age_years = age;
    m.look_words = words;
    m.look_word_count = n;
    return m;
}

static double rgb_dist(const float a[3], const float b[3])
{
    double d = 0;
    for (int i = 0; i < 3; i++)
        d += ((double)a[i] - (double)b[i]) * ((double)a[i] - (double)b[i]);
    return sqrt(d);
}

// Builds @p m alone in a field and returns the scene.
static Scene *alone(const DirectCastMember *m)
{
    HProd h;
    h_prod(&h, "ZZYZX", false, 1);
    h.cast[0] = *m;
    Scene *s = h_build(&h);
    if (s) {
        check_meshes(s);
        CHECK_INT_EQ(s->figure_count, 1);
    }
    return s;
}

static size_t fig_meshes(const Scene *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->mesh_count; i++)
        n += s->meshes[i].object_id == 1;
    return n;
}

static size_t fig_tris(const Scene *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->mesh_count; i++) {
        if (s->meshes[i].object_id == 1)
            n += s->meshes[i].triangle_count;
    }
    return n;
}

static bool has_albedo(const Scene *s, const float c[3])
{
    for (size_t i = 0; i < s->mesh_count; i++) {
        if (s->meshes[i].object_id == 1 &&
            rgb_dist(s->meshes[i].material.albedo, c) < 1e-6)
            return true;
    }
    return false;
}

static void test_brick(void)
{
    // The design's own example: BRICK - 60s, tall, grey hair, hawaiian
    // shirt.
    const char *words[] = { "tall", "grey hair", "hawaiian shirt" };
    DirectCastMember m = member("BRICK", 65, words, 3);
    WorldFigureLook base, l;
    world_figure_look(m.name_hash, &base);
    world_cast_look(&m, &l);
    double ratio = l.height_m / base.height_m;
    fprintf(stderr, "  BRICK %.3f m -> %.3f m (x%.3f)\n", base.height_m,
            l.height_m, ratio);
    // Tall is 8% up; past 65 a stoop takes 3% back.
    CHECK_NEAR(ratio, 1.08 * 0.97, 0.002);
    double spread = fmax(fabs((double)l.hair[0] - (double)l.hair[1]),
                         fabs((double)l.hair[1] - (double)l.hair[2]));
    fprintf(stderr, "  hair %.3f %.3f %.3f (was %.3f %.3f %.3f)\n",
            (double)l.hair[0], (double)l.hair[1], (double)l.hair[2],
            (double)base.hair[0], (double)base.hair[1], (double)base.hair[2]);
    CHECK(spread < 0.03);
    CHECK(lum3(l.hair) > 0.2 && lum3(l.hair) < 0.5);
    double d = rgb_dist(l.shirt, base.shirt);
    fprintf(stderr, "  shirt moved %.3f, pattern %d, short sleeves %d\n", d,
            (int)l.pattern, (int)l.short_sleeves);
    CHECK(d > 0.1);
    CHECK_INT_EQ(l.pattern, WORLD_PATTERN_FLORAL);
    CHECK(l.short_sleeves);
    CHECK(l.stoop_rad > 0);
    const char *unused[4];
    CHECK_INT_EQ(world_cast_unused_words(&m, unused, 4), 0);

    // The built figure: as tall as the look says, printed shirt, bare
    // forearms.
    DirectCastMember plain = member("BRICK", 0, NULL, 0);
    Scene *a = alone(&m), *b = alone(&plain);
    if (a && b) {
        const WorldFigure *f = world_find_figure(a, 0);
        Box3 fb = figure_box(a, 0);
        CHECK_NEAR(f->joints[WORLD_JOINT_HEAD_TOP].y, l.height_m, 0.01);
        CHECK_NEAR(fb.hi[1], l.height_m, 0.02);
        CHECK(has_albedo(a, l.pattern_rgb));
        CHECK(fig_tris(a) > fig_tris(b) + 500);
        fprintf(stderr,
                "  figure: %zu meshes, %zu triangles (plain %zu, %zu)\n",
                fig_meshes(a), fig_tris(a), fig_meshes(b), fig_tris(b));
    }
    world_scene_free(&a);
    world_scene_free(&b);
}

static void test_unused(void)
{
    const char *words[] = { "tall", "smells of gasoline", "freckles",
                            "grey hair", "haunted look" };
    DirectCastMember m = member("STEEL", 0, words, 5);
    const char *out[8];
    size_t n = world_cast_unused_words(&m, out, 8);
    CHECK_INT_EQ(n, 3);
    if (n == 3) {
        CHECK_STR_EQ(out[0], "smells of gasoline");
        CHECK_STR_EQ(out[1], "freckles");
        CHECK_STR_EQ(out[2], "haunted look");
    }
    // The count is whole even when the room is not.
    CHECK_INT_EQ(world_cast_unused_words(&m, out, 1), 3);
    CHECK_INT_EQ(world_cast_unused_words(&m, NULL, 0), 3);
    DirectCastMember none = member("STEEL", 0, NULL, 0);
    CHECK_INT_EQ(world_cast_unused_words(&none, out, 8), 0);
}

typedef struct WordCase {
    const char *word;
    int age;
} WordCase;

static void test_each_word(void)
{
    // Every word of the vocabulary changes the look or the figure.
    static const WordCase cases[] = {
        { "tall", 0 },
        { "short", 0 },
        { "thin", 0 },
        { "stocky", 0 },
        { "broad shoulders", 0 },
        { "muscular", 0 },
        { "black hair", 0 },
        { "blonde", 0 },
        { "red hair", 0 },
        { "ginger", 0 },
        { "white hair", 0 },
        { "silver hair", 0 },
        { "brown hair", 0 },
        { "bald", 0 },
        { "long hair", 0 },
        { "grey beard", 0 },
        { "ponytail", 0 },
        { "bun", 0 },
        { "curly hair", 0 },
        { "buzz cut", 0 },
        { "beard", 0 },
        { "moustache", 0 },
        { "stubble", 0 },
        { "glasses", 0 },
        { "sunglasses", 0 },
        { "scar", 0 },
        { "hat", 0 },
        { "baseball cap", 0 },
        { "cowboy hat", 0 },
        { "fedora", 0 },
        { "suit", 0 },
        { "denim jacket", 0 },
        { "leather jacket", 0 },
        { "coat", 0 },
        { "dress", 0 },
        { "skirt", 0 },
        { "jeans", 0 },
        { "shorts", 0 },
        { "white t shirt", 0 },
        { "striped shirt", 0 },
        { "polka dot shirt", 0 },
        { "red sweater", 0 },
        { "vest", 0 },
        { "tie", 0 },
        { "uniform", 0 },
        { "apron", 0 },
        { "boots", 0 },
        { "white sneakers", 0 },
        { "woman", 0 },
        { "old", 0 },
        { "child", 0 },
        { "teenager", 0 },
        { "pale", 0 },
        { "tanned", 0 },
    };
    DirectCastMember plain = member("MARGOT", 0, NULL, 0);
    WorldFigureLook base;
    world_cast_look(&plain, &base);
    Scene *sb = alone(&plain);
    size_t base_tris = sb ? fig_tris(sb) : 0;
    double base_top = sb ? figure_box(sb, 0).hi[1] : 0;
    world_scene_free(&sb);
    for (size_t i = 0; i < BASE_ARRAY_LEN(cases); i++) {
        const char *w = cases[i].word;
        DirectCastMember m = member("MARGOT", cases[i].age, &w, 1);
        WorldFigureLook l;
        world_cast_look(&m, &l);
        const char *out[1];
        size_t unused = world_cast_unused_words(&m, out, 1);
        bool changed = memcmp(&l, &base, sizeof(l)) != 0;
        if (unused || !changed)
            fprintf(stderr, "  \"%s\" changed nothing\n", w);
        CHECK_INT_EQ(unused, 0);
        CHECK(changed);
        Scene *s = alone(&m);
        if (!s)
            continue;
        CHECK(fig_meshes(s) <= 36);
        // Things worn on the head stand above it; things added add
        // triangles.
        double top = figure_box(s, 0).hi[1];
        if (strstr(w, "hat") || strstr(w, "fedora"))
            CHECK(top > l.height_m + 0.03);
        if (strstr(w, "cap"))
            CHECK(top > l.height_m + 0.004);
        if (strstr(w, "beard") || strstr(w, "glasses") ||
            strstr(w, "moustache") || strstr(w, "dress") ||
            strstr(w, "skirt") || strstr(w, "ponytail") || strstr(w, "suit") ||
            strstr(w, "tie") || strstr(w, "striped"))
            CHECK(fig_tris(s) > base_tris);
        (void)base_top;
        world_scene_free(&s);
    }
}

static void test_measures(void)
{
    const char *w_tall = "tall", *w_short = "short", *w_thin = "thin";
    const char *w_heavy = "heavy", *w_woman = "woman",
               *w_jacket = "denim jacket";
    WorldFigureLook base, l;
    DirectCastMember m = member("JUNE", 0, NULL, 0);
    world_cast_look(&m, &base);
    m = member("JUNE", 0, &w_tall, 1);
    world_cast_look(&m, &l);
    CHECK_NEAR(l.height_m / base.height_m, 1.08, 1e-9);
    m = member("JUNE", 0, &w_short, 1);
    world_cast_look(&m, &l);
    CHECK_NEAR(l.height_m / base.height_m, 0.92, 1e-9);
    m = member("JUNE", 0, &w_thin, 1);
    world_cast_look(&m, &l);
    CHECK(l.girth < base.girth || base.girth <= 0.85);
    CHECK(l.shoulder_m < base.shoulder_m);
    m = member("JUNE", 0, &w_heavy, 1);
    world_cast_look(&m, &l);
    CHECK(l.girth > base.girth || base.girth >= 1.25);
    m = member("JUNE", 0, &w_woman, 1);
    world_cast_look(&m, &l);
    CHECK(l.hip_scale > 1.05);
    CHECK(l.shoulder_m < base.shoulder_m);
    CHECK(l.hair_style == WORLD_HAIR_LONG);
    // "short hair" is what a man has anyway; on a woman it cuts the
    // long default.
    const char *w_woman_short[] = { "woman", "short hair" };
    m = member("JUNE", 0, w_woman_short, 2);
    world_cast_look(&m, &l);
    CHECK(l.hair_style == WORLD_HAIR_SHORT);
    CHECK_INT_EQ(world_cast_unused_words(&m, NULL, 0), 0);
    m = member("JUNE", 0, &w_jacket, 1);
    world_cast_look(&m, &l);
    CHECK(l.jacket);
    CHECK(l.jacket_rgb[2] > l.jacket_rgb[0] * 1.5f);

    // A child of eight: small, with a big head for the body.
    m = member("KID", 8, NULL, 0);
    world_cast_look(&m, &l);
    fprintf(stderr, "  age 8: %.2f m, %.2f heads\n", l.height_m, l.heads);
    CHECK(l.height_m > 1.0 && l.height_m < 1.45);
    CHECK(l.heads < 6.5);
    Scene *s = alone(&m);
    if (s) {
        const WorldFigure *f = world_find_figure(s, 0);
        const Vec3 *j = f->joints;
        double head = j[WORLD_JOINT_HEAD_TOP].y - j[WORLD_JOINT_CHIN].y;
        CHECK(head > l.height_m / 6.5);
        CHECK(j[WORLD_JOINT_KNEE_L].y > j[WORLD_JOINT_ANKLE_L].y + 0.1);
        CHECK(j[WORLD_JOINT_PELVIS].y > j[WORLD_JOINT_KNEE_L].y + 0.1);
        CHECK_NEAR(figure_box(s, 0).hi[1], l.height_m, 0.02);
        CHECK(figure_box(s, 0).lo[1] > -0.01);
    }
    world_scene_free(&s);

    // Old age greys the hair unless the note names its colour.
    m = member("JUNE", 75, NULL, 0);
    world_cast_look(&m, &l);
    static const float grey[3] = { 0.36f, 0.355f, 0.35f };
    CHECK(rgb_dist(l.hair, grey) < rgb_dist(base.hair, grey) ||
          rgb_dist(base.hair, grey) < 0.05);
    CHECK(l.stoop_rad > 0.05);
    const char *w_black = "black hair";
    m = member("JUNE", 75, &w_black, 1);
    world_cast_look(&m, &l);
    CHECK(lum3(l.hair) < 0.03);
}

static void test_everything(void)
{
    // Every item at once still builds a sound figure within its mesh
    // budget, in a scene with others.
    const char *words[] = {
        "tall",           "woman",           "long red hair",
        "beard",          "moustache",       "glasses",
        "scar",           "cowboy hat",      "suit",
        "apron",          "polka dot shirt", "skirt",
        "white sneakers", "stubble"
    };
    DirectCastMember m = member("MARGOT", 40, words, BASE_ARRAY_LEN(words));
    HProd h;
    h_prod(&h, "BAR", true, 3);
    h.cast[2] = m;
    static const char *const lines[] = { "Margot raises her glass." };
    h_actions(&h, lines, 1);
    Scene *s = h_build(&h);
    if (s) {
        check_meshes(s);
        size_t parts = 0;
        for (size_t i = 0; i < s->mesh_count; i++)
            parts += s->meshes[i].object_id == 3;
        fprintf(stderr, "  everything at once: %zu meshes\n", parts);
        CHECK(parts <= 36);
        CHECK_INT_EQ(set_hits_cast(s, 0.1), 0);
    }
    world_scene_free(&s);
}

int main(void)
{
    CHECK_RUN(test_brick);
    CHECK_RUN(test_unused);
    CHECK_RUN(test_each_word);
    CHECK_RUN(test_measures);
    CHECK_RUN(test_everything);
    return CHECK_DONE();
}
