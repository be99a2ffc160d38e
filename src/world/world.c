/* world/world.c: the stage's entry point: blocks the cast, builds the set,
 * the action lines' props and one posed figure per character for a moment
 * of a shot, and hands the Scene (one arena) to camera/, light/, render/. */
#include <stdlib.h>
#include <string.h>

#include "world_internal.h"

// Where the i-th of n characters stands and which way they face. The
// audience is on +z, so everyone opens toward it: cast order runs from
// the audience's left (-x) to right.
static void block(size_t n, size_t i, Vec3 *pos, Vec3 *facing)
{
    if (n == 1) {
        *pos = v3(0, 0, 0);
        *facing = v3(0, 0, 1);
        return;
    }
    if (n == 2) {
        // Facing each other but cheated 35 degrees open to the audience,
        // so a camera in front sees both faces three-quarter on.
        double sd = i == 0 ? -1.0 : 1.0;
        double cheat = 35.0 * BASE_PI / 180.0;
        *pos = v3(0.6 * sd, 0, 0);
        *facing = v3(-sd * cos(cheat), 0, sin(cheat));
        return;
    }
    // A shallow arc, its centre toward the audience, about 1.15 m between
    // neighbours; everyone faces the centre, opened a little toward +z.
    double r = 2.0 + 0.35 * (double)n;
    double step = 1.15 / r;
    double a = ((double)i - 0.5 * (double)(n - 1)) * step;
    *pos = v3(r * sin(a), 0, r - r * cos(a));
    Vec3 in = v3(-sin(a), 0, cos(a));
    *facing = v3_norm(v3_lerp(in, v3(0, 0, 1), 0.35));
}

// Eye height of a standing figure of look @p l, for aiming a gaze.
static double eyes_height(const WorldFigureLook *l)
{
    double heads = l->heads > 0 ? l->heads : 7.5;
    return l->height_m * (1.0 - 0.5 / heads);
}

// Who figure @p i looks at: the speaker when someone else speaks, else
// the nearest other figure in front of it; SIZE_MAX when nobody is.
static size_t gaze_target(const Scene *s, const Vec3 *pos, size_t i,
                          size_t speaker)
{
    if (speaker != SIZE_MAX && speaker != i)
        return speaker;
    size_t best = SIZE_MAX;
    double best_d = INFINITY;
    for (size_t j = 0; j < s->figure_count; j++) {
        Vec3 d = v3_sub(pos[j], pos[i]);
        double dist = v3_len(d);
        if (j == i || dist < 1e-6 || v3_dot(d, s->figures[i].facing) <= 0.0)
            continue;
        if (dist < best_d) {
            best_d = dist;
            best = j;
        }
    }
    return best;
}

// Turns the head of figure @p i toward figure @p j's eyes, within what a
// neck allows: 60 degrees either way, 25 up or down.
static void gaze_apply(const Scene *s, const Vec3 *pos, size_t i, size_t j,
                       WorldPose *pose)
{
    const WorldFigure *f = &s->figures[i];
    Vec3 d = v3_sub(pos[j], pos[i]);
    // Figure space: +z the facing, +x the figure's left.
    double fz = v3_dot(d, f->facing);
    double fx = d.x * f->facing.z - d.z * f->facing.x;
    double lim = 60.0 * BASE_PI / 180.0;
    pose->head_yaw_rad += base_clamp(atan2(fx, fz), -lim, lim);
    double drop = eyes_height(&f->look) - eyes_height(&s->figures[j].look);
    double pl = 25.0 * BASE_PI / 180.0;
    pose->head_pitch_rad +=
        base_clamp(atan2(drop, fmax(hypot(d.x, d.z), 0.3)), -pl, pl);
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

const WorldFigure *world_find_figure(const Scene *scene, size_t cast_index)
{
    if (!scene)
        return NULL;
    for (size_t i = 0; i < scene->figure_count; i++) {
        if (scene->figures[i].cast_index == cast_index)
            return &scene->figures[i];
    }
    return NULL;
}

// The kind of set a scene plays on: its location's words, else its
// [[set: ...]] description's.
static WorldSetKind kind_of(const Production *prod, const DirectScene *ds)
{
    const char *loc = ds->location ? ds->location : ds->heading;
    WorldSetKind k = world_set_kind(loc, ds->interior, NULL);
    if (world_set_kind_is_generic(k) && ds->set < prod->set_count &&
        prod->sets && prod->sets[ds->set].description) {
        WorldSetKind d =
            world_set_kind(prod->sets[ds->set].description, ds->interior, NULL);
        if (!world_set_kind_is_generic(d))
            k = d;
    }
    return k;
}

// Most props one scene records (wants and the surfaces they stand on).
#define PROP_RECORD_MAX (2 * WORLD_PROP_WANT_MAX)

AuStatus world_build(const AuAllocator *alloc, const Production *prod,
                     size_t shot_index, double t_s, uint64_t seed, Scene **out)
{
    if (!alloc || !prod || !out || shot_index >= prod->shot_count ||
        !isfinite(t_s))
        return AU_EINVAL;
    const DirectShot *shot = &prod->shots[shot_index];
    if (shot->scene >= prod->scene_count)
        return AU_EINVAL;
    const DirectScene *ds = &prod->scenes[shot->scene];
    if (ds->cast_count > 0 && !ds->cast)
        return AU_EINVAL;
    for (size_t i = 0; i < ds->cast_count; i++) {
        if (ds->cast[i] >= prod->cast_count)
            return AU_EINVAL;
    }
    // Object IDs are cast index + 1 in 16 bits.
    if (prod->cast_count >= UINT16_MAX)
        return AU_EINVAL;

    BaseArena arena;
    base_arena_init(&arena, alloc);
    WorldKit kit;
    world_kit_init(&kit, alloc);
    AuStatus st = AU_ENOMEM;
    Scene *s = base_arena_alloc(&arena, sizeof(*s));
    if (!s)
        goto fail;
    s->interior = ds->interior;

    // The scene's cast in cast order, each once.
    size_t n = 0;
    Vec3 *pos = NULL;
    if (ds->cast_count > 0) {
        size_t *order =
            base_arena_array(&arena, ds->cast_count, sizeof(*order));
        if (!order)
            goto fail;
        memcpy(order, ds->cast, ds->cast_count * sizeof(*order));
        qsort(order, ds->cast_count, sizeof(*order), cmp_size);
        for (size_t i = 0; i < ds->cast_count; i++) {
            if (n == 0 || order[n - 1] != order[i])
                order[n++] = order[i];
        }
        s->figures = base_arena_array(&arena, n, sizeof(*s->figures));
        pos = base_arena_array(&arena, n, sizeof(*pos));
        if (!s->figures || !pos)
            goto fail;
        s->figure_count = n;

        // Blocking depends on the scene alone, so it holds across shots;
        // the group is centred on the origin.
        Vec3 sum = v3(0, 0, 0);
        for (size_t i = 0; i < n; i++) {
            WorldFigure *f = &s->figures[i];
            f->cast_index = order[i];
            world_cast_look(&prod->cast[order[i]], &f->look);
            block(n, i, &pos[i], &f->facing);
            sum = v3_add(sum, pos[i]);
        }
        for (size_t i = 0; i < n; i++) {
            pos[i].x -= sum.x / (double)n;
            pos[i].z -= sum.z / (double)n;
        }
    }

    // What the action lines ask for, and who holds what.
    WorldPropWant wants[WORLD_PROP_WANT_MAX];
    size_t want_count = 0;
    if (ds->action_count > 0 && ds->actions)
        want_count = world_props_read(prod, ds, s->figures, n, wants);

    size_t cap = WORLD_KIT_MAT_MAX + n * WORLD_FIGURE_PARTS_MAX;
    s->meshes = base_arena_array(&arena, cap, sizeof(*s->meshes));
    if (!s->meshes)
        goto fail;

    // Figures first (into the slots after the set's), so the set can keep
    // clear of their skeletons.
    WorldMesh *fig_meshes = s->meshes + WORLD_KIT_MAT_MAX;
    size_t fig_count = 0;
    double film_s = shot->start_s + t_s;
    Vec3 sum = v3(0, 0, 0);
    size_t speaker = SIZE_MAX;
    for (size_t i = 0; i < n && shot->dialogue; i++) {
        if (s->figures[i].cast_index == shot->subject)
            speaker = i;
    }
    for (size_t i = 0; i < n; i++) {
        WorldFigure *f = &s->figures[i];
        sum = v3_add(sum, pos[i]);
        uint64_t name_hash = prod->cast[f->cast_index].name_hash;
        bool talking = i == speaker;
        WorldPose pose;
        world_pose_at(name_hash, seed, film_s, talking ? fmax(t_s, 0.0) : -1.0,
                      &pose);
        if (talking)
            world_talk_at(shot->dialogue, shot->duration_s, t_s,
                          &pose.mouth_open, &pose.gesture);
        size_t target = gaze_target(s, pos, i, speaker);
        if (target != SIZE_MAX)
            gaze_apply(s, pos, i, target, &pose);
        for (size_t w = 0; w < want_count; w++) {
            if (wants[w].holder == f->cast_index)
                pose.arm[wants[w].hand] = wants[w].arm;
        }
        size_t parts = 0;
        st = world_figure_build(&arena, &f->look, pos[i], f->facing, &pose,
                                (uint16_t)(f->cast_index + 1),
                                fig_meshes + fig_count, &parts, f->joints);
        if (st != AU_OK)
            goto fail;
        fig_count += parts;
    }
    s->stage_center =
        n ? v3(sum.x / (double)n, 0, sum.z / (double)n) : v3(0, 0, 0);

    WorldStage stage;
    memset(&stage, 0, sizeof(stage));
    stage.kit = &kit;
    s->set_kind = kind_of(prod, ds);
    world_set_build(&stage, ds, s->set_kind, s->figures, n);
    WorldProp props[PROP_RECORD_MAX];
    size_t prop_count = world_props_place(&stage, wants, want_count, s->figures,
                                          n, props, PROP_RECORD_MAX);
    size_t set_count = 0;
    st = world_kit_emit(&kit, &arena, s->meshes, WORLD_KIT_MAT_MAX, &set_count);
    if (st != AU_OK)
        goto fail;
    st = AU_ENOMEM;
    if (prop_count > 0) {
        s->props = base_arena_array(&arena, prop_count, sizeof(*s->props));
        if (!s->props)
            goto fail;
        memcpy(s->props, props, prop_count * sizeof(*props));
        s->prop_count = prop_count;
    }
    // Close the gap between the set's meshes and the figures'.
    memmove(s->meshes + set_count, fig_meshes, fig_count * sizeof(*s->meshes));
    s->mesh_count = set_count + fig_count;
    world_kit_fini(&kit);

    s->arena = arena;
    *out = s;
    return AU_OK;

fail:
    world_kit_fini(&kit);
    base_arena_fini(&arena);
    return st;
}

void world_scene_free(Scene **scene)
{
    if (!scene || !*scene)
        return;
    // The Scene lives in its own arena: copy the arena out before
    // releasing the memory that holds it.
    BaseArena arena = (*scene)->arena;
    base_arena_fini(&arena);
    *scene = NULL;
}
