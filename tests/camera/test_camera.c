/* tests/camera/test_camera.c: the framing solver measured by projecting
 * the posed skeleton through the solved camera. */
#include <stdlib.h>
#include <string.h>

#include "camera/camera.h"
#include "check.h"

static const AuAllocator *A;

// One scene, BRICK and STEEL, a wide shot then a medium shot on each.
static Production *make_production(void)
{
    Production *p = calloc(1, sizeof *p);
    base_arena_init(&p->arena, A);
    p->scene_count = 1;
    p->scenes = base_arena_array(&p->arena, 1, sizeof(DirectScene));
    p->scenes[0].heading = "EXT. PATIO - DAY";
    p->scenes[0].location = "PATIO";
    p->scenes[0].cast_count = 2;
    p->scenes[0].cast = base_arena_array(&p->arena, 2, sizeof(size_t));
    p->scenes[0].cast[0] = 0;
    p->scenes[0].cast[1] = 1;
    p->cast_count = 2;
    p->cast = base_arena_array(&p->arena, 2, sizeof(DirectCastMember));
    p->cast[0].name = "BRICK";
    p->cast[0].name_hash = base_hash_name("BRICK");
    p->cast[1].name = "STEEL";
    p->cast[1].name_hash = base_hash_name("STEEL");
    p->shot_count = 3;
    p->shots = base_arena_array(&p->arena, 3, sizeof(DirectShot));
    for (size_t i = 0; i < 3; i++) {
        DirectShot *s = &p->shots[i];
        s->size = i == 0 ? DIRECT_SHOT_WS : DIRECT_SHOT_MS;
        s->lens_mm = i == 0 ? 24.0 : 35.0;
        s->subject = i == 0 ? SIZE_MAX : i - 1;
        s->start_s = (double)i * 2.0;
        s->duration_s = 2.0;
    }
    p->duration_s = 6.0;
    return p;
}

static void free_production(Production *p)
{
    base_arena_fini(&p->arena);
    free(p);
}

static void test_medium_shot_extent(void)
{
    Production *p = make_production();
    const double aspects[] = { 2.39, 16.0 / 9.0, 1.0, 9.0 / 16.0 };
    for (size_t a = 0; a < BASE_ARRAY_LEN(aspects); a++) {
        for (size_t shot = 1; shot <= 2; shot++) {
            Scene *scene = NULL;
            CHECK_OK(world_build(A, p, shot, 0.0, 1, &scene));
            if (!scene)
                continue;
            CameraView v;
            CHECK_OK(camera_solve(p, shot, scene, aspects[a], &v));
            const WorldFigure *f = world_find_figure(scene, shot - 1);
            CHECK(f != NULL);
            double x, yt, yw, ye;
            CHECK(camera_project(&v, f->joints[WORLD_JOINT_HEAD_TOP], &x, &yt));
            CHECK(camera_project(&v, f->joints[WORLD_JOINT_WAIST], &x, &yw));
            CHECK(camera_project(&v, f->joints[WORLD_JOINT_EYES], &x, &ye));
            // Head top 7% below the frame top, waist 3% above the bottom:
            // the head-to-waist extent fills 90% of the height, within 10%.
            CHECK_NEAR(yt, 0.07, 0.02);
            CHECK_NEAR(yw, 0.97, 0.02);
            CHECK_NEAR((yw - yt) / 0.90, 1.0, 0.10);
            // Eye level: the lens is at the height of the eyes.
            CHECK_NEAR(v.position.y, f->joints[WORLD_JOINT_EYES].y, 1e-9);
            CHECK(x > 0.1 && x < 0.9);
            CHECK_NEAR(v.focal_mm, 35.0, 1e-12);
            CHECK_NEAR(v.sensor_w_mm, CAMERA_SUPER35_WIDTH_MM, 1e-12);
            CHECK_NEAR(v3_len(v.forward), 1.0, 1e-9);
            CHECK_NEAR(v3_dot(v.forward, v.up), 0.0, 1e-9);
            // The other character is out of this single.
            const WorldFigure *o = world_find_figure(scene, 2 - shot);
            double ox, oy;
            if (camera_project(&v, o->joints[WORLD_JOINT_EYES], &ox, &oy))
                CHECK(ox < 0.0 || ox > 1.0);
            world_scene_free(&scene);
        }
    }
    free_production(p);
}

static void test_wide_shot_holds_everyone(void)
{
    Production *p = make_production();
    Scene *scene = NULL;
    CHECK_OK(world_build(A, p, 0, 0.0, 1, &scene));
    if (!scene) {
        free_production(p);
        return;
    }
    CameraView v;
    CHECK_OK(camera_solve(p, 0, scene, 2.39, &v));
    for (size_t i = 0; i < scene->figure_count; i++) {
        const WorldFigure *f = &scene->figures[i];
        for (int j = 0; j < WORLD_JOINT_COUNT; j++) {
            double x, y;
            CHECK(camera_project(&v, f->joints[j], &x, &y));
            CHECK(x > 0.05 && x < 0.95);
            CHECK(y > 0.05 && y < 0.95);
        }
    }
    // The group fills a good part of the frame height, not a speck.
    double x, top, bottom;
    camera_project(&v, scene->figures[0].joints[WORLD_JOINT_HEAD_TOP], &x,
                   &top);
    camera_project(&v, scene->figures[0].joints[WORLD_JOINT_TOE_L], &x,
                   &bottom);
    CHECK(bottom - top > 0.4);
    world_scene_free(&scene);
    free_production(p);
}

static void test_bad_subject(void)
{
    Production *p = make_production();
    Scene *scene = NULL;
    CHECK_OK(world_build(A, p, 1, 0.0, 1, &scene));
    p->shots[1].subject = 7;
    CameraView v;
    CHECK_STATUS(camera_solve(p, 1, scene, 2.39, &v), AU_EINVAL);
    CHECK_STATUS(camera_solve(p, 9, scene, 2.39, &v), AU_EINVAL);
    world_scene_free(&scene);
    free_production(p);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_medium_shot_extent);
    CHECK_RUN(test_wide_shot_holds_everyone);
    CHECK_RUN(test_bad_subject);
    return CHECK_DONE();
}
