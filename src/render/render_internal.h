/* render/render_internal.h: what the path tracer's files share inside the
 * render stage: the low-discrepancy sampler (sample.c) and the material
 * model (material.c) that trace.c drives. Not part of the stage's API. */
#ifndef AU_RENDER_INTERNAL_H
#define AU_RENDER_INTERNAL_H

#include "render.h"

/** One point of a 4-dimensional Owen-scrambled Sobol sequence: sample
 * @p index of @p count (the pixel's sample count) of the sequence keyed
 * by @p key (a hash of the seed, shot, frame, pixel and the group of
 * dimensions). Each key gets its own scramble and its own shuffle of the
 * sample order, so pixels and groups are decorrelated while each pixel's
 * samples stay stratified. */
void render_sobol_point(uint32_t index, uint32_t count, uint64_t key,
                        double out[4]);

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
    double p_diffuse, p_coat, p_metal, p_glass; /**< lobe choice at wo */
} RenderBsdf;

/** Sets up @p b for material @p m hit from direction @p wo (unit, pointing
 * away from the surface) with shading normal @p n facing wo; @p entering
 * says the ray arrived from the mesh's outside. Returns false when the
 * surface scatters nothing (a black, non-transmissive material). */
bool render_bsdf_init(RenderBsdf *b, const WorldMaterial *m, Vec3 n, Vec3 wo,
                      bool entering);

/** The smooth lobes' reflectance times the cosine toward @p wi, per
 * channel, and in *pdf the solid-angle density with which
 * render_bsdf_sample picks @p wi (lobe choice included). */
Vec3 render_bsdf_eval(const RenderBsdf *b, Vec3 wo, Vec3 wi, double *pdf);

/** Draws an outgoing direction from @p u (3 uniform numbers). On success
 * sets *wi, *weight (reflectance times cosine over density), *pdf (0 for
 * a singular lobe, which light sampling cannot reach) and returns true;
 * false ends the path. */
bool render_bsdf_sample(const RenderBsdf *b, Vec3 wo, const double u[3],
                        Vec3 *wi, Vec3 *weight, double *pdf);

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

#endif
