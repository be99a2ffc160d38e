/* fuzz/fuzz_plan.c: libFuzzer target for the director's notes and the
 * planner (script and direct stages together): any bytes as a screenplay.
 * On success every shot is in range and names cast that exists. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "direct/direct.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    BaseDiag diag = { 0 };
    ScriptDoc *doc = NULL;
    Production *p = NULL;
    const AuAllocator *a = base_allocator_default();
    if (script_parse(a, &diag, "fuzz", (const char *)data, size, &doc) != AU_OK)
        return 0;
    AuStatus st = direct_plan(a, &diag, doc, &p);
    script_doc_free(&doc);
    if (st != AU_OK) {
        if (p || (st == AU_ESYNTAX && diag.errors == 0))
            abort();
        return 0;
    }
    double t = 0.0;
    for (size_t i = 0; i < p->shot_count; i++) {
        const DirectShot *s = &p->shots[i];
        if (s->scene >= p->scene_count ||
            (s->subject != SIZE_MAX && s->subject >= p->cast_count) ||
            (s->partner != SIZE_MAX && s->partner >= p->cast_count) ||
            !(s->duration_s > 0.0) || s->start_s != t ||
            !(s->lens_mm >= 8.0 && s->lens_mm <= 1200.0))
            abort();
        t += s->duration_s;
    }
    char *json = NULL;
    if (direct_plan_json(p, &json) == AU_OK)
        free(json);
    if (direct_plan_text(p, &json) == AU_OK)
        free(json);
    direct_production_free(&p);
    return 0;
}
