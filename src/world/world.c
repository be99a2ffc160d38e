/* world/world.c: the stage's entry point: blocks the cast, builds the set,
 * the action lines' props and one posed figure per character for a moment
 * of a shot, and hands the Scene (one arena) to camera/, light/, render/. */
#include <stdlib.h>
#include <string.h>

#include "world_internal.h"

// Where the i-th of n characters stands and which way they face. The
// audience is on +z, so everyone opens toward it: cast order runs from
// the audience's left (-x) to right.
static void block(size_t n, size_t i, Vec3 *pos, Vec3 *facing)
{
    if (n == 1) {
        *pos = v3(0, 0, 0);
        *facing = v3(0, 0, 1);
        return;
    }
    if (n == 2) {
        // Facing each other but cheated 35 degrees open to the audience,
        // so a camera in front sees both faces three-quarter on.
        double sd = i == 0 ? -1.0 : 1.0;
        double cheat = 35.0 * BASE_PI / 180.0;
        *pos = v3(0.6 * sd, 0, 0);
        *facing = v3(-sd * cos(cheat), 0, sin(cheat));
        return;
    }
    // A shallow arc, its centre toward the audience, about 1.15 m between
    // neighbours; everyone faces the centre, opened a little toward +z.
    double r = 2.0 + 0.35 * (double)n;
    double step = 1.15 / r;
    double a = ((double)i - 0.5 * (double)(n - 1)) * step;
    *pos = v3(r * sin(a), 0, r - r * cos(a));
    Vec3 in = v3(-sin(a), 0, cos(a));
    *facing = v3_norm(v3_lerp(in, v3(0, 0, 1), 0.35));
}

// Eye height of a standing figure of look @p l, for aiming a gaze.
static double eyes_height(const WorldFigureLook *l)
{
    double heads = l->heads > 0 ? l->heads : 7.5;
    return l->height_m * (1.0 - 0.5 / heads);
}

// Who figure @p i looks at: the speaker when someone else speaks, else
// the nearest other figure in front of it; SIZE_MAX when nobody is.
static size_t gaze_target(const Scene *s, const Vec3 *pos, const bool *gone,
                          size_t i, size_t speaker)
{
    if (speaker != SIZE_MAX && speaker != i && !gone[speaker])
        return speaker;
    size_t best = SIZE_MAX;
    double best_d = INFINITY;
    for (size_t j = 0; j < s->figure_count; j++) {
        Vec3 d = v3_sub(pos[j], pos[i]);
        double dist = v3_len(d);
        if (j == i || gone[j] || dist < 1e-6 ||
            v3_dot(d, s->figures[i].facing) <= 0.0)
            continue;
        if (dist < best_d) {
            best_d = dist;
            best = j;
        }
    }
    return best;
}

// Turns the head of figure @p i toward figure @p j's eyes, within what a
// neck allows: 60 degrees either way, 25 up or down.
static void gaze_apply(const Scene *s, const Vec3 *pos, size_t i, size_t j,
                       WorldPose *pose)
{
    const WorldFigure *f = &s->figures[i];
    Vec3 d = v3_sub(pos[j], pos[i]);
    // Figure space: +z the facing, +x the figure's left.
    double fz = v3_dot(d, f->facing);
    double fx = d.x * f->facing.z - d.z * f->facing.x;
    double lim = 60.0 * BASE_PI / 180.0;
    pose->head_yaw_rad += base_clamp(atan2(fx, fz), -lim, lim);
    double drop = eyes_height(&f->look) - eyes_height(&s->figures[j].look);
    double pl = 25.0 * BASE_PI / 180.0;
    pose->head_pitch_rad +=
        base_clamp(atan2(drop, fmax(hypot(d.x, d.z), 0.3)), -pl, pl);
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

const WorldFigure *world_find_figure(const Scene *scene, size_t cast_index)
{
    if (!scene)
        return NULL;
    for (size_t i = 0; i < scene->figure_count; i++) {
        if (scene->figures[i].cast_index == cast_index)
            return &scene->figures[i];
    }
    return NULL;
}

// The kind of set a scene plays on: its location's words, else its
// [[set: ...]] description's.
static WorldSetKind kind_of(const Production *prod, const DirectScene *ds)
{
    const char *loc = ds->location ? ds->location : ds->heading;
    WorldSetKind k = world_set_kind(loc, ds->interior, NULL);
    if (world_set_kind_is_generic(k) && ds->set < prod->set_count &&
        prod->sets && prod->sets[ds->set].description) {
        WorldSetKind d =
            world_set_kind(prod->sets[ds->set].description, ds->interior, NULL);
        if (!world_set_kind_is_generic(d))
            k = d;
    }
    return k;
}

// Most props one scene records (wants, the surfaces they stand on, seats).
#define PROP_RECORD_MAX (2 * WORLD_PROP_WANT_MAX + WORLD_ACT_MAX)

// Who holds what at film time @p film_s: a prop picked up is on its
// surface until the hand gets there, a prop handed over changes hands;
// a sit without a named seat takes a seat the lines name.
static void perform_props(WorldAct *acts, size_t act_count,
                          WorldPropWant *wants, size_t want_count,
                          const WorldFigure *figures, double film_s)
{
    for (size_t i = 0; i < act_count; i++) {
        WorldAct *a = &acts[i];
        // "walks to the sofa and sits": on the sofa walked to.
        const WorldAct *before = NULL;
        for (size_t j = 0; j < i; j++) {
            if (acts[j].who == a->who)
                before = &acts[j];
        }
        if (a->verb == WORLD_VERB_SIT && before &&
            (before->verb == WORLD_VERB_WALK ||
             before->verb == WORLD_VERB_RUN) &&
            world_prop_is_seat(before->prop) &&
            (!a->prop || a->prop == before->prop)) {
            a->prop = before->prop;
            a->onto = true;
        }
        if (a->verb == WORLD_VERB_SIT && !a->prop) {
            // A bed is sat on only when the line says so.
            for (size_t w = 0; w < want_count && !a->prop; w++) {
                if (world_prop_is_seat(wants[w].def) &&
                    strcmp(wants[w].def->name, "bed") != 0 &&
                    wants[w].holder == SIZE_MAX)
                    a->prop = wants[w].def;
            }
        }
        if ((a->verb != WORLD_VERB_PICK && a->verb != WORLD_VERB_HAND) ||
            !a->prop || a->prop->grip == WORLD_GRIP_NONE)
            continue;
        size_t who = figures[a->who].cast_index;
        // A pick-up from someone's hand ("taking one") names them.
        size_t giver = a->verb == WORLD_VERB_PICK && a->fig != SIZE_MAX
                           ? figures[a->fig].cast_index
                           : SIZE_MAX;
        WorldPropWant *w = NULL;
        for (size_t k = 0; k < want_count && !w; k++) {
            if (wants[k].def == a->prop &&
                (giver != SIZE_MAX
                     ? wants[k].holder == giver
                     : (a->verb == WORLD_VERB_PICK || wants[k].holder == who ||
                        wants[k].holder == SIZE_MAX)))
                w = &wants[k];
        }
        if (!w)
            continue;
        bool after = film_s >= world_act_handover_s(a);
        size_t to =
            a->verb == WORLD_VERB_PICK ? who : figures[a->to].cast_index;
        size_t from = a->verb == WORLD_VERB_PICK ? giver : who;
        w->holder = after ? to : from;
        w->hand = 1;
        if (w->holder != SIZE_MAX && w->arm == WORLD_ARM_REST)
            w->arm = WORLD_ARM_HOLD;
        w->on = NULL;
    }
}

// Gives each seat the want of its kind nobody holds, so it is placed
// under the sitter rather than round the action.
static void seats_claim(WorldSeat *seats, size_t n, WorldPropWant *wants,
                        size_t want_count)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t w = 0; w < want_count && seats[i].def; w++) {
            if (wants[w].def == seats[i].def && !wants[w].seat &&
                wants[w].holder == SIZE_MAX) {
                wants[w].seat = true;
                seats[i].want = w;
                break;
            }
        }
    }
}

// Builds the seats where the cast sits; returns the records written.
static size_t seats_place(WorldKit *k, const WorldSeat *seats, size_t n,
                          const char *location, WorldProp *out, size_t cap)
{
    const WorldPropDef *chair = world_prop_word("chair");
    size_t np = 0;
    for (size_t i = 0; i < n && np < cap; i++) {
        const WorldPropDef *d = seats[i].def ? seats[i].def : chair;
        world_kit_bounds_reset(k);
        world_prop_place(k, d, seats[i].at, seats[i].yaw,
                         base_hash_mix(base_hash_name(location), 0x5ea7 + i));
        WorldProp p = { d->name, v3_scale(v3_add(k->lo, k->hi), 0.5),
                        v3_scale(v3_sub(k->hi, k->lo), 0.5), SIZE_MAX };
        out[np++] = p;
    }
    return np;
}

// Where figure @p j is seen from figure @p i, as a head yaw in i's
// figure space (positive to its left).
static double yaw_toward(Vec3 from, Vec3 facing, Vec3 at)
{
    Vec3 d = v3_sub(at, from);
    double fz = v3_dot(d, facing);
    double fx = d.x * facing.z - d.z * facing.x;
    return atan2(fx, fz);
}

// Orders @p acts by time, keeping the order of equal times.
static void acts_sort(WorldAct *acts, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        WorldAct a = acts[i];
        size_t j = i;
        while (j > 0 && acts[j - 1].t_s > a.t_s) {
            acts[j] = acts[j - 1];
            j--;
        }
        acts[j] = a;
    }
}

// "(taking one)": the speaker @p who takes the prop nearest to hand,
// one another character holds out first, else one standing by; when
// the one holding it is there and still, and before the speaker drinks
// in this shot. Adds a pick-up to @p acts and returns their number.
static size_t take_act(const DirectShot *shot, WorldAct *acts, size_t n,
                       const WorldPropWant *wants, size_t want_count,
                       const WorldFigure *figs, size_t nf, size_t who,
                       const WorldGesture *g, Vec3 center, const Vec3 *homes,
                       const Vec3 *home_f)
{
    if (n >= WORLD_ACT_MAX)
        return n;
    size_t best = SIZE_MAX, giver = SIZE_MAX;
    double best_d = INFINITY;
    for (size_t w = 0; w < want_count; w++) {
        const WorldPropWant *pw = &wants[w];
        if ((g->prop && pw->def != g->prop) ||
            pw->def->grip == WORLD_GRIP_NONE ||
            pw->def->cls != WORLD_PROP_SMALL || pw->seat)
            continue;
        if (pw->holder == figs[who].cast_index) {
            if (g->prop)
                return n; // already in hand
            continue;
        }
        size_t j = SIZE_MAX;
        for (size_t k = 0; k < nf; k++) {
            if (figs[k].cast_index == pw->holder)
                j = k;
        }
        // What is held out is nearer than what stands on a table.
        double d = j != SIZE_MAX ? v3_len(v3_sub(homes[j], homes[who])) : 10.0;
        if (d < best_d) {
            best_d = d;
            best = w;
            giver = j;
        }
    }
    if (best == SIZE_MAX)
        return n;
    double end_s = shot->start_s + shot->duration_s;
    double t = shot->start_s + 0.3;
    for (; giver != SIZE_MAX && t < end_s - 0.7; t += 0.25) {
        WorldPerf pf;
        world_perform(acts, n, giver, center, homes, home_f, NULL, 0, t, &pf,
                      NULL, 0, NULL);
        if (!pf.moving && !pf.absent)
            break;
    }
    // A drink in the shot comes after the take, with what was taken.
    for (size_t i = 0; i < n; i++) {
        if (acts[i].who == who && acts[i].verb == WORLD_VERB_DRINK &&
            acts[i].t_s >= shot->start_s && acts[i].t_s < t + 1.0)
            acts[i].t_s = t + 1.0;
    }
    WorldAct a = { WORLD_VERB_PICK, who, giver, wants[best].def,
                   SIZE_MAX,        t,   false };
    acts[n++] = a;
    acts_sort(acts, n);
    return n;
}

AuStatus world_build(const AuAllocator *alloc, const Production *prod,
                     size_t shot_index, double t_s, uint64_t seed, Scene **out)
{
    if (!alloc || !prod || !out || shot_index >= prod->shot_count ||
        !isfinite(t_s))
        return AU_EINVAL;
    const DirectShot *shot = &prod->shots[shot_index];
    if (shot->scene >= prod->scene_count)
        return AU_EINVAL;
    const DirectScene *ds = &prod->scenes[shot->scene];
    if (ds->cast_count > 0 && !ds->cast)
        return AU_EINVAL;
    for (size_t i = 0; i < ds->cast_count; i++) {
        if (ds->cast[i] >= prod->cast_count)
            return AU_EINVAL;
    }
    // Object IDs are cast index + 1 in 16 bits.
    if (prod->cast_count >= UINT16_MAX)
        return AU_EINVAL;

    BaseArena arena;
    base_arena_init(&arena, alloc);
    WorldKit kit;
    world_kit_init(&kit, alloc);
    AuStatus st = AU_ENOMEM;
    Scene *s = base_arena_alloc(&arena, sizeof(*s));
    if (!s)
        goto fail;
    s->interior = ds->interior;

    // The scene's cast in cast order, each once.
    size_t n = 0;
    Vec3 *pos = NULL;
    if (ds->cast_count > 0) {
        size_t *order =
            base_arena_array(&arena, ds->cast_count, sizeof(*order));
        if (!order)
            goto fail;
        memcpy(order, ds->cast, ds->cast_count * sizeof(*order));
        qsort(order, ds->cast_count, sizeof(*order), cmp_size);
        for (size_t i = 0; i < ds->cast_count; i++) {
            if (n == 0 || order[n - 1] != order[i])
                order[n++] = order[i];
        }
        s->figures = base_arena_array(&arena, n, sizeof(*s->figures));
        pos = base_arena_array(&arena, n, sizeof(*pos));
        if (!s->figures || !pos)
            goto fail;
        s->figure_count = n;

        // Blocking depends on the scene alone, so it holds across shots;
        // the group is centred on the origin.
        Vec3 sum = v3(0, 0, 0);
        for (size_t i = 0; i < n; i++) {
            WorldFigure *f = &s->figures[i];
            f->cast_index = order[i];
            world_cast_look(&prod->cast[order[i]], &f->look);
            block(n, i, &pos[i], &f->facing);
            sum = v3_add(sum, pos[i]);
        }
        for (size_t i = 0; i < n; i++) {
            pos[i].x -= sum.x / (double)n;
            pos[i].z -= sum.z / (double)n;
        }
    }

    // The rest skeletons at the blocking places: the set and the props
    // keep clear of them in every frame, whoever walks where.
    {
        BaseArena tmp;
        base_arena_init(&tmp, alloc);
        WorldMesh parts[WORLD_FIGURE_PARTS_MAX];
        WorldPose rest;
        world_pose_at(0, seed, 0.0, -1.0, &rest);
        st = AU_OK;
        for (size_t i = 0; i < n; i++) {
            size_t np = 0;
            st = world_figure_build(&tmp, &s->figures[i].look, pos[i],
                                    s->figures[i].facing, &rest, 1, parts, &np,
                                    s->figures[i].joints);
            base_arena_fini(&tmp);
            base_arena_init(&tmp, alloc);
            if (st != AU_OK)
                break;
        }
        base_arena_fini(&tmp);
        if (st != AU_OK)
            goto fail;
        st = AU_ENOMEM;
    }
    Vec3 *home_f = n ? base_arena_array(&arena, n, sizeof(*home_f)) : NULL;
    if (n && !home_f)
        goto fail;
    for (size_t i = 0; i < n; i++)
        home_f[i] = s->figures[i].facing;
    double film_s = shot->start_s + t_s;

    // What the action lines ask for, and who holds what; who does what.
    WorldPropWant wants[WORLD_PROP_WANT_MAX];
    size_t want_count = 0;
    WorldAct acts[WORLD_ACT_MAX];
    size_t act_count = 0;
    if (ds->action_count > 0 && ds->actions) {
        want_count = world_props_read(prod, ds, s->figures, n, wants);
        act_count = world_acts_read(prod, shot->scene, s->figures, n, acts,
                                    WORLD_ACT_MAX);
    }
    Vec3 sum = v3(0, 0, 0);
    for (size_t i = 0; i < n; i++)
        sum = v3_add(sum, pos[i]);
    s->stage_center =
        n ? v3(sum.x / (double)n, 0, sum.z / (double)n) : v3(0, 0, 0);
    // The speaker of the shot's line, and what its parenthetical asks.
    size_t speaker = SIZE_MAX;
    size_t says = shot->parenthetical && shot->paren_speaker != SIZE_MAX
                      ? shot->paren_speaker
                      : shot->subject;
    for (size_t i = 0; i < n && shot->dialogue; i++) {
        if (s->figures[i].cast_index == says)
            speaker = i;
    }
    WorldGesture gest;
    bool gesturing = speaker != SIZE_MAX &&
                     world_gesture_read(prod, shot->parenthetical, s->figures,
                                        n, speaker, &gest);
    // "(beer raised)" with no beer in hand takes it first.
    if (gesturing && ((gest.bits & WORLD_GEST_TAKE) ||
                      ((gest.bits & WORLD_GEST_RAISE) && gest.prop)))
        act_count =
            take_act(shot, acts, act_count, wants, want_count, s->figures, n,
                     speaker, &gest, s->stage_center, pos, home_f);
    perform_props(acts, act_count, wants, want_count, s->figures, film_s);
    WorldSeat seats[WORLD_ACT_MAX];
    size_t seat_count = 0;
    for (size_t i = 0; i < n; i++) {
        WorldPerf pf;
        size_t k = 0;
        world_perform(acts, act_count, i, s->stage_center, pos, home_f, NULL, 0,
                      INFINITY, &pf, seats + seat_count,
                      WORLD_ACT_MAX - seat_count, &k);
        seat_count += k;
    }
    seats_claim(seats, seat_count, wants, want_count);

    size_t cap = WORLD_KIT_MAT_MAX + n * WORLD_FIGURE_PARTS_MAX;
    s->meshes = base_arena_array(&arena, cap, sizeof(*s->meshes));
    WorldPerf *perf = n ? base_arena_array(&arena, n, sizeof(*perf)) : NULL;
    if (!s->meshes || (n && !perf))
        goto fail;


    WorldStage stage;
    memset(&stage, 0, sizeof(stage));
    stage.kit = &kit;
    s->set_kind = kind_of(prod, ds);
    world_set_build(&stage, ds, s->set_kind, s->figures, n);
    for (size_t i = 0; i < stage.fixture_count; i++)
        s->fixtures[s->fixture_count++] = stage.fixtures[i];
    if (s->interior && stage.wall_h_m > 0.0) {
        s->has_room = true;
        s->room_min = v3(-stage.half_w_m, 0.0, stage.back_z_m);
        s->room_max = v3(stage.half_w_m, stage.wall_h_m, stage.front_z_m);
    }
    WorldProp props[PROP_RECORD_MAX];
    size_t prop_count =
        world_props_place(&stage, wants, want_count, WORLD_PROPS_UNHELD,
                          s->figures, n, props, PROP_RECORD_MAX);
    prop_count +=
        seats_place(&kit, seats, seat_count, ds->location ? ds->location : "",
                    props + prop_count, PROP_RECORD_MAX - prop_count);

    // Where everyone is now, and how they move.
    for (size_t i = 0; i < n; i++)
        world_perform(acts, act_count, i, s->stage_center, pos, home_f, props,
                      prop_count, film_s, &perf[i], NULL, 0, NULL);
    Vec3 *now = n ? base_arena_array(&arena, n, sizeof(*now)) : NULL;
    bool *gone = n ? base_arena_array(&arena, n, sizeof(*gone)) : NULL;
    if (n && (!now || !gone))
        goto fail;
    for (size_t i = 0; i < n; i++) {
        now[i] = perf[i].pos;
        // Off the set before an entrance and after an exit; the one the
        // shot is on stays, so the camera has someone to frame.
        size_t ci = s->figures[i].cast_index;
        gone[i] = perf[i].absent && ci != shot->subject && ci != shot->partner;
    }
    // "(to both)", "(to MARA)": the speaker turns to them.
    if (gesturing && (gest.bits & WORLD_GEST_TO) && !perf[speaker].moving) {
        Vec3 at = v3(0, 0, 0);
        size_t k = 0;
        for (size_t j = 0; j < n; j++) {
            if (j == speaker || gone[j] ||
                (gest.fig != SIZE_MAX && j != gest.fig))
                continue;
            if (!gest.all && gest.fig == SIZE_MAX && k > 0)
                continue; // "to him": the first other
            at = v3_add(at, now[j]);
            k++;
        }
        if (k > 0) {
            at = v3_scale(at, 1.0 / (double)k);
            double d = yaw_toward(now[speaker], perf[speaker].facing, at);
            double yaw = atan2(perf[speaker].facing.x, perf[speaker].facing.z);
            double u = base_clamp(t_s / 0.5, 0.0, 1.0);
            yaw += d * u * u * (3.0 - 2.0 * u);
            perf[speaker].facing = v3(sin(yaw), 0, cos(yaw));
        }
    }
    for (size_t i = 0; i < n; i++)
        s->figures[i].facing = perf[i].facing;

    WorldMesh *fig_meshes = s->meshes + WORLD_KIT_MAT_MAX;
    size_t fig_count = 0;
    for (size_t i = 0; i < n; i++) {
        WorldFigure *f = &s->figures[i];
        if (gone[i])
            continue;
        uint64_t name_hash = prod->cast[f->cast_index].name_hash;
        bool talking = i == speaker;
        WorldPose pose;
        world_pose_at(name_hash, seed, film_s, talking ? fmax(t_s, 0.0) : -1.0,
                      &pose);
        if (talking)
            world_talk_at(shot->dialogue, shot->duration_s, t_s,
                          &pose.mouth_open, &pose.gesture);
        size_t target = perf[i].look != SIZE_MAX && !gone[perf[i].look]
                            ? perf[i].look
                            : gaze_target(s, now, gone, i, speaker);
        bool away = talking && gesturing && (gest.bits & WORLD_GEST_AWAY);
        if (target != SIZE_MAX && !away)
            gaze_apply(s, now, i, target, &pose);
        bool holds[2] = { false, false };
        for (size_t w = 0; w < want_count; w++) {
            if (wants[w].holder == f->cast_index) {
                pose.arm[wants[w].hand] = wants[w].arm;
                holds[wants[w].hand] = true;
            }
        }
        if (talking && gesturing) {
            size_t to =
                gest.fig != SIZE_MAX && !gone[gest.fig] ? gest.fig : target;
            double look_yaw = to != SIZE_MAX
                                  ? yaw_toward(now[i], f->facing, now[to])
                                  : (double)NAN;
            world_gesture_pose(&gest, t_s, look_yaw, holds, &pose);
        }
        pose.legs = perf[i].pose.legs;
        pose.sit = perf[i].pose.sit;
        pose.seat_y_m = perf[i].pose.seat_y_m;
        for (int k = 0; k < 2; k++) {
            pose.foot_m[k] = perf[i].pose.foot_m[k];
            pose.foot_pitch_rad[k] = perf[i].pose.foot_pitch_rad[k];
            pose.arm_swing_rad[k] = pose.arm[k] == WORLD_ARM_REST
                                        ? perf[i].pose.arm_swing_rad[k]
                                        : 0.0;
            if (perf[i].arm[k] >= 0)
                pose.arm[k] = (WorldArm)perf[i].arm[k];
        }
        // One drinks looking ahead, so the cup comes to the mouth.
        if (pose.arm[0] == WORLD_ARM_DRINK || pose.arm[1] == WORLD_ARM_DRINK)
            pose.head_yaw_rad *= 0.15;
        size_t parts = 0;
        st = world_figure_build(&arena, &f->look, now[i], f->facing, &pose,
                                (uint16_t)(f->cast_index + 1),
                                fig_meshes + fig_count, &parts, f->joints);
        if (st != AU_OK)
            goto fail;
        fig_count += parts;
    }
    // Who is off the set is not in the scene at all.
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (!gone[i])
            s->figures[kept++] = s->figures[i];
    }
    s->figure_count = kept;
    prop_count += world_props_place(&stage, wants, want_count, WORLD_PROPS_HELD,
                                    s->figures, kept, props + prop_count,
                                    PROP_RECORD_MAX - prop_count);
    size_t set_count = 0;
    st = world_kit_emit(&kit, &arena, s->meshes, WORLD_KIT_MAT_MAX, &set_count);
    if (st != AU_OK)
        goto fail;
    st = AU_ENOMEM;
    if (prop_count > 0) {
        s->props = base_arena_array(&arena, prop_count, sizeof(*s->props));
        if (!s->props)
            goto fail;
        memcpy(s->props, props, prop_count * sizeof(*props));
        s->prop_count = prop_count;
    }
    // Close the gap between the set's meshes and the figures'.
    memmove(s->meshes + set_count, fig_meshes, fig_count * sizeof(*s->meshes));
    s->mesh_count = set_count + fig_count;
    world_kit_fini(&kit);

    s->arena = arena;
    *out = s;
    return AU_OK;

fail:
    world_kit_fini(&kit);
    base_arena_fini(&arena);
    return st;
}

void world_scene_free(Scene **scene)
{
    if (!scene || !*scene)
        return;
    // The Scene lives in its own arena: copy the arena out before
    // releasing the memory that holds it.
    BaseArena arena = (*scene)->arena;
    base_arena_fini(&arena);
    *scene = NULL;
}
