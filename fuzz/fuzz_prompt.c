/* fuzz/fuzz_prompt.c: libFuzzer target for the prompt reader (direct
 * stage): any bytes as a one-line prompt. On success the plan has one
 * scene and one shot with values inside their documented ranges. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "direct/direct.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    BaseDiag diag = { 0 };
    Production *p = NULL;
    AuStatus st = direct_plan_prompt(base_allocator_default(), &diag, "prompt",
                                     (const char *)data, size, &p);
    if (st != AU_OK) {
        if (p || (st == AU_ESYNTAX && diag.errors == 0))
            abort();
        return 0;
    }
    if (p->scene_count != 1 || p->shot_count != 1)
        abort();
    const DirectShot *s = &p->shots[0];
    if (!(s->lens_mm >= 8.0 && s->lens_mm <= 1200.0) ||
        !(s->f_stop >= 0.7 && s->f_stop <= 64.0) ||
        !(s->duration_s > 0.0 && s->duration_s <= 600.0) ||
        (s->subject != SIZE_MAX && s->subject >= p->cast_count))
        abort();
    char *json = NULL;
    if (direct_plan_json(p, &json) == AU_OK)
        free(json);
    direct_production_free(&p);
    return 0;
}
