/* world/talk.c: lip and gesture timing for a spoken line. Estimates the
 * syllables of the line from its vowel groups and spreads them over the
 * time the line is spoken, so world.c can open a speaker's mouth and lift
 * a forearm on the stressed beats while the shot runs. */
#include <ctype.h>
#include <string.h>

#include "world_internal.h"

// Vowel groups of one word, less a silent final e ("made", not "able"),
// at least one.
static size_t word_syllables(const char *w, size_t len)
{
    size_t groups = 0;
    bool in_vowel = false;
    for (size_t i = 0; i < len; i++) {
        int c = tolower((unsigned char)w[i]);
        bool v = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
                 c == 'y';
        if (v && !in_vowel)
            groups++;
        in_vowel = v;
    }
    if (groups > 1 && len > 2 && tolower((unsigned char)w[len - 1]) == 'e' &&
        !(tolower((unsigned char)w[len - 2]) == 'l' &&
          !strchr("aeiouy", tolower((unsigned char)w[len - 3]))))
        groups--;
    return groups ? groups : 1;
}

// Moves *p past the next word of a line, sets *len to its letter count
// and returns its syllables (0 at the end of the line).
static size_t next_word(const char **p, size_t *len)
{
    const char *s = *p;
    while (*s && !isalnum((unsigned char)*s))
        s++;
    const char *w = s;
    while (*s && (isalnum((unsigned char)*s) || *s == '\''))
        s++;
    *len = (size_t)(s - w);
    *p = s;
    return *len ? word_syllables(w, *len) : 0;
}

size_t world_talk_syllables(const char *line)
{
    size_t total = 0, len = 0;
    const char *p = line ? line : "";
    while (*p) {
        total += next_word(&p, &len);
    }
    return total;
}

void world_talk_at(const char *line, double duration_s, double talk_s,
                   double *mouth_open, double *stress)
{
    *mouth_open = 0.0;
    *stress = 0.0;
    size_t syl = world_talk_syllables(line);
    if (syl == 0 || !(duration_s > 0.0) || talk_s < 0.0)
        return;
    size_t words = 0, len = 0;
    for (const char *p = line; *p;)
        words += next_word(&p, &len) > 0;
    // The planner gives a line 2.5 words a second; the mouth keeps that
    // pace, squeezed into the shot when the shot is shorter, with a breath
    // before the first syllable.
    double lead_s = fmin(0.1, 0.1 * duration_s);
    double span_s = fmin((double)words / 2.5, duration_s - 2.0 * lead_s);
    double u = (talk_s - lead_s) / span_s * (double)syl;
    if (!(span_s > 0.0) || u < 0.0 || u >= (double)syl)
        return;
    size_t k = (size_t)u;
    double f = u - (double)k;

    // Find syllable k's word: a word's first syllable carries the stress
    // when the word is long enough to be more than a function word.
    size_t at = 0;
    bool stressed = false;
    for (const char *p = line; *p;) {
        size_t n = next_word(&p, &len);
        if (n == 0)
            continue;
        if (k < at + n) {
            stressed = k == at && (n >= 2 || len >= 4);
            break;
        }
        at += n;
    }
    // One open-close cycle per syllable, smooth at both ends.
    double env = sin(BASE_PI * f);
    env *= env;
    *mouth_open = (stressed ? 1.0 : 0.6) * env;
    *stress = stressed ? env : 0.0;
}
