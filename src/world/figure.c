/* world/figure.c: a character's look from their name hash, and the
 * procedural human figure built from it: smooth lofted body parts in
 * figure-drawing proportions, posed with breathing, head sway and a nod
 * while they talk. Consumed by world.c for every cast member in a shot. */
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
    for (int i = 0; i < 3; i++)
        m->material.albedo[i] = albedo[i];
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

AuStatus world_figure_build(BaseArena *arena, const WorldFigureLook *look,
                            Vec3 position, Vec3 facing, const WorldPose *pose,
                            uint16_t object_id, WorldMesh *meshes, Vec3 *joints)
{
    const double H = look->height_m, h = H / 7.5, s = H / 1.75;
    const double g = look->girth, gx = 0.6 + 0.4 * g;
    const float *skin = look->skin, *shirt = look->shirt;
    const float *trousers = look->trousers;
    static const float eye_dark[3] = { 0.035f, 0.026f, 0.02f };

    Builder b = { arena, world_xform_yaw(position, atan2(facing.x, facing.z)),
                  object_id, meshes, 0 };
    AuStatus st;

    // Landmarks in heads from the top (7.5 heads tall), as in figure
    // drawing: chin 1, shoulders ~1.5, chest 2, waist 3, crotch 4.
    const double chin_y = H - h, eyes_y = H - 0.5 * h;
    const double neck_y = H - 1.25 * h, sh_y = H - 1.45 * h;
    const double chest_y = H - 2.0 * h, waist_y = H - 3.0 * h;
    const double pelvis_y = H - 3.4 * h, hip_y = H - 3.6 * h;
    const double knee_y = H - 5.5 * h, ankle_y = 0.045 * H;
    const double sx = look->shoulder_m * 0.5 - 0.05 * s;
    const double hx = 0.085 * s * (0.85 + 0.15 * g);

    // Breathing swells the chest and lifts everything it carries a little.
    const double breath = pose->breath;
    const double lift = 0.0015 * breath;
    WorldXform upper = world_xform_identity();
    upper.t = v3(0, lift, 0);

    /* Head: the skull, with hair as a slightly larger shell set up and
     * back, so the hair top is the head top and the face stays clear. */
    const double hair_k = 1.05, hair_up = 0.02 * s, hair_back = 0.022 * s;
    HeadShape hs;
    hs.ry = (h - hair_up) / (1.0 + hair_k);
    hs.rx = 0.335 * h;
    hs.rz = 0.42 * h;
    const double cy = chin_y + hs.ry, cz = 0.015 * s;
    Vec3 pivot = v3(0, chin_y + 0.02 * s, -0.01 * s);
    WorldXform rot =
        rotation(pose->head_yaw_rad, pose->head_pitch_rad, pose->head_roll_rad);
    WorldXform to_pivot = world_xform_identity(), from_pivot = to_pivot;
    to_pivot.t = v3_add(pivot, v3(0, lift, 0));
    from_pivot.t = v3_scale(pivot, -1.0);
    WorldXform head_pose = world_xform_compose(&to_pivot, &rot);
    head_pose = world_xform_compose(&head_pose, &from_pivot);

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
                   look->hair);
    if (st != AU_OK)
        return st;

    // The nose hangs from between the eyes; eyes sit just inside the face.
    double nose_y = eyes_y - 0.035 * s;
    double nose_z = cz + head_front_z(&hs, nose_y - cy);
    st = ellipsoid(&b, &head_pose, v3(0, nose_y, nose_z - 0.004 * s),
                   v3(0, 1, -0.35), fwd, v3(0.011 * s, 0.021 * s, 0.012 * s), 5,
                   8, skin);
    if (st != AU_OK)
        return st;
    const double eye_dx = 0.032 * s;
    double ey = (eyes_y - cy) / hs.ry, ex = eye_dx / hs.rx;
    double eye_z = cz + hs.rz * sqrt(fmax(0.0, 1.0 - ex * ex - ey * ey));
    for (int side = 1; side >= -1; side -= 2) {
        st = ellipsoid(&b, &head_pose,
                       v3(side * eye_dx, eyes_y, eye_z - 0.004 * s), up, fwd,
                       v3(0.012 * s, 0.007 * s, 0.006 * s), 4, 8, eye_dark);
        if (st != AU_OK)
            return st;
    }

    // Neck: from inside the torso up into the skull, leaning forward a
    // touch as a real neck does.
    Vec3 neck_lo = v3(0, H - 1.6 * h, -0.015 * s);
    Vec3 neck_hi = v3(0, chin_y + 0.03 * s, -0.005 * s);
    const double ng = s * (0.85 + 0.15 * g);
    static const LimbKey neck_keys[] = { { 0, 0.064, 0 }, { 1, 0.058, 0 } };
    st = limb(&b, &upper, neck_lo, neck_hi, fwd, neck_keys, 2, ng, 3, 2, 14,
              skin, false);
    if (st != AU_OK)
        return st;

    /* Torso: chest wider than the waist, the top rounding into the
     * shoulders; the chest moves with the breath. */
    {
        double bx = 1.0 + 0.004 * breath, cx = 1.0 + 0.006 * breath;
        double gz = g;
        WorldRing k[6] = {
            { H - 3.3 * h, 0.140 * s * gx * bx, 0.096 * s * gz * bx,
              0.004 * s },
            { waist_y, 0.128 * s * gx * bx, 0.090 * s * gz * bx, 0.0 },
            { H - 2.5 * h, 0.140 * s * gx * cx, 0.100 * s * gz * cx,
              0.004 * s },
            { chest_y + lift,
              (0.5 * 0.150 * s * gx + 0.5 * (sx + 0.02 * s)) * cx,
              0.112 * s * gz * cx, 0.012 * s },
            { H - 1.65 * h + lift, (sx + 0.025 * s) * cx, 0.098 * s * gz * cx,
              0.004 * s },
            { sh_y + lift, (sx + 0.02 * s) * cx, 0.080 * s * gz * cx,
              -0.005 * s },
        };
        WorldLoft loft;
        world_loft_profile(&loft, k, 6, 12, 3, 0.04 * s, 0.065 * s, 24);
        WorldXform id = world_xform_identity();
        if ((st = emit(&b, &loft, &id, shirt, false)) != AU_OK)
            return st;
    }
    {
        WorldRing k[4] = {
            { H - 3.95 * h, 0.110 * s * gx, 0.085 * s * g, -0.004 * s },
            { H - 3.7 * h, 0.165 * s * gx, 0.105 * s * g, -0.008 * s },
            { pelvis_y, 0.155 * s * gx, 0.100 * s * g, -0.003 * s },
            { H - 3.15 * h, 0.131 * s * gx, 0.090 * s * g, 0.0 },
        };
        WorldLoft loft;
        world_loft_profile(&loft, k, 4, 6, 2, 0.035 * s, 0.02 * s, 20);
        WorldXform id = world_xform_identity();
        if ((st = emit(&b, &loft, &id, trousers, false)) != AU_OK)
            return st;
    }

    // Arms hang a little away from the body (more for a heavier build),
    // the elbows slightly bent so the hands come forward of the thighs.
    const double abd = deg(7.0 + 8.0 * (g - 0.85) / 0.4);
    const double ag = s * (0.8 + 0.2 * g);
    const double l_up = 0.186 * H, l_fore = 0.146 * H, l_hand = 0.108 * H;
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
    for (int side = 1; side >= -1; side -= 2) {
        // side = +1 is the figure's left, which is +x in figure space.
        double sd = (double)side;
        Vec3 shoulder = v3(sd * sx, sh_y, 0);
        Vec3 du = v3_norm(v3(sd * sin(abd), -cos(abd), -0.03));
        Vec3 elbow = v3_add(shoulder, v3_scale(du, l_up));
        Vec3 df = v3_norm(v3(sd * sin(abd * 0.7), -1.0, tan(deg(14.0))));
        Vec3 wrist = v3_add(elbow, v3_scale(df, l_fore));
        int li = side > 0 ? 0 : 1;
        jt[WORLD_JOINT_SHOULDER_L + li] = shoulder;
        jt[WORLD_JOINT_ELBOW_L + li] = elbow;
        jt[WORLD_JOINT_WRIST_L + li] = wrist;

        st = limb(&b, &upper, shoulder, elbow, fwd, upper_keys, 3, ag, 6, 2, 12,
                  shirt, false);
        if (st != AU_OK)
            return st;
        st = limb(&b, &upper, elbow, wrist, fwd, fore_keys, 3, ag, 5, 2, 12,
                  shirt, false);
        if (st != AU_OK)
            return st;
        // The palm faces the thigh: the hand is thin across the body.
        Vec3 hand_c = v3_add(wrist, v3_scale(df, 0.45 * l_hand));
        st = ellipsoid(&b, &upper, hand_c, df, fwd,
                       v3(0.021 * s, 0.5 * l_hand, 0.042 * s), 6, 10, skin);
        if (st != AU_OK)
            return st;

        Vec3 hip = v3(sd * hx, hip_y, 0);
        Vec3 knee = v3(sd * (hx - 0.004 * s), knee_y, 0.012 * s);
        Vec3 ankle = v3(sd * (hx + 0.012 * s), ankle_y, -0.01 * s);
        jt[WORLD_JOINT_HIP_L + li] = hip;
        jt[WORLD_JOINT_KNEE_L + li] = knee;
        jt[WORLD_JOINT_ANKLE_L + li] = ankle;
        WorldXform still = world_xform_identity();
        st = limb(&b, &still, hip, knee, fwd, thigh_keys, 3, lg, 8, 2, 14,
                  trousers, false);
        if (st != AU_OK)
            return st;
        st = limb(&b, &still, knee, ankle, fwd, shin_keys, 4, lg, 8, 2, 12,
                  trousers, false);
        if (st != AU_OK)
            return st;

        // The shoe: a loft from heel to toe, toes turned out a little,
        // its sole flattened onto the ground.
        double toe_out = deg(8.0) * sd;
        Vec3 dir = v3(sin(toe_out), 0, cos(toe_out));
        double l_foot = 0.155 * H;
        Vec3 heel = v3_add(v3(ankle.x, 0, ankle.z), v3_scale(dir, -0.055 * s));
        WorldRing fk[4] = {
            { 0.0, 0.034 * s, 0.044 * s, 0.040 * s },
            { 0.3 * l_foot, 0.043 * s, 0.052 * s, 0.047 * s },
            { 0.7 * l_foot, 0.048 * s, 0.034 * s, 0.030 * s },
            { l_foot - 0.03 * s, 0.040 * s, 0.024 * s, 0.021 * s },
        };
        WorldLoft loft;
        world_loft_profile(&loft, fk, 4, 6, 2, 0.02 * s, 0.03 * s, 12);
        WorldXform part = world_xform_along(heel, dir, up);
        if ((st = emit(&b, &loft, &part, look->shoes, true)) != AU_OK)
            return st;
        jt[WORLD_JOINT_TOE_L + li] =
            v3_add(v3_add(heel, v3_scale(dir, l_foot)), v3(0, 0.02 * s, 0));
    }
    AU_ASSERT(b.count == WORLD_FIGURE_PARTS);

    jt[WORLD_JOINT_HEAD_TOP] = v3(0, H, cz - hair_back);
    jt[WORLD_JOINT_EYES] = v3(0, eyes_y, cz + head_front_z(&hs, eyes_y - cy));
    jt[WORLD_JOINT_CHIN] = v3(0, chin_y, cz + 0.012);
    jt[WORLD_JOINT_NECK] = v3(0, neck_y, -0.012 * s);
    jt[WORLD_JOINT_CHEST] = v3(0, chest_y, 0.01 * s);
    jt[WORLD_JOINT_WAIST] = v3(0, waist_y, 0);
    jt[WORLD_JOINT_PELVIS] = v3(0, pelvis_y, 0);
    for (int j = 0; j < WORLD_JOINT_COUNT; j++)
        joints[j] = world_xform_point(&b.body, jt[j]);
    return AU_OK;
}
