/* direct/plan.c: reads the ScriptDoc's scenes, cues and dialogue and plans
 * the coverage: an establishing wide shot per scene, then a medium shot on
 * each speaker, timed from the words spoken. */
#include <ctype.h>
#include <string.h>

#include "direct.h"

static const char *const tod_names[DIRECT_TOD_COUNT] = {
    "day", "night", "dawn", "dusk", "morning", "evening", "magic hour"
};

const char *direct_tod_name(DirectTimeOfDay tod)
{
    return (unsigned)tod < DIRECT_TOD_COUNT ? tod_names[tod] : "day";
}

// The words after the last " - " of a heading name the time of day; each
// alias maps to one of the looks light/ knows.
static const struct {
    const char *word;
    DirectTimeOfDay tod;
} tod_words[] = {
    { "DAY", DIRECT_TOD_DAY },
    { "NIGHT", DIRECT_TOD_NIGHT },
    { "DAWN", DIRECT_TOD_DAWN },
    { "SUNRISE", DIRECT_TOD_DAWN },
    { "DUSK", DIRECT_TOD_DUSK },
    { "SUNSET", DIRECT_TOD_DUSK },
    { "TWILIGHT", DIRECT_TOD_DUSK },
    { "MORNING", DIRECT_TOD_MORNING },
    { "AFTERNOON", DIRECT_TOD_DAY },
    { "NOON", DIRECT_TOD_DAY },
    { "EVENING", DIRECT_TOD_EVENING },
    { "MAGIC HOUR", DIRECT_TOD_MAGIC_HOUR },
    { "GOLDEN HOUR", DIRECT_TOD_MAGIC_HOUR },
    { "MIDNIGHT", DIRECT_TOD_NIGHT },
    { "LATER", DIRECT_TOD_DAY },
    { "CONTINUOUS", DIRECT_TOD_DAY },
    { "MOMENTS LATER", DIRECT_TOD_DAY },
};

static size_t skip_prefix(const char *h, bool *interior)
{
    static const struct {
        const char *p;
        bool interior;
    } prefixes[] = {
        { "INT./EXT.", true }, { "INT/EXT", true }, { "I/E", true },
        { "INT.", true },      { "EXT.", false },   { "EST.", false },
        { "INT", true },       { "EXT", false },    { "EST", false },
    };

    for (size_t i = 0; i < BASE_ARRAY_LEN(prefixes); i++) {
        size_t n = strlen(prefixes[i].p);
        if (base_strncasecmp(h, prefixes[i].p, n) == 0) {
            *interior = prefixes[i].interior;
            return n;
        }
    }
    // A forced heading ("SNIPER SCOPE POV") has no prefix; treat it as
    // exterior unless it says otherwise.
    *interior = false;
    return 0;
}

static char *trim_copy(BaseArena *a, const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '.' ||
                 s[n - 1] == '-'))
        n--;
    return base_arena_strndup(a, s, n);
}

static void parse_heading(BaseArena *a, BaseDiag *diag, const ScriptElem *e,
                          DirectScene *sc)
{
    const char *h = e->text;
    sc->heading = base_arena_strdup(a, h);
    sc->loc = e->loc;
    size_t off = skip_prefix(h, &sc->interior);
    const char *rest = h + off;
    const char *dash = NULL;
    for (const char *p = rest; (p = strstr(p, " - ")) != NULL; p++)
        dash = p;
    sc->time_of_day = DIRECT_TOD_DAY;
    if (!dash) {
        sc->location = trim_copy(a, rest, strlen(rest));
        AuSrcLoc loc = e->loc;
        base_diag(diag, loc, AU_SEVERITY_WARNING, "no-time-of-day",
                  "scene heading has no time of day (e.g. ' - DAY'); using "
                  "day");
        return;
    }
    sc->location = trim_copy(a, rest, (size_t)(dash - rest));
    const char *tod = dash + 3;
    while (*tod == ' ')
        tod++;
    size_t n = strlen(tod);
    while (n && (tod[n - 1] == ' ' || tod[n - 1] == '.'))
        n--;
    for (size_t i = 0; i < BASE_ARRAY_LEN(tod_words); i++) {
        if (strlen(tod_words[i].word) == n &&
            base_strncasecmp(tod, tod_words[i].word, n) == 0) {
            sc->time_of_day = tod_words[i].tod;
            return;
        }
    }
    AuSrcLoc loc = e->loc;
    loc.col += (uint32_t)base_utf8_count(h, (size_t)(tod - h));
    base_diag(diag, loc, AU_SEVERITY_WARNING, "unknown-time-of-day",
              "unknown time of day '%.*s'; using day (known: DAY, NIGHT, "
              "DAWN, DUSK, MORNING, EVENING, MAGIC HOUR)",
              (int)(n > 60 ? 60 : n), tod);
}

static size_t count_words(const char *s)
{
    size_t words = 0;
    bool in_word = false;
    for (; *s; s++) {
        bool w = !isspace((unsigned char)*s);
        if (w && !in_word)
            words++;
        in_word = w;
    }
    return words;
}

typedef struct Planner {
    BaseArena *arena;
    const char *file; // the production's own copy of the script's name
    BaseVec scenes, cast, shots, scene_cast;
    double t_s;
} Planner;

static AuStatus cast_index(Planner *pl, const ScriptElem *e, size_t *out)
{
    DirectCastMember *cast = pl->cast.data;
    for (size_t i = 0; i < pl->cast.len; i++) {
        size_t n = strlen(cast[i].name);
        if (strlen(e->text) == n &&
            base_strncasecmp(cast[i].name, e->text, n) == 0) {
            *out = i;
            return AU_OK;
        }
    }
    DirectCastMember m = { 0 };
    m.name = base_arena_strdup(pl->arena, e->text);
    if (!m.name)
        return AU_ENOMEM;
    for (char *p = (char *)m.name; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    m.name_hash = base_hash_name(m.name);
    m.loc = e->loc;
    m.loc.file = pl->file;
    *out = pl->cast.len;
    return base_vec_push(&pl->cast, &m);
}

static AuStatus add_shot(Planner *pl, size_t scene, DirectShotSize size,
                         size_t subject, double duration_s, const char *reason,
                         const char *dialogue, AuSrcLoc loc)
{
    DirectShot s = { 0 };
    s.scene = scene;
    s.size = size;
    s.angle = DIRECT_ANGLE_EYE;
    s.lens_mm = size == DIRECT_SHOT_WS ? 24.0 : 35.0;
    s.f_stop = size == DIRECT_SHOT_WS ? 5.6 : 2.8;
    s.kind = subject == SIZE_MAX ? DIRECT_KIND_GROUP : DIRECT_KIND_SINGLE;
    s.subject = subject;
    s.partner = SIZE_MAX;
    s.focus = SIZE_MAX;
    s.move_speed = 1.0;
    s.start_s = pl->t_s;
    s.duration_s = duration_s;
    // The production outlives the script it came from, so it keeps its
    // own copies of every string.
    s.reason = reason;
    s.dialogue = dialogue ? base_arena_strdup(pl->arena, dialogue) : NULL;
    if (dialogue && !s.dialogue)
        return AU_ENOMEM;
    s.loc = loc;
    s.loc.file = pl->file;
    pl->t_s += duration_s;
    return base_vec_push(&pl->shots, &s);
}

// Collects which cast members speak in each scene, so world/ can block
// everyone in the scene before the first shot is built.
static AuStatus note_scene_cast(Planner *pl, size_t scene, size_t member)
{
    size_t *pairs = pl->scene_cast.data;
    for (size_t i = 0; i < pl->scene_cast.len; i += 2)
        if (pairs[i] == scene && pairs[i + 1] == member)
            return AU_OK;
    size_t pair[2] = { scene, member };
    AuStatus st = base_vec_push(&pl->scene_cast, &pair[0]);
    return st ? st : base_vec_push(&pl->scene_cast, &pair[1]);
}

static AuStatus plan_body(Planner *pl, BaseDiag *diag, const ScriptDoc *doc)
{
    AuStatus st = AU_OK;
    size_t scene = SIZE_MAX;
    size_t speaker = SIZE_MAX;
    for (size_t i = 0; i < doc->elem_count && st == AU_OK; i++) {
        const ScriptElem *e = &doc->elems[i];
        switch (e->kind) {
        case SCRIPT_ELEM_SCENE_HEADING: {
            DirectScene sc = { 0 };
            parse_heading(pl->arena, diag, e, &sc);
            if (!sc.location || !sc.heading)
                return AU_ENOMEM;
            sc.loc.file = pl->file;
            scene = pl->scenes.len;
            speaker = SIZE_MAX;
            st = base_vec_push(&pl->scenes, &sc);
            if (st == AU_OK)
                st = add_shot(pl, scene, DIRECT_SHOT_WS, SIZE_MAX,
                              DIRECT_ESTABLISH_S, "establishing", NULL, e->loc);
            break;
        }
        case SCRIPT_ELEM_CHARACTER:
            if (scene == SIZE_MAX) {
                base_diag(diag, e->loc, AU_SEVERITY_WARNING, "cue-before-scene",
                          "character cue '%s' before the first scene "
                          "heading is ignored",
                          e->text);
                speaker = SIZE_MAX;
                break;
            }
            st = cast_index(pl, e, &speaker);
            if (st == AU_OK)
                st = note_scene_cast(pl, scene, speaker);
            break;
        case SCRIPT_ELEM_DIALOGUE:
            if (speaker == SIZE_MAX || scene == SIZE_MAX)
                break;
            {
                double d = (double)count_words(e->text) / DIRECT_WORDS_PER_S;
                if (d < DIRECT_MIN_SHOT_S)
                    d = DIRECT_MIN_SHOT_S;
                st = add_shot(pl, scene, DIRECT_SHOT_MS, speaker, d,
                              "dialogue single", e->text, e->loc);
            }
            break;
        default:
            break;
        }
    }
    return st;
}

static AuStatus finish(Planner *pl, Production *prod)
{
    prod->scene_count = pl->scenes.len;
    prod->scenes = base_vec_to_arena(&pl->scenes, pl->arena);
    prod->cast_count = pl->cast.len;
    prod->cast = base_vec_to_arena(&pl->cast, pl->arena);
    prod->shot_count = pl->shots.len;
    prod->shots = base_vec_to_arena(&pl->shots, pl->arena);
    if ((pl->scenes.len && !prod->scenes) || (pl->cast.len && !prod->cast) ||
        (pl->shots.len && !prod->shots))
        return AU_ENOMEM;
    // Scene cast lists in cast order, so blocking is stable.
    const size_t *pairs = pl->scene_cast.data;
    for (size_t s = 0; s < prod->scene_count; s++) {
        DirectScene *sc = &prod->scenes[s];
        size_t n = 0;
        for (size_t i = 0; i < pl->scene_cast.len; i += 2)
            n += pairs[i] == s;
        if (n == 0)
            continue;
        sc->cast = base_arena_array(pl->arena, n, sizeof(size_t));
        if (!sc->cast)
            return AU_ENOMEM;
        for (size_t c = 0; c < prod->cast_count; c++)
            for (size_t i = 0; i < pl->scene_cast.len; i += 2)
                if (pairs[i] == s && pairs[i + 1] == c)
                    sc->cast[sc->cast_count++] = c;
    }
    prod->duration_s = pl->t_s;
    return AU_OK;
}

AuStatus direct_plan(const AuAllocator *alloc, BaseDiag *diag,
                     const ScriptDoc *doc, Production **out)
{
    Production *prod = base_calloc(alloc, 1, sizeof *prod);
    if (!prod)
        return AU_ENOMEM;
    base_arena_init(&prod->arena, alloc);
    Planner pl = { 0 };
    pl.arena = &prod->arena;
    base_vec_init(&pl.scenes, alloc, sizeof(DirectScene));
    base_vec_init(&pl.cast, alloc, sizeof(DirectCastMember));
    base_vec_init(&pl.shots, alloc, sizeof(DirectShot));
    base_vec_init(&pl.scene_cast, alloc, sizeof(size_t));
    pl.file = base_arena_strdup(&prod->arena, doc->file ? doc->file : "-");

    AuStatus st = pl.file ? plan_body(&pl, diag, doc) : AU_ENOMEM;
    if (st == AU_OK && pl.scenes.len == 0) {
        AuSrcLoc loc = { doc->file, 1, 1 };
        base_diag(diag, loc, AU_SEVERITY_ERROR, "no-scene",
                  "no scene heading: a screenplay needs at least one, e.g. "
                  "'INT. HOUSE - DAY'");
        st = AU_ESYNTAX;
    }
    if (st == AU_OK)
        st = finish(&pl, prod);
    const char *title = script_title_value(doc, "Title");
    if (st == AU_OK && title) {
        prod->title = base_arena_strdup(&prod->arena, title);
        if (!prod->title)
            st = AU_ENOMEM;
    }
    base_vec_fini(&pl.scenes);
    base_vec_fini(&pl.cast);
    base_vec_fini(&pl.shots);
    base_vec_fini(&pl.scene_cast);
    if (st != AU_OK) {
        direct_production_free(&prod);
        return st;
    }
    *out = prod;
    return AU_OK;
}

void direct_production_free(Production **prod)
{
    if (!prod || !*prod)
        return;
    const AuAllocator *alloc = (*prod)->arena.alloc;
    base_arena_fini(&(*prod)->arena);
    base_free(alloc, *prod);
    *prod = NULL;
}
