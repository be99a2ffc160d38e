/* tests/deliver/test_gltf.c: the glTF export read back byte by byte: GLB
 * header and chunks, the JSON through jansson, accessor data against the
 * meshes it came from, the camera's lens and orientation, lights, the move
 * as animation, and the API and CLI around it (counts, exit codes). */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>

#include "check.h"
#include "deliver/deliver.h"
#include "direct/direct.h"
#include "world/world.h"

static char dir[256];

typedef struct Glb {
    uint8_t *data;
    size_t size;
    json_t *doc;
    const uint8_t *bin;
    size_t bin_len;
} Glb;

static uint32_t u32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

// Reads @p path and checks the container: magic, version, total length,
// a JSON chunk then a BIN chunk, both 4-byte aligned. 0 on success.
static int glb_load(const char *path, Glb *g)
{
    memset(g, 0, sizeof *g);
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    g->data = malloc((size_t)n);
    g->size = (size_t)n;
    size_t got = fread(g->data, 1, g->size, f);
    fclose(f);
    CHECK_INT_EQ((long)got, n);
    CHECK(n >= 28);
    if (n < 28)
        return -1;
    CHECK_INT_EQ(u32(g->data), 0x46546C67);
    CHECK_INT_EQ(u32(g->data + 4), 2);
    CHECK_INT_EQ(u32(g->data + 8), (uint32_t)n);
    uint32_t jlen = u32(g->data + 12);
    CHECK_INT_EQ(u32(g->data + 16), 0x4E4F534A);
    CHECK_INT_EQ(jlen % 4, 0);
    if (20u + jlen + 8u > (size_t)n)
        return -1;
    const uint8_t *b = g->data + 20 + jlen;
    g->bin_len = u32(b);
    CHECK_INT_EQ(u32(b + 4), 0x004E4942);
    CHECK_INT_EQ(g->bin_len % 4, 0);
    CHECK_INT_EQ(20 + jlen + 8 + g->bin_len, (uint32_t)n);
    g->bin = b + 8;
    json_error_t err;
    g->doc = json_loadb((const char *)g->data + 20, jlen, 0, &err);
    CHECK(g->doc != NULL);
    if (!g->doc)
        return -1;
    json_t *buf = json_array_get(json_object_get(g->doc, "buffers"), 0);
    CHECK_INT_EQ(json_integer_value(json_object_get(buf, "byteLength")),
                 (json_int_t)g->bin_len);
    return 0;
}

static void glb_free(Glb *g)
{
    json_decref(g->doc);
    free(g->data);
}

static json_t *at(json_t *doc, const char *key, size_t i)
{
    return json_array_get(json_object_get(doc, key), i);
}

static double num(json_t *j)
{
    return json_number_value(j);
}

// The bytes accessor @p index points at, after checking they lie in the
// binary chunk.
static const uint8_t *accessor_data(const Glb *g, size_t index, size_t *count)
{
    json_t *acc = at(g->doc, "accessors", index);
    json_t *view =
        at(g->doc, "bufferViews",
           (size_t)json_integer_value(json_object_get(acc, "bufferView")));
    size_t off =
        (size_t)json_integer_value(json_object_get(view, "byteOffset"));
    size_t len =
        (size_t)json_integer_value(json_object_get(view, "byteLength"));
    *count = (size_t)json_integer_value(json_object_get(acc, "count"));
    CHECK(off + len <= g->bin_len);
    CHECK_INT_EQ(off % 4, 0);
    return g->bin + off;
}

static void quat_rotate(const double q[4], const double v[3], double out[3])
{
    // v' = v + 2 w (u x v) + 2 u x (u x v), u = (x, y, z)
    double u[3] = { q[0], q[1], q[2] }, w = q[3];
    double t[3] = { 2 * (u[1] * v[2] - u[2] * v[1]),
                    2 * (u[2] * v[0] - u[0] * v[2]),
                    2 * (u[0] * v[1] - u[1] * v[0]) };
    out[0] = v[0] + w * t[0] + (u[1] * t[2] - u[2] * t[1]);
    out[1] = v[1] + w * t[1] + (u[2] * t[0] - u[0] * t[2]);
    out[2] = v[2] + w * t[2] + (u[0] * t[1] - u[1] * t[0]);
}

static void check_orientation(json_t *node, Vec3 forward, Vec3 up)
{
    json_t *r = json_object_get(node, "rotation");
    CHECK_INT_EQ(json_array_size(r), 4);
    double q[4];
    for (size_t i = 0; i < 4; i++)
        q[i] = num(json_array_get(r, i));
    CHECK_NEAR(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3], 1.0,
               1e-6);
    double mz[3] = { 0, 0, -1 }, py[3] = { 0, 1, 0 }, f[3], u[3];
    quat_rotate(q, mz, f);
    quat_rotate(q, py, u);
    CHECK_NEAR(f[0], forward.x, 1e-5);
    CHECK_NEAR(f[1], forward.y, 1e-5);
    CHECK_NEAR(f[2], forward.z, 1e-5);
    CHECK_NEAR(u[0], up.x, 1e-5);
    CHECK_NEAR(u[1], up.y, 1e-5);
    CHECK_NEAR(u[2], up.z, 1e-5);
}

static CameraView view_looking(Vec3 pos, Vec3 forward, Vec3 up)
{
    CameraView v;
    memset(&v, 0, sizeof v);
    v.position = pos;
    v.forward = v3_norm(forward);
    v.right = v3_norm(v3_cross(v.forward, up));
    v.up = v3_cross(v.right, v.forward);
    v.focal_mm = 35.0;
    v.sensor_w_mm = 24.89;
    v.sensor_h_mm = 24.89 / 2.39;
    return v;
}

// A hand-made shot: a smooth quad and a flat glowing glass triangle, a
// camera panning over three frames, the sun and one lamp.
static void test_synthetic(void)
{
    float quad_p[] = { -1, 0, -1, 1, 0, -1, 1, 0, 1, -1, 2.5f, 1 };
    float quad_n[] = { 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0 };
    uint32_t quad_i[] = { 0, 2, 1, 0, 3, 2 };
    float tri_p[] = { 3, 0, 0, 4, 0, 0, 3, 1, -7 };
    uint32_t tri_i[] = { 0, 1, 2 };
    WorldMesh meshes[2];
    memset(meshes, 0, sizeof meshes);
    meshes[0] = (WorldMesh){ quad_p,
                             quad_n,
                             quad_i,
                             4,
                             2,
                             { { 0.5f, 0.25f, 0.125f },
                               0.7f,
                               0.5f,
                               0.0f,
                               0.0f,
                               0.0f,
                               0.0f,
                               0.0f,
                               { 0, 0, 0 } },
                             0 };
    meshes[1] = (WorldMesh){ tri_p,
                             NULL,
                             tri_i,
                             3,
                             1,
                             { { 0.9f, 0.9f, 0.9f },
                               0.05f,
                               0.5f,
                               1.0f,
                               1.0f,
                               1.33f,
                               0.0f,
                               0.0f,
                               { 6.0f, 3.0f, 0 } },
                             2 };
    Scene scene;
    memset(&scene, 0, sizeof scene);
    scene.meshes = meshes;
    scene.mesh_count = 2;
    CameraView views[3];
    views[0] = view_looking(v3(0, 1.6, 5), v3(0, -0.2, -1), v3(0, 1, 0));
    views[1] = view_looking(v3(0.5, 1.6, 5), v3(0.3, -0.2, -1), v3(0, 1, 0));
    views[2] = view_looking(v3(1, 1.6, 5), v3(0.6, -0.1, -1), v3(0, 1, 0));
    LightRig rig;
    memset(&rig, 0, sizeof rig);
    rig.sun_dir = v3_norm(v3(0.3, 0.8, 0.2));
    rig.sun_radiance[0] = 1000.0f;
    rig.sun_radiance[1] = 900.0f;
    rig.sun_radiance[2] = 800.0f;
    rig.sun_cos_radius = cos(0.5 * BASE_PI / 180.0);
    for (int c = 0; c < 3; c++)
        rig.sky_zenith[c] = rig.sky_horizon[c] = rig.sky_ground[c] = 0.25f;
    rig.exposure_ev = -1.5;
    rig.local_count = 1;
    rig.locals[0].position = v3(1, 2, 3);
    rig.locals[0].radius_m = 0.2;
    rig.locals[0].radiance[0] = 50.0f;
    rig.locals[0].radiance[1] = 40.0f;
    rig.locals[0].radiance[2] = 30.0f;
    DeliverGltfShot shot = { &scene, views, 3, 1, 24.0, 2.39, &rig, "test" };
    char path[512];
    snprintf(path, sizeof path, "%s/synthetic.glb", dir);
    BaseDiag diag = { 0 };
    CHECK_OK(deliver_gltf_write(base_allocator_default(), &diag, path, &shot));

    Glb g;
    if (glb_load(path, &g) != 0) {
        CHECK(0);
        glb_free(&g);
        return;
    }
    CHECK_INT_EQ(json_array_size(json_object_get(g.doc, "meshes")), 2);
    for (size_t m = 0; m < 2; m++) {
        json_t *prim = at(at(g.doc, "meshes", m), "primitives", 0);
        json_t *attrs = json_object_get(prim, "attributes");
        size_t pa =
            (size_t)json_integer_value(json_object_get(attrs, "POSITION"));
        size_t count;
        const float *pos = (const float *)accessor_data(&g, pa, &count);
        CHECK_INT_EQ(count, meshes[m].vertex_count);
        // The stored floats are the mesh's, and min/max bound them.
        json_t *acc = at(g.doc, "accessors", pa);
        for (size_t c = 0; c < 3; c++) {
            float lo = meshes[m].positions[c], hi = lo;
            for (size_t v = 0; v < count; v++) {
                float x = meshes[m].positions[3 * v + c];
                CHECK(pos[3 * v + c] == x);
                lo = x < lo ? x : lo;
                hi = x > hi ? x : hi;
            }
            CHECK_NEAR(num(json_array_get(json_object_get(acc, "min"), c)), lo,
                       1e-6);
            CHECK_NEAR(num(json_array_get(json_object_get(acc, "max"), c)), hi,
                       1e-6);
        }
        CHECK(meshes[m].normals ? json_object_get(attrs, "NORMAL") != NULL
                                : json_object_get(attrs, "NORMAL") == NULL);
        size_t ia =
            (size_t)json_integer_value(json_object_get(prim, "indices"));
        const uint32_t *idx = (const uint32_t *)accessor_data(&g, ia, &count);
        CHECK_INT_EQ(count, (size_t)meshes[m].triangle_count * 3);
        CHECK_INT_EQ(json_integer_value(json_object_get(
                         at(g.doc, "accessors", ia), "componentType")),
                     5125);
        for (size_t k = 0; k < count; k++)
            CHECK_INT_EQ(idx[k], meshes[m].indices[k]);
    }
    // Materials: albedo and roughness as given; emission above 1 split
    // into a factor and a strength; glass through the extensions.
    json_t *pbr0 =
        json_object_get(at(g.doc, "materials", 0), "pbrMetallicRoughness");
    CHECK_NEAR(num(json_array_get(json_object_get(pbr0, "baseColorFactor"), 1)),
               0.25, 1e-6);
    CHECK_NEAR(num(json_object_get(pbr0, "roughnessFactor")), 0.7, 1e-6);
    json_t *m1 = at(g.doc, "materials", 1);
    json_t *ext = json_object_get(m1, "extensions");
    CHECK_NEAR(num(json_object_get(
                   json_object_get(ext, "KHR_materials_emissive_strength"),
                   "emissiveStrength")),
               6.0, 1e-6);
    CHECK_NEAR(num(json_array_get(json_object_get(m1, "emissiveFactor"), 1)),
               0.5, 1e-6);
    CHECK_NEAR(
        num(json_object_get(json_object_get(ext, "KHR_materials_transmission"),
                            "transmissionFactor")),
        1.0, 1e-6);
    CHECK_NEAR(
        num(json_object_get(json_object_get(ext, "KHR_materials_ior"), "ior")),
        1.33, 1e-6);

    // The camera rests at view 1: its lens, place and orientation.
    json_t *cam = json_object_get(at(g.doc, "cameras", 0), "perspective");
    CHECK_NEAR(num(json_object_get(cam, "yfov")), camera_vfov_rad(&views[1]),
               1e-7);
    CHECK_NEAR(num(json_object_get(cam, "aspectRatio")), 2.39, 1e-7);
    json_t *nodes = json_object_get(g.doc, "nodes");
    json_t *cam_node = NULL, *sun = NULL, *lamp = NULL;
    size_t cam_index = 0;
    for (size_t i = 0; i < json_array_size(nodes); i++) {
        json_t *n = json_array_get(nodes, i);
        if (json_object_get(n, "camera")) {
            cam_node = n;
            cam_index = i;
        }
        const char *name = json_string_value(json_object_get(n, "name"));
        if (name && strcmp(name, "sun") == 0)
            sun = n;
        if (name && strcmp(name, "lamp-1") == 0)
            lamp = n;
    }
    CHECK(cam_node && sun && lamp);
    if (!cam_node || !sun || !lamp) {
        glb_free(&g);
        return;
    }
    CHECK_NEAR(num(json_array_get(json_object_get(cam_node, "translation"), 0)),
               0.5, 1e-9);
    check_orientation(cam_node, views[1].forward, views[1].up);
    // The sun shines along -Z of its node, away from the sun.
    Vec3 down_sun = v3_scale(rig.sun_dir, -1.0);
    json_t *r = json_object_get(sun, "rotation");
    double q[4], mz[3] = { 0, 0, -1 }, d[3];
    for (size_t i = 0; i < 4; i++)
        q[i] = num(json_array_get(r, i));
    quat_rotate(q, mz, d);
    CHECK_NEAR(d[0], down_sun.x, 1e-6);
    CHECK_NEAR(d[1], down_sun.y, 1e-6);
    CHECK_NEAR(d[2], down_sun.z, 1e-6);
    // Lux: the disc's irradiance (radiance x solid angle) x 683 lm/W.
    json_t *lights =
        json_object_get(json_object_get(json_object_get(g.doc, "extensions"),
                                        "KHR_lights_punctual"),
                        "lights");
    CHECK_INT_EQ(json_array_size(lights), 2);
    double sr = 2.0 * BASE_PI * (1.0 - rig.sun_cos_radius);
    json_t *l0 = json_array_get(lights, 0);
    CHECK_STR_EQ(json_string_value(json_object_get(l0, "type")), "directional");
    CHECK_NEAR(num(json_object_get(l0, "intensity")), 1000.0 * sr * 683.0,
               1e-3);
    CHECK_NEAR(num(json_array_get(json_object_get(l0, "color"), 2)), 0.8, 1e-6);
    json_t *l1 = json_array_get(lights, 1);
    CHECK_STR_EQ(json_string_value(json_object_get(l1, "type")), "point");
    CHECK_NEAR(num(json_object_get(l1, "intensity")),
               50.0 * BASE_PI * 0.04 * 683.0, 1e-3);
    CHECK_NEAR(num(json_array_get(json_object_get(lamp, "translation"), 2)),
               3.0, 1e-9);
    json_t *extras = json_object_get(
        json_object_get(at(g.doc, "scenes", 0), "extras"), "auteur");
    CHECK_NEAR(num(json_array_get(json_object_get(extras, "sky_rgb"), 0)), 0.25,
               1e-6);
    CHECK_NEAR(num(json_object_get(extras, "exposure_ev")), -1.5, 1e-9);

    // The move: one key per view, 1/24 s apart, ending where view 2 is.
    json_t *anim = at(g.doc, "animations", 0);
    CHECK_INT_EQ(json_array_size(json_object_get(anim, "channels")), 2);
    size_t tr_sampler = 2, rot_sampler = 2;
    for (size_t c = 0; c < 2; c++) {
        json_t *ch = at(anim, "channels", c);
        json_t *target = json_object_get(ch, "target");
        CHECK_INT_EQ(json_integer_value(json_object_get(target, "node")),
                     (json_int_t)cam_index);
        const char *p = json_string_value(json_object_get(target, "path"));
        size_t s = (size_t)json_integer_value(json_object_get(ch, "sampler"));
        if (p && strcmp(p, "translation") == 0)
            tr_sampler = s;
        if (p && strcmp(p, "rotation") == 0)
            rot_sampler = s;
    }
    CHECK(tr_sampler < 2 && rot_sampler < 2);
    if (tr_sampler < 2 && rot_sampler < 2) {
        json_t *ts = at(anim, "samplers", tr_sampler);
        json_t *rs = at(anim, "samplers", rot_sampler);
        size_t count;
        const float *times = (const float *)accessor_data(
            &g, (size_t)json_integer_value(json_object_get(ts, "input")),
            &count);
        CHECK_INT_EQ(count, 3);
        CHECK_NEAR(times[2], 2.0 / 24.0, 1e-6);
        const float *tr = (const float *)accessor_data(
            &g, (size_t)json_integer_value(json_object_get(ts, "output")),
            &count);
        CHECK_INT_EQ(count, 3);
        CHECK_NEAR(tr[6], 1.0, 1e-6);
        const float *rot = (const float *)accessor_data(
            &g, (size_t)json_integer_value(json_object_get(rs, "output")),
            &count);
        CHECK_INT_EQ(count, 3);
        double q2[4] = { rot[8], rot[9], rot[10], rot[11] }, f2[3];
        quat_rotate(q2, mz, f2);
        CHECK_NEAR(f2[0], views[2].forward.x, 1e-5);
        CHECK_NEAR(f2[2], views[2].forward.z, 1e-5);
    }
    glb_free(&g);
}

// Straight down and straight up are where a look-at basis degenerates.
static void test_vertical_camera(void)
{
    float p[] = { 0, 0, 0, 1, 0, 0, 0, 0, 1 };
    uint32_t idx[] = { 0, 2, 1 };
    WorldMesh mesh;
    memset(&mesh, 0, sizeof mesh);
    mesh.positions = p;
    mesh.indices = idx;
    mesh.vertex_count = 3;
    mesh.triangle_count = 1;
    Scene scene;
    memset(&scene, 0, sizeof scene);
    scene.meshes = &mesh;
    scene.mesh_count = 1;
    LightRig rig;
    memset(&rig, 0, sizeof rig);
    rig.sun_dir = v3(0, 1, 0);
    rig.sun_cos_radius = 0.9999;
    Vec3 fwd[2] = { v3(0, -1, 0), v3(0, 1, 0) };
    Vec3 up[2] = { v3(0, 0, -1), v3(1, 0, 0) };
    for (int k = 0; k < 2; k++) {
        CameraView v = view_looking(v3(0, 5, 0), fwd[k], up[k]);
        DeliverGltfShot shot = { &scene, &v, 1, 0, 24.0, 1.0, &rig, NULL };
        char path[512];
        snprintf(path, sizeof path, "%s/vertical%d.glb", dir, k);
        BaseDiag diag = { 0 };
        CHECK_OK(
            deliver_gltf_write(base_allocator_default(), &diag, path, &shot));
        Glb g;
        if (glb_load(path, &g) == 0) {
            json_t *nodes = json_object_get(g.doc, "nodes");
            for (size_t i = 0; i < json_array_size(nodes); i++)
                if (json_object_get(json_array_get(nodes, i), "camera"))
                    check_orientation(json_array_get(nodes, i), v.forward,
                                      v.up);
            // A still camera has nothing to animate.
            CHECK(json_object_get(g.doc, "animations") == NULL);
        }
        glb_free(&g);
    }
}

static void test_unwritable(void)
{
    float p[] = { 0, 0, 0, 1, 0, 0, 0, 0, 1 };
    uint32_t idx[] = { 0, 2, 1 };
    WorldMesh mesh;
    memset(&mesh, 0, sizeof mesh);
    mesh.positions = p;
    mesh.indices = idx;
    mesh.vertex_count = 3;
    mesh.triangle_count = 1;
    Scene scene;
    memset(&scene, 0, sizeof scene);
    scene.meshes = &mesh;
    scene.mesh_count = 1;
    LightRig rig;
    memset(&rig, 0, sizeof rig);
    rig.sun_dir = v3(0, 1, 0);
    CameraView v = view_looking(v3(0, 1, 5), v3(0, 0, -1), v3(0, 1, 0));
    DeliverGltfShot shot = { &scene, &v, 1, 0, 24.0, 2.0, &rig, NULL };
    char path[512];
    snprintf(path, sizeof path, "%s/no-such-dir/x.glb", dir);
    BaseDiag diag = { 0 };
    CHECK_STATUS(
        deliver_gltf_write(base_allocator_default(), &diag, path, &shot),
        AU_EIO);
    CHECK(access(path, F_OK) != 0);
    shot.view_at = 1; // past the only view
    snprintf(path, sizeof path, "%s/bad.glb", dir);
    CHECK_STATUS(
        deliver_gltf_write(base_allocator_default(), &diag, path, &shot),
        AU_EINVAL);
    CHECK(access(path, F_OK) != 0);
}

// The exported shot holds exactly the meshes world_build makes for it,
// and its camera moves when the shot has a dolly.
static void test_api_export(void)
{
    const char *prompt =
        "two friends talk on a patio at noon, wide, slow dolly in, 1s";
    const AuAllocator *a = base_allocator_default();
    BaseDiag diag = { 0 };
    Production *prod = NULL;
    CHECK_OK(
        direct_plan_prompt(a, &diag, "prompt", prompt, strlen(prompt), &prod));
    Scene *scene = NULL;
    CHECK_OK(world_build(a, prod, 0, 0.0, 1, &scene));

    AuContext *ctx = NULL;
    CHECK_OK(au_context_new(NULL, &ctx));
    AuProject *project = NULL;
    CHECK_OK(au_project_load_prompt(ctx, prompt, &project));
    AuRenderOptions o;
    au_render_options_default(&o);
    o.seed = 1;
    char path[512];
    snprintf(path, sizeof path, "%s/api.glb", dir);
    CHECK_OK(au_export_gltf(ctx, project, &o, 0, 0.0, path));
    CHECK_STATUS(au_export_gltf(ctx, project, &o, 5, 0.0, path), AU_EINVAL);
    CHECK_STATUS(au_export_gltf(ctx, project, &o, 0, 99.0, path), AU_EINVAL);
    Glb g;
    if (scene && glb_load(path, &g) == 0) {
        size_t want = 0, k = 0;
        for (size_t i = 0; i < scene->mesh_count; i++)
            want += scene->meshes[i].triangle_count > 0;
        json_t *meshes = json_object_get(g.doc, "meshes");
        CHECK_INT_EQ(json_array_size(meshes), want);
        for (size_t i = 0; i < scene->mesh_count && k < want; i++) {
            const WorldMesh *m = &scene->meshes[i];
            if (m->triangle_count == 0)
                continue;
            json_t *prim = at(json_array_get(meshes, k++), "primitives", 0);
            json_t *attrs = json_object_get(prim, "attributes");
            size_t count;
            accessor_data(
                &g,
                (size_t)json_integer_value(json_object_get(attrs, "POSITION")),
                &count);
            CHECK_INT_EQ(count, m->vertex_count);
            accessor_data(
                &g,
                (size_t)json_integer_value(json_object_get(prim, "indices")),
                &count);
            CHECK_INT_EQ(count, (size_t)m->triangle_count * 3);
        }
        // 1 s at 24 fps: 25 keys, and the dolly carries the camera.
        json_t *ts = at(at(g.doc, "animations", 0), "samplers", 0);
        size_t count;
        const float *tr = (const float *)accessor_data(
            &g, (size_t)json_integer_value(json_object_get(ts, "output")),
            &count);
        CHECK_INT_EQ(count, 25);
        double moved = 0;
        for (int c = 0; c < 3; c++)
            moved += fabs((double)tr[3 * 24 + c] - (double)tr[c]);
        CHECK(moved > 0.05);
        glb_free(&g);
    }
    au_project_free(&project);
    au_context_free(&ctx);
    world_scene_free(&scene);
    direct_production_free(&prod);
}

static int run_cli(const char *args)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s export %s 2>/dev/null", AU_CLI_PATH, args);
    int rc = system(cmd);
    return rc >= 0 && WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static void test_cli_codes(void)
{
    char args[768];
    snprintf(args, sizeof args,
             "%s/examples/first-light.fountain --shot 1 -o %s/cli.glb",
             AU_SOURCE_DIR, dir);
    CHECK_INT_EQ(run_cli(args), 0);
    snprintf(args, sizeof args, "%s/cli.glb", dir);
    CHECK(access(args, F_OK) == 0);
    snprintf(args, sizeof args,
             "%s/examples/first-light.fountain --shot 99 -o %s/cli2.glb",
             AU_SOURCE_DIR, dir);
    CHECK_INT_EQ(run_cli(args), 1);
    snprintf(args, sizeof args,
             "%s/examples/first-light.fountain -o %s/cli2.glb", AU_SOURCE_DIR,
             dir);
    CHECK_INT_EQ(run_cli(args), 1);
    snprintf(args, sizeof args,
             "%s/examples/first-light.fountain --shot 1 -o %s/nodir/x.glb",
             AU_SOURCE_DIR, dir);
    CHECK_INT_EQ(run_cli(args), 3);
    snprintf(args, sizeof args, "%s/cli2.glb", dir);
    CHECK(access(args, F_OK) != 0);
}

int main(void)
{
    snprintf(dir, sizeof dir, "%s/test_gltf_XXXXXX", AU_BINARY_DIR);
    if (!mkdtemp(dir))
        return 1;
    CHECK_RUN(test_synthetic);
    CHECK_RUN(test_vertical_camera);
    CHECK_RUN(test_unwritable);
    CHECK_RUN(test_api_export);
    CHECK_RUN(test_cli_codes);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        return 1;
    return CHECK_DONE();
}
