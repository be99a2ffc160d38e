/* base/hash.c: name hashing and the PCG32 generator behind every seeded
 * choice, so the same name and seed always give the same value. */
#include <ctype.h>

#include "base.h"

uint64_t base_hash_bytes(const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

uint64_t base_hash_name(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        h ^= (unsigned char)toupper((unsigned char)*s);
        h *= 1099511628211ull;
    }
    return h;
}

uint64_t base_hash_mix(uint64_t a, uint64_t b)
{
    uint64_t z = a ^ (b + 0x9E3779B97F4A7C15ull + (a << 6) + (a >> 2));
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void base_rng_seed(BaseRng *r, uint64_t seed, uint64_t stream)
{
    r->state = 0;
    r->inc = (stream << 1u) | 1u;
    base_rng_u32(r);
    r->state += seed;
    base_rng_u32(r);
}

uint32_t base_rng_u32(BaseRng *r)
{
    uint64_t old = r->state;
    r->state = old * 6364136223846793005ull + r->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}

double base_rng_uniform(BaseRng *r)
{
    return (double)base_rng_u32(r) * (1.0 / 4294967296.0);
}

float base_rng_uniformf(BaseRng *r)
{
    // 24 bits keep the result strictly below 1.0f.
    return (float)(base_rng_u32(r) >> 8) * (1.0f / 16777216.0f);
}

double base_rng_range(BaseRng *r, double lo, double hi)
{
    return lo + (hi - lo) * base_rng_uniform(r);
}
