/* tests/render/test_materials.c: the material model measured in rendered
 * pixels: white furnace tests (a sphere under a uniform white sky returns
 * what it receives), emission read back, and glass that transmits. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render/render.h"

static const AuAllocator *A;

enum {
    W = 48,
    H = 48,
    RINGS = 48,
    SEGS = 96
};

// A unit UV sphere with smooth normals at @p c, as mesh @p m.
static void make_sphere(BaseArena *arena, WorldMesh *m, Vec3 c, double r)
{
    uint32_t nv = (RINGS + 1) * (SEGS + 1);
    m->positions = base_arena_array(arena, 3 * nv, sizeof(float));
    m->normals = base_arena_array(arena, 3 * nv, sizeof(float));
    m->indices = base_arena_array(arena, 6 * RINGS * SEGS, sizeof(uint32_t));
    for (int i = 0; i <= RINGS; i++)
        for (int j = 0; j <= SEGS; j++) {
            double th = BASE_PI * i / RINGS, ph = 2.0 * BASE_PI * j / SEGS;
            Vec3 n = v3(sin(th) * cos(ph), cos(th), sin(th) * sin(ph));
            size_t k = (size_t)(i * (SEGS + 1) + j);
            m->normals[3 * k + 0] = (float)n.x;
            m->normals[3 * k + 1] = (float)n.y;
            m->normals[3 * k + 2] = (float)n.z;
            m->positions[3 * k + 0] = (float)(c.x + r * n.x);
            m->positions[3 * k + 1] = (float)(c.y + r * n.y);
            m->positions[3 * k + 2] = (float)(c.z + r * n.z);
        }
    uint32_t t = 0;
    for (uint32_t i = 0; i < RINGS; i++)
        for (uint32_t j = 0; j < SEGS; j++) {
            uint32_t a = i * (SEGS + 1) + j, b = a + SEGS + 1;
            // Counter-clockwise seen from outside.
            uint32_t tri[6] = { a, a + 1, b, a + 1, b + 1, b };
            memcpy(&m->indices[6 * t], tri, sizeof tri);
            t++;
        }
    m->vertex_count = nv;
    m->triangle_count = 2 * RINGS * SEGS;
    m->object_id = 1;
}

static Scene *new_scene(size_t meshes)
{
    Scene *s = calloc(1, sizeof *s);
    base_arena_init(&s->arena, A);
    s->meshes = base_arena_array(&s->arena, meshes, sizeof(WorldMesh));
    s->mesh_count = meshes;
    return s;
}

static void free_scene(Scene *s)
{
    base_arena_fini(&s->arena);
    free(s);
}

static CameraView make_view(void)
{
    CameraView v;
    memset(&v, 0, sizeof v);
    v.position = v3(0, 0, 4);
    v.forward = v3(0, 0, -1);
    v.up = v3(0, 1, 0);
    v.right = v3(1, 0, 0);
    v.focal_mm = 40;
    v.sensor_w_mm = 24.89;
    v.sensor_h_mm = 24.89;
    return v;
}

static LightRig uniform_sky(float level)
{
    LightRig r;
    memset(&r, 0, sizeof r);
    r.sun_dir = v3(0, 1, 0);
    r.sun_cos_radius = 1.0;
    for (int i = 0; i < 3; i++)
        r.sky_zenith[i] = r.sky_horizon[i] = r.sky_ground[i] = level;
    return r;
}

// Renders @p s and returns the mean of channel @p ch over the pixels
// whose ID pass shows the sphere.
static double sphere_mean(Scene *s, const LightRig *rig, int ch, int samples,
                          Frame *f)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    CameraView v = make_view();
    RenderSettings rs = { samples, 4, 2, 3, 0, 0, 0, 0 };
    CHECK_OK(render_frame(dev, s, &v, rig, &rs, f, NULL));
    render_device_free(&dev);
    double sum = 0.0;
    int n = 0;
    // Pixels on the silhouette mix sphere and sky between samples.
    for (int i = W + 1; i < W * H - W - 1; i++)
        if (f->id[i] == 1 && f->id[i - 1] == 1 && f->id[i + 1] == 1 &&
            f->id[i - W] == 1 && f->id[i + W] == 1) {
            sum += (double)f->rgb[3 * i + ch];
            n++;
        }
    CHECK(n > 200);
    return n ? sum / n : 0.0;
}

static double furnace(WorldMaterial mat)
{
    Scene *s = new_scene(1);
    make_sphere(&s->arena, &s->meshes[0], v3(0, 0, 0), 1.0);
    s->meshes[0].material = mat;
    LightRig rig = uniform_sky(1.0f);
    Frame f;
    CHECK_OK(render_frame_init(&f, A, W, H));
    double m = sphere_mean(s, &rig, 1, 16, &f);
    render_frame_fini(&f);
    free_scene(s);
    return m;
}

// In a uniform white sky a lossless surface is invisible: every path
// ends in the sky with its weight intact, whatever the lobe.
static void test_white_furnace(void)
{
    WorldMaterial m;
    memset(&m, 0, sizeof m);
    m.albedo[0] = m.albedo[1] = m.albedo[2] = 1.0f;
    double lambert = furnace(m);
    m.subsurface = 1.0f;
    double wrapped = furnace(m);
    m.subsurface = 0.0f;
    m.metallic = 1.0f;
    double mirror = furnace(m);
    m.roughness = 0.3f;
    double rough = furnace(m);
    m.roughness = 0.8f;
    double rougher = furnace(m);
    m.roughness = 0.3f;
    m.metallic = 0.0f;
    m.transmission = 1.0f;
    m.roughness = 0.0f;
    double glass = furnace(m);
    m.roughness = 0.3f;
    double frosted = furnace(m);
    fprintf(stderr,
            "furnace: lambert %.4f wrapped %.4f mirror %.4f rough metal "
            "%.4f (r 0.8: %.4f) glass %.4f rough glass %.4f\n",
            lambert, wrapped, mirror, rough, rougher, glass, frosted);
    CHECK_NEAR(lambert, 1.0, 0.02);
    CHECK_NEAR(wrapped, 1.0, 0.02);
    CHECK_NEAR(mirror, 1.0, 0.01);
    // Multiple-scattering compensation returns what single-scattering
    // GGX lost between microfacets (see test_ggx_ms.c per angle).
    CHECK_NEAR(rough, 1.0, 0.015);
    CHECK_NEAR(rougher, 1.0, 0.015);
    CHECK_NEAR(glass, 1.0, 0.03);
    CHECK_NEAR(frosted, 0.95, 0.04);
    // A coat over a diffuse base never makes light.
    m.transmission = 0.0f;
    m.specular = 0.5f;
    m.albedo[1] = 0.5f;
    double coated = furnace(m);
    m.albedo[1] = 1.0f;
    m.roughness = 0.8f;
    double coated_white = furnace(m);
    fprintf(stderr, "coated 0.5 diffuse: %.4f, rough coat on white: %.4f\n",
            coated, coated_white);
    CHECK(coated > 0.5 && coated < 1.0);
    CHECK_NEAR(coated_white, 1.0, 0.015);
}

// What an emitter sends the camera is its radiance, and a black sky
// takes nothing away.
static void test_emission(void)
{
    Scene *s = new_scene(1);
    make_sphere(&s->arena, &s->meshes[0], v3(0, 0, 0), 1.0);
    float e[3] = { 2.0f, 1.0f, 0.25f };
    memcpy(s->meshes[0].material.emission, e, sizeof e);
    LightRig rig = uniform_sky(0.0f);
    Frame f;
    CHECK_OK(render_frame_init(&f, A, W, H));
    for (int ch = 0; ch < 3; ch++)
        CHECK_NEAR(sphere_mean(s, &rig, ch, 2, &f), (double)e[ch], 1e-4);
    render_frame_fini(&f);
    free_scene(s);
}

// A clear glass ball in front of a glowing wall: the ray through its
// centre crosses two faces at normal incidence and keeps (1 - 0.04)^2 of
// the wall's light; an opaque white ball there shows none of it.
static void test_glass_transmits(void)
{
    Scene *s = new_scene(2);
    make_sphere(&s->arena, &s->meshes[0], v3(0, 0, 0), 1.0);
    make_sphere(&s->arena, &s->meshes[1], v3(0, 0, -40), 30.0);
    s->meshes[1].object_id = 2;
    for (int i = 0; i < 3; i++) {
        s->meshes[0].material.albedo[i] = 1.0f;
        s->meshes[1].material.emission[i] = 1.0f;
    }
    s->meshes[0].material.transmission = 1.0f;
    LightRig rig = uniform_sky(0.0f);
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    CameraView v = make_view();
    RenderSettings rs = { 64, 4, 2, 3, 0, 0, 0, 0 };
    Frame f;
    CHECK_OK(render_frame_init(&f, A, W, H));
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
    size_t c = (size_t)(H / 2) * W + W / 2;
    CHECK_INT_EQ(f.id[c], 1);
    double through = 0.0;
    for (int dy = -2; dy <= 1; dy++)
        for (int dx = -2; dx <= 1; dx++)
            through += (double)f.rgb[3 * (c + (size_t)(dy * W + dx)) + 1] / 16;
    s->meshes[0].material.transmission = 0.0f;
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &f, NULL));
    double opaque = (double)f.rgb[3 * c + 1];
    fprintf(stderr, "through glass %.4f, opaque %.4f\n", through, opaque);
    CHECK_NEAR(through, 0.96 * 0.96, 0.03);
    // The opaque ball's front only sees the wall's light bounced off
    // nothing: the camera side is black.
    CHECK(opaque < 0.1);
    render_frame_fini(&f);
    render_device_free(&dev);
    free_scene(s);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_white_furnace);
    CHECK_RUN(test_emission);
    CHECK_RUN(test_glass_transmits);
    return CHECK_DONE();
}
