/* tests/world/test_blocking.c: over the example scripts, shot by shot
 * every half second, no figure's pelvis or feet are inside a prop (the
 * seat it sits on aside), and a character who walks up to another stops
 * at a conversational distance, facing them. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "direct/direct.h"
#include "helpers.h"
#include "script/script.h"

static bool is_seat(const char *name)
{
    static const char *const seats[] = { "chair", "stool",    "sofa",
                                         "bench", "armchair", "bed" };
    for (size_t i = 0; i < BASE_ARRAY_LEN(seats); i++) {
        if (strcmp(name, seats[i]) == 0)
            return true;
    }
    return false;
}

// How far point @p p is outside prop @p pr's box on the ground plane
// (negative: inside), or +inf when it is above or below the box.
static double clearance(Vec3 p, const WorldProp *pr)
{
    if (p.y > pr->center.y + pr->half_extent.y ||
        p.y < pr->center.y - pr->half_extent.y)
        return INFINITY;
    double dx = fabs(p.x - pr->center.x) - pr->half_extent.x;
    double dz = fabs(p.z - pr->center.z) - pr->half_extent.z;
    if (dx > 0 || dz > 0)
        return hypot(fmax(dx, 0.0), fmax(dz, 0.0));
    return fmax(dx, dz);
}

static void check_script(const char *file, double *min_m, size_t *frames)
{
    char path[512];
    snprintf(path, sizeof path, "%s/examples/%s", AU_SOURCE_DIR, file);
    const AuAllocator *a = base_allocator_default();
    BaseDiag diag = { 0 };
    char *data = NULL;
    size_t size = 0;
    CHECK_OK(base_file_read(a, &diag, path, 1u << 20, &data, &size));
    ScriptDoc *doc = NULL;
    Production *prod = NULL;
    CHECK_OK(script_parse(a, &diag, file, data, size, &doc));
    if (doc)
        CHECK_OK(direct_plan(a, &diag, doc, &prod));
    for (size_t si = 0; prod && si < prod->shot_count; si++) {
        const DirectShot *sh = &prod->shots[si];
        for (double t = 0.0; t < sh->duration_s; t += 0.5) {
            Scene *s = NULL;
            CHECK_OK(world_build(a, prod, si, t, 1, &s));
            if (!s)
                break;
            (*frames)++;
            for (size_t f = 0; f < s->figure_count; f++) {
                const WorldFigure *fig = &s->figures[f];
                const WorldJoint js[3] = { WORLD_JOINT_PELVIS,
                                           WORLD_JOINT_ANKLE_L,
                                           WORLD_JOINT_ANKLE_R };
                for (size_t p = 0; p < s->prop_count; p++) {
                    const WorldProp *pr = &s->props[p];
                    if (pr->held_by != SIZE_MAX)
                        continue;
                    for (int j = 0; j < 3; j++) {
                        Vec3 q = fig->joints[js[j]];
                        // Sitting on it is the point of a seat.
                        if (j == 0 && is_seat(pr->name) &&
                            hypot(q.x - pr->center.x, q.z - pr->center.z) <
                                (strcmp(pr->name, "bed") == 0 ? 0.6 : 0.35))
                            continue;
                        double c = clearance(q, pr);
                        if (c < *min_m)
                            *min_m = c;
                        if (c < 0.0) {
                            fprintf(stderr,
                                    "%s shot %zu t %.1f: cast %zu joint %d "
                                    "inside %s by %.3f m\n",
                                    file, si + 1, t, fig->cast_index, js[j],
                                    pr->name, -c);
                        }
                    }
                }
            }
            world_scene_free(&s);
        }
    }
    direct_production_free(&prod);
    script_doc_free(&doc);
    base_free(a, data);
}

static void test_examples_clear_of_props(void)
{
    static const char *const files[] = { "first-light.fountain",
                                         "dry-season.fountain",
                                         "harbour-lights.fountain",
                                         "the-long-night.fountain" };
    double min_m = INFINITY;
    size_t frames = 0;
    for (size_t i = 0; i < BASE_ARRAY_LEN(files); i++)
        check_script(files[i], &min_m, &frames);
    printf("blocking: %zu frames, nearest joint to a prop %.3f m\n", frames,
           min_m);
    CHECK(frames > 100);
    CHECK(min_m >= 0.0);
}

// "walks to" another character stops 1.2 m short and turns to them.
static void test_walk_to_talk(void)
{
    HProd h;
    h_prod(&h, "WAREHOUSE", true, 3);
    static const char *const lines[] = { "MARGOT walks to BRICK." };
    h_actions(&h, lines, 1);
    h.shot.duration_s = 8.0;
    Scene *s = NULL;
    CHECK_OK(world_build(base_allocator_default(), &h.p, 0, 7.5, 7, &s));
    if (!s)
        return;
    const WorldFigure *m = world_find_figure(s, 2);
    const WorldFigure *b = world_find_figure(s, 0);
    Vec3 pm = m->joints[WORLD_JOINT_PELVIS], pb = b->joints[WORLD_JOINT_PELVIS];
    double d = hypot(pm.x - pb.x, pm.z - pb.z);
    CHECK(d >= 1.0 && d <= 1.5);
    Vec3 to = v3_norm(v3(pb.x - pm.x, 0, pb.z - pm.z));
    CHECK(v3_dot(m->facing, to) > 0.95);
    world_scene_free(&s);
}

int main(void)
{
    CHECK_RUN(test_examples_clear_of_props);
    CHECK_RUN(test_walk_to_talk);
    return CHECK_DONE();
}
