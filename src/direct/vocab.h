/* direct/vocab.h: private to direct/. The vocabulary tables of the
 * director's language (see docs/language.md, which a test checks against
 * them). */
#ifndef AU_DIRECT_VOCAB_H
#define AU_DIRECT_VOCAB_H

#include "lang.h"

typedef struct LangTable {
    const LangWord *words;
    size_t count;
} LangTable;

extern const LangTable vocab_size, vocab_kind, vocab_angle, vocab_move,
    vocab_speed, vocab_tod, vocab_weather, vocab_transition, vocab_light_role,
    vocab_key_style, vocab_side, vocab_intensity, vocab_color, vocab_look,
    vocab_cast_word, vocab_filler, vocab_person, vocab_person_word, vocab_place,
    vocab_verb, vocab_count, vocab_softness, vocab_height, vocab_gel,
    vocab_light_preset, vocab_stop;

/** Linear RGB of each vocab_color value. */
extern const float vocab_colors_rgb[16][3];
/** Cast name of each vocab_person value. */
extern const char *const vocab_person_names[24];
/** Canonical name of each vocab_look value. */
extern const char *const vocab_look_names[18];

#endif
