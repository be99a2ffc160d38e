/* bench/bench_world.c: times and weighs the world stage: one frame of a
 * set, its props and two characters for each kind of location, then every
 * shot of the example scripts (the budget is 100 ms a shot build, and the
 * largest exterior under 2 GB). Prints key=value lines. Run from the
 * source tree, or give the examples directory as the first argument. */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "direct/direct.h"
#include "script/script.h"
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

static const char *const scripts[] = { "first-light.fountain",
                                       "dry-season.fountain",
                                       "harbour-lights.fountain",
                                       "the-long-night.fountain" };

// What a built scene holds: vertices, normals and indices of its meshes.
static size_t scene_bytes(const Scene *s, size_t *tris)
{
    size_t b = 0;
    *tris = 0;
    for (size_t i = 0; i < s->mesh_count; i++) {
        const WorldMesh *m = &s->meshes[i];
        b += (size_t)m->vertex_count * (m->normals ? 24u : 12u) +
             (size_t)m->triangle_count * 12u + sizeof(*m);
        *tris += m->triangle_count;
    }
    return b;
}

typedef struct Stats {
    double worst_ms, sum_ms;
    double cpu_ms; // processor time of all frames, for a loaded machine
    int frames;
    size_t n;
    size_t big_bytes, big_tris;
    char big_at[160];
    char worst_at[160];
} Stats;

// Builds @p frames frames spread over shot @p si; returns the slowest.
static int time_shot(const Production *prod, size_t si, int frames,
                     bool exterior_only, const char *label, Stats *st,
                     double *ms_out)
{
    const AuAllocator *a = base_allocator_default();
    const DirectShot *sh = &prod->shots[si];
    double worst = 0.0;
    for (int f = 0; f < frames; f++) {
        double t = sh->duration_s * ((double)f + 0.5) / (double)frames;
        Scene *scene = NULL;
        double t0 = base_now_s();
        clock_t c0 = clock();
        if (world_build(a, prod, si, t, 1, &scene) != AU_OK)
            return 1;
        double ms = 1000.0 * (base_now_s() - t0);
        st->cpu_ms += 1000.0 * (double)(clock() - c0) / CLOCKS_PER_SEC;
        st->frames++;
        worst = ms > worst ? ms : worst;
        size_t tris = 0, bytes = scene_bytes(scene, &tris);
        if ((!exterior_only || !scene->interior) && bytes > st->big_bytes) {
            st->big_bytes = bytes;
            st->big_tris = tris;
            snprintf(st->big_at, sizeof st->big_at, "%s", label);
        }
        world_scene_free(&scene);
    }
    st->sum_ms += worst;
    st->n++;
    if (worst > st->worst_ms) {
        st->worst_ms = worst;
        snprintf(st->worst_at, sizeof st->worst_at, "%s", label);
    }
    *ms_out = worst;
    return 0;
}

static int plan_text(const char *name, const char *text, size_t len,
                     ScriptDoc **doc, Production **prod)
{
    const AuAllocator *a = base_allocator_default();
    BaseDiag diag = { 0 };
    if (script_parse(a, &diag, name, text, len, doc) != AU_OK ||
        direct_plan(a, &diag, *doc, prod) != AU_OK) {
        fprintf(stderr, "bench_world: cannot plan %s\n", name);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "examples";
    const AuAllocator *a = base_allocator_default();
    Stats loc = { 0 }, shots = { 0 };
    for (size_t i = 0; i < BASE_ARRAY_LEN(headings); i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "%s\n\nBrick sets two cold beers on the table. Steel picks "
                 "up a glass.\n\nBRICK\nHot one today, isn't it?\n\n"
                 "STEEL\nThey're all hot ones.\n",
                 headings[i]);
        ScriptDoc *doc = NULL;
        Production *prod = NULL;
        if (plan_text("bench", text, strlen(text), &doc, &prod))
            return 1;
        double ms;
        if (time_shot(prod, 1, 24, true, headings[i], &loc, &ms))
            return 1;
        direct_production_free(&prod);
        script_doc_free(&doc);
    }
    printf("world_location_count=%zu\n", loc.n);
    printf("world_location_frame_ms_mean=%.2f\n", loc.sum_ms / (double)loc.n);
    printf("world_location_frame_ms_max=%.2f\n", loc.worst_ms);
    printf("world_location_frame_ms_max_at=%s\n", loc.worst_at);
    printf("world_location_frame_cpu_ms_mean=%.2f\n",
           loc.cpu_ms / (double)loc.frames);

    for (size_t i = 0; i < BASE_ARRAY_LEN(scripts); i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, scripts[i]);
        BaseDiag diag = { 0 };
        char *data = NULL;
        size_t size = 0;
        if (base_file_read(a, &diag, path, 1u << 20, &data, &size) != AU_OK) {
            fprintf(stderr, "bench_world: cannot read %s\n", path);
            return 1;
        }
        ScriptDoc *doc = NULL;
        Production *prod = NULL;
        if (plan_text(scripts[i], data, size, &doc, &prod))
            return 1;
        for (size_t s = 0; s < prod->shot_count; s++) {
            char label[160];
            snprintf(label, sizeof label, "%s#%zu", scripts[i], s + 1);
            double ms;
            if (time_shot(prod, s, 5, false, label, &shots, &ms))
                return 1;
            printf("world_shot_ms.%s=%.2f\n", label, ms);
        }
        direct_production_free(&prod);
        script_doc_free(&doc);
        base_free(a, data);
    }
    printf("world_shot_count=%zu\n", shots.n);
    printf("world_shot_ms_mean=%.2f\n", shots.sum_ms / (double)shots.n);
    printf("world_shot_ms_max=%.2f\n", shots.worst_ms);
    printf("world_shot_ms_max_at=%s\n", shots.worst_at);
    printf("world_shot_frame_cpu_ms_mean=%.2f\n",
           shots.cpu_ms / (double)shots.frames);
    printf("world_shot_budget_ms=100\n");
    Stats *big = loc.big_bytes > shots.big_bytes ? &loc : &shots;
    printf("world_largest_exterior=%s\n", big->big_at);
    printf("world_largest_exterior_triangles=%zu\n", big->big_tris);
    printf("world_largest_exterior_mb=%.1f\n",
           (double)big->big_bytes / (1024.0 * 1024.0));
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("world_peak_rss_mb=%.1f\n", (double)ru.ru_maxrss / 1024.0);
    printf("world_memory_budget_mb=2048\n");
    return shots.worst_ms < 100.0 && ru.ru_maxrss < 2L * 1024 * 1024 ? 0 : 1;
}
