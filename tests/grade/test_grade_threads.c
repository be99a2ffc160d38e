/* tests/grade/test_grade_threads.c: a graded frame with grain, bloom,
 * halation, aberration, AgX and a LUT is bit-identical whatever the
 * thread count, and another seed gives another frame. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auteur.h"
#include "check.h"

enum {
    W = 96,
    H = 40
};

static AuStatus render(int threads, uint64_t seed, uint8_t *px)
{
    AuContext *ctx = NULL;
    AuProject *p = NULL;
    AuStatus st = au_context_new(NULL, &ctx);
    if (st != AU_OK)
        return st;
    au_context_set_threads(ctx, threads);
    char script[512], lut[512];
    snprintf(script, sizeof script, "%s/examples/first-light.fountain",
             AU_SOURCE_DIR);
    snprintf(lut, sizeof lut, "%s/tests/grade/data/film_print_9.cube",
             AU_SOURCE_DIR);
    st = au_project_load_file(ctx, script, &p);
    if (st == AU_OK) {
        AuRenderOptions o;
        au_render_options_default(&o);
        o.width = W;
        o.height = H;
        o.samples = 1;
        o.seed = seed;
        o.tonemap = AU_TONEMAP_AGX;
        o.grain = 0.6;
        o.bloom = 0.5;
        o.halation = 1.0;
        o.aberration = 1.0;
        o.white_balance_k = 4500.0;
        o.lut_path = lut;
        st = au_render_frame(ctx, p, &o, 1, 0.5, px);
    }
    au_project_free(&p);
    au_context_free(&ctx);
    return st;
}

static void test_threads(void)
{
    uint8_t *a = malloc(W * H * 3), *b = malloc(W * H * 3);
    CHECK_OK(render(1, 5, a));
    CHECK_OK(render(2, 5, b));
    CHECK(memcmp(a, b, W * H * 3) == 0);
    CHECK_OK(render(2, 6, b));
    CHECK(memcmp(a, b, W * H * 3) != 0);
    free(a);
    free(b);
}

int main(void)
{
    CHECK_RUN(test_threads);
    return CHECK_DONE();
}
