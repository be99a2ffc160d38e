/* tests/base/test_base.c: arenas, vectors, UTF-8, hashing, the generator,
 * the parallel loop and atomic files. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "check.h"

static void test_arena(void)
{
    BaseArena a;
    base_arena_init(&a, base_allocator_default());
    char *s = base_arena_strdup(&a, "brick");
    CHECK_STR_EQ(s, "brick");
    void *big = base_arena_alloc(&a, 1 << 20);
    CHECK(big != NULL);
    CHECK(((uintptr_t)big & 15u) == 0);
    CHECK(base_arena_array(&a, SIZE_MAX / 2, 4) == NULL);
    CHECK_STR_EQ(base_arena_printf(&a, "%s-%d", "shot", 7), "shot-7");
    base_arena_fini(&a);
    CHECK(a.head == NULL);
}

static void test_vec(void)
{
    BaseVec v;
    base_vec_init(&v, base_allocator_default(), sizeof(int));
    for (int i = 0; i < 1000; i++)
        CHECK_OK(base_vec_push(&v, &i));
    CHECK_INT_EQ(v.len, 1000);
    CHECK_INT_EQ(((int *)v.data)[999], 999);
    base_vec_fini(&v);
}

static void test_utf8(void)
{
    size_t off = 0;
    const char ok[] = "caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x8e\xac";
    CHECK(base_utf8_valid((const unsigned char *)ok, strlen(ok), &off));
    CHECK_INT_EQ(base_utf8_count(ok, strlen(ok)), 8);
    const char bad[] = "ab\xff";
    CHECK(!base_utf8_valid((const unsigned char *)bad, 3, &off));
    CHECK_INT_EQ(off, 2);
    const char overlong[] = "x\xc0\xaf";
    CHECK(!base_utf8_valid((const unsigned char *)overlong, 3, &off));
    CHECK_INT_EQ(off, 1);
    const char surrogate[] = "\xed\xa0\x80";
    CHECK(!base_utf8_valid((const unsigned char *)surrogate, 3, &off));
    const char truncated[] = "a\xe2\x80";
    CHECK(!base_utf8_valid((const unsigned char *)truncated, 3, &off));
    CHECK_INT_EQ(off, 1);
}

static void test_hash_and_rng(void)
{
    CHECK(base_hash_name("Brick") == base_hash_name("BRICK"));
    CHECK(base_hash_name("BRICK") != base_hash_name("STEEL"));
    BaseRng a, b;
    base_rng_seed(&a, 42, 1);
    base_rng_seed(&b, 42, 1);
    double sum = 0;
    for (int i = 0; i < 10000; i++) {
        double x = base_rng_uniform(&a);
        CHECK(x == base_rng_uniform(&b));
        CHECK(x >= 0.0 && x < 1.0);
        sum += x;
    }
    // The mean of 10000 uniforms is within 0.01 of 0.5 (about 3.5 sigma).
    CHECK_NEAR(sum / 10000.0, 0.5, 0.01);
    base_rng_seed(&b, 43, 1);
    CHECK(base_rng_u32(&a) != base_rng_u32(&b));
}

static atomic_int hits[1000];

static AuStatus mark(void *user, size_t i, int thread)
{
    (void)user;
    (void)thread;
    atomic_fetch_add(&hits[i], 1);
    return i == 777 && user ? AU_EIO : AU_OK;
}

static void test_parallel_for(void)
{
    CHECK_OK(base_parallel_for(4, 1000, mark, NULL));
    int all_once = 1;
    for (int i = 0; i < 1000; i++)
        all_once &= atomic_load(&hits[i]) == 1;
    CHECK(all_once);
    CHECK_STATUS(base_parallel_for(2, 1000, mark, &hits), AU_EIO);
    CHECK_OK(base_parallel_for(3, 0, mark, NULL));
}

static void test_atomic_file(void)
{
    char dir[] = "/tmp/auteur-base-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char target[256];
    snprintf(target, sizeof target, "%s/out.txt", dir);
    BaseAtomicFile f;
    CHECK_OK(base_atomic_begin(&f, target));
    FILE *fp = fopen(f.tmp, "w");
    CHECK(fp != NULL);
    fputs("take one", fp);
    fclose(fp);
    CHECK(access(target, F_OK) != 0);
    CHECK_OK(base_atomic_commit(&f, NULL));
    CHECK(access(target, F_OK) == 0);
    CHECK(access(f.tmp, F_OK) != 0);
    BaseDiag diag = { 0 };
    char *data = NULL;
    size_t size = 0;
    CHECK_OK(base_file_read(base_allocator_default(), &diag, target, 100, &data,
                            &size));
    CHECK_INT_EQ(size, 8);
    CHECK_STR_EQ(data, "take one");
    free(data);
    CHECK_STATUS(base_file_read(base_allocator_default(), &diag, target, 4,
                                &data, &size),
                 AU_EIO);
    CHECK_STATUS(
        base_file_read(base_allocator_default(), &diag, dir, 100, &data, &size),
        AU_EIO);
    CHECK_INT_EQ(diag.errors, 2);
    remove(target);
    rmdir(dir);
}

// The sampling sine and cosine against libm over every angle a sampler
// asks for, the quadrant seams included.
static void test_sincos(void)
{
    double worst = 0.0;
    for (int i = -125000; i <= 1250000; i++) {
        double turns = i * 1e-6, s, c;
        base_sincos_turns(turns, &s, &c);
        double a = 2.0 * BASE_PI * turns;
        double e = fabs(s - sin(a)) + fabs(c - cos(a));
        worst = e > worst ? e : worst;
    }
    CHECK(worst < 1e-10);
    double s, c;
    base_sincos_turns(0.25, &s, &c);
    CHECK_NEAR(s, 1.0, 1e-15);
    CHECK_NEAR(c, 0.0, 1e-15);
}

int main(void)
{
    CHECK_RUN(test_sincos);
    CHECK_RUN(test_arena);
    CHECK_RUN(test_vec);
    CHECK_RUN(test_utf8);
    CHECK_RUN(test_hash_and_rng);
    CHECK_RUN(test_parallel_for);
    CHECK_RUN(test_atomic_file);
    return CHECK_DONE();
}
