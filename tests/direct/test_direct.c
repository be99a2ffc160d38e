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
    CHECK_INT_EQ(p->shots[1].size, DIRECT_SHOT_MS);
    CHECK_INT_EQ(p->shots[1].subject, 0);
    CHECK_NEAR(p->shots[1].lens_mm, 35.0, 1e-9);
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
        CHECK_STR_EQ(json_string_value(json_object_get(s1, "size")), "MS");
        CHECK_NEAR(json_real_value(json_object_get(s1, "lens_mm")), 35.0, 1e-9);
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

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_scenes_and_time_of_day);
    CHECK_RUN(test_coverage_and_timing);
    CHECK_RUN(test_name_hash_is_case_blind);
    CHECK_RUN(test_unknown_time_of_day_warns);
    CHECK_RUN(test_plan_json);
    return CHECK_DONE();
}
