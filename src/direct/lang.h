/* direct/lang.h: private to direct/. The director's language below the
 * plan: note bodies and prompts become tokens with their line:col, and
 * tokens are matched against the crew's vocabulary (multi-word phrases,
 * numbers with units, f-stops, ratios), with "did you mean" suggestions. */
#ifndef AU_DIRECT_LANG_H
#define AU_DIRECT_LANG_H

#include "direct.h"

typedef enum LangTokKind {
    LANG_TOK_WORD,   /**< lower-cased letters, digits, apostrophes */
    LANG_TOK_NUMBER, /**< value with an optional unit: 85mm, 3s, 3200K */
    LANG_TOK_FSTOP,  /**< f/1.8 or T2.8 */
    LANG_TOK_RATIO   /**< 2.39:1, 16:9 */
} LangTokKind;

typedef struct LangTok {
    LangTokKind kind;
    const char *text; /**< as written (word lower-cased), in the arena */
    double value;     /**< number, f-number, or ratio width / height */
    const char *unit; /**< normalised unit: "mm" "s" "k" "deg" "x" "%" "" */
    bool used;        /**< consumed by the interpreter */
    AuSrcLoc loc;
} LangTok;

/** A comma-separated part of a note, or a whole prompt. */
typedef struct LangClause {
    LangTok *toks;
    size_t count;
    AuSrcLoc loc;
} LangClause;

/** Splits @p text (UTF-8, @p len bytes) into clauses at commas and
 * semicolons and each clause into tokens. Hyphens split words
 * ("close-up" is "close" "up"), "85 mm" and "30 degrees" join into one
 * number. @p loc is where text[0] is; columns count code points. Tokens
 * live in @p arena. AU_ENOMEM on failure. */
AuStatus lang_tokenize(BaseArena *arena, const char *text, size_t len,
                       AuSrcLoc loc, LangClause **clauses, size_t *count);

/** One vocabulary entry: a phrase of lower-case words separated by single
 * spaces, and the value it stands for. */
typedef struct LangWord {
    const char *phrase;
    int value;
} LangWord;

/** Matches the longest phrase of @p table at token @p i of @p c (unused
 * word tokens only). Returns the entry and sets *n to the number of tokens
 * it spans, or returns NULL. */
const LangWord *lang_match(const LangClause *c, size_t i, const LangWord *table,
                           size_t table_len, size_t *n);

/** Marks tokens [i, i + n) used. */
void lang_use(LangClause *c, size_t i, size_t n);

/** The closest phrase to @p word among @p table (edit distance at most 2,
 * at most 1 for words of four letters or fewer), or NULL. */
const char *lang_suggest(const char *word, const LangWord *table,
                         size_t table_len);

/** Edit distance between two ASCII strings (case-insensitive), capped at
 * @p cap + 1. */
size_t lang_distance(const char *a, const char *b, size_t cap);

/** What a note or prompt is read against. */
typedef struct LangCtx {
    BaseArena *arena;
    BaseDiag *diag;
    const DirectCastMember *cast;
    size_t cast_count;
    bool strict; /**< notes: unknown words are errors; prompts: left */
} LangCtx;

typedef enum NoteKind {
    NOTE_NONE, /**< a writer's note, not a direction */
    NOTE_SHOT,
    NOTE_LIGHT,
    NOTE_LOOK,
    NOTE_CAST,
    NOTE_TIME,
    NOTE_WEATHER,
    NOTE_SET,
    NOTE_SOUND,
    NOTE_TRANSITION
} NoteKind;

/** Reads the keyword of a note ("shot: ..."). Returns NOTE_NONE for a
 * writer's note; a near miss of a keyword ("shto:") is an error with a
 * suggestion. *body and *body_loc point past the colon. */
NoteKind note_kind(LangCtx *ctx, const char *text, AuSrcLoc loc,
                   const char **body, AuSrcLoc *body_loc);

/** Each reads a note body into the production's terms, reporting every
 * unknown word, out-of-range value and contradiction to ctx->diag, and
 * returns AU_ENOMEM only when memory runs out. The shot is updated in
 * place and its set_by bits record what the note set. */
AuStatus note_shot(LangCtx *ctx, const char *body, AuSrcLoc loc,
                   DirectShot *shot);
AuStatus note_light(LangCtx *ctx, const char *body, AuSrcLoc loc,
                    DirectLighting *out);
AuStatus note_look(LangCtx *ctx, const char *body, AuSrcLoc loc,
                   const char **look, DirectGrade *grade);
AuStatus note_time(LangCtx *ctx, const char *body, AuSrcLoc loc,
                   DirectTimeOfDay *out);
AuStatus note_weather(LangCtx *ctx, const char *body, AuSrcLoc loc,
                      DirectWeather *out);
AuStatus note_transition(LangCtx *ctx, const char *body, AuSrcLoc loc,
                         DirectTransition *out);
/** Reads "NAME - 60s, tall, grey hair" into @p cast (a BaseVec of
 * DirectCastMember), adding the member when new. */
AuStatus note_cast(LangCtx *ctx, const char *body, AuSrcLoc loc, BaseVec *cast);

/** The clause readers under the notes, for prompts: each consumes the
 * tokens it understands and marks them used. */
AuStatus lang_shot_clause(LangCtx *ctx, LangClause *c, DirectShot *shot);
void lang_tod_clause(LangCtx *ctx, LangClause *c, DirectTimeOfDay *tod,
                     bool *set);
void lang_weather_clause(LangCtx *ctx, LangClause *c, DirectWeather *w,
                         bool *set);
const char *lang_look_clause(LangCtx *ctx, LangClause *c);

#define PROMPT_MAX_CAST 8

/** What a one-line prompt says, in the production's terms. */
typedef struct PromptRead {
    const char *location; /**< "DESERT", upper case */
    bool interior;
    AuSrcLoc location_loc;
    DirectTimeOfDay tod;
    DirectWeather weather;
    const char *look;
    const char *cast[PROMPT_MAX_CAST];       /**< "RIDER" */
    const char *cast_words[PROMPT_MAX_CAST]; /**< "lone", or NULL */
    size_t cast_count;
    DirectShot shot; /**< set_by says what the prompt gave */
} PromptRead;

/** Reads a prompt's clauses (ctx->strict false: unknown words are left
 * unused, then listed in one warning). */
AuStatus prompt_read(LangCtx *ctx, LangClause *cl, size_t n, PromptRead *out);

/** The cast member named by the words at token @p i (e.g. "brick" or
 * "old", "man"), or SIZE_MAX; *n is the number of tokens. */
size_t lang_cast_at(const LangCtx *ctx, const LangClause *c, size_t i,
                    size_t *n);

#endif
