/* world: the third stage. Builds the Scene a shot sees at a given moment:
 * the set (ground, backdrop) and one procedural human figure per cast
 * member, posed, as triangle meshes with materials and object IDs. */
#ifndef AU_WORLD_H
#define AU_WORLD_H

#include "../base/base.h"
#include "../direct/direct.h"

/** A diffuse surface. Colours are linear-light reflectance in [0, 1]. */
typedef struct WorldMaterial {
    float albedo[3];
} WorldMaterial;

/** A triangle mesh in world space (metres, y up). Arrays live in the
 * scene's arena. normals has one unit vector per vertex for smooth
 * shading, or is NULL for flat faces. */
typedef struct WorldMesh {
    float *positions;  /**< 3 floats per vertex */
    float *normals;    /**< 3 floats per vertex, or NULL */
    uint32_t *indices; /**< 3 per triangle, counter-clockwise outside */
    uint32_t vertex_count;
    uint32_t triangle_count;
    WorldMaterial material;
    uint16_t object_id; /**< cast index + 1 for a character, 0 otherwise */
} WorldMesh;

/** The joints of a figure that framing needs, in world space. */
typedef enum WorldJoint {
    WORLD_JOINT_HEAD_TOP,
    WORLD_JOINT_EYES, /**< midpoint between the eyes */
    WORLD_JOINT_CHIN,
    WORLD_JOINT_NECK,
    WORLD_JOINT_CHEST,
    WORLD_JOINT_WAIST,
    WORLD_JOINT_PELVIS,
    WORLD_JOINT_SHOULDER_L,
    WORLD_JOINT_SHOULDER_R,
    WORLD_JOINT_ELBOW_L,
    WORLD_JOINT_ELBOW_R,
    WORLD_JOINT_WRIST_L,
    WORLD_JOINT_WRIST_R,
    WORLD_JOINT_HIP_L,
    WORLD_JOINT_HIP_R,
    WORLD_JOINT_KNEE_L,
    WORLD_JOINT_KNEE_R,
    WORLD_JOINT_ANKLE_L,
    WORLD_JOINT_ANKLE_R,
    WORLD_JOINT_TOE_L,
    WORLD_JOINT_TOE_R,
    WORLD_JOINT_COUNT
} WorldJoint;

/** A character's identity: everything about their look, derived from the
 * name hash alone, so it is the same in every shot. */
typedef struct WorldFigureLook {
    double height_m;   /**< standing height, head top to floor */
    double shoulder_m; /**< shoulder width */
    double girth;      /**< body thickness factor, 0.85..1.25 */
    float skin[3];
    float hair[3];
    float shirt[3];
    float trousers[3];
    float shoes[3];
} WorldFigureLook;

/** A placed, posed character. */
typedef struct WorldFigure {
    size_t cast_index;
    WorldFigureLook look;
    /** The rest skeleton at the figure's blocking position. The idle
     * motion (breath, head sway, a talking nod) moves the meshes by about
     * a centimetre and is left out, so framing does not chase it. */
    Vec3 joints[WORLD_JOINT_COUNT];
    Vec3 facing; /**< unit vector on the ground plane the body faces */
} WorldFigure;

/** Everything visible in one frame of one shot; all in @p arena. */
typedef struct Scene {
    BaseArena arena;
    WorldMesh *meshes;
    size_t mesh_count;
    WorldFigure *figures; /**< the scene's cast, in cast order */
    size_t figure_count;
    bool interior;
    Vec3 stage_center; /**< middle of the blocking, on the ground */
} Scene;

/** Derives a character's look from @p name_hash (deterministic). */
void world_figure_look(uint64_t name_hash, WorldFigureLook *out);

/** Builds the scene for shot @p shot_index of @p prod at @p t_s seconds
 * into the shot. Every character of the shot's scene is placed and posed;
 * @p seed varies choices auteur makes itself. Fails with AU_EINVAL for a
 * bad shot index (or one whose scene or cast indices are out of range,
 * or a t_s that is not finite), AU_ENOMEM. On success *out is owned by the
 * caller. */
AuStatus world_build(const AuAllocator *alloc, const Production *prod,
                     size_t shot_index, double t_s, uint64_t seed, Scene **out);

/** Frees the scene (NULL is accepted) and sets *scene to NULL. */
void world_scene_free(Scene **scene);

/** Returns the figure of cast member @p cast_index, or NULL when that
 * character is not in the scene. */
const WorldFigure *world_find_figure(const Scene *scene, size_t cast_index);

#endif
