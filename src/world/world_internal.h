/* world/world_internal.h: what the files of world/ share among themselves
 * (tessellation, the kit, pieces, props, the figure and set builders).
 * Private to world/; the stage's interface is world.h alone. */
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

/* ---- the kit: batched geometry for sets and props (kit.c) ------------ */

/** Most materials one kit holds; past it a colour shares the nearest. */
#define WORLD_KIT_MAT_MAX 96

typedef struct WorldKitVert {
    float p[3];
    float n[3];
} WorldKitVert;

/** Everything of one material: it becomes one mesh. */
typedef struct WorldKitMat {
    WorldMaterial mat;
    float albedo[3]; /**< mat.albedo, for builders deriving a shade */
    BaseVec verts;   /**< WorldKitVert */
    BaseVec indices; /**< uint32_t, 3 per triangle */
} WorldKitMat;

/** Collects the set and its props as triangles batched by material, so a
 * bar's forty bottles become one mesh, not forty. Primitives are given in
 * local coordinates and mapped through @p xf. The first failure sticks in
 * @p status and turns later calls into no-ops, so builders need not check
 * every call. */
typedef struct WorldKit {
    const AuAllocator *alloc;
    WorldKitMat mats[WORLD_KIT_MAT_MAX];
    size_t mat_count;
    WorldXform xf;
    AuStatus status;
    Vec3 lo, hi; /**< bounds of what was added since the last reset */
} WorldKit;

void world_kit_init(WorldKit *k, const AuAllocator *alloc);
void world_kit_fini(WorldKit *k);

/** What a surface is, beyond its colour. */
typedef enum WorldMatKind {
    WORLD_MAT_PLAIN,   /**< diffuse */
    WORLD_MAT_GLASS,   /**< clear, ior 1.5: bottles, glasses; albedo tints */
    WORLD_MAT_GLAZING, /**< a pane over a dark inside: mirror-smooth coat */
    WORLD_MAT_WATER,   /**< a smooth reflecting surface, ior 1.33 */
    WORLD_MAT_PAINT,   /**< a clear coat over colour: car paint */
    WORLD_MAT_GLOSS,   /**< varnish, plastic, glazed china */
    WORLD_MAT_METAL,   /**< brushed steel, iron, brass */
    WORLD_MAT_CHROME,  /**< polished metal */
    WORLD_MAT_LAMP,    /**< a lit shade, 2700 K */
    WORLD_MAT_BULB,    /**< a bare bulb or a street lamp's lens, 2700 K */
    WORLD_MAT_NEON,    /**< glowing in its own colour */
    WORLD_MAT_SCREEN,  /**< a lit screen, 6500 K, glossy */
    WORLD_MAT_SKIN,    /**< subsurface 0.3 */
    WORLD_MAT_CLOTH,   /**< sheen */
    WORLD_MAT_KIND_COUNT
} WorldMatKind;

/** The material of kind @p kind and linear albedo (r, g, b). */
WorldMaterial world_material(WorldMatKind kind, double r, double g, double b);
/** The index of material @p m, the same index for an identical one. */
int world_kit_material(WorldKit *k, const WorldMaterial *m);
/** The index of the material of kind @p kind and albedo (r, g, b). */
int world_kit_mat_as(WorldKit *k, WorldMatKind kind, double r, double g,
                     double b);
/** The index of the plain (diffuse) material of albedo (r, g, b). */
int world_kit_mat(WorldKit *k, double r, double g, double b);
/** Material @p mat's colour as kind @p kind. */
int world_kit_mat_kind(WorldKit *k, int mat, WorldMatKind kind);
/** Starts measuring the bounds of what is added next. */
void world_kit_bounds_reset(WorldKit *k);
/** A box of half-sizes @p h centred at @p c, turned @p yaw about +y. */
void world_kit_box(WorldKit *k, int mat, Vec3 c, Vec3 h, double yaw);
/** A tube from @p a to @p b tapering from radius @p r0 to @p r1 (a cone
 * when @p r1 is 0), smooth-sided, with flat end caps when @p caps. */
void world_kit_cyl(WorldKit *k, int mat, Vec3 a, Vec3 b, double r0, double r1,
                   unsigned segments, bool caps);
/** An ellipsoid of half-axes @p r about @p c, turned @p yaw about +y. */
void world_kit_ellipsoid(WorldKit *k, int mat, Vec3 c, Vec3 r, double yaw,
                         unsigned rings, unsigned segments);
/** A smooth closed loft through @p local (part frame to kit frame). */
void world_kit_loft(WorldKit *k, int mat, const WorldLoft *loft,
                    const WorldXform *local);
/** A flat quad, corners counter-clockwise seen from its front. */
void world_kit_quad(WorldKit *k, int mat, Vec3 a, Vec3 b, Vec3 c, Vec3 d);
/** A level rectangle (x0, z0)-(x1, z1) at height @p y, facing up. */
void world_kit_flat(WorldKit *k, int mat, double x0, double z0, double x1,
                    double z1, double y);
/** A sunken basin (a pool) of @p depth under the rectangle: its floor and
 * four inward-facing walls. */
void world_kit_basin(WorldKit *k, int mat, double x0, double z0, double x1,
                     double z1, double depth);
/** A flat triangle, counter-clockwise seen from its front. */
void world_kit_tri(WorldKit *k, int mat, Vec3 a, Vec3 b, Vec3 c);
/** Moves each material's triangles into meshes in @p arena (at most
 * @p cap), in material order, object id 0. AU_ENOMEM, or the kit's
 * sticky status. */
AuStatus world_kit_emit(WorldKit *k, BaseArena *arena, WorldMesh *out,
                        size_t cap, size_t *count);

/* ---- pieces: parametric furniture, plants, vehicles (pieces.c) ------- */

/* Each piece is built in its own frame, base centre at the origin on
 * y = 0, its front toward +z; world_kit_push places the frame. */

/** Maps what follows through a turn of @p yaw about +y and a move to
 * @p base (composed with the current map); returns the map to restore. */
WorldXform world_kit_push(WorldKit *k, Vec3 base, double yaw);

/** Linear albedo jittered by up to @p spread (relative) per channel. */
int world_kit_mat_jitter(WorldKit *k, BaseRng *rng, const double rgb[3],
                         double spread);

void world_piece_table(WorldKit *k, int top, int legs, double w, double d,
                       double h);
void world_piece_round_table(WorldKit *k, int top, int base, double r,
                             double h);
void world_piece_chair(WorldKit *k, int frame, int seat);
void world_piece_stool(WorldKit *k, int seat, int metal, double h);
void world_piece_sofa(WorldKit *k, int fabric, int cushion, int feet, double w);
void world_piece_bed(WorldKit *k, int frame, int sheet, int blanket, double w);
/** Shelves of width @p w, height @p h, depth @p d, filled by @p rng with
 * books (@p books) or bottles (otherwise). */
void world_piece_shelves(WorldKit *k, BaseRng *rng, int wood, double w,
                         double h, double d, size_t rows, bool books);
void world_piece_cabinet(WorldKit *k, int body, int trim, double w, double h,
                         double d, size_t drawers);
void world_piece_counter(WorldKit *k, int body, int top, double w, double h,
                         double d);
void world_piece_lamp(WorldKit *k, int base, int shade, double h);
void world_piece_tv(WorldKit *k, double w);
void world_piece_plant(WorldKit *k, BaseRng *rng, double h);
void world_piece_picture(WorldKit *k, BaseRng *rng, double w, double h);
void world_piece_rug(WorldKit *k, int mat, int border, double w, double d);
void world_piece_tree(WorldKit *k, BaseRng *rng, double h);
void world_piece_pine(WorldKit *k, BaseRng *rng, double h);
void world_piece_palm(WorldKit *k, BaseRng *rng, double h);
void world_piece_bush(WorldKit *k, BaseRng *rng, double r);
void world_piece_cactus(WorldKit *k, BaseRng *rng, double h);
void world_piece_rock(WorldKit *k, BaseRng *rng, double r);
void world_piece_car(WorldKit *k, BaseRng *rng, int paint);
void world_piece_truck(WorldKit *k, BaseRng *rng, int paint);
void world_piece_boat(WorldKit *k, BaseRng *rng, double len);
void world_piece_lamp_post(WorldKit *k, double h);
void world_piece_pole(WorldKit *k, double h);
/** A fence of @p len metres along +x from the origin: posts and rails. */
void world_piece_fence(WorldKit *k, int wood, double len, double h);
void world_piece_crate(WorldKit *k, int wood, double s);
void world_piece_barrel(WorldKit *k, int body, int hoop);
void world_piece_umbrella(WorldKit *k, int canopy, double r, double h);
void world_piece_horse(WorldKit *k, BaseRng *rng);
/** A building of @p w x @p h x @p d with its front face at z = 0 and
 * rows of windows every floor, a door when @p door. */
void world_piece_building(WorldKit *k, BaseRng *rng, int wall, double w,
                          double h, double d, bool door);
/** A gable roof over a footprint @p w x @p d, ridge along x, eaves at
 * height @p y0 rising @p rise. */
void world_piece_roof(WorldKit *k, int mat, double w, double d, double y0,
                      double rise);
/** A window frame of @p w x @p h for an opening, in the plane z = 0. */
void world_piece_window(WorldKit *k, int frame, double w, double h,
                        double depth);
/** A closed door of @p w x @p h in the plane z = 0, handle on +x. */
void world_piece_door(WorldKit *k, int frame, int panel, double w, double h);

/* ---- the figure (figure.c) ------------------------------------------ */

/** Most meshes in one figure: head, hair, nose, two eyes, mouth, neck,
 * torso, pelvis, two each of upper arm, forearm, hand, thigh, shin and
 * foot (the 21 every figure has), then what the look adds: hair pieces, hat,
 * glasses, beard, moustache, skirt, tie, shirt front, pattern. */
#define WORLD_FIGURE_PARTS_MAX 36

/** What an arm is doing. */
typedef enum WorldArm {
    WORLD_ARM_REST,  /**< hanging at the side */
    WORLD_ARM_HOLD,  /**< forearm forward at the waist, holding something */
    WORLD_ARM_RAISE, /**< hand up before the chest: a toast, a drink, aim */
    WORLD_ARM_DRINK, /**< hand at the mouth: drinking from what it holds */
    WORLD_ARM_REACH, /**< arm out forward: a blow, a hand-over, a pick-up */
    WORLD_ARM_POINT, /**< arm straight out at shoulder height, toward
                          WorldPose.point_yaw_rad */
    WORLD_ARM_CROSS, /**< forearm folded across the chest (both: arms
                          crossed) */
    WORLD_ARM_COUNT
} WorldArm;

/** The idle motion of a figure at one moment. */
typedef struct WorldPose {
    double breath;         /**< -1..1, chest in to chest out */
    double head_yaw_rad;   /**< positive turns the face toward its left */
    double head_pitch_rad; /**< positive nods the chin down */
    double head_roll_rad;
    WorldArm arm[2];   /**< the figure's left [0] and right [1] arm */
    double mouth_open; /**< 0 closed .. 1 wide, while talking */
    double gesture;    /**< 0..1: a free forearm lifts on a stressed beat */
    /* What performance (perform.c) adds; all zero is standing still. */
    bool legs;       /**< place the ankles at foot_m (inverse kinematics) */
    Vec3 foot_m[2];  /**< each ankle's offset from its rest place, figure
                          space (x the figure's left, z forward) */
    double sit;      /**< 0 standing .. 1 seated at seat_y_m */
    double seat_y_m; /**< seat height under the hips when sitting */
    double arm_swing_rad[2]; /**< a free arm swung forward (walking) */
    /* What a parenthetical adds (gesture.c); zero is none. */
    double shrug;             /**< 0..1: the shoulders lift 5 cm */
    double slump;             /**< 0..1: the shoulders drop 3 cm (a sigh) */
    double point_yaw_rad;     /**< where a pointing arm aims, figure space:
                                   0 straight ahead, positive to its left */
    double foot_pitch_rad[2]; /**< a swinging foot's tilt: positive toe
                                   down (pushing off), negative toe up
                                   (heel first); 0 flat */
} WorldPose;

/** The syllables of @p line, estimated from the vowel groups of its
 * words (NULL or no words: 0). */
size_t world_talk_syllables(const char *line);

/** How far the mouth is open (0..1) and how much of a stressed beat there
 * is (0..1) @p talk_s seconds into @p line, spoken over a shot of
 * @p duration_s: one smooth open-close cycle per syllable at the
 * planner's 2.5 words a second, squeezed into the shot if it is short. */
void world_talk_at(const char *line, double duration_s, double talk_s,
                   double *mouth_open, double *stress);

/** Derives the pose of character @p name_hash at @p time_s seconds of
 * film time; @p talk_s is the time into the line being spoken, or
 * negative when the character is silent. */
void world_pose_at(uint64_t name_hash, uint64_t seed, double time_s,
                   double talk_s, WorldPose *out);

/** Builds the figure of @p look standing at @p position (on the ground)
 * facing @p facing, posed by @p pose, into at most WORLD_FIGURE_PARTS_MAX
 * meshes (the number in *count), and writes its rest skeleton to
 * @p joints. AU_ENOMEM. */
AuStatus world_figure_build(BaseArena *arena, const WorldFigureLook *look,
                            Vec3 position, Vec3 facing, const WorldPose *pose,
                            uint16_t object_id, WorldMesh *meshes,
                            size_t *count, Vec3 *joints);

/** The rest place of ankle @p li (0 left, 1 right) of a figure of
 * @p look, in figure space (feet on y = 0, facing +z). */
Vec3 world_figure_ankle_rest(const WorldFigureLook *look, int li);

/** Where a held prop's grip goes: in the palm of the hand whose wrist and
 * elbow are @p wrist and @p elbow, for a figure @p height_m tall. */
Vec3 world_figure_grip(Vec3 elbow, Vec3 wrist, double height_m);

/* ---- props (props.c) ------------------------------------------------ */

/** How a prop sits in the world. */
typedef enum WorldPropClass {
    WORLD_PROP_SMALL, /**< on a table or counter, or in a hand */
    WORLD_PROP_FLOOR, /**< stands on the floor near the action */
    WORLD_PROP_LARGE  /**< a vehicle, tree or animal: kept further off */
} WorldPropClass;

/** How a hand holds it. */
typedef enum WorldGrip {
    WORLD_GRIP_NONE,    /**< cannot be held */
    WORLD_GRIP_UPRIGHT, /**< held upright: a bottle, glass, phone */
    WORLD_GRIP_POINT,   /**< pointed where the figure faces: a gun */
    WORLD_GRIP_HANG     /**< hangs from the hand: a suitcase, a bag */
} WorldGrip;

/** One prop of the library. Props are built in their own frame: base on
 * y = 0, front toward +z. */
typedef struct WorldPropDef {
    const char *name;
    const char *words; /**< names and synonyms it answers to, with plural
                            forms that are not name + s or es */
    WorldPropClass cls;
    WorldGrip grip;
    double grip_y_m; /**< height of the grip above the base */
    Vec3 half_m;     /**< nominal half-size, for finding room */
    void (*build)(WorldKit *k, BaseRng *rng);
} WorldPropDef;

/** The library; @p count gets its length. */
const WorldPropDef *world_prop_defs(size_t *count);

/** Builds library prop @p def at @p base (on the floor or a surface),
 * turned @p yaw about +y; @p variant picks colours. */
void world_prop_place(WorldKit *k, const WorldPropDef *def, Vec3 base,
                      double yaw, uint64_t variant);

/** Most prop instances one scene asks for. */
#define WORLD_PROP_WANT_MAX 32

/** One prop an action line asks for. */
typedef struct WorldPropWant {
    const WorldPropDef *def;
    size_t holder;  /**< cast index holding it, or SIZE_MAX */
    WorldArm arm;   /**< the holder's arm pose */
    int hand;       /**< the holder's left (0) or right (1) hand */
    const char *on; /**< a surface named with it ("table"), or NULL */
    bool seat;      /**< someone sits on it: perform.c places it */
} WorldPropWant;

/** The library prop a single word names ("pistol", "beers"), or NULL. */
const WorldPropDef *world_prop_word(const char *word);

/** Which wants a call of world_props_place places. */
typedef enum WorldPropPass {
    WORLD_PROPS_ALL,
    WORLD_PROPS_UNHELD, /**< on surfaces and the floor, before the cast moves */
    WORLD_PROPS_HELD    /**< in hands, once the cast is posed */
} WorldPropPass;

/** Reads @p scene's action lines for props: nouns, plurals and synonyms
 * of the library, how many ("two cold beers"), and who holds or raises
 * them ("Brick raises his beer"). Only characters in @p figures can hold
 * one. Writes at most WORLD_PROP_WANT_MAX wants and returns how many. */
size_t world_props_read(const Production *prod, const DirectScene *scene,
                        const WorldFigure *figures, size_t figure_count,
                        WorldPropWant *out);

struct WorldStage;

/** Places @p wants in the stage @p st: held ones in their holder's hand,
 * small ones on the nearest surface (the one named, when it is near),
 * setting up a table behind the cast when there is none, and the rest on
 * the floor round the action. Writes a WorldProp for each placed prop
 * and for each surface used to @p out (room for @p cap, names static)
 * and returns how many. */
size_t world_props_place(struct WorldStage *st, const WorldPropWant *wants,
                         size_t n, WorldPropPass pass,
                         const WorldFigure *figures, size_t figure_count,
                         WorldProp *out, size_t cap);

/* ---- performance from action lines (perform.c) ----------------------- */

/** What an action line has a character do. */
typedef enum WorldVerb {
    WORLD_VERB_ENTER,
    WORLD_VERB_EXIT,
    WORLD_VERB_SIT,
    WORLD_VERB_STAND,
    WORLD_VERB_WALK,
    WORLD_VERB_RUN,
    WORLD_VERB_TURN,
    WORLD_VERB_LOOK,
    WORLD_VERB_DRINK,
    WORLD_VERB_PICK,
    WORLD_VERB_HAND,
    WORLD_VERB_FALL,
    WORLD_VERB_HIT,
    WORLD_VERB_COUNT
} WorldVerb;

/** One thing one character does, from an action line. */
typedef struct WorldAct {
    WorldVerb verb;
    size_t who;               /**< figure index of the subject */
    size_t fig;               /**< figure index of the object, or SIZE_MAX */
    const WorldPropDef *prop; /**< the prop object, or NULL */
    size_t to;  /**< figure index a prop is handed to, or SIZE_MAX */
    double t_s; /**< film time the line's beat begins */
    bool onto;  /**< a sit on the seat the walk before went to */
} WorldAct;

/** Most acts one scene keeps. */
#define WORLD_ACT_MAX 64

/** Reads scene @p scene_index's action lines for verbs with their
 * subject (a cast name, or he/she for the last one named, they for all)
 * and object, timed by where each line sits among the scene's dialogue
 * shots. Writes at most @p cap acts in time order; returns how many. */
size_t world_acts_read(const Production *prod, size_t scene_index,
                       const WorldFigure *figures, size_t figure_count,
                       WorldAct *out, size_t cap);

/** Where a character sits down: the seat's centre on the floor, the way
 * it faces, and its height. */
typedef struct WorldSeat {
    size_t fig;
    Vec3 at;
    double yaw;
    double seat_y_m;
    const WorldPropDef *def; /**< the seat prop, or NULL for a chair */
    size_t want;             /**< index of the want it uses, or SIZE_MAX */
} WorldSeat;

/** A character's place and pose at one moment of the performance. */
typedef struct WorldPerf {
    Vec3 pos, facing;
    WorldPose pose; /**< only legs, foot_m, sit, seat_y_m, arm_swing */
    int arm[2];     /**< a WorldArm forced on each arm, or -1 */
    size_t look;    /**< figure index looked at, or SIZE_MAX */
    bool moving;    /**< walking or running now */
    bool absent;    /**< not on the set: before entering, after exiting */
} WorldPerf;

/** Performs figure @p fig's acts up to film time @p t_s from its blocking
 * place @p home facing @p home_facing around the stage centre @p center
 * (floor props face it); @p homes holds every figure's, and
 * @p props the placed props (walk targets). Writes the seats it sits on
 * (room for @p seat_cap) to @p seats and their number to *seat_count
 * when @p seats is not NULL. */
void world_perform(const WorldAct *acts, size_t act_count, size_t fig,
                   Vec3 center, const Vec3 *homes, const Vec3 *home_facing,
                   const WorldProp *props, size_t prop_count, double t_s,
                   WorldPerf *out, WorldSeat *seats, size_t seat_cap,
                   size_t *seat_count);

/** True for a prop one sits on: chair, stool, sofa, bench, armchair,
 * bed. */
bool world_prop_is_seat(const WorldPropDef *d);

/** The film time at which prop act @p a (pick up, hand over) changes
 * hands. */
double world_act_handover_s(const WorldAct *a);

/* ---- gestures from parentheticals (gesture.c) ------------------------ */

/** Bits of WorldGesture.bits: what a parenthetical has the speaker do. */
enum {
    WORLD_GEST_RAISE = 1u << 0,    /**< "beer raised": the held prop comes up */
    WORLD_GEST_TAKE = 1u << 1,     /**< "taking one": reach and take a prop */
    WORLD_GEST_SHRUG = 1u << 2,    /**< shoulders up and down */
    WORLD_GEST_NOD = 1u << 3,      /**< two nods */
    WORLD_GEST_SHAKE = 1u << 4,    /**< shakes head */
    WORLD_GEST_POINT = 1u << 5,    /**< points at the other */
    WORLD_GEST_SIGH = 1u << 6,     /**< shoulders drop, head down */
    WORLD_GEST_LAUGH = 1u << 7,    /**< head back, shoulders bounce */
    WORLD_GEST_CROSS = 1u << 8,    /**< arms crossed */
    WORLD_GEST_AWAY = 1u << 9,     /**< "not looking at him": head away */
    WORLD_GEST_TO = 1u << 10,      /**< "to both", "to MARA": turns to them */
    WORLD_GEST_WHISPER = 1u << 11, /**< leans the head in */
    WORLD_GEST_LOWER = 1u << 12    /**< "lowering the handset" */
};

/** What one parenthetical asks of its speaker. */
typedef struct WorldGesture {
    unsigned bits;
    size_t fig;               /**< figure named ("to MARA"), or SIZE_MAX */
    bool all;                 /**< "to both", "to everyone" */
    const WorldPropDef *prop; /**< a prop named ("taking the mug"), or NULL */
} WorldGesture;

/** Reads parenthetical @p paren (without brackets) of figure @p speaker
 * among @p figs; false when it asks for no gesture auteur knows. */
bool world_gesture_read(const Production *prod, const char *paren,
                        const WorldFigure *figs, size_t nf, size_t speaker,
                        WorldGesture *out);

/** Adds gesture @p g, @p u_s seconds into the shot, to @p pose: head,
 * shoulders and arms. @p look_yaw_rad is where the one spoken to is, in
 * figure space (positive to the left), or NAN; @p holds says which hand
 * holds a prop. */
void world_gesture_pose(const WorldGesture *g, double u_s, double look_yaw_rad,
                        bool holds[2], WorldPose *pose);

/* ---- the set (set.c, set_int.c, set_ext.c) -------------------------- */

/** A flat top props can stand on. */
typedef struct WorldSurface {
    const char *name; /**< "table", "counter", "bar", "desk" */
    Vec3 top;         /**< centre of the top face */
    double half_x_m, half_z_m;
    double used_m; /**< how much of its length props already take */
} WorldSurface;

#define WORLD_SURFACE_MAX   16
#define WORLD_FOOTPRINT_MAX 160

/** A rectangle of floor something stands on. */
typedef struct WorldFootprint {
    double x0, z0, x1, z1;
} WorldFootprint;

/** The radius around the stage centre kept free of set pieces. */
#define WORLD_CLEAR_R_M 2.5
/** The nearest a table set up for the action's props comes to it. */
#define WORLD_PROP_TABLE_R_M 1.3

/** What building the set leaves for the props: where things stand, where
 * props can go, and the floor's height under water. */
typedef struct WorldStage {
    WorldKit *kit;
    BaseRng rng;
    const char *location;
    bool interior;
    WorldSetKind kind;
    Vec3 center;
    WorldFootprint figs; /**< the cast's ground plan with a margin */
    /* A room's inner faces (interiors), or the area the exterior keeps
     * clear for the cast. */
    double half_w_m, back_z_m, front_z_m, wall_h_m;
    double water_y_m; /**< water surface height, or NAN when there is none */
    Vec3 water_at;    /**< a point out on the water, for a boat */
    WorldSurface surfaces[WORLD_SURFACE_MAX];
    size_t surface_count;
    WorldFootprint taken[WORLD_FOOTPRINT_MAX];
    size_t taken_count;
    Vec3 fixtures[WORLD_FIXTURES_MAX]; /**< an interior's ceiling lights */
    size_t fixture_count;
} WorldStage;

/** Builds the set of @p scene (kind @p kind) into @p st->kit around the
 * cast @p figures, filling @p st. The layout depends on the location and
 * the kind alone, never on the cast, except that pieces the cast would
 * walk into are left out. */
void world_set_build(WorldStage *st, const DirectScene *scene,
                     WorldSetKind kind, const WorldFigure *figures,
                     size_t figure_count);

/** True when the floor rectangle @p f is clear of the cast and of what
 * already stands; @p r_m is how far from the stage centre it must keep. */
bool world_stage_free(const WorldStage *st, WorldFootprint f, double r_m);
/** Marks @p f as taken when free (see world_stage_free); returns whether
 * it was. */
bool world_stage_claim(WorldStage *st, WorldFootprint f, double r_m);
/** Marks @p f as taken whatever stands there: ground where nothing may
 * be put (a road, water), which may run under the cast. */
void world_stage_block(WorldStage *st, WorldFootprint f);
/** The footprint of a box of half-sizes @p hx, @p hz at (x, z) turned
 * @p yaw. */
WorldFootprint world_footprint(double x, double z, double hx, double hz,
                               double yaw);
/** Adds a surface props may stand on. */
void world_stage_surface(WorldStage *st, const char *name, Vec3 top,
                         double half_x_m, double half_z_m);

/* Builders for each kind, in set_int.c and set_ext.c. */
void world_set_interior(WorldStage *st);
void world_set_exterior(WorldStage *st);

/** The longest word world_words keeps, with its terminator. */
#define WORLD_WORD_LEN 32

/** A word of an action line, lower case. */
typedef struct WorldWord {
    char w[WORLD_WORD_LEN];
    bool end; /**< ends a sentence (., !, ? or ;, or the line's end) */
} WorldWord;

/** Splits an action line into lower-case words, a possessive 's dropped
 * and other apostrophes taken out, longer words cut to fit; writes at
 * most @p cap to @p out and returns how many. (world/props.c) */
size_t world_words(const char *s, WorldWord *out, size_t cap);

#endif
