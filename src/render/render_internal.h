/* render/render_internal.h: what the path tracer's files share inside the
 * render stage: the low-discrepancy sampler (sample.c) and the material
 * model (material.c) that trace.c drives. Not part of the stage's API. */
#ifndef AU_RENDER_INTERNAL_H
#define AU_RENDER_INTERNAL_H

#include <embree3/rtcore.h>

#include "render.h"

/** One point of a 4-dimensional Owen-scrambled Sobol sequence: sample
 * @p index of @p count (the pixel's sample count) of the sequence keyed
 * by @p key (a hash of the seed, shot, frame, pixel and the group of
 * dimensions). Each key gets its own scramble and its own shuffle of the
 * sample order, so pixels and groups are decorrelated while each pixel's
 * samples stay stratified. */
void render_sobol_point(uint32_t index, uint32_t count, uint64_t key,
                        double out[4]);

/** One sequence of render_sobol_point's, its hashes computed once: a
 * pixel sets it up before its samples. */
typedef struct RenderSobol {
    uint32_t mask;     /**< the index bits the sample count needs */
    uint32_t shuffle;  /**< seed of the sample order's scramble */
    uint32_t seeds[4]; /**< one output scramble per dimension */
} RenderSobol;

/** Sets up the sequence keyed by @p key for @p count samples. */
void render_sobol_seed(uint64_t key, uint32_t count, RenderSobol *out);
/** Point @p index of @p seq: exactly render_sobol_point's. */
void render_sobol_at(const RenderSobol *seq, uint32_t index, double out[4]);
/** The first @p dims (1 to 4) coordinates of point @p index of @p seq,
 * each exactly render_sobol_at's, the others not computed. */
void render_sobol_dims(const RenderSobol *seq, uint32_t index, int dims,
                       double *out);

/** Rows and columns of RenderGgxTable. */
enum {
    RENDER_GGX_N = 32
};

/** The directional albedo of the single-scattering GGX reflection lobe
 * (height-correlated Smith G2), which multiple-scattering compensation
 * (Kulla and Conty 2017) is built on. Row k is roughness k / (N - 1)
 * (alpha its square), column j the cosine j / (N - 1) between the
 * viewer and the normal. */
typedef struct RenderGgxTable {
    /** E: the share of light the lobe reflects with a Fresnel of 1. */
    double e[RENDER_GGX_N][RENDER_GGX_N];
    /** The same integral weighted by Schlick's (1 - wo.h)^5, so a lobe
     * with Schlick's Fresnel from F0 reflects F0 e + (1 - F0) e_w. */
    double e_w[RENDER_GGX_N][RENDER_GGX_N];
    /** E's cosine-weighted hemispherical average, 2 * integral of E mu
     * dmu, taken over the row as lookups interpolate it. */
    double e_avg[RENDER_GGX_N];
} RenderGgxTable;

/** The table: constant data in ggx_table.c, written by
 * bench/gen_ggx_table.c with render_ggx_albedo on a RENDER_GGX_GRID
 * grid per cell (its first column at cosine 0.001 for the horizon). */
const RenderGgxTable *render_ggx_table(void);

/** Points per side of each table cell's quadrature grid: cells lie
 * within 1e-4 of a 1024-point grid's (5e-4 at grazing below roughness
 * 0.2), where 48 per side erred by 5e-3 and already took 230 ms for the
 * whole table, too long to build it at run time. */
#define RENDER_GGX_GRID 512

/** The quadrature behind the table: E and the Schlick-weighted E_w of
 * the lobe of @p alpha seen at cosine @p mu (in (0, 1]), over an
 * @p m x @p m midpoint grid of the visible-normal sampler. */
void render_ggx_albedo(double mu, double alpha, int m, double *e, double *e_w);

/** A surface's scattering at one hit, split in two parts: the smooth
 * lobes (diffuse, sheen, rough coat and metal) that light sampling can
 * evaluate, and the singular or transmissive lobes (mirror coat and
 * metal, glass) that only BSDF sampling reaches. The shading frame's z
 * is the normal on the side the ray arrived from. */
typedef struct RenderBsdf {
    Vec3 n, t, b;
    Vec3 albedo;
    Vec3 sheen_rgb;    /**< sheen colour times its weight */
    Vec3 tint;         /**< glass transmission colour */
    double dielectric; /**< share of the opaque dielectric base */
    double coat;       /**< coat strength, 0..1 */
    double coat_f0;    /**< the coat's reflectance at normal incidence */
    double metal;      /**< share of the conductor */
    double glass;      /**< share of the clear dielectric */
    double wrap;       /**< subsurface wrap of the diffuse lobe */
    double alpha;      /**< GGX alpha = roughness^2 */
    double eta;        /**< outside over inside index, as the ray meets it */
    bool smooth;       /**< alpha too small for a microfacet lobe: mirror */
    /** The diffuse base's share once the coat took its reflection
     * (single and multiple scattering) toward wo. */
    double base;
    /** The multiple-scattering lobe of coat and metal, per channel: it
     * returns ms_rgb * (1 - E(wi.z)) * wi.z. */
    Vec3 ms_rgb;
    const RenderGgxTable *ggx; /**< the albedo table, when ms_rgb is on */
    int ggx_row;               /**< the table rows around alpha ... */
    double ggx_t;              /**< ... and the weight of the upper one */
    double p_diffuse, p_coat, p_metal, p_glass; /**< lobe choice at wo */
    double p_ms; /**< choice of the cosine-sampled multiple scattering */
} RenderBsdf;

/** Sets up @p b for material @p m hit from direction @p wo (unit, pointing
 * away from the surface) with shading normal @p n facing wo; @p entering
 * says the ray arrived from the mesh's outside. Returns false when the
 * surface scatters nothing (a black, non-transmissive material). */
bool render_bsdf_init(RenderBsdf *b, const WorldMaterial *m, Vec3 n, Vec3 wo,
                      bool entering);

/** The smooth lobes' reflectance times the cosine toward @p wi, per
 * channel, and in *pdf the solid-angle density with which
 * render_bsdf_sample picks @p wi (lobe choice included). @p wo is the
 * direction given to render_bsdf_init. */
Vec3 render_bsdf_eval(const RenderBsdf *b, Vec3 wo, Vec3 wi, double *pdf);

/** Draws an outgoing direction from @p u (3 uniform numbers). On success
 * sets *wi, *weight (reflectance times cosine over density), *pdf (0 for
 * a singular lobe, which light sampling cannot reach) and returns true;
 * false ends the path. */
bool render_bsdf_sample(const RenderBsdf *b, Vec3 wo, const double u[3],
                        Vec3 *wi, Vec3 *weight, double *pdf);

/** Fraction of light that crosses @p t_m metres of fog of extinction
 * @p sigma_per_m (Beer-Lambert); 0 for a ray that never hits (t_m of
 * 1e29 or more), 1 without fog. */
double render_fog_transmittance(double sigma_per_m, double t_m);

/** A distance in [0, t_m] drawn from @p u with density proportional to
 * sigma e^(-sigma s): the fog's single-scattering estimate at that point,
 * times (1 - transmittance(t_m)), is unbiased. @p sigma_per_m > 0. */
double render_fog_sample_distance(double sigma_per_m, double t_m, double u);

/** A distance along the ray from @p o in unit direction @p d, in
 * [0, t_m] (t_m of 1e29 or more: unbounded), drawn from @p u with density
 * (set in *pdf, per metre) inversely proportional to the squared distance
 * to the point light @p c, held at least @p min_dist_m away (equiangular
 * sampling). *pdf is 0 when the segment is empty. */
double render_fog_sample_equiangular(Vec3 o, Vec3 d, double t_m, Vec3 c,
                                     double min_dist_m, double u, double *pdf);

/** Henyey-Greenstein phase function per steradian, @p cos_theta between
 * the light's travel and the scattered direction, @p g its asymmetry. */
double render_phase_hg(double cos_theta, double g);

/** The view at time @p t in [0, 1] between @p open and @p close (the
 * camera at the shutter's opening and closing). */
void render_view_lerp(const CameraView *open, const CameraView *close, double t,
                      CameraView *out);

/** The motion pass at film position (@p x_px, @p y_px) of a @p width x
 * @p height frame that sees point @p p (or direction @p p when
 * @p at_infinity): where it was on @p prev's film minus where it is, in
 * pixels; 0 when it was behind the previous camera. */
void render_motion_vector(const CameraView *prev, Vec3 p, bool at_infinity,
                          double x_px, double y_px, int width, int height,
                          float out[2]);

/** How far a vertex may move between two moments that
 * render_motion_match pairs: 1 m, well beyond a sprint over a frame. */
#define RENDER_MOTION_JUMP_M 1.0

/** Matches each mesh of @p a with the same object's mesh in @p b (the
 * scene at another moment): map[i] is its index in @p b, or UINT32_MAX
 * when @p b has none with the same object ID, place among that object's
 * meshes (its index, when both lists are as long) and vertex and
 * triangle counts, or a vertex of it moved more than
 * RENDER_MOTION_JUMP_M. @p map has room for a->mesh_count entries. */
void render_motion_match(const Scene *a, const Scene *b, uint32_t *map);

/** Where the surface point @p p, hit at barycentrics (@p u, @p v) of
 * triangle @p prim of mesh @p geom of @p now, was in @p prev (@p map
 * from render_motion_match): @p p itself when @p prev or the mesh's
 * match is missing. */
Vec3 render_motion_point(const Scene *now, const Scene *prev,
                         const uint32_t *map, unsigned geom, unsigned prim,
                         float u, float v, Vec3 p);

/** The farthest any vertex of @p a in sight of @p view moves on its
 * film (@p width x @p height pixels) on its way to its match in @p b
 * (@p map from render_motion_match), in pixels; vertices behind the
 * camera or well off the frame are left out. */
double render_motion_spread_px(const Scene *a, const Scene *b,
                               const uint32_t *map, const CameraView *view,
                               int width, int height);

/** Object motion under this many pixels over the shutter is no blur:
 * the frame is traced as if nothing moved, so a breathing figure keeps
 * adaptive sampling and a still frame's exact result. */
#define RENDER_BLUR_MIN_PX 0.25

/** The grid of RenderSkyLut: fine enough that bilinear interpolation
 * stays within 0.5% of the sky model beside the sun's glow. */
enum {
    RENDER_SKY_LUT_N = 256,
    /** The coarse grid for light that reaches the camera by a diffuse
     * or glossy bounce: 50 KB, which stays in the core's cache where the
     * fine table's 790 KB did not, for bounce rays in every direction. */
    RENDER_SKY_COARSE_N = 64
};

/** A rig's sky radiance on a grid over the upper hemisphere (skylut.c),
 * so a ray that leaves the set costs a bilinear lookup instead of the sky
 * model's acos, exp and pow. */
typedef struct RenderSkyLut {
    float rad[RENDER_SKY_LUT_N + 1][RENDER_SKY_LUT_N + 1][3];
    float coarse[RENDER_SKY_COARSE_N + 1][RENDER_SKY_COARSE_N + 1][3];
    float ground[3]; /**< radiance below the horizon */
    /** Only the clear (Preetham) sky is tabulated: the gradient and
     * overcast skies are a few multiplies, cheaper than the lookup, and
     * are evaluated as they are. */
    bool direct;
    Vec3 axis[3]; /**< the table's frame; axis[2] points at the sun */
} RenderSkyLut;

/** Fills @p t from light_sky_radiance of @p rig. */
void render_sky_lut_build(RenderSkyLut *t, const LightRig *rig);
/** The sky's radiance along unit direction @p d: interpolated in @p t,
 * or @p rig's own model where the table is @c direct. */
void render_sky_lut_eval(const RenderSkyLut *t, const LightRig *rig, Vec3 d,
                         float out[3]);
/** render_sky_lut_eval on the coarse grid: within a few per cent of the
 * model, for the sky seen after a diffuse or glossy bounce and for light
 * sampling, which must both use it so their weights agree. */
void render_sky_lut_eval_coarse(const RenderSkyLut *t, const LightRig *rig,
                                Vec3 d, float out[3]);

/** The most emissive triangles light sampling keeps; the rest are found
 * by BSDF sampling alone (their MIS density is 0, so nothing is lost). */
#define RENDER_EMIT_MAX 65536

/** How many groups the emitters are split into in space: light sampling
 * weighs each group by what it may bring to the shading point. */
enum {
    RENDER_EMIT_GROUPS = 16
};

/** One emissive triangle in world space (emitters.c). */
typedef struct RenderEmitter {
    Vec3 p0, e1, e2; /**< a corner and the two edges from it, in metres */
    Vec3 n;          /**< unit normal of the glowing (front) side */
    Vec3 radiance;   /**< emitted radiance, the material's emission */
    double area_m2;
    double prob; /**< chance of being drawn within its group (by power) */
    double cdf;  /**< running sum of prob within the group, ending at 1 */
    uint32_t group;
    uint32_t mesh, prim; /**< mesh index and triangle within it */
} RenderEmitter;

/** Emitters close together in space, drawn as one light. */
typedef struct RenderEmitGroup {
    Vec3 centre;     /**< middle of the group's bounding box */
    double radius_m; /**< half the box's diagonal */
    /** The power-weighted mean of the triangles' normals: length 1 for a
     * flat group that shines one way, near 0 for a closed shape. */
    Vec3 axis;
    double power;          /**< sum of area x luminance of radiance */
    double lum_max;        /**< the brightest triangle's luminance */
    uint32_t first, count; /**< the group's range of RenderEmitters.tri */
} RenderEmitGroup;

/** The scene's emissive triangles as area lights: rebuilt per frame by
 * render_emitters_build into buffers kept across frames, so tracing
 * allocates nothing. */
typedef struct RenderEmitters {
    const AuAllocator *alloc;
    RenderEmitter *tri; /**< sorted by group */
    size_t count, tri_cap;
    RenderEmitGroup group[RENDER_EMIT_GROUPS];
    size_t group_count;
    /** For MIS: slot[mesh_base[mesh] + prim] is the triangle's index in
     * tri, or -1; mesh_base is SIZE_MAX for a mesh that does not glow. */
    size_t *mesh_base;
    size_t mesh_count, mesh_cap;
    int32_t *slot;
    size_t slot_cap;
} RenderEmitters;

/** An empty list that allocates through @p alloc. */
void render_emitters_init(RenderEmitters *e, const AuAllocator *alloc);
/** Releases the list's buffers. */
void render_emitters_fini(RenderEmitters *e);
/** Gathers the emissive triangles of @p scene (those of a material with
 * emission above 0, front face only, of non-zero area), splits them into
 * groups in space and sets up their power CDFs. AU_ENOMEM leaves an
 * empty list. */
AuStatus render_emitters_build(RenderEmitters *e, const Scene *scene);
/** Estimates the irradiance each group may bring to a surface at @p p
 * facing @p n, into w[0 .. group_count - 1]; returns their sum. An
 * estimate of 0 means the group cannot light the point. */
double render_emitters_weigh(const RenderEmitters *e, Vec3 p, Vec3 n,
                             double *w);
/** Draws a point on an emitter seen from @p p: a group by @p u0 against
 * the absolute probabilities @p p_group (their sum, less what u0 ran
 * past), a triangle in it by power with the rest of @p u0, a uniform
 * point by @p u1, @p u2. Sets *dir, *radiance and *max_dist (where the
 * shadow ray stops) and returns the solid-angle density, selection
 * included; 0 when the point shows its back. */
double render_emitters_sample(const RenderEmitters *e, const double *p_group,
                              Vec3 p, double u0, double u1, double u2,
                              Vec3 *dir, Vec3 *radiance, float *max_dist);
/** The density render_emitters_sample gives, from @p from, to the point
 * @p at on triangle @p prim of mesh @p mesh; 0 for a triangle it never
 * draws or whose back faces @p from. */
double render_emitters_pdf(const RenderEmitters *e, const double *p_group,
                           unsigned mesh, unsigned prim, Vec3 from, Vec3 at);

/** Ways to trace a frame that only tests and measurements want. */
enum {
    /** No light sampling: every light is found by BSDF sampling alone.
     * Slow and noisy; the unbiased reference the multiple-importance
     * estimator is held against. */
    RENDER_MODE_BSDF_ONLY = 1,
    /** Independent random numbers instead of the Sobol sampler, to
     * measure what the low-discrepancy sequence gains. */
    RENDER_MODE_RANDOM = 2
};

/** render_frame without the denoiser, traced the ways @p mode asks. */
AuStatus render_frame_mode(RenderDevice *dev, const Scene *scene,
                           const CameraView *view, const LightRig *rig,
                           const RenderSettings *settings, Frame *frame,
                           unsigned mode);

/** The Embree geometry of a device's frames (scene.c): the set's meshes
 * that do not move are built once per shot and instanced, the rest are
 * rebuilt per frame. A hit's geomID is the mesh index either way. */
typedef struct RenderGeoCache RenderGeoCache;

/** An empty cache on @p device; AU_ENOMEM. */
AuStatus render_geo_cache_new(const AuAllocator *alloc, RTCDevice device,
                              RenderGeoCache **out);
/** Frees the cache (NULL is accepted) and sets *c to NULL. */
void render_geo_cache_free(RenderGeoCache **c);
/** Sets *out to the scene to trace @p scene of shot @p shot against,
 * valid until the next call. Object-ID-0 meshes that are bit-identical
 * to the previous frame's of the same shot reuse its BVH; one that
 * changed is rebuilt with every later frame of the shot. AU_EINTERNAL
 * when Embree fails, AU_ENOMEM. */
AuStatus render_geo_cache_scene(RenderGeoCache *c, const Scene *scene,
                                uint64_t shot, RTCScene *out);
/** render_geo_cache_scene with object motion blur: each mesh of
 * @p scene whose match in @p close (@p close_map, from
 * render_motion_match) has other vertex positions gets two time steps,
 * its pose in @p scene at ray time 0 and in @p close at 1, and is kept
 * out of the static part. *blurred (may be NULL) gets how many meshes
 * move. @p close NULL is render_geo_cache_scene. */
AuStatus render_geo_cache_scene_blur(RenderGeoCache *c, const Scene *scene,
                                     const Scene *close,
                                     const uint32_t *close_map, uint64_t shot,
                                     RTCScene *out, size_t *blurred);
/** How many times the static part was built, for tests. */
size_t render_geo_cache_builds(const RenderGeoCache *c);

/** The cache of @p dev, for tests. */
RenderGeoCache *render_device_geo_cache(RenderDevice *dev);

#endif
