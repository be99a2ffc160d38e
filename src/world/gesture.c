/* world/gesture.c: part of world/; reads a line's parenthetical ("beer
 * raised", "shrugs", "not looking at him") into what the speaker's body
 * does during the shot, for world.c to pose; other words change nothing. */
#include <ctype.h>
#include <string.h>

#include "world_internal.h"

#define GWORDS  24
#define GWORD_N 24

// One table row: a word and the gesture it asks for; @p next, when set,
// must follow it ("shakes head", "crosses arms").
static const struct {
    const char *w;
    const char *next;
    unsigned bits;
} gesture_words[] = {
    { "raised", NULL, WORLD_GEST_RAISE },
    { "raising", NULL, WORLD_GEST_RAISE },
    { "raises", NULL, WORLD_GEST_RAISE },
    { "raise", NULL, WORLD_GEST_RAISE },
    { "lifting", NULL, WORLD_GEST_RAISE },
    { "lifted", NULL, WORLD_GEST_RAISE },
    { "toasting", NULL, WORLD_GEST_RAISE },
    { "taking", NULL, WORLD_GEST_TAKE },
    { "takes", NULL, WORLD_GEST_TAKE },
    { "grabbing", NULL, WORLD_GEST_TAKE },
    { "grabs", NULL, WORLD_GEST_TAKE },
    { "accepting", NULL, WORLD_GEST_TAKE },
    { "picking", NULL, WORLD_GEST_TAKE },
    { "shrugs", NULL, WORLD_GEST_SHRUG },
    { "shrugging", NULL, WORLD_GEST_SHRUG },
    { "shrug", NULL, WORLD_GEST_SHRUG },
    { "nods", NULL, WORLD_GEST_NOD },
    { "nodding", NULL, WORLD_GEST_NOD },
    { "nod", NULL, WORLD_GEST_NOD },
    { "shakes", "head", WORLD_GEST_SHAKE },
    { "shaking", "head", WORLD_GEST_SHAKE },
    { "shakes", "his", WORLD_GEST_SHAKE },
    { "shakes", "her", WORLD_GEST_SHAKE },
    { "shaking", "his", WORLD_GEST_SHAKE },
    { "shaking", "her", WORLD_GEST_SHAKE },
    { "points", NULL, WORLD_GEST_POINT },
    { "pointing", NULL, WORLD_GEST_POINT },
    { "sighs", NULL, WORLD_GEST_SIGH },
    { "sighing", NULL, WORLD_GEST_SIGH },
    { "sigh", NULL, WORLD_GEST_SIGH },
    { "laughs", NULL, WORLD_GEST_LAUGH },
    { "laughing", NULL, WORLD_GEST_LAUGH },
    { "laugh", NULL, WORLD_GEST_LAUGH },
    { "chuckles", NULL, WORLD_GEST_LAUGH },
    { "chuckling", NULL, WORLD_GEST_LAUGH },
    { "crosses", "arms", WORLD_GEST_CROSS },
    { "crossing", "arms", WORLD_GEST_CROSS },
    { "crossed", NULL, WORLD_GEST_CROSS },
    { "folded", NULL, WORLD_GEST_CROSS },
    { "folds", "arms", WORLD_GEST_CROSS },
    { "whispers", NULL, WORLD_GEST_WHISPER },
    { "whispering", NULL, WORLD_GEST_WHISPER },
    { "whisper", NULL, WORLD_GEST_WHISPER },
    { "leaning", "in", WORLD_GEST_WHISPER },
    { "leans", "in", WORLD_GEST_WHISPER },
    { "lowering", NULL, WORLD_GEST_LOWER },
    { "lowers", NULL, WORLD_GEST_LOWER },
};

static size_t gesture_words_of(const char *s, char (*out)[GWORD_N])
{
    size_t n = 0;
    for (const char *p = s; *p && n < GWORDS;) {
        if (!isalpha((unsigned char)*p)) {
            p++;
            continue;
        }
        size_t len = 0;
        while (*p && (isalpha((unsigned char)*p) || *p == '\'')) {
            if (*p != '\'' && len + 1 < GWORD_N)
                out[n][len++] = (char)tolower((unsigned char)*p);
            p++;
        }
        out[n][len] = '\0';
        n++;
    }
    return n;
}

// The figure whose cast name is word @p w, or SIZE_MAX.
static size_t named(const Production *prod, const WorldFigure *figs, size_t nf,
                    const char *w)
{
    for (size_t f = 0; f < nf; f++) {
        const char *name = prod->cast[figs[f].cast_index].name;
        if (name && base_strncasecmp(name, w, strlen(w)) == 0 &&
            strlen(name) == strlen(w))
            return f;
    }
    return SIZE_MAX;
}

static bool is_other(const char *w)
{
    return strcmp(w, "him") == 0 || strcmp(w, "her") == 0 ||
           strcmp(w, "them") == 0;
}

static bool is_all(const char *w)
{
    return strcmp(w, "both") == 0 || strcmp(w, "all") == 0 ||
           strcmp(w, "everyone") == 0 || strcmp(w, "them") == 0 ||
           strcmp(w, "everybody") == 0;
}

bool world_gesture_read(const Production *prod, const char *paren,
                        const WorldFigure *figs, size_t nf, size_t speaker,
                        WorldGesture *out)
{
    memset(out, 0, sizeof(*out));
    out->fig = SIZE_MAX;
    if (!paren)
        return false;
    char w[GWORDS][GWORD_N];
    size_t n = gesture_words_of(paren, w);
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < BASE_ARRAY_LEN(gesture_words); k++) {
            if (strcmp(w[i], gesture_words[k].w) != 0)
                continue;
            if (gesture_words[k].next &&
                (i + 1 >= n || strcmp(w[i + 1], gesture_words[k].next) != 0))
                continue;
            out->bits |= gesture_words[k].bits;
            break;
        }
        // Looking away: "not looking at him", "looks away", "avoiding
        // her eyes".
        if ((strcmp(w[i], "looking") == 0 || strcmp(w[i], "looks") == 0 ||
             strcmp(w[i], "look") == 0) &&
            ((i > 0 && strcmp(w[i - 1], "not") == 0) ||
             (i + 1 < n && strcmp(w[i + 1], "away") == 0)))
            out->bits |= WORLD_GEST_AWAY;
        if (strcmp(w[i], "avoiding") == 0 || strcmp(w[i], "averting") == 0)
            out->bits |= WORLD_GEST_AWAY;
        // Whom it is aimed at: "to both", "at him", "to MARA"; "to
        // himself" is nobody.
        bool prep = strcmp(w[i], "to") == 0 || strcmp(w[i], "at") == 0 ||
                    strcmp(w[i], "toward") == 0 || strcmp(w[i], "towards") == 0;
        if (prep && i + 1 < n) {
            const char *o = w[i + 1];
            size_t f = named(prod, figs, nf, o);
            bool to = strcmp(w[i], "at") != 0 &&
                      !(i > 0 && strcmp(w[i - 1], "looking") == 0);
            if (f != SIZE_MAX && f != speaker) {
                out->fig = f;
                out->bits |= to ? WORLD_GEST_TO : 0u;
            } else if (is_all(o) && nf > 2) {
                out->all = true;
                out->bits |= to ? WORLD_GEST_TO : 0u;
            } else if (is_other(o) || is_all(o)) {
                out->bits |= to ? WORLD_GEST_TO : 0u;
            }
        }
        const WorldPropDef *d = world_prop_word(w[i]);
        if (d && d->grip != WORLD_GRIP_NONE && !out->prop)
            out->prop = d;
    }
    return out->bits != 0;
}

static double smooth01(double u)
{
    u = base_clamp(u, 0.0, 1.0);
    return u * u * (3.0 - 2.0 * u);
}

static double rad(double d)
{
    return d * BASE_PI / 180.0;
}

void world_gesture_pose(const WorldGesture *g, double u_s, double look_yaw_rad,
                        bool holds[2], WorldPose *pose)
{
    if (u_s < 0.0)
        return;
    // Into the gesture over half a second, held for the rest of the shot
    // unless it is a beat (a nod, a shrug) that ends by itself.
    double e = smooth01(u_s / 0.5);
    unsigned b = g->bits;
    if (b & WORLD_GEST_NOD) {
        // Two nods, down and back up, then the chin stays a touch low.
        double f =
            u_s < 1.4 ? 0.5 - 0.5 * cos(2.0 * BASE_PI * u_s / 0.7) : 0.25;
        pose->head_pitch_rad += rad(14.0) * f;
    }
    if (b & WORLD_GEST_SHAKE) {
        double fade = 1.0 - smooth01((u_s - 1.6) / 0.4);
        pose->head_yaw_rad += rad(22.0) * sin(2.0 * BASE_PI * u_s / 0.6) * fade;
    }
    if (b & WORLD_GEST_SHRUG) {
        // Up in 0.3 s, held, down by 2 s.
        pose->shrug = smooth01(u_s / 0.3) * (1.0 - smooth01((u_s - 1.4) / 0.6));
        pose->head_roll_rad += rad(6.0) * pose->shrug;
    }
    if (b & WORLD_GEST_SIGH) {
        pose->slump = e;
        pose->head_pitch_rad += rad(8.0) * e;
    }
    if (b & WORLD_GEST_LAUGH) {
        double bounce =
            u_s < 2.5 ? 0.5 + 0.5 * sin(2.0 * BASE_PI * 4.0 * u_s) : 0.0;
        pose->head_pitch_rad -= rad(10.0) * e;
        pose->shrug = fmax(pose->shrug, 0.35 * bounce * e);
    }
    if (b & WORLD_GEST_WHISPER)
        pose->head_pitch_rad += rad(10.0) * e;
    if (isfinite(look_yaw_rad) && (b & WORLD_GEST_AWAY)) {
        // Turned well away from the one they talk to.
        double away = look_yaw_rad >= 0.0 ? -1.0 : 1.0;
        pose->head_yaw_rad += away * rad(60.0) * e;
        pose->head_pitch_rad += rad(6.0) * e;
    }
    bool any = holds[0] || holds[1];
    if (b & WORLD_GEST_RAISE) {
        // What the hand holds comes up before the chest; an empty hand
        // rises the same.
        for (int k = 0; k < 2; k++) {
            if (holds[k] && u_s > 0.3)
                pose->arm[k] = WORLD_ARM_RAISE;
        }
        if (!any && u_s > 0.3)
            pose->arm[1] = WORLD_ARM_RAISE;
    }
    if ((b & WORLD_GEST_LOWER) && u_s < 0.8) {
        for (int k = 0; k < 2; k++) {
            if (holds[k])
                pose->arm[k] = WORLD_ARM_RAISE;
        }
    }
    if ((b & WORLD_GEST_POINT) && u_s > 0.2 && isfinite(look_yaw_rad)) {
        int k = holds[1] ? 0 : 1;
        if (!holds[k]) {
            pose->arm[k] = WORLD_ARM_POINT;
            pose->point_yaw_rad = look_yaw_rad;
        }
    }
    if ((b & WORLD_GEST_CROSS) && !any && u_s > 0.3) {
        pose->arm[0] = pose->arm[1] = WORLD_ARM_CROSS;
        pose->gesture = 0.0;
    }
}
