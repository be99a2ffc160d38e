/* direct/write.c: a planned shot written back as a shot note, in the same
 * words docs/language.md teaches, so `auteur lint --fix` can put its
 * corrections into a copy of the script that plans to the fixed shot. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "direct.h"

typedef struct Out {
    char *buf;
    size_t cap, len;
    bool full;
} Out;

static void put(Out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= o->cap - o->len) {
        o->full = true;
        o->buf[o->len] = '\0';
        return;
    }
    o->len += (size_t)n;
}

// Starts a comma-separated clause.
static void clause(Out *o)
{
    if (o->len > 0)
        put(o, ", ");
}

static const char *cast_name(const Production *p, size_t i)
{
    return i < p->cast_count ? p->cast[i].name : NULL;
}

static void write_move(Out *o, const DirectShot *s)
{
    double a = s->move_amount;
    bool back = a < 0.0;
    switch (s->move) {
    case DIRECT_MOVE_PAN:
    case DIRECT_MOVE_TILT: {
        bool pan = s->move == DIRECT_MOVE_PAN;
        put(o, "%s %s", pan ? "pan" : "tilt",
            pan ? (back ? "left" : "right") : (back ? "down" : "up"));
        if (fabs(a) != 0.0 && fabs(a) != 1.0)
            put(o, " %gdeg", fabs(a));
        break;
    }
    case DIRECT_MOVE_TRUCK:
        put(o, "truck %s", back ? "left" : "right");
        break;
    case DIRECT_MOVE_PEDESTAL:
        put(o, "pedestal %s", back ? "down" : "up");
        break;
    case DIRECT_MOVE_ORBIT:
        put(o, "orbit");
        if (a != 0.0)
            put(o, " %gdeg", a);
        break;
    case DIRECT_MOVE_ZOOM:
        if (a == 0.0)
            put(o, "zoom in");
        else if (a < 0.0)
            put(o, "zoom out");
        else if (a < 1.0)
            put(o, "zoom out %gx", 1.0 / a);
        else
            put(o, "zoom in %gx", a);
        break;
    default:
        put(o, "%s", direct_move_name(s->move));
        break;
    }

    static const struct {
        double speed;
        const char *word;
    } speeds[] = { { 0.25, "very slow" },
                   { 0.5, "slow" },
                   { 0.6, "gentle" },
                   { 2.0, "fast" },
                   { 3.0, "very fast" } };

    for (size_t i = 0; i < sizeof speeds / sizeof speeds[0]; i++)
        if (fabs(s->move_speed - speeds[i].speed) < 1e-9)
            put(o, " %s", speeds[i].word);
}

AuStatus direct_shot_note(const Production *prod, const DirectShot *s,
                          char *buf, size_t cap)
{
    if (!prod || !s || !buf || cap < 16)
        return AU_EINVAL;
    Out o = { buf, cap, 0, false };
    buf[0] = '\0';
    uint32_t by = s->set_by;
    if (by & DIRECT_SET_SIZE) {
        clause(&o);
        put(&o, "%s", direct_shot_size_name(s->size));
    }
    if ((by & DIRECT_SET_KIND) || s->kind == DIRECT_KIND_INSERT) {
        put(&o, o.len ? " %s" : "%s", direct_shot_kind_name(s->kind));
        if (s->kind == DIRECT_KIND_INSERT && s->insert)
            put(&o, " %s", s->insert);
    }
    if (by & DIRECT_SET_SUBJECT) {
        const char *a = cast_name(prod, s->subject);
        const char *b = cast_name(prod, s->partner);
        if (a)
            put(&o, o.len ? " %s" : "%s", a);
        if (a && b)
            put(&o, " %s", b);
    }
    if (by & DIRECT_SET_ANGLE) {
        clause(&o);
        put(&o, "%s", direct_angle_name(s->angle));
        bool deg = s->angle == DIRECT_ANGLE_LOW ||
                   s->angle == DIRECT_ANGLE_HIGH ||
                   s->angle == DIRECT_ANGLE_DUTCH;
        if (deg && s->angle_deg != 15.0)
            put(&o, " %gdeg", s->angle_deg);
    }
    if (by & (DIRECT_SET_LENS | DIRECT_SET_F_STOP)) {
        clause(&o);
        if (by & DIRECT_SET_LENS)
            put(&o, "%gmm", s->lens_mm);
        if (by & DIRECT_SET_F_STOP)
            put(&o, (by & DIRECT_SET_LENS) ? " f/%g" : "f/%g", s->f_stop);
    }
    if (by & DIRECT_SET_FOCUS) {
        const char *to = cast_name(prod, s->focus);
        const char *from = cast_name(prod, s->rack_from);
        if (to) {
            clause(&o);
            if (s->rack && from)
                put(&o, "rack focus from %s to %s", from, to);
            else
                put(&o, "%s %s", s->rack ? "rack focus to" : "focus on", to);
        }
    }
    if ((by & DIRECT_SET_MOVE) && s->move != DIRECT_MOVE_HANDHELD) {
        clause(&o);
        write_move(&o, s);
    }
    if (s->handheld) {
        clause(&o);
        put(&o, "handheld");
    }
    if (s->reverse_side) {
        clause(&o);
        put(&o, "across the line");
    }
    if (by & DIRECT_SET_DURATION) {
        clause(&o);
        put(&o, "%gs", s->duration_s);
    }
    if (o.len == 0)
        put(&o, "%s", direct_shot_size_name(s->size));
    return o.full ? AU_EINVAL : AU_OK;
}

// Byte offset of line @p line, column @p col (code points, both from 1)
// in @p text, or SIZE_MAX past its end.
static size_t offset_of(const char *text, size_t len, unsigned line,
                        unsigned col)
{
    size_t i = 0;
    for (unsigned l = 1; l < line; l++) {
        const char *nl = memchr(text + i, '\n', len - i);
        if (!nl)
            return SIZE_MAX;
        i = (size_t)(nl - text) + 1;
    }
    for (unsigned c = 1; c < col && i < len; c++) {
        i++;
        while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
            i++;
    }
    return i <= len ? i : SIZE_MAX;
}

// The bytes [*a, *b) of the [[shot: ...]] note whose body is at @p at.
static bool note_span(const char *text, size_t len, size_t at, size_t *a,
                      size_t *b)
{
    size_t i = at;
    while (i >= 2 && !(text[i - 2] == '[' && text[i - 1] == '['))
        if (text[--i] == '\n' || at - i > 64)
            return false;
    if (i < 2)
        return false;
    size_t j = i;
    while (j < len && (text[j] == ' ' || text[j] == '\t'))
        j++;
    if (len - j < 4 || strncasecmp(text + j, "shot", 4) != 0)
        return false;
    for (size_t k = j; k + 1 < len; k++) {
        if (text[k] == ']' && text[k + 1] == ']') {
            *a = i - 2;
            *b = k + 2;
            return true;
        }
    }
    return false;
}

AuStatus direct_script_rewrite(const AuAllocator *alloc, const Production *prod,
                               const char *text, size_t len,
                               const size_t *shot_index,
                               const DirectShot *shots, size_t count,
                               char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    char note[1024];
    size_t extra = count * (sizeof note + 16);
    char *buf = base_calloc(alloc, len + extra + 1, 1);
    if (!buf)
        return AU_ENOMEM;
    size_t from = 0, n = 0;
    // Shots come in script order, so their notes do too.
    for (size_t k = 0; k < count; k++) {
        size_t i = shot_index[k];
        if (i >= prod->shot_count)
            goto invalid;
        const DirectShot *orig = &prod->shots[i];
        size_t at = offset_of(text, len, orig->loc.line, orig->loc.col);
        size_t a, b;
        if (at == SIZE_MAX || !note_span(text, len, at, &a, &b) || a < from ||
            direct_shot_note(prod, &shots[k], note, sizeof note) != AU_OK)
            goto invalid;
        memcpy(buf + n, text + from, a - from);
        n += a - from;
        n += (size_t)snprintf(buf + n, sizeof note + 16, "[[shot: %s]]", note);
        from = b;
    }
    memcpy(buf + n, text + from, len - from);
    n += len - from;
    buf[n] = '\0';
    *out = buf;
    *out_len = n;
    return AU_OK;
invalid:
    base_free(alloc, buf);
    return AU_EINVAL;
}
