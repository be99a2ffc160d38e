/* tests/render/test_emitters.c: emissive surfaces as area lights: draws
 * agree with their densities, NEE with MIS matches BSDF sampling alone
 * with far less noise, and the frame is the same on any thread count. */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "check.h"
#include "render/render.h"
#include "render/render_internal.h"

static const AuAllocator *A;

enum {
    W = 32,
    H = 24
};

// A quad from @p a, b, c, d (counter-clockwise seen from its front).
static void quad_mesh(BaseArena *arena, WorldMesh *m, Vec3 a, Vec3 b, Vec3 c,
                      Vec3 d)
{
    static const uint32_t idx[6] = { 0, 1, 2, 0, 2, 3 };
    Vec3 p[4] = { a, b, c, d };
    m->positions = base_arena_array(arena, 12, sizeof(float));
    m->indices = base_arena_array(arena, 6, sizeof(uint32_t));
    for (int i = 0; i < 4; i++) {
        m->positions[3 * i + 0] = (float)p[i].x;
        m->positions[3 * i + 1] = (float)p[i].y;
        m->positions[3 * i + 2] = (float)p[i].z;
    }
    memcpy(m->indices, idx, sizeof idx);
    m->vertex_count = 4;
    m->triangle_count = 2;
}

static void set_emission(WorldMesh *m, double r, double g, double b)
{
    m->material.emission[0] = (float)r;
    m->material.emission[1] = (float)g;
    m->material.emission[2] = (float)b;
}

// A grey floor and back wall lit only by a 0.5 m panel 1.2 m up facing
// down, a small glowing cube (a lamp shade) off to the side, and a panel
// facing up (away from the floor: it lights nothing below it). The
// camera sees none of them, so the frame is all reflected light.
static Scene *make_set(void)
{
    Scene *s = calloc(1, sizeof *s);
    base_arena_init(&s->arena, A);
    s->mesh_count = 5;
    s->meshes = base_arena_array(&s->arena, s->mesh_count, sizeof(WorldMesh));
    test_box_mesh(&s->arena, &s->meshes[0], v3(-6, -1, -6), v3(6, 0, 6));
    test_box_mesh(&s->arena, &s->meshes[1], v3(-6, 0, -2.5), v3(6, 3, -2));
    for (int i = 0; i < 3; i++) {
        s->meshes[0].material.albedo[i] = 0.5f;
        s->meshes[1].material.albedo[i] = 0.6f;
    }
    quad_mesh(&s->arena, &s->meshes[2], v3(-0.25, 1.2, -0.25),
              v3(0.25, 1.2, -0.25), v3(0.25, 1.2, 0.25), v3(-0.25, 1.2, 0.25));
    set_emission(&s->meshes[2], 12.0, 10.0, 8.0);
    test_box_mesh(&s->arena, &s->meshes[3], v3(2.4, 0.5, 0.9),
                  v3(2.6, 0.7, 1.1));
    set_emission(&s->meshes[3], 20.0, 12.0, 4.0);
    quad_mesh(&s->arena, &s->meshes[4], v3(-2.6, 0.8, 0.9), v3(-2.6, 0.8, 1.1),
              v3(-2.4, 0.8, 1.1), v3(-2.4, 0.8, 0.9));
    set_emission(&s->meshes[4], 50.0, 50.0, 50.0);
    return s;
}

static void free_set(Scene *s)
{
    base_arena_fini(&s->arena);
    free(s);
}

static CameraView make_view(void)
{
    CameraView v;
    memset(&v, 0, sizeof v);
    v.position = v3(0, 1.0, 3.0);
    v.forward = v3_norm(v3_sub(v3(0, 0, 0), v.position));
    v.right = v3_norm(v3_cross(v.forward, v3(0, 1, 0)));
    v.up = v3_cross(v.right, v.forward);
    v.focal_mm = 30;
    v.sensor_w_mm = 24.89;
    v.sensor_h_mm = 24.89 * H / W;
    return v;
}

static double lum_at(const Frame *f, size_t i)
{
    return 0.2126 * (double)f->rgb[3 * i] + 0.7152 * (double)f->rgb[3 * i + 1] +
           0.0722 * (double)f->rgb[3 * i + 2];
}

static double frame_mean(const Frame *f, double *sigma)
{
    double sum = 0.0, var = 0.0;
    size_t n = (size_t)W * H;
    for (size_t i = 0; i < n; i++) {
        sum += lum_at(f, i);
        var += (double)f->variance[i];
    }
    *sigma = sqrt(var) / (double)n;
    return sum / (double)n;
}

static double rms_against(const Frame *f, const Frame *ref)
{
    double e = 0.0;
    for (size_t i = 0; i < (size_t)W * H; i++) {
        double d = lum_at(f, i) - lum_at(ref, i);
        e += d * d;
    }
    return sqrt(e / (W * H));
}

// The list holds the glowing triangles only, splits the three emitters
// (metres apart) into groups, and for points drawn from a shading point
// its density lookup gives back exactly the density of the draw.
static void test_list_and_densities(void)
{
    Scene *s = make_set();
    RenderEmitters e;
    render_emitters_init(&e, A);
    CHECK_OK(render_emitters_build(&e, s));
    CHECK_INT_EQ((long long)e.count, 2 + 12 + 2);
    CHECK(e.group_count >= 3);
    CHECK(e.group_count <= RENDER_EMIT_GROUPS);
    double w[RENDER_EMIT_GROUPS], p[RENDER_EMIT_GROUPS];
    Vec3 at = v3(0.3, 0.0, 0.6), n = v3(0, 1, 0);
    double sum = render_emitters_weigh(&e, at, n, w);
    CHECK(sum > 0.0);
    double p_sum = 0.0;
    for (size_t g = 0; g < e.group_count; g++) {
        p[g] = w[g] / sum;
        p_sum += p[g];
    }
    CHECK_NEAR(p_sum, 1.0, 1e-12);
    BaseRng rng;
    base_rng_seed(&rng, 7, 1);
    int drawn = 0, backs = 0;
    for (int i = 0; i < 2000; i++) {
        double u0 = base_rng_uniform(&rng);
        double u1 = base_rng_uniform(&rng);
        double u2 = base_rng_uniform(&rng);
        Vec3 dir, rad;
        float maxd;
        double pdf =
            render_emitters_sample(&e, p, at, u0, u1, u2, &dir, &rad, &maxd);
        if (!(pdf > 0.0)) {
            backs++;
            continue;
        }
        drawn++;
        // Find the triangle the direction meets at maxd (within 0.1%).
        Vec3 q = v3_add(at, v3_scale(dir, (double)maxd / (1.0 - 1e-3)));
        double best = 1e30, best_pdf = 0.0;
        for (size_t k = 0; k < e.count; k++) {
            const RenderEmitter *t = &e.tri[k];
            double off = fabs(v3_dot(v3_sub(q, t->p0), t->n));
            if (off < best) {
                double pk = render_emitters_pdf(&e, p, t->mesh, t->prim, at, q);
                if (pk > 0.0) {
                    best = off;
                    best_pdf = pk;
                }
            }
        }
        CHECK(best < 1e-5);
        CHECK_NEAR(best_pdf / pdf, 1.0, 1e-3);
    }
    fprintf(stderr, "%zu groups, %d drawn, %d facing away\n", e.group_count,
            drawn, backs);
    CHECK(drawn > 1000);
    // The panel facing up shines away from the floor: never a light there.
    CHECK(render_emitters_pdf(&e, p, 4, 0, at, v3(-2.5, 0.8, 1.0)) == 0.0);
    // A mesh that does not glow has no density.
    CHECK(render_emitters_pdf(&e, p, 0, 0, at, v3(0, 0, 0)) == 0.0);
    render_emitters_fini(&e);
    free_set(s);
}

// NEE with MIS at 4 samples against BSDF sampling alone at 1024, one
// bounce, no clamp: the same mean within 2%, and at 4 samples each a
// third of the RMS error or less.
static void test_unbiased_and_less_noise(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    CHECK_OK(render_device_set_clamp(dev, 1e30));
    CHECK_OK(render_device_set_noise_target(dev, 0.0));
    Scene *s = make_set();
    CameraView v = make_view();
    LightRig rig;
    memset(&rig, 0, sizeof rig);
    Frame nee, bsdf, ref;
    CHECK_OK(render_frame_init(&nee, A, W, H));
    CHECK_OK(render_frame_init(&bsdf, A, W, H));
    CHECK_OK(render_frame_init(&ref, A, W, H));
    RenderSettings rs = { 1024, 1, 2, 3, 0, 0, 0, 0 };
    CHECK_OK(
        render_frame_mode(dev, s, &v, &rig, &rs, &ref, RENDER_MODE_BSDF_ONLY));
    rs.samples = 4;
    rs.seed = 11;
    CHECK_OK(render_frame_mode(dev, s, &v, &rig, &rs, &nee, 0));
    CHECK_OK(
        render_frame_mode(dev, s, &v, &rig, &rs, &bsdf, RENDER_MODE_BSDF_ONLY));
    double s_ref, s_nee, s_bsdf;
    double m_ref = frame_mean(&ref, &s_ref);
    double m_nee = frame_mean(&nee, &s_nee);
    double m_bsdf = frame_mean(&bsdf, &s_bsdf);
    double e_nee = rms_against(&nee, &ref), e_bsdf = rms_against(&bsdf, &ref);
    fprintf(stderr,
            "mean: NEE 4 spp %.5f +- %.5f, BSDF 1024 spp %.5f +- %.5f, "
            "BSDF 4 spp %.5f\nRMS vs reference at 4 spp: NEE %.5f, BSDF "
            "%.5f (%.1fx)\n",
            m_nee, s_nee, m_ref, s_ref, m_bsdf, e_nee, e_bsdf, e_bsdf / e_nee);
    CHECK(m_ref > 0.01);
    CHECK(fabs(m_nee - m_ref) < 0.02 * m_ref);
    CHECK(e_bsdf > 3.0 * e_nee);
    render_frame_fini(&nee);
    render_frame_fini(&bsdf);
    render_frame_fini(&ref);
    free_set(s);
    render_device_free(&dev);
}

// The same frame, bit for bit, on one thread and on two, with adaptive
// sampling and the clamp at their defaults.
static void test_threads(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    Scene *s = make_set();
    CameraView v = make_view();
    LightRig rig;
    memset(&rig, 0, sizeof rig);
    Frame a, b;
    CHECK_OK(render_frame_init(&a, A, W, H));
    CHECK_OK(render_frame_init(&b, A, W, H));
    RenderSettings rs = { 8, 2, 1, 5, 0, 0, 0, 0 };
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &a, NULL));
    rs.threads = 2;
    CHECK_OK(render_frame(dev, s, &v, &rig, &rs, &b, NULL));
    size_t n = (size_t)W * H * 3;
    CHECK(memcmp(a.rgb, b.rgb, n * sizeof(float)) == 0);
    double sigma;
    CHECK(frame_mean(&a, &sigma) > 0.01);
    render_frame_fini(&a);
    render_frame_fini(&b);
    free_set(s);
    render_device_free(&dev);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_list_and_densities);
    CHECK_RUN(test_unbiased_and_less_noise);
    CHECK_RUN(test_threads);
    return CHECK_DONE();
}
