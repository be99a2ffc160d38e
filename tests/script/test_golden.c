/* tests/script/test_golden.c: golden tests of the Fountain parser (script
 * stage), one or more per Fountain 1.1 element and feature: exact kind,
 * text, line:col, scene number, centring, dual dialogue, depth and spans. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "script/script.h"

static const AuAllocator *A;

typedef struct Run {
    BaseDiag diag;
    ScriptDoc *doc;
    AuStatus st;
} Run;

static void run_n(Run *r, const char *text, size_t n)
{
    memset(r, 0, sizeof *r);
    r->st = script_parse(A, &r->diag, "g.fountain", text, n, &r->doc);
}

// Parses @p text and expects success without a single message.
static bool run_ok(Run *r, const char *text)
{
    run_n(r, text, strlen(text));
    CHECK_OK(r->st);
    CHECK_INT_EQ(r->diag.errors, 0);
    CHECK_INT_EQ(r->diag.warnings, 0);
    return r->doc != NULL;
}

static void done(Run *r)
{
    script_doc_free(&r->doc);
}

// Spans as "start+len:style ..." so a whole list compares in one check.
static const char *span_str(const ScriptElem *e)
{
    static char buf[512];
    size_t n = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < e->span_count && n + 40 < sizeof buf; k++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%u+%u:%u",
                              k ? " " : "", e->spans[k].start, e->spans[k].len,
                              e->spans[k].style);
    return buf;
}

// Checks element @p i: kind, text, line:col, and that the fields that do
// not belong to its kind are empty.
#define CHECK_ELEM(doc, i, kind_, text_, line_, col_)            \
    do {                                                         \
        CHECK((size_t)(i) < (doc)->elem_count);                  \
        if ((size_t)(i) < (doc)->elem_count) {                   \
            const ScriptElem *e_ = &(doc)->elems[i];             \
            CHECK_STR_EQ(script_elem_kind_name(e_->kind),        \
                         script_elem_kind_name(kind_));          \
            CHECK_STR_EQ(e_->text, text_);                       \
            CHECK_INT_EQ(e_->loc.line, line_);                   \
            CHECK_INT_EQ(e_->loc.col, col_);                     \
            CHECK_STR_EQ(e_->loc.file, "g.fountain");            \
            if (e_->kind != SCRIPT_ELEM_SCENE_HEADING)           \
                CHECK(e_->number == NULL);                       \
            if (e_->kind != SCRIPT_ELEM_ACTION)                  \
                CHECK(!e_->centered);                            \
            if (e_->kind != SCRIPT_ELEM_CHARACTER)               \
                CHECK(!e_->dual && e_->extension == NULL);       \
            if (e_->kind != SCRIPT_ELEM_SECTION)                 \
                CHECK_INT_EQ(e_->depth, 0);                      \
            CHECK_INT_EQ(e_->span_count > 0, e_->spans != NULL); \
        }                                                        \
    } while (0)

#define ELEM(doc, i) (&(doc)->elems[(i) < (doc)->elem_count ? (i) : 0])

/* ---- title page ---------------------------------------------------- */

static void test_title_page_keys(void)
{
    Run r;
    if (!run_ok(&r, "Title:\n"
                    "    _**BRICK & STEEL**_\n"
                    "    _**FULL RETIRED**_\n"
                    "Credit: Written by\n"
                    "Author: Stu Maschwitz\n"
                    "Authors: Ann Lee and Bo Ek\n"
                    "Source: Story by KTM\n"
                    "Draft date: 1/20/2012\n"
                    "Contact:\n"
                    "    Next Level Productions\n"
                    "\t1588 Mission Dr.\n"
                    "Copyright: (c) 2012 Stu\n"
                    "Notes:   First note  \n"
                    "   second line\n"
                    "Revision: Blue\n"
                    "Format: previs only\n"
                    "\n"
                    "EXT. BRICK'S PATIO - DAY\n")) {
        done(&r);
        return;
    }

    static const struct {
        const char *key, *value;
        unsigned line;
    } want[] = {
        { "Title", "_**BRICK & STEEL**_\n_**FULL RETIRED**_", 1 },
        { "Credit", "Written by", 4 },
        { "Author", "Stu Maschwitz", 5 },
        { "Authors", "Ann Lee and Bo Ek", 6 },
        { "Source", "Story by KTM", 7 },
        { "Draft date", "1/20/2012", 8 },
        { "Contact", "Next Level Productions\n1588 Mission Dr.", 9 },
        { "Copyright", "(c) 2012 Stu", 12 },
        { "Notes", "First note\nsecond line", 13 },
        { "Revision", "Blue", 15 },
        // A key Fountain does not define is kept all the same.
        { "Format", "previs only", 16 },
    };

    CHECK_INT_EQ(r.doc->title_count, BASE_ARRAY_LEN(want));
    for (size_t k = 0; k < BASE_ARRAY_LEN(want) && k < r.doc->title_count;
         k++) {
        const ScriptTitleEntry *t = &r.doc->title[k];
        CHECK_STR_EQ(t->key, want[k].key);
        CHECK_STR_EQ(t->value, want[k].value);
        CHECK_INT_EQ(t->loc.line, want[k].line);
        CHECK_INT_EQ(t->loc.col, 1);
        CHECK_STR_EQ(script_title_value(r.doc, want[k].key), want[k].value);
    }
    CHECK_STR_EQ(script_title_value(r.doc, "DRAFT DATE"), "1/20/2012");
    CHECK(script_title_value(r.doc, "Producer") == NULL);
    CHECK_INT_EQ(r.doc->elem_count, 1);
    CHECK_ELEM(r.doc, 0, SCRIPT_ELEM_SCENE_HEADING, "EXT. BRICK'S PATIO - DAY",
               18, 1);
    done(&r);
}

/* ---- scene headings ------------------------------------------------ */

static void test_heading_forms(void)
{
    Run r;
    if (!run_ok(&r, "INT. HOUSE - DAY\n\n"
                    "EXT. ROAD - NIGHT #1#\n\n"
                    "EST. CITY - DAWN #1A#\n\n"
                    "INT./EXT. CAR - MOVING #I-1-A#\n\n"
                    "INT/EXT CAR - LATER   #110.2#\n\n"
                    "I/E TRUCK - DUSK\n\n"
                    "int. kitchen - night\n\n"
                    ".BEHIND THE SOFA #7#\n\n"
                    "INT. HALL - DAY #1 A#\n\n"
                    "INT. HALL - DAY #1A\n\n"
                    "  EXT. PIER - DUSK\n")) {
        done(&r);
        return;
    }

    static const struct {
        const char *text, *number;
        unsigned line, col;
    } want[] = {
        { "INT. HOUSE - DAY", NULL, 1, 1 },
        { "EXT. ROAD - NIGHT", "1", 3, 1 },
        { "EST. CITY - DAWN", "1A", 5, 1 },
        { "INT./EXT. CAR - MOVING", "I-1-A", 7, 1 },
        { "INT/EXT CAR - LATER", "110.2", 9, 1 },
        { "I/E TRUCK - DUSK", NULL, 11, 1 },
        { "int. kitchen - night", NULL, 13, 1 },
        // Forced: the '.' is not text and col points past it.
        { "BEHIND THE SOFA", "7", 15, 2 },
        // A space is not allowed in a scene number: it stays text.
        { "INT. HALL - DAY #1 A#", NULL, 17, 1 },
        { "INT. HALL - DAY #1A", NULL, 19, 1 },
        { "EXT. PIER - DUSK", NULL, 21, 3 },
    };

    CHECK_INT_EQ(r.doc->elem_count, BASE_ARRAY_LEN(want));
    for (size_t k = 0; k < BASE_ARRAY_LEN(want); k++) {
        CHECK_ELEM(r.doc, k, SCRIPT_ELEM_SCENE_HEADING, want[k].text,
                   want[k].line, want[k].col);
        const char *num = ELEM(r.doc, k)->number;
        if (want[k].number)
            CHECK_STR_EQ(num, want[k].number);
        else
            CHECK(num == NULL);
        CHECK_INT_EQ(ELEM(r.doc, k)->span_count, 0);
    }
    done(&r);

    // Without a blank line after it a heading prefix is a cue or action,
    // with a warning; a lone '.' or '...' is action.
    const char *loose = "EXT. A - DAY\n\n...and then.\n\n.\n\nINT. B\nHi.\n";
    run_n(&r, loose, strlen(loose));
    CHECK_OK(r.st);
    if (r.doc) {
        CHECK_INT_EQ(r.doc->elem_count, 5);
        CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_ACTION, "...and then.", 3, 1);
        CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_ACTION, ".", 5, 1);
        CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_CHARACTER, "INT. B", 7, 1);
        CHECK_INT_EQ(r.diag.warnings, 1);
    }
    done(&r);
}

/* ---- action -------------------------------------------------------- */

static void test_action_forms(void)
{
    Run r;
    if (!run_ok(&r, "EXT. A - DAY\n\n"
                    "!BRICK\n"
                    "He was never here.\n\n"
                    "!INT. NOT A HEADING\n\n"
                    "!CUT TO:\n\n"
                    "    Four spaces in.\n"
                    "\tA tab in.\n\n"
                    "> THE END <\n\n"
                    ">   *FIN*   <\n"
                    ">for now<\n"
                    "After the centred lines.\n\n"
                    "Plain.\n")) {
        done(&r);
        return;
    }
    CHECK_INT_EQ(r.doc->elem_count, 9);
    // '!' forces action on a line that would be a cue, heading or
    // transition; only the first line carries it.
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_ACTION, "BRICK\nHe was never here.", 3, 2);
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_ACTION, "INT. NOT A HEADING", 6, 2);
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_ACTION, "CUT TO:", 8, 2);
    // Leading spaces and tabs are kept.
    CHECK_ELEM(r.doc, 4, SCRIPT_ELEM_ACTION, "    Four spaces in.\n\tA tab in.",
               10, 1);
    CHECK(!ELEM(r.doc, 4)->centered);
    CHECK_ELEM(r.doc, 5, SCRIPT_ELEM_ACTION, "THE END", 13, 3);
    CHECK(ELEM(r.doc, 5)->centered);
    // Consecutive centred lines are one element, with emphasis.
    CHECK_ELEM(r.doc, 6, SCRIPT_ELEM_ACTION, "FIN\nfor now", 15, 5);
    CHECK(ELEM(r.doc, 6)->centered);
    CHECK_STR_EQ(span_str(ELEM(r.doc, 6)), "0+3:1");
    CHECK_ELEM(r.doc, 7, SCRIPT_ELEM_ACTION, "After the centred lines.", 17, 1);
    CHECK(!ELEM(r.doc, 7)->centered);
    CHECK_ELEM(r.doc, 8, SCRIPT_ELEM_ACTION, "Plain.", 19, 1);
    CHECK(!ELEM(r.doc, 8)->centered);
    done(&r);
}

/* ---- character cues and dialogue ----------------------------------- */

static void test_cues(void)
{
    Run r;
    if (!run_ok(&r, "INT. BAR - NIGHT\n\n"
                    "BRICK (V.O.)\nOne.\n\n"
                    "STEEL (O.S.)\nTwo.\n\n"
                    "BRICK (CONT'D)\nThree.\n\n"
                    "@McClane\nFour.\n\n"
                    "BRICK\nScrew retirement.\n\n"
                    "STEEL ^\nScrew retirement.\n\n"
                    "@Nakatomi (V.O.) ^\nFive.\n")) {
        done(&r);
        return;
    }

    static const struct {
        const char *name, *ext;
        unsigned line, col;
        bool dual;
    } want[] = {
        { "BRICK", "V.O.", 3, 1, false },    { "STEEL", "O.S.", 6, 1, false },
        { "BRICK", "CONT'D", 9, 1, false },  { "McClane", NULL, 12, 2, false },
        { "BRICK", NULL, 15, 1, false },     { "STEEL", NULL, 18, 1, true },
        { "Nakatomi", "V.O.", 21, 2, true },
    };

    CHECK_INT_EQ(r.doc->elem_count, 1 + 2 * BASE_ARRAY_LEN(want));
    for (size_t k = 0; k < BASE_ARRAY_LEN(want); k++) {
        const ScriptElem *e = ELEM(r.doc, 1 + 2 * k);
        CHECK_INT_EQ(e->kind, SCRIPT_ELEM_CHARACTER);
        CHECK_STR_EQ(e->text, want[k].name);
        CHECK_INT_EQ(e->loc.line, want[k].line);
        CHECK_INT_EQ(e->loc.col, want[k].col);
        CHECK_INT_EQ(e->dual, want[k].dual);
        if (want[k].ext)
            CHECK_STR_EQ(e->extension, want[k].ext);
        else
            CHECK(e->extension == NULL);
        CHECK_INT_EQ(e->span_count, 0);
        CHECK_INT_EQ(ELEM(r.doc, 2 + 2 * k)->kind, SCRIPT_ELEM_DIALOGUE);
        CHECK_INT_EQ(ELEM(r.doc, 2 + 2 * k)->loc.line, want[k].line + 1);
    }
    done(&r);
}

static void test_dialogue_and_parentheticals(void)
{
    Run r;
    if (!run_ok(&r, "INT. BAR - NIGHT\n\n"
                    "STEEL\n"
                    "(*beat*)\n"
                    "First line,\n"
                    "second line.\n"
                    "  \n"
                    "After the two-space line.\n"
                    "  (under her breath)  \n"
                    "Last.\n")) {
        done(&r);
        return;
    }
    CHECK_INT_EQ(r.doc->elem_count, 6);
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_CHARACTER, "STEEL", 3, 1);
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_PARENTHETICAL, "(beat)", 4, 1);
    CHECK_STR_EQ(span_str(ELEM(r.doc, 2)), "1+4:1");
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_DIALOGUE,
               "First line,\nsecond line.\n\nAfter the two-space line.", 5, 1);
    CHECK_ELEM(r.doc, 4, SCRIPT_ELEM_PARENTHETICAL, "(under her breath)", 9, 3);
    CHECK_ELEM(r.doc, 5, SCRIPT_ELEM_DIALOGUE, "Last.", 10, 1);
    done(&r);
}

/* ---- lyrics -------------------------------------------------------- */

static void test_lyrics(void)
{
    Run r;
    if (!run_ok(&r, "INT. CHOCOLATE ROOM - DAY\n\n"
                    "~Willy Wonka! Willy Wonka!\n"
                    "~  The *amazing* chocolatier!\n"
                    "They dance.\n\n"
                    "BRICK\n"
                    "Sing it.\n"
                    "~Oh the road is *long*\n"
                    "~and the night\n"
                    "  \n"
                    "~is longer\n"
                    "(stops)\n"
                    "That's all.\n")) {
        done(&r);
        return;
    }
    CHECK_INT_EQ(r.doc->elem_count, 8);
    // Consecutive '~' lines are one lyric; the '~' and the blanks after it
    // are not text.
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_LYRIC,
               "Willy Wonka! Willy Wonka!\nThe amazing chocolatier!", 3, 2);
    CHECK_STR_EQ(span_str(ELEM(r.doc, 1)), "30+7:1");
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_ACTION, "They dance.", 5, 1);
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_CHARACTER, "BRICK", 7, 1);
    CHECK_ELEM(r.doc, 4, SCRIPT_ELEM_DIALOGUE, "Sing it.", 8, 1);
    // Sung lines under a cue: a lyric between the speaker's dialogue.
    CHECK_ELEM(r.doc, 5, SCRIPT_ELEM_LYRIC,
               "Oh the road is long\nand the night\n\nis longer", 9, 2);
    CHECK_STR_EQ(span_str(ELEM(r.doc, 5)), "15+4:1");
    CHECK_ELEM(r.doc, 6, SCRIPT_ELEM_PARENTHETICAL, "(stops)", 13, 1);
    CHECK_ELEM(r.doc, 7, SCRIPT_ELEM_DIALOGUE, "That's all.", 14, 1);
    done(&r);
}

/* ---- transitions and page breaks ----------------------------------- */

static void test_transitions_and_breaks(void)
{
    Run r;
    if (!run_ok(&r, "EXT. A - DAY\n\n"
                    "CUT TO:\n\n"
                    "DISSOLVE TO:\n\n"
                    "> FADE TO *BLACK*.\n\n"
                    "===\n\n"
                    "  ==========  \n\n"
                    "Tail.\n")) {
        done(&r);
        return;
    }
    CHECK_INT_EQ(r.doc->elem_count, 7);
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_TRANSITION, "CUT TO:", 3, 1);
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_TRANSITION, "DISSOLVE TO:", 5, 1);
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_TRANSITION, "FADE TO BLACK.", 7, 3);
    CHECK_STR_EQ(span_str(ELEM(r.doc, 3)), "8+5:1");
    CHECK_ELEM(r.doc, 4, SCRIPT_ELEM_PAGE_BREAK, "", 9, 1);
    CHECK_ELEM(r.doc, 5, SCRIPT_ELEM_PAGE_BREAK, "", 11, 3);
    CHECK_ELEM(r.doc, 6, SCRIPT_ELEM_ACTION, "Tail.", 13, 1);
    done(&r);
}

/* ---- sections and synopses ----------------------------------------- */

static void test_sections_and_synopses(void)
{
    Run r;
    if (!run_ok(&r, "# Act One\n\n"
                    "= Two men, one patio.\n\n"
                    "## The Patio  \n"
                    "EXT. PATIO - DAY\n\n"
                    "Sun.\n"
                    "### Beat: the *heat*\n"
                    "=A line of synopsis\n"
                    "#\n")) {
        done(&r);
        return;
    }
    CHECK_INT_EQ(r.doc->elem_count, 8);
    CHECK_ELEM(r.doc, 0, SCRIPT_ELEM_SECTION, "Act One", 1, 3);
    CHECK_INT_EQ(ELEM(r.doc, 0)->depth, 1);
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_SYNOPSIS, "Two men, one patio.", 3, 3);
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_SECTION, "The Patio", 5, 4);
    CHECK_INT_EQ(ELEM(r.doc, 2)->depth, 2);
    // A section line does not need a blank line around it; the heading
    // after it still has one after itself.
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_SCENE_HEADING, "EXT. PATIO - DAY", 6, 1);
    CHECK_ELEM(r.doc, 4, SCRIPT_ELEM_ACTION, "Sun.", 8, 1);
    // Outline text is not emphasis-processed.
    CHECK_ELEM(r.doc, 5, SCRIPT_ELEM_SECTION, "Beat: the *heat*", 9, 5);
    CHECK_INT_EQ(ELEM(r.doc, 5)->depth, 3);
    CHECK_ELEM(r.doc, 6, SCRIPT_ELEM_SYNOPSIS, "A line of synopsis", 10, 2);
    CHECK_ELEM(r.doc, 7, SCRIPT_ELEM_SECTION, "", 11, 2);
    CHECK_INT_EQ(ELEM(r.doc, 7)->depth, 1);
    done(&r);
}

/* ---- notes and boneyard -------------------------------------------- */

static void test_notes_and_boneyard(void)
{
    Run r;
    if (!run_ok(&r, "EXT. A - DAY\n\n"
                    "Brick *waits* [[look: *noir* _x_ \\*]] here.\n\n"
                    "[[A note\n"
                    "over two lines]]\n\n"
                    "/* a cut\n"
                    "   paragraph */\n"
                    "Dust /* gone */blows.\n")) {
        done(&r);
        return;
    }
    CHECK_INT_EQ(r.doc->elem_count, 5);
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_ACTION, "Brick waits  here.", 3, 1);
    CHECK_STR_EQ(span_str(ELEM(r.doc, 1)), "6+5:1");
    // Note text is raw: its markers and backslashes stay.
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_NOTE, "look: *noir* _x_ \\*", 3, 17);
    CHECK_INT_EQ(ELEM(r.doc, 2)->span_count, 0);
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_NOTE, "A note\nover two lines", 5, 3);
    CHECK_ELEM(r.doc, 4, SCRIPT_ELEM_ACTION, "Dust blows.", 10, 1);
    done(&r);
}

/* ---- emphasis ------------------------------------------------------ */

static void test_emphasis(void)
{
    static const struct {
        const char *in, *text, *spans;
    } cases[] = {
        { "*italic* text", "italic text", "0+6:1" },
        { "a **bold** b", "a bold b", "2+4:2" },
        { "***bold italic***", "bold italic", "0+11:3" },
        { "_underlined_ word", "underlined word", "0+10:4" },
        { "_***all three***_", "all three", "0+9:7" },
        { "**bold *both* bold**", "bold both bold", "0+5:2 5+4:3 9+5:2" },
        { "*it **bi** it*", "it bi it", "0+3:1 3+2:3 5+3:1" },
        { "_u *ui*_", "u ui", "0+2:4 2+2:5" },
        // Escapes: the backslash goes, the character stays.
        { "\\*not italic\\*", "*not italic*", "" },
        { "**\\*9765\\***", "*9765*", "0+6:2" },
        { "a \\_b\\_ c \\\\ d \\q", "a _b_ c \\ d \\q", "" },
        // Unmatched and unflanked markers are literal.
        { "*open only", "*open only", "" },
        { "close only*", "close only*", "" },
        { "2 * 3 * 4", "2 * 3 * 4", "" },
        { "* a *", "* a *", "" },
        { "snake_case_name", "snake_case_name", "" },
        { "****rule**** __blank__", "****rule**** __blank__", "" },
        { "*a _b* c_", "a _b c_", "0+4:1" },
        { "**bold*", "**bold*", "" },
        { "intra*word*emphasis", "intrawordemphasis", "5+4:1" },
        // Emphasis does not run across a line break.
        { "*one\ntwo*", "*one\ntwo*", "" },
        { "*one*\n_two_", "one\ntwo", "0+3:1 4+3:4" },
        { "caf\xC3\xA9 *\xC3\xA9t\xC3\xA9*", "caf\xC3\xA9 \xC3\xA9t\xC3\xA9",
          "6+5:1" },
    };

    for (size_t k = 0; k < BASE_ARRAY_LEN(cases); k++) {
        char text[256];
        snprintf(text, sizeof text, "EXT. A - DAY\n\n%s\n", cases[k].in);
        Run r;
        if (run_ok(&r, text)) {
            CHECK_INT_EQ(r.doc->elem_count, 2);
            CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_ACTION, cases[k].text, 3, 1);
            CHECK_STR_EQ(span_str(ELEM(r.doc, 1)), cases[k].spans);
        }
        if (check_current_failed_)
            fprintf(stderr, "  in case %zu: \"%s\"\n", k, cases[k].in);
        done(&r);
    }
}

// Emphasis belongs to the words of the screenplay, not to its structure:
// headings, cue names, extensions and outline lines keep every '*'.
static void test_emphasis_scope(void)
{
    Run r;
    if (!run_ok(&r, "EXT. *ROOF* - DAY\n\n"
                    "*BRICK* (*V.O.*)\n"
                    "*Hi* _there_\n")) {
        done(&r);
        return;
    }
    CHECK_INT_EQ(r.doc->elem_count, 3);
    CHECK_ELEM(r.doc, 0, SCRIPT_ELEM_SCENE_HEADING, "EXT. *ROOF* - DAY", 1, 1);
    CHECK_INT_EQ(ELEM(r.doc, 0)->span_count, 0);
    CHECK_STR_EQ(ELEM(r.doc, 1)->text, "*BRICK*");
    CHECK_STR_EQ(ELEM(r.doc, 1)->extension, "*V.O.*");
    CHECK_INT_EQ(ELEM(r.doc, 1)->span_count, 0);
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_DIALOGUE, "Hi there", 4, 1);
    CHECK_STR_EQ(span_str(ELEM(r.doc, 2)), "0+2:1 3+5:4");
    done(&r);
}

/* ---- line ends and encodings --------------------------------------- */

// Every field of every element of @p a and @p b is the same.
static void check_same_doc(const ScriptDoc *a, const ScriptDoc *b)
{
    CHECK_INT_EQ(a->elem_count, b->elem_count);
    CHECK_INT_EQ(a->title_count, b->title_count);
    for (size_t i = 0; i < a->title_count && i < b->title_count; i++) {
        CHECK_STR_EQ(a->title[i].key, b->title[i].key);
        CHECK_STR_EQ(a->title[i].value, b->title[i].value);
        CHECK_INT_EQ(a->title[i].loc.line, b->title[i].loc.line);
    }
    for (size_t i = 0; i < a->elem_count && i < b->elem_count; i++) {
        const ScriptElem *x = &a->elems[i], *y = &b->elems[i];
        CHECK_INT_EQ(x->kind, y->kind);
        CHECK_STR_EQ(x->text, y->text);
        CHECK_INT_EQ(x->loc.line, y->loc.line);
        CHECK_INT_EQ(x->loc.col, y->loc.col);
        CHECK_INT_EQ(x->extension != NULL, y->extension != NULL);
        CHECK_INT_EQ(x->number != NULL, y->number != NULL);
        if (x->number && y->number)
            CHECK_STR_EQ(x->number, y->number);
        CHECK_INT_EQ(x->centered, y->centered);
        CHECK_INT_EQ(x->dual, y->dual);
        CHECK_INT_EQ(x->depth, y->depth);
        CHECK_STR_EQ(span_str(x), span_str(y));
    }
}

// Converts LF to CRLF.
static char *to_crlf(const char *s, size_t *n)
{
    char *out = malloc(2 * strlen(s) + 4);
    size_t k = 0;
    memcpy(out, "\xEF\xBB\xBF", 3);
    k = 3;
    for (; *s; s++) {
        if (*s == '\n')
            out[k++] = '\r';
        out[k++] = *s;
    }
    out[k] = '\0';
    *n = k;
    return out;
}

static const char every_element[] = "Title: Everything\n"
                                    "Contact:\n"
                                    "    Someone\n"
                                    "    Somewhere\n"
                                    "\n"
                                    "# Act One\n"
                                    "= It begins.\n"
                                    "\n"
                                    "INT. HALL - NIGHT #1A#\n"
                                    "\n"
                                    "!LOUD NOISE. *Bang*.\n"
                                    "\n"
                                    "> CENTRED <\n"
                                    "\n"
                                    "@Ann\n"
                                    "(_softly_)\n"
                                    "Who's there?\n"
                                    "  \n"
                                    "Anyone?\n"
                                    "\n"
                                    "BO ^\n"
                                    "Me. [[a note\n"
                                    "  \n"
                                    "over lines]]\n"
                                    "\n"
                                    "~La **la** la\n"
                                    "\n"
                                    "/* gone */\n"
                                    "> CUT TO:\n"
                                    "\n"
                                    "===\n"
                                    "\n"
                                    ".CELLAR #2#\n";

static void test_crlf_bom_same(void)
{
    Run lf, crlf;
    size_t n = 0;
    char *w = to_crlf(every_element, &n);
    run_n(&lf, every_element, sizeof every_element - 1);
    run_n(&crlf, w, n);
    CHECK_OK(lf.st);
    CHECK_OK(crlf.st);
    CHECK_INT_EQ(lf.diag.warnings + lf.diag.errors, 0);
    CHECK_INT_EQ(crlf.diag.warnings + crlf.diag.errors, 0);
    if (lf.doc && crlf.doc) {
        // One of each kind, so the comparison covers them all.
        CHECK_INT_EQ(lf.doc->elem_count, 15);
        size_t kinds = 0;
        for (size_t i = 0; i < lf.doc->elem_count; i++)
            kinds |= (size_t)1 << lf.doc->elems[i].kind;
        CHECK_INT_EQ(kinds, (1u << (SCRIPT_ELEM_SYNOPSIS + 1)) - 1);
        check_same_doc(lf.doc, crlf.doc);
        CHECK_STR_EQ(script_title_value(crlf.doc, "Contact"),
                     "Someone\nSomewhere");
        CHECK_ELEM(crlf.doc, 9, SCRIPT_ELEM_DIALOGUE, "Me.", 22, 1);
        CHECK_ELEM(crlf.doc, 10, SCRIPT_ELEM_NOTE, "a note\n  \nover lines", 22,
                   7);
    }
    done(&lf);
    done(&crlf);
    free(w);
}

static void test_invalid_utf8_in_lyric(void)
{
    Run r;
    const char text[] = "EXT. A - DAY\n\n~La \xC3\xA9 \xC3( la\n";
    run_n(&r, text, sizeof text - 1);
    CHECK_STATUS(r.st, AU_ESYNTAX);
    CHECK(r.doc == NULL);
    CHECK_INT_EQ(r.diag.errors, 1);
    done(&r);
}

/* ---- pathological emphasis ----------------------------------------- */

static void test_emphasis_big(void)
{
    // Marker soups that would be quadratic with a naive opener search.
    static const char *const units[] = {
        "*a _b **c ", "a* b_ c** ", "*a*_b_", "\\*\\_\\\\", "_a *a ",
        "***a ",      "**a* ",      "~*x_ ",  "a*\n",       "_*_*",
    };
    const size_t max = 1u << 20;
    char *text = malloc(max + 64);
    for (size_t u = 0; u < BASE_ARRAY_LEN(units); u++) {
        size_t n = (size_t)sprintf(text, "EXT. A - DAY\n\n");
        size_t ul = strlen(units[u]);
        while (n + ul + 2 <= max) {
            memcpy(text + n, units[u], ul);
            n += ul;
        }
        memcpy(text + n, "_\n", 2);
        n += 2;
        Run r;
        clock_t t0 = clock();
        run_n(&r, text, n);
        double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
        CHECK_OK(r.st);
        CHECK(s < 1.0);
        fprintf(stderr, "1 MB emphasis case %zu: %.3f s, %zu spans\n", u, s,
                r.doc && r.doc->elem_count > 1 ? r.doc->elems[1].span_count
                                               : (size_t)0);
        done(&r);
    }
    free(text);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_title_page_keys);
    CHECK_RUN(test_heading_forms);
    CHECK_RUN(test_action_forms);
    CHECK_RUN(test_cues);
    CHECK_RUN(test_dialogue_and_parentheticals);
    CHECK_RUN(test_lyrics);
    CHECK_RUN(test_transitions_and_breaks);
    CHECK_RUN(test_sections_and_synopses);
    CHECK_RUN(test_notes_and_boneyard);
    CHECK_RUN(test_emphasis);
    CHECK_RUN(test_emphasis_scope);
    CHECK_RUN(test_crlf_bom_same);
    CHECK_RUN(test_invalid_utf8_in_lyric);
    CHECK_RUN(test_emphasis_big);
    return CHECK_DONE();
}
