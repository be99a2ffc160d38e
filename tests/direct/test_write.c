/* tests/direct/test_write.c: shots written back as notes plan to the same
 * shots: every director's shot of the example scripts and of a script
 * using every control is rewritten into a copy, the copy planned again,
 * and each control compared. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "direct/direct.h"
#include "script/script.h"

static const AuAllocator *A;

static Production *plan(const char *text, size_t len, ScriptDoc **doc)
{
    Production *p = NULL;
    *doc = NULL;
    if (script_parse(A, NULL, "t", text, len, doc) != AU_OK)
        return NULL;
    if (direct_plan(A, NULL, *doc, &p) != AU_OK)
        return NULL;
    return p;
}

static bool same(const DirectShot *a, const DirectShot *b)
{
    bool ok =
        a->size == b->size && a->kind == b->kind && a->subject == b->subject &&
        a->partner == b->partner && a->angle == b->angle &&
        a->angle_deg == b->angle_deg && a->lens_mm == b->lens_mm &&
        a->f_stop == b->f_stop && a->focus == b->focus && a->rack == b->rack &&
        a->rack_from == b->rack_from && a->move == b->move &&
        fabs(a->move_amount - b->move_amount) < 1e-9 &&
        a->move_speed == b->move_speed && a->handheld == b->handheld &&
        a->reverse_side == b->reverse_side &&
        fabs(a->duration_s - b->duration_s) < 1e-6 && a->set_by == b->set_by &&
        ((!a->insert && !b->insert) ||
         (a->insert && b->insert && strcmp(a->insert, b->insert) == 0));
    return ok;
}

// Rewrites every director's shot of @p text as itself; returns how many.
static size_t round_trip(const char *name, const char *text, size_t len)
{
    ScriptDoc *d1 = NULL, *d2 = NULL;
    Production *p1 = plan(text, len, &d1);
    CHECK(p1 != NULL);
    if (!p1) {
        script_doc_free(&d1);
        return 0;
    }
    size_t *idx = calloc(p1->shot_count + 1, sizeof *idx);
    DirectShot *shots = calloc(p1->shot_count + 1, sizeof *shots);
    size_t n = 0;
    for (size_t i = 0; i < p1->shot_count; i++)
        if (p1->shots[i].reason &&
            strcmp(p1->shots[i].reason, "director") == 0) {
            idx[n] = i;
            shots[n++] = p1->shots[i];
        }
    char *out = NULL;
    size_t out_len = 0;
    CHECK_OK(
        direct_script_rewrite(A, p1, text, len, idx, shots, n, &out, &out_len));
    Production *p2 = out ? plan(out, out_len, &d2) : NULL;
    CHECK(p2 != NULL);
    if (p2) {
        CHECK_INT_EQ(p2->shot_count, p1->shot_count);
        for (size_t k = 0; k < n && p2->shot_count == p1->shot_count; k++) {
            char note[512];
            CHECK_OK(
                direct_shot_note(p1, &p1->shots[idx[k]], note, sizeof note));
            if (!same(&p1->shots[idx[k]], &p2->shots[idx[k]])) {
                fprintf(stderr, "  %s shot %zu: '%s' plans differently\n", name,
                        idx[k] + 1, note);
                CHECK(false);
            }
        }
    }
    direct_production_free(&p1);
    direct_production_free(&p2);
    script_doc_free(&d1);
    script_doc_free(&d2);
    base_free(A, out);
    free(idx);
    free(shots);
    return n;
}

static const char every_control[] =
    "Title: Every control\n\n"
    "INT. KITCHEN - NIGHT\n\n"
    "[[shot: CU BRICK, low angle 30deg, 85mm f/1.8, dolly in slow, 3s]]\n\n"
    "BRICK\nOne.\n\n"
    "[[shot: OTS STEEL BRICK, 50mm, rack focus from BRICK to STEEL]]\n\n"
    "STEEL\nTwo.\n\n"
    "[[shot: two-shot BRICK STEEL, high 20deg, orbit -45deg, handheld]]\n\n"
    "BRICK\nThree.\n\n"
    "[[shot: MS STEEL, pan left 40deg fast, across the line]]\n\n"
    "STEEL\nFour.\n\n"
    "[[shot: insert the bottle, overhead]]\n\n"
    "[[shot: WS, zoom out 2x, very slow, 4.5s]]\n\n"
    "[[shot: MCU STEEL, dutch 10deg, focus on BRICK, tilt up]]\n\n"
    "STEEL\nFive.\n\n"
    "[[shot: MLS BRICK, truck left, 2s]]\n\n"
    "[[shot: FS BRICK, crane up gentle]]\n\n"
    "[[shot: EWS, 18mm f/8, zoom in 3x]]\n";

static void test_every_control(void)
{
    size_t n =
        round_trip("every control", every_control, sizeof every_control - 1);
    fprintf(stderr, "  %zu director's shots written and planned again\n", n);
    CHECK_INT_EQ(n, 10);
}

static void test_examples(void)
{
    static const char *names[] = { "first-light", "the-long-night",
                                   "harbour-lights", "dry-season" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/examples/%s.fountain", AU_SOURCE_DIR,
                 names[i]);
        char *text = NULL;
        size_t len = 0;
        CHECK_OK(base_file_read(A, NULL, path, 1u << 20, &text, &len));
        if (!text)
            continue;
        size_t n = round_trip(names[i], text, len);
        fprintf(stderr, "  %s: %zu director's shots\n", names[i], n);
        base_free(A, text);
    }
}

static void test_rewrite_keeps_the_rest(void)
{
    // A fix to one shot changes its note and not one other byte.
    ScriptDoc *doc = NULL;
    Production *p = plan(every_control, sizeof every_control - 1, &doc);
    CHECK(p != NULL);
    if (!p)
        return;
    size_t idx = 0;
    DirectShot s = p->shots[0];
    s.size = DIRECT_SHOT_MCU;
    s.lens_mm = 65.0;
    char *out = NULL;
    size_t out_len = 0;
    CHECK_OK(direct_script_rewrite(A, p, every_control,
                                   sizeof every_control - 1, &idx, &s, 1, &out,
                                   &out_len));
    const char *want = "[[shot: MCU BRICK, low 30deg, 65mm f/1.8, dolly in "
                       "slow, 3s]]";
    const char *at = out ? strstr(out, "[[shot: ") : NULL;
    CHECK(at && strncmp(at, want, strlen(want)) == 0);
    const char *orig_end = strstr(every_control, "3s]]") + 4;
    const char *out_end = at ? strstr(at, "]]") + 2 : NULL;
    CHECK(out_end && strcmp(out_end, orig_end) == 0);
    CHECK(at && strncmp(out, every_control, (size_t)(at - out)) == 0);
    base_free(A, out);
    // A shot auteur chose has no note to rewrite.
    size_t auto_idx = SIZE_MAX;
    for (size_t i = 0; i < p->shot_count; i++)
        if (p->shots[i].set_by == 0)
            auto_idx = i;
    if (auto_idx != SIZE_MAX) {
        CHECK_STATUS(direct_script_rewrite(
                         A, p, every_control, sizeof every_control - 1,
                         &auto_idx, &p->shots[auto_idx], 1, &out, &out_len),
                     AU_EINVAL);
        CHECK(out == NULL);
    }
    direct_production_free(&p);
    script_doc_free(&doc);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_every_control);
    CHECK_RUN(test_examples);
    CHECK_RUN(test_rewrite_keeps_the_rest);
    return CHECK_DONE();
}
