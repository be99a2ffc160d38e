/* direct/json.c: serialises a Production as the plan JSON that
 * `auteur plan` prints and that AI pipelines and tests read. */
#include <stdio.h>
#include <stdlib.h>

#include <jansson.h>

#include "direct.h"

static json_t *loc_json(AuSrcLoc loc)
{
    return json_pack("{s:I,s:I}", "line", (json_int_t)loc.line, "column",
                     (json_int_t)loc.col);
}

static json_t *scenes_json(const Production *prod)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < prod->scene_count; i++) {
        const DirectScene *sc = &prod->scenes[i];
        json_t *cast = json_array();
        for (size_t c = 0; cast && c < sc->cast_count; c++)
            json_array_append_new(cast,
                                  json_string(prod->cast[sc->cast[c]].name));
        json_t *o =
            json_pack("{s:I,s:s,s:s,s:s,s:s,s:o,s:o}", "index", (json_int_t)i,
                      "heading", sc->heading, "location", sc->location,
                      "setting", sc->interior ? "interior" : "exterior",
                      "time_of_day", direct_tod_name(sc->time_of_day), "cast",
                      cast ? cast : json_null(), "source", loc_json(sc->loc));
        if (!o || json_array_append_new(arr, o) != 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

static json_t *shots_json(const Production *prod)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < prod->shot_count; i++) {
        const DirectShot *s = &prod->shots[i];
        json_t *subjects = json_array();
        const DirectScene *sc = &prod->scenes[s->scene];
        if (s->subject == SIZE_MAX) {
            for (size_t c = 0; subjects && c < sc->cast_count; c++)
                json_array_append_new(
                    subjects, json_string(prod->cast[sc->cast[c]].name));
        } else if (subjects) {
            json_array_append_new(subjects,
                                  json_string(prod->cast[s->subject].name));
        }
        json_t *o = json_pack(
            "{s:I,s:I,s:s,s:s,s:f,s:f,s:s,s:o,s:f,s:f,s:s,s:s,s:o}", "number",
            (json_int_t)(i + 1), "scene", (json_int_t)s->scene, "size",
            direct_shot_size_name(s->size), "angle", "eye level", "lens_mm",
            s->lens_mm, "f_stop", s->f_stop, "move", "static", "subjects",
            subjects ? subjects : json_null(), "start_s", s->start_s,
            "duration_s", s->duration_s, "transition", "cut", "reason",
            s->reason, "source", loc_json(s->loc));
        if (o && s->dialogue)
            json_object_set_new(o, "dialogue", json_string(s->dialogue));
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
        json_t *o =
            json_pack("{s:I,s:s,s:s,s:o}", "id", (json_int_t)(i + 1), "name",
                      m->name, "look_hash", id, "source", loc_json(m->loc));
        if (!o || json_array_append_new(arr, o) != 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

AuStatus direct_plan_json(const Production *prod, char **out)
{
    json_t *root =
        json_pack("{s:s?,s:f,s:o,s:o,s:o}", "title", prod->title, "duration_s",
                  prod->duration_s, "scenes", scenes_json(prod), "shots",
                  shots_json(prod), "cast", cast_json(prod));
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
