/* bench/bench_parse.c: times the script stage's Fountain parser on a
 * generated 300-page screenplay (about 56 lines a page) and prints the
 * median of 20 parses. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script/script.h"

enum {
    PAGES = 300,
    LINES_PER_PAGE = 56,
    RUNS = 20
};

typedef struct Text {
    char *data;
    size_t len, cap;
    size_t lines;
} Text;

static void add_line(Text *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void add_line(Text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (t->len + (size_t)n + 2 > t->cap) {
        t->cap = 2 * t->cap + (size_t)n + 2;
        t->data = realloc(t->data, t->cap);
        if (!t->data) {
            fprintf(stderr, "bench_parse: out of memory\n");
            exit(1);
        }
    }
    va_start(ap, fmt);
    vsnprintf(t->data + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
    t->data[t->len++] = '\n';
    t->lines++;
}

static const char *const names[] = { "BRICK", "STEEL", "NORA", "DEV" };
static const char *const places[] = { "PATIO", "DESERT ROAD", "DINER",
                                      "MOTEL ROOM", "GAS STATION" };
static const char *const times[] = { "DAY", "NIGHT", "DUSK", "DAWN" };

// One block of lines (ending in a blank line); how many lines it adds.
static size_t add_block(Text *t, size_t page, size_t k)
{
    size_t before = t->lines;
    const char *a = names[(page + k) % 4], *b = names[(page + k + 1) % 4];
    switch (k % 6) {
    case 0:
        add_line(t,
                 "%s leans on the counter, *tired*, and counts the "
                 "change twice. [[shot: MS %s]]",
                 a, a);
        add_line(t, "Outside, a truck idles with its **headlights** on.");
        break;
    case 1:
        add_line(t, "%s", a);
        add_line(t, "(not looking up)");
        add_line(t, "You said that yesterday. And the day before.");
        add_line(t, "I'm starting to think you _mean_ it.");
        break;
    case 2:
        add_line(t, "%s (V.O.)", b);
        add_line(t, "Maybe I do. Maybe I just like the sound of it.");
        break;
    case 3:
        add_line(t, "[[look: noir]]");
        add_line(t, "The jukebox skips. Nobody moves to fix it. "
                    "/* cut: the song title */");
        break;
    case 4:
        add_line(t, "%s", a);
        add_line(t, "Price is \\*still\\* four dollars.");
        add_line(t, "(beat)");
        add_line(t, "Same as always.");
        break;
    default:
        add_line(t, "%s ^", b);
        add_line(t, "Same as ***always***.");
        break;
    }
    add_line(t, "%s", "");
    return t->lines - before;
}

static void make_script(Text *t)
{
    add_line(t, "Title: Bench");
    add_line(t, "Author: bench_parse");
    add_line(t, "%s", "");
    for (size_t p = 0; p < PAGES; p++) {
        size_t start = t->lines;
        add_line(t, "INT. %s - %s #%zu#", places[p % 5], times[p % 4], p + 1);
        add_line(t, "%s", "");
        add_line(t, "[[shot: WS]]");
        // Room for the longest block and a transition.
        for (size_t k = 0; t->lines - start + 8 <= LINES_PER_PAGE; k++)
            add_block(t, p, k);
        if (p % 3 == 2) {
            add_line(t, "CUT TO:");
            add_line(t, "%s", "");
        }
        while (t->lines - start < LINES_PER_PAGE)
            add_line(t, "%s", "");
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(void)
{
    Text t = { 0 };
    make_script(&t);
    const AuAllocator *alloc = base_allocator_default();
    double ms[RUNS];
    size_t elems = 0;
    for (int r = 0; r < RUNS; r++) {
        BaseDiag diag = { 0 };
        ScriptDoc *doc = NULL;
        double t0 = base_now_s();
        AuStatus st =
            script_parse(alloc, &diag, "bench.fountain", t.data, t.len, &doc);
        ms[r] = (base_now_s() - t0) * 1000.0;
        if (st != AU_OK || diag.errors || diag.warnings) {
            fprintf(stderr, "bench_parse: parse failed: %s (%zu errors)\n",
                    au_status_name(st), diag.errors);
            return 1;
        }
        elems = doc->elem_count;
        script_doc_free(&doc);
    }
    qsort(ms, RUNS, sizeof ms[0], cmp_double);
    printf("parse: %d pages (%zu lines, %zu bytes, %zu elements) in %.2f ms "
           "(median of %d)\n",
           PAGES, t.lines, t.len, elems, (ms[RUNS / 2 - 1] + ms[RUNS / 2]) / 2,
           RUNS);
    free(t.data);
    return 0;
}
