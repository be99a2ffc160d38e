/* world/set_int.c: interior sets: a floor, three walls with windows and a
 * door (the camera's side and the ceiling open, so it sees in and daylight
 * falls in), and the furniture of the kind against the walls. */
#include <stdlib.h>
#include <string.h>

#include "world_internal.h"

enum {
    SIDE_BACK,
    SIDE_LEFT,
    SIDE_RIGHT
};

enum {
    HOLE_WINDOW,
    HOLE_DOOR,
    HOLE_GAP,    // an open hatch or pass-through, no frame
    HOLE_SHUTTER // a roll-up door, closed
};

// An opening in a wall: along the wall's run from a0 to a1 (x for the
// back wall, z for the side walls), from y0 to y1.
typedef struct Hole {
    double a0, a1, y0, y1;
    int type;
} Hole;

#define HOLES_MAX 8

typedef struct Room {
    WorldStage *st;
    WorldKit *k;
    double W, B, F, H, t; // half width, back, front, height, wall thickness
    int floor, wall, trim, frame, door;
    Hole holes[3][HOLES_MAX];
    size_t hole_count[3];
    bool curtains;
    int curtain;
    bool blinds;
} Room;

static int mat(Room *r, double cr, double cg, double cb)
{
    return world_kit_mat(r->k, cr, cg, cb);
}

static int tone(Room *r, const double (*tones)[3], size_t n, double spread)
{
    return world_kit_mat_jitter(r->k, &r->st->rng,
                                tones[base_rng_u32(&r->st->rng) % n], spread);
}

static void span(WorldKit *k, int m, double x0, double y0, double z0, double x1,
                 double y1, double z1)
{
    world_kit_box(
        k, m, v3(0.5 * (x0 + x1), 0.5 * (y0 + y1), 0.5 * (z0 + z1)),
        v3(0.5 * fabs(x1 - x0), 0.5 * fabs(y1 - y0), 0.5 * fabs(z1 - z0)), 0.0);
}

static void hole(Room *r, int side, double a, double w, double y0, double y1,
                 int type)
{
    if (r->hole_count[side] >= HOLES_MAX)
        return;
    Hole h = { a - 0.5 * w, a + 0.5 * w, y0, y1, type };
    r->holes[side][r->hole_count[side]++] = h;
}

// The frame of a point on a wall: x along the wall, y up, z into the room;
// @p a is the run coordinate, @p in how far from the inner face.
static WorldXform on_wall(Room *r, int side, double a, double y, double in)
{
    Vec3 p;
    double yaw;
    if (side == SIDE_BACK) {
        p = v3(a, y, r->B + in);
        yaw = 0.0;
    } else if (side == SIDE_LEFT) {
        p = v3(-r->W + in, y, a);
        yaw = 0.5 * BASE_PI;
    } else {
        p = v3(r->W - in, y, a);
        yaw = -0.5 * BASE_PI;
    }
    return world_kit_push(r->k, p, yaw);
}

// A box of the wall from run a0 to a1 and height y0 to y1.
static void wall_box(Room *r, int side, double a0, double a1, double y0,
                     double y1)
{
    if (a1 - a0 < 1e-3 || y1 - y0 < 1e-3)
        return;
    double t = r->t;
    if (side == SIDE_BACK)
        span(r->k, r->wall, a0, y0, r->B - t, a1, y1, r->B);
    else if (side == SIDE_LEFT)
        span(r->k, r->wall, -r->W - t, y0, a0, -r->W, y1, a1);
    else
        span(r->k, r->wall, r->W, y0, a0, r->W + t, y1, a1);
}

static int cmp_hole(const void *a, const void *b)
{
    double x = ((const Hole *)a)->a0, y = ((const Hole *)b)->a0;
    return (x > y) - (x < y);
}

static void build_wall(Room *r, int side)
{
    double lo = side == SIDE_BACK ? -r->W - r->t : r->B - r->t;
    double hi = side == SIDE_BACK ? r->W + r->t : r->F;
    Hole *hs = r->holes[side];
    size_t n = r->hole_count[side];
    qsort(hs, n, sizeof(*hs), cmp_hole);
    double a = lo;
    for (size_t i = 0; i < n; i++) {
        const Hole *h = &hs[i];
        wall_box(r, side, a, h->a0, 0.0, r->H);
        wall_box(r, side, h->a0, h->a1, 0.0, h->y0);
        wall_box(r, side, h->a0, h->a1, h->y1, r->H);
        a = h->a1;
        double w = h->a1 - h->a0, mid = 0.5 * (h->a0 + h->a1);
        WorldXform prev = on_wall(r, side, mid, h->y0, -0.5 * r->t);
        if (h->type == HOLE_WINDOW) {
            world_piece_window(r->k, r->frame, w, h->y1 - h->y0, r->t + 0.04);
        } else if (h->type == HOLE_DOOR) {
            world_piece_door(r->k, r->frame, r->door, w, h->y1 - h->y0);
        } else if (h->type == HOLE_SHUTTER) {
            // A roll-up door: slats across, a little proud of each other.
            int slat = mat(r, 0.45, 0.46, 0.47);
            int dark = mat(r, 0.2, 0.2, 0.21);
            span(r->k, dark, -0.5 * w, 0, -0.03, 0.5 * w, h->y1 - h->y0, 0.0);
            for (double y = 0.0; y < h->y1 - h->y0 - 0.05; y += 0.25)
                span(r->k, slat, -0.5 * w, y, -0.02, 0.5 * w, y + 0.22, 0.01);
        }
        r->k->xf = prev;
        if (h->type != HOLE_WINDOW)
            continue;
        // Curtains or blinds dress a window from inside.
        prev = on_wall(r, side, mid, 0.0, 0.0);
        double top = h->y1 + 0.15;
        if (r->curtains) {
            for (int s = -1; s <= 1; s += 2) {
                double x = s * (0.5 * w + 0.05);
                span(r->k, r->curtain, x - 0.22, fmax(0.05, h->y0 - 0.5), 0.04,
                     x + 0.22, top, 0.12);
            }
            span(r->k, r->trim, -0.5 * w - 0.4, top, 0.06, 0.5 * w + 0.4,
                 top + 0.04, 0.1);
        } else if (r->blinds) {
            int slat = mat(r, 0.62, 0.6, 0.55);
            double yb = h->y0 + 0.55 * (h->y1 - h->y0);
            for (double y = h->y1 - 0.05; y > yb; y -= 0.09)
                span(r->k, slat, -0.5 * w + 0.05, y - 0.012, 0.04,
                     0.5 * w - 0.05, y, 0.09);
        }
        r->k->xf = prev;
    }
    wall_box(r, side, a, hi, 0.0, r->H);
    // A skirting board along the foot of the inner face.
    if (side == SIDE_BACK)
        span(r->k, r->trim, -r->W, 0, r->B, r->W, 0.1, r->B + 0.02);
    else if (side == SIDE_LEFT)
        span(r->k, r->trim, -r->W, 0, r->B, -r->W + 0.02, 0.1, r->F);
    else
        span(r->k, r->trim, r->W - 0.02, 0, r->B, r->W, 0.1, r->F);
}

// Ground outside the room, around the floor, a little lower so the two
// never fight where they meet.
static void outside_ground(Room *r, int m)
{
    const double G = 150.0, y = -0.02;
    double x0 = -r->W - r->t, x1 = r->W + r->t, z0 = r->B - r->t;
    double z1 = r->F + 12.0;
    world_kit_flat(r->k, m, -G, -G, G, z0, y);
    world_kit_flat(r->k, m, -G, z1, G, G, y);
    world_kit_flat(r->k, m, -G, z0, x0, z1, y);
    world_kit_flat(r->k, m, x1, z0, G, z1, y);
}

// The floor inside the room, running on toward the camera past the open
// side, in @p tile squares of two tones (or plain when a == b).
static void room_floor(Room *r, int a, int b, double tile)
{
    double x0 = -r->W - r->t, x1 = r->W + r->t, z0 = r->B - r->t;
    double z1 = r->F + 12.0;
    world_kit_flat(r->k, a, x0, z0, x1, z1, 0.0);
    if (a == b || tile <= 0)
        return;
    // The second tone as raised-by-a-hair squares over the first.
    for (double z = r->B; z < z1 - 1e-6; z += tile) {
        int row = (int)floor((z - r->B) / tile + 0.5);
        for (double x = -r->W; x < r->W - 1e-6; x += tile) {
            int col = (int)floor((x + r->W) / tile + 0.5);
            if ((row + col) % 2 == 0)
                continue;
            world_kit_flat(r->k, b, x, z, fmin(x + tile, r->W),
                           fmin(z + tile, z1), 0.001);
        }
    }
}

// Floorboards: long strips along z in alternating tones.
static void planks(Room *r, int a, int b, double width)
{
    double z1 = r->F + 12.0;
    world_kit_flat(r->k, a, -r->W - r->t, r->B - r->t, r->W + r->t, z1, 0.0);
    int i = 0;
    for (double x = -r->W; x < r->W; x += width, i++) {
        if (i % 2)
            world_kit_flat(r->k, b, x, r->B, fmin(x + width, r->W), z1, 0.001);
    }
}

// Places a piece at (x, z) turned @p yaw when its footprint is clear;
// @p prng gets the piece's own generator either way, so leaving a piece
// out never changes another.
static bool at(Room *r, double x, double z, double yaw, double hx, double hz,
               BaseRng *prng, WorldXform *prev)
{
    uint32_t seed = base_rng_u32(&r->st->rng);
    base_rng_seed(prng, seed, 0x7069u);
    WorldFootprint f = world_footprint(x, z, hx, hz, yaw);
    if (!world_stage_claim(r->st, f, WORLD_CLEAR_R_M))
        return false;
    *prev = world_kit_push(r->k, v3(x, 0, z), yaw);
    return true;
}

// A surface of a piece turned by a multiple of 90 degrees.
static void top(Room *r, const char *name, double x, double z, double yaw,
                double hx, double hz, double y)
{
    bool turned = fabs(sin(yaw)) > 0.5;
    world_stage_surface(r->st, name, v3(x, y, z), turned ? hz : hx,
                        turned ? hx : hz);
}

static double face_to(double x, double z, double tx, double tz)
{
    return atan2(tx - x, tz - z);
}

static const double wood_tones[][3] = { { 0.22, 0.12, 0.06 },
                                        { 0.38, 0.24, 0.13 },
                                        { 0.12, 0.07, 0.04 },
                                        { 0.30, 0.17, 0.08 } };
static const double fabric_tones[][3] = {
    { 0.25, 0.08, 0.06 }, { 0.08, 0.12, 0.22 }, { 0.30, 0.27, 0.2 },
    { 0.1, 0.16, 0.09 },  { 0.4, 0.33, 0.24 },  { 0.12, 0.11, 0.11 }
};
static const double paint_tones[][3] = {
    { 0.70, 0.68, 0.62 }, { 0.72, 0.64, 0.48 }, { 0.38, 0.45, 0.35 },
    { 0.45, 0.52, 0.60 }, { 0.62, 0.47, 0.25 }, { 0.52, 0.28, 0.20 },
    { 0.45, 0.45, 0.45 }, { 0.15, 0.25, 0.18 },
};

// Chairs round a table at (x, z): @p per_side along each long side,
// table long along z when @p along_z.
static void chairs_round(Room *r, double x, double z, double w, double d,
                         bool along_z, int per_side, int frame, int seat)
{
    for (int s = -1; s <= 1; s += 2) {
        for (int i = 0; i < per_side; i++) {
            double off = per_side == 1
                             ? 0.0
                             : ((double)i - 0.5 * (per_side - 1)) *
                                   (along_z ? d : w) / (double)per_side;
            double cx, cz, yaw;
            // Each chair square to the table's side, facing across it.
            if (along_z) {
                cx = x + s * (0.5 * w + 0.32);
                cz = z + off;
                yaw = s > 0 ? -0.5 * BASE_PI : 0.5 * BASE_PI;
            } else {
                cx = x + off;
                cz = z + s * (0.5 * d + 0.32);
                yaw = s > 0 ? BASE_PI : 0.0;
            }
            BaseRng pr;
            WorldXform prev;
            if (at(r, cx, cz, yaw, 0.24, 0.24, &pr, &prev)) {
                world_piece_chair(r->k, frame, seat);
                r->k->xf = prev;
            }
        }
    }
}

static void table_at(Room *r, const char *name, double x, double z, double yaw,
                     double w, double d, double h, int topm, int legs)
{
    BaseRng pr;
    WorldXform prev;
    if (at(r, x, z, yaw, 0.5 * w, 0.5 * d, &pr, &prev)) {
        world_piece_table(r->k, topm, legs, w, d, h);
        r->k->xf = prev;
        top(r, name, x, z, yaw, 0.5 * w, 0.5 * d, h);
    }
}

static void plant_at(Room *r, double x, double z, double h)
{
    BaseRng pr;
    WorldXform prev;
    if (at(r, x, z, 0.0, 0.3, 0.3, &pr, &prev)) {
        world_piece_plant(r->k, &pr, h);
        r->k->xf = prev;
    }
}

static void picture_on(Room *r, int side, double a, double y, double w,
                       double h)
{
    WorldXform prev = on_wall(r, side, a, y, 0.0);
    BaseRng pr;
    base_rng_seed(&pr, base_rng_u32(&r->st->rng), 0x706963u);
    world_piece_picture(r->k, &pr, w, h);
    r->k->xf = prev;
}

// Beyond the walls: trees or buildings that show above them and through
// the windows, so a room is somewhere.
static void outside_view(Room *r, bool urban)
{
    BaseRng pr;
    base_rng_seed(&pr, base_rng_u32(&r->st->rng), 0x6f7574u);
    static const double bt[][3] = { { 0.36, 0.35, 0.33 },
                                    { 0.45, 0.38, 0.3 },
                                    { 0.3, 0.16, 0.1 } };
    for (int i = 0; i < 7; i++) {
        double x = -24.0 + 8.0 * (double)i + base_rng_range(&pr, -2, 2);
        double z = r->B - base_rng_range(&pr, 7.0, 16.0);
        WorldXform prev = world_kit_push(r->k, v3(x, -0.02, z), 0.0);
        if (urban) {
            int wm =
                world_kit_mat_jitter(r->k, &pr, bt[base_rng_u32(&pr) % 3], 0.1);
            world_piece_building(r->k, &pr, wm, base_rng_range(&pr, 6, 10),
                                 base_rng_range(&pr, 7, 22), 8.0, false);
        } else {
            world_piece_tree(r->k, &pr, base_rng_range(&pr, 5.0, 9.0));
        }
        r->k->xf = prev;
    }
}

static void room_init(Room *r, WorldStage *st, double W, double B, double H)
{
    memset(r, 0, sizeof(*r));
    r->st = st;
    r->k = st->kit;
    // The room grows with a large cast: furniture keeps its distance
    // from the walls, the walls from the cast.
    r->W = fmax(W, fmax(-st->figs.x0, st->figs.x1) + 2.6);
    r->B = fmin(B, st->figs.z0 - 2.9);
    r->F = fmax(2.0, st->figs.z1 + 0.5);
    r->H = H;
    r->t = 0.15;
    st->half_w_m = r->W;
    st->back_z_m = r->B;
    st->front_z_m = r->F;
    st->wall_h_m = H;
    r->trim = mat(r, 0.55, 0.52, 0.47);
    r->frame = mat(r, 0.6, 0.58, 0.54);
    r->door = tone(r, wood_tones, BASE_ARRAY_LEN(wood_tones), 0.1);
    r->curtain = tone(r, fabric_tones, BASE_ARRAY_LEN(fabric_tones), 0.1);
}

// Ceiling fixtures hang over the action where a ceiling would be: a
// glowing shade on a drop from above the frame's top. Homes, bars and
// diners get warm pendants, workplaces cool panels.
static void fixtures(Room *r)
{
    WorldStage *st = r->st;
    bool cool = st->kind == WORLD_SET_OFFICE ||
                st->kind == WORLD_SET_HOSPITAL ||
                st->kind == WORLD_SET_WAREHOUSE ||
                st->kind == WORLD_SET_GARAGE || st->kind == WORLD_SET_STUDIO;
    int shade = cool ? world_kit_mat_as(r->k, WORLD_MAT_SCREEN, 0.9, 0.92, 0.95)
                     : world_kit_mat_as(r->k, WORLD_MAT_LAMP, 0.9, 0.8, 0.6);
    int cord = world_kit_mat(r->k, 0.05, 0.05, 0.05);
    // Over the blocking, which is centred on the origin; never placed by
    // the cast's size, so one set is one set for any cast.
    double xs[WORLD_FIXTURES_MAX] = { -1.2, 1.2 };
    // A pendant's shade stays above 2.4 m, clear of the tallest head.
    double y = cool ? r->H - 0.05 : fmax(r->H - 0.3, 2.58);
    for (size_t i = 0; i < WORLD_FIXTURES_MAX; i++) {
        Vec3 c = v3(xs[i], y, -0.8);
        if (cool) {
            span(r->k, shade, c.x - 0.6, c.y - 0.03, c.z - 0.15, c.x + 0.6, c.y,
                 c.z + 0.15);
        } else {
            if (r->H > c.y)
                span(r->k, cord, c.x - 0.01, c.y, c.z - 0.01, c.x + 0.01, r->H,
                     c.z + 0.01);
            span(r->k, shade, c.x - 0.18, c.y - 0.16, c.z - 0.18, c.x + 0.18,
                 c.y, c.z + 0.18);
        }
        st->fixtures[st->fixture_count++] = v3(c.x, c.y - 0.1, c.z);
    }
}

static void room_finish(Room *r, int ground, bool urban)
{
    fixtures(r);
    build_wall(r, SIDE_BACK);
    build_wall(r, SIDE_LEFT);
    build_wall(r, SIDE_RIGHT);
    outside_ground(r, ground);
    outside_view(r, urban);
}

/* ---- the kinds ------------------------------------------------------ */

static void living_room(Room *r)
{
    WorldKit *k = r->k;
    int wood = tone(r, wood_tones, 4, 0.1);
    int fabric = tone(r, fabric_tones, 6, 0.1);
    int cushion = world_kit_mat(k, (double)k->mats[fabric].albedo[0] * 1.15,
                                (double)k->mats[fabric].albedo[1] * 1.15,
                                (double)k->mats[fabric].albedo[2] * 1.15);
    int dark = mat(r, 0.05, 0.035, 0.025);
    r->curtains = true;
    hole(r, SIDE_BACK, 0.0, 2.2, 1.0, 2.3, HOLE_WINDOW);
    hole(r, SIDE_RIGHT, -2.6, 1.6, 0.9, 2.2, HOLE_WINDOW);
    hole(r, SIDE_LEFT, 0.4, 0.95, 0.0, 2.1, HOLE_DOOR);
    planks(r, r->floor,
           mat(r, 0.9 * (double)k->mats[r->floor].albedo[0],
               0.9 * (double)k->mats[r->floor].albedo[1],
               0.9 * (double)k->mats[r->floor].albedo[2]),
           0.16);
    int rug = tone(r, fabric_tones, 6, 0.15);
    WorldXform prev = world_kit_push(k, v3(0, 0.0015, -3.3), 0.0);
    world_piece_rug(k, rug, cushion, 3.6, 2.4);
    k->xf = prev;

    BaseRng pr;
    if (at(r, 0, r->B + 0.5, 0.0, 1.1, 0.46, &pr, &prev)) {
        world_piece_sofa(k, fabric, cushion, dark, 2.2);
        k->xf = prev;
    }
    table_at(r, "table", 0, r->B + 1.65, 0.0, 1.1, 0.55, 0.42, wood, wood);
    for (int s = -1; s <= 1; s += 2) {
        double x = s * 3.5, z = r->B + 2.6;
        double yaw = face_to(x, z, 0, r->B + 1.6);
        if (at(r, x, z, yaw, 0.5, 0.46, &pr, &prev)) {
            world_piece_sofa(k, fabric, cushion, dark, 0.95);
            k->xf = prev;
        }
        // Side tables at the sofa's ends, each with a lamp.
        if (at(r, s * 1.55, r->B + 0.35, 0.0, 0.24, 0.24, &pr, &prev)) {
            world_piece_table(k, wood, wood, 0.45, 0.45, 0.55);
            WorldXform p2 = world_kit_push(k, v3(0, 0.55, 0), 0.0);
            world_piece_lamp(k, dark, mat(r, 0.72, 0.66, 0.52), 0.5);
            k->xf = p2;
            k->xf = prev;
        }
        plant_at(r, s * (r->W - 0.5), r->B + 0.5, 1.1);
    }
    // The television on a low cabinet against the left wall, facing in.
    double tz = -2.4;
    if (at(r, -r->W + 0.25, tz, 0.5 * BASE_PI, 0.8, 0.25, &pr, &prev)) {
        world_piece_cabinet(k, wood, dark, 1.6, 0.5, 0.45, 0);
        WorldXform p2 = world_kit_push(k, v3(0, 0.5, 0), 0.0);
        world_piece_tv(k, 1.1);
        k->xf = p2;
        k->xf = prev;
    }
    if (at(r, r->W - 0.2, 0.6, -0.5 * BASE_PI, 0.5, 0.17, &pr, &prev)) {
        world_piece_shelves(k, &pr, wood, 1.0, 2.0, 0.32, 5, true);
        k->xf = prev;
    }
    picture_on(r, SIDE_BACK, -3.6, 1.7, 1.0, 0.75);
    picture_on(r, SIDE_BACK, 3.6, 1.7, 0.8, 1.0);
}

static void kitchen(Room *r)
{
    WorldKit *k = r->k;
    static const double cab_tones[][3] = { { 0.6, 0.58, 0.52 },
                                           { 0.2, 0.3, 0.35 },
                                           { 0.35, 0.22, 0.12 },
                                           { 0.45, 0.5, 0.4 } };
    int cab = tone(r, cab_tones, 4, 0.06);
    int worktop = mat(r, 0.12, 0.11, 0.1);
    int steel = mat(r, 0.5, 0.5, 0.52);
    int dark = mat(r, 0.03, 0.03, 0.03);
    int wood = tone(r, wood_tones, 4, 0.1);
    int seat = tone(r, fabric_tones, 6, 0.1);
    room_floor(r, r->floor, mat(r, 0.08, 0.08, 0.085), 0.4);
    hole(r, SIDE_BACK, -0.5, 1.4, 1.15, 2.15, HOLE_WINDOW);
    hole(r, SIDE_RIGHT, 0.6, 0.9, 0.0, 2.1, HOLE_DOOR);
    hole(r, SIDE_LEFT, -3.8, 1.3, 1.0, 2.2, HOLE_WINDOW);

    // Base cabinets along the back wall, a sink under the window and a
    // stove; upper cabinets either side of the window; the fridge at the
    // end.
    double x0 = -r->W + 0.4, x1 = r->W - 1.4, d = 0.62, h = 0.92;
    BaseRng pr;
    WorldXform prev;
    if (at(r, 0.5 * (x0 + x1), r->B + 0.5 * d, 0.0, 0.5 * (x1 - x0), 0.5 * d,
           &pr, &prev)) {
        world_piece_counter(k, cab, worktop, x1 - x0, h, d);
        k->xf = prev;
        top(r, "counter", 0.5 * (x0 + x1), r->B + 0.5 * d, 0.0, 0.5 * (x1 - x0),
            0.5 * d, h);
        for (double x = x0 + 0.3; x < x1 - 0.2; x += 0.6)
            span(k, steel, x - 0.08, 0.5, r->B + d, x + 0.08, 0.52,
                 r->B + d + 0.025);
        span(k, dark, -0.9, h - 0.01, r->B + 0.12, -0.1, h + 0.004, r->B + 0.5);
        world_kit_cyl(k, steel, v3(-0.5, h, r->B + 0.08),
                      v3(-0.5, h + 0.3, r->B + 0.08), 0.015, 0.015, 6, true);
        span(k, dark, 1.2, h, r->B + 0.04, 1.95, h + 0.01, r->B + 0.6);
        for (int i = 0; i < 4; i++)
            world_kit_cyl(k, steel,
                          v3(1.38 + 0.38 * (i & 1), h + 0.01,
                             r->B + 0.18 + 0.28 * (i >> 1)),
                          v3(1.38 + 0.38 * (i & 1), h + 0.02,
                             r->B + 0.18 + 0.28 * (i >> 1)),
                          0.09, 0.09, 10, true);
        span(k, steel, 1.15, 1.55, r->B, 2.0, 1.75, r->B + 0.5);
        span(k, steel, 1.45, 1.75, r->B, 1.7, r->H, r->B + 0.25);
        span(k, cab, x0, 1.45, r->B, -1.35, 2.2, r->B + 0.35);
        span(k, cab, 2.1, 1.45, r->B, x1, 2.2, r->B + 0.35);
    }
    if (at(r, r->W - 0.75, r->B + 0.4, 0.0, 0.42, 0.38, &pr, &prev)) {
        int fridge = mat(r, 0.62, 0.62, 0.6);
        span(k, fridge, -0.4, 0, -0.36, 0.4, 1.85, 0.36);
        span(k, dark, -0.4, 1.2, 0.36, 0.4, 1.21, 0.37);
        span(k, steel, -0.34, 0.5, 0.36, -0.31, 1.1, 0.4);
        span(k, steel, -0.34, 1.3, 0.36, -0.31, 1.7, 0.4);
        k->xf = prev;
    }
    // The table, long along z, by the left wall, with chairs.
    double tx = -r->W + 1.55, tz = -1.4;
    table_at(r, "table", tx, tz, 0.5 * BASE_PI, 1.4, 0.85, 0.76, wood, wood);
    chairs_round(r, tx, tz, 0.85, 1.4, true, 2, wood, seat);
    picture_on(r, SIDE_LEFT, 0.6, 1.6, 0.5, 0.6);
    // A clock over the door side.
    WorldXform p2 = on_wall(r, SIDE_BACK, r->W - 2.4, 2.0, 0.0);
    int face = mat(r, 0.75, 0.73, 0.68);
    world_kit_cyl(k, dark, v3(0, 0, 0), v3(0, 0, 0.04), 0.17, 0.17, 16, true);
    world_kit_cyl(k, face, v3(0, 0, 0.04), v3(0, 0, 0.045), 0.15, 0.15, 16,
                  true);
    k->xf = p2;
    plant_at(r, r->W - 0.5, 1.3, 0.9);
}

static void bedroom(Room *r)
{
    WorldKit *k = r->k;
    int wood = tone(r, wood_tones, 4, 0.1);
    int sheet = mat(r, 0.7, 0.69, 0.65);
    int blanket = tone(r, fabric_tones, 6, 0.15);
    int shade = mat(r, 0.7, 0.62, 0.48);
    int dark = mat(r, 0.04, 0.03, 0.02);
    r->curtains = true;
    planks(r, r->floor,
           mat(r, 0.9 * (double)k->mats[r->floor].albedo[0],
               0.88 * (double)k->mats[r->floor].albedo[1],
               0.85 * (double)k->mats[r->floor].albedo[2]),
           0.14);
    hole(r, SIDE_LEFT, -3.6, 1.4, 0.9, 2.2, HOLE_WINDOW);
    hole(r, SIDE_RIGHT, 0.5, 0.9, 0.0, 2.1, HOLE_DOOR);
    hole(r, SIDE_BACK, 3.4, 1.0, 1.0, 2.1, HOLE_WINDOW);
    BaseRng pr;
    WorldXform prev;
    if (at(r, 0, r->B + 1.06, 0.0, 0.85, 1.06, &pr, &prev)) {
        world_piece_bed(k, wood, sheet, blanket, 1.6);
        k->xf = prev;
    }
    for (int s = -1; s <= 1; s += 2) {
        double x = s * 1.2;
        if (at(r, x, r->B + 0.25, 0.0, 0.25, 0.22, &pr, &prev)) {
            world_piece_cabinet(k, wood, dark, 0.48, 0.55, 0.42, 2);
            WorldXform p2 = world_kit_push(k, v3(0, 0.55, 0), 0.0);
            world_piece_lamp(k, dark, shade, 0.45);
            k->xf = p2;
            k->xf = prev;
            top(r, "nightstand", x, r->B + 0.25, 0.0, 0.22, 0.2, 0.55);
        }
    }
    picture_on(r, SIDE_BACK, 0, 1.75, 1.2, 0.7);
    if (at(r, r->W - 0.32, -2.6, -0.5 * BASE_PI, 0.62, 0.32, &pr, &prev)) {
        world_piece_cabinet(k, wood, dark, 1.2, 2.1, 0.6, 0);
        k->xf = prev;
    }
    if (at(r, -r->W + 0.25, -1.5, 0.5 * BASE_PI, 0.62, 0.25, &pr, &prev)) {
        world_piece_cabinet(k, wood, dark, 1.2, 0.85, 0.45, 3);
        int glass = world_kit_mat_as(r->k, WORLD_MAT_CHROME, 0.9, 0.9, 0.9);
        span(k, wood, -0.42, 0.85, -0.2, 0.42, 1.75, -0.17);
        span(k, glass, -0.37, 0.9, -0.17, 0.37, 1.7, -0.16);
        k->xf = prev;
        top(r, "dresser", -r->W + 0.25, -1.5, 0.5 * BASE_PI, 0.6, 0.22, 0.85);
    }
    int rug = tone(r, fabric_tones, 6, 0.15);
    prev = world_kit_push(k, v3(0, 0.0015, -2.2), 0.0);
    world_piece_rug(k, rug, rug, 2.4, 1.6);
    k->xf = prev;
    plant_at(r, r->W - 0.45, r->B + 0.45, 1.2);
}

static void office(Room *r)
{
    WorldKit *k = r->k;
    static const double desk_tones[][3] = { { 0.3, 0.18, 0.09 },
                                            { 0.5, 0.45, 0.38 },
                                            { 0.1, 0.1, 0.1 } };
    int desk = tone(r, desk_tones, 3, 0.06);
    int metal = mat(r, 0.35, 0.36, 0.38);
    int black = mat(r, 0.025, 0.025, 0.03);
    int seat = mat(r, 0.04, 0.04, 0.05);
    int screen = mat(r, 0.03, 0.05, 0.08);
    r->blinds = true;
    world_kit_flat(k, r->floor, -r->W - r->t, r->B - r->t, r->W + r->t,
                   r->F + 12.0, 0.0);
    for (int i = -1; i <= 1; i++)
        hole(r, SIDE_BACK, 3.4 * i, 1.6, 0.9, 2.4, HOLE_WINDOW);
    hole(r, SIDE_LEFT, 0.6, 0.95, 0.0, 2.1, HOLE_DOOR);

    BaseRng pr;
    WorldXform prev;
    double dz = r->B + 1.35;
    // The main desk faces the room, its chair behind it and two for
    // visitors in front.
    if (at(r, 0, dz, 0.0, 0.82, 0.42, &pr, &prev)) {
        world_piece_table(k, desk, desk, 1.6, 0.8, 0.75);
        span(k, desk, -0.78, 0.1, 0.28, 0.78, 0.72, 0.32);
        world_piece_cabinet(k, desk, metal, 0.42, 0.7, 0.7, 3);
        k->xf = prev;
        top(r, "desk", 0, dz, 0.0, 0.8, 0.4, 0.75);
        prev = world_kit_push(k, v3(-0.45, 0.75, dz - 0.15), 0.0);
        span(k, black, -0.09, 0, -0.07, 0.09, 0.015, 0.07);
        span(k, black, -0.015, 0.0, -0.02, 0.015, 0.15, 0.01);
        span(k, black, -0.28, 0.12, -0.02, 0.28, 0.46, 0.0);
        span(k, screen, -0.26, 0.14, 0.0, 0.26, 0.44, 0.004);
        k->xf = prev;
    }
    if (at(r, 0, dz - 0.75, 0.0, 0.26, 0.26, &pr, &prev)) {
        world_piece_chair(k, metal, seat);
        k->xf = prev;
    }
    for (int s = -1; s <= 1; s += 2) {
        if (at(r, s * 0.55, dz + 0.95, BASE_PI, 0.25, 0.25, &pr, &prev)) {
            world_piece_chair(k, metal, seat);
            k->xf = prev;
        }
    }
    // Filing cabinets and shelves on the left wall; a second desk on the
    // right.
    for (int i = 0; i < 3; i++) {
        double z = r->B + 0.5 + 0.55 * i;
        if (at(r, -r->W + 0.35, z, 0.5 * BASE_PI, 0.25, 0.33, &pr, &prev)) {
            world_piece_cabinet(k, metal, black, 0.48, 1.32, 0.62, 4);
            k->xf = prev;
        }
    }
    if (at(r, -r->W + 0.2, -1.0, 0.5 * BASE_PI, 0.6, 0.17, &pr, &prev)) {
        world_piece_shelves(k, &pr, desk, 1.2, 2.1, 0.32, 5, true);
        k->xf = prev;
    }
    double sx = r->W - 0.45, sz = -2.0;
    table_at(r, "desk", sx, sz, -0.5 * BASE_PI, 1.4, 0.7, 0.75, desk, metal);
    if (at(r, sx - 0.8, sz, 0.5 * BASE_PI, 0.25, 0.25, &pr, &prev)) {
        world_piece_chair(k, metal, seat);
        k->xf = prev;
    }
    plant_at(r, r->W - 0.5, r->B + 0.5, 1.4);
    plant_at(r, -r->W + 0.5, 1.2, 1.0);
    // A whiteboard on the right wall.
    WorldXform p2 = on_wall(r, SIDE_RIGHT, 0.5, 1.5, 0.0);
    span(k, metal, -0.9, -0.6, 0, 0.9, 0.6, 0.03);
    span(k, world_kit_mat(k, 0.78, 0.78, 0.76), -0.86, -0.56, 0.03, 0.86, 0.56,
         0.035);
    k->xf = p2;
}

static void stools_along(Room *r, double x0, double x1, double z, double h,
                         int seat, int metal)
{
    for (double x = x0; x <= x1 + 1e-6; x += 0.75) {
        BaseRng pr;
        WorldXform prev;
        if (at(r, x, z, 0.0, 0.2, 0.2, &pr, &prev)) {
            world_piece_stool(r->k, seat, metal, h);
            r->k->xf = prev;
        }
    }
}

static void bar(Room *r)
{
    WorldKit *k = r->k;
    int wood = tone(r, wood_tones, 4, 0.08);
    int top_m = mat(r, 0.09, 0.045, 0.02);
    int brass = mat(r, 0.55, 0.4, 0.15);
    int seat = mat(r, 0.12, 0.03, 0.02);
    int green = mat(r, 0.03, 0.16, 0.06);
    int neon = world_kit_mat_as(r->k, WORLD_MAT_NEON, 0.9, 0.12, 0.18);
    r->floor = mat(r, 0.13, 0.075, 0.04);
    planks(r, r->floor, mat(r, 0.105, 0.06, 0.032), 0.14);
    hole(r, SIDE_RIGHT, 0.8, 1.0, 0.0, 2.2, HOLE_DOOR);
    hole(r, SIDE_RIGHT, -2.4, 1.6, 1.1, 2.2, HOLE_WINDOW);
    hole(r, SIDE_LEFT, -1.0, 1.6, 1.1, 2.2, HOLE_WINDOW);
    r->curtains = true;

    double x0 = -r->W + 1.4, x1 = r->W - 2.4, cz = r->B + 1.7;
    BaseRng pr;
    WorldXform prev;
    if (at(r, 0.5 * (x0 + x1), cz, 0.0, 0.5 * (x1 - x0) + 0.05, 0.36, &pr,
           &prev)) {
        world_piece_counter(k, wood, top_m, x1 - x0, 1.08, 0.65);
        world_kit_cyl(k, brass, v3(0.5 * (x0 - x1), 0.2, 0.45),
                      v3(0.5 * (x1 - x0), 0.2, 0.45), 0.025, 0.025, 8, true);
        k->xf = prev;
        top(r, "bar", 0.5 * (x0 + x1), cz, 0.0, 0.5 * (x1 - x0), 0.32, 1.08);
    }
    stools_along(r, x0 + 0.3, x1 - 0.3, cz + 0.75, 0.76, seat, brass);
    // Back bar: shelves of bottles against the wall, a mirror between.
    double bw = 0.5 * (x1 - x0) - 0.2;
    for (int s = -1; s <= 1; s += 2) {
        double x = 0.5 * (x0 + x1) + s * (0.5 * bw + 0.1);
        if (at(r, x, r->B + 0.18, 0.0, 0.5 * bw, 0.17, &pr, &prev)) {
            world_piece_shelves(k, &pr, wood, bw, 2.2, 0.32, 4, false);
            k->xf = prev;
        }
    }
    // A neon sign over the back bar.
    prev = world_kit_push(k, v3(0.5 * (x0 + x1), 2.55, r->B + 0.05), 0.0);
    span(k, neon, -0.8, 0, 0, 0.8, 0.05, 0.04);
    span(k, neon, -0.8, 0.3, 0, 0.8, 0.35, 0.04);
    span(k, neon, -0.8, 0, 0, -0.75, 0.35, 0.04);
    span(k, neon, 0.75, 0, 0, 0.8, 0.35, 0.04);
    k->xf = prev;
    // Tables along the right, a pool table on the left.
    for (int i = 0; i < 2; i++) {
        double tx = r->W - 1.3, tz = -3.2 + 2.6 * i;
        BaseRng p2;
        WorldXform pv;
        if (at(r, tx, tz, 0.0, 0.4, 0.4, &p2, &pv)) {
            world_piece_round_table(k, top_m, brass, 0.38, 0.74);
            k->xf = pv;
            top(r, "table", tx, tz, 0.0, 0.26, 0.26, 0.74);
        }
        chairs_round(r, tx, tz, 0.8, 0.8, true, 1, wood, wood);
    }
    if (at(r, -r->W + 1.6, -0.8, 0.5 * BASE_PI, 1.3, 0.72, &pr, &prev)) {
        span(k, wood, -1.3, 0.62, -0.72, 1.3, 0.8, 0.72);
        span(k, green, -1.18, 0.8, -0.6, 1.18, 0.81, 0.6);
        for (int i = 0; i < 4; i++) {
            double lx = (i & 1) ? 1.1 : -1.1, lz = (i & 2) ? 0.52 : -0.52;
            span(k, wood, lx - 0.07, 0, lz - 0.07, lx + 0.07, 0.62, lz + 0.07);
        }
        k->xf = prev;
    }
    // A dartboard on the right wall.
    WorldXform p3 = on_wall(r, SIDE_RIGHT, -0.6, 1.75, 0.0);
    world_kit_cyl(k, mat(r, 0.05, 0.05, 0.04), v3(0, 0, 0), v3(0, 0, 0.04),
                  0.23, 0.23, 18, true);
    world_kit_cyl(k, neon, v3(0, 0, 0.04), v3(0, 0, 0.045), 0.05, 0.05, 10,
                  true);
    k->xf = p3;
    picture_on(r, SIDE_LEFT, -3.4, 1.8, 0.9, 0.6);
}

static void diner(Room *r)
{
    WorldKit *k = r->k;
    static const double pastel[][3] = { { 0.45, 0.62, 0.55 },
                                        { 0.7, 0.62, 0.45 },
                                        { 0.62, 0.4, 0.4 } };
    int band = mat(r, 0.55, 0.06, 0.05);
    int chrome = mat(r, 0.55, 0.56, 0.58);
    int counter = tone(r, pastel, 3, 0.05);
    int top_m = mat(r, 0.68, 0.68, 0.64);
    int seat = mat(r, 0.5, 0.05, 0.04);
    int table_top = mat(r, 0.62, 0.6, 0.55);
    int dark = mat(r, 0.03, 0.03, 0.03);
    room_floor(r, mat(r, 0.7, 0.7, 0.68), mat(r, 0.03, 0.03, 0.03), 0.5);
    // A stripe round the walls at dado height.
    span(k, band, -r->W, 1.0, r->B, r->W, 1.1, r->B + 0.02);
    span(k, band, -r->W, 1.0, r->B, -r->W + 0.02, 1.1, r->F);
    span(k, band, r->W - 0.02, 1.0, r->B, r->W, 1.1, r->F);
    hole(r, SIDE_BACK, 0.0, 2.0, 1.3, 2.1, HOLE_GAP);
    static const double booth_z[3] = { -4.3, -1.8, 0.7 };
    for (int i = 0; i < 3; i++)
        hole(r, SIDE_LEFT, booth_z[i], 1.8, 1.15, 2.4, HOLE_WINDOW);
    hole(r, SIDE_RIGHT, 0.8, 1.1, 0.0, 2.2, HOLE_DOOR);
    hole(r, SIDE_RIGHT, -2.6, 2.2, 1.15, 2.4, HOLE_WINDOW);

    double x0 = -r->W + 2.2, x1 = r->W - 2.6, cz = r->B + 2.0;
    BaseRng pr;
    WorldXform prev;
    if (at(r, 0.5 * (x0 + x1), cz, 0.0, 0.5 * (x1 - x0) + 0.05, 0.35, &pr,
           &prev)) {
        world_piece_counter(k, counter, top_m, x1 - x0, 1.05, 0.6);
        span(k, chrome, 0.5 * (x0 - x1), 0.9, 0.3, 0.5 * (x1 - x0), 0.95, 0.31);
        k->xf = prev;
        top(r, "counter", 0.5 * (x0 + x1), cz, 0.0, 0.5 * (x1 - x0), 0.3, 1.05);
    }
    stools_along(r, x0 + 0.3, x1 - 0.3, cz + 0.7, 0.76, seat, chrome);
    // The back counter: coffee machines and a pie case under a menu.
    if (at(r, 0, r->B + 0.32, 0.0, r->W - 1.0, 0.32, &pr, &prev)) {
        world_piece_counter(k, chrome, top_m, 2.0 * r->W - 2.0, 0.9, 0.6);
        for (int i = 0; i < 3; i++) {
            double x = -r->W + 2.0 + 0.55 * i;
            span(k, dark, x - 0.18, 0.9, -0.2, x + 0.18, 1.45, 0.15);
            world_kit_cyl(k, chrome, v3(x, 0.92, 0.1), v3(x, 1.12, 0.1), 0.07,
                          0.07, 8, true);
        }
        span(k, mat(r, 0.6, 0.62, 0.6), 1.6, 0.9, -0.2, 2.6, 1.4, 0.2);
        k->xf = prev;
    }
    prev = world_kit_push(k, v3(-3.6, 2.2, r->B + 0.02), 0.0);
    span(k, dark, -1.0, 0, 0, 1.0, 0.6, 0.03);
    for (int i = 0; i < 4; i++)
        span(k, top_m, -0.85, 0.1 + 0.12 * i, 0.03, 0.3, 0.13 + 0.12 * i,
             0.035);
    k->xf = prev;
    // Booths under the windows: a table between two high-backed benches.
    for (int i = 0; i < 3; i++) {
        double z = booth_z[i], x = -r->W + 0.7;
        if (!at(r, x, z, 0.0, 0.7, 1.05, &pr, &prev))
            continue;
        world_kit_box(k, table_top, v3(-0.05, 0.74, 0), v3(0.55, 0.02, 0.36),
                      0.0);
        world_kit_cyl(k, chrome, v3(-0.05, 0, 0), v3(-0.05, 0.72, 0), 0.04,
                      0.04, 8, true);
        for (int s = -1; s <= 1; s += 2) {
            double bz = s * 0.75;
            span(k, seat, -0.7, 0.0, bz - 0.25, 0.65, 0.45, bz + 0.25);
            double back = bz + s * 0.2;
            span(k, seat, -0.7, 0.45, back - 0.08, 0.65, 1.15, back + 0.08);
        }
        k->xf = prev;
        top(r, "table", x - 0.05, z, 0.0, 0.55, 0.36, 0.76);
    }
    // A jukebox by the right wall.
    if (at(r, r->W - 0.4, r->B + 1.0, -0.5 * BASE_PI, 0.45, 0.35, &pr, &prev)) {
        span(k, band, -0.45, 0, -0.3, 0.45, 1.2, 0.3);
        world_kit_cyl(k, chrome, v3(0, 1.2, -0.3), v3(0, 1.2, 0.3), 0.45, 0.45,
                      16, true);
        span(k, mat(r, 0.8, 0.65, 0.2), -0.3, 0.5, 0.3, 0.3, 1.1, 0.32);
        k->xf = prev;
    }
    double tx = r->W - 1.5, tz = -2.8;
    table_at(r, "table", tx, tz, 0.0, 0.8, 0.8, 0.76, table_top, chrome);
    chairs_round(r, tx, tz, 0.8, 0.8, true, 1, chrome, seat);
}

static void warehouse(Room *r)
{
    WorldKit *k = r->k;
    int orange = mat(r, 0.6, 0.2, 0.03);
    int blue = mat(r, 0.05, 0.1, 0.3);
    int card = mat(r, 0.45, 0.3, 0.16);
    int wood = mat(r, 0.4, 0.3, 0.18);
    int steel = mat(r, 0.3, 0.31, 0.33);
    int yellow = mat(r, 0.7, 0.5, 0.02);
    int dark = mat(r, 0.03, 0.03, 0.03);
    world_kit_flat(k, r->floor, -r->W - r->t, r->B - r->t, r->W + r->t,
                   r->F + 12.0, 0.0);
    // Painted lanes on the concrete.
    world_kit_flat(k, yellow, -4.2, r->B + 1.5, -4.05, r->F, 0.002);
    world_kit_flat(k, yellow, 4.05, r->B + 1.5, 4.2, r->F, 0.002);
    for (int i = -3; i <= 3; i++) {
        if (i == 0)
            continue;
        hole(r, SIDE_BACK, 3.2 * i, 2.0, 5.0, 6.4, HOLE_WINDOW);
    }
    hole(r, SIDE_BACK, 0.0, 4.0, 0.0, 4.5, HOLE_SHUTTER);
    hole(r, SIDE_LEFT, -4.0, 3.0, 5.0, 6.4, HOLE_WINDOW);
    hole(r, SIDE_RIGHT, -4.0, 3.0, 5.0, 6.4, HOLE_WINDOW);
    hole(r, SIDE_RIGHT, 2.0, 1.0, 0.0, 2.2, HOLE_DOOR);
    // Ribs of the cladding on the inner faces.
    for (double x = -r->W + 0.3; x < r->W; x += 0.6) {
        if (fabs(x) < 2.2)
            continue;
        span(k, steel, x - 0.03, 0.0, r->B, x + 0.03, r->H, r->B + 0.04);
    }
    BaseRng pr;
    WorldXform prev;
    // Pallet racking against the back wall either side of the door.
    for (int s = -1; s <= 1; s += 2) {
        double cx = s * (0.5 * (2.6 + r->W - 0.6) + 0.0);
        double w = r->W - 0.6 - 2.6;
        if (!at(r, cx, r->B + 0.6, 0.0, 0.5 * w, 0.6, &pr, &prev))
            continue;
        for (double x = -0.5 * w; x <= 0.5 * w + 1e-6; x += w / 3.0) {
            span(k, blue, x - 0.05, 0, -0.55, x + 0.05, 5.0, -0.45);
            span(k, blue, x - 0.05, 0, 0.45, x + 0.05, 5.0, 0.55);
        }
        for (int lvl = 0; lvl < 3; lvl++) {
            double y = 0.15 + 1.6 * lvl;
            span(k, orange, -0.5 * w, y, 0.45, 0.5 * w, y + 0.12, 0.55);
            span(k, orange, -0.5 * w, y, -0.55, 0.5 * w, y + 0.12, -0.45);
            for (double x = -0.5 * w + 0.7; x < 0.5 * w - 0.5; x += 1.3) {
                if (base_rng_uniform(&pr) < 0.2)
                    continue;
                double bh = base_rng_range(&pr, 0.6, 1.2);
                span(k, wood, x - 0.55, y + 0.12, -0.5, x + 0.55, y + 0.25,
                     0.5);
                span(k, card, x - 0.5, y + 0.25, -0.45, x + 0.5, y + 0.25 + bh,
                     0.45);
            }
        }
        k->xf = prev;
    }
    // Stacks of crates and a ring of barrels on the floor.
    static const double stacks[][2] = { { -7.0, -5.0 },
                                        { 6.5, -5.5 },
                                        { -8.5, 1.5 } };
    for (size_t i = 0; i < BASE_ARRAY_LEN(stacks); i++) {
        if (!at(r, stacks[i][0], stacks[i][1], 0.0, 1.3, 1.3, &pr, &prev))
            continue;
        for (int j = 0; j < 4; j++) {
            WorldXform p2 = world_kit_push(
                k, v3(j & 1 ? 0.62 : -0.62, 0, j & 2 ? 0.62 : -0.62),
                base_rng_range(&pr, -0.1, 0.1));
            world_piece_crate(k, wood, 1.15);
            if (base_rng_uniform(&pr) < 0.6) {
                WorldXform p3 = world_kit_push(k, v3(0, 1.15, 0),
                                               base_rng_range(&pr, -0.2, 0.2));
                world_piece_crate(k, wood, 1.0);
                k->xf = p3;
            }
            k->xf = p2;
        }
        k->xf = prev;
    }
    if (at(r, 8.0, 2.0, 0.0, 1.0, 1.0, &pr, &prev)) {
        for (int j = 0; j < 4; j++) {
            WorldXform p2 = world_kit_push(
                k, v3(j & 1 ? 0.33 : -0.33, 0, j & 2 ? 0.33 : -0.33), 0.0);
            world_piece_barrel(k, blue, steel);
            k->xf = p2;
        }
        k->xf = prev;
    }
    // A forklift, parked.
    if (at(r, 6.0, -1.0, -0.4, 0.7, 1.4, &pr, &prev)) {
        span(k, yellow, -0.55, 0.25, -1.0, 0.55, 1.1, 0.6);
        span(k, dark, -0.5, 1.1, -0.6, 0.5, 2.1, 0.3);
        span(k, yellow, -0.55, 2.1, -0.7, 0.55, 2.16, 0.35);
        span(k, steel, -0.4, 0.0, 0.65, 0.4, 2.6, 0.75);
        span(k, steel, -0.35, 0.05, 0.75, -0.25, 0.1, 1.8);
        span(k, steel, 0.25, 0.05, 0.75, 0.35, 0.1, 1.8);
        for (int i = 0; i < 4; i++) {
            double x = (i & 1) ? 0.5 : -0.5, z = (i & 2) ? 0.3 : -0.8;
            world_kit_cyl(k, dark, v3(x - 0.1 * (x > 0 ? -1 : 1), 0.3, z),
                          v3(x + 0.1 * (x > 0 ? 1 : -1), 0.3, z), 0.3, 0.3, 12,
                          true);
        }
        k->xf = prev;
    }
    table_at(r, "workbench", -r->W + 0.5, -1.5, 0.5 * BASE_PI, 2.2, 0.8, 0.9,
             wood, steel);
    // Steel columns hold up the roof.
    for (int s = -1; s <= 1; s += 2) {
        for (int i = 0; i < 2; i++) {
            double x = s * 5.0, z = -8.0 + 7.0 * i;
            span(k, steel, x - 0.15, 0, z - 0.15, x + 0.15, r->H, z + 0.15);
        }
    }
}

static void light_stand(Room *r, double x, double z, double h, int metal,
                        int soft)
{
    BaseRng pr;
    WorldXform prev;
    double yaw = face_to(x, z, r->st->center.x, r->st->center.z);
    if (!at(r, x, z, yaw, 0.5, 0.5, &pr, &prev))
        return;
    for (int i = 0; i < 3; i++) {
        double a = 2.0 * BASE_PI * i / 3.0;
        world_kit_cyl(r->k, metal, v3(0.45 * cos(a), 0, 0.45 * sin(a)),
                      v3(0, 0.6, 0), 0.012, 0.012, 5, true);
    }
    world_kit_cyl(r->k, metal, v3(0, 0.5, 0), v3(0, h, 0), 0.02, 0.015, 6,
                  true);
    span(r->k, metal, -0.45, h - 0.3, -0.35, 0.45, h + 0.3, -0.05);
    span(r->k, soft, -0.42, h - 0.27, -0.05, 0.42, h + 0.27, -0.04);
    r->k->xf = prev;
}

static void studio(Room *r)
{
    WorldKit *k = r->k;
    int white = mat(r, 0.75, 0.75, 0.73);
    int metal = mat(r, 0.05, 0.05, 0.055);
    int soft = mat(r, 0.85, 0.85, 0.82);
    int canvas = mat(r, 0.3, 0.25, 0.15);
    int wood = tone(r, wood_tones, 4, 0.1);
    world_kit_flat(k, r->floor, -r->W - r->t, r->B - r->t, r->W + r->t,
                   r->F + 12.0, 0.0);
    hole(r, SIDE_LEFT, -3.5, 3.0, 1.2, 4.2, HOLE_WINDOW);
    hole(r, SIDE_LEFT, 0.0, 3.0, 1.2, 4.2, HOLE_WINDOW);
    hole(r, SIDE_RIGHT, 0.8, 1.2, 0.0, 2.4, HOLE_DOOR);
    // A paper sweep: the backdrop falls from a bar and curves onto the
    // floor, so the background has no horizon.
    double x0 = -3.5, x1 = 3.5, zb = r->B + 0.35;
    WorldFootprint f = { x0, zb, x1, zb + 1.0 };
    if (world_stage_claim(r->st, f, WORLD_CLEAR_R_M)) {
        const int steps = 6;
        double prev_y = 3.6, prev_z = zb;
        for (int i = 0; i <= steps; i++) {
            double a = 0.5 * BASE_PI * (double)i / (double)steps;
            double y = 0.8 - 0.8 * sin(a) + 0.002, z = zb + 0.8 - 0.8 * cos(a);
            world_kit_quad(k, white, v3(x0, y, z), v3(x1, y, z),
                           v3(x1, prev_y, prev_z), v3(x0, prev_y, prev_z));
            prev_y = y;
            prev_z = z;
        }
        world_kit_quad(k, white, v3(x0, 0.002, zb + 2.2),
                       v3(x1, 0.002, zb + 2.2), v3(x1, 0.002, prev_z),
                       v3(x0, 0.002, prev_z));
        world_kit_cyl(k, metal, v3(x0 - 0.2, 3.65, zb), v3(x1 + 0.2, 3.65, zb),
                      0.05, 0.05, 8, true);
        for (int s = -1; s <= 1; s += 2)
            world_kit_cyl(k, metal, v3(s * 3.7, 0, zb), v3(s * 3.7, 3.7, zb),
                          0.025, 0.025, 6, true);
    }
    light_stand(r, -3.4, -1.6, 2.1, metal, soft);
    light_stand(r, 3.4, -1.0, 1.9, metal, soft);
    light_stand(r, 2.8, r->B + 2.0, 2.6, metal, soft);
    // An easel with a canvas, cases and a table of gear.
    BaseRng pr;
    WorldXform prev;
    if (at(r, -r->W + 1.5, 1.0, 0.9, 0.45, 0.45, &pr, &prev)) {
        world_kit_cyl(k, wood, v3(-0.35, 0, 0.25), v3(0, 1.8, 0), 0.02, 0.02, 5,
                      true);
        world_kit_cyl(k, wood, v3(0.35, 0, 0.25), v3(0, 1.8, 0), 0.02, 0.02, 5,
                      true);
        world_kit_cyl(k, wood, v3(0, 0, -0.4), v3(0, 1.8, 0), 0.02, 0.02, 5,
                      true);
        span(k, wood, -0.4, 0.75, 0.15, 0.4, 0.8, 0.25);
        span(k, canvas, -0.35, 0.8, 0.12, 0.35, 1.6, 0.15);
        k->xf = prev;
    }
    for (int i = 0; i < 3; i++) {
        if (at(r, r->W - 0.45, r->B + 0.6 + 0.9 * i, 0.0, 0.35, 0.3, &pr,
               &prev)) {
            span(k, metal, -0.35, 0, -0.28, 0.35, 0.5 + 0.1 * i, 0.28);
            k->xf = prev;
        }
    }
    table_at(r, "table", r->W - 1.0, 1.2, -0.5 * BASE_PI, 1.6, 0.7, 0.8, wood,
             metal);
}

static void garage(Room *r)
{
    WorldKit *k = r->k;
    int stain = mat(r, 0.06, 0.06, 0.06);
    int wood = mat(r, 0.35, 0.22, 0.1);
    int peg = mat(r, 0.4, 0.3, 0.18);
    int red = mat(r, 0.45, 0.04, 0.03);
    int dark = mat(r, 0.03, 0.03, 0.03);
    int steel = mat(r, 0.4, 0.4, 0.42);
    world_kit_flat(k, r->floor, -r->W - r->t, r->B - r->t, r->W + r->t,
                   r->F + 12.0, 0.0);
    world_kit_flat(k, stain, 3.3, -3.8, 4.6, -2.6, 0.002);
    world_kit_flat(k, stain, -1.0, -4.3, -0.3, -3.6, 0.002);
    hole(r, SIDE_BACK, 3.9, 3.2, 0.0, 2.6, HOLE_SHUTTER);
    hole(r, SIDE_LEFT, -3.8, 1.2, 1.2, 2.1, HOLE_WINDOW);
    hole(r, SIDE_LEFT, 0.9, 0.9, 0.0, 2.1, HOLE_DOOR);
    BaseRng pr;
    WorldXform prev;
    static const double paints[][3] = { { 0.35, 0.03, 0.02 },
                                        { 0.03, 0.08, 0.2 },
                                        { 0.5, 0.48, 0.44 },
                                        { 0.04, 0.04, 0.04 },
                                        { 0.05, 0.2, 0.1 } };
    int paint = tone(r, paints, 5, 0.05);
    if (at(r, 3.9, r->B + 2.6, 0.0, 0.95, 2.3, &pr, &prev)) {
        world_piece_car(k, &pr, paint);
        k->xf = prev;
    }
    // The workbench with a pegboard of tools above it.
    double bx = -2.8, bw = 3.2;
    if (at(r, bx, r->B + 0.38, 0.0, 0.5 * bw, 0.38, &pr, &prev)) {
        world_piece_table(k, wood, wood, bw, 0.7, 0.9);
        span(k, wood, -0.5 * bw + 0.1, 0.15, -0.3, 0.5 * bw - 0.1, 0.18, 0.3);
        span(k, peg, -0.5 * bw, 1.15, -0.38, 0.5 * bw, 2.1, -0.36);
        for (int i = 0; i < 9; i++) {
            double x = -0.5 * bw + 0.25 + 0.33 * i;
            double h = base_rng_range(&pr, 0.15, 0.35);
            span(k, i % 3 ? dark : red, x - 0.03, 1.7 - h, -0.36, x + 0.03,
                 1.75, -0.33);
        }
        span(k, steel, -1.0, 0.9, -0.1, -0.8, 1.05, 0.1);
        k->xf = prev;
        top(r, "workbench", bx, r->B + 0.38, 0.0, 0.5 * bw, 0.35, 0.9);
    }
    if (at(r, -r->W + 0.35, -2.2, 0.5 * BASE_PI, 0.4, 0.3, &pr, &prev)) {
        world_piece_cabinet(k, red, steel, 0.75, 1.0, 0.5, 5);
        k->xf = prev;
    }
    if (at(r, -r->W + 0.25, -0.2, 0.5 * BASE_PI, 0.6, 0.2, &pr, &prev)) {
        world_piece_shelves(k, &pr, steel, 1.2, 2.0, 0.4, 4, true);
        k->xf = prev;
    }
    // Tyres stacked in a corner.
    if (at(r, r->W - 0.5, 1.0, 0.0, 0.4, 0.4, &pr, &prev)) {
        for (int i = 0; i < 4; i++)
            world_kit_cyl(k, dark, v3(0, 0.22 * i, 0), v3(0, 0.22 * i + 0.2, 0),
                          0.33, 0.33, 16, true);
        k->xf = prev;
    }
}

static void trailer(Room *r)
{
    WorldKit *k = r->k;
    int panel = mat(r, 0.28, 0.17, 0.08);
    int groove = mat(r, 0.1, 0.06, 0.03);
    int cab = mat(r, 0.55, 0.5, 0.4);
    int worktop = mat(r, 0.5, 0.42, 0.25);
    int seat = tone(r, fabric_tones, 6, 0.12);
    int dark = mat(r, 0.04, 0.04, 0.04);
    r->wall = panel;
    r->curtains = true;
    room_floor(r, r->floor, mat(r, 0.45, 0.4, 0.3), 0.3);
    hole(r, SIDE_BACK, -2.9, 1.0, 1.0, 1.7, HOLE_WINDOW);
    hole(r, SIDE_BACK, 2.9, 1.0, 1.0, 1.7, HOLE_WINDOW);
    hole(r, SIDE_RIGHT, 0.4, 0.8, 0.0, 2.0, HOLE_DOOR);
    hole(r, SIDE_LEFT, -1.5, 0.9, 1.0, 1.6, HOLE_WINDOW);
    // Grooves in the panelling.
    for (double x = -r->W + 0.3; x < r->W; x += 0.3)
        span(k, groove, x - 0.006, 0.1, r->B, x + 0.006, r->H, r->B + 0.004);
    BaseRng pr;
    WorldXform prev;
    if (at(r, 0, r->B + 0.3, 0.0, 1.5, 0.3, &pr, &prev)) {
        world_piece_counter(k, cab, worktop, 3.0, 0.9, 0.55);
        span(k, dark, -0.7, 0.895, -0.2, -0.1, 0.905, 0.15);
        span(k, dark, 0.5, 0.9, -0.22, 1.1, 0.92, 0.2);
        span(k, cab, -1.5, 1.55, -0.3, 1.5, 2.2, 0.05);
        k->xf = prev;
        top(r, "counter", 0, r->B + 0.3, 0.0, 1.5, 0.27, 0.9);
    }
    // The dinette at the left end: a table between two benches.
    double tx = -r->W + 0.45, tz = -1.5;
    if (at(r, tx + 0.15, tz, 0.0, 0.6, 0.95, &pr, &prev)) {
        world_kit_box(k, worktop, v3(0, 0.72, 0), v3(0.4, 0.02, 0.35), 0.0);
        span(k, dark, -0.03, 0, -0.03, 0.03, 0.7, 0.03);
        for (int s = -1; s <= 1; s += 2) {
            span(k, seat, -0.45, 0, s * 0.7 - 0.22, 0.55, 0.45, s * 0.7 + 0.22);
            span(k, seat, -0.45, 0.45, s * 0.88 - 0.06, 0.55, 1.0,
                 s * 0.88 + 0.06);
        }
        k->xf = prev;
        top(r, "table", tx + 0.15, tz, 0.0, 0.38, 0.33, 0.74);
    }
    // A couch along the right wall and the fridge in the corner.
    if (at(r, r->W - 0.45, -1.6, -0.5 * BASE_PI, 0.95, 0.45, &pr, &prev)) {
        world_piece_sofa(k, seat, seat, dark, 1.9);
        k->xf = prev;
    }
    if (at(r, r->W - 0.4, r->B + 0.4, 0.0, 0.35, 0.35, &pr, &prev)) {
        span(k, mat(r, 0.6, 0.58, 0.5), -0.33, 0, -0.33, 0.33, 1.5, 0.33);
        k->xf = prev;
    }
    WorldXform p2 = on_wall(r, SIDE_LEFT, 0.5, 1.4, 0.0);
    span(k, panel, -0.4, -0.02, 0, 0.4, 0.0, 0.3);
    world_piece_tv(k, 0.45);
    k->xf = p2;
}

static void motel(Room *r)
{
    WorldKit *k = r->k;
    int wood = tone(r, wood_tones, 4, 0.08);
    int sheet = mat(r, 0.65, 0.63, 0.58);
    static const double spreads[][3] = { { 0.3, 0.12, 0.05 },
                                         { 0.1, 0.22, 0.2 },
                                         { 0.35, 0.28, 0.12 } };
    int spread = tone(r, spreads, 3, 0.1);
    int shade = mat(r, 0.6, 0.5, 0.3);
    int dark = mat(r, 0.04, 0.035, 0.03);
    int grey = mat(r, 0.45, 0.44, 0.4);
    r->curtains = true;
    world_kit_flat(k, r->floor, -r->W - r->t, r->B - r->t, r->W + r->t,
                   r->F + 12.0, 0.0);
    hole(r, SIDE_RIGHT, -2.6, 1.8, 0.8, 2.1, HOLE_WINDOW);
    hole(r, SIDE_RIGHT, 0.4, 0.95, 0.0, 2.1, HOLE_DOOR);
    BaseRng pr;
    WorldXform prev;
    for (int s = -1; s <= 1; s += 2) {
        double x = s * 1.75;
        if (at(r, x, r->B + 1.06, 0.0, 0.78, 1.06, &pr, &prev)) {
            world_piece_bed(k, wood, sheet, spread, 1.5);
            k->xf = prev;
        }
        picture_on(r, SIDE_BACK, x, 1.65, 0.9, 0.6);
    }
    if (at(r, 0, r->B + 0.25, 0.0, 0.25, 0.22, &pr, &prev)) {
        world_piece_cabinet(k, wood, dark, 0.5, 0.6, 0.42, 1);
        WorldXform p2 = world_kit_push(k, v3(-0.1, 0.6, 0), 0.0);
        world_piece_lamp(k, grey, shade, 0.5);
        k->xf = p2;
        k->xf = prev;
        top(r, "nightstand", 0, r->B + 0.25, 0.0, 0.23, 0.2, 0.6);
    }
    if (at(r, -r->W + 0.28, -1.9, 0.5 * BASE_PI, 0.8, 0.28, &pr, &prev)) {
        world_piece_cabinet(k, wood, dark, 1.6, 0.8, 0.5, 3);
        WorldXform p2 = world_kit_push(k, v3(0.3, 0.8, 0), 0.0);
        world_piece_tv(k, 0.8);
        k->xf = p2;
        k->xf = prev;
        top(r, "dresser", -r->W + 0.28, -1.9, 0.5 * BASE_PI, 0.8, 0.25, 0.8);
    }
    // The air conditioner under the window, an armchair and a small table.
    if (at(r, r->W - 0.25, -2.6, -0.5 * BASE_PI, 0.5, 0.25, &pr, &prev)) {
        span(k, grey, -0.45, 0.35, -0.25, 0.45, 0.78, 0.25);
        for (int i = 0; i < 6; i++)
            span(k, dark, -0.4, 0.4 + 0.06 * i, 0.25, 0.4, 0.42 + 0.06 * i,
                 0.26);
        k->xf = prev;
    }
    double cx = r->W - 1.1, cz = -0.3;
    if (at(r, cx, cz, face_to(cx, cz, 0, -2.0), 0.5, 0.46, &pr, &prev)) {
        world_piece_sofa(k, spread, spread, dark, 0.95);
        k->xf = prev;
    }
    if (at(r, -r->W + 0.6, 0.8, 0.0, 0.35, 0.25, &pr, &prev)) {
        span(k, dark, -0.35, 0.45, -0.22, 0.35, 0.5, 0.22);
        for (int i = 0; i < 4; i++)
            span(k, dark, (i & 1 ? 0.3 : -0.32), 0, (i & 2 ? 0.18 : -0.2),
                 (i & 1 ? 0.32 : -0.3), 0.45, (i & 2 ? 0.2 : -0.18));
        span(k, mat(r, 0.1, 0.15, 0.3), -0.3, 0.5, -0.2, 0.3, 0.85, 0.2);
        k->xf = prev;
    }
}

static void mansion(Room *r)
{
    WorldKit *k = r->k;
    int marble = mat(r, 0.62, 0.6, 0.55);
    int dark = mat(r, 0.04, 0.05, 0.045);
    int wood = mat(r, 0.16, 0.08, 0.035);
    int gold = mat(r, 0.55, 0.4, 0.12);
    int red = mat(r, 0.3, 0.03, 0.03);
    int stone = mat(r, 0.55, 0.52, 0.46);
    int black = mat(r, 0.015, 0.015, 0.015);
    r->curtains = true;
    r->curtain = red;
    room_floor(r, marble, dark, 0.8);
    // Wainscot: dark panelling to dado height round the walls.
    span(k, wood, -r->W, 0, r->B, r->W, 1.2, r->B + 0.03);
    span(k, wood, -r->W, 0, r->B, -r->W + 0.03, 1.2, r->F);
    span(k, wood, r->W - 0.03, 0, r->B, r->W, 1.2, r->F);
    for (int i = 0; i < 2; i++) {
        hole(r, SIDE_LEFT, -6.5 + 4.0 * i, 1.6, 0.8, 4.0, HOLE_WINDOW);
        hole(r, SIDE_RIGHT, -6.5 + 4.0 * i, 1.6, 0.8, 4.0, HOLE_WINDOW);
    }
    hole(r, SIDE_RIGHT, 0.6, 1.6, 0.0, 3.0, HOLE_DOOR);
    BaseRng pr;
    WorldXform prev;
    // The staircase: steps rising toward the back wall to a landing, with
    // balusters and a handrail each side.
    double sw = 3.2, steps = 14, rise = 0.19, run = 0.3;
    double z0 = r->B + 1.2 + steps * run;
    if (at(r, 0, 0.5 * (z0 + r->B), 0.0, 0.5 * sw + 0.1, 0.5 * (z0 - r->B), &pr,
           &prev)) {
        k->xf = prev;
        for (int i = 0; i < (int)steps; i++) {
            double y = rise * (i + 1), z = z0 - run * (i + 1);
            span(k, stone, -0.5 * sw, 0, z, 0.5 * sw, y, z + run);
        }
        double ytop = rise * steps;
        span(k, stone, -r->W * 0.6, 0, r->B, r->W * 0.6, ytop, r->B + 1.2);
        span(k, wood, -r->W * 0.6, ytop, r->B + 1.15, -0.5 * sw, ytop + 0.9,
             r->B + 1.2);
        span(k, wood, 0.5 * sw, ytop, r->B + 1.15, r->W * 0.6, ytop + 0.9,
             r->B + 1.2);
        for (int s = -1; s <= 1; s += 2) {
            double x = s * (0.5 * sw + 0.05);
            for (int i = 0; i <= (int)steps; i += 2) {
                double y = rise * (i + 1), z = z0 - run * (i + 0.5);
                world_kit_cyl(k, wood, v3(x, fmin(y, ytop), z),
                              v3(x, fmin(y, ytop) + 0.9, z), 0.025, 0.025, 6,
                              false);
            }
            world_kit_cyl(k, wood, v3(x, rise + 0.9, z0 - 0.5 * run),
                          v3(x, ytop + 0.9, z0 - run * (steps + 0.5)), 0.04,
                          0.04, 8, true);
        }
    }
    // Columns in two rows.
    for (int s = -1; s <= 1; s += 2) {
        for (int i = 0; i < 2; i++) {
            double x = s * 4.6, z = -5.5 + 4.0 * i;
            if (!at(r, x, z, 0.0, 0.4, 0.4, &pr, &prev))
                continue;
            span(k, stone, -0.4, 0, -0.4, 0.4, 0.3, 0.4);
            world_kit_cyl(k, stone, v3(0, 0.3, 0), v3(0, r->H - 0.3, 0), 0.3,
                          0.27, 16, false);
            span(k, stone, -0.4, r->H - 0.3, -0.4, 0.4, r->H, 0.4);
            k->xf = prev;
        }
    }
    // The fireplace on the left wall, armchairs before it.
    double fz = -2.0;
    if (at(r, -r->W + 0.3, fz, 0.5 * BASE_PI, 1.1, 0.35, &pr, &prev)) {
        span(k, stone, -1.1, 0, -0.3, 1.1, 1.3, 0.25);
        span(k, black, -0.6, 0.1, 0.1, 0.6, 0.9, 0.26);
        span(k, stone, -1.25, 1.3, -0.3, 1.25, 1.4, 0.35);
        k->xf = prev;
        top(r, "mantel", -r->W + 0.3, fz, 0.5 * BASE_PI, 1.2, 0.3, 1.4);
        picture_on(r, SIDE_LEFT, fz, 2.6, 1.4, 1.8);
    }
    for (int i = -1; i <= 1; i += 2) {
        double x = -r->W + 2.4, z = fz + 1.3 * i;
        if (at(r, x, z, face_to(x, z, -r->W, fz), 0.5, 0.46, &pr, &prev)) {
            world_piece_sofa(k, red, red, gold, 0.95);
            k->xf = prev;
        }
    }
    // A grand piano on the right and a long-case clock by the door.
    if (at(r, r->W - 2.0, -4.8, 0.3, 0.8, 1.1, &pr, &prev)) {
        span(k, black, -0.75, 0.65, -1.0, 0.75, 0.95, 1.0);
        world_kit_box(k, black, v3(0, 1.25, -0.1), v3(0.72, 0.02, 0.9), 0.0);
        span(k, mat(r, 0.7, 0.7, 0.66), -0.7, 0.9, 1.0, 0.7, 0.96, 1.15);
        for (int i = 0; i < 3; i++) {
            double lx = i == 0 ? -0.6 : (i == 1 ? 0.6 : 0.0);
            double lz = i == 2 ? -0.85 : 0.85;
            span(k, black, lx - 0.05, 0, lz - 0.05, lx + 0.05, 0.65, lz + 0.05);
        }
        k->xf = prev;
    }
    if (at(r, r->W - 0.3, -1.6, -0.5 * BASE_PI, 0.3, 0.25, &pr, &prev)) {
        span(k, wood, -0.25, 0, -0.2, 0.25, 2.1, 0.2);
        world_kit_cyl(k, gold, v3(0, 1.7, 0.2), v3(0, 1.7, 0.22), 0.16, 0.16,
                      14, true);
        k->xf = prev;
    }
    int rug = mat(r, 0.25, 0.05, 0.04);
    prev = world_kit_push(k, v3(0, 0.0015, -1.0), 0.0);
    world_piece_rug(k, rug, gold, 5.0, 4.0);
    k->xf = prev;
    for (int s = -1; s <= 1; s += 2)
        plant_at(r, s * (r->W - 0.6), r->B + 0.6, 1.6);
}

static void shack(Room *r)
{
    WorldKit *k = r->k;
    int board = mat(r, 0.2, 0.13, 0.07);
    int board2 = mat(r, 0.15, 0.1, 0.055);
    int iron = mat(r, 0.03, 0.03, 0.03);
    int wood = mat(r, 0.25, 0.16, 0.08);
    int blanket = tone(r, fabric_tones, 6, 0.15);
    r->wall = board;
    r->frame = board2;
    planks(r, board, board2, 0.2);
    hole(r, SIDE_BACK, 1.6, 0.8, 1.0, 1.7, HOLE_WINDOW);
    hole(r, SIDE_LEFT, 0.6, 0.85, 0.0, 1.95, HOLE_DOOR);
    // Board gaps on the walls.
    for (double x = -r->W; x < r->W; x += 0.22)
        span(k, board2, x - 0.01, 0, r->B, x + 0.01, r->H, r->B + 0.005);
    for (double z = r->B; z < r->F; z += 0.22) {
        span(k, board2, -r->W, 0, z - 0.01, -r->W + 0.005, r->H, z + 0.01);
        span(k, board2, r->W - 0.005, 0, z - 0.01, r->W, r->H, z + 0.01);
    }
    BaseRng pr;
    WorldXform prev;
    if (at(r, -r->W + 0.6, r->B + 0.55, 0.0, 0.4, 0.35, &pr, &prev)) {
        span(k, iron, -0.35, 0.15, -0.3, 0.35, 0.75, 0.3);
        for (int i = 0; i < 4; i++)
            span(k, iron, (i & 1 ? 0.28 : -0.32), 0, (i & 2 ? 0.22 : -0.26),
                 (i & 1 ? 0.32 : -0.28), 0.15, (i & 2 ? 0.26 : -0.22));
        world_kit_cyl(k, iron, v3(0, 0.75, -0.1), v3(0, r->H + 0.6, -0.1), 0.07,
                      0.07, 8, true);
        k->xf = prev;
    }
    if (at(r, -r->W + 1.5, r->B + 0.35, 0.0, 0.4, 0.3, &pr, &prev)) {
        for (int i = 0; i < 12; i++) {
            double x = -0.3 + 0.2 * (i % 4), y = 0.08 + 0.14 * (i / 4);
            world_kit_cyl(k, wood, v3(x, y, -0.25), v3(x, y, 0.25), 0.07, 0.07,
                          7, true);
        }
        k->xf = prev;
    }
    if (at(r, r->W - 0.5, -2.0, -0.5 * BASE_PI, 1.05, 0.5, &pr, &prev)) {
        world_piece_bed(k, wood, blanket, blanket, 0.9);
        k->xf = prev;
    }
    double tx = -r->W + 0.8, tz = -0.6;
    table_at(r, "table", tx, tz, 0.5 * BASE_PI, 1.0, 0.7, 0.74, wood, wood);
    if (at(r, tx + 0.7, tz, -0.5 * BASE_PI, 0.24, 0.24, &pr, &prev)) {
        world_piece_chair(k, wood, wood);
        k->xf = prev;
    }
    if (at(r, 0.2, r->B + 0.17, 0.0, 0.6, 0.17, &pr, &prev)) {
        world_piece_shelves(k, &pr, wood, 1.2, 1.6, 0.3, 3, false);
        k->xf = prev;
    }
}

static void hospital(Room *r)
{
    WorldKit *k = r->k;
    int white = mat(r, 0.7, 0.7, 0.68);
    int metal = mat(r, 0.5, 0.52, 0.54);
    int sheet = mat(r, 0.68, 0.7, 0.7);
    int blanket = mat(r, 0.35, 0.5, 0.6);
    int curtain = mat(r, 0.35, 0.5, 0.52);
    int dark = mat(r, 0.04, 0.04, 0.045);
    int screen = mat(r, 0.05, 0.2, 0.12);
    int seat = mat(r, 0.2, 0.3, 0.45);
    room_floor(r, r->floor, mat(r, 0.5, 0.55, 0.5), 0.6);
    // A hand rail along the walls.
    span(k, metal, -r->W, 0.9, r->B, r->W, 0.95, r->B + 0.06);
    for (int i = -1; i <= 1; i++)
        hole(r, SIDE_BACK, 4.2 * i, 1.5, 1.3, 2.4, HOLE_WINDOW);
    hole(r, SIDE_LEFT, 0.6, 1.3, 0.0, 2.2, HOLE_DOOR);
    BaseRng pr;
    WorldXform prev;
    for (int i = -1; i <= 1; i++) {
        double x = 4.2 * i;
        // The bed: a steel frame on castors, the head raised.
        if (at(r, x, r->B + 1.1, 0.0, 0.55, 1.1, &pr, &prev)) {
            span(k, metal, -0.48, 0.45, -1.0, 0.48, 0.55, 1.0);
            for (int j = 0; j < 4; j++) {
                double lx = (j & 1) ? 0.42 : -0.42, lz = (j & 2) ? 0.9 : -0.9;
                span(k, metal, lx - 0.03, 0.1, lz - 0.03, lx + 0.03, 0.45,
                     lz + 0.03);
                world_kit_cyl(k, dark, v3(lx - 0.02, 0.06, lz),
                              v3(lx + 0.02, 0.06, lz), 0.06, 0.06, 8, true);
            }
            span(k, sheet, -0.45, 0.55, -0.1, 0.45, 0.7, 0.98);
            span(k, blanket, -0.47, 0.5, 0.2, 0.47, 0.74, 1.0);
            world_kit_box(k, sheet, v3(0, 0.85, -0.6), v3(0.45, 0.07, 0.42),
                          0.0);
            span(k, metal, -0.5, 0.45, -1.05, 0.5, 1.2, -1.0);
            span(k, metal, -0.5, 0.55, 0.98, 0.5, 0.9, 1.02);
            for (int s = -1; s <= 1; s += 2)
                span(k, metal, s * 0.5 - 0.01, 0.7, -0.5, s * 0.5 + 0.01, 0.85,
                     0.4);
            k->xf = prev;
        }
        // An IV stand and a monitor at the bed head.
        if (at(r, x + 0.9, r->B + 0.4, 0.0, 0.25, 0.25, &pr, &prev)) {
            world_kit_cyl(k, metal, v3(0, 0.05, 0), v3(0, 1.9, 0), 0.015, 0.015,
                          6, true);
            for (int j = 0; j < 5; j++) {
                double a = 2.0 * BASE_PI * j / 5.0;
                world_kit_cyl(k, dark, v3(0, 0.05, 0),
                              v3(0.25 * cos(a), 0.03, 0.25 * sin(a)), 0.012,
                              0.012, 5, true);
            }
            world_kit_ellipsoid(k, white, v3(0.08, 1.75, 0),
                                v3(0.06, 0.1, 0.025), 0.0, 4, 8);
            span(k, dark, -0.2, 1.3, -0.1, 0.05, 1.5, 0.0);
            span(k, screen, -0.18, 1.32, 0.0, 0.03, 1.48, 0.005);
            k->xf = prev;
        }
        if (i != 0 &&
            at(r, x - 0.95, r->B + 0.3, 0.0, 0.22, 0.22, &pr, &prev)) {
            world_piece_cabinet(k, white, metal, 0.42, 0.75, 0.42, 2);
            k->xf = prev;
            top(r, "table", x - 0.95, r->B + 0.3, 0.0, 0.2, 0.2, 0.75);
        }
        // Curtains on rails between the beds.
        if (i != 1) {
            double cx = x + 2.1;
            WorldFootprint f = { cx - 0.05, r->B, cx + 0.05, r->B + 2.4 };
            if (world_stage_claim(r->st, f, WORLD_CLEAR_R_M))
                span(k, curtain, cx - 0.03, 0.3, r->B + 0.05, cx + 0.03, 2.3,
                     r->B + 2.4);
        }
        double chx = x + (i < 0 ? 1.0 : -1.0), chz = r->B + 2.7;
        if (i != 0 && at(r, chx, chz, face_to(chx, chz, x, r->B + 1.0), 0.25,
                         0.25, &pr, &prev)) {
            world_piece_chair(k, metal, seat);
            k->xf = prev;
        }
    }
    if (at(r, r->W - 0.4, 0.3, -0.5 * BASE_PI, 0.5, 0.3, &pr, &prev)) {
        span(k, metal, -0.5, 0.1, -0.28, 0.5, 0.14, 0.28);
        span(k, metal, -0.5, 0.85, -0.28, 0.5, 0.9, 0.28);
        for (int j = 0; j < 4; j++)
            span(k, metal, (j & 1 ? 0.46 : -0.5), 0, (j & 2 ? 0.24 : -0.28),
                 (j & 1 ? 0.5 : -0.46), 0.9, (j & 2 ? 0.28 : -0.24));
        k->xf = prev;
    }
}

static void generic(Room *r)
{
    WorldKit *k = r->k;
    int wood = tone(r, wood_tones, 4, 0.1);
    int seat = tone(r, fabric_tones, 6, 0.1);
    int dark = mat(r, 0.04, 0.03, 0.025);
    size_t windows = 1 + base_rng_u32(&r->st->rng) % 3;
    for (size_t i = 0; i < windows; i++) {
        double x = ((double)i - 0.5 * (double)(windows - 1)) * 3.2;
        hole(r, SIDE_BACK, x, 1.4, 1.0, 2.2, HOLE_WINDOW);
    }
    bool door_left = base_rng_uniform(&r->st->rng) < 0.5;
    hole(r, door_left ? SIDE_LEFT : SIDE_RIGHT, 0.5, 0.9, 0.0, 2.1, HOLE_DOOR);
    r->curtains = base_rng_uniform(&r->st->rng) < 0.5;
    world_kit_flat(k, r->floor, -r->W - r->t, r->B - r->t, r->W + r->t,
                   r->F + 12.0, 0.0);
    double side = door_left ? 1.0 : -1.0;
    double tx = side * (r->W - 1.4), tz = -1.6;
    table_at(r, "table", tx, tz, 0.0, 1.1, 0.75, 0.75, wood, wood);
    chairs_round(r, tx, tz, 1.1, 0.75, false, 1, wood, seat);
    BaseRng pr;
    WorldXform prev;
    double cx = base_rng_range(&r->st->rng, -2.0, 2.0);
    if (at(r, cx, r->B + 0.25, 0.0, 0.6, 0.25, &pr, &prev)) {
        world_piece_cabinet(k, wood, dark, 1.2, 0.9, 0.45, 0);
        k->xf = prev;
        top(r, "cabinet", cx, r->B + 0.25, 0.0, 0.58, 0.2, 0.9);
    }
    if (at(r, -side * (r->W - 0.2), -2.0, side * 0.5 * BASE_PI, 0.5, 0.17, &pr,
           &prev)) {
        world_piece_shelves(k, &pr, wood, 1.0, 1.9, 0.32, 5, true);
        k->xf = prev;
    }
    plant_at(r, -side * (r->W - 0.5), r->B + 0.5, 1.2);
    picture_on(r, SIDE_BACK, side * 3.6, 1.7, 0.8, 0.6);
}

// An indoor pool: a tiled hall round a basin sunk in the floor.
static void indoor_pool(Room *r)
{
    WorldKit *k = r->k;
    int tile = mat(r, 0.6, 0.62, 0.6);
    int blue = mat(r, 0.25, 0.5, 0.6);
    int water = world_kit_mat_as(r->k, WORLD_MAT_WATER, 0.08, 0.3, 0.38);
    int steel = mat(r, 0.55, 0.56, 0.58);
    double x0 = -5.0, x1 = 5.0, z0 = r->B + 1.5, z1 = -3.0, depth = 1.5;
    double fx0 = -r->W - r->t, fx1 = r->W + r->t, fz0 = r->B - r->t;
    double fz1 = r->F + 12.0;
    world_kit_flat(k, tile, fx0, fz0, fx1, z0, 0.0);
    world_kit_flat(k, tile, fx0, z1, fx1, fz1, 0.0);
    world_kit_flat(k, tile, fx0, z0, x0, z1, 0.0);
    world_kit_flat(k, tile, x1, z0, fx1, z1, 0.0);
    world_kit_basin(k, blue, x0, z0, x1, z1, depth);
    world_kit_flat(k, water, x0, z0, x1, z1, -0.12);
    r->st->water_y_m = -0.12;
    r->st->water_at = v3(0, -0.12, 0.5 * (z0 + z1));
    for (int s = -1; s <= 1; s += 2)
        world_kit_cyl(k, steel, v3(3.0 + 0.25 * s, -0.8, z1 - 0.05),
                      v3(3.0 + 0.25 * s, 0.9, z1 + 0.1), 0.025, 0.025, 6, true);
    WorldFootprint f = { x0, z0, x1, z1 };
    world_stage_block(r->st, f);
    for (int i = -2; i <= 2; i++)
        hole(r, SIDE_BACK, 3.2 * i, 2.2, 1.0, 4.5, HOLE_WINDOW);
}

void world_set_interior(WorldStage *st)
{
    static const double floor_tones[][3] = {
        { 0.26, 0.15, 0.075 }, { 0.45, 0.30, 0.17 }, { 0.55, 0.53, 0.50 },
        { 0.12, 0.12, 0.13 },  { 0.20, 0.09, 0.08 }, { 0.32, 0.31, 0.29 },
    };
    static const double earth[3] = { 0.2, 0.17, 0.12 };
    static const double grass[3] = { 0.09, 0.15, 0.05 };
    Room r;
    double W = 5.5, B = -5.0, H = 2.9;
    // Town rooms look out on buildings, the rest on trees.
    bool urban =
        st->kind == WORLD_SET_OFFICE || st->kind == WORLD_SET_BAR ||
        st->kind == WORLD_SET_HOSPITAL || st->kind == WORLD_SET_STUDIO ||
        st->kind == WORLD_SET_WAREHOUSE || st->kind == WORLD_SET_GARAGE ||
        st->kind == WORLD_SET_GENERIC_INTERIOR;
    switch (st->kind) {
    case WORLD_SET_LIVING_ROOM:
        W = 6.0, B = -5.5;
        break;
    case WORLD_SET_BEDROOM:
        W = 5.0, B = -5.2;
        break;
    case WORLD_SET_OFFICE:
        W = 6.5, B = -5.5, H = 3.0;
        break;
    case WORLD_SET_BAR:
        W = 6.5, B = -5.6, H = 3.1;
        break;
    case WORLD_SET_DINER:
        W = 7.0, B = -6.0, H = 3.1;
        break;
    case WORLD_SET_WAREHOUSE:
        W = 12.0, B = -12.0, H = 7.5;
        break;
    case WORLD_SET_STUDIO:
        W = 8.0, B = -7.0, H = 5.0;
        break;
    case WORLD_SET_GARAGE:
        W = 6.5, B = -6.0, H = 3.2;
        break;
    case WORLD_SET_TRAILER:
        W = 4.5, B = -3.9, H = 2.3;
        break;
    case WORLD_SET_MOTEL:
        W = 5.5, B = -5.2, H = 2.7;
        break;
    case WORLD_SET_MANSION:
        W = 9.0, B = -9.5, H = 5.5;
        break;
    case WORLD_SET_SHACK:
        W = 4.5, B = -4.0, H = 2.4;
        break;
    case WORLD_SET_HOSPITAL:
        W = 7.0, B = -5.6, H = 3.0;
        break;
    case WORLD_SET_POOL:
        W = 9.0, B = -11.0, H = 6.0;
        break;
    default:
        break;
    }
    room_init(&r, st, W, B, H);
    size_t ft = base_rng_u32(&st->rng) % BASE_ARRAY_LEN(floor_tones);
    r.floor = world_kit_mat_jitter(st->kit, &st->rng, floor_tones[ft], 0.1);
    r.wall = world_kit_mat_jitter(
        st->kit, &st->rng,
        paint_tones[base_rng_u32(&st->rng) % BASE_ARRAY_LEN(paint_tones)],
        0.08);
    int ground =
        world_kit_mat_jitter(st->kit, &st->rng, urban ? earth : grass, 0.1);
    switch (st->kind) {
    case WORLD_SET_LIVING_ROOM:
        living_room(&r);
        break;
    case WORLD_SET_KITCHEN:
        r.floor = mat(&r, 0.6, 0.58, 0.54);
        kitchen(&r);
        break;
    case WORLD_SET_BEDROOM:
        bedroom(&r);
        break;
    case WORLD_SET_OFFICE:
        r.floor = mat(&r, 0.12, 0.13, 0.16);
        office(&r);
        break;
    case WORLD_SET_BAR:
        r.wall = mat(&r, 0.22, 0.06, 0.04);
        bar(&r);
        break;
    case WORLD_SET_DINER:
        r.wall = mat(&r, 0.62, 0.6, 0.5);
        diner(&r);
        break;
    case WORLD_SET_WAREHOUSE:
        r.floor = mat(&r, 0.3, 0.3, 0.29);
        r.wall = mat(&r, 0.36, 0.4, 0.42);
        warehouse(&r);
        break;
    case WORLD_SET_STUDIO:
        r.floor = mat(&r, 0.1, 0.1, 0.1);
        r.wall = mat(&r, 0.06, 0.06, 0.065);
        studio(&r);
        break;
    case WORLD_SET_GARAGE:
        r.floor = mat(&r, 0.3, 0.3, 0.29);
        r.wall = mat(&r, 0.5, 0.5, 0.47);
        garage(&r);
        break;
    case WORLD_SET_TRAILER:
        r.floor = mat(&r, 0.32, 0.28, 0.2);
        trailer(&r);
        break;
    case WORLD_SET_MOTEL:
        r.floor = mat(&r, 0.16, 0.12, 0.09);
        r.wall = mat(&r, 0.55, 0.48, 0.36);
        motel(&r);
        break;
    case WORLD_SET_MANSION:
        r.wall = mat(&r, 0.55, 0.47, 0.33);
        mansion(&r);
        break;
    case WORLD_SET_SHACK:
        shack(&r);
        break;
    case WORLD_SET_HOSPITAL:
        r.floor = mat(&r, 0.55, 0.58, 0.52);
        r.wall = mat(&r, 0.55, 0.62, 0.56);
        hospital(&r);
        break;
    case WORLD_SET_POOL:
        indoor_pool(&r);
        break;
    default:
        generic(&r);
        break;
    }
    room_finish(&r, ground, urban);
}
