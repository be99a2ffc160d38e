/* base: the shared foundation every stage builds on (allocation, arenas,
 * diagnostics, vector math, hashing and threads). Depends on no stage. */
#ifndef AU_BASE_H
#define AU_BASE_H

#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auteur.h"

#define BASE_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define BASE_PI           3.14159265358979323846

/** Aborts with file:line when @p cond is false. For programmer errors
 * only, never for input. */
#define AU_ASSERT(cond) \
    ((cond) ? (void)0 : base_assert_fail(#cond, __FILE__, __LINE__))
_Noreturn void base_assert_fail(const char *expr, const char *file, int line);

/* ---- allocation ---------------------------------------------------- */

/** Returns the allocator that wraps the C library's realloc and free. */
const AuAllocator *base_allocator_default(void);
/** Allocates @p size bytes (zeroed) through @p a; NULL on failure or when
 * size * count overflows. */
void *base_calloc(const AuAllocator *a, size_t count, size_t size);
/** Resizes @p ptr to @p size bytes through @p a; on failure returns NULL
 * and leaves @p ptr allocated. */
void *base_realloc(const AuAllocator *a, void *ptr, size_t size);
/** Frees @p ptr through @p a; NULL is accepted. */
void base_free(const AuAllocator *a, void *ptr);

/** A bump allocator: many small allocations, one release. Each stage's
 * output owns one. Memory comes in chunks from the allocator. */
typedef struct BaseArena {
    const AuAllocator *alloc;
    struct BaseArenaChunk *head;
    size_t used_bytes;
} BaseArena;

/** Initialises an empty arena on @p alloc (borrowed; must outlive it). */
void base_arena_init(BaseArena *arena, const AuAllocator *alloc);
/** Releases every chunk of the arena. */
void base_arena_fini(BaseArena *arena);
/** Returns @p size zeroed bytes aligned to 16, or NULL on failure. */
void *base_arena_alloc(BaseArena *arena, size_t size);
/** Returns an array of @p count elements of @p size bytes, zeroed, or NULL
 * on failure or overflow. */
void *base_arena_array(BaseArena *arena, size_t count, size_t size);
/** Copies @p len bytes of @p s into the arena with a terminating NUL. */
char *base_arena_strndup(BaseArena *arena, const char *s, size_t len);
/** Copies the NUL-terminated @p s into the arena. */
char *base_arena_strdup(BaseArena *arena, const char *s);
/** Formats into a new arena string; NULL on failure. */
char *base_arena_printf(BaseArena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/** A growable array of fixed-size elements in an arena-free heap block;
 * owned by whoever holds it, released with base_vec_fini. */
typedef struct BaseVec {
    const AuAllocator *alloc;
    void *data;
    size_t len;
    size_t cap;
    size_t elem_size;
} BaseVec;

void base_vec_init(BaseVec *v, const AuAllocator *alloc, size_t elem_size);
void base_vec_fini(BaseVec *v);
/** Appends one element (copied from @p elem); AU_ENOMEM on failure. */
AuStatus base_vec_push(BaseVec *v, const void *elem);
/** Returns a pointer to @p n new zeroed elements at the end, or NULL. */
void *base_vec_grow(BaseVec *v, size_t n);
/** Copies the vector's contents into @p arena; NULL if empty or on
 * failure (check v->len). */
void *base_vec_to_arena(const BaseVec *v, BaseArena *arena);

/* ---- diagnostics ---------------------------------------------------- */

/** The diagnostic sink as the stages see it: forwards to the user's
 * callback and counts what it forwarded. */
typedef struct BaseDiag {
    AuDiagFn fn;
    void *user;
    size_t errors;
    size_t warnings;
} BaseDiag;

/** Formats a message and forwards it. Messages longer than 1 KiB are
 * truncated. */
void base_diag(BaseDiag *d, AuSrcLoc loc, AuSeverity sev, const char *code,
               const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* ---- strings -------------------------------------------------------- */

/** ASCII-only case-insensitive comparison of @p a with the first @p n
 * bytes of @p b being exactly @p a. */
bool base_str_ieq_n(const char *a, const char *b, size_t n);
/** Compares at most @p n bytes of @p a and @p b, folding ASCII case;
 * returns <0, 0 or >0 like strncmp. */
int base_strncasecmp(const char *a, const char *b, size_t n);
/** Checks @p data for valid UTF-8. Returns true, or false with the byte
 * offset of the first invalid sequence in *bad_offset. */
bool base_utf8_valid(const unsigned char *data, size_t size,
                     size_t *bad_offset);
/** Number of UTF-8 code points in the first @p n bytes of @p s. */
size_t base_utf8_count(const char *s, size_t n);

/* ---- math ----------------------------------------------------------- */

typedef struct Vec3 {
    double x, y, z;
} Vec3;

static inline Vec3 v3(double x, double y, double z)
{
    Vec3 r = { x, y, z };
    return r;
}

static inline Vec3 v3_add(Vec3 a, Vec3 b)
{
    return v3(a.x + b.x, a.y + b.y, a.z + b.z);
}

static inline Vec3 v3_sub(Vec3 a, Vec3 b)
{
    return v3(a.x - b.x, a.y - b.y, a.z - b.z);
}

static inline Vec3 v3_scale(Vec3 a, double s)
{
    return v3(a.x * s, a.y * s, a.z * s);
}

static inline Vec3 v3_mul(Vec3 a, Vec3 b)
{
    return v3(a.x * b.x, a.y * b.y, a.z * b.z);
}

static inline double v3_dot(Vec3 a, Vec3 b)
{
    return a.x * b.x + a.y * b.y + a.z * b.z;
}

static inline Vec3 v3_cross(Vec3 a, Vec3 b)
{
    return v3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z,
              a.x * b.y - a.y * b.x);
}

static inline double v3_len(Vec3 a)
{
    return sqrt(v3_dot(a, a));
}

static inline Vec3 v3_norm(Vec3 a)
{
    double l = v3_len(a);
    return l > 0.0 ? v3_scale(a, 1.0 / l) : a;
}

static inline Vec3 v3_lerp(Vec3 a, Vec3 b, double t)
{
    return v3_add(a, v3_scale(v3_sub(b, a), t));
}

static inline double base_clamp(double x, double lo, double hi)
{
    return x < lo ? lo : (x > hi ? hi : x);
}

/** sin and cos of 2 pi @p turns for @p turns from -1/8 to a few turns:
 * what sampling code needs for an angle drawn from a uniform number.
 * Polynomials on a quarter turn agree with libm to 1e-11 at a fraction of its
 * cost, and give the same bits on every machine. */
static inline void base_sincos_turns(double turns, double *s, double *c)
{
    double x = turns * 4.0;
    int q = (int)(x + 0.5);
    double a = (x - q) * (BASE_PI / 2.0);
    double t = a * a;
    double sa =
        a * (1.0 +
             t * (-1.0 / 6.0 +
                  t * (1.0 / 120.0 +
                       t * (-1.0 / 5040.0 +
                            t * (1.0 / 362880.0 + t * (-1.0 / 39916800.0))))));
    double ca =
        1.0 +
        t * (-0.5 +
             t * (1.0 / 24.0 +
                  t * (-1.0 / 720.0 +
                       t * (1.0 / 40320.0 + t * (-1.0 / 3628800.0 +
                                                 t * (1.0 / 479001600.0))))));
    switch (q & 3) {
    case 0:
        *s = sa;
        *c = ca;
        break;
    case 1:
        *s = ca;
        *c = -sa;
        break;
    case 2:
        *s = -sa;
        *c = -ca;
        break;
    default:
        *s = -ca;
        *c = sa;
        break;
    }
}

/* ---- hashing and random numbers ------------------------------------ */

/** 64-bit FNV-1a of @p n bytes, for deriving values from names. */
uint64_t base_hash_bytes(const void *data, size_t n);
/** Hash of a NUL-terminated string, case-folded for ASCII, so "Brick" and
 * "BRICK" are the same character. */
uint64_t base_hash_name(const char *s);
/** Mixes @p a and @p b into a well-distributed 64-bit value (splitmix). */
uint64_t base_hash_mix(uint64_t a, uint64_t b);

/** A small, fast, seedable generator (PCG32). Seed it from the values the
 * result depends on, never from a thread id or a clock. */
typedef struct BaseRng {
    uint64_t state;
    uint64_t inc;
} BaseRng;

void base_rng_seed(BaseRng *r, uint64_t seed, uint64_t stream);
uint32_t base_rng_u32(BaseRng *r);
/** Uniform in [0, 1). */
double base_rng_uniform(BaseRng *r);
/** Uniform float in [0, 1). */
float base_rng_uniformf(BaseRng *r);
/** Uniform in [lo, hi). */
double base_rng_range(BaseRng *r, double lo, double hi);

/* ---- threads and time ---------------------------------------------- */

/** Runs fn(user, i) for every i in [0, count) on @p threads threads (0 =
 * one per core). Items are taken in order from a shared counter; fn must
 * not depend on which thread runs it. Returns the first non-OK status any
 * item returned (remaining items are skipped), or AU_OK. */
AuStatus base_parallel_for(int threads, size_t count,
                           AuStatus (*fn)(void *user, size_t index, int thread),
                           void *user);
/** Number of online processors, at least 1. */
int base_cpu_count(void);
/** Monotonic wall time in seconds. */
double base_now_s(void);

/* ---- files ---------------------------------------------------------- */

/** Reads a whole regular file into a heap block (plus a NUL, not counted
 * in *size) from @p a. AU_EIO with a diagnostic when it is missing, a
 * directory, unreadable or larger than @p max_bytes. */
AuStatus base_file_read(const AuAllocator *a, BaseDiag *diag, const char *path,
                        size_t max_bytes, char **data, size_t *size);

/** Writes a file atomically: the caller writes to tmp_path (made by
 * base_atomic_begin beside the target) and then commits or aborts. */
typedef struct BaseAtomicFile {
    char target[4096];
    char tmp[4200];
} BaseAtomicFile;

/** Prepares a temporary name beside @p target; AU_EINVAL when the path is
 * too long. No file is created. */
AuStatus base_atomic_begin(BaseAtomicFile *f, const char *target);
/** Renames the temporary file over the target; AU_EIO on failure, in which
 * case the temporary file is removed. */
AuStatus base_atomic_commit(BaseAtomicFile *f, BaseDiag *diag);
/** Removes the temporary file if it exists. */
void base_atomic_abort(BaseAtomicFile *f);

#endif
