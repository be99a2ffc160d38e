/* direct/lang.c: tokens and vocabulary for the director's language: note
 * bodies and prompts become located tokens that the interpreter matches
 * against phrase tables, with suggestions for near misses. */
#include "lang.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool is_word_byte(unsigned char c)
{
    return isalnum(c) || c == '.' || c == '/' || c == ':' || c == '\'' ||
           c == '%' || c == '+' || c >= 0x80;
}

static const struct {
    const char *word;
    const char *unit;
} unit_words[] = {
    { "mm", "mm" },      { "s", "s" },         { "sec", "s" },
    { "secs", "s" },     { "second", "s" },    { "seconds", "s" },
    { "k", "k" },        { "kelvin", "k" },    { "deg", "deg" },
    { "degree", "deg" }, { "degrees", "deg" }, { "\xc2\xb0", "deg" },
    { "x", "x" },        { "%", "%" },         { "percent", "%" },
    { "m", "m" },        { "metres", "m" },    { "meters", "m" },
    { "fps", "fps" },    { "min", "min" },     { "minutes", "min" },
    { "h", "h" },        { "hours", "h" },     { "ms", "ms" },
};

static const char *normal_unit(const char *u, size_t n)
{
    for (size_t i = 0; i < BASE_ARRAY_LEN(unit_words); i++)
        if (strlen(unit_words[i].word) == n &&
            base_strncasecmp(unit_words[i].word, u, n) == 0)
            return unit_words[i].unit;
    return NULL;
}

// Parses "[+-]digits[.digits]" at s; returns the bytes used, 0 if none.
static size_t parse_num(const char *s, size_t n, double *v)
{
    size_t i = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        i++;
    size_t digits = 0;
    while (i < n && isdigit((unsigned char)s[i])) {
        i++;
        digits++;
    }
    if (i < n && s[i] == '.') {
        size_t j = i + 1;
        size_t frac = 0;
        while (j < n && isdigit((unsigned char)s[j])) {
            j++;
            frac++;
        }
        if (frac) {
            i = j;
            digits += frac;
        }
    }
    if (!digits)
        return 0;
    char buf[64];
    size_t m = i < sizeof buf - 1 ? i : sizeof buf - 1;
    memcpy(buf, s, m);
    buf[m] = '\0';
    *v = strtod(buf, NULL);
    return i;
}

static void classify(BaseArena *a, LangTok *t, const char *s, size_t n)
{
    double v;
    size_t k;
    t->kind = LANG_TOK_WORD;
    t->unit = "";
    if (n > 2 && (s[0] == 'f' || s[0] == 'F') && s[1] == '/' &&
        (k = parse_num(s + 2, n - 2, &v)) == n - 2) {
        t->kind = LANG_TOK_FSTOP;
        t->value = v;
    } else if (n > 1 && (s[0] == 'T' || s[0] == 't') &&
               isdigit((unsigned char)s[1]) &&
               (k = parse_num(s + 1, n - 1, &v)) == n - 1) {
        t->kind = LANG_TOK_FSTOP;
        t->value = v;
    } else if ((k = parse_num(s, n, &v)) > 0) {
        double h;
        size_t k2;
        if (k < n && s[k] == ':' &&
            (k2 = parse_num(s + k + 1, n - k - 1, &h)) == n - k - 1 &&
            h > 0.0) {
            t->kind = LANG_TOK_RATIO;
            t->value = v / h;
        } else if (k == n) {
            t->kind = LANG_TOK_NUMBER;
            t->value = v;
        } else {
            const char *u = normal_unit(s + k, n - k);
            if (u) {
                t->kind = LANG_TOK_NUMBER;
                t->value = v;
                t->unit = u;
            }
        }
    }
    char *text = base_arena_strndup(a, s, n);
    if (text && t->kind == LANG_TOK_WORD) {
        for (char *p = text; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        // Trailing sentence punctuation is not part of the word.
        size_t m = strlen(text);
        while (m > 1 && (text[m - 1] == '.' || text[m - 1] == ':'))
            text[--m] = '\0';
    }
    t->text = text ? text : "";
}

typedef struct Tokenizer {
    BaseArena *arena;
    BaseVec clauses; // LangClause
    BaseVec toks;    // LangTok of the current clause
    AuSrcLoc clause_loc;
} Tokenizer;

static AuStatus end_clause(Tokenizer *tz)
{
    if (tz->toks.len == 0)
        return AU_OK;
    LangTok *toks = tz->toks.data;
    // "85 mm", "30 degrees": a bare number and a unit word are one number.
    size_t out = 0;
    for (size_t i = 0; i < tz->toks.len; i++) {
        LangTok t = toks[i];
        if (t.kind == LANG_TOK_NUMBER && t.unit[0] == '\0' &&
            i + 1 < tz->toks.len && toks[i + 1].kind == LANG_TOK_WORD) {
            const char *u =
                normal_unit(toks[i + 1].text, strlen(toks[i + 1].text));
            if (u) {
                t.unit = u;
                // Messages quote what was written: "10 hours".
                const char *joined = base_arena_printf(
                    tz->arena, "%s %s", t.text, toks[i + 1].text);
                if (!joined)
                    return AU_ENOMEM;
                t.text = joined;
                i++;
            }
        }
        toks[out++] = t;
    }
    LangClause c;
    c.count = out;
    c.loc = tz->clause_loc;
    c.toks = base_arena_array(tz->arena, out, sizeof(LangTok));
    if (!c.toks)
        return AU_ENOMEM;
    memcpy(c.toks, toks, out * sizeof(LangTok));
    tz->toks.len = 0;
    return base_vec_push(&tz->clauses, &c);
}

AuStatus lang_tokenize(BaseArena *arena, const char *text, size_t len,
                       AuSrcLoc loc, LangClause **clauses, size_t *count)
{
    Tokenizer tz;
    tz.arena = arena;
    base_vec_init(&tz.clauses, arena->alloc, sizeof(LangClause));
    base_vec_init(&tz.toks, arena->alloc, sizeof(LangTok));
    tz.clause_loc = loc;
    AuStatus st = AU_OK;
    AuSrcLoc at = loc;
    bool clause_started = false;
    size_t i = 0;
    while (i < len && st == AU_OK) {
        unsigned char c = (unsigned char)text[i];
        if (c == ',' || c == ';') {
            st = end_clause(&tz);
            clause_started = false;
            i++;
            at.col++;
            continue;
        }
        if (c == '\n') {
            i++;
            at.line++;
            at.col = 1;
            continue;
        }
        bool sign = (c == '-' || c == '+') && i + 1 < len &&
                    isdigit((unsigned char)text[i + 1]);
        if (!is_word_byte(c) && !sign) {
            i++;
            if ((c & 0xC0) != 0x80)
                at.col++;
            continue;
        }
        size_t start = i;
        AuSrcLoc tok_loc = at;
        i++;
        while (i < len && is_word_byte((unsigned char)text[i]))
            i++;
        // Trailing ':' on a ratio-less word and brackets are punctuation.
        LangTok t;
        memset(&t, 0, sizeof t);
        t.loc = tok_loc;
        classify(arena, &t, text + start, i - start);
        if (!clause_started) {
            tz.clause_loc = tok_loc;
            clause_started = true;
        }
        at.col += (uint32_t)base_utf8_count(text + start, i - start);
        if (t.kind == LANG_TOK_WORD) {
            // Hyphens and slashes inside a word separate words: "close-up".
            char *w = (char *)t.text;
            AuSrcLoc wl = tok_loc;
            char *p = w;
            while (*p && st == AU_OK) {
                size_t n = strcspn(p, "/");
                LangTok part = t;
                part.loc = wl;
                part.text = base_arena_strndup(arena, p, n);
                if (!part.text)
                    st = AU_ENOMEM;
                else if (n > 0)
                    st = base_vec_push(&tz.toks, &part);
                wl.col += (uint32_t)base_utf8_count(p, n) + 1;
                p += n;
                if (*p)
                    p++;
            }
        } else {
            st = base_vec_push(&tz.toks, &t);
        }
        // A hyphen between words: skip it as a separator.
        if (i < len && text[i] == '-' && st == AU_OK) {
            i++;
            at.col++;
        }
    }
    if (st == AU_OK)
        st = end_clause(&tz);
    if (st == AU_OK) {
        *count = tz.clauses.len;
        *clauses =
            tz.clauses.len ? base_vec_to_arena(&tz.clauses, arena) : NULL;
        if (tz.clauses.len && !*clauses)
            st = AU_ENOMEM;
    }
    base_vec_fini(&tz.clauses);
    base_vec_fini(&tz.toks);
    return st;
}

// Compares the next word of @p phrase (up to a space) with @p word.
static bool word_eq(const char *phrase, size_t n, const char *word)
{
    return strlen(word) == n && strncmp(phrase, word, n) == 0;
}

const LangWord *lang_match(const LangClause *c, size_t i, const LangWord *table,
                           size_t table_len, size_t *n)
{
    const LangWord *best = NULL;
    size_t best_n = 0;
    for (size_t e = 0; e < table_len; e++) {
        const char *p = table[e].phrase;
        size_t k = 0;
        bool ok = true;
        while (*p) {
            size_t wn = strcspn(p, " ");
            if (i + k >= c->count || c->toks[i + k].used ||
                c->toks[i + k].kind != LANG_TOK_WORD ||
                !word_eq(p, wn, c->toks[i + k].text)) {
                ok = false;
                break;
            }
            k++;
            p += wn;
            if (*p == ' ')
                p++;
        }
        if (ok && k > best_n) {
            best = &table[e];
            best_n = k;
        }
    }
    *n = best_n;
    return best;
}

void lang_use(LangClause *c, size_t i, size_t n)
{
    for (size_t k = i; k < i + n && k < c->count; k++)
        c->toks[k].used = true;
}

size_t lang_distance(const char *a, const char *b, size_t cap)
{
    // Optimal string alignment: edits plus swaps of neighbours, the
    // commonest typing slip ("shto" for "shot").
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63 || (la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    static const size_t W = 64;
    size_t d[64 * 64];
    for (size_t i = 0; i <= la; i++)
        d[i * W] = i;
    for (size_t j = 0; j <= lb; j++)
        d[j] = j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            int ca = tolower((unsigned char)a[i - 1]);
            int cb = tolower((unsigned char)b[j - 1]);
            size_t v = d[(i - 1) * W + j - 1] + (ca != cb);
            if (d[(i - 1) * W + j] + 1 < v)
                v = d[(i - 1) * W + j] + 1;
            if (d[i * W + j - 1] + 1 < v)
                v = d[i * W + j - 1] + 1;
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb &&
                d[(i - 2) * W + j - 2] + 1 < v)
                v = d[(i - 2) * W + j - 2] + 1;
            d[i * W + j] = v;
        }
    }
    return d[la * W + lb] > cap ? cap + 1 : d[la * W + lb];
}

const char *lang_suggest(const char *word, const LangWord *table,
                         size_t table_len)
{
    size_t cap = strlen(word) <= 4 ? 1 : 2;
    const char *best = NULL;
    size_t best_d = cap + 1;
    for (size_t e = 0; e < table_len; e++) {
        // Suggest against the phrase's first word too, so "dolyl" finds
        // "dolly in".
        const char *p = table[e].phrase;
        size_t d = lang_distance(word, p, cap);
        char first[64];
        size_t fn = strcspn(p, " ");
        if (fn < sizeof first && p[fn]) {
            memcpy(first, p, fn);
            first[fn] = '\0';
            size_t d2 = lang_distance(word, first, cap);
            d = d2 < d ? d2 : d;
        }
        if (d < best_d) {
            best_d = d;
            best = p;
        }
    }
    return best;
}
