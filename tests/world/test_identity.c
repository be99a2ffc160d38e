/* tests/world/test_identity.c: character consistency measured on rendered
 * pixels. The same character, seen in a wide by day, a medium at dusk and
 * a close-up at night, shows exactly the same surface colours (skin,
 * shirt) in the albedo pass wherever the ID pass says it is; two
 * characters' palettes differ measurably. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render/render.h"

static const AuAllocator *A;

static Production *make(void)
{
    Production *p = calloc(1, sizeof *p);
    base_arena_init(&p->arena, A);
    p->aspect = 2.39;
    p->scene_count = 3;
    p->scenes = base_arena_array(&p->arena, 3, sizeof(DirectScene));
    static const DirectTimeOfDay tods[3] = { DIRECT_TOD_DAY, DIRECT_TOD_DUSK,
                                             DIRECT_TOD_NIGHT };
    static size_t cast[2] = { 0, 1 };
    for (int i = 0; i < 3; i++) {
        p->scenes[i].heading = "EXT. PATIO - DAY";
        p->scenes[i].location = "PATIO";
        p->scenes[i].time_of_day = tods[i];
        p->scenes[i].cast = cast;
        p->scenes[i].cast_count = 2;
    }
    p->cast_count = 2;
    p->cast = base_arena_array(&p->arena, 2, sizeof(DirectCastMember));
    p->cast[0].name = "BRICK";
    p->cast[0].name_hash = base_hash_name("BRICK");
    p->cast[1].name = "STEEL";
    p->cast[1].name_hash = base_hash_name("STEEL");
    p->shot_count = 3;
    p->shots = base_arena_array(&p->arena, 3, sizeof(DirectShot));
    static const DirectShotSize sizes[3] = { DIRECT_SHOT_FS, DIRECT_SHOT_MS,
                                             DIRECT_SHOT_CU };
    for (size_t i = 0; i < 3; i++) {
        DirectShot *s = &p->shots[i];
        s->scene = i;
        s->size = sizes[i];
        s->kind = DIRECT_KIND_SINGLE;
        s->lens_mm = i == 2 ? 85.0 : 35.0;
        s->f_stop = 2.8;
        s->subject = 0;
        s->partner = s->focus = SIZE_MAX;
        s->move_speed = 1.0;
        s->start_s = 2.0 * (double)i;
        s->duration_s = 2.0;
    }
    return p;
}

// Whether @p frame shows colour @p c on pixels of ID @p id, and how many.
static long count_colour(const Frame *f, uint16_t id, const float c[3])
{
    long n = 0;
    for (int i = 0; i < f->width * f->height; i++)
        if (f->id[i] == id &&
            memcmp(&f->albedo[3 * i], c, 3 * sizeof(float)) == 0)
            n++;
    return n;
}

static void test_same_character_every_shot(void)
{
    Production *p = make();
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    WorldFigureLook look;
    world_cast_look(&p->cast[0], &look);
    for (size_t shot = 0; shot < 3; shot++) {
        Scene *scene = NULL;
        CameraView v;
        Frame f;
        CHECK_OK(world_build(A, p, shot, 0.5, 1, &scene));
        CHECK_OK(camera_solve(p, shot, scene, 2.39, &v));
        CHECK_OK(render_frame_init(&f, A, 240, 100));
        LightRig rig;
        light_rig_for_scene(&p->scenes[shot], &rig);
        RenderSettings rs = { 1, 0, 2, 1, shot, 0, 0, 0 };
        CHECK_OK(render_frame(dev, scene, &v, &rig, &rs, &f, NULL));
        // The figure the world built for this shot has the same look.
        const WorldFigure *fig = world_find_figure(scene, 0);
        CHECK(fig && memcmp(&fig->look, &look, sizeof look) == 0);
        // Its skin and shirt are on screen in exactly those colours.
        long skin = count_colour(&f, 1, look.skin);
        long shirt = count_colour(&f, 1, look.shirt);
        fprintf(stderr, "shot %zu: %ld skin px, %ld shirt px\n", shot + 1, skin,
                shirt);
        CHECK(skin > 20);
        CHECK(shirt > 20);
        // No pixel of BRICK shows STEEL's shirt colour.
        WorldFigureLook other;
        world_cast_look(&p->cast[1], &other);
        CHECK_INT_EQ(count_colour(&f, 1, other.shirt), 0);
        render_frame_fini(&f);
        world_scene_free(&scene);
    }
    render_device_free(&dev);
    base_arena_fini(&p->arena);
    free(p);
}

static void test_characters_told_apart(void)
{
    Production *p = make();
    WorldFigureLook a, b;
    world_cast_look(&p->cast[0], &a);
    world_cast_look(&p->cast[1], &b);
    double d = 0.0;
    for (int c = 0; c < 3; c++)
        d += (a.shirt[c] - b.shirt[c]) * (a.shirt[c] - b.shirt[c]) +
             (a.trousers[c] - b.trousers[c]) * (a.trousers[c] - b.trousers[c]);
    CHECK(sqrt(d) > 0.1);
    base_arena_fini(&p->arena);
    free(p);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_same_character_every_shot);
    CHECK_RUN(test_characters_told_apart);
    return CHECK_DONE();
}
