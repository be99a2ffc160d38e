/* world/set.c: the set a scene plays on: a ground of the right material
 * and, for an exterior, buildings, walls and rocks behind and beside the
 * action; for an interior, a three-walled room open to the sky with some
 * furniture. The layout depends on the location name alone, so a place
 * looks the same in every shot and every scene that returns to it. */
#include <string.h>

#include "world_internal.h"

// Half the side of the ground square: far beyond any lens's view of it.
#define GROUND_HALF_M 100.0

// True when @p word occurs in @p text, ignoring ASCII case.
static bool has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = text; *p; p++) {
        if (base_strncasecmp(p, word, n) == 0)
            return true;
    }
    return false;
}

static bool has_any(const char *text, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (has_word(text, words[i]))
            return true;
    }
    return false;
}

static void jitter(float out[3], const double rgb[3], BaseRng *rng,
                   double spread)
{
    double g = 1.0 + spread * (2.0 * base_rng_uniform(rng) - 1.0);
    for (int i = 0; i < 3; i++) {
        double t = 1.0 + 0.3 * spread * (2.0 * base_rng_uniform(rng) - 1.0);
        out[i] = (float)base_clamp(rgb[i] * g * t, 0.0, 0.9);
    }
}

// The ground plan the cast occupies, in x and z, and how far set pieces
// keep from it.
typedef struct Keepout {
    double x0, x1, z0, z1;
} Keepout;

#define KEEPOUT_MARGIN_M 0.8

static Keepout keepout_of(const WorldFigure *figures, size_t n)
{
    Keepout k = { -KEEPOUT_MARGIN_M, KEEPOUT_MARGIN_M, -KEEPOUT_MARGIN_M,
                  KEEPOUT_MARGIN_M };
    for (size_t i = 0; i < n; i++) {
        for (int j = 0; j < WORLD_JOINT_COUNT; j++) {
            Vec3 p = figures[i].joints[j];
            k.x0 = fmin(k.x0, p.x - KEEPOUT_MARGIN_M);
            k.x1 = fmax(k.x1, p.x + KEEPOUT_MARGIN_M);
            k.z0 = fmin(k.z0, p.z - KEEPOUT_MARGIN_M);
            k.z1 = fmax(k.z1, p.z + KEEPOUT_MARGIN_M);
        }
    }
    return k;
}

static bool box_clear(const WorldBox *b, const Keepout *k)
{
    double c = fabs(cos(b->yaw_rad)), s = fabs(sin(b->yaw_rad));
    double ex = c * b->half_m.x + s * b->half_m.z;
    double ez = s * b->half_m.x + c * b->half_m.z;
    return b->center.x + ex < k->x0 || b->center.x - ex > k->x1 ||
           b->center.z + ez < k->z0 || b->center.z - ez > k->z1;
}

typedef struct SetOut {
    BaseArena *arena;
    WorldMesh *meshes;
    size_t count;
} SetOut;

static AuStatus add_boxes(SetOut *o, const WorldBox *boxes, size_t n,
                          const float albedo[3])
{
    AU_ASSERT(o->count < WORLD_SET_MESH_MAX);
    WorldMesh *m = &o->meshes[o->count];
    AuStatus st = world_mesh_boxes(o->arena, boxes, n, m);
    if (st != AU_OK)
        return st;
    memcpy(m->material.albedo, albedo, sizeof(m->material.albedo));
    m->object_id = 0;
    o->count++;
    return AU_OK;
}

static AuStatus add_ground(SetOut *o, const float albedo[3])
{
    WorldMesh *m = &o->meshes[o->count];
    AuStatus st = world_mesh_ground(o->arena, GROUND_HALF_M, m);
    if (st != AU_OK)
        return st;
    memcpy(m->material.albedo, albedo, sizeof(m->material.albedo));
    m->object_id = 0;
    o->count++;
    return AU_OK;
}

/* ---- exteriors ------------------------------------------------------ */

static const char *const urban_words[] = { "STREET", "CITY",   "ALLEY",
                                           "ROAD",   "TOWN",   "PARKING",
                                           "SQUARE", "MARKET", "HIGHWAY" };
static const char *const wild_words[] = { "DESERT", "BEACH",  "MOUNTAIN",
                                          "CANYON", "FOREST", "WOODS",
                                          "FIELD",  "CLIFF",  "DUNE" };
static const char *const paved_words[] = { "ROAD",    "STREET", "HIGHWAY",
                                           "PARKING", "ALLEY",  "LOT",
                                           "SQUARE" };
static const char *const sand_words[] = { "DESERT", "BEACH", "DUNE", "SAND" };
static const char *const grass_words[] = { "PARK",   "FIELD", "GARDEN",
                                           "MEADOW", "LAWN",  "FARM",
                                           "FOREST", "WOODS", "YARD" };

// Linear albedo of common ground covers: dry earth, asphalt, grass, sand,
// gravel.
static const double ground_tones[][3] = {
    { 0.24, 0.18, 0.12 }, { 0.075, 0.075, 0.08 }, { 0.09, 0.15, 0.05 },
    { 0.44, 0.37, 0.26 }, { 0.22, 0.21, 0.19 },
};

static const double building_tones[][3] = {
    { 0.30, 0.13, 0.08 }, { 0.36, 0.35, 0.33 }, { 0.55, 0.48, 0.38 },
    { 0.46, 0.40, 0.31 }, { 0.14, 0.14, 0.15 }, { 0.50, 0.36, 0.26 },
};

static const double rock_tones[][3] = {
    { 0.22, 0.19, 0.16 },
    { 0.30, 0.25, 0.19 },
    { 0.17, 0.17, 0.17 },
    { 0.38, 0.28, 0.20 },
};

enum {
    PIECE_BUILDING,
    PIECE_WALL,
    PIECE_ROCK
};

static int pick_piece(BaseRng *rng, bool urban, bool wild)
{
    // Open country outweighs a road through it: a DESERT ROAD has rocks.
    double u = base_rng_uniform(rng);
    double wb = wild ? 0.05 : (urban ? 0.65 : 0.45);
    double ww = wild ? 0.10 : (urban ? 0.30 : 0.25);
    return u < wb ? PIECE_BUILDING : (u < wb + ww ? PIECE_WALL : PIECE_ROCK);
}

// One backdrop piece of @p type around (x, z); every random draw is made
// whether or not the piece is kept, so dropping one never moves another.
static AuStatus exterior_piece(SetOut *o, BaseRng *rng, int type, double x,
                               double z, const Keepout *k)
{
    WorldBox b;
    float albedo[3];
    if (type == PIECE_BUILDING) {
        double w = base_rng_range(rng, 4.0, 12.0);
        double h = base_rng_range(rng, 3.0, 14.0);
        double d = base_rng_range(rng, 4.0, 10.0);
        b.center = v3(x, 0.5 * h, z - 0.5 * d);
        b.half_m = v3(0.5 * w, 0.5 * h, 0.5 * d);
        b.yaw_rad = base_rng_range(rng, -0.25, 0.25);
        jitter(
            albedo,
            building_tones[base_rng_u32(rng) % BASE_ARRAY_LEN(building_tones)],
            rng, 0.12);
    } else if (type == PIECE_WALL) {
        double w = base_rng_range(rng, 4.0, 12.0);
        double h = base_rng_range(rng, 1.5, 3.2);
        b.center = v3(x, 0.5 * h, z);
        b.half_m = v3(0.5 * w, 0.5 * h, 0.15);
        b.yaw_rad = base_rng_range(rng, -0.15, 0.15);
        jitter(
            albedo,
            building_tones[base_rng_u32(rng) % BASE_ARRAY_LEN(building_tones)],
            rng, 0.12);
    } else {
        double w = base_rng_range(rng, 0.8, 3.2);
        double h = base_rng_range(rng, 0.5, 2.4);
        double d = base_rng_range(rng, 0.8, 3.2);
        // Sunk a little so a rock sits in the ground, not on it.
        b.center = v3(x, 0.5 * h - 0.15 * h, z);
        b.half_m = v3(0.5 * w, 0.5 * h, 0.5 * d);
        b.yaw_rad = base_rng_range(rng, 0.0, BASE_PI);
        jitter(albedo,
               rock_tones[base_rng_u32(rng) % BASE_ARRAY_LEN(rock_tones)], rng,
               0.15);
    }
    if (!box_clear(&b, k))
        return AU_OK;
    return add_boxes(o, &b, 1, albedo);
}

static AuStatus build_exterior(SetOut *o, const char *loc, BaseRng *rng,
                               const Keepout *k)
{
    bool urban = has_any(loc, urban_words, BASE_ARRAY_LEN(urban_words));
    bool wild = has_any(loc, wild_words, BASE_ARRAY_LEN(wild_words));
    size_t g = base_rng_u32(rng) % BASE_ARRAY_LEN(ground_tones);
    if (has_any(loc, paved_words, BASE_ARRAY_LEN(paved_words)))
        g = 1;
    else if (has_any(loc, sand_words, BASE_ARRAY_LEN(sand_words)))
        g = 3;
    else if (has_any(loc, grass_words, BASE_ARRAY_LEN(grass_words)))
        g = 2;
    float ground[3];
    jitter(ground, ground_tones[g], rng, 0.1);
    AuStatus st = add_ground(o, ground);
    if (st != AU_OK)
        return st;

    // Behind the action: the row of pieces the establishing shot sees.
    size_t back = 5 + base_rng_u32(rng) % 5;
    for (size_t i = 0; i < back; i++) {
        int type = pick_piece(rng, urban, wild);
        double x = base_rng_range(rng, -28.0, 28.0);
        double z = type == PIECE_BUILDING ? base_rng_range(rng, -30.0, -12.0)
                   : type == PIECE_WALL   ? base_rng_range(rng, -12.0, -6.0)
                                          : base_rng_range(rng, -20.0, -6.0);
        z = fmin(z, k->z0 - 1.0);
        if ((st = exterior_piece(o, rng, type, x, z, k)) != AU_OK)
            return st;
    }
    // Beside it: a few pieces that frame a wide shot on the flanks.
    size_t sides = 2 + base_rng_u32(rng) % 3;
    for (size_t i = 0; i < sides; i++) {
        int type = pick_piece(rng, urban, wild);
        if (type == PIECE_WALL)
            type = PIECE_ROCK;
        double sd = (i % 2 == 0) ? -1.0 : 1.0;
        double x = sd * base_rng_range(rng, 12.0, 22.0);
        double z = base_rng_range(rng, -5.0, 1.0);
        if ((st = exterior_piece(o, rng, type, x, z, k)) != AU_OK)
            return st;
    }
    return AU_OK;
}

/* ---- interiors ------------------------------------------------------ */

// Linear albedo of floors: dark and light wood, pale and dark tile,
// carpet, concrete.
static const double floor_tones[][3] = {
    { 0.26, 0.15, 0.075 }, { 0.45, 0.30, 0.17 }, { 0.55, 0.53, 0.50 },
    { 0.12, 0.12, 0.13 },  { 0.20, 0.09, 0.08 }, { 0.32, 0.31, 0.29 },
};

// Wall paints: off-white, cream, sage, pale blue, ochre, terracotta,
// grey, deep green.
static const double paint_tones[][3] = {
    { 0.70, 0.68, 0.62 }, { 0.72, 0.64, 0.48 }, { 0.38, 0.45, 0.35 },
    { 0.45, 0.52, 0.60 }, { 0.62, 0.47, 0.25 }, { 0.52, 0.28, 0.20 },
    { 0.45, 0.45, 0.45 }, { 0.15, 0.25, 0.18 },
};

static const double wood_tones[][3] = {
    { 0.22, 0.12, 0.06 },
    { 0.38, 0.24, 0.13 },
    { 0.12, 0.07, 0.04 },
};

static const char *const tile_words[] = { "KITCHEN", "BATHROOM", "DINER",
                                          "HOSPITAL", "RESTROOM" };
static const char *const concrete_words[] = { "WAREHOUSE", "GARAGE", "BASEMENT",
                                              "CELL", "FACTORY" };

static AuStatus build_interior(SetOut *o, const char *loc, BaseRng *rng,
                               const Keepout *k)
{
    size_t f = base_rng_u32(rng) % BASE_ARRAY_LEN(floor_tones);
    if (has_any(loc, tile_words, BASE_ARRAY_LEN(tile_words)))
        f = 2;
    else if (has_any(loc, concrete_words, BASE_ARRAY_LEN(concrete_words)))
        f = 5;
    float floor_c[3], paint[3], wood[3];
    jitter(floor_c, floor_tones[f], rng, 0.1);
    jitter(paint, paint_tones[base_rng_u32(rng) % BASE_ARRAY_LEN(paint_tones)],
           rng, 0.08);
    jitter(wood, wood_tones[base_rng_u32(rng) % BASE_ARRAY_LEN(wood_tones)],
           rng, 0.1);
    double wall_h = base_rng_range(rng, 2.7, 3.3);
    AuStatus st = add_ground(o, floor_c);
    if (st != AU_OK)
        return st;

    // The room is 10 m wide and 4 m deep behind the action unless the cast
    // needs more; there is no ceiling and no fourth wall, so sky light and
    // the camera come in from the front.
    const double t = 0.15;
    double half_w = fmax(5.0, fmax(-k->x0, k->x1) + 0.5);
    double back_z = fmin(-4.0, k->z0 - 0.5);
    double front_z = fmax(2.5, k->z1);
    WorldBox walls[3] = {
        { v3(0, 0.5 * wall_h, back_z - 0.5 * t),
          v3(half_w + t, 0.5 * wall_h, 0.5 * t), 0.0 },
        { v3(-half_w - 0.5 * t, 0.5 * wall_h, 0.5 * (back_z + front_z)),
          v3(0.5 * t, 0.5 * wall_h, 0.5 * (front_z - back_z)), 0.0 },
        { v3(half_w + 0.5 * t, 0.5 * wall_h, 0.5 * (back_z + front_z)),
          v3(0.5 * t, 0.5 * wall_h, 0.5 * (front_z - back_z)), 0.0 },
    };
    // One mesh per wall keeps each mesh's bounds tight for the renderer.
    for (int i = 0; i < 3; i++) {
        if ((st = add_boxes(o, &walls[i], 1, paint)) != AU_OK)
            return st;
    }

    // A table off to one side, upstage of the actors.
    double side = base_rng_uniform(rng) < 0.5 ? -1.0 : 1.0;
    double tx = side * base_rng_range(rng, 2.6, 3.6);
    double tz = base_rng_range(rng, -2.6, -1.4);
    double tw = base_rng_range(rng, 0.5, 0.7),
           td = base_rng_range(rng, 0.35, 0.45);
    double th = base_rng_range(rng, 0.72, 0.78);
    WorldBox table[5] = { { v3(tx, th - 0.025, tz), v3(tw, 0.025, td), 0.0 } };
    for (int i = 0; i < 4; i++) {
        double lx = (i & 1) ? tw - 0.05 : -(tw - 0.05);
        double lz = (i & 2) ? td - 0.05 : -(td - 0.05);
        table[1 + i].center = v3(tx + lx, 0.5 * (th - 0.05), tz + lz);
        table[1 + i].half_m = v3(0.03, 0.5 * (th - 0.05), 0.03);
        table[1 + i].yaw_rad = 0.0;
    }
    if (box_clear(&table[0], k)) {
        if ((st = add_boxes(o, table, 5, wood)) != AU_OK)
            return st;
    }
    // A cabinet, sideboard or bookcase against the back wall.
    double cw = base_rng_range(rng, 0.4, 0.9),
           ch = base_rng_range(rng, 0.8, 2.0);
    double cd = base_rng_range(rng, 0.2, 0.25);
    double cx = base_rng_range(rng, -half_w + 1.0, half_w - 1.0);
    WorldBox cab = { v3(cx, 0.5 * ch, back_z + cd + 0.01), v3(cw, 0.5 * ch, cd),
                     0.0 };
    float cab_c[3];
    jitter(cab_c, wood_tones[base_rng_u32(rng) % BASE_ARRAY_LEN(wood_tones)],
           rng, 0.1);
    if (box_clear(&cab, k)) {
        if ((st = add_boxes(o, &cab, 1, cab_c)) != AU_OK)
            return st;
    }
    return AU_OK;
}

AuStatus world_set_build(BaseArena *arena, const DirectScene *scene,
                         const WorldFigure *figures, size_t figure_count,
                         WorldMesh *meshes, size_t *count)
{
    const char *loc = scene->location  ? scene->location
                      : scene->heading ? scene->heading
                                       : "";
    // An interior and an exterior of the same name are different places.
    uint64_t h = base_hash_mix(base_hash_name(loc), scene->interior ? 1 : 0);
    BaseRng rng;
    base_rng_seed(&rng, h, 0x736574u);
    Keepout k = keepout_of(figures, figure_count);
    SetOut o = { arena, meshes, 0 };
    AuStatus st = scene->interior ? build_interior(&o, loc, &rng, &k)
                                  : build_exterior(&o, loc, &rng, &k);
    if (st != AU_OK)
        return st;
    *count = o.count;
    return AU_OK;
}
