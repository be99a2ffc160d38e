/* direct/notes.c: reads director notes ([[shot: ...]], [[light: ...]],
 * [[look: ...]], [[cast: ...]], [[time: ...]], [[weather: ...]],
 * [[transition: ...]]) into the Production's terms, reporting every unknown
 * word, out-of-range value and contradiction with its line:col. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vocab.h"

static const LangWord note_keywords[] = {
    { "shot", NOTE_SHOT },       { "light", NOTE_LIGHT },
    { "lighting", NOTE_LIGHT },  { "look", NOTE_LOOK },
    { "cast", NOTE_CAST },       { "time", NOTE_TIME },
    { "weather", NOTE_WEATHER }, { "set", NOTE_SET },
    { "sound", NOTE_SOUND },     { "transition", NOTE_TRANSITION },
};

NoteKind note_kind(LangCtx *ctx, const char *text, AuSrcLoc loc,
                   const char **body, AuSrcLoc *body_loc)
{
    const char *p = text;
    while (*p == ' ' || *p == '\t')
        p++;
    const char *w = p;
    while (isalpha((unsigned char)*p))
        p++;
    size_t n = (size_t)(p - w);
    const char *q = p;
    while (*q == ' ')
        q++;
    if (n == 0 || n >= 32 || *q != ':')
        return NOTE_NONE;
    char word[32];
    for (size_t i = 0; i < n; i++)
        word[i] = (char)tolower((unsigned char)w[i]);
    word[n] = '\0';
    AuSrcLoc wl = loc;
    wl.col += (uint32_t)(w - text);
    *body = q + 1;
    *body_loc = loc;
    body_loc->col += (uint32_t)base_utf8_count(text, (size_t)(q + 1 - text));
    for (size_t i = 0; i < BASE_ARRAY_LEN(note_keywords); i++)
        if (strcmp(word, note_keywords[i].phrase) == 0)
            return (NoteKind)note_keywords[i].value;
    const char *s =
        lang_suggest(word, note_keywords, BASE_ARRAY_LEN(note_keywords));
    if (s)
        base_diag(ctx->diag, wl, AU_SEVERITY_ERROR, "unknown-note",
                  "unknown direction '%s:'; did you mean '%s:'?", word, s);
    return NOTE_NONE;
}

static void unknown_word(LangCtx *ctx, const LangTok *t, const char *what,
                         const LangTable *const *tables, size_t ntables)
{
    const char *best = NULL;
    for (size_t i = 0; i < ntables && !best; i++)
        best = lang_suggest(t->text, tables[i]->words, tables[i]->count);
    if (!best) {
        for (size_t i = 0; i < ctx->cast_count && !best; i++)
            if (lang_distance(t->text, ctx->cast[i].name, 2) <= 2)
                best = ctx->cast[i].name;
    }
    if (best)
        base_diag(ctx->diag, t->loc, AU_SEVERITY_ERROR, "unknown-word",
                  "unknown word '%s' in %s; did you mean '%s'?", t->text, what,
                  best);
    else
        base_diag(ctx->diag, t->loc, AU_SEVERITY_ERROR, "unknown-word",
                  "unknown word '%s' in %s (see docs/language.md)", t->text,
                  what);
}

size_t lang_cast_at(const LangCtx *ctx, const LangClause *c, size_t i,
                    size_t *n)
{
    size_t best = SIZE_MAX, best_n = 0;
    for (size_t m = 0; m < ctx->cast_count; m++) {
        const char *p = ctx->cast[m].name;
        size_t k = 0;
        bool ok = true;
        while (*p) {
            size_t wn = strcspn(p, " -");
            if (i + k >= c->count || c->toks[i + k].kind != LANG_TOK_WORD ||
                strlen(c->toks[i + k].text) != wn ||
                base_strncasecmp(p, c->toks[i + k].text, wn) != 0) {
                ok = false;
                break;
            }
            k++;
            p += wn;
            while (*p == ' ' || *p == '-')
                p++;
        }
        if (ok && k > best_n) {
            best = m;
            best_n = k;
        }
    }
    *n = best_n;
    return best;
}

static bool claim(LangCtx *ctx, DirectShot *shot, uint32_t bit,
                  const LangTok *t, const char *what)
{
    if (shot->set_by & bit) {
        base_diag(ctx->diag, t->loc, AU_SEVERITY_ERROR, "contradiction",
                  "two %s in one shot: '%s' contradicts the one before", what,
                  t->text);
        return false;
    }
    shot->set_by |= bit;
    return true;
}

static bool in_range(LangCtx *ctx, const LangTok *t, double v, double lo,
                     double hi, const char *what, const char *unit)
{
    if (v >= lo && v <= hi)
        return true;
    base_diag(ctx->diag, t->loc, AU_SEVERITY_ERROR, "out-of-range",
              "%s '%s' is out of range (%g to %g%s%s)", what, t->text, lo, hi,
              unit[0] ? " " : "", unit);
    return false;
}

// Durations in seconds from a number and its unit.
static bool is_word(const LangTok *t, const char *w)
{
    return t->kind == LANG_TOK_WORD && !t->used && strcmp(t->text, w) == 0;
}

// Phrases that put the camera across the 180-degree line on purpose.
static const LangWord side_words[] = {
    { "across the line", 1 },        { "over the line", 1 },
    { "cross the line", 1 },         { "crossing the line", 1 },
    { "reverse side", 1 },           { "other side of the line", 1 },
    { "wrong side of the line", 1 },
};

static bool duration_of(const LangTok *t, double *s)
{
    const char *u = t->unit;
    double k = strcmp(u, "s") == 0     ? 1.0
               : strcmp(u, "ms") == 0  ? 0.001
               : strcmp(u, "min") == 0 ? 60.0
               : strcmp(u, "h") == 0   ? 3600.0
                                       : 0.0;
    if (k == 0.0)
        return false;
    *s = t->value * k;
    return true;
}

AuStatus lang_shot_clause(LangCtx *ctx, LangClause *c, DirectShot *shot)
{
    static const LangTable *const tables[] = { &vocab_size,  &vocab_kind,
                                               &vocab_angle, &vocab_move,
                                               &vocab_speed, &vocab_filler };

    // What a bare "30deg" refers to: the last angle or move named.
    enum {
        DEG_NONE,
        DEG_ANGLE,
        DEG_MOVE
    } deg_target = DEG_NONE;

    bool move_back = false; // left, down or out: the amount's sign

    for (size_t i = 0; i < c->count; i++) {
        LangTok *t = &c->toks[i];
        if (t->used)
            continue;
        size_t n = 0;
        const LangWord *w;
        double v;
        if (t->kind == LANG_TOK_FSTOP) {
            t->used = true;
            if (in_range(ctx, t, t->value, 0.7, 64.0, "f-stop", "") &&
                claim(ctx, shot, DIRECT_SET_F_STOP, t, "f-stops"))
                shot->f_stop = t->value;
            continue;
        }
        if (t->kind == LANG_TOK_NUMBER && strcmp(t->unit, "mm") == 0) {
            t->used = true;
            if (in_range(ctx, t, t->value, 8.0, 1200.0, "lens", "mm") &&
                claim(ctx, shot, DIRECT_SET_LENS, t, "lenses"))
                shot->lens_mm = t->value;
            continue;
        }
        if (t->kind == LANG_TOK_NUMBER && duration_of(t, &v)) {
            t->used = true;
            if (in_range(ctx, t, v, 0.1, 600.0, "shot length", "s") &&
                claim(ctx, shot, DIRECT_SET_DURATION, t, "durations"))
                shot->duration_s = v;
            continue;
        }
        if (t->kind == LANG_TOK_NUMBER && strcmp(t->unit, "deg") == 0 &&
            deg_target != DEG_NONE) {
            t->used = true;
            if (deg_target == DEG_ANGLE) {
                if (in_range(ctx, t, t->value, 0.0, 89.0, "angle", "degrees"))
                    shot->angle_deg = t->value;
            } else if (in_range(ctx, t, t->value, -720.0, 720.0, "move",
                                "degrees")) {
                shot->move_amount = move_back ? -t->value : t->value;
            }
            continue;
        }
        if (t->kind == LANG_TOK_NUMBER && strcmp(t->unit, "x") == 0 &&
            shot->move == DIRECT_MOVE_ZOOM) {
            t->used = true;
            if (in_range(ctx, t, t->value, 0.1, 20.0, "zoom", "x"))
                shot->move_amount = move_back ? 1.0 / t->value : t->value;
            continue;
        }
        if (t->kind != LANG_TOK_WORD) {
            if (ctx->strict) {
                t->used = true;
                base_diag(ctx->diag, t->loc, AU_SEVERITY_ERROR, "unknown-value",
                          "'%s' means nothing in a shot (a lens is '85mm', "
                          "a length '3s', an angle '20deg')",
                          t->text);
            }
            continue;
        }
        // A size phrase can also be a kind ("two shot" vs "shot"): try the
        // longest match over all tables.
        size_t ns = 0, nk = 0, na = 0, nm = 0, nsp = 0;
        const LangWord *ws =
            lang_match(c, i, vocab_size.words, vocab_size.count, &ns);
        const LangWord *wk =
            lang_match(c, i, vocab_kind.words, vocab_kind.count, &nk);
        const LangWord *wa =
            lang_match(c, i, vocab_angle.words, vocab_angle.count, &na);
        const LangWord *wm =
            lang_match(c, i, vocab_move.words, vocab_move.count, &nm);
        const LangWord *wsp =
            lang_match(c, i, vocab_speed.words, vocab_speed.count, &nsp);
        size_t nc = 0;
        size_t member = lang_cast_at(ctx, c, i, &nc);
        size_t longest = ns;
        longest = nk > longest ? nk : longest;
        longest = na > longest ? na : longest;
        longest = nm > longest ? nm : longest;
        longest = nsp > longest ? nsp : longest;
        longest = nc > longest ? nc : longest;
        if (longest == 0) {
            if (strcmp(t->text, "focus") == 0 || strcmp(t->text, "rack") == 0) {
                // "focus on B", "rack to B", "rack focus from A to B".
                bool rack = strcmp(t->text, "rack") == 0;
                size_t from = SIZE_MAX, j = i + 1, nf = 0;
                if (j < c->count && is_word(&c->toks[j], "focus"))
                    j++;
                if (rack && j < c->count && is_word(&c->toks[j], "from")) {
                    from = lang_cast_at(ctx, c, j + 1, &nf);
                    if (from != SIZE_MAX)
                        j += 1 + nf;
                }
                while (j < c->count && (is_word(&c->toks[j], "on") ||
                                        is_word(&c->toks[j], "to")))
                    j++;
                size_t fm = lang_cast_at(ctx, c, j, &n);
                if (fm != SIZE_MAX) {
                    lang_use(c, i, j + n - i);
                    if (claim(ctx, shot, DIRECT_SET_FOCUS, t,
                              "focus targets")) {
                        shot->focus = fm;
                        shot->rack = rack;
                        shot->rack_from = from;
                    }
                    i = j + n - 1;
                    continue;
                }
            }
            w = lang_match(c, i, side_words, BASE_ARRAY_LEN(side_words), &n);
            if (w) {
                lang_use(c, i, n);
                shot->reverse_side = true;
                i += n - 1;
                continue;
            }
            w = lang_match(c, i, vocab_filler.words, vocab_filler.count, &n);
            if (w) {
                lang_use(c, i, n);
                i += n - 1;
                continue;
            }
            if (ctx->strict) {
                t->used = true;
                unknown_word(ctx, t, "a shot note", tables,
                             BASE_ARRAY_LEN(tables));
            }
            continue;
        }
        if (nc == longest && member != SIZE_MAX) {
            lang_use(c, i, nc);
            if (!(shot->set_by & DIRECT_SET_SUBJECT)) {
                shot->set_by |= DIRECT_SET_SUBJECT;
                shot->subject = member;
            } else if (shot->partner == SIZE_MAX && member != shot->subject) {
                shot->partner = member;
            } else {
                base_diag(ctx->diag, t->loc, AU_SEVERITY_ERROR, "contradiction",
                          "a shot frames at most two characters; '%s' is a "
                          "third",
                          t->text);
            }
            i += nc - 1;
            continue;
        }
        if (ns == longest) {
            lang_use(c, i, ns);
            if (claim(ctx, shot, DIRECT_SET_SIZE, t, "shot sizes"))
                shot->size = (DirectShotSize)ws->value;
            i += ns - 1;
        } else if (nk == longest) {
            lang_use(c, i, nk);
            if (claim(ctx, shot, DIRECT_SET_KIND, t, "kinds of shot"))
                shot->kind = (DirectShotKind)wk->value;
            if (wk->value == DIRECT_KIND_INSERT) {
                // The rest of the clause names the prop.
                char prop[128] = "";
                size_t len = 0;
                for (size_t j = i + nk; j < c->count; j++) {
                    if (c->toks[j].used || c->toks[j].kind != LANG_TOK_WORD)
                        break;
                    if (lang_match(c, j, vocab_filler.words, vocab_filler.count,
                                   &n) &&
                        len == 0) {
                        lang_use(c, j, n);
                        continue;
                    }
                    int wrote = snprintf(prop + len, sizeof prop - len, "%s%s",
                                         len ? " " : "", c->toks[j].text);
                    if (wrote > 0 && (size_t)wrote < sizeof prop - len)
                        len += (size_t)wrote;
                    c->toks[j].used = true;
                }
                if (len) {
                    shot->insert = base_arena_strdup(ctx->arena, prop);
                    if (!shot->insert)
                        return AU_ENOMEM;
                }
            }
            i += nk - 1;
        } else if (na == longest) {
            lang_use(c, i, na);
            if (claim(ctx, shot, DIRECT_SET_ANGLE, t, "angles")) {
                shot->angle = (DirectAngle)wa->value;
                shot->angle_deg =
                    shot->angle == DIRECT_ANGLE_LOW ||
                            shot->angle == DIRECT_ANGLE_HIGH ||
                            shot->angle == DIRECT_ANGLE_DUTCH
                        ? 15.0
                        : (shot->angle == DIRECT_ANGLE_OVERHEAD ? 90.0 : 0.0);
            }
            deg_target = DEG_ANGLE;
            i += na - 1;
        } else if (nm == longest) {
            lang_use(c, i, nm);
            // Handheld is a texture on top of another move, not a rival.
            if (wm->value == DIRECT_MOVE_HANDHELD) {
                shot->handheld = true;
                if (!(shot->set_by & DIRECT_SET_MOVE)) {
                    shot->move = DIRECT_MOVE_HANDHELD;
                    shot->set_by |= DIRECT_SET_MOVE;
                }
            } else if (!(shot->set_by & DIRECT_SET_MOVE) ||
                       shot->move == DIRECT_MOVE_HANDHELD) {
                shot->move = (DirectMove)wm->value;
                shot->set_by |= DIRECT_SET_MOVE;
            } else {
                claim(ctx, shot, DIRECT_SET_MOVE, t, "camera moves");
            }
            // "pan left" and "zoom out" carry a direction in the words;
            // a number given before the words takes their sign.
            const char *ph = wm->phrase;
            if (strstr(ph, "left") || strstr(ph, "down") ||
                strstr(ph, " out")) {
                move_back = true;
                if (shot->move_amount == 0.0)
                    shot->move_amount = -1.0;
                else if (shot->move == DIRECT_MOVE_ZOOM)
                    shot->move_amount = 1.0 / shot->move_amount;
                else
                    shot->move_amount = -fabs(shot->move_amount);
            }
            deg_target = DEG_MOVE;
            i += nm - 1;
        } else {
            lang_use(c, i, nsp);
            shot->move_speed = wsp->value / 100.0;
            i += nsp - 1;
        }
    }
    return AU_OK;
}

AuStatus note_shot(LangCtx *ctx, const char *body, AuSrcLoc loc,
                   DirectShot *shot)
{
    LangClause *cl = NULL;
    size_t n = 0;
    AuStatus st = lang_tokenize(ctx->arena, body, strlen(body), loc, &cl, &n);
    for (size_t i = 0; i < n && st == AU_OK; i++)
        st = lang_shot_clause(ctx, &cl[i], shot);
    if (st == AU_OK && shot->partner != SIZE_MAX &&
        !(shot->set_by & DIRECT_SET_KIND))
        shot->kind = DIRECT_KIND_TWO_SHOT;
    return st;
}

// RGB transmission of the colour-correction filter gels (vocab_gel values
// from 1000): plus green cuts red and blue, minus green (magenta) cuts
// green, the halves half as much.
static const float gel_filters[4][3] = {
    { 0.78f, 1.0f, 0.72f },
    { 0.88f, 1.0f, 0.85f },
    { 1.0f, 0.70f, 0.95f },
    { 1.0f, 0.85f, 0.97f },
};

// Puts a gel on @p l: a kelvin gel shifts its colour temperature by a
// mired value (from daylight for an orange gel, tungsten for a blue one
// when no temperature was named); a green or magenta gel filters it.
static void apply_gel(DirectLight *l, int gel)
{
    if (gel >= 1000) {
        memcpy(l->filter, gel_filters[gel - 1000], sizeof l->filter);
        return;
    }
    double base = l->temp_k > 0 ? l->temp_k : gel > 0 ? 5600.0 : 3200.0;
    double mired = 1e6 / base + (double)gel;
    l->temp_k = base_clamp(1e6 / mired, 1000.0, 20000.0);
}

// Reads one clause of a light note: a key style, a preset, a key-to-fill
// ratio, or a light with its role, colour temperature or colour, gel,
// side, height, softness and intensity.
static AuStatus light_clause(LangCtx *ctx, LangClause *c, DirectLighting *out)
{
    static const LangTable *const tables[] = {
        &vocab_key_style, &vocab_light_preset, &vocab_light_role, &vocab_side,
        &vocab_height,    &vocab_softness,     &vocab_intensity,  &vocab_gel,
        &vocab_color,     &vocab_filler
    };
    DirectLight l;
    memset(&l, 0, sizeof l);
    l.intensity = 1.0;
    bool has_light = false, has_role = false;
    int gel = 0;
    for (size_t i = 0; i < c->count; i++) {
        LangTok *t = &c->toks[i];
        size_t n = 0;
        const LangWord *w;
        if (t->used)
            continue;
        if (t->kind == LANG_TOK_NUMBER && strcmp(t->unit, "k") == 0) {
            t->used = true;
            if (in_range(ctx, t, t->value, 1000.0, 20000.0,
                         "colour temperature", "K"))
                l.temp_k = t->value;
            has_light = true;
            if (!l.loc.line)
                l.loc = t->loc;
            continue;
        }
        if (t->kind == LANG_TOK_NUMBER &&
            (strcmp(t->unit, "%") == 0 || strcmp(t->unit, "x") == 0)) {
            t->used = true;
            double v = strcmp(t->unit, "%") == 0 ? t->value / 100.0 : t->value;
            if (in_range(ctx, t, v, 0.0, 20.0, "intensity", "x"))
                l.intensity *= v;
            has_light = true;
            continue;
        }
        if (t->kind == LANG_TOK_NUMBER && t->unit[0] == '\0' &&
            i + 1 < c->count &&
            lang_match(c, i + 1, vocab_stop.words, vocab_stop.count, &n)) {
            // "+1 stop" doubles the light, "-2 stops" quarters it.
            lang_use(c, i, 1 + n);
            if (in_range(ctx, t, t->value, -8.0, 4.0, "intensity", "stops"))
                l.intensity *= pow(2.0, t->value);
            has_light = true;
            i += n;
            continue;
        }
        if (t->kind == LANG_TOK_RATIO) {
            // "4:1": the side of the face toward the key reads four times
            // the side toward the fill.
            t->used = true;
            if (in_range(ctx, t, t->value, 1.0, 32.0, "key-to-fill ratio", ""))
                out->fill_ratio = t->value;
            continue;
        }
        if (t->kind != LANG_TOK_WORD) {
            t->used = true;
            base_diag(ctx->diag, t->loc, AU_SEVERITY_ERROR, "unknown-value",
                      "'%s' means nothing in a light note (a colour "
                      "temperature is '3200K', an intensity '50%%' or "
                      "'+1 stop', a key-to-fill ratio '4:1')",
                      t->text);
            continue;
        }
        if ((w = lang_match(c, i, vocab_key_style.words, vocab_key_style.count,
                            &n))) {
            out->style = (DirectKeyStyle)w->value;
        } else if ((w = lang_match(c, i, vocab_light_preset.words,
                                   vocab_light_preset.count, &n))) {
            out->preset = (DirectLightPreset)w->value;
        } else if ((w = lang_match(c, i, vocab_light_role.words,
                                   vocab_light_role.count, &n))) {
            if (has_role)
                base_diag(ctx->diag, t->loc, AU_SEVERITY_ERROR, "contradiction",
                          "one light per clause: separate '%s' with a comma",
                          t->text);
            l.role = (DirectLightRole)w->value;
            l.kicker = strncmp(w->phrase, "kick", 4) == 0;
            l.loc = t->loc;
            has_role = has_light = true;
        } else if ((w = lang_match(c, i, vocab_side.words, vocab_side.count,
                                   &n))) {
            l.side = (DirectSide)w->value;
            has_light = true;
        } else if ((w = lang_match(c, i, vocab_height.words, vocab_height.count,
                                   &n))) {
            l.height_deg = w->value;
            l.has_height = has_light = true;
        } else if ((w = lang_match(c, i, vocab_softness.words,
                                   vocab_softness.count, &n))) {
            l.softness = w->value / 100.0;
            has_light = true;
        } else if ((w = lang_match(c, i, vocab_intensity.words,
                                   vocab_intensity.count, &n))) {
            l.intensity *= w->value / 100.0;
            has_light = true;
        } else if ((w = lang_match(c, i, vocab_gel.words, vocab_gel.count,
                                   &n))) {
            gel = w->value;
            has_light = true;
        } else if ((w = lang_match(c, i, vocab_color.words, vocab_color.count,
                                   &n))) {
            l.color_name = w->phrase;
            memcpy(l.color, vocab_colors_rgb[w->value], sizeof l.color);
            has_light = true;
        } else if ((w = lang_match(c, i, vocab_filler.words, vocab_filler.count,
                                   &n))) {
        } else {
            t->used = true;
            unknown_word(ctx, t, "a light note", tables,
                         BASE_ARRAY_LEN(tables));
            continue;
        }
        lang_use(c, i, n);
        i += n - 1;
    }
    if (gel)
        apply_gel(&l, gel);
    if (has_light) {
        if (!l.loc.line)
            l.loc = c->loc;
        if (out->light_count >= DIRECT_MAX_LIGHTS) {
            base_diag(ctx->diag, c->loc, AU_SEVERITY_ERROR, "too-many",
                      "at most %d lights in one note", DIRECT_MAX_LIGHTS);
        } else {
            out->lights[out->light_count++] = l;
        }
    }
    return AU_OK;
}

AuStatus note_light(LangCtx *ctx, const char *body, AuSrcLoc loc,
                    DirectLighting *out)
{
    memset(out, 0, sizeof *out);
    out->loc = loc;
    LangClause *cl = NULL;
    size_t n = 0;
    AuStatus st = lang_tokenize(ctx->arena, body, strlen(body), loc, &cl, &n);
    for (size_t i = 0; i < n && st == AU_OK; i++)
        st = light_clause(ctx, &cl[i], out);
    return st;
}

// Reads a note that names one thing from @p table; unknown words are
// errors. Returns the entry, or NULL.
static const LangWord *single_choice(LangCtx *ctx, const char *body,
                                     AuSrcLoc loc, const LangTable *table,
                                     const char *what, AuStatus *st)
{
    LangClause *cl = NULL;
    size_t n = 0;
    const LangWord *found = NULL;
    *st = lang_tokenize(ctx->arena, body, strlen(body), loc, &cl, &n);
    const LangTable *const tables[] = { table };
    for (size_t k = 0; k < n && *st == AU_OK; k++) {
        LangClause *c = &cl[k];
        for (size_t i = 0; i < c->count; i++) {
            size_t m = 0;
            const LangWord *w;
            if (c->toks[i].used)
                continue;
            if ((w = lang_match(c, i, table->words, table->count, &m))) {
                if (found && found->value != w->value)
                    base_diag(ctx->diag, c->toks[i].loc, AU_SEVERITY_ERROR,
                              "contradiction",
                              "two choices in one %s: '%s' and '%s'", what,
                              found->phrase, w->phrase);
                found = w;
            } else if (!(w = lang_match(c, i, vocab_filler.words,
                                        vocab_filler.count, &m))) {
                c->toks[i].used = true;
                unknown_word(ctx, &c->toks[i], what, tables, 1);
                continue;
            }
            lang_use(c, i, m);
            i += m - 1;
        }
    }
    if (*st == AU_OK && !found && n == 0)
        base_diag(ctx->diag, loc, AU_SEVERITY_ERROR, "empty-note",
                  "the %s is empty", what);
    return found;
}

// The grade's words besides the look names (grade_words values).
enum {
    GW_ACES = 1,
    GW_AGX,
    GW_FILMIC,
    GW_WB,
    GW_TUNGSTEN,
    GW_DAYLIGHT,
    GW_GRAIN,
    GW_BLOOM,
    GW_HALATION,
    GW_EXPOSURE
};

static const LangWord grade_word_list[] = {
    { "aces", GW_ACES },
    { "agx", GW_AGX },
    { "filmic", GW_FILMIC },
    { "white balance", GW_WB },
    { "wb", GW_WB },
    { "tungsten balance", GW_TUNGSTEN },
    { "tungsten balanced", GW_TUNGSTEN },
    { "daylight balance", GW_DAYLIGHT },
    { "daylight balanced", GW_DAYLIGHT },
    { "grain", GW_GRAIN },
    { "film grain", GW_GRAIN },
    { "bloom", GW_BLOOM },
    { "halation", GW_HALATION },
    { "exposure", GW_EXPOSURE },
};
static const LangTable grade_words = { grade_word_list,
                                       BASE_ARRAY_LEN(grade_word_list) };

// The number after token @p i when it has no unit or the one given.
static const LangTok *number_after(LangClause *c, size_t i, const char *unit)
{
    if (i >= c->count || c->toks[i].used || c->toks[i].kind != LANG_TOK_NUMBER)
        return NULL;
    const LangTok *t = &c->toks[i];
    return strcmp(t->unit, "") == 0 || strcmp(t->unit, unit) == 0 ? t : NULL;
}

// One word of the grade at token @p i (matched as @p w over @p m tokens),
// with the number that may follow it. Returns the tokens used.
static size_t grade_clause(LangCtx *ctx, LangClause *c, size_t i, size_t m,
                           int w, DirectGrade *g)
{
    const LangTok *t = &c->toks[i];
    const LangTok *num = NULL;
    switch (w) {
    case GW_ACES:
    case GW_AGX:
    case GW_FILMIC:
        g->tonemap = w == GW_ACES ? 2 : (w == GW_AGX ? 3 : 1);
        return m;
    case GW_TUNGSTEN:
        g->white_balance_k = 3200.0;
        return m;
    case GW_DAYLIGHT:
        g->white_balance_k = 5600.0;
        return m;
    case GW_WB:
        num = number_after(c, i + m, "k");
        if (!num) {
            base_diag(ctx->diag, t->loc, AU_SEVERITY_ERROR, "missing-value",
                      "'%s' needs a colour temperature, e.g. 'white balance "
                      "3200K'",
                      t->text);
            return m;
        }
        if (in_range(ctx, num, num->value, 1000.0, 40000.0, "white balance",
                     "K"))
            g->white_balance_k = num->value;
        return m + 1;
    case GW_EXPOSURE:
        num = number_after(c, i + m, "");
        if (!num) {
            base_diag(ctx->diag, t->loc, AU_SEVERITY_ERROR, "missing-value",
                      "'exposure' needs stops, e.g. 'exposure +0.5'");
            return m;
        }
        if (in_range(ctx, num, num->value, -8.0, 8.0, "exposure", "stops")) {
            g->exposure_ev = num->value;
            g->has_exposure = true;
        }
        // "exposure -1 stop": the unit word is welcome.
        if (i + m + 1 < c->count && (is_word(&c->toks[i + m + 1], "stop") ||
                                     is_word(&c->toks[i + m + 1], "stops")))
            return m + 2;
        return m + 1;
    default: {
        // Strength words: a bare word is a gentle amount.
        static const double gentle[] = { 0.3, 0.2, 0.4 };
        const char *names[] = { "grain", "bloom", "halation" };
        int k = w - GW_GRAIN;
        double *field =
            k == 0 ? &g->grain : (k == 1 ? &g->bloom : &g->halation);
        num = number_after(c, i + m, "");
        double v = gentle[k];
        if (num && in_range(ctx, num, num->value, 0.0, 1.0, names[k], ""))
            v = num->value;
        *field = v;
        return num ? m + 1 : m;
    }
    }
}

AuStatus note_look(LangCtx *ctx, const char *body, AuSrcLoc loc,
                   const char **look, DirectGrade *grade)
{
    LangClause *cl = NULL;
    size_t n = 0;
    const LangWord *found = NULL;
    bool any = false;
    AuStatus st = lang_tokenize(ctx->arena, body, strlen(body), loc, &cl, &n);
    const LangTable *const tables[] = { &vocab_look, &grade_words };
    for (size_t k = 0; k < n && st == AU_OK; k++) {
        LangClause *c = &cl[k];
        for (size_t i = 0; i < c->count; i++) {
            size_t m = 0, mg = 0;
            LangTok *t = &c->toks[i];
            if (t->used)
                continue;
            const LangWord *w =
                lang_match(c, i, vocab_look.words, vocab_look.count, &m);
            const LangWord *g =
                lang_match(c, i, grade_words.words, grade_words.count, &mg);
            if (g && mg >= m) {
                size_t used = grade_clause(ctx, c, i, mg, g->value, grade);
                lang_use(c, i, used);
                i += used - 1;
                any = true;
                continue;
            }
            if (w) {
                if (found && found->value != w->value)
                    base_diag(ctx->diag, t->loc, AU_SEVERITY_ERROR,
                              "contradiction",
                              "two looks in one look note: '%s' and '%s'",
                              found->phrase, w->phrase);
                found = w;
                any = true;
            } else if (!(w = lang_match(c, i, vocab_filler.words,
                                        vocab_filler.count, &m))) {
                t->used = true;
                unknown_word(ctx, t, "a look note", tables,
                             BASE_ARRAY_LEN(tables));
                continue;
            }
            lang_use(c, i, m);
            i += m - 1;
        }
    }
    if (st == AU_OK && !any && n == 0)
        base_diag(ctx->diag, loc, AU_SEVERITY_ERROR, "empty-note",
                  "the look note is empty");
    if (found)
        *look = vocab_look_names[found->value];
    return st;
}

AuStatus note_time(LangCtx *ctx, const char *body, AuSrcLoc loc,
                   DirectTimeOfDay *out)
{
    AuStatus st;
    const LangWord *w =
        single_choice(ctx, body, loc, &vocab_tod, "time note", &st);
    if (w)
        *out = (DirectTimeOfDay)w->value;
    return st;
}

AuStatus note_weather(LangCtx *ctx, const char *body, AuSrcLoc loc,
                      DirectWeather *out)
{
    AuStatus st;
    const LangWord *w =
        single_choice(ctx, body, loc, &vocab_weather, "weather note", &st);
    if (w)
        *out = (DirectWeather)w->value;
    return st;
}

AuStatus note_transition(LangCtx *ctx, const char *body, AuSrcLoc loc,
                         DirectTransition *out)
{
    AuStatus st;
    const LangWord *w = single_choice(ctx, body, loc, &vocab_transition,
                                      "transition note", &st);
    if (w)
        *out = (DirectTransition)w->value;
    return st;
}

void lang_tod_clause(LangCtx *ctx, LangClause *c, DirectTimeOfDay *tod,
                     bool *set)
{
    (void)ctx;
    for (size_t i = 0; i < c->count; i++) {
        size_t n = 0;
        const LangWord *w =
            lang_match(c, i, vocab_tod.words, vocab_tod.count, &n);
        if (w) {
            *tod = (DirectTimeOfDay)w->value;
            *set = true;
            lang_use(c, i, n);
        }
    }
}

void lang_weather_clause(LangCtx *ctx, LangClause *c, DirectWeather *wt,
                         bool *set)
{
    (void)ctx;
    for (size_t i = 0; i < c->count; i++) {
        size_t n = 0;
        const LangWord *w =
            lang_match(c, i, vocab_weather.words, vocab_weather.count, &n);
        if (w) {
            *wt = (DirectWeather)w->value;
            *set = true;
            lang_use(c, i, n);
        }
    }
}

const char *lang_look_clause(LangCtx *ctx, LangClause *c)
{
    (void)ctx;
    const char *look = NULL;
    for (size_t i = 0; i < c->count; i++) {
        size_t n = 0;
        const LangWord *w =
            lang_match(c, i, vocab_look.words, vocab_look.count, &n);
        if (w) {
            look = vocab_look_names[w->value];
            lang_use(c, i, n);
        }
    }
    return look;
}

AuStatus note_cast(LangCtx *ctx, const char *body, AuSrcLoc loc, BaseVec *cast)
{
    // "BRICK - 60s, tall": the name runs to " - " or the first comma.
    const char *p = body;
    while (*p == ' ')
        p++;
    const char *dash = strstr(p, " - ");
    const char *comma = strchr(p, ',');
    const char *end = dash && (!comma || dash < comma) ? dash
                      : comma                          ? comma
                                                       : p + strlen(p);
    size_t n = (size_t)(end - p);
    while (n && p[n - 1] == ' ')
        n--;
    AuSrcLoc name_loc = loc;
    name_loc.col += (uint32_t)base_utf8_count(body, (size_t)(p - body));
    if (n == 0) {
        base_diag(ctx->diag, name_loc, AU_SEVERITY_ERROR, "empty-note",
                  "a cast note starts with the character's name, e.g. "
                  "'BRICK - 60s, tall'");
        return AU_OK;
    }
    char *name = base_arena_strndup(ctx->arena, p, n);
    if (!name)
        return AU_ENOMEM;
    for (char *q = name; *q; q++)
        *q = (char)toupper((unsigned char)*q);
    DirectCastMember *members = cast->data;
    DirectCastMember *m = NULL;
    for (size_t i = 0; i < cast->len; i++)
        if (strcmp(members[i].name, name) == 0)
            m = &members[i];
    if (!m) {
        DirectCastMember nm;
        memset(&nm, 0, sizeof nm);
        nm.name = name;
        nm.name_hash = base_hash_name(name);
        nm.loc = name_loc;
        if (base_vec_push(cast, &nm) != AU_OK)
            return AU_ENOMEM;
        m = &((DirectCastMember *)cast->data)[cast->len - 1];
    }
    const char *rest = *end ? end + (*end == ',' ? 1 : 3) : end;
    AuSrcLoc rest_loc = loc;
    rest_loc.col += (uint32_t)base_utf8_count(body, (size_t)(rest - body));
    LangClause *cl = NULL;
    size_t count = 0;
    AuStatus st =
        lang_tokenize(ctx->arena, rest, strlen(rest), rest_loc, &cl, &count);
    if (st != AU_OK)
        return st;
    size_t words = 0;
    for (size_t k = 0; k < count; k++)
        words += cl[k].count;
    m->look_words = base_arena_array(ctx->arena, words + 1, sizeof(char *));
    m->look_locs = base_arena_array(ctx->arena, words + 1, sizeof(AuSrcLoc));
    if (!m->look_words || !m->look_locs)
        return AU_ENOMEM;
    m->look_word_count = 0;
    for (size_t k = 0; k < count; k++) {
        LangClause *c = &cl[k];
        char phrase[256] = "";
        size_t len = 0;
        for (size_t i = 0; i < c->count; i++) {
            LangTok *t = &c->toks[i];
            if (t->kind == LANG_TOK_NUMBER &&
                (t->unit[0] == '\0' || strcmp(t->unit, "s") == 0)) {
                // "60s" is a decade of age: the middle of it.
                double age =
                    strcmp(t->unit, "s") == 0 ? t->value + 5.0 : t->value;
                if (in_range(ctx, t, age, 1.0, 120.0, "age", "years"))
                    m->age_years = (int)age;
                continue;
            }
            int wrote = snprintf(phrase + len, sizeof phrase - len, "%s%s",
                                 len ? " " : "", t->text);
            if (wrote > 0 && (size_t)wrote < sizeof phrase - len)
                len += (size_t)wrote;
        }
        if (len) {
            m->look_words[m->look_word_count] =
                base_arena_strdup(ctx->arena, phrase);
            if (!m->look_words[m->look_word_count])
                return AU_ENOMEM;
            m->look_locs[m->look_word_count++] = c->loc;
        }
    }
    return AU_OK;
}
