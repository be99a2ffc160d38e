/* camera/body.c: a figure as a few dozen spheres and ovals hung on its
 * skeleton, for the framing solver to keep bodies in frame, measure a
 * shoulder's share of the frame and keep the camera out of everyone. */
#include "camera_internal.h"

static CameraFitPoint sphere(Vec3 p, double r_m)
{
    CameraFitPoint s = { p, r_m, { 0, 0, 0 }, r_m, r_m };
    return s;
}

// A part whose section is @p side_m across the body, @p front_m deep.
static CameraFitPoint oval(Vec3 p, Vec3 front, double side_m, double front_m)
{
    CameraFitPoint s = { p, fmax(side_m, front_m), front, side_m, front_m };
    return s;
}

static Vec3 mid(Vec3 a, Vec3 b)
{
    return v3_lerp(a, b, 0.5);
}

double camera_body_head_m(const WorldFigure *f)
{
    return f->joints[WORLD_JOINT_HEAD_TOP].y - f->joints[WORLD_JOINT_CHIN].y;
}

double camera_body_floor_y(const WorldFigure *f)
{
    return f->joints[WORLD_JOINT_HEAD_TOP].y - f->look.height_m;
}

Vec3 camera_body_palm(const WorldFigure *f, int side)
{
    Vec3 el = f->joints[WORLD_JOINT_ELBOW_L + side];
    Vec3 wr = f->joints[WORLD_JOINT_WRIST_L + side];
    // The hand hangs on along the forearm, its middle about a twentieth
    // of the height past the wrist.
    return v3_add(wr,
                  v3_scale(v3_norm(v3_sub(wr, el)), 0.05 * f->look.height_m));
}

void camera_body_spheres(const WorldFigure *f, CameraFitPoint *out)
{
    const Vec3 *j = f->joints;
    // h is the head's height, head top to chin (an eighth of an adult,
    // more of a child); s scales the radii measured on a 1.75 m figure.
    double h = camera_body_head_m(f), s = f->look.height_m / 1.75;
    double g = f->look.girth, gx = 0.6 + 0.4 * g;
    Vec3 front = camera_flat_dir(f->facing, v3(0, 0, 1));
    size_t n = 0;

    // The head: the hair's shell at the back and the face at the front,
    // a little deeper than wide.
    Vec3 top = j[WORLD_JOINT_HEAD_TOP];
    Vec3 crown = v3_add(top, v3_scale(front, 0.04 * h));
    out[n++] =
        oval(v3_sub(crown, v3(0, 0.46 * h, 0)), front, 0.36 * h, 0.48 * h);
    out[n++] =
        oval(v3_sub(crown, v3(0, 0.72 * h, 0)), front, 0.29 * h, 0.40 * h);
    out[n++] = sphere(j[WORLD_JOINT_NECK], 0.27 * h);

    // The torso is wider than deep; world/ lofts it about 0.16 by 0.11 of
    // the scale at the chest.
    Vec3 yoke = mid(j[WORLD_JOINT_SHOULDER_L], j[WORLD_JOINT_SHOULDER_R]);
    for (int i = 0; i < 3; i++) {
        double t = 0.15 + 0.35 * (double)i;
        out[n++] = oval(v3_lerp(yoke, j[WORLD_JOINT_PELVIS], t), front,
                        0.155 * s * gx, 0.11 * s * g);
    }
    for (int side = 0; side < 2; side++) {
        Vec3 sh = j[WORLD_JOINT_SHOULDER_L + side];
        Vec3 el = j[WORLD_JOINT_ELBOW_L + side];
        Vec3 wr = j[WORLD_JOINT_WRIST_L + side];
        Vec3 hand = camera_body_palm(f, side);
        out[n++] = sphere(sh, 0.055 * s);
        out[n++] = sphere(mid(sh, el), 0.047 * s);
        out[n++] = sphere(el, 0.045 * s);
        out[n++] = sphere(mid(el, wr), 0.042 * s);
        out[n++] = sphere(hand, 0.05 * s);

        Vec3 hip = j[WORLD_JOINT_HIP_L + side];
        Vec3 knee = j[WORLD_JOINT_KNEE_L + side];
        Vec3 ankle = j[WORLD_JOINT_ANKLE_L + side];
        out[n++] = sphere(hip, 0.09 * s);
        out[n++] = sphere(mid(hip, knee), 0.075 * s);
        out[n++] = sphere(knee, 0.06 * s);
        out[n++] = sphere(mid(knee, ankle), 0.055 * s);
        out[n++] = sphere(mid(ankle, j[WORLD_JOINT_TOE_L + side]), 0.06 * s);
    }
    AU_ASSERT(n == CAMERA_BODY_SPHERES);
}

bool camera_body_clear(const WorldFigure *f, Vec3 p, double margin_m)
{
    CameraFitPoint sp[CAMERA_BODY_SPHERES];
    camera_body_spheres(f, sp);
    for (size_t i = 0; i < CAMERA_BODY_SPHERES; i++) {
        if (v3_len(v3_sub(p, sp[i].p)) < sp[i].r_m + margin_m)
            return false;
    }
    return true;
}
