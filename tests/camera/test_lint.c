/* tests/camera/test_lint.c: `auteur lint` on scripts written to break a
 * rule, and on one that breaks none. */
#include <stdlib.h>
#include <string.h>

#include "camera/camera.h"
#include "check.h"

static const AuAllocator *A;

typedef struct Seen {
    char codes[16][32];
    unsigned lines[16];
    size_t count;
} Seen;

static void keep(void *user, const AuDiagnostic *d)
{
    Seen *s = user;
    if (s->count < 16 && d->code) {
        snprintf(s->codes[s->count], sizeof s->codes[0], "%s", d->code);
        s->lines[s->count++] = d->loc.line;
    }
    fprintf(stderr, "    %u:%u: %s\n", d->loc.line, d->loc.col, d->text);
}

static size_t lint(const char *text, Seen *seen)
{
    memset(seen, 0, sizeof *seen);
    BaseDiag diag = { keep, seen, 0, 0 };
    ScriptDoc *doc = NULL;
    Production *prod = NULL;
    size_t problems = 0;
    CHECK_OK(script_parse(A, &diag, "t", text, strlen(text), &doc));
    if (doc)
        CHECK_OK(direct_plan(A, &diag, doc, &prod));
    seen->count = 0;
    if (prod)
        CHECK_OK(camera_lint(A, &diag, prod, 1, &problems));
    direct_production_free(&prod);
    script_doc_free(&doc);
    return problems;
}

static bool has(const Seen *s, const char *code, unsigned line)
{
    for (size_t i = 0; i < s->count; i++)
        if (strcmp(s->codes[i], code) == 0 && s->lines[i] == line)
            return true;
    return false;
}

static void test_jump_cut(void)
{
    Seen s;
    size_t n = lint("EXT. PATIO - DAY\n\n"
                    "[[shot: MS BRICK, 35mm]]\n\nBRICK\nOne.\n\n"
                    "[[shot: MS BRICK, 40mm]]\n\nBRICK\nTwo.\n",
                    &s);
    CHECK_INT_EQ(n, 1);
    CHECK(has(&s, "lint-jump-cut", 8));
}

static void test_impossible(void)
{
    Seen s;
    size_t n = lint("EXT. PATIO - DAY\n\n"
                    "[[shot: FS STEEL, low angle 30deg]]\n\nSTEEL\nFour.\n\n"
                    "BRICK\nFive.\n",
                    &s);
    CHECK(n >= 1);
    CHECK(has(&s, "lint-impossible", 3));
}

// A character walking across two cuts, the second from across the line:
// they seem to turn back, which the lint measures on the projected path.
static void test_screen_direction(void)
{
    Seen s;
    size_t n = lint("EXT. STREET - DAY\n\nBRICK\nWait here.\n\n"
                    "STEEL\nFine.\n\n"
                    "[[shot: FS BRICK, 24mm, 4s]]\n\n"
                    "BRICK walks to the car.\n\n"
                    "[[shot: FS BRICK, 24mm, across the line, 4s]]\n\n"
                    "BRICK keeps walking.\n",
                    &s);
    CHECK(n >= 1);
    CHECK(has(&s, "lint-screen-direction", 13));
    // The same two shots from one side keep his direction.
    n = lint("EXT. STREET - DAY\n\nBRICK\nWait here.\n\n"
             "STEEL\nFine.\n\n"
             "[[shot: FS BRICK, 24mm, 4s]]\n\n"
             "BRICK walks to the car.\n\n"
             "[[shot: FS BRICK, 24mm, 4s]]\n\n"
             "BRICK keeps walking.\n",
             &s);
    CHECK(!has(&s, "lint-screen-direction", 13));
}

static void test_clean_script(void)
{
    Seen s;
    // A wide, then singles that change subject or size by two steps.
    size_t n = lint("EXT. PATIO - DAY\n\n"
                    "[[shot: WS, 24mm]]\n\nBrick waits.\n\n"
                    "[[shot: MS BRICK]]\n\nBRICK\nOne.\n\n"
                    "[[shot: CU STEEL, 85mm]]\n\nSTEEL\nTwo.\n\n"
                    "[[shot: CU BRICK, 85mm]]\n\nBRICK\nThree.\n",
                    &s);
    CHECK_INT_EQ(n, 0);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_jump_cut);
    CHECK_RUN(test_impossible);
    CHECK_RUN(test_screen_direction);
    CHECK_RUN(test_clean_script);
    return CHECK_DONE();
}
