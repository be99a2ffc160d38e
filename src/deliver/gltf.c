/* deliver/gltf.c: exports one shot (world geometry, materials, the camera
 * and its move, the light rig) as a glTF 2.0 binary, so a DCC tool or
 * another renderer (Blender Cycles in bench/cycles) sees the same scene. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "deliver.h"

enum {
    GLB_MAGIC = 0x46546C67, /* "glTF" */
    GLB_VERSION = 2,
    GLB_CHUNK_JSON = 0x4E4F534A,
    GLB_CHUNK_BIN = 0x004E4942,
    GL_FLOAT = 5126,
    GL_UNSIGNED_INT = 5125,
    GL_ARRAY_BUFFER = 34962,
    GL_ELEMENT_ARRAY_BUFFER = 34963
};

/* Luminous efficacy that glTF's photometric light units and Blender's
 * importer agree on, lm/W. */
#define LUMENS_PER_WATT 683.0

// The binary chunk being built, and whether anything failed on the way
// (jansson reports failure only through return values, so one flag keeps
// every call site short).
typedef struct Glb {
    const AuAllocator *alloc;
    uint8_t *bin;
    size_t bin_len;
    size_t bin_cap;
    json_t *views;
    json_t *accessors;
    bool failed;
} Glb;

static void put(Glb *g, json_t *obj, const char *key, json_t *value)
{
    if (!value || json_object_set_new(obj, key, value) != 0)
        g->failed = true;
}

static void push(Glb *g, json_t *arr, json_t *value)
{
    if (!value || json_array_append_new(arr, value) != 0)
        g->failed = true;
}

static json_t *real_array(Glb *g, const double *v, size_t n)
{
    json_t *a = json_array();
    if (!a) {
        g->failed = true;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        push(g, a, json_real(v[i]));
    return a;
}

// Appends @p size bytes to the binary chunk on a 4-byte boundary (every
// component here is 4 bytes wide) and returns their offset.
static size_t bin_append(Glb *g, const void *data, size_t size)
{
    size_t at = (g->bin_len + 3u) & ~(size_t)3u;
    if (at + size > g->bin_cap) {
        size_t cap = g->bin_cap ? g->bin_cap : 65536;
        while (cap < at + size)
            cap *= 2;
        uint8_t *p = base_realloc(g->alloc, g->bin, cap);
        if (!p) {
            g->failed = true;
            return 0;
        }
        g->bin = p;
        g->bin_cap = cap;
    }
    memset(g->bin + g->bin_len, 0, at - g->bin_len);
    memcpy(g->bin + at, data, size);
    g->bin_len = at + size;
    return at;
}

// Stores @p count elements of @p comps components (floats, or uint32
// when @p indices) and returns the accessor's index; float accessors get
// the min and max glTF requires for positions and animation inputs.
static size_t accessor_add(Glb *g, const void *data, size_t count, int comps,
                           bool indices, int target)
{
    size_t size = count * (size_t)comps * 4u;
    size_t offset = bin_append(g, data, size);
    json_t *view = json_object();
    if (!view) {
        g->failed = true;
        return 0;
    }
    put(g, view, "buffer", json_integer(0));
    put(g, view, "byteOffset", json_integer((json_int_t)offset));
    put(g, view, "byteLength", json_integer((json_int_t)size));
    if (target)
        put(g, view, "target", json_integer(target));
    push(g, g->views, view);

    json_t *acc = json_object();
    if (!acc) {
        g->failed = true;
        return 0;
    }
    static const char *const types[] = { "", "SCALAR", "VEC2", "VEC3", "VEC4" };
    put(g, acc, "bufferView",
        json_integer((json_int_t)json_array_size(g->views) - 1));
    put(g, acc, "componentType",
        json_integer(indices ? GL_UNSIGNED_INT : GL_FLOAT));
    put(g, acc, "count", json_integer((json_int_t)count));
    put(g, acc, "type", json_string(types[comps]));
    if (!indices && count > 0) {
        const float *f = data;
        double lo[4], hi[4];
        for (int c = 0; c < comps; c++)
            lo[c] = hi[c] = (double)f[c];
        for (size_t i = 1; i < count; i++)
            for (int c = 0; c < comps; c++) {
                double x = (double)f[i * (size_t)comps + (size_t)c];
                lo[c] = x < lo[c] ? x : lo[c];
                hi[c] = x > hi[c] ? x : hi[c];
            }
        put(g, acc, "min", real_array(g, lo, (size_t)comps));
        put(g, acc, "max", real_array(g, hi, (size_t)comps));
    }
    push(g, g->accessors, acc);
    return json_array_size(g->accessors) - 1;
}

// The unit quaternion (x, y, z, w) of the rotation taking local -Z to
// @p forward and +Y to @p up, as glTF cameras and lights are oriented.
static void look_quat(Vec3 forward, Vec3 up, double q[4])
{
    Vec3 f = v3_norm(forward);
    Vec3 r = v3_cross(f, up);
    if (v3_len(r) < 1e-9) // looking straight along up: any roll will do
        r = v3_cross(f, fabs(f.y) < 0.9 ? v3(0, 1, 0) : v3(1, 0, 0));
    r = v3_norm(r);
    Vec3 u = v3_cross(r, f);
    Vec3 b = v3_scale(f, -1.0);
    // Columns of the rotation: local X, Y, Z in world space.
    double m00 = r.x, m01 = u.x, m02 = b.x;
    double m10 = r.y, m11 = u.y, m12 = b.y;
    double m20 = r.z, m21 = u.z, m22 = b.z;
    double tr = m00 + m11 + m22;
    if (tr > 0.0) {
        double s = 0.5 / sqrt(tr + 1.0);
        q[3] = 0.25 / s;
        q[0] = (m21 - m12) * s;
        q[1] = (m02 - m20) * s;
        q[2] = (m10 - m01) * s;
    } else if (m00 > m11 && m00 > m22) {
        double s = 2.0 * sqrt(1.0 + m00 - m11 - m22);
        q[3] = (m21 - m12) / s;
        q[0] = 0.25 * s;
        q[1] = (m01 + m10) / s;
        q[2] = (m02 + m20) / s;
    } else if (m11 > m22) {
        double s = 2.0 * sqrt(1.0 + m11 - m00 - m22);
        q[3] = (m02 - m20) / s;
        q[0] = (m01 + m10) / s;
        q[1] = 0.25 * s;
        q[2] = (m12 + m21) / s;
    } else {
        double s = 2.0 * sqrt(1.0 + m22 - m00 - m11);
        q[3] = (m10 - m01) / s;
        q[0] = (m02 + m20) / s;
        q[1] = (m12 + m21) / s;
        q[2] = 0.25 * s;
    }
    double n = sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
    for (int i = 0; i < 4; i++)
        q[i] /= n;
}

static json_t *material_json(Glb *g, const WorldMaterial *m, size_t index)
{
    json_t *mat = json_object();
    json_t *pbr = json_object();
    json_t *ext = json_object();
    if (!mat || !pbr || !ext) {
        json_decref(mat);
        json_decref(pbr);
        json_decref(ext);
        g->failed = true;
        return NULL;
    }
    char name[32];
    snprintf(name, sizeof name, "material-%zu", index);
    put(g, mat, "name", json_string(name));
    double base[4] = { (double)m->albedo[0], (double)m->albedo[1],
                       (double)m->albedo[2], 1.0 };
    put(g, pbr, "baseColorFactor", real_array(g, base, 4));
    put(g, pbr, "metallicFactor", json_real((double)m->metallic));
    put(g, pbr, "roughnessFactor", json_real((double)m->roughness));
    put(g, mat, "pbrMetallicRoughness", pbr);
    // glTF clamps emissiveFactor to [0, 1]; the strength extension carries
    // the rest, so a lamp shade keeps its real brightness.
    double peak = 0.0;
    for (int c = 0; c < 3; c++)
        peak = (double)m->emission[c] > peak ? (double)m->emission[c] : peak;
    if (peak > 0.0) {
        double scale = peak > 1.0 ? peak : 1.0;
        double e[3] = { (double)m->emission[0] / scale,
                        (double)m->emission[1] / scale,
                        (double)m->emission[2] / scale };
        put(g, mat, "emissiveFactor", real_array(g, e, 3));
        if (scale > 1.0)
            put(g, ext, "KHR_materials_emissive_strength",
                json_pack("{s:f}", "emissiveStrength", scale));
    }
    if (m->transmission > 0.0f) {
        put(g, ext, "KHR_materials_transmission",
            json_pack("{s:f}", "transmissionFactor", (double)m->transmission));
        put(g, ext, "KHR_materials_ior",
            json_pack("{s:f}", "ior", m->ior > 0.0f ? (double)m->ior : 1.5));
    }
    if (json_object_size(ext))
        put(g, mat, "extensions", ext);
    else
        json_decref(ext);
    return mat;
}

// Cosine-weighted mean of the sky over the upper hemisphere: the uniform
// sky that gives an upward-facing card the same irradiance.
static void sky_mean(const LightRig *rig, double out[3])
{
    enum {
        RINGS = 16,
        SECTORS = 32
    };

    double sum[3] = { 0, 0, 0 }, weight = 0.0;
    for (int i = 0; i < RINGS; i++) {
        double el = (i + 0.5) / RINGS * BASE_PI / 2.0;
        double w = sin(el) * cos(el);
        for (int k = 0; k < SECTORS; k++) {
            double az = (k + 0.5) / SECTORS * 2.0 * BASE_PI;
            Vec3 d = v3(cos(el) * cos(az), sin(el), cos(el) * sin(az));
            float l[3];
            light_sky_radiance(rig, d, l);
            for (int c = 0; c < 3; c++)
                sum[c] += w * (double)l[c];
            weight += w;
        }
    }
    for (int c = 0; c < 3; c++)
        out[c] = sum[c] / weight;
}

// A light as glTF wants it: a colour in [0, 1] and a scalar intensity.
static json_t *light_json(Glb *g, const char *type, const char *name,
                          const double rgb[3], double photometric_scale)
{
    double peak = rgb[0] > rgb[1] ? rgb[0] : rgb[1];
    peak = rgb[2] > peak ? rgb[2] : peak;
    double col[3] = { 1, 1, 1 };
    if (peak > 0.0)
        for (int c = 0; c < 3; c++)
            col[c] = rgb[c] / peak;
    json_t *l = json_object();
    if (!l) {
        g->failed = true;
        return NULL;
    }
    put(g, l, "type", json_string(type));
    put(g, l, "name", json_string(name));
    put(g, l, "color", real_array(g, col, 3));
    put(g, l, "intensity", json_real(peak * photometric_scale));
    return l;
}

static json_t *node_at(Glb *g, const char *name, Vec3 pos, const double q[4])
{
    json_t *n = json_object();
    if (!n) {
        g->failed = true;
        return NULL;
    }
    double t[3] = { pos.x, pos.y, pos.z };
    put(g, n, "name", json_string(name));
    put(g, n, "translation", real_array(g, t, 3));
    if (q)
        put(g, n, "rotation", real_array(g, q, 4));
    return n;
}

// The camera's move: one LINEAR translation and rotation key per view.
static void camera_move_add(Glb *g, json_t *root, const DeliverGltfShot *shot,
                            size_t cam_index)
{
    size_t n = shot->view_count;
    float *times = base_calloc(g->alloc, n, 8 * sizeof(float));
    if (!times) {
        g->failed = true;
    } else {
        float *trans = times + n, *rots = times + 4 * n;
        double prev[4] = { 0, 0, 0, 1 };
        for (size_t i = 0; i < n; i++) {
            const CameraView *v = &shot->views[i];
            times[i] = (float)((double)i / shot->fps);
            trans[3 * i + 0] = (float)v->position.x;
            trans[3 * i + 1] = (float)v->position.y;
            trans[3 * i + 2] = (float)v->position.z;
            double r[4];
            look_quat(v->forward, v->up, r);
            // q and -q are one rotation; keep neighbours on the same
            // side so interpolation takes the short way.
            double d = r[0] * prev[0] + r[1] * prev[1] + r[2] * prev[2] +
                       r[3] * prev[3];
            for (int c = 0; c < 4; c++) {
                r[c] = i > 0 && d < 0.0 ? -r[c] : r[c];
                rots[4 * i + (size_t)c] = (float)r[c];
                prev[c] = r[c];
            }
        }
        size_t in = accessor_add(g, times, n, 1, false, 0);
        size_t tr = accessor_add(g, trans, n, 3, false, 0);
        size_t ro = accessor_add(g, rots, n, 4, false, 0);
        base_free(g->alloc, times);
        json_t *anims = json_array();
        push(g, anims,
             json_pack("{s:s,s:[{s:I,s:s,s:I},{s:I,s:s,s:I}],"
                       "s:[{s:I,s:{s:I,s:s}},{s:I,s:{s:I,s:s}}]}",
                       "name", "camera move", "samplers", "input",
                       (json_int_t)in, "interpolation", "LINEAR", "output",
                       (json_int_t)tr, "input", (json_int_t)in, "interpolation",
                       "LINEAR", "output", (json_int_t)ro, "channels",
                       "sampler", (json_int_t)0, "target", "node",
                       (json_int_t)cam_index, "path", "translation", "sampler",
                       (json_int_t)1, "target", "node", (json_int_t)cam_index,
                       "path", "rotation"));
        put(g, root, "animations", anims);
    }
}

// Builds the whole glTF document; the binary chunk accumulates in @p g.
static json_t *document_build(Glb *g, const DeliverGltfShot *shot)
{
    json_t *root = json_object();
    json_t *nodes = json_array(), *scene_nodes = json_array();
    json_t *meshes = json_array(), *materials = json_array();
    json_t *lights = json_array();
    g->views = json_array();
    g->accessors = json_array();
    if (!root || !nodes || !scene_nodes || !meshes || !materials || !lights ||
        !g->views || !g->accessors) {
        g->failed = true;
        json_decref(root);
        json_decref(nodes);
        json_decref(scene_nodes);
        json_decref(meshes);
        json_decref(materials);
        json_decref(lights);
        return NULL;
    }
    put(g, root, "asset",
        json_pack("{s:s,s:s}", "version", "2.0", "generator",
                  "auteur " AU_VERSION_STRING));

    const Scene *sc = shot->scene;
    for (size_t i = 0; i < sc->mesh_count && !g->failed; i++) {
        const WorldMesh *m = &sc->meshes[i];
        if (m->vertex_count == 0 || m->triangle_count == 0)
            continue;
        push(g, materials, material_json(g, &m->material, i));
        json_t *attrs = json_object();
        json_t *prim = json_object();
        json_t *mesh = json_object();
        json_t *prims = json_array();
        if (!attrs || !prim || !mesh || !prims) {
            json_decref(attrs);
            json_decref(prim);
            json_decref(mesh);
            json_decref(prims);
            g->failed = true;
            break;
        }
        size_t pos = accessor_add(g, m->positions, m->vertex_count, 3, false,
                                  GL_ARRAY_BUFFER);
        put(g, attrs, "POSITION", json_integer((json_int_t)pos));
        if (m->normals) {
            size_t nrm = accessor_add(g, m->normals, m->vertex_count, 3, false,
                                      GL_ARRAY_BUFFER);
            put(g, attrs, "NORMAL", json_integer((json_int_t)nrm));
        }
        size_t idx = accessor_add(g, m->indices, (size_t)m->triangle_count * 3u,
                                  1, true, GL_ELEMENT_ARRAY_BUFFER);
        put(g, prim, "attributes", attrs);
        put(g, prim, "indices", json_integer((json_int_t)idx));
        put(g, prim, "material",
            json_integer((json_int_t)json_array_size(materials) - 1));
        push(g, prims, prim);
        char name[48];
        if (m->object_id)
            snprintf(name, sizeof name, "cast-%u-mesh-%zu",
                     (unsigned)m->object_id, i);
        else
            snprintf(name, sizeof name, "mesh-%zu", i);
        put(g, mesh, "name", json_string(name));
        put(g, mesh, "primitives", prims);
        push(g, meshes, mesh);
        json_t *node = json_object();
        if (!node) {
            g->failed = true;
            break;
        }
        put(g, node, "name", json_string(name));
        put(g, node, "mesh",
            json_integer((json_int_t)json_array_size(meshes) - 1));
        push(g, nodes, node);
        push(g, scene_nodes,
             json_integer((json_int_t)json_array_size(nodes) - 1));
    }

    // The camera: a perspective lens, resting at the export time, moving
    // over the whole shot.
    const CameraView *at = &shot->views[shot->view_at];
    json_t *cams = json_array();
    push(g, cams,
         json_pack("{s:s,s:s,s:{s:f,s:f,s:f,s:f}}", "name", "camera", "type",
                   "perspective", "perspective", "aspectRatio", shot->aspect,
                   "yfov", camera_vfov_rad(at), "znear", 0.01, "zfar", 1000.0));
    put(g, root, "cameras", cams);
    double q[4];
    look_quat(at->forward, at->up, q);
    json_t *cam_node = node_at(g, "camera", at->position, q);
    put(g, cam_node, "camera", json_integer(0));
    push(g, nodes, cam_node);
    size_t cam_index = json_array_size(nodes) - 1;
    push(g, scene_nodes, json_integer((json_int_t)cam_index));

    if (shot->view_count > 1)
        camera_move_add(g, root, shot, cam_index);

    // Lights. Irradiance and intensity are in auteur's radiance unit,
    // read as watts, times 683 lm/W for lux and candela.
    const LightRig *rig = shot->rig;
    double sun_sr = 2.0 * BASE_PI * (1.0 - rig->sun_cos_radius);
    double sun_e[3];
    for (int c = 0; c < 3; c++)
        sun_e[c] = (double)rig->sun_radiance[c] * sun_sr;
    json_t *extras = json_object();
    json_t *lamp_radii = json_array();
    if (rig->sun_dir.y > -0.2) {
        push(g, lights,
             light_json(g, "directional", "sun", sun_e, LUMENS_PER_WATT));
        double sq[4];
        look_quat(v3_scale(rig->sun_dir, -1.0),
                  fabs(rig->sun_dir.y) < 0.99 ? v3(0, 1, 0) : v3(0, 0, 1), sq);
        json_t *sn =
            node_at(g, "sun",
                    v3_add(sc->stage_center, v3_scale(rig->sun_dir, 20.0)), sq);
        put(g, sn, "extensions",
            json_pack("{s:{s:I}}", "KHR_lights_punctual", "light",
                      (json_int_t)json_array_size(lights) - 1));
        push(g, nodes, sn);
        push(g, scene_nodes,
             json_integer((json_int_t)json_array_size(nodes) - 1));
    }
    for (size_t i = 0; i < rig->local_count && !g->failed; i++) {
        const LightLocal *l = &rig->locals[i];
        // A sphere of radiance L and radius r is, from afar, a point of
        // intensity L * pi * r^2.
        double area = BASE_PI * l->radius_m * l->radius_m;
        double rgb[3] = { (double)l->radiance[0] * area,
                          (double)l->radiance[1] * area,
                          (double)l->radiance[2] * area };
        char name[32];
        snprintf(name, sizeof name, "lamp-%zu", i + 1);
        push(g, lights, light_json(g, "point", name, rgb, LUMENS_PER_WATT));
        json_t *ln = node_at(g, name, l->position, NULL);
        put(g, ln, "extensions",
            json_pack("{s:{s:I}}", "KHR_lights_punctual", "light",
                      (json_int_t)json_array_size(lights) - 1));
        put(g, ln, "extras", json_pack("{s:f}", "radius_m", l->radius_m));
        push(g, nodes, ln);
        push(g, scene_nodes,
             json_integer((json_int_t)json_array_size(nodes) - 1));
        push(g, lamp_radii, json_real(l->radius_m));
    }
    double sky[3];
    sky_mean(rig, sky);
    if (extras) {
        put(g, extras, "sky_rgb", real_array(g, sky, 3));
        put(g, extras, "sun_irradiance_rgb", real_array(g, sun_e, 3));
        put(g, extras, "exposure_ev", json_real(rig->exposure_ev));
        put(g, extras, "lamp_radius_m", lamp_radii);
        put(g, extras, "fps", json_real(shot->fps));
        put(g, extras, "at_s", json_real((double)shot->view_at / shot->fps));
        put(g, extras, "sun_angle_rad",
            json_real(2.0 * acos(base_clamp(rig->sun_cos_radius, -1.0, 1.0))));
    } else {
        json_decref(lamp_radii);
        g->failed = true;
    }

    json_t *scene = json_object();
    if (!scene)
        g->failed = true;
    put(g, scene, "name", json_string(shot->name ? shot->name : "shot"));
    put(g, scene, "nodes", scene_nodes);
    put(g, scene, "extras", json_pack("{s:o}", "auteur", extras));
    json_t *scenes = json_array();
    push(g, scenes, scene);
    put(g, root, "scenes", scenes);
    put(g, root, "scene", json_integer(0));
    put(g, root, "nodes", nodes);
    put(g, root, "meshes", meshes);
    put(g, root, "materials", materials);
    put(g, root, "extensionsUsed",
        json_pack("[s,s,s,s]", "KHR_lights_punctual",
                  "KHR_materials_emissive_strength",
                  "KHR_materials_transmission", "KHR_materials_ior"));
    put(g, root, "extensions",
        json_pack("{s:{s:o}}", "KHR_lights_punctual", "lights", lights));
    put(g, root, "accessors", g->accessors);
    put(g, root, "bufferViews", g->views);
    put(g, root, "buffers",
        json_pack("[{s:I}]", "byteLength",
                  (json_int_t)((g->bin_len + 3u) & ~(size_t)3u)));
    g->views = NULL;
    g->accessors = NULL;
    return root;
}

static void put_u32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

// Writes header, JSON chunk (space-padded) and binary chunk (zero-padded)
// to @p fp.
static bool glb_write(FILE *fp, const char *json, size_t json_len,
                      const uint8_t *bin, size_t bin_len)
{
    size_t jpad = (4u - json_len % 4u) % 4u;
    size_t bpad = (4u - bin_len % 4u) % 4u;
    size_t total = 12u + 8u + json_len + jpad + 8u + bin_len + bpad;
    uint8_t head[20];
    put_u32(head, GLB_MAGIC);
    put_u32(head + 4, GLB_VERSION);
    put_u32(head + 8, (uint32_t)total);
    put_u32(head + 12, (uint32_t)(json_len + jpad));
    put_u32(head + 16, GLB_CHUNK_JSON);
    static const char spaces[4] = { ' ', ' ', ' ', ' ' };
    static const uint8_t zeros[4] = { 0, 0, 0, 0 };
    uint8_t bhead[8];
    put_u32(bhead, (uint32_t)(bin_len + bpad));
    put_u32(bhead + 4, GLB_CHUNK_BIN);
    return fwrite(head, 1, sizeof head, fp) == sizeof head &&
           fwrite(json, 1, json_len, fp) == json_len &&
           fwrite(spaces, 1, jpad, fp) == jpad &&
           fwrite(bhead, 1, sizeof bhead, fp) == sizeof bhead &&
           (bin_len == 0 || fwrite(bin, 1, bin_len, fp) == bin_len) &&
           fwrite(zeros, 1, bpad, fp) == bpad;
}

AuStatus deliver_gltf_write(const AuAllocator *alloc, BaseDiag *diag,
                            const char *path, const DeliverGltfShot *shot)
{
    AuSrcLoc loc = { path, 0, 0 };
    if (!shot->scene || !shot->views || shot->view_count == 0 ||
        shot->view_at >= shot->view_count || !shot->rig || !(shot->fps > 0.0) ||
        !(shot->aspect > 0.0)) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "bad-export",
                  "nothing to export: the shot has no camera or no scene");
        return AU_EINVAL;
    }
    BaseAtomicFile file;
    AuStatus st = base_atomic_begin(&file, path);
    if (st != AU_OK) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "bad-path",
                  "the output path is empty or too long");
        return st;
    }
    Glb g;
    memset(&g, 0, sizeof g);
    g.alloc = alloc;
    json_t *root = document_build(&g, shot);
    char *text = root && !g.failed
                     ? json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(9))
                     : NULL;
    json_decref(root);
    json_decref(g.views);
    json_decref(g.accessors);
    // The GLB header counts bytes in 32 bits.
    if (!text || g.bin_len > (size_t)UINT32_MAX / 2u ||
        strlen(text) > (size_t)UINT32_MAX / 2u) {
        free(text);
        base_free(alloc, g.bin);
        return AU_ENOMEM;
    }
    FILE *fp = fopen(file.tmp, "wb");
    if (!fp) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "io", "cannot write: %s",
                  strerror(errno));
        free(text);
        base_free(alloc, g.bin);
        return AU_EIO;
    }
    bool ok = glb_write(fp, text, strlen(text), g.bin, g.bin_len);
    int err = errno;
    // fclose flushes the stdio buffer, so a full disk shows up here.
    if (fclose(fp) != 0 && ok) {
        ok = false;
        err = errno;
    }
    free(text);
    base_free(alloc, g.bin);
    if (!ok) {
        base_diag(diag, loc, AU_SEVERITY_ERROR, "io", "cannot write: %s",
                  strerror(err));
        base_atomic_abort(&file);
        return AU_EIO;
    }
    return base_atomic_commit(&file, diag);
}
