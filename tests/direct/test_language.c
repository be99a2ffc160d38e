/* tests/direct/test_language.c: docs/language.md and the parser agree:
 * every example there plans without error, every prompt without a
 * warning, and every error example gives the error quoted under it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "direct/direct.h"

static const AuAllocator *A;
static char last_error[1024];

static void keep_error(void *user, const AuDiagnostic *d)
{
    (void)user;
    if (d->severity == AU_SEVERITY_ERROR && !last_error[0])
        snprintf(last_error, sizeof last_error, "%s", d->text);
    fprintf(stderr, "    %s:%u:%u: %s\n", d->loc.file, d->loc.line, d->loc.col,
            d->text);
}

// Plans @p block, wrapped in a scene with BRICK and STEEL unless it has a
// scene heading of its own. Returns the number of errors and warnings.
static size_t plan_block(const char *block, size_t *warnings)
{
    static const char head[] = "Title: Example\n\nINT. ROOM - DAY\n\n"
                               "BRICK\nHello there.\n\nSTEEL\nHi.\n\n";
    static const char tail[] = "\n\nBRICK\nRight.\n\nSTEEL\nFine.\n";
    bool whole = strstr(block, "\nINT. ") || strstr(block, "\nEXT. ") ||
                 strncmp(block, "EXT. ", 5) == 0 ||
                 strncmp(block, "INT. ", 5) == 0 ||
                 strncmp(block, "Title:", 6) == 0;
    size_t n = strlen(head) + strlen(block) + strlen(tail) + 1;
    char *text = malloc(n);
    snprintf(text, n, "%s%s%s", whole ? "" : head, block, whole ? "" : tail);
    BaseDiag diag = { keep_error, NULL, 0, 0 };
    last_error[0] = '\0';
    ScriptDoc *doc = NULL;
    Production *prod = NULL;
    AuStatus st =
        script_parse(A, &diag, "language.md", text, strlen(text), &doc);
    if (st == AU_OK)
        st = direct_plan(A, &diag, doc, &prod);
    direct_production_free(&prod);
    script_doc_free(&doc);
    free(text);
    *warnings = diag.warnings;
    return diag.errors;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    size_t got = fread(s, 1, (size_t)n, f);
    s[got] = '\0';
    fclose(f);
    return s;
}

static void test_doc_examples(void)
{
    char *doc = read_file(AU_SOURCE_DIR "/docs/language.md");
    CHECK(doc != NULL);
    if (!doc)
        return;
    int good = 0, bad = 0, prompts = 0;
    for (char *p = doc; (p = strstr(p, "```")) != NULL;) {
        char *lang = p + 3;
        char *body = strchr(lang, '\n');
        if (!body)
            break;
        *body++ = '\0';
        char *end = strstr(body, "\n```");
        if (!end)
            break;
        *end = '\0';
        char *after = end + 4;
        if (strcmp(lang, "fountain") == 0) {
            size_t w = 0;
            fprintf(stderr, "  example: %.60s\n", body);
            CHECK_INT_EQ(plan_block(body, &w), 0);
            CHECK_INT_EQ(w, 0);
            good++;
        } else if (strcmp(lang, "fountain-error") == 0) {
            size_t w = 0;
            CHECK(plan_block(body, &w) >= 1);
            // The expected message is quoted on the "> " line after it.
            char *q = strstr(after, "\n> ");
            CHECK(q != NULL);
            if (q) {
                q += 3;
                char *qe = strchr(q, '\n');
                if (qe)
                    *qe = '\0';
                if (!strstr(last_error, q))
                    fprintf(stderr, "want \"%s\", got \"%s\"\n", q, last_error);
                CHECK(strstr(last_error, q) != NULL);
                if (qe)
                    *qe = '\n';
            }
            bad++;
        } else if (strcmp(lang, "prompt") == 0) {
            for (char *line = body; line && *line;) {
                char *nl = strchr(line, '\n');
                if (nl)
                    *nl = '\0';
                BaseDiag diag = { keep_error, NULL, 0, 0 };
                Production *prod = NULL;
                fprintf(stderr, "  prompt: %s\n", line);
                CHECK_OK(direct_plan_prompt(A, &diag, "prompt", line,
                                            strlen(line), &prod));
                CHECK_INT_EQ(diag.warnings, 0);
                CHECK(prod && prod->shot_count == 1);
                direct_production_free(&prod);
                prompts++;
                line = nl ? nl + 1 : NULL;
            }
        }
        p = after;
    }
    fprintf(stderr, "%d examples, %d error examples, %d prompts\n", good, bad,
            prompts);
    CHECK(good >= 10);
    CHECK(bad >= 5);
    CHECK(prompts >= 4);
    free(doc);
}

// The README's annotated example: with its "<-" remarks taken off, it
// plans without an error or a warning.
static void test_readme_example(void)
{
    char *readme = read_file(AU_SOURCE_DIR "/README.md");
    CHECK(readme != NULL);
    if (!readme)
        return;
    const char *a = strstr(readme, "```fountain\n");
    const char *b = a ? strstr(a + 12, "```") : NULL;
    CHECK(a && b);
    if (a && b) {
        a += 12;
        char *block = malloc((size_t)(b - a) + 1);
        size_t n = 0;
        while (a < b) {
            const char *eol = memchr(a, '\n', (size_t)(b - a));
            size_t len = eol ? (size_t)(eol - a) : (size_t)(b - a);
            size_t keep = len;
            for (size_t k = 0; k + 1 < len; k++)
                if (a[k] == '<' && a[k + 1] == '-') {
                    keep = k;
                    break;
                }
            while (keep && a[keep - 1] == ' ')
                keep--;
            memcpy(block + n, a, keep);
            n += keep;
            block[n++] = '\n';
            a += len + 1;
        }
        block[n] = '\0';
        size_t warnings = 0;
        CHECK_INT_EQ(plan_block(block, &warnings), 0);
        CHECK_INT_EQ(warnings, 0);
        free(block);
    }
    free(readme);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_doc_examples);
    CHECK_RUN(test_readme_example);
    return CHECK_DONE();
}
