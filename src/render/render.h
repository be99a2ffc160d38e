/* render: the sixth stage. A path tracer on Embree 3: traces a Scene seen
 * through a CameraView (a thin lens) under a LightRig into a linear HDR
 * Frame with albedo, ID, normal and depth passes, multithreaded over tiles.
 * docs/rendering.md describes the material model and light transport. */
#ifndef AU_RENDER_H
#define AU_RENDER_H

#include "../base/base.h"
#include "../camera/camera.h"
#include "../light/light.h"
#include "../world/world.h"

/** A rendered frame. Arrays are row-major from the top-left, allocated
 * through the allocator given to render_frame_init. */
typedef struct Frame {
    const AuAllocator *alloc;
    int width;
    int height;
    float *rgb;      /**< linear radiance, 3 floats per pixel */
    float *albedo;   /**< linear surface reflectance, 3 floats per pixel */
    uint16_t *id;    /**< cast index + 1 of the surface seen, 0 for none */
    float *normal;   /**< unit shading normal of the first hit, 3 per pixel */
    float *depth;    /**< distance to the first hit in metres, 0 for sky */
    float *variance; /**< variance of the pixel's mean luminance */
    /** Screen-space motion, 2 floats per pixel: where the surface seen at
     * the pixel centre was on the previous frame's film minus where it is
     * now, in pixels (x right, y down); 0 without a previous view. A
     * point of a mesh that moves on its own is followed to where it was
     * when RenderMotion.scene_prev gives the previous pose. */
    float *motion;
    /** 1 where the pixel's samples, spread by a defocused lens, saw
     * different surfaces (or the sky and a surface): the band of a
     * blurred silhouette, which the denoiser smooths as one region. */
    uint8_t *mixed;
    /** 1 where the surface seen blurs over more than a pixel through the
     * lens: with a lone sample no pixel can see two surfaces, so the
     * denoiser finds the band from neighbours that differ here. */
    uint8_t *defocus;
    /** The sun's light at the first vertex, 3 floats per pixel, part of
     * rgb already; 0 where the pixel's samples disagree or blur through
     * the lens. Sampled for certain, it is all but exact, so the
     * denoiser filters the rest of the light and adds it back: the
     * shadows keep their edges. */
    float *sun;
    bool sun_used; /**< whether the last trace filled sun */
    /** At one sample a pixel, the first bounce is traced on a
     * checkerboard that turns every frame: 2 where the pixel traced it,
     * 1 where it left it to its neighbours, 0 where it was not shared (a
     * mirror or glass, the sky). The tracer fills the 1s from the 2s of
     * the same surface around them. */
    uint8_t *shared;
    float *bounce;    /**< light from the first bounce on, 3 per pixel */
    bool bounce_used; /**< whether the last trace shared the bounce */
    /** The denoiser's band of blurred silhouettes, a byte per pixel. */
    uint8_t *band;
    /** The denoiser's working planes, kept from frame to frame so a
     * video does not fault 45 MB of fresh pages in for every frame. */
    float *scratch;
    size_t scratch_floats;
} Frame;

/** Allocates the frame's arrays; AU_ENOMEM on failure. */
AuStatus render_frame_init(Frame *f, const AuAllocator *alloc, int width,
                           int height);
/** Releases the frame's arrays. */
void render_frame_fini(Frame *f);

/** How to trace one frame. The random sequence of each pixel derives from
 * (seed, shot, frame, pixel, sample) alone, so the result is the same for
 * any thread count. */
typedef struct RenderSettings {
    int samples;     /**< samples per pixel */
    int max_bounces; /**< indirect bounces after the first hit */
    int threads;     /**< 0 = one per core */
    uint64_t seed;
    uint64_t shot;
    uint64_t frame;
    int denoise; /**< non-zero: filter the noise after tracing */
    /** Non-zero: the sun is one of the lights drawn at random at the
     * first vertex too, a shadow ray fewer a sample (previews); 0: it is
     * sampled for certain there and kept apart in Frame.sun. */
    int sun_by_chance;
} RenderSettings;

/** The albedo below which light is not divided by the surface's colour
 * (the denoiser's demodulation, the shared bounce's fill), so black
 * surfaces do not divide by zero. */
#define RENDER_ALBEDO_MIN 0.02f

/** The firefly clamp at exposure 0, in linear radiance. */
#define RENDER_CLAMP_DEFAULT 8.0

/** Owns the Embree device, reused across frames. */
typedef struct RenderDevice RenderDevice;

/** Creates the device; Embree errors go to @p diag. AU_EINTERNAL when
 * Embree cannot start, AU_ENOMEM. */
AuStatus render_device_new(const AuAllocator *alloc, BaseDiag *diag,
                           RenderDevice **out);
/** Sets the firefly clamp of every frame traced on @p dev: the largest
 * radiance one path may bring by two or more scatterings (what the camera
 * sees and direct light on the first surface are never clamped).
 * 0, the default, is RENDER_CLAMP_DEFAULT times 2^-exposure_ev of the rig,
 * so it bites at the same brightness on screen by day and by night; a
 * very large value turns it off. AU_EINVAL (and no change) when @p clamp
 * is negative or not a number. (A device setting rather than a
 * RenderSettings field so positional initialisers keep compiling.) */
AuStatus render_device_set_clamp(RenderDevice *dev, double clamp);
/** The default of render_device_set_noise_target. */
#define RENDER_NOISE_DEFAULT 0.1
/** Adaptive sampling applies to frames of 4 to this many samples: a
 * frame asked for more is a reference, and takes every sample. */
#define RENDER_NOISE_MAX_SPP 16
/** Adaptive sampling on @p dev: a pixel traces half its samples (at least
 * two), then stops as soon as the standard error of its mean luminance is
 * at most @p target times that mean (plus a floor of 5% of the exposure's
 * mid grey, so near-black pixels are not chased). The decision uses the
 * pixel's own samples only, so the frame stays the same for any thread
 * count. 0 traces every sample everywhere; so does a moving shutter,
 * whose samples split the shutter interval, and a frame of fewer than 4 or
 * more than RENDER_NOISE_MAX_SPP samples. AU_EINVAL (and no change)
 * when @p target is negative or not a number. */
AuStatus render_device_set_noise_target(RenderDevice *dev, double target);
/** Frees the device (NULL is accepted) and sets *dev to NULL. */
void render_device_free(RenderDevice **dev);

/** Traces @p scene into @p frame (already initialised to the size wanted).
 * Adds the number of rays traced to *rays when @p rays is not NULL. Fails
 * with AU_EINTERNAL when Embree fails, AU_ENOMEM. */
AuStatus render_frame(RenderDevice *dev, const Scene *scene,
                      const CameraView *view, const LightRig *rig,
                      const RenderSettings *settings, Frame *frame,
                      uint64_t *rays);

/** The default shutter angle in degrees: open for half of each frame. */
#define RENDER_SHUTTER_DEG_DEFAULT 180.0

/** How the camera moves around one frame. */
typedef struct RenderMotion {
    /** The camera when the shutter closes: each sample takes a time
     * inside the shutter and the camera in between (motion blur). NULL,
     * or equal to the opening view, is an instantaneous shutter. */
    const CameraView *view_close;
    /** The camera of the previous frame, for Frame.motion; NULL leaves
     * the motion pass at 0. */
    const CameraView *view_prev;
    /** The scene posed when the shutter closes (object motion blur):
     * each mesh that moved in between, and has the same vertex and
     * triangle counts then, is traced at the sample's time between the
     * two poses; motion under a quarter of a pixel is left out. NULL:
     * nothing moves while the shutter is open. */
    const Scene *scene_close;
    /** The scene posed at the previous frame, for the motion of what
     * moves on its own (a walking character) in Frame.motion; NULL
     * gives every pixel the camera's motion alone. */
    const Scene *scene_prev;
} RenderMotion;

/** render_frame with the camera and the scene moving as @p motion says
 * (NULL: still). With a still camera and no scene_close the frame is
 * bit-identical to render_frame's. Any motion blur (a moving camera or a
 * mesh moving inside the shutter) traces every sample of every pixel. */
AuStatus render_frame_motion(RenderDevice *dev, const Scene *scene,
                             const CameraView *view, const LightRig *rig,
                             const RenderSettings *settings,
                             const RenderMotion *motion, Frame *frame,
                             uint64_t *rays);

/** Fills @p out for a frame @p t_s seconds into shot @p shot_index at
 * @p fps: the camera at the shutter's closing, @p shutter_deg / 360 of a
 * frame later (into *close), and a frame earlier (into *prev, the shot's
 * start for its first frame), each moved and focused from @p solved (the
 * shot's solved view) as camera_apply_move and camera_focus do, with
 * @p scene posed at @p t_s. A view that cannot be computed is left out
 * (NULL), which makes a sharp frame or a zero motion pass. */
void render_motion_views(const Production *prod, size_t shot_index,
                         const Scene *scene, const CameraView *solved,
                         double t_s, double fps, double shutter_deg,
                         uint64_t seed, CameraView *close, CameraView *prev,
                         RenderMotion *out);

/** Filters path-tracing noise out of @p frame's beauty in place, guided by
 * its albedo, normal, depth and variance buffers so edges, silhouettes and
 * textures stay sharp (an edge-avoiding a-trous wavelet filter). The result
 * depends only on the frame, never on @p threads. AU_ENOMEM on failure,
 * in which case the frame is unchanged. */
AuStatus render_denoise(Frame *frame, int threads);

/** The frames before, for temporal accumulation (render_temporal): the
 * last frame's graded-to-be colour, normals, depth and IDs. */
typedef struct RenderHistory {
    const AuAllocator *alloc;
    int width;
    int height;
    bool valid; /**< holds a frame of the same shot */
    float *rgb;
    float *normal;
    float *depth;
    uint16_t *id;
    float *scratch; /**< the blended frame, before it replaces the beauty */
} RenderHistory;

/** The new frame's share in each blend, and how far the distance to a
 * surface may differ (as a share) for history to count as the same. */
#define RENDER_TEMPORAL_ALPHA 0.25
#define RENDER_TEMPORAL_DEPTH 0.03
/** How far (as a share) history may stray outside the new frame's 3x3
 * neighbourhood before it is clamped. */
#define RENDER_TEMPORAL_SLACK 0.2
/** The least bilinear weight of matching history a pixel blends with. */
#define RENDER_TEMPORAL_MIN_WEIGHT 0.3

/** Allocates an empty history for frames of @p width x @p height;
 * AU_EINVAL for a bad size, AU_ENOMEM. */
AuStatus render_history_init(RenderHistory *h, const AuAllocator *alloc,
                             int width, int height);
/** Releases the history's arrays. */
void render_history_fini(RenderHistory *h);
/** Forgets the frames before: call at every cut. */
void render_history_reset(RenderHistory *h);

/** Blends @p f's (denoised) beauty with the history fetched along its
 * motion pass, RENDER_TEMPORAL_ALPHA of the new frame, from those of the
 * four history pixels that saw the same surface (at least
 * RENDER_TEMPORAL_MIN_WEIGHT of the bilinear weight; the same object ID,
 * depth within RENDER_TEMPORAL_DEPTH, normals within 25 degrees), the
 * history's colour clamped to the new frame's 3x3 neighbourhood widened
 * by RENDER_TEMPORAL_SLACK; then keeps @p f as the history. The first frame
 * after a reset passes unchanged. The result does not depend on @p threads.
 * AU_EINVAL when the sizes differ, or a thread's failure (the frame then
 * unchanged); nothing is allocated: the history holds its scratch buffer. */
AuStatus render_temporal(RenderHistory *h, Frame *f, int threads);

#endif
