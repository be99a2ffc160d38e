/* direct/json.c: serialises a Production as the plan JSON that
 * `auteur plan` prints and that AI pipelines and tests read. */
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "direct.h"

static json_t *names_json(const Production *prod, const size_t *idx, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++)
        if (idx[i] < prod->cast_count)
            json_array_append_new(arr, json_string(prod->cast[idx[i]].name));
    return arr;
}

static json_t *scenes_json(const Production *prod)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < prod->scene_count; i++) {
        const DirectScene *sc = &prod->scenes[i];
        json_t *o = json_pack(
            "{s:I,s:s,s:s?,s:I,s:s,s:s,s:s,s:o,s:I,s:I}", "index",
            (json_int_t)i, "heading", sc->heading, "number", sc->number, "set",
            (json_int_t)sc->set, "setting",
            sc->interior ? "interior" : "exterior", "time_of_day",
            direct_tod_name(sc->time_of_day), "weather",
            direct_weather_name(sc->weather), "cast",
            names_json(prod, sc->cast, sc->cast_count), "source_line",
            (json_int_t)sc->loc.line, "source_column", (json_int_t)sc->loc.col);
        if (!o || json_array_append_new(arr, o) != 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

static json_t *sets_json(const Production *prod)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < prod->set_count; i++) {
        const DirectSet *set = &prod->sets[i];
        json_t *o = json_pack(
            "{s:I,s:s,s:s,s:s?,s:I}", "index", (json_int_t)i, "name", set->name,
            "setting", set->interior ? "interior" : "exterior", "description",
            set->description, "source_line", (json_int_t)set->loc.line);
        if (!o || json_array_append_new(arr, o) != 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

static json_t *lighting_json(const DirectLighting *l)
{
    json_t *lights = json_array();
    for (size_t i = 0; lights && i < l->light_count; i++) {
        const DirectLight *d = &l->lights[i];
        json_t *o = json_pack(
            "{s:s,s:s,s:f}", "role", direct_light_role_name(d->role), "side",
            direct_side_name(d->side), "intensity", d->intensity);
        if (o && d->temp_k > 0)
            json_object_set_new(o, "temp_k", json_real(d->temp_k));
        if (o && d->color_name)
            json_object_set_new(o, "color", json_string(d->color_name));
        if (!o || json_array_append_new(lights, o) != 0) {
            json_decref(lights);
            return NULL;
        }
    }
    static const char *const presets[DIRECT_PRESET_COUNT] = {
        NULL,         "noir",        "golden hour",  "blue hour",
        "neon night", "candlelight", "overcast soft"
    };
    json_t *o = json_pack("{s:s,s:o}", "style", direct_key_style_name(l->style),
                          "lights", lights);
    if (o && l->preset > DIRECT_PRESET_NONE && l->preset < DIRECT_PRESET_COUNT)
        json_object_set_new(o, "preset", json_string(presets[l->preset]));
    if (o && l->fill_ratio > 0)
        json_object_set_new(o, "fill_ratio", json_real(l->fill_ratio));
    return o;
}

static json_t *set_by_json(uint32_t bits)
{
    static const struct {
        uint32_t bit;
        const char *name;
    } controls[] = {
        { DIRECT_SET_SIZE, "size" },
        { DIRECT_SET_KIND, "kind" },
        { DIRECT_SET_SUBJECT, "subjects" },
        { DIRECT_SET_ANGLE, "angle" },
        { DIRECT_SET_LENS, "lens_mm" },
        { DIRECT_SET_F_STOP, "f_stop" },
        { DIRECT_SET_FOCUS, "focus" },
        { DIRECT_SET_MOVE, "move" },
        { DIRECT_SET_DURATION, "duration_s" },
        { DIRECT_SET_TRANSITION, "transition" },
        { DIRECT_SET_LIGHT, "light" },
        { DIRECT_SET_LOOK, "look" },
    };

    json_t *o = json_object();
    for (size_t i = 0; o && i < sizeof controls / sizeof controls[0]; i++)
        json_object_set_new(
            o, controls[i].name,
            json_string(bits & controls[i].bit ? "director" : "auteur"));
    return o;
}

static json_t *shots_json(const Production *prod)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < prod->shot_count; i++) {
        const DirectShot *s = &prod->shots[i];
        const DirectScene *sc = &prod->scenes[s->scene];
        size_t who[2];
        size_t n = 0;
        json_t *subjects;
        if (s->subject == SIZE_MAX) {
            subjects = names_json(prod, sc->cast, sc->cast_count);
        } else {
            who[n++] = s->subject;
            if (s->partner != SIZE_MAX)
                who[n++] = s->partner;
            subjects = names_json(prod, who, n);
        }
        size_t focus = s->focus != SIZE_MAX ? s->focus : s->subject;
        json_t *o = json_pack(
            "{s:I,s:I,s:s,s:s,s:s,s:f,s:f,s:f,s:s,s:f,s:f,s:o,s:s?,s:f,s:f,"
            "s:s,s:o,s:s?,s:s?,s:s?,s:I,s:I,s:o,s:s}",
            "number", (json_int_t)(i + 1), "scene", (json_int_t)s->scene,
            "size", direct_shot_size_name(s->size), "kind",
            direct_shot_kind_name(s->kind), "angle",
            direct_angle_name(s->angle), "angle_deg", s->angle_deg, "lens_mm",
            s->lens_mm, "f_stop", s->f_stop, "move", direct_move_name(s->move),
            "move_amount", s->move_amount, "move_speed", s->move_speed,
            "subjects", subjects ? subjects : json_null(), "focus",
            focus < prod->cast_count ? prod->cast[focus].name : NULL, "start_s",
            s->start_s, "duration_s", s->duration_s, "transition",
            direct_transition_name(s->transition), "light",
            lighting_json(&s->lighting), "look", s->look, "sound", s->sound,
            "insert", s->insert, "source_line", (json_int_t)s->loc.line,
            "source_column", (json_int_t)s->loc.col, "set_by",
            set_by_json(s->set_by), "reason", s->reason ? s->reason : "");
        if (o && s->dialogue)
            json_object_set_new(o, "dialogue", json_string(s->dialogue));
        if (o && s->parenthetical)
            json_object_set_new(o, "parenthetical",
                                json_string(s->parenthetical));
        if (o && s->handheld)
            json_object_set_new(o, "handheld", json_true());
        const DirectGrade *g = &s->grade;
        if (o && (g->tonemap || g->white_balance_k > 0 || g->has_exposure ||
                  g->grain > 0 || g->bloom > 0 || g->halation > 0)) {
            static const char *const curves[] = { NULL, "filmic", "aces",
                                                  "agx" };
            json_t *gj = json_object();
            if (gj && g->tonemap > 0 && g->tonemap <= 3)
                json_object_set_new(gj, "tonemap",
                                    json_string(curves[g->tonemap]));
            if (gj && g->white_balance_k > 0)
                json_object_set_new(gj, "white_balance_k",
                                    json_real(g->white_balance_k));
            if (gj && g->has_exposure)
                json_object_set_new(gj, "exposure_ev",
                                    json_real(g->exposure_ev));
            if (gj && g->grain > 0)
                json_object_set_new(gj, "grain", json_real(g->grain));
            if (gj && g->bloom > 0)
                json_object_set_new(gj, "bloom", json_real(g->bloom));
            if (gj && g->halation > 0)
                json_object_set_new(gj, "halation", json_real(g->halation));
            if (gj)
                json_object_set_new(o, "grade", gj);
        }
        if (o && s->reverse_side)
            json_object_set_new(o, "across_line", json_true());
        if (o && s->rack) {
            size_t from = s->rack_from != SIZE_MAX ? s->rack_from : s->subject;
            if (from < prod->cast_count)
                json_object_set_new(o, "rack_from",
                                    json_string(prod->cast[from].name));
        }
        if (!o || json_array_append_new(arr, o) != 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

static json_t *cast_json(const Production *prod)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < prod->cast_count; i++) {
        const DirectCastMember *m = &prod->cast[i];
        char id[20];
        snprintf(id, sizeof id, "%016llx", (unsigned long long)m->name_hash);
        json_t *words = json_array();
        for (size_t k = 0; words && k < m->look_word_count; k++)
            json_array_append_new(words, json_string(m->look_words[k]));
        json_t *o =
            json_pack("{s:I,s:s,s:s,s:o,s:I}", "id", (json_int_t)(i + 1),
                      "name", m->name, "look_hash", id, "look", words,
                      "source_line", (json_int_t)m->loc.line);
        if (o && m->age_years)
            json_object_set_new(o, "age", json_integer(m->age_years));
        if (!o || json_array_append_new(arr, o) != 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

static json_t *warnings_json(const Production *prod)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < prod->warning_count; i++) {
        const DirectWarning *w = &prod->warnings[i];
        json_t *o = json_pack(
            "{s:I,s:I,s:s,s:s}", "line", (json_int_t)w->loc.line, "column",
            (json_int_t)w->loc.col, "code", w->code, "text", w->text);
        if (!o || json_array_append_new(arr, o) != 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

// jansson writes "s?" with NULL as null; an absent value reads better and
// keeps the schema's types plain, so optional keys are dropped instead.
static void drop_nulls(json_t *v)
{
    if (json_is_object(v)) {
        const char *key;
        json_t *val;
        void *tmp;
        json_object_foreach_safe(v, tmp, key, val)
        {
            if (json_is_null(val))
                json_object_del(v, key);
            else
                drop_nulls(val);
        }
    } else if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++)
            drop_nulls(json_array_get(v, i));
    }
}

AuStatus direct_plan_json(const Production *prod, char **out)
{
    json_t *root = json_pack(
        "{s:s?,s:s,s:f,s:s?,s:f,s:o,s:o,s:o,s:o,s:o}", "title", prod->title,
        "source", prod->file ? prod->file : "-", "aspect", prod->aspect, "look",
        prod->look, "duration_s", prod->duration_s, "scenes", scenes_json(prod),
        "sets", sets_json(prod), "shots", shots_json(prod), "cast",
        cast_json(prod), "warnings", warnings_json(prod));
    if (!root)
        return AU_ENOMEM;
    // JSON integers are signed; a seed above 2^63 is printed as its text.
    if (prod->seed <= (uint64_t)INT64_MAX)
        json_object_set_new(root, "seed", json_integer((json_int_t)prod->seed));
    else {
        char text[24];
        snprintf(text, sizeof text, "%llu", (unsigned long long)prod->seed);
        json_object_set_new(root, "seed", json_string(text));
    }
    drop_nulls(root);
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                      JSON_REAL_PRECISION(6));
    json_decref(root);
    if (!text)
        return AU_ENOMEM;
    *out = text;
    return AU_OK;
}

AuStatus direct_plan_compare(const Production *base, const Production *var,
                             char **out)
{
    json_t *diffs = json_array();
    size_t n =
        base->shot_count < var->shot_count ? base->shot_count : var->shot_count;
    for (size_t i = 0; diffs && i < n; i++) {
        const DirectShot *a = &base->shots[i], *b = &var->shots[i];
        json_t *what = json_array();
        if (!what)
            break;
        if (a->size != b->size)
            json_array_append_new(what, json_string("size"));
        if (a->kind != b->kind)
            json_array_append_new(what, json_string("kind"));
        if (a->lens_mm != b->lens_mm)
            json_array_append_new(what, json_string("lens_mm"));
        if (a->subject != b->subject || a->partner != b->partner)
            json_array_append_new(what, json_string("subjects"));
        if (a->duration_s != b->duration_s)
            json_array_append_new(what, json_string("duration_s"));
        if (json_array_size(what) == 0) {
            json_decref(what);
            continue;
        }
        json_t *o =
            json_pack("{s:I,s:o,s:s,s:s,s:f,s:f}", "shot", (json_int_t)(i + 1),
                      "differs", what, "size", direct_shot_size_name(b->size),
                      "kind", direct_shot_kind_name(b->kind), "lens_mm",
                      b->lens_mm, "base_lens_mm", a->lens_mm);
        if (!o || json_array_append_new(diffs, o) != 0) {
            json_decref(diffs);
            return AU_ENOMEM;
        }
    }
    json_t *root =
        json_pack("{s:I,s:I,s:o}", "seed", (json_int_t)var->seed, "base_seed",
                  (json_int_t)base->seed, "differences", diffs);
    if (!root)
        return AU_ENOMEM;
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                      JSON_REAL_PRECISION(6));
    json_decref(root);
    if (!text)
        return AU_ENOMEM;
    *out = text;
    return AU_OK;
}
