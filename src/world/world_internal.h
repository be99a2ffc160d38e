/* world/world_internal.h: what the files of world/ share among themselves
 * (tessellation, the figure builder, the set builder). Private to world/;
 * the stage's interface is world.h alone. */
#ifndef AU_WORLD_INTERNAL_H
#define AU_WORLD_INTERNAL_H

#include "world.h"

/* ---- tessellation (mesh.c) ------------------------------------------ */

/** An affine map p' = m p + t; m is a rotation (possibly scaled) and never
 * mirrors, so triangle winding survives it. */
typedef struct WorldXform {
    double m[3][3];
    Vec3 t;
} WorldXform;

/** The identity map. */
WorldXform world_xform_identity(void);
/** The map whose columns are @p x, @p y, @p z, placed at @p origin. */
WorldXform world_xform_frame(Vec3 origin, Vec3 x, Vec3 y, Vec3 z);
/** A turn of @p yaw_rad about +y followed by a move to @p origin. */
WorldXform world_xform_yaw(Vec3 origin, double yaw_rad);
/** Returns the map that applies @p b first, then @p a. */
WorldXform world_xform_compose(const WorldXform *a, const WorldXform *b);
/** Applies @p x to point @p p. */
Vec3 world_xform_point(const WorldXform *x, Vec3 p);
/** A frame whose +y runs along @p axis and whose +z points as close to
 * @p front as it can while staying orthogonal; right-handed, unit axes. */
WorldXform world_xform_along(Vec3 origin, Vec3 axis, Vec3 front);

/** One elliptic cross-section of a loft, in the part's own frame: centred
 * at (0, y_m, dz_m), half-widths rx_m along x and rz_m along z. */
typedef struct WorldRing {
    double y_m;
    double rx_m;
    double rz_m;
    double dz_m;
} WorldRing;

/** Most rings one loft may have. */
#define WORLD_RING_MAX 48
/** Most segments around one ring. */
#define WORLD_SEG_MAX 48

/** A closed surface: rings from bottom to top, each end shut by a pole
 * vertex on the axis. */
typedef struct WorldLoft {
    WorldRing rings[WORLD_RING_MAX];
    size_t ring_count;
    double pole_lo_y_m, pole_lo_dz_m;
    double pole_hi_y_m, pole_hi_dz_m;
    unsigned segments;
} WorldLoft;

/** Fills @p loft with an ellipsoid of half-axes @p rx, @p ry, @p rz
 * centred at the origin, using @p rings interior rings. */
void world_loft_ellipsoid(WorldLoft *loft, double rx, double ry, double rz,
                          size_t rings, unsigned segments);

/** Fills @p loft with a smooth surface through @p keys (ascending y),
 * sampled at @p body_rings rings, closed at each end by a rounded cap of
 * @p cap_rings rings and depth @p cap_lo_m (bottom) or @p cap_hi_m (top). */
void world_loft_profile(WorldLoft *loft, const WorldRing *keys,
                        size_t key_count, size_t body_rings, size_t cap_rings,
                        double cap_lo_m, double cap_hi_m, unsigned segments);

/** Tessellates @p loft through @p xf into @p out (arrays in @p arena),
 * with smooth unit normals. With @p floor_clamp, no vertex goes below
 * y = 0 (a flat sole). AU_ENOMEM. */
AuStatus world_mesh_loft(BaseArena *arena, const WorldLoft *loft,
                         const WorldXform *xf, bool floor_clamp,
                         WorldMesh *out);

/** A box of half-sizes @p half_m centred at @p center, turned by
 * @p yaw_rad about +y. */
typedef struct WorldBox {
    Vec3 center;
    Vec3 half_m;
    double yaw_rad;
} WorldBox;

/** Tessellates @p count boxes into one flat-shaded mesh (24 vertices and
 * 12 triangles each) in @p arena. AU_ENOMEM. */
AuStatus world_mesh_boxes(BaseArena *arena, const WorldBox *boxes, size_t count,
                          WorldMesh *out);

/** A flat square of side 2 * @p half_m on the ground, normal +y. */
AuStatus world_mesh_ground(BaseArena *arena, double half_m, WorldMesh *out);

/* ---- the figure (figure.c) ------------------------------------------ */

/** Meshes in one figure: head, hair, nose, two eyes, neck, torso, pelvis,
 * and two each of upper arm, forearm, hand, thigh, shin and foot. */
#define WORLD_FIGURE_PARTS 20

/** The idle motion of a figure at one moment. */
typedef struct WorldPose {
    double breath;         /**< -1..1, chest in to chest out */
    double head_yaw_rad;   /**< positive turns the face toward its left */
    double head_pitch_rad; /**< positive nods the chin down */
    double head_roll_rad;
} WorldPose;

/** Derives the pose of character @p name_hash at @p time_s seconds of
 * film time; @p talk_s is the time into the line being spoken, or
 * negative when the character is silent. */
void world_pose_at(uint64_t name_hash, uint64_t seed, double time_s,
                   double talk_s, WorldPose *out);

/** Builds the figure of @p look standing at @p position (on the ground)
 * facing @p facing, posed by @p pose, into WORLD_FIGURE_PARTS meshes,
 * and writes its rest skeleton to @p joints. AU_ENOMEM. */
AuStatus world_figure_build(BaseArena *arena, const WorldFigureLook *look,
                            Vec3 position, Vec3 facing, const WorldPose *pose,
                            uint16_t object_id, WorldMesh *meshes,
                            Vec3 *joints);

/* ---- the set (set.c) ------------------------------------------------ */

/** Most meshes the set of one scene uses. */
#define WORLD_SET_MESH_MAX 20

/** Builds the ground and backdrop of @p scene into @p meshes (room for
 * WORLD_SET_MESH_MAX), keeping clear of @p figures; the layout depends on
 * the location name alone. Sets *count. AU_ENOMEM. */
AuStatus world_set_build(BaseArena *arena, const DirectScene *scene,
                         const WorldFigure *figures, size_t figure_count,
                         WorldMesh *meshes, size_t *count);

#endif
