/* tests/script/test_examples.c: the example screenplays in examples/ parse
 * cleanly with the script stage, with the element counts written down by
 * hand, and together they use every element of Fountain 1.1. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "direct/direct.h"
#include "script/script.h"

enum {
    KINDS = SCRIPT_ELEM_SYNOPSIS + 1
};

typedef struct Expect {
    const char *file;
    size_t titles;
    size_t characters; // distinct cue names
    size_t kinds[KINDS];
} Expect;

// Counted by hand from the files (and cross-checked with grep).
static const Expect expects[] = {
    { "the-long-night.fountain",
      10,
      3,
      {
          [SCRIPT_ELEM_SCENE_HEADING] = 6,
          [SCRIPT_ELEM_ACTION] = 22,
          [SCRIPT_ELEM_CHARACTER] = 25,
          [SCRIPT_ELEM_PARENTHETICAL] = 7,
          [SCRIPT_ELEM_DIALOGUE] = 24,
          [SCRIPT_ELEM_TRANSITION] = 3,
          [SCRIPT_ELEM_NOTE] = 9,
          [SCRIPT_ELEM_PAGE_BREAK] = 1,
          [SCRIPT_ELEM_LYRIC] = 3,
          [SCRIPT_ELEM_SECTION] = 3,
          [SCRIPT_ELEM_SYNOPSIS] = 2,
      } },
    { "harbour-lights.fountain",
      5,
      3,
      {
          [SCRIPT_ELEM_SCENE_HEADING] = 6,
          [SCRIPT_ELEM_ACTION] = 18,
          [SCRIPT_ELEM_CHARACTER] = 21,
          [SCRIPT_ELEM_PARENTHETICAL] = 5,
          [SCRIPT_ELEM_DIALOGUE] = 21,
          [SCRIPT_ELEM_TRANSITION] = 2,
          [SCRIPT_ELEM_NOTE] = 8,
          [SCRIPT_ELEM_PAGE_BREAK] = 0,
          [SCRIPT_ELEM_LYRIC] = 0,
          [SCRIPT_ELEM_SECTION] = 1,
          [SCRIPT_ELEM_SYNOPSIS] = 1,
      } },
    { "dry-season.fountain",
      6,
      4,
      {
          [SCRIPT_ELEM_SCENE_HEADING] = 6,
          [SCRIPT_ELEM_ACTION] = 18,
          [SCRIPT_ELEM_CHARACTER] = 27,
          [SCRIPT_ELEM_PARENTHETICAL] = 6,
          [SCRIPT_ELEM_DIALOGUE] = 25,
          [SCRIPT_ELEM_TRANSITION] = 1,
          [SCRIPT_ELEM_NOTE] = 9,
          [SCRIPT_ELEM_PAGE_BREAK] = 1,
          [SCRIPT_ELEM_LYRIC] = 3,
          [SCRIPT_ELEM_SECTION] = 3,
          [SCRIPT_ELEM_SYNOPSIS] = 2,
      } },
};

/** What the three scripts use between them. */
typedef struct Coverage {
    size_t kinds[KINDS];
    unsigned heading_forms; // bit k: heading_prefixes[k]; bit 6: forced
    unsigned styles;        // every span style seen, as a bit set of styles
    unsigned extensions;    // V.O., O.S., CONT'D
    size_t numbered, centered, dual, multi_line_notes, two_space_dialogue;
    size_t deep_sections;
    size_t escaped; // texts with a literal '*' or '_' and no backslash
    bool title_keys[11];
} Coverage;

static const char *const heading_prefixes[] = { "INT. ",    "EXT. ",
                                                "EST. ",    "INT./EXT. ",
                                                "INT/EXT ", "I/E " };

static const char *const title_keys[] = {
    "Title",   "Credit", "Author", "Authors",  "Source",    "Draft date",
    "Contact", "Notes",  "Format", "Revision", "Copyright",
};

static void note_heading(Coverage *c, const char *text)
{
    for (size_t k = 0; k < BASE_ARRAY_LEN(heading_prefixes); k++) {
        // "INT. " is also the start of "INT./EXT. "; the longer one wins.
        size_t n = strlen(heading_prefixes[k]);
        if (strncmp(text, heading_prefixes[k], n) == 0) {
            if (k == 0 && strncmp(text, "INT./EXT. ", 10) == 0)
                continue;
            c->heading_forms |= 1u << k;
            return;
        }
    }
    c->heading_forms |= 1u << 6;
}

// Director notes must be ones the direct stage reads; every other note is
// a plain remark that cannot be mistaken for one ("word: ..." is not).
static void check_note(const char *file, const ScriptElem *e)
{
    static const char *const directives[] = { "shot: WS",   "shot: LS ",
                                              "shot: MS ",  "shot: CU ",
                                              "look: noir", "time: dusk" };
    const char *colon = strchr(e->text, ':');
    const char *space = strchr(e->text, ' ');
    if (!colon || (space && space < colon))
        return;
    for (size_t k = 0; k < BASE_ARRAY_LEN(directives); k++)
        if (strncmp(e->text, directives[k], strlen(directives[k])) == 0)
            return;
    fprintf(stderr, "%s:%u: note '%s' is not a known directive\n", file,
            e->loc.line, e->text);
    CHECK(!"unknown director note in an example");
}

static void check_example(const Expect *x, Coverage *c)
{
    char path[512];
    snprintf(path, sizeof path, "%s/examples/%s", AU_SOURCE_DIR, x->file);
    const AuAllocator *a = base_allocator_default();
    BaseDiag diag = { 0 };
    char *data = NULL;
    size_t size = 0;
    CHECK_OK(base_file_read(a, &diag, path, 1u << 20, &data, &size));
    ScriptDoc *doc = NULL;
    CHECK_OK(script_parse(a, &diag, x->file, data, size, &doc));
    CHECK_INT_EQ(diag.errors, 0);
    CHECK_INT_EQ(diag.warnings, 0);
    if (!doc) {
        base_free(a, data);
        return;
    }
    CHECK_INT_EQ(doc->title_count, x->titles);
    for (size_t i = 0; i < doc->title_count; i++)
        for (size_t k = 0; k < BASE_ARRAY_LEN(title_keys); k++)
            if (strcmp(doc->title[i].key, title_keys[k]) == 0)
                c->title_keys[k] = true;

    size_t kinds[KINDS] = { 0 };
    const char *names[64];
    size_t name_count = 0;
    for (size_t i = 0; i < doc->elem_count; i++) {
        const ScriptElem *e = &doc->elems[i];
        CHECK((unsigned)e->kind < KINDS);
        if ((unsigned)e->kind >= KINDS)
            continue;
        kinds[e->kind]++;
        c->kinds[e->kind]++;
        for (size_t s = 0; s < e->span_count; s++)
            c->styles |= 1u << e->spans[s].style;
        c->numbered += e->number != NULL;
        c->centered += e->centered;
        c->dual += e->dual;
        c->deep_sections += e->depth >= 2;
        if (e->kind != SCRIPT_ELEM_NOTE && strchr(e->text, '\\'))
            CHECK(!"an escape backslash left in the text");
        if ((e->kind == SCRIPT_ELEM_ACTION ||
             e->kind == SCRIPT_ELEM_DIALOGUE) &&
            (strchr(e->text, '*') || strchr(e->text, '_')))
            c->escaped += strstr(data, "\\*") || strstr(data, "\\_");
        switch (e->kind) {
        case SCRIPT_ELEM_SCENE_HEADING:
            note_heading(c, e->text);
            break;
        case SCRIPT_ELEM_NOTE:
            check_note(x->file, e);
            c->multi_line_notes += strchr(e->text, '\n') != NULL;
            break;
        case SCRIPT_ELEM_DIALOGUE:
            c->two_space_dialogue += strstr(e->text, "\n\n") != NULL;
            break;
        case SCRIPT_ELEM_CHARACTER: {
            static const char *const exts[] = { "V.O.", "O.S.", "CONT'D" };
            for (size_t k = 0; e->extension && k < 3; k++)
                if (strcmp(e->extension, exts[k]) == 0)
                    c->extensions |= 1u << k;
            size_t n = 0;
            while (n < name_count && strcmp(names[n], e->text) != 0)
                n++;
            if (n == name_count && name_count < BASE_ARRAY_LEN(names))
                names[name_count++] = e->text;
            break;
        }
        default:
            break;
        }
    }
    for (size_t k = 0; k < KINDS; k++) {
        if (kinds[k] != x->kinds[k])
            fprintf(stderr, "%s: %s\n", x->file,
                    script_elem_kind_name((ScriptElemKind)k));
        CHECK_INT_EQ(kinds[k], x->kinds[k]);
    }
    CHECK_INT_EQ(name_count, x->characters);
    CHECK(name_count >= 2 && name_count <= 4);
    CHECK_INT_GE(kinds[SCRIPT_ELEM_SCENE_HEADING], 5);
    script_doc_free(&doc);
    base_free(a, data);
}

static void test_examples(void)
{
    Coverage c = { 0 };
    for (size_t i = 0; i < BASE_ARRAY_LEN(expects); i++)
        check_example(&expects[i], &c);
    // Together they use every element and feature of Fountain 1.1.
    for (size_t k = 0; k < KINDS; k++) {
        if (c.kinds[k] == 0)
            fprintf(stderr, "no %s in the examples\n",
                    script_elem_kind_name((ScriptElemKind)k));
        CHECK(c.kinds[k] > 0);
    }
    for (size_t k = 0; k < BASE_ARRAY_LEN(title_keys); k++) {
        if (!c.title_keys[k])
            fprintf(stderr, "no title key %s in the examples\n", title_keys[k]);
        CHECK(c.title_keys[k]);
    }
    CHECK_INT_EQ(c.heading_forms, 0x7F);
    unsigned want_styles = 1u << SCRIPT_STYLE_ITALIC | 1u << SCRIPT_STYLE_BOLD |
                           1u << (SCRIPT_STYLE_BOLD | SCRIPT_STYLE_ITALIC) |
                           1u << SCRIPT_STYLE_UNDERLINE;
    CHECK_INT_EQ(c.styles & want_styles, want_styles);
    CHECK_INT_EQ(c.extensions, 7);
    CHECK_INT_EQ(c.numbered, 18);
    CHECK_INT_EQ(c.centered, 3);
    CHECK_INT_EQ(c.dual, 3);
    CHECK_INT_GE(c.multi_line_notes, 2);
    CHECK_INT_GE(c.two_space_dialogue, 2);
    CHECK_INT_GE(c.deep_sections, 2);
    CHECK_INT_GE(c.escaped, 3);
}

// The planner reads each example into the expected scenes, shots and cast,
// with no error and no warning.
static void test_example_plans(void)
{
    static const struct {
        const char *file;
        size_t scenes, shots, cast;
    } plans[] = {
        { "the-long-night.fountain", 6, 6, 3 },
        { "harbour-lights.fountain", 6, 11, 3 }, // with an insert of a mug
        { "dry-season.fountain", 6, 6, 4 },
        { "first-light.fountain", 2, 5, 2 },
    };

    const AuAllocator *a = base_allocator_default();
    for (size_t i = 0; i < BASE_ARRAY_LEN(plans); i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/examples/%s", AU_SOURCE_DIR,
                 plans[i].file);
        BaseDiag diag = { 0 };
        char *data = NULL;
        size_t size = 0;
        ScriptDoc *doc = NULL;
        Production *prod = NULL;
        CHECK_OK(base_file_read(a, &diag, path, 1 << 20, &data, &size));
        CHECK_OK(script_parse(a, &diag, plans[i].file, data, size, &doc));
        if (doc)
            CHECK_OK(direct_plan(a, &diag, doc, &prod));
        CHECK_INT_EQ(diag.errors, 0);
        CHECK_INT_EQ(diag.warnings, 0);
        if (prod) {
            CHECK_INT_EQ(prod->scene_count, plans[i].scenes);
            CHECK_INT_EQ(prod->shot_count, plans[i].shots);
            CHECK_INT_EQ(prod->cast_count, plans[i].cast);
        }
        direct_production_free(&prod);
        script_doc_free(&doc);
        base_free(a, data);
    }
}

int main(void)
{
    CHECK_RUN(test_examples);
    CHECK_RUN(test_example_plans);
    return CHECK_DONE();
}
