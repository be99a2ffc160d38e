/* world/props.c: the prop library (bottles to horses), the reading of a
 * scene's action lines for the props they name ("two cold beers"), and
 * their placement on a surface, in a hand or on the floor. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "world_internal.h"

/* ---- models --------------------------------------------------------- */

static void span(WorldKit *k, int m, double x0, double y0, double z0, double x1,
                 double y1, double z1)
{
    world_kit_box(
        k, m, v3(0.5 * (x0 + x1), 0.5 * (y0 + y1), 0.5 * (z0 + z1)),
        v3(0.5 * fabs(x1 - x0), 0.5 * fabs(y1 - y0), 0.5 * fabs(z1 - z0)), 0.0);
}

static int pick_mat(WorldKit *k, BaseRng *rng, const double (*tones)[3],
                    size_t n)
{
    return world_kit_mat_jitter(k, rng, tones[base_rng_u32(rng) % n], 0.06);
}

static const double glass_tones[][3] = { { 0.05, 0.12, 0.04 },
                                         { 0.20, 0.09, 0.02 },
                                         { 0.45, 0.48, 0.46 },
                                         { 0.10, 0.04, 0.03 } };

// A bottle: a lofted body, shoulder and neck, a paper label round it.
static void bottle_model(WorldKit *k, int glass, int label, double h, double r)
{
    WorldRing keys[5] = { { 0.0, r, r, 0 },
                          { 0.58 * h, r, r, 0 },
                          { 0.72 * h, 0.62 * r, 0.62 * r, 0 },
                          { 0.8 * h, 0.38 * r, 0.38 * r, 0 },
                          { h - 0.004, 0.38 * r, 0.38 * r, 0 } };
    WorldLoft loft;
    world_loft_profile(&loft, keys, 5, 10, 1, 0.003, 0.003, 10);
    // Lifted by its cap's depth so the base sits exactly on y = 0.
    WorldXform up = world_xform_identity();
    up.t = v3(0, 0.003, 0);
    world_kit_loft(k, glass, &loft, &up);
    world_kit_cyl(k, label, v3(0, 0.2 * h, 0), v3(0, 0.45 * h, 0), r + 0.001,
                  r + 0.001, 10, false);
}

// Glass tinted by one of glass_tones: light crosses two walls, so the
// tint is the square root of the colour the bottle should read as.
static int glass_mat(WorldKit *k, const double t[3])
{
    return world_kit_mat_as(k, WORLD_MAT_GLASS, sqrt(t[0]), sqrt(t[1]),
                            sqrt(t[2]));
}

static void b_bottle(WorldKit *k, BaseRng *rng)
{
    int glass = glass_mat(
        k, glass_tones[base_rng_u32(rng) % BASE_ARRAY_LEN(glass_tones)]);
    int label = world_kit_mat(k, 0.6, 0.55, 0.42);
    bottle_model(k, glass, label, 0.3, 0.037);
}

static void b_beer(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    static const double brown[3] = { 0.16, 0.07, 0.015 };
    int glass = glass_mat(k, brown);
    int label = world_kit_mat(k, 0.62, 0.58, 0.45);
    bottle_model(k, glass, label, 0.23, 0.031);
}

static void b_glass(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int glass = world_kit_mat_as(k, WORLD_MAT_GLASS, 0.92, 0.95, 0.94);
    int drink = world_kit_mat(k, 0.35, 0.16, 0.03);
    world_kit_cyl(k, glass, v3(0, 0, 0), v3(0, 0.1, 0), 0.034, 0.04, 12, true);
    world_kit_cyl(k, drink, v3(0, 0.1, 0), v3(0, 0.101, 0), 0.03, 0.03, 12,
                  true);
}

static void b_cup(WorldKit *k, BaseRng *rng)
{
    static const double t[][3] = { { 0.7, 0.68, 0.62 },
                                   { 0.35, 0.05, 0.04 },
                                   { 0.05, 0.1, 0.3 } };
    int m = pick_mat(k, rng, t, 3);
    world_kit_cyl(k, m, v3(0, 0, 0), v3(0, 0.095, 0), 0.04, 0.042, 12, true);
    span(k, m, 0.04, 0.02, -0.006, 0.07, 0.028, 0.006);
    span(k, m, 0.04, 0.07, -0.006, 0.07, 0.078, 0.006);
    span(k, m, 0.062, 0.02, -0.006, 0.07, 0.078, 0.006);
}

static void b_can(WorldKit *k, BaseRng *rng)
{
    static const double t[][3] = { { 0.5, 0.04, 0.03 },
                                   { 0.05, 0.1, 0.35 },
                                   { 0.5, 0.5, 0.52 } };
    int m = world_kit_mat_kind(k, pick_mat(k, rng, t, 3), WORLD_MAT_PAINT);
    int rim = world_kit_mat_as(k, WORLD_MAT_METAL, 0.6, 0.6, 0.62);
    world_kit_cyl(k, m, v3(0, 0, 0), v3(0, 0.112, 0), 0.033, 0.033, 12, true);
    world_kit_cyl(k, rim, v3(0, 0.112, 0), v3(0, 0.122, 0), 0.033, 0.027, 12,
                  true);
}

static void b_plate(WorldKit *k, BaseRng *rng)
{
    int white = world_kit_mat_as(k, WORLD_MAT_GLOSS, 0.72, 0.71, 0.67);
    static const double food[][3] = { { 0.3, 0.16, 0.06 },
                                      { 0.4, 0.3, 0.1 },
                                      { 0.15, 0.25, 0.07 } };
    world_kit_cyl(k, white, v3(0, 0, 0), v3(0, 0.018, 0), 0.1, 0.13, 18, true);
    if (base_rng_uniform(rng) < 0.7) {
        int f = pick_mat(k, rng, food, 3);
        world_kit_ellipsoid(k, f, v3(0, 0.025, 0), v3(0.06, 0.025, 0.05), 0.3,
                            3, 8);
    }
}

static void b_phone(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int black = world_kit_mat_as(k, WORLD_MAT_GLOSS, 0.02, 0.02, 0.022);
    int screen = world_kit_mat_as(k, WORLD_MAT_SCREEN, 0.04, 0.06, 0.09);
    span(k, black, -0.037, 0, -0.077, 0.037, 0.008, 0.077);
    span(k, screen, -0.033, 0.008, -0.07, 0.033, 0.0085, 0.07);
}

// Guns lie on their side: barrel along +z, the grip toward -x with its
// middle at the origin, so a hand at the origin holds them with the grip
// down once the frame is turned.
static void b_gun(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int metal = world_kit_mat_as(k, WORLD_MAT_METAL, 0.2, 0.2, 0.22);
    int grip = world_kit_mat(k, 0.08, 0.05, 0.03);
    world_kit_box(k, grip, v3(0, 0.015, 0), v3(0.05, 0.013, 0.02), 0.0);
    span(k, metal, 0.04, 0.002, -0.035, 0.075, 0.028, 0.17);
    span(k, metal, 0.048, 0.006, 0.17, 0.07, 0.024, 0.2);
    span(k, metal, 0.015, 0.008, 0.01, 0.04, 0.022, 0.05);
}

static void b_rifle(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int metal = world_kit_mat_as(k, WORLD_MAT_METAL, 0.2, 0.2, 0.22);
    int wood = world_kit_mat_as(k, WORLD_MAT_GLOSS, 0.2, 0.1, 0.04);
    span(k, metal, 0.05, 0.01, 0.1, 0.075, 0.035, 0.8);
    span(k, wood, 0.02, 0, -0.3, 0.08, 0.045, 0.45);
    span(k, wood, -0.05, 0.005, -0.06, 0.02, 0.04, 0.04);
    span(k, wood, -0.03, 0.005, -0.45, 0.08, 0.04, -0.3);
}

static void b_knife(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int steel = world_kit_mat_as(k, WORLD_MAT_METAL, 0.55, 0.56, 0.58);
    int handle = world_kit_mat(k, 0.05, 0.04, 0.03);
    span(k, handle, -0.012, 0, -0.11, 0.012, 0.02, 0.0);
    span(k, steel, -0.014, 0.006, 0.0, 0.014, 0.012, 0.16);
}

static void b_laptop(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int body = world_kit_mat_as(k, WORLD_MAT_METAL, 0.55, 0.56, 0.58);
    int screen = world_kit_mat_as(k, WORLD_MAT_SCREEN, 0.03, 0.05, 0.08);
    int keys = world_kit_mat(k, 0.05, 0.05, 0.055);
    span(k, body, -0.165, 0, -0.115, 0.165, 0.018, 0.115);
    span(k, keys, -0.14, 0.018, -0.09, 0.14, 0.019, 0.02);
    // The lid, open past upright.
    double a = 105.0 * BASE_PI / 180.0, L = 0.22;
    Vec3 hinge0 = v3(-0.165, 0.018, -0.115), hinge1 = v3(0.165, 0.018, -0.115);
    Vec3 up = v3(0, L * sin(a), L * cos(a));
    Vec3 t0 = v3_add(hinge0, up), t1 = v3_add(hinge1, up);
    world_kit_quad(k, screen, hinge0, hinge1, t1, t0);
    Vec3 back = v3(0, -0.006 * cos(a), 0.006 * sin(a));
    back = v3_scale(back, -1.0);
    world_kit_quad(k, body, v3_add(hinge1, back), v3_add(hinge0, back),
                   v3_add(t0, back), v3_add(t1, back));
}

static void b_lamp(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int base = world_kit_mat_as(k, WORLD_MAT_GLOSS, 0.05, 0.045, 0.04);
    int shade = world_kit_mat(k, 0.72, 0.66, 0.52);
    world_piece_lamp(k, base, shade, 0.45);
}

static const double cover_tones[][3] = { { 0.35, 0.05, 0.04 },
                                         { 0.05, 0.12, 0.3 },
                                         { 0.08, 0.2, 0.09 },
                                         { 0.05, 0.05, 0.05 },
                                         { 0.45, 0.35, 0.15 } };

static void b_book(WorldKit *k, BaseRng *rng)
{
    int cover = pick_mat(k, rng, cover_tones, BASE_ARRAY_LEN(cover_tones));
    int paper = world_kit_mat(k, 0.68, 0.65, 0.55);
    span(k, cover, -0.08, 0, -0.115, 0.08, 0.004, 0.115);
    span(k, paper, -0.075, 0.004, -0.11, 0.08, 0.03, 0.11);
    span(k, cover, -0.08, 0.03, -0.115, 0.08, 0.034, 0.115);
    span(k, cover, -0.08, 0, -0.115, -0.075, 0.034, 0.115);
}

static void b_bag(WorldKit *k, BaseRng *rng)
{
    static const double t[][3] = { { 0.2, 0.1, 0.05 },
                                   { 0.05, 0.05, 0.05 },
                                   { 0.15, 0.2, 0.1 } };
    int m = pick_mat(k, rng, t, 3);
    world_kit_ellipsoid(k, m, v3(0, 0.17, 0), v3(0.2, 0.17, 0.11), 0.0, 6, 12);
    for (int s = -1; s <= 1; s += 2)
        world_kit_cyl(k, m, v3(s * 0.08, 0.3, 0), v3(0, 0.42, 0), 0.012, 0.012,
                      5, true);
}

static void b_suitcase(WorldKit *k, BaseRng *rng)
{
    static const double t[][3] = { { 0.3, 0.18, 0.08 },
                                   { 0.05, 0.06, 0.08 },
                                   { 0.35, 0.05, 0.04 } };
    int m = pick_mat(k, rng, t, 3);
    int dark = world_kit_mat(k, 0.03, 0.03, 0.03);
    span(k, m, -0.23, 0.02, -0.1, 0.23, 0.64, 0.1);
    span(k, dark, -0.24, 0.3, -0.105, 0.24, 0.32, 0.105);
    span(k, dark, -0.07, 0.64, -0.015, 0.07, 0.67, 0.015);
    for (int s = -1; s <= 1; s += 2)
        world_kit_cyl(k, dark, v3(s * 0.2, 0.02, -0.11),
                      v3(s * 0.2, 0.02, -0.08), 0.02, 0.02, 6, true);
}

static void b_briefcase(WorldKit *k, BaseRng *rng)
{
    static const double t[][3] = { { 0.12, 0.06, 0.03 }, { 0.03, 0.03, 0.03 } };
    int m = pick_mat(k, rng, t, 2);
    int metal = world_kit_mat_as(k, WORLD_MAT_METAL, 0.75, 0.6, 0.3);
    span(k, m, -0.21, 0, -0.05, 0.21, 0.32, 0.05);
    span(k, m, -0.06, 0.32, -0.012, 0.06, 0.35, 0.012);
    for (int s = -1; s <= 1; s += 2)
        span(k, metal, s * 0.13 - 0.02, 0.29, 0.05, s * 0.13 + 0.02, 0.31,
             0.055);
}

static int wood_mat(WorldKit *k, BaseRng *rng)
{
    static const double t[][3] = { { 0.22, 0.12, 0.06 },
                                   { 0.38, 0.24, 0.13 },
                                   { 0.12, 0.07, 0.04 } };
    return pick_mat(k, rng, t, 3);
}

static int fabric_mat(WorldKit *k, BaseRng *rng)
{
    static const double t[][3] = { { 0.25, 0.08, 0.06 },
                                   { 0.08, 0.12, 0.22 },
                                   { 0.30, 0.27, 0.2 },
                                   { 0.1, 0.16, 0.09 },
                                   { 0.4, 0.33, 0.24 } };
    return pick_mat(k, rng, t, 5);
}

static void b_chair(WorldKit *k, BaseRng *rng)
{
    int w = wood_mat(k, rng);
    world_piece_chair(k, w, w);
}

static void b_stool(WorldKit *k, BaseRng *rng)
{
    int seat = fabric_mat(k, rng);
    int metal = world_kit_mat_as(k, WORLD_MAT_CHROME, 0.62, 0.62, 0.64);
    world_piece_stool(k, seat, metal, 0.75);
}

static void b_table(WorldKit *k, BaseRng *rng)
{
    int w = wood_mat(k, rng);
    world_piece_table(k, w, w, 1.0, 0.6, 0.76);
}

static void b_desk(WorldKit *k, BaseRng *rng)
{
    int w = wood_mat(k, rng);
    int trim = world_kit_mat(k, 0.05, 0.04, 0.03);
    world_piece_table(k, w, w, 1.4, 0.7, 0.75);
    WorldXform prev = world_kit_push(k, v3(0.45, 0, 0), 0.0);
    world_piece_cabinet(k, w, trim, 0.4, 0.7, 0.62, 3);
    k->xf = prev;
}

static void b_sofa(WorldKit *k, BaseRng *rng)
{
    int f = fabric_mat(k, rng);
    int feet = world_kit_mat(k, 0.04, 0.03, 0.02);
    world_piece_sofa(k, f, f, feet, 2.0);
}

static void b_armchair(WorldKit *k, BaseRng *rng)
{
    int f = fabric_mat(k, rng);
    int feet = world_kit_mat(k, 0.04, 0.03, 0.02);
    world_piece_sofa(k, f, f, feet, 0.95);
}

static void b_bed(WorldKit *k, BaseRng *rng)
{
    int w = wood_mat(k, rng);
    int sheet = world_kit_mat(k, 0.7, 0.69, 0.65);
    world_piece_bed(k, w, sheet, fabric_mat(k, rng), 1.4);
}

static void b_door(WorldKit *k, BaseRng *rng)
{
    int frame = world_kit_mat(k, 0.6, 0.58, 0.54);
    world_piece_door(k, frame, wood_mat(k, rng), 0.9, 2.05);
}

static void b_window(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int frame = world_kit_mat(k, 0.6, 0.58, 0.54);
    WorldXform prev = world_kit_push(k, v3(0, 0.9, 0), 0.0);
    world_piece_window(k, frame, 1.2, 1.2, 0.12);
    k->xf = prev;
}

static const double car_paints[][3] = {
    { 0.35, 0.03, 0.02 }, { 0.03, 0.08, 0.2 }, { 0.5, 0.48, 0.44 },
    { 0.04, 0.04, 0.04 }, { 0.05, 0.2, 0.1 },  { 0.5, 0.4, 0.15 },
};

static void b_car(WorldKit *k, BaseRng *rng)
{
    world_piece_car(k, rng, pick_mat(k, rng, car_paints, 6));
}

static void b_truck(WorldKit *k, BaseRng *rng)
{
    world_piece_truck(k, rng, pick_mat(k, rng, car_paints, 6));
}

static void b_sign(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int post = world_kit_mat_as(k, WORLD_MAT_METAL, 0.45, 0.45, 0.46);
    int face = world_kit_mat(k, 0.65, 0.64, 0.6);
    int edge = world_kit_mat(k, 0.4, 0.04, 0.03);
    world_kit_cyl(k, post, v3(0, 0, 0), v3(0, 2.2, 0), 0.035, 0.035, 6, true);
    span(k, edge, -0.42, 1.6, 0.035, 0.42, 2.2, 0.05);
    span(k, face, -0.38, 1.64, 0.05, 0.38, 2.16, 0.055);
}

static void b_streetlamp(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    world_piece_lamp_post(k, 4.5);
}

static void b_tree(WorldKit *k, BaseRng *rng)
{
    world_piece_tree(k, rng, base_rng_range(rng, 5.0, 8.0));
}

static void b_palm(WorldKit *k, BaseRng *rng)
{
    world_piece_palm(k, rng, base_rng_range(rng, 5.0, 8.0));
}

static void b_pine(WorldKit *k, BaseRng *rng)
{
    world_piece_pine(k, rng, base_rng_range(rng, 6.0, 10.0));
}

static void b_bush(WorldKit *k, BaseRng *rng)
{
    world_piece_bush(k, rng, 0.6);
}

static void b_cactus(WorldKit *k, BaseRng *rng)
{
    world_piece_cactus(k, rng, base_rng_range(rng, 1.8, 3.0));
}

static void b_rock(WorldKit *k, BaseRng *rng)
{
    world_piece_rock(k, rng, base_rng_range(rng, 0.4, 0.8));
}

static void b_crate(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    world_piece_crate(k, world_kit_mat(k, 0.4, 0.3, 0.18), 0.7);
}

static void b_barrel(WorldKit *k, BaseRng *rng)
{
    static const double t[][3] = { { 0.25, 0.14, 0.06 },
                                   { 0.05, 0.1, 0.3 },
                                   { 0.4, 0.05, 0.04 } };
    world_piece_barrel(k, pick_mat(k, rng, t, 3),
                       world_kit_mat(k, 0.05, 0.05, 0.05));
}

static void b_bench(WorldKit *k, BaseRng *rng)
{
    int w = wood_mat(k, rng);
    int metal = world_kit_mat(k, 0.06, 0.06, 0.065);
    span(k, w, -0.9, 0.42, -0.22, 0.9, 0.47, 0.22);
    span(k, w, -0.9, 0.5, -0.25, 0.9, 0.85, -0.2);
    for (int s = -1; s <= 1; s += 2)
        span(k, metal, s * 0.8 - 0.03, 0, -0.22, s * 0.8 + 0.03, 0.45, 0.22);
}

static void b_guitar(WorldKit *k, BaseRng *rng)
{
    static const double t[][3] = { { 0.45, 0.22, 0.06 },
                                   { 0.05, 0.04, 0.03 },
                                   { 0.4, 0.05, 0.03 } };
    int body = pick_mat(k, rng, t, 3);
    int dark = world_kit_mat(k, 0.04, 0.03, 0.02);
    world_kit_ellipsoid(k, body, v3(0, 0.22, 0), v3(0.19, 0.21, 0.05), 0.0, 6,
                        14);
    world_kit_ellipsoid(k, body, v3(0, 0.46, 0), v3(0.15, 0.14, 0.05), 0.0, 5,
                        14);
    world_kit_cyl(k, dark, v3(0, 0.3, 0.05), v3(0, 0.3, 0.052), 0.05, 0.05, 10,
                  true);
    span(k, dark, -0.025, 0.55, -0.015, 0.025, 1.0, 0.015);
    span(k, dark, -0.04, 1.0, -0.015, 0.04, 1.12, 0.015);
}

static void b_umbrella(WorldKit *k, BaseRng *rng)
{
    static const double t[][3] = { { 0.02, 0.02, 0.02 },
                                   { 0.4, 0.05, 0.04 },
                                   { 0.05, 0.1, 0.3 } };
    int c = pick_mat(k, rng, t, 3);
    int handle = world_kit_mat(k, 0.1, 0.06, 0.03);
    world_kit_cyl(k, handle, v3(0, 0, 0), v3(0, 0.12, 0), 0.015, 0.015, 6,
                  true);
    world_piece_umbrella(k, c, 0.5, 0.95);
}

static void b_clock(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int body = world_kit_mat(k, 0.45, 0.05, 0.04);
    int face = world_kit_mat(k, 0.72, 0.7, 0.65);
    world_kit_cyl(k, body, v3(0, 0.07, -0.025), v3(0, 0.07, 0.025), 0.065,
                  0.065, 14, true);
    world_kit_cyl(k, face, v3(0, 0.07, 0.025), v3(0, 0.07, 0.027), 0.055, 0.055,
                  14, true);
    span(k, body, -0.05, 0, -0.02, 0.05, 0.01, 0.02);
}

static void b_mirror(WorldKit *k, BaseRng *rng)
{
    int frame = wood_mat(k, rng);
    int glass = world_kit_mat_as(k, WORLD_MAT_CHROME, 0.9, 0.9, 0.9);
    span(k, frame, -0.32, 0, -0.04, 0.32, 1.6, 0.0);
    span(k, glass, -0.27, 0.05, 0.0, 0.27, 1.55, 0.005);
    span(k, frame, -0.3, 0, -0.4, -0.26, 0.05, 0.0);
    span(k, frame, 0.26, 0, -0.4, 0.3, 0.05, 0.0);
}

static void b_plant(WorldKit *k, BaseRng *rng)
{
    world_piece_plant(k, rng, 0.7);
}

static void b_fence(WorldKit *k, BaseRng *rng)
{
    WorldXform prev = world_kit_push(k, v3(-2.0, 0, 0), 0.0);
    world_piece_fence(k, wood_mat(k, rng), 4.0, 1.2);
    k->xf = prev;
}

static void b_mailbox(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int post = world_kit_mat(k, 0.3, 0.22, 0.12);
    int box = world_kit_mat(k, 0.1, 0.12, 0.14);
    span(k, post, -0.04, 0, -0.04, 0.04, 1.0, 0.04);
    span(k, box, -0.12, 1.0, -0.24, 0.12, 1.2, 0.24);
    world_kit_cyl(k, box, v3(0, 1.2, -0.24), v3(0, 1.2, 0.24), 0.12, 0.12, 10,
                  true);
}

static void b_bicycle(WorldKit *k, BaseRng *rng)
{
    int frame = pick_mat(k, rng, car_paints, 6);
    int tyre = world_kit_mat(k, 0.02, 0.02, 0.02);
    for (int s = -1; s <= 1; s += 2)
        world_kit_cyl(k, tyre, v3(-0.015, 0.34, s * 0.52),
                      v3(0.015, 0.34, s * 0.52), 0.34, 0.34, 18, true);
    Vec3 rear = v3(0, 0.34, -0.52), front = v3(0, 0.34, 0.52);
    Vec3 crank = v3(0, 0.3, -0.05), seat = v3(0, 0.85, -0.2);
    Vec3 head = v3(0, 0.85, 0.38);
    world_kit_cyl(k, frame, rear, crank, 0.015, 0.015, 5, true);
    world_kit_cyl(k, frame, crank, seat, 0.018, 0.018, 5, true);
    world_kit_cyl(k, frame, crank, head, 0.02, 0.02, 5, true);
    world_kit_cyl(k, frame, seat, head, 0.018, 0.018, 5, true);
    world_kit_cyl(k, frame, rear, seat, 0.013, 0.013, 5, true);
    world_kit_cyl(k, frame, front, v3(0, 1.0, 0.42), 0.016, 0.016, 5, true);
    world_kit_cyl(k, tyre, v3(-0.25, 1.0, 0.42), v3(0.25, 1.0, 0.42), 0.014,
                  0.014, 5, true);
    span(k, tyre, -0.06, 0.88, -0.32, 0.06, 0.93, -0.12);
}

static void b_boat(WorldKit *k, BaseRng *rng)
{
    world_piece_boat(k, rng, 4.0);
}

static void b_horse(WorldKit *k, BaseRng *rng)
{
    world_piece_horse(k, rng);
}

static void b_tv(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    world_piece_tv(k, 0.6);
}

static void b_fridge(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int white = world_kit_mat_as(k, WORLD_MAT_GLOSS, 0.62, 0.62, 0.6);
    int steel = world_kit_mat_as(k, WORLD_MAT_METAL, 0.55, 0.55, 0.57);
    span(k, white, -0.38, 0, -0.35, 0.38, 1.8, 0.35);
    span(k, steel, -0.34, 0.5, 0.35, -0.31, 1.1, 0.39);
    span(k, steel, -0.34, 1.25, 0.35, -0.31, 1.65, 0.39);
}

static void b_bin(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int m = world_kit_mat(k, 0.15, 0.16, 0.17);
    world_kit_cyl(k, m, v3(0, 0, 0), v3(0, 0.75, 0), 0.24, 0.27, 14, true);
    world_kit_cyl(k, m, v3(0, 0.75, 0), v3(0, 0.8, 0), 0.29, 0.26, 14, true);
}

static void b_radio(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int body = world_kit_mat(k, 0.3, 0.18, 0.08);
    int cloth = world_kit_mat(k, 0.45, 0.4, 0.3);
    int dark = world_kit_mat(k, 0.03, 0.03, 0.03);
    span(k, body, -0.16, 0, -0.07, 0.16, 0.2, 0.07);
    span(k, cloth, -0.13, 0.03, 0.07, 0.02, 0.17, 0.072);
    world_kit_cyl(k, dark, v3(0.08, 0.1, 0.07), v3(0.08, 0.1, 0.085), 0.025,
                  0.025, 10, true);
}

static void b_candle(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int wax = world_kit_mat(k, 0.72, 0.68, 0.55);
    int flame = world_kit_mat_as(k, WORLD_MAT_NEON, 0.95, 0.7, 0.2);
    world_kit_cyl(k, wax, v3(0, 0, 0), v3(0, 0.15, 0), 0.022, 0.022, 10, true);
    world_kit_ellipsoid(k, flame, v3(0, 0.17, 0), v3(0.008, 0.018, 0.008), 0.0,
                        3, 6);
}

static void b_cash(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int note = world_kit_mat(k, 0.3, 0.38, 0.25);
    int band = world_kit_mat(k, 0.6, 0.55, 0.4);
    span(k, note, -0.078, 0, -0.033, 0.078, 0.025, 0.033);
    span(k, band, -0.015, 0, -0.034, 0.015, 0.026, 0.034);
}

static void b_paper(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int white = world_kit_mat(k, 0.72, 0.71, 0.66);
    span(k, white, -0.105, 0, -0.148, 0.105, 0.003, 0.148);
}

static void b_tire(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int m = world_kit_mat(k, 0.02, 0.02, 0.02);
    int hub = world_kit_mat_as(k, WORLD_MAT_METAL, 0.55, 0.55, 0.57);
    world_kit_cyl(k, m, v3(0, 0, 0), v3(0, 0.21, 0), 0.33, 0.33, 16, true);
    world_kit_cyl(k, hub, v3(0, 0.21, 0), v3(0, 0.212, 0), 0.18, 0.18, 12,
                  true);
}

static void b_piano(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int black = world_kit_mat_as(k, WORLD_MAT_PAINT, 0.02, 0.02, 0.02);
    int ivory = world_kit_mat(k, 0.72, 0.7, 0.62);
    span(k, black, -0.75, 0, -0.3, 0.75, 1.25, 0.0);
    span(k, black, -0.75, 0.65, 0.0, 0.75, 0.72, 0.3);
    span(k, ivory, -0.7, 0.72, 0.05, 0.7, 0.75, 0.25);
    for (int s = -1; s <= 1; s += 2)
        span(k, black, s * 0.72 - 0.03, 0, 0.0, s * 0.72 + 0.03, 0.65, 0.3);
}

static void b_typewriter(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int body = world_kit_mat(k, 0.05, 0.06, 0.05);
    int keys = world_kit_mat(k, 0.6, 0.58, 0.5);
    span(k, body, -0.16, 0, -0.15, 0.16, 0.08, 0.12);
    span(k, keys, -0.13, 0.08, 0.0, 0.13, 0.09, 0.11);
    world_kit_cyl(k, body, v3(-0.2, 0.13, -0.1), v3(0.2, 0.13, -0.1), 0.03,
                  0.03, 10, true);
}

static void b_ladder(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int al = world_kit_mat_as(k, WORLD_MAT_METAL, 0.6, 0.6, 0.62);
    for (int s = -1; s <= 1; s += 2)
        world_kit_cyl(k, al, v3(s * 0.22, 0, 0), v3(s * 0.2, 2.4, -0.5), 0.025,
                      0.025, 5, true);
    for (int i = 1; i < 8; i++) {
        double f = i / 8.0;
        world_kit_cyl(k, al, v3(-0.21, 2.4 * f, -0.5 * f),
                      v3(0.21, 2.4 * f, -0.5 * f), 0.015, 0.015, 5, true);
    }
}

static void b_bucket(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int m = world_kit_mat_as(k, WORLD_MAT_METAL, 0.5, 0.51, 0.52);
    world_kit_cyl(k, m, v3(0, 0, 0), v3(0, 0.3, 0), 0.13, 0.16, 12, true);
}

static void b_toolbox(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int red = world_kit_mat(k, 0.45, 0.04, 0.03);
    int dark = world_kit_mat(k, 0.05, 0.05, 0.05);
    span(k, red, -0.22, 0, -0.1, 0.22, 0.2, 0.1);
    span(k, dark, -0.1, 0.2, -0.012, 0.1, 0.24, 0.012);
}

static void b_pen(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int m = world_kit_mat(k, 0.04, 0.05, 0.2);
    world_kit_cyl(k, m, v3(-0.07, 0.005, 0), v3(0.07, 0.005, 0), 0.005, 0.004,
                  6, true);
}

static void b_trash(WorldKit *k, BaseRng *rng)
{
    (void)rng;
    int m = world_kit_mat(k, 0.02, 0.02, 0.025);
    world_kit_ellipsoid(k, m, v3(0, 0.28, 0), v3(0.28, 0.3, 0.26), 0.4, 5, 9);
}

/* The library. Words: the names a prop answers to, "+" after a plural
 * form that is not name + s or es, "*" after a word that is also a verb
 * or a common adjective, so it counts only after a or the or a number
 * ("a drink", not "he drinks"). */
static const WorldPropDef defs[] = {
    { "beer",
      "beer lager ale brew* longneck",
      WORLD_PROP_SMALL,
      WORLD_GRIP_UPRIGHT,
      0.08,
      { 0.035, 0.115, 0.035 },
      b_beer },
    { "bottle",
      "bottle whiskey whisky wine vodka rum bourbon gin tequila liquor booze "
      "scotch",
      WORLD_PROP_SMALL,
      WORLD_GRIP_UPRIGHT,
      0.1,
      { 0.04, 0.15, 0.04 },
      b_bottle },
    { "glass",
      "glass glasses+ tumbler drink* cocktail martini jar",
      WORLD_PROP_SMALL,
      WORLD_GRIP_UPRIGHT,
      0.05,
      { 0.04, 0.05, 0.04 },
      b_glass },
    { "cup",
      "cup mug coffee teacup tea",
      WORLD_PROP_SMALL,
      WORLD_GRIP_UPRIGHT,
      0.05,
      { 0.07, 0.05, 0.05 },
      b_cup },
    { "can",
      "can* soda cola beer_can",
      WORLD_PROP_SMALL,
      WORLD_GRIP_UPRIGHT,
      0.06,
      { 0.035, 0.06, 0.035 },
      b_can },
    { "plate",
      "plate dish bowl meal food breakfast dinner",
      WORLD_PROP_SMALL,
      WORLD_GRIP_NONE,
      0.0,
      { 0.13, 0.02, 0.13 },
      b_plate },
    { "phone",
      "phone cellphone cell_phone smartphone mobile* telephone",
      WORLD_PROP_SMALL,
      WORLD_GRIP_UPRIGHT,
      0.0,
      { 0.04, 0.005, 0.08 },
      b_phone },
    { "gun",
      "gun pistol revolver handgun firearm weapon",
      WORLD_PROP_SMALL,
      WORLD_GRIP_POINT,
      0.0,
      { 0.06, 0.02, 0.12 },
      b_gun },
    { "rifle",
      "rifle shotgun",
      WORLD_PROP_SMALL,
      WORLD_GRIP_POINT,
      0.0,
      { 0.06, 0.025, 0.6 },
      b_rifle },
    { "knife",
      "knife knives+ blade dagger",
      WORLD_PROP_SMALL,
      WORLD_GRIP_POINT,
      0.0,
      { 0.02, 0.01, 0.14 },
      b_knife },
    { "laptop",
      "laptop computer",
      WORLD_PROP_SMALL,
      WORLD_GRIP_NONE,
      0.0,
      { 0.17, 0.1, 0.12 },
      b_laptop },
    { "lamp",
      "lamp lantern",
      WORLD_PROP_SMALL,
      WORLD_GRIP_UPRIGHT,
      0.2,
      { 0.15, 0.23, 0.15 },
      b_lamp },
    { "book",
      "book novel notebook diary journal bible",
      WORLD_PROP_SMALL,
      WORLD_GRIP_UPRIGHT,
      0.0,
      { 0.08, 0.02, 0.115 },
      b_book },
    { "bag",
      "bag backpack duffel purse handbag sack",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_HANG,
      0.42,
      { 0.2, 0.21, 0.11 },
      b_bag },
    { "suitcase",
      "suitcase luggage",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_HANG,
      0.66,
      { 0.24, 0.33, 0.11 },
      b_suitcase },
    { "briefcase",
      "briefcase attache",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_HANG,
      0.34,
      { 0.21, 0.17, 0.05 },
      b_briefcase },
    { "chair",
      "chair",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.23, 0.46, 0.23 },
      b_chair },
    { "stool",
      "stool barstool",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.22, 0.38, 0.22 },
      b_stool },
    { "table",
      "table",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.5, 0.38, 0.3 },
      b_table },
    { "desk",
      "desk",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.7, 0.38, 0.35 },
      b_desk },
    { "sofa",
      "sofa couch settee",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 1.0, 0.43, 0.45 },
      b_sofa },
    { "armchair",
      "armchair recliner",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.48, 0.43, 0.45 },
      b_armchair },
    { "bed",
      "bed cot",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.72, 0.55, 1.05 },
      b_bed },
    { "door",
      "door",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.55, 1.1, 0.05 },
      b_door },
    { "window",
      "window",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.6, 1.05, 0.1 },
      b_window },
    { "car",
      "car sedan automobile vehicle",
      WORLD_PROP_LARGE,
      WORLD_GRIP_NONE,
      0.0,
      { 0.95, 0.72, 2.3 },
      b_car },
    { "truck",
      "truck pickup ute van",
      WORLD_PROP_LARGE,
      WORLD_GRIP_NONE,
      0.0,
      { 1.05, 0.9, 2.75 },
      b_truck },
    { "sign",
      "sign* signpost placard",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.42, 1.1, 0.05 },
      b_sign },
    { "streetlamp",
      "streetlamp street_lamp lamppost lamp_post streetlight street_light",
      WORLD_PROP_LARGE,
      WORLD_GRIP_NONE,
      0.0,
      { 0.2, 2.3, 0.7 },
      b_streetlamp },
    { "palm",
      "palm_tree palm*",
      WORLD_PROP_LARGE,
      WORLD_GRIP_NONE,
      0.0,
      { 1.5, 4.0, 1.5 },
      b_palm },
    { "pine",
      "pine fir",
      WORLD_PROP_LARGE,
      WORLD_GRIP_NONE,
      0.0,
      { 1.8, 4.0, 1.8 },
      b_pine },
    { "tree",
      "tree oak willow",
      WORLD_PROP_LARGE,
      WORLD_GRIP_NONE,
      0.0,
      { 2.0, 3.5, 2.0 },
      b_tree },
    { "bush",
      "bush shrub hedge",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.7, 0.45, 0.7 },
      b_bush },
    { "cactus",
      "cactus cacti+ cactuses+ saguaro",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.6, 1.3, 0.3 },
      b_cactus },
    { "rock",
      "rock* boulder stone*",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.7, 0.4, 0.7 },
      b_rock },
    { "crate",
      "crate box",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.37, 0.35, 0.37 },
      b_crate },
    { "barrel",
      "barrel drum* keg",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.3, 0.45, 0.3 },
      b_barrel },
    { "bench",
      "bench",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.9, 0.43, 0.25 },
      b_bench },
    { "guitar",
      "guitar",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.19, 0.56, 0.05 },
      b_guitar },
    { "umbrella",
      "umbrella parasol",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_UPRIGHT,
      0.06,
      { 0.5, 0.5, 0.5 },
      b_umbrella },
    { "clock",
      "clock",
      WORLD_PROP_SMALL,
      WORLD_GRIP_NONE,
      0.0,
      { 0.065, 0.07, 0.03 },
      b_clock },
    { "mirror",
      "mirror*",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.32, 0.8, 0.2 },
      b_mirror },
    { "plant",
      "plant* houseplant flowers vase",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.25, 0.35, 0.25 },
      b_plant },
    { "fence",
      "fence",
      WORLD_PROP_LARGE,
      WORLD_GRIP_NONE,
      0.0,
      { 2.0, 0.6, 0.1 },
      b_fence },
    { "mailbox",
      "mailbox postbox",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.13, 0.65, 0.25 },
      b_mailbox },
    { "bicycle",
      "bicycle bike",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.26, 0.52, 0.87 },
      b_bicycle },
    { "boat",
      "boat rowboat dinghy",
      WORLD_PROP_LARGE,
      WORLD_GRIP_NONE,
      0.0,
      { 0.8, 0.5, 2.0 },
      b_boat },
    { "horse",
      "horse pony mare stallion",
      WORLD_PROP_LARGE,
      WORLD_GRIP_NONE,
      0.0,
      { 0.35, 1.0, 1.2 },
      b_horse },
    { "tv",
      "tv television telly",
      WORLD_PROP_SMALL,
      WORLD_GRIP_NONE,
      0.0,
      { 0.3, 0.24, 0.1 },
      b_tv },
    { "fridge",
      "fridge refrigerator icebox",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.38, 0.9, 0.37 },
      b_fridge },
    { "bin",
      "bin trashcan trash_can garbage_can dustbin",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.29, 0.4, 0.29 },
      b_bin },
    { "radio",
      "radio",
      WORLD_PROP_SMALL,
      WORLD_GRIP_UPRIGHT,
      0.1,
      { 0.16, 0.1, 0.08 },
      b_radio },
    { "candle",
      "candle",
      WORLD_PROP_SMALL,
      WORLD_GRIP_UPRIGHT,
      0.05,
      { 0.025, 0.095, 0.025 },
      b_candle },
    { "cash",
      "cash money wad bankroll",
      WORLD_PROP_SMALL,
      WORLD_GRIP_UPRIGHT,
      0.0,
      { 0.08, 0.013, 0.035 },
      b_cash },
    { "paper",
      "paper letter envelope form* newspaper document photo photograph map "
      "note*",
      WORLD_PROP_SMALL,
      WORLD_GRIP_UPRIGHT,
      0.0,
      { 0.105, 0.002, 0.15 },
      b_paper },
    { "tire",
      "tire tyre",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.33, 0.11, 0.33 },
      b_tire },
    { "piano",
      "piano",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.78, 0.63, 0.3 },
      b_piano },
    { "typewriter",
      "typewriter",
      WORLD_PROP_SMALL,
      WORLD_GRIP_NONE,
      0.0,
      { 0.2, 0.08, 0.14 },
      b_typewriter },
    { "ladder",
      "ladder",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_NONE,
      0.0,
      { 0.25, 1.2, 0.3 },
      b_ladder },
    { "bucket",
      "bucket pail",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_HANG,
      0.3,
      { 0.16, 0.15, 0.16 },
      b_bucket },
    { "toolbox",
      "toolbox",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_HANG,
      0.24,
      { 0.22, 0.12, 0.1 },
      b_toolbox },
    { "pen",
      "pen pencil",
      WORLD_PROP_SMALL,
      WORLD_GRIP_UPRIGHT,
      0.0,
      { 0.07, 0.005, 0.006 },
      b_pen },
    { "trash bag",
      "trash_bag garbage_bag binbag",
      WORLD_PROP_FLOOR,
      WORLD_GRIP_HANG,
      0.58,
      { 0.28, 0.3, 0.26 },
      b_trash },
};

const WorldPropDef *world_prop_defs(size_t *count)
{
    *count = BASE_ARRAY_LEN(defs);
    return defs;
}

size_t world_prop_library_count(void)
{
    return BASE_ARRAY_LEN(defs);
}

const char *world_prop_library_name(size_t i)
{
    return i < BASE_ARRAY_LEN(defs) ? defs[i].name : NULL;
}

void world_prop_place(WorldKit *k, const WorldPropDef *def, Vec3 base,
                      double yaw, uint64_t variant)
{
    BaseRng rng;
    base_rng_seed(&rng, variant, 0x70726f70u);
    WorldXform prev = world_kit_push(k, base, yaw);
    def->build(k, &rng);
    k->xf = prev;
}

/* ---- reading the action lines --------------------------------------- */

#define TOK_MAX 96

size_t world_words(const char *s, WorldWord *out, size_t cap)
{
    size_t n = 0;
    const char *p = s;
    while (*p && n < cap) {
        if (*p == '.' || *p == '!' || *p == '?' || *p == ';') {
            if (n > 0)
                out[n - 1].end = true;
            p++;
            continue;
        }
        if (!isalnum((unsigned char)*p)) {
            p++;
            continue;
        }
        size_t len = 0;
        while (*p && (isalnum((unsigned char)*p) || *p == '\'')) {
            if (*p == '\'') {
                // A possessive 's ends the word; other apostrophes go.
                if ((p[1] == 's' || p[1] == 'S') &&
                    !isalnum((unsigned char)p[2])) {
                    p += 2;
                    break;
                }
                p++;
                continue;
            }
            if (len < WORLD_WORD_LEN - 1)
                out[n].w[len++] = (char)tolower((unsigned char)*p);
            p++;
        }
        out[n].w[len] = '\0';
        out[n].end = false;
        n++;
    }
    if (n > 0)
        out[n - 1].end = true;
    return n;
}

static bool in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(w, list[i]) == 0)
            return true;
    }
    return false;
}

static const char *const hold_verbs[] = {
    "holds",     "holding", "held",     "grips",   "gripping", "clutches",
    "clutching", "carries", "carrying", "carried", "cradles",  "cradling",
    "takes",     "took",    "grabs",    "grabbed", "picks",    "picked",
    "nurses",    "nursing", "opens",    "checks",  "reads",    "shows",
    "offers",    "lights",  "counts",   "dials",   "answers",  "wields"
};
static const char *const raise_verbs[] = {
    "raises",     "raised",   "raising", "lifts",   "lifted", "lifting",
    "drinks",     "drinking", "sips",    "sipping", "swigs",  "swigging",
    "toasts",     "toasting", "aims",    "aiming",  "points", "pointing",
    "brandishes", "waves",    "waving",  "levels",  "cocks",  "tips"
};
static const char *const put_verbs[] = {
    "sets",  "set",    "puts",    "put",   "places", "placed", "lays",
    "laid",  "drops",  "dropped", "slams", "leaves", "left",   "stands",
    "lines", "stacks", "hands",   "gives", "tosses", "throws", "pushes"
};
static const char *const surface_words[] = {
    "table",   "counter",    "bar",    "desk",  "shelf", "workbench",
    "dresser", "nightstand", "mantel", "stump", "wall"
};
static const char *const determiners[] = {
    "a",    "an",    "the",   "his",  "her",   "their", "my",   "your",
    "its",  "our",   "this",  "that", "these", "those", "some", "another",
    "one",  "two",   "three", "four", "five",  "six",   "both", "each",
    "cold", "empty", "full",  "old",  "new",   "fresh", "warm", "half"
};
static const char *const pronouns[] = { "he",  "she",  "him", "his",
                                        "her", "they", "them" };

// How many a number word before a noun asks for, or 0.
static int number_of(const char *w)
{
    static const char *const n1[] = { "a", "an", "one", "another", "single" };

    static const struct {
        const char *w;
        int n;
    } nums[] = { { "two", 2 },   { "three", 3 },   { "four", 4 },
                 { "five", 5 },  { "six", 6 },     { "seven", 7 },
                 { "eight", 8 }, { "nine", 9 },    { "ten", 10 },
                 { "pair", 2 },  { "couple", 2 },  { "both", 2 },
                 { "few", 3 },   { "several", 3 }, { "dozen", 12 },
                 { "some", 2 } };

    if (in_list(w, n1, BASE_ARRAY_LEN(n1)))
        return 1;
    for (size_t i = 0; i < BASE_ARRAY_LEN(nums); i++) {
        if (strcmp(w, nums[i].w) == 0)
            return nums[i].n;
    }
    if (isdigit((unsigned char)w[0]))
        return atoi(w);
    return 0;
}

// Does token sequence at @p t match library word @p word (one word, or
// two joined by '_')? Sets *plural and *span; *needs_det for a '*' word.
static bool word_match(const WorldWord *t, size_t n, size_t i, const char *word,
                       size_t wlen, bool *plural, size_t *span_n,
                       bool *needs_det)
{
    char buf[48];
    if (wlen >= sizeof(buf))
        return false;
    memcpy(buf, word, wlen);
    buf[wlen] = '\0';
    bool irregular = false;
    *needs_det = false;
    while (wlen > 0 && (buf[wlen - 1] == '*' || buf[wlen - 1] == '+')) {
        if (buf[wlen - 1] == '*')
            *needs_det = true;
        else
            irregular = true;
        buf[--wlen] = '\0';
    }
    char *us = strchr(buf, '_');
    const char *last = buf;
    size_t need = 1;
    if (us) {
        *us = '\0';
        if (i + 1 >= n || strcmp(t[i].w, buf) != 0)
            return false;
        last = us + 1;
        need = 2;
    }
    const char *w = t[i + need - 1].w;
    size_t ll = strlen(last), lw = strlen(w);
    bool pl = false;
    if (strcmp(w, last) == 0) {
        pl = irregular;
    } else if (lw == ll + 1 && w[ll] == 's' && strncmp(w, last, ll) == 0) {
        pl = true;
    } else if (lw == ll + 2 && strncmp(w, last, ll) == 0 &&
               strcmp(w + ll, "es") == 0) {
        pl = true;
    } else if (ll > 1 && last[ll - 1] == 'y' && lw == ll + 2 &&
               strncmp(w, last, ll - 1) == 0 &&
               strcmp(w + ll - 1, "ies") == 0) {
        pl = true;
    } else {
        return false;
    }
    *plural = pl;
    *span_n = need;
    return true;
}

// The library prop named at token @p i, or NULL.
static const WorldPropDef *prop_at(const WorldWord *t, size_t n, size_t i,
                                   bool *plural, size_t *span_n,
                                   bool *needs_det)
{
    const WorldPropDef *best = NULL;
    size_t best_span = 0;
    for (size_t d = 0; d < BASE_ARRAY_LEN(defs); d++) {
        const char *p = defs[d].words;
        while (*p) {
            while (*p == ' ')
                p++;
            const char *q = p;
            while (*q && *q != ' ')
                q++;
            bool pl, nd;
            size_t sp;
            if (q > p &&
                word_match(t, n, i, p, (size_t)(q - p), &pl, &sp, &nd) &&
                sp > best_span) {
                best = &defs[d];
                best_span = sp;
                *plural = pl;
                *needs_det = nd;
            }
            p = q;
        }
    }
    *span_n = best_span;
    return best;
}

const WorldPropDef *world_prop_word(const char *word)
{
    WorldWord t;
    size_t len = strlen(word);
    if (len == 0 || len >= sizeof(t.w))
        return NULL;
    for (size_t i = 0; i <= len; i++)
        t.w[i] = (char)tolower((unsigned char)word[i]);
    t.end = true;
    bool plural, needs_det;
    size_t sp;
    return prop_at(&t, 1, 0, &plural, &sp, &needs_det);
}

// Which cast member of the scene token @p i names, or SIZE_MAX.
static size_t cast_at(const Production *prod, const WorldFigure *figures,
                      size_t nf, const WorldWord *t, size_t n, size_t i,
                      size_t *span_n)
{
    for (size_t f = 0; f < nf; f++) {
        const char *name = prod->cast[figures[f].cast_index].name;
        if (!name)
            continue;
        // Compare the name word by word, ignoring case.
        const char *p = name;
        size_t k = i;
        bool ok = true;
        while (*p && ok) {
            while (*p && !isalnum((unsigned char)*p))
                p++;
            if (!*p)
                break;
            const char *q = p;
            while (*q && isalnum((unsigned char)*q))
                q++;
            size_t len = (size_t)(q - p);
            if (k >= n || strlen(t[k].w) != len ||
                base_strncasecmp(t[k].w, p, len) != 0)
                ok = false;
            k++;
            p = q;
        }
        if (ok && k > i) {
            *span_n = k - i;
            return figures[f].cast_index;
        }
    }
    return SIZE_MAX;
}

typedef struct Mention {
    const WorldPropDef *def;
    int count;      // most instances any line asks for
    const char *on; // first surface named with it
    size_t holders[4];
    WorldArm arms[4];
    int in_hand[4]; // how many that holder's line names: one, or two
    size_t holder_count;
} Mention;

size_t world_props_read(const Production *prod, const DirectScene *scene,
                        const WorldFigure *figures, size_t figure_count,
                        WorldPropWant *out)
{
    Mention m[WORLD_PROP_WANT_MAX];
    size_t nm = 0;
    size_t last_named = SIZE_MAX;
    WorldWord t[TOK_MAX];
    for (size_t a = 0; a < scene->action_count; a++) {
        if (!scene->actions || !scene->actions[a])
            continue;
        size_t n = world_words(scene->actions[a], t, TOK_MAX);
        size_t subject = SIZE_MAX;
        int verb = 0; // 1 hold, 2 raise, -1 put
        bool taken = false;
        const char *on = NULL;
        size_t sentence_start = 0;
        for (size_t i = 0; i < n; i++) {
            // The surface this sentence puts things on, found ahead.
            if (i == sentence_start) {
                on = NULL;
                for (size_t j = i; j < n; j++) {
                    if ((strcmp(t[j].w, "on") == 0 ||
                         strcmp(t[j].w, "onto") == 0) &&
                        j + 2 < n && strcmp(t[j + 1].w, "the") == 0) {
                        for (size_t s = 0; s < BASE_ARRAY_LEN(surface_words);
                             s++) {
                            if (strcmp(t[j + 2].w, surface_words[s]) == 0)
                                on = surface_words[s];
                        }
                    }
                    if (t[j].end)
                        break;
                }
            }
            size_t sp = 0;
            size_t c = cast_at(prod, figures, figure_count, t, n, i, &sp);
            if (c != SIZE_MAX) {
                if (verb == 0)
                    subject = c;
                last_named = c;
            } else if (in_list(t[i].w, pronouns, BASE_ARRAY_LEN(pronouns))) {
                if (subject == SIZE_MAX && verb == 0)
                    subject = last_named;
                sp = 1;
            } else if (in_list(t[i].w, hold_verbs,
                               BASE_ARRAY_LEN(hold_verbs))) {
                verb = 1;
                taken = false;
                sp = 1;
            } else if (in_list(t[i].w, raise_verbs,
                               BASE_ARRAY_LEN(raise_verbs))) {
                verb = 2;
                taken = false;
                sp = 1;
            } else if (in_list(t[i].w, put_verbs, BASE_ARRAY_LEN(put_verbs))) {
                verb = -1;
                sp = 1;
            } else {
                bool plural = false, needs_det = false;
                const WorldPropDef *d =
                    prop_at(t, n, i, &plural, &sp, &needs_det);
                // "paper cups", "a beer bottle": the last noun is the
                // thing, the ones before it say what kind.
                if (d && sp > 0 && i + sp < n && !t[i + sp - 1].end) {
                    bool pl2, nd2;
                    size_t sp2;
                    if (prop_at(t, n, i + sp, &pl2, &sp2, &nd2) != NULL)
                        d = NULL;
                }
                bool after_on = i >= 2 && strcmp(t[i - 1].w, "the") == 0 &&
                                (strcmp(t[i - 2].w, "on") == 0 ||
                                 strcmp(t[i - 2].w, "onto") == 0);
                // "a glass of whiskey" is a glass: what fills a prop is
                // not another one ("a couple of mugs" is still mugs).
                bool content = false;
                if (i >= 2 && strcmp(t[i - 1].w, "of") == 0) {
                    bool pl2, nd2;
                    size_t sp2;
                    content = prop_at(t, n, i - 2, &pl2, &sp2, &nd2) != NULL;
                }
                int count = 0;
                bool det = false;
                for (size_t b = 1; b <= 3 && b <= i; b++) {
                    const char *w = t[i - b].w;
                    if (t[i - b].end)
                        break;
                    det = det ||
                          in_list(w, determiners, BASE_ARRAY_LEN(determiners));
                    if (!count)
                        count = number_of(w);
                }
                if (d && !after_on && !content && (!needs_det || det)) {
                    if (count <= 0)
                        count = plural ? 2 : 1;
                    if (count > 6)
                        count = 6;
                    size_t k = 0;
                    while (k < nm && m[k].def != d)
                        k++;
                    if (k == nm && nm < WORLD_PROP_WANT_MAX) {
                        memset(&m[nm], 0, sizeof(m[nm]));
                        m[nm++].def = d;
                    }
                    if (k < nm) {
                        Mention *me = &m[k];
                        if (count > me->count)
                            me->count = count;
                        if (!me->on && on)
                            me->on = on;
                        bool holds = verb > 0 && !taken &&
                                     subject != SIZE_MAX &&
                                     d->grip != WORLD_GRIP_NONE;
                        bool known = false;
                        for (size_t h = 0; h < me->holder_count; h++)
                            known = known || me->holders[h] == subject;
                        if (holds && !known && me->holder_count < 4) {
                            me->holders[me->holder_count] = subject;
                            me->in_hand[me->holder_count] = count >= 2 ? 2 : 1;
                            me->arms[me->holder_count++] =
                                verb == 2 ? WORLD_ARM_RAISE : WORLD_ARM_HOLD;
                        }
                        if (holds)
                            taken = true;
                    }
                }
                if (sp == 0)
                    sp = 1;
            }
            if (t[i + sp - 1].end) {
                subject = SIZE_MAX;
                verb = 0;
                taken = false;
                sentence_start = i + sp;
            }
            i += sp - 1;
        }
    }
    // Each held prop is one instance in its holder's hand; the rest of
    // the largest count any line asked for stand on a surface. A hand
    // holds one prop: the first held goes to the right, the next left.
    size_t nw = 0;
    size_t hands_used[64] = { 0 };
    for (size_t k = 0; k < nm && nw < WORLD_PROP_WANT_MAX; k++) {
        Mention *me = &m[k];
        int held = 0;
        for (size_t h = 0; h < me->holder_count && nw < WORLD_PROP_WANT_MAX;
             h++) {
            size_t fi = 0;
            while (fi < figure_count &&
                   figures[fi].cast_index != me->holders[h])
                fi++;
            // One holding two ("two paper cups") has one in each hand.
            int take = me->in_hand[h];
            for (int q = 0; q < take && nw < WORLD_PROP_WANT_MAX; q++) {
                if (fi >= figure_count || fi >= 64 || hands_used[fi] >= 2)
                    break;
                WorldPropWant *w = &out[nw++];
                w->def = me->def;
                w->holder = me->holders[h];
                w->arm = me->arms[h];
                w->hand = hands_used[fi] == 0 ? 1 : 0;
                w->on = NULL;
                w->seat = false;
                hands_used[fi]++;
                held++;
            }
        }
        for (int i = held; i < me->count && nw < WORLD_PROP_WANT_MAX; i++) {
            WorldPropWant *w = &out[nw++];
            w->def = me->def;
            w->holder = SIZE_MAX;
            w->arm = WORLD_ARM_REST;
            w->hand = 1;
            w->on = me->on;
            w->seat = false;
        }
    }
    return nw;
}

/* ---- placing them --------------------------------------------------- */

static void record(WorldProp *out, size_t cap, size_t *n, const char *name,
                   Vec3 lo, Vec3 hi, size_t held_by)
{
    if (*n >= cap || lo.x > hi.x)
        return;
    WorldProp *p = &out[(*n)++];
    p->name = name;
    p->center = v3_scale(v3_add(lo, hi), 0.5);
    p->half_extent = v3_scale(v3_sub(hi, lo), 0.5);
    p->held_by = held_by;
}

static bool surface_matches(const char *surface, const char *want)
{
    if (strcmp(surface, want) == 0)
        return true;
    // A counter and a bar are the same top to a screenwriter.
    bool a = strcmp(surface, "bar") == 0 || strcmp(surface, "counter") == 0;
    bool b = strcmp(want, "bar") == 0 || strcmp(want, "counter") == 0;
    return a && b;
}

static double surface_dist(const WorldStage *st, const WorldSurface *s)
{
    double dx = base_clamp(st->center.x, s->top.x - s->half_x_m,
                           s->top.x + s->half_x_m) -
                st->center.x;
    double dz = base_clamp(st->center.z, s->top.z - s->half_z_m,
                           s->top.z + s->half_z_m) -
                st->center.z;
    return sqrt(dx * dx + dz * dz);
}

// How near a surface must be to the action for props to go on it.
#define SURFACE_NEAR_M 4.5

// A table for the props, behind the cast where the establishing camera
// sees it between them: the first free spot of a few.
static WorldSurface *prop_table(WorldStage *st, WorldProp *out, size_t cap,
                                size_t *n)
{
    static const double spots[][2] = {
        { 0.0, -1.35 }, { -1.9, -0.7 }, { 1.9, -0.7 },
        { 0.0, -2.0 },  { -2.2, 0.4 },  { 2.2, 0.4 },
    };
    const double hx = 0.5, hz = 0.3, h = 0.76;
    double x = 0, z = 0;
    bool found = false;
    for (int pass = 0; pass < 2 && !found; pass++) {
        for (size_t i = 0; i < BASE_ARRAY_LEN(spots) && !found; i++) {
            x = st->center.x + spots[i][0];
            z = st->center.z + spots[i][1];
            if (i == 0)
                z = fmin(z, st->figs.z0 - hz - 0.05);
            WorldFootprint f = world_footprint(x, z, hx, hz, 0.0);
            WorldFootprint fig = st->figs;
            bool clear_of_cast = f.x1 <= fig.x0 || f.x0 >= fig.x1 ||
                                 f.z1 <= fig.z0 || f.z0 >= fig.z1;
            // The second pass ignores the set's own claims (a road's
            // strip, say) but never the cast.
            if (pass == 0 ? world_stage_claim(st, f, 0.0) : clear_of_cast)
                found = true;
        }
    }
    if (!found || st->surface_count >= WORLD_SURFACE_MAX)
        return NULL;
    static const double wood[3] = { 0.3, 0.18, 0.09 };
    BaseRng rng;
    base_rng_seed(&rng, base_hash_name(st->location), 0x746162u);
    int m = world_kit_mat_jitter(st->kit, &rng, wood, 0.1);
    WorldXform prev = world_kit_push(st->kit, v3(x, 0, z), 0.0);
    world_kit_bounds_reset(st->kit);
    world_piece_table(st->kit, m, m, 2.0 * hx, 2.0 * hz, h);
    st->kit->xf = prev;
    record(out, cap, n, "table", st->kit->lo, st->kit->hi, SIZE_MAX);
    world_stage_surface(st, "table", v3(x, h, z), hx, hz);
    return &st->surfaces[st->surface_count - 1];
}

static WorldSurface *find_surface(WorldStage *st, const char *want,
                                  WorldProp *out, size_t cap, size_t *n)
{
    WorldSurface *best = NULL;
    double bd = SURFACE_NEAR_M;
    for (size_t i = 0; i < st->surface_count; i++) {
        WorldSurface *s = &st->surfaces[i];
        if (want && !surface_matches(s->name, want))
            continue;
        double d = surface_dist(st, s);
        if (d <= bd) {
            bd = d;
            best = s;
        }
    }
    if (!best &&
        (!want || strcmp(want, "table") == 0 || strcmp(want, "desk") == 0 ||
         strcmp(want, "counter") == 0 || strcmp(want, "bar") == 0))
        best = prop_table(st, out, cap, n);
    return best;
}

// Records a set surface the first time a prop uses it, as a box from the
// floor to its top.
static void note_surface(const WorldSurface *s, WorldProp *out, size_t cap,
                         size_t *n)
{
    for (size_t i = 0; i < *n; i++) {
        if (fabs(out[i].center.x - s->top.x) < 1e-9 &&
            fabs(out[i].center.z - s->top.z) < 1e-9 &&
            out[i].held_by == SIZE_MAX &&
            fabs(out[i].center.y + out[i].half_extent.y - s->top.y) < 1e-6)
            return;
    }
    record(out, cap, n, s->name,
           v3(s->top.x - s->half_x_m, 0, s->top.z - s->half_z_m),
           v3(s->top.x + s->half_x_m, s->top.y, s->top.z + s->half_z_m),
           SIZE_MAX);
}

// A spot on the floor round the action, at @p r0..r1 from the centre,
// behind or beside the cast, clear of everything.
static bool floor_spot(WorldStage *st, double hx, double hz, double r0,
                       double r1, BaseRng *rng, double *x, double *z,
                       double *yaw)
{
    for (int tries = 0; tries < 40; tries++) {
        double a = base_rng_range(rng, -BASE_PI, 0.05 * BASE_PI);
        if (base_rng_uniform(rng) < 0.5)
            a = -BASE_PI - a;
        double d = base_rng_range(rng, r0, r1);
        double px = st->center.x + d * cos(a), pz = st->center.z + d * sin(a);
        double y = atan2(st->center.x - px, st->center.z - pz);
        WorldFootprint f = world_footprint(px, pz, hx, hz, y);
        if (st->interior &&
            (f.x0 < -st->half_w_m + 0.05 || f.x1 > st->half_w_m - 0.05 ||
             f.z0 < st->back_z_m + 0.05))
            continue;
        if (world_stage_claim(st, f, WORLD_CLEAR_R_M)) {
            *x = px;
            *z = pz;
            *yaw = y;
            return true;
        }
    }
    return false;
}

size_t world_props_place(WorldStage *st, const WorldPropWant *wants, size_t n,
                         WorldPropPass pass, const WorldFigure *figures,
                         size_t figure_count, WorldProp *out, size_t cap)
{
    WorldKit *k = st->kit;
    size_t np = 0;
    BaseRng rng;
    base_rng_seed(&rng, base_hash_name(st->location), 0x706c6163u);
    for (size_t i = 0; i < n; i++) {
        const WorldPropWant *w = &wants[i];
        const WorldPropDef *d = w->def;
        uint64_t variant = base_hash_mix(base_hash_name(st->location), i);
        bool held = w->holder != SIZE_MAX;
        if (w->seat || (pass == WORLD_PROPS_UNHELD && held) ||
            (pass == WORLD_PROPS_HELD && !held))
            continue;
        if (held) {
            const WorldFigure *f = NULL;
            for (size_t j = 0; j < figure_count; j++) {
                if (figures[j].cast_index == w->holder)
                    f = &figures[j];
            }
            if (!f)
                continue;
            int side = w->hand;
            Vec3 wrist = f->joints[WORLD_JOINT_WRIST_L + side];
            Vec3 elbow = f->joints[WORLD_JOINT_ELBOW_L + side];
            Vec3 grip = world_figure_grip(elbow, wrist, f->look.height_m);
            Vec3 fwd = f->facing, up = v3(0, 1, 0);
            WorldXform frame;
            if (d->grip == WORLD_GRIP_POINT) {
                // The model lies with its grip toward -x: stand it up with
                // the grip down and the barrel forward.
                Vec3 side_v = v3_cross(fwd, up);
                frame = world_xform_frame(grip, up, side_v, fwd);
            } else {
                frame =
                    world_xform_yaw(v3(grip.x, grip.y - d->grip_y_m, grip.z),
                                    atan2(fwd.x, fwd.z));
            }
            WorldXform prev = k->xf;
            k->xf = world_xform_compose(&prev, &frame);
            BaseRng pr;
            base_rng_seed(&pr, variant, 0x70726f70u);
            world_kit_bounds_reset(k);
            d->build(k, &pr);
            k->xf = prev;
            record(out, cap, &np, d->name, k->lo, k->hi, w->holder);
            continue;
        }
        if (d->cls == WORLD_PROP_SMALL) {
            WorldSurface *s = find_surface(st, w->on, out, cap, &np);
            if (!s)
                s = find_surface(st, NULL, out, cap, &np);
            if (!s)
                continue;
            note_surface(s, out, cap, &np);
            // Along the long side of the top, from the middle outward,
            // toward its front edge (the camera's side).
            bool along_x = s->half_x_m >= s->half_z_m;
            double len = along_x ? s->half_x_m : s->half_z_m;
            double step = 2.0 * fmax(d->half_m.x, d->half_m.z) + 0.05;
            int slot = (int)s->used_m;
            double off =
                step * (double)((slot + 1) / 2) * (slot % 2 ? 1.0 : -1.0);
            if (fabs(off) + 0.5 * step > len)
                off = fmod(off, fmax(len - 0.5 * step, 0.01));
            double depth = along_x ? s->half_z_m : s->half_x_m;
            double fwd_off =
                fmax(0.0, depth - fmax(d->half_m.z, d->half_m.x) - 0.04);
            Vec3 base =
                along_x
                    ? v3(s->top.x + off, s->top.y, s->top.z + 0.5 * fwd_off)
                    : v3(s->top.x + 0.5 * fwd_off, s->top.y, s->top.z + off);
            s->used_m += 1.0;
            double yaw = base_rng_range(&rng, -0.4, 0.4);
            world_kit_bounds_reset(k);
            world_prop_place(k, d, base, yaw, variant);
            record(out, cap, &np, d->name, k->lo, k->hi, SIZE_MAX);
            continue;
        }
        // Furniture named as a surface the set already has: use it.
        if (strcmp(d->name, "table") == 0 || strcmp(d->name, "desk") == 0) {
            WorldSurface *s = NULL;
            for (size_t j = 0; j < st->surface_count; j++) {
                if (surface_matches(st->surfaces[j].name, d->name) &&
                    surface_dist(st, &st->surfaces[j]) <= SURFACE_NEAR_M)
                    s = &st->surfaces[j];
            }
            if (s) {
                note_surface(s, out, cap, &np);
                continue;
            }
            if (strcmp(d->name, "table") == 0) {
                if (prop_table(st, out, cap, &np))
                    continue;
            }
        }
        double x, z, yaw;
        if (strcmp(d->name, "boat") == 0 && !isnan(st->water_y_m)) {
            world_kit_bounds_reset(k);
            world_prop_place(k, d, st->water_at, 0.5 * BASE_PI, variant);
            record(out, cap, &np, d->name, k->lo, k->hi, SIZE_MAX);
            continue;
        }
        double r0 = d->cls == WORLD_PROP_LARGE ? 5.0 : WORLD_CLEAR_R_M + 0.3;
        double r1 = d->cls == WORLD_PROP_LARGE ? 12.0 : 4.5;
        if (st->interior && d->cls == WORLD_PROP_LARGE)
            r0 = WORLD_CLEAR_R_M + 0.5;
        double ext = fmax(d->half_m.x, d->half_m.z);
        if (!floor_spot(st, ext, ext, r0, r1, &rng, &x, &z, &yaw))
            continue;
        world_kit_bounds_reset(k);
        world_prop_place(k, d, v3(x, 0, z), yaw, variant);
        record(out, cap, &np, d->name, k->lo, k->hi, SIZE_MAX);
    }
    return np;
}
