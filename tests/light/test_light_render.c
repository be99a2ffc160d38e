/* tests/light/test_light_render.c: the light stage measured in rendered
 * pixels: a grey card's colour under a key of N kelvin (CIEDE2000 against
 * the Planckian locus), key-to-fill ratios on a matte sphere, day against
 * night and magic hour, and the overcast sky's soft shadow. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render/box.h"
#include "render/render.h"

static const AuAllocator *A;
static RenderDevice *dev;

// Adds an axis-aligned box as 12 triangles (flat faces).
static void make_box(BaseArena *arena, WorldMesh *m, Vec3 lo, Vec3 hi,
                     float albedo)
{
    test_box_mesh(arena, m, lo, hi);
    m->material.albedo[0] = m->material.albedo[1] = m->material.albedo[2] =
        albedo;
}

// A smooth UV sphere of radius @p r at the origin.
static void make_sphere(BaseArena *arena, WorldMesh *m, double r, float albedo)
{
    enum {
        RINGS = 48,
        SEGS = 96
    };

    uint32_t nv = (RINGS + 1) * (SEGS + 1);
    m->positions = base_arena_array(arena, 3 * nv, sizeof(float));
    m->normals = base_arena_array(arena, 3 * nv, sizeof(float));
    m->indices = base_arena_array(arena, 6 * RINGS * SEGS, sizeof(uint32_t));
    for (uint32_t a = 0; a <= RINGS; a++) {
        double th = BASE_PI * a / RINGS;
        for (uint32_t b = 0; b <= SEGS; b++) {
            double ph = 2.0 * BASE_PI * b / SEGS;
            uint32_t v = a * (SEGS + 1) + b;
            double n[3] = { sin(th) * cos(ph), cos(th), sin(th) * sin(ph) };
            for (int k = 0; k < 3; k++) {
                m->normals[3 * v + (uint32_t)k] = (float)n[k];
                m->positions[3 * v + (uint32_t)k] = (float)(n[k] * r);
            }
        }
    }
    uint32_t t = 0;
    for (uint32_t a = 0; a < RINGS; a++)
        for (uint32_t b = 0; b < SEGS; b++) {
            uint32_t v0 = a * (SEGS + 1) + b, v1 = v0 + SEGS + 1;
            uint32_t q[6] = { v0, v0 + 1, v1, v0 + 1, v1 + 1, v1 };
            memcpy(&m->indices[6 * t], q, sizeof q);
            t++;
        }
    m->vertex_count = nv;
    m->triangle_count = 2 * RINGS * SEGS;
    m->material.albedo[0] = m->material.albedo[1] = m->material.albedo[2] =
        albedo;
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

static CameraView look_at(Vec3 from, Vec3 at, double focal_mm)
{
    CameraView v;
    memset(&v, 0, sizeof v);
    v.position = from;
    v.forward = v3_norm(v3_sub(at, from));
    v.right = v3_norm(v3_cross(v.forward, v3(0, 1, 0)));
    v.up = v3_cross(v.right, v.forward);
    v.focal_mm = focal_mm;
    v.sensor_w_mm = 24.89;
    v.sensor_h_mm = 24.89;
    return v;
}

// Mean linear RGB of the (2k+1)^2 pixels around world point @p p.
static void mean_at(const Frame *f, const CameraView *v, Vec3 p, int k,
                    double out[3])
{
    double x, y;
    out[0] = out[1] = out[2] = 0.0;
    if (!camera_project(v, p, &x, &y))
        return;
    int cx = (int)(x * f->width), cy = (int)(y * f->height), n = 0;
    for (int dy = -k; dy <= k; dy++)
        for (int dx = -k; dx <= k; dx++) {
            int px = cx + dx, py = cy + dy;
            if (px < 0 || py < 0 || px >= f->width || py >= f->height)
                continue;
            size_t i = (size_t)py * (size_t)f->width + (size_t)px;
            for (int c = 0; c < 3; c++)
                out[c] += (double)f->rgb[3 * i + (size_t)c];
            n++;
        }
    for (int c = 0; c < 3; c++)
        out[c] /= n > 0 ? n : 1;
}

// Mean luminance of the pixels whose surface normal lies within 6 degrees
// of @p n: a whole patch of the sphere, however obliquely it is seen.
static double lum_facing(const Frame *f, Vec3 n)
{
    double sum = 0.0;
    size_t count = 0, pixels = (size_t)f->width * (size_t)f->height;
    for (size_t i = 0; i < pixels; i++) {
        const float *m = &f->normal[3 * i];
        double c = (double)m[0] * n.x + (double)m[1] * n.y + (double)m[2] * n.z;
        if (c < cos(6.0 * BASE_PI / 180.0))
            continue;
        const float *p = &f->rgb[3 * i];
        sum += 0.2126 * (double)p[0] + 0.7152 * (double)p[1] +
               0.0722 * (double)p[2];
        count++;
    }
    CHECK(count >= 4);
    return count ? sum / (double)count : 0.0;
}

static double lum3(const double c[3])
{
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static void render(const Scene *s, const CameraView *v, const LightRig *rig,
                   int w, int h, int spp, int bounces, Frame *f)
{
    RenderSettings rs;
    memset(&rs, 0, sizeof rs);
    rs.samples = spp;
    rs.max_bounces = bounces;
    rs.threads = 2;
    rs.seed = 11;
    CHECK_OK(render_frame_init(f, A, w, h));
    CHECK_OK(render_frame(dev, s, v, rig, &rs, f, NULL));
}

// ---- colour science for (a) ----

static void rgb_to_xyz(const double c[3], double xyz[3])
{
    xyz[0] = 0.4124564 * c[0] + 0.3575761 * c[1] + 0.1804375 * c[2];
    xyz[1] = 0.2126729 * c[0] + 0.7151522 * c[1] + 0.0721750 * c[2];
    xyz[2] = 0.0193339 * c[0] + 0.1191920 * c[1] + 0.9503041 * c[2];
}

// Chromaticity of a black body by Kim et al.'s cubic fit of the
// Planckian locus (1667 K to 25000 K): independent of light/'s spectral
// integration.
static void planck_xy(double t, double *x, double *y)
{
    double t1 = 1e3 / t, t2 = t1 * t1, t3 = t2 * t1;
    *x = t <= 4000.0
             ? -0.2661239 * t3 - 0.2343589 * t2 + 0.8776956 * t1 + 0.179910
             : -3.0258469 * t3 + 2.1070379 * t2 + 0.2226347 * t1 + 0.240390;
    double a = *x, a2 = a * a, a3 = a2 * a;
    if (t <= 2222.0)
        *y = -1.1063814 * a3 - 1.34811020 * a2 + 2.18555832 * a - 0.20219683;
    else if (t <= 4000.0)
        *y = -0.9549476 * a3 - 1.37418593 * a2 + 2.09137015 * a - 0.16748867;
    else
        *y = 3.0817580 * a3 - 5.87338670 * a2 + 3.75112997 * a - 0.37001483;
}

static double lab_f(double t)
{
    return t > 216.0 / 24389.0 ? cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
}

// CIELAB of chromaticity (x, y) at luminance Y, white D65 of luminance Yn.
static void xy_to_lab(double x, double y, double big_y, double yn,
                      double lab[3])
{
    double xyz[3] = { x / y * big_y, big_y, (1.0 - x - y) / y * big_y };
    double w[3] = { 0.95047 * yn, yn, 1.08883 * yn };
    double f[3];
    for (int i = 0; i < 3; i++)
        f[i] = lab_f(xyz[i] / w[i]);
    lab[0] = 116.0 * f[1] - 16.0;
    lab[1] = 500.0 * (f[0] - f[1]);
    lab[2] = 200.0 * (f[1] - f[2]);
}

static double deg(double r)
{
    return r * 180.0 / BASE_PI;
}

static double rad(double d)
{
    return d * BASE_PI / 180.0;
}

// CIEDE2000 colour difference (Sharma, Wu and Dalal's formulation).
static double ciede2000(const double l1[3], const double l2[3])
{
    double c1 = hypot(l1[1], l1[2]), c2 = hypot(l2[1], l2[2]);
    double cm = (c1 + c2) / 2.0, cm7 = pow(cm, 7.0);
    double g = 0.5 * (1.0 - sqrt(cm7 / (cm7 + pow(25.0, 7.0))));
    double a1 = (1.0 + g) * l1[1], a2 = (1.0 + g) * l2[1];
    double cp1 = hypot(a1, l1[2]), cp2 = hypot(a2, l2[2]);
    double h1 = cp1 == 0.0 ? 0.0 : deg(atan2(l1[2], a1));
    double h2 = cp2 == 0.0 ? 0.0 : deg(atan2(l2[2], a2));
    if (h1 < 0.0)
        h1 += 360.0;
    if (h2 < 0.0)
        h2 += 360.0;
    double dl = l2[0] - l1[0], dc = cp2 - cp1, dh = 0.0;
    if (cp1 * cp2 != 0.0) {
        dh = h2 - h1;
        if (dh > 180.0)
            dh -= 360.0;
        else if (dh < -180.0)
            dh += 360.0;
    }
    double dhh = 2.0 * sqrt(cp1 * cp2) * sin(rad(dh / 2.0));
    double lm = (l1[0] + l2[0]) / 2.0, cpm = (cp1 + cp2) / 2.0;
    double hm = h1 + h2;
    if (cp1 * cp2 != 0.0) {
        if (fabs(h1 - h2) <= 180.0)
            hm = (h1 + h2) / 2.0;
        else
            hm = h1 + h2 < 360.0 ? (h1 + h2 + 360.0) / 2.0
                                 : (h1 + h2 - 360.0) / 2.0;
    }
    double t = 1.0 - 0.17 * cos(rad(hm - 30.0)) + 0.24 * cos(rad(2.0 * hm)) +
               0.32 * cos(rad(3.0 * hm + 6.0)) -
               0.20 * cos(rad(4.0 * hm - 63.0));
    double dtheta = 30.0 * exp(-pow((hm - 275.0) / 25.0, 2.0));
    double cpm7 = pow(cpm, 7.0);
    double rc = 2.0 * sqrt(cpm7 / (cpm7 + pow(25.0, 7.0)));
    double lm50 = (lm - 50.0) * (lm - 50.0);
    double sl = 1.0 + 0.015 * lm50 / sqrt(20.0 + lm50);
    double sc = 1.0 + 0.045 * cpm, sh = 1.0 + 0.015 * cpm * t;
    double rt = -sin(rad(2.0 * dtheta)) * rc;
    double tl = dl / sl, tc = dc / sc, th = dhh / sh;
    return sqrt(tl * tl + tc * tc + th * th + rt * tc * th);
}

static void test_ciede2000_reference(void)
{
    // Pairs 1 and 7 of Sharma et al.'s published test data.
    double a[3] = { 50.0, 2.6772, -79.7751 }, b[3] = { 50.0, 0.0, -82.7485 };
    CHECK_NEAR(ciede2000(a, b), 2.0425, 1e-4);
    double c[3] = { 50.0, 0.0, 0.0 }, d[3] = { 50.0, -1.0, 2.0 };
    CHECK_NEAR(ciede2000(c, d), 2.3669, 1e-4);
}

// (a) A grey card facing a key of N kelvin renders at that black body's
// chromaticity.
static void test_grey_card_kelvin(void)
{
    static const double temps[] = { 2000.0, 3200.0, 5600.0, 9000.0 };
    Scene *s = new_scene(1);
    make_box(&s->arena, &s->meshes[0], v3(-1, -1, -0.05), v3(1, 1, 0), 0.18f);
    CameraView v = look_at(v3(0, 0, 3), v3(0, 0, 0), 50.0);
    for (size_t k = 0; k < BASE_ARRAY_LEN(temps); k++) {
        LightRig rig;
        memset(&rig, 0, sizeof rig);
        DirectLighting l;
        memset(&l, 0, sizeof l);
        l.light_count = 1;
        l.lights[0].role = DIRECT_LIGHT_KEY;
        l.lights[0].temp_k = temps[k];
        l.lights[0].side = DIRECT_SIDE_FRONT;
        l.lights[0].intensity = 1.0;
        light_rig_add_shot_lights(&rig, &l, v3(0, 0, 0), v.position);
        Frame f;
        render(s, &v, &rig, 32, 32, 8, 0, &f);
        double rgb[3], xyz[3];
        mean_at(&f, &v, v3(0, 0, 0), 4, rgb);
        rgb_to_xyz(rgb, xyz);
        double sum = xyz[0] + xyz[1] + xyz[2];
        CHECK(sum > 0.0);
        double px, py, lab_got[3], lab_want[3];
        planck_xy(temps[k], &px, &py);
        xy_to_lab(xyz[0] / sum, xyz[1] / sum, xyz[1], xyz[1], lab_got);
        xy_to_lab(px, py, xyz[1], xyz[1], lab_want);
        double de = ciede2000(lab_got, lab_want);
        printf("    card under %.0f K: xy %.4f %.4f (locus %.4f %.4f), "
               "dE2000 %.2f\n",
               temps[k], xyz[0] / sum, xyz[1] / sum, px, py, de);
        CHECK(de < 2.0);
        render_frame_fini(&f);
    }
    free_scene(s);
}

// Plans @p note in a one-shot night interior and returns its lighting.
static DirectLighting plan_light(const char *note)
{
    char text[512];
    snprintf(text, sizeof text,
             "INT. ROOM - NIGHT\n\n%s\n\nBOB\nHello there.\n", note);
    BaseDiag diag = { 0 };
    ScriptDoc *doc = NULL;
    Production *prod = NULL;
    DirectLighting out;
    memset(&out, 0, sizeof out);
    CHECK_OK(script_parse(A, &diag, "t.fountain", text, strlen(text), &doc));
    if (doc)
        CHECK_OK(direct_plan(A, &diag, doc, &prod));
    CHECK_INT_EQ(diag.errors, 0);
    if (prod && prod->shot_count)
        out = prod->shots[prod->shot_count - 1].lighting;
    direct_production_free(&prod);
    script_doc_free(&doc);
    return out;
}

// (b) "N:1" in a light note: the side of a matte sphere facing the key
// reads N times the side facing the fill.
static void test_key_to_fill_ratio(void)
{
    static const char *const notes[] = { "[[light: key, 2:1]]",
                                         "[[light: key from right, 4:1]]",
                                         "[[light: key 3200K, fill, 8:1]]" };
    static const double want[] = { 2.0, 4.0, 8.0 };
    Scene *s = new_scene(1);
    make_sphere(&s->arena, &s->meshes[0], 1.0, 0.8f);
    CameraView v = look_at(v3(0, 0, 6), v3(0, 0, 0), 40.0);
    for (size_t k = 0; k < BASE_ARRAY_LEN(notes); k++) {
        DirectLighting l = plan_light(notes[k]);
        CHECK_NEAR(l.fill_ratio, want[k], 1e-9);
        LightRig rig;
        memset(&rig, 0, sizeof rig);
        light_rig_add_shot_lights(&rig, &l, v3(0, 0, 0), v.position);
        const LightLocal *key = NULL, *fill = NULL;
        for (size_t i = 0; i < rig.local_count; i++) {
            if (rig.locals[i].role == DIRECT_LIGHT_KEY)
                key = &rig.locals[i];
            if (rig.locals[i].role == DIRECT_LIGHT_FILL)
                fill = &rig.locals[i];
        }
        CHECK(key && fill);
        if (!key || !fill)
            continue;
        Frame f;
        render(s, &v, &rig, 96, 96, 32, 0, &f);
        double got = lum_facing(&f, v3_norm(key->position)) /
                     lum_facing(&f, v3_norm(fill->position));
        printf("    %s: key side / fill side = %.2f\n", notes[k], got);
        CHECK(fabs(got / want[k] - 1.0) < 0.10);
        render_frame_fini(&f);
    }
    free_scene(s);
}

// A grey box on open ground, seen from above and to the side.
static Scene *yard(void)
{
    Scene *s = new_scene(2);
    make_box(&s->arena, &s->meshes[0], v3(-60, -1, -60), v3(60, 0, 60), 0.3f);
    make_box(&s->arena, &s->meshes[1], v3(-2, 0, -0.1), v3(2, 2, 0.1), 0.5f);
    return s;
}

static void rig_for(DirectTimeOfDay tod, DirectWeather w, LightRig *rig)
{
    DirectScene sc;
    memset(&sc, 0, sizeof sc);
    sc.time_of_day = tod;
    sc.weather = w;
    light_rig_for_scene(&sc, rig);
}

static void frame_mean(const Frame *f, double out[3])
{
    size_t n = (size_t)f->width * (size_t)f->height;
    out[0] = out[1] = out[2] = 0.0;
    for (size_t i = 0; i < n; i++)
        for (int c = 0; c < 3; c++)
            out[c] += (double)f->rgb[3 * i + (size_t)c] / (double)n;
}

// (c) Day is brighter than night before the grade; magic hour is warmer
// than day.
static void test_day_night_magic(void)
{
    Scene *s = yard();
    CameraView v = look_at(v3(3, 2.5, 6), v3(0, 0.5, -1), 24.0);
    static const DirectTimeOfDay tods[] = { DIRECT_TOD_DAY, DIRECT_TOD_NIGHT,
                                            DIRECT_TOD_MAGIC_HOUR };
    double mean[3][3];
    for (size_t k = 0; k < 3; k++) {
        LightRig rig;
        rig_for(tods[k], DIRECT_WEATHER_CLEAR, &rig);
        Frame f;
        render(s, &v, &rig, 48, 32, 8, 2, &f);
        frame_mean(&f, mean[k]);
        render_frame_fini(&f);
    }
    double ev = log2(lum3(mean[0]) / lum3(mean[1]));
    double rb_day = mean[0][0] / mean[0][2], rb_magic = mean[2][0] / mean[2][2];
    printf("    day is %.1f EV over night; R/B day %.2f, magic hour %.2f\n", ev,
           rb_day, rb_magic);
    CHECK(ev >= 2.0);
    CHECK(rb_magic > 1.3 * rb_day);
    free_scene(s);
}

// (d) The wall's shadow on the ground has a hard edge under a clear sun
// and none under an overcast sky: the ground either side of where the sun
// puts the edge differs by a factor in sun, barely at all under cloud.
static void test_overcast_soft_shadow(void)
{
    Scene *s = yard();
    CameraView v = look_at(v3(0, 6, -4), v3(0, 0, -1.3), 35.0);
    LightRig clear, cloud;
    rig_for(DIRECT_TOD_DAY, DIRECT_WEATHER_CLEAR, &clear);
    rig_for(DIRECT_TOD_DAY, DIRECT_WEATHER_OVERCAST, &cloud);
    // Where the wall's top edge throws the sun's shadow on the ground.
    double d = 2.0 * hypot(clear.sun_dir.x, clear.sun_dir.z) / clear.sun_dir.y;
    Vec3 along = v3_norm(v3(-clear.sun_dir.x, 0, -clear.sun_dir.z));
    // The points straddle the edge 0.3 m either side, behind the wall.
    double t_edge = d * fabs(along.z);
    Vec3 in = v3(0, 0, -0.1 - (t_edge - 0.3));
    Vec3 out = v3(0, 0, -0.1 - (t_edge + 0.3));
    double contrast[2];
    const LightRig *rigs[2] = { &clear, &cloud };
    for (int k = 0; k < 2; k++) {
        Frame f;
        render(s, &v, rigs[k], 64, 64, 48, 1, &f);
        double a[3], b[3];
        mean_at(&f, &v, in, 2, a);
        mean_at(&f, &v, out, 2, b);
        contrast[k] = lum3(b) / lum3(a);
        render_frame_fini(&f);
    }
    printf("    shadow edge contrast: clear %.2f, overcast %.2f\n", contrast[0],
           contrast[1]);
    CHECK(contrast[0] > 2.0);
    CHECK(contrast[1] < 1.15);
    free_scene(s);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_OK(render_device_new(A, NULL, &dev));
    CHECK_RUN(test_ciede2000_reference);
    CHECK_RUN(test_grey_card_kelvin);
    CHECK_RUN(test_key_to_fill_ratio);
    CHECK_RUN(test_day_night_magic);
    CHECK_RUN(test_overcast_soft_shadow);
    render_device_free(&dev);
    return CHECK_DONE();
}
