/* cli/main.c: the `auteur` command, a thin front end on include/auteur.h:
 * argument parsing, GCC-style messages, a progress bar and exit codes. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "auteur.h"

enum {
    EXIT_USAGE = 1,
    EXIT_SCRIPT = 2,
    EXIT_IO = 3,
    EXIT_INTERNAL = 4,
    EXIT_PROBLEMS = 5,
    EXIT_CANCELED = 6
};

static const char usage_text[] =
    "auteur: a screenplay in, a directed and rendered film clip out.\n"
    "\n"
    "usage:\n"
    "  auteur plan SCRIPT [--format json|text]\n"
    "      print the plan (scenes, sets, shots, cast, warnings) on stdout\n"
    "  auteur render SCRIPT -o OUT.mp4 [options]\n"
    "      render the whole film to an H.264 MP4\n"
    "  auteur still SCRIPT --shot N [--at SECONDS] -o FRAME.png\n"
    "               [--passes DIR] [options]\n"
    "      render one frame of shot N (from 1); with --passes, DIR gets\n"
    "      id.png (16-bit: cast index + 1 per pixel) and albedo.png\n"
    "  auteur render SCRIPT --variations N -o DIR\n"
    "      N seeded variations (seeds S..S+N-1): DIR/variation-K.mp4, its\n"
    "      plan, what it changed, and DIR/contact-sheet.png shot by shot\n"
    "  auteur export SCRIPT --shot N [--at SECONDS] -o SHOT.glb\n"
    "      write shot N as glTF 2.0 binary: the world at SECONDS (default\n"
    "      0), the camera and its move, the sun and lamps (docs/gltf.md)\n"
    "  auteur lint SCRIPT [--fix [-o FIXED.fountain]]\n"
    "      check the director's shots: line crossings, jump cuts, headroom,\n"
    "      joint cuts, tangents, impossible framing or moves; each with a\n"
    "      fix. --fix writes a copy with the fixed notes (default\n"
    "      SCRIPT.fixed.fountain beside it); exit 0 when the copy is clean\n"
    "  auteur plan|render|still|export -p \"PROMPT\" ...\n"
    "      a one-line prompt instead of a SCRIPT, e.g. -p \"a lone rider\n"
    "      crosses the desert at golden hour, wide, slow dolly in, 15s\"\n"
    "  auteur --help | --version\n"
    "\n"
    "options:\n"
    "  --size WxH       frame size in pixels (default 1280 wide at the\n"
    "                   script's Aspect:, else 1280x536, 2.39:1)\n"
    "  --fps N          frames per second (default 24)\n"
    "  --seed N         seed for every choice auteur makes (default: the\n"
    "                   script's Seed:, else 1)\n"
    "  --samples N      path-traced samples per pixel (default 1; from 4\n"
    "                   up, each pixel stops early once clean)\n"
    "  --preview        fast preview: 1 sample of direct light (videos\n"
    "                   traced at 2/5 size and scaled up)\n"
    "  --as-in-film     still: trace the shot's 10 frames before too, so\n"
    "                   the still has the video's temporal accumulation\n"
    "  --clamp X        firefly clamp: the most linear radiance a path\n"
    "                   brings by two or more bounces (default 0: 8 at\n"
    "                   the lighting's exposure; 1e30 turns it off)\n"
    "  --threads N      render threads (default: all cores)\n"
    "  --duration S     render only the first S seconds (render)\n"
    "  --tonemap T      tone curve: filmic (default), aces or agx\n"
    "  --wb KELVIN      white balance for a light of KELVIN (1000..40000),\n"
    "                   e.g. 3200; default daylight, so tungsten looks warm\n"
    "  --exposure EV    add EV stops to the exposure (-16..16)\n"
    "  --meter M        meter each frame to grey: average or center\n"
    "  --grain N        film grain strength, 0 (none) to 1 (heavy)\n"
    "  --bloom N, --halation N, --aberration N\n"
    "                   lens glow, red halo round highlights, colour\n"
    "                   fringes at the edges; each 0 to 1\n"
    "  --lut FILE.cube  apply a 3D LUT (.cube) after the grade; a bad\n"
    "                   file exits 2 with FILE:LINE:COL\n"
    "  --reframe A      still: crop to aspect A (9:16, 1:1, 2.39:1, ...)\n"
    "                   round the shot's subject; render: frame every\n"
    "                   shot again for A (1280 on the longer side)\n"
    "  --letterbox A    still: letterbox or pillarbox into aspect A\n"
    "  -q, --quiet      no progress bar\n"
    "\n"
    "exit codes:\n"
    "  0 success, 1 usage error, 2 bad script, 3 input/output error,\n"
    "  4 internal error or out of memory, 5 lint found problems,\n"
    "  6 canceled\n";

static const char *prog = "auteur";

static void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "%s: error: ", prog);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, " (see 'auteur --help')\n");
}

static void print_diag(void *user, const AuDiagnostic *d)
{
    (void)user;
    const char *sev = d->severity == AU_SEVERITY_ERROR     ? "error"
                      : d->severity == AU_SEVERITY_WARNING ? "warning"
                                                           : "note";
    if (d->loc.file && d->loc.line)
        fprintf(stderr, "%s:%u:%u: %s: %s\n", d->loc.file,
                (unsigned)d->loc.line, (unsigned)d->loc.col, sev, d->text);
    else if (d->loc.file)
        fprintf(stderr, "%s: %s: %s\n", d->loc.file, sev, d->text);
    else
        fprintf(stderr, "%s: %s: %s\n", prog, sev, d->text);
}

static int exit_code(AuStatus st)
{
    switch (st) {
    case AU_OK:
        return 0;
    case AU_EINVAL:
        return EXIT_USAGE;
    case AU_ESYNTAX:
        return EXIT_SCRIPT;
    case AU_EIO:
        return EXIT_IO;
    case AU_ECANCELED:
        return EXIT_CANCELED;
    default:
        return EXIT_INTERNAL;
    }
}

typedef struct Progress {
    int enabled;
    double start_s;
    int drawn;
} Progress;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int draw_progress(void *user, uint64_t done, uint64_t total)
{
    Progress *p = user;
    if (!p->enabled || total == 0)
        return 0;
    double frac = (double)done / (double)total;
    int width = 30, fill = (int)(frac * width);
    char bar[31];
    for (int i = 0; i < width; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[width] = '\0';
    double elapsed = now_s() - p->start_s;
    char eta[32] = "--:--";
    if (done > 0) {
        double left = elapsed / (double)done * (double)(total - done);
        int s = (int)(left + 0.5);
        snprintf(eta, sizeof eta, "%d:%02d", s / 60, s % 60);
    }
    fprintf(stderr, "\r[%s] %3d%% %llu/%llu frames  ETA %s ", bar,
            (int)(frac * 100.0), (unsigned long long)done,
            (unsigned long long)total, eta);
    p->drawn = 1;
    if (done == total)
        fprintf(stderr, "\n");
    return 0;
}

typedef struct Args {
    const char *command;
    const char *script;
    const char *prompt;
    const char *format;
    int size_given;
    int seed_given;
    long variations;
    const char *out;
    const char *passes;
    long shot;
    double at_s;
    int quiet;
    int threads;
    int fix;
    AuRenderOptions opts;
} Args;

static int parse_long(const char *s, long lo, long hi, long *out)
{
    if (!s || !*s)
        return -1;
    char *end = NULL;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static int parse_double(const char *s, double *out)
{
    if (!s || !*s)
        return -1;
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

static int parse_size(const char *s, int *w, int *h)
{
    const char *x = s ? strchr(s, 'x') : NULL;
    if (!x || x == s)
        return -1;
    char wbuf[16];
    size_t n = (size_t)(x - s);
    if (n >= sizeof wbuf)
        return -1;
    memcpy(wbuf, s, n);
    wbuf[n] = '\0';
    long lw, lh;
    if (parse_long(wbuf, 0, 1000000, &lw) || parse_long(x + 1, 0, 1000000, &lh))
        return -1;
    *w = (int)lw;
    *h = (int)lh;
    return 0;
}

// Reads "W:H" or a plain ratio ("2.39") as width / height, 0.2 to 5.
static int parse_aspect(const char *s, double *out)
{
    char buf[32];
    const char *colon = s ? strchr(s, ':') : NULL;
    double w, h = 1.0;
    if (colon) {
        size_t n = (size_t)(colon - s);
        if (n >= sizeof buf)
            return -1;
        memcpy(buf, s, n);
        buf[n] = '\0';
        if (parse_double(buf, &w) || parse_double(colon + 1, &h))
            return -1;
    } else if (parse_double(s, &w)) {
        return -1;
    }
    if (!(h > 0.0) || !(w / h >= 0.2 && w / h <= 5.0))
        return -1;
    *out = w / h;
    return 0;
}

// Returns 0, or an exit code after printing why the arguments are wrong.
static int parse_args(int argc, char **argv, Args *a)
{
    memset(a, 0, sizeof *a);
    au_render_options_default(&a->opts);
    a->shot = -1;
    a->command = argv[1];
    for (int i = 2; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        long l;
        if (strcmp(arg, "-o") == 0 || strcmp(arg, "--output") == 0) {
            if (!val)
                goto missing;
            a->out = val;
            i++;
        } else if (strcmp(arg, "--size") == 0) {
            a->size_given = 1;
            if (parse_size(val, &a->opts.width, &a->opts.height)) {
                usage_error("--size wants WIDTHxHEIGHT, e.g. 1280x536, not "
                            "'%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            i++;
        } else if (strcmp(arg, "--fps") == 0) {
            if (parse_double(val, &a->opts.fps)) {
                usage_error("--fps wants a number, not '%s'", val ? val : "");
                return EXIT_USAGE;
            }
            i++;
        } else if (strcmp(arg, "-p") == 0 || strcmp(arg, "--prompt") == 0) {
            if (!val)
                goto missing;
            a->prompt = val;
            i++;
        } else if (strcmp(arg, "--format") == 0) {
            if (!val ||
                (strcmp(val, "json") != 0 && strcmp(val, "text") != 0)) {
                usage_error("--format wants 'json' or 'text', not '%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            a->format = val;
            i++;
        } else if (strcmp(arg, "--seed") == 0) {
            a->seed_given = 1;
            char *end = NULL;
            errno = 0;
            if (!val || !*val || *val == '-' ||
                (a->opts.seed = strtoull(val, &end, 10), errno || *end)) {
                usage_error("--seed wants a whole number from 0 to "
                            "18446744073709551615, not '%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            i++;
        } else if (strcmp(arg, "--samples") == 0) {
            if (parse_long(val, 1, 4096, &l)) {
                usage_error("--samples wants a number from 1 to 4096, not "
                            "'%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            a->opts.samples = (int)l;
            i++;
        } else if (strcmp(arg, "--clamp") == 0) {
            if (parse_double(val, &a->opts.clamp) || !(a->opts.clamp >= 0.0) ||
                a->opts.clamp > 1e30) {
                usage_error("--clamp wants a radiance from 0 to 1e30, not "
                            "'%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            i++;
        } else if (strcmp(arg, "--threads") == 0) {
            if (parse_long(val, 0, 256, &l)) {
                usage_error("--threads wants a number from 0 to 256, not '%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            a->threads = (int)l;
            i++;
        } else if (strcmp(arg, "--duration") == 0) {
            if (parse_double(val, &a->opts.max_seconds) ||
                a->opts.max_seconds <= 0.0) {
                usage_error("--duration wants seconds above 0, not '%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            i++;
        } else if (strcmp(arg, "--shot") == 0) {
            if (parse_long(val, 1, 1000000, &a->shot)) {
                usage_error("--shot wants a shot number from 1, not '%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            i++;
        } else if (strcmp(arg, "--at") == 0) {
            if (parse_double(val, &a->at_s) || a->at_s < 0.0) {
                usage_error("--at wants seconds from 0, not '%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            i++;
        } else if (strcmp(arg, "--variations") == 0) {
            if (parse_long(val, 1, 64, &a->variations)) {
                usage_error("--variations wants a number from 1 to 64, not "
                            "'%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            i++;
        } else if (strcmp(arg, "--passes") == 0) {
            if (!val)
                goto missing;
            a->passes = val;
            i++;
        } else if (strcmp(arg, "--tonemap") == 0) {
            static const char *const names[] = { "filmic", "aces", "agx" };
            int k = 0;
            while (k < 3 && !(val && strcmp(val, names[k]) == 0))
                k++;
            if (k == 3) {
                usage_error("--tonemap wants filmic, aces or agx, not '%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            a->opts.tonemap = k;
            i++;
        } else if (strcmp(arg, "--wb") == 0) {
            // "3200" and "3200K" both read as kelvin.
            char kbuf[32] = "";
            size_t n = val ? strlen(val) : 0;
            if (n > 1 && (val[n - 1] == 'K' || val[n - 1] == 'k'))
                n--;
            if (val && n < sizeof kbuf) {
                memcpy(kbuf, val, n);
                kbuf[n] = '\0';
            }
            if (parse_double(kbuf, &a->opts.white_balance_k) ||
                a->opts.white_balance_k < 1000.0 ||
                a->opts.white_balance_k > 40000.0) {
                usage_error("--wb wants a colour temperature from 1000 to "
                            "40000 kelvin, e.g. 3200, not '%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            i++;
        } else if (strcmp(arg, "--grain") == 0 || strcmp(arg, "--bloom") == 0 ||
                   strcmp(arg, "--halation") == 0 ||
                   strcmp(arg, "--aberration") == 0) {
            double *dst = arg[2] == 'g'   ? &a->opts.grain
                          : arg[2] == 'b' ? &a->opts.bloom
                          : arg[2] == 'h' ? &a->opts.halation
                                          : &a->opts.aberration;
            if (parse_double(val, dst) || *dst < 0.0 || *dst > 1.0) {
                char fmt[80];
                snprintf(fmt, sizeof fmt,
                         "%s wants a strength from 0 to 1, not '%%s'", arg);
                usage_error(fmt, val ? val : "");
                return EXIT_USAGE;
            }
            i++;
        } else if (strcmp(arg, "--exposure") == 0) {
            if (parse_double(val, &a->opts.exposure_ev) ||
                a->opts.exposure_ev < -16.0 || a->opts.exposure_ev > 16.0) {
                usage_error("--exposure wants stops from -16 to 16, not '%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            i++;
        } else if (strcmp(arg, "--meter") == 0) {
            if (val && strcmp(val, "average") == 0)
                a->opts.auto_exposure = AU_METER_AVERAGE;
            else if (val && strcmp(val, "center") == 0)
                a->opts.auto_exposure = AU_METER_CENTER;
            else {
                usage_error("--meter wants 'average' or 'center', not '%s'",
                            val ? val : "");
                return EXIT_USAGE;
            }
            i++;
        } else if (strcmp(arg, "--reframe") == 0 ||
                   strcmp(arg, "--letterbox") == 0) {
            if (parse_aspect(val, &a->opts.reframe_aspect)) {
                char fmt[96];
                snprintf(fmt, sizeof fmt,
                         "%s wants an aspect such as 2.39:1, 1.85:1, 16:9, "
                         "9:16 or 1:1, not '%%s'",
                         arg);
                usage_error(fmt, val ? val : "");
                return EXIT_USAGE;
            }
            a->opts.reframe_letterbox = strcmp(arg, "--letterbox") == 0;
            i++;
        } else if (strcmp(arg, "--lut") == 0) {
            if (!val)
                goto missing;
            a->opts.lut_path = val;
            i++;
        } else if (strcmp(arg, "--preview") == 0) {
            a->opts.preview = 1;
        } else if (strcmp(arg, "--as-in-film") == 0) {
            a->opts.as_in_film = 1;
        } else if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0) {
            a->quiet = 1;
        } else if (strcmp(arg, "--fix") == 0) {
            a->fix = 1;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            usage_error("unknown option '%s'", arg);
            return EXIT_USAGE;
        } else if (!a->script) {
            a->script = arg;
        } else {
            usage_error("unexpected argument '%s'", arg);
            return EXIT_USAGE;
        }
        continue;
    missing:
        usage_error("option '%s' needs a value", arg);
        return EXIT_USAGE;
    }
    if (!a->script && !a->prompt) {
        usage_error("'%s' needs a SCRIPT or -p \"PROMPT\"", a->command);
        return EXIT_USAGE;
    }
    if (a->script && a->prompt) {
        usage_error("give a SCRIPT or -p \"PROMPT\", not both (%s)", a->script);
        return EXIT_USAGE;
    }
    return 0;
}

static int write_text(const char *path, const char *text)
{
    // Written beside the target and renamed, so no partial file is left.
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f || fputs(text, f) < 0 || fputc('\n', f) == EOF) {
        fprintf(stderr, "%s: error: cannot write: %s\n", path, strerror(errno));
        if (f)
            fclose(f);
        remove(tmp);
        return EXIT_IO;
    }
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "%s: error: cannot write: %s\n", path, strerror(errno));
        remove(tmp);
        return EXIT_IO;
    }
    return 0;
}

enum {
    MAX_VARIATIONS = 64,
    MAX_SHEET_SHOTS = 48
};

// Renders a->variations seeded variations of the film into the directory
// a->out, each with its plan and what it changed against the first, and a
// contact sheet comparing them shot by shot.
static int run_variations(Args *a, AuContext *ctx, Progress *progress)
{
    int rc = 0;
    AuStatus st = AU_OK;
    AuProject *projects[MAX_VARIATIONS] = { 0 };
    uint8_t *tiles[MAX_VARIATIONS * MAX_SHEET_SHOTS] = { 0 };
    char row_text[MAX_VARIATIONS][32];
    const char *rows[MAX_VARIATIONS];
    char col_text[MAX_SHEET_SHOTS][32];
    const char *cols[MAX_SHEET_SHOTS];
    char path[4200];
    if (mkdir(a->out, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "%s: error: cannot create the directory: %s\n", a->out,
                strerror(errno));
        return EXIT_IO;
    }
    uint64_t base = a->opts.seed;
    size_t shots = MAX_SHEET_SHOTS;
    int n = (int)a->variations;
    for (int k = 0; k < n && rc == 0; k++) {
        au_context_set_seed(ctx, base + (uint64_t)k);
        st = a->prompt ? au_project_load_prompt(ctx, a->prompt, &projects[k])
                       : au_project_load_file(ctx, a->script, &projects[k]);
        if (st != AU_OK) {
            rc = exit_code(st);
            break;
        }
        AuRenderOptions o = a->opts;
        o.seed = base + (uint64_t)k;
        snprintf(path, sizeof path, "%s/variation-%d.mp4", a->out, k + 1);
        progress->start_s = now_s();
        st = au_render_video(ctx, projects[k], &o, path, NULL);
        if (st != AU_OK) {
            rc = exit_code(st);
            break;
        }
        char *text = NULL;
        st = au_project_plan_json(projects[k], &text);
        snprintf(path, sizeof path, "%s/variation-%d.json", a->out, k + 1);
        rc = st == AU_OK ? write_text(path, text) : exit_code(st);
        au_string_free(&text);
        if (rc == 0) {
            st = au_project_compare(projects[0], projects[k], &text);
            snprintf(path, sizeof path, "%s/variation-%d-changes.json", a->out,
                     k + 1);
            rc = st == AU_OK ? write_text(path, text) : exit_code(st);
            au_string_free(&text);
        }
        size_t c = au_project_shot_count(projects[k]);
        shots = c < shots ? c : shots;
        snprintf(row_text[k], sizeof row_text[k], "seed %llu",
                 (unsigned long long)o.seed);
        rows[k] = row_text[k];
        if (!a->quiet)
            fprintf(stderr, "%s/variation-%d.mp4: seed %llu\n", a->out, k + 1,
                    (unsigned long long)o.seed);
    }
    // The sheet: the middle of every shot, small, at preview quality.
    AuRenderOptions t = a->opts;
    t.width = 256;
    t.height = (int)lround(256.0 / au_project_aspect(projects[0]) / 2.0) * 2;
    t.height = t.height < 16 ? 16 : t.height;
    t.preview = 1;
    for (int k = 0; k < n && rc == 0; k++) {
        for (size_t i = 0; i < shots && rc == 0; i++) {
            double start, dur;
            au_project_shot_time(projects[k], i, &start, &dur);
            uint8_t *px = malloc((size_t)t.width * (size_t)t.height * 3);
            if (!px) {
                rc = EXIT_INTERNAL;
                break;
            }
            tiles[(size_t)k * shots + i] = px;
            t.seed = base + (uint64_t)k;
            st = au_render_frame(ctx, projects[k], &t, i, dur / 2.0, px);
            if (st != AU_OK)
                rc = exit_code(st);
        }
    }
    for (size_t i = 0; i < shots; i++) {
        snprintf(col_text[i], sizeof col_text[i], "shot %zu", i + 1);
        cols[i] = col_text[i];
    }
    if (rc == 0) {
        snprintf(path, sizeof path, "%s/contact-sheet.png", a->out);
        st = au_contact_sheet_write(ctx, path, (int)shots, n, t.width, t.height,
                                    (const uint8_t *const *)tiles, rows, cols);
        rc = exit_code(st);
        if (rc == 0 && !a->quiet)
            fprintf(stderr, "%s: %d variations, %zu shots each\n", path, n,
                    shots);
    }
    for (size_t i = 0; i < (size_t)n * shots; i++)
        free(tiles[i]);
    for (int k = 0; k < n; k++)
        au_project_free(&projects[k]);
    return rc;
}

static int run(Args *a)
{
    int rc = 0;
    AuContext *ctx = NULL;
    AuProject *project = NULL;
    Progress progress = { 0, 0.0, 0 };
    if (au_context_new(NULL, &ctx) != AU_OK) {
        fprintf(stderr, "%s: error: out of memory\n", prog);
        return EXIT_INTERNAL;
    }
    au_context_set_diag(ctx, print_diag, NULL);
    au_context_set_threads(ctx, a->threads);
    if (a->seed_given)
        au_context_set_seed(ctx, a->opts.seed);
    progress.enabled = !a->quiet && isatty(STDERR_FILENO);
    progress.start_s = now_s();
    au_context_set_progress(ctx, draw_progress, &progress);

    if (a->variations) {
        rc = run_variations(a, ctx, &progress);
        au_context_free(&ctx);
        return rc;
    }
    AuStatus st = a->prompt ? au_project_load_prompt(ctx, a->prompt, &project)
                            : au_project_load_file(ctx, a->script, &project);
    if (st != AU_OK) {
        rc = exit_code(st);
        goto done;
    }
    // The script's title page sets defaults the command line overrides.
    if (!a->seed_given)
        a->opts.seed = au_project_seed(project);
    if (!a->size_given) {
        int h =
            (int)lround(a->opts.width / au_project_aspect(project) / 2.0) * 2;
        a->opts.height = h < 16 ? 16 : h;
    }
    if (strcmp(a->command, "plan") == 0) {
        char *json = NULL;
        st = a->format && strcmp(a->format, "text") == 0
                 ? au_project_plan_text(project, &json)
                 : au_project_plan_json(project, &json);
        if (st == AU_OK) {
            if (fputs(json, stdout) < 0 || fputc('\n', stdout) == EOF ||
                fflush(stdout) != 0) {
                fprintf(stderr, "%s: error: cannot write the plan: %s\n", prog,
                        strerror(errno));
                st = AU_EIO;
            }
            au_string_free(&json);
        }
    } else if (strcmp(a->command, "lint") == 0 && a->fix) {
        char fixed_path[4096];
        const char *out = a->out;
        if (!out) {
            const char *dot = strrchr(a->script, '.');
            const char *slash = strrchr(a->script, '/');
            int stem = dot && (!slash || dot > slash) ? (int)(dot - a->script)
                                                      : (int)strlen(a->script);
            int n = snprintf(fixed_path, sizeof fixed_path,
                             "%.*s.fixed.fountain", stem, a->script);
            if (n < 0 || (size_t)n >= sizeof fixed_path) {
                usage_error("path too long: '%s'", a->script);
                rc = EXIT_USAGE;
                goto done;
            }
            out = fixed_path;
        }
        size_t problems = 0, fixed = 0, left = 0;
        st = au_project_lint_fix(ctx, project, out, &problems, &fixed, &left);
        if (st == AU_OK) {
            fprintf(stderr, "%s: %zu problem%s, %zu fixed in %s", a->script,
                    problems, problems == 1 ? "" : "s", fixed, out);
            if (left)
                fprintf(stderr, ", %zu left for you", left);
            fputc('\n', stderr);
            if (left) {
                rc = EXIT_PROBLEMS;
                goto done;
            }
        }
    } else if (strcmp(a->command, "lint") == 0) {
        size_t problems = 0;
        st = au_project_lint(ctx, project, &problems);
        if (st == AU_OK && problems) {
            fprintf(stderr, "%s: %zu problem%s\n",
                    a->script ? a->script : "prompt", problems,
                    problems == 1 ? "" : "s");
            rc = EXIT_PROBLEMS;
            goto done;
        }
    } else if (strcmp(a->command, "render") == 0) {
        AuRenderStats stats;
        st = au_render_video(ctx, project, &a->opts, a->out, &stats);
        if (st == AU_OK && !a->quiet)
            fprintf(stderr,
                    "%s: %llu frames in %.1f s (%.3f s/frame, %.1f Mrays/s)\n",
                    a->out, (unsigned long long)stats.frames, stats.total_s,
                    stats.frames ? stats.total_s / (double)stats.frames : 0.0,
                    stats.render_s > 0
                        ? (double)stats.rays / stats.render_s / 1e6
                        : 0.0);
    } else if (strcmp(a->command, "export") == 0) {
        st = au_export_gltf(ctx, project, &a->opts, (size_t)(a->shot - 1),
                            a->at_s, a->out);
    } else {
        progress.enabled = 0;
        st = au_render_still(ctx, project, &a->opts, (size_t)(a->shot - 1),
                             a->at_s, a->out, a->passes, NULL);
    }
    rc = exit_code(st);
done:
    if (progress.drawn && st != AU_OK)
        fputc('\n', stderr);
    au_project_free(&project);
    au_context_free(&ctx);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: auteur plan|render|still SCRIPT [options]\n"
                        "(see 'auteur --help')\n");
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("auteur %s\n", au_version());
        return 0;
    }
    if (strcmp(argv[1], "plan") != 0 && strcmp(argv[1], "render") != 0 &&
        strcmp(argv[1], "still") != 0 && strcmp(argv[1], "lint") != 0 &&
        strcmp(argv[1], "export") != 0) {
        usage_error("unknown command '%s'", argv[1]);
        return EXIT_USAGE;
    }
    Args a;
    int rc = parse_args(argc, argv, &a);
    if (rc)
        return rc;
    if (strcmp(a.command, "plan") != 0 && strcmp(a.command, "lint") != 0 &&
        !a.out) {
        usage_error("'%s' needs an output: -o PATH", a.command);
        return EXIT_USAGE;
    }
    if (a.fix && (strcmp(a.command, "lint") != 0 || !a.script)) {
        usage_error("--fix is for 'lint SCRIPT', not '%s'", a.command);
        return EXIT_USAGE;
    }
    if (a.variations && strcmp(a.command, "render") != 0) {
        usage_error("--variations is for 'render', not '%s'", a.command);
        return EXIT_USAGE;
    }
    if (strcmp(a.command, "render") == 0 && a.opts.reframe_aspect > 0.0) {
        if (a.opts.reframe_letterbox) {
            usage_error("--letterbox is for 'still'; to deliver a film in "
                        "another aspect, %s",
                        "reframe it: --reframe 9:16");
            return EXIT_USAGE;
        }
        // A film is reframed by framing every shot again for the new
        // aspect, which keeps each subject placed by the rules instead of
        // cropping round it: 1280 on the longer side, even sizes.
        if (!a.size_given) {
            double ar = a.opts.reframe_aspect;
            a.opts.width =
                ar >= 1.0 ? 1280 : (int)lround(1280.0 * ar / 2.0) * 2;
            a.opts.height =
                ar >= 1.0 ? (int)lround(1280.0 / ar / 2.0) * 2 : 1280;
            a.size_given = 1;
        }
        a.opts.reframe_aspect = 0.0;
    }
    if ((strcmp(a.command, "still") == 0 || strcmp(a.command, "export") == 0) &&
        a.shot < 1) {
        usage_error("'%s' needs --shot N (shots are numbered from 1)",
                    a.command);
        return EXIT_USAGE;
    }
    return run(&a);
}
