/* deliver: the last stage. Writes frames to files: H.264 MP4 through
 * FFmpeg's libavcodec/libavformat, PNG through libpng, and a shot's scene
 * as glTF 2.0 binary. Every file is written under a temporary name beside
 * its target and renamed when done. */
#ifndef AU_DELIVER_H
#define AU_DELIVER_H

#include "../base/base.h"
#include "../camera/camera.h"
#include "../light/light.h"
#include "../world/world.h"

/** An MP4 being written. */
typedef struct DeliverVideo DeliverVideo;

/** Opens an H.264 (libx264, yuv420p, BT.709 tags, bit-exact) MP4 of
 * @p width x @p height (both even) at @p fps for writing to @p path. The
 * data goes to a temporary file until deliver_video_finish. Fails with
 * AU_EIO (cannot create the file, reported to @p diag), AU_EINVAL (size or
 * rate), AU_EUNSUPPORTED (no H.264 encoder), AU_ENOMEM. */
AuStatus deliver_video_open(const AuAllocator *alloc, BaseDiag *diag,
                            const char *path, int width, int height, double fps,
                            DeliverVideo **out);

/** deliver_video_open for a draft: x264's faster settings (preset
 * veryfast, CRF 20), still bit-exact, for previews. */
AuStatus deliver_video_open_draft(const AuAllocator *alloc, BaseDiag *diag,
                                  const char *path, int width, int height,
                                  double fps, DeliverVideo **out);

/** Encodes one frame of packed 8-bit RGB (3 bytes per pixel, rows of
 * width * 3 bytes, top row first). AU_EIO or AU_EINTERNAL on failure. */
AuStatus deliver_video_write(DeliverVideo *v, const uint8_t *rgb8);

/** Flushes the encoder, writes the trailer and renames the temporary file
 * onto the target. Frees the writer and sets *v to NULL whatever happens;
 * on failure no file is left at the target. */
AuStatus deliver_video_finish(DeliverVideo **v);

/** Abandons the video: removes the temporary file, frees the writer and
 * sets *v to NULL. NULL is accepted. */
void deliver_video_abort(DeliverVideo **v);

/** Writes packed 8-bit RGB as an sRGB PNG, atomically. AU_EIO on failure
 * (reported to @p diag). */
AuStatus deliver_png_rgb8(BaseDiag *diag, const char *path, int width,
                          int height, const uint8_t *rgb8);

/** Writes 16-bit greyscale values as a PNG, atomically. AU_EIO on
 * failure (reported to @p diag). */
AuStatus deliver_png_gray16(BaseDiag *diag, const char *path, int width,
                            int height, const uint16_t *values);

/** Writes @p channels (1 to 4) interleaved 32-bit float planes of
 * @p width x @p height, named @p names (distinct; "Z" for depth, "X"
 * "Y" "Z" for a vector, "R" "G" "B" for colour), as a ZIP-compressed
 * scanline OpenEXR file, atomically. AU_EINVAL for bad sizes, AU_EIO
 * (reported to @p diag). */
AuStatus deliver_exr_write(BaseDiag *diag, const char *path, int width,
                           int height, int channels, const char *const *names,
                           const float *data);

/** Writes a contact sheet: @p rows x @p cols tiles (row-major in
 * @p tiles, each packed 8-bit RGB of @p tile_w x @p tile_h; NULL leaves a
 * gap) with a label left of each row and above each column (either array
 * may be NULL), drawn with cairo, as a PNG at @p path, atomically.
 * AU_EINVAL for sizes out of range, AU_EIO, AU_ENOMEM. */
AuStatus deliver_contact_sheet(BaseDiag *diag, const char *path, int cols,
                               int rows, int tile_w, int tile_h,
                               const uint8_t *const *tiles,
                               const char *const *row_labels,
                               const char *const *col_labels);

/** One shot as a glTF scene: what deliver_gltf_write exports. */
typedef struct DeliverGltfShot {
    const Scene *scene;      /**< geometry and materials at the export time */
    const CameraView *views; /**< the camera at each frame from the shot's
                                  start, 1/fps apart */
    size_t view_count;       /**< at least 1 */
    size_t view_at;          /**< the view the camera node rests at */
    double fps;              /**< rate of @p views, above 0 */
    double aspect;           /**< frame width / height */
    const LightRig *rig;     /**< sun, sky and the director's lamps */
    const char *name;        /**< the scene's name, copied */
} DeliverGltfShot;

/** Writes @p shot as a glTF 2.0 binary (.glb) at @p path, atomically:
 * every mesh with positions, normals and indices and its material in
 * metallic-roughness (emission through KHR_materials_emissive_strength,
 * glass through KHR_materials_transmission and KHR_materials_ior); the
 * camera (perspective; glTF cameras look down -Z with +Y up) with its move
 * as translation and rotation channels; the sun as a directional light
 * (lux) and the lamps as point lights (candela) through
 * KHR_lights_punctual, with auteur's radiance unit taken as W/(m^2 sr) and
 * 683 lm/W, the convention Blender's importer undoes. The scene's extras
 * carry "auteur": sky_rgb (the mean sky radiance, for a uniform world),
 * exposure_ev, sun_irradiance_rgb, sun_angle_rad (the disc's diameter),
 * lamp_radius_m, fps and at_s (the resting time). AU_EINVAL
 * (empty shot, bad path), AU_EIO (reported to @p diag), AU_ENOMEM. */
AuStatus deliver_gltf_write(const AuAllocator *alloc, BaseDiag *diag,
                            const char *path, const DeliverGltfShot *shot);

#endif
