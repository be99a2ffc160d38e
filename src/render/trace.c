/* render/trace.c: the path tracer. Traces each pixel's samples against
 * the Embree scene scene.c keeps, over tiles on all cores, through a thin
 * lens, with sun, sky, lamps and emitters sampled by multiple importance. */
#include <stdatomic.h>
#include <string.h>

#include <embree3/rtcore.h>

#include "render_internal.h"

struct RenderDevice {
    const AuAllocator *alloc;
    BaseDiag *diag;
    RTCDevice device;
    double clamp;
    double noise_target;
    RenderGeoCache *geo;
    // The last frame's sky table and the rig it was built for: a shot's
    // frames share their lighting, so the table is built once per rig.
    struct SkyTable *sky;
    LightRig sky_rig;
    RenderEmitters emit; /**< the last frame's emissive triangles */
};

static void embree_error(void *user, enum RTCError code, const char *str)
{
    RenderDevice *dev = user;
    AuSrcLoc loc = { NULL, 0, 0 };
    base_diag(dev->diag, loc, AU_SEVERITY_ERROR, "embree",
              "Embree error %d: %s", (int)code, str ? str : "(no message)");
}

AuStatus render_device_new(const AuAllocator *alloc, BaseDiag *diag,
                           RenderDevice **out)
{
    RenderDevice *dev = base_calloc(alloc, 1, sizeof *dev);
    if (!dev)
        return AU_ENOMEM;
    dev->alloc = alloc;
    dev->diag = diag;
    dev->noise_target = RENDER_NOISE_DEFAULT;
    render_emitters_init(&dev->emit, alloc);
    dev->device = rtcNewDevice("verbose=0");
    if (!dev->device) {
        AuSrcLoc loc = { NULL, 0, 0 };
        base_diag(diag, loc, AU_SEVERITY_ERROR, "embree",
                  "cannot start Embree (error %d)",
                  (int)rtcGetDeviceError(NULL));
        base_free(alloc, dev);
        return AU_EINTERNAL;
    }
    rtcSetDeviceErrorFunction(dev->device, embree_error, dev);
    if (render_geo_cache_new(alloc, dev->device, &dev->geo) != AU_OK) {
        rtcReleaseDevice(dev->device);
        base_free(alloc, dev);
        return AU_ENOMEM;
    }
    *out = dev;
    return AU_OK;
}

AuStatus render_device_set_clamp(RenderDevice *dev, double clamp)
{
    if (!(clamp >= 0.0))
        return AU_EINVAL;
    dev->clamp = clamp;
    return AU_OK;
}

AuStatus render_device_set_noise_target(RenderDevice *dev, double target)
{
    if (!(target >= 0.0))
        return AU_EINVAL;
    dev->noise_target = target;
    return AU_OK;
}

void render_device_free(RenderDevice **dev)
{
    if (!dev || !*dev)
        return;
    render_geo_cache_free(&(*dev)->geo);
    render_emitters_fini(&(*dev)->emit);
    base_free((*dev)->alloc, (*dev)->sky);
    rtcReleaseDevice((*dev)->device);
    base_free((*dev)->alloc, *dev);
    *dev = NULL;
}

AuStatus render_frame_init(Frame *f, const AuAllocator *alloc, int width,
                           int height)
{
    memset(f, 0, sizeof *f);
    if (width <= 0 || height <= 0 || width > AU_MAX_FRAME_SIDE ||
        height > AU_MAX_FRAME_SIDE)
        return AU_EINVAL;
    size_t n = (size_t)width * (size_t)height;
    f->alloc = alloc;
    f->width = width;
    f->height = height;
    f->rgb = base_calloc(alloc, n * 3, sizeof(float));
    f->albedo = base_calloc(alloc, n * 3, sizeof(float));
    f->id = base_calloc(alloc, n, sizeof(uint16_t));
    f->normal = base_calloc(alloc, n * 3, sizeof(float));
    f->depth = base_calloc(alloc, n, sizeof(float));
    f->variance = base_calloc(alloc, n, sizeof(float));
    f->motion = base_calloc(alloc, n * 2, sizeof(float));
    f->mixed = base_calloc(alloc, n, 1);
    f->defocus = base_calloc(alloc, n, 1);
    f->band = base_calloc(alloc, n, 1);
    f->sun = base_calloc(alloc, n * 3, sizeof(float));
    f->shared = base_calloc(alloc, n, 1);
    f->bounce = base_calloc(alloc, n * 3, sizeof(float));
    if (!f->rgb || !f->albedo || !f->id || !f->normal || !f->depth ||
        !f->variance || !f->motion || !f->mixed || !f->defocus || !f->band ||
        !f->sun || !f->shared || !f->bounce) {
        render_frame_fini(f);
        return AU_ENOMEM;
    }
    return AU_OK;
}

void render_frame_fini(Frame *f)
{
    if (f->alloc) {
        base_free(f->alloc, f->rgb);
        base_free(f->alloc, f->albedo);
        base_free(f->alloc, f->id);
        base_free(f->alloc, f->normal);
        base_free(f->alloc, f->depth);
        base_free(f->alloc, f->variance);
        base_free(f->alloc, f->motion);
        base_free(f->alloc, f->scratch);
        base_free(f->alloc, f->mixed);
        base_free(f->alloc, f->defocus);
        base_free(f->alloc, f->band);
        base_free(f->alloc, f->sun);
        base_free(f->alloc, f->shared);
        base_free(f->alloc, f->bounce);
    }
    f->shared = NULL;
    f->bounce = NULL;
    f->mixed = f->defocus = f->band = NULL;
    f->sun = NULL;
    f->scratch = NULL;
    f->scratch_floats = 0;
    f->rgb = f->albedo = f->normal = f->depth = f->variance = NULL;
    f->motion = NULL;
    f->id = NULL;
}

RenderGeoCache *render_device_geo_cache(RenderDevice *dev)
{
    return dev->geo;
}

// The sky as a light: a table of its brightness over cells of equal solid
// angle (bands of equal height in y times equal steps in azimuth), so a
// direction can be drawn in proportion to the sky's radiance.
enum {
    SKY_NY = 32,
    SKY_NPHI = 64,
    SKY_CELLS = SKY_NY * SKY_NPHI,
    SKY_GUIDE = 1024
};

typedef struct SkyTable {
    double cdf[SKY_CELLS]; /**< running sum of the cells' weights, to 1 */
    /** guide[k]: the first cell whose running sum passes k / SKY_GUIDE,
     * where the search for a number in that bucket starts. */
    uint16_t guide[SKY_GUIDE + 1];
    double weight[SKY_CELLS];
    double power; /**< the irradiance it gives a plane, roughly */
    /** The sky's radiance, looked up for every ray that leaves the set. */
    RenderSkyLut lut;
} SkyTable;

// Which lights a path vertex chose among, with what probability: the
// other half of the multiple-importance weight of a BSDF ray that finds
// one of them.
typedef struct LightPick {
    double p_sun;
    double p_sky;
    double p_lamp[LIGHT_MAX_LOCAL];
    double p_emit_sum; /**< all the emitter groups together */
    double p_emit[RENDER_EMIT_GROUPS];
} LightPick;

typedef struct TraceJob {
    const Scene *scene;
    RTCScene rtc;
    const RenderEmitters *emit;
    const CameraView *view;
    const LightRig *rig;
    const RenderSettings *settings;
    const RenderMotion *motion; /**< NULL: a still camera */
    RenderMotion still;         /**< motion without a moving shutter */
    double fog_sigma;           /**< the rig's fog extinction, per metre */
    Frame *frame;
    int tiles_x;
    bool bsdf_only;
    bool random_only;
    double sun_solid_angle;
    double sun_sin_radius; /**< sine of the sun disc's angular radius */
    double clamp;
    double noise_target; /**< 0: every pixel takes all its samples */
    double noise_floor;  /**< radiance below which noise is absolute */
    SkyTable sky;
    atomic_uint_fast64_t rays;
    /** Mesh index to its index in the motion's scene_prev, or NULL. */
    uint32_t *map_prev;
    /** The camera or a mesh moves while the shutter is open. */
    bool shutter;
} TraceJob;

enum {
    TILE = 32,
    // Mirror and glass bounces a path may take beyond max_bounces: enough
    // to pass through a window or a glass twice.
    SPECULAR_EXTRA = 8
};

static double lum(Vec3 c)
{
    return 0.2126 * c.x + 0.7152 * c.y + 0.0722 * c.z;
}

static Vec3 rgb3(const float c[3])
{
    return v3((double)c[0], (double)c[1], (double)c[2]);
}

static void sky_build(SkyTable *t, const LightRig *rig)
{
    double sum = 0.0;
    for (int iy = 0; iy < SKY_NY; iy++)
        for (int ip = 0; ip < SKY_NPHI; ip++) {
            double w = 0.0;
            // Four points per cell catch the sun's glow and the horizon.
            for (int k = 0; k < 4; k++) {
                double y = -1.0 + 2.0 * (iy + 0.25 + 0.5 * (k & 1)) / SKY_NY;
                double phi =
                    2.0 * BASE_PI * (ip + 0.25 + 0.5 * (k >> 1)) / SKY_NPHI;
                double r = sqrt(1.0 - y * y);
                float c[3];
                light_sky_radiance(rig, v3(r * cos(phi), y, r * sin(phi)), c);
                double m = (double)(c[0] > c[1] ? (c[0] > c[2] ? c[0] : c[2])
                                                : (c[1] > c[2] ? c[1] : c[2]));
                w += m > 0.0 ? m : 0.0;
            }
            t->weight[iy * SKY_NPHI + ip] = w * 0.25;
            sum += w * 0.25;
            t->cdf[iy * SKY_NPHI + ip] = sum;
        }
    // The mean over the sphere times pi: a uniform sky's irradiance.
    t->power = sum / SKY_CELLS * BASE_PI;
    for (int i = 0; i < SKY_CELLS; i++) {
        t->cdf[i] = sum > 0.0 ? t->cdf[i] / sum : 0.0;
        t->weight[i] = sum > 0.0 ? t->weight[i] / sum : 0.0;
    }
    int cell = 0;
    for (int k = 0; k <= SKY_GUIDE; k++) {
        double u = (double)k / SKY_GUIDE;
        while (cell < SKY_CELLS - 1 && t->cdf[cell] <= u)
            cell++;
        t->guide[k] = (uint16_t)cell;
    }
}

static double sky_pdf(const SkyTable *t, Vec3 d)
{
    int iy = (int)((d.y + 1.0) * (0.5 * SKY_NY));
    iy = iy < 0 ? 0 : iy >= SKY_NY ? SKY_NY - 1 : iy;
    double phi = atan2(d.z, d.x);
    if (phi < 0.0)
        phi += 2.0 * BASE_PI;
    int ip = (int)(phi * (SKY_NPHI / (2.0 * BASE_PI)));
    ip = ip < 0 ? 0 : ip >= SKY_NPHI ? SKY_NPHI - 1 : ip;
    return t->weight[iy * SKY_NPHI + ip] * (SKY_CELLS / (4.0 * BASE_PI));
}

static Vec3 sky_sample(const SkyTable *t, double u0, double u1, double u2,
                       double *pdf)
{
    int k = (int)(u0 * SKY_GUIDE);
    k = k < 0 ? 0 : k > SKY_GUIDE ? SKY_GUIDE : k;
    int lo = t->guide[k];
    while (lo < SKY_CELLS - 1 && t->cdf[lo] <= u0)
        lo++;
    int iy = lo / SKY_NPHI, ip = lo % SKY_NPHI;
    *pdf = t->weight[lo] * (SKY_CELLS / (4.0 * BASE_PI));
    double y = -1.0 + (iy + u1) * (2.0 / SKY_NY);
    double r = sqrt(1.0 - y * y < 0.0 ? 0.0 : 1.0 - y * y), sp, cp;
    base_sincos_turns((ip + u2) * (1.0 / SKY_NPHI), &sp, &cp);
    return v3(r * cp, y, r * sp);
}

static void init_ray(struct RTCRayHit *rh, Vec3 o, Vec3 d, float tnear)
{
    rh->ray.org_x = (float)o.x;
    rh->ray.org_y = (float)o.y;
    rh->ray.org_z = (float)o.z;
    rh->ray.dir_x = (float)d.x;
    rh->ray.dir_y = (float)d.y;
    rh->ray.dir_z = (float)d.z;
    rh->ray.tnear = tnear;
    rh->ray.tfar = 1e30f;
    rh->ray.mask = 0xFFFFFFFFu;
    rh->ray.flags = 0;
    rh->ray.time = 0.0f;
    rh->hit.geomID = RTC_INVALID_GEOMETRY_ID;
    rh->hit.instID[0] = RTC_INVALID_GEOMETRY_ID;
}

static bool occluded(RTCScene rtc, Vec3 o, Vec3 d, float tfar, float time)
{
    struct RTCIntersectContext ctx;
    rtcInitIntersectContext(&ctx);
    struct RTCRay r;
    r.org_x = (float)o.x;
    r.org_y = (float)o.y;
    r.org_z = (float)o.z;
    r.dir_x = (float)d.x;
    r.dir_y = (float)d.y;
    r.dir_z = (float)d.z;
    r.tnear = 1e-4f;
    r.tfar = tfar;
    r.mask = 0xFFFFFFFFu;
    r.flags = 0;
    r.time = time;
    r.id = 0;
    rtcOccluded1(rtc, &ctx, &r);
    return r.tfar < 0.0f;
}

// A direction uniformly inside the cone of half-angle acos(cos_max)
// around @p axis: the sun's disc, or a lamp's sphere seen from a point.
static Vec3 cone_sample(Vec3 axis, double cos_max, double u1, double u2)
{
    double cos_t = 1.0 - u1 * (1.0 - cos_max);
    double sin_t = sqrt(1.0 - cos_t * cos_t), sp, cp;
    base_sincos_turns(u2, &sp, &cp);
    Vec3 n = axis;
    double sign = n.z >= 0.0 ? 1.0 : -1.0;
    double a = -1.0 / (sign + n.z);
    double bb = n.x * n.y * a;
    Vec3 t = v3(1.0 + sign * n.x * n.x * a, sign * bb, -sign * n.x);
    Vec3 b = v3(bb, sign + n.y * n.y * a, -n.y);
    return v3_add(v3_add(v3_scale(t, sin_t * cp), v3_scale(b, sin_t * sp)),
                  v3_scale(axis, cos_t));
}

// The solid angle lamp @p l fills seen from @p p, 0 from inside it.
static double lamp_cone(const LightLocal *l, Vec3 p, Vec3 *axis,
                        double *cos_max, double *dist)
{
    Vec3 to = v3_sub(l->position, p);
    *dist = v3_len(to);
    if (*dist <= l->radius_m * 1.001)
        return 0.0;
    *axis = v3_scale(to, 1.0 / *dist);
    double sin_max = l->radius_m / *dist;
    *cos_max = sqrt(1.0 - sin_max * sin_max);
    return 2.0 * BASE_PI * (1.0 - *cos_max);
}

static double power_heuristic(double a, double b)
{
    return a * a / (a * a + b * b);
}

// Chooses which light to sample from @p p in proportion to the light each
// would bring to a surface facing @p n; false when none can.
static bool pick_lights(const TraceJob *job, Vec3 p, Vec3 n, bool no_sun,
                        LightPick *pick)
{
    const LightRig *rig = job->rig;
    double sum = 0.0;
    double sun_l = lum(rgb3(rig->sun_radiance));
    pick->p_sun = 0.0;
    if (!no_sun && sun_l > 0.0 && job->sun_solid_angle > 0.0) {
        double c = v3_dot(n, rig->sun_dir);
        pick->p_sun = c > 0.0 ? sun_l * job->sun_solid_angle * c : 0.0;
    }
    sum += pick->p_sun;
    pick->p_sky = job->sky.power;
    sum += pick->p_sky;
    pick->p_emit_sum =
        job->emit->group_count > 0
            ? render_emitters_weigh(job->emit, p, n, pick->p_emit)
            : 0.0;
    sum += pick->p_emit_sum;
    for (size_t k = 0; k < rig->local_count; k++) {
        const LightLocal *l = &rig->locals[k];
        Vec3 axis;
        double cos_max, dist;
        double omega = lamp_cone(l, p, &axis, &cos_max, &dist);
        double w = 0.0;
        if (omega > 0.0) {
            // The sphere's far rim may show above a surface facing away
            // from its centre.
            double c = v3_dot(n, axis) + sqrt(1.0 - cos_max * cos_max);
            w = c > 0.0 ? lum(rgb3(l->radiance)) * omega * c : 0.0;
        }
        pick->p_lamp[k] = w;
        sum += w;
    }
    if (!(sum > 0.0))
        return false;
    pick->p_sun /= sum;
    pick->p_sky /= sum;
    for (size_t k = 0; k < rig->local_count; k++)
        pick->p_lamp[k] /= sum;
    pick->p_emit_sum /= sum;
    for (size_t g = 0; g < job->emit->group_count; g++)
        pick->p_emit[g] /= sum;
    return true;
}

// Draws a light direction from @p p: sets *dir, *radiance, *max_dist and
// returns the density over solid angle (selection included), 0 if none.
static double sample_light(const TraceJob *job, const LightPick *pick, Vec3 p,
                           const double u[3], Vec3 *dir, Vec3 *radiance,
                           float *max_dist)
{
    const LightRig *rig = job->rig;
    double u0 = u[0];
    *max_dist = 1e30f;
    if (u0 < pick->p_sun) {
        *dir = cone_sample(rig->sun_dir, rig->sun_cos_radius, u[1], u[2]);
        *radiance = rgb3(rig->sun_radiance);
        return pick->p_sun / job->sun_solid_angle;
    }
    u0 -= pick->p_sun;
    if (u0 < pick->p_sky ||
        (rig->local_count == 0 && !(pick->p_emit_sum > 0.0))) {
        if (!(pick->p_sky > 0.0))
            return 0.0;
        // The first draw picked the sky; rescaled, it picks the cell.
        double uc = u0 / pick->p_sky;
        double pdf;
        *dir = sky_sample(&job->sky, uc < 1.0 ? uc : 0.999999999, u[1], u[2],
                          &pdf);
        float c[3];
        render_sky_lut_eval_coarse(&job->sky.lut, rig, *dir, c);
        *radiance = rgb3(c);
        return pick->p_sky * pdf;
    }
    u0 -= pick->p_sky;
    if (u0 < pick->p_emit_sum || rig->local_count == 0)
        return render_emitters_sample(job->emit, pick->p_emit, p, u0, u[1],
                                      u[2], dir, radiance, max_dist);
    u0 -= pick->p_emit_sum;
    size_t k = 0;
    while (k + 1 < rig->local_count && u0 >= pick->p_lamp[k]) {
        u0 -= pick->p_lamp[k];
        k++;
    }
    if (!(pick->p_lamp[k] > 0.0))
        return 0.0;
    const LightLocal *l = &rig->locals[k];
    Vec3 axis;
    double cos_max, dist;
    double omega = lamp_cone(l, p, &axis, &cos_max, &dist);
    if (!(omega > 0.0))
        return 0.0;
    *dir = cone_sample(axis, cos_max, u[1], u[2]);
    *radiance = v3_scale(rgb3(l->radiance), light_gobo_transmission(l, p));
    *max_dist = (float)(dist - l->radius_m);
    return pick->p_lamp[k] / omega;
}

// Where a ray meets a lamp's sphere from outside, or a negative number.
static double lamp_hit(const LightLocal *l, Vec3 o, Vec3 d)
{
    Vec3 oc = v3_sub(o, l->position);
    double b = v3_dot(oc, d);
    double c = v3_dot(oc, oc) - l->radius_m * l->radius_m;
    if (c <= 0.0)
        return -1.0;
    double disc = b * b - c;
    if (disc < 0.0)
        return -1.0;
    return -b - sqrt(disc);
}

static Vec3 shading_normal(const WorldMesh *m, const struct RTCRayHit *rh)
{
    if (m->normals) {
        const uint32_t *tri = &m->indices[3 * (size_t)rh->hit.primID];
        double u = (double)rh->hit.u, v = (double)rh->hit.v;
        double w = 1.0 - u - v;
        Vec3 n = v3(0, 0, 0);
        double wts[3] = { w, u, v };
        for (int k = 0; k < 3; k++) {
            const float *p = &m->normals[3 * (size_t)tri[k]];
            n = v3_add(n, v3_scale(v3((double)p[0], (double)p[1], (double)p[2]),
                                   wts[k]));
        }
        return v3_norm(n);
    }
    return v3_norm(
        v3((double)rh->hit.Ng_x, (double)rh->hit.Ng_y, (double)rh->hit.Ng_z));
}

// The first hit's surface, as the passes and the denoiser see it.
typedef struct FirstHit {
    Vec3 pos; /**< the hit point, or the ray's direction if it found none */
    unsigned geom, prim; /**< the mesh and triangle hit */
    float u, v;          /**< the hit's barycentrics */
    float albedo[3];
    float normal[3];
    float depth;
    uint16_t id;
    /** The sun's light at the first vertex, sampled on its own there:
     * nearly the same for every sample of a pixel. */
    Vec3 sun;
    Vec3 bounce;    /**< light from the first bounce on, when shared */
    uint8_t shared; /**< as Frame.shared */
} FirstHit;

// Where a path's random numbers come from: the camera sample's Sobol
// groups for the first vertex, where stratification pays most, and the
// pixel's generator beyond it.
typedef struct PathRandom {
    BaseRng *rng;
    /** The first vertex's numbers drawn ahead (random mode), 3 each:
     * light choice and direction, lobe choice and direction... */
    const double *light0;
    const double *bsdf0;
    /** ...or, when those are NULL, the Sobol groups they come from,
     * computed only when the path gets that far: a ray into the sky
     * needs neither, a last vertex no lobe. */
    const RenderSobol *light_seq;
    const RenderSobol *bsdf_seq;
    uint32_t index;
    float time;   /**< the sample's time in the shutter, 0..1 */
    Vec3 cam_org; /**< the camera ray, unrounded */
    Vec3 cam_dir;
    /** 0: the first bounce as usual; 1: this pixel leaves it to its
     * neighbours; 2: it traces it (Frame.shared). */
    int bounce_share;
} PathRandom;

// The first vertex's three numbers: drawn ahead, or the Sobol point.
static void first_numbers(const double *ahead, const RenderSobol *seq,
                          uint32_t index, double u[3])
{
    if (ahead) {
        memcpy(u, ahead, 3 * sizeof *u);
        return;
    }
    render_sobol_dims(seq, index, 3, u);
}

static void draw3(BaseRng *rng, double out[3])
{
    // Draws are sequenced explicitly: argument order is unspecified in
    // C, and the frame must not depend on the compiler.
    out[0] = base_rng_uniform(rng);
    out[1] = base_rng_uniform(rng);
    out[2] = base_rng_uniform(rng);
}

// Adds @p c to @p sum, capped at @p clamp in its largest channel when it
// reached the camera by more than one scattering.
static Vec3 add_light(Vec3 sum, Vec3 c, int scatters, double clamp)
{
    if (scatters >= 2) {
        double m =
            c.x > c.y ? (c.x > c.z ? c.x : c.z) : (c.y > c.z ? c.y : c.z);
        if (m > clamp)
            c = v3_scale(c, clamp / m);
    }
    return v3_add(sum, c);
}

// Henyey-Greenstein asymmetry of the fog: haze droplets scatter forward,
// so shafts glow brightest looking toward the sun.
static const double FOG_G = 0.6;

// The fog along @p t_m metres from @p o along @p d seen with throughput
// @p thr: adds the light it sends back along the ray (its ambient glow
// and, on the camera ray, the sun's single scattering tested by a shadow
// ray, so the set's shadows carve shafts in it) and returns the share of
// the light behind the segment that gets through.
// The director's lamps' light scattered by the fog along @p t_m metres of
// a camera ray from @p o along @p d: one lamp chosen by its power, one
// point drawn near it (equiangular), one shadow ray, the lamp's gobo, so
// a noir key draws beams through its slats.
static Vec3 fog_lamp(TraceJob *job, const PathRandom *pr, Vec3 o, Vec3 d,
                     double t_m, uint64_t *rays)
{
    const LightRig *rig = job->rig;
    double u[3];
    draw3(pr->rng, u);
    double total = 0.0;
    for (size_t k = 0; k < rig->local_count; k++) {
        const LightLocal *l = &rig->locals[k];
        total += lum(rgb3(l->radiance)) * l->radius_m * l->radius_m;
    }
    if (!(total > 0.0))
        return v3(0, 0, 0);
    size_t k = 0;
    double pick = u[0] * total, p_k = 0.0;
    for (;; k++) {
        const LightLocal *l = &rig->locals[k];
        p_k = lum(rgb3(l->radiance)) * l->radius_m * l->radius_m;
        if (pick < p_k || k + 1 == rig->local_count)
            break;
        pick -= p_k;
    }
    p_k /= total;
    const LightLocal *l = &rig->locals[k];
    double pdf;
    double s = render_fog_sample_equiangular(o, d, t_m, l->position,
                                             l->radius_m, u[1], &pdf);
    Vec3 at = v3_add(o, v3_scale(d, s));
    Vec3 axis;
    double cos_max, dist;
    double omega = lamp_cone(l, at, &axis, &cos_max, &dist);
    if (!(omega > 0.0) || !(pdf > 0.0) || !(p_k > 0.0))
        return v3(0, 0, 0);
    double gobo = light_gobo_transmission(l, at);
    if (gobo <= 0.0)
        return v3(0, 0, 0);
    (*rays)++;
    if (occluded(job->rtc, at, axis, (float)(dist - l->radius_m), pr->time))
        return v3(0, 0, 0);
    double sigma = job->fog_sigma;
    double w = sigma * render_fog_transmittance(sigma, s) *
               render_fog_transmittance(sigma, dist - l->radius_m) *
               render_phase_hg(v3_dot(axis, d), FOG_G) * omega * gobo /
               (pdf * p_k);
    return v3_scale(rgb3(l->radiance), w);
}

static double fog_segment(TraceJob *job, const PathRandom *pr, Vec3 o, Vec3 d,
                          double t_m, Vec3 thr, int v, Vec3 *radiance,
                          uint64_t *rays)
{
    const LightRig *rig = job->rig;
    // The rig's sun and sky are the light that reaches the set through
    // the fog already, so a bounce ray that leaves the set sees them as
    // light sampling does; only the camera looks out into the fog bank.
    if (v > 0 && !(t_m < 1e29))
        return 1.0;
    double tr = render_fog_transmittance(job->fog_sigma, t_m);
    Vec3 glow = v3_scale(rgb3(rig->fog_radiance), 1.0 - tr);
    if (v == 0 && job->sun_solid_angle > 0.0 &&
        lum(rgb3(rig->sun_radiance)) > 0.0) {
        // One point per camera ray, drawn where the fog's light reaches
        // the eye least dimmed; its weight is the fog's opacity.
        double u[3];
        draw3(pr->rng, u);
        double s = render_fog_sample_distance(job->fog_sigma, t_m, u[0]);
        Vec3 at = v3_add(o, v3_scale(d, s));
        Vec3 ld = cone_sample(rig->sun_dir, rig->sun_cos_radius, u[1], u[2]);
        (*rays)++;
        if (!occluded(job->rtc, at, ld, 1e30f, pr->time)) {
            double ph = render_phase_hg(v3_dot(ld, d), FOG_G);
            glow =
                v3_add(glow, v3_scale(rgb3(rig->sun_radiance),
                                      job->sun_solid_angle * ph * (1.0 - tr)));
        }
    }
    if (v == 0 && rig->local_count > 0)
        glow = v3_add(glow, fog_lamp(job, pr, o, d, t_m, rays));
    *radiance = add_light(*radiance, v3_mul(thr, glow), v + 1, job->clamp);
    return tr;
}

// Emission is one-sided: a triangle glows toward its front (its
// vertices counter-clockwise), the side light sampling draws.
static bool emitter_faces(const struct RTCRayHit *rh, Vec3 dir)
{
    return (double)rh->hit.Ng_x * dir.x + (double)rh->hit.Ng_y * dir.y +
               (double)rh->hit.Ng_z * dir.z <
           0.0;
}

// The MIS weight of an emitter found by a BSDF ray of density @p pdf
// drawn at @p from, against light sampling's density of the same point.
static double emitter_weight(const TraceJob *job, const LightPick *pick,
                             double pdf, Vec3 from, const struct RTCRayHit *rh,
                             Vec3 origin, Vec3 dir)
{
    if (!(pick->p_emit_sum > 0.0))
        return 1.0;
    Vec3 at = v3_add(origin, v3_scale(dir, (double)rh->ray.tfar));
    double pl = render_emitters_pdf(job->emit, pick->p_emit, rh->hit.geomID,
                                    rh->hit.primID, from, at);
    return power_heuristic(pdf, pl);
}

// Follows one path from the camera whose first ray @p cam_rh the caller
// has traced already (with the other camera rays of its block).
static Vec3 trace_path(TraceJob *job, const PathRandom *pr,
                       const struct RTCRayHit *cam_rh, FirstHit *first,
                       uint64_t *rays)
{
    Vec3 origin = pr->cam_org;
    Vec3 dir = pr->cam_dir;
    const LightRig *rig = job->rig;
    const int max_bounces = job->settings->max_bounces;
    Vec3 radiance = v3(0, 0, 0);
    Vec3 thr = v3(1, 1, 1);
    struct RTCIntersectContext ctx;
    rtcInitIntersectContext(&ctx);
    // The previous vertex's BSDF density (0: the camera or a mirror, whose
    // rays take the whole light they find), its light choice and place.
    double prev_pdf = 0.0;
    LightPick pick;
    memset(&pick, 0, sizeof pick);
    Vec3 prev_p = origin;
    int bounces = 0;
    bool collect_only = false;
    Vec3 before_bounce = v3(0, 0, 0);
    first->pos = dir;
    for (int v = 0; v <= max_bounces + SPECULAR_EXTRA; v++) {
        struct RTCRayHit rh;
        if (v == 0) {
            rh = *cam_rh;
        } else {
            init_ray(&rh, origin, dir, 1e-4f);
            rh.ray.time = pr->time;
            rtcIntersect1(job->rtc, &ctx, &rh);
            (*rays)++;
        }
        bool hit = rh.hit.geomID != RTC_INVALID_GEOMETRY_ID;
        double tfar = hit ? (double)rh.ray.tfar : 1e30;
        Vec3 thr_in = thr;
        if (job->fog_sigma > 0.0)
            thr = v3_scale(thr, fog_segment(job, pr, origin, dir, tfar, thr, v,
                                            &radiance, rays));
        // The director's lamps light the set but do not show on camera.
        for (size_t k = 0; v > 0 && k < rig->local_count; k++) {
            const LightLocal *l = &rig->locals[k];
            double t = lamp_hit(l, origin, dir);
            if (t <= 0.0 || t >= tfar)
                continue;
            double w = 1.0;
            if (prev_pdf > 0.0) {
                Vec3 axis;
                double cos_max, dist;
                double omega = lamp_cone(l, prev_p, &axis, &cos_max, &dist);
                double pl = omega > 0.0 ? pick.p_lamp[k] / omega : 0.0;
                w = power_heuristic(prev_pdf, pl);
            }
            // The fog and the gobo dim what reaches the lamp's sphere.
            w *= light_gobo_transmission(l, origin) *
                 render_fog_transmittance(job->fog_sigma, t);
            radiance = add_light(radiance,
                                 v3_scale(v3_mul(thr_in, rgb3(l->radiance)), w),
                                 v, job->clamp);
        }
        if (!hit) {
            // What the camera sees, straight or in a mirror, comes from
            // the fine table; light found by a bounce from the coarse one,
            // as light sampling does.
            float sky[3];
            if (prev_pdf > 0.0)
                render_sky_lut_eval_coarse(&job->sky.lut, rig, dir, sky);
            else
                render_sky_lut_eval(&job->sky.lut, rig, dir, sky);
            double w = prev_pdf > 0.0
                           ? power_heuristic(
                                 prev_pdf, pick.p_sky * sky_pdf(&job->sky, dir))
                           : 1.0;
            Vec3 l = v3_scale(rgb3(sky), w);
            if (job->sun_solid_angle > 0.0 &&
                v3_dot(dir, rig->sun_dir) >= rig->sun_cos_radius) {
                double ws =
                    prev_pdf > 0.0
                        ? power_heuristic(prev_pdf,
                                          pick.p_sun / job->sun_solid_angle)
                        : 1.0;
                l = v3_add(l, v3_scale(rgb3(rig->sun_radiance), ws));
            }
            radiance = add_light(radiance, v3_mul(thr, l), v, job->clamp);
            break;
        }
        const WorldMesh *m = &job->scene->meshes[rh.hit.geomID];
        const WorldMaterial *mat = &m->material;
        if ((mat->emission[0] > 0.0f || mat->emission[1] > 0.0f ||
             mat->emission[2] > 0.0f) &&
            emitter_faces(&rh, dir)) {
            double w = prev_pdf > 0.0 ? emitter_weight(job, &pick, prev_pdf,
                                                       prev_p, &rh, origin, dir)
                                      : 1.0;
            radiance = add_light(radiance,
                                 v3_scale(v3_mul(thr, rgb3(mat->emission)), w),
                                 v, job->clamp);
        }
        if (collect_only)
            break;
        Vec3 n = shading_normal(m, &rh);
        Vec3 ng = v3_norm(
            v3((double)rh.hit.Ng_x, (double)rh.hit.Ng_y, (double)rh.hit.Ng_z));
        bool entering = v3_dot(ng, dir) < 0.0;
        if (!entering)
            ng = v3_scale(ng, -1.0);
        if (v3_dot(n, ng) < 0.0)
            n = v3_scale(n, -1.0);
        if (v == 0) {
            memcpy(first->albedo, mat->albedo, sizeof first->albedo);
            first->normal[0] = (float)n.x;
            first->normal[1] = (float)n.y;
            first->normal[2] = (float)n.z;
            first->depth = rh.ray.tfar;
            first->pos = v3_add(origin, v3_scale(dir, (double)rh.ray.tfar));
            first->id = m->object_id;
            first->geom = rh.hit.geomID;
            first->prim = rh.hit.primID;
            first->u = rh.hit.u;
            first->v = rh.hit.v;
        }
        Vec3 wo = v3_scale(dir, -1.0);
        RenderBsdf bsdf;
        if (!render_bsdf_init(&bsdf, mat, n, wo, entering))
            break;
        Vec3 hitp = v3_add(origin, v3_scale(dir, (double)rh.ray.tfar));
        // Lift the next rays' origin off the surface along the geometric
        // normal, scaled to the distance so large sets do not self-shadow.
        double eps = 1e-4 * (1.0 + (double)rh.ray.tfar * 0.01);
        Vec3 p = v3_add(hitp, v3_scale(ng, eps));
        bool last = bounces >= max_bounces;
        bool smooth_lobes = bsdf.p_diffuse > 0.0 ||
                            (!bsdf.smooth && bsdf.p_coat + bsdf.p_metal > 0.0);
        double u[3];
        if (v == 0)
            first_numbers(pr->light0, pr->light_seq, pr->index, u);
        else
            draw3(pr->rng, u);
        // At the first vertex the sun, where it can light the surface, is
        // sampled on its own, besides one draw among the other lights:
        // its shadow is the sharpest, strongest thing in a day exterior,
        // and drawn by chance it would come out as salt and pepper that
        // the denoiser can only smudge. Its rays are as coherent as the
        // camera's.
        bool split_sun = v == 0 && !job->settings->sun_by_chance &&
                         !job->bsdf_only && smooth_lobes &&
                         job->sun_solid_angle > 0.0 &&
                         lum(rgb3(rig->sun_radiance)) > 0.0 &&
                         v3_dot(n, rig->sun_dir) > -job->sun_sin_radius;
        if (split_sun) {
            Vec3 ld =
                cone_sample(rig->sun_dir, rig->sun_cos_radius, u[1], u[2]);
            double pl = 1.0 / job->sun_solid_angle;
            double pb;
            Vec3 f = v3_dot(ld, ng) > 0.0 ? render_bsdf_eval(&bsdf, wo, ld, &pb)
                                          : v3(0, 0, 0);
            if (f.x + f.y + f.z > 0.0) {
                (*rays)++;
                if (!occluded(job->rtc, p, ld, 1e30f, pr->time)) {
                    double w = last ? 1.0 : power_heuristic(pl, pb);
                    Vec3 c = v3_scale(
                        v3_mul(v3_mul(thr, f), rgb3(rig->sun_radiance)),
                        w / pl);
                    radiance = add_light(radiance, c, v + 1, job->clamp);
                    first->sun = c;
                }
            }
        }
        if (!job->bsdf_only && smooth_lobes &&
            pick_lights(job, p, n, split_sun, &pick)) {
            Vec3 ld = v3(0, 0, 0), le = v3(0, 0, 0);
            float maxd;
            double pl = sample_light(job, &pick, p, u, &ld, &le, &maxd);
            double pb;
            Vec3 f = pl > 0.0 && v3_dot(ld, ng) > 0.0
                         ? render_bsdf_eval(&bsdf, wo, ld, &pb)
                         : v3(0, 0, 0);
            if (f.x + f.y + f.z > 0.0) {
                (*rays)++;
                if (!occluded(job->rtc, p, ld, maxd, pr->time)) {
                    double w = last ? 1.0 : power_heuristic(pl, pb);
                    // A lamp's light crosses the fog; the sun and sky
                    // come from outside the fog bank, already dimmed.
                    if (maxd < 1e29f)
                        w *= render_fog_transmittance(job->fog_sigma,
                                                      (double)maxd);
                    Vec3 c = v3_scale(v3_mul(v3_mul(thr, f), le), w / pl);
                    radiance = add_light(radiance, c, v + 1, job->clamp);
                }
            }
        } else {
            memset(&pick, 0, sizeof pick);
        }
        // A later BSDF ray that finds the sun weighs itself against the
        // sun's own draw, which this vertex made for certain.
        if (split_sun)
            pick.p_sun = 1.0;
        // With light sampling, the last vertex only goes on through a
        // mirror or glass lobe.
        bool rough_only = bsdf.p_glass <= 0.0 &&
                          !(bsdf.smooth && bsdf.p_coat + bsdf.p_metal > 0.0);
        if (last && !job->bsdf_only && rough_only)
            break;
        // Bounce light is smooth: at one sample a pixel, half the pixels
        // (a checkerboard) trace it and the others take it from them.
        if (v == 0 && rough_only && pr->bounce_share) {
            first->shared = (uint8_t)pr->bounce_share;
            if (pr->bounce_share == 1)
                break;
            before_bounce = radiance;
        }
        if (v == 0)
            first_numbers(pr->bsdf0, pr->bsdf_seq, pr->index, u);
        else
            draw3(pr->rng, u);
        Vec3 wi, weight;
        double pdf;
        if (!render_bsdf_sample(&bsdf, wo, u, &wi, &weight, &pdf))
            break;
        if (pdf > 0.0) {
            // A smooth lobe's light was all taken by light sampling at
            // the last vertex; without light sampling the next hit only
            // collects what it finds.
            if (last && !job->bsdf_only)
                break;
            collect_only = last;
            bounces++;
        }
        double side = v3_dot(wi, ng);
        // Only glass may send a path through the surface.
        if (side == 0.0 || (side < 0.0 && !(bsdf.glass > 0.0)))
            break;
        thr = v3_mul(thr, weight);
        double q = thr.x > thr.y ? (thr.x > thr.z ? thr.x : thr.z)
                                 : (thr.y > thr.z ? thr.y : thr.z);
        if (v >= 1 && q < 1.0) {
            // Russian roulette past the first bounce: a path that carries
            // little light ends early, the survivors carry its share, and
            // a path at full strength (glass, white walls) always goes on.
            if (base_rng_uniform(pr->rng) >= q)
                break;
            thr = v3_scale(thr, 1.0 / q);
        }
        prev_pdf = pdf;
        prev_p = p;
        origin = side > 0.0 ? p : v3_sub(hitp, v3_scale(ng, eps));
        dir = wi;
    }
    if (first->shared == 2)
        first->bounce = v3_sub(radiance, before_bounce);
    return radiance;
}

// A point on the lens aperture of radius 1: a disc, or a regular polygon
// of @p blades sides with a corner straight up, drawn uniformly.
static void lens_sample(int blades, double u1, double u2, double *x, double *y)
{
    if (blades < 3) {
        // Shirley's concentric map keeps the sampler's strata compact.
        double a = 2.0 * u1 - 1.0, b = 2.0 * u2 - 1.0;
        double r, turns;
        if (a == 0.0 && b == 0.0) {
            *x = *y = 0.0;
            return;
        }
        if (fabs(a) > fabs(b)) {
            r = a;
            turns = 0.125 * (b / a);
        } else {
            r = b;
            turns = 0.25 - 0.125 * (a / b);
        }
        double sp, cp;
        base_sincos_turns(turns, &sp, &cp);
        *x = r * cp;
        *y = r * sp;
        return;
    }
    // One triangle of the polygon by the first number's integer part,
    // a uniform point in it by the rest.
    double f = u1 * blades;
    int k = (int)f;
    k = k >= blades ? blades - 1 : k;
    double v = f - k;
    double s0, c0, s1, c1;
    base_sincos_turns(0.25 + (double)k / blades, &s0, &c0);
    base_sincos_turns(0.25 + (double)(k + 1) / blades, &s1, &c1);
    double s = sqrt(u2);
    *x = s * ((1.0 - v) * c0 + v * c1);
    *y = s * ((1.0 - v) * s0 + v * s1);
}

// Whether @p n samples with these luminance sums pin the pixel's mean
// down to the job's noise target. The sample variance is unbiased (n - 1),
// so two equal samples do stop a pixel: on sky and on flat lit walls the
// first samples agree to many digits.
static bool converged(double lum_sum, double lum_sq, int n, const TraceJob *job)
{
    double mean = lum_sum / n;
    double var = (lum_sq - lum_sum * mean) / (n - 1);
    double tol = job->noise_target * (fabs(mean) + job->noise_floor);
    return var / n <= tol * tol;
}

// One pixel's samples so far, while its block is traced sample by sample.
typedef struct PixelState {
    BaseRng rng;
    RenderSobol seq[3]; /**< its Sobol groups, hashed once */
    Vec3 sum;
    double lum_sum, lum_sq;
    // The first vertex's sun light, and the luminance of the rest.
    Vec3 sun;
    double rest_sum, rest_sq;
    // The lone sample's shared bounce (Frame.shared, Frame.bounce).
    Vec3 bounce;
    uint8_t shared;
    FirstHit centre;
    bool centre_sky;
    // Through an open lens the denoiser's guides are averaged over the
    // samples, so they blur with the picture: one sample's guide would
    // mark a noisy edge inside every out-of-focus one.
    Vec3 guide_alb, guide_n;
    double guide_depth;
    int guide_hits;
    int taken;
    bool done;
    // Whether the samples saw different surfaces, and how near and far
    // the surfaces they saw were (infinity for the sky).
    bool disagree;
    double near_m, far_m;
    // The sample being traced: its camera ray and first-vertex numbers.
    Vec3 org, dir;
    double time;
    double light0[4], bsdf0[4];
} PixelState;

// The camera rays of a block go to Embree together: neighbouring rays
// from one lens traverse the same nodes, which Embree's packets share.
enum {
    BLOCK = 4,
    BLOCK_RAYS = BLOCK * BLOCK
};

// Per-tile values every sample of every pixel shares.
typedef struct TileCamera {
    bool lens;
    double lens_r_m;
    bool spread; /**< guides averaged: an open lens or a moving shutter */
    uint64_t frame_key;
    int n_min; /**< samples before a pixel may stop */
} TileCamera;

static void pixel_begin(const TraceJob *job, const TileCamera *tc, size_t pix,
                        PixelState *ps)
{
    memset(ps, 0, sizeof *ps);
    uint64_t pix_key = base_hash_mix(tc->frame_key, pix);
    base_rng_seed(&ps->rng, pix_key, 0x5eed);
    for (int g = 0; g < 3 && !job->random_only; g++)
        render_sobol_seed(pix_key + (uint64_t)g,
                          (uint32_t)job->settings->samples, &ps->seq[g]);
    ps->centre_sky = true;
}

// Sets up sample @p s of the pixel at (@p x, @p y) and its camera ray in
// *rh; false when the pixel has all the samples it needs.
static bool pixel_camera_ray(const TraceJob *job, const TileCamera *tc,
                             PixelState *ps, int x, int y, int s,
                             struct RTCRayHit *rh)
{
    const RenderSettings *rs = job->settings;
    const Frame *f = job->frame;
    if (ps->done || s >= rs->samples ||
        (s >= tc->n_min && converged(ps->lum_sum, ps->lum_sq, s, job))) {
        ps->done = true;
        return false;
    }
    ps->taken = s + 1;
    // Three Sobol groups: the film and lens position, the first vertex's
    // light choice and direction, and its lobe choice and direction.
    double cam[4] = { 0.5, 0.5, 0.5, 0.5 };
    if (job->random_only) {
        for (int k = 0; k < 4; k++)
            cam[k] = base_rng_uniform(&ps->rng);
        for (int k = 0; k < 4; k++)
            ps->light0[k] = base_rng_uniform(&ps->rng);
        for (int k = 0; k < 4; k++)
            ps->bsdf0[k] = base_rng_uniform(&ps->rng);
    } else if (s > 0 || tc->lens) {
        // Sample 0's film position is the pixel centre; its lens
        // position is all it needs of the group.
        render_sobol_at(&ps->seq[0], (uint32_t)s, cam);
    }
    // Sample 0 goes through the pixel centre, so the albedo and ID passes
    // are crisp and exactly repeatable.
    double jx = s == 0 ? 0.5 : cam[0];
    double jy = s == 0 ? 0.5 : cam[1];
    const CameraView *view = job->view;
    CameraView moved;
    ps->time = 0.0;
    if (job->shutter) {
        // Each sample takes its own stratum of the shutter; sample 0 sits
        // at the opening, the frame's own time, so the passes show the
        // frame the motion pass tracks. The camera and the meshes share
        // the sample's time.
        double u = s == 0 ? 0.0 : base_rng_uniform(&ps->rng);
        ps->time = (s + u) / rs->samples;
    }
    if (job->motion && job->motion->view_close) {
        render_view_lerp(job->view, job->motion->view_close, ps->time, &moved);
        view = &moved;
    }
    double half_w = view->sensor_w_mm / (2.0 * view->focal_mm);
    double half_h = view->sensor_h_mm / (2.0 * view->focal_mm);
    double sx = ((x + jx) / f->width * 2.0 - 1.0) * half_w;
    double sy = (1.0 - (y + jy) / f->height * 2.0) * half_h;
    Vec3 d = v3_add(view->forward,
                    v3_add(v3_scale(view->right, sx), v3_scale(view->up, sy)));
    Vec3 o = view->position;
    if (tc->lens) {
        // A thin lens: rays through one pixel meet on the focus plane.
        double lx, ly;
        lens_sample(view->blades, cam[2], cam[3], &lx, &ly);
        Vec3 focus = v3_add(o, v3_scale(d, view->focus_m));
        o = v3_add(o, v3_add(v3_scale(view->right, lx * tc->lens_r_m),
                             v3_scale(view->up, ly * tc->lens_r_m)));
        d = v3_sub(focus, o);
    }
    ps->org = o;
    ps->dir = v3_norm(d);
    init_ray(rh, o, ps->dir, 0.0f);
    rh->ray.time = (float)ps->time;
    return true;
}

// Follows the path of the pixel's current sample from its traced camera
// ray and adds what it brings.
static void pixel_trace(TraceJob *job, const TileCamera *tc, PixelState *ps,
                        int x, int y, int s, const struct RTCRayHit *rh,
                        uint64_t *rays)
{
    // The checkerboard turns every frame, so the film's temporal
    // accumulation gives each pixel light it traced itself.
    int share =
        job->frame->bounce_used
            ? 1 + (int)(((uint64_t)x + (uint64_t)y + job->settings->frame) & 1u)
            : 0;
    PathRandom pr = { &ps->rng,
                      job->random_only ? ps->light0 : NULL,
                      job->random_only ? ps->bsdf0 : NULL,
                      &ps->seq[1],
                      &ps->seq[2],
                      (uint32_t)s,
                      (float)ps->time,
                      ps->org,
                      ps->dir,
                      share };
    FirstHit hit;
    memset(&hit, 0, sizeof hit);
    Vec3 c = trace_path(job, &pr, rh, &hit, rays);
    ps->sum = v3_add(ps->sum, c);
    double l = lum(c);
    ps->lum_sum += l;
    ps->lum_sq += l * l;
    ps->sun = v3_add(ps->sun, hit.sun);
    ps->bounce = hit.bounce;
    ps->shared = hit.shared;
    double rest = l - lum(hit.sun);
    ps->rest_sum += rest;
    ps->rest_sq += rest * rest;
    bool sky = !(hit.depth > 0.0f);
    double depth_m = sky ? 1e30 : (double)hit.depth;
    if (s == 0) {
        ps->centre = hit;
        ps->centre_sky = sky;
        ps->near_m = ps->far_m = depth_m;
    } else {
        ps->disagree |= sky != ps->centre_sky || hit.id != ps->centre.id ||
                        (!sky && hit.geom != ps->centre.geom);
        ps->near_m = depth_m < ps->near_m ? depth_m : ps->near_m;
        ps->far_m = depth_m > ps->far_m ? depth_m : ps->far_m;
    }
    if (tc->spread && hit.depth > 0.0f) {
        ps->guide_alb = v3_add(ps->guide_alb, rgb3(hit.albedo));
        ps->guide_n = v3_add(ps->guide_n, rgb3(hit.normal));
        ps->guide_depth += (double)hit.depth;
        ps->guide_hits++;
    } else if (tc->spread) {
        // The sky counts as white facing the lens, so a pixel the blur
        // half fills with sky divides out as much of it as its neighbours
        // do.
        ps->guide_alb = v3_add(ps->guide_alb, v3(1, 1, 1));
        ps->guide_n = v3_sub(ps->guide_n, ps->dir);
    }
}

// Whether a point @p depth_m metres away (1e30: the sky) blurs over more
// than a pixel through the lens: its circle of confusion, as an angle
// (aperture radius times the difference of the inverse distances), over
// a pixel's angle.
static bool defocused(const TraceJob *job, const TileCamera *tc, double depth_m)
{
    const CameraView *v = job->view;
    if (!tc->lens)
        return false;
    double px_angle = v->sensor_w_mm / v->focal_mm / job->frame->width;
    double coc = tc->lens_r_m * fabs(1.0 / v->focus_m - 1.0 / depth_m);
    return coc > px_angle;
}

// Writes the pixel's mean, variance and passes into the frame.
static void pixel_end(const TraceJob *job, const TileCamera *tc, PixelState *ps,
                      int x, int y)
{
    Frame *f = job->frame;
    size_t pix = (size_t)y * (size_t)f->width + (size_t)x;
    FirstHit *centre = &ps->centre;
    if (tc->spread && ps->guide_hits > 0) {
        double k = 1.0 / ps->guide_hits, ka = 1.0 / ps->taken;
        Vec3 n = v3_norm(ps->guide_n);
        centre->albedo[0] = (float)(ps->guide_alb.x * ka);
        centre->albedo[1] = (float)(ps->guide_alb.y * ka);
        centre->albedo[2] = (float)(ps->guide_alb.z * ka);
        centre->normal[0] = (float)n.x;
        centre->normal[1] = (float)n.y;
        centre->normal[2] = (float)n.z;
        centre->depth = (float)(ps->guide_depth * k);
    }
    double inv = 1.0 / ps->taken;
    f->rgb[3 * pix + 0] = (float)(ps->sum.x * inv);
    f->rgb[3 * pix + 1] = (float)(ps->sum.y * inv);
    f->rgb[3 * pix + 2] = (float)(ps->sum.z * inv);
    // The sun's light stays out of the denoiser where it is the same
    // surface's for every sample; elsewhere it is filtered with the rest.
    bool blurred =
        defocused(job, tc, ps->near_m) || defocused(job, tc, ps->far_m);
    bool keep_sun = f->sun_used && !ps->disagree && !blurred;
    double mean = ps->lum_sum * inv, sq = ps->lum_sq * inv;
    if (keep_sun) {
        f->sun[3 * pix + 0] = (float)(ps->sun.x * inv);
        f->sun[3 * pix + 1] = (float)(ps->sun.y * inv);
        f->sun[3 * pix + 2] = (float)(ps->sun.z * inv);
        mean = ps->rest_sum * inv;
        sq = ps->rest_sq * inv;
    } else if (f->sun_used) {
        f->sun[3 * pix] = f->sun[3 * pix + 1] = f->sun[3 * pix + 2] = 0.0f;
    }
    double var = sq - mean * mean;
    // The variance of the mean, which is what the denoiser trusts. One
    // sample says nothing of its spread; it is taken as wide as its value
    // (a standard deviation of 100%), so the denoiser averages such
    // pixels with their like instead of keeping each as it fell.
    if (ps->taken == 1)
        var = mean * mean;
    f->variance[pix] = (float)(var > 0.0 ? var * inv : 0.0);
    memcpy(&f->albedo[3 * pix], centre->albedo, sizeof centre->albedo);
    memcpy(&f->normal[3 * pix], centre->normal, sizeof centre->normal);
    f->depth[pix] = centre->depth;
    f->id[pix] = centre->id;
    if (f->mixed)
        f->mixed[pix] = ps->disagree && blurred;
    if (f->defocus)
        f->defocus[pix] = blurred;
    if (f->bounce_used) {
        f->shared[pix] = ps->shared;
        // Only a pixel that traced the bounce is read for it.
        if (ps->shared == 2) {
            f->bounce[3 * pix + 0] = (float)ps->bounce.x;
            f->bounce[3 * pix + 1] = (float)ps->bounce.y;
            f->bounce[3 * pix + 2] = (float)ps->bounce.z;
        }
    }
    if (f->motion && job->motion && job->motion->view_prev)
        render_motion_vector(
            job->motion->view_prev,
            ps->centre_sky
                ? centre->pos
                : render_motion_point(job->scene, job->motion->scene_prev,
                                      job->map_prev, centre->geom, centre->prim,
                                      centre->u, centre->v, centre->pos),
            ps->centre_sky, x + 0.5, y + 0.5, f->width, f->height,
            &f->motion[2 * pix]);
    else if (f->motion)
        f->motion[2 * pix] = f->motion[2 * pix + 1] = 0.0f;
}

static AuStatus trace_tile(void *user, size_t index, int thread)
{
    (void)thread;
    TraceJob *job = user;
    Frame *f = job->frame;
    const CameraView *view0 = job->view;
    const RenderSettings *rs = job->settings;
    int tx = (int)(index % (size_t)job->tiles_x) * TILE;
    int ty = (int)(index / (size_t)job->tiles_x) * TILE;
    int x1 = tx + TILE < f->width ? tx + TILE : f->width;
    int y1 = ty + TILE < f->height ? ty + TILE : f->height;
    uint64_t rays = 0;
    TileCamera tc;
    // The aperture's diameter is the focal length over the f-number, in
    // metres.
    tc.lens = view0->f_stop > 0.0 && view0->focus_m > 0.0;
    tc.lens_r_m = tc.lens ? view0->focal_mm / view0->f_stop * 0.5e-3 : 0.0;
    // Guides are averaged wherever the picture blurs: through an open lens
    // and along a moving shutter.
    tc.spread = tc.lens || job->shutter;
    tc.frame_key = base_hash_mix(base_hash_mix(rs->seed, rs->shot), rs->frame);
    // A moving shutter gives each sample its own slice of the interval,
    // so stopping early would leave the end of the interval out.
    tc.n_min = job->noise_target > 0.0 && rs->samples >= 4 &&
                       rs->samples <= RENDER_NOISE_MAX_SPP && !job->shutter
                   ? (rs->samples + 1) / 2
                   : rs->samples;
    struct RTCIntersectContext ctx;
    rtcInitIntersectContext(&ctx);
    ctx.flags = RTC_INTERSECT_CONTEXT_FLAG_COHERENT;
    PixelState ps[BLOCK_RAYS];
    struct RTCRayHit rh[BLOCK_RAYS];
    int lane_of[BLOCK_RAYS];
    for (int by = ty; by < y1; by += BLOCK) {
        for (int bx = tx; bx < x1; bx += BLOCK) {
            int bw = bx + BLOCK < x1 ? BLOCK : x1 - bx;
            int bh = by + BLOCK < y1 ? BLOCK : y1 - by;
            int n = bw * bh;
            for (int i = 0; i < n; i++)
                pixel_begin(job, &tc,
                            (size_t)(by + i / bw) * (size_t)f->width +
                                (size_t)(bx + i % bw),
                            &ps[i]);
            // Sample by sample: each pixel's numbers are drawn in the
            // same order as if it were traced alone, so the block changes
            // nothing but how the camera rays reach Embree.
            for (int s = 0; s < rs->samples; s++) {
                int m = 0;
                for (int i = 0; i < n; i++) {
                    lane_of[i] = -1;
                    if (pixel_camera_ray(job, &tc, &ps[i], bx + i % bw,
                                         by + i / bw, s, &rh[m]))
                        lane_of[i] = m++;
                }
                if (m == 0)
                    break;
                rtcIntersect1M(job->rtc, &ctx, rh, (unsigned)m,
                               sizeof(struct RTCRayHit));
                rays += (uint64_t)m;
                for (int i = 0; i < n; i++)
                    if (lane_of[i] >= 0)
                        pixel_trace(job, &tc, &ps[i], bx + i % bw, by + i / bw,
                                    s, &rh[lane_of[i]], &rays);
            }
            for (int i = 0; i < n; i++)
                pixel_end(job, &tc, &ps[i], bx + i % bw, by + i / bw);
        }
    }
    atomic_fetch_add(&job->rays, rays);
    return AU_OK;
}

static bool vec_equal(Vec3 a, Vec3 b)
{
    return a.x == b.x && a.y == b.y && a.z == b.z;
}

// Field by field: the struct's padding may differ between two equal views.
static bool views_equal(const CameraView *a, const CameraView *b)
{
    return vec_equal(a->position, b->position) &&
           vec_equal(a->forward, b->forward) && vec_equal(a->up, b->up) &&
           vec_equal(a->right, b->right) && a->focal_mm == b->focal_mm &&
           a->focus_m == b->focus_m;
}

// Whether pixel @p b shows the same smooth surface as @p a: the same
// object, depth within 10%, normals within about 25 degrees.
static bool same_surface(const Frame *f, size_t a, size_t b)
{
    float da = f->depth[a], db = f->depth[b];
    if (f->id[a] != f->id[b] || !(da > 0.0f) || !(db > 0.0f) ||
        fabsf(da - db) > 0.1f * (da < db ? da : db))
        return false;
    const float *na = &f->normal[3 * a], *nb = &f->normal[3 * b];
    return na[0] * nb[0] + na[1] * nb[1] + na[2] * nb[2] > 0.9f;
}

// Gives each pixel of row @p row that left its bounce to its neighbours
// the mean of theirs, per unit albedo, from those on the same surface
// (all four when none is): it adds that to its light and its variance.
// Reads only the neighbours' bounce and guides, which nothing writes
// here, so rows may run at once.
static AuStatus fill_bounce_row(void *user, size_t row, int thread)
{
    (void)thread;
    Frame *f = user;
    size_t w = (size_t)f->width, h = (size_t)f->height;
    for (size_t x = 0; x < w; x++) {
        size_t p = row * w + x;
        if (f->shared[p] != 1)
            continue;
        size_t nb[4];
        int k = 0;
        if (x > 0)
            nb[k++] = p - 1;
        if (x + 1 < w)
            nb[k++] = p + 1;
        if (row > 0)
            nb[k++] = p - w;
        if (row + 1 < h)
            nb[k++] = p + w;
        float sum[3] = { 0.0f, 0.0f, 0.0f };
        int used = 0;
        for (int pass = 0; pass < 2 && used == 0; pass++) {
            for (int i = 0; i < k; i++) {
                size_t q = nb[i];
                if (f->shared[q] != 2 || (pass == 0 && !same_surface(f, p, q)))
                    continue;
                for (int c = 0; c < 3; c++) {
                    float a = f->albedo[3 * q + (size_t)c];
                    sum[c] += f->bounce[3 * q + (size_t)c] /
                              (a > RENDER_ALBEDO_MIN ? a : RENDER_ALBEDO_MIN);
                }
                used++;
            }
        }
        if (used == 0)
            continue;
        float add[3];
        for (int c = 0; c < 3; c++) {
            float a = f->albedo[3 * p + (size_t)c];
            add[c] = sum[c] / (float)used *
                     (a > RENDER_ALBEDO_MIN ? a : RENDER_ALBEDO_MIN);
            f->rgb[3 * p + (size_t)c] += add[c];
        }
        // The lone sample's spread grows by what it borrowed.
        float sd = sqrtf(f->variance[p]) +
                   (0.2126f * add[0] + 0.7152f * add[1] + 0.0722f * add[2]);
        f->variance[p] = sd * sd;
    }
    return AU_OK;
}

static AuStatus frame_trace(RenderDevice *dev, const Scene *scene,
                            const CameraView *view, const LightRig *rig,
                            const RenderSettings *settings,
                            const RenderMotion *motion, Frame *frame,
                            uint64_t *rays, unsigned mode)
{
    if (settings->samples < 1 || settings->max_bounces < 0 || !frame->rgb)
        return AU_EINVAL;
    // The sky table is large for a stack shared with Embree's traversal.
    TraceJob *job = base_calloc(dev->alloc, 1, sizeof *job);
    if (!job)
        return AU_ENOMEM;
    // Which mesh is which at the shutter's closing and on the previous
    // frame, in one block freed with the job.
    const Scene *close = motion ? motion->scene_close : NULL;
    const Scene *prev = motion ? motion->scene_prev : NULL;
    uint32_t *maps = NULL;
    if ((close || prev) && scene->mesh_count > 0) {
        maps = base_calloc(dev->alloc, 2 * scene->mesh_count, sizeof *maps);
        if (!maps) {
            base_free(dev->alloc, job);
            return AU_ENOMEM;
        }
        // Motion too small to see is left out: the frame is then
        // exactly the one traced without it.
        if (close) {
            render_motion_match(scene, close, maps);
            if (render_motion_spread_px(scene, close, maps, view, frame->width,
                                        frame->height) < RENDER_BLUR_MIN_PX)
                close = NULL;
        }
        if (prev) {
            render_motion_match(scene, prev, maps + scene->mesh_count);
            job->map_prev = maps + scene->mesh_count;
        }
    }
    RTCScene rtc = NULL;
    size_t blurred = 0;
    AuStatus st = render_geo_cache_scene_blur(dev->geo, scene, close, maps,
                                              settings->shot, &rtc, &blurred);
    if (st != AU_OK) {
        base_free(dev->alloc, maps);
        base_free(dev->alloc, job);
        return st;
    }
    st = render_emitters_build(&dev->emit, scene);
    if (st != AU_OK) {
        base_free(dev->alloc, job);
        return st;
    }
    job->scene = scene;
    job->rtc = rtc;
    job->emit = &dev->emit;
    job->view = view;
    job->rig = rig;
    job->settings = settings;
    // An unmoving shutter traces exactly what a still camera does.
    job->motion = motion;
    if (motion && motion->view_close && views_equal(motion->view_close, view)) {
        job->still = *motion;
        job->still.view_close = NULL;
        job->motion = &job->still;
    }
    job->shutter = (job->motion && job->motion->view_close) || blurred > 0;
    job->fog_sigma =
        rig->fog_density_per_m > 0.0 ? rig->fog_density_per_m : 0.0;
    job->frame = frame;
    frame->sun_used = frame->sun && !settings->sun_by_chance;
    frame->bounce_used = frame->shared && frame->bounce &&
                         settings->samples == 1 && settings->max_bounces > 0 &&
                         mode == 0;
    job->bsdf_only = (mode & RENDER_MODE_BSDF_ONLY) != 0;
    job->random_only = (mode & RENDER_MODE_RANDOM) != 0;
    job->tiles_x = (frame->width + TILE - 1) / TILE;
    int tiles_y = (frame->height + TILE - 1) / TILE;
    job->sun_solid_angle = 2.0 * BASE_PI * (1.0 - rig->sun_cos_radius);
    job->sun_sin_radius =
        sqrt(fmax(0.0, 1.0 - rig->sun_cos_radius * rig->sun_cos_radius));
    job->clamp = dev->clamp > 0.0
                     ? dev->clamp
                     : RENDER_CLAMP_DEFAULT * pow(2.0, -rig->exposure_ev);
    if (!dev->sky || memcmp(&dev->sky_rig, rig, sizeof *rig) != 0) {
        sky_build(&job->sky, rig);
        render_sky_lut_build(&job->sky.lut, rig);
        if (!dev->sky)
            dev->sky = base_calloc(dev->alloc, 1, sizeof *dev->sky);
        if (dev->sky) {
            *dev->sky = job->sky;
            dev->sky_rig = *rig;
        }
    } else {
        job->sky = *dev->sky;
    }
    job->noise_target = mode == 0 ? dev->noise_target : 0.0;
    job->noise_floor = 0.05 * 0.18 * pow(2.0, -rig->exposure_ev);
    atomic_init(&job->rays, 0);
    st = base_parallel_for(settings->threads,
                           (size_t)job->tiles_x * (size_t)tiles_y, trace_tile,
                           job);
    if (st == AU_OK && frame->bounce_used)
        st = base_parallel_for(settings->threads, (size_t)frame->height,
                               fill_bounce_row, frame);
    if (rays)
        *rays += atomic_load(&job->rays);
    base_free(dev->alloc, maps);
    base_free(dev->alloc, job);
    return st;
}

AuStatus render_frame_mode(RenderDevice *dev, const Scene *scene,
                           const CameraView *view, const LightRig *rig,
                           const RenderSettings *settings, Frame *frame,
                           unsigned mode)
{
    return frame_trace(dev, scene, view, rig, settings, NULL, frame, NULL,
                       mode);
}

AuStatus render_frame(RenderDevice *dev, const Scene *scene,
                      const CameraView *view, const LightRig *rig,
                      const RenderSettings *settings, Frame *frame,
                      uint64_t *rays)
{
    return render_frame_motion(dev, scene, view, rig, settings, NULL, frame,
                               rays);
}

AuStatus render_frame_motion(RenderDevice *dev, const Scene *scene,
                             const CameraView *view, const LightRig *rig,
                             const RenderSettings *settings,
                             const RenderMotion *motion, Frame *frame,
                             uint64_t *rays)
{
    AuStatus st =
        frame_trace(dev, scene, view, rig, settings, motion, frame, rays, 0);
    if (st == AU_OK && settings->denoise)
        st = render_denoise(frame, settings->threads);
    return st;
}
