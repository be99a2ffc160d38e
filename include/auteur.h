/* auteur.h: the public API of libauteur, the only installed header.
 * A screenplay goes in (au_project_load_*), a directed and rendered film
 * clip comes out (au_render_video, au_render_still). */
#ifndef AUTEUR_H
#define AUTEUR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define AU_API __attribute__((visibility("default")))
#else
#define AU_API
#endif

#define AU_VERSION_MAJOR  0
#define AU_VERSION_MINOR  1
#define AU_VERSION_PATCH  0
#define AU_VERSION_STRING "0.1.0"

/** Largest frame side in pixels that the renderer accepts. */
#define AU_MAX_FRAME_SIDE 8192
/** Largest frame rate the encoder accepts, in frames per second. */
#define AU_MAX_FPS 240
/** Largest screenplay file the loader reads, in bytes. */
#define AU_MAX_SCRIPT_BYTES ((size_t)16 * 1024 * 1024)

/** Status codes. Every function that can fail returns one: AU_OK is zero,
 * failures are negative. The text of a failure's cause goes to the
 * context's diagnostic sink. */
typedef enum AuStatus {
    AU_OK = 0,
    AU_ENOMEM = -1,       /**< an allocation failed */
    AU_EINVAL = -2,       /**< an argument or option is out of range */
    AU_ESYNTAX = -3,      /**< the screenplay is malformed */
    AU_EIO = -4,          /**< a file could not be read or written */
    AU_ELICENSE = -5,     /**< an asset's licence forbids the use */
    AU_EUNSUPPORTED = -6, /**< a feature or format is not available */
    AU_ECANCELED = -7,    /**< the progress callback asked to stop */
    AU_EINTERNAL = -8     /**< a dependency failed unexpectedly */
} AuStatus;

/** Returns a sentence describing @p status; never NULL, static storage. */
AU_API const char *au_strerror(int status);
/** Returns the symbolic name of @p status ("AU_EIO"); static storage. */
AU_API const char *au_status_name(int status);
/** Returns the library version as "MAJOR.MINOR.PATCH"; static storage. */
AU_API const char *au_version(void);

/** The allocator every allocation of the library goes through. The
 * function behaves like realloc, except that size 0 frees @p ptr and
 * returns NULL. */
typedef struct AuAllocator {
    void *(*realloc_fn)(void *user, void *ptr, size_t size);
    void *user;
} AuAllocator;

/** A position in a source file; line and col count from 1, and 0 means
 * "not known" (a whole-file problem). The file string is borrowed. */
typedef struct AuSrcLoc {
    const char *file;
    uint32_t line;
    uint32_t col;
} AuSrcLoc;

typedef enum AuSeverity {
    AU_SEVERITY_ERROR,
    AU_SEVERITY_WARNING,
    AU_SEVERITY_NOTE
} AuSeverity;

/** One message for the user. All strings are borrowed for the duration of
 * the callback only. */
typedef struct AuDiagnostic {
    AuSrcLoc loc;
    AuSeverity severity;
    const char *code; /**< short stable identifier, e.g. "no-scene" */
    const char *text; /**< one sentence, no trailing newline */
} AuDiagnostic;

/** Receives every diagnostic the library produces. */
typedef void (*AuDiagFn)(void *user, const AuDiagnostic *diag);

/** Receives progress: @p done of @p total units (frames). Returning
 * non-zero cancels the work, which then fails with AU_ECANCELED and leaves
 * no output file. */
typedef int (*AuProgressFn)(void *user, uint64_t done, uint64_t total);

/** Carries the allocator, the diagnostic sink, the progress callback and
 * the thread count. One context may serve many projects, one at a time. */
typedef struct AuContext AuContext;

/** Creates a context. @p alloc may be NULL for the C library's allocator;
 * it is copied. Fails with AU_ENOMEM. */
AU_API AuStatus au_context_new(const AuAllocator *alloc, AuContext **out);
/** Frees the context (NULL is accepted) and sets *ctx to NULL. */
AU_API void au_context_free(AuContext **ctx);
/** Sets the diagnostic sink; without one, diagnostics are dropped. */
AU_API void au_context_set_diag(AuContext *ctx, AuDiagFn fn, void *user);
/** Sets the progress callback; NULL removes it. */
AU_API void au_context_set_progress(AuContext *ctx, AuProgressFn fn,
                                    void *user);
/** Sets the number of render threads; 0 (the default) uses every core.
 * The frames are bit-identical whatever the count. */
AU_API void au_context_set_threads(AuContext *ctx, int threads);
/** Sets the seed for every choice auteur makes itself when planning
 * (coverage lenses and sizes) and building (blocking, sets, cast details
 * the script leaves open); never a choice a note wrote down. Without it, a
 * script's "Seed:" or 1 is used. */
AU_API void au_context_set_seed(AuContext *ctx, uint64_t seed);
/** Returns the number of errors reported through the context so far. */
AU_API size_t au_context_error_count(const AuContext *ctx);

/** A loaded screenplay and its plan: scenes, cast and shots. */
typedef struct AuProject AuProject;

/** Reads a Fountain screenplay from @p path and plans it. Fails with
 * AU_EIO (missing, unreadable, a directory, too large), AU_ESYNTAX (not
 * UTF-8, binary, no scene, malformed), AU_ENOMEM. Every problem found is
 * reported to the diagnostic sink with file:line:col. */
AU_API AuStatus au_project_load_file(AuContext *ctx, const char *path,
                                     AuProject **out);
/** As au_project_load_file, from memory. @p name is used in diagnostics
 * and is copied; @p data need not be NUL-terminated. */
AU_API AuStatus au_project_load_buffer(AuContext *ctx, const char *name,
                                       const void *data, size_t size,
                                       AuProject **out);
/** Plans a one-line prompt in plain English ("a lone rider crosses the
 * desert at golden hour, wide, slow dolly in, 15s") with the vocabulary of
 * director notes. Words it does not use are reported as one warning.
 * Fails with AU_ESYNTAX (empty, out-of-range values), AU_ENOMEM. */
AU_API AuStatus au_project_load_prompt(AuContext *ctx, const char *prompt,
                                       AuProject **out);
/** Frees the project (NULL is accepted) and sets *project to NULL. */
AU_API void au_project_free(AuProject **project);
/** Number of planned shots. */
AU_API size_t au_project_shot_count(const AuProject *project);
/** Number of cast members, in plan order. */
AU_API size_t au_project_cast_count(const AuProject *project);
/** Name of cast member @p index (plan order), or NULL when out of range;
 * borrowed for the project's lifetime. */
AU_API const char *au_project_cast_name(const AuProject *project, size_t index);
/** Running time of the whole plan, in seconds. */
AU_API double au_project_duration_s(const AuProject *project);
/** Start and duration of shot @p index (0-based), in seconds. Fails with
 * AU_EINVAL when the index is out of range. */
AU_API AuStatus au_project_shot_time(const AuProject *project, size_t index,
                                     double *start_s, double *duration_s);
/** Writes the plan as JSON (top-level keys "scenes", "shots", "cast") into
 * a new NUL-terminated string; free it with au_string_free. */
AU_API AuStatus au_project_plan_json(const AuProject *project, char **out);
/** Writes the plan as a shot list a crew could read; free it with
 * au_string_free. */
AU_API AuStatus au_project_plan_text(const AuProject *project, char **out);
/** The frame aspect ratio (width / height) the script asks for with
 * "Aspect:" on its title page, or 2.39. */
AU_API double au_project_aspect(const AuProject *project);
/** The seed the plan's own choices were made with: the one given to
 * au_context_set_seed, else the script's "Seed:", else 1. */
AU_API uint64_t au_project_seed(const AuProject *project);
/** Frees a string returned by the library and sets *s to NULL. */
AU_API void au_string_free(char **s);

/** Checks the director's own shots and the cuts around them (impossible
 * framing, crossing the 180-degree line, jump cuts, headroom, cuts at a
 * joint, tangents). Each problem is one warning to the diagnostic sink
 * with its line:col, why it matters and a fix; *problems gets how many. */
AU_API AuStatus au_project_lint(AuContext *ctx, const AuProject *project,
                                size_t *problems);

/** au_project_lint, then writes to @p out_path (atomically) a copy of the
 * script with each problem shot's note rewritten to the nearest shot that
 * fixes it (another lens, a size a step or two away, the other side of
 * the line, eye level, a slower move or none), everything else byte for
 * byte. *problems gets the problems found, *left those the copy still
 * has, *fixed the difference. AU_EINVAL for a project planned from a
 * prompt, AU_EIO when the copy cannot be written. */
AU_API AuStatus au_project_lint_fix(AuContext *ctx, const AuProject *project,
                                    const char *out_path, size_t *problems,
                                    size_t *fixed, size_t *left);

/** Describes, as JSON, what @p variation (the same script planned with
 * another seed) changed against @p base, shot by shot; free the text with
 * au_string_free. */
AU_API AuStatus au_project_compare(const AuProject *base,
                                   const AuProject *variation, char **out);

/** How to render. Start from au_render_options_default. */
typedef struct AuRenderOptions {
    int width;          /**< pixels, even, 16..AU_MAX_FRAME_SIDE */
    int height;         /**< pixels, even, 16..AU_MAX_FRAME_SIDE */
    double fps;         /**< frames per second, (0, AU_MAX_FPS] */
    uint64_t seed;      /**< every random choice derives from it */
    int samples;        /**< path-traced samples per pixel, 1..4096 */
    int preview;        /**< non-zero: few samples, direct light only */
    double max_seconds; /**< stop the video after this long; 0 = whole */
    /* The grade (docs/grading.md); zero for each is the default. */
    int tonemap;            /**< an AuTonemap */
    double white_balance_k; /**< scene white in kelvin, 1000..40000; 0 =
                                 daylight (D65), so tungsten shows warm */
    double exposure_ev;     /**< added to the exposure, -16..16 */
    int auto_exposure;      /**< an AuMeter: meter each frame to grey */
    double grain;           /**< film grain strength, 0..1 */
    double bloom;           /**< wide glow of the whole image, 0..1 */
    double halation;        /**< red-orange glow round highlights, 0..1 */
    double aberration;      /**< radial chromatic aberration, 0..1 */
    const char *lut_path;   /**< a .cube 3D LUT applied after the look */
    double reframe_aspect;  /**< au_render_still only: 0, or the still's
                                 aspect (width / height, 0.2..5), cropped
                                 round the shot's subject */
    int reframe_letterbox;  /**< non-zero: letterbox or pillarbox into
                                 reframe_aspect instead of cropping */
    double clamp;           /**< firefly clamp: the most linear radiance
                                 one path brings by two or more bounces;
                                 0 = 8 x 2^-exposure of the lighting
                                 (docs/rendering.md), 0..1e30 */
    int as_in_film;         /**< au_render_frame and au_render_still:
                                 non-zero traces up to AU_SETTLE_FRAMES
                                 frames of the shot before this one too,
                                 as the video does, so the frame carries
                                 the film's temporal accumulation */
} AuRenderOptions;

/** How many earlier frames AuRenderOptions.as_in_film traces at most: the
 * history's weight is under 5% by then. */
#define AU_SETTLE_FRAMES 10

/** Tone curves for AuRenderOptions.tonemap. */
typedef enum AuTonemap {
    AU_TONEMAP_FILMIC = 0, /**< auteur's filmic curve (default) */
    AU_TONEMAP_ACES = 1,   /**< a fit of ACES RRT+ODT, in AP1 */
    AU_TONEMAP_AGX = 2     /**< AgX-style log sigmoid */
} AuTonemap;

/** Metering for AuRenderOptions.auto_exposure. */
typedef enum AuMeter {
    AU_METER_OFF = 0,     /**< the lighting's own exposure */
    AU_METER_AVERAGE = 1, /**< average log luminance to 0.18 */
    AU_METER_CENTER = 2   /**< centre-weighted */
} AuMeter;

/** Fills @p opts with 1280x536 (2.39:1), 24 fps, seed 1, 1 sample. */
AU_API void au_render_options_default(AuRenderOptions *opts);

/** What a render did, for benchmarks. */
typedef struct AuRenderStats {
    uint64_t frames; /**< frames rendered */
    uint64_t rays;   /**< rays traced (camera, bounce and shadow) */
    double render_s; /**< wall time spent path tracing */
    double total_s;  /**< wall time of the whole call */
} AuRenderStats;

/** Renders the whole plan to an H.264 MP4 at @p out_path. The file is
 * written beside the target under a temporary name and renamed at the end,
 * so a failure leaves no partial file. @p stats may be NULL. Fails with
 * AU_EINVAL (options), AU_EIO (output), AU_ECANCELED, AU_ENOMEM. */
AU_API AuStatus au_render_video(AuContext *ctx, const AuProject *project,
                                const AuRenderOptions *opts,
                                const char *out_path, AuRenderStats *stats);

/** Renders one frame of shot @p shot_index (0-based) at @p at_s seconds
 * into the shot to an 8-bit sRGB PNG at @p png_path. When @p passes_dir is
 * not NULL, the directory (which must exist) also gets id.png (16-bit
 * grey: cast index + 1 per pixel, 0 where no character is seen) and
 * albedo.png (8-bit sRGB surface colour). Files appear atomically. */
AU_API AuStatus au_render_still(AuContext *ctx, const AuProject *project,
                                const AuRenderOptions *opts, size_t shot_index,
                                double at_s, const char *png_path,
                                const char *passes_dir, AuRenderStats *stats);

/** Renders one graded frame of shot @p shot_index at @p at_s seconds into
 * it into @p rgb8 (packed 8-bit RGB, width * height * 3 bytes, caller's),
 * for previews and contact sheets. Errors as au_render_still. */
AU_API AuStatus au_render_frame(AuContext *ctx, const AuProject *project,
                                const AuRenderOptions *opts, size_t shot_index,
                                double at_s, uint8_t *rgb8);

/** Exports shot @p shot_index (0-based) as a glTF 2.0 binary (.glb) at
 * @p glb_path, atomically: the world as it stands @p at_s seconds into
 * the shot (meshes and metallic-roughness materials), the camera resting
 * at @p at_s with its move over the whole shot sampled at opts->fps, the
 * sun and the director's lamps (KHR_lights_punctual) and the sky colour
 * in the scene's extras (docs/gltf.md). opts->width / opts->height gives
 * the aspect ratio. Fails with AU_EINVAL (shot, time, options), AU_ESYNTAX
 * (the shot cannot be framed), AU_EIO, AU_ENOMEM. */
AU_API AuStatus au_export_gltf(AuContext *ctx, const AuProject *project,
                               const AuRenderOptions *opts, size_t shot_index,
                               double at_s, const char *glb_path);

/** Writes a contact sheet PNG at @p path: @p rows x @p cols tiles of
 * @p tile_w x @p tile_h packed 8-bit RGB (row-major; NULL leaves a gap),
 * with a label per row and per column (arrays may be NULL). Written
 * atomically. AU_EINVAL (sizes), AU_EIO, AU_ENOMEM. */
AU_API AuStatus au_contact_sheet_write(AuContext *ctx, const char *path,
                                       int cols, int rows, int tile_w,
                                       int tile_h, const uint8_t *const *tiles,
                                       const char *const *row_labels,
                                       const char *const *col_labels);

#ifdef __cplusplus
}
#endif

#endif
