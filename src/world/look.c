/* world/look.c: a cast member's look: the name's look with the cast
 * note's words (height, build, age, hair, face, wardrobe) applied on top,
 * and which of the note's phrases the figure could not use. */
#include <ctype.h>
#include <string.h>

#include "world_internal.h"

typedef struct Colour {
    const char *word;
    double rgb[3];
} Colour;

// Linear reflectance of fabric colours a note may name.
static const Colour colours[] = {
    { "black", { 0.02, 0.02, 0.022 } },   { "white", { 0.7, 0.7, 0.68 } },
    { "grey", { 0.22, 0.22, 0.22 } },     { "gray", { 0.22, 0.22, 0.22 } },
    { "silver", { 0.5, 0.5, 0.52 } },     { "brown", { 0.14, 0.08, 0.04 } },
    { "red", { 0.45, 0.04, 0.03 } },      { "blue", { 0.05, 0.1, 0.4 } },
    { "navy", { 0.02, 0.03, 0.1 } },      { "green", { 0.05, 0.2, 0.06 } },
    { "olive", { 0.12, 0.13, 0.04 } },    { "yellow", { 0.6, 0.45, 0.04 } },
    { "orange", { 0.6, 0.2, 0.02 } },     { "pink", { 0.6, 0.25, 0.3 } },
    { "purple", { 0.15, 0.04, 0.25 } },   { "khaki", { 0.3, 0.25, 0.14 } },
    { "beige", { 0.45, 0.38, 0.27 } },    { "tan", { 0.35, 0.22, 0.12 } },
    { "cream", { 0.6, 0.55, 0.42 } },     { "maroon", { 0.15, 0.02, 0.02 } },
    { "teal", { 0.03, 0.2, 0.2 } },       { "gold", { 0.5, 0.35, 0.08 } },
    { "turquoise", { 0.05, 0.4, 0.38 } }, { "charcoal", { 0.05, 0.05, 0.055 } },
    { "blonde", { 0.45, 0.33, 0.15 } },   { "blond", { 0.45, 0.33, 0.15 } },
    { "ginger", { 0.35, 0.12, 0.04 } },   { "auburn", { 0.2, 0.06, 0.03 } },
};

// The same words as a colour of hair.
static const Colour hair_colours[] = {
    { "black", { 0.014, 0.012, 0.011 } }, { "white", { 0.62, 0.61, 0.58 } },
    { "grey", { 0.33, 0.32, 0.31 } },     { "gray", { 0.33, 0.32, 0.31 } },
    { "silver", { 0.48, 0.48, 0.49 } },   { "brown", { 0.09, 0.05, 0.025 } },
    { "red", { 0.3, 0.08, 0.03 } },       { "blonde", { 0.45, 0.33, 0.15 } },
    { "blond", { 0.45, 0.33, 0.15 } },    { "ginger", { 0.35, 0.12, 0.04 } },
    { "auburn", { 0.2, 0.06, 0.03 } },    { "dark", { 0.03, 0.02, 0.015 } },
    { "brunette", { 0.07, 0.04, 0.02 } }, { "fair", { 0.4, 0.3, 0.15 } },
    { "sandy", { 0.35, 0.26, 0.14 } },
};

typedef enum Garment {
    G_NONE,
    G_HAIR,
    G_BEARD,
    G_MOUSTACHE,
    G_SHIRT,
    G_TSHIRT,
    G_JACKET,
    G_COAT,
    G_SUIT,
    G_DRESS,
    G_SKIRT,
    G_TROUSERS,
    G_JEANS,
    G_SHORTS,
    G_SHOES,
    G_SNEAKERS,
    G_HAT,
    G_CAP,
    G_COWBOY_HAT,
    G_HOODIE,
    G_SWEATER,
    G_VEST,
    G_TIE,
    G_UNIFORM,
    G_APRON,
    G_SKIN
} Garment;

typedef struct GarmentWord {
    const char *word; // one or two words
    Garment g;
} GarmentWord;

static const GarmentWord garments[] = {
    { "hair", G_HAIR },
    { "beard", G_BEARD },
    { "moustache", G_MOUSTACHE },
    { "mustache", G_MOUSTACHE },
    { "t shirt", G_TSHIRT },
    { "tshirt", G_TSHIRT },
    { "tee", G_TSHIRT },
    { "polo", G_TSHIRT },
    { "shirt", G_SHIRT },
    { "blouse", G_SHIRT },
    { "top", G_SHIRT },
    { "jacket", G_JACKET },
    { "blazer", G_JACKET },
    { "coat", G_COAT },
    { "overcoat", G_COAT },
    { "trenchcoat", G_COAT },
    { "raincoat", G_COAT },
    { "suit", G_SUIT },
    { "tuxedo", G_SUIT },
    { "dress", G_DRESS },
    { "gown", G_DRESS },
    { "skirt", G_SKIRT },
    { "trousers", G_TROUSERS },
    { "pants", G_TROUSERS },
    { "slacks", G_TROUSERS },
    { "chinos", G_TROUSERS },
    { "jeans", G_JEANS },
    { "shorts", G_SHORTS },
    { "shoes", G_SHOES },
    { "boots", G_SHOES },
    { "loafers", G_SHOES },
    { "heels", G_SHOES },
    { "sneakers", G_SNEAKERS },
    { "trainers", G_SNEAKERS },
    { "cowboy hat", G_COWBOY_HAT },
    { "stetson", G_COWBOY_HAT },
    { "baseball cap", G_CAP },
    { "cap", G_CAP },
    { "beanie", G_CAP },
    { "hat", G_HAT },
    { "fedora", G_HAT },
    { "trilby", G_HAT },
    { "hoodie", G_HOODIE },
    { "sweater", G_SWEATER },
    { "jumper", G_SWEATER },
    { "cardigan", G_SWEATER },
    { "sweatshirt", G_SWEATER },
    { "vest", G_VEST },
    { "waistcoat", G_VEST },
    { "tie", G_TIE },
    { "necktie", G_TIE },
    { "uniform", G_UNIFORM },
    { "scrubs", G_UNIFORM },
    { "apron", G_APRON },
    { "skin", G_SKIN },
    { "complexion", G_SKIN },
};

#define PHRASE_WORDS 16

typedef struct Phrase {
    char w[PHRASE_WORDS][20];
    size_t n;
} Phrase;

static void split(const char *text, Phrase *p)
{
    p->n = 0;
    const char *s = text;
    while (*s && p->n < PHRASE_WORDS) {
        while (*s && !isalpha((unsigned char)*s))
            s++;
        size_t len = 0;
        while (*s && (isalpha((unsigned char)*s) || *s == '\'')) {
            if (*s != '\'' && len < 19)
                p->w[p->n][len++] = (char)tolower((unsigned char)*s);
            s++;
        }
        if (len) {
            p->w[p->n][len] = '\0';
            p->n++;
        }
    }
}

static bool has(const Phrase *p, const char *w)
{
    for (size_t i = 0; i < p->n; i++) {
        if (strcmp(p->w[i], w) == 0)
            return true;
    }
    return false;
}

static bool has_any(const Phrase *p, const char *const *ws, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (has(p, ws[i]))
            return true;
    }
    return false;
}

// The last garment the phrase names (its head noun), or G_NONE.
static Garment garment_of(const Phrase *p)
{
    Garment g = G_NONE;
    for (size_t i = 0; i < p->n; i++) {
        for (size_t k = 0; k < BASE_ARRAY_LEN(garments); k++) {
            const char *w = garments[k].word, *sp = strchr(w, ' ');
            if (sp) {
                size_t l0 = (size_t)(sp - w);
                if (i + 1 < p->n && strlen(p->w[i]) == l0 &&
                    strncmp(p->w[i], w, l0) == 0 &&
                    strcmp(p->w[i + 1], sp + 1) == 0) {
                    g = garments[k].g;
                    i++;
                    break;
                }
            } else if (strcmp(p->w[i], w) == 0) {
                g = garments[k].g;
                break;
            }
        }
    }
    return g;
}

// The colour the phrase names, from @p table, darkened or lightened by
// "dark", "light", "pale", "bright"; false when there is none.
static bool colour_of(const Phrase *p, const Colour *table, size_t n,
                      float out[3])
{
    const Colour *c = NULL;
    for (size_t i = 0; i < p->n; i++) {
        for (size_t k = 0; k < n; k++) {
            if (strcmp(p->w[i], table[k].word) == 0)
                c = &table[k];
        }
    }
    if (!c)
        return false;
    double gain = 1.0, sat = 1.0;
    bool self = strcmp(c->word, "dark") == 0;
    if (!self && has(p, "dark"))
        gain = 0.45;
    if (has(p, "light") || has(p, "pale"))
        gain = 1.5, sat = 0.6;
    if (has(p, "bright") || has(p, "vivid"))
        gain = 1.2, sat = 1.3;
    double m = (c->rgb[0] + c->rgb[1] + c->rgb[2]) / 3.0;
    for (int i = 0; i < 3; i++)
        out[i] =
            (float)base_clamp((m + (c->rgb[i] - m) * sat) * gain, 0.0, 0.85);
    return true;
}

static void set3(float out[3], double r, double g, double b)
{
    out[0] = (float)r;
    out[1] = (float)g;
    out[2] = (float)b;
}

static void pick3(float out[3], BaseRng *rng, const double (*tones)[3],
                  size_t n)
{
    const double *c = tones[base_rng_u32(rng) % n];
    set3(out, c[0], c[1], c[2]);
}

static const double jacket_tones[][3] = {
    { 0.06, 0.04, 0.03 }, { 0.03, 0.04, 0.09 }, { 0.09, 0.1, 0.05 },
    { 0.12, 0.12, 0.12 }, { 0.2, 0.12, 0.06 },
};
static const double suit_tones[][3] = { { 0.03, 0.03, 0.035 },
                                        { 0.02, 0.03, 0.08 },
                                        { 0.1, 0.1, 0.1 } };
static const double tie_tones[][3] = { { 0.35, 0.03, 0.03 },
                                       { 0.03, 0.05, 0.2 },
                                       { 0.02, 0.02, 0.02 },
                                       { 0.3, 0.25, 0.05 } };
// Hawaiian shirts: loud grounds, and the flowers on them.
static const double aloha_tones[][3] = { { 0.05, 0.35, 0.45 },
                                         { 0.6, 0.12, 0.08 },
                                         { 0.6, 0.42, 0.04 },
                                         { 0.04, 0.3, 0.12 } };
static const double hat_tones[][3] = { { 0.12, 0.1, 0.08 },
                                       { 0.03, 0.03, 0.03 },
                                       { 0.25, 0.18, 0.1 },
                                       { 0.3, 0.3, 0.3 } };
static const double uniform_tones[][3] = { { 0.03, 0.05, 0.12 },
                                           { 0.25, 0.22, 0.13 },
                                           { 0.1, 0.12, 0.06 },
                                           { 0.1, 0.3, 0.32 } };
static const double knit_tones[][3] = { { 0.3, 0.05, 0.05 },
                                        { 0.1, 0.15, 0.1 },
                                        { 0.4, 0.35, 0.28 },
                                        { 0.08, 0.09, 0.15 } };

// What age the note's words give, when a number does not.
static int age_word(const Phrase *p)
{
    if (has(p, "child") || has(p, "kid") || has(p, "toddler"))
        return 8;
    if (has(p, "teen") || has(p, "teenage") || has(p, "teenager") ||
        has(p, "adolescent"))
        return 16;
    if (has(p, "boy") || has(p, "girl"))
        return 15;
    if (has(p, "young") || has(p, "youthful"))
        return 25;
    if (has(p, "middle") && (has(p, "aged") || has(p, "age")))
        return 50;
    if (has(p, "elderly") || has(p, "aged") || has(p, "ancient"))
        return 78;
    if (has(p, "old") || has(p, "older") || has(p, "senior"))
        return 70;
    return 0;
}

// Applies the cast note's phrases to @p l; used[i] tells whether phrase i
// changed anything.
static void apply_note(const DirectCastMember *m, WorldFigureLook *l,
                       bool *used)
{
    BaseRng rng;
    base_rng_seed(&rng, m->name_hash, 0x63617374u);
    int age = m->age_years;
    bool hair_set = false, female = false, style_set = false;
    static const char *const tall_w[] = { "tall", "lanky", "towering" };
    static const char *const short_w[] = { "small", "petite", "tiny" };
    static const char *const thin_w[] = { "thin",  "slim",  "skinny",
                                          "lean",  "wiry",  "slender",
                                          "lanky", "gaunt", "scrawny" };
    static const char *const heavy_w[] = { "heavy",  "heavyset",   "stocky",
                                           "fat",    "overweight", "portly",
                                           "chubby", "burly",      "big" };
    static const char *const broad_w[] = { "broad",  "muscular",  "athletic",
                                           "brawny", "strapping", "buff" };
    static const char *const female_w[] = { "woman", "female", "lady", "girl" };
    static const char *const male_w[] = { "man", "male", "guy", "boy",
                                          "gentleman" };
    for (size_t i = 0; i < m->look_word_count; i++) {
        Phrase p;
        split(m->look_words[i] ? m->look_words[i] : "", &p);
        bool u = false;
        Garment g = garment_of(&p);
        float c[3];
        bool coloured = colour_of(&p, colours, BASE_ARRAY_LEN(colours), c);
        int aw = age_word(&p);
        if (aw) {
            if (!m->age_years)
                age = aw;
            u = true;
        }
        if (has_any(&p, female_w, BASE_ARRAY_LEN(female_w))) {
            female = true;
            u = true;
        } else if (has_any(&p, male_w, BASE_ARRAY_LEN(male_w))) {
            l->shoulder_m *= 1.03;
            u = true;
        }
        if (has_any(&p, tall_w, BASE_ARRAY_LEN(tall_w))) {
            l->height_m *= has(&p, "very") ? 1.12 : 1.08;
            u = true;
        }
        if (has_any(&p, short_w, BASE_ARRAY_LEN(short_w)) ||
            (has(&p, "short") && g == G_NONE)) {
            l->height_m *= has(&p, "very") ? 0.88 : 0.92;
            u = true;
        }
        if (has_any(&p, thin_w, BASE_ARRAY_LEN(thin_w))) {
            l->girth = 0.85;
            l->shoulder_m *= 0.95;
            u = true;
        }
        if (has_any(&p, heavy_w, BASE_ARRAY_LEN(heavy_w))) {
            l->girth = 1.25;
            if (has(&p, "big"))
                l->height_m *= 1.04;
            u = true;
        }
        if (has_any(&p, broad_w, BASE_ARRAY_LEN(broad_w))) {
            l->shoulder_m *= 1.1;
            l->girth = fmax(l->girth, 1.05);
            u = true;
        }
        // Hair: a colour, a cut, or both ("long grey hair"); a hair colour
        // alone ("grey", "blonde") means the hair too.
        float hc[3];
        bool hair_colour =
            colour_of(&p, hair_colours, BASE_ARRAY_LEN(hair_colours), hc);
        static const char *const hair_only[] = {
            "blonde", "blond",  "ginger", "auburn",  "brunette", "grey",
            "gray",   "silver", "sandy",  "redhead", "redheaded"
        };
        bool about_hair =
            g == G_HAIR ||
            (g == G_NONE && has_any(&p, hair_only, BASE_ARRAY_LEN(hair_only)));
        if (has(&p, "redhead") || has(&p, "redheaded")) {
            set3(hc, 0.35, 0.12, 0.04);
            hair_colour = true;
        }
        if (about_hair && hair_colour) {
            memcpy(l->hair, hc, sizeof(hc));
            hair_set = true;
            u = true;
        }
        if (has(&p, "bald") || has(&p, "balding") || has(&p, "shaved") ||
            has(&p, "shaven")) {
            l->hair_style = WORLD_HAIR_BALD;
            style_set = true;
            u = true;
        }
        if (g == G_HAIR || about_hair || has(&p, "ponytail") ||
            has(&p, "bun") || has(&p, "braids") || has(&p, "cut") ||
            has(&p, "crewcut") || has(&p, "buzzcut") || has(&p, "pigtails")) {
            WorldHairStyle hs = l->hair_style;
            if (has(&p, "long"))
                hs = WORLD_HAIR_LONG;
            else if (has(&p, "short") && !has(&p, "buzz") && !has(&p, "crew"))
                hs = WORLD_HAIR_SHORT;
            if (has(&p, "curly") || has(&p, "frizzy") || has(&p, "afro") ||
                has(&p, "wavy"))
                hs = WORLD_HAIR_CURLY;
            if (has(&p, "ponytail") || has(&p, "braids") || has(&p, "pigtails"))
                hs = WORLD_HAIR_PONYTAIL;
            if (has(&p, "bun"))
                hs = WORLD_HAIR_BUN;
            if (has(&p, "buzz") || has(&p, "crew") || has(&p, "crewcut") ||
                has(&p, "buzzcut") || has(&p, "cropped"))
                hs = WORLD_HAIR_BUZZ;
            if (hs != l->hair_style || (has(&p, "short") && g == G_HAIR)) {
                l->hair_style = hs;
                style_set = true;
                u = true;
            }
        }
        // The face.
        if (g == G_BEARD || has(&p, "bearded") || has(&p, "goatee")) {
            l->face |= WORLD_FACE_BEARD;
            if (hair_colour && g == G_BEARD)
                memcpy(l->hair, hc, sizeof(hc));
            u = true;
        }
        if (g == G_MOUSTACHE || has(&p, "moustached") || has(&p, "mustached")) {
            l->face |= WORLD_FACE_MOUSTACHE;
            u = true;
        }
        if (has(&p, "stubble") || has(&p, "unshaven") || has(&p, "stubbled")) {
            l->face |= WORLD_FACE_STUBBLE;
            u = true;
        }
        if (has(&p, "sunglasses") || has(&p, "shades")) {
            l->face |= WORLD_FACE_SUNGLASSES;
            u = true;
        } else if (has(&p, "glasses") || has(&p, "spectacles") ||
                   has(&p, "specs") || has(&p, "bespectacled")) {
            l->face |= WORLD_FACE_GLASSES;
            u = true;
        }
        if (has(&p, "scar") || has(&p, "scarred")) {
            l->face |= WORLD_FACE_SCAR;
            u = true;
        }
        if (g == G_SKIN ||
            (g == G_NONE && (has(&p, "pale") || has(&p, "tanned") ||
                             has(&p, "sunburnt") || has(&p, "sunburned")))) {
            double k = 1.0, red = 1.0;
            if (has(&p, "pale") || has(&p, "fair") || has(&p, "light"))
                k = 1.3;
            if (has(&p, "dark"))
                k = 0.5;
            if (has(&p, "tanned") || has(&p, "tan") || has(&p, "olive"))
                k = 0.8, red = 1.08;
            if (has(&p, "sunburnt") || has(&p, "sunburned"))
                red = 1.25;
            if (k != 1.0 || red != 1.0) {
                l->skin[0] =
                    (float)base_clamp((double)l->skin[0] * k * red, 0.03, 0.6);
                l->skin[1] =
                    (float)base_clamp((double)l->skin[1] * k, 0.02, 0.5);
                l->skin[2] =
                    (float)base_clamp((double)l->skin[2] * k, 0.015, 0.45);
                u = true;
            }
        }
        // The wardrobe: the garment the phrase names, in its colour,
        // pattern and cloth.
        bool hawaiian = has(&p, "hawaiian") || has(&p, "aloha");
        bool floral = hawaiian || has(&p, "floral") || has(&p, "flowery") ||
                      has(&p, "flowered");
        bool dots = has(&p, "polka") || has(&p, "dotted") || has(&p, "spotted");
        bool stripes = has(&p, "striped") || has(&p, "stripes") ||
                       has(&p, "stripy") || has(&p, "pinstripe") ||
                       has(&p, "checked") || has(&p, "plaid") ||
                       has(&p, "tartan") || has(&p, "checkered");
        bool denim = has(&p, "denim");
        bool leather = has(&p, "leather");
        if (g == G_NONE && (hawaiian || floral || dots || stripes))
            g = G_SHIRT;
        if (g == G_NONE && denim)
            g = G_JEANS;
        float fabric[3];
        bool have_fabric = coloured && g != G_HAIR && g != G_BEARD;
        if (have_fabric)
            memcpy(fabric, c, sizeof(c));
        if (denim && !coloured)
            set3(fabric, 0.06, 0.11, 0.22), have_fabric = true;
        if (leather && !coloured)
            set3(fabric, 0.03, 0.02, 0.015), have_fabric = true;
        switch (g) {
        case G_SHIRT:
        case G_TSHIRT:
        case G_SWEATER:
        case G_HOODIE:
            if (hawaiian && !coloured) {
                pick3(fabric, &rng, aloha_tones, 4);
                have_fabric = true;
            }
            if (!have_fabric && (g == G_SWEATER || g == G_HOODIE)) {
                pick3(fabric, &rng, knit_tones, 4);
                have_fabric = true;
            }
            if (have_fabric)
                memcpy(l->shirt, fabric, sizeof(fabric));
            if (g == G_TSHIRT || hawaiian)
                l->short_sleeves = true;
            if (g == G_SWEATER || g == G_HOODIE)
                l->short_sleeves = false;
            if (floral || dots || stripes) {
                l->pattern = floral ? WORLD_PATTERN_FLORAL
                             : dots ? WORLD_PATTERN_DOTS
                                    : WORLD_PATTERN_STRIPES;
                // The print stands out against its ground.
                double lum = 0.2126 * (double)l->shirt[0] +
                             0.7152 * (double)l->shirt[1] +
                             0.0722 * (double)l->shirt[2];
                if (lum > 0.3)
                    set3(l->pattern_rgb, 0.04, 0.05, 0.12);
                else if (floral)
                    set3(l->pattern_rgb, 0.75, 0.72, 0.62);
                else
                    set3(l->pattern_rgb, 0.68, 0.68, 0.65);
            }
            u = true;
            break;
        case G_JACKET:
        case G_COAT:
            l->jacket = true;
            if (!have_fabric)
                pick3(fabric, &rng, jacket_tones, 5);
            memcpy(l->jacket_rgb, fabric, sizeof(fabric));
            if (g == G_COAT) {
                l->skirt = true;
                memcpy(l->skirt_rgb, fabric, sizeof(fabric));
            }
            u = true;
            break;
        case G_VEST:
            l->jacket = true;
            l->short_sleeves = false;
            if (!have_fabric)
                pick3(fabric, &rng, jacket_tones, 5);
            memcpy(l->jacket_rgb, fabric, sizeof(fabric));
            u = true;
            break;
        case G_SUIT:
            if (!have_fabric)
                pick3(fabric, &rng, suit_tones, 3);
            l->jacket = true;
            l->tie = true;
            l->short_sleeves = false;
            memcpy(l->jacket_rgb, fabric, sizeof(fabric));
            memcpy(l->trousers, fabric, sizeof(fabric));
            set3(l->shirt, 0.62, 0.62, 0.6);
            pick3(l->tie_rgb, &rng, tie_tones, 4);
            u = true;
            break;
        case G_TIE:
            l->tie = true;
            if (have_fabric)
                memcpy(l->tie_rgb, fabric, sizeof(fabric));
            else
                pick3(l->tie_rgb, &rng, tie_tones, 4);
            u = true;
            break;
        case G_DRESS:
            if (!have_fabric)
                pick3(fabric, &rng, aloha_tones, 4);
            memcpy(l->shirt, fabric, sizeof(fabric));
            memcpy(l->skirt_rgb, fabric, sizeof(fabric));
            l->skirt = true;
            l->bare_legs = true;
            if (floral || dots || stripes) {
                l->pattern = floral ? WORLD_PATTERN_FLORAL
                             : dots ? WORLD_PATTERN_DOTS
                                    : WORLD_PATTERN_STRIPES;
                set3(l->pattern_rgb, 0.72, 0.7, 0.62);
            }
            u = true;
            break;
        case G_SKIRT:
            if (!have_fabric)
                pick3(fabric, &rng, jacket_tones, 5);
            memcpy(l->skirt_rgb, fabric, sizeof(fabric));
            l->skirt = true;
            l->bare_legs = true;
            u = true;
            break;
        case G_TROUSERS:
        case G_JEANS:
        case G_SHORTS:
            if (!have_fabric && g == G_JEANS)
                set3(fabric, 0.06, 0.11, 0.22), have_fabric = true;
            if (have_fabric)
                memcpy(l->trousers, fabric, sizeof(fabric));
            if (g == G_SHORTS)
                l->bare_legs = true;
            u = true;
            break;
        case G_SHOES:
        case G_SNEAKERS:
            if (!have_fabric && g == G_SNEAKERS)
                set3(fabric, 0.62, 0.62, 0.6), have_fabric = true;
            // Boots are brown leather and heels black unless named;
            // plain shoes are what everyone wears already.
            if (!have_fabric && has(&p, "boots"))
                set3(fabric, 0.07, 0.04, 0.022), have_fabric = true;
            if (!have_fabric && has(&p, "heels"))
                set3(fabric, 0.02, 0.015, 0.015), have_fabric = true;
            if (have_fabric) {
                memcpy(l->shoes, fabric, sizeof(fabric));
                u = true;
            }
            break;
        case G_HAT:
        case G_CAP:
        case G_COWBOY_HAT:
            l->hat = g == G_CAP          ? WORLD_HAT_CAP
                     : g == G_COWBOY_HAT ? WORLD_HAT_COWBOY
                                         : WORLD_HAT_FEDORA;
            if (has(&p, "cowboy"))
                l->hat = WORLD_HAT_COWBOY;
            if (!have_fabric)
                pick3(fabric, &rng, hat_tones, 4);
            memcpy(l->hat_rgb, fabric, sizeof(fabric));
            u = true;
            break;
        case G_UNIFORM:
            if (!have_fabric)
                pick3(fabric, &rng, uniform_tones, 4);
            memcpy(l->shirt, fabric, sizeof(fabric));
            memcpy(l->trousers, fabric, sizeof(fabric));
            u = true;
            break;
        case G_APRON:
            l->apron = true;
            if (have_fabric)
                memcpy(l->apron_rgb, fabric, sizeof(fabric));
            else
                set3(l->apron_rgb, 0.68, 0.67, 0.63);
            u = true;
            break;
        default:
            break;
        }
        if (used)
            used[i] = u;
    }

    // Sex and age change the frame last, so they scale whatever the words
    // above set.
    if (female) {
        l->shoulder_m *= 0.9;
        l->hip_scale = 1.12;
        l->height_m *= 0.94;
        l->girth *= 0.95;
        if (!style_set)
            l->hair_style = WORLD_HAIR_LONG;
    }
    if (age > 0 && age < 14) {
        // A child: a bigger head for the body, a smaller frame.
        double hh = 0.75 + 0.062 * (double)age;
        double k = hh / 1.75;
        l->heads = 4.8 + 0.17 * (double)age;
        l->shoulder_m *= k * 0.95 + 0.1;
        l->height_m = hh * (0.94 + 0.12 * (l->height_m - 1.55) / 0.4);
    } else if (age >= 14 && age < 18) {
        l->height_m *= 0.97;
    }
    if (age >= 50 && !hair_set && l->hair_style != WORLD_HAIR_BALD) {
        // Greying with age, toward a cool mid grey.
        double t = base_clamp(((double)age - 45.0) / 35.0, 0.0, 0.85);
        static const double grey[3] = { 0.36, 0.355, 0.35 };
        for (int i = 0; i < 3; i++)
            l->hair[i] = (float)((double)l->hair[i] +
                                 (grey[i] - (double)l->hair[i]) * t);
    }
    if (age >= 65) {
        l->stoop_rad = 0.1 + 0.004 * fmin((double)age - 65.0, 20.0);
        l->height_m *= 0.97;
    }
    l->height_m = base_clamp(l->height_m, 0.8, 2.2);
    l->shoulder_m = base_clamp(l->shoulder_m, 0.2, 0.6);
    l->girth = base_clamp(l->girth, 0.8, 1.3);
}

void world_cast_look(const DirectCastMember *m, WorldFigureLook *out)
{
    world_figure_look(m->name_hash, out);
    apply_note(m, out, NULL);
}

size_t world_cast_unused_words(const DirectCastMember *m, const char **out,
                               size_t cap)
{
    if (!m || m->look_word_count == 0)
        return 0;
    bool used_buf[64];
    size_t n = m->look_word_count < 64 ? m->look_word_count : 64;
    memset(used_buf, 0, sizeof(used_buf));
    WorldFigureLook l;
    world_figure_look(m->name_hash, &l);
    DirectCastMember mm = *m;
    mm.look_word_count = n;
    apply_note(&mm, &l, used_buf);
    size_t k = 0;
    for (size_t i = 0; i < m->look_word_count; i++) {
        if (i < n && used_buf[i])
            continue;
        if (k < cap && out)
            out[k] = m->look_words[i];
        k++;
    }
    return k;
}
