/* render/sample.c: the low-discrepancy sampler behind the camera and first
 * bounce of every path: a 4-dimensional Sobol sequence with hash-based
 * Owen scrambling, keyed so each pixel's samples are its own. */
#include "render_internal.h"

// Direction numbers of the first four Sobol dimensions (primitive
// polynomials x, x+1, x^2+x+1, x^3+x+1 with Joe and Kuo's initial values),
// expanded to 32 bits by the usual recurrence and stored bit-reversed:
// the scramble below works on reversed values, so this saves a reversal.
static const uint32_t sobol_dirs_rev[4][32] = {
    {
        0x00000001u, 0x00000002u, 0x00000004u, 0x00000008u, 0x00000010u,
        0x00000020u, 0x00000040u, 0x00000080u, 0x00000100u, 0x00000200u,
        0x00000400u, 0x00000800u, 0x00001000u, 0x00002000u, 0x00004000u,
        0x00008000u, 0x00010000u, 0x00020000u, 0x00040000u, 0x00080000u,
        0x00100000u, 0x00200000u, 0x00400000u, 0x00800000u, 0x01000000u,
        0x02000000u, 0x04000000u, 0x08000000u, 0x10000000u, 0x20000000u,
        0x40000000u, 0x80000000u,
    },
    {
        0x00000001u, 0x00000003u, 0x00000005u, 0x0000000fu, 0x00000011u,
        0x00000033u, 0x00000055u, 0x000000ffu, 0x00000101u, 0x00000303u,
        0x00000505u, 0x00000f0fu, 0x00001111u, 0x00003333u, 0x00005555u,
        0x0000ffffu, 0x00010001u, 0x00030003u, 0x00050005u, 0x000f000fu,
        0x00110011u, 0x00330033u, 0x00550055u, 0x00ff00ffu, 0x01010101u,
        0x03030303u, 0x05050505u, 0x0f0f0f0fu, 0x11111111u, 0x33333333u,
        0x55555555u, 0xffffffffu,
    },
    {
        0x00000001u, 0x00000003u, 0x00000006u, 0x00000009u, 0x00000017u,
        0x0000003au, 0x00000071u, 0x000000a3u, 0x00000116u, 0x00000339u,
        0x00000677u, 0x000009aau, 0x00001601u, 0x00003903u, 0x00007706u,
        0x0000aa09u, 0x00010117u, 0x0003033au, 0x00060671u, 0x000909a3u,
        0x00171616u, 0x003a3939u, 0x00717777u, 0x00a3aaaau, 0x01170001u,
        0x033a0003u, 0x06710006u, 0x09a30009u, 0x16160017u, 0x3939003au,
        0x77770071u, 0xaaaa00a3u,
    },
    {
        0x00000001u, 0x00000003u, 0x00000004u, 0x0000000au, 0x0000001fu,
        0x0000002eu, 0x00000045u, 0x000000c9u, 0x0000011bu, 0x000002a4u,
        0x0000079au, 0x00000b67u, 0x0000101eu, 0x0000302du, 0x00004041u,
        0x0000a0c3u, 0x0001f104u, 0x0002e28au, 0x000457dfu, 0x000c9baeu,
        0x0011a105u, 0x002a7289u, 0x0079e7dbu, 0x00b6dba4u, 0x0100011au,
        0x030002a7u, 0x0400079eu, 0x0a000b6du, 0x1f001001u, 0x2e003003u,
        0x45004004u, 0xc900a00au,
    },
};

static uint32_t reverse_bits(uint32_t x)
{
    x = __builtin_bswap32(x);
    x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    return ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
}

// A random permutation of the binary tree of bit prefixes of a
// bit-reversed value: each bit flips by a hash of the bits below it (the
// more significant digits before reversal), which is Owen's nested
// uniform scramble (after Burley 2020, with Laine and Karras's
// multiply-xor hash).
static uint32_t scramble_reversed(uint32_t x, uint32_t seed)
{
    x += seed;
    x ^= x * 0x6c50b47cu;
    x ^= x * 0xb82f1e52u;
    x ^= x * 0xc7afe638u;
    x ^= x * 0x8d22f6e6u;
    return x;
}

void render_sobol_seed(uint64_t key, uint32_t count, RenderSobol *out)
{
    // Only the low bits of the shuffled index that @p count needs are
    // kept: the higher ones would add a digital shift, which the output
    // scramble already randomises, and cost a loop each.
    uint32_t bits = 0;
    while (bits < 32 && (1ull << bits) < (uint64_t)count)
        bits++;
    out->mask = bits >= 32 ? 0xffffffffu : (1u << bits) - 1u;
    // Three hashes give five independent 32-bit seeds: the shuffle's and
    // one per dimension.
    uint64_t h1 = base_hash_mix(key, 0x0e7e);
    uint64_t h2 = base_hash_mix(h1, 0x0e7f);
    uint64_t h3 = base_hash_mix(h2, 0x0e80);
    out->shuffle = (uint32_t)h1;
    out->seeds[0] = (uint32_t)(h1 >> 32);
    out->seeds[1] = (uint32_t)h2;
    out->seeds[2] = (uint32_t)(h2 >> 32);
    out->seeds[3] = (uint32_t)h3;
}

void render_sobol_at(const RenderSobol *seq, uint32_t index, double out[4])
{
    render_sobol_dims(seq, index, 4, out);
}

void render_sobol_dims(const RenderSobol *seq, uint32_t index, int dims,
                       double *out)
{
    // Shuffling the sample order with the same scramble keeps each
    // power-of-two prefix stratified but breaks the lock-step between
    // groups of dimensions that share it.
    uint32_t i =
        reverse_bits(scramble_reversed(reverse_bits(index), seq->shuffle)) &
        seq->mask;
    uint32_t v[4] = { 0, 0, 0, 0 };
    for (int bit = 0; i != 0; bit++, i >>= 1)
        if (i & 1u)
            for (int d = 0; d < 4; d++)
                v[d] ^= sobol_dirs_rev[d][bit];
    for (int d = 0; d < dims; d++) {
        uint32_t r = reverse_bits(scramble_reversed(v[d], seq->seeds[d]));
        // The top 24 bits fill a float-exact fraction strictly below 1.
        out[d] = (double)(r >> 8) * (1.0 / 16777216.0);
    }
}

void render_sobol_point(uint32_t index, uint32_t count, uint64_t key,
                        double out[4])
{
    RenderSobol seq;
    render_sobol_seed(key, count, &seq);
    render_sobol_at(&seq, index, out);
}
