/* fuzz/fuzz_fountain.c: libFuzzer target for the Fountain parser (script
 * stage). Besides crashes it checks the invariants every element must keep
 * on success, so a logic slip is a finding too. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "script/script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_loc(const ScriptDoc *doc, AuSrcLoc loc)
{
    if (loc.file != doc->file || loc.line < 1 || loc.col < 1)
        abort();
}

// Spans lie inside the text, in order, apart, each with a real style,
// and never across a line break.
static void check_spans(const ScriptElem *e)
{
    if ((e->span_count > 0) != (e->spans != NULL))
        abort();
    size_t len = strlen(e->text), end = 0;
    for (size_t k = 0; k < e->span_count; k++) {
        const ScriptSpan *sp = &e->spans[k];
        if (sp->len == 0 || sp->start < end || sp->start + sp->len > len ||
            sp->style == 0 || sp->style > 7 ||
            memchr(e->text + sp->start, '\n', sp->len))
            abort();
        end = sp->start + sp->len;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    BaseDiag diag = { 0 }; // no callback: messages are counted and dropped
    ScriptDoc *doc = NULL;
    AuStatus st = script_parse(base_allocator_default(), &diag, "fuzz",
                               (const char *)data, size, &doc);
    if (st != AU_OK) {
        if (doc || (st == AU_ESYNTAX && diag.errors == 0))
            abort();
        return 0;
    }
    size_t scenes = 0;
    for (size_t i = 0; i < doc->elem_count; i++) {
        const ScriptElem *e = &doc->elems[i];
        if (!e->text || strlen(e->text) > size)
            abort();
        check_loc(doc, e->loc);
        if (e->extension && e->kind != SCRIPT_ELEM_CHARACTER)
            abort();
        if ((e->number && e->kind != SCRIPT_ELEM_SCENE_HEADING) ||
            (e->centered && e->kind != SCRIPT_ELEM_ACTION) ||
            (e->dual && e->kind != SCRIPT_ELEM_CHARACTER) ||
            ((e->depth > 0) != (e->kind == SCRIPT_ELEM_SECTION)))
            abort();
        check_spans(e);
        scenes += e->kind == SCRIPT_ELEM_SCENE_HEADING;
    }
    for (size_t i = 0; i < doc->title_count; i++) {
        const ScriptTitleEntry *t = &doc->title[i];
        if (!t->key || !t->value || script_title_value(doc, t->key) == NULL)
            abort();
        check_loc(doc, t->loc);
    }
    if (scenes == 0)
        abort();
    script_doc_free(&doc);
    return 0;
}
