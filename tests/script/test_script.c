/* tests/script/test_script.c: the Fountain parser (script stage): elements
 * and their line:col, input checks, notes and boneyard, the title page,
 * pathological inputs with time limits, and the allocation-failure sweep. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "script/script.h"

static const AuAllocator *A;

/* ---- a diagnostic sink that remembers what it got ------------------ */

enum {
    MAX_MSGS = 16
};

typedef struct Msgs {
    size_t count;
    AuSeverity sev[MAX_MSGS];
    AuSrcLoc loc[MAX_MSGS];
    char file[MAX_MSGS][32]; // loc.file is borrowed only for the callback
    char code[MAX_MSGS][32];
    char text[MAX_MSGS][256];
} Msgs;

static void collect(void *user, const AuDiagnostic *d)
{
    Msgs *m = user;
    if (m->count < MAX_MSGS) {
        m->sev[m->count] = d->severity;
        m->loc[m->count] = d->loc;
        snprintf(m->file[m->count], sizeof m->file[0], "%s", d->loc.file);
        m->loc[m->count].file = NULL;
        snprintf(m->code[m->count], sizeof m->code[0], "%s", d->code);
        snprintf(m->text[m->count], sizeof m->text[0], "%s", d->text);
    }
    m->count++;
}

typedef struct Run {
    Msgs msgs;
    BaseDiag diag;
    ScriptDoc *doc;
    AuStatus st;
} Run;

static void run_n(Run *r, const char *text, size_t n)
{
    memset(r, 0, sizeof *r);
    r->diag.fn = collect;
    r->diag.user = &r->msgs;
    r->st = script_parse(A, &r->diag, "t.fountain", text, n, &r->doc);
}

static void run(Run *r, const char *text)
{
    run_n(r, text, strlen(text));
}

static void done(Run *r)
{
    script_doc_free(&r->doc);
    CHECK(r->doc == NULL);
}

// Checks element @p i: kind, text and line:col.
#define CHECK_ELEM(doc, i, kind_, text_, line_, col_)     \
    do {                                                  \
        CHECK((size_t)(i) < (doc)->elem_count);           \
        if ((size_t)(i) < (doc)->elem_count) {            \
            const ScriptElem *e_ = &(doc)->elems[i];      \
            CHECK_STR_EQ(script_elem_kind_name(e_->kind), \
                         script_elem_kind_name(kind_));   \
            CHECK_STR_EQ(e_->text, text_);                \
            CHECK_INT_EQ(e_->loc.line, line_);            \
            CHECK_INT_EQ(e_->loc.col, col_);              \
            CHECK_STR_EQ(e_->loc.file, "t.fountain");     \
        }                                                 \
    } while (0)

/* ---- elements ------------------------------------------------------ */

static void test_basic_scene(void)
{
    Run r;
    run(&r, "EXT. PATIO - DAY\n"
            "\n"
            "Afternoon heat. Brick and Steel stand.\n"
            "They squint.\n"
            "\n"
            "BRICK\n"
            "Hot one today.\n"
            "\n"
            "STEEL\n"
            "(not looking at him)\n"
            "They're all hot ones.\n"
            "Every one.\n");
    CHECK_OK(r.st);
    if (!r.doc)
        return;
    CHECK_INT_EQ(r.doc->elem_count, 7);
    CHECK_INT_EQ(r.doc->title_count, 0);
    CHECK_ELEM(r.doc, 0, SCRIPT_ELEM_SCENE_HEADING, "EXT. PATIO - DAY", 1, 1);
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_ACTION,
               "Afternoon heat. Brick and Steel stand.\nThey squint.", 3, 1);
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_CHARACTER, "BRICK", 6, 1);
    CHECK(r.doc->elems[2].extension == NULL);
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_DIALOGUE, "Hot one today.", 7, 1);
    CHECK_ELEM(r.doc, 4, SCRIPT_ELEM_CHARACTER, "STEEL", 9, 1);
    CHECK_ELEM(r.doc, 5, SCRIPT_ELEM_PARENTHETICAL, "(not looking at him)", 10,
               1);
    CHECK_ELEM(r.doc, 6, SCRIPT_ELEM_DIALOGUE,
               "They're all hot ones.\nEvery one.", 11, 1);
    CHECK_INT_EQ(r.msgs.count, 0);
    CHECK_INT_EQ(r.diag.errors, 0);
    done(&r);
}

static void test_scene_headings(void)
{
    Run r;
    run(&r, "int. kitchen - night\n\n"
            "EXT. ROAD - DAY\n\n"
            "EST. CITY - DAWN\n\n"
            "INT./EXT. CAR - MOVING\n\n"
            "INT/EXT CAR - LATER\n\n"
            "I/E. TRUCK - DUSK\n\n"
            "  INT. HALL - DAY #12A#\n\n"
            ".SNIPER SCOPE POV\n\n"
            "...and then nothing.\n\n"
            "INTERIOR DESIGN IS HARD\n\n"
            "EXT. FIELD - DAY\n"
            "Wind.\n");
    CHECK_OK(r.st);
    if (!r.doc)
        return;
    CHECK_INT_EQ(r.doc->elem_count, 12);
    CHECK_ELEM(r.doc, 0, SCRIPT_ELEM_SCENE_HEADING, "int. kitchen - night", 1,
               1);
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_SCENE_HEADING, "EXT. ROAD - DAY", 3, 1);
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_SCENE_HEADING, "EST. CITY - DAWN", 5, 1);
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_SCENE_HEADING, "INT./EXT. CAR - MOVING", 7,
               1);
    CHECK_ELEM(r.doc, 4, SCRIPT_ELEM_SCENE_HEADING, "INT/EXT CAR - LATER", 9,
               1);
    CHECK_ELEM(r.doc, 5, SCRIPT_ELEM_SCENE_HEADING, "I/E. TRUCK - DUSK", 11, 1);
    // The scene number is kept out of the text; col skips the indent.
    CHECK_ELEM(r.doc, 6, SCRIPT_ELEM_SCENE_HEADING, "INT. HALL - DAY", 13, 3);
    // Forced: the '.' is not part of the text and col points past it.
    CHECK_ELEM(r.doc, 7, SCRIPT_ELEM_SCENE_HEADING, "SNIPER SCOPE POV", 15, 2);
    CHECK_ELEM(r.doc, 8, SCRIPT_ELEM_ACTION, "...and then nothing.", 17, 1);
    CHECK_ELEM(r.doc, 9, SCRIPT_ELEM_ACTION, "INTERIOR DESIGN IS HARD", 19, 1);
    // No blank line after it: not a heading but a cue, with a warning.
    CHECK_ELEM(r.doc, 10, SCRIPT_ELEM_CHARACTER, "EXT. FIELD - DAY", 21, 1);
    CHECK_ELEM(r.doc, 11, SCRIPT_ELEM_DIALOGUE, "Wind.", 22, 1);
    CHECK_INT_EQ(r.diag.warnings, 1);
    CHECK_STR_EQ(r.msgs.code[0], "heading-blank");
    CHECK_INT_EQ(r.msgs.loc[0].line, 21);
    done(&r);
}

static void test_character_cues(void)
{
    Run r;
    run(&r, "INT. BAR - NIGHT\n\n"
            "BRICK (V.O.)\nHello.\n\n"
            "STEEL (CONT'D)\nHi.\n\n"
            "  MCCLANE (cont'd) ^\nYippee.\n\n"
            "@McCLANE\nAgain.\n\n"
            "HAL 9000\nOpen.\n\n"
            "O'BRIEN-SMITH JR.\nYes.\n\n"
            "JOSÉ\nHola.\n\n"
            "Brick\nNot a cue.\n\n"
            "BRICK\n\n"
            "STEEL (V.O.) (ON RADIO)\nOver.\n");
    CHECK_OK(r.st);
    if (!r.doc)
        return;
    CHECK_INT_EQ(r.doc->elem_count, 19);
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_CHARACTER, "BRICK", 3, 1);
    CHECK_STR_EQ(r.doc->elems[1].extension, "V.O.");
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_DIALOGUE, "Hello.", 4, 1);
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_CHARACTER, "STEEL", 6, 1);
    CHECK_STR_EQ(r.doc->elems[3].extension, "CONT'D");
    // A lower-case extension is fine; '^' marks dual dialogue.
    CHECK_ELEM(r.doc, 5, SCRIPT_ELEM_CHARACTER, "MCCLANE", 9, 3);
    CHECK_STR_EQ(r.doc->elems[5].extension, "cont'd");
    CHECK_ELEM(r.doc, 7, SCRIPT_ELEM_CHARACTER, "McCLANE", 12, 2);
    CHECK(r.doc->elems[7].extension == NULL);
    CHECK_ELEM(r.doc, 9, SCRIPT_ELEM_CHARACTER, "HAL 9000", 15, 1);
    CHECK_ELEM(r.doc, 11, SCRIPT_ELEM_CHARACTER, "O'BRIEN-SMITH JR.", 18, 1);
    CHECK_ELEM(r.doc, 13, SCRIPT_ELEM_CHARACTER, "JOSÉ", 21, 1);
    CHECK_ELEM(r.doc, 15, SCRIPT_ELEM_ACTION, "Brick\nNot a cue.", 24, 1);
    // An upper-case line followed by a blank line is action.
    CHECK_ELEM(r.doc, 16, SCRIPT_ELEM_ACTION, "BRICK", 27, 1);
    CHECK_ELEM(r.doc, 17, SCRIPT_ELEM_CHARACTER, "STEEL", 29, 1);
    CHECK_STR_EQ(r.doc->elems[17].extension, "V.O. ON RADIO");
    CHECK_INT_EQ(r.msgs.count, 0);
    done(&r);

    run(&r, "INT. BAR - NIGHT\n\nBRICK (V.O.\nHello.\n");
    CHECK_OK(r.st);
    CHECK_INT_EQ(r.diag.warnings, 1);
    CHECK_STR_EQ(r.msgs.code[0], "cue-extension");
    CHECK_INT_EQ(r.msgs.loc[0].line, 3);
    CHECK_INT_EQ(r.msgs.loc[0].col, 7);
    done(&r);
}

static void test_dialogue(void)
{
    Run r;
    run(&r, "INT. BAR - NIGHT\n\n"
            "BRICK\n"
            "  (quietly)  \n"
            "Line one.\n"
            "  \n"
            "  Line three.\n"
            "(beat)\n"
            "(beat) Then more.\n"
            "\n"
            "Action again.\n");
    CHECK_OK(r.st);
    if (!r.doc)
        return;
    CHECK_INT_EQ(r.doc->elem_count, 7);
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_CHARACTER, "BRICK", 3, 1);
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_PARENTHETICAL, "(quietly)", 4, 3);
    // The two-space line keeps the dialogue going as an empty line.
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_DIALOGUE, "Line one.\n\nLine three.", 5,
               1);
    CHECK_ELEM(r.doc, 4, SCRIPT_ELEM_PARENTHETICAL, "(beat)", 8, 1);
    CHECK_ELEM(r.doc, 5, SCRIPT_ELEM_DIALOGUE, "(beat) Then more.", 9, 1);
    CHECK_ELEM(r.doc, 6, SCRIPT_ELEM_ACTION, "Action again.", 11, 1);
    done(&r);
}

static void test_transitions(void)
{
    Run r;
    run(&r, "INT. BAR - NIGHT\n\n"
            "CUT TO:\n\n"
            "SMASH CUT TO:\n\n"
            "> FADE TO BLACK.\n\n"
            ">   THE END   <\n\n"
            "Cut to: the chase.\n\n"
            "CUT TO:\nMore.\n\n"
            "Before.\n>BURN TO WHITE.\nAfter.\n");
    CHECK_OK(r.st);
    if (!r.doc)
        return;
    CHECK_INT_EQ(r.doc->elem_count, 11);
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_TRANSITION, "CUT TO:", 3, 1);
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_TRANSITION, "SMASH CUT TO:", 5, 1);
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_TRANSITION, "FADE TO BLACK.", 7, 3);
    CHECK_ELEM(r.doc, 4, SCRIPT_ELEM_ACTION, "THE END", 9, 5);
    CHECK_ELEM(r.doc, 5, SCRIPT_ELEM_ACTION, "Cut to: the chase.", 11, 1);
    // Not followed by a blank line: a cue with its dialogue.
    CHECK_ELEM(r.doc, 6, SCRIPT_ELEM_CHARACTER, "CUT TO:", 13, 1);
    CHECK_ELEM(r.doc, 7, SCRIPT_ELEM_DIALOGUE, "More.", 14, 1);
    // A forced transition needs no blank lines around it.
    CHECK_ELEM(r.doc, 8, SCRIPT_ELEM_ACTION, "Before.", 16, 1);
    CHECK_ELEM(r.doc, 9, SCRIPT_ELEM_TRANSITION, "BURN TO WHITE.", 17, 2);
    CHECK_ELEM(r.doc, 10, SCRIPT_ELEM_ACTION, "After.", 18, 1);
    done(&r);
}

static void test_forced_and_misc(void)
{
    Run r;
    run(&r, "# ACT ONE\n\n"
            "= Brick and Steel meet.\n\n"
            "EXT. ROAD - DAY\n\n"
            "!SCREAMING INTO THE VOID\nHe stops.\n\n"
            "===\n\n"
            "~Willy Wonka!\n~Candy!\n\n"
            "    Indented action.\n\tTabbed.\n\n"
            "  ====  \n\n"
            "==\n");
    CHECK_OK(r.st);
    if (!r.doc)
        return;
    CHECK_INT_EQ(r.doc->elem_count, 9);
    CHECK_ELEM(r.doc, 0, SCRIPT_ELEM_SECTION, "ACT ONE", 1, 3);
    CHECK_INT_EQ(r.doc->elems[0].depth, 1);
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_SYNOPSIS, "Brick and Steel meet.", 3, 3);
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_SCENE_HEADING, "EXT. ROAD - DAY", 5, 1);
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_ACTION,
               "SCREAMING INTO THE VOID\nHe stops.", 7, 2);
    CHECK_ELEM(r.doc, 4, SCRIPT_ELEM_PAGE_BREAK, "", 10, 1);
    CHECK_ELEM(r.doc, 5, SCRIPT_ELEM_LYRIC, "Willy Wonka!\nCandy!", 12, 2);
    // Leading whitespace of action is kept; col is where the text starts.
    CHECK_ELEM(r.doc, 6, SCRIPT_ELEM_ACTION, "    Indented action.\n\tTabbed.",
               15, 1);
    CHECK_ELEM(r.doc, 7, SCRIPT_ELEM_PAGE_BREAK, "", 18, 3);
    // Two '=' are too few for a page break: a synopsis reading "=".
    CHECK_ELEM(r.doc, 8, SCRIPT_ELEM_SYNOPSIS, "=", 20, 2);
    CHECK_INT_EQ(r.msgs.count, 0);
    done(&r);
}

/* ---- notes and boneyard -------------------------------------------- */

static void test_notes(void)
{
    Run r;
    run(&r, "EXT. ROAD - DAY\n"
            "[[shot: WS, 24mm]]\n"
            "\n"
            "[[  light: low key  ]]\n"
            "\n"
            "Steel waits. [[shot: CU STEEL, 85mm f/1.8]] He sighs.\n"
            "\n"
            "STEEL\n"
            "[[look: noir]]\n"
            "Think he'll come? [[beat]]\n"
            "\n"
            "Brick [[shot: OTS,\n"
            "  dolly in]] arrives.\n");
    CHECK_OK(r.st);
    if (!r.doc)
        return;
    CHECK_INT_EQ(r.doc->elem_count, 11);
    // A note on its own line after the heading does not stop it being one.
    CHECK_ELEM(r.doc, 0, SCRIPT_ELEM_SCENE_HEADING, "EXT. ROAD - DAY", 1, 1);
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_NOTE, "shot: WS, 24mm", 2, 3);
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_NOTE, "light: low key", 4, 5);
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_ACTION, "Steel waits.  He sighs.", 6, 1);
    CHECK_ELEM(r.doc, 4, SCRIPT_ELEM_NOTE, "shot: CU STEEL, 85mm f/1.8", 6, 16);
    CHECK_ELEM(r.doc, 5, SCRIPT_ELEM_CHARACTER, "STEEL", 8, 1);
    CHECK_ELEM(r.doc, 6, SCRIPT_ELEM_NOTE, "look: noir", 9, 3);
    CHECK_ELEM(r.doc, 7, SCRIPT_ELEM_DIALOGUE, "Think he'll come?", 10, 1);
    CHECK_ELEM(r.doc, 8, SCRIPT_ELEM_NOTE, "beat", 10, 21);
    // A multi-line note splits the action at its line end.
    CHECK_ELEM(r.doc, 9, SCRIPT_ELEM_ACTION, "Brick\n arrives.", 12, 1);
    CHECK_ELEM(r.doc, 10, SCRIPT_ELEM_NOTE, "shot: OTS,\n  dolly in", 12, 9);
    CHECK_INT_EQ(r.msgs.count, 0);
    done(&r);

    // Notes may hold a two-space line but not a blank one.
    run(&r, "EXT. ROAD - DAY\n\n[[shot: WS\n  \nslow]]\n");
    CHECK_OK(r.st);
    if (r.doc) {
        CHECK_INT_EQ(r.doc->elem_count, 2);
        CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_NOTE, "shot: WS\n  \nslow", 3, 3);
    }
    done(&r);
}

static void test_notes_unclosed(void)
{
    Run r;
    run(&r, "EXT. ROAD - DAY\n\n"
            "He waits. [[shot: WS\n"
            "\n"
            "more]]\n"
            "\n"
            "Then: [[never closed\n");
    CHECK_STATUS(r.st, AU_ESYNTAX);
    CHECK(r.doc == NULL);
    CHECK_INT_EQ(r.diag.errors, 2);
    CHECK_STR_EQ(r.msgs.code[0], "unclosed-note");
    CHECK_INT_EQ(r.msgs.loc[0].line, 3);
    CHECK_INT_EQ(r.msgs.loc[0].col, 11);
    CHECK_STR_EQ(r.msgs.code[1], "unclosed-note");
    CHECK_INT_EQ(r.msgs.loc[1].line, 7);
    CHECK_INT_EQ(r.msgs.loc[1].col, 7);
    done(&r);
}

static void test_boneyard(void)
{
    Run r;
    run(&r, "/* draft two\n"
            "   cut this */\n"
            "EXT. ROAD - DAY\n"
            "\n"
            "Brick /* old */ walks. /* a\n"
            "b */ Steel runs.\n"
            "/* a line of its own */\n"
            "Dust.\n"
            "\n"
            "/*x*/BRICK\n"
            "Hi. /* [[not a note]] */\n");
    CHECK_OK(r.st);
    if (!r.doc)
        return;
    CHECK_INT_EQ(r.doc->elem_count, 4);
    CHECK_ELEM(r.doc, 0, SCRIPT_ELEM_SCENE_HEADING, "EXT. ROAD - DAY", 3, 1);
    CHECK_ELEM(r.doc, 1, SCRIPT_ELEM_ACTION,
               "Brick  walks.\n Steel runs.\nDust.", 5, 1);
    CHECK_ELEM(r.doc, 2, SCRIPT_ELEM_CHARACTER, "BRICK", 10, 6);
    CHECK_ELEM(r.doc, 3, SCRIPT_ELEM_DIALOGUE, "Hi.", 11, 1);
    done(&r);

    run(&r, "EXT. ROAD - DAY\n\nDust. /* open\n\nÉtoile /* again\n");
    CHECK_STATUS(r.st, AU_ESYNTAX);
    CHECK(r.doc == NULL);
    CHECK_INT_EQ(r.diag.errors, 2);
    CHECK_STR_EQ(r.msgs.code[0], "unclosed-boneyard");
    CHECK_INT_EQ(r.msgs.loc[0].line, 3);
    CHECK_INT_EQ(r.msgs.loc[0].col, 7);
    CHECK_INT_EQ(r.msgs.loc[1].line, 5);
    CHECK_INT_EQ(r.msgs.loc[1].col, 8);
    done(&r);
}

/* ---- title page ---------------------------------------------------- */

static void test_title_page(void)
{
    Run r;
    run(&r, "Title: BRICK & STEEL\n"
            "Credit: written by\n"
            "Author:\n"
            "    Stu Maschwitz\n"
            "\tand Friends\n"
            "Draft date : 1/20/2012\n"
            "Contact:\n"
            "   Next Level Productions\n"
            "\n"
            "EXT. PATIO - DAY\n"
            "\n"
            "Sun.\n");
    CHECK_OK(r.st);
    if (!r.doc)
        return;
    CHECK_INT_EQ(r.doc->title_count, 5);
    CHECK_STR_EQ(r.doc->title[0].key, "Title");
    CHECK_STR_EQ(r.doc->title[0].value, "BRICK & STEEL");
    CHECK_INT_EQ(r.doc->title[0].loc.line, 1);
    CHECK_INT_EQ(r.doc->title[0].loc.col, 1);
    CHECK_STR_EQ(r.doc->title[2].key, "Author");
    CHECK_STR_EQ(r.doc->title[2].value, "Stu Maschwitz\nand Friends");
    CHECK_INT_EQ(r.doc->title[2].loc.line, 3);
    CHECK_STR_EQ(r.doc->title[3].key, "Draft date");
    CHECK_INT_EQ(r.doc->title[4].loc.line, 7);
    CHECK_STR_EQ(script_title_value(r.doc, "title"), "BRICK & STEEL");
    CHECK_STR_EQ(script_title_value(r.doc, "DRAFT DATE"), "1/20/2012");
    CHECK_STR_EQ(script_title_value(r.doc, "contact"),
                 "Next Level Productions");
    CHECK(script_title_value(r.doc, "Tit") == NULL);
    CHECK(script_title_value(r.doc, "Titles") == NULL);
    CHECK_INT_EQ(r.doc->elem_count, 2);
    CHECK_ELEM(r.doc, 0, SCRIPT_ELEM_SCENE_HEADING, "EXT. PATIO - DAY", 10, 1);
    done(&r);

    // "FADE IN:" with nothing below is body text, not a title page; and a
    // title page needs the key on the very first line.
    run(&r, "FADE IN:\n\nEXT. PATIO - DAY\n\nSun.\n");
    CHECK_OK(r.st);
    if (r.doc) {
        CHECK_INT_EQ(r.doc->title_count, 0);
        CHECK_ELEM(r.doc, 0, SCRIPT_ELEM_ACTION, "FADE IN:", 1, 1);
    }
    done(&r);
    run(&r, "\nTitle: X\n\nEXT. PATIO - DAY\n\nSun.\n");
    CHECK_OK(r.st);
    if (r.doc)
        CHECK_INT_EQ(r.doc->title_count, 0);
    done(&r);
    run(&r, " Title: X\n\nEXT. PATIO - DAY\n\nSun.\n");
    CHECK_OK(r.st);
    if (r.doc)
        CHECK_INT_EQ(r.doc->title_count, 0);
    done(&r);
}

/* ---- input checks -------------------------------------------------- */

static void test_crlf_and_bom(void)
{
    const char *lf = "Title: X\n\nEXT. A - DAY\n\nBRICK (V.O.)\nHi.\n  \n"
                     "There.\n\nWalks. [[shot: WS]]\n";
    const char *crlf = "\xEF\xBB\xBFTitle: X\r\n\r\nEXT. A - DAY\r\n\r\n"
                       "BRICK (V.O.)\r\nHi.\r\n  \r\nThere.\r\n\r\n"
                       "Walks. [[shot: WS]]\r";
    Run a, b;
    run(&a, lf);
    run(&b, crlf);
    CHECK_OK(a.st);
    CHECK_OK(b.st);
    if (a.doc && b.doc) {
        CHECK_INT_EQ(b.doc->elem_count, a.doc->elem_count);
        for (size_t i = 0; i < a.doc->elem_count && i < b.doc->elem_count;
             i++) {
            CHECK_INT_EQ(b.doc->elems[i].kind, a.doc->elems[i].kind);
            CHECK_STR_EQ(b.doc->elems[i].text, a.doc->elems[i].text);
            CHECK_INT_EQ(b.doc->elems[i].loc.line, a.doc->elems[i].loc.line);
            CHECK_INT_EQ(b.doc->elems[i].loc.col, a.doc->elems[i].loc.col);
        }
        CHECK_STR_EQ(script_title_value(b.doc, "Title"), "X");
        CHECK_INT_EQ(b.doc->title[0].loc.col, 1);
        CHECK_INT_EQ(b.doc->elem_count, 5);
        CHECK_ELEM(b.doc, 2, SCRIPT_ELEM_DIALOGUE, "Hi.\n\nThere.", 6, 1);
        CHECK_ELEM(b.doc, 4, SCRIPT_ELEM_NOTE, "shot: WS", 10, 10);
    }
    done(&a);
    done(&b);

    // A lone BOM is an empty file.
    run(&a, "\xEF\xBB\xBF");
    CHECK_STATUS(a.st, AU_ESYNTAX);
    CHECK_STR_EQ(a.msgs.code[0], "no-scene");
    done(&a);
}

static void test_invalid_utf8(void)
{
    Run r;
    ScriptDoc *sentinel = (ScriptDoc *)&r;
    memset(&r, 0, sizeof r);
    r.diag.fn = collect;
    r.diag.user = &r.msgs;
    r.doc = sentinel;
    // "é" is two bytes but one column; the stray 0xFF is byte 26 of the
    // file counting the BOM.
    const char text[] = "\xEF\xBB\xBF"
                        "EXT. A - DAY\n\nCaf\xC3\xA9 ok \xFF bad\n";
    r.st =
        script_parse(A, &r.diag, "t.fountain", text, sizeof text - 1, &r.doc);
    CHECK_STATUS(r.st, AU_ESYNTAX);
    CHECK(r.doc == sentinel); // *out untouched
    CHECK_INT_EQ(r.msgs.count, 1);
    CHECK_INT_EQ(r.msgs.sev[0], AU_SEVERITY_ERROR);
    CHECK_STR_EQ(r.msgs.text[0], "invalid UTF-8 at byte offset 26");
    CHECK_INT_EQ(r.msgs.loc[0].line, 3);
    CHECK_INT_EQ(r.msgs.loc[0].col, 9);

    // A truncated sequence at the very end.
    Run t;
    run_n(&t, "EXT. A - DAY\n\nab\xE2\x82", 18);
    CHECK_STATUS(t.st, AU_ESYNTAX);
    CHECK_STR_EQ(t.msgs.text[0], "invalid UTF-8 at byte offset 16");
    CHECK_INT_EQ(t.msgs.loc[0].line, 3);
    CHECK_INT_EQ(t.msgs.loc[0].col, 3);
    done(&t);
}

static void test_nul_byte(void)
{
    Run r;
    const char text[] = "EXT. A - DAY\n\nab\xC3\xA9\0cd\n";
    run_n(&r, text, sizeof text - 1);
    CHECK_STATUS(r.st, AU_ESYNTAX);
    CHECK(r.doc == NULL);
    CHECK_INT_EQ(r.msgs.count, 1);
    CHECK_STR_EQ(r.msgs.text[0], "binary data (NUL byte)");
    CHECK_INT_EQ(r.msgs.loc[0].line, 3);
    CHECK_INT_EQ(r.msgs.loc[0].col, 4);
    CHECK_STR_EQ(r.msgs.file[0], "t.fountain");
    done(&r);
}

static void test_empty_and_no_scene(void)
{
    const char *texts[] = { "", "\n\n\n", "Just action.\n\nBRICK\nHi.\n",
                            "Title: Only a title page\n" };
    for (size_t i = 0; i < BASE_ARRAY_LEN(texts); i++) {
        Run r;
        run(&r, texts[i]);
        CHECK_STATUS(r.st, AU_ESYNTAX);
        CHECK(r.doc == NULL);
        CHECK_INT_EQ(r.diag.errors, 1);
        CHECK_STR_EQ(r.msgs.code[0], "no-scene");
        CHECK_STR_EQ(r.msgs.text[0],
                     "no scene heading: a screenplay needs at least one, "
                     "e.g. 'INT. HOUSE - DAY'");
        CHECK_INT_EQ(r.msgs.loc[0].line, 1);
        CHECK_INT_EQ(r.msgs.loc[0].col, 1);
        done(&r);
    }
    // NULL data with size 0 is an empty file too.
    Run r;
    run_n(&r, NULL, 0);
    CHECK_STATUS(r.st, AU_ESYNTAX);
    CHECK_INT_EQ(r.diag.errors, 1);
    done(&r);
}

static void test_errors_collected(void)
{
    Run r;
    run(&r, "Action [[open\n\nmore /* open\n");
    CHECK_STATUS(r.st, AU_ESYNTAX);
    CHECK_INT_EQ(r.diag.errors, 3);
    CHECK_STR_EQ(r.msgs.code[0], "unclosed-note");
    CHECK_STR_EQ(r.msgs.code[1], "unclosed-boneyard");
    CHECK_STR_EQ(r.msgs.code[2], "no-scene");
    done(&r);

    // A flood of errors is capped in the sink but still fails the parse.
    enum {
        N = 5000
    };

    char *big = malloc(4 * N + 1);
    for (size_t i = 0; i < N; i++)
        memcpy(big + 4 * i, "[[ ]", 4);
    big[4 * N] = '\0';
    run(&r, big);
    CHECK_STATUS(r.st, AU_ESYNTAX);
    CHECK(r.msgs.count <= 102);
    CHECK_INT_EQ(r.diag.errors, 100);
    done(&r);
    free(big);

    // Warnings have their own budget: 300 of them cannot hide the error.
    char *warn = malloc(300 * 12 + 1);
    for (size_t i = 0; i < 300; i++)
        memcpy(warn + 12 * i, "\nINT. A\nHi.\n", 12);
    warn[300 * 12] = '\0';
    run(&r, warn);
    CHECK_STATUS(r.st, AU_ESYNTAX);
    CHECK_INT_EQ(r.diag.warnings, 100);
    CHECK_INT_EQ(r.diag.errors, 1);
    done(&r);
    free(warn);
}

static void test_kind_names(void)
{
    CHECK_STR_EQ(script_elem_kind_name(SCRIPT_ELEM_SCENE_HEADING),
                 "scene_heading");
    CHECK_STR_EQ(script_elem_kind_name(SCRIPT_ELEM_ACTION), "action");
    CHECK_STR_EQ(script_elem_kind_name(SCRIPT_ELEM_CHARACTER), "character");
    CHECK_STR_EQ(script_elem_kind_name(SCRIPT_ELEM_PARENTHETICAL),
                 "parenthetical");
    CHECK_STR_EQ(script_elem_kind_name(SCRIPT_ELEM_DIALOGUE), "dialogue");
    CHECK_STR_EQ(script_elem_kind_name(SCRIPT_ELEM_TRANSITION), "transition");
    CHECK_STR_EQ(script_elem_kind_name(SCRIPT_ELEM_NOTE), "note");
    CHECK_STR_EQ(script_elem_kind_name(SCRIPT_ELEM_PAGE_BREAK), "page_break");
    ScriptDoc *doc = NULL;
    script_doc_free(&doc);
    script_doc_free(NULL);
    CHECK(script_title_value(NULL, "Title") == NULL);
}

/* ---- pathological inputs ------------------------------------------- */

// Parses @p text and returns the CPU seconds it took.
static double timed_parse(const char *text, size_t n, AuStatus want,
                          size_t *elems)
{
    BaseDiag diag = { 0 };
    ScriptDoc *doc = NULL;
    clock_t t0 = clock();
    AuStatus st = script_parse(A, &diag, "big.fountain", text, n, &doc);
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK_STATUS(st, want);
    if (elems)
        *elems = doc ? doc->elem_count : 0;
    script_doc_free(&doc);
    return s;
}

// Returns @p head followed by as many whole copies of @p unit as fit in
// @p max bytes; *n is the length.
static char *repeat(const char *head, const char *unit, size_t max, size_t *n)
{
    char *s = malloc(max + 1);
    size_t h = strlen(head), u = strlen(unit);
    memcpy(s, head, h);
    *n = h;
    while (*n + u <= max) {
        memcpy(s + *n, unit, u);
        *n += u;
    }
    s[*n] = '\0';
    return s;
}

static void test_big_inputs(void)
{
    const size_t mb = 1u << 20;
    const char *head = "EXT. ROAD - DAY\n\n";

    struct {
        const char *unit;
        AuStatus want;
    } cases[] = {
        { "word ", AU_OK },          // one 1 MB action line
        { "[[a]]", AU_OK },          // 200k notes on one line
        { "[[", AU_ESYNTAX },        // unclosed notes, one line
        { "[[ \n", AU_ESYNTAX },     // unclosed notes, many lines
        { "/* ", AU_ESYNTAX },       // unclosed boneyards
        { "/* */x", AU_OK },         // many boneyards on one line
        { "A\n", AU_OK },            // 500k lines of one big action
        { "BRICK\nHi.\n\n", AU_OK }, // 100k dialogue blocks
        { "~la *la*\n", AU_OK },     // one huge lyric
        { "> *c* <\n", AU_OK },      // one huge centred block
        { "## s\n= y\n", AU_OK },    // outline lines
        { "S ^\n~a\nb\n\n", AU_OK }  // lyrics and dialogue in turn
    };

    for (size_t i = 0; i < BASE_ARRAY_LEN(cases); i++) {
        size_t n = 0, elems = 0;
        char *text = repeat(head, cases[i].unit, mb, &n);
        CHECK_INT_GE(n, mb - 16);
        double s = timed_parse(text, n, cases[i].want, &elems);
        fprintf(stderr, "1 MB, case %zu: %zu elements in %.3f s\n", i, elems,
                s);
        CHECK(s < 1.0);
        if (cases[i].want == AU_OK)
            CHECK_INT_GE(elems, 2);
        free(text);
    }

    // 100k short lines of alternating elements, with line:col at the end.
    size_t n = 100000;
    char *text = malloc(n * 32 + 64);
    size_t len = (size_t)sprintf(text, "INT. HOUSE - DAY\n\n");
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(text + len, "Line %zu. [[n]]\n", i);
    BaseDiag diag = { 0 };
    ScriptDoc *doc = NULL;
    clock_t t0 = clock();
    CHECK_OK(script_parse(A, &diag, "big.fountain", text, len, &doc));
    double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    fprintf(stderr, "100k lines: %.3f s\n", s);
    CHECK(s < 1.0);
    if (doc) {
        CHECK_INT_EQ(doc->elem_count, 2 + n);
        const ScriptElem *last = &doc->elems[doc->elem_count - 1];
        CHECK_INT_EQ(last->kind, SCRIPT_ELEM_NOTE);
        CHECK_INT_EQ(last->loc.line, n + 2);
        CHECK_INT_EQ(last->loc.col, 15);
    }
    script_doc_free(&doc);
    free(text);
}

/* ---- allocation failures ------------------------------------------- */

typedef struct FailAlloc {
    long countdown; // the allocation that fails when this reaches 0
    long live;      // blocks currently allocated
} FailAlloc;

static void *failing_realloc(void *user, void *ptr, size_t size)
{
    FailAlloc *f = user;
    if (size == 0) {
        if (ptr)
            f->live--;
        free(ptr);
        return NULL;
    }
    if (--f->countdown == 0)
        return NULL;
    void *p = realloc(ptr, size);
    if (p && !ptr)
        f->live++;
    return p;
}

static void test_alloc_failures(void)
{
    // Big enough that the vectors grow several times.
    size_t cap = 64 * 1024, len = 0;
    char *text = malloc(cap);
    len += (size_t)sprintf(text + len, "Title: Sweep\nAuthor:\n   Me\n\n");
    for (int i = 0; len + 300 < cap; i++)
        len += (size_t)sprintf(text + len,
                               "# Part %d\n= Synopsis.\n\n"
                               "INT. ROOM %d - DAY #%dA#\n\n[[shot: WS]]\n\n"
                               "BRICK (V.O.)\n(*dry*)\nHi. [[beat]]\n\n"
                               "STEEL ^\n~La **la** _la_\n\n> *END* <\n\n"
                               "Action /* x */ here.\n\n",
                               i, i, i);
    int failures = 0;
    bool ok = false;
    for (long n = 1; n < 10000 && !ok; n++) {
        FailAlloc f = { n, 0 };
        AuAllocator fa = { failing_realloc, &f };
        BaseDiag diag = { 0 };
        ScriptDoc *doc = (ScriptDoc *)&f;
        AuStatus st = script_parse(&fa, &diag, "t.fountain", text, len, &doc);
        if (st == AU_OK) {
            ok = true;
            CHECK(doc != NULL && doc->title_count == 2);
            size_t spans = 0;
            for (size_t i = 0; doc && i < doc->elem_count; i++)
                spans += doc->elems[i].span_count;
            CHECK_INT_GE(spans, 4 * 100);
            script_doc_free(&doc);
        } else {
            failures++;
            CHECK_STATUS(st, AU_ENOMEM);
            CHECK(doc == (ScriptDoc *)&f);
            CHECK_INT_EQ(diag.errors, 0);
        }
        CHECK_INT_EQ(f.live, 0);
    }
    CHECK(ok);
    CHECK_INT_GE(failures, 10);
    fprintf(stderr, "alloc sweep: %d failing allocations checked\n", failures);
    free(text);
}

static void test_bad_args(void)
{
    ScriptDoc *doc = NULL;
    CHECK_STATUS(script_parse(A, NULL, "x", NULL, 5, &doc), AU_EINVAL);
    CHECK_STATUS(script_parse(NULL, NULL, "x", "", 0, &doc), AU_EINVAL);
    CHECK_STATUS(script_parse(A, NULL, "x", "", 0, NULL), AU_EINVAL);
    CHECK(doc == NULL);
    // A NULL sink and a NULL name are accepted.
    const char *t = "EXT. A - DAY\n";
    CHECK_OK(script_parse(A, NULL, NULL, t, strlen(t), &doc));
    if (doc)
        CHECK_STR_EQ(doc->elems[0].loc.file, "-");
    script_doc_free(&doc);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_basic_scene);
    CHECK_RUN(test_scene_headings);
    CHECK_RUN(test_character_cues);
    CHECK_RUN(test_dialogue);
    CHECK_RUN(test_transitions);
    CHECK_RUN(test_forced_and_misc);
    CHECK_RUN(test_notes);
    CHECK_RUN(test_notes_unclosed);
    CHECK_RUN(test_boneyard);
    CHECK_RUN(test_title_page);
    CHECK_RUN(test_crlf_and_bom);
    CHECK_RUN(test_invalid_utf8);
    CHECK_RUN(test_nul_byte);
    CHECK_RUN(test_empty_and_no_scene);
    CHECK_RUN(test_errors_collected);
    CHECK_RUN(test_kind_names);
    CHECK_RUN(test_big_inputs);
    CHECK_RUN(test_alloc_failures);
    CHECK_RUN(test_bad_args);
    return CHECK_DONE();
}
