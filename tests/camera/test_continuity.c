/* tests/camera/test_continuity.c: the 180-degree line held across cuts,
 * measured in the rendered ID pass through a shot/reverse-shot scene:
 * BRICK stays on the left of the screen and STEEL on the right in every
 * shot that shows both, and each single leaves room on the side its
 * subject looks toward. */
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "render/render.h"

static const AuAllocator *A;

typedef struct Cols {
    double mean_x[3]; // mean column per ID, as a fraction of the width
    long count[3];
} Cols;

static int render_cols(RenderDevice *dev, Production *p, size_t shot, Cols *out)
{
    Scene *scene = NULL;
    CameraView v;
    Frame f;
    memset(out, 0, sizeof *out);
    if (world_build(A, p, shot, 0.0, 1, &scene) != AU_OK)
        return -1;
    int rc = -1;
    if (camera_solve(p, shot, scene, 2.39, &v) == AU_OK &&
        render_frame_init(&f, A, 240, 100) == AU_OK) {
        LightRig rig;
        light_rig_for_scene(&p->scenes[0], &rig);
        RenderSettings rs = { 1, 0, 2, 1, shot, 0, 0, 0 };
        if (render_frame(dev, scene, &v, &rig, &rs, &f, NULL) == AU_OK) {
            double sum[3] = { 0, 0, 0 };
            for (int y = 0; y < 100; y++)
                for (int x = 0; x < 240; x++) {
                    int id = f.id[y * 240 + x];
                    if (id > 2)
                        continue;
                    sum[id] += (x + 0.5) / 240.0;
                    out->count[id]++;
                }
            for (int k = 0; k < 3; k++)
                out->mean_x[k] = out->count[k] ? sum[k] / out->count[k] : -1;
            rc = 0;
        }
        render_frame_fini(&f);
    }
    world_scene_free(&scene);
    return rc;
}

static void test_shot_reverse_shot(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    // Wide, OTS on BRICK over STEEL, OTS on STEEL over BRICK, two-shot,
    // then singles on each.
    Production *p = fixture_production(A, 6);
    p->shots[0].size = DIRECT_SHOT_WS;
    p->shots[0].kind = DIRECT_KIND_GROUP;
    p->shots[0].subject = SIZE_MAX;
    p->shots[0].lens_mm = 24.0;
    p->shots[1].kind = DIRECT_KIND_OTS;
    p->shots[1].subject = 0;
    p->shots[1].partner = 1;
    p->shots[1].lens_mm = 40.0;
    p->shots[2].kind = DIRECT_KIND_OTS;
    p->shots[2].subject = 1;
    p->shots[2].partner = 0;
    p->shots[2].lens_mm = 40.0;
    p->shots[3].kind = DIRECT_KIND_TWO_SHOT;
    p->shots[3].subject = 0;
    p->shots[3].partner = 1;
    p->shots[5].subject = 1;
    for (size_t i = 0; i < p->shot_count; i++) {
        Cols c;
        CHECK_INT_EQ(render_cols(dev, p, i, &c), 0);
        fprintf(stderr,
                "shot %zu: BRICK x %.2f (%ld px), STEEL x %.2f (%ld px)\n",
                i + 1, c.mean_x[1], c.count[1], c.mean_x[2], c.count[2]);
        if (c.count[1] > 50 && c.count[2] > 50)
            CHECK(c.mean_x[1] < c.mean_x[2]);
        // A single: BRICK looks right at STEEL, so sits left of centre;
        // STEEL looks left, so sits right of centre.
        if (p->shots[i].kind == DIRECT_KIND_SINGLE) {
            size_t who = p->shots[i].subject;
            if (who == 0)
                CHECK(c.mean_x[1] < 0.5);
            else
                CHECK(c.mean_x[2] > 0.5);
        }
    }
    fixture_free(p);
    render_device_free(&dev);
}

// Eyelines: in shot/reverse-shot each character's gaze, projected, points
// across the frame toward where the other was seen in the wide, and the
// two point opposite ways, on every size and lens of the coverage.
static void test_eyelines(void)
{
    static const DirectShotSize sizes[] = { DIRECT_SHOT_MS, DIRECT_SHOT_MCU,
                                            DIRECT_SHOT_CU };
    static const double lenses[] = { 35.0, 50.0, 85.0 };
    Production *p = fixture_production(A, 7);
    p->shots[0].size = DIRECT_SHOT_WS;
    p->shots[0].kind = DIRECT_KIND_GROUP;
    p->shots[0].subject = SIZE_MAX;
    p->shots[0].lens_mm = 24.0;
    for (size_t i = 1; i < 7; i++) {
        p->shots[i].subject = (i - 1) % 2;
        p->shots[i].size = sizes[(i - 1) / 2];
        p->shots[i].lens_mm = lenses[(i - 1) / 2];
    }
    double wide_x[2] = { 0, 0 };
    for (size_t i = 0; i < p->shot_count; i++) {
        Scene *scene = NULL;
        CameraView v;
        CHECK_OK(world_build(A, p, i, 0.0, 1, &scene));
        if (!scene)
            continue;
        CHECK_OK(camera_solve(p, i, scene, 2.39, &v));
        const WorldFigure *f[2] = { world_find_figure(scene, 0),
                                    world_find_figure(scene, 1) };
        if (i == 0) {
            for (int k = 0; k < 2; k++) {
                double y;
                CHECK(camera_project(&v, f[k]->joints[WORLD_JOINT_EYES],
                                     &wide_x[k], &y));
            }
        } else {
            size_t who = p->shots[i].subject, other = 1 - who;
            Vec3 e = f[who]->joints[WORLD_JOINT_EYES];
            Vec3 to = v3_sub(f[other]->joints[WORLD_JOINT_EYES], e);
            Vec3 g = v3_add(e, v3_scale(v3_norm(to), 0.5));
            double x0, y0, x1, y1;
            CHECK(camera_project(&v, e, &x0, &y0));
            CHECK(camera_project(&v, g, &x1, &y1));
            double want = wide_x[other] - wide_x[who];
            fprintf(stderr,
                    "  shot %zu %s on %s: gaze dx %+.3f (the other is at "
                    "%+.2f in the wide)\n",
                    i + 1, direct_shot_size_name(p->shots[i].size),
                    p->cast[who].name, x1 - x0, want);
            CHECK((x1 - x0) * want > 0.0);
            CHECK(fabs(x1 - x0) > 0.01);
        }
        world_scene_free(&scene);
    }
    CHECK(fabs(wide_x[0] - wide_x[1]) > 0.05);
    fixture_free(p);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_shot_reverse_shot);
    CHECK_RUN(test_eyelines);
    return CHECK_DONE();
}
