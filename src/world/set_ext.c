/* world/set_ext.c: exterior sets: ground, roads and water across the
 * frame, and each kind's buildings, vegetation, vehicles and street
 * furniture behind and beside the action, clear of it. */
#include <string.h>

#include "world_internal.h"

typedef struct Ext {
    WorldStage *st;
    WorldKit *k;
} Ext;

// How far the ground runs: beyond any lens's view of it.
#define G_M 400.0

static double er(Ext *e, double lo, double hi)
{
    return base_rng_range(&e->st->rng, lo, hi);
}

static int mat(Ext *e, double r, double g, double b)
{
    return world_kit_mat(e->k, r, g, b);
}

static int jit(Ext *e, const double rgb[3], double spread)
{
    return world_kit_mat_jitter(e->k, &e->st->rng, rgb, spread);
}

static void span(WorldKit *k, int m, double x0, double y0, double z0, double x1,
                 double y1, double z1)
{
    world_kit_box(
        k, m, v3(0.5 * (x0 + x1), 0.5 * (y0 + y1), 0.5 * (z0 + z1)),
        v3(0.5 * fabs(x1 - x0), 0.5 * fabs(y1 - y0), 0.5 * fabs(z1 - z0)), 0.0);
}

// Ground everywhere but the rectangle (x0, z0)-(x1, z1).
static void ground_around(WorldKit *k, int m, double x0, double z0, double x1,
                          double z1, double y)
{
    world_kit_flat(k, m, -G_M, -G_M, G_M, z0, y);
    world_kit_flat(k, m, -G_M, z1, G_M, G_M, y);
    world_kit_flat(k, m, -G_M, z0, x0, z1, y);
    world_kit_flat(k, m, x1, z0, G_M, z1, y);
}

static bool at(Ext *e, double x, double y, double z, double yaw, double hx,
               double hz, BaseRng *prng, WorldXform *prev)
{
    uint32_t seed = base_rng_u32(&e->st->rng);
    base_rng_seed(prng, seed, 0x657874u);
    WorldFootprint f = world_footprint(x, z, hx, hz, yaw);
    if (!world_stage_claim(e->st, f, WORLD_CLEAR_R_M))
        return false;
    *prev = world_kit_push(e->k, v3(x, y, z), yaw);
    return true;
}

static double face_to(double x, double z, double tx, double tz)
{
    return atan2(tx - x, tz - z);
}

static bool has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = text; *p; p++) {
        if (base_strncasecmp(p, word, n) == 0)
            return true;
    }
    return false;
}

typedef enum Plant {
    PLANT_TREE,
    PLANT_PINE,
    PLANT_PALM,
    PLANT_BUSH,
    PLANT_CACTUS,
    PLANT_ROCK,
    PLANT_MIX // trees, pines and bushes
} Plant;

static void plant(WorldKit *k, BaseRng *pr, Plant p, double size)
{
    switch (p) {
    case PLANT_TREE:
        world_piece_tree(k, pr, size);
        break;
    case PLANT_PINE:
        world_piece_pine(k, pr, size);
        break;
    case PLANT_PALM:
        world_piece_palm(k, pr, size);
        break;
    case PLANT_BUSH:
        world_piece_bush(k, pr, size);
        break;
    case PLANT_CACTUS:
        world_piece_cactus(k, pr, size);
        break;
    case PLANT_ROCK:
        world_piece_rock(k, pr, size);
        break;
    default: {
        double u = base_rng_uniform(pr);
        if (u < 0.45)
            world_piece_tree(k, pr, size);
        else if (u < 0.8)
            world_piece_pine(k, pr, 1.3 * size);
        else
            world_piece_bush(k, pr, 0.15 * size);
    } break;
    }
}

// Scatters @p n plants of size lo..hi at distance r0..r1 from the stage
// centre, in the half-plane behind and beside it (z below @p z_max).
static void scatter(Ext *e, Plant p, size_t n, double lo, double hi, double r0,
                    double r1, double z_max)
{
    for (size_t i = 0; i < n; i++) {
        double a = er(e, -BASE_PI, 0.15 * BASE_PI);
        double d = sqrt(er(e, r0 * r0, r1 * r1));
        double size = er(e, lo, hi);
        double x = d * cos(a), z = d * sin(a);
        if (base_rng_uniform(&e->st->rng) < 0.5)
            x = -x;
        double foot = p == PLANT_ROCK || p == PLANT_BUSH ? size
                      : p == PLANT_CACTUS                ? 0.5
                                                         : 0.35;
        BaseRng pr;
        WorldXform prev;
        // Toward the camera only far out to the sides: the wedge in front
        // of the cast stays open.
        if (z > z_max || (z > 0.5 && fabs(x) < 6.0 + z))
            continue;
        if (at(e, x, 0, z, er(e, 0, 2.0 * BASE_PI), foot, foot, &pr, &prev)) {
            plant(e->k, &pr, p, size);
            e->k->xf = prev;
        }
    }
}

/* ---- roads ---------------------------------------------------------- */

// A road along x from z0 (far edge) to z1 (near edge) at height y, with a
// dashed centre line and solid edge lines.
static void road(Ext *e, double z0, double z1, double y, bool yellow_centre)
{
    WorldKit *k = e->k;
    int tar = mat(e, 0.05, 0.05, 0.055);
    int white = mat(e, 0.65, 0.65, 0.62);
    int centre = yellow_centre ? mat(e, 0.65, 0.45, 0.05) : white;
    world_kit_flat(k, tar, -G_M, z0, G_M, z1, y);
    double zc = 0.5 * (z0 + z1);
    for (double x = -120.0; x < 120.0; x += 9.0)
        world_kit_flat(k, centre, x, zc - 0.06, x + 3.0, zc + 0.06, y + 0.002);
    world_kit_flat(k, white, -G_M, z0 + 0.25, G_M, z0 + 0.37, y + 0.002);
    world_kit_flat(k, white, -G_M, z1 - 0.37, G_M, z1 - 0.25, y + 0.002);
}

static void poles_along(Ext *e, double z, double spacing)
{
    for (double x = -100.0 + er(e, 0, spacing); x < 100.0; x += spacing) {
        BaseRng pr;
        WorldXform prev;
        if (at(e, x, 0, z, 0.0, 0.2, 0.2, &pr, &prev)) {
            world_piece_pole(e->k, 8.5);
            e->k->xf = prev;
        }
    }
}

// A distant range: big cones with snow on the highest.
static void mountains(Ext *e, size_t n, double z0, double z1, bool snow)
{
    static const double rock[3] = { 0.16, 0.15, 0.14 };
    int m = jit(e, rock, 0.1);
    int cap = mat(e, 0.75, 0.76, 0.78);
    for (size_t i = 0; i < n; i++) {
        double x = er(e, -350, 350), z = er(e, z0, z1);
        double h = er(e, 60, 180), r = h * er(e, 1.3, 2.0);
        // The foot of the slope stays well behind the action.
        z = fmin(z, -(r + 60.0));
        world_kit_cyl(e->k, m, v3(x, -5, z), v3(x, h, z), r, 0.0, 10, false);
        if (snow && h > 110)
            world_kit_cyl(e->k, cap, v3(x, h * 0.75, z), v3(x, h + 0.5, z),
                          r * 0.255, 0.0, 10, true);
    }
}

// Flat-topped mesas on the horizon.
static void mesas(Ext *e, size_t n)
{
    static const double red[3] = { 0.36, 0.18, 0.09 };
    int m = jit(e, red, 0.1);
    for (size_t i = 0; i < n; i++) {
        double x = er(e, -300, 300), z = er(e, -320, -180);
        double h = er(e, 25, 70), r = er(e, 40, 110);
        world_kit_cyl(e->k, m, v3(x, -2, z), v3(x, h, z), r, 0.8 * r, 9, true);
    }
}

/* ---- buildings ------------------------------------------------------ */

static const double wall_tones[][3] = {
    { 0.30, 0.13, 0.08 }, { 0.36, 0.35, 0.33 }, { 0.55, 0.48, 0.38 },
    { 0.46, 0.40, 0.31 }, { 0.14, 0.14, 0.15 }, { 0.50, 0.36, 0.26 },
    { 0.6, 0.58, 0.52 },
};

// A row of buildings whose fronts stand on the line z = @p z, from x0 to
// x1, at ground height @p y; @p feature, when set, is drawn instead of
// the building nearest x = 0 by the caller.
static void building_row(Ext *e, double z, double x0, double x1, double y,
                         double h_lo, double h_hi, bool gap_mid)
{
    double x = x0;
    while (x < x1) {
        double w = er(e, 6.0, 13.0), h = er(e, h_lo, h_hi);
        int wm = jit(
            e,
            wall_tones[base_rng_u32(&e->st->rng) % BASE_ARRAY_LEN(wall_tones)],
            0.1);
        BaseRng pr;
        base_rng_seed(&pr, base_rng_u32(&e->st->rng), 0x626c64u);
        double cx = x + 0.5 * w;
        x += w + er(e, 0.0, 0.6);
        if (gap_mid && fabs(cx) < 0.5 * w + 5.0)
            continue;
        WorldXform prev = world_kit_push(e->k, v3(cx, y, z), 0.0);
        world_piece_building(e->k, &pr, wm, w, h, 10.0, true);
        // Shops get an awning over the door.
        if (base_rng_uniform(&pr) < 0.5) {
            int aw = world_kit_mat_jitter(e->k, &pr, wall_tones[0], 0.3);
            world_kit_box(e->k, aw, v3(0, 2.75, 0.6), v3(1.4, 0.05, 0.6), 0.0);
        }
        e->k->xf = prev;
    }
}

// A house: a box with windows and a door, a gable roof and a porch step,
// its front at z = 0 in the current frame.
static void house(Ext *e, double w, double d, double h, int wall, int roof)
{
    WorldKit *k = e->k;
    BaseRng pr;
    base_rng_seed(&pr, base_rng_u32(&e->st->rng), 0x686f75u);
    world_piece_building(k, &pr, wall, w, h, d, true);
    WorldXform prev = world_kit_push(k, v3(0, 0, -0.5 * d), 0.0);
    world_piece_roof(k, roof, w, d, h + 0.25, 0.35 * d);
    k->xf = prev;
    int step = mat(e, 0.45, 0.43, 0.4);
    span(k, step, -1.2, 0, 0, 1.2, 0.18, 0.9);
}

// A parking lot: asphalt with painted bays along z = @p z, cars in some.
static void parking(Ext *e, double z, double x0, double x1, double yaw)
{
    WorldKit *k = e->k;
    int white = mat(e, 0.6, 0.6, 0.58);
    static const double paints[][3] = {
        { 0.35, 0.03, 0.02 }, { 0.03, 0.08, 0.2 }, { 0.5, 0.48, 0.44 },
        { 0.04, 0.04, 0.04 }, { 0.05, 0.2, 0.1 },  { 0.5, 0.4, 0.15 },
    };
    for (double x = x0; x <= x1 + 1e-6; x += 2.8) {
        world_kit_flat(k, white, x - 0.06, z - 2.6, x + 0.06, z + 2.6, 0.003);
        if (x + 2.8 > x1 + 1e-6)
            break;
        int paint = jit(e, paints[base_rng_u32(&e->st->rng) % 6], 0.05);
        bool park = base_rng_uniform(&e->st->rng) < 0.45;
        BaseRng pr;
        WorldXform prev;
        if (park && at(e, x + 1.4, 0, z, yaw, 0.95, 2.3, &pr, &prev)) {
            world_piece_car(k, &pr, paint);
            k->xf = prev;
        }
    }
}

/* ---- the kinds ------------------------------------------------------ */

static void patio(Ext *e)
{
    WorldKit *k = e->k;
    static const double stone[3] = { 0.42, 0.38, 0.32 };
    static const double grass[3] = { 0.08, 0.14, 0.045 };
    int pave = jit(e, stone, 0.08);
    int pave2 = world_kit_mat(k, 0.9 * (double)k->mats[pave].albedo[0],
                              0.9 * (double)k->mats[pave].albedo[1],
                              0.88 * (double)k->mats[pave].albedo[2]);
    int lawn = jit(e, grass, 0.1);
    int brick = jit(e, wall_tones[0], 0.1);
    int wall = jit(e, wall_tones[6], 0.08);
    int roof = mat(e, 0.12, 0.08, 0.07);
    int wood = mat(e, 0.3, 0.2, 0.12);
    int white = mat(e, 0.62, 0.62, 0.6);
    int canvas = jit(e, (const double[3]){ 0.5, 0.12, 0.08 }, 0.2);
    int black = mat(e, 0.02, 0.02, 0.02);
    ground_around(k, lawn, -8, -7, 8, 5, -0.01);
    world_kit_flat(k, pave, -8, -7, 8, 5, 0.0);
    for (double z = -7; z < 5 - 1e-6; z += 0.6) {
        for (double x = -8; x < 8 - 1e-6; x += 0.6) {
            int i = (int)floor((x + 8) / 0.6 + 0.5) +
                    (int)floor((z + 7) / 0.6 + 0.5);
            if (i % 2)
                world_kit_flat(k, pave2, x + 0.02, z + 0.02, x + 0.58, z + 0.58,
                               0.001);
        }
    }
    // The house behind, a low wall across the patio.
    WorldXform prev = world_kit_push(k, v3(0, 0, -7.0), 0.0);
    house(e, 16.0, 9.0, 5.5, wall, roof);
    k->xf = prev;
    BaseRng pr;
    if (at(e, 0, 0, -3.4, 0.0, 4.2, 0.2, &pr, &prev)) {
        span(k, brick, -4.2, 0, -0.18, 4.2, 0.9, 0.18);
        span(k, pave, -4.3, 0.9, -0.22, 4.3, 0.96, 0.22);
        k->xf = prev;
        world_stage_surface(e->st, "wall", v3(0, 0.96, -3.4), 4.2, 0.18);
    }
    // A table under an umbrella with chairs, loungers and a grill.
    double tx = -5.0, tz = -1.2;
    if (at(e, tx, 0, tz, 0.0, 0.5, 0.5, &pr, &prev)) {
        world_piece_round_table(k, white, white, 0.5, 0.74);
        world_piece_umbrella(k, canvas, 1.3, 2.3);
        k->xf = prev;
        world_stage_surface(e->st, "table", v3(tx, 0.74, tz), 0.35, 0.35);
    }
    for (int i = 0; i < 3; i++) {
        double a = BASE_PI * (0.2 + 0.6 * i);
        double cx = tx + 0.85 * cos(a), cz = tz - 0.85 * sin(a);
        if (at(e, cx, 0, cz, face_to(cx, cz, tx, tz), 0.24, 0.24, &pr, &prev)) {
            world_piece_chair(k, white, white);
            k->xf = prev;
        }
    }
    for (int i = 0; i < 2; i++) {
        double x = 4.4 + 1.0 * i, z = -1.0;
        if (at(e, x, 0, z, 0.0, 0.35, 0.95, &pr, &prev)) {
            span(k, white, -0.33, 0.25, -0.9, 0.33, 0.32, 0.9);
            world_kit_box(k, canvas, v3(0, 0.55, -0.75), v3(0.3, 0.04, 0.35),
                          0.0);
            span(k, white, -0.33, 0, -0.85, -0.28, 0.25, 0.85);
            span(k, white, 0.28, 0, -0.85, 0.33, 0.25, 0.85);
            k->xf = prev;
        }
    }
    if (at(e, 5.5, 0, -4.5, 0.0, 0.4, 0.4, &pr, &prev)) {
        world_kit_ellipsoid(k, black, v3(0, 0.85, 0), v3(0.35, 0.22, 0.35), 0.0,
                            6, 12);
        for (int i = 0; i < 3; i++) {
            double a = 2.0 * BASE_PI * i / 3.0;
            world_kit_cyl(k, black, v3(0.3 * cos(a), 0, 0.3 * sin(a)),
                          v3(0.15 * cos(a), 0.75, 0.15 * sin(a)), 0.02, 0.02, 5,
                          true);
        }
        k->xf = prev;
    }
    for (int s = -1; s <= 1; s += 2) {
        if (at(e, s * 7.4, 0, -5.0, 0.0, 0.3, 0.3, &pr, &prev)) {
            world_piece_plant(k, &pr, 1.3);
            k->xf = prev;
        }
        prev = world_kit_push(k, v3(s * 9.5, 0, -12),
                              s > 0 ? 0.5 * BASE_PI : -0.5 * BASE_PI);
        world_piece_fence(k, wood, 18.0, 1.6);
        k->xf = prev;
    }
    scatter(e, PLANT_TREE, 6, 5.0, 9.0, 12.0, 30.0, -4.0);
    scatter(e, PLANT_BUSH, 6, 0.5, 0.9, 8.5, 14.0, 2.0);
}

static void pool(Ext *e)
{
    WorldKit *k = e->k;
    static const double grass[3] = { 0.08, 0.14, 0.045 };
    int deck = mat(e, 0.55, 0.52, 0.46);
    int coping = mat(e, 0.65, 0.63, 0.58);
    int lawn = jit(e, grass, 0.1);
    int tile = mat(e, 0.2, 0.45, 0.55);
    int water = world_kit_mat_as(e->k, WORLD_MAT_WATER, 0.06, 0.28, 0.36);
    int white = mat(e, 0.65, 0.65, 0.62);
    int steel = mat(e, 0.55, 0.56, 0.58);
    int wall = jit(e, wall_tones[6], 0.06);
    int roof = mat(e, 0.3, 0.15, 0.08);
    double dx0 = -10, dx1 = 10, dz0 = -12, dz1 = 6;
    double x0 = -5.0, x1 = 5.0, z0 = -10.0, z1 = -3.3, depth = 1.6;
    ground_around(k, lawn, dx0, dz0, dx1, dz1, -0.01);
    world_kit_flat(k, deck, dx0, dz0, dx1, z0, 0.0);
    world_kit_flat(k, deck, dx0, z1, dx1, dz1, 0.0);
    world_kit_flat(k, deck, dx0, z0, x0, z1, 0.0);
    world_kit_flat(k, deck, x1, z0, dx1, z1, 0.0);
    world_kit_basin(k, tile, x0, z0, x1, z1, depth);
    world_kit_flat(k, water, x0, z0, x1, z1, -0.15);
    e->st->water_y_m = -0.15;
    e->st->water_at = v3(2.0, -0.15, -6.5);
    // Coping round the edge, flush enough to stand by.
    span(k, coping, x0 - 0.3, 0, z1, x1 + 0.3, 0.04, z1 + 0.3);
    span(k, coping, x0 - 0.3, 0, z0 - 0.3, x1 + 0.3, 0.04, z0);
    span(k, coping, x0 - 0.3, 0, z0, x0, 0.04, z1);
    span(k, coping, x1, 0, z0, x1 + 0.3, 0.04, z1);
    WorldFootprint f = { x0 - 0.3, z0 - 0.3, x1 + 0.3, z1 + 0.3 };
    world_stage_block(e->st, f);
    for (int s = -1; s <= 1; s += 2)
        world_kit_cyl(k, steel, v3(3.2 + 0.25 * s, -0.9, z1 - 0.05),
                      v3(3.2 + 0.25 * s, 0.9, z1 + 0.15), 0.025, 0.025, 6,
                      true);
    span(k, white, -0.3, 0.4, z0 - 1.6, 0.3, 0.48, z0 + 0.6);
    span(k, steel, -0.2, 0, z0 - 1.5, 0.2, 0.4, z0 - 1.2);
    BaseRng pr;
    WorldXform prev;
    static const double canvas_c[3] = { 0.2, 0.35, 0.55 };
    int canvas = jit(e, canvas_c, 0.3);
    for (int s = -1; s <= 1; s += 2) {
        for (int i = 0; i < 3; i++) {
            double x = s * 7.0, z = -8.5 + 2.2 * i;
            if (at(e, x, 0, z, s * 0.5 * BASE_PI, 0.35, 0.95, &pr, &prev)) {
                span(k, white, -0.33, 0.25, -0.9, 0.33, 0.32, 0.9);
                world_kit_box(k, canvas, v3(0, 0.55, -0.75),
                              v3(0.3, 0.04, 0.35), 0.0);
                span(k, white, -0.33, 0, -0.85, -0.28, 0.25, 0.85);
                span(k, white, 0.28, 0, -0.85, 0.33, 0.25, 0.85);
                k->xf = prev;
            }
        }
        if (at(e, s * 8.2, 0, -2.0, 0.0, 0.3, 0.3, &pr, &prev)) {
            world_piece_umbrella(k, canvas, 1.4, 2.4);
            k->xf = prev;
        }
        if (at(e, s * 9.2, 0, -11.0, 0.0, 0.4, 0.4, &pr, &prev)) {
            world_piece_palm(k, &pr, er(e, 6.0, 8.0));
            k->xf = prev;
        }
    }
    double tx = 6.5, tz = 2.0;
    if (at(e, tx, 0, tz, 0.0, 0.5, 0.5, &pr, &prev)) {
        world_piece_round_table(k, white, white, 0.45, 0.74);
        k->xf = prev;
        world_stage_surface(e->st, "table", v3(tx, 0.74, tz), 0.3, 0.3);
    }
    prev = world_kit_push(k, v3(0, 0, -15.0), 0.0);
    house(e, 20.0, 10.0, 6.0, wall, roof);
    k->xf = prev;
    scatter(e, PLANT_PALM, 4, 6.0, 9.0, 14.0, 30.0, -2.0);
    scatter(e, PLANT_BUSH, 5, 0.5, 0.9, 11.0, 16.0, 3.0);
}

static void street(Ext *e, int feature)
{
    WorldKit *k = e->k;
    int walk = mat(e, 0.36, 0.35, 0.33);
    int joint = mat(e, 0.25, 0.25, 0.24);
    int kerb = mat(e, 0.45, 0.44, 0.42);
    int red = mat(e, 0.45, 0.04, 0.03);
    int green = mat(e, 0.05, 0.12, 0.07);
    int metal = mat(e, 0.08, 0.085, 0.09);
    const double zk = -3.0, zf = -10.5, y = -0.15;
    world_kit_flat(k, walk, -G_M, zk, G_M, G_M, 0.0);
    for (double z = zk + 1.5; z < 20.0; z += 1.5)
        world_kit_flat(k, joint, -60, z - 0.01, 60, z + 0.01, 0.001);
    for (double x = -60.0; x < 60.0; x += 1.5)
        world_kit_flat(k, joint, x - 0.01, zk, x + 0.01, 20.0, 0.001);
    span(k, kerb, -G_M, y, zk, G_M, 0.0, zk + 0.15);
    span(k, kerb, -G_M, y, zf - 0.15, G_M, 0.0, zf);
    road(e, zf, zk, y, true);
    world_kit_flat(k, walk, -G_M, -G_M, G_M, zf, 0.0);
    building_row(e, zf - 3.5, -60.0, 60.0, 0.0, 6.0, 24.0, feature >= 0);
    BaseRng pr;
    WorldXform prev;
    // Feature buildings across the street for a bar, office, hospital or
    // studio seen from outside.
    if (feature >= 0) {
        WorldXform p0 = world_kit_push(k, v3(0, 0, zf - 3.5), 0.0);
        BaseRng fr;
        base_rng_seed(&fr, base_rng_u32(&e->st->rng), 0x666561u);
        if (feature == WORLD_SET_BAR) {
            int brick = jit(e, wall_tones[0], 0.05);
            world_piece_building(k, &fr, brick, 12.0, 7.0, 10.0, true);
            int neon = world_kit_mat_as(e->k, WORLD_MAT_NEON, 0.9, 0.12, 0.18);
            int neon2 = world_kit_mat_as(e->k, WORLD_MAT_NEON, 0.1, 0.5, 0.9);
            span(k, metal, -2.2, 3.0, 0, 2.2, 4.2, 0.2);
            span(k, neon, -2.0, 3.2, 0.2, 2.0, 3.35, 0.25);
            span(k, neon2, -2.0, 3.85, 0.2, 2.0, 4.0, 0.25);
        } else if (feature == WORLD_SET_HOSPITAL) {
            int white = mat(e, 0.62, 0.62, 0.6);
            world_piece_building(k, &fr, white, 30.0, 22.0, 18.0, true);
            span(k, red, -0.8, 13.5, 0, 0.8, 15.5, 0.2);
            span(k, red, -2.0, 14.1, 0, 2.0, 14.9, 0.2);
        } else if (feature == WORLD_SET_OFFICE) {
            int glass = mat(e, 0.12, 0.16, 0.2);
            world_piece_building(k, &fr, glass, 22.0, 60.0, 20.0, true);
        } else {
            int grey = jit(e, wall_tones[1], 0.05);
            world_piece_building(k, &fr, grey, 20.0, 9.0, 16.0, true);
        }
        k->xf = p0;
    }
    for (int s = -1; s <= 1; s += 2) {
        if (at(e, s * 7.5, 0, zk + 0.4, BASE_PI, 0.25, 0.25, &pr, &prev)) {
            world_piece_lamp_post(k, 5.0);
            k->xf = prev;
        }
        if (at(e, s * 15.0, 0, zk + 0.9, 0.0, 0.5, 0.5, &pr, &prev)) {
            world_piece_tree(k, &pr, 6.0);
            k->xf = prev;
        }
    }
    static const double paints[][3] = { { 0.35, 0.03, 0.02 },
                                        { 0.03, 0.08, 0.2 },
                                        { 0.5, 0.48, 0.44 },
                                        { 0.04, 0.04, 0.04 } };
    static const double cars_x[3] = { -9.5, 5.5, 13.0 };
    for (int i = 0; i < 3; i++) {
        int paint = jit(e, paints[base_rng_u32(&e->st->rng) % 4], 0.05);
        if (at(e, cars_x[i], y, zk - 1.3, 0.5 * BASE_PI, 0.95, 2.3, &pr,
               &prev)) {
            world_piece_car(k, &pr, paint);
            k->xf = prev;
        }
    }
    // A hydrant, a mailbox, a bench and a bin along the kerb.
    if (at(e, 3.6, 0, zk + 0.4, 0.0, 0.15, 0.15, &pr, &prev)) {
        world_kit_cyl(k, red, v3(0, 0, 0), v3(0, 0.6, 0), 0.1, 0.09, 10, true);
        world_kit_ellipsoid(k, red, v3(0, 0.6, 0), v3(0.09, 0.07, 0.09), 0.0, 3,
                            10);
        world_kit_cyl(k, red, v3(-0.16, 0.42, 0), v3(0.16, 0.42, 0), 0.04, 0.04,
                      6, true);
        k->xf = prev;
    }
    if (at(e, -4.2, 0, zk + 0.5, 0.0, 0.25, 0.25, &pr, &prev)) {
        span(k, metal, -0.04, 0, -0.04, 0.04, 0.9, 0.04);
        span(k, green, -0.25, 0.9, -0.22, 0.25, 1.35, 0.22);
        world_kit_cyl(k, green, v3(-0.25, 1.35, 0), v3(0.25, 1.35, 0), 0.22,
                      0.22, 10, true);
        k->xf = prev;
    }
    if (at(e, -6.5, 0, zk + 0.6, 0.0, 0.95, 0.3, &pr, &prev)) {
        span(k, green, -0.9, 0.42, -0.22, 0.9, 0.47, 0.22);
        span(k, green, -0.9, 0.5, -0.25, 0.9, 0.85, -0.2);
        for (int s = -1; s <= 1; s += 2)
            span(k, metal, s * 0.8 - 0.03, 0, -0.22, s * 0.8 + 0.03, 0.45,
                 0.22);
        k->xf = prev;
    }
    if (at(e, 9.5, 0, zk + 0.5, 0.0, 0.3, 0.3, &pr, &prev)) {
        world_kit_cyl(k, metal, v3(0, 0, 0), v3(0, 0.9, 0), 0.26, 0.28, 12,
                      true);
        k->xf = prev;
    }
}

static void alley(Ext *e)
{
    WorldKit *k = e->k;
    int ground = mat(e, 0.12, 0.12, 0.12);
    int puddle = mat(e, 0.03, 0.035, 0.04);
    int brick = jit(e, wall_tones[0], 0.08);
    int brick2 = jit(e, wall_tones[5], 0.08);
    int metal = mat(e, 0.06, 0.065, 0.07);
    int green = mat(e, 0.05, 0.14, 0.08);
    int bag = mat(e, 0.02, 0.02, 0.025);
    int wood = mat(e, 0.35, 0.26, 0.16);
    int dark = mat(e, 0.03, 0.025, 0.02);
    const double half = 4.0;
    world_kit_flat(k, ground, -G_M, -G_M, G_M, G_M, 0.0);
    world_kit_flat(k, puddle, 1.2, -6.0, 2.6, -4.8, 0.002);
    world_kit_flat(k, puddle, -1.8, -11.0, -0.4, -9.5, 0.002);
    BaseRng pr;
    base_rng_seed(&pr, base_rng_u32(&e->st->rng), 0x616c6cu);
    // The walls: long brick flanks with doors, windows and pipes.
    for (int s = -1; s <= 1; s += 2) {
        int m = s < 0 ? brick : brick2;
        double x = s * half;
        span(k, m, x, 0, -30, x + s * 10.0, er(e, 10, 16), 30);
        for (double z = -24; z < 20; z += 4.0) {
            for (int f = 1; f < 4; f++) {
                double y = 3.2 * f;
                span(k, dark, x - s * 0.02, y, z - 0.6, x, y + 1.3, z + 0.6);
            }
        }
        for (double z = -26; z < 20; z += 9.0)
            world_kit_cyl(k, metal, v3(x - s * 0.12, 0, z),
                          v3(x - s * 0.12, 12, z), 0.06, 0.06, 6, false);
        span(k, dark, x - s * 0.03, 0, -7.6, x, 2.2, -6.6);
    }
    span(k, brick, -half, 0, -32, half, 9, -30);
    // A fire escape on the right wall: landings and a ladder.
    for (int f = 1; f <= 3; f++) {
        double y = 3.0 * f;
        span(k, metal, half - 1.1, y, -4.5, half, y + 0.06, -1.5);
        span(k, metal, half - 1.1, y + 0.9, -4.5, half - 1.05, y + 0.95, -1.5);
        world_kit_cyl(k, metal, v3(half - 0.8, y, -4.3),
                      v3(half - 0.8, y + 3.0, -1.7), 0.03, 0.03, 5, true);
    }
    WorldXform prev;
    if (at(e, -half + 0.55, 0, -4.0, 0.5 * BASE_PI, 1.0, 0.55, &pr, &prev)) {
        span(k, green, -0.95, 0.15, -0.5, 0.95, 1.25, 0.5);
        span(k, green, -1.0, 1.25, -0.55, 1.0, 1.32, 0.55);
        for (int i = 0; i < 4; i++)
            world_kit_cyl(
                k, dark,
                v3((i & 1 ? 0.8 : -0.8), 0.08, (i & 2 ? 0.4 : -0.4) - 0.04),
                v3((i & 1 ? 0.8 : -0.8), 0.08, (i & 2 ? 0.4 : -0.4) + 0.04),
                0.08, 0.08, 8, true);
        k->xf = prev;
    }
    for (int i = 0; i < 5; i++) {
        double x = -half + 0.45 + 0.3 * (i % 2), z = -2.6 + 0.45 * (i / 2);
        BaseRng br;
        if (at(e, x, 0, z, 0.0, 0.3, 0.3, &br, &prev)) {
            world_kit_ellipsoid(k, bag, v3(0, 0.28, 0), v3(0.28, 0.3, 0.26),
                                base_rng_uniform(&br), 5, 9);
            k->xf = prev;
        }
    }
    if (at(e, half - 0.5, 0, -7.5, -0.5 * BASE_PI, 0.7, 0.7, &pr, &prev)) {
        world_piece_crate(k, wood, 0.9);
        WorldXform p2 = world_kit_push(k, v3(0, 0.9, 0), 0.3);
        world_piece_crate(k, wood, 0.7);
        k->xf = p2;
        k->xf = prev;
    }
    if (at(e, half - 0.4, 0, 2.5, 0.0, 0.35, 0.35, &pr, &prev)) {
        world_piece_barrel(k, metal, dark);
        k->xf = prev;
    }
}

static void rooftop(Ext *e)
{
    WorldKit *k = e->k;
    int gravel = mat(e, 0.2, 0.19, 0.18);
    int parapet = jit(e, wall_tones[1], 0.06);
    int metal = mat(e, 0.35, 0.36, 0.37);
    int dark = mat(e, 0.04, 0.04, 0.04);
    int wood = mat(e, 0.22, 0.14, 0.08);
    int city = mat(e, 0.12, 0.12, 0.12);
    const double X = 14, Z0 = -12, Z1 = 14, drop = -36;
    world_kit_flat(k, gravel, -X, Z0, X, Z1, 0.0);
    ground_around(k, city, -X, Z0, X, Z1, drop);
    world_kit_flat(k, city, -X, Z0, X, Z1, drop);
    // The roof's own building below it, and the parapet round its edge.
    span(k, parapet, -X, drop, Z0, X, 0.0, Z1);
    span(k, parapet, -X, 0, Z0, X, 1.1, Z0 + 0.3);
    span(k, parapet, -X, 0, Z0, -X + 0.3, 1.1, Z1);
    span(k, parapet, X - 0.3, 0, Z0, X, 1.1, Z1);
    // The city round about: towers rising from the street far below.
    BaseRng pr;
    base_rng_seed(&pr, base_rng_u32(&e->st->rng), 0x637479u);
    for (int i = 0; i < 26; i++) {
        double a = base_rng_range(&pr, -BASE_PI * 1.05, BASE_PI * 0.05);
        double d = base_rng_range(&pr, 30, 110);
        double x = d * cos(a), z = d * sin(a) - 8;
        double w = base_rng_range(&pr, 12, 26), h = base_rng_range(&pr, 20, 75);
        int wm = world_kit_mat_jitter(
            k, &pr, wall_tones[base_rng_u32(&pr) % BASE_ARRAY_LEN(wall_tones)],
            0.1);
        WorldXform prev =
            world_kit_push(k, v3(x, drop, z), face_to(x, z, 0, 0));
        world_piece_building(k, &pr, wm, w, h, 14.0, false);
        k->xf = prev;
    }
    WorldXform prev;
    // A water tower on legs, air conditioning units, a stair bulkhead.
    if (at(e, -8.5, 0, -8.0, 0.0, 1.8, 1.8, &pr, &prev)) {
        for (int i = 0; i < 4; i++)
            span(k, metal, (i & 1 ? 1.2 : -1.3), 0, (i & 2 ? 1.2 : -1.3),
                 (i & 1 ? 1.3 : -1.2), 3.5, (i & 2 ? 1.3 : -1.2));
        world_kit_cyl(k, wood, v3(0, 3.5, 0), v3(0, 6.5, 0), 1.7, 1.7, 16,
                      true);
        world_kit_cyl(k, dark, v3(0, 6.5, 0), v3(0, 7.6, 0), 1.8, 0.0, 16,
                      true);
        k->xf = prev;
    }
    for (int i = 0; i < 2; i++) {
        if (at(e, 5.0 + 2.4 * i, 0, -8.5, 0.0, 0.9, 0.8, &pr, &prev)) {
            span(k, metal, -0.9, 0, -0.8, 0.9, 1.2, 0.8);
            world_kit_cyl(k, dark, v3(0, 1.2, 0), v3(0, 1.25, 0), 0.6, 0.6, 14,
                          true);
            k->xf = prev;
        }
    }
    if (at(e, 10.0, 0, -3.0, -0.5 * BASE_PI, 1.6, 1.6, &pr, &prev)) {
        span(k, parapet, -1.5, 0, -1.5, 1.5, 2.8, 1.5);
        span(k, dark, -0.5, 0, 1.5, 0.5, 2.1, 1.53);
        k->xf = prev;
    }
    for (int i = 0; i < 5; i++) {
        double x = er(e, -12, 12), z = er(e, -11, 8);
        if (at(e, x, 0, z, 0.0, 0.2, 0.2, &pr, &prev)) {
            world_kit_cyl(k, metal, v3(0, 0, 0), v3(0, 0.7, 0), 0.12, 0.12, 8,
                          true);
            world_kit_cyl(k, metal, v3(0, 0.7, 0), v3(0, 0.85, 0), 0.2, 0.05, 8,
                          true);
            k->xf = prev;
        }
    }
    world_kit_cyl(k, metal, v3(-3, 0, -11), v3(-3, 9, -11), 0.05, 0.02, 5,
                  true);
}

static void desert(Ext *e, bool with_road)
{
    WorldKit *k = e->k;
    static const double sand[3] = { 0.44, 0.33, 0.21 };
    int m = jit(e, sand, 0.08);
    int dune = world_kit_mat(k, 1.05 * (double)k->mats[m].albedo[0],
                             1.03 * (double)k->mats[m].albedo[1],
                             1.0 * (double)k->mats[m].albedo[2]);
    world_kit_flat(k, m, -G_M, -G_M, G_M, G_M, 0.0);
    mesas(e, 6);
    for (int i = 0; i < 6; i++) {
        double x = er(e, -150, 150), z = er(e, -140, -40);
        double r = er(e, 15, 40);
        world_kit_ellipsoid(k, dune, v3(x, -0.6 * r * 0.3, z),
                            v3(r, 0.3 * r, 0.7 * r), er(e, 0, BASE_PI), 5, 12);
    }
    double z_max = 8.0;
    if (with_road) {
        road(e, -8.0, -1.0, 0.004, true);
        WorldFootprint f = { -G_M, -8.5, G_M, -0.5 };
        world_stage_block(e->st, f);
        poles_along(e, -10.5, 35.0);
        BaseRng pr;
        WorldXform prev;
        if (at(e, 7.5, 0, -0.2, 0.0, 0.4, 0.2, &pr, &prev)) {
            int post = mat(e, 0.45, 0.45, 0.46);
            int face = mat(e, 0.6, 0.5, 0.05);
            world_kit_cyl(k, post, v3(0, 0, 0), v3(0, 2.4, 0), 0.04, 0.04, 6,
                          true);
            world_kit_box(k, face, v3(0, 2.2, 0.05), v3(0.4, 0.4, 0.02),
                          0.25 * BASE_PI);
            k->xf = prev;
        }
    }
    scatter(e, PLANT_CACTUS, 14, 1.8, 4.5, 6.0, 45.0, z_max);
    scatter(e, PLANT_ROCK, 14, 0.4, 2.2, 5.0, 50.0, z_max);
    // Scrub: low, dry bushes.
    for (int i = 0; i < 16; i++) {
        double a = er(e, -BASE_PI, 0.1), d = er(e, 4.0, 35.0);
        double x = d * cos(a), z = d * sin(a);
        BaseRng pr;
        WorldXform prev;
        if (at(e, x, 0, z, 0.0, 0.4, 0.4, &pr, &prev)) {
            static const double dry[3] = { 0.16, 0.15, 0.07 };
            int b = world_kit_mat_jitter(k, &pr, dry, 0.2);
            world_kit_ellipsoid(k, b, v3(0, 0.15, 0), v3(0.45, 0.25, 0.4), 0.0,
                                3, 8);
            k->xf = prev;
        }
    }
}

static void country_road(Ext *e)
{
    WorldKit *k = e->k;
    static const double grass[3] = { 0.1, 0.14, 0.05 };
    int m = jit(e, grass, 0.1);
    int gravel = mat(e, 0.3, 0.28, 0.24);
    int wood = mat(e, 0.25, 0.18, 0.11);
    world_kit_flat(k, m, -G_M, -G_M, G_M, G_M, 0.0);
    world_kit_flat(k, gravel, -G_M, -1.0, G_M, 0.2, 0.002);
    world_kit_flat(k, gravel, -G_M, -9.0, G_M, -8.0, 0.002);
    road(e, -8.0, -1.0, 0.004, false);
    WorldFootprint f = { -G_M, -9.5, G_M, -0.5 };
    world_stage_block(e->st, f);
    poles_along(e, -11.0, 40.0);
    WorldXform prev = world_kit_push(k, v3(-60, 0, -13.0), 0.0);
    world_piece_fence(k, wood, 120.0, 1.3);
    k->xf = prev;
    mountains(e, 8, -380, -250, false);
    scatter(e, PLANT_TREE, 12, 6.0, 11.0, 16.0, 70.0, -14.0);
    scatter(e, PLANT_TREE, 4, 5.0, 9.0, 8.0, 25.0, 6.0);
    scatter(e, PLANT_BUSH, 8, 0.5, 1.0, 5.0, 20.0, 6.0);
}

static void mountain_road(Ext *e, bool with_road)
{
    WorldKit *k = e->k;
    static const double earth[3] = { 0.13, 0.13, 0.08 };
    int m = jit(e, earth, 0.1);
    int steel = mat(e, 0.5, 0.5, 0.52);
    int rock = mat(e, 0.2, 0.19, 0.18);
    world_kit_flat(k, m, -G_M, -G_M, G_M, G_M, 0.0);
    mountains(e, 14, -420, -150, true);
    if (with_road) {
        road(e, -8.0, -1.0, 0.004, true);
        WorldFootprint f = { -G_M, -9.0, G_M, -0.5 };
        world_stage_block(e->st, f);
        // A guard rail along the far edge: posts and a rail.
        for (double x = -80; x <= 80; x += 3.0)
            span(k, steel, x - 0.05, 0, -8.75, x + 0.05, 0.75, -8.65);
        span(k, steel, -80, 0.5, -8.65, 80, 0.75, -8.6);
    }
    // Rock outcrops on the flanks.
    for (int s = -1; s <= 1; s += 2) {
        for (int i = 0; i < 3; i++) {
            double x = s * er(e, 9, 25), z = er(e, -6, 4);
            world_kit_ellipsoid(k, rock, v3(x, 0.5, z),
                                v3(er(e, 2.5, 5), er(e, 2, 5), er(e, 2, 4)),
                                er(e, 0, BASE_PI), 4, 7);
        }
    }
    scatter(e, PLANT_PINE, 26, 7.0, 14.0, 12.0, 80.0, -10.0);
    scatter(e, PLANT_PINE, 6, 6.0, 12.0, 7.0, 25.0, 6.0);
    scatter(e, PLANT_ROCK, 10, 0.4, 1.6, 4.0, 30.0, 6.0);
}

static void forest(Ext *e)
{
    WorldKit *k = e->k;
    static const double floor_c[3] = { 0.09, 0.075, 0.045 };
    int m = jit(e, floor_c, 0.1);
    int moss = mat(e, 0.07, 0.1, 0.035);
    int bark = mat(e, 0.1, 0.075, 0.05);
    world_kit_flat(k, m, -G_M, -G_M, G_M, G_M, 0.0);
    for (int i = 0; i < 10; i++) {
        double x = er(e, -30, 30), z = er(e, -30, 10);
        double r = er(e, 1.5, 4.0);
        if (x * x + z * z < 9.0)
            continue;
        world_kit_cyl(k, moss, v3(x, 0.0, z), v3(x, 0.003, z), r, r, 12, true);
    }
    scatter(e, PLANT_MIX, 26, 7.0, 13.0, 5.5, 30.0, 6.0);
    scatter(e, PLANT_PINE, 22, 10.0, 18.0, 20.0, 70.0, -5.0);
    scatter(e, PLANT_BUSH, 14, 0.4, 0.9, 3.5, 18.0, 6.0);
    scatter(e, PLANT_ROCK, 6, 0.3, 1.0, 4.0, 20.0, 6.0);
    BaseRng pr;
    WorldXform prev;
    if (at(e, 3.8, 0, -3.8, 0.7, 2.2, 0.4, &pr, &prev)) {
        world_kit_cyl(k, bark, v3(-2.0, 0.3, 0), v3(2.0, 0.25, 0), 0.3, 0.25,
                      10, true);
        k->xf = prev;
    }
    if (at(e, -4.0, 0, -2.5, 0.0, 0.4, 0.4, &pr, &prev)) {
        world_kit_cyl(k, bark, v3(0, 0, 0), v3(0, 0.45, 0), 0.35, 0.3, 10,
                      true);
        k->xf = prev;
        world_stage_surface(e->st, "stump", v3(-4.0, 0.45, -2.5), 0.2, 0.2);
    }
}

static void beach(Ext *e)
{
    WorldKit *k = e->k;
    static const double sand_c[3] = { 0.5, 0.42, 0.3 };
    int sand = jit(e, sand_c, 0.05);
    int wet = mat(e, 0.28, 0.24, 0.18);
    int sea = mat(e, 0.04, 0.16, 0.22);
    int foam = mat(e, 0.7, 0.72, 0.72);
    int wood = mat(e, 0.4, 0.32, 0.22);
    int white = mat(e, 0.65, 0.65, 0.62);
    int red = mat(e, 0.5, 0.05, 0.04);
    const double zw = -9.0;
    world_kit_flat(k, sand, -G_M, zw, G_M, G_M, 0.0);
    world_kit_flat(k, wet, -G_M, zw - 0.01, G_M, zw + 2.5, 0.002);
    world_kit_flat(k, sand, -G_M, -G_M, G_M, zw, -0.3);
    world_kit_flat(k, sea, -G_M, -G_M, G_M, zw, 0.03);
    world_kit_flat(k, foam, -G_M, zw - 0.12, G_M, zw + 0.05, 0.035);
    for (double z = zw - 6.0; z > zw - 40.0; z -= 7.0)
        world_kit_flat(k, foam, -G_M, z - 0.1, G_M, z + 0.1, 0.036);
    e->st->water_y_m = 0.03;
    e->st->water_at = v3(-6.0, 0.03, -30.0);
    // A headland on the horizon.
    int land = mat(e, 0.1, 0.14, 0.07);
    world_kit_ellipsoid(k, land, v3(-160, -10, -320), v3(140, 45, 60), 0.3, 6,
                        14);
    BaseRng pr;
    WorldXform prev;
    if (at(e, 8.0, 0, -4.5, -0.3, 1.3, 1.3, &pr, &prev)) {
        for (int i = 0; i < 4; i++)
            span(k, wood, (i & 1 ? 0.9 : -1.0), 0, (i & 2 ? 0.9 : -1.0),
                 (i & 1 ? 1.0 : -0.9), 2.2, (i & 2 ? 1.0 : -0.9));
        span(k, white, -1.1, 2.2, -1.1, 1.1, 3.6, 1.1);
        span(k, red, -1.25, 3.6, -1.25, 1.25, 3.75, 1.25);
        world_kit_cyl(k, wood, v3(0, 0, 2.2), v3(0, 2.2, 1.0), 0.05, 0.05, 5,
                      true);
        k->xf = prev;
    }
    static const double canvases[][3] = { { 0.6, 0.1, 0.06 },
                                          { 0.1, 0.3, 0.6 },
                                          { 0.7, 0.55, 0.1 } };
    for (int i = 0; i < 3; i++) {
        double x = -4.5 - 3.0 * i, z = -2.5 - 1.2 * (i % 2);
        int c = jit(e, canvases[i], 0.1);
        if (at(e, x, 0, z, 0.0, 0.9, 1.0, &pr, &prev)) {
            world_piece_umbrella(k, c, 1.2, 2.2);
            span(k, c, -0.4, 0, 0.2, 0.4, 0.004, 2.0);
            k->xf = prev;
        }
    }
    if (at(e, 3.5, 0, -5.5, 0.4, 2.0, 0.3, &pr, &prev)) {
        world_kit_cyl(k, wood, v3(-1.8, 0.15, 0), v3(1.8, 0.18, 0), 0.17, 0.13,
                      9, true);
        k->xf = prev;
    }
    {
        WorldXform p0 = world_kit_push(k, v3(-20, 0.03, -45), 1.2);
        world_piece_boat(k, &pr, 7.0);
        k->xf = p0;
    }
    scatter(e, PLANT_PALM, 7, 6.0, 9.0, 9.0, 30.0, 1.0);
    scatter(e, PLANT_ROCK, 5, 0.4, 1.4, 6.0, 18.0, 2.0);
}

static void field(Ext *e)
{
    WorldKit *k = e->k;
    const char *loc = e->st->location;
    bool wheat = has_word(loc, "WHEAT") || has_word(loc, "CORN") ||
                 has_word(loc, "HAY") || has_word(loc, "STRAW");
    bool dry = has_word(loc, "DRY") || has_word(loc, "CREEK");
    static const double grass[3] = { 0.1, 0.15, 0.05 };
    static const double gold[3] = { 0.46, 0.36, 0.17 };
    static const double dust[3] = { 0.3, 0.22, 0.14 };
    int m = jit(e, wheat ? gold : dry ? dust : grass, 0.06);
    int m2 = world_kit_mat(k, 0.85 * (double)k->mats[m].albedo[0],
                           0.85 * (double)k->mats[m].albedo[1],
                           0.8 * (double)k->mats[m].albedo[2]);
    int wood = mat(e, 0.22, 0.16, 0.1);
    int hay = mat(e, 0.45, 0.36, 0.16);
    int steel = mat(e, 0.45, 0.45, 0.47);
    world_kit_flat(k, m, -G_M, -G_M, G_M, G_M, 0.0);
    // Rows of the crop as stripes running away from the camera.
    for (double x = -60; x < 60; x += 1.6)
        world_kit_flat(k, m2, x, -120, x + 0.6, -4.0, 0.002);
    if (wheat) {
        // The standing crop: a knee-high golden mass from just behind the
        // cast to the horizon, rows showing on its top.
        int stalk = world_kit_mat(k, 1.1 * (double)k->mats[m].albedo[0],
                                  1.05 * (double)k->mats[m].albedo[1],
                                  0.9 * (double)k->mats[m].albedo[2]);
        span(k, stalk, -G_M, 0, -G_M, G_M, 0.8, -4.2);
        for (double x = -60; x < 60; x += 1.2)
            world_kit_flat(k, m2, x, -150, x + 0.25, -4.2, 0.802);
        WorldFootprint f = { -G_M, -G_M, G_M, -4.0 };
        world_stage_block(e->st, f);
    }
    WorldXform prev = world_kit_push(k, v3(-50, 0, -4.0), 0.0);
    world_piece_fence(k, wood, 100.0, 1.2);
    k->xf = prev;
    // The windmill: a tall lattice tower and its wheel.
    prev = world_kit_push(k, v3(-14, 0, -22), 0.4);
    for (int i = 0; i < 4; i++) {
        double x = (i & 1) ? 1.2 : -1.2, z = (i & 2) ? 1.2 : -1.2;
        world_kit_cyl(k, steel, v3(x, 0, z), v3(0.12 * x, 10, 0.12 * z), 0.05,
                      0.04, 5, true);
    }
    world_kit_cyl(k, steel, v3(0, 10, -0.3), v3(0, 10, 0.3), 0.15, 0.15, 8,
                  true);
    for (int i = 0; i < 12; i++) {
        double a = 2.0 * BASE_PI * i / 12.0;
        Vec3 hub = v3(0, 10, 0.35);
        world_kit_cyl(k, steel, v3_add(hub, v3(0.3 * cos(a), 0.3 * sin(a), 0)),
                      v3_add(hub, v3(1.7 * cos(a), 1.7 * sin(a), 0)), 0.12,
                      0.16, 4, true);
    }
    world_kit_box(k, steel, v3(0, 10, -1.2), v3(0.02, 0.4, 0.9), 0.0);
    k->xf = prev;
    BaseRng pr;
    for (int i = 0; i < 3; i++) {
        double x = 6.0 + 3.5 * i, z = -7.5 - 2.0 * i;
        if (at(e, x, 0, z, 0.3 * i, 0.8, 0.7, &pr, &prev)) {
            world_kit_cyl(k, hay, v3(-0.6, 0.65, 0), v3(0.6, 0.65, 0), 0.65,
                          0.65, 14, true);
            k->xf = prev;
        }
    }
    // A tree line far off, and a barn.
    // Far off, a tree is a blob of foliage on a short trunk.
    static const double far_green[3] = { 0.05, 0.1, 0.035 };
    int far_leaf = jit(e, far_green, 0.1);
    int far_bark = mat(e, 0.08, 0.06, 0.04);
    for (double x = -160; x < 160; x += 9.0) {
        double tx = x + er(e, -3, 3), tz = -95.0 + er(e, -8, 8);
        double th = er(e, 8, 14);
        world_kit_cyl(k, far_bark, v3(tx, 0, tz), v3(tx, 0.5 * th, tz), 0.4,
                      0.3, 5, false);
        world_kit_ellipsoid(k, far_leaf, v3(tx, 0.62 * th, tz),
                            v3(0.35 * th, 0.32 * th, 0.35 * th), 0.0, 4, 8);
    }
    prev = world_kit_push(k, v3(38, 0, -60), -0.3);
    int red = mat(e, 0.3, 0.06, 0.04), roof = mat(e, 0.18, 0.18, 0.19);
    span(k, red, -7, 0, -6, 7, 6, 6);
    world_piece_roof(k, roof, 14, 12, 6, 4);
    k->xf = prev;
    scatter(e, PLANT_TREE, 3, 6.0, 10.0, 9.0, 30.0, 4.0);
}

static void park(Ext *e)
{
    WorldKit *k = e->k;
    static const double grass[3] = { 0.08, 0.15, 0.045 };
    int m = jit(e, grass, 0.08);
    int path = mat(e, 0.38, 0.35, 0.3);
    int green = mat(e, 0.06, 0.13, 0.07);
    int metal = mat(e, 0.06, 0.06, 0.065);
    int stone = mat(e, 0.5, 0.48, 0.44);
    int water = world_kit_mat_as(e->k, WORLD_MAT_WATER, 0.05, 0.16, 0.2);
    world_kit_flat(k, m, -G_M, -G_M, G_M, G_M, 0.0);
    world_kit_flat(k, path, -G_M, -1.4, G_M, 1.4, 0.002);
    world_kit_flat(k, path, -1.2, -60, 1.2, -1.4, 0.002);
    BaseRng pr;
    WorldXform prev;
    for (int s = -1; s <= 1; s += 2) {
        if (at(e, s * 4.6, 0, -2.0, 0.0, 0.95, 0.3, &pr, &prev)) {
            span(k, green, -0.9, 0.42, -0.22, 0.9, 0.47, 0.22);
            span(k, green, -0.9, 0.5, -0.25, 0.9, 0.85, -0.2);
            for (int i = -1; i <= 1; i += 2)
                span(k, metal, i * 0.8 - 0.03, 0, -0.22, i * 0.8 + 0.03, 0.45,
                     0.22);
            k->xf = prev;
        }
        if (at(e, s * 8.0, 0, -1.8, BASE_PI, 0.25, 0.25, &pr, &prev)) {
            world_piece_lamp_post(k, 4.0);
            k->xf = prev;
        }
    }
    if (at(e, 0, 0, -12.0, 0.0, 3.2, 3.2, &pr, &prev)) {
        world_kit_cyl(k, stone, v3(0, 0, 0), v3(0, 0.5, 0), 3.0, 3.0, 24, true);
        world_kit_cyl(k, water, v3(0, 0.5, 0), v3(0, 0.51, 0), 2.8, 2.8, 24,
                      true);
        world_kit_cyl(k, stone, v3(0, 0.5, 0), v3(0, 2.0, 0), 0.3, 0.2, 10,
                      true);
        world_kit_cyl(k, stone, v3(0, 2.0, 0), v3(0, 2.15, 0), 0.9, 0.9, 14,
                      true);
        k->xf = prev;
    }
    scatter(e, PLANT_TREE, 14, 6.0, 11.0, 7.0, 45.0, 4.0);
    scatter(e, PLANT_BUSH, 10, 0.5, 1.0, 5.0, 20.0, 4.0);
}

static void harbour(Ext *e)
{
    WorldKit *k = e->k;
    int quay = mat(e, 0.3, 0.29, 0.27);
    int face = mat(e, 0.2, 0.19, 0.17);
    int sea = mat(e, 0.03, 0.1, 0.13);
    int timber = mat(e, 0.18, 0.13, 0.08);
    int iron = mat(e, 0.05, 0.05, 0.055);
    int white = mat(e, 0.65, 0.65, 0.62);
    int red = mat(e, 0.45, 0.05, 0.04);
    int wood = mat(e, 0.35, 0.26, 0.16);
    const double ze = -5.5, yw = -1.2;
    world_kit_flat(k, quay, -G_M, ze, G_M, G_M, 0.0);
    world_kit_quad(k, face, v3(-G_M, -2.5, ze), v3(G_M, -2.5, ze),
                   v3(G_M, 0, ze), v3(-G_M, 0, ze));
    world_kit_flat(k, sea, -G_M, -G_M, G_M, ze, yw);
    e->st->water_y_m = yw;
    e->st->water_at = v3(-6.0, yw, -11.0);
    WorldFootprint f = { -G_M, -G_M, G_M, ze + 0.2 };
    // Timber fenders down the quay face, bollards along its edge.
    for (double x = -60; x <= 60; x += 3.0)
        span(k, timber, x - 0.12, yw - 0.3, ze - 0.12, x + 0.12, 0.05, ze);
    BaseRng pr;
    WorldXform prev;
    for (double x = -33; x <= 33; x += 6.0) {
        if (at(e, x, 0, ze + 0.45, 0.0, 0.2, 0.2, &pr, &prev)) {
            world_kit_cyl(k, iron, v3(0, 0, 0), v3(0, 0.5, 0), 0.15, 0.13, 10,
                          false);
            world_kit_cyl(k, iron, v3(0, 0.5, 0), v3(0, 0.58, 0), 0.2, 0.2, 10,
                          true);
            k->xf = prev;
        }
    }
    world_stage_block(e->st, f);
    // A wooden pier on piles running out to the right.
    double px = 9.5;
    span(k, wood, px - 1.5, -0.25, -40.0, px + 1.5, -0.05, ze);
    for (double z = ze - 2.0; z > -40; z -= 4.0) {
        for (int s = -1; s <= 1; s += 2)
            world_kit_cyl(k, timber, v3(px + s * 1.4, -3.0, z),
                          v3(px + s * 1.4, 0.6, z), 0.12, 0.12, 7, true);
    }
    // Boats moored off the quay, and one further out.
    static const double boat_x[3] = { -9.0, -2.0, 4.5 };
    for (int i = 0; i < 3; i++) {
        BaseRng br;
        base_rng_seed(&br, base_rng_u32(&e->st->rng), 0x626f74u);
        double len = base_rng_range(&br, 5.0, 9.0);
        WorldXform p2 =
            world_kit_push(k, v3(boat_x[i], yw, ze - 3.0 - 0.3 * i),
                           0.5 * BASE_PI + base_rng_range(&br, -0.1, 0.1));
        world_piece_boat(k, &br, len);
        k->xf = p2;
    }
    // A lighthouse on the far breakwater.
    prev = world_kit_push(k, v3(-70, yw, -160), 0.0);
    span(k, face, -25, -1, -4, 25, 2.5, 4);
    world_kit_cyl(k, white, v3(0, 2.5, 0), v3(0, 20, 0), 3.0, 2.0, 16, false);
    for (int i = 0; i < 3; i++)
        world_kit_cyl(k, red, v3(0, 5 + 5 * i, 0), v3(0, 7 + 5 * i, 0),
                      2.85 - 0.2 * i, 2.6 - 0.2 * i, 16, false);
    world_kit_cyl(k, iron, v3(0, 20, 0), v3(0, 23, 0), 1.7, 1.7, 12, true);
    world_kit_cyl(k, red, v3(0, 23, 0), v3(0, 25, 0), 2.0, 0.0, 12, true);
    k->xf = prev;
    // The far shore.
    int land = mat(e, 0.1, 0.12, 0.08);
    world_kit_ellipsoid(k, land, v3(60, -20, -420), v3(300, 50, 60), 0.0, 5,
                        14);
    // Cargo on the quay: crates and barrels, a lamp post, a shed.
    if (at(e, -6.5, 0, -3.0, 0.1, 1.2, 1.2, &pr, &prev)) {
        world_piece_crate(k, wood, 1.0);
        WorldXform p2 = world_kit_push(k, v3(1.1, 0, 0.2), 0.3);
        world_piece_crate(k, wood, 0.9);
        k->xf = p2;
        p2 = world_kit_push(k, v3(0.4, 1.0, 0.1), -0.2);
        world_piece_crate(k, wood, 0.8);
        k->xf = p2;
        k->xf = prev;
    }
    if (at(e, 6.0, 0, -2.5, 0.0, 0.7, 0.7, &pr, &prev)) {
        for (int j = 0; j < 3; j++) {
            WorldXform p2 = world_kit_push(
                k, v3((j - 1) * 0.62, 0, (j == 1) ? 0.4 : 0.0), 0.0);
            world_piece_barrel(k, red, iron);
            k->xf = p2;
        }
        k->xf = prev;
    }
    for (int s = -1; s <= 1; s += 2) {
        if (at(e, s * 4.0, 0, ze + 0.8, BASE_PI, 0.25, 0.25, &pr, &prev)) {
            world_piece_lamp_post(k, 4.5);
            k->xf = prev;
        }
    }
    prev = world_kit_push(k, v3(-24, 0, 2.0), 0.5 * BASE_PI);
    BaseRng sr;
    base_rng_seed(&sr, base_rng_u32(&e->st->rng), 0x736864u);
    world_piece_building(k, &sr, mat(e, 0.3, 0.32, 0.34), 16, 8, 12, true);
    k->xf = prev;
}

static void ranch(Ext *e)
{
    WorldKit *k = e->k;
    static const double dirt[3] = { 0.26, 0.19, 0.12 };
    static const double grass[3] = { 0.12, 0.14, 0.06 };
    int m = jit(e, dirt, 0.08);
    int g = jit(e, grass, 0.08);
    int wood = mat(e, 0.3, 0.22, 0.13);
    int red = mat(e, 0.3, 0.05, 0.035);
    int roof = mat(e, 0.16, 0.16, 0.17);
    int white = mat(e, 0.62, 0.6, 0.55);
    int steel = mat(e, 0.45, 0.45, 0.47);
    int water = world_kit_mat_as(e->k, WORLD_MAT_WATER, 0.05, 0.1, 0.12);
    world_kit_flat(k, g, -G_M, -G_M, G_M, G_M, -0.01);
    world_kit_flat(k, m, -30, -40, 30, 12, 0.0);
    // The barn: red walls, a gable roof, a big door.
    WorldXform prev = world_kit_push(k, v3(-11, 0, -20), 0.25);
    span(k, red, -6, 0, -14, 6, 5.5, 0);
    world_piece_roof(k, roof, 12, 14, 5.5, 3.5);
    span(k, white, -1.8, 0, 0, 1.8, 4.0, 0.06);
    span(k, red, -1.6, 0.1, 0.06, 1.6, 3.8, 0.1);
    span(k, white, -1.6, 0.1, 0.1, 1.6, 0.25, 0.14);
    k->xf = prev;
    // The ranch house with its porch.
    prev = world_kit_push(k, v3(13, 0, -22), -0.2);
    house(e, 14.0, 9.0, 3.6, white, roof);
    span(k, wood, -6, 0, 0, 6, 0.3, 2.5);
    span(k, roof, -6.2, 2.9, 0, 6.2, 3.0, 2.7);
    for (int i = -2; i <= 2; i++)
        span(k, wood, 3.0 * i - 0.08, 0.3, 2.3, 3.0 * i + 0.08, 2.9, 2.45);
    k->xf = prev;
    // A corral fence on the right with a horse in it.
    double cx0 = 4.0, cx1 = 14.0, cz0 = -11.0, cz1 = -3.5;
    WorldFootprint cf = { cx0, cz0, cx1, cz1 };
    if (world_stage_claim(e->st, cf, WORLD_CLEAR_R_M)) {
        prev = world_kit_push(k, v3(cx0, 0, cz1), 0.0);
        world_piece_fence(k, wood, cx1 - cx0, 1.4);
        k->xf = prev;
        prev = world_kit_push(k, v3(cx0, 0, cz0), 0.0);
        world_piece_fence(k, wood, cx1 - cx0, 1.4);
        k->xf = prev;
        prev = world_kit_push(k, v3(cx0, 0, cz1), 0.5 * BASE_PI);
        world_piece_fence(k, wood, cz1 - cz0, 1.4);
        k->xf = prev;
        prev = world_kit_push(k, v3(cx1, 0, cz1), 0.5 * BASE_PI);
        world_piece_fence(k, wood, cz1 - cz0, 1.4);
        k->xf = prev;
        BaseRng hr;
        base_rng_seed(&hr, base_rng_u32(&e->st->rng), 0x686f72u);
        prev = world_kit_push(k, v3(9.0, 0, -7.0), -1.9);
        world_piece_horse(k, &hr);
        k->xf = prev;
        span(k, steel, cx0 + 0.4, 0, cz1 - 1.2, cx0 + 0.9, 0.6, cz1 - 0.3);
        span(k, water, cx0 + 0.45, 0.6, cz1 - 1.15, cx0 + 0.85, 0.61,
             cz1 - 0.35);
    }
    BaseRng pr;
    for (int i = 0; i < 3; i++) {
        double x = -6.0 - 1.5 * i, z = -5.0 + 0.8 * i;
        if (at(e, x, 0, z, 0.5 * i, 0.7, 0.7, &pr, &prev)) {
            int hay = mat(e, 0.45, 0.36, 0.16);
            span(k, hay, -0.6, 0, -0.4, 0.6, 0.45, 0.4);
            k->xf = prev;
        }
    }
    static const double paints[][3] = { { 0.3, 0.04, 0.03 },
                                        { 0.1, 0.15, 0.2 },
                                        { 0.45, 0.42, 0.36 } };
    int paint = jit(e, paints[base_rng_u32(&e->st->rng) % 3], 0.05);
    if (at(e, -7.0, 0, 1.0, -0.4, 1.2, 2.8, &pr, &prev)) {
        world_piece_truck(k, &pr, paint);
        k->xf = prev;
    }
    scatter(e, PLANT_TREE, 6, 7.0, 11.0, 20.0, 60.0, -10.0);
    mountains(e, 6, -400, -280, false);
}

// A suburban house front: lawn, drive, the house, a car, a mailbox.
static void suburb(Ext *e, bool garage)
{
    WorldKit *k = e->k;
    static const double grass[3] = { 0.08, 0.15, 0.045 };
    int lawn = jit(e, grass, 0.08);
    int drive = mat(e, 0.32, 0.31, 0.29);
    int wall = jit(e, wall_tones[2 + base_rng_u32(&e->st->rng) % 5], 0.08);
    int roof = mat(e, 0.14, 0.1, 0.09);
    int white = mat(e, 0.65, 0.65, 0.62);
    int slat = mat(e, 0.5, 0.5, 0.49);
    world_kit_flat(k, lawn, -G_M, -G_M, G_M, G_M, 0.0);
    world_kit_flat(k, drive, 4.0, -9.0, 8.0, 30.0, 0.002);
    world_kit_flat(k, drive, -G_M, 6.0, G_M, 12.0, 0.002);
    WorldXform prev = world_kit_push(k, v3(-2.0, 0, -9.0), 0.0);
    house(e, 14.0, 9.0, 5.5, wall, roof);
    k->xf = prev;
    if (garage) {
        prev = world_kit_push(k, v3(6.0, 0, -9.0), 0.0);
        span(k, wall, -2.5, 0, -7, 2.5, 3.2, 0);
        for (double y = 0.05; y < 2.5; y += 0.3)
            span(k, slat, -2.0, y, 0, 2.0, y + 0.27, 0.05);
        world_piece_roof(k, roof, 5.0, 7.0, 3.2, 1.5);
        k->xf = prev;
    }
    BaseRng pr;
    static const double paints[][3] = { { 0.35, 0.03, 0.02 },
                                        { 0.03, 0.08, 0.2 },
                                        { 0.5, 0.48, 0.44 } };
    int paint = jit(e, paints[base_rng_u32(&e->st->rng) % 3], 0.05);
    if (at(e, 6.0, 0, -4.6, BASE_PI, 0.95, 2.3, &pr, &prev)) {
        world_piece_car(k, &pr, paint);
        k->xf = prev;
    }
    // Picket fences down the sides of the lot, the mailbox by the drive:
    // nothing between the house and the camera.
    for (int s = -1; s <= 1; s += 2) {
        prev =
            world_kit_push(k, v3(s < 0 ? -11.0 : 10.0, 0, 2.0), 0.5 * BASE_PI);
        world_piece_fence(k, white, 15.0, 0.9);
        k->xf = prev;
    }
    if (at(e, 8.7, 0, 0.5, 0.0, 0.25, 0.25, &pr, &prev)) {
        span(k, white, -0.04, 0, -0.04, 0.04, 1.0, 0.04);
        span(k, drive, -0.12, 1.0, -0.24, 0.12, 1.22, 0.24);
        world_kit_cyl(k, drive, v3(0, 1.22, -0.24), v3(0, 1.22, 0.24), 0.12,
                      0.12, 10, true);
        k->xf = prev;
    }
    scatter(e, PLANT_TREE, 5, 6.0, 10.0, 8.0, 30.0, 3.0);
    scatter(e, PLANT_BUSH, 8, 0.5, 1.0, 4.0, 12.0, 3.0);
    // Neighbours either side.
    for (int s = -1; s <= 1; s += 2) {
        int w2 = jit(e, wall_tones[2 + base_rng_u32(&e->st->rng) % 5], 0.08);
        prev = world_kit_push(k, v3(s * 22.0, 0, -10.0), 0.0);
        house(e, 12.0, 9.0, 5.0, w2, roof);
        k->xf = prev;
    }
}

static void diner_ext(Ext *e, bool motel)
{
    WorldKit *k = e->k;
    int lot = mat(e, 0.07, 0.07, 0.075);
    int glass = mat(e, 0.04, 0.06, 0.08);
    int chrome = mat(e, 0.5, 0.5, 0.52);
    int red = mat(e, 0.5, 0.05, 0.04);
    int white = mat(e, 0.62, 0.62, 0.58);
    int wall = jit(e, motel ? wall_tones[2] : wall_tones[6], 0.06);
    int roof = mat(e, 0.15, 0.1, 0.08);
    int dark = mat(e, 0.06, 0.04, 0.03);
    static const double desert_c[3] = { 0.36, 0.28, 0.18 };
    int earth = jit(e, desert_c, 0.08);
    world_kit_flat(k, earth, -G_M, -G_M, G_M, G_M, -0.01);
    world_kit_flat(k, lot, -26, -16, 26, 14, 0.0);
    double zf = -11.0;
    if (!motel) {
        // The diner: long and low, a band of windows, a chrome stripe.
        span(k, wall, -11, 0, zf - 9, 11, 4.2, zf);
        span(k, glass, -9.5, 1.0, zf, 9.5, 2.6, zf + 0.04);
        for (double x = -9.5; x <= 9.5; x += 1.9)
            span(k, chrome, x - 0.05, 1.0, zf, x + 0.05, 2.6, zf + 0.06);
        span(k, chrome, -11, 0.8, zf, 11, 0.95, zf + 0.06);
        span(k, red, -11, 3.2, zf, 11, 3.5, zf + 0.08);
        span(k, roof, -11.3, 4.2, zf - 9.3, 11.3, 4.5, zf + 0.4);
        span(k, dark, -0.7, 0, zf, 0.7, 2.3, zf + 0.08);
        // The sign on its pole.
        span(k, chrome, 12.0, 0, -8.1, 12.3, 7.0, -7.8);
        span(k, red, 10.5, 7.0, -8.2, 13.8, 9.0, -7.7);
        span(k, white, 10.7, 7.3, -7.7, 13.6, 8.7, -7.65);
    } else {
        // The motel: a long row of rooms, each a door and a window, under
        // a walkway.
        span(k, wall, -20, 0, zf - 8, 20, 6.2, zf);
        span(k, roof, -20.3, 6.2, zf - 8.3, 20.3, 6.5, zf + 1.8);
        span(k, white, -20, 3.0, zf, 20, 3.2, zf + 1.6);
        span(k, white, -20, 3.2, zf + 1.55, 20, 4.2, zf + 1.6);
        for (double x = -18; x <= 18; x += 4.0) {
            for (int f = 0; f < 2; f++) {
                double y = 3.2 * f;
                span(k, dark, x - 0.45, y, zf, x + 0.45, y + 2.1, zf + 0.05);
                span(k, glass, x + 0.8, y + 0.9, zf, x + 2.2, y + 2.0,
                     zf + 0.05);
            }
            span(k, white, x - 0.05, 0, zf + 1.5, x + 0.05, 3.0, zf + 1.6);
        }
        span(k, chrome, 14.0, 0, -7.1, 14.3, 8.0, -6.8);
        span(k, red, 12.0, 8.0, -7.2, 16.3, 10.5, -6.7);
    }
    parking(e, -6.2, -15.0, 8.0, BASE_PI);
    scatter(e, PLANT_BUSH, 5, 0.4, 0.8, 14.0, 30.0, 5.0);
    poles_along(e, 16.0, 40.0);
}

static void warehouse_ext(Ext *e)
{
    WorldKit *k = e->k;
    int conc = mat(e, 0.3, 0.3, 0.29);
    int clad = jit(e, (const double[3]){ 0.3, 0.35, 0.38 }, 0.1);
    int slat = mat(e, 0.45, 0.46, 0.47);
    int dark = mat(e, 0.05, 0.05, 0.05);
    static const double boxes[][3] = { { 0.4, 0.08, 0.04 },
                                       { 0.05, 0.15, 0.3 },
                                       { 0.1, 0.25, 0.12 } };
    world_kit_flat(k, conc, -G_M, -G_M, G_M, G_M, 0.0);
    double zf = -12.0;
    span(k, clad, -30, 0, zf - 30, 30, 10, zf);
    for (double x = -29.7; x < 30; x += 0.6)
        span(k, clad, x - 0.03, 0, zf, x + 0.03, 10, zf + 0.05);
    for (int i = -1; i <= 1; i++) {
        double x = 9.0 * i;
        span(k, dark, x - 2.4, 0, zf, x + 2.4, 5.2, zf + 0.08);
        for (double y = 1.2; y < 5.0; y += 0.3)
            span(k, slat, x - 2.2, y, zf + 0.08, x + 2.2, y + 0.27, zf + 0.12);
        span(k, conc, x - 2.6, 0, zf, x + 2.6, 1.2, zf + 2.0);
    }
    BaseRng pr;
    WorldXform prev;
    // Shipping containers stacked on the flanks.
    for (int s = -1; s <= 1; s += 2) {
        for (int i = 0; i < 3; i++) {
            int c = jit(e, boxes[base_rng_u32(&e->st->rng) % 3], 0.1);
            double x = s * (11.0 + 3.0 * i), z = -4.0;
            if (at(e, x, 0, z, 0.0, 1.25, 6.1, &pr, &prev)) {
                span(k, c, -1.22, 0, -6.0, 1.22, 2.6, 6.0);
                for (double zz = -5.8; zz < 6.0; zz += 0.4)
                    span(k, c, -1.24, 0.1, zz - 0.04, 1.24, 2.5, zz + 0.04);
                if (i == 1) {
                    int c2 = jit(e, boxes[base_rng_u32(&e->st->rng) % 3], 0.1);
                    span(k, c2, -1.22, 2.6, -6.0, 1.22, 5.2, 6.0);
                }
                k->xf = prev;
            }
        }
    }
    int wood = mat(e, 0.4, 0.3, 0.18);
    for (int i = 0; i < 3; i++) {
        if (at(e, -4.5 + 4.5 * i, 0, -7.5, 0.2 * i, 0.7, 0.7, &pr, &prev)) {
            world_piece_crate(k, wood, 1.1);
            k->xf = prev;
        }
    }
}

static void shack_ext(Ext *e, bool trailer)
{
    WorldKit *k = e->k;
    static const double dirt[3] = { 0.22, 0.17, 0.11 };
    int m = jit(e, dirt, 0.08);
    int board = mat(e, 0.2, 0.14, 0.08);
    int board2 = mat(e, 0.14, 0.1, 0.06);
    int tin = mat(e, 0.3, 0.28, 0.26);
    int dark = mat(e, 0.03, 0.03, 0.03);
    int glass = mat(e, 0.04, 0.05, 0.06);
    int white = mat(e, 0.62, 0.6, 0.54);
    int stripe = jit(e, (const double[3]){ 0.35, 0.15, 0.06 }, 0.2);
    world_kit_flat(k, m, -G_M, -G_M, G_M, G_M, 0.0);
    double zf = -7.0;
    if (!trailer) {
        // A plank hut with a lean-to roof, a door, a window and a porch.
        span(k, board, -3.5, 0, zf - 4, 3.5, 2.6, zf);
        for (double x = -3.4; x < 3.5; x += 0.25)
            span(k, board2, x - 0.02, 0, zf, x + 0.02, 2.6, zf + 0.02);
        world_kit_quad(k, tin, v3(-3.8, 2.5, zf + 1.2), v3(3.8, 2.5, zf + 1.2),
                       v3(3.8, 3.3, zf - 4.3), v3(-3.8, 3.3, zf - 4.3));
        span(k, board, -3.5, 2.6, zf - 4.0, 3.5, 3.2, zf - 3.9);
        span(k, dark, -0.5, 0, zf, 0.5, 2.0, zf + 0.05);
        span(k, glass, 1.4, 1.0, zf, 2.4, 1.8, zf + 0.04);
        span(k, board2, -3.6, 0, zf, 3.6, 0.2, zf + 1.2);
        for (int s = -1; s <= 1; s += 2)
            span(k, board2, s * 3.4 - 0.06, 0.2, zf + 1.05, s * 3.4 + 0.06, 2.5,
                 zf + 1.17);
        world_kit_cyl(k, dark, v3(2.8, 2.5, zf - 2.5), v3(2.8, 4.2, zf - 2.5),
                      0.09, 0.09, 8, true);
        // A woodpile by the wall.
        for (int i = 0; i < 15; i++) {
            double x = -5.6 + 0.22 * (i % 5), y = 0.1 + 0.19 * (i / 5);
            world_kit_cyl(k, board, v3(x, y, zf - 1.5), v3(x, y, zf - 0.3), 0.1,
                          0.1, 7, true);
        }
        scatter(e, PLANT_MIX, 22, 7.0, 13.0, 9.0, 45.0, 6.0);
    } else {
        // A single-wide on blocks: long, with a stripe, windows, a door
        // and steps, an awning.
        span(k, white, -7.5, 0.6, zf - 3.0, 7.5, 3.4, zf);
        span(k, stripe, -7.5, 1.6, zf, 7.5, 1.8, zf + 0.03);
        span(k, tin, -7.6, 3.4, zf - 3.1, 7.6, 3.5, zf + 0.1);
        for (int i = 0; i < 4; i++)
            span(k, glass, -6.0 + 3.6 * i, 1.9, zf, -4.8 + 3.6 * i, 2.7,
                 zf + 0.04);
        span(k, dark, 1.0, 0.6, zf, 1.9, 2.6, zf + 0.04);
        span(k, board, 0.8, 0, zf, 2.1, 0.3, zf + 0.9);
        span(k, board, 0.8, 0.3, zf, 2.1, 0.6, zf + 0.5);
        for (int i = -3; i <= 3; i++)
            span(k, dark, 2.2 * i - 0.15, 0, zf - 2.0, 2.2 * i + 0.15, 0.6,
                 zf - 1.0);
        world_kit_quad(k, stripe, v3(2.5, 2.4, zf + 2.2),
                       v3(7.0, 2.4, zf + 2.2), v3(7.0, 3.0, zf),
                       v3(2.5, 3.0, zf));
        for (int s = 0; s < 2; s++)
            world_kit_cyl(k, tin, v3(2.6 + 4.3 * s, 0, zf + 2.15),
                          v3(2.6 + 4.3 * s, 2.4, zf + 2.15), 0.03, 0.03, 6,
                          true);
        scatter(e, PLANT_BUSH, 8, 0.4, 0.8, 6.0, 25.0, 5.0);
        scatter(e, PLANT_ROCK, 6, 0.3, 0.9, 6.0, 25.0, 5.0);
        scatter(e, PLANT_TREE, 4, 5.0, 8.0, 14.0, 40.0, 2.0);
    }
    BaseRng pr;
    WorldXform prev;
    int chair = jit(e, (const double[3]){ 0.1, 0.25, 0.45 }, 0.2);
    if (at(e, 4.5, 0, -3.5, -0.6, 0.3, 0.3, &pr, &prev)) {
        world_piece_chair(k, tin, chair);
        k->xf = prev;
    }
}

static void mansion_ext(Ext *e)
{
    WorldKit *k = e->k;
    static const double grass[3] = { 0.07, 0.14, 0.045 };
    int lawn = jit(e, grass, 0.06);
    int gravel = mat(e, 0.45, 0.42, 0.36);
    int stone = mat(e, 0.58, 0.55, 0.48);
    int roof = mat(e, 0.12, 0.13, 0.15);
    int glass = mat(e, 0.04, 0.05, 0.06);
    int hedge = mat(e, 0.04, 0.1, 0.035);
    world_kit_flat(k, lawn, -G_M, -G_M, G_M, G_M, 0.0);
    world_kit_flat(k, gravel, -20, -14, 20, 2, 0.002);
    double zf = -16.0;
    span(k, stone, -22, 0, zf - 16, 22, 12, zf);
    world_kit_box(k, roof, v3(0, 13.5, zf - 8), v3(22.5, 1.5, 8.5), 0.0);
    for (int f = 0; f < 3; f++) {
        for (double x = -19; x <= 19; x += 3.8) {
            if (fabs(x) < 4 && f == 0)
                continue;
            span(k, glass, x - 0.6, 1.0 + 3.8 * f, zf, x + 0.6, 3.2 + 3.8 * f,
                 zf + 0.05);
            span(k, stone, x - 0.8, 0.85 + 3.8 * f, zf, x + 0.8, 1.0 + 3.8 * f,
                 zf + 0.15);
        }
    }
    // A portico of columns before the door, under a pediment.
    span(k, stone, -5, 0, zf, 5, 0.6, zf + 4.0);
    for (int i = 0; i < 6; i++) {
        double x = -4.2 + 1.68 * i;
        world_kit_cyl(k, stone, v3(x, 0.6, zf + 3.4), v3(x, 8.0, zf + 3.4),
                      0.35, 0.3, 14, false);
    }
    span(k, stone, -5, 8.0, zf, 5, 8.8, zf + 4.0);
    world_kit_tri(k, stone, v3(-5, 8.8, zf + 4.0), v3(5, 8.8, zf + 4.0),
                  v3(0, 11.0, zf + 4.0));
    span(k, glass, -1.2, 0.6, zf, 1.2, 4.0, zf + 0.06);
    // Hedges and a fountain on the lawn.
    for (int s = -1; s <= 1; s += 2) {
        span(k, hedge, s * 6.0, 0, zf + 1.0, s * 20.0, 1.2, zf + 2.2);
        BaseRng pr;
        WorldXform prev;
        if (at(e, s * 10.0, 0, -4.0, 0.0, 0.6, 0.6, &pr, &prev)) {
            world_kit_ellipsoid(k, hedge, v3(0, 1.2, 0), v3(0.6, 1.2, 0.6), 0.0,
                                6, 10);
            k->xf = prev;
        }
    }
    BaseRng pr;
    WorldXform prev;
    int water = world_kit_mat_as(e->k, WORLD_MAT_WATER, 0.05, 0.15, 0.2);
    if (at(e, 0, 0, -8.0, 0.0, 2.6, 2.6, &pr, &prev)) {
        world_kit_cyl(k, stone, v3(0, 0, 0), v3(0, 0.55, 0), 2.5, 2.5, 24,
                      true);
        world_kit_cyl(k, water, v3(0, 0.55, 0), v3(0, 0.56, 0), 2.3, 2.3, 24,
                      true);
        world_kit_cyl(k, stone, v3(0, 0.55, 0), v3(0, 2.4, 0), 0.25, 0.18, 10,
                      true);
        world_kit_cyl(k, stone, v3(0, 2.4, 0), v3(0, 2.55, 0), 0.8, 0.8, 14,
                      true);
        k->xf = prev;
    }
    scatter(e, PLANT_TREE, 8, 8.0, 13.0, 25.0, 60.0, 4.0);
}

static void generic(Ext *e)
{
    WorldKit *k = e->k;
    static const double tones[][3] = { { 0.24, 0.18, 0.12 },
                                       { 0.22, 0.21, 0.19 },
                                       { 0.12, 0.15, 0.07 } };
    int m = jit(e, tones[base_rng_u32(&e->st->rng) % 3], 0.1);
    world_kit_flat(k, m, -G_M, -G_M, G_M, G_M, 0.0);
    size_t n = 5 + base_rng_u32(&e->st->rng) % 5;
    for (size_t i = 0; i < n; i++) {
        double u = base_rng_uniform(&e->st->rng);
        double x = er(e, -28, 28), z = er(e, -30, -10);
        BaseRng pr;
        WorldXform prev;
        if (u < 0.45) {
            int wm = jit(e,
                         wall_tones[base_rng_u32(&e->st->rng) %
                                    BASE_ARRAY_LEN(wall_tones)],
                         0.1);
            double w = er(e, 5, 12), h = er(e, 3, 14);
            if (at(e, x, 0, z, er(e, -0.2, 0.2), 0.5 * w, 5.0, &pr, &prev)) {
                world_piece_building(k, &pr, wm, w, h, 8.0, true);
                k->xf = prev;
            }
        } else if (u < 0.7) {
            int wm = jit(e, wall_tones[1], 0.1);
            double w = er(e, 4, 12), h = er(e, 1.5, 3.0);
            if (at(e, x, 0, fmax(z, -12), 0.0, 0.5 * w, 0.2, &pr, &prev)) {
                world_kit_box(k, wm, v3(0, 0.5 * h, 0),
                              v3(0.5 * w, 0.5 * h, 0.15), 0.0);
                k->xf = prev;
            }
        } else {
            double r = er(e, 0.5, 1.8);
            if (at(e, x, 0, z, 0.0, r, r, &pr, &prev)) {
                world_piece_rock(k, &pr, r);
                k->xf = prev;
            }
        }
    }
    scatter(e, PLANT_MIX, 6, 5.0, 9.0, 10.0, 40.0, 2.0);
}

void world_set_exterior(WorldStage *st)
{
    Ext e = { st, st->kit };
    const char *loc = st->location;
    bool road_word = has_word(loc, "ROAD") || has_word(loc, "HIGHWAY") ||
                     has_word(loc, "ROUTE") || has_word(loc, "PASS");
    switch (st->kind) {
    case WORLD_SET_PATIO:
        patio(&e);
        break;
    case WORLD_SET_POOL:
        pool(&e);
        break;
    case WORLD_SET_STREET:
        street(&e, -1);
        break;
    case WORLD_SET_BAR:
    case WORLD_SET_OFFICE:
    case WORLD_SET_HOSPITAL:
    case WORLD_SET_STUDIO:
        street(&e, (int)st->kind);
        break;
    case WORLD_SET_ALLEY:
        alley(&e);
        break;
    case WORLD_SET_ROOFTOP:
        rooftop(&e);
        break;
    case WORLD_SET_DESERT:
        desert(&e, false);
        break;
    case WORLD_SET_DESERT_ROAD:
        desert(&e, true);
        break;
    case WORLD_SET_ROAD:
        country_road(&e);
        break;
    case WORLD_SET_MOUNTAIN_ROAD:
        mountain_road(&e, road_word);
        break;
    case WORLD_SET_FOREST:
        forest(&e);
        break;
    case WORLD_SET_BEACH:
        beach(&e);
        break;
    case WORLD_SET_FIELD:
        field(&e);
        break;
    case WORLD_SET_PARK:
        park(&e);
        break;
    case WORLD_SET_HARBOUR:
        harbour(&e);
        break;
    case WORLD_SET_RANCH:
        ranch(&e);
        break;
    case WORLD_SET_LIVING_ROOM:
    case WORLD_SET_KITCHEN:
    case WORLD_SET_BEDROOM:
        suburb(&e, false);
        break;
    case WORLD_SET_GARAGE:
        suburb(&e, true);
        break;
    case WORLD_SET_DINER:
        diner_ext(&e, false);
        break;
    case WORLD_SET_MOTEL:
        diner_ext(&e, true);
        break;
    case WORLD_SET_WAREHOUSE:
        warehouse_ext(&e);
        break;
    case WORLD_SET_SHACK:
        shack_ext(&e, false);
        break;
    case WORLD_SET_TRAILER:
        shack_ext(&e, true);
        break;
    case WORLD_SET_MANSION:
        mansion_ext(&e);
        break;
    default:
        generic(&e);
        break;
    }
}
