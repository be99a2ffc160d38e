/* tests/direct/test_direct.c: planning from a parsed screenplay: scenes,
 * cast, coverage and timing, and the plan JSON. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check.h"
#include "direct/direct.h"

static const AuAllocator *A;

static Production *plan(const char *text, BaseDiag *diag, AuStatus *st)
{
    ScriptDoc *doc = NULL;
    Production *prod = NULL;
    *st = script_parse(A, diag, "t.fountain", text, strlen(text), &doc);
    if (*st == AU_OK)
        *st = direct_plan(A, diag, doc, &prod);
    script_doc_free(&doc);
    return prod;
}

static void test_scenes_and_time_of_day(void)
{
    BaseDiag diag = { 0 };
    AuStatus st;
    Production *p = plan("EXT. DESERT ROAD - DUSK\n\nWind.\n\n"
                         "INT. OLD DINER - NIGHT\n\nA neon hum.\n\n"
                         "EXT. BEACH - MAGIC HOUR\n\nWaves.\n\n"
                         "I/E. CAR - DAWN\n\nEngine.\n",
                         &diag, &st);
    CHECK_OK(st);
    if (!p)
        return;
    CHECK_INT_EQ(p->scene_count, 4);
    CHECK_STR_EQ(p->scenes[0].location, "DESERT ROAD");
    CHECK(!p->scenes[0].interior);
    CHECK_INT_EQ(p->scenes[0].time_of_day, DIRECT_TOD_DUSK);
    CHECK_STR_EQ(p->scenes[1].location, "OLD DINER");
    CHECK(p->scenes[1].interior);
    CHECK_INT_EQ(p->scenes[1].time_of_day, DIRECT_TOD_NIGHT);
    CHECK_INT_EQ(p->scenes[2].time_of_day, DIRECT_TOD_MAGIC_HOUR);
    CHECK_INT_EQ(p->scenes[3].time_of_day, DIRECT_TOD_DAWN);
    CHECK_INT_EQ(p->scenes[0].loc.line, 1);
    CHECK_INT_EQ(p->scenes[1].loc.line, 5);
    // One establishing shot per scene when nobody speaks.
    CHECK_INT_EQ(p->shot_count, 4);
    CHECK_INT_EQ(diag.errors, 0);
    direct_production_free(&p);
    CHECK(p == NULL);
}

static void test_coverage_and_timing(void)
{
    BaseDiag diag = { 0 };
    AuStatus st;
    Production *p = plan("EXT. PATIO - DAY\n\nBrick sits.\n\n"
                         "BRICK\nHot.\n\n"
                         "STEEL (V.O.)\n(dry)\n"
                         "One two three four five six seven eight nine "
                         "ten eleven twelve.\n\n"
                         "BRICK\nYes.\n",
                         &diag, &st);
    CHECK_OK(st);
    if (!p)
        return;
    CHECK_INT_EQ(p->cast_count, 2);
    CHECK_STR_EQ(p->cast[0].name, "BRICK");
    CHECK_STR_EQ(p->cast[1].name, "STEEL");
    CHECK_INT_EQ(p->scenes[0].cast_count, 2);
    CHECK_INT_EQ(p->shot_count, 4);
    CHECK_INT_EQ(p->shots[0].size, DIRECT_SHOT_WS);
    CHECK(p->shots[0].subject == SIZE_MAX);
    CHECK_NEAR(p->shots[0].duration_s, DIRECT_ESTABLISH_S, 1e-9);
    // auteur's single: a medium or medium close-up on a 35-50 mm lens.
    CHECK(p->shots[1].size == DIRECT_SHOT_MS ||
          p->shots[1].size == DIRECT_SHOT_MCU);
    CHECK_INT_EQ(p->shots[1].subject, 0);
    CHECK(p->shots[1].lens_mm >= 35.0 && p->shots[1].lens_mm <= 50.0);
    // One word is under the two-second floor.
    CHECK_NEAR(p->shots[1].duration_s, 2.0, 1e-9);
    // Twelve words at 2.5 words per second.
    CHECK_INT_EQ(p->shots[2].subject, 1);
    CHECK_NEAR(p->shots[2].duration_s, 12.0 / 2.5, 1e-9);
    CHECK_NEAR(p->shots[3].start_s, 3.0 + 2.0 + 4.8, 1e-9);
    CHECK_NEAR(p->duration_s, 3.0 + 2.0 + 4.8 + 2.0, 1e-9);
    CHECK_INT_EQ(p->shots[2].loc.line, 10);
    direct_production_free(&p);
}

static void test_name_hash_is_case_blind(void)
{
    BaseDiag diag = { 0 };
    AuStatus st;
    Production *p =
        plan("INT. ROOM - DAY\n\nBRICK\nHi.\n\n@McCoy\nHey.\n", &diag, &st);
    CHECK_OK(st);
    if (!p)
        return;
    CHECK_INT_EQ(p->cast_count, 2);
    CHECK_STR_EQ(p->cast[1].name, "MCCOY");
    CHECK(p->cast[0].name_hash == base_hash_name("Brick"));
    direct_production_free(&p);
}

static void test_unknown_time_of_day_warns(void)
{
    BaseDiag diag = { 0 };
    AuStatus st;
    Production *p = plan("EXT. FIELD - TEATIME\n\nCows.\n", &diag, &st);
    CHECK_OK(st);
    CHECK_INT_EQ(diag.warnings, 1);
    if (p)
        CHECK_INT_EQ(p->scenes[0].time_of_day, DIRECT_TOD_DAY);
    direct_production_free(&p);
}

static void test_plan_json(void)
{
    BaseDiag diag = { 0 };
    AuStatus st;
    Production *p = plan("Title: Heat\n\nEXT. PATIO - DAY\n\n"
                         "BRICK\nHot one today.\n",
                         &diag, &st);
    CHECK_OK(st);
    if (!p)
        return;
    char *text = NULL;
    CHECK_OK(direct_plan_json(p, &text));
    json_error_t err;
    json_t *root = json_loads(text, 0, &err);
    CHECK(root != NULL);
    if (root) {
        CHECK_STR_EQ(json_string_value(json_object_get(root, "title")), "Heat");
        json_t *shots = json_object_get(root, "shots");
        CHECK_INT_EQ(json_array_size(shots), 2);
        json_t *s1 = json_array_get(shots, 1);
        CHECK_STR_EQ(json_string_value(json_object_get(s1, "size")),
                     direct_shot_size_name(p->shots[1].size));
        CHECK_NEAR(json_real_value(json_object_get(s1, "lens_mm")),
                   p->shots[1].lens_mm, 1e-9);
        CHECK_STR_EQ(json_string_value(json_object_get(
                         json_object_get(s1, "set_by"), "size")),
                     "auteur");
        CHECK_STR_EQ(json_string_value(
                         json_array_get(json_object_get(s1, "subjects"), 0)),
                     "BRICK");
        CHECK_INT_EQ(json_array_size(json_object_get(root, "cast")), 1);
        CHECK_INT_EQ(json_array_size(json_object_get(root, "scenes")), 1);
        json_decref(root);
    }
    free(text);
    direct_production_free(&p);
}

static size_t errors_in(const char *text, char *first, size_t n)
{
    BaseDiag diag = { 0 };
    AuStatus st;
    first[0] = '\0';
    Production *p = plan(text, &diag, &st);
    (void)n;
    direct_production_free(&p);
    return diag.errors;
}

static void test_notes_apply_forward(void)
{
    BaseDiag diag = { 0 };
    AuStatus st;
    Production *p = plan("Title: T\nLook: western\nAspect: 16:9\nSeed: 9\n\n"
                         "EXT. RANCH - DAY\n\n"
                         "BRICK\nOne.\n\n"
                         "[[light: low key, key 3200K from left, rim blue]]\n"
                         "[[look: noir]]\n"
                         "[[shot: CU STEEL, 85mm]]\n\n"
                         "STEEL\nTwo words here, three, four, five, six.\n\n"
                         "BRICK\nAnd seven.\n\n"
                         "SMASH CUT TO:\n\n"
                         "INT. BARN - NIGHT\n\n"
                         "[[time: dawn]]\n[[weather: fog]]\n"
                         "Hay.\n",
                         &diag, &st);
    CHECK_OK(st);
    if (!p)
        return;
    CHECK_NEAR(p->aspect, 16.0 / 9.0, 1e-9);
    CHECK(p->has_seed && p->seed == 9);
    CHECK_STR_EQ(p->look, "western");
    // establishing, BRICK single, the director's CU, the barn's wide.
    CHECK_INT_EQ(p->shot_count, 4);
    CHECK_STR_EQ(p->shots[0].look, "western");
    CHECK_INT_EQ(p->shots[1].lighting.light_count, 0);
    const DirectShot *cu = &p->shots[2];
    CHECK_INT_EQ(cu->size, DIRECT_SHOT_CU);
    CHECK_INT_EQ(cu->subject, 1);
    CHECK_NEAR(cu->lens_mm, 85.0, 1e-9);
    CHECK_STR_EQ(cu->look, "noir");
    CHECK_INT_EQ(cu->lighting.style, DIRECT_KEY_LOW);
    CHECK_INT_EQ(cu->lighting.light_count, 2);
    CHECK_NEAR(cu->lighting.lights[0].temp_k, 3200.0, 1e-9);
    CHECK_INT_EQ(cu->lighting.lights[0].side, DIRECT_SIDE_LEFT);
    CHECK_INT_EQ(cu->lighting.lights[1].role, DIRECT_LIGHT_RIM);
    CHECK_STR_EQ(cu->lighting.lights[1].color_name, "blue");
    CHECK(cu->set_by & DIRECT_SET_SIZE);
    CHECK(!(cu->set_by & DIRECT_SET_DURATION));
    // It covers both lines: 7 words (2.8 s) and 2 words (2 s floor).
    CHECK_NEAR(cu->duration_s, 7.0 / 2.5 + 2.0, 1e-9);
    CHECK_INT_EQ(p->shots[3].transition, DIRECT_TRANSITION_SMASH_CUT);
    CHECK_INT_EQ(p->scenes[1].time_of_day, DIRECT_TOD_DAWN);
    CHECK_INT_EQ(p->scenes[1].weather, DIRECT_WEATHER_FOG);
    // The look resets to the title page's in a new scene.
    CHECK_STR_EQ(p->shots[3].look, "western");
    CHECK_INT_EQ(p->set_count, 2);
    direct_production_free(&p);
}

static void test_every_error_in_one_run(void)
{
    char first[256];
    // Four problems on four lines: all of them are reported.
    size_t n = errors_in("EXT. ROAD - DAY\n\n"
                         "[[shot: CU, WS]]\n"
                         "[[shot: 85mm, 50mm]]\n"
                         "[[light: key 90000K]]\n"
                         "[[look: noire]]\n\n"
                         "BRICK\nHi.\n",
                         first, sizeof first);
    CHECK_INT_EQ(n, 4);
}

static void test_prompt(void)
{
    BaseDiag diag = { 0 };
    Production *p = NULL;
    const char *pr = "a lone rider crosses the desert at golden hour, wide, "
                     "slow dolly in, 15s";
    CHECK_OK(direct_plan_prompt(A, &diag, "prompt", pr, strlen(pr), &p));
    CHECK_INT_EQ(diag.warnings, 0);
    if (!p)
        return;
    CHECK_INT_EQ(p->scene_count, 1);
    CHECK_STR_EQ(p->scenes[0].location, "DESERT");
    CHECK(!p->scenes[0].interior);
    CHECK_INT_EQ(p->scenes[0].time_of_day, DIRECT_TOD_MAGIC_HOUR);
    CHECK_INT_EQ(p->cast_count, 1);
    CHECK_STR_EQ(p->cast[0].name, "RIDER");
    CHECK_INT_EQ(p->shot_count, 1);
    CHECK_INT_EQ(p->shots[0].size, DIRECT_SHOT_WS);
    CHECK_INT_EQ(p->shots[0].move, DIRECT_MOVE_DOLLY_IN);
    CHECK_NEAR(p->shots[0].move_speed, 0.5, 1e-9);
    CHECK_NEAR(p->shots[0].duration_s, 15.0, 1e-9);
    direct_production_free(&p);

    // Unused words are one warning that names them, at the first one.
    diag.warnings = 0;
    pr = "two women talk in a kitchen with purple elephants, MCU";
    CHECK_OK(direct_plan_prompt(A, &diag, "prompt", pr, strlen(pr), &p));
    CHECK_INT_EQ(diag.warnings, 1);
    if (p) {
        CHECK_INT_EQ(p->warning_count, 1);
        CHECK(strstr(p->warnings[0].text, "'purple', 'elephants'"));
        CHECK_INT_EQ(p->warnings[0].loc.col, 34);
        CHECK_INT_EQ(p->cast_count, 2);
        CHECK(p->scenes[0].interior);
        CHECK_INT_EQ(p->shots[0].kind, DIRECT_KIND_TWO_SHOT);
    }
    direct_production_free(&p);

    // Out-of-range values are errors in prompts too; an empty prompt is one.
    diag.errors = 0;
    pr = "a man on a beach, -5mm";
    CHECK_STATUS(direct_plan_prompt(A, &diag, "prompt", pr, strlen(pr), &p),
                 AU_ESYNTAX);
    CHECK_INT_EQ(diag.errors, 1);
    CHECK_STATUS(direct_plan_prompt(A, &diag, "prompt", "  ", 2, &p),
                 AU_ESYNTAX);
    CHECK(p == NULL);
}

static void test_move_directions(void)
{
    BaseDiag diag = { 0 };
    AuStatus st;
    Production *p = plan("EXT. ROAD - DAY\n\n"
                         "[[shot: WS, zoom out 2x, handheld]]\n\nWind.\n\n"
                         "[[shot: WS, pan left 45deg]]\n\nDust.\n\n"
                         "[[shot: WS, handheld, dolly in slow]]\n\nSand.\n",
                         &diag, &st);
    CHECK_OK(st);
    if (!p)
        return;
    CHECK_INT_EQ(p->shots[0].move, DIRECT_MOVE_ZOOM);
    CHECK_NEAR(p->shots[0].move_amount, 0.5, 1e-12);
    CHECK(p->shots[0].handheld);
    CHECK_INT_EQ(p->shots[1].move, DIRECT_MOVE_PAN);
    CHECK_NEAR(p->shots[1].move_amount, -45.0, 1e-12);
    CHECK(!p->shots[1].handheld);
    // Handheld first, then the move: both hold.
    CHECK_INT_EQ(p->shots[2].move, DIRECT_MOVE_DOLLY_IN);
    CHECK(p->shots[2].handheld);
    CHECK_NEAR(p->shots[2].move_speed, 0.5, 1e-12);
    CHECK_INT_EQ(diag.errors, 0);
    direct_production_free(&p);
}

static void test_auto_coverage(void)
{
    BaseDiag diag = { 0 };
    AuStatus st;
    // A dual pair becomes one two-shot; a 20-word speech (8 s) cuts away
    // to the listener for 2 s.
    Production *p = plan("INT. KITCHEN - NIGHT\n\n"
                         "BRICK\nNow.\n\n"
                         "STEEL ^\nNever.\n\n"
                         "BRICK\none two three four five six seven eight "
                         "nine ten eleven twelve thirteen fourteen fifteen "
                         "sixteen seventeen eighteen nineteen twenty\n",
                         &diag, &st);
    CHECK_OK(st);
    if (!p)
        return;
    CHECK_INT_EQ(p->shot_count, 4);
    CHECK_INT_EQ(p->shots[1].kind, DIRECT_KIND_TWO_SHOT);
    CHECK_INT_EQ(p->shots[1].subject, 0);
    CHECK_INT_EQ(p->shots[1].partner, 1);
    CHECK_NEAR(p->shots[2].duration_s, 8.0 - 2.0, 1e-9);
    CHECK_INT_EQ(p->shots[2].subject, 0);
    CHECK_STR_EQ(p->shots[3].reason, "reaction");
    CHECK_INT_EQ(p->shots[3].subject, 1);
    CHECK_INT_EQ(p->shots[3].size, DIRECT_SHOT_MCU);
    CHECK_NEAR(p->shots[3].duration_s, 2.0, 1e-9);
    CHECK_NEAR(p->duration_s, 3.0 + 2.0 + 8.0, 1e-9);
    direct_production_free(&p);
}

// The seed changes auteur's own choices and never the director's.
static void test_seed_variations(void)
{
    const char *text = "EXT. PATIO - DAY\n\n"
                       "BRICK\nOne.\n\nSTEEL\nTwo.\n\nBRICK\nThree.\n\n"
                       "[[shot: CU STEEL, 85mm]]\n\nSTEEL\nFour.\n";
    ScriptDoc *doc = NULL;
    BaseDiag diag = { 0 };
    CHECK_OK(script_parse(A, &diag, "t", text, strlen(text), &doc));
    if (!doc)
        return;
    char first[64] = "";
    int distinct = 0;
    for (uint64_t seed = 1; seed <= 8; seed++) {
        Production *p = NULL, *again = NULL;
        CHECK_OK(direct_plan_seeded(A, &diag, doc, seed, true, &p));
        CHECK_OK(direct_plan_seeded(A, &diag, doc, seed, true, &again));
        if (!p || !again)
            break;
        char sig[64];
        size_t len = 0;
        for (size_t i = 0; i < 4; i++)
            len += (size_t)snprintf(sig + len, sizeof sig - len, "%d/%g ",
                                    (int)p->shots[i].size, p->shots[i].lens_mm);
        if (seed == 1)
            memcpy(first, sig, sizeof first);
        else if (strcmp(sig, first) != 0)
            distinct++;
        // Same seed, same plan.
        for (size_t i = 0; i < p->shot_count; i++) {
            CHECK_INT_EQ(p->shots[i].size, again->shots[i].size);
            CHECK_NEAR(p->shots[i].lens_mm, again->shots[i].lens_mm, 0);
        }
        // The director's CU on STEEL at 85mm is the same for every seed.
        const DirectShot *cu = &p->shots[p->shot_count - 1];
        CHECK_INT_EQ(cu->size, DIRECT_SHOT_CU);
        CHECK_NEAR(cu->lens_mm, 85.0, 0);
        CHECK_INT_EQ(cu->subject, 1);
        CHECK(p->seed == seed);
        direct_production_free(&p);
        direct_production_free(&again);
    }
    CHECK(distinct >= 3);
    script_doc_free(&doc);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_scenes_and_time_of_day);
    CHECK_RUN(test_coverage_and_timing);
    CHECK_RUN(test_name_hash_is_case_blind);
    CHECK_RUN(test_unknown_time_of_day_warns);
    CHECK_RUN(test_plan_json);
    CHECK_RUN(test_notes_apply_forward);
    CHECK_RUN(test_every_error_in_one_run);
    CHECK_RUN(test_prompt);
    CHECK_RUN(test_move_directions);
    CHECK_RUN(test_auto_coverage);
    CHECK_RUN(test_seed_variations);
    return CHECK_DONE();
}
