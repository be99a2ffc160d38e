/* camera/fit.c: the framing solver's numerical core: Gauss-Newton moves a
 * camera rig until the terms measured on the projected skeleton hold, so
 * perspective, tilt and roll are measured rather than assumed. */
#include <string.h>

#include "camera_internal.h"

void camera_rig_view(const CameraRig *rig, const double *q, CameraView *out)
{
    double dist_m = exp(q[0]);
    Vec3 aim = v3_add(rig->base, v3_scale(rig->side, q[2]));
    aim.y = q[1];
    double off_m = rig->sideways == CAMERA_RIG_FREE    ? q[3]
                   : rig->sideways == CAMERA_RIG_TRUCK ? q[2]
                                                       : 0.0;
    Vec3 eye = v3_add(v3_add(rig->base, v3_scale(rig->side, off_m)),
                      v3_scale(rig->toward, dist_m));
    if (rig->level) {
        eye.y = rig->cam_y_m;
    } else {
        double run_m = hypot(eye.x - aim.x, eye.z - aim.z);
        eye.y = aim.y - run_m * tan(rig->pitch_rad);
    }
    *out = rig->lens;
    camera_view_look(out, eye, aim, rig->roll_rad);
}

bool camera_term_measure(const CameraView *v, const CameraTerm *t, double *out)
{
    bool vertical = t->kind == CAMERA_TERM_TOP || t->kind == CAMERA_TERM_BOTTOM;
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    bool any = false;
    for (size_t i = 0; i < t->count; i++) {
        const CameraFitPoint *p = &t->pts[i];
        double x, y;
        if (!camera_project(v, p->p, &x, &y))
            return false;
        // A sphere's silhouette is taken as a disc of its projected
        // radius, accurate while it is small against its distance.
        double z = v3_dot(v3_sub(p->p, v->position), v->forward);
        double across_m = p->r_m;
        if (v3_dot(p->front, p->front) > 0.0) {
            // The extent of the part's elliptic section along the frame's
            // right.
            Vec3 side = v3(-p->front.z, 0.0, p->front.x);
            double a = p->side_m * v3_dot(v->right, side);
            double b = p->front_m * v3_dot(v->right, p->front);
            across_m = sqrt(a * a + b * b);
        }
        double rx = across_m * v->focal_mm / (z * v->sensor_w_mm);
        double ry = p->r_m * v->focal_mm / (z * v->sensor_h_mm);
        if (vertical) {
            lo = fmin(lo, y - ry);
            hi = fmax(hi, y + ry);
            any = true;
            continue;
        }
        if (p->r_m <= 0.0) {
            lo = fmin(lo, x);
            hi = fmax(hi, x);
            any = true;
            continue;
        }
        // Where the frame's top or bottom edge cuts the disc only the
        // chord inside counts, which keeps the term continuous as a body
        // part leaves the frame.
        double out_y = y < 0.0 ? -y : (y > 1.0 ? y - 1.0 : 0.0);
        if (out_y >= ry)
            continue;
        double half = rx * sqrt(1.0 - (out_y / ry) * (out_y / ry));
        lo = fmin(lo, x - half);
        hi = fmax(hi, x + half);
        any = true;
    }
    if (!any)
        return false;
    switch (t->kind) {
    case CAMERA_TERM_TOP:
    case CAMERA_TERM_LEFT:
        *out = lo;
        break;
    case CAMERA_TERM_BOTTOM:
    case CAMERA_TERM_RIGHT:
        *out = hi;
        break;
    case CAMERA_TERM_MID_X:
        *out = 0.5 * (lo + hi);
        break;
    }
    return true;
}

// The weighted misses of the terms at parameters @p q; false when a
// term cannot be measured there.
static bool residuals(const CameraRig *rig, const CameraTerm *terms, size_t n,
                      const double *q, double *r)
{
    CameraView v;
    camera_rig_view(rig, q, &v);
    for (size_t i = 0; i < n; i++) {
        double m;
        if (!camera_term_measure(&v, &terms[i], &m))
            return false;
        r[i] = (m - terms[i].target) / terms[i].limit;
    }
    return true;
}

static double sum_sq(const double *r, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        s += r[i] * r[i];
    return s;
}

// Solves a x = b for n <= CAMERA_FIT_MAX by elimination with partial
// pivoting; false when a is singular.
static bool solve_linear(double a[CAMERA_FIT_MAX][CAMERA_FIT_MAX],
                         const double *b, size_t n, double *x)
{
    double m[CAMERA_FIT_MAX][CAMERA_FIT_MAX + 1];
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++)
            m[i][j] = a[i][j];
        m[i][n] = b[i];
    }
    for (size_t c = 0; c < n; c++) {
        size_t piv = c;
        for (size_t i = c + 1; i < n; i++) {
            if (fabs(m[i][c]) > fabs(m[piv][c]))
                piv = i;
        }
        if (fabs(m[piv][c]) < 1e-300)
            return false;
        for (size_t j = 0; j <= n; j++) {
            double t = m[c][j];
            m[c][j] = m[piv][j];
            m[piv][j] = t;
        }
        for (size_t i = c + 1; i < n; i++) {
            double f = m[i][c] / m[c][c];
            for (size_t j = c; j <= n; j++)
                m[i][j] -= f * m[c][j];
        }
    }
    for (size_t i = n; i-- > 0;) {
        double s = m[i][n];
        for (size_t j = i + 1; j < n; j++)
            s -= m[i][j] * x[j];
        x[i] = s / m[i][i];
    }
    return true;
}

AuStatus camera_fit_solve(const CameraRig *rig, const CameraTerm *terms,
                          size_t n, double scale_m, double *q)
{
    size_t np = rig->sideways == CAMERA_RIG_FREE ? 4 : 3;
    AU_ASSERT(n >= np && n <= CAMERA_TERMS_MAX);
    double r[CAMERA_TERMS_MAX];
    // A first guess that sees every point: back off until it does.
    int tries = 0;
    while (!residuals(rig, terms, n, q, r)) {
        if (++tries > 30)
            return AU_EINVAL;
        q[0] += log(1.5);
    }
    double err = sum_sq(r, n);
    const double h[CAMERA_FIT_MAX] = { 1e-6, 1e-6 * scale_m, 1e-6 * scale_m,
                                       1e-6 * scale_m };
    // Misses this small are far below a pixel of any frame.
    for (int it = 0; it < 100 && err > 1e-16; it++) {
        double jac[CAMERA_TERMS_MAX][CAMERA_FIT_MAX];
        for (size_t j = 0; j < np; j++) {
            double qj[CAMERA_FIT_MAX], rj[CAMERA_TERMS_MAX];
            memcpy(qj, q, np * sizeof(*q));
            double step = h[j];
            qj[j] = q[j] + step;
            if (!residuals(rig, terms, n, qj, rj)) {
                step = -step;
                qj[j] = q[j] + step;
                if (!residuals(rig, terms, n, qj, rj))
                    return AU_EINVAL;
            }
            for (size_t i = 0; i < n; i++)
                jac[i][j] = (rj[i] - r[i]) / step;
        }
        // The normal equations of the least-squares step.
        double ata[CAMERA_FIT_MAX][CAMERA_FIT_MAX], atr[CAMERA_FIT_MAX];
        for (size_t a = 0; a < np; a++) {
            atr[a] = 0.0;
            for (size_t i = 0; i < n; i++)
                atr[a] += jac[i][a] * r[i];
            for (size_t b = 0; b < np; b++) {
                ata[a][b] = 0.0;
                for (size_t i = 0; i < n; i++)
                    ata[a][b] += jac[i][a] * jac[i][b];
            }
        }
        double d[CAMERA_FIT_MAX];
        if (!solve_linear(ata, atr, np, d))
            break;
        // Steps far from the answer can overshoot: at most a factor of
        // two in distance and two frames sideways at a time.
        double t = 1.0;
        if (fabs(d[0]) > 0.7)
            t = 0.7 / fabs(d[0]);
        for (size_t j = 1; j < np; j++) {
            if (fabs(d[j]) * t > 2.0 * scale_m)
                t = 2.0 * scale_m / fabs(d[j]);
        }
        bool moved = false;
        for (; t > 1e-4; t *= 0.5) {
            double qn[CAMERA_FIT_MAX], rn[CAMERA_TERMS_MAX];
            for (size_t j = 0; j < np; j++)
                qn[j] = q[j] - t * d[j];
            if (residuals(rig, terms, n, qn, rn) && sum_sq(rn, n) < err) {
                double gain = err - sum_sq(rn, n);
                memcpy(q, qn, np * sizeof(*q));
                memcpy(r, rn, n * sizeof(*r));
                err = sum_sq(r, n);
                moved = gain > 1e-14 * (1.0 + err);
                break;
            }
        }
        if (!moved)
            break;
    }
    for (size_t i = 0; i < n; i++) {
        if (!(fabs(r[i]) <= 1.0))
            return AU_EINVAL;
    }
    return AU_OK;
}
