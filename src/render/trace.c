/* render/trace.c: the path tracer. Builds an Embree scene from the world's
 * meshes, then traces each pixel's samples over tiles on all cores, with
 * the sun sampled directly and the sky reached by diffuse bounces. */
#include <stdatomic.h>
#include <string.h>

#include <embree3/rtcore.h>

#include "render.h"

struct RenderDevice {
    const AuAllocator *alloc;
    BaseDiag *diag;
    RTCDevice device;
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
    *out = dev;
    return AU_OK;
}

void render_device_free(RenderDevice **dev)
{
    if (!dev || !*dev)
        return;
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
    if (!f->rgb || !f->albedo || !f->id || !f->normal || !f->depth ||
        !f->variance) {
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
    }
    f->rgb = f->albedo = f->normal = f->depth = f->variance = NULL;
    f->id = NULL;
}

static AuStatus build_scene(RenderDevice *dev, const Scene *scene,
                            RTCScene *out)
{
    RTCScene rs = rtcNewScene(dev->device);
    if (!rs)
        return AU_EINTERNAL;
    rtcSetSceneBuildQuality(rs, RTC_BUILD_QUALITY_MEDIUM);
    for (size_t i = 0; i < scene->mesh_count; i++) {
        const WorldMesh *m = &scene->meshes[i];
        if (m->triangle_count == 0)
            continue;
        RTCGeometry g = rtcNewGeometry(dev->device, RTC_GEOMETRY_TYPE_TRIANGLE);
        if (!g)
            goto fail;
        // Embree pads its own buffers for its SIMD loads, so copying is
        // simpler and safer than sharing the arena's arrays.
        float *v = rtcSetNewGeometryBuffer(g, RTC_BUFFER_TYPE_VERTEX, 0,
                                           RTC_FORMAT_FLOAT3, 3 * sizeof(float),
                                           m->vertex_count);
        uint32_t *idx = rtcSetNewGeometryBuffer(
            g, RTC_BUFFER_TYPE_INDEX, 0, RTC_FORMAT_UINT3, 3 * sizeof(uint32_t),
            m->triangle_count);
        if (!v || !idx) {
            rtcReleaseGeometry(g);
            goto fail;
        }
        memcpy(v, m->positions, (size_t)m->vertex_count * 3 * sizeof(float));
        memcpy(idx, m->indices,
               (size_t)m->triangle_count * 3 * sizeof(uint32_t));
        rtcCommitGeometry(g);
        rtcAttachGeometryByID(rs, g, (unsigned)i);
        rtcReleaseGeometry(g);
    }
    rtcCommitScene(rs);
    if (rtcGetDeviceError(dev->device) != RTC_ERROR_NONE)
        goto fail;
    *out = rs;
    return AU_OK;
fail:
    rtcReleaseScene(rs);
    return AU_EINTERNAL;
}

typedef struct TraceJob {
    const Scene *scene;
    RTCScene rtc;
    const CameraView *view;
    const LightRig *rig;
    const RenderSettings *settings;
    Frame *frame;
    int tiles_x;
    double sun_solid_angle;
    atomic_uint_fast64_t rays;
} TraceJob;

enum {
    TILE = 32
};

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

static bool occluded(RTCScene rtc, Vec3 o, Vec3 d, float tfar)
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
    r.time = 0.0f;
    r.id = 0;
    rtcOccluded1(rtc, &ctx, &r);
    return r.tfar < 0.0f;
}

// An orthonormal basis around unit normal @p n (Duff et al.'s branchless
// construction), for turning hemisphere samples into world directions.
static void basis(Vec3 n, Vec3 *t, Vec3 *b)
{
    double sign = n.z >= 0.0 ? 1.0 : -1.0;
    double a = -1.0 / (sign + n.z);
    double bb = n.x * n.y * a;
    *t = v3(1.0 + sign * n.x * n.x * a, sign * bb, -sign * n.x);
    *b = v3(bb, sign + n.y * n.y * a, -n.y);
}

static Vec3 cosine_sample(Vec3 n, double u1, double u2)
{
    double r = sqrt(u1), phi = 2.0 * BASE_PI * u2;
    Vec3 t, b;
    basis(n, &t, &b);
    double z = sqrt(1.0 - u1 < 0.0 ? 0.0 : 1.0 - u1);
    return v3_add(v3_add(v3_scale(t, r * cos(phi)), v3_scale(b, r * sin(phi))),
                  v3_scale(n, z));
}

// A direction uniformly inside the cone of half-angle acos(cos_max)
// around @p axis: the sun's disc, or a lamp's sphere seen from a point.
static Vec3 cone_sample(Vec3 axis, double cos_max, double u1, double u2)
{
    double cos_t = 1.0 - u1 * (1.0 - cos_max);
    double sin_t = sqrt(1.0 - cos_t * cos_t);
    double phi = 2.0 * BASE_PI * u2;
    Vec3 t, b;
    basis(axis, &t, &b);
    return v3_add(
        v3_add(v3_scale(t, sin_t * cos(phi)), v3_scale(b, sin_t * sin(phi))),
        v3_scale(axis, cos_t));
}

// Next-event estimation toward the director's lamps from point @p p.
static Vec3 sample_lamps(const TraceJob *job, BaseRng *rng, Vec3 p, Vec3 n,
                         Vec3 ng, uint64_t *rays)
{
    Vec3 sum = v3(0, 0, 0);
    const LightRig *rig = job->rig;
    for (size_t k = 0; k < rig->local_count; k++) {
        const LightLocal *l = &rig->locals[k];
        double u1 = base_rng_uniform(rng), u2 = base_rng_uniform(rng);
        Vec3 to = v3_sub(l->position, p);
        double dist = v3_len(to);
        if (dist <= l->radius_m * 1.001)
            continue;
        double sin_max = l->radius_m / dist;
        double cos_max = sqrt(1.0 - sin_max * sin_max);
        Vec3 ld = cone_sample(v3_scale(to, 1.0 / dist), cos_max, u1, u2);
        double cos_l = v3_dot(n, ld);
        if (cos_l <= 0.0 || v3_dot(ng, ld) <= 0.0)
            continue;
        (*rays)++;
        if (occluded(job->rtc, p, ld, (float)(dist - l->radius_m)))
            continue;
        double k_omega = cos_l * 2.0 * BASE_PI * (1.0 - cos_max) / BASE_PI;
        sum = v3_add(sum,
                     v3_scale(v3((double)l->radiance[0], (double)l->radiance[1],
                                 (double)l->radiance[2]),
                              k_omega));
    }
    return sum;
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

// The largest radiance one indirect sample may carry: clamping removes the
// rare bright outliers (fireflies) that few samples cannot average away.
#define INDIRECT_CLAMP 8.0

// Traces one camera path; writes the first hit's albedo and object ID.
// The first hit's surface, as the passes and the denoiser see it.
typedef struct FirstHit {
    float albedo[3];
    float normal[3];
    float depth;
    uint16_t id;
} FirstHit;

static Vec3 trace_path(TraceJob *job, BaseRng *rng, Vec3 origin, Vec3 dir,
                       FirstHit *first, uint64_t *rays)
{
    const LightRig *rig = job->rig;
    Vec3 radiance = v3(0, 0, 0);
    Vec3 throughput = v3(1, 1, 1);
    struct RTCIntersectContext ctx;
    rtcInitIntersectContext(&ctx);
    for (int depth = 0; depth <= job->settings->max_bounces + 0; depth++) {
        struct RTCRayHit rh;
        init_ray(&rh, origin, dir, depth == 0 ? 0.0f : 1e-4f);
        rtcIntersect1(job->rtc, &ctx, &rh);
        (*rays)++;
        if (rh.hit.geomID == RTC_INVALID_GEOMETRY_ID) {
            float sky[3];
            light_sky_radiance(rig, dir, sky);
            Vec3 l = v3((double)sky[0], (double)sky[1], (double)sky[2]);
            if (depth == 0 && v3_dot(dir, rig->sun_dir) >= rig->sun_cos_radius)
                l = v3_add(l, v3((double)rig->sun_radiance[0],
                                 (double)rig->sun_radiance[1],
                                 (double)rig->sun_radiance[2]));
            Vec3 c = v3_mul(throughput, l);
            if (depth > 0) {
                double m = c.x > c.y ? (c.x > c.z ? c.x : c.z)
                                     : (c.y > c.z ? c.y : c.z);
                if (m > INDIRECT_CLAMP)
                    c = v3_scale(c, INDIRECT_CLAMP / m);
            }
            radiance = v3_add(radiance, c);
            break;
        }
        const WorldMesh *m = &job->scene->meshes[rh.hit.geomID];
        Vec3 alb =
            v3((double)m->material.albedo[0], (double)m->material.albedo[1],
               (double)m->material.albedo[2]);
        Vec3 n = shading_normal(m, &rh);
        Vec3 ng = v3_norm(
            v3((double)rh.hit.Ng_x, (double)rh.hit.Ng_y, (double)rh.hit.Ng_z));
        if (v3_dot(ng, dir) > 0.0)
            ng = v3_scale(ng, -1.0);
        if (v3_dot(n, ng) < 0.0)
            n = v3_scale(n, -1.0);
        if (depth == 0) {
            memcpy(first->albedo, m->material.albedo, sizeof first->albedo);
            first->normal[0] = (float)n.x;
            first->normal[1] = (float)n.y;
            first->normal[2] = (float)n.z;
            first->depth = rh.ray.tfar;
            first->id = m->object_id;
        }
        Vec3 hit = v3_add(origin, v3_scale(dir, (double)rh.ray.tfar));
        // Lift the next rays' origin off the surface along the geometric
        // normal, scaled to the distance so large sets do not self-shadow.
        double eps = 1e-4 * (1.0 + (double)rh.ray.tfar * 0.01);
        Vec3 p = v3_add(hit, v3_scale(ng, eps));

        // Draws are sequenced explicitly: argument order is unspecified in
        // C, and the frame must not depend on the compiler.
        double su1 = base_rng_uniform(rng);
        double su2 = base_rng_uniform(rng);
        Vec3 ls = cone_sample(rig->sun_dir, rig->sun_cos_radius, su1, su2);
        double cos_l = v3_dot(n, ls);
        if (cos_l > 0.0 && v3_dot(ng, ls) > 0.0) {
            (*rays)++;
            if (!occluded(job->rtc, p, ls, 1e30f)) {
                double k = cos_l * job->sun_solid_angle / BASE_PI;
                Vec3 sun = v3((double)rig->sun_radiance[0],
                              (double)rig->sun_radiance[1],
                              (double)rig->sun_radiance[2]);
                radiance =
                    v3_add(radiance,
                           v3_scale(v3_mul(v3_mul(throughput, alb), sun), k));
            }
        }
        if (rig->local_count)
            radiance = v3_add(radiance,
                              v3_mul(v3_mul(throughput, alb),
                                     sample_lamps(job, rng, p, n, ng, rays)));
        throughput = v3_mul(throughput, alb);
        double bu1 = base_rng_uniform(rng);
        double bu2 = base_rng_uniform(rng);
        dir = cosine_sample(n, bu1, bu2);
        if (v3_dot(dir, ng) <= 0.0)
            break;
        origin = p;
    }
    return radiance;
}

static AuStatus trace_tile(void *user, size_t index, int thread)
{
    (void)thread;
    TraceJob *job = user;
    Frame *f = job->frame;
    const CameraView *view = job->view;
    const RenderSettings *rs = job->settings;
    int tx = (int)(index % (size_t)job->tiles_x) * TILE;
    int ty = (int)(index / (size_t)job->tiles_x) * TILE;
    int x1 = tx + TILE < f->width ? tx + TILE : f->width;
    int y1 = ty + TILE < f->height ? ty + TILE : f->height;
    uint64_t rays = 0;
    double half_w = view->sensor_w_mm / (2.0 * view->focal_mm);
    double half_h = view->sensor_h_mm / (2.0 * view->focal_mm);
    uint64_t frame_key =
        base_hash_mix(base_hash_mix(rs->seed, rs->shot), rs->frame);
    for (int y = ty; y < y1; y++) {
        for (int x = tx; x < x1; x++) {
            size_t pix = (size_t)y * (size_t)f->width + (size_t)x;
            BaseRng rng;
            base_rng_seed(&rng, base_hash_mix(frame_key, pix), 0x5eed);
            Vec3 sum = v3(0, 0, 0);
            double lum_sum = 0.0, lum_sq = 0.0;
            FirstHit centre;
            memset(&centre, 0, sizeof centre);
            for (int s = 0; s < rs->samples; s++) {
                // Sample 0 goes through the pixel centre, so the albedo
                // and ID passes are crisp and exactly repeatable.
                double jx = s == 0 ? 0.5 : base_rng_uniform(&rng);
                double jy = s == 0 ? 0.5 : base_rng_uniform(&rng);
                double sx = ((x + jx) / f->width * 2.0 - 1.0) * half_w;
                double sy = (1.0 - (y + jy) / f->height * 2.0) * half_h;
                Vec3 d = v3_norm(
                    v3_add(view->forward, v3_add(v3_scale(view->right, sx),
                                                 v3_scale(view->up, sy))));
                FirstHit hit;
                memset(&hit, 0, sizeof hit);
                Vec3 c = trace_path(job, &rng, view->position, d, &hit, &rays);
                sum = v3_add(sum, c);
                double l = 0.2126 * c.x + 0.7152 * c.y + 0.0722 * c.z;
                lum_sum += l;
                lum_sq += l * l;
                if (s == 0)
                    centre = hit;
            }
            double inv = 1.0 / rs->samples;
            f->rgb[3 * pix + 0] = (float)(sum.x * inv);
            f->rgb[3 * pix + 1] = (float)(sum.y * inv);
            f->rgb[3 * pix + 2] = (float)(sum.z * inv);
            double mean = lum_sum * inv;
            double var = lum_sq * inv - mean * mean;
            // The variance of the mean, which is what the denoiser trusts.
            f->variance[pix] = (float)(var > 0.0 ? var * inv : 0.0);
            memcpy(&f->albedo[3 * pix], centre.albedo, sizeof centre.albedo);
            memcpy(&f->normal[3 * pix], centre.normal, sizeof centre.normal);
            f->depth[pix] = centre.depth;
            f->id[pix] = centre.id;
        }
    }
    atomic_fetch_add(&job->rays, rays);
    return AU_OK;
}

AuStatus render_frame(RenderDevice *dev, const Scene *scene,
                      const CameraView *view, const LightRig *rig,
                      const RenderSettings *settings, Frame *frame,
                      uint64_t *rays)
{
    if (settings->samples < 1 || settings->max_bounces < 0 || !frame->rgb)
        return AU_EINVAL;
    RTCScene rtc = NULL;
    AuStatus st = build_scene(dev, scene, &rtc);
    if (st != AU_OK)
        return st;
    TraceJob job;
    job.scene = scene;
    job.rtc = rtc;
    job.view = view;
    job.rig = rig;
    job.settings = settings;
    job.frame = frame;
    job.tiles_x = (frame->width + TILE - 1) / TILE;
    int tiles_y = (frame->height + TILE - 1) / TILE;
    job.sun_solid_angle = 2.0 * BASE_PI * (1.0 - rig->sun_cos_radius);
    atomic_init(&job.rays, 0);
    st = base_parallel_for(settings->threads,
                           (size_t)job.tiles_x * (size_t)tiles_y, trace_tile,
                           &job);
    rtcReleaseScene(rtc);
    if (rays)
        *rays += atomic_load(&job.rays);
    if (st == AU_OK && settings->denoise)
        st = render_denoise(frame, settings->threads);
    return st;
}
