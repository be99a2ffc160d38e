/* world: the third stage. Builds the Scene a shot sees at a given moment:
 * the set of the location's kind, the props of the action lines and one
 * procedural figure per cast member, posed, as meshes with object IDs. */
#ifndef AU_WORLD_H
#define AU_WORLD_H

#include "../base/base.h"
#include "../direct/direct.h"

/** What a surface is made of. Colours are linear-light reflectance in
 * [0, 1]. All the other fields zero is a plain diffuse (Lambertian)
 * surface; docs/rendering.md describes the model render/ implements. */
typedef struct WorldMaterial {
    float albedo[3];    /**< diffuse colour, or a metal's reflectance */
    float roughness;    /**< GGX roughness (alpha = roughness^2), 0..1 */
    float specular;     /**< weight of a dielectric coat (0.5 ~ varnish) */
    float metallic;     /**< 1: a conductor tinted by albedo */
    float transmission; /**< 1: clear dielectric (glass, water) */
    float ior;          /**< index of refraction, 0 = 1.5 */
    float sheen;        /**< cloth's grazing-angle sheen, 0..1 */
    float subsurface;   /**< skin's softened diffuse, 0..1 */
    float emission[3];  /**< emitted radiance (practical lamps, screens) */
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

/** Hair cuts a cast note can ask for. */
typedef enum WorldHairStyle {
    WORLD_HAIR_SHORT, /**< the default: a close shell over the skull */
    WORLD_HAIR_BUZZ,  /**< buzz or crew cut: a thin shell */
    WORLD_HAIR_BALD,
    WORLD_HAIR_LONG,     /**< falls behind the neck to the shoulders */
    WORLD_HAIR_CURLY,    /**< a fuller shell */
    WORLD_HAIR_PONYTAIL, /**< tied at the back */
    WORLD_HAIR_BUN,
    WORLD_HAIR_STYLE_COUNT
} WorldHairStyle;

typedef enum WorldHat {
    WORLD_HAT_NONE,
    WORLD_HAT_CAP,    /**< a baseball cap, peak forward */
    WORLD_HAT_FEDORA, /**< brim all round, pinched crown */
    WORLD_HAT_COWBOY, /**< wide brim curled at the sides */
    WORLD_HAT_COUNT
} WorldHat;

/** Patterns printed on the shirt as a separate mesh. */
typedef enum WorldPattern {
    WORLD_PATTERN_NONE,
    WORLD_PATTERN_FLORAL,  /**< flowers scattered over it (hawaiian) */
    WORLD_PATTERN_DOTS,    /**< polka dots */
    WORLD_PATTERN_STRIPES, /**< horizontal bands */
    WORLD_PATTERN_COUNT
} WorldPattern;

/** Bits of WorldFigureLook.face. */
enum {
    WORLD_FACE_BEARD = 1u << 0,
    WORLD_FACE_MOUSTACHE = 1u << 1,
    WORLD_FACE_STUBBLE = 1u << 2,
    WORLD_FACE_GLASSES = 1u << 3,
    WORLD_FACE_SUNGLASSES = 1u << 4,
    WORLD_FACE_SCAR = 1u << 5
};

/** A character's identity: everything about their look, derived from the
 * name hash and the cast note alone, so it is the same in every shot. */
typedef struct WorldFigureLook {
    double height_m;   /**< standing height, head top to floor */
    double shoulder_m; /**< shoulder width */
    double girth;      /**< body thickness factor, 0.85..1.25 */
    float skin[3];
    float hair[3];
    float shirt[3];
    float trousers[3];
    float shoes[3];
    /* What a cast note adds; world_figure_look fills the defaults. */
    double heads;     /**< height in head heights: 7.5 adult, ~5.5 child */
    double hip_scale; /**< hip width factor, 1 by default */
    double stoop_rad; /**< forward lean of neck and head with age */
    WorldHairStyle hair_style;
    WorldHat hat;
    unsigned face; /**< WORLD_FACE_* bits */
    bool jacket;   /**< a jacket or coat over the shirt */
    bool tie;
    bool short_sleeves; /**< forearms bare */
    bool bare_legs;     /**< shorts, a skirt or a dress: shins bare */
    bool skirt;         /**< a skirt, dress or coat from waist to knee */
    bool apron;
    WorldPattern pattern;
    float jacket_rgb[3];
    float pattern_rgb[3];
    float hat_rgb[3];
    float tie_rgb[3];
    float skirt_rgb[3];
    float apron_rgb[3];
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

/** A prop placed in the scene, for a camera to frame an insert on. */
typedef struct WorldProp {
    const char *name; /**< its library name, "beer" */
    Vec3 center;      /**< middle of its bounding box, world space */
    Vec3 half_extent; /**< half-sizes of the axis-aligned bounding box */
    size_t held_by;   /**< cast index of the hand it is in, or SIZE_MAX */
} WorldProp;

/** The kinds of set auteur builds, recognised from a location's words. */
typedef enum WorldSetKind {
    WORLD_SET_GENERIC_INTERIOR, /**< a room, when no word is known */
    WORLD_SET_GENERIC_EXTERIOR, /**< open ground, when no word is known */
    WORLD_SET_LIVING_ROOM,
    WORLD_SET_KITCHEN,
    WORLD_SET_BEDROOM,
    WORLD_SET_OFFICE,
    WORLD_SET_BAR,
    WORLD_SET_DINER,
    WORLD_SET_WAREHOUSE,
    WORLD_SET_STUDIO,
    WORLD_SET_GARAGE,
    WORLD_SET_TRAILER,
    WORLD_SET_MOTEL,
    WORLD_SET_MANSION,
    WORLD_SET_SHACK,
    WORLD_SET_HOSPITAL,
    WORLD_SET_PATIO,
    WORLD_SET_POOL,
    WORLD_SET_STREET,
    WORLD_SET_ALLEY,
    WORLD_SET_ROOFTOP,
    WORLD_SET_DESERT,
    WORLD_SET_FOREST,
    WORLD_SET_BEACH,
    WORLD_SET_FIELD,
    WORLD_SET_PARK,
    WORLD_SET_ROAD,
    WORLD_SET_DESERT_ROAD,
    WORLD_SET_MOUNTAIN_ROAD,
    WORLD_SET_HARBOUR,
    WORLD_SET_RANCH,
    WORLD_SET_KIND_COUNT
} WorldSetKind;

/** Most ceiling fixtures a room has. */
#define WORLD_FIXTURES_MAX 2

/** Everything visible in one frame of one shot; all in @p arena. */
typedef struct Scene {
    BaseArena arena;
    WorldMesh *meshes;
    size_t mesh_count;
    WorldFigure *figures; /**< the scene's cast, in cast order */
    size_t figure_count;
    bool interior;
    Vec3 stage_center; /**< middle of the blocking, on the ground */
    WorldProp *props;  /**< props from the action lines, and the surface
                            they stand on */
    size_t prop_count;
    WorldSetKind set_kind; /**< what the set was built as */
    /** An interior's room, inner faces: its three walls stand at x = min
     * and max and z = min, the fourth side (z = max) and the ceiling are
     * open for the camera and daylight, the walls room_max.y high. */
    bool has_room;
    Vec3 room_min, room_max;
    /** An interior's ceiling fixtures: where each hangs, the middle of
     * its glowing face, for light/ to light the room from at night. */
    Vec3 fixtures[WORLD_FIXTURES_MAX];
    size_t fixture_count;
} Scene;

/** Derives a character's look from @p name_hash alone (deterministic). */
void world_figure_look(uint64_t name_hash, WorldFigureLook *out);

/** Derives cast member @p m's look: the name's look with the cast note's
 * words (height, build, age, hair, face, wardrobe) applied on top. */
void world_cast_look(const DirectCastMember *m, WorldFigureLook *out);

/** Writes to @p out (room for @p cap) the cast note phrases of @p m that
 * change nothing in the figure, in note order, and returns how many there
 * are (which may exceed @p cap), so the caller can warn about each. */
size_t world_cast_unused_words(const DirectCastMember *m, const char **out,
                               size_t cap);

/** Recognises the kind of set a location names from its words ("OLD
 * DINER" is a diner, "DESERT ROAD" a desert road, "BRICK'S TRAILER" a
 * trailer); the head noun, the last word that names a place, wins. When
 * no word is known it returns the generic kind for @p interior. Sets
 * *kind_name (may be NULL) to the kind's stable lower-case name. */
WorldSetKind world_set_kind(const char *location, bool interior,
                            const char **kind_name);

/** Returns the stable lower-case name of @p kind ("desert road"). */
const char *world_set_kind_name(WorldSetKind kind);

/** True when @p kind is one of the generic fallbacks, i.e. no word of the
 * location was recognised and the caller may want to warn. */
bool world_set_kind_is_generic(WorldSetKind kind);

/** Number of props in the library (at least 40). */
size_t world_prop_library_count(void);

/** Name of library prop @p i ("bottle"), or NULL past the end. */
const char *world_prop_library_name(size_t i);

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
