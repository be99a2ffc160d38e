/* script: the first stage. Parses a Fountain screenplay (UTF-8 text) into
 * a ScriptDoc, a flat list of elements that each keep their line:col. */
#ifndef AU_SCRIPT_H
#define AU_SCRIPT_H

#include "../base/base.h"

typedef enum ScriptElemKind {
    SCRIPT_ELEM_SCENE_HEADING,
    SCRIPT_ELEM_ACTION,
    SCRIPT_ELEM_CHARACTER,
    SCRIPT_ELEM_PARENTHETICAL,
    SCRIPT_ELEM_DIALOGUE,
    SCRIPT_ELEM_TRANSITION,
    SCRIPT_ELEM_NOTE,
    SCRIPT_ELEM_PAGE_BREAK,
    SCRIPT_ELEM_LYRIC,   /**< '~' lines, joined with '\n', without the '~' */
    SCRIPT_ELEM_SECTION, /**< '#' outline heading; depth counts the '#' */
    SCRIPT_ELEM_SYNOPSIS /**< '= text' outline summary */
} ScriptElemKind;

/** Emphasis styles, OR-ed together in ScriptSpan.style. */
enum {
    SCRIPT_STYLE_ITALIC = 1,   /**< *text* */
    SCRIPT_STYLE_BOLD = 2,     /**< **text** */
    SCRIPT_STYLE_UNDERLINE = 4 /**< _text_ */
};

/** A run of emphasised text: @p len bytes from byte offset @p start of the
 * element's text, in @p style (SCRIPT_STYLE_* bits, never 0). */
typedef struct ScriptSpan {
    uint32_t start;
    uint32_t len;
    uint32_t style;
} ScriptSpan;

/** One element of the screenplay body. Strings are NUL-terminated UTF-8
 * in the document's arena. For a CHARACTER, text is the name without its
 * extension ("BRICK"), and extension holds "V.O." etc. or NULL. For a
 * SCENE_HEADING, text is the whole heading without a forcing '.' and
 * without its scene number. Multi-line elements (action, dialogue, lyric)
 * join their lines with '\n'. In action, dialogue, parentheticals, lyrics
 * and transitions the emphasis markers ('*', '**', '***', '_') and escape
 * backslashes are removed from text and described by spans instead; note
 * text is kept raw. A LYRIC between a cue and the next blank line is sung
 * by that cue's character, like its dialogue. */
typedef struct ScriptElem {
    ScriptElemKind kind;
    const char *text;
    const char *extension;
    AuSrcLoc loc;            /**< where the element's first character is */
    const char *number;      /**< scene number "1A" from "#1A#", or NULL */
    bool centered;           /**< ACTION written as "> text <" */
    bool dual;               /**< CHARACTER marked '^': second of a dual pair */
    int depth;               /**< SECTION: the number of '#', from 1 */
    const ScriptSpan *spans; /**< emphasis runs in text order, no overlap */
    size_t span_count;
} ScriptElem;

/** One title-page entry: "Title: BRICK & STEEL" gives key "Title". A
 * multi-line value joins its indented lines with '\n'. */
typedef struct ScriptTitleEntry {
    const char *key;
    const char *value;
    AuSrcLoc loc;
} ScriptTitleEntry;

/** The parsed screenplay. Everything lives in @p arena; free it with
 * script_doc_free. */
typedef struct ScriptDoc {
    BaseArena arena;
    const char *file; /**< the name used in every AuSrcLoc, in the arena */
    ScriptTitleEntry *title;
    size_t title_count;
    ScriptElem *elems;
    size_t elem_count;
} ScriptDoc;

/** Parses @p size bytes of @p data (need not be NUL-terminated) named
 * @p file. Reports every problem to @p diag and fails with AU_ESYNTAX when
 * the text is not valid UTF-8 (error at the first bad byte's line:col),
 * contains NUL bytes, or has no scene heading; AU_ENOMEM on allocation
 * failure. A UTF-8 BOM is skipped; LF and CRLF line ends are accepted. On
 * success *out is a new document owned by the caller. */
AuStatus script_parse(const AuAllocator *alloc, BaseDiag *diag,
                      const char *file, const char *data, size_t size,
                      ScriptDoc **out);

/** Frees the document (NULL is accepted) and sets *doc to NULL. */
void script_doc_free(ScriptDoc **doc);

/** Returns the value of title-page key @p key (case-insensitive), or NULL;
 * borrowed for the document's lifetime. */
const char *script_title_value(const ScriptDoc *doc, const char *key);

/** Returns a stable name for @p kind ("scene_heading", ...). */
const char *script_elem_kind_name(ScriptElemKind kind);

#endif
