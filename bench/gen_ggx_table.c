/* bench/gen_ggx_table.c: writes src/render/ggx_table.c, the GGX albedo table
 * of the render stage's multiple-scattering compensation, with the
 * material model's own quadrature (render_ggx_albedo). Build and run:
 *   cc -O2 -std=c11 -Isrc -Iinclude bench/gen_ggx_table.c \
 *      src/render/material.c src/render/ggx_table.c -lm -o gen_ggx_table
 *   ./gen_ggx_table > src/render/ggx_table.c && clang-format -i \
 *      src/render/ggx_table.c
 * (about 25 s). tests/render/test_ggx_ms.c regenerates cells and compares
 * them bit for bit. */
#include <stdio.h>

#include "render/render_internal.h"

static RenderGgxTable table;

// The cosine of column j: the first column stands for the horizon, where
// the sampler needs a direction just above it.
static double column_mu(int j)
{
    double mu = (double)j / (RENDER_GGX_N - 1);
    return mu > 1e-3 ? mu : 1e-3;
}

static void build(RenderGgxTable *t)
{
    double h = 1.0 / (RENDER_GGX_N - 1);
    for (int k = 0; k < RENDER_GGX_N; k++) {
        double r = (double)k * h;
        for (int j = 0; j < RENDER_GGX_N; j++) {
            if (k == 0) {
                // A mirror reflects everything, at Schlick's weight.
                double m = 1.0 - (double)j * h, m2 = m * m;
                t->e[k][j] = 1.0;
                t->e_w[k][j] = m2 * m2 * m;
                continue;
            }
            render_ggx_albedo(column_mu(j), r * r, RENDER_GGX_GRID, &t->e[k][j],
                              &t->e_w[k][j]);
        }
        // 2 * integral of E mu dmu, exact over the piecewise linear E that
        // lookups interpolate, so the compensation lobe returns exactly
        // 1 - E(mu_o).
        double avg = 0.0;
        for (int j = 0; j + 1 < RENDER_GGX_N; j++) {
            double m0 = (double)j * h, m1 = (double)(j + 1) * h;
            avg += h / 6.0 *
                   (t->e[k][j] * (2.0 * m0 + m1) +
                    t->e[k][j + 1] * (m0 + 2.0 * m1));
        }
        t->e_avg[k] = 2.0 * avg;
    }
}

static void print_rows(const double (*tab)[RENDER_GGX_N])
{
    printf("    {\n");
    for (int k = 0; k < RENDER_GGX_N; k++) {
        printf("        {");
        for (int j = 0; j < RENDER_GGX_N; j++)
            printf(" %.17g,", tab[k][j]);
        printf(" },\n");
    }
    printf("    },\n");
}

int main(void)
{
    build(&table);
    printf("/* render/ggx_table.c: the directional albedo of the GGX lobe "
           "that\n * material.c compensates for multiple scattering; "
           "written by\n * bench/gen_ggx_table.c, not by hand. */\n");
    printf("#include \"render_internal.h\"\n\n");
    printf("static const RenderGgxTable table = {\n");
    print_rows(table.e);
    print_rows(table.e_w);
    printf("    {");
    for (int k = 0; k < RENDER_GGX_N; k++)
        printf(" %.17g,", table.e_avg[k]);
    printf(" },\n};\n\n");
    printf("const RenderGgxTable *render_ggx_table(void)\n{\n"
           "    return &table;\n}\n");
    return 0;
}
