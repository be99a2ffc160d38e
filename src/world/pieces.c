/* world/pieces.c: parametric pieces the sets and the prop library share:
 * furniture, plants, vehicles, buildings, windows and doors, each built
 * from the kit's boxes, tubes and ellipsoids in its own frame. */
#include "world_internal.h"

WorldXform world_kit_push(WorldKit *k, Vec3 base, double yaw)
{
    WorldXform prev = k->xf;
    WorldXform local = world_xform_yaw(base, yaw);
    k->xf = world_xform_compose(&prev, &local);
    return prev;
}

int world_kit_mat_jitter(WorldKit *k, BaseRng *rng, const double rgb[3],
                         double spread)
{
    double g = 1.0 + spread * (2.0 * base_rng_uniform(rng) - 1.0);
    double c[3];
    for (int i = 0; i < 3; i++) {
        double t = 1.0 + 0.3 * spread * (2.0 * base_rng_uniform(rng) - 1.0);
        c[i] = base_clamp(rgb[i] * g * t, 0.0, 0.9);
    }
    return world_kit_mat(k, c[0], c[1], c[2]);
}

static void box(WorldKit *k, int m, double x, double y, double z, double hx,
                double hy, double hz)
{
    world_kit_box(k, m, v3(x, y, z), v3(hx, hy, hz), 0.0);
}

// A box given by its two corners.
static void span(WorldKit *k, int m, double x0, double y0, double z0, double x1,
                 double y1, double z1)
{
    box(k, m, 0.5 * (x0 + x1), 0.5 * (y0 + y1), 0.5 * (z0 + z1),
        0.5 * fabs(x1 - x0), 0.5 * fabs(y1 - y0), 0.5 * fabs(z1 - z0));
}

static void post(WorldKit *k, int m, double x, double z, double y0, double y1,
                 double r, unsigned seg)
{
    world_kit_cyl(k, m, v3(x, y0, z), v3(x, y1, z), r, r, seg, true);
}

static double pick(BaseRng *rng, double lo, double hi)
{
    return base_rng_range(rng, lo, hi);
}

/* ---- furniture ------------------------------------------------------ */

void world_piece_table(WorldKit *k, int top, int legs, double w, double d,
                       double h)
{
    const double t = 0.04, l = 0.028;
    box(k, top, 0, h - 0.5 * t, 0, 0.5 * w, 0.5 * t, 0.5 * d);
    // An apron under the top stiffens it and reads as a real table.
    span(k, legs, -0.5 * w + 0.06, h - t - 0.09, -0.5 * d + 0.06,
         0.5 * w - 0.06, h - t, 0.5 * d - 0.06);
    for (int i = 0; i < 4; i++) {
        double x = (i & 1) ? 0.5 * w - 0.07 : -0.5 * w + 0.07;
        double z = (i & 2) ? 0.5 * d - 0.07 : -0.5 * d + 0.07;
        box(k, legs, x, 0.5 * (h - t), z, l, 0.5 * (h - t), l);
    }
}

void world_piece_round_table(WorldKit *k, int top, int base, double r, double h)
{
    world_kit_cyl(k, top, v3(0, h - 0.035, 0), v3(0, h, 0), r, r, 20, true);
    post(k, base, 0, 0, 0.03, h - 0.035, 0.04, 8);
    world_kit_cyl(k, base, v3(0, 0, 0), v3(0, 0.03, 0), 0.28 * r + 0.12,
                  0.2 * r + 0.08, 14, true);
}

void world_piece_chair(WorldKit *k, int frame, int seat)
{
    const double sh = 0.46, hw = 0.22;
    box(k, seat, 0, sh - 0.025, 0, hw, 0.025, hw);
    for (int i = 0; i < 4; i++) {
        double x = (i & 1) ? hw - 0.03 : -hw + 0.03;
        double z = (i & 2) ? hw - 0.03 : -hw + 0.03;
        double top = (i & 2) ? sh - 0.05 : 0.92;
        box(k, frame, x, 0.5 * top, z, 0.018, 0.5 * top, 0.018);
    }
    box(k, seat, 0, 0.77, -hw + 0.03, hw - 0.02, 0.12, 0.015);
}

void world_piece_stool(WorldKit *k, int seat, int metal, double h)
{
    metal = world_kit_mat_kind(k, metal, WORLD_MAT_CHROME);
    world_kit_cyl(k, seat, v3(0, h - 0.07, 0), v3(0, h, 0), 0.19, 0.2, 16,
                  true);
    post(k, metal, 0, 0, 0.03, h - 0.07, 0.028, 8);
    world_kit_cyl(k, metal, v3(0, 0, 0), v3(0, 0.03, 0), 0.22, 0.2, 14, true);
    // The foot ring: a band of tube at shin height.
    world_kit_cyl(k, metal, v3(0, 0.3 * h, 0), v3(0, 0.3 * h + 0.02, 0), 0.17,
                  0.17, 14, false);
}

void world_piece_sofa(WorldKit *k, int fabric, int cushion, int feet, double w)
{
    const double d = 0.9, hw = 0.5 * w;
    span(k, fabric, -hw, 0.1, -0.5 * d, hw, 0.4, 0.5 * d);
    span(k, fabric, -hw, 0.1, -0.5 * d, hw, 0.86, -0.5 * d + 0.22);
    span(k, fabric, -hw, 0.1, -0.5 * d, -hw + 0.18, 0.64, 0.5 * d);
    span(k, fabric, hw - 0.18, 0.1, -0.5 * d, hw, 0.64, 0.5 * d);
    size_t n = w > 1.7 ? 3 : 2;
    double cw = (w - 0.36) / (double)n;
    for (size_t i = 0; i < n; i++) {
        double x0 = -hw + 0.18 + cw * (double)i;
        span(k, cushion, x0 + 0.01, 0.4, -0.5 * d + 0.22, x0 + cw - 0.01, 0.5,
             0.5 * d - 0.02);
        span(k, cushion, x0 + 0.02, 0.5, -0.5 * d + 0.2, x0 + cw - 0.02, 0.8,
             -0.5 * d + 0.34);
    }
    for (int i = 0; i < 4; i++) {
        double x = (i & 1) ? hw - 0.08 : -hw + 0.08;
        double z = (i & 2) ? 0.5 * d - 0.08 : -0.5 * d + 0.08;
        box(k, feet, x, 0.05, z, 0.03, 0.05, 0.03);
    }
}

void world_piece_bed(WorldKit *k, int frame, int sheet, int blanket, double w)
{
    const double l = 2.05, hw = 0.5 * w;
    span(k, frame, -hw, 0.12, -0.5 * l, hw, 0.35, 0.5 * l);
    for (int i = 0; i < 4; i++) {
        double x = (i & 1) ? hw - 0.05 : -hw + 0.05;
        double z = (i & 2) ? 0.5 * l - 0.05 : -0.5 * l + 0.05;
        box(k, frame, x, 0.06, z, 0.04, 0.06, 0.04);
    }
    span(k, sheet, -hw + 0.03, 0.35, -0.5 * l + 0.06, hw - 0.03, 0.58,
         0.5 * l - 0.03);
    // The blanket hangs over the foot and sides of the lower two thirds.
    span(k, blanket, -hw + 0.01, 0.3, -0.5 * l + 0.7, hw - 0.01, 0.6,
         0.5 * l - 0.01);
    double pw = w > 1.2 ? 0.5 * w - 0.12 : w - 0.3;
    for (int i = 0; i < (w > 1.2 ? 2 : 1); i++) {
        double x = w > 1.2 ? (i ? 0.5 : -0.5) * (pw + 0.06) : 0.0;
        world_kit_ellipsoid(k, sheet, v3(x, 0.64, -0.5 * l + 0.3),
                            v3(0.5 * pw, 0.07, 0.2), 0.0, 4, 10);
    }
    span(k, frame, -hw - 0.03, 0.0, -0.5 * l - 0.06, hw + 0.03, 1.1, -0.5 * l);
}

void world_piece_shelves(WorldKit *k, BaseRng *rng, int wood, double w,
                         double h, double d, size_t rows, bool books)
{
    const double t = 0.025, hw = 0.5 * w;
    span(k, wood, -hw, 0, -0.5 * d, -hw + t, h, 0.5 * d);
    span(k, wood, hw - t, 0, -0.5 * d, hw, h, 0.5 * d);
    span(k, wood, -hw, 0, -0.5 * d, hw, h, -0.5 * d + 0.01);
    double gap = (h - t) / (double)rows;
    static const double book_tones[][3] = {
        { 0.35, 0.05, 0.04 }, { 0.05, 0.12, 0.30 }, { 0.08, 0.20, 0.09 },
        { 0.45, 0.35, 0.15 }, { 0.05, 0.05, 0.05 }, { 0.50, 0.45, 0.38 },
        { 0.30, 0.12, 0.05 },
    };
    static const double glass_tones[][3] = {
        { 0.05, 0.12, 0.04 }, { 0.20, 0.09, 0.02 }, { 0.45, 0.48, 0.46 },
        { 0.30, 0.20, 0.05 }, { 0.10, 0.04, 0.03 },
    };
    int bm[BASE_ARRAY_LEN(book_tones)], gm[BASE_ARRAY_LEN(glass_tones)];
    for (size_t i = 0; i < BASE_ARRAY_LEN(book_tones); i++)
        bm[i] = world_kit_mat(k, book_tones[i][0], book_tones[i][1],
                              book_tones[i][2]);
    for (size_t i = 0; i < BASE_ARRAY_LEN(glass_tones); i++)
        gm[i] =
            world_kit_mat_as(k, WORLD_MAT_GLASS, sqrt(glass_tones[i][0]),
                             sqrt(glass_tones[i][1]), sqrt(glass_tones[i][2]));
    for (size_t r = 0; r <= rows; r++) {
        double y = gap * (double)r;
        span(k, wood, -hw + t, y, -0.5 * d, hw - t, y + t, 0.5 * d);
        if (r == rows)
            break;
        double x = -hw + t + 0.02, room = gap - t - 0.03;
        while (x < hw - t - 0.08) {
            if (books) {
                double bw = pick(rng, 0.025, 0.055);
                double bh = room * pick(rng, 0.65, 0.95);
                int m = bm[base_rng_u32(rng) % BASE_ARRAY_LEN(bm)];
                if (base_rng_uniform(rng) < 0.12) {
                    x += pick(rng, 0.05, 0.15);
                    continue;
                }
                span(k, m, x, y + t, -0.5 * d + 0.03, x + bw, y + t + bh,
                     0.5 * d - 0.02);
                x += bw + 0.002;
            } else {
                double bh = fmin(room * 0.95, pick(rng, 0.22, 0.32));
                int m = gm[base_rng_u32(rng) % BASE_ARRAY_LEN(gm)];
                double bx = x + 0.04;
                // The ends that sit on the shelf or under the neck never
                // show, so they get no caps.
                world_kit_cyl(k, m, v3(bx, y + t, 0),
                              v3(bx, y + t + 0.62 * bh, 0), 0.035, 0.035, 6,
                              false);
                world_kit_cyl(k, m, v3(bx, y + t + 0.62 * bh, 0),
                              v3(bx, y + t + bh, 0), 0.035, 0.012, 6, true);
                x += pick(rng, 0.1, 0.15);
            }
        }
    }
}

void world_piece_cabinet(WorldKit *k, int body, int trim, double w, double h,
                         double d, size_t drawers)
{
    span(k, body, -0.5 * w, 0.0, -0.5 * d, 0.5 * w, h, 0.5 * d);
    if (drawers == 0) {
        // Two doors: a split down the middle and two handles.
        span(k, trim, -0.004, 0.04, 0.5 * d, 0.004, h - 0.04, 0.5 * d + 0.004);
        for (int s = -1; s <= 1; s += 2)
            span(k, trim, s * 0.03 - 0.008, 0.5 * h - 0.07, 0.5 * d,
                 s * 0.03 + 0.008, 0.5 * h + 0.07, 0.5 * d + 0.02);
        return;
    }
    double dh = h / (double)drawers;
    for (size_t i = 0; i < drawers; i++) {
        double y = dh * (double)i;
        span(k, trim, -0.5 * w + 0.02, y + dh - 0.006, 0.5 * d, 0.5 * w - 0.02,
             y + dh + 0.002, 0.5 * d + 0.004);
        span(k, trim, -0.07, y + 0.5 * dh - 0.008, 0.5 * d, 0.07,
             y + 0.5 * dh + 0.008, 0.5 * d + 0.02);
    }
}

void world_piece_counter(WorldKit *k, int body, int top, double w, double h,
                         double d)
{
    // A recessed kick at the foot, the body, and a top that overhangs.
    span(k, body, -0.5 * w + 0.02, 0.0, -0.5 * d, 0.5 * w - 0.02, 0.1,
         0.5 * d - 0.07);
    span(k, body, -0.5 * w, 0.1, -0.5 * d, 0.5 * w, h - 0.04, 0.5 * d);
    span(k, top, -0.5 * w - 0.02, h - 0.04, -0.5 * d, 0.5 * w + 0.02, h,
         0.5 * d + 0.04);
}

void world_piece_lamp(WorldKit *k, int base, int shade, double h)
{
    shade = world_kit_mat_kind(k, shade, WORLD_MAT_LAMP);
    world_kit_cyl(k, base, v3(0, 0, 0), v3(0, 0.03, 0), 0.09, 0.08, 12, true);
    post(k, base, 0, 0, 0.03, h - 0.16, 0.012, 6);
    world_kit_cyl(k, shade, v3(0, h - 0.22, 0), v3(0, h, 0), 0.15, 0.09, 14,
                  true);
}

void world_piece_tv(WorldKit *k, double w)
{
    int black = world_kit_mat_as(k, WORLD_MAT_GLOSS, 0.015, 0.015, 0.017);
    int screen = world_kit_mat_as(k, WORLD_MAT_SCREEN, 0.03, 0.035, 0.045);
    double h = 0.58 * w;
    span(k, black, -0.12, 0, -0.1, 0.12, 0.02, 0.1);
    span(k, black, -0.03, 0.02, -0.03, 0.03, 0.12, 0.01);
    span(k, black, -0.5 * w, 0.1, -0.03, 0.5 * w, 0.1 + h, 0.02);
    span(k, screen, -0.5 * w + 0.015, 0.115, 0.02, 0.5 * w - 0.015, 0.085 + h,
         0.024);
}

void world_piece_plant(WorldKit *k, BaseRng *rng, double h)
{
    static const double pot_tones[][3] = { { 0.40, 0.15, 0.07 },
                                           { 0.55, 0.52, 0.48 },
                                           { 0.08, 0.08, 0.09 } };
    int pot = world_kit_mat_jitter(
        k, rng, pot_tones[base_rng_u32(rng) % BASE_ARRAY_LEN(pot_tones)], 0.08);
    static const double leaf[3] = { 0.05, 0.14, 0.035 };
    int green = world_kit_mat_jitter(k, rng, leaf, 0.2);
    double pr = 0.12 + 0.08 * h;
    world_kit_cyl(k, pot, v3(0, 0, 0), v3(0, 0.3 * h, 0), 0.75 * pr, pr, 12,
                  true);
    size_t n = 3 + base_rng_u32(rng) % 3;
    for (size_t i = 0; i < n; i++) {
        double a = 2.0 * BASE_PI * (double)i / (double)n + pick(rng, 0, 1);
        double r = pick(rng, 0.5, 0.8) * pr;
        Vec3 c = v3(0.4 * r * cos(a), 0.3 * h + pick(rng, 0.25, 0.6) * 0.7 * h,
                    0.4 * r * sin(a));
        world_kit_ellipsoid(k, green, c, v3(r, 0.35 * h, r), a, 4, 8);
    }
}

void world_piece_picture(WorldKit *k, BaseRng *rng, double w, double h)
{
    static const double frames[][3] = { { 0.25, 0.16, 0.05 },
                                        { 0.02, 0.02, 0.02 },
                                        { 0.55, 0.40, 0.12 } };
    static const double art[][3] = { { 0.35, 0.25, 0.12 },
                                     { 0.12, 0.2, 0.3 },
                                     { 0.3, 0.35, 0.2 },
                                     { 0.5, 0.2, 0.12 },
                                     { 0.6, 0.55, 0.4 } };
    int f = world_kit_mat_jitter(
        k, rng, frames[base_rng_u32(rng) % BASE_ARRAY_LEN(frames)], 0.05);
    int a = world_kit_mat_jitter(
        k, rng, art[base_rng_u32(rng) % BASE_ARRAY_LEN(art)], 0.15);
    span(k, f, -0.5 * w, -0.5 * h, 0, 0.5 * w, 0.5 * h, 0.025);
    span(k, a, -0.5 * w + 0.05, -0.5 * h + 0.05, 0.025, 0.5 * w - 0.05,
         0.5 * h - 0.05, 0.03);
}

void world_piece_rug(WorldKit *k, int mat, int border, double w, double d)
{
    // Flat: a character may stand on a rug, and it stays below the feet.
    span(k, border, -0.5 * w, 0, -0.5 * d, 0.5 * w, 0.006, 0.5 * d);
    span(k, mat, -0.5 * w + 0.12, 0.006, -0.5 * d + 0.12, 0.5 * w - 0.12, 0.008,
         0.5 * d - 0.12);
}

/* ---- plants and rocks ----------------------------------------------- */

static int bark(WorldKit *k, BaseRng *rng)
{
    static const double b[3] = { 0.09, 0.065, 0.045 };
    return world_kit_mat_jitter(k, rng, b, 0.2);
}

void world_piece_tree(WorldKit *k, BaseRng *rng, double h)
{
    static const double greens[][3] = { { 0.05, 0.12, 0.03 },
                                        { 0.08, 0.15, 0.04 },
                                        { 0.04, 0.09, 0.035 },
                                        { 0.11, 0.14, 0.04 } };
    int trunk = bark(k, rng);
    int leaf = world_kit_mat_jitter(
        k, rng, greens[base_rng_u32(rng) % BASE_ARRAY_LEN(greens)], 0.12);
    double r = 0.025 * h + 0.08;
    world_kit_cyl(k, trunk, v3(0, -0.1, 0), v3(0, 0.62 * h, 0), r, 0.6 * r, 8,
                  false);
    double crown = 0.3 * h;
    size_t n = 4 + base_rng_u32(rng) % 3;
    world_kit_ellipsoid(k, leaf, v3(0, 0.68 * h, 0),
                        v3(crown, 0.75 * crown, crown), 0.0, 6, 12);
    for (size_t i = 0; i < n; i++) {
        double a = 2.0 * BASE_PI * (double)i / (double)n + pick(rng, 0, 0.8);
        double rr = crown * pick(rng, 0.5, 0.75);
        Vec3 c = v3(0.6 * crown * cos(a), 0.58 * h + pick(rng, 0, 0.3) * h,
                    0.6 * crown * sin(a));
        world_kit_ellipsoid(k, leaf, c, v3(rr, 0.8 * rr, rr), a, 5, 10);
    }
}

void world_piece_pine(WorldKit *k, BaseRng *rng, double h)
{
    static const double g[3] = { 0.025, 0.065, 0.035 };
    int trunk = bark(k, rng);
    int leaf = world_kit_mat_jitter(k, rng, g, 0.15);
    double r = 0.02 * h + 0.06;
    world_kit_cyl(k, trunk, v3(0, -0.1, 0), v3(0, 0.3 * h, 0), r, 0.8 * r, 7,
                  false);
    size_t tiers = 3 + (h > 8 ? 1 : 0);
    for (size_t i = 0; i < tiers; i++) {
        double f = (double)i / (double)tiers;
        double y0 = h * (0.18 + 0.62 * f), y1 = y0 + h * (0.45 - 0.1 * f);
        double rr = 0.23 * h * (1.0 - 0.55 * f);
        world_kit_cyl(k, leaf, v3(0, y0, 0), v3(0, fmin(y1, h), 0), rr, 0.0, 10,
                      true);
    }
}

void world_piece_palm(WorldKit *k, BaseRng *rng, double h)
{
    static const double trunk_c[3] = { 0.22, 0.17, 0.11 };
    static const double frond_c[3] = { 0.06, 0.15, 0.04 };
    int trunk = world_kit_mat_jitter(k, rng, trunk_c, 0.1);
    int frond = world_kit_mat_jitter(k, rng, frond_c, 0.15);
    double lean = pick(rng, 0.05, 0.18), dir = pick(rng, 0, 2.0 * BASE_PI);
    Vec3 p = v3(0, -0.1, 0);
    const int segs = 5;
    for (int i = 0; i < segs; i++) {
        double f = (double)(i + 1) / (double)segs;
        Vec3 q =
            v3(lean * h * f * f * cos(dir), h * f, lean * h * f * f * sin(dir));
        double r = 0.17 - 0.06 * f;
        world_kit_cyl(k, trunk, p, q, r + 0.01, r, 8, false);
        p = q;
    }
    size_t n = 7 + base_rng_u32(rng) % 3;
    for (size_t i = 0; i < n; i++) {
        double a = 2.0 * BASE_PI * (double)i / (double)n + pick(rng, 0, 0.4);
        double len = pick(rng, 1.6, 2.3);
        Vec3 c = v3_add(
            p, v3(0.45 * len * cos(a), -0.25 * len * 0.5, 0.45 * len * sin(a)));
        // Each frond a long, thin, flattened ellipsoid drooping outward.
        Vec3 out = v3(cos(a), -0.45, sin(a));
        WorldLoft loft;
        world_loft_ellipsoid(&loft, 0.28, 0.5 * len, 0.03, 5, 8);
        WorldXform xf = world_xform_along(c, out, v3(0, 1, 0));
        world_kit_loft(k, frond, &loft, &xf);
    }
    int nut = world_kit_mat(k, 0.12, 0.08, 0.03);
    world_kit_ellipsoid(k, nut, v3_add(p, v3(0, -0.2, 0)), v3(0.2, 0.18, 0.2),
                        0.0, 4, 8);
}

void world_piece_bush(WorldKit *k, BaseRng *rng, double r)
{
    static const double g[3] = { 0.045, 0.10, 0.03 };
    int leaf = world_kit_mat_jitter(k, rng, g, 0.25);
    size_t n = 2 + base_rng_u32(rng) % 3;
    for (size_t i = 0; i < n; i++) {
        double a = pick(rng, 0, 2.0 * BASE_PI);
        double rr = r * pick(rng, 0.6, 1.0);
        world_kit_ellipsoid(k, leaf,
                            v3(0.5 * r * cos(a), 0.6 * rr, 0.5 * r * sin(a)),
                            v3(rr, 0.75 * rr, rr), a, 4, 9);
    }
}

void world_piece_cactus(WorldKit *k, BaseRng *rng, double h)
{
    static const double g[3] = { 0.07, 0.14, 0.06 };
    int m = world_kit_mat_jitter(k, rng, g, 0.12);
    double r = 0.06 * h + 0.05;
    world_kit_cyl(k, m, v3(0, -0.05, 0), v3(0, h - r, 0), r, r, 10, false);
    world_kit_ellipsoid(k, m, v3(0, h - r, 0), v3(r, r, r), 0.0, 4, 10);
    size_t arms = base_rng_u32(rng) % 3;
    for (size_t i = 0; i < arms; i++) {
        double s = i == 0 ? 1.0 : -1.0, ar = 0.7 * r;
        double y = h * pick(rng, 0.35, 0.55), out = pick(rng, 0.35, 0.5);
        double top = y + h * pick(rng, 0.2, 0.3);
        world_kit_cyl(k, m, v3(0, y, 0), v3(s * out, y, 0), ar, ar, 8, false);
        world_kit_ellipsoid(k, m, v3(s * out, y, 0), v3(ar, ar, ar), 0.0, 3, 8);
        world_kit_cyl(k, m, v3(s * out, y, 0), v3(s * out, top, 0), ar, ar, 8,
                      false);
        world_kit_ellipsoid(k, m, v3(s * out, top, 0), v3(ar, ar, ar), 0.0, 3,
                            8);
    }
}

void world_piece_rock(WorldKit *k, BaseRng *rng, double r)
{
    static const double tones[][3] = { { 0.22, 0.19, 0.16 },
                                       { 0.30, 0.25, 0.19 },
                                       { 0.17, 0.17, 0.17 },
                                       { 0.38, 0.28, 0.20 } };
    int m = world_kit_mat_jitter(
        k, rng, tones[base_rng_u32(rng) % BASE_ARRAY_LEN(tones)], 0.12);
    // Few segments give a faceted, stony outline.
    double ry = r * pick(rng, 0.45, 0.8);
    world_kit_ellipsoid(k, m, v3(0, 0.55 * ry, 0),
                        v3(r, ry, r * pick(rng, 0.6, 1.0)),
                        pick(rng, 0, BASE_PI), 3, 6);
}

/* ---- vehicles and animals ------------------------------------------- */

static void wheel(WorldKit *k, int tyre, int hub, double x, double z, double r,
                  double w)
{
    double s = x > 0 ? 1.0 : -1.0;
    world_kit_cyl(k, tyre, v3(x - s * 0.5 * w, r, z), v3(x + s * 0.5 * w, r, z),
                  r, r, 14, true);
    world_kit_cyl(k, hub, v3(x + s * 0.5 * w, r, z),
                  v3(x + s * (0.5 * w + 0.01), r, z), 0.55 * r, 0.55 * r, 10,
                  true);
}

void world_piece_car(WorldKit *k, BaseRng *rng, int paint)
{
    (void)rng;
    paint = world_kit_mat_kind(k, paint, WORLD_MAT_PAINT);
    int glass = world_kit_mat_as(k, WORLD_MAT_GLAZING, 0.02, 0.025, 0.03);
    int tyre = world_kit_mat(k, 0.015, 0.015, 0.015);
    int chrome = world_kit_mat_as(k, WORLD_MAT_CHROME, 0.62, 0.62, 0.64);
    int light = world_kit_mat_as(k, WORLD_MAT_GLOSS, 0.8, 0.78, 0.7);
    int red = world_kit_mat_as(k, WORLD_MAT_GLOSS, 0.5, 0.03, 0.02);
    const double L = 4.4, W = 1.78;
    span(k, paint, -0.5 * W, 0.3, -0.5 * L, 0.5 * W, 0.92, 0.5 * L);
    span(k, paint, -0.5 * W + 0.03, 0.92, -0.5 * L + 0.15, 0.5 * W - 0.03, 0.98,
         0.5 * L - 0.25);
    // The cabin: glass all round under a painted roof, pillars at the
    // corners.
    span(k, glass, -0.5 * W + 0.1, 0.98, -1.0, 0.5 * W - 0.1, 1.38, 0.75);
    span(k, paint, -0.5 * W + 0.12, 1.38, -0.95, 0.5 * W - 0.12, 1.44, 0.62);
    for (int i = 0; i < 4; i++) {
        double x = (i & 1) ? 0.5 * W - 0.12 : -0.5 * W + 0.12;
        double z = (i & 2) ? 0.7 : -0.98;
        box(k, paint, x, 1.18, z, 0.035, 0.22, 0.05);
    }
    span(k, chrome, -0.5 * W, 0.3, 0.5 * L, 0.5 * W, 0.42, 0.5 * L + 0.05);
    span(k, chrome, -0.5 * W, 0.3, -0.5 * L - 0.05, 0.5 * W, 0.42, -0.5 * L);
    for (int s = -1; s <= 1; s += 2) {
        span(k, light, s * 0.6 - 0.15, 0.68, 0.5 * L, s * 0.6 + 0.15, 0.8,
             0.5 * L + 0.01);
        span(k, red, s * 0.62 - 0.14, 0.7, -0.5 * L - 0.01, s * 0.62 + 0.14,
             0.82, -0.5 * L);
    }
    for (int i = 0; i < 4; i++) {
        double x = (i & 1) ? 0.5 * W - 0.1 : -0.5 * W + 0.1;
        double z = (i & 2) ? 1.35 : -1.35;
        wheel(k, tyre, chrome, x, z, 0.33, 0.22);
    }
}

void world_piece_truck(WorldKit *k, BaseRng *rng, int paint)
{
    (void)rng;
    paint = world_kit_mat_kind(k, paint, WORLD_MAT_PAINT);
    int glass = world_kit_mat_as(k, WORLD_MAT_GLAZING, 0.02, 0.025, 0.03);
    int tyre = world_kit_mat(k, 0.015, 0.015, 0.015);
    int chrome = world_kit_mat_as(k, WORLD_MAT_CHROME, 0.62, 0.62, 0.64);
    int bed = world_kit_mat(k, 0.04, 0.04, 0.04);
    const double L = 5.3, W = 1.95;
    span(k, paint, -0.5 * W, 0.45, 0.5 * L - 1.6, 0.5 * W, 1.15, 0.5 * L);
    span(k, paint, -0.5 * W, 0.45, -0.3, 0.5 * W, 1.15, 0.5 * L - 1.6);
    span(k, glass, -0.5 * W + 0.08, 1.15, -0.25, 0.5 * W - 0.08, 1.7,
         0.5 * L - 1.7);
    span(k, paint, -0.5 * W + 0.08, 1.7, -0.3, 0.5 * W - 0.08, 1.8,
         0.5 * L - 1.8);
    // The bed: a floor and three sides, open at the top.
    span(k, bed, -0.5 * W, 0.45, -0.5 * L, 0.5 * W, 0.6, -0.35);
    span(k, paint, -0.5 * W, 0.6, -0.5 * L, -0.5 * W + 0.05, 1.15, -0.35);
    span(k, paint, 0.5 * W - 0.05, 0.6, -0.5 * L, 0.5 * W, 1.15, -0.35);
    span(k, paint, -0.5 * W, 0.6, -0.5 * L, 0.5 * W, 1.15, -0.5 * L + 0.05);
    span(k, chrome, -0.5 * W, 0.4, 0.5 * L, 0.5 * W, 0.58, 0.5 * L + 0.06);
    for (int i = 0; i < 4; i++) {
        double x = (i & 1) ? 0.5 * W - 0.1 : -0.5 * W + 0.1;
        double z = (i & 2) ? 1.6 : -1.7;
        wheel(k, tyre, chrome, x, z, 0.4, 0.26);
    }
}

void world_piece_boat(WorldKit *k, BaseRng *rng, double len)
{
    static const double hulls[][3] = { { 0.6, 0.6, 0.58 },
                                       { 0.08, 0.12, 0.25 },
                                       { 0.45, 0.08, 0.05 },
                                       { 0.12, 0.25, 0.15 } };
    int hull = world_kit_mat_jitter(
        k, rng, hulls[base_rng_u32(rng) % BASE_ARRAY_LEN(hulls)], 0.08);
    int deck = world_kit_mat(k, 0.35, 0.26, 0.16);
    int white = world_kit_mat(k, 0.7, 0.7, 0.68);
    // The hull: a lofted ellipsoid lying along z, its top half cut off by
    // a deck; half of it sits below the waterline at y = 0.
    double beam = 0.19 * len;
    WorldLoft loft;
    world_loft_ellipsoid(&loft, beam, 0.5 * len, 0.35 * beam + 0.25, 8, 14);
    WorldXform xf = world_xform_frame(v3(0, 0.1, 0), v3(1, 0, 0), v3(0, 0, 1),
                                      v3(0, -1, 0));
    world_kit_loft(k, hull, &loft, &xf);
    span(k, deck, -0.85 * beam, 0.1, -0.4 * len, 0.85 * beam, 0.16, 0.4 * len);
    if (len > 5.0) {
        span(k, white, -0.6 * beam, 0.16, -0.15 * len, 0.6 * beam, 1.2,
             0.12 * len);
        world_kit_cyl(k, white, v3(0, 1.2, 0), v3(0, 0.6 * len, 0), 0.05, 0.03,
                      6, true);
    }
}

void world_piece_horse(WorldKit *k, BaseRng *rng)
{
    static const double coats[][3] = { { 0.16, 0.07, 0.03 },
                                       { 0.05, 0.03, 0.02 },
                                       { 0.35, 0.22, 0.12 },
                                       { 0.5, 0.48, 0.45 } };
    int coat = world_kit_mat_jitter(
        k, rng, coats[base_rng_u32(rng) % BASE_ARRAY_LEN(coats)], 0.1);
    int dark = world_kit_mat(k, 0.02, 0.015, 0.01);
    // Body along z, head forward (+z).
    world_kit_ellipsoid(k, coat, v3(0, 1.25, 0), v3(0.3, 0.34, 0.82), 0.0, 8,
                        14);
    world_kit_cyl(k, coat, v3(0, 1.35, 0.6), v3(0, 1.85, 0.95), 0.2, 0.13, 10,
                  false);
    WorldLoft loft;
    world_loft_ellipsoid(&loft, 0.11, 0.3, 0.14, 6, 10);
    WorldXform xf =
        world_xform_along(v3(0, 1.78, 1.12), v3(0, -0.6, 1.0), v3(0, 1, 0));
    world_kit_loft(k, coat, &loft, &xf);
    world_kit_cyl(k, dark, v3(0, 1.95, 0.85), v3(0, 1.55, 0.5), 0.05, 0.05, 6,
                  false);
    for (int i = 0; i < 4; i++) {
        double x = (i & 1) ? 0.17 : -0.17, z = (i & 2) ? 0.55 : -0.55;
        world_kit_cyl(k, coat, v3(x, 1.1, z), v3(x, 0.1, z), 0.07, 0.045, 8,
                      false);
        world_kit_cyl(k, dark, v3(x, 0.1, z), v3(x, 0.0, z), 0.06, 0.065, 8,
                      true);
    }
    world_kit_cyl(k, dark, v3(0, 1.4, -0.78), v3(0, 0.7, -0.95), 0.06, 0.03, 6,
                  true);
}

/* ---- street and yard ------------------------------------------------ */

void world_piece_lamp_post(WorldKit *k, double h)
{
    int metal = world_kit_mat_as(k, WORLD_MAT_GLOSS, 0.05, 0.055, 0.06);
    int glass = world_kit_mat_as(k, WORLD_MAT_BULB, 0.75, 0.72, 0.6);
    post(k, metal, 0, 0, 0, 0.3, 0.12, 10);
    world_kit_cyl(k, metal, v3(0, 0.3, 0), v3(0, h, 0), 0.07, 0.045, 10, true);
    world_kit_cyl(k, metal, v3(0, h - 0.05, 0), v3(0, h, 0.9), 0.035, 0.035, 6,
                  true);
    span(k, metal, -0.16, h - 0.08, 0.75, 0.16, h + 0.06, 1.25);
    span(k, glass, -0.13, h - 0.12, 0.79, 0.13, h - 0.08, 1.21);
}

void world_piece_pole(WorldKit *k, double h)
{
    int wood = world_kit_mat(k, 0.13, 0.09, 0.06);
    post(k, wood, 0, 0, 0, h, 0.12, 8);
    span(k, wood, -0.9, h - 0.6, -0.05, 0.9, h - 0.48, 0.05);
    int white = world_kit_mat(k, 0.6, 0.6, 0.58);
    for (int s = -1; s <= 1; s += 2)
        post(k, white, s * 0.7, 0, h - 0.48, h - 0.36, 0.035, 6);
}

void world_piece_fence(WorldKit *k, int wood, double len, double h)
{
    size_t posts = (size_t)ceil(len / 2.4) + 1;
    double step = len / (double)(posts - 1);
    for (size_t i = 0; i < posts; i++)
        box(k, wood, step * (double)i, 0.5 * (h + 0.1) - 0.1, 0, 0.05,
            0.5 * (h + 0.1), 0.05);
    for (int r = 0; r < 3; r++) {
        double y = h * (0.3 + 0.3 * (double)r);
        span(k, wood, 0, y - 0.05, 0.05, len, y + 0.05, 0.08);
    }
}

void world_piece_crate(WorldKit *k, int wood, double s)
{
    int dark = world_kit_mat(k, 0.12, 0.08, 0.045);
    box(k, wood, 0, 0.5 * s, 0, 0.5 * s, 0.5 * s, 0.5 * s);
    // Battens round the front and back edges.
    for (int f = -1; f <= 1; f += 2) {
        double z = f * (0.5 * s + 0.008);
        box(k, dark, 0, 0.04, z, 0.5 * s, 0.04, 0.01);
        box(k, dark, 0, s - 0.04, z, 0.5 * s, 0.04, 0.01);
        box(k, dark, -0.5 * s + 0.04, 0.5 * s, z, 0.04, 0.5 * s, 0.01);
        box(k, dark, 0.5 * s - 0.04, 0.5 * s, z, 0.04, 0.5 * s, 0.01);
        world_kit_box(k, dark, v3(0, 0.5 * s, z), v3(0.66 * s, 0.04, 0.008),
                      0.0);
    }
}

void world_piece_barrel(WorldKit *k, int body, int hoop)
{
    WorldRing keys[3] = { { 0.0, 0.26, 0.26, 0 },
                          { 0.45, 0.3, 0.3, 0 },
                          { 0.9, 0.26, 0.26, 0 } };
    WorldLoft loft;
    world_loft_profile(&loft, keys, 3, 7, 1, 0.001, 0.001, 14);
    WorldXform id = world_xform_identity();
    world_kit_loft(k, body, &loft, &id);
    static const double ys[3] = { 0.12, 0.45, 0.78 };
    for (int i = 0; i < 3; i++) {
        double r = i == 1 ? 0.305 : 0.285;
        world_kit_cyl(k, hoop, v3(0, ys[i] - 0.02, 0), v3(0, ys[i] + 0.02, 0),
                      r, r, 14, false);
    }
}

void world_piece_umbrella(WorldKit *k, int canopy, double r, double h)
{
    int pole = world_kit_mat_as(k, WORLD_MAT_METAL, 0.6, 0.6, 0.6);
    post(k, pole, 0, 0, 0, h, 0.02, 6);
    world_kit_cyl(k, canopy, v3(0, h - 0.45, 0), v3(0, h + 0.05, 0), r, 0.0, 12,
                  true);
}

/* ---- buildings ------------------------------------------------------ */

void world_piece_building(WorldKit *k, BaseRng *rng, int wall, double w,
                          double h, double d, bool door)
{
    int glass = world_kit_mat_as(k, WORLD_MAT_GLAZING, 0.03, 0.045, 0.06);
    int trim = world_kit_mat(k, 0.5, 0.48, 0.44);
    span(k, wall, -0.5 * w, 0, -d, 0.5 * w, h, 0);
    span(k, trim, -0.5 * w - 0.1, h, -d - 0.1, 0.5 * w + 0.1, h + 0.25, 0.1);
    double floor_h = 3.2;
    size_t floors = (size_t)(h / floor_h);
    size_t cols = (size_t)(w / 2.6);
    if (cols == 0)
        cols = 1;
    double pitch = w / (double)cols;
    bool lit = base_rng_uniform(rng) < 0.5;
    if (floors * cols > 36) {
        // A tower: a band of glass along each floor reads the same from
        // afar for a fraction of the triangles.
        for (size_t f = 0; f < floors; f++) {
            double y0 = floor_h * (double)f + 0.9;
            if (y0 + 1.5 > h - 0.3)
                break;
            span(k, glass, -0.5 * w + 0.4, y0, 0, 0.5 * w - 0.4, y0 + 1.5,
                 0.04);
        }
        if (door) {
            int dark = world_kit_mat(k, 0.06, 0.04, 0.03);
            span(k, dark, -1.0, 0, 0.0, 1.0, 2.6, 0.08);
        }
        return;
    }
    for (size_t f = 0; f < floors; f++) {
        double y0 = floor_h * (double)f + 0.9, y1 = y0 + 1.5;
        if (y1 > h - 0.3)
            break;
        for (size_t c = 0; c < cols; c++) {
            double x = -0.5 * w + pitch * ((double)c + 0.5);
            if (door && f == 0 && c == cols / 2)
                continue;
            double hw = fmin(0.6, 0.32 * pitch);
            span(k, glass, x - hw, y0, 0, x + hw, y1, 0.04);
            span(k, trim, x - hw - 0.06, y0 - 0.08, 0, x + hw + 0.06, y0, 0.08);
            if (lit)
                span(k, trim, x - hw - 0.06, y1, 0, x + hw + 0.06, y1 + 0.06,
                     0.06);
        }
    }
    if (door) {
        double x = -0.5 * w + pitch * ((double)(cols / 2) + 0.5);
        int dark = world_kit_mat(k, 0.06, 0.04, 0.03);
        span(k, trim, x - 0.65, 0, 0, x + 0.65, 2.45, 0.06);
        span(k, dark, x - 0.5, 0, 0.06, x + 0.5, 2.3, 0.08);
    }
}

void world_piece_roof(WorldKit *k, int mat, double w, double d, double y0,
                      double rise)
{
    double hx = 0.5 * w + 0.3, hz = 0.5 * d + 0.4;
    Vec3 a = v3(-hx, y0, hz), b = v3(hx, y0, hz);
    Vec3 c = v3(hx, y0 + rise, 0), e = v3(-hx, y0 + rise, 0);
    Vec3 f = v3(-hx, y0, -hz), g = v3(hx, y0, -hz);
    world_kit_quad(k, mat, a, b, c, e);
    world_kit_quad(k, mat, g, f, e, c);
    // The gable ends fill the triangle under the ridge (the renderer
    // shades both sides of a face, so the eaves read from below too).
    Vec3 l0 = v3(-0.5 * w, y0, 0.5 * d), l1 = v3(-0.5 * w, y0, -0.5 * d);
    Vec3 r0 = v3(0.5 * w, y0, 0.5 * d), r1 = v3(0.5 * w, y0, -0.5 * d);
    double top = y0 + rise;
    world_kit_tri(k, mat, l1, l0, v3(-0.5 * w, top, 0));
    world_kit_tri(k, mat, r0, r1, v3(0.5 * w, top, 0));
}

void world_piece_window(WorldKit *k, int frame, double w, double h,
                        double depth)
{
    const double t = 0.06;
    span(k, frame, -0.5 * w, 0, -0.5 * depth, 0.5 * w, t, 0.5 * depth + 0.05);
    span(k, frame, -0.5 * w, h - t, -0.5 * depth, 0.5 * w, h, 0.5 * depth);
    span(k, frame, -0.5 * w, 0, -0.5 * depth, -0.5 * w + t, h, 0.5 * depth);
    span(k, frame, 0.5 * w - t, 0, -0.5 * depth, 0.5 * w, h, 0.5 * depth);
    // Glazing bars: one upright and one across, thin enough to see past.
    span(k, frame, -0.02, t, -0.02, 0.02, h - t, 0.02);
    span(k, frame, -0.5 * w + t, 0.55 * h - 0.02, -0.02, 0.5 * w - t,
         0.55 * h + 0.02, 0.02);
}

void world_piece_door(WorldKit *k, int frame, int panel, double w, double h)
{
    int metal = world_kit_mat_as(k, WORLD_MAT_METAL, 0.75, 0.6, 0.3);
    span(k, frame, -0.5 * w - 0.08, 0, -0.02, -0.5 * w, h + 0.08, 0.04);
    span(k, frame, 0.5 * w, 0, -0.02, 0.5 * w + 0.08, h + 0.08, 0.04);
    span(k, frame, -0.5 * w, h, -0.02, 0.5 * w, h + 0.08, 0.04);
    span(k, panel, -0.5 * w, 0, -0.03, 0.5 * w, h, 0.01);
    // Raised panels, and the handle on the latch side.
    span(k, panel, -0.5 * w + 0.1, 0.15, 0.01, 0.5 * w - 0.1, 0.5 * h - 0.1,
         0.025);
    span(k, panel, -0.5 * w + 0.1, 0.5 * h + 0.05, 0.01, 0.5 * w - 0.1,
         h - 0.15, 0.025);
    world_kit_cyl(k, metal, v3(0.5 * w - 0.09, 1.0, 0.01),
                  v3(0.5 * w - 0.09, 1.0, 0.07), 0.025, 0.03, 8, true);
}
