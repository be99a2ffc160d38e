/* direct/plan.c: reads the ScriptDoc's scenes, cues, dialogue, transitions
 * and director notes and plans the film: the director's shots where notes
 * give them, and auteur's own coverage (an establishing wide shot, then a
 * medium shot on each speaker) everywhere else, timed from the words. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vocab.h"

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

// Reading speed for action lines inside a director's shot: slower than
// dialogue, as action plays out on screen.
#define ACTION_WORDS_PER_S 3.0

typedef struct SceneState {
    DirectLighting lighting;
    bool lit;
    const char *look;
    DirectGrade grade;
    const char *paren; // the parenthetical of the line being spoken
    DirectTransition transition;
    bool transition_set;
    const char *sound;
    // The transition the scene began with, for a scene with no shots.
    DirectTransition scene_transition;
    bool scene_transition_set;
    size_t open_shot;     // index of the director's shot being filled
    double covered_s;     // time its content needs
    size_t first_speaker; // first to speak in it
    size_t last_speaker;  // who spoke the scene's last line
    bool cue_dual;        // the current cue is the second of a dual pair
} SceneState;

typedef struct ActionRef {
    size_t scene;
    const char *text;
    AuSrcLoc loc;
} ActionRef;

typedef struct Planner {
    BaseArena *arena;
    const char *file; // the production's own copy of the script's name
    Production *prod;
    BaseDiag *user_diag;
    BaseDiag diag; // records warnings for the plan, then forwards
    BaseVec scenes, sets, cast, shots, scene_cast, warnings;
    BaseVec actions; // ActionRef: which scene each action line is in
    LangCtx lang;
    SceneState st;
    bool oom;
} Planner;

static void record_diag(void *user, const AuDiagnostic *d)
{
    Planner *pl = user;
    if (d->severity == AU_SEVERITY_WARNING) {
        DirectWarning w;
        w.loc = d->loc;
        w.loc.file = pl->file;
        w.code = base_arena_strdup(pl->arena, d->code ? d->code : "");
        w.text = base_arena_strdup(pl->arena, d->text);
        if (!w.code || !w.text || base_vec_push(&pl->warnings, &w) != AU_OK)
            pl->oom = true;
    }
    if (pl->user_diag && pl->user_diag->fn)
        pl->user_diag->fn(pl->user_diag->user, d);
}

static DirectShot *shot_at(Planner *pl, size_t i)
{
    return &((DirectShot *)pl->shots.data)[i];
}

static size_t find_cast(Planner *pl, const char *name)
{
    DirectCastMember *cast = pl->cast.data;
    for (size_t i = 0; i < pl->cast.len; i++) {
        size_t n = strlen(cast[i].name);
        if (strlen(name) == n && base_strncasecmp(cast[i].name, name, n) == 0)
            return i;
    }
    return SIZE_MAX;
}

static AuStatus add_cast(Planner *pl, const ScriptElem *e)
{
    if (find_cast(pl, e->text) != SIZE_MAX)
        return AU_OK;
    DirectCastMember m;
    memset(&m, 0, sizeof m);
    char *name = base_arena_strdup(pl->arena, e->text);
    if (!name)
        return AU_ENOMEM;
    for (char *p = name; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    m.name = name;
    m.name_hash = base_hash_name(m.name);
    m.loc = e->loc;
    m.loc.file = pl->file;
    return base_vec_push(&pl->cast, &m);
}

// Collects every scene's speakers, so world/ can block everyone in the
// scene before its first shot is built.
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

// A new shot with auteur's defaults for its size, carrying the scene's
// light, look and any pending transition or sound.
static DirectShot *new_shot(Planner *pl, size_t scene, DirectShotSize size,
                            size_t subject, AuSrcLoc loc)
{
    DirectShot s;
    memset(&s, 0, sizeof s);
    s.scene = scene;
    s.size = size;
    s.kind = subject == SIZE_MAX ? DIRECT_KIND_GROUP : DIRECT_KIND_SINGLE;
    s.angle = DIRECT_ANGLE_EYE;
    s.lens_mm = size >= DIRECT_SHOT_FS ? 24.0 : 35.0;
    s.f_stop = size >= DIRECT_SHOT_FS ? 5.6 : 2.8;
    s.subject = subject;
    s.partner = SIZE_MAX;
    s.focus = SIZE_MAX;
    s.rack_from = SIZE_MAX;
    s.paren_speaker = SIZE_MAX;
    s.move_speed = 1.0;
    s.transition = pl->st.transition;
    if (pl->st.transition_set)
        s.set_by |= DIRECT_SET_TRANSITION;
    pl->st.transition = DIRECT_TRANSITION_CUT;
    pl->st.transition_set = false;
    s.lighting = pl->st.lighting;
    if (pl->st.lit)
        s.set_by |= DIRECT_SET_LIGHT;
    s.look = pl->st.look;
    s.grade = pl->st.grade;
    static const DirectGrade unset;
    if (s.look || memcmp(&s.grade, &unset, sizeof unset) != 0)
        s.set_by |= DIRECT_SET_LOOK;
    s.sound = pl->st.sound;
    pl->st.sound = NULL;
    s.loc = loc;
    s.loc.file = pl->file;
    if (base_vec_push(&pl->shots, &s) != AU_OK)
        return NULL;
    return shot_at(pl, pl->shots.len - 1);
}

static double dialogue_s(const char *text)
{
    double d = (double)count_words(text) / DIRECT_WORDS_PER_S;
    return d < DIRECT_MIN_SHOT_S ? DIRECT_MIN_SHOT_S : d;
}

// Closes the director's shot being filled: its length from what it
// covered unless the note gave one, its subject the first speaker unless
// the note named one.
static void close_shot(Planner *pl)
{
    if (pl->st.open_shot == SIZE_MAX)
        return;
    DirectShot *s = shot_at(pl, pl->st.open_shot);
    if (!(s->set_by & DIRECT_SET_DURATION))
        s->duration_s = pl->st.covered_s > DIRECT_MIN_SHOT_S
                            ? pl->st.covered_s
                            : DIRECT_MIN_SHOT_S;
    if (!(s->set_by & DIRECT_SET_SUBJECT)) {
        bool single =
            s->kind != DIRECT_KIND_GROUP &&
            (s->size < DIRECT_SHOT_WS || (s->set_by & DIRECT_SET_KIND));
        s->subject = single ? pl->st.first_speaker : SIZE_MAX;
        if (s->subject == SIZE_MAX && s->kind == DIRECT_KIND_SINGLE)
            s->kind = DIRECT_KIND_GROUP;
    }
    pl->st.open_shot = SIZE_MAX;
}

static void begin_scene(Planner *pl)
{
    close_shot(pl);
    // A transition ends one scene and begins the next: it stays pending.
    DirectTransition tr = pl->st.transition;
    bool tr_set = pl->st.transition_set;
    memset(&pl->st, 0, sizeof pl->st);
    pl->st.transition = tr;
    pl->st.transition_set = tr_set;
    pl->st.scene_transition = tr;
    pl->st.scene_transition_set = tr_set;
    pl->st.open_shot = SIZE_MAX;
    pl->st.first_speaker = SIZE_MAX;
    pl->st.last_speaker = SIZE_MAX;
    pl->st.look = pl->prod->look;
    pl->st.grade = pl->prod->grade;
}

static AuStatus add_set(Planner *pl, DirectScene *sc)
{
    DirectSet *sets = pl->sets.data;
    for (size_t i = 0; i < pl->sets.len; i++) {
        if (sets[i].interior == sc->interior &&
            strcmp(sets[i].name, sc->location) == 0) {
            sc->set = i;
            return AU_OK;
        }
    }
    DirectSet set;
    memset(&set, 0, sizeof set);
    set.name = sc->location;
    set.interior = sc->interior;
    set.loc = sc->loc;
    sc->set = pl->sets.len;
    return base_vec_push(&pl->sets, &set);
}

static DirectScene *cur_scene(Planner *pl)
{
    return pl->scenes.len
               ? &((DirectScene *)pl->scenes.data)[pl->scenes.len - 1]
               : NULL;
}

// Auteur's coverage opens each scene on a wide of everyone.
// A choice among @p n that depends on the seed and on @p salt (which shot,
// which decision) only, so one seed always makes the same film.
static size_t choose(const Planner *pl, uint64_t salt, size_t n)
{
    return (size_t)(base_hash_mix(pl->prod->seed, salt) % n);
}

static AuStatus ensure_establishing(Planner *pl, AuSrcLoc loc)
{
    size_t scene = pl->scenes.len - 1;
    size_t n = pl->shots.len;
    if (n && shot_at(pl, n - 1)->scene == scene)
        return AU_OK;
    DirectShot *s = new_shot(pl, scene, DIRECT_SHOT_WS, SIZE_MAX, loc);
    if (!s)
        return AU_ENOMEM;
    // Wide lenses an operator would pick for an establishing shot.
    static const double lenses[] = { 24.0, 18.0, 28.0, 21.0 };
    s->lens_mm = lenses[choose(pl, 0x1000 + n, BASE_ARRAY_LEN(lenses))];
    s->duration_s = DIRECT_ESTABLISH_S;
    s->reason = "establishing";
    return AU_OK;
}

// A scene with nothing in it still gets its establishing shot, made before
// any transition written at its end, which belongs to the next scene.
static AuStatus cover_empty_scene(Planner *pl)
{
    if (pl->scenes.len == 0)
        return AU_OK;
    size_t scene = pl->scenes.len - 1;
    size_t n = pl->shots.len;
    if (n && shot_at(pl, n - 1)->scene == scene)
        return AU_OK;
    DirectTransition tr = pl->st.transition;
    bool tr_set = pl->st.transition_set;
    pl->st.transition = pl->st.scene_transition;
    pl->st.transition_set = pl->st.scene_transition_set;
    AuStatus st = ensure_establishing(pl, cur_scene(pl)->loc);
    pl->st.transition = tr;
    pl->st.transition_set = tr_set;
    return st;
}

static AuStatus on_note(Planner *pl, const ScriptElem *e)
{
    const char *body;
    AuSrcLoc body_loc;
    NoteKind kind = note_kind(&pl->lang, e->text, e->loc, &body, &body_loc);
    DirectScene *sc = cur_scene(pl);
    if (kind == NOTE_NONE || kind == NOTE_CAST)
        return AU_OK;
    if (!sc) {
        base_diag(&pl->diag, e->loc, AU_SEVERITY_WARNING, "note-before-scene",
                  "a direction before the first scene heading applies to "
                  "nothing; put defaults on the title page");
        return AU_OK;
    }
    switch (kind) {
    case NOTE_SHOT: {
        close_shot(pl);
        DirectShot *s =
            new_shot(pl, pl->scenes.len - 1, DIRECT_SHOT_MS, SIZE_MAX, e->loc);
        if (!s)
            return AU_ENOMEM;
        s->reason = "director";
        // The size decides auteur's lens unless the note names one.
        DirectShot tmp = *s;
        AuStatus st = note_shot(&pl->lang, body, body_loc, &tmp);
        if (st != AU_OK)
            return st;
        if ((tmp.set_by & DIRECT_SET_SIZE) && !(tmp.set_by & DIRECT_SET_LENS))
            tmp.lens_mm = tmp.size >= DIRECT_SHOT_FS   ? 24.0
                          : tmp.size <= DIRECT_SHOT_CU ? 50.0
                                                       : 35.0;
        if ((tmp.set_by & DIRECT_SET_SIZE) && !(tmp.set_by & DIRECT_SET_F_STOP))
            tmp.f_stop = tmp.size >= DIRECT_SHOT_FS ? 5.6 : 2.8;
        if (tmp.kind == DIRECT_KIND_INSERT && !(tmp.set_by & DIRECT_SET_SIZE)) {
            tmp.size = DIRECT_SHOT_CU;
            if (!(tmp.set_by & DIRECT_SET_LENS))
                tmp.lens_mm = 50.0;
        }
        if (tmp.kind == DIRECT_KIND_GROUP && !(tmp.set_by & DIRECT_SET_SIZE))
            tmp.size = DIRECT_SHOT_WS;
        if ((tmp.set_by & DIRECT_SET_SUBJECT) && tmp.kind == DIRECT_KIND_GROUP)
            tmp.kind = DIRECT_KIND_SINGLE;
        *s = tmp;
        pl->st.open_shot = pl->shots.len - 1;
        pl->st.covered_s = 0.0;
        pl->st.first_speaker = SIZE_MAX;
        if (s->subject != SIZE_MAX)
            return note_scene_cast(pl, s->scene, s->subject);
        return AU_OK;
    }
    case NOTE_LIGHT:
        pl->st.lit = true;
        return note_light(&pl->lang, body, body_loc, &pl->st.lighting);
    case NOTE_LOOK:
        return note_look(&pl->lang, body, body_loc, &pl->st.look,
                         &pl->st.grade);
    case NOTE_TIME:
        return note_time(&pl->lang, body, body_loc, &sc->time_of_day);
    case NOTE_WEATHER:
        return note_weather(&pl->lang, body, body_loc, &sc->weather);
    case NOTE_TRANSITION:
        pl->st.transition_set = true;
        return note_transition(&pl->lang, body, body_loc, &pl->st.transition);
    case NOTE_SET: {
        while (*body == ' ')
            body++;
        DirectSet *set = &((DirectSet *)pl->sets.data)[sc->set];
        set->description = base_arena_strdup(pl->arena, body);
        return set->description ? AU_OK : AU_ENOMEM;
    }
    case NOTE_SOUND:
        while (*body == ' ')
            body++;
        pl->st.sound = base_arena_strdup(pl->arena, body);
        return pl->st.sound ? AU_OK : AU_ENOMEM;
    default:
        return AU_OK;
    }
}

static void on_transition(Planner *pl, const ScriptElem *e)
{
    LangClause *cl = NULL;
    size_t n = 0;
    if (lang_tokenize(pl->arena, e->text, strlen(e->text), e->loc, &cl, &n) !=
            AU_OK ||
        n == 0)
        return;
    size_t m = 0;
    const LangWord *w = lang_match(&cl[0], 0, vocab_transition.words,
                                   vocab_transition.count, &m);
    // A transition no crew word names ("TIME CUT:") plays as a cut.
    pl->st.transition = w ? (DirectTransition)w->value : DIRECT_TRANSITION_CUT;
    pl->st.transition_set = true;
}

static size_t scene_cast_count(const Planner *pl, size_t scene)
{
    const size_t *pairs = pl->scene_cast.data;
    size_t n = 0;
    for (size_t i = 0; i < pl->scene_cast.len; i += 2)
        n += pairs[i] == scene;
    return n;
}

// A speech longer than this gets a reaction shot of the listener, as an
// editor would cut away during a monologue.
#define LONG_SPEECH_S 6.0
// How long the reaction shot holds.
#define REACTION_S 2.0

// Someone to react: the last other speaker of the scene, or else anyone
// else the scene has.
static size_t listener_of(Planner *pl, size_t scene, size_t speaker)
{
    if (pl->st.last_speaker != SIZE_MAX && pl->st.last_speaker != speaker)
        return pl->st.last_speaker;
    const size_t *pairs = pl->scene_cast.data;
    for (size_t i = 0; i < pl->scene_cast.len; i += 2)
        if (pairs[i] == scene && pairs[i + 1] != speaker)
            return pairs[i + 1];
    return SIZE_MAX;
}

// Auteur's coverage of a line of dialogue: a single on the speaker; the
// second line of dual dialogue turns the first's single into a two-shot of
// both; a long speech cuts away to the listener for a reaction.
// Gives @p s the parenthetical of the line it shows, the first one when it
// shows several, without its brackets.
static AuStatus keep_paren(Planner *pl, DirectShot *s, size_t speaker)
{
    const char *p = pl->st.paren;
    pl->st.paren = NULL;
    if (!p || s->parenthetical)
        return AU_OK;
    while (*p == '(' || *p == ' ')
        p++;
    size_t n = strlen(p);
    while (n && (p[n - 1] == ')' || p[n - 1] == ' '))
        n--;
    char *c = base_arena_alloc(pl->arena, n + 1);
    if (!c)
        return AU_ENOMEM;
    memcpy(c, p, n);
    c[n] = '\0';
    s->parenthetical = c;
    s->paren_speaker = speaker;
    return AU_OK;
}

static AuStatus cover_line(Planner *pl, const ScriptElem *e, size_t speaker)
{
    size_t scene = pl->scenes.len - 1;
    double d = dialogue_s(e->text);
    size_t n = pl->shots.len;
    DirectShot *prev = n ? shot_at(pl, n - 1) : NULL;
    if (pl->st.cue_dual && prev && prev->scene == scene && prev->dialogue &&
        prev->subject != SIZE_MAX && prev->subject != speaker &&
        prev->set_by == 0) {
        prev->kind = DIRECT_KIND_TWO_SHOT;
        prev->partner = speaker;
        prev->duration_s = prev->duration_s > d ? prev->duration_s : d;
        prev->reason = "dual dialogue two-shot";
        pl->st.last_speaker = speaker;
        return AU_OK;
    }
    size_t listener = listener_of(pl, scene, speaker);
    bool react = d > LONG_SPEECH_S && listener != SIZE_MAX;

    // A single is a medium shot or a medium close-up, on a normal or
    // slightly long lens.
    static const struct {
        DirectShotSize size;
        double lens_mm;
    } singles[] = { { DIRECT_SHOT_MS, 35.0 },
                    { DIRECT_SHOT_MCU, 50.0 },
                    { DIRECT_SHOT_MS, 40.0 } };

    size_t pick = choose(pl, 0x2000 + n, BASE_ARRAY_LEN(singles));
    DirectShot *s = new_shot(pl, scene, singles[pick].size, speaker, e->loc);
    if (!s)
        return AU_ENOMEM;
    s->lens_mm = singles[pick].lens_mm;
    s->duration_s = react ? d - REACTION_S : d;
    s->reason = "dialogue single";
    // Between two people, shot/reverse-shot over the listener's shoulder
    // ties them together; the seed picks it for about a third of lines.
    // The camera frames an OTS reliably on a 35 mm or longer lens in a
    // landscape frame, so only there.
    if (listener != SIZE_MAX && scene_cast_count(pl, scene) == 2 &&
        pl->prod->aspect >= 1.5 && choose(pl, 0x4000 + n, 3) == 0) {
        s->kind = DIRECT_KIND_OTS;
        s->partner = listener;
        s->size = DIRECT_SHOT_MS;
        s->lens_mm = 40.0;
        s->reason = "dialogue over-the-shoulder";
    }
    s->dialogue = base_arena_strdup(pl->arena, e->text);
    if (!s->dialogue || keep_paren(pl, s, speaker) != AU_OK)
        return AU_ENOMEM;
    if (react) {
        bool cu = choose(pl, 0x3000 + n, 2) == 1;
        DirectShot *r = new_shot(
            pl, scene, cu ? DIRECT_SHOT_CU : DIRECT_SHOT_MCU, listener, e->loc);
        if (!r)
            return AU_ENOMEM;
        r->lens_mm = cu ? 85.0 : 50.0;
        r->duration_s = REACTION_S;
        r->reason = "reaction";
    }
    pl->st.last_speaker = speaker;
    return AU_OK;
}

// Props a hand works with, as action lines name them, and the library
// name world/ builds them by (tests/camera/test_focus.c frames each in
// a set). An action where a character handles one gets an insert.
static const struct {
    const char *word;
    const char *prop;
} hand_props[] = {
    { "gun", "gun" },           { "pistol", "gun" },
    { "revolver", "gun" },      { "rifle", "rifle" },
    { "shotgun", "rifle" },     { "knife", "knife" },
    { "phone", "phone" },       { "cellphone", "phone" },
    { "bottle", "bottle" },     { "beer", "beer" },
    { "glass", "glass" },       { "cup", "cup" },
    { "mug", "cup" },           { "can", "can" },
    { "book", "book" },         { "letter", "paper" },
    { "envelope", "paper" },    { "paper", "paper" },
    { "photo", "paper" },       { "photograph", "paper" },
    { "cash", "cash" },         { "money", "cash" },
    { "pen", "pen" },           { "candle", "candle" },
    { "laptop", "laptop" },     { "briefcase", "briefcase" },
    { "suitcase", "suitcase" }, { "radio", "radio" },
};

// Verbs of handling, in the forms action lines use.
static const char *const hand_verbs[] = {
    "picks up",  "picked up", "pick up", "takes",     "took",       "grabs",
    "grabbed",   "holds",     "holding", "pulls out", "pulled out", "draws",
    "drew",      "raises",    "lifts",   "hands",     "pours",      "opens",
    "reads",     "loads",     "cocks",   "pockets",   "drops",      "sets down",
    "puts down", "slides",    "dials",   "answers",   "unfolds",    "counts",
    "checks",    "aims",      "points",
};

// Whether the lower-case @p text has @p w as a whole word at or after
// @p from; returns its offset or SIZE_MAX.
static size_t find_word(const char *text, const char *w, size_t from)
{
    size_t n = strlen(w);
    for (const char *p = strstr(text + from, w); p; p = strstr(p + 1, w)) {
        bool left = p == text || !isalpha((unsigned char)p[-1]);
        bool right = !isalpha((unsigned char)p[n]) || p[n] == 's';
        if (left && right && (p[n] != 's' || !isalpha((unsigned char)p[n + 1])))
            return (size_t)(p - text);
    }
    return SIZE_MAX;
}

// Auteur's insert on an action line where a character handles a prop:
// "BRICK picks up the gun." Returns AU_OK with nothing added otherwise.
static AuStatus cover_handling(Planner *pl, const ScriptElem *e)
{
    char low[512];
    size_t len = strlen(e->text);
    if (len >= sizeof low)
        return AU_OK;
    for (size_t i = 0; i <= len; i++)
        low[i] = (char)tolower((unsigned char)e->text[i]);
    size_t who = SIZE_MAX, who_at = SIZE_MAX;
    const DirectCastMember *cast = pl->cast.data;
    // A character by name in any case ("BRICK", "Brick"), else "he" or
    // "she" opening the line: whoever spoke last.
    for (size_t c = 0; c < pl->cast.len; c++) {
        char name[64];
        size_t n = strlen(cast[c].name);
        if (n == 0 || n >= sizeof name)
            continue;
        for (size_t i = 0; i <= n; i++)
            name[i] = (char)tolower((unsigned char)cast[c].name[i]);
        size_t at = find_word(low, name, 0);
        if (at < who_at) {
            who = c;
            who_at = at;
        }
    }
    if (who == SIZE_MAX &&
        (strncmp(low, "he ", 3) == 0 || strncmp(low, "she ", 4) == 0)) {
        who = pl->st.last_speaker;
        who_at = 0;
    }
    if (who == SIZE_MAX)
        return AU_OK;
    size_t verb_at = SIZE_MAX;
    for (size_t v = 0; v < BASE_ARRAY_LEN(hand_verbs); v++) {
        size_t at = find_word(low, hand_verbs[v], who_at);
        verb_at = at < verb_at ? at : verb_at;
    }
    if (verb_at == SIZE_MAX)
        return AU_OK;
    const char *prop = NULL;
    size_t prop_at = SIZE_MAX;
    for (size_t k = 0; k < BASE_ARRAY_LEN(hand_props); k++) {
        size_t at = find_word(low, hand_props[k].word, verb_at);
        if (at < prop_at) {
            prop_at = at;
            prop = hand_props[k].prop;
        }
    }
    if (!prop)
        return AU_OK;
    size_t scene = pl->scenes.len - 1;
    size_t n = pl->shots.len;
    DirectShot *prev = n ? shot_at(pl, n - 1) : NULL;
    if (prev && prev->scene == scene && prev->kind == DIRECT_KIND_INSERT &&
        prev->insert && strcmp(prev->insert, prop) == 0)
        return AU_OK;
    AuStatus st = note_scene_cast(pl, scene, who);
    if (st != AU_OK)
        return st;
    DirectShot *s = new_shot(pl, scene, DIRECT_SHOT_CU, who, e->loc);
    if (!s)
        return AU_ENOMEM;
    s->kind = DIRECT_KIND_INSERT;
    s->lens_mm = 50.0;
    s->duration_s = DIRECT_MIN_SHOT_S;
    s->insert = prop;
    s->reason = "insert";
    return AU_OK;
}

// Auteur's shot on screen while an action line plays holds for it: an
// establishing shot for as long as the action takes to read (up to
// ACTION_HOLD_MAX_S), a dialogue shot up to ACTION_HOLD_MORE_S longer.
#define ACTION_HOLD_MAX_S  8.0
#define ACTION_HOLD_MORE_S 3.0

static void hold_for_action(Planner *pl, const char *text)
{
    size_t n = pl->shots.len;
    DirectShot *s = n ? shot_at(pl, n - 1) : NULL;
    if (!s || s->set_by != 0 || s->scene != pl->scenes.len - 1)
        return;
    double action_s = (double)count_words(text) / ACTION_WORDS_PER_S;
    if (s->reason && strcmp(s->reason, "establishing") == 0 && !s->dialogue) {
        double d = s->duration_s + action_s;
        if (s->duration_s <= DIRECT_ESTABLISH_S)
            d = action_s > DIRECT_ESTABLISH_S ? action_s : DIRECT_ESTABLISH_S;
        s->duration_s = d < ACTION_HOLD_MAX_S ? d : ACTION_HOLD_MAX_S;
    } else if (s->kind != DIRECT_KIND_INSERT) {
        s->duration_s +=
            action_s < ACTION_HOLD_MORE_S ? action_s : ACTION_HOLD_MORE_S;
    }
}

static AuStatus plan_body(Planner *pl, const ScriptDoc *doc)
{
    AuStatus st = AU_OK;
    size_t speaker = SIZE_MAX;
    for (size_t i = 0; i < doc->elem_count && st == AU_OK; i++) {
        const ScriptElem *e = &doc->elems[i];
        DirectScene *sc = cur_scene(pl);
        switch (e->kind) {
        case SCRIPT_ELEM_SCENE_HEADING: {
            st = cover_empty_scene(pl);
            if (st != AU_OK)
                return st;
            begin_scene(pl);
            DirectScene nsc;
            memset(&nsc, 0, sizeof nsc);
            parse_heading(pl->arena, &pl->diag, e, &nsc);
            if (!nsc.location || !nsc.heading)
                return AU_ENOMEM;
            nsc.loc.file = pl->file;
            nsc.latitude_deg = pl->prod->latitude_deg;
            nsc.day_of_year = pl->prod->day_of_year;
            if (e->number) {
                nsc.number = base_arena_strdup(pl->arena, e->number);
                if (!nsc.number)
                    return AU_ENOMEM;
            }
            speaker = SIZE_MAX;
            st = add_set(pl, &nsc);
            if (st == AU_OK)
                st = base_vec_push(&pl->scenes, &nsc);
            break;
        }
        case SCRIPT_ELEM_NOTE:
            st = on_note(pl, e);
            break;
        case SCRIPT_ELEM_TRANSITION:
            if (sc)
                on_transition(pl, e);
            break;
        case SCRIPT_ELEM_PARENTHETICAL:
            pl->st.paren = e->text;
            break;
        case SCRIPT_ELEM_CHARACTER:
            pl->st.paren = NULL;
            speaker = sc ? find_cast(pl, e->text) : SIZE_MAX;
            if (!sc)
                base_diag(&pl->diag, e->loc, AU_SEVERITY_WARNING,
                          "cue-before-scene",
                          "character cue '%s' before the first scene "
                          "heading is ignored",
                          e->text);
            pl->st.cue_dual = e->dual;
            break;
        case SCRIPT_ELEM_DIALOGUE:
        case SCRIPT_ELEM_LYRIC: // a sung line is timed like a spoken one
            if (!sc || speaker == SIZE_MAX)
                break;
            if (pl->st.open_shot != SIZE_MAX) {
                pl->st.covered_s += dialogue_s(e->text);
                if (pl->st.first_speaker == SIZE_MAX)
                    pl->st.first_speaker = speaker;
                DirectShot *os = shot_at(pl, pl->st.open_shot);
                if (!os->dialogue) {
                    os->dialogue = base_arena_strdup(pl->arena, e->text);
                    if (!os->dialogue)
                        return AU_ENOMEM;
                }
                st = keep_paren(pl, os, speaker);
                break;
            }
            st = ensure_establishing(pl, sc->loc);
            if (st == AU_OK)
                st = cover_line(pl, e, speaker);
            break;
        case SCRIPT_ELEM_ACTION:
            // Action ends a dialogue block: a later lyric is not sung by
            // the last speaker.
            speaker = SIZE_MAX;
            if (!sc)
                break;
            {
                ActionRef ar;
                ar.scene = pl->scenes.len - 1;
                ar.text = base_arena_strdup(pl->arena, e->text);
                ar.loc = e->loc;
                ar.loc.file = pl->file;
                if (!ar.text || base_vec_push(&pl->actions, &ar) != AU_OK)
                    return AU_ENOMEM;
            }
            if (pl->st.open_shot != SIZE_MAX) {
                pl->st.covered_s +=
                    (double)count_words(e->text) / ACTION_WORDS_PER_S;
            } else {
                st = ensure_establishing(pl, sc->loc);
                if (st == AU_OK)
                    hold_for_action(pl, e->text);
                if (st == AU_OK)
                    st = cover_handling(pl, e);
            }
            break;
        default:
            break;
        }
    }
    close_shot(pl);
    if (st == AU_OK)
        st = cover_empty_scene(pl);
    return pl->oom ? AU_ENOMEM : st;
}

// Pass one: everyone who speaks, and every cast note, before any shot is
// read, so a shot note may name a character who speaks later.
static AuStatus collect_cast(Planner *pl, const ScriptDoc *doc)
{
    AuStatus st = AU_OK;
    size_t scene = SIZE_MAX;
    for (size_t i = 0; i < doc->elem_count && st == AU_OK; i++) {
        const ScriptElem *e = &doc->elems[i];
        if (e->kind == SCRIPT_ELEM_SCENE_HEADING)
            scene = scene == SIZE_MAX ? 0 : scene + 1;
        if (e->kind == SCRIPT_ELEM_CHARACTER && scene != SIZE_MAX) {
            st = add_cast(pl, e);
            // Everyone who speaks in a scene is in it from its first shot.
            if (st == AU_OK)
                st = note_scene_cast(pl, scene, find_cast(pl, e->text));
        }
    }
    for (size_t i = 0; i < doc->elem_count && st == AU_OK; i++) {
        const ScriptElem *e = &doc->elems[i];
        const char *body;
        AuSrcLoc loc;
        // Pass two reports near-miss keywords; this pass stays quiet.
        LangCtx quiet = pl->lang;
        quiet.diag = NULL;
        if (e->kind == SCRIPT_ELEM_NOTE &&
            note_kind(&quiet, e->text, e->loc, &body, &loc) == NOTE_CAST) {
            st = note_cast(&pl->lang, body, loc, &pl->cast);
            DirectCastMember *c = pl->cast.data;
            for (size_t k = 0; k < pl->cast.len; k++)
                c[k].loc.file = pl->file;
        }
    }
    pl->lang.cast = pl->cast.data;
    pl->lang.cast_count = pl->cast.len;
    return st;
}

// Title-page keys that set defaults for the whole film.
static void title_defaults(Planner *pl, const ScriptDoc *doc)
{
    Production *prod = pl->prod;
    prod->aspect = 2.39;
    for (size_t i = 0; i < doc->title_count; i++) {
        const ScriptTitleEntry *t = &doc->title[i];
        AuSrcLoc loc = t->loc;
        loc.file = pl->file;
        const char *v = t->value ? t->value : "";
        // The value starts after "Key:" and its spaces.
        loc.col += (uint32_t)base_utf8_count(t->key, strlen(t->key)) + 2;
        if (base_strncasecmp(t->key, "Look", 5) == 0) {
            const char *look = NULL;
            if (note_look(&pl->lang, v, loc, &look, &prod->grade) == AU_OK &&
                look)
                prod->look = look;
        } else if (base_strncasecmp(t->key, "Latitude", 9) == 0) {
            char *end = NULL;
            double lat = strtod(v, &end);
            while (end && (*end == ' ' || *end == '\t'))
                end++;
            if (!end || end == v || *end || !(lat >= -90.0 && lat <= 90.0))
                base_diag(&pl->diag, loc, AU_SEVERITY_ERROR, "bad-latitude",
                          "Latitude: '%s' is not a latitude in degrees from "
                          "-90 (south) to 90 (north), e.g. 'Latitude: 34.05'",
                          v);
            else
                prod->latitude_deg = lat;
        } else if (base_strncasecmp(t->key, "Date", 5) == 0) {
            int y = 0, m = 0, d = 0, n = 0;
            static const int before[12] = { 0,   31,  59,  90,  120, 151,
                                            181, 212, 243, 273, 304, 334 };
            if (sscanf(v, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 &&
                v[n] == '\0' && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
                bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
                prod->day_of_year = before[m - 1] + d + (leap && m > 2);
            } else {
                base_diag(&pl->diag, loc, AU_SEVERITY_ERROR, "bad-date",
                          "Date: '%s' is not a date as YYYY-MM-DD, e.g. "
                          "'Date: 2026-06-21'",
                          v);
            }
        } else if (base_strncasecmp(t->key, "Aspect", 7) == 0) {
            LangClause *cl = NULL;
            size_t n = 0;
            if (lang_tokenize(pl->arena, v, strlen(v), loc, &cl, &n) != AU_OK)
                continue;
            double a = 0.0;
            if (n == 1 && cl[0].count == 1 &&
                (cl[0].toks[0].kind == LANG_TOK_RATIO ||
                 (cl[0].toks[0].kind == LANG_TOK_NUMBER &&
                  cl[0].toks[0].unit[0] == '\0')))
                a = cl[0].toks[0].value;
            if (a >= 0.25 && a <= 4.0)
                prod->aspect = a;
            else
                base_diag(&pl->diag, loc, AU_SEVERITY_ERROR, "bad-aspect",
                          "aspect '%s' is not a ratio from 1:4 to 4:1 "
                          "(e.g. 2.39:1, 1.85:1, 16:9, 9:16, 1:1)",
                          v);
        } else if (base_strncasecmp(t->key, "Seed", 5) == 0) {
            char *end = NULL;
            unsigned long long seed = strtoull(v, &end, 10);
            if (!*v || *end || *v == '-')
                base_diag(&pl->diag, loc, AU_SEVERITY_ERROR, "bad-seed",
                          "seed '%s' is not a whole number", v);
            else {
                prod->seed = (uint64_t)seed;
                prod->has_seed = true;
            }
        }
    }
}

static AuStatus finish(Planner *pl, Production *prod)
{
    double t = 0.0;
    DirectShot *shots = pl->shots.data;
    for (size_t i = 0; i < pl->shots.len; i++) {
        shots[i].start_s = t;
        t += shots[i].duration_s;
    }
    prod->duration_s = t;
    prod->scene_count = pl->scenes.len;
    prod->scenes = base_vec_to_arena(&pl->scenes, pl->arena);
    prod->set_count = pl->sets.len;
    prod->sets = base_vec_to_arena(&pl->sets, pl->arena);
    prod->cast_count = pl->cast.len;
    prod->cast = base_vec_to_arena(&pl->cast, pl->arena);
    prod->shot_count = pl->shots.len;
    prod->shots = base_vec_to_arena(&pl->shots, pl->arena);
    prod->warning_count = pl->warnings.len;
    prod->warnings = base_vec_to_arena(&pl->warnings, pl->arena);
    if ((pl->scenes.len && !prod->scenes) || (pl->cast.len && !prod->cast) ||
        (pl->shots.len && !prod->shots) || (pl->sets.len && !prod->sets) ||
        (pl->warnings.len && !prod->warnings))
        return AU_ENOMEM;
    const ActionRef *acts = pl->actions.data;
    for (size_t s = 0; s < prod->scene_count; s++) {
        DirectScene *sc = &prod->scenes[s];
        size_t n = 0;
        for (size_t i = 0; i < pl->actions.len; i++)
            n += acts[i].scene == s;
        if (n == 0)
            continue;
        sc->actions = base_arena_array(pl->arena, n, sizeof(char *));
        sc->action_locs = base_arena_array(pl->arena, n, sizeof(AuSrcLoc));
        if (!sc->actions || !sc->action_locs)
            return AU_ENOMEM;
        for (size_t i = 0; i < pl->actions.len; i++) {
            if (acts[i].scene != s)
                continue;
            sc->actions[sc->action_count] = acts[i].text;
            sc->action_locs[sc->action_count++] = acts[i].loc;
        }
    }
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
        // In cast order, so blocking is stable.
        for (size_t c = 0; c < prod->cast_count; c++)
            for (size_t i = 0; i < pl->scene_cast.len; i += 2)
                if (pairs[i] == s && pairs[i + 1] == c)
                    sc->cast[sc->cast_count++] = c;
    }
    return AU_OK;
}

// Sets up a planner writing into a new Production named @p file; NULL
// when memory runs out. @p strict: unknown words are errors (notes) or
// left unused (prompts).
static Production *planner_init(Planner *pl, const AuAllocator *alloc,
                                BaseDiag *diag, const char *file, bool strict)
{
    Production *prod = base_calloc(alloc, 1, sizeof *prod);
    if (!prod)
        return NULL;
    base_arena_init(&prod->arena, alloc);
    memset(pl, 0, sizeof *pl);
    pl->arena = &prod->arena;
    pl->prod = prod;
    pl->user_diag = diag;
    pl->diag.fn = record_diag;
    pl->diag.user = pl;
    base_vec_init(&pl->scenes, alloc, sizeof(DirectScene));
    base_vec_init(&pl->sets, alloc, sizeof(DirectSet));
    base_vec_init(&pl->cast, alloc, sizeof(DirectCastMember));
    base_vec_init(&pl->shots, alloc, sizeof(DirectShot));
    base_vec_init(&pl->scene_cast, alloc, sizeof(size_t));
    base_vec_init(&pl->warnings, alloc, sizeof(DirectWarning));
    base_vec_init(&pl->actions, alloc, sizeof(ActionRef));
    pl->file = base_arena_strdup(&prod->arena, file ? file : "-");
    prod->file = pl->file;
    pl->lang.arena = &prod->arena;
    pl->lang.diag = &pl->diag;
    pl->lang.strict = strict;
    pl->st.open_shot = SIZE_MAX;
    begin_scene(pl);
    if (!pl->file) {
        base_arena_fini(&prod->arena);
        base_free(alloc, prod);
        base_vec_fini(&pl->scenes);
        return NULL;
    }
    return prod;
}

// Hands the counts to the caller's sink, releases the planner's scratch
// and gives the Production to *out on success, or frees it.
static AuStatus planner_fini(Planner *pl, AuStatus st, Production **out)
{
    if (pl->user_diag) {
        pl->user_diag->errors += pl->diag.errors;
        pl->user_diag->warnings += pl->diag.warnings;
    }
    base_vec_fini(&pl->scenes);
    base_vec_fini(&pl->sets);
    base_vec_fini(&pl->cast);
    base_vec_fini(&pl->shots);
    base_vec_fini(&pl->scene_cast);
    base_vec_fini(&pl->warnings);
    base_vec_fini(&pl->actions);
    if (st != AU_OK) {
        direct_production_free(&pl->prod);
        return st;
    }
    *out = pl->prod;
    return AU_OK;
}

AuStatus direct_plan(const AuAllocator *alloc, BaseDiag *diag,
                     const ScriptDoc *doc, Production **out)
{
    return direct_plan_seeded(alloc, diag, doc, 1, false, out);
}

AuStatus direct_plan_seeded(const AuAllocator *alloc, BaseDiag *diag,
                            const ScriptDoc *doc, uint64_t seed,
                            bool seed_given, Production **out)
{
    Planner pl;
    Production *prod = planner_init(&pl, alloc, diag, doc->file, true);
    if (!prod)
        return AU_ENOMEM;

    AuStatus st = AU_OK;
    if (st == AU_OK) {
        title_defaults(&pl, doc);
        if (seed_given)
            prod->seed = seed;
        else if (!prod->has_seed)
            prod->seed = 1;
        st = collect_cast(&pl, doc);
    }
    if (st == AU_OK) {
        pl.st.look = prod->look;
        st = plan_body(&pl, doc);
    }
    if (st == AU_OK && pl.scenes.len == 0) {
        AuSrcLoc loc = { pl.file, 1, 1 };
        base_diag(&pl.diag, loc, AU_SEVERITY_ERROR, "no-scene",
                  "no scene heading: a screenplay needs at least one, e.g. "
                  "'INT. HOUSE - DAY'");
    }
    if (st == AU_OK && pl.diag.errors)
        st = AU_ESYNTAX;
    if (st == AU_OK)
        st = finish(&pl, prod);
    if (st == AU_OK && pl.oom)
        st = AU_ENOMEM;
    const char *title = script_title_value(doc, "Title");
    if (st == AU_OK && title) {
        prod->title = base_arena_strdup(&prod->arena, title);
        if (!prod->title)
            st = AU_ENOMEM;
    }
    return planner_fini(&pl, st, out);
}

AuStatus direct_plan_prompt(const AuAllocator *alloc, BaseDiag *diag,
                            const char *name, const char *text, size_t len,
                            Production **out)
{
    Planner pl;
    Production *prod =
        planner_init(&pl, alloc, diag, name ? name : "prompt", false);
    if (!prod)
        return AU_ENOMEM;
    prod->aspect = 2.39;
    prod->seed = 1;

    AuStatus st = AU_OK;
    LangClause *cl = NULL;
    size_t n = 0;
    AuSrcLoc loc = { pl.file, 1, 1 };
    PromptRead pr;
    memset(&pr, 0, sizeof pr);
    pr.shot.subject = pr.shot.partner = pr.shot.focus = SIZE_MAX;
    pr.shot.rack_from = SIZE_MAX;
    pr.shot.move_speed = 1.0;
    if (st == AU_OK)
        st = lang_tokenize(pl.arena, text, len, loc, &cl, &n);
    if (st == AU_OK && n == 0) {
        base_diag(&pl.diag, loc, AU_SEVERITY_ERROR, "empty-prompt",
                  "the prompt is empty: describe the shot, e.g. 'a lone "
                  "rider crosses the desert at golden hour, wide, 15s'");
        st = AU_ESYNTAX;
    }
    if (st == AU_OK)
        st = prompt_read(&pl.lang, cl, n, &pr);
    for (size_t i = 0; st == AU_OK && i < pr.cast_count; i++) {
        DirectCastMember m;
        memset(&m, 0, sizeof m);
        m.name = pr.cast[i];
        m.name_hash = base_hash_name(m.name);
        m.loc = loc;
        if (pr.cast_words[i]) {
            m.look_words = base_arena_array(pl.arena, 1, sizeof(char *));
            m.look_locs = base_arena_array(pl.arena, 1, sizeof(AuSrcLoc));
            if (!m.look_words || !m.look_locs)
                st = AU_ENOMEM;
            else {
                m.look_words[0] = pr.cast_words[i];
                m.look_locs[0] = loc;
                m.look_word_count = 1;
            }
        }
        if (st == AU_OK)
            st = base_vec_push(&pl.cast, &m);
    }
    if (st == AU_OK) {
        DirectScene sc;
        memset(&sc, 0, sizeof sc);
        if (!pr.location) {
            base_diag(&pl.diag, loc, AU_SEVERITY_WARNING, "no-place",
                      "the prompt names no place; using an open field");
            pr.location = "FIELD";
        }
        sc.location = pr.location;
        sc.interior = pr.interior;
        sc.time_of_day = pr.tod;
        sc.weather = pr.weather;
        sc.loc = pr.location_loc.line ? pr.location_loc : loc;
        sc.loc.file = pl.file;
        char *heading = base_arena_printf(
            pl.arena, "%s. %s - %s", sc.interior ? "INT" : "EXT", sc.location,
            direct_tod_name(sc.time_of_day));
        if (!heading)
            st = AU_ENOMEM;
        for (char *p = heading; p && *p; p++)
            *p = (char)toupper((unsigned char)*p);
        sc.heading = heading;
        if (st == AU_OK)
            st = add_set(&pl, &sc);
        if (st == AU_OK)
            st = base_vec_push(&pl.scenes, &sc);
        // The prompt is the scene's one action line, for props and verbs.
        ActionRef ar = { 0, base_arena_strndup(pl.arena, text, len), loc };
        if (st == AU_OK && (!ar.text || base_vec_push(&pl.actions, &ar)))
            st = AU_ENOMEM;
        for (size_t i = 0; st == AU_OK && i < pl.cast.len; i++)
            st = note_scene_cast(&pl, 0, i);
    }
    if (st == AU_OK) {
        pl.st.look = pr.look;
        DirectShot *s = new_shot(&pl, 0, DIRECT_SHOT_WS, SIZE_MAX, loc);
        if (!s) {
            st = AU_ENOMEM;
        } else {
            DirectShot tmpl = *s;
            DirectShot p = pr.shot;
            // The prompt's words win; auteur fills in the rest.
            if (!(p.set_by & DIRECT_SET_SIZE))
                p.size = pl.cast.len == 1 && (p.set_by & DIRECT_SET_KIND)
                             ? DIRECT_SHOT_MS
                             : DIRECT_SHOT_WS;
            if (!(p.set_by & DIRECT_SET_LENS))
                p.lens_mm = p.size >= DIRECT_SHOT_FS   ? 24.0
                            : p.size <= DIRECT_SHOT_CU ? 50.0
                                                       : 35.0;
            if (!(p.set_by & DIRECT_SET_F_STOP))
                p.f_stop = p.size >= DIRECT_SHOT_FS ? 5.6 : 2.8;
            if (!(p.set_by & DIRECT_SET_DURATION))
                p.duration_s = 5.0;
            bool single = p.size < DIRECT_SHOT_WS && pl.cast.len > 0;
            if (!(p.set_by & DIRECT_SET_KIND))
                p.kind = single ? (pl.cast.len >= 2 ? DIRECT_KIND_TWO_SHOT
                                                    : DIRECT_KIND_SINGLE)
                                : DIRECT_KIND_GROUP;
            p.subject =
                p.kind == DIRECT_KIND_GROUP || pl.cast.len == 0 ? SIZE_MAX : 0;
            p.partner =
                (p.kind == DIRECT_KIND_TWO_SHOT || p.kind == DIRECT_KIND_OTS) &&
                        pl.cast.len >= 2
                    ? 1
                    : SIZE_MAX;
            p.scene = 0;
            p.lighting = tmpl.lighting;
            p.look = tmpl.look;
            p.set_by |= tmpl.set_by & DIRECT_SET_LOOK;
            p.reason = "prompt";
            p.loc = loc;
            *s = p;
        }
    }
    if (st == AU_OK && pl.diag.errors)
        st = AU_ESYNTAX;
    if (st == AU_OK)
        st = finish(&pl, prod);
    if (st == AU_OK && pl.oom)
        st = AU_ENOMEM;
    return planner_fini(&pl, st, out);
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
