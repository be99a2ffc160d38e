/* world/figure.c: a character's look from their name hash, and the
 * procedural human figure built from it: smooth lofted body parts in
 * figure-drawing proportions, posed with breathing, head sway, a turned
 * head, and a nod, a moving mouth and a lifting forearm while they talk.
 * Consumed by world.c for every cast member in a shot. */
#include <string.h>

#include "world_internal.h"

/* ---- the look ------------------------------------------------------- */

static double srgb_to_linear(double c)
{
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static void hsv_to_linear(double h, double s, double v, float out[3])
{
    double hh = 6.0 * (h - floor(h));
    int sector = (int)hh;
    double f = hh - (double)sector;
    double p = v * (1.0 - s), q = v * (1.0 - s * f),
           t = v * (1.0 - s * (1 - f));
    const double rgb[6][3] = { { v, t, p }, { q, v, p }, { p, v, t },
                               { p, q, v }, { t, p, v }, { v, p, q } };
    for (int i = 0; i < 3; i++)
        out[i] = (float)srgb_to_linear(rgb[sector % 6][i]);
}

static double luminance(const float c[3])
{
    return 0.2126 * (double)c[0] + 0.7152 * (double)c[1] +
           0.0722 * (double)c[2];
}

static void set_rgb(float out[3], const double c[3], double gain)
{
    for (int i = 0; i < 3; i++)
        out[i] = (float)base_clamp(c[i] * gain, 0.0, 1.0);
}

// Linear diffuse reflectance of human skin from deeply to lightly
// pigmented: about 5% to 55% in red, a warm hue throughout (red > green >
// blue), spanning the range that skin measurements report.
static const double skin_tones[][3] = {
    { 0.055, 0.035, 0.025 }, { 0.12, 0.072, 0.048 }, { 0.22, 0.135, 0.085 },
    { 0.33, 0.215, 0.145 },  { 0.44, 0.31, 0.235 },  { 0.55, 0.41, 0.33 },
};

// Hair pigments from black to white with how often each occurs; a red
// head is rare, black and dark brown most common.
static const struct {
    double rgb[3];
    double weight;
} hair_tones[] = {
    { { 0.014, 0.012, 0.011 }, 0.28 }, { { 0.045, 0.028, 0.017 }, 0.22 },
    { { 0.11, 0.065, 0.036 }, 0.16 },  { { 0.42, 0.31, 0.16 }, 0.10 },
    { { 0.24, 0.075, 0.028 }, 0.06 },  { { 0.30, 0.29, 0.28 }, 0.11 },
    { { 0.52, 0.51, 0.49 }, 0.07 },
};

static const double trouser_tones[][3] = {
    { 0.035, 0.055, 0.11 }, { 0.018, 0.022, 0.055 }, { 0.018, 0.018, 0.02 },
    { 0.05, 0.05, 0.055 },  { 0.21, 0.165, 0.10 },   { 0.065, 0.075, 0.038 },
    { 0.08, 0.05, 0.03 },   { 0.12, 0.12, 0.12 },
};

static const double shoe_tones[][3] = {
    { 0.018, 0.018, 0.018 },
    { 0.048, 0.03, 0.018 },
    { 0.10, 0.06, 0.035 },
    { 0.06, 0.06, 0.065 },
};

void world_figure_look(uint64_t name_hash, WorldFigureLook *out)
{
    BaseRng rng;
    base_rng_seed(&rng, name_hash, 0x6c6f6f6bu);
    WorldFigureLook l;
    memset(&l, 0, sizeof(l));

    // The mean of two uniforms clusters heights in the middle of the
    // range, as in a real population.
    double hu = 0.5 * (base_rng_uniform(&rng) + base_rng_uniform(&rng));
    l.height_m = 1.55 + 0.40 * hu;
    double frame = 0.6 * base_rng_uniform(&rng) + 0.4 * hu;
    l.shoulder_m = 0.38 + 0.12 * base_clamp(frame, 0.0, 1.0);
    l.girth = 0.85 + 0.40 * base_rng_uniform(&rng);

    double tone =
        base_rng_uniform(&rng) * (double)(BASE_ARRAY_LEN(skin_tones) - 1);
    size_t ti = (size_t)tone;
    if (ti >= BASE_ARRAY_LEN(skin_tones) - 1)
        ti = BASE_ARRAY_LEN(skin_tones) - 2;
    double tf = tone - (double)ti;
    double skin[3];
    for (int i = 0; i < 3; i++)
        skin[i] = skin_tones[ti][i] +
                  (skin_tones[ti + 1][i] - skin_tones[ti][i]) * tf;
    skin[0] *= 1.0 + 0.08 * (base_rng_uniform(&rng) - 0.5);
    skin[2] *= 1.0 + 0.10 * (base_rng_uniform(&rng) - 0.5);
    set_rgb(l.skin, skin, 1.0);

    double pick = base_rng_uniform(&rng), acc = 0.0;
    size_t hi = 0;
    for (size_t i = 0; i < BASE_ARRAY_LEN(hair_tones); i++) {
        acc += hair_tones[i].weight;
        hi = i;
        if (pick < acc)
            break;
    }
    set_rgb(l.hair, hair_tones[hi].rgb, base_rng_range(&rng, 0.85, 1.15));

    // Most shirts are a coloured fabric; some are white, grey or black.
    if (base_rng_uniform(&rng) < 0.15) {
        double v = base_rng_uniform(&rng) < 0.5
                       ? base_rng_range(&rng, 0.55, 0.75)
                       : base_rng_range(&rng, 0.05, 0.25);
        double c[3] = { v, v * 0.98, v * 0.95 };
        set_rgb(l.shirt, c, 1.0);
    } else {
        hsv_to_linear(base_rng_uniform(&rng), base_rng_range(&rng, 0.45, 0.85),
                      base_rng_range(&rng, 0.50, 0.92), l.shirt);
    }
    double peak =
        fmax((double)l.shirt[0], fmax((double)l.shirt[1], (double)l.shirt[2]));
    if (peak > 0.8) {
        for (int i = 0; i < 3; i++)
            l.shirt[i] = (float)((double)l.shirt[i] * 0.8 / peak);
    }

    size_t tr = base_rng_u32(&rng) % BASE_ARRAY_LEN(trouser_tones);
    set_rgb(l.trousers, trouser_tones[tr], base_rng_range(&rng, 0.85, 1.15));
    // Trousers read darker than the shirt so the figure has a clear top.
    double ls = luminance(l.shirt), lt = luminance(l.trousers);
    if (lt > 0.7 * ls) {
        double g = 0.7 * ls / lt;
        for (int i = 0; i < 3; i++)
            l.trousers[i] = (float)((double)l.trousers[i] * g);
    }
    size_t sh = base_rng_u32(&rng) % BASE_ARRAY_LEN(shoe_tones);
    set_rgb(l.shoes, shoe_tones[sh], base_rng_range(&rng, 0.85, 1.15));
    // What a cast note may change later starts at the plain defaults.
    l.heads = 7.5;
    l.hip_scale = 1.0;
    l.hair_style = WORLD_HAIR_SHORT;
    l.hat = WORLD_HAT_NONE;
    l.pattern = WORLD_PATTERN_NONE;
    memcpy(l.jacket_rgb, l.shirt, sizeof(l.shirt));
    memcpy(l.skirt_rgb, l.trousers, sizeof(l.trousers));
    memcpy(l.hat_rgb, l.hair, sizeof(l.hair));
    memcpy(l.tie_rgb, l.trousers, sizeof(l.trousers));
    memcpy(l.pattern_rgb, l.shirt, sizeof(l.shirt));
    *out = l;
}

/* ---- the idle pose -------------------------------------------------- */

static double deg(double d)
{
    return d * BASE_PI / 180.0;
}

void world_pose_at(uint64_t name_hash, uint64_t seed, double time_s,
                   double talk_s, WorldPose *out)
{
    BaseRng rng;
    base_rng_seed(&rng, base_hash_mix(name_hash, seed), 0x706f7365u);
    double ph[4];
    for (int i = 0; i < 4; i++)
        ph[i] = 2.0 * BASE_PI * base_rng_uniform(&rng);
    double breath_hz = 0.25 * base_rng_range(&rng, 0.9, 1.1);
    double w = 2.0 * BASE_PI * time_s;

    WorldPose p;
    p.arm[0] = p.arm[1] = WORLD_ARM_REST;
    p.mouth_open = 0.0;
    p.gesture = 0.0;
    p.legs = false;
    p.foot_m[0] = p.foot_m[1] = v3(0, 0, 0);
    p.sit = 0.0;
    p.seat_y_m = 0.0;
    p.arm_swing_rad[0] = p.arm_swing_rad[1] = 0.0;
    p.shrug = p.slump = p.point_yaw_rad = 0.0;
    p.foot_pitch_rad[0] = p.foot_pitch_rad[1] = 0.0;
    p.breath = sin(w * breath_hz + ph[0]);
    // Slow, incommensurate frequencies so the sway never visibly repeats.
    p.head_yaw_rad = deg(2.5) * sin(w * 0.11 + ph[1]);
    p.head_pitch_rad = deg(1.0) * sin(w * 0.09 + ph[2]);
    p.head_roll_rad = deg(1.2) * sin(w * 0.07 + ph[3]);
    if (talk_s >= 0.0) {
        // Ease in over the first 0.3 s so the cut does not start mid-nod.
        double e = base_clamp(talk_s / 0.3, 0.0, 1.0);
        e = e * e * (3.0 - 2.0 * e);
        double amp =
            deg(2.5) * (0.75 + 0.25 * sin(2.0 * BASE_PI * 0.37 * talk_s));
        p.head_pitch_rad += e * amp * sin(2.0 * BASE_PI * 2.0 * talk_s);
    }
    *out = p;
}

/* ---- the body ------------------------------------------------------- */

typedef struct Builder {
    BaseArena *arena;
    const WorldFigureLook *look;
    WorldXform body; // figure space (facing +z, feet at y = 0) to world
    uint16_t object_id;
    WorldMesh *meshes;
    size_t count;
} Builder;

static AuStatus emit(Builder *b, const WorldLoft *loft, const WorldXform *part,
                     const float albedo[3], bool floor_clamp)
{
    WorldXform xf = world_xform_compose(&b->body, part);
    WorldMesh *m = &b->meshes[b->count];
    AuStatus st = world_mesh_loft(b->arena, loft, &xf, floor_clamp, m);
    if (st != AU_OK)
        return st;
    // Skin is softened by the light under it; what the look wears is
    // cloth with a sheen; eyes, mouth and shoes are plain.
    const WorldFigureLook *l = b->look;
    WorldMatKind kind = WORLD_MAT_PLAIN;
    if (albedo == l->skin)
        kind = WORLD_MAT_SKIN;
    else if (albedo == l->shirt || albedo == l->trousers ||
             albedo == l->jacket_rgb)
        kind = WORLD_MAT_CLOTH;
    m->material = world_material(kind, (double)albedo[0], (double)albedo[1],
                                 (double)albedo[2]);
    m->object_id = b->object_id;
    b->count++;
    return AU_OK;
}

// One key of a limb: fraction along its length, radius, forward offset.
typedef struct LimbKey {
    double f, r_m, dz_m;
} LimbKey;

// A limb from joint a to joint c: a lofted tube through the keys with
// hemispherical ends, so it reads as flesh rather than a cylinder.
static AuStatus limb(Builder *b, const WorldXform *pose, Vec3 a, Vec3 c,
                     Vec3 front, const LimbKey *keys, size_t n, double scale,
                     size_t rings, size_t cap_rings, unsigned segments,
                     const float albedo[3], bool floor_clamp)
{
    Vec3 axis = v3_sub(c, a);
    double len = v3_len(axis);
    WorldRing k[8];
    AU_ASSERT(n <= BASE_ARRAY_LEN(k));
    for (size_t i = 0; i < n; i++) {
        WorldRing r = { keys[i].f * len, keys[i].r_m * scale,
                        keys[i].r_m * scale, keys[i].dz_m * scale };
        k[i] = r;
    }
    WorldLoft loft;
    world_loft_profile(&loft, k, n, rings, cap_rings, k[0].rx_m, k[n - 1].rx_m,
                       segments);
    WorldXform part = world_xform_along(a, axis, front);
    WorldXform xf = world_xform_compose(pose, &part);
    return emit(b, &loft, &xf, albedo, floor_clamp);
}

static AuStatus ellipsoid(Builder *b, const WorldXform *pose, Vec3 center,
                          Vec3 axis, Vec3 front, Vec3 radii, size_t rings,
                          unsigned segments, const float albedo[3])
{
    WorldLoft loft;
    world_loft_ellipsoid(&loft, radii.x, radii.y, radii.z, rings, segments);
    WorldXform part = world_xform_along(center, axis, front);
    WorldXform xf = world_xform_compose(pose, &part);
    return emit(b, &loft, &xf, albedo, false);
}

// How high an ankle must be for a shoe tilted @p pitch about it (toe
// down positive) to keep heel and toe above the ground: the shoe's sole
// is @p ankle_y under the ankle, its heel @p heel_m behind, toe @p toe_m
// ahead.
static double foot_clear_y(double pitch, double ankle_y, double heel_m,
                           double toe_m)
{
    double c = cos(pitch), sn = sin(pitch);
    double heel_y = -ankle_y * c + heel_m * sn;
    double toe_y = -ankle_y * c - toe_m * sn;
    return -fmin(heel_y, toe_y);
}

Vec3 world_figure_ankle_rest(const WorldFigureLook *look, int li)
{
    // The same proportions world_figure_build uses.
    const double heads = look->heads > 0 ? look->heads : 7.5;
    const double h = look->height_m / heads;
    const double bu = (look->height_m - h) / 6.5, s = 7.5 * bu / 1.75;
    const double hip = look->hip_scale > 0 ? look->hip_scale : 1.0;
    const double hx = 0.085 * s * (0.85 + 0.15 * look->girth) * hip;
    const double sd = li == 0 ? 1.0 : -1.0;
    return v3(sd * (hx + 0.012 * s), 0.045 * 7.5 * bu, -0.01 * s);
}

// The middle joint (knee, elbow) of a chain from @p a of lengths @p l1
// and @p l2 reaching for @p t, bent toward @p pole; *end gets where the
// chain ends, on @p t when it can reach it.
static Vec3 two_bone(Vec3 a, Vec3 t, double l1, double l2, Vec3 pole, Vec3 *end)
{
    Vec3 d = v3_sub(t, a);
    double len = v3_len(d);
    Vec3 dir = len > 1e-9 ? v3_scale(d, 1.0 / len) : v3(0, -1, 0);
    len = base_clamp(len, fabs(l1 - l2) + 1e-6, l1 + l2 - 1e-6);
    double x = (l1 * l1 - l2 * l2 + len * len) / (2.0 * len);
    double hgt = sqrt(fmax(0.0, l1 * l1 - x * x));
    Vec3 side = v3_sub(pole, v3_scale(dir, v3_dot(pole, dir)));
    double sl = v3_len(side);
    side = sl > 1e-9 ? v3_scale(side, 1.0 / sl) : v3(0, 0, 1);
    Vec3 mid = v3_add(a, v3_add(v3_scale(dir, x), v3_scale(side, hgt)));
    *end = v3_add(
        mid, v3_scale(v3_norm(v3_sub(v3_add(a, v3_scale(dir, len)), mid)), l2));
    return mid;
}

static WorldXform rotation(double yaw, double pitch, double roll)
{
    double cy = cos(yaw), sy = sin(yaw), cp = cos(pitch), sp = sin(pitch);
    double cr = cos(roll), sr = sin(roll);
    // Ry(yaw) * Rx(pitch) * Rz(roll); Rx with positive pitch moves the
    // face (+z) downward.
    WorldXform ry = world_xform_frame(v3(0, 0, 0), v3(cy, 0, -sy), v3(0, 1, 0),
                                      v3(sy, 0, cy));
    WorldXform rx = world_xform_frame(v3(0, 0, 0), v3(1, 0, 0), v3(0, cp, sp),
                                      v3(0, -sp, cp));
    WorldXform rz = world_xform_frame(v3(0, 0, 0), v3(cr, sr, 0),
                                      v3(-sr, cr, 0), v3(0, 0, 1));
    WorldXform a = world_xform_compose(&ry, &rx);
    return world_xform_compose(&a, &rz);
}

// The head's shape in its own frame (centre of the skull at the origin):
// an ellipsoid whose lower half narrows into the jaw.
typedef struct HeadShape {
    double rx, ry, rz;
} HeadShape;

static void head_ring(const HeadShape *h, double y, double frac, WorldRing *r)
{
    double jaw = y < 0.0 ? -y / h->ry : 0.0;
    r->y_m = y;
    r->rx_m = h->rx * frac * (1.0 - 0.25 * jaw * jaw);
    r->rz_m = h->rz * frac * (1.0 - 0.08 * jaw * jaw);
    r->dz_m = 0.012 * jaw;
}

// Where the front of the face is at height y (head frame) on the midline.
static double head_front_z(const HeadShape *h, double y)
{
    double t = y / h->ry;
    WorldRing r;
    head_ring(h, y, sqrt(fmax(0.0, 1.0 - t * t)), &r);
    return r.dz_m + r.rz_m;
}

Vec3 world_figure_grip(Vec3 elbow, Vec3 wrist, double height_m)
{
    // The palm sits about a quarter of the hand's length past the wrist.
    Vec3 d = v3_norm(v3_sub(wrist, elbow));
    return v3_add(wrist, v3_scale(d, 0.25 * 0.108 * height_m));
}

// The front of the torso at height @p y: linear between its key rings,
// a hair proud of the lofted surface, which bulges between keys.
static double torso_front(const WorldRing *k, size_t n, double y)
{
    if (y <= k[0].y_m)
        return k[0].dz_m + k[0].rz_m;
    for (size_t i = 0; i + 1 < n; i++) {
        if (y <= k[i + 1].y_m) {
            double t = (y - k[i].y_m) / (k[i + 1].y_m - k[i].y_m);
            double a = k[i].dz_m + k[i].rz_m, b = k[i + 1].dz_m + k[i + 1].rz_m;
            return a + (b - a) * t;
        }
    }
    return k[n - 1].dz_m + k[n - 1].rz_m;
}

// A ring of the lofted torso at height @p y, by interpolating its rings.
static WorldRing loft_ring_at(const WorldLoft *l, double y)
{
    const WorldRing *r = l->rings;
    size_t n = l->ring_count;
    if (y <= r[0].y_m)
        return r[0];
    for (size_t i = 0; i + 1 < n; i++) {
        if (y <= r[i + 1].y_m) {
            double t = (y - r[i].y_m) / fmax(r[i + 1].y_m - r[i].y_m, 1e-9);
            WorldRing o = { y, r[i].rx_m + (r[i + 1].rx_m - r[i].rx_m) * t,
                            r[i].rz_m + (r[i + 1].rz_m - r[i].rz_m) * t,
                            r[i].dz_m + (r[i + 1].dz_m - r[i].dz_m) * t };
            return o;
        }
    }
    return r[n - 1];
}

// A strip lying on the torso's front from @p y0 (bottom) to @p y1, of
// half-width w0 at the bottom and w1 at the top: a tie, a shirt front, an
// apron.
static void front_strip(WorldKit *k, int m, const WorldRing *keys, size_t nk,
                        double y0, double y1, double w0, double w1,
                        double thick, double min_z)
{
    WorldLoft l;
    const size_t n = 8;
    for (size_t i = 0; i < n; i++) {
        double t = (double)i / (double)(n - 1);
        double y = y0 + (y1 - y0) * t;
        double z = fmax(torso_front(keys, nk, y), min_z) + 0.006 + thick;
        WorldRing r = { y, w0 + (w1 - w0) * t, thick, z };
        l.rings[i] = r;
    }
    l.ring_count = n;
    l.pole_lo_y_m = y0 - 0.004;
    l.pole_lo_dz_m = l.rings[0].dz_m;
    l.pole_hi_y_m = y1 + 0.004;
    l.pole_hi_dz_m = l.rings[n - 1].dz_m;
    l.segments = 8;
    WorldXform id = world_xform_identity();
    world_kit_loft(k, m, &l, &id);
}

// The upper part of an ellipsoid, from its equator up: a cap's dome.
static void dome(WorldKit *k, int m, Vec3 c, double rx, double ry, double rz)
{
    WorldLoft l;
    const size_t n = 6;
    for (size_t i = 0; i < n; i++) {
        double a = 0.5 * BASE_PI * (double)i / (double)n;
        WorldRing r = { ry * sin(a), rx * cos(a), rz * cos(a), 0.0 };
        l.rings[i] = r;
    }
    l.ring_count = n;
    l.pole_lo_y_m = 0.0;
    l.pole_hi_y_m = ry;
    l.pole_lo_dz_m = l.pole_hi_dz_m = 0.0;
    l.segments = 16;
    WorldXform xf = world_xform_identity();
    xf.t = c;
    world_kit_loft(k, m, &l, &xf);
}

// A short upright tube with flat-ish ends (crown, brim, band).
static void tube(WorldKit *k, int m, Vec3 c, double y0, double y1, double rx0,
                 double rz0, double rx1, double rz1, double dz1)
{
    WorldLoft l;
    WorldRing a = { y0, rx0, rz0, 0.0 }, b = { y1, rx1, rz1, dz1 };
    l.rings[0] = a;
    l.rings[1] = b;
    l.ring_count = 2;
    l.pole_lo_y_m = y0;
    l.pole_hi_y_m = y1;
    l.pole_lo_dz_m = 0.0;
    l.pole_hi_dz_m = dz1;
    l.segments = 18;
    WorldXform xf = world_xform_identity();
    xf.t = c;
    world_kit_loft(k, m, &l, &xf);
}

static void mix(float out[3], const float a[3], const float b[3], double t)
{
    for (int i = 0; i < 3; i++)
        out[i] = (float)((double)a[i] + ((double)b[i] - (double)a[i]) * t);
}

AuStatus world_figure_build(BaseArena *arena, const WorldFigureLook *look,
                            Vec3 position, Vec3 facing, const WorldPose *pose,
                            uint16_t object_id, WorldMesh *meshes,
                            size_t *count, Vec3 *joints)
{
    const double H = look->height_m;
    const double heads = look->heads > 0 ? look->heads : 7.5;
    // A head h tall; the body below the chin in units bu that equal h for
    // an adult of 7.5 heads; a child's big head leaves shorter units.
    const double h = H / heads, chin_y = H - h, bu = chin_y / 6.5;
    const double s = 7.5 * bu / 1.75, sh = 7.5 * h / 1.75;
    const double g = look->girth, gx = 0.6 + 0.4 * g;
    const double hip = look->hip_scale > 0 ? look->hip_scale : 1.0;
    // A shrug lifts the shoulders, a sigh lets them fall.
    const double sh_lift = (0.05 * base_clamp(pose->shrug, 0.0, 1.0) -
                            0.03 * base_clamp(pose->slump, 0.0, 1.0)) *
                           H / 1.75;
    const float *skin = look->skin, *shirt = look->shirt;
    const float *trousers = look->trousers;
    const float *coat = look->jacket ? look->jacket_rgb : shirt;
    const float *fore_c = look->short_sleeves && !look->jacket ? skin : coat;
    const float *shin_c = look->bare_legs ? skin : trousers;
    float scalp[3];
    mix(scalp, skin, look->hair, 0.15);
    const float *hair_c =
        look->hair_style == WORLD_HAIR_BALD ? scalp : look->hair;
    static const float eye_dark[3] = { 0.035f, 0.026f, 0.02f };

    Builder b = {
        arena,     look,   world_xform_yaw(position, atan2(facing.x, facing.z)),
        object_id, meshes, 0
    };
    AuStatus st;

    // Landmarks as in figure drawing, in heads from the top for an adult:
    // chin 1, shoulders ~1.5, chest 2, waist 3, crotch 4, knee 5.5.
#define AT(k) (chin_y - ((k)-1.0) * bu)
    const double eyes_y = H - 0.5 * h;
    const double neck_y = AT(1.25), sh_y = AT(1.45);
    const double chest_y = AT(2.0), waist_y = AT(3.0);
    const double pelvis_y = AT(3.4), hip_y = AT(3.6);
    const double knee_y = AT(5.5), ankle_y = 0.045 * 7.5 * bu;
    const double sx = look->shoulder_m * 0.5 - 0.05 * s;
    const double hx = 0.085 * s * (0.85 + 0.15 * g) * hip;

    // Sitting lowers the hips onto the seat; a stride lowers them as far
    // as the legs need to reach both feet.
    double drop = base_clamp(pose->sit, 0.0, 1.0) *
                  fmax(0.0, hip_y - (pose->seat_y_m + 0.08 * s));
    for (int li = 0; li < 2 && pose->legs; li++) {
        double sd = li == 0 ? 1.0 : -1.0;
        Vec3 hipj = v3(sd * hx, hip_y, 0);
        Vec3 knee = v3(sd * (hx - 0.004 * s), knee_y, 0.012 * s);
        Vec3 rest = v3(sd * (hx + 0.012 * s), ankle_y, -0.01 * s);
        Vec3 t = v3_add(rest, pose->foot_m[li]);
        t.y = fmax(t.y, foot_clear_y(pose->foot_pitch_rad[li], ankle_y,
                                     0.055 * s, 0.155 * 7.5 * bu - 0.055 * s));
        double reach =
            0.995 * (v3_len(v3_sub(knee, hipj)) + v3_len(v3_sub(rest, knee)));
        double dx = t.x - hipj.x, dz = t.z - hipj.z;
        double need =
            hip_y - t.y - sqrt(fmax(0.0, reach * reach - dx * dx - dz * dz));
        drop = fmax(drop, need);
    }
    b.body.t.y -= drop;

    // Breathing swells the chest and lifts everything it carries a little.
    const double breath = pose->breath;
    const double lift = 0.0015 * breath;
    WorldXform upper = world_xform_identity();
    upper.t = v3(0, lift, 0);

    /* Head: the skull, with hair as a slightly larger shell set up and
     * back, so the hair top is the head top and the face stays clear. */
    double hair_k = 1.05, hair_up = 0.02 * sh, hair_back = 0.022 * sh;
    if (look->hair_style == WORLD_HAIR_BUZZ ||
        look->hair_style == WORLD_HAIR_BALD) {
        hair_k = 1.015;
        hair_up = 0.008 * sh;
        hair_back = 0.01 * sh;
    } else if (look->hair_style == WORLD_HAIR_CURLY) {
        hair_k = 1.13;
        hair_up = 0.012 * sh;
        hair_back = 0.03 * sh;
    }
    HeadShape hs;
    hs.ry = (h - hair_up) / (1.0 + hair_k);
    hs.rx = 0.335 * h;
    hs.rz = 0.42 * h;
    const double cy = chin_y + hs.ry, cz = 0.015 * sh;
    // An old figure carries the head forward and a little down.
    const double stoop = look->stoop_rad;
    Vec3 pivot = v3(0, chin_y + 0.02 * sh, -0.01 * sh);
    Vec3 stoop_t = v3(0, -0.1 * stoop * h, 0.45 * stoop * h);
    WorldXform rot = rotation(pose->head_yaw_rad, pose->head_pitch_rad + stoop,
                              pose->head_roll_rad);
    WorldXform rest_rot = rotation(0, stoop, 0);
    WorldXform to_pivot = world_xform_identity(), from_pivot = to_pivot;
    to_pivot.t = v3_add(v3_add(pivot, stoop_t), v3(0, lift, 0));
    from_pivot.t = v3_scale(pivot, -1.0);
    WorldXform head_pose = world_xform_compose(&to_pivot, &rot);
    head_pose = world_xform_compose(&head_pose, &from_pivot);
    WorldXform rest_to = to_pivot;
    rest_to.t = v3_add(pivot, stoop_t);
    WorldXform head_rest = world_xform_compose(&rest_to, &rest_rot);
    head_rest = world_xform_compose(&head_rest, &from_pivot);

    {
        WorldLoft loft;
        const size_t rings = 13;
        for (size_t i = 0; i < rings; i++) {
            double th = BASE_PI * (double)(i + 1) / (double)(rings + 1);
            head_ring(&hs, -hs.ry * cos(th), sin(th), &loft.rings[i]);
        }
        loft.ring_count = rings;
        loft.pole_lo_y_m = -hs.ry;
        loft.pole_lo_dz_m = 0.012;
        loft.pole_hi_y_m = hs.ry;
        loft.pole_hi_dz_m = 0.0;
        loft.segments = 22;
        WorldXform part = world_xform_identity();
        part.t = v3(0, cy, cz);
        WorldXform xf = world_xform_compose(&head_pose, &part);
        if ((st = emit(&b, &loft, &xf, skin, false)) != AU_OK)
            return st;
    }
    Vec3 up = v3(0, 1, 0), fwd = v3(0, 0, 1);
    st = ellipsoid(&b, &head_pose, v3(0, cy + hair_up, cz - hair_back), up, fwd,
                   v3(hs.rx * hair_k, hs.ry * hair_k, hs.rz * hair_k), 10, 22,
                   hair_c);
    if (st != AU_OK)
        return st;

    // The nose hangs from between the eyes; eyes sit just inside the face.
    double nose_y = eyes_y - 0.035 * sh;
    double nose_z = cz + head_front_z(&hs, nose_y - cy);
    st = ellipsoid(&b, &head_pose, v3(0, nose_y, nose_z - 0.004 * sh),
                   v3(0, 1, -0.35), fwd, v3(0.011 * sh, 0.021 * sh, 0.012 * sh),
                   5, 8, skin);
    if (st != AU_OK)
        return st;
    const double eye_dx = 0.032 * sh;
    double ey = (eyes_y - cy) / hs.ry, ex = eye_dx / hs.rx;
    double eye_z = cz + hs.rz * sqrt(fmax(0.0, 1.0 - ex * ex - ey * ey));
    for (int side = 1; side >= -1; side -= 2) {
        st = ellipsoid(&b, &head_pose,
                       v3(side * eye_dx, eyes_y, eye_z - 0.004 * sh), up, fwd,
                       v3(0.012 * sh, 0.007 * sh, 0.006 * sh), 4, 8, eye_dark);
        if (st != AU_OK)
            return st;
    }
    // The mouth: a dark lens on the face between nose and chin that opens
    // with the syllables, big enough to read in a medium shot.
    {
        static const float mouth_dark[3] = { 0.045f, 0.012f, 0.01f };
        double open = base_clamp(pose->mouth_open, 0.0, 1.0);
        double mouth_y = eyes_y - 0.078 * sh - 0.006 * sh * open;
        double mouth_z = cz + head_front_z(&hs, mouth_y - cy);
        st = ellipsoid(
            &b, &head_pose, v3(0, mouth_y, mouth_z - 0.003 * sh), up, fwd,
            v3(0.021 * sh, (0.0025 + 0.011 * open) * sh, 0.0065 * sh), 5, 12,
            mouth_dark);
        if (st != AU_OK)
            return st;
    }

    // Neck: from inside the torso up into the skull, leaning forward a
    // touch as a real neck does.
    Vec3 neck_lo = v3(0, AT(1.6), -0.015 * s);
    Vec3 neck_hi = v3(0, chin_y + 0.03 * sh, -0.005 * sh + 0.5 * stoop_t.z);
    const double ng = s * (0.85 + 0.15 * g);
    static const LimbKey neck_keys[] = { { 0, 0.064, 0 }, { 1, 0.058, 0 } };
    st = limb(&b, &upper, neck_lo, neck_hi, fwd, neck_keys, 2, ng, 3, 2, 14,
              skin, false);
    if (st != AU_OK)
        return st;

    /* Torso: chest wider than the waist, the top rounding into the
     * shoulders; the chest moves with the breath. */
    WorldRing tk[6];
    WorldLoft torso;
    {
        double bx = 1.0 + 0.004 * breath, cx = 1.0 + 0.006 * breath;
        double gz = g;
        WorldRing k[6] = {
            { AT(3.3), 0.140 * s * gx * bx * (0.5 + 0.5 * hip),
              0.096 * s * gz * bx, 0.004 * s },
            { waist_y, 0.128 * s * gx * bx, 0.090 * s * gz * bx, 0.0 },
            { AT(2.5), 0.140 * s * gx * cx, 0.100 * s * gz * cx, 0.004 * s },
            { chest_y + lift,
              (0.5 * 0.150 * s * gx + 0.5 * (sx + 0.02 * s)) * cx,
              0.112 * s * gz * cx, 0.012 * s },
            { AT(1.65) + lift + 0.5 * sh_lift, (sx + 0.025 * s) * cx,
              0.098 * s * gz * cx, 0.004 * s },
            { sh_y + lift + sh_lift, (sx + 0.02 * s) * cx, 0.080 * s * gz * cx,
              -0.005 * s },
        };
        memcpy(tk, k, sizeof(k));
        world_loft_profile(&torso, k, 6, 12, 3, 0.04 * s, 0.065 * s, 24);
        WorldXform id = world_xform_identity();
        if ((st = emit(&b, &torso, &id, coat, false)) != AU_OK)
            return st;
    }
    {
        WorldRing k[4] = {
            { AT(3.95), 0.110 * s * gx * hip, 0.085 * s * g, -0.004 * s },
            { AT(3.7), 0.165 * s * gx * hip, 0.105 * s * g, -0.008 * s },
            { pelvis_y, 0.155 * s * gx * hip, 0.100 * s * g, -0.003 * s },
            { AT(3.15), 0.131 * s * gx, 0.090 * s * g, 0.0 },
        };
        WorldLoft loft;
        world_loft_profile(&loft, k, 4, 6, 2, 0.035 * s, 0.02 * s, 20);
        WorldXform id = world_xform_identity();
        if ((st = emit(&b, &loft, &id, trousers, false)) != AU_OK)
            return st;
    }

    // Arms hang a little away from the body (more for a heavier build),
    // the elbows slightly bent so the hands come forward of the thighs;
    // an arm that holds something brings the forearm forward, one that
    // raises it lifts the hand before the chest.
    const double abd = deg(7.0 + 8.0 * (g - 0.85) / 0.4);
    const double ag = s * (0.8 + 0.2 * g);
    const double L = 7.5 * bu;
    const double l_up = 0.186 * L, l_fore = 0.146 * L, l_hand = 0.108 * L;
    static const LimbKey upper_keys[] = { { 0, 0.046, 0 },
                                          { 0.35, 0.045, 0 },
                                          { 1, 0.037, 0 } };
    static const LimbKey fore_keys[] = { { 0, 0.037, 0 },
                                         { 0.3, 0.039, 0 },
                                         { 1, 0.026, 0 } };
    static const LimbKey thigh_keys[] = { { 0, 0.085, 0 },
                                          { 0.45, 0.073, 0.004 },
                                          { 1, 0.052, 0 } };
    static const LimbKey shin_keys[] = { { 0, 0.050, 0 },
                                         { 0.3, 0.055, -0.012 },
                                         { 0.75, 0.040, -0.004 },
                                         { 1, 0.032, 0 } };
    const double lg = s * (0.75 + 0.25 * g);
    Vec3 jt[WORLD_JOINT_COUNT];
    // A speaking beat lifts the forearm of a free hand, the right first.
    const int gesture_li = pose->arm[1] == WORLD_ARM_REST   ? 1
                           : pose->arm[0] == WORLD_ARM_REST ? 0
                                                            : -1;
    for (int side = 1; side >= -1; side -= 2) {
        // side = +1 is the figure's left, which is +x in figure space.
        double sd = (double)side;
        int li = side > 0 ? 0 : 1;
        WorldArm arm = pose->arm[li];
        Vec3 shoulder = v3(sd * sx, sh_y + sh_lift, 0);
        Vec3 du, df, hand_front = fwd;
        if (arm == WORLD_ARM_HOLD) {
            // Elbow at the side, forearm forward and a little down: a
            // drink held at the hip, not offered across.
            du = v3_norm(v3(sd * sin(abd), -1.0, 0.05));
            df = v3_norm(v3(sd * 0.05, -0.45, 1.0));
            hand_front = up;
        } else if (arm == WORLD_ARM_RAISE) {
            // The hand comes up beside the shoulder rather than across the
            // face, so the line between two characters stays clear.
            du = v3_norm(v3(sd * 0.08, -1.0, 0.2));
            df = v3_norm(v3(sd * 0.05, 0.75, 1.0));
        } else if (arm == WORLD_ARM_POINT || arm == WORLD_ARM_CROSS) {
            // Pointing: the arm nearly straight, a little below the
            // shoulder's level. Crossed: the wrist before the other
            // elbow, the left forearm over the right.
            Vec3 t;
            Vec3 pole = v3(sd, -1.0, 0.0);
            if (arm == WORLD_ARM_POINT) {
                double a =
                    base_clamp(pose->point_yaw_rad, -deg(100.0), deg(100.0));
                double r = 0.97 * (l_up + l_fore);
                t = v3_add(shoulder,
                           v3(r * sin(a) * cos(deg(8.0)), -r * sin(deg(8.0)),
                              r * cos(a) * cos(deg(8.0))));
            } else {
                double over = li == 0 ? 1.0 : 0.0;
                t = v3(-sd * 0.06 * s, chest_y - (0.13 - 0.025 * over) * s,
                       (0.13 * g + 0.055 + 0.03 * over) * s);
                pole = v3(sd, -0.6, -0.2);
            }
            Vec3 w;
            Vec3 e = two_bone(shoulder, t, l_up, l_fore, pole, &w);
            du = v3_norm(v3_sub(e, shoulder));
            df = v3_norm(v3_sub(w, e));
            hand_front = up;
        } else if (arm == WORLD_ARM_DRINK || arm == WORLD_ARM_REACH) {
            // Aim the wrist: below the chin so the hand brings what it
            // holds to the mouth, or out in front at chest height.
            bool drink = arm == WORLD_ARM_DRINK;
            Vec3 t = drink ? v3(sd * 0.05 * s, chin_y - 0.1 * sh, 0.13 * s)
                           : v3_add(shoulder, v3(-sd * 0.04 * s, -0.1 * s,
                                                 0.92 * (l_up + l_fore)));
            Vec3 pole = drink ? v3(sd * 0.7, -1.0, 0.1) : v3(sd, -1.0, 0.0);
            Vec3 w;
            Vec3 e = two_bone(shoulder, t, l_up, l_fore, pole, &w);
            du = v3_norm(v3_sub(e, shoulder));
            df = v3_norm(v3_sub(w, e));
            hand_front = drink ? fwd : up;
        } else {
            du = v3_norm(v3(sd * sin(abd), -cos(abd), -0.03));
            df = v3_norm(v3(sd * sin(abd * 0.7), -1.0, tan(deg(14.0))));
            // A walking arm swings from the shoulder, opposite its leg.
            double a = pose->arm_swing_rad[li];
            if (a != 0.0) {
                du = v3(du.x, du.y * cos(a) + du.z * sin(a),
                        -du.y * sin(a) + du.z * cos(a));
                double af = a * 1.4;
                df = v3(df.x, df.y * cos(af) + df.z * sin(af),
                        -df.y * sin(af) + df.z * cos(af));
            }
        }
        Vec3 elbow = v3_add(shoulder, v3_scale(du, l_up));
        Vec3 wrist = v3_add(elbow, v3_scale(df, l_fore));
        // The joints stay the standing skeleton; only the meshes gesture.
        jt[WORLD_JOINT_SHOULDER_L + li] = shoulder;
        jt[WORLD_JOINT_ELBOW_L + li] = elbow;
        jt[WORLD_JOINT_WRIST_L + li] = wrist;
        if (li == gesture_li && pose->gesture > 0.0) {
            // Turn the forearm forward and up about the elbow's x axis.
            double a = deg(25.0) * base_clamp(pose->gesture, 0.0, 1.0);
            df = v3(df.x, df.y * cos(a) + df.z * sin(a),
                    -df.y * sin(a) + df.z * cos(a));
            wrist = v3_add(elbow, v3_scale(df, l_fore));
        }

        st = limb(&b, &upper, shoulder, elbow, fwd, upper_keys, 3, ag, 6, 2, 12,
                  coat, false);
        if (st != AU_OK)
            return st;
        st = limb(&b, &upper, elbow, wrist, fwd, fore_keys, 3, ag, 5, 2, 12,
                  fore_c, false);
        if (st != AU_OK)
            return st;
        // The palm faces the thigh, or inward round what it holds: the
        // hand is thin across the body.
        Vec3 hand_c = v3_add(wrist, v3_scale(df, 0.45 * l_hand));
        st = ellipsoid(&b, &upper, hand_c, df, hand_front,
                       v3(0.021 * s, 0.5 * l_hand, 0.042 * s), 6, 10, skin);
        if (st != AU_OK)
            return st;

        Vec3 hipj = v3(sd * hx, hip_y, 0);
        Vec3 knee = v3(sd * (hx - 0.004 * s), knee_y, 0.012 * s);
        Vec3 ankle = v3(sd * (hx + 0.012 * s), ankle_y, -0.01 * s);
        if (pose->legs) {
            // The hips came down by drop; the ground did not.
            Vec3 t = v3_add(ankle, pose->foot_m[li]);
            t.y = fmax(t.y, foot_clear_y(pose->foot_pitch_rad[li], ankle_y,
                                         0.055 * s, 0.155 * L - 0.055 * s));
            t.y += drop;
            double l1 = v3_len(v3_sub(knee, hipj));
            double l2 = v3_len(v3_sub(ankle, knee));
            knee = two_bone(hipj, t, l1, l2, v3(0, 0, 1), &ankle);
        }
        jt[WORLD_JOINT_HIP_L + li] = hipj;
        jt[WORLD_JOINT_KNEE_L + li] = knee;
        jt[WORLD_JOINT_ANKLE_L + li] = ankle;
        WorldXform still = world_xform_identity();
        st = limb(&b, &still, hipj, knee, fwd, thigh_keys, 3, lg, 8, 2, 14,
                  trousers, false);
        if (st != AU_OK)
            return st;
        st = limb(&b, &still, knee, ankle, fwd, shin_keys, 4, lg, 8, 2, 12,
                  shin_c, false);
        if (st != AU_OK)
            return st;

        // The shoe: a loft from heel to toe, toes turned out a little,
        // its sole flattened onto the ground.
        double toe_out = deg(8.0) * sd;
        Vec3 dir = v3(sin(toe_out), 0, cos(toe_out));
        double l_foot = 0.155 * L;
        // Tilted about the ankle: toe down pushing off, toe up landing.
        double pc = cos(pose->foot_pitch_rad[li]);
        double ps = sin(pose->foot_pitch_rad[li]);
        Vec3 foot_up = v3_add(v3_scale(up, pc), v3_scale(dir, ps));
        dir = v3_sub(v3_scale(dir, pc), v3_scale(up, ps));
        Vec3 heel = v3_add(ankle, v3_add(v3_scale(dir, -0.055 * s),
                                         v3_scale(foot_up, -ankle_y)));
        WorldRing fk[4] = {
            { 0.0, 0.034 * s, 0.044 * s, 0.040 * s },
            { 0.3 * l_foot, 0.043 * s, 0.052 * s, 0.047 * s },
            { 0.7 * l_foot, 0.048 * s, 0.034 * s, 0.030 * s },
            { l_foot - 0.03 * s, 0.040 * s, 0.024 * s, 0.021 * s },
        };
        WorldLoft loft;
        world_loft_profile(&loft, fk, 4, 6, 2, 0.02 * s, 0.03 * s, 12);
        WorldXform part = world_xform_along(heel, dir, foot_up);
        if ((st = emit(&b, &loft, &part, look->shoes, true)) != AU_OK)
            return st;
        jt[WORLD_JOINT_TOE_L + li] = v3_add(v3_add(heel, v3_scale(dir, l_foot)),
                                            v3_scale(foot_up, 0.02 * s));
    }
    AU_ASSERT(b.count == 21);

    /* What the look adds, batched by colour through a kit: hair pieces,
     * hats, glasses and facial hair ride on the head; ties, shirt fronts,
     * patterns and skirts on the body. */
    WorldKit kit;
    world_kit_init(&kit, arena->alloc);
    WorldXform body_head = world_xform_compose(&b.body, &head_pose);
    WorldXform body_up = world_xform_compose(&b.body, &upper);
    kit.xf = body_head;
    int hair_m = world_kit_mat(&kit, (double)hair_c[0], (double)hair_c[1],
                               (double)hair_c[2]);
    if (look->hair_style == WORLD_HAIR_LONG) {
        world_kit_ellipsoid(
            &kit, hair_m, v3(0, chin_y - 0.01 * sh, cz - 0.62 * hs.rz),
            v3(hs.rx * 1.02, 0.62 * h, 0.42 * hs.rz), 0.0, 8, 16);
    } else if (look->hair_style == WORLD_HAIR_PONYTAIL) {
        WorldLoft l;
        world_loft_ellipsoid(&l, 0.03 * sh, 0.1 * sh, 0.03 * sh, 6, 10);
        WorldXform xf = world_xform_along(
            v3(0, cy - 0.06 * sh, cz - hs.rz * 1.12), v3(0, 1, -0.35), fwd);
        world_kit_loft(&kit, hair_m, &l, &xf);
    } else if (look->hair_style == WORLD_HAIR_BUN) {
        world_kit_ellipsoid(&kit, hair_m,
                            v3(0, cy + 0.45 * hs.ry, cz - 0.98 * hs.rz),
                            v3(0.045 * sh, 0.04 * sh, 0.04 * sh), 0.0, 6, 12);
    }
    if (look->face & (WORLD_FACE_BEARD | WORLD_FACE_STUBBLE)) {
        float c[3];
        bool full = (look->face & WORLD_FACE_BEARD) != 0;
        mix(c, skin, look->hair, full ? 1.0 : 0.45);
        int m = world_kit_mat(&kit, (double)c[0], (double)c[1], (double)c[2]);
        world_kit_ellipsoid(
            &kit, m,
            v3(0, chin_y + (full ? 0.12 : 0.2) * hs.ry, cz + 0.42 * hs.rz),
            v3(0.8 * hs.rx, (full ? 0.44 : 0.36) * hs.ry,
               (full ? 0.62 : 0.57) * hs.rz),
            0.0, 7, 16);
    }
    if (look->face & WORLD_FACE_MOUSTACHE) {
        world_kit_ellipsoid(&kit, hair_m,
                            v3(0, nose_y - 0.03 * sh, nose_z - 0.006 * sh),
                            v3(0.03 * sh, 0.008 * sh, 0.011 * sh), 0.0, 4, 10);
    }
    if (look->face & (WORLD_FACE_GLASSES | WORLD_FACE_SUNGLASSES)) {
        bool sun = (look->face & WORLD_FACE_SUNGLASSES) != 0;
        int frame = world_kit_mat_as(&kit, WORLD_MAT_GLOSS, 0.02, 0.02, 0.022);
        int lens =
            sun ? frame
                : world_kit_mat_as(&kit, WORLD_MAT_GLOSS, 0.32, 0.35, 0.37);
        double lz = eye_z + 0.012 * sh;
        for (int sd = -1; sd <= 1; sd += 2) {
            world_kit_ellipsoid(&kit, lens, v3(sd * eye_dx, eyes_y, lz),
                                v3(0.021 * sh, 0.016 * sh, 0.003), 0.0, 4, 12);
            world_kit_cyl(
                &kit, frame, v3(sd * (eye_dx + 0.02 * sh), eyes_y, lz),
                v3(sd * hs.rx * 1.0, eyes_y, cz), 0.002, 0.002, 4, true);
        }
        world_kit_cyl(&kit, frame, v3(-eye_dx + 0.02 * sh, eyes_y, lz),
                      v3(eye_dx - 0.02 * sh, eyes_y, lz), 0.0025, 0.0025, 4,
                      true);
    }
    if (look->face & WORLD_FACE_SCAR) {
        int m = world_kit_mat_as(&kit, WORLD_MAT_SKIN, 1.25 * (double)skin[0],
                                 0.8 * (double)skin[1], 0.8 * (double)skin[2]);
        double x = -0.05 * sh, y = eyes_y - 0.03 * sh;
        double fx = x / hs.rx, fy = (y - cy) / hs.ry;
        double z = cz + hs.rz * sqrt(fmax(0.0, 1.0 - fx * fx - fy * fy));
        world_kit_ellipsoid(&kit, m, v3(x, y, z), v3(0.003, 0.022 * sh, 0.003),
                            0.0, 3, 6);
    }
    if (look->hat != WORLD_HAT_NONE) {
        int hat =
            world_kit_mat(&kit, (double)look->hat_rgb[0],
                          (double)look->hat_rgb[1], (double)look->hat_rgb[2]);
        int band = world_kit_mat(&kit, 0.3 * (double)look->hat_rgb[0],
                                 0.3 * (double)look->hat_rgb[1],
                                 0.3 * (double)look->hat_rgb[2]);
        double rx = hs.rx * hair_k * 1.04, rz = hs.rz * hair_k * 1.04;
        Vec3 c = v3(0, cy + hair_up + 0.2 * hs.ry, cz - hair_back);
        if (look->hat == WORLD_HAT_CAP) {
            dome(&kit, hat, c, rx, 0.88 * hs.ry * hair_k, rz);
            world_kit_ellipsoid(&kit, hat, v3(0, c.y + 0.01 * sh, c.z + rz),
                                v3(0.6 * rx, 0.005, 0.5 * rz), 0.0, 3, 12);
        } else {
            bool cowboy = look->hat == WORLD_HAT_COWBOY;
            double top = (cowboy ? 0.17 : 0.15) * sh;
            double brim = (cowboy ? 0.13 : 0.065) * sh;
            tube(&kit, hat, c, 0.0, top, rx, rz, 0.88 * rx, 0.86 * rz, 0.0);
            tube(&kit, band, c, 0.0, 0.022 * sh, rx + 0.002, rz + 0.002,
                 rx + 0.002, rz + 0.002, 0.0);
            tube(&kit, hat, c, -0.004, 0.004, rx + brim, rz + brim * 1.15,
                 rx + brim, rz + brim * 1.15, 0.0);
            if (cowboy) {
                for (int sd = -1; sd <= 1; sd += 2)
                    world_kit_ellipsoid(
                        &kit, hat,
                        v3(sd * (rx + 0.8 * brim), c.y + 0.02 * sh, c.z),
                        v3(0.25 * brim, 0.025 * sh, rz + 0.5 * brim), 0.0, 3,
                        10);
            }
        }
    }
    kit.xf = body_up;
    if (look->jacket) {
        // The open jacket shows the shirt down the front.
        int m = world_kit_mat_as(&kit, WORLD_MAT_CLOTH, (double)shirt[0],
                                 (double)shirt[1], (double)shirt[2]);
        front_strip(&kit, m, tk, 6, AT(2.7), sh_y - 0.01 * s, 0.012 * s,
                    0.075 * s, 0.003, 0.0);
    }
    if (look->tie) {
        int m = world_kit_mat_as(
            &kit, WORLD_MAT_CLOTH, (double)look->tie_rgb[0],
            (double)look->tie_rgb[1], (double)look->tie_rgb[2]);
        front_strip(&kit, m, tk, 6, AT(2.85), sh_y - 0.015 * s, 0.028 * s,
                    0.016 * s, 0.006, 0.0);
    }
    if (look->apron) {
        int m = world_kit_mat_as(
            &kit, WORLD_MAT_CLOTH, (double)look->apron_rgb[0],
            (double)look->apron_rgb[1], (double)look->apron_rgb[2]);
        front_strip(&kit, m, tk, 6, AT(4.9), AT(2.2), 0.16 * s * gx,
                    0.1 * s * gx, 0.004, 0.11 * s * g);
    }
    if (look->pattern != WORLD_PATTERN_NONE) {
        int m = world_kit_mat_as(
            &kit, WORLD_MAT_CLOTH, (double)look->pattern_rgb[0],
            (double)look->pattern_rgb[1], (double)look->pattern_rgb[2]);
        BaseRng rng;
        base_rng_seed(&rng, base_hash_bytes(look->shirt, sizeof(look->shirt)),
                      0x70617474u);
        double y0 = waist_y - 0.03 * s, y1 = sh_y - 0.03 * s;
        if (look->pattern == WORLD_PATTERN_STRIPES) {
            for (double y = y0 + 0.02 * s; y < y1; y += 0.055 * s) {
                WorldRing r = loft_ring_at(&torso, y);
                WorldLoft l;
                WorldRing a = { y - 0.009 * s, r.rx_m * 1.025, r.rz_m * 1.03,
                                r.dz_m },
                          c = { y + 0.009 * s, r.rx_m * 1.025, r.rz_m * 1.03,
                                r.dz_m };
                l.rings[0] = a;
                l.rings[1] = c;
                l.ring_count = 2;
                l.pole_lo_y_m = a.y_m;
                l.pole_hi_y_m = c.y_m;
                l.pole_lo_dz_m = l.pole_hi_dz_m = r.dz_m;
                l.segments = 24;
                WorldXform id = world_xform_identity();
                world_kit_loft(&kit, m, &l, &id);
            }
        } else {
            bool floral = look->pattern == WORLD_PATTERN_FLORAL;
            int n = floral ? 40 : 56;
            int m2 = floral ? world_kit_mat_as(&kit, WORLD_MAT_CLOTH, 0.75,
                                               0.65, 0.15)
                            : m;
            for (int i = 0; i < n; i++) {
                double y = base_rng_range(&rng, y0, y1);
                double a = base_rng_range(&rng, 0, 2.0 * BASE_PI);
                WorldRing r = loft_ring_at(&torso, y);
                Vec3 p = v3(r.rx_m * cos(a), y, r.dz_m + r.rz_m * sin(a));
                Vec3 nrm = v3_norm(v3(cos(a) / r.rx_m, 0, sin(a) / r.rz_m));
                double rad =
                    floral ? base_rng_range(&rng, 0.018, 0.03) * s : 0.011 * s;
                WorldLoft l;
                world_loft_ellipsoid(&l, rad, 0.003, rad, 3, 8);
                WorldXform xf =
                    world_xform_along(v3_add(p, v3_scale(nrm, 0.004)), nrm, up);
                world_kit_loft(&kit, (floral && i % 3 == 0) ? m2 : m, &l, &xf);
            }
        }
    }
    if (look->skirt) {
        int m = world_kit_mat_as(
            &kit, WORLD_MAT_CLOTH, (double)look->skirt_rgb[0],
            (double)look->skirt_rgb[1], (double)look->skirt_rgb[2]);
        double hem = knee_y + 0.04 * s;
        WorldRing k[3] = {
            { hem, 0.2 * s * gx * hip + 0.04 * s, 0.16 * s * g, 0.0 },
            { pelvis_y, 0.172 * s * gx * hip, 0.112 * s * g, -0.006 * s },
            { waist_y, 0.134 * s * gx, 0.095 * s * g, 0.0 },
        };
        WorldLoft l;
        world_loft_profile(&l, k, 3, 8, 1, 0.01 * s, 0.01 * s, 20);
        WorldXform id = world_xform_identity();
        world_kit_loft(&kit, m, &l, &id);
    }
    size_t extra = 0;
    st = world_kit_emit(&kit, arena, &meshes[b.count],
                        WORLD_FIGURE_PARTS_MAX - b.count, &extra);
    world_kit_fini(&kit);
    if (st != AU_OK)
        return st;
    for (size_t i = 0; i < extra; i++)
        meshes[b.count + i].object_id = object_id;
    b.count += extra;
    *count = b.count;

    Vec3 top = world_xform_point(&head_rest, v3(0, H, cz - hair_back));
    jt[WORLD_JOINT_HEAD_TOP] = v3(top.x, H, top.z);
    jt[WORLD_JOINT_EYES] = world_xform_point(
        &head_rest, v3(0, eyes_y, cz + head_front_z(&hs, eyes_y - cy)));
    jt[WORLD_JOINT_CHIN] =
        world_xform_point(&head_rest, v3(0, chin_y, cz + 0.012));
    jt[WORLD_JOINT_NECK] = v3(0, neck_y, -0.012 * s);
    jt[WORLD_JOINT_CHEST] = v3(0, chest_y, 0.01 * s);
    jt[WORLD_JOINT_WAIST] = v3(0, waist_y, 0);
    jt[WORLD_JOINT_PELVIS] = v3(0, pelvis_y, 0);
#undef AT
    for (int j = 0; j < WORLD_JOINT_COUNT; j++)
        joints[j] = world_xform_point(&b.body, jt[j]);
    return AU_OK;
}
