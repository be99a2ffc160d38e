/* script/fountain.c: the first stage; parses a Fountain screenplay into a
 * ScriptDoc. A scanner cuts boneyard and notes out of the text into logical
 * lines that keep their source positions; a classifier turns lines into
 * elements, and an emphasis pass moves their '*' and '_' markup into spans. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "script.h"

// Past this many messages of one severity a parse only counts; a hostile
// input must not flood the user's sink.
enum {
    MAX_DIAGS = 100
};

/* ---- parser state -------------------------------------------------- */

/** One logical line: a physical line with boneyard and notes cut out and
 * the line end (LF, CRLF or a final CR) removed. */
typedef struct ScanLine {
    size_t clean;     // offset of the text in Parser.clean
    size_t len;       // bytes of text
    size_t src;       // offset of the physical line's start in Parser.text
    size_t line_no;   // physical line number, from 1
    size_t cut_first; // this line's cuts in Parser.cuts
    size_t cut_count;
    bool blank;     // only spaces and tabs
    bool two_space; // exactly two spaces: keeps dialogue going
} ScanLine;

/** Bytes removed from a logical line: @p len source bytes were removed
 * just before clean offset @p at (relative to the line). */
typedef struct ScanCut {
    size_t at;
    size_t len;
} ScanCut;

/** A note found by the scanner. @p key orders it among the lines: 2k when
 * it stood on a line of its own before logical line k, 2k+1 when it was
 * inside logical line k. */
typedef struct ScanNote {
    const char *text;
    AuSrcLoc loc;
    size_t key;
} ScanNote;

typedef struct Parser {
    BaseDiag *diag;
    ScriptDoc *doc;
    const char *text; // the input after any BOM
    size_t size;
    size_t bom; // bytes of BOM skipped, for byte offsets in messages
    size_t errors;
    size_t shown[2]; // messages passed on: [0] warnings, [1] errors
    char *clean;     // every logical line's text, back to back
    size_t clean_len;
    BaseVec lines;   // ScanLine
    BaseVec cuts;    // ScanCut
    BaseVec notes;   // ScanNote
    BaseVec elems;   // ScriptElem
    BaseVec titles;  // ScriptTitleEntry
    BaseVec scratch; // char: joins multi-line text
    BaseVec toks;    // EmphTok: the emphasis markers of one element
    BaseVec spans;   // ScriptSpan: the spans of one element
    size_t note_next;
    size_t scenes;
    // Set once a '/*' found no '*/' after it: then no later one can.
    bool boneyard_failed;
    // A '[[' before this offset cannot be closed: an earlier search from
    // a smaller offset met a blank line or the end here without ']]'.
    size_t note_fail_until;
} Parser;

static uint32_t to_u32(size_t v)
{
    return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

static AuSrcLoc make_loc(const Parser *p, size_t line, size_t col)
{
    AuSrcLoc loc = { p->doc->file, to_u32(line), to_u32(col) };
    return loc;
}

static void report(Parser *p, AuSrcLoc loc, AuSeverity sev, const char *code,
                   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void report(Parser *p, AuSrcLoc loc, AuSeverity sev, const char *code,
                   const char *fmt, ...)
{
    // Errors and warnings have separate budgets, so a flood of warnings
    // can never hide the error that fails the parse.
    size_t *shown = &p->shown[sev == AU_SEVERITY_ERROR];
    if (sev == AU_SEVERITY_ERROR)
        p->errors++;
    if (*shown > MAX_DIAGS)
        return;
    if ((*shown)++ == MAX_DIAGS) {
        base_diag(p->diag, loc, AU_SEVERITY_NOTE, "too-many",
                  "too many %s; the rest are not shown",
                  sev == AU_SEVERITY_ERROR ? "errors" : "warnings");
        return;
    }
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    base_diag(p->diag, loc, sev, code, "%s", text);
}

static bool is_blank_char(char c)
{
    return c == ' ' || c == '\t';
}

static size_t skip_blank(const char *t, size_t b, size_t e)
{
    while (b < e && is_blank_char(t[b]))
        b++;
    return b;
}

static size_t trim_end(const char *t, size_t b, size_t e)
{
    while (e > b && is_blank_char(t[e - 1]))
        e--;
    return e;
}

// Longest prefix of t[0, len) of at most max bytes that ends on a code
// point boundary, for quoting input in messages.
static int quote_len(const char *t, size_t len, size_t max)
{
    if (len <= max)
        return (int)len;
    while (max > 0 && ((unsigned char)t[max] & 0xC0) == 0x80)
        max--;
    return (int)max;
}

/* ---- input checks -------------------------------------------------- */

static AuSrcLoc offset_loc(const Parser *p, size_t off)
{
    size_t line = 1, start = 0;
    const char *s = p->text;
    for (const char *q = s; (q = memchr(q, '\n', off - (size_t)(q - s))); q++) {
        line++;
        start = (size_t)(q - s) + 1;
    }
    return make_loc(p, line, 1 + base_utf8_count(s + start, off - start));
}

// Binary data and broken encodings make every later position meaningless,
// so they are reported and the parse stops.
static bool check_input(Parser *p)
{
    if (p->size == 0)
        return true;
    const char *nul = memchr(p->text, '\0', p->size);
    size_t bad = 0;
    bool utf8 = base_utf8_valid((const unsigned char *)p->text, p->size, &bad);
    if (nul)
        report(p, offset_loc(p, (size_t)(nul - p->text)), AU_SEVERITY_ERROR,
               "binary", "binary data (NUL byte)");
    if (!utf8)
        report(p, offset_loc(p, bad), AU_SEVERITY_ERROR, "utf8",
               "invalid UTF-8 at byte offset %zu", p->bom + bad);
    return !nul && utf8;
}

/* ---- scanner: physical lines to logical lines ---------------------- */

typedef struct Scanner {
    Parser *p;
    const char *s;
    size_t n;
    size_t line_start; // offset of the current physical line
    size_t line_no;
    size_t clean_start;
    size_t cut_first;
    size_t note_first;
    bool cut_seen;
    // Column of offset col_off on the current line; queries only move
    // forward, so a line with many notes is still counted once.
    size_t col_off;
    size_t col;
} Scanner;

static void begin_line(Scanner *sc, size_t start, size_t line_no)
{
    sc->line_start = start;
    sc->line_no = line_no;
    sc->clean_start = sc->p->clean_len;
    sc->cut_first = sc->p->cuts.len;
    sc->note_first = sc->p->notes.len;
    sc->cut_seen = false;
    sc->col_off = start;
    sc->col = 1;
}

static AuSrcLoc scan_loc(Scanner *sc, size_t pos)
{
    if (pos < sc->col_off) {
        sc->col_off = sc->line_start;
        sc->col = 1;
    }
    sc->col += base_utf8_count(sc->s + sc->col_off, pos - sc->col_off);
    sc->col_off = pos;
    return make_loc(sc->p, sc->line_no, sc->col);
}

// Closes the current logical line. A line that held only cut-out text is
// a ghost: it is dropped, so a note or boneyard on its own line neither
// breaks a paragraph nor counts as a blank line.
static AuStatus end_line(Scanner *sc)
{
    Parser *p = sc->p;
    size_t len = p->clean_len - sc->clean_start;
    if (len > 0 && p->clean[p->clean_len - 1] == '\r') {
        len--;
        p->clean_len--;
    }
    const char *t = p->clean + sc->clean_start;
    bool blank = skip_blank(t, 0, len) == len;
    ScanNote *notes = p->notes.data;
    if (blank && sc->cut_seen) {
        p->clean_len = sc->clean_start;
        p->cuts.len = sc->cut_first;
        for (size_t i = sc->note_first; i < p->notes.len; i++)
            notes[i].key = 2 * p->lines.len;
        return AU_OK;
    }
    for (size_t i = sc->note_first; i < p->notes.len; i++)
        notes[i].key = 2 * p->lines.len + 1;
    ScanLine l = { .clean = sc->clean_start,
                   .len = len,
                   .src = sc->line_start,
                   .line_no = sc->line_no,
                   .cut_first = sc->cut_first,
                   .cut_count = p->cuts.len - sc->cut_first,
                   .blank = blank,
                   .two_space = len == 2 && t[0] == ' ' && t[1] == ' ' };
    return base_vec_push(&p->lines, &l);
}

// Removes source bytes [from, to). When they span line ends, the logical
// line ends at @p from and the next one starts on the line holding @p to,
// so every logical line maps to one physical line.
static AuStatus scan_cut(Scanner *sc, size_t from, size_t to)
{
    Parser *p = sc->p;
    size_t breaks = 0, last_nl = 0;
    for (size_t i = from; i < to; i++) {
        if (sc->s[i] == '\n') {
            breaks++;
            last_nl = i;
        }
    }
    sc->cut_seen = true;
    if (breaks > 0) {
        AuStatus st = end_line(sc);
        if (st != AU_OK)
            return st;
        begin_line(sc, last_nl + 1, sc->line_no + breaks);
        sc->cut_seen = true;
        from = last_nl + 1;
    }
    ScanCut cut = { p->clean_len - sc->clean_start, to - from };
    return base_vec_push(&p->cuts, &cut);
}

static void keep_bytes(Scanner *sc, size_t pos, size_t n)
{
    memcpy(sc->p->clean + sc->p->clean_len, sc->s + pos, n);
    sc->p->clean_len += n;
}

static AuStatus scan_boneyard(Scanner *sc, size_t *pos)
{
    Parser *p = sc->p;
    size_t start = *pos, end = SIZE_MAX;
    if (!p->boneyard_failed) {
        for (size_t i = start + 2; i + 1 < sc->n; i++) {
            if (sc->s[i] == '*' && sc->s[i + 1] == '/') {
                end = i + 2;
                break;
            }
        }
        p->boneyard_failed = end == SIZE_MAX;
    }
    if (end == SIZE_MAX) {
        report(p, scan_loc(sc, start), AU_SEVERITY_ERROR, "unclosed-boneyard",
               "unclosed boneyard: '/*' has no matching '*/'");
        keep_bytes(sc, start, 2);
        *pos = start + 2;
        return AU_OK;
    }
    *pos = end;
    return scan_cut(sc, start, end);
}

// A whole line inside a note: blank ends the note unless it is exactly
// two spaces (Fountain's way to keep a blank line inside an element).
static bool note_breaking_line(const char *s, size_t b, size_t e)
{
    if (e > b && s[e - 1] == '\r')
        e--;
    for (size_t i = b; i < e; i++)
        if (!is_blank_char(s[i]))
            return false;
    return !(e - b == 2 && s[b] == ' ' && s[b + 1] == ' ');
}

static bool is_note_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static AuStatus scan_note(Scanner *sc, size_t *pos)
{
    Parser *p = sc->p;
    const char *s = sc->s;
    size_t start = *pos, i = start + 2, close = SIZE_MAX;
    // The first non-space character inside, and the line it is on;
    // first_ls stays SIZE_MAX while that is the opening line.
    size_t first = SIZE_MAX, first_ls = SIZE_MAX, first_ln = 0;
    if (start >= p->note_fail_until) {
        size_t ls = SIZE_MAX, ln = sc->line_no;
        for (; i < sc->n; i++) {
            char c = s[i];
            if (c == ']' && i + 1 < sc->n && s[i + 1] == ']') {
                close = i;
                break;
            }
            if (c == '\n') {
                if (ls != SIZE_MAX && note_breaking_line(s, ls, i))
                    break;
                ls = i + 1;
                ln++;
            } else if (first == SIZE_MAX && !is_note_space(c)) {
                first = i;
                first_ls = ls;
                first_ln = ln;
            }
        }
        if (close == SIZE_MAX)
            p->note_fail_until = i;
    }
    if (close == SIZE_MAX) {
        report(p, scan_loc(sc, start), AU_SEVERITY_ERROR, "unclosed-note",
               "unclosed note: '[[' has no matching ']]' before the next "
               "blank line");
        keep_bytes(sc, start, 2);
        *pos = start + 2;
        return AU_OK;
    }
    ScanNote note = { 0 };
    if (first == SIZE_MAX) {
        first = close;
        note.loc = scan_loc(sc, start + 2);
    } else if (first_ls == SIZE_MAX) {
        note.loc = scan_loc(sc, first);
    } else {
        note.loc = make_loc(
            p, first_ln, 1 + base_utf8_count(s + first_ls, first - first_ls));
    }
    size_t last = close;
    while (last > first && is_note_space(s[last - 1]))
        last--;
    char *text = base_arena_alloc(&p->doc->arena, last - first + 1);
    if (!text)
        return AU_ENOMEM;
    // Line ends inside a note read as '\n' whatever the file uses.
    size_t n = 0;
    for (size_t k = first; k < last; k++)
        if (!(s[k] == '\r' && k + 1 < last && s[k + 1] == '\n'))
            text[n++] = s[k];
    text[n] = '\0';
    note.text = text;
    AuStatus st = base_vec_push(&p->notes, &note);
    if (st != AU_OK)
        return st;
    *pos = close + 2;
    return scan_cut(sc, start, close + 2);
}

static AuStatus scan(Parser *p)
{
    Scanner sc = { 0 };
    sc.p = p;
    sc.s = p->text;
    sc.n = p->size;
    begin_line(&sc, 0, 1);
    AuStatus st = AU_OK;
    size_t pos = 0;
    while (pos < sc.n && st == AU_OK) {
        char c = sc.s[pos];
        bool two = pos + 1 < sc.n;
        if (c == '\n') {
            st = end_line(&sc);
            begin_line(&sc, pos + 1, sc.line_no + 1);
            pos++;
        } else if (c == '/' && two && sc.s[pos + 1] == '*') {
            st = scan_boneyard(&sc, &pos);
        } else if (c == '[' && two && sc.s[pos + 1] == '[') {
            st = scan_note(&sc, &pos);
        } else {
            p->clean[p->clean_len++] = c;
            pos++;
        }
    }
    return st == AU_OK ? end_line(&sc) : st;
}

/* ---- emphasis ------------------------------------------------------ */

// "No token" in the EmphTok links.
#define NO_TOK SIZE_MAX

typedef enum EmphKind {
    EMPH_STAR1, // *italic*
    EMPH_STAR2, // **bold**
    EMPH_STAR3, // ***bold italic***
    EMPH_UNDER, // _underline_
    EMPH_KINDS
} EmphKind;

typedef enum EmphRole {
    ROLE_LITERAL, // an opener nothing closed: kept as text
    ROLE_ESCAPE,  // a backslash and the character it keeps literal
    ROLE_OPEN,
    ROLE_CLOSE
} EmphRole;

/** A marker in an element's text. Open markers form a stack through
 * @p below, and one chain per kind through @p prev_same, so a closer finds
 * its opener in O(1) and the whole pass stays linear. */
typedef struct EmphTok {
    size_t pos; // offset of the marker in the text
    size_t below;
    size_t prev_same;
    uint8_t len; // bytes of the marker
    uint8_t kind;
    uint8_t role;
} EmphTok;

static const uint32_t emph_styles[EMPH_KINDS] = {
    SCRIPT_STYLE_ITALIC, SCRIPT_STYLE_BOLD,
    SCRIPT_STYLE_BOLD | SCRIPT_STYLE_ITALIC, SCRIPT_STYLE_UNDERLINE
};

static bool is_space_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Letters, digits and any byte of a multi-byte character.
static bool is_word_byte(char c)
{
    unsigned char u = (unsigned char)c;
    return (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') ||
           (u >= 'a' && u <= 'z') || u >= 0x80;
}

static EmphTok *tok_at(Parser *p, size_t i)
{
    return (EmphTok *)p->toks.data + i;
}

// Finds the markers of t[0, len) and pairs them. Pairs live within one
// line, as Fountain says. A closer takes the nearest open marker of its
// own kind; the openers above that one stay literal, so pairs always nest
// and the spans never cross.
static AuStatus emph_scan(Parser *p, const char *t, size_t len)
{
    p->toks.len = 0;
    size_t top = NO_TOK;
    size_t top_kind[EMPH_KINDS] = { NO_TOK, NO_TOK, NO_TOK, NO_TOK };
    for (size_t i = 0; i < len;) {
        char c = t[i];
        if (c == '\n') {
            top = NO_TOK;
            for (size_t k = 0; k < EMPH_KINDS; k++)
                top_kind[k] = NO_TOK;
            i++;
            continue;
        }
        if (c == '\\' && i + 1 < len &&
            (t[i + 1] == '*' || t[i + 1] == '_' || t[i + 1] == '\\')) {
            EmphTok esc = { i, NO_TOK, NO_TOK, 2, 0, ROLE_ESCAPE };
            if (base_vec_push(&p->toks, &esc) != AU_OK)
                return AU_ENOMEM;
            i += 2;
            continue;
        }
        if (c != '*' && c != '_') {
            i++;
            continue;
        }
        size_t run = i;
        while (run < len && t[run] == c)
            run++;
        size_t n = run - i;
        size_t at = i;
        i = run;
        // Longer runs ("****", "__") are rules and blanks, not emphasis.
        if (c == '*' ? n > 3 : n > 1)
            continue;
        char before = at > 0 ? t[at - 1] : '\n';
        char after = run < len ? t[run] : '\n';
        bool can_open = !is_space_byte(after);
        bool can_close = !is_space_byte(before);
        // Underscores inside a word (snake_case) are not emphasis.
        if (c == '_') {
            can_open = can_open && !is_word_byte(before);
            can_close = can_close && !is_word_byte(after);
        }
        uint8_t kind = (uint8_t)(c == '_' ? EMPH_UNDER : n - 1);
        EmphTok tk = { at, NO_TOK, NO_TOK, (uint8_t)n, kind, ROLE_LITERAL };
        if (can_close && top_kind[kind] != NO_TOK) {
            size_t o = top_kind[kind];
            while (top != o) {
                const EmphTok *x = tok_at(p, top);
                top_kind[x->kind] = x->prev_same;
                top = x->below;
            }
            EmphTok *op = tok_at(p, o);
            op->role = ROLE_OPEN;
            top_kind[kind] = op->prev_same;
            top = op->below;
            tk.role = ROLE_CLOSE;
        } else if (can_open) {
            tk.below = top;
            tk.prev_same = top_kind[kind];
            top = top_kind[kind] = p->toks.len;
        } else {
            continue;
        }
        if (base_vec_push(&p->toks, &tk) != AU_OK)
            return AU_ENOMEM;
    }
    return AU_OK;
}

// Ends the span of @p style that began at output offset @p start, merging
// it into the previous span when they touch and match.
static AuStatus span_close(Parser *p, uint32_t style, size_t start, size_t end)
{
    if (style == 0 || end == start)
        return AU_OK;
    ScriptSpan *last = p->spans.len > 0
                           ? (ScriptSpan *)p->spans.data + p->spans.len - 1
                           : NULL;
    if (last && last->style == style && last->start + last->len == start) {
        last->len = to_u32(end - last->start);
        return AU_OK;
    }
    ScriptSpan sp = { to_u32(start), to_u32(end - start), style };
    return base_vec_push(&p->spans, &sp);
}

// Writes t[0, len) without its paired markers and escape backslashes to
// @p out (room for len bytes) and the styles to p->spans; *out_len is the
// length written.
static AuStatus emph_apply(Parser *p, const char *t, size_t len, char *out,
                           size_t *out_len)
{
    p->spans.len = 0;
    int depth[EMPH_KINDS] = { 0 };
    uint32_t style = 0;
    size_t o = 0, i = 0, span_start = 0;
    for (size_t k = 0; k < p->toks.len; k++) {
        const EmphTok *tk = tok_at(p, k);
        memcpy(out + o, t + i, tk->pos - i);
        o += tk->pos - i;
        i = tk->pos + tk->len;
        if (tk->role == ROLE_LITERAL) {
            memcpy(out + o, t + tk->pos, tk->len);
            o += tk->len;
            continue;
        }
        if (tk->role == ROLE_ESCAPE) {
            out[o++] = t[tk->pos + 1];
            continue;
        }
        depth[tk->kind] += tk->role == ROLE_OPEN ? 1 : -1;
        uint32_t now = 0;
        for (size_t q = 0; q < EMPH_KINDS; q++)
            if (depth[q] > 0)
                now |= emph_styles[q];
        if (now != style) {
            AuStatus st = span_close(p, style, span_start, o);
            if (st != AU_OK)
                return st;
            style = now;
            span_start = o;
        }
    }
    memcpy(out + o, t + i, len - i);
    *out_len = o + len - i;
    return AU_OK;
}

static bool has_emphasis(ScriptElemKind kind)
{
    return kind == SCRIPT_ELEM_ACTION || kind == SCRIPT_ELEM_DIALOGUE ||
           kind == SCRIPT_ELEM_PARENTHETICAL || kind == SCRIPT_ELEM_LYRIC ||
           kind == SCRIPT_ELEM_TRANSITION;
}

/* ---- helpers over logical lines ------------------------------------ */

static const ScanLine *line_at(const Parser *p, size_t i)
{
    return (const ScanLine *)p->lines.data + i;
}

static const char *line_text(const Parser *p, size_t i)
{
    return p->clean + line_at(p, i)->clean;
}

// Source position of clean offset @p off of logical line @p i.
static AuSrcLoc line_loc(const Parser *p, size_t i, size_t off)
{
    const ScanLine *l = line_at(p, i);
    // No cuts on the line means no cut array at all, not an offset into one.
    const ScanCut *cuts =
        l->cut_count ? (const ScanCut *)p->cuts.data + l->cut_first : NULL;
    size_t src = off;
    for (size_t k = 0; k < l->cut_count && cuts[k].at <= off; k++)
        src += cuts[k].len;
    return make_loc(p, l->line_no, 1 + base_utf8_count(p->text + l->src, src));
}

static AuStatus scratch_add(Parser *p, const char *s, size_t n)
{
    if (n == 0)
        return AU_OK;
    char *d = base_vec_grow(&p->scratch, n);
    if (!d)
        return AU_ENOMEM;
    memcpy(d, s, n);
    return AU_OK;
}

// The scratch text; "" before anything was added (data is still NULL).
static const char *scratch_text(const Parser *p)
{
    return p->scratch.len > 0 ? p->scratch.data : "";
}

// Pushes @p el with a copy of text[0, len) as its text, emphasis taken
// out into spans for the kinds that carry it.
static AuStatus push_elem(Parser *p, ScriptElem el, const char *text,
                          size_t len)
{
    char *copy = base_arena_alloc(&p->doc->arena, len + 1);
    if (!copy)
        return AU_ENOMEM;
    size_t n = len;
    p->toks.len = 0;
    if (has_emphasis(el.kind) && emph_scan(p, text, len) != AU_OK)
        return AU_ENOMEM;
    if (p->toks.len > 0) {
        if (emph_apply(p, text, len, copy, &n) != AU_OK)
            return AU_ENOMEM;
        el.span_count = p->spans.len;
        el.spans = base_vec_to_arena(&p->spans, &p->doc->arena);
        if (el.span_count > 0 && !el.spans)
            return AU_ENOMEM;
    } else {
        memcpy(copy, text, len);
    }
    copy[n] = '\0';
    el.text = copy;
    return base_vec_push(&p->elems, &el);
}

// Emits every pending note whose key is below @p key_limit: 2i+1 before
// an element starting on line i, 2i+2 after one ending on line i.
static AuStatus flush_notes(Parser *p, size_t key_limit)
{
    const ScanNote *notes = p->notes.data;
    while (p->note_next < p->notes.len && notes[p->note_next].key < key_limit) {
        const ScanNote *n = &notes[p->note_next++];
        ScriptElem el = { .kind = SCRIPT_ELEM_NOTE,
                          .text = n->text,
                          .loc = n->loc };
        AuStatus st = base_vec_push(&p->elems, &el);
        if (st != AU_OK)
            return st;
    }
    return AU_OK;
}

// Emits text [b, e) of line i as element @p el, with the notes around it.
static AuStatus emit_line(Parser *p, ScriptElem el, size_t i, size_t b,
                          size_t e)
{
    AuStatus st = flush_notes(p, 2 * i + 1);
    el.loc = line_loc(p, i, b);
    if (st == AU_OK)
        st = push_elem(p, el, line_text(p, i) + b, e - b);
    if (st == AU_OK)
        st = flush_notes(p, 2 * i + 2);
    return st;
}

/* ---- title page ---------------------------------------------------- */

static bool is_key_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (unsigned char)c >= 0x80;
}

// "Key:" at the very start of the line; *colon is the ':' offset.
static bool title_key(const char *t, size_t len, size_t *colon)
{
    if (len == 0 || !is_key_char(t[0]))
        return false;
    for (size_t i = 1; i < len; i++) {
        if (t[i] == ':') {
            *colon = i;
            return true;
        }
        if (!is_key_char(t[i]) && t[i] != ' ')
            return false;
    }
    return false;
}

static bool is_indented(const char *t, size_t len)
{
    return (len >= 1 && t[0] == '\t') ||
           (len >= 3 && t[0] == ' ' && t[1] == ' ' && t[2] == ' ');
}

static AuStatus finish_title(Parser *p, size_t line, size_t colon)
{
    const char *t = line_text(p, line);
    ScriptTitleEntry e = { 0 };
    e.key = base_arena_strndup(&p->doc->arena, t, trim_end(t, 0, colon));
    e.value =
        base_arena_strndup(&p->doc->arena, scratch_text(p), p->scratch.len);
    if (!e.key || !e.value)
        return AU_ENOMEM;
    e.loc = line_loc(p, line, 0);
    p->scratch.len = 0;
    return base_vec_push(&p->titles, &e);
}

// A title page is there only when the first line of the file is
// "Key: value" (or "Key:" with the value on indented lines below), so a
// body opening with "FADE IN:" is not mistaken for one. It runs to the
// first blank line; *body is the line after it.
static AuStatus parse_title(Parser *p, size_t *body)
{
    size_t n = p->lines.len, colon = 0;
    *body = 0;
    if (n == 0 || line_at(p, 0)->line_no != 1)
        return AU_OK;
    const char *t = line_text(p, 0);
    size_t len = line_at(p, 0)->len;
    if (!title_key(t, len, &colon))
        return AU_OK;
    if (skip_blank(t, colon + 1, len) == len &&
        (n < 2 || line_at(p, 1)->blank ||
         !is_indented(line_text(p, 1), line_at(p, 1)->len)))
        return AU_OK;

    p->scratch.len = 0;
    size_t key_line = 0, key_colon = 0, i = 0;
    AuStatus st = AU_OK;
    for (; i < n && !line_at(p, i)->blank && st == AU_OK; i++) {
        t = line_text(p, i);
        len = line_at(p, i)->len;
        size_t b = 0;
        if (title_key(t, len, &colon)) {
            if (i > 0)
                st = finish_title(p, key_line, key_colon);
            key_line = i;
            key_colon = colon;
            b = colon + 1;
        } else if (p->scratch.len > 0) {
            st = scratch_add(p, "\n", 1);
        }
        b = skip_blank(t, b, len);
        if (st == AU_OK)
            st = scratch_add(p, t + b, trim_end(t, b, len) - b);
    }
    if (st == AU_OK)
        st = finish_title(p, key_line, key_colon);
    *body = i;
    return st;
}

/* ---- classifier ---------------------------------------------------- */

typedef enum LineKind {
    LINE_ACTION,
    LINE_HEADING,
    LINE_CUE,
    LINE_TRANSITION,
    LINE_PAGE_BREAK,
    LINE_LYRIC,
    LINE_CENTERED,
    LINE_SECTION,
    LINE_SYNOPSIS
} LineKind;

typedef struct LineClass {
    LineKind kind;
    size_t b, e;       // the element's text in the line
    bool like_heading; // a heading prefix without the blank line after
    int depth;         // LINE_SECTION: the number of '#'
} LineClass;

static uint32_t decode_utf8(const char *t, size_t len, size_t *adv)
{
    unsigned c = (unsigned char)t[0];
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    // The text was validated, so n > len only guards against misuse.
    if (n == 1 || n > len) {
        *adv = 1;
        return c;
    }
    uint32_t cp = c & (0x7Fu >> n);
    for (size_t k = 1; k < n; k++)
        cp = (cp << 6) | ((unsigned char)t[k] & 0x3Fu);
    *adv = n;
    return cp;
}

// +1 upper case, -1 lower case, 0 uncased. Covers Latin, Greek and
// Cyrillic; scripts without case need '@' to force a character cue.
static int letter_case(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return 1;
    if (cp >= 'a' && cp <= 'z')
        return -1;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return 1;
    if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
        return -1;
    if (cp >= 0x100 && cp <= 0x17F) {
        if (cp == 0x138 || cp == 0x149 || cp == 0x17F)
            return -1;
        if (cp == 0x178)
            return 1;
        // Latin Extended-A pairs upper/lower on even/odd code points,
        // except these two runs, which are shifted by one.
        bool odd_upper =
            (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        return ((cp & 1u) != 0) == odd_upper ? 1 : -1;
    }
    if (cp >= 0x386 && cp <= 0x3AB && cp != 0x387 && cp != 0x390)
        return 1;
    if (cp >= 0x3AC && cp <= 0x3CE)
        return -1;
    if (cp >= 0x400 && cp <= 0x42F)
        return 1;
    if (cp >= 0x430 && cp <= 0x45F)
        return -1;
    return 0;
}

// True when t[b, e) has an upper-case letter and no lower-case one.
static bool is_upper_text(const char *t, size_t b, size_t e)
{
    bool upper = false;
    while (b < e) {
        size_t adv = 1;
        int c = letter_case(decode_utf8(t + b, e - b, &adv));
        if (c < 0)
            return false;
        upper = upper || c > 0;
        b += adv;
    }
    return upper;
}

// End of a cue's name: the first '(' or the end. The dual-dialogue '^' is
// stripped from *e first, and *dual says whether there was one.
static size_t cue_name_end(const char *t, size_t b, size_t *e, bool *dual)
{
    *dual = *e > b && t[*e - 1] == '^';
    if (*dual)
        *e = trim_end(t, b, *e - 1);
    const char *paren = memchr(t + b, '(', *e - b);
    return paren ? (size_t)(paren - t) : *e;
}

static bool is_cue(const char *t, size_t b, size_t e)
{
    bool dual = false;
    size_t end = cue_name_end(t, b, &e, &dual);
    return is_upper_text(t, b, end);
}

static bool has_heading_prefix(const char *t, size_t len)
{
    static const char *const prefixes[] = { "INT./EXT", "INT/EXT", "I/E",
                                            "INT",      "EXT",     "EST" };
    for (size_t k = 0; k < BASE_ARRAY_LEN(prefixes); k++) {
        size_t n = strlen(prefixes[k]);
        if (len > n && base_strncasecmp(t, prefixes[k], n) == 0 &&
            (t[n] == ' ' || t[n] == '.'))
            return true;
    }
    return false;
}

static bool is_page_break(const char *t, size_t b, size_t e)
{
    if (e - b < 3)
        return false;
    for (size_t i = b; i < e; i++)
        if (t[i] != '=')
            return false;
    return true;
}

// Decides what non-blank line @p i starts. Forcing characters win; the
// rest depends on the blank lines around it, as Fountain defines.
static LineClass classify(const Parser *p, size_t i, bool prev_blank)
{
    const ScanLine *l = line_at(p, i);
    const char *t = line_text(p, i);
    size_t b = skip_blank(t, 0, l->len), e = trim_end(t, b, l->len);
    bool next_blank = i + 1 >= p->lines.len || line_at(p, i + 1)->blank;
    // Action keeps its indentation.
    LineClass lc = { LINE_ACTION, 0, e, false, 0 };
    LineClass forced = { LINE_ACTION, skip_blank(t, b + 1, e), e, false, 0 };
    switch (t[b]) {
    case '!':
        return forced;
    case '~':
        forced.kind = LINE_LYRIC;
        return forced;
    case '=':
        if (is_page_break(t, b, e)) {
            forced.kind = LINE_PAGE_BREAK;
            forced.b = b;
        } else {
            forced.kind = LINE_SYNOPSIS;
        }
        return forced;
    case '#': {
        size_t k = b;
        while (k < e && t[k] == '#')
            k++;
        forced.kind = LINE_SECTION;
        forced.b = skip_blank(t, k, e);
        forced.depth = (int)(k - b > INT_MAX ? INT_MAX : k - b);
        return forced;
    }
    case '>':
        if (e - b >= 2 && t[e - 1] == '<') {
            forced.kind = LINE_CENTERED;
            forced.e = trim_end(t, forced.b, e - 1);
            return forced;
        }
        if (forced.b < e) {
            forced.kind = LINE_TRANSITION;
            return forced;
        }
        break;
    case '.':
        if (prev_blank && b + 1 < e && t[b + 1] != '.') {
            forced.kind = LINE_HEADING;
            return forced;
        }
        break;
    case '@':
        if (prev_blank && forced.b < e) {
            forced.kind = LINE_CUE;
            return forced;
        }
        break;
    default:
        break;
    }
    if (!prev_blank)
        return lc;
    lc.b = b;
    if (has_heading_prefix(t + b, e - b)) {
        if (next_blank) {
            lc.kind = LINE_HEADING;
            return lc;
        }
        lc.like_heading = true;
    }
    if (next_blank && e - b >= 3 && memcmp(t + e - 3, "TO:", 3) == 0 &&
        is_upper_text(t, b, e)) {
        lc.kind = LINE_TRANSITION;
        return lc;
    }
    if (!next_blank && is_cue(t, b, e)) {
        lc.kind = LINE_CUE;
        return lc;
    }
    lc.b = 0;
    return lc;
}

/* ---- elements ------------------------------------------------------ */

static bool is_scene_number_char(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z') || c == '-' || c == '.';
}

static AuStatus emit_heading(Parser *p, size_t i, size_t b, size_t e)
{
    const char *t = line_text(p, i);
    ScriptElem el = { .kind = SCRIPT_ELEM_SCENE_HEADING };
    // A trailing scene number "#1A#" is production data, not heading text;
    // Fountain allows letters, digits, '-' and '.' in it.
    if (e - b >= 3 && t[e - 1] == '#') {
        size_t k = e - 1;
        while (k > b && is_scene_number_char(t[k - 1]))
            k--;
        if (k > b && k < e - 1 && t[k - 1] == '#') {
            el.number = base_arena_strndup(&p->doc->arena, t + k, e - 1 - k);
            if (!el.number)
                return AU_ENOMEM;
            e = trim_end(t, b, k - 1);
        }
    }
    p->scenes++;
    return emit_line(p, el, i, b, e);
}

// Builds a cue's extension from "(V.O.)" or "(V.O.) (CONT'D)" groups,
// joined with a space; *ok is false when the groups are malformed.
static const char *cue_extension(Parser *p, const char *t, size_t b, size_t e,
                                 bool *ok)
{
    *ok = true;
    p->scratch.len = 0;
    AuStatus st = AU_OK;
    while (b < e && st == AU_OK) {
        b = skip_blank(t, b, e);
        const char *close = memchr(t + b, ')', e - b);
        if (t[b] != '(' || !close) {
            *ok = false;
            break;
        }
        size_t c = (size_t)(close - t);
        size_t ib = skip_blank(t, b + 1, c), ie = trim_end(t, ib, c);
        if (p->scratch.len > 0)
            st = scratch_add(p, " ", 1);
        if (st == AU_OK)
            st = scratch_add(p, t + ib, ie - ib);
        b = c + 1;
    }
    if (st != AU_OK)
        return NULL;
    return base_arena_strndup(&p->doc->arena, scratch_text(p), p->scratch.len);
}

static AuStatus emit_cue(Parser *p, size_t i, size_t b, size_t e)
{
    const char *t = line_text(p, i);
    ScriptElem el = { .kind = SCRIPT_ELEM_CHARACTER };
    size_t name_end = cue_name_end(t, b, &e, &el.dual);
    if (name_end < e) {
        bool ok = true;
        el.extension = cue_extension(p, t, name_end, e, &ok);
        if (!el.extension)
            return AU_ENOMEM;
        if (!ok)
            report(p, line_loc(p, i, name_end), AU_SEVERITY_WARNING,
                   "cue-extension",
                   "character extension '%.*s' is not of the form '(V.O.)'",
                   quote_len(t + name_end, e - name_end, 60), t + name_end);
    }
    return emit_line(p, el, i, b, trim_end(t, b, name_end));
}

// Emits the lines gathered in the scratch as element @p el, whose last
// line is @p last, and the notes that stood inside it.
static AuStatus emit_scratch(Parser *p, ScriptElem el, size_t last)
{
    AuStatus st = push_elem(p, el, scratch_text(p), p->scratch.len);
    return st == AU_OK ? flush_notes(p, 2 * last + 2) : st;
}

// The lines after a cue up to a blank line: parentheticals, dialogue and
// sung lyrics ('~'); a line of two spaces keeps the current one going.
static AuStatus parse_dialogue(Parser *p, size_t *pi)
{
    size_t i = *pi, last = 0;
    bool open = false;
    ScriptElem el = { .kind = SCRIPT_ELEM_DIALOGUE };
    AuStatus st = AU_OK;
    for (; i < p->lines.len && st == AU_OK; i++) {
        const ScanLine *l = line_at(p, i);
        if (l->blank && !l->two_space)
            break;
        const char *t = line_text(p, i);
        size_t b = skip_blank(t, 0, l->len), e = trim_end(t, b, l->len);
        if (e - b >= 2 && t[b] == '(' && t[e - 1] == ')') {
            if (open)
                st = emit_scratch(p, el, last);
            open = false;
            ScriptElem paren = { .kind = SCRIPT_ELEM_PARENTHETICAL };
            if (st == AU_OK)
                st = emit_line(p, paren, i, b, e);
            continue;
        }
        ScriptElemKind kind = SCRIPT_ELEM_DIALOGUE;
        if (b < e && t[b] == '~') {
            kind = SCRIPT_ELEM_LYRIC;
            b = skip_blank(t, b + 1, e);
        } else if (l->blank && open) {
            kind = el.kind;
        }
        if (open && kind != el.kind) {
            st = emit_scratch(p, el, last);
            open = false;
        }
        if (st == AU_OK && !open) {
            st = flush_notes(p, 2 * i + 1);
            open = true;
            el = (ScriptElem){ .kind = kind, .loc = line_loc(p, i, b) };
            p->scratch.len = 0;
        } else if (st == AU_OK) {
            st = scratch_add(p, "\n", 1);
        }
        if (st == AU_OK)
            st = scratch_add(p, t + b, e - b);
        last = i;
    }
    if (st == AU_OK && open)
        st = emit_scratch(p, el, last);
    *pi = i;
    return st;
}

// A paragraph of consecutive lines of one class (action, lyric or
// centred), joined with '\n'; @p el is the element it becomes.
static AuStatus parse_paragraph(Parser *p, size_t *pi, LineClass lc,
                                ScriptElem el)
{
    size_t i = *pi;
    AuStatus st = flush_notes(p, 2 * i + 1);
    el.loc = line_loc(p, i, lc.b);
    p->scratch.len = 0;
    if (st == AU_OK)
        st = scratch_add(p, line_text(p, i) + lc.b, lc.e - lc.b);
    size_t last = i++;
    while (st == AU_OK && i < p->lines.len && !line_at(p, i)->blank) {
        LineClass next = classify(p, i, false);
        if (next.kind != lc.kind)
            break;
        st = scratch_add(p, "\n", 1);
        if (st == AU_OK)
            st = scratch_add(p, line_text(p, i) + next.b, next.e - next.b);
        last = i++;
    }
    if (st == AU_OK)
        st = emit_scratch(p, el, last);
    *pi = i;
    return st;
}

static AuStatus parse_body(Parser *p, size_t i)
{
    bool prev_blank = true;
    AuStatus st = AU_OK;
    while (i < p->lines.len && st == AU_OK) {
        if (line_at(p, i)->blank) {
            prev_blank = true;
            i++;
            continue;
        }
        LineClass lc = classify(p, i, prev_blank);
        if (lc.like_heading) {
            const char *t = line_text(p, i) + lc.b;
            report(p, line_loc(p, i, lc.b), AU_SEVERITY_WARNING,
                   "heading-blank",
                   "'%.*s' looks like a scene heading but has no blank line "
                   "after it, so it is read as %s",
                   quote_len(t, lc.e - lc.b, 60), t,
                   lc.kind == LINE_CUE ? "a character cue" : "action");
        }
        // Outline lines are not printed, so they do not stand between a
        // blank line and the heading or cue after them.
        prev_blank =
            prev_blank && (lc.kind == LINE_SECTION || lc.kind == LINE_SYNOPSIS);
        ScriptElem el = { .kind = SCRIPT_ELEM_ACTION };
        switch (lc.kind) {
        case LINE_PAGE_BREAK:
            el.kind = SCRIPT_ELEM_PAGE_BREAK;
            st = emit_line(p, el, i, lc.b, lc.b);
            i++;
            break;
        case LINE_SECTION:
            el.kind = SCRIPT_ELEM_SECTION;
            el.depth = lc.depth;
            st = emit_line(p, el, i, lc.b, lc.e);
            i++;
            break;
        case LINE_SYNOPSIS:
            el.kind = SCRIPT_ELEM_SYNOPSIS;
            st = emit_line(p, el, i, lc.b, lc.e);
            i++;
            break;
        case LINE_HEADING:
            st = emit_heading(p, i, lc.b, lc.e);
            i++;
            break;
        case LINE_TRANSITION:
            el.kind = SCRIPT_ELEM_TRANSITION;
            st = emit_line(p, el, i, lc.b, lc.e);
            i++;
            break;
        case LINE_CUE:
            st = emit_cue(p, i, lc.b, lc.e);
            i++;
            if (st == AU_OK)
                st = parse_dialogue(p, &i);
            break;
        case LINE_LYRIC:
            el.kind = SCRIPT_ELEM_LYRIC;
            st = parse_paragraph(p, &i, lc, el);
            break;
        case LINE_CENTERED:
            el.centered = true;
            st = parse_paragraph(p, &i, lc, el);
            break;
        case LINE_ACTION:
            st = parse_paragraph(p, &i, lc, el);
            break;
        }
    }
    return st == AU_OK ? flush_notes(p, SIZE_MAX) : st;
}

/* ---- public API ---------------------------------------------------- */

static AuStatus finish_doc(Parser *p)
{
    ScriptDoc *doc = p->doc;
    doc->elems = base_vec_to_arena(&p->elems, &doc->arena);
    doc->elem_count = p->elems.len;
    doc->title = base_vec_to_arena(&p->titles, &doc->arena);
    doc->title_count = p->titles.len;
    if ((doc->elem_count && !doc->elems) || (doc->title_count && !doc->title))
        return AU_ENOMEM;
    return AU_OK;
}

static AuStatus parse(Parser *p, const AuAllocator *alloc)
{
    if (!check_input(p))
        return AU_ESYNTAX;
    p->clean = base_realloc(alloc, NULL, p->size + 1);
    if (!p->clean)
        return AU_ENOMEM;
    size_t body = 0;
    AuStatus st = scan(p);
    if (st == AU_OK)
        st = parse_title(p, &body);
    if (st == AU_OK)
        st = parse_body(p, body);
    if (st != AU_OK)
        return st;
    if (p->scenes == 0)
        report(p, make_loc(p, 1, 1), AU_SEVERITY_ERROR, "no-scene",
               "no scene heading: a screenplay needs at least one, e.g. "
               "'INT. HOUSE - DAY'");
    if (p->errors > 0)
        return AU_ESYNTAX;
    return finish_doc(p);
}

AuStatus script_parse(const AuAllocator *alloc, BaseDiag *diag,
                      const char *file, const char *data, size_t size,
                      ScriptDoc **out)
{
    if (!alloc || !out || (!data && size > 0))
        return AU_EINVAL;
    ScriptDoc *doc = base_calloc(alloc, 1, sizeof *doc);
    if (!doc)
        return AU_ENOMEM;
    base_arena_init(&doc->arena, alloc);
    doc->file = base_arena_strdup(&doc->arena, file ? file : "-");
    if (!doc->file) {
        script_doc_free(&doc);
        return AU_ENOMEM;
    }

    Parser p = { 0 };
    p.diag = diag;
    p.doc = doc;
    p.text = data ? data : "";
    p.size = size;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        p.bom = 3;
        p.text += 3;
        p.size -= 3;
    }
    base_vec_init(&p.lines, alloc, sizeof(ScanLine));
    base_vec_init(&p.cuts, alloc, sizeof(ScanCut));
    base_vec_init(&p.notes, alloc, sizeof(ScanNote));
    base_vec_init(&p.elems, alloc, sizeof(ScriptElem));
    base_vec_init(&p.titles, alloc, sizeof(ScriptTitleEntry));
    base_vec_init(&p.scratch, alloc, 1);
    base_vec_init(&p.toks, alloc, sizeof(EmphTok));
    base_vec_init(&p.spans, alloc, sizeof(ScriptSpan));

    AuStatus st = parse(&p, alloc);

    base_free(alloc, p.clean);
    base_vec_fini(&p.lines);
    base_vec_fini(&p.cuts);
    base_vec_fini(&p.notes);
    base_vec_fini(&p.elems);
    base_vec_fini(&p.titles);
    base_vec_fini(&p.scratch);
    base_vec_fini(&p.toks);
    base_vec_fini(&p.spans);
    if (st != AU_OK) {
        script_doc_free(&doc);
        return st;
    }
    *out = doc;
    return AU_OK;
}

void script_doc_free(ScriptDoc **doc)
{
    if (!doc || !*doc)
        return;
    const AuAllocator *alloc = (*doc)->arena.alloc;
    base_arena_fini(&(*doc)->arena);
    base_free(alloc, *doc);
    *doc = NULL;
}

const char *script_title_value(const ScriptDoc *doc, const char *key)
{
    if (!doc || !key)
        return NULL;
    size_t n = strlen(key);
    for (size_t i = 0; i < doc->title_count; i++)
        if (base_str_ieq_n(doc->title[i].key, key, n))
            return doc->title[i].value;
    return NULL;
}

const char *script_elem_kind_name(ScriptElemKind kind)
{
    switch (kind) {
    case SCRIPT_ELEM_SCENE_HEADING:
        return "scene_heading";
    case SCRIPT_ELEM_ACTION:
        return "action";
    case SCRIPT_ELEM_CHARACTER:
        return "character";
    case SCRIPT_ELEM_PARENTHETICAL:
        return "parenthetical";
    case SCRIPT_ELEM_DIALOGUE:
        return "dialogue";
    case SCRIPT_ELEM_TRANSITION:
        return "transition";
    case SCRIPT_ELEM_NOTE:
        return "note";
    case SCRIPT_ELEM_PAGE_BREAK:
        return "page_break";
    case SCRIPT_ELEM_LYRIC:
        return "lyric";
    case SCRIPT_ELEM_SECTION:
        return "section";
    case SCRIPT_ELEM_SYNOPSIS:
        return "synopsis";
    }
    return "unknown";
}
