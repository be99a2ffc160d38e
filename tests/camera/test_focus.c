/* tests/camera/test_focus.c: the focus puller, the insert of a named prop
 * and the camera put across the line on purpose, each measured on the
 * solved view: focus distances against the eyes' depth along the lens
 * axis, the prop's share of the frame, the characters' screen sides. */
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "render/render.h"

static const AuAllocator *A;

static double depth(const CameraView *v, Vec3 p)
{
    return v3_dot(v3_sub(p, v->position), v->forward);
}

static int frame_at(Production *p, size_t shot, double t_s, Scene **scene,
                    CameraView *v)
{
    if (world_build(A, p, shot, t_s, 1, scene) != AU_OK)
        return -1;
    if (camera_solve(p, shot, *scene, 2.39, v) != AU_OK ||
        camera_apply_move(p, shot, *scene, t_s, 1, v) != AU_OK ||
        camera_focus(p, shot, *scene, t_s, v) != AU_OK) {
        world_scene_free(scene);
        return -1;
    }
    return 0;
}

static void test_focus_on_the_eyes(void)
{
    Production *p = fixture_production(A, 2);
    p->shots[1].focus = 1; // a single on BRICK, focused on STEEL behind
    p->shots[1].size = DIRECT_SHOT_MCU;
    p->shots[1].lens_mm = 85.0;
    p->shots[1].f_stop = 1.4;
    for (size_t i = 0; i < 2; i++) {
        Scene *scene = NULL;
        CameraView v;
        CHECK(frame_at(p, i, 0.0, &scene, &v) == 0);
        if (!scene)
            continue;
        const WorldFigure *f = world_find_figure(scene, i == 0 ? 0 : 1);
        double eyes = depth(&v, f->joints[WORLD_JOINT_EYES]);
        fprintf(stderr, "  shot %zu: focus %.3f m, eyes at %.3f m, f/%.1f\n",
                i + 1, v.focus_m, eyes, v.f_stop);
        // The near eye is a few centimetres in front of the eyes' middle.
        CHECK(v.focus_m <= eyes + 1e-6);
        CHECK(eyes - v.focus_m < 0.04);
        CHECK_NEAR(v.f_stop, p->shots[i].f_stop, 1e-9);
        CHECK_INT_EQ(v.blades, CAMERA_BLADES);
        world_scene_free(&scene);
    }
    fixture_free(p);
}

static void test_rack_focus(void)
{
    Production *p = fixture_production(A, 1);
    DirectShot *s = &p->shots[0];
    // Over STEEL's shoulder onto BRICK: focus pulls from the shoulder in
    // the foreground to BRICK's face.
    s->kind = DIRECT_KIND_OTS;
    s->partner = 1;
    s->focus = 0;
    s->rack = true;
    s->rack_from = 1;
    s->duration_s = 4.0;
    s->lens_mm = 50.0;
    double prev = 0.0, first = 0.0, last = 0.0, eyes0 = 0.0, eyes1 = 0.0;
    bool monotonic = true;
    for (int k = 0; k <= 16; k++) {
        double t = 4.0 * k / 16.0;
        Scene *scene = NULL;
        CameraView v;
        CHECK(frame_at(p, 0, t, &scene, &v) == 0);
        if (!scene)
            return;
        if (k == 0) {
            first = v.focus_m;
            eyes0 = depth(
                &v, world_find_figure(scene, 1)->joints[WORLD_JOINT_EYES]);
            eyes1 = depth(
                &v, world_find_figure(scene, 0)->joints[WORLD_JOINT_EYES]);
        } else if ((v.focus_m - prev) * (eyes1 - eyes0) < -1e-9) {
            monotonic = false;
        }
        prev = last = v.focus_m;
        world_scene_free(&scene);
    }
    fprintf(stderr, "  rack: %.3f m -> %.3f m (eyes %.3f and %.3f m)\n", first,
            last, eyes0, eyes1);
    CHECK(fabs(eyes1 - eyes0) > 0.2); // the two stand at different depths
    CHECK(fabs(first - eyes0) < 0.04);
    CHECK(fabs(last - eyes1) < 0.04);
    CHECK(monotonic);
    fixture_free(p);
}

// The rack focus, seen in rendered pixels: over the shoulder of STEEL onto
// BRICK at 85 mm f/1.4, each character's outline is crisper when the
// focus is on them. Crispness is the mean luminance step between two
// neighbouring pixels where the ID pass changes from that character to
// the background: a sharp outline steps in one pixel, a blurred one
// spreads the step over several.
static double luma(const Frame *f, size_t i)
{
    const float *p = &f->rgb[3 * i];
    return 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
}

static double sharpness(const Frame *f, int id)
{
    double sum = 0.0;
    long n = 0;
    size_t w = (size_t)f->width;
    for (int y = 0; y < f->height - 1; y++)
        for (int x = 0; x < f->width - 1; x++) {
            size_t i = (size_t)y * w + (size_t)x;
            size_t nb[2] = { i + 1, i + w };
            for (int k = 0; k < 2; k++) {
                int a = f->id[i], b = f->id[nb[k]];
                if ((a == id && b == 0) || (a == 0 && b == id)) {
                    sum += fabs(luma(f, i) - luma(f, nb[k]));
                    n++;
                }
            }
        }
    return n > 20 ? sum / (double)n : -1.0;
}

static void test_rack_focus_rendered(void)
{
    Production *p = fixture_production(A, 1);
    DirectShot *s = &p->shots[0];
    s->kind = DIRECT_KIND_OTS;
    s->partner = 1;
    s->focus = 0;
    s->rack = true;
    s->rack_from = 1;
    s->duration_s = 4.0;
    s->lens_mm = 85.0;
    s->f_stop = 1.4;
    s->size = DIRECT_SHOT_MCU;
    RenderDevice *dev = NULL;
    CHECK_OK(render_device_new(A, NULL, &dev));
    double sharp[2][2]; // [time][character]
    for (int k = 0; k < 2 && dev; k++) {
        Scene *scene = NULL;
        CameraView v;
        Frame f;
        CHECK(frame_at(p, 0, k ? 4.0 : 0.0, &scene, &v) == 0);
        if (!scene)
            break;
        LightRig rig;
        light_rig_for_scene(&p->scenes[0], &rig);
        RenderSettings rs = { 16, 0, 2, 1, 0, 0, 1, 0 };
        CHECK_OK(render_frame_init(&f, A, 320, 134));
        CHECK_OK(render_frame(dev, scene, &v, &rig, &rs, &f, NULL));
        sharp[k][0] = sharpness(&f, 1);
        sharp[k][1] = sharpness(&f, 2);
        render_frame_fini(&f);
        world_scene_free(&scene);
    }
    fprintf(stderr,
            "  sharpness at the start: STEEL %.3g, BRICK %.3g; at the end: "
            "STEEL %.3g, BRICK %.3g\n",
            sharp[0][1], sharp[0][0], sharp[1][1], sharp[1][0]);
    CHECK(sharp[0][1] > 0 && sharp[1][0] > 0);
    // Focus leaves STEEL's shoulder for BRICK's face.
    CHECK(sharp[0][1] > 1.5 * sharp[1][1]);
    CHECK(sharp[1][0] > 1.5 * sharp[0][0]);
    render_device_free(&dev);
    fixture_free(p);
}

static Production *plan(const char *text, ScriptDoc **doc)
{
    Production *prod = NULL;
    CHECK_OK(script_parse(A, NULL, "t", text, strlen(text), doc));
    if (*doc)
        CHECK_OK(direct_plan(A, NULL, *doc, &prod));
    return prod;
}

static void test_insert_frames_the_prop(void)
{
    ScriptDoc *doc = NULL;
    Production *prod = plan("EXT. PATIO - DAY\n\n"
                            "ANNA sets a bottle on the table.\n\n"
                            "[[shot: insert the bottle]]\n\n"
                            "ANNA\nDrink.\n",
                            &doc);
    CHECK(prod && prod->shot_count >= 2);
    size_t ins = SIZE_MAX;
    for (size_t i = 0; prod && i < prod->shot_count; i++)
        if (prod->shots[i].kind == DIRECT_KIND_INSERT)
            ins = i;
    CHECK(ins != SIZE_MAX);
    Scene *scene = NULL;
    CameraView v;
    if (ins != SIZE_MAX && frame_at(prod, ins, 0.0, &scene, &v) == 0) {
        const WorldProp *bottle = NULL;
        for (size_t i = 0; i < scene->prop_count; i++)
            if (strcmp(scene->props[i].name, "bottle") == 0)
                bottle = &scene->props[i];
        CHECK(bottle != NULL);
        if (bottle) {
            // The bounding box's eight corners, projected.
            double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
            for (int k = 0; k < 8; k++) {
                Vec3 c = bottle->center, e = bottle->half_extent;
                Vec3 q =
                    v3(c.x + (k & 1 ? e.x : -e.x), c.y + (k & 2 ? e.y : -e.y),
                       c.z + (k & 4 ? e.z : -e.z));
                double x, y;
                CHECK(camera_project(&v, q, &x, &y));
                x0 = fmin(x0, x), x1 = fmax(x1, x);
                y0 = fmin(y0, y), y1 = fmax(y1, y);
            }
            fprintf(stderr,
                    "  insert: bottle spans x %.2f..%.2f y %.2f..%.2f, "
                    "focus %.2f m at %.2f m\n",
                    x0, x1, y0, y1, v.focus_m, depth(&v, bottle->center));
            // Fills the frame's height without leaving it.
            CHECK(y1 - y0 > 0.6 && y0 > -0.02 && y1 < 1.02);
            CHECK(fabs(0.5 * (x0 + x1) - 0.5) < 0.1);
            CHECK(fabs(v.focus_m - depth(&v, bottle->center)) < 0.01);
        }
        world_scene_free(&scene);
    }
    direct_production_free(&prod);
    script_doc_free(&doc);
}

// Auteur's own inserts: an action line where a character handles a prop
// gets a close insert of it, and the prop is in the set for the camera to
// frame, whatever word the writer used for it.
static void test_auto_inserts(void)
{
    static const char *words[] = {
        "gun",      "pistol", "revolver",  "rifle",    "shotgun",
        "knife",    "phone",  "bottle",    "beer",     "glass",
        "cup",      "mug",    "can",       "book",     "letter",
        "envelope", "photo",  "cash",      "money",    "pen",
        "candle",   "laptop", "briefcase", "suitcase", "radio",
    };
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        char text[256];
        snprintf(text, sizeof text,
                 "INT. KITCHEN - NIGHT\n\nBRICK\nWait.\n\n"
                 "Brick picks up the %s.\n\nSTEEL\nDon't.\n",
                 words[w]);
        ScriptDoc *doc = NULL;
        Production *prod = plan(text, &doc);
        size_t ins = SIZE_MAX;
        for (size_t i = 0; prod && i < prod->shot_count; i++)
            if (prod->shots[i].kind == DIRECT_KIND_INSERT)
                ins = i;
        if (ins == SIZE_MAX) {
            fprintf(stderr, "  no insert for '%s'\n", words[w]);
            CHECK(false);
        } else {
            CHECK_STR_EQ(prod->shots[ins].reason, "insert");
            CHECK_INT_EQ(prod->shots[ins].subject, 0); // BRICK
            CHECK(prod->shots[ins].set_by == 0);
            Scene *scene = NULL;
            CameraView v;
            CHECK(frame_at(prod, ins, 0.0, &scene, &v) == 0);
            if (scene) {
                const WorldProp *p = NULL;
                for (size_t i = 0; i < scene->prop_count; i++)
                    if (strcmp(scene->props[i].name, prod->shots[ins].insert) ==
                        0)
                        p = &scene->props[i];
                double x, y;
                bool seen = p && camera_project(&v, p->center, &x, &y) &&
                            fabs(x - 0.5) < 0.1 && fabs(y - 0.5) < 0.1;
                if (!seen)
                    fprintf(stderr, "  '%s': prop '%s' not framed\n", words[w],
                            prod->shots[ins].insert);
                CHECK(seen);
                world_scene_free(&scene);
            }
        }
        direct_production_free(&prod);
        script_doc_free(&doc);
    }
}

// Across the line: the same two-shot from the other side swaps the
// characters' sides of the screen, which is what the lint warns about.
static void test_across_the_line(void)
{
    Production *p = fixture_production(A, 2);
    for (size_t i = 0; i < 2; i++) {
        p->shots[i].kind = DIRECT_KIND_TWO_SHOT;
        p->shots[i].partner = 1;
        p->shots[i].size = DIRECT_SHOT_MS;
    }
    p->shots[1].reverse_side = true;
    double side[2][2];
    for (size_t i = 0; i < 2; i++) {
        Scene *scene = NULL;
        CameraView v;
        CHECK(frame_at(p, i, 0.0, &scene, &v) == 0);
        if (!scene)
            return;
        for (size_t c = 0; c < 2; c++) {
            double y;
            CHECK(camera_project(
                &v, world_find_figure(scene, c)->joints[WORLD_JOINT_EYES],
                &side[i][c], &y));
        }
        world_scene_free(&scene);
    }
    fprintf(stderr, "  BRICK x %.2f -> %.2f, STEEL x %.2f -> %.2f\n",
            side[0][0], side[1][0], side[0][1], side[1][1]);
    CHECK((side[0][0] < side[0][1]) != (side[1][0] < side[1][1]));
    size_t problems = 0;
    p->shots[1].set_by = DIRECT_SET_KIND;
    CHECK_OK(camera_lint(A, NULL, p, 1, &problems));
    CHECK(problems >= 1);
    fixture_free(p);
}

int main(void)
{
    A = base_allocator_default();
    CHECK_RUN(test_focus_on_the_eyes);
    CHECK_RUN(test_rack_focus);
    CHECK_RUN(test_rack_focus_rendered);
    CHECK_RUN(test_insert_frames_the_prop);
    CHECK_RUN(test_auto_inserts);
    CHECK_RUN(test_across_the_line);
    return CHECK_DONE();
}
