/* tests/world/test_materials.c: what surfaces are made of: glass props
 * transmit at ior 1.5, cars have a coat and chrome, lamps glow warm,
 * skin is subsurface and clothes have a sheen, and the kit keeps one
 * mesh per whole material, not per colour. */
#include <math.h>
#include <string.h>

#include "helpers.h"
#include "world/world_internal.h"

// Does any vertex of @p m lie in prop @p p's box (grown by @p pad_m)?
static bool mesh_in_prop(const WorldMesh *m, const WorldProp *p, double pad_m)
{
    for (uint32_t i = 0; i < m->vertex_count; i++) {
        const float *v = &m->positions[3 * i];
        if (fabs((double)v[0] - p->center.x) <= p->half_extent.x + pad_m &&
            fabs((double)v[1] - p->center.y) <= p->half_extent.y + pad_m &&
            fabs((double)v[2] - p->center.z) <= p->half_extent.z + pad_m)
            return true;
    }
    return false;
}

static const WorldProp *find_prop(const Scene *s, const char *name)
{
    for (size_t i = 0; i < s->prop_count; i++) {
        if (strcmp(s->props[i].name, name) == 0)
            return &s->props[i];
    }
    return NULL;
}

static void test_glass_props(void)
{
    HProd h;
    h_prod(&h, "BAR", true, 2);
    static const char *const lines[] = {
        "A beer and a glass on the table. A lamp glows."
    };
    h_actions(&h, lines, 1);
    Scene *s = h_build(&h);
    if (!s)
        return;
    const char *names[] = { "beer", "glass" };
    for (size_t n = 0; n < 2; n++) {
        const WorldProp *p = find_prop(s, names[n]);
        CHECK(p != NULL);
        bool glass = false;
        for (size_t i = 0; p && i < s->mesh_count; i++) {
            const WorldMaterial *m = &s->meshes[i].material;
            if (m->transmission == 1.0f && m->ior == 1.5f &&
                mesh_in_prop(&s->meshes[i], p, 0.0))
                glass = true;
        }
        CHECK(glass);
    }
    // The lamp's shade glows at 2700 K: red over green over blue.
    const WorldProp *lamp = find_prop(s, "lamp");
    CHECK(lamp != NULL);
    bool warm = false;
    for (size_t i = 0; lamp && i < s->mesh_count; i++) {
        const float *e = s->meshes[i].material.emission;
        if (e[0] > e[1] && e[1] > e[2] && e[2] > 0.0f &&
            mesh_in_prop(&s->meshes[i], lamp, 0.0))
            warm = true;
    }
    CHECK(warm);
    // The cast: skin with subsurface 0.3, clothes with a sheen.
    bool skin = false, cloth = false;
    for (size_t i = 0; i < s->mesh_count; i++) {
        const WorldMaterial *m = &s->meshes[i].material;
        if (s->meshes[i].object_id != 1)
            continue;
        skin |= fabs((double)m->subsurface - 0.3) < 1e-6;
        cloth |= m->sheen > 0.0f;
    }
    CHECK(skin);
    CHECK(cloth);
    world_scene_free(&s);
}

static void test_car_and_streetlamp(void)
{
    HProd h;
    h_prod(&h, "STREET", false, 1);
    static const char *const lines[] = { "A car by a streetlamp." };
    h_actions(&h, lines, 1);
    Scene *s = h_build(&h);
    if (!s)
        return;
    const WorldProp *car = find_prop(s, "car");
    const WorldProp *lamp = find_prop(s, "streetlamp");
    CHECK(car != NULL);
    CHECK(lamp != NULL);
    bool chrome = false, paint = false, glow = false;
    for (size_t i = 0; i < s->mesh_count; i++) {
        const WorldMesh *mesh = &s->meshes[i];
        const WorldMaterial *m = &mesh->material;
        if (car && mesh_in_prop(mesh, car, 0.0)) {
            chrome |= m->metallic == 1.0f && m->roughness < 0.1f;
            paint |= m->specular >= 0.5f && m->metallic == 0.0f &&
                     m->transmission == 0.0f;
        }
        if (lamp && mesh_in_prop(mesh, lamp, 0.0))
            glow |= m->emission[0] > 0.5f;
    }
    CHECK(chrome);
    CHECK(paint);
    CHECK(glow);
    world_scene_free(&s);
}

// The kit keys on the whole material: one colour as paint and as chrome
// is two meshes; a plain colour stays all-zero beyond its albedo.
static void test_kit_keys_whole_material(void)
{
    WorldKit k;
    world_kit_init(&k, base_allocator_default());
    int a = world_kit_mat(&k, 0.5, 0.5, 0.5);
    int b = world_kit_mat_as(&k, WORLD_MAT_CHROME, 0.5, 0.5, 0.5);
    int c = world_kit_mat_as(&k, WORLD_MAT_CHROME, 0.5, 0.5, 0.5);
    int d = world_kit_mat(&k, 0.5, 0.5, 0.5);
    CHECK(a != b);
    CHECK_INT_EQ(b, c);
    CHECK_INT_EQ(a, d);
    WorldMaterial plain;
    memset(&plain, 0, sizeof(plain));
    plain.albedo[0] = plain.albedo[1] = plain.albedo[2] = 0.5f;
    CHECK(memcmp(&k.mats[a].mat, &plain, sizeof(plain)) == 0);
    world_kit_box(&k, a, v3(0, 0, 0), v3(1, 1, 1), 0.0);
    world_kit_box(&k, b, v3(3, 0, 0), v3(1, 1, 1), 0.0);
    BaseArena arena;
    base_arena_init(&arena, base_allocator_default());
    WorldMesh out[4];
    size_t n = 0;
    CHECK_OK(world_kit_emit(&k, &arena, out, 4, &n));
    CHECK_INT_EQ(n, 2);
    CHECK(out[0].material.metallic == 0.0f);
    CHECK(out[1].material.metallic == 1.0f);
    base_arena_fini(&arena);
    world_kit_fini(&k);
}

int main(void)
{
    CHECK_RUN(test_glass_props);
    CHECK_RUN(test_car_and_streetlamp);
    CHECK_RUN(test_kit_keys_whole_material);
    return CHECK_DONE();
}
