/* bench/bench_world.c: times the world stage: building a set, its props
 * and two characters for one frame, for each kind of location (the issue's
 * budget is 100 ms a shot; auteur rebuilds every frame, so it must be far
 * less). Prints the mean and the slowest, in milliseconds. */
#include <stdio.h>
#include <string.h>

#include "direct/direct.h"
#include "world/world.h"

static const char *const headings[] = {
    "EXT. PATIO - DAY",       "EXT. POOL - DAY",
    "INT. GARAGE - DAY",      "INT. TRAILER - NIGHT",
    "INT. LIVING ROOM - DAY", "INT. KITCHEN - MORNING",
    "INT. OFFICE - DAY",      "INT. JOE'S BAR - NIGHT",
    "INT. DINER - NIGHT",     "INT. BEDROOM - NIGHT",
    "INT. WAREHOUSE - DAY",   "INT. STUDIO - DAY",
    "EXT. STREET - DAY",      "EXT. ALLEY - NIGHT",
    "EXT. ROOFTOP - DUSK",    "EXT. DESERT - DAY",
    "EXT. FOREST - DAY",      "EXT. BEACH - MAGIC HOUR",
    "EXT. FIELD - DAY",       "EXT. MOUNTAIN ROAD - DAWN",
    "EXT. MANSION - DAY",     "INT. SHACK - NIGHT",
    "EXT. HARBOUR - MORNING", "EXT. RANCH - DAY",
};

int main(void)
{
    const AuAllocator *a = base_allocator_default();
    double sum = 0.0, worst = 0.0;
    const char *worst_at = "";
    size_t n = 0;
    for (size_t i = 0; i < BASE_ARRAY_LEN(headings); i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "%s\n\nBrick sets two cold beers on the table. Steel picks "
                 "up a glass.\n\nBRICK\nHot one today, isn't it?\n\n"
                 "STEEL\nThey're all hot ones.\n",
                 headings[i]);
        BaseDiag diag = { 0 };
        ScriptDoc *doc = NULL;
        Production *prod = NULL;
        if (script_parse(a, &diag, "bench", text, strlen(text), &doc) !=
                AU_OK ||
            direct_plan(a, &diag, doc, &prod) != AU_OK) {
            fprintf(stderr, "bench_world: cannot plan '%s'\n", headings[i]);
            return 1;
        }

        enum {
            FRAMES = 24
        };

        double t0 = base_now_s();
        for (int f = 0; f < FRAMES; f++) {
            Scene *scene = NULL;
            if (world_build(a, prod, 1, (double)f / 24.0, 1, &scene) != AU_OK)
                return 1;
            world_scene_free(&scene);
        }
        double ms = 1000.0 * (base_now_s() - t0) / FRAMES;
        sum += ms;
        n++;
        if (ms > worst) {
            worst = ms;
            worst_at = headings[i];
        }
        direct_production_free(&prod);
        script_doc_free(&doc);
    }
    printf("world: set + props + 2 characters per frame, %zu locations: "
           "mean %.2f ms, slowest %.2f ms (%s)\n",
           n, sum / (double)n, worst, worst_at);
    return 0;
}
