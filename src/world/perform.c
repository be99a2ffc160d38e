/* world/perform.c: performance from action lines, part of world/. Reads
 * who enters, sits, walks, drinks or hands what to whom, times it by where
 * the line sits between the scene's dialogue shots, and works out where
 * each character is and how their legs and arms move at one moment. */
#include <ctype.h>
#include <string.h>

#include "world_internal.h"

#define TOKS 96

static const struct {
    const char *w;
    WorldVerb v;
} verbs[] = {
    { "enters", WORLD_VERB_ENTER },  { "enter", WORLD_VERB_ENTER },
    { "arrives", WORLD_VERB_ENTER }, { "climbs", WORLD_VERB_ENTER },
    { "exits", WORLD_VERB_EXIT },    { "exit", WORLD_VERB_EXIT },
    { "leaves", WORLD_VERB_EXIT },   { "sits", WORLD_VERB_SIT },
    { "sit", WORLD_VERB_SIT },       { "stands", WORLD_VERB_STAND },
    { "stand", WORLD_VERB_STAND },   { "rises", WORLD_VERB_STAND },
    { "walks", WORLD_VERB_WALK },    { "walk", WORLD_VERB_WALK },
    { "crosses", WORLD_VERB_WALK },  { "goes", WORLD_VERB_WALK },
    { "steps", WORLD_VERB_WALK },    { "approaches", WORLD_VERB_WALK },
    { "runs", WORLD_VERB_RUN },      { "run", WORLD_VERB_RUN },
    { "rushes", WORLD_VERB_RUN },    { "turns", WORLD_VERB_TURN },
    { "turn", WORLD_VERB_TURN },     { "looks", WORLD_VERB_LOOK },
    { "look", WORLD_VERB_LOOK },     { "glances", WORLD_VERB_LOOK },
    { "stares", WORLD_VERB_LOOK },   { "watches", WORLD_VERB_LOOK },
    { "drinks", WORLD_VERB_DRINK },  { "drink", WORLD_VERB_DRINK },
    { "sips", WORLD_VERB_DRINK },    { "picks", WORLD_VERB_PICK },
    { "grabs", WORLD_VERB_PICK },    { "takes", WORLD_VERB_PICK },
    { "lifts", WORLD_VERB_PICK },    { "hands", WORLD_VERB_HAND },
    { "gives", WORLD_VERB_HAND },    { "passes", WORLD_VERB_HAND },
    { "falls", WORLD_VERB_FALL },    { "collapses", WORLD_VERB_FALL },
    { "hits", WORLD_VERB_HIT },      { "punches", WORLD_VERB_HIT },
    { "slaps", WORLD_VERB_HIT },     { "strikes", WORLD_VERB_HIT },
};

// Words that may follow walks or runs: "runs a thumb down" is no run.
static bool is_motion_word(const char *w)
{
    static const char *const ok[] = { "to",    "toward", "towards", "into",
                                      "over",  "across", "out",     "off",
                                      "away",  "in",     "up",      "back",
                                      "after", "inside", "outside", "down" };
    for (size_t i = 0; i < BASE_ARRAY_LEN(ok); i++) {
        if (strcmp(w, ok[i]) == 0)
            return true;
    }
    return false;
}

// The figure token @p i names (all words of the cast name), or SIZE_MAX.
static size_t figure_at(const Production *prod, const WorldFigure *figures,
                        size_t nf, const WorldWord *t, size_t n, size_t i,
                        size_t *span)
{
    for (size_t f = 0; f < nf; f++) {
        const char *p = prod->cast[figures[f].cast_index].name;
        size_t k = i;
        bool ok = p != NULL;
        while (ok && *p) {
            while (*p && !isalnum((unsigned char)*p))
                p++;
            if (!*p)
                break;
            const char *q = p;
            while (*q && isalnum((unsigned char)*q))
                q++;
            size_t len = (size_t)(q - p);
            ok = k < n && strlen(t[k].w) == len &&
                 base_strncasecmp(t[k].w, p, len) == 0;
            k++;
            p = q;
        }
        if (ok && k > i) {
            *span = k - i;
            return f;
        }
    }
    return SIZE_MAX;
}

// When the beat of an action line at source line @p line begins and
// ends. A shot the planner gave one line of dialogue speaks it first, so
// the action after it comes at its end; an establishing shot, or a shot
// the director's note set over several lines, plays its lines in order,
// so the beat comes as far into it as the line is between its first line
// and the next shot's (@p last_line: the scene's last action line).
static void line_slot(const Production *prod, size_t scene, uint32_t line,
                      uint32_t last_line, double *a_s, double *b_s)
{
    double lo = INFINITY, hi = -INFINITY;
    const DirectShot *in = NULL;
    // The shot runs to the next shot, or the next scene's heading.
    uint32_t next_line = last_line + 2;
    if (scene + 1 < prod->scene_count &&
        prod->scenes[scene + 1].loc.line > line)
        next_line = prod->scenes[scene + 1].loc.line;
    for (size_t i = 0; i < prod->shot_count; i++) {
        const DirectShot *sh = &prod->shots[i];
        if (sh->scene != scene)
            continue;
        lo = fmin(lo, sh->start_s);
        hi = fmax(hi, sh->start_s + sh->duration_s);
        if (sh->loc.line <= line && (!in || sh->start_s >= in->start_s))
            in = sh;
        if (sh->loc.line > line && sh->loc.line < next_line)
            next_line = sh->loc.line;
    }
    if (!(lo <= hi))
        lo = hi = 0.0;
    double a = lo, b = hi;
    if (in && line > 0) {
        if (in->dialogue && in->set_by == 0) {
            a = in->start_s + in->duration_s;
        } else {
            double f = ((double)line - (double)in->loc.line) /
                       fmax(1.0, (double)next_line - (double)in->loc.line);
            a = in->start_s + in->duration_s * base_clamp(f, 0.0, 1.0);
        }
        for (size_t i = 0; i < prod->shot_count; i++) {
            const DirectShot *sh = &prod->shots[i];
            if (sh->scene == scene && sh->loc.line > line)
                b = fmin(b, sh->start_s);
        }
    }
    *a_s = a;
    *b_s = fmax(a, b);
}

// Reads one line's acts into @p out from @p n; *last is the last named.
static size_t line_acts(const Production *prod, const WorldFigure *figures,
                        size_t nf, const char *line, double t_s, size_t *last,
                        WorldAct *out, size_t n, size_t cap)
{
    WorldWord t[TOKS];
    size_t nt = world_words(line, t, TOKS);
    size_t subj = SIZE_MAX; // SIZE_MAX - 1 is "they": everyone
    // "Tomas and Okafor sit": names joined by "and" act together.
    uint64_t group = 0;
    size_t name_end = SIZE_MAX;
    for (size_t i = 0; i < nt; i++) {
        size_t span = 0;
        size_t f = figure_at(prod, figures, nf, t, nt, i, &span);
        if (f != SIZE_MAX) {
            bool joined = subj != SIZE_MAX && i >= 1 && name_end == i - 1 &&
                          strcmp(t[i - 1].w, "and") == 0;
            if (!joined)
                group = 0;
            if (f < 64)
                group |= (uint64_t)1 << f;
            subj = *last = f;
            i += span - 1;
            name_end = i + 1;
        } else if (strcmp(t[i].w, "he") == 0 || strcmp(t[i].w, "she") == 0) {
            subj = *last;
            group = 0;
        } else if (strcmp(t[i].w, "they") == 0) {
            group = 0;
            subj = nf > 1 ? SIZE_MAX - 1 : *last;
        } else if (subj != SIZE_MAX) {
            for (size_t v = 0; v < BASE_ARRAY_LEN(verbs); v++) {
                if (strcmp(t[i].w, verbs[v].w) != 0)
                    continue;
                WorldAct a = { verbs[v].v, 0,   SIZE_MAX, NULL,
                               SIZE_MAX,   t_s, false };
                bool next_motion =
                    t[i].end || (i + 1 < nt && is_motion_word(t[i + 1].w));
                if ((a.verb == WORLD_VERB_WALK || a.verb == WORLD_VERB_RUN ||
                     strcmp(t[i].w, "climbs") == 0) &&
                    !next_motion)
                    break;
                // The object: the first prop or cast name in the sentence;
                // "to" after a prop names whom it is handed to.
                bool seen_prop = false;
                for (size_t j = i + 1; j < nt && !t[j - 1].end; j++) {
                    size_t sp = 0;
                    size_t g = figure_at(prod, figures, nf, t, nt, j, &sp);
                    if (g != SIZE_MAX) {
                        if (seen_prop && a.verb == WORLD_VERB_HAND)
                            a.to = g;
                        else if (a.fig == SIZE_MAX && !seen_prop)
                            a.fig = g;
                        break;
                    }
                    const WorldPropDef *d = world_prop_word(t[j].w);
                    if (d && !a.prop && a.fig == SIZE_MAX) {
                        a.prop = d;
                        seen_prop = true;
                    }
                }
                if ((a.verb == WORLD_VERB_SIT || a.verb == WORLD_VERB_STAND) &&
                    a.prop && !world_prop_is_seat(a.prop))
                    a.prop = NULL; // "sits at the table": on a chair
                if (a.verb == WORLD_VERB_HAND && a.fig != SIZE_MAX &&
                    a.to == SIZE_MAX) {
                    a.to = a.fig; // "hands Mara the cup"
                    a.fig = SIZE_MAX;
                }
                if ((a.verb == WORLD_VERB_PICK && !a.prop) ||
                    (a.verb == WORLD_VERB_HAND && a.to == SIZE_MAX) ||
                    (a.verb == WORLD_VERB_LOOK && a.fig == SIZE_MAX && !a.prop))
                    break;
                for (size_t w = 0; w < nf && n < cap; w++) {
                    bool in_group =
                        w < 64 && ((group >> w) & 1u) != 0 && group != 0;
                    if (subj != SIZE_MAX - 1 && w != subj && !in_group)
                        continue;
                    a.who = w;
                    a.t_s = t_s + 0.01 * (double)n;
                    out[n++] = a;
                }
                break;
            }
        }
        if (t[i].end) {
            subj = SIZE_MAX;
            group = 0;
        }
    }
    return n;
}

size_t world_acts_read(const Production *prod, size_t scene_index,
                       const WorldFigure *figures, size_t figure_count,
                       WorldAct *out, size_t cap)
{
    const DirectScene *sc = &prod->scenes[scene_index];
    if (!sc->actions || figure_count == 0)
        return 0;
    size_t n = 0, last = SIZE_MAX;
    uint32_t last_line = 0;
    for (size_t i = 0; i < sc->action_count && sc->action_locs; i++)
        last_line = sc->action_locs[i].line > last_line
                        ? sc->action_locs[i].line
                        : last_line;
    for (size_t i = 0; i < sc->action_count; i++) {
        if (!sc->actions[i])
            continue;
        uint32_t line = sc->action_locs ? sc->action_locs[i].line : 0;
        // Lines that share a beat share its time out in order.
        double a, b;
        line_slot(prod, scene_index, line, last_line, &a, &b);
        size_t k = 0, m = 0;
        for (size_t j = 0; j < sc->action_count; j++) {
            double a2 = 0, b2 = 0;
            uint32_t l2 = sc->action_locs ? sc->action_locs[j].line : 0;
            line_slot(prod, scene_index, l2, last_line, &a2, &b2);
            if (a2 == a && b2 == b) {
                k += j < i;
                m++;
            }
        }
        double t = a + (b - a) * (double)k / (double)(m ? m : 1);
        n = line_acts(prod, figures, figure_count, sc->actions[i], t, &last,
                      out, n, cap);
    }
    return n;
}

double world_act_handover_s(const WorldAct *a)
{
    return a->t_s + (a->verb == WORLD_VERB_HAND ? 0.7 : 0.6);
}

/* ---- performing ------------------------------------------------------ */

static double smooth(double u)
{
    u = base_clamp(u, 0.0, 1.0);
    return u * u * (3.0 - 2.0 * u);
}

static double yaw_of(Vec3 d)
{
    return atan2(d.x, d.z);
}

static Vec3 dir_of(double yaw)
{
    return v3(sin(yaw), 0, cos(yaw));
}

// A gait: step length, half the distance a foot stays planted, how high
// a swinging foot lifts, and the pace at full speed.
typedef struct Gait {
    double step_m, stance_m, lift_m, speed_m_s, swing_rad, roll_rad;
} Gait;

static const Gait walk_gait = { 0.62, 0.34, 0.07, 1.3, 0.3, 0.35 };
static const Gait run_gait = { 1.05, 0.25, 0.17, 3.2, 0.65, 0.5 };

// Where foot @p li stands along a straight path of @p len_m when the body
// has come @p d_m: each foot plants at every other step and stays put
// while the body passes over it; *lift gets the swing's height 0..1 and
// *phase how far through the swing it is (0 while planted).
static double foot_along(const Gait *g, int li, double d_m, double len_m,
                         double *lift, double *phase)
{
    double S = g->step_m, a = g->stance_m;
    double prev_c = 0.0, prev_end = li == 0 ? 0.0 : a;
    *lift = 0.0;
    *phase = 0.0;
    for (int k = 1; k < 100000; k++) {
        double c = li == 0 ? S * (2.0 * k - 1.0) : 2.0 * S * k;
        double cc = fmin(c, len_m);
        double s0 = fmin(c - a, len_m);
        if (d_m <= prev_end || prev_end >= len_m)
            return prev_c;
        if (d_m < s0) {
            double f = (d_m - prev_end) / (s0 - prev_end);
            *lift = sin(BASE_PI * f);
            *phase = f;
            return prev_c + (cc - prev_c) * smooth(f);
        }
        prev_c = cc;
        prev_end = c + a;
        if (cc >= len_m)
            return cc;
    }
    return prev_c;
}

// Time for the closing step that brings the trailing foot up.
#define CLOSE_S 0.35
// Time to turn on the spot.
#define TURN_S 0.5

// How long a walk of @p len_m takes at gait @p g.
static double walk_s(const Gait *g, double len_m)
{
    // A smoothstep's peak speed is 1.5 times its mean.
    return len_m > 1e-3 ? fmax(0.5, 1.5 * len_m / g->speed_m_s) + CLOSE_S : 0.0;
}

/* ---- paths round the furniture --------------------------------------- */

// Most corners one walk's path has, its ends included.
#define PATH_MAX 6
// How far a walker's middle keeps from a box: half a body's width.
#define PATH_CLEAR_M 0.3

typedef struct Path {
    Vec3 p[PATH_MAX];
    size_t n;
    double len_m;
} Path;

// The floor rectangle of a box, grown by @p m.
typedef struct Rect {
    double x0, z0, x1, z1;
} Rect;

// How far outside rectangle @p r point @p p lies (0 inside it).
static double rect_out(Rect r, Vec3 p)
{
    double dx = fmax(fmax(r.x0 - p.x, p.x - r.x1), 0.0);
    double dz = fmax(fmax(r.z0 - p.z, p.z - r.z1), 0.0);
    return hypot(dx, dz);
}

// Where segment a-b enters the open rectangle @p r, as a fraction of
// its length, or a negative number when it misses.
static double rect_hit(Rect r, Vec3 a, Vec3 b)
{
    double t0 = 0.0, t1 = 1.0;
    const double d[2] = { b.x - a.x, b.z - a.z };
    const double o[2] = { a.x, a.z };
    const double lo[2] = { r.x0, r.z0 }, hi[2] = { r.x1, r.z1 };
    for (int k = 0; k < 2; k++) {
        if (fabs(d[k]) < 1e-12) {
            if (o[k] <= lo[k] || o[k] >= hi[k])
                return -1.0;
            continue;
        }
        double ta = (lo[k] - o[k]) / d[k], tb = (hi[k] - o[k]) / d[k];
        if (ta > tb) {
            double x = ta;
            ta = tb;
            tb = x;
        }
        t0 = fmax(t0, ta);
        t1 = fmin(t1, tb);
    }
    return t1 - t0 > 1e-9 ? t0 : -1.0;
}

static double flat_len(Vec3 a, Vec3 b)
{
    return hypot(b.x - a.x, b.z - a.z);
}

// The obstacles between @p from and @p to: every prop standing on its
// own (not in a hand), grown by half a body, or less when an end of the
// walk is nearer (the seat walked to, the chair stood up from).
static size_t path_obstacles(const WorldProp *props, size_t np, Vec3 from,
                             Vec3 to, Rect *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < np && n < cap; i++) {
        if (props[i].held_by != SIZE_MAX)
            continue;
        Vec3 c = props[i].center, h = props[i].half_extent;
        Rect raw = { c.x - h.x, c.z - h.z, c.x + h.x, c.z + h.z };
        double m = fmin(PATH_CLEAR_M,
                        fmin(rect_out(raw, from), rect_out(raw, to)) - 0.02);
        if (m <= 0.0)
            continue;
        Rect r = { raw.x0 - m, raw.z0 - m, raw.x1 + m, raw.z1 + m };
        out[n++] = r;
    }
    return n;
}

// The first obstacle segment a-b runs into, or SIZE_MAX.
static size_t first_hit(const Rect *r, size_t nr, Vec3 a, Vec3 b)
{
    size_t best = SIZE_MAX;
    double best_t = INFINITY;
    for (size_t i = 0; i < nr; i++) {
        double t = rect_hit(r[i], a, b);
        if (t >= 0.0 && t < best_t) {
            best_t = t;
            best = i;
        }
    }
    return best;
}

// A walk from @p from to @p to that goes round the props in its way:
// where a leg crosses one, it turns at the corners of its grown box,
// taking the shortest way that stays clear of every box.
static void path_plan(Vec3 from, Vec3 to, const WorldProp *props, size_t np,
                      Path *out)
{
    Rect r[WORLD_PROP_WANT_MAX * 2];
    size_t nr = path_obstacles(props, np, from, to, r, BASE_ARRAY_LEN(r));
    out->p[0] = v3(from.x, 0, from.z);
    out->p[1] = v3(to.x, 0, to.z);
    out->n = 2;
    for (int round = 0; round < 2 && out->n + 2 <= PATH_MAX; round++) {
        size_t leg = SIZE_MAX, ob = SIZE_MAX;
        for (size_t i = 0; i + 1 < out->n && leg == SIZE_MAX; i++) {
            ob = first_hit(r, nr, out->p[i], out->p[i + 1]);
            if (ob != SIZE_MAX)
                leg = i;
        }
        if (leg == SIZE_MAX)
            break;
        Vec3 a = out->p[leg], b = out->p[leg + 1];
        const double e = 0.03;
        const Rect q = r[ob];
        Vec3 c[4] = { v3(q.x0 - e, 0, q.z0 - e), v3(q.x1 + e, 0, q.z0 - e),
                      v3(q.x1 + e, 0, q.z1 + e), v3(q.x0 - e, 0, q.z1 + e) };
        // One corner, or two neighbouring ones, whichever is shorter and
        // clear.
        double best = INFINITY;
        Vec3 via[2] = { a, a };
        size_t via_n = 0;
        for (size_t k = 0; k < 4; k++) {
            for (int v = 0; v < 3; v++) {
                size_t k2 = v == 1 ? (k + 1) % 4 : (k + 3) % 4;
                Vec3 pts[4] = { a, c[k], v ? c[k2] : b, b };
                size_t m = v ? 4 : 3;
                double len = 0.0;
                bool clear = true;
                for (size_t j = 0; j + 1 < m && clear; j++) {
                    len += flat_len(pts[j], pts[j + 1]);
                    clear = first_hit(r, nr, pts[j], pts[j + 1]) == SIZE_MAX;
                }
                if (clear && len < best) {
                    best = len;
                    via[0] = c[k];
                    via[1] = c[k2];
                    via_n = v ? 2 : 1;
                }
            }
        }
        if (via_n == 0)
            break; // boxed in: walk straight, as before
        for (size_t j = out->n; j-- > leg + 1;)
            out->p[j + via_n] = out->p[j];
        for (size_t j = 0; j < via_n; j++)
            out->p[leg + 1 + j] = via[j];
        out->n += via_n;
    }
    out->len_m = 0.0;
    for (size_t i = 0; i + 1 < out->n; i++)
        out->len_m += flat_len(out->p[i], out->p[i + 1]);
}

// The point @p d_m along path @p pa.
static Vec3 path_at(const Path *pa, double d_m)
{
    for (size_t i = 0; i + 1 < pa->n; i++) {
        double l = flat_len(pa->p[i], pa->p[i + 1]);
        if (d_m <= l || i + 2 == pa->n) {
            double f = l > 1e-9 ? base_clamp(d_m / l, 0.0, 1.0) : 1.0;
            return v3_lerp(pa->p[i], pa->p[i + 1], f);
        }
        d_m -= l;
    }
    return pa->p[pa->n - 1];
}

// The way path @p pa runs at @p d_m, over a stretch of body length so a
// corner is a turn, not a snap.
static Vec3 path_dir(const Path *pa, double d_m, Vec3 fallback)
{
    Vec3 a = path_at(pa, fmax(0.0, d_m - 0.3));
    Vec3 b = path_at(pa, fmin(pa->len_m, d_m + 0.3));
    Vec3 d = v3_sub(b, a);
    double l = hypot(d.x, d.z);
    return l > 1e-6 ? v3_scale(v3(d.x, 0, d.z), 1.0 / l) : fallback;
}

// The pose of a walk along @p pa, @p u_s into it.
static void walk_pose(const Gait *g, const Path *pa, double u_s, WorldPerf *o)
{
    double len = pa->len_m;
    double core = walk_s(g, len) - CLOSE_S;
    double dist = len * smooth(u_s / core);
    Vec3 dir = path_dir(pa, dist, o->facing);
    Vec3 here = path_at(pa, dist);
    o->pos = v3(here.x, o->pos.y, here.z);
    o->facing = dir;
    o->pose.legs = true;
    o->moving = u_s < core + CLOSE_S;
    Vec3 left = v3(dir.z, 0, -dir.x);
    double z[2];
    for (int li = 0; li < 2; li++) {
        double lift, phase;
        double at = foot_along(g, li, dist, len, &lift, &phase);
        if (u_s > core && at < len - 1e-6) {
            // The closing step brings the trailing foot beside the other.
            double f = base_clamp((u_s - core) / CLOSE_S, 0.0, 1.0);
            at += (len - at) * smooth(f);
            lift = sin(BASE_PI * f);
            phase = f;
        }
        // Heel to toe: a foot leaves the ground toe last, so it swings
        // out toe down, and comes down heel first, toe up; flat on the
        // ground in stance.
        o->pose.foot_pitch_rad[li] = g->roll_rad * sin(2.0 * BASE_PI * phase);
        // Each foot stands on the path where it planted, seen from the
        // body: on a straight leg just behind or ahead of it.
        Vec3 off = v3_sub(path_at(pa, at), here);
        z[li] = v3_dot(off, dir);
        o->pose.foot_m[li] = v3(v3_dot(off, left), g->lift_m * lift, z[li]);
    }
    double sw = g->swing_rad * base_clamp((z[1] - z[0]) / g->step_m, -1, 1);
    o->pose.arm_swing_rad[0] = sw;
    o->pose.arm_swing_rad[1] = -sw;
}

// Where a character goes to stand next to figure @p f or by @p prop,
// coming from @p from.
static Vec3 target_of(const WorldAct *a, Vec3 from, const Vec3 *homes,
                      const WorldProp *props, size_t prop_count, bool *ok)
{
    *ok = true;
    if (a->fig != SIZE_MAX && a->fig != a->who) {
        // A conversational distance short of them.
        Vec3 d = v3_sub(homes[a->fig], from);
        double len = hypot(d.x, d.z);
        if (len < 1.3)
            return from;
        return v3_add(from, v3_scale(v3(d.x, 0, d.z), (len - 1.2) / len));
    }
    for (size_t i = 0; a->prop && i < prop_count; i++) {
        if (props[i].held_by != SIZE_MAX ||
            strcmp(props[i].name, a->prop->name) != 0)
            continue;
        Vec3 c = v3(props[i].center.x, 0, props[i].center.z);
        Vec3 d = v3_sub(c, from);
        double len = hypot(d.x, d.z);
        double keep =
            fmax(props[i].half_extent.x, props[i].half_extent.z) + 0.45;
        if (len <= keep)
            return from;
        return v3_add(from, v3_scale(d, (len - keep) / len));
    }
    *ok = false;
    return from;
}

bool world_prop_is_seat(const WorldPropDef *d)
{
    static const char *const seats[] = { "chair", "stool",    "sofa",
                                         "bench", "armchair", "bed" };
    for (size_t i = 0; d && i < BASE_ARRAY_LEN(seats); i++) {
        if (strcmp(d->name, seats[i]) == 0)
            return true;
    }
    return false;
}

// How far behind the hips a seat's centre goes, so the hips are on it
// and the feet clear its front edge: a sofa or an armchair is deep, a
// bed is sat on from its side.
static double seat_back_m(const WorldPropDef *d)
{
    if (!d)
        return 0.0;
    if (strcmp(d->name, "sofa") == 0 || strcmp(d->name, "armchair") == 0)
        return 0.2;
    if (strcmp(d->name, "bed") == 0)
        return 0.5;
    return 0.0;
}

static double seat_height(const WorldPropDef *d)
{
    static const struct {
        const char *name;
        double y;
    } seats[] = { { "chair", 0.46 },    { "stool", 0.76 }, { "sofa", 0.5 },
                  { "armchair", 0.46 }, { "bed", 0.58 },   { "bench", 0.45 } };

    for (size_t i = 0; d && i < BASE_ARRAY_LEN(seats); i++) {
        if (strcmp(d->name, seats[i].name) == 0)
            return seats[i].y;
    }
    return 0.46;
}

// How far in front of a seat's centre the feet go when seated.
#define SEAT_FEET_M 0.42

// Where the hips go on a seat standing on the floor round the action,
// ahead of its centre toward the stage: a bed is sat on at its foot.
static double onto_back_m(const WorldPropDef *d)
{
    return d && strcmp(d->name, "bed") == 0 ? 0.8 : seat_back_m(d);
}

// The act of figure @p fig after act @p i, or NULL.
static const WorldAct *next_act(const WorldAct *acts, size_t n, size_t i,
                                size_t fig)
{
    for (size_t j = i + 1; j < n; j++) {
        if (acts[j].who == fig)
            return &acts[j];
    }
    return NULL;
}

void world_perform(const WorldAct *acts, size_t act_count, size_t fig,
                   Vec3 center, const Vec3 *homes, const Vec3 *home_facing,
                   const WorldProp *props, size_t prop_count, double t_s,
                   WorldPerf *out, WorldSeat *seats, size_t seat_cap,
                   size_t *seat_count)
{
    WorldPerf o;
    memset(&o, 0, sizeof(o));
    o.arm[0] = o.arm[1] = -1;
    o.look = SIZE_MAX;
    Vec3 spot = homes[fig];
    double yaw = yaw_of(home_facing[fig]);
    double sit = 0.0, seat_y = 0.0, feet_m = SEAT_FEET_M;
    const double side = homes[fig].x >= 0.0 ? 1.0 : -1.0;
    // Off the set: to the side and toward the open fourth wall, where the
    // camera stands, out of a wide shot's view.
    const Vec3 off = v3(side * 4.0, 0, 2.5);
    size_t ns = 0;
    double busy = -INFINITY;
    bool first = true, gone = false;
    for (size_t i = 0; i < act_count; i++) {
        const WorldAct *a = &acts[i];
        if (a->who != fig)
            continue;
        if ((first || gone) && a->verb == WORLD_VERB_ENTER) {
            // Waiting off the set, unseen, until the entrance.
            spot = v3_add(homes[fig], off);
            yaw = yaw_of(v3_sub(homes[fig], spot));
            gone = true;
        }
        first = false;
        double t0 = fmax(a->t_s, busy);
        bool now = t0 <= t_s;
        if (gone && now && a->verb == WORLD_VERB_ENTER)
            gone = false;
        if (gone && !now)
            break;
        double u = t_s - t0;
        o.facing = dir_of(yaw);
        Vec3 to = spot;
        const Gait *g = &walk_gait;
        bool go = false, face_after = false;
        double yaw_after = yaw;
        switch (a->verb) {
        case WORLD_VERB_ENTER:
            to = homes[fig];
            go = true;
            face_after = true;
            yaw_after = yaw_of(home_facing[fig]);
            break;
        case WORLD_VERB_EXIT:
            to = v3_add(spot, off);
            go = true;
            break;
        case WORLD_VERB_RUN:
            g = &run_gait;
            /* fall through */
        case WORLD_VERB_WALK: {
            bool ok;
            to = target_of(a, spot, homes, props, prop_count, &ok);
            // "walks off", "runs out": away as an exit goes.
            if (!ok)
                to = v3_add(spot, v3(side * 1.8, 0, 0.8));
            go = true;
            const WorldAct *nx = next_act(acts, act_count, i, fig);
            if (ok && nx && nx->onto) {
                // To stand before the seat, which faces the stage, and
                // turn to sit on it.
                for (size_t p = 0; p < prop_count; p++) {
                    if (props[p].held_by != SIZE_MAX ||
                        strcmp(props[p].name, nx->prop->name) != 0)
                        continue;
                    Vec3 c = v3(props[p].center.x, 0, props[p].center.z);
                    Vec3 d = v3_sub(center, c);
                    double len = hypot(d.x, d.z);
                    Vec3 dir =
                        len > 1e-6 ? v3_scale(d, 1.0 / len) : v3(0, 0, 1);
                    to = v3_add(
                        c, v3_scale(dir, SEAT_FEET_M + onto_back_m(nx->prop)));
                    face_after = true;
                    yaw_after = yaw_of(dir);
                    break;
                }
            }
            if (a->fig != SIZE_MAX) {
                face_after = true;
                yaw_after = yaw_of(v3_sub(homes[a->fig], to));
            }
            break;
        }
        default:
            break;
        }
        if (sit > 0.0 && (go || a->verb == WORLD_VERB_SIT))
            go = false; // seated: stand first
        if (go) {
            Path pa;
            path_plan(spot, to, props, prop_count, &pa);
            double w = walk_s(g, pa.len_m);
            double turn = face_after ? TURN_S : 0.0;
            busy = t0 + w + turn;
            if (!now)
                break;
            if (u < w) {
                o.facing = dir_of(yaw);
                walk_pose(g, &pa, u, &o);
                if (seat_count)
                    *seat_count = ns;
                *out = o;
                return;
            }
            if (w > 0.0)
                yaw = yaw_of(v3_sub(pa.p[pa.n - 1], pa.p[pa.n - 2]));
            spot = to;
            if (a->verb == WORLD_VERB_EXIT)
                gone = true;
            if (face_after) {
                double f = smooth((u - w) / TURN_S);
                double dy = remainder(yaw_after - yaw, 2.0 * BASE_PI);
                yaw = f >= 1.0 ? yaw_after : yaw + dy * f;
            }
            continue;
        }
        if (!now && !(seats && a->verb == WORLD_VERB_SIT))
            break;
        switch (a->verb) {
        case WORLD_VERB_SIT:
        case WORLD_VERB_FALL: {
            if (sit > 0.0)
                break;
            bool fall = a->verb == WORLD_VERB_FALL;
            const WorldPropDef *d = fall ? NULL : a->prop;
            seat_y = fall ? 0.02 : seat_height(d);
            feet_m = fall ? 0.55 : SEAT_FEET_M;
            if (seats && !fall && !a->onto && ns < seat_cap) {
                bool bed = d && strcmp(d->name, "bed") == 0;
                WorldSeat s = { fig,
                                v3_sub(spot, v3_scale(dir_of(yaw),
                                                      feet_m + seat_back_m(d))),
                                bed ? yaw + 0.5 * BASE_PI : yaw,
                                seat_y,
                                d,
                                SIZE_MAX };
                seats[ns++] = s;
            }
            busy = t0 + (fall ? 0.7 : 1.2);
            if (now)
                sit = smooth(u / (fall ? 0.7 : 1.2));
            break;
        }
        case WORLD_VERB_STAND:
            if (sit <= 0.0)
                break;
            busy = t0 + 1.2;
            if (now)
                sit = 1.0 - smooth(u / 1.2);
            break;
        case WORLD_VERB_TURN: {
            double target = yaw + BASE_PI;
            if (a->fig != SIZE_MAX && a->fig != fig)
                target = yaw_of(v3_sub(homes[a->fig], spot));
            busy = t0 + TURN_S;
            if (now) {
                double dy = remainder(target - yaw, 2.0 * BASE_PI);
                yaw += dy * smooth(u / TURN_S);
            }
            if (now && a->fig != SIZE_MAX)
                o.look = a->fig;
            break;
        }
        case WORLD_VERB_LOOK:
            if (now && a->fig != SIZE_MAX && a->fig != fig)
                o.look = a->fig;
            break;
        case WORLD_VERB_DRINK:
            // Lift, drink, lower: the hand at the mouth for 1.6 s.
            busy = t0 + 2.4;
            o.arm[1] = now && u > 0.35 && u < 1.95 ? WORLD_ARM_DRINK : -1;
            break;
        case WORLD_VERB_PICK:
        case WORLD_VERB_HAND:
            busy = t0 + 1.0;
            o.arm[1] = now && u > 0.0 && u < world_act_handover_s(a) - a->t_s
                           ? WORLD_ARM_REACH
                           : -1;
            break;
        case WORLD_VERB_HIT:
            busy = t0 + 0.6;
            o.arm[1] = now && u > 0.15 && u < 0.45 ? WORLD_ARM_REACH : -1;
            break;
        default:
            break;
        }
    }
    if (seats && seat_count)
        *seat_count = ns;
    o.absent = gone;
    o.facing = dir_of(yaw);
    o.pos = v3_sub(spot, v3_scale(o.facing, feet_m * sit));
    if (sit > 0.0) {
        o.pose.legs = true;
        o.pose.sit = sit;
        o.pose.seat_y_m = seat_y;
        // The feet stay where they stood while the hips go back; a high
        // seat leaves them off the floor.
        double lift = fmax(0.0, seat_y - 0.5) * sit;
        for (int li = 0; li < 2; li++)
            o.pose.foot_m[li] = v3(0, lift, feet_m * sit);
    }
    *out = o;
}
