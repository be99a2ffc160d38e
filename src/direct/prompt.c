/* direct/prompt.c: reads a one-line prompt ("a lone rider crosses the
 * desert at golden hour, wide, slow dolly in, 15s") with the same
 * vocabulary as director notes: people, a place, a time of day, weather,
 * a look and the shot. Words it does not use are listed in a warning. */
#include <stdio.h>
#include <string.h>

#include "vocab.h"

static bool add_person(PromptRead *out, const char *name, const char *word)
{
    for (size_t i = 0; i < out->cast_count; i++)
        if (strcmp(out->cast[i], name) == 0)
            return false;
    if (out->cast_count >= PROMPT_MAX_CAST)
        return false;
    out->cast[out->cast_count] = name;
    out->cast_words[out->cast_count++] = word;
    return true;
}

// People: "[count] [adjective] noun"; "two men" makes MAN 1 and MAN 2.
static AuStatus read_people(LangCtx *ctx, LangClause *c, PromptRead *out)
{
    for (size_t i = 0; i < c->count; i++) {
        size_t n = 0, na = 0, nc = 0;
        size_t j = i;
        const LangWord *cnt =
            lang_match(c, j, vocab_count.words, vocab_count.count, &nc);
        if (cnt)
            j += nc;
        const LangWord *adj = lang_match(c, j, vocab_person_word.words,
                                         vocab_person_word.count, &na);
        if (adj)
            j += na;
        const LangWord *who =
            lang_match(c, j, vocab_person.words, vocab_person.count, &n);
        if (!who)
            continue;
        lang_use(c, i, j + n - i);
        const char *base = vocab_person_names[who->value];
        int copies = cnt ? cnt->value : (who->value == 14 ? 2 : 1);
        const char *word = adj ? adj->phrase : NULL;
        if (copies <= 1) {
            add_person(out, base, word);
        } else {
            for (int k = 1; k <= copies; k++) {
                char *name = base_arena_printf(ctx->arena, "%s %d", base, k);
                if (!name)
                    return AU_ENOMEM;
                add_person(out, name, word);
            }
        }
        i = j + n - 1;
    }
    return AU_OK;
}

static AuStatus read_place(LangCtx *ctx, LangClause *c, PromptRead *out)
{
    for (size_t i = 0; i < c->count; i++) {
        size_t n = 0;
        const LangWord *w =
            lang_match(c, i, vocab_place.words, vocab_place.count, &n);
        if (!w)
            continue;
        lang_use(c, i, n);
        if (out->location)
            continue;
        char *name = base_arena_strdup(ctx->arena, w->phrase);
        if (!name)
            return AU_ENOMEM;
        for (char *p = name; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p = (char)(*p - 'a' + 'A');
        out->location = name;
        out->interior = w->value == 1;
        out->location_loc = c->toks[i].loc;
    }
    return AU_OK;
}

static void use_table(LangClause *c, const LangTable *t)
{
    for (size_t i = 0; i < c->count; i++) {
        size_t n = 0;
        if (lang_match(c, i, t->words, t->count, &n))
            lang_use(c, i, n);
    }
}

AuStatus prompt_read(LangCtx *ctx, LangClause *cl, size_t n, PromptRead *out)
{
    AuStatus st = AU_OK;
    bool tod_set = false, weather_set = false;
    // People and places first: "old man" is a person before "old" could
    // be anything else, and "long shot" a size before "long" a cast word.
    for (size_t k = 0; k < n && st == AU_OK; k++)
        st = read_people(ctx, &cl[k], out);
    for (size_t k = 0; k < n && st == AU_OK; k++)
        st = read_place(ctx, &cl[k], out);
    for (size_t k = 0; k < n && st == AU_OK; k++) {
        lang_tod_clause(ctx, &cl[k], &out->tod, &tod_set);
        lang_weather_clause(ctx, &cl[k], &out->weather, &weather_set);
        const char *look = lang_look_clause(ctx, &cl[k]);
        if (look)
            out->look = look;
        st = lang_shot_clause(ctx, &cl[k], &out->shot);
        use_table(&cl[k], &vocab_verb);
        use_table(&cl[k], &vocab_filler);
    }
    if (st != AU_OK)
        return st;
    // One warning names every word the prompt did not use.
    char unused[512] = "";
    size_t len = 0, count = 0;
    AuSrcLoc first = { NULL, 0, 0 };
    for (size_t k = 0; k < n; k++) {
        for (size_t i = 0; i < cl[k].count; i++) {
            const LangTok *t = &cl[k].toks[i];
            if (t->used)
                continue;
            if (!count)
                first = t->loc;
            count++;
            int w = snprintf(unused + len, sizeof unused - len, "%s'%s'",
                             len ? ", " : "", t->text);
            if (w > 0 && (size_t)w < sizeof unused - len)
                len += (size_t)w;
        }
    }
    if (count)
        base_diag(ctx->diag, first, AU_SEVERITY_WARNING, "unused-words",
                  "%zu word%s of the prompt not used: %s", count,
                  count == 1 ? "" : "s", unused);
    return AU_OK;
}
