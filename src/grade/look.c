/* grade/look.c: the looks a [[look: ...]] note names, as colour-grade
 * parameters a colourist would set: saturation, contrast, lift, white
 * balance, split toning, vignette. */
#include <string.h>

#include "grade.h"

typedef struct NamedLook {
    const char *name;
    GradeLook look;
} NamedLook;

#define NEUTRAL_GAIN     \
    {                    \
        0.0f, 0.0f, 0.0f \
    }
#define NO_TINT          \
    {                    \
        0.0f, 0.0f, 0.0f \
    }

static const NamedLook looks[] = {
    { "natural", { 0, 0, 0, 0, NEUTRAL_GAIN, NO_TINT, NO_TINT, false, 0 } },
    { "noir",
      { -0.3, -1, 0.35, 0, NEUTRAL_GAIN, NO_TINT, NO_TINT, true, 0.45 } },
    { "bleach bypass",
      { 0, -0.55, 0.3, 0, NEUTRAL_GAIN, NO_TINT, NO_TINT, false, 0.2 } },
    { "teal and orange",
      { 0,
        0.15,
        0.1,
        0,
        NEUTRAL_GAIN,
        { -0.05f, 0.03f, 0.06f },
        { 0.06f, 0.02f, -0.05f },
        false,
        0.15 } },
    { "day for night",
      { -2.0,
        -0.65,
        0.1,
        0,
        { -0.3f, -0.15f, 0.25f },
        NO_TINT,
        NO_TINT,
        false,
        0.3 } },
    { "sepia",
      { 0,
        -1,
        0.05,
        0.03,
        { 0.12f, -0.02f, -0.22f },
        NO_TINT,
        NO_TINT,
        true,
        0.25 } },
    { "black and white",
      { 0, -1, 0.1, 0, NEUTRAL_GAIN, NO_TINT, NO_TINT, true, 0 } },
    { "warm",
      { 0, 0.05, 0, 0, { 0.08f, 0.0f, -0.14f }, NO_TINT, NO_TINT, false, 0 } },
    { "cool",
      { 0,
        -0.05,
        0,
        0,
        { -0.12f, -0.02f, 0.1f },
        NO_TINT,
        NO_TINT,
        false,
        0 } },
    { "desaturated",
      { 0, -0.45, 0, 0, NEUTRAL_GAIN, NO_TINT, NO_TINT, false, 0 } },
    { "vintage",
      { 0,
        -0.25,
        -0.1,
        0.06,
        { 0.06f, 0.0f, -0.12f },
        { 0.0f, 0.02f, 0.03f },
        NO_TINT,
        false,
        0.35 } },
    { "technicolor",
      { 0, 0.4, 0.1, 0, NEUTRAL_GAIN, NO_TINT, NO_TINT, false, 0 } },
    { "high contrast",
      { 0, 0.05, 0.4, 0, NEUTRAL_GAIN, NO_TINT, NO_TINT, false, 0.1 } },
    { "low contrast",
      { 0, -0.1, -0.3, 0.08, NEUTRAL_GAIN, NO_TINT, NO_TINT, false, 0 } },
    { "dreamy",
      { 0.2,
        -0.15,
        -0.2,
        0.05,
        { 0.04f, 0.0f, 0.02f },
        NO_TINT,
        NO_TINT,
        false,
        0.2 } },
    { "western",
      { 0,
        -0.15,
        0.2,
        0.02,
        { 0.12f, 0.0f, -0.22f },
        NO_TINT,
        { 0.04f, 0.02f, -0.03f },
        false,
        0.3 } },
    { "neon",
      { 0,
        0.45,
        0.15,
        0,
        NEUTRAL_GAIN,
        { 0.03f, -0.02f, 0.07f },
        { 0.06f, -0.03f, 0.05f },
        false,
        0.25 } },
    { "documentary",
      { 0, -0.1, 0, 0.01, NEUTRAL_GAIN, NO_TINT, NO_TINT, false, 0 } },
};

bool grade_look_named(const char *name, GradeLook *out)
{
    *out = looks[0].look;
    if (!name)
        return false;
    for (size_t i = 0; i < BASE_ARRAY_LEN(looks); i++) {
        if (strcmp(looks[i].name, name) == 0) {
            *out = looks[i].look;
            return true;
        }
    }
    return false;
}
