/* direct/text.c: the plan as a shot list a crew could read, one line a
 * shot under a line a scene (`auteur plan --format text`). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "direct.h"

typedef struct Out {
    char *buf;
    size_t len, cap;
    bool oom;
} Out;

static void put(Out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void put(Out *o, const char *fmt, ...)
{
    if (o->oom)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        o->oom = true;
        return;
    }
    if (o->len + (size_t)n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 1024;
        while (cap < o->len + (size_t)n + 1)
            cap *= 2;
        char *b = realloc(o->buf, cap);
        if (!b) {
            o->oom = true;
            return;
        }
        o->buf = b;
        o->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
    va_end(ap);
    o->len += (size_t)n;
}

static void put_names(Out *o, const Production *p, const size_t *idx, size_t n,
                      int width)
{
    char line[256] = "";
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(line + len, sizeof line - len, "%s%s", i ? ", " : "",
                         p->cast[idx[i]].name);
        if (w < 0 || (size_t)w >= sizeof line - len)
            break;
        len += (size_t)w;
    }
    put(o, "%-*s", width, n ? line : "-");
}

AuStatus direct_plan_text(const Production *p, char **out)
{
    Out o = { NULL, 0, 0, false };
    put(&o, "%s: shot list, %zu shots, %.1f s, %.2f:1\n",
        p->title ? p->title : p->file, p->shot_count, p->duration_s, p->aspect);
    size_t scene = SIZE_MAX;
    for (size_t i = 0; i < p->shot_count; i++) {
        const DirectShot *s = &p->shots[i];
        if (s->scene != scene) {
            scene = s->scene;
            const DirectScene *sc = &p->scenes[scene];
            put(&o, "\nSCENE %zu  %s  (%s, %s)  line %u\n", scene + 1,
                sc->heading, direct_tod_name(sc->time_of_day),
                direct_weather_name(sc->weather), (unsigned)sc->loc.line);
            put(&o,
                "  %-3s %-7s %-6s %-4s %-17s %-20s %-10s %-6s %-6s "
                "%-12s %-10s %s\n",
                "#", "start", "length", "size", "kind", "subjects", "angle",
                "lens", "stop", "move", "in", "chosen by");
        }
        int min = (int)(s->start_s / 60.0);
        double sec = s->start_s - 60.0 * min;
        put(&o, "  %-3zu %d:%04.1f  %5.1fs %-4s %-17s ", i + 1, min, sec,
            s->duration_s, direct_shot_size_name(s->size),
            direct_shot_kind_name(s->kind));
        if (s->subject == SIZE_MAX) {
            const DirectScene *sc = &p->scenes[s->scene];
            put_names(&o, p, sc->cast, sc->cast_count, 20);
        } else {
            size_t who[2] = { s->subject, s->partner };
            put_names(&o, p, who, s->partner == SIZE_MAX ? 1 : 2, 20);
        }
        char move[32];
        snprintf(move, sizeof move, "%s%s", direct_move_name(s->move),
                 s->move_speed < 1.0   ? " slow"
                 : s->move_speed > 1.0 ? " fast"
                                       : "");
        put(&o, " %-10s %3.0fmm  f/%-4.1f %-12s %-10s %s\n",
            direct_angle_name(s->angle), s->lens_mm, s->f_stop, move,
            direct_transition_name(s->transition),
            s->reason ? s->reason : "auteur");
    }
    if (p->warning_count)
        put(&o, "\n%zu warning%s (see the JSON plan)\n", p->warning_count,
            p->warning_count == 1 ? "" : "s");
    if (o.oom) {
        free(o.buf);
        return AU_ENOMEM;
    }
    *out = o.buf;
    return AU_OK;
}
