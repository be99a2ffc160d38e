/* tests/render/test_char_blur.c: a walking figure's own motion blur and
 * motion vectors, measured in pixels: streak length, motion pass, 1 and 2
 * threads, and temporal accumulation on the figure without a ghost. */
#include <stdlib.h>
#include <string.h>

#include "box.h"
#include "check.h"
#include "render/render_internal.h"
#include "world/helpers.h"

static const AuAllocator *A;

static const double FPS = 24.0;

// The shutter's open time at FPS and a 180-degree shutter.
static double open_s(void)
{
    return RENDER_SHUTTER_DEG_DEFAULT / 360.0 / FPS;
}

// BRICK alone on a desert road, doing @p line (NULL: standing).
static void prod_new(HProd *h, const char *line)
{
    h_prod(h, "DESERT ROAD", false, 1);
    h->shot.duration_s = 4.0;
    h->shot.subject = 0;
    const char *lines[1] = { line };
    if (line)
        h_actions(h, lines, 1);
}

static Scene *pose(const HProd *h, double t_s)
{
    Scene *s = NULL;
    CHECK_OK(world_build(A, &h->p, 0, t_s, 7, &s));
    return s;
}

// Black everywhere but the cast, who glow white: each pixel's value is
// the share of the shutter the figure covers it for.
static void coverage_materials(Scene *s)
{
    for (size_t i = 0; i < s->mesh_count; i++) {
        WorldMaterial *m = &s->meshes[i].material;
        memset(m, 0, sizeof *m);
        for (int c = 0; c < 3; c++)
            m->emission[c] = s->meshes[i].object_id ? 1.0f : 0.0f;
    }
}

static LightRig dark_rig(void)
{
    LightRig r;
    memset(&r, 0, sizeof r);
    r.sun_dir = v3(0, 1, 0);
    r.sun_cos_radius = 1.0;
    return r;
}

static LightRig sun_rig(void)
{
    LightRig r;
    memset(&r, 0, sizeof r);
    r.sun_dir = v3_norm(v3(0.5, 0.6, 0.3));
    r.sun_cos_radius = cos(0.5 * BASE_PI / 180.0);
    double omega = 2.0 * BASE_PI * (1.0 - r.sun_cos_radius);
    for (int i = 0; i < 3; i++) {
        r.sun_radiance[i] = (float)(2.0 / omega);
        r.sky_zenith[i] = r.sky_horizon[i] = r.sky_ground[i] = 0.4f;
    }
    return r;
}

// A pinhole @p dist_m to the side of the figure's path, level with
// @p at, looking square across the walk.
static CameraView side_view(Vec3 at, Vec3 walk, double dist_m, double focal_mm,
                            int w, int h)
{
    Vec3 side = v3_norm(v3_cross(walk, v3(0, 1, 0)));
    CameraView v;
    memset(&v, 0, sizeof v);
    v.position = v3_add(at, v3_scale(side, dist_m));
    v.forward = v3_scale(side, -1.0);
    v.up = v3(0, 1, 0);
    v.right = v3_cross(v.forward, v.up);
    v.focal_mm = focal_mm;
    v.sensor_w_mm = 24.89;
    v.sensor_h_mm = 24.89 * h / w;
    return v;
}

// The figure's level direction of travel around @p t_s.
static Vec3 walk_dir(const HProd *h, double t_s)
{
    Scene *a = pose(h, t_s - 0.1), *b = pose(h, t_s + 0.1);
    Vec3 d = v3_sub(world_find_figure(b, 0)->joints[WORLD_JOINT_PELVIS],
                    world_find_figure(a, 0)->joints[WORLD_JOINT_PELVIS]);
    world_scene_free(&a);
    world_scene_free(&b);
    d.y = 0.0;
    return v3_len(d) > 1e-6 ? v3_norm(d) : v3(1, 0, 0);
}

static double project_x_px(const CameraView *v, Vec3 p, int w)
{
    double x = 0.0, y = 0.0;
    CHECK(camera_project(v, p, &x, &y));
    return x * w;
}

static double project_y_px(const CameraView *v, Vec3 p, int h)
{
    double x = 0.0, y = 0.0;
    CHECK(camera_project(v, p, &x, &y));
    return y * h;
}

// The spread of the rising edges along row @p y between columns: the
// derivative of the profile as the standard deviation of a box of that
// width (width = sqrt(12 var)), less the pixel filter's 1/12.
static double edge_width_px(const Frame *f, int y)
{
    double sum = 0.0, mean = 0.0, m2 = 0.0;
    for (int x = 1; x < f->width; x++) {
        size_t i = (size_t)y * (size_t)f->width + (size_t)x;
        double dv = (double)f->rgb[3 * i] - (double)f->rgb[3 * (i - 1)];
        dv = dv > 0.0 ? dv : 0.0;
        sum += dv;
        mean += dv * x;
        m2 += dv * x * x;
    }
    if (!(sum > 0.5))
        return -1.0;
    mean /= sum;
    double var = m2 / sum - mean * mean - 1.0 / 12.0;
    return sqrt(12.0 * (var > 0.0 ? var : 0.0));
}

enum {
    BW = 128,
    BH = 64
};

// The mean edge width over the rows of the middle of the head (no arm
// reaches there), rendered with the scene at the shutter's closing when
// @p blur.
static double head_edge_px(RenderDevice *dev, const HProd *h, double t_s,
                           const CameraView *v, bool blur, double *travel_px)
{
    Scene *s = pose(h, t_s), *c = pose(h, t_s + open_s());
    coverage_materials(s);
    LightRig rig = dark_rig();
    const WorldFigure *f0 = world_find_figure(s, 0);
    const WorldFigure *f1 = world_find_figure(c, 0);
    *travel_px = fabs(project_x_px(v, f1->joints[WORLD_JOINT_PELVIS], BW) -
                      project_x_px(v, f0->joints[WORLD_JOINT_PELVIS], BW));
    double top = project_y_px(v, f0->joints[WORLD_JOINT_HEAD_TOP], BH);
    double chin = project_y_px(v, f0->joints[WORLD_JOINT_CHIN], BH);
    int y0 = (int)(top + 0.3 * (chin - top)),
        y1 = (int)(chin - 0.2 * (chin - top));
    Frame fr;
    CHECK_OK(render_frame_init(&fr, A, BW, BH));
    RenderSettings rs = { 32, 0, 2, 5, 0, 0, 0, 0 };
    RenderMotion m = { NULL, NULL, blur ? c : NULL, NULL };
    CHECK_OK(render_frame_motion(dev, s, v, &rig, &rs, &m, &fr, NULL));
    double sum = 0.0;
    int n = 0;
    for (int y = y0 < 0 ? 0 : y0; y <= y1 && y < BH; y++) {
        double e = edge_width_px(&fr, y);
        if (e >= 0.0) {
            sum += e;
            n++;
        }
    }
    CHECK(n >= 3);
    render_frame_fini(&fr);
    world_scene_free(&s);
    world_scene_free(&c);
    return n ? sum / n : 0.0;
}

static void test_streak(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    HProd walk, still;
    prod_new(&walk, "BRICK walks off.");
    prod_new(&still, NULL);
    const double t = 1.2;
    Vec3 dir = walk_dir(&walk, t);
    Scene *s = pose(&walk, t);
    CameraView v = side_view(world_find_figure(s, 0)->joints[WORLD_JOINT_EYES],
                             dir, 3.0, 85.0, BW, BH);
    world_scene_free(&s);
    double travel = 0.0;
    double blurred = head_edge_px(dev, &walk, t, &v, true, &travel);
    double travel_none = 0.0;
    double sharp = head_edge_px(dev, &walk, t, &v, false, &travel_none);
    s = pose(&still, t);
    CameraView vs = side_view(world_find_figure(s, 0)->joints[WORLD_JOINT_EYES],
                              v3(1, 0, 0), 3.0, 85.0, BW, BH);
    world_scene_free(&s);
    double travel_still = 0.0;
    double standing = head_edge_px(dev, &still, t, &vs, true, &travel_still);
    printf("# walk: head edge %.2f px over the shutter (pelvis travels "
           "%.2f px), %.2f px without object blur; standing: %.2f px "
           "(travel %.2f px)\n",
           blurred, travel, sharp, standing, travel_still);
    CHECK(travel > 3.0);
    CHECK_NEAR(blurred, travel, 0.2 * travel);
    // A still edge spreads over its slant across the rows, under 1.5 px.
    CHECK(sharp < 1.5);
    CHECK(standing < 1.5);
    CHECK(blurred > sharp + 2.0);
    render_device_free(&dev);
}

// Renders one frame of the walk at @p t_s, 1 sample, with the previous
// frame's pose (or none) for the motion pass; returns the scene.
static Scene *motion_frame(RenderDevice *dev, const HProd *h, double t_s,
                           const CameraView *v, bool objects, Frame *fr)
{
    Scene *s = pose(h, t_s), *p = pose(h, t_s - 1.0 / FPS);
    LightRig rig = sun_rig();
    RenderSettings rs = { 1, 0, 2, 5, 0, 0, 0, 0 };
    RenderMotion m = { NULL, v, NULL, objects ? p : NULL };
    CHECK_OK(render_frame_motion(dev, s, v, &rig, &rs, &m, fr, NULL));
    world_scene_free(&p);
    return s;
}

// Every vertex of the figure seen at its own pixel centre (within a
// quarter pixel, at its own distance within 3 mm): the motion pass there
// against the vertex's projected travel since the previous frame. Sets
// the mean and largest error, how many are off by more than 0.5 px, the
// mean travel, and how many vertices were seen.
typedef struct VecErr {
    double mean, max, travel;
    int over, n;
} VecErr;

static VecErr vector_errors(const Frame *fr, const Scene *s, const Scene *p,
                            const CameraView *v)
{
    VecErr r = { 0, 0, 0, 0, 0 };
    // The same pairing as the renderer's: one list, so index for index.
    CHECK_INT_EQ(s->mesh_count, p->mesh_count);
    for (size_t i = 0; i < s->mesh_count && s->mesh_count == p->mesh_count;
         i++) {
        const WorldMesh *m = &s->meshes[i], *q = &p->meshes[i];
        if (m->object_id == 0 || q->vertex_count != m->vertex_count)
            continue;
        for (uint32_t k = 0; k < m->vertex_count; k++) {
            const float *a = &m->positions[3 * (size_t)k];
            const float *b = &q->positions[3 * (size_t)k];
            Vec3 pa = v3((double)a[0], (double)a[1], (double)a[2]);
            Vec3 pb = v3((double)b[0], (double)b[1], (double)b[2]);
            double xa, ya, xb, yb;
            if (!camera_project(v, pa, &xa, &ya) ||
                !camera_project(v, pb, &xb, &yb))
                continue;
            int ix = (int)(xa * fr->width), iy = (int)(ya * fr->height);
            if (ix < 0 || iy < 0 || ix >= fr->width || iy >= fr->height)
                continue;
            size_t pix = (size_t)iy * (size_t)fr->width + (size_t)ix;
            double fx = xa * fr->width - ix - 0.5;
            double fy = ya * fr->height - iy - 0.5;
            double dist = v3_len(v3_sub(pa, v->position));
            if (fr->id[pix] != m->object_id ||
                fabs((double)fr->depth[pix] - dist) > 0.003 ||
                fabs(fx) > 0.25 || fabs(fy) > 0.25)
                continue;
            double tx = (xb - xa) * fr->width, ty = (yb - ya) * fr->height;
            double e = hypot(tx - (double)fr->motion[2 * pix],
                             ty - (double)fr->motion[2 * pix + 1]);
            r.max = e > r.max ? e : r.max;
            r.mean += e;
            r.over += e > 0.5;
            r.travel += hypot(tx, ty);
            r.n++;
        }
    }
    if (r.n) {
        r.mean /= r.n;
        r.travel /= r.n;
    }
    return r;
}

static void test_vectors(void)
{
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    HProd walk;
    prod_new(&walk, "BRICK walks off.");
    const double t = 1.2;
    Vec3 dir = walk_dir(&walk, t);
    Scene *s = pose(&walk, t);
    CameraView v =
        side_view(v3_add(world_find_figure(s, 0)->joints[WORLD_JOINT_PELVIS],
                         v3(0, 0.3, 0)),
                  dir, 5.0, 50.0, 96, 96);
    world_scene_free(&s);
    Frame fr;
    CHECK_OK(render_frame_init(&fr, A, 96, 96));
    s = motion_frame(dev, &walk, t, &v, true, &fr);
    Scene *p = pose(&walk, t - 1.0 / FPS);
    VecErr e = vector_errors(&fr, s, p, &v);
    world_scene_free(&s);
    // The camera's motion alone: what the pass said before.
    s = motion_frame(dev, &walk, t, &v, false, &fr);
    VecErr c = vector_errors(&fr, s, p, &v);
    printf("# motion pass on %d figure vertices travelling %.2f px: error "
           "mean %.3f, max %.3f px, %d over 0.5 px (camera only: mean "
           "%.2f, max %.2f)\n",
           e.n, e.travel, e.mean, e.max, e.over, c.mean, c.max);
    CHECK(e.n > 50);
    CHECK(e.travel > 1.0);
    CHECK(e.mean < 0.1);
    // Where two of the figure's surfaces meet (a hem on a leg), the one
    // seen may not be the vertex's: a few may differ.
    CHECK(e.over <= e.n / 50);
    CHECK(c.mean > 1.0);
    world_scene_free(&s);
    world_scene_free(&p);
    render_frame_fini(&fr);
    render_device_free(&dev);
}

// A lit frame of the walk with object blur and the motion pass, on
// @p threads threads, traced on @p shared (NULL: a device of its own).
static void lit_frame(RenderDevice *shared, const HProd *h, double t_s,
                      const CameraView *v, int threads, int samples,
                      bool denoise, Frame *fr)
{
    RenderDevice *dev = shared;
    if (!dev)
        CHECK_OK(render_device_new(A, NULL, &dev));
    Scene *s = pose(h, t_s), *c = pose(h, t_s + open_s()),
          *p = pose(h, t_s - 1.0 / FPS);
    LightRig rig = sun_rig();
    RenderSettings rs = {
        samples,         1, threads, 5, 0, (uint64_t)llround(t_s * FPS),
        denoise ? 1 : 0, 0
    };
    RenderMotion m = { NULL, v, c, p };
    CHECK_OK(render_frame_motion(dev, s, v, &rig, &rs, &m, fr, NULL));
    world_scene_free(&s);
    world_scene_free(&c);
    world_scene_free(&p);
    if (!shared)
        render_device_free(&dev);
}

enum {
    TW = 96,
    TH = 64,
    TN = 8
};

static void test_threads(void)
{
    HProd walk;
    prod_new(&walk, "BRICK walks off.");
    const double t = 1.2;
    Vec3 dir = walk_dir(&walk, t);
    Scene *s = pose(&walk, t);
    CameraView v =
        side_view(v3_add(world_find_figure(s, 0)->joints[WORLD_JOINT_PELVIS],
                         v3(0, 0.2, 0)),
                  dir, 6.0, 50.0, TW, TH);
    world_scene_free(&s);
    Frame a, b;
    CHECK_OK(render_frame_init(&a, A, TW, TH));
    CHECK_OK(render_frame_init(&b, A, TW, TH));
    lit_frame(NULL, &walk, t, &v, 1, 4, true, &a);
    lit_frame(NULL, &walk, t, &v, 2, 4, true, &b);
    size_t n = (size_t)TW * TH;
    CHECK(memcmp(a.rgb, b.rgb, 3 * n * sizeof(float)) == 0);
    CHECK(memcmp(a.motion, b.motion, 2 * n * sizeof(float)) == 0);
    CHECK(memcmp(a.id, b.id, n * sizeof(uint16_t)) == 0);
    render_frame_fini(&a);
    render_frame_fini(&b);
}

// The RMS difference of @p a and @p b over the pixels @p mask marks.
static double rms_on(const float *a, const float *b, const uint8_t *mask,
                     size_t n)
{
    double s = 0.0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!mask[i])
            continue;
        for (int c = 0; c < 3; c++) {
            double d =
                (double)a[3 * i + (size_t)c] - (double)b[3 * i + (size_t)c];
            s += d * d;
        }
        k += 3;
    }
    return k ? sqrt(s / (double)k) : 0.0;
}

// The figure's inner pixels in @p id: the figure's, and so are their
// eight neighbours (the edge moves with the walk, flicker or not).
static void inner_mask(const uint16_t *id, uint8_t *mask)
{
    for (int y = 0; y < TH; y++)
        for (int x = 0; x < TW; x++) {
            bool in = true;
            for (int dy = -1; dy <= 1 && in; dy++)
                for (int dx = -1; dx <= 1 && in; dx++) {
                    int xx = x + dx, yy = y + dy;
                    in = xx >= 0 && yy >= 0 && xx < TW && yy < TH &&
                         id[yy * TW + xx] != 0;
                }
            mask[y * TW + x] = in;
        }
}

// TN frames of a slow walk seen from afar, 2 samples, denoised, with
// temporal accumulation when @p temporal; each frame's inner figure
// pixels go to @p masks.
static void walk_run(const HProd *h, double t0, const CameraView *v,
                     bool temporal, float *frames, uint8_t *masks)
{
    Frame fr;
    RenderHistory hist;
    CHECK_OK(render_frame_init(&fr, A, TW, TH));
    CHECK_OK(render_history_init(&hist, A, TW, TH));
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    size_t n = (size_t)TW * TH;
    for (int k = 0; k < TN; k++) {
        lit_frame(dev, h, t0 + k / FPS, v, 2, 2, true, &fr);
        if (temporal)
            CHECK_OK(render_temporal(&hist, &fr, 2));
        memcpy(&frames[3 * n * (size_t)k], fr.rgb, 3 * n * sizeof(float));
        inner_mask(fr.id, &masks[n * (size_t)k]);
    }
    render_device_free(&dev);
    render_history_fini(&hist);
    render_frame_fini(&fr);
}

// The RMS over @p mask of the change of error from frame (a0, r0) to
// frame (a1, r1), each against its own reference: the flicker of the
// noise, without the change the walk itself makes.
static double flicker_on(const float *a1, const float *r1, const float *a0,
                         const float *r0, const uint8_t *mask, size_t n)
{
    double s = 0.0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!mask[i])
            continue;
        for (size_t c = 3 * i; c < 3 * i + 3; c++) {
            double d = ((double)a1[c] - (double)r1[c]) -
                       ((double)a0[c] - (double)r0[c]);
            s += d * d;
        }
        k += 3;
    }
    return k ? sqrt(s / (double)k) : 0.0;
}

enum {
    REF_SPP = 64,
    REFS = 3 // the last frames, with a reference each
};

static void test_temporal_walk(void)
{
    HProd walk;
    prod_new(&walk, "BRICK walks off.");
    const double t0 = 0.9;
    Vec3 dir = walk_dir(&walk, t0);
    Scene *s = pose(&walk, t0);
    CameraView v =
        side_view(v3_add(world_find_figure(s, 0)->joints[WORLD_JOINT_PELVIS],
                         v3(0, 0.2, 0)),
                  dir, 8.0, 50.0, TW, TH);
    world_scene_free(&s);
    size_t n = (size_t)TW * TH;
    float *plain = calloc(3 * n * TN, sizeof(float));
    float *acc = calloc(3 * n * TN, sizeof(float));
    float *ref = calloc(3 * n * REFS, sizeof(float));
    uint8_t *masks = calloc(n * TN, 1), *masks2 = calloc(n * TN, 1);
    uint8_t *both = calloc(n, 1), *edge = calloc(n, 1);
    walk_run(&walk, t0, &v, false, plain, masks);
    walk_run(&walk, t0, &v, true, acc, masks2);
    CHECK(memcmp(masks, masks2, n * TN) == 0);
    // The last frames with many samples: what each should be.
    Frame fr;
    CHECK_OK(render_frame_init(&fr, A, TW, TH));
    for (int r = 0; r < REFS; r++) {
        lit_frame(NULL, &walk, t0 + (TN - REFS + r) / FPS, &v, 0, REF_SPP,
                  false, &fr);
        memcpy(&ref[3 * n * (size_t)r], fr.rgb, 3 * n * sizeof(float));
    }
    double flick_plain = 0.0, flick_acc = 0.0;
    for (int r = 1; r < REFS; r++) {
        size_t k = TN - REFS + (size_t)r;
        for (size_t i = 0; i < n; i++)
            both[i] = masks[n * k + i] && masks[n * (k - 1) + i];
        const float *r1 = &ref[3 * n * (size_t)r];
        const float *r0 = &ref[3 * n * (size_t)(r - 1)];
        flick_plain += flicker_on(&plain[3 * n * k], r1,
                                  &plain[3 * n * (k - 1)], r0, both, n);
        flick_acc +=
            flicker_on(&acc[3 * n * k], r1, &acc[3 * n * (k - 1)], r0, both, n);
    }
    flick_plain /= REFS - 1;
    flick_acc /= REFS - 1;
    // The last frame against its reference: a ghost of the frames before
    // would make it worse, on the edge of the figure first.
    const uint8_t *last = &masks[n * (TN - 1)];
    const float *ref_last = &ref[3 * n * (REFS - 1)];
    for (size_t i = 0; i < n; i++)
        edge[i] = fr.id[i] != 0 && !last[i];
    double err_plain = rms_on(&plain[3 * n * (TN - 1)], ref_last, last, n);
    double err_acc = rms_on(&acc[3 * n * (TN - 1)], ref_last, last, n);
    double edge_plain = rms_on(&plain[3 * n * (TN - 1)], ref_last, edge, n);
    double edge_acc = rms_on(&acc[3 * n * (TN - 1)], ref_last, edge, n);
    size_t px = 0;
    for (size_t i = 0; i < n; i++)
        px += last[i];
    printf("# slow walk, %zu inner figure pixels: flicker %.4f -> %.4f, "
           "error against %d spp %.4f -> %.4f (edge %.4f -> %.4f)\n",
           px, flick_plain, flick_acc, REF_SPP, err_plain, err_acc, edge_plain,
           edge_acc);
    CHECK(px > 50);
    // The sun, sampled for certain at the first vertex, leaves a single
    // frame little to flicker (0.149 before, 0.103 now), so the history
    // takes off less of what remains (-31% before, -13% now).
    CHECK(flick_acc < 0.92 * flick_plain);
    CHECK(err_acc <= err_plain);
    CHECK(edge_acc <= 1.05 * edge_plain);
    render_frame_fini(&fr);
    free(plain);
    free(acc);
    free(ref);
    free(masks);
    free(masks2);
    free(both);
    free(edge);
}

// A hand-made scene: a floor, then the parts of character 1, each a box
// shifted by @p dx_m; with @p extra, a prop before them shifts their
// indices by one.
static Scene *parts_scene(double dx_m, bool extra)
{
    Scene *s = calloc(1, sizeof *s);
    base_arena_init(&s->arena, A);
    s->mesh_count = extra ? 4 : 3;
    s->meshes = base_arena_array(&s->arena, s->mesh_count, sizeof(WorldMesh));
    memset(s->meshes, 0, s->mesh_count * sizeof(WorldMesh));
    size_t k = 0;
    test_box_mesh(&s->arena, &s->meshes[k++], v3(-5, -1, -5), v3(5, 0, 5));
    if (extra)
        test_box_mesh(&s->arena, &s->meshes[k++], v3(2, 0, 2), v3(3, 1, 3));
    for (int p = 0; p < 2; p++, k++) {
        test_box_mesh(&s->arena, &s->meshes[k], v3(dx_m + p * 0.3, 0, 0),
                      v3(dx_m + p * 0.3 + 0.2, 1, 0.2));
        s->meshes[k].object_id = 1;
    }
    return s;
}

static void parts_free(Scene *s)
{
    base_arena_fini(&s->arena);
    free(s);
}

// Which mesh is which at another moment: index for index in lists as
// long, a character's k-th part for its k-th part when a prop came in
// between, and nothing for a jump.
static void test_match(void)
{
    Scene *a = parts_scene(0.0, false), *b = parts_scene(0.05, true);
    Scene *c = parts_scene(0.05, false), *far = parts_scene(3.0, false);
    uint32_t map[3];
    render_motion_match(a, c, map);
    CHECK_INT_EQ(map[0], 0);
    CHECK_INT_EQ(map[1], 1);
    CHECK_INT_EQ(map[2], 2);
    render_motion_match(a, b, map);
    CHECK_INT_EQ(map[0], UINT32_MAX);
    CHECK_INT_EQ(map[1], 2);
    CHECK_INT_EQ(map[2], 3);
    render_motion_match(a, far, map);
    CHECK_INT_EQ(map[1], UINT32_MAX);
    CHECK_INT_EQ(map[2], UINT32_MAX);
    // Motion that does not show is left out: the frame is the one traced
    // without scene_close, bit for bit.
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    Scene *tiny = parts_scene(1e-5, false);
    CameraView v =
        side_view(v3(0.25, 0.5, 0.1), v3(1, 0, 0), 4.0, 35.0, 48, 32);
    LightRig rig = sun_rig();
    RenderSettings rs = { 4, 1, 2, 5, 0, 0, 0, 0 };
    Frame f0, f1;
    CHECK_OK(render_frame_init(&f0, A, 48, 32));
    CHECK_OK(render_frame_init(&f1, A, 48, 32));
    CHECK_OK(render_frame(dev, a, &v, &rig, &rs, &f0, NULL));
    RenderMotion m = { NULL, NULL, tiny, NULL };
    CHECK_OK(render_frame_motion(dev, a, &v, &rig, &rs, &m, &f1, NULL));
    CHECK(memcmp(f0.rgb, f1.rgb, 48 * 32 * 3 * sizeof(float)) == 0);
    // And motion that shows changes it.
    m.scene_close = c;
    CHECK_OK(render_frame_motion(dev, a, &v, &rig, &rs, &m, &f1, NULL));
    CHECK(memcmp(f0.rgb, f1.rgb, 48 * 32 * 3 * sizeof(float)) != 0);
    render_frame_fini(&f0);
    render_frame_fini(&f1);
    render_device_free(&dev);
    parts_free(a);
    parts_free(b);
    parts_free(c);
    parts_free(far);
    parts_free(tiny);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_match);
    CHECK_RUN(test_streak);
    CHECK_RUN(test_vectors);
    CHECK_RUN(test_threads);
    CHECK_RUN(test_temporal_walk);
    return CHECK_DONE();
}
