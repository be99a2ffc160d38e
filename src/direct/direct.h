/* direct: the second stage. Interprets a ScriptDoc as a Production: the
 * scenes with their sets and time of day, the cast, and the planned shots
 * with their timing. */
#ifndef AU_DIRECT_H
#define AU_DIRECT_H

#include "../base/base.h"
#include "../script/script.h"

typedef enum DirectTimeOfDay {
    DIRECT_TOD_DAY,
    DIRECT_TOD_NIGHT,
    DIRECT_TOD_DAWN,
    DIRECT_TOD_DUSK,
    DIRECT_TOD_MORNING,
    DIRECT_TOD_EVENING,
    DIRECT_TOD_MAGIC_HOUR,
    DIRECT_TOD_COUNT
} DirectTimeOfDay;

/** Shot sizes as a crew names them, tightest first. Each names the part
 * of the subject that fills the frame height (docs/cinematography.md). */
typedef enum DirectShotSize {
    DIRECT_SHOT_ECU, /**< extreme close-up: eyes and brows */
    DIRECT_SHOT_CU,  /**< close-up: head top to the top of the chest */
    DIRECT_SHOT_MCU, /**< medium close-up: head to mid-chest */
    DIRECT_SHOT_MS,  /**< medium: head to the waist */
    DIRECT_SHOT_MLS, /**< medium long (cowboy): head to mid-thigh */
    DIRECT_SHOT_FS,  /**< full: head to feet with a little room */
    DIRECT_SHOT_WS,  /**< wide / long: the figures small in their place */
    DIRECT_SHOT_EWS, /**< extreme wide: the place, figures tiny */
    DIRECT_SHOT_SIZE_COUNT
} DirectShotSize;

/** What a shot is of, beyond its size. */
typedef enum DirectShotKind {
    DIRECT_KIND_SINGLE,   /**< one character */
    DIRECT_KIND_GROUP,    /**< everyone in the scene (establishing) */
    DIRECT_KIND_TWO_SHOT, /**< subject and partner together */
    DIRECT_KIND_OTS,      /**< on the subject over the partner's shoulder */
    DIRECT_KIND_POV,      /**< from the subject's eyes */
    DIRECT_KIND_INSERT,   /**< a prop filling the frame */
    DIRECT_KIND_COUNT
} DirectShotKind;

typedef enum DirectAngle {
    DIRECT_ANGLE_EYE,
    DIRECT_ANGLE_LOW,      /**< below the eyes looking up by angle_deg */
    DIRECT_ANGLE_HIGH,     /**< above the eyes looking down by angle_deg */
    DIRECT_ANGLE_OVERHEAD, /**< straight down */
    DIRECT_ANGLE_DUTCH,    /**< rolled by angle_deg */
    DIRECT_ANGLE_COUNT
} DirectAngle;

typedef enum DirectMove {
    DIRECT_MOVE_STATIC,
    DIRECT_MOVE_PAN,
    DIRECT_MOVE_TILT,
    DIRECT_MOVE_DOLLY_IN,
    DIRECT_MOVE_DOLLY_OUT,
    DIRECT_MOVE_TRUCK,
    DIRECT_MOVE_PEDESTAL,
    DIRECT_MOVE_CRANE_UP,
    DIRECT_MOVE_CRANE_DOWN,
    DIRECT_MOVE_ORBIT,
    DIRECT_MOVE_ZOOM,
    DIRECT_MOVE_DOLLY_ZOOM,
    DIRECT_MOVE_FOLLOW,
    DIRECT_MOVE_HANDHELD,
    DIRECT_MOVE_COUNT
} DirectMove;

/** How a shot begins, from the transition before it. */
typedef enum DirectTransition {
    DIRECT_TRANSITION_CUT,
    DIRECT_TRANSITION_SMASH_CUT,
    DIRECT_TRANSITION_MATCH_CUT,
    DIRECT_TRANSITION_JUMP_CUT,
    DIRECT_TRANSITION_DISSOLVE,
    DIRECT_TRANSITION_FADE_IN,
    DIRECT_TRANSITION_FADE_OUT,
    DIRECT_TRANSITION_WIPE,
    DIRECT_TRANSITION_COUNT
} DirectTransition;

typedef enum DirectWeather {
    DIRECT_WEATHER_CLEAR,
    DIRECT_WEATHER_OVERCAST,
    DIRECT_WEATHER_RAIN,
    DIRECT_WEATHER_FOG,
    DIRECT_WEATHER_SNOW,
    DIRECT_WEATHER_STORM,
    DIRECT_WEATHER_WIND,
    DIRECT_WEATHER_COUNT
} DirectWeather;

typedef enum DirectLightRole {
    DIRECT_LIGHT_KEY,
    DIRECT_LIGHT_FILL,
    DIRECT_LIGHT_RIM,
    DIRECT_LIGHT_BACK,
    DIRECT_LIGHT_PRACTICAL,
    DIRECT_LIGHT_AMBIENT,
    DIRECT_LIGHT_ROLE_COUNT
} DirectLightRole;

typedef enum DirectSide {
    DIRECT_SIDE_NONE,
    DIRECT_SIDE_LEFT,  /**< camera left */
    DIRECT_SIDE_RIGHT, /**< camera right */
    DIRECT_SIDE_FRONT,
    DIRECT_SIDE_BEHIND,
    DIRECT_SIDE_ABOVE,
    DIRECT_SIDE_BELOW,
    DIRECT_SIDE_COUNT
} DirectSide;

typedef enum DirectKeyStyle {
    DIRECT_KEY_NORMAL,
    DIRECT_KEY_LOW,  /**< low key: strong contrast, deep shadows */
    DIRECT_KEY_HIGH, /**< high key: soft, bright, little shadow */
    DIRECT_KEY_COUNT
} DirectKeyStyle;

/** A named lighting preset of a light note ("noir"): light/ builds its
 * lights and mood (docs/lighting.md). */
typedef enum DirectLightPreset {
    DIRECT_PRESET_NONE,
    DIRECT_PRESET_NOIR,          /**< hard low key through blind slats */
    DIRECT_PRESET_GOLDEN_HOUR,   /**< low warm key, warm rim */
    DIRECT_PRESET_BLUE_HOUR,     /**< cool soft ambience, warm practical */
    DIRECT_PRESET_NEON_NIGHT,    /**< magenta and cyan practicals */
    DIRECT_PRESET_CANDLELIGHT,   /**< low 1900 K practicals */
    DIRECT_PRESET_OVERCAST_SOFT, /**< big soft key, no hard shadow */
    DIRECT_PRESET_COUNT
} DirectLightPreset;

/** One light the director named ("key 3200K from left"). */
typedef struct DirectLight {
    DirectLightRole role;
    double temp_k;          /**< colour temperature, 0 when a colour is named */
    float color[3];         /**< linear RGB when colour_name is set */
    const char *color_name; /**< "blue", or NULL */
    DirectSide side;
    double intensity; /**< relative to the default for its role, 1 */
    AuSrcLoc loc;
    double softness;   /**< source size factor: 0 role default, "soft" 3 */
    double height_deg; /**< elevation above the eyes when has_height */
    bool has_height;
    bool kicker;     /**< a low rim from the side, opposite the key */
    float filter[3]; /**< RGB gel transmission (green, magenta), all 0 =
                          none; kelvin gels change temp_k instead */
} DirectLight;

#define DIRECT_MAX_LIGHTS 8

/** A [[light: ...]] note: a key style and the lights it names. */
typedef struct DirectLighting {
    DirectKeyStyle style;
    DirectLight lights[DIRECT_MAX_LIGHTS];
    size_t light_count;
    AuSrcLoc loc; /**< the note, or line 0 when nobody set the light */
    DirectLightPreset preset;
    double fill_ratio; /**< key-to-fill ratio, 4 for "4:1"; 0 unset */
} DirectLighting;

/** Bits of DirectShot.set_by: which controls the director's notes set
 * (the others auteur chose). */
enum {
    DIRECT_SET_SIZE = 1u << 0,
    DIRECT_SET_KIND = 1u << 1,
    DIRECT_SET_SUBJECT = 1u << 2,
    DIRECT_SET_ANGLE = 1u << 3,
    DIRECT_SET_LENS = 1u << 4,
    DIRECT_SET_F_STOP = 1u << 5,
    DIRECT_SET_FOCUS = 1u << 6,
    DIRECT_SET_MOVE = 1u << 7,
    DIRECT_SET_DURATION = 1u << 8,
    DIRECT_SET_TRANSITION = 1u << 9,
    DIRECT_SET_LIGHT = 1u << 10,
    DIRECT_SET_LOOK = 1u << 11
};

/** A set: a location as named in the headings, built once and shared by
 * every scene that names it. */
typedef struct DirectSet {
    const char *name; /**< "DESERT ROAD" */
    bool interior;
    const char *description; /**< from a [[set: ...]] note, or NULL */
    AuSrcLoc loc;            /**< first heading that names it */
} DirectSet;

/** One scene: heading, set and time of day. */
typedef struct DirectScene {
    const char *heading;  /**< the whole heading, "EXT. PATIO - DAY" */
    const char *location; /**< "PATIO" */
    size_t set;           /**< index into Production.sets */
    bool interior;        /**< INT (true) or EXT (false) */
    DirectTimeOfDay time_of_day;
    DirectWeather weather;
    double latitude_deg; /**< from the title page's "Latitude:" */
    int day_of_year;     /**< 1..366 from its "Date:"; 0 when not given */
    const char *number;  /**< scene number from "#12A#", or NULL */
    size_t *cast;        /**< cast indices present in the scene */
    size_t cast_count;
    const char **actions; /**< the scene's action lines, in order */
    AuSrcLoc *action_locs;
    size_t action_count;
    AuSrcLoc loc;
} DirectScene;

/** One cast member. Their look derives from name_hash and the cast note's
 * words and nothing else, so a character is the same in every shot. */
typedef struct DirectCastMember {
    const char *name; /**< as in the character cue, upper case */
    uint64_t name_hash;
    int age_years;           /**< from a cast note, 0 when not given */
    const char **look_words; /**< the cast note's descriptions */
    AuSrcLoc *look_locs;
    size_t look_word_count;
    AuSrcLoc loc; /**< first cue or cast note */
} DirectCastMember;

/** The grade a [[look: ...]] note asks for besides a named look: a tone
 * curve, a white balance, exposure and film effects. Zero is unset. */
typedef struct DirectGrade {
    int tonemap;            /**< 0 unset, 1 filmic, 2 ACES, 3 AgX */
    double white_balance_k; /**< the scene white, 1000..40000 K */
    double exposure_ev;     /**< added exposure in stops, when has_exposure */
    bool has_exposure;
    double grain;    /**< film grain strength, 0..1 */
    double bloom;    /**< glow of the whole image, 0..1 */
    double halation; /**< red-orange glow round highlights, 0..1 */
} DirectGrade;

/** A planned shot. */
typedef struct DirectShot {
    size_t scene;
    DirectShotSize size;
    DirectShotKind kind;
    DirectAngle angle;
    double angle_deg; /**< for low, high and dutch */
    double lens_mm;
    double f_stop;
    size_t subject;     /**< cast index framed, or SIZE_MAX for everyone */
    size_t partner;     /**< the other character of a two-shot or OTS */
    size_t focus;       /**< cast index in focus; SIZE_MAX = the subject */
    bool rack;          /**< focus pulls to `focus` mid-shot ... */
    size_t rack_from;   /**< ... from this cast index; SIZE_MAX: from the
                             subject */
    bool reverse_side;  /**< the camera stands across the scene's
                             180-degree line ("across the line") */
    const char *insert; /**< the prop of an insert, or NULL */
    DirectMove move;
    double move_amount; /**< degrees for pan/tilt/orbit, factor for zoom */
    double move_speed;  /**< 1 normal, below 1 slow, above 1 fast */
    bool handheld;      /**< handheld shake, alone or on top of the move */
    double start_s;
    double duration_s;
    DirectTransition transition; /**< how the shot begins */
    DirectLighting lighting;
    const char *look;          /**< a [[look: ...]] name, or NULL */
    DirectGrade grade;         /**< the rest of the look note */
    const char *sound;         /**< a [[sound: ...]] cue, or NULL */
    uint32_t set_by;           /**< DIRECT_SET_* bits the director set */
    const char *reason;        /**< why auteur chose it, e.g. "establishing" */
    const char *dialogue;      /**< the line spoken, or NULL */
    const char *parenthetical; /**< how it is said, "(beer raised)" without
                                    the brackets, or NULL */
    size_t paren_speaker;      /**< cast index of who says it */
    AuSrcLoc loc;
} DirectShot;

/** A warning kept in the plan, so tools reading the JSON see it too. */
typedef struct DirectWarning {
    AuSrcLoc loc;
    const char *code;
    const char *text;
} DirectWarning;

/** The planned production; everything lives in @p arena, including copies
 * of the script's strings, so it outlives the ScriptDoc it came from. */
typedef struct Production {
    BaseArena arena;
    const char *title;
    const char *file;    /**< the script's name, used by every AuSrcLoc */
    double aspect;       /**< frame width / height, from "Aspect:" or 2.39 */
    uint64_t seed;       /**< the seed of auteur's choices */
    bool has_seed;       /**< the title page gave "Seed:" */
    const char *look;    /**< default look from "Look:", or NULL */
    DirectGrade grade;   /**< the rest of "Look:" */
    double latitude_deg; /**< "Latitude:", north positive */
    int day_of_year;     /**< from "Date:" (YYYY-MM-DD), 0 when not given */
    DirectScene *scenes;
    size_t scene_count;
    DirectSet *sets;
    size_t set_count;
    DirectCastMember *cast;
    size_t cast_count;
    DirectShot *shots;
    size_t shot_count;
    DirectWarning *warnings;
    size_t warning_count;
    double duration_s;
} Production;

/** Words per second of spoken dialogue used to time a line. */
#define DIRECT_WORDS_PER_S 2.5
/** Shortest shot, in seconds. */
#define DIRECT_MIN_SHOT_S 2.0
/** Length of an establishing shot, in seconds. */
#define DIRECT_ESTABLISH_S 3.0

/** Plans @p doc: one establishing wide shot per scene, then one medium
 * shot per dialogue block on its speaker, timed from the word count.
 * Reports problems to @p diag; fails with AU_ESYNTAX when the document has
 * no scene, AU_ENOMEM. On success *out is owned by the caller. */
AuStatus direct_plan(const AuAllocator *alloc, BaseDiag *diag,
                     const ScriptDoc *doc, Production **out);

/** As direct_plan, with the seed for every choice auteur makes itself
 * (the lens and size of its coverage; never a choice a note wrote down).
 * When @p seed_given is false the title page's "Seed:" is used, else 1.
 * The seed used is Production.seed. */
AuStatus direct_plan_seeded(const AuAllocator *alloc, BaseDiag *diag,
                            const ScriptDoc *doc, uint64_t seed,
                            bool seed_given, Production **out);

/** Plans a one-line prompt (@p len bytes of UTF-8 @p text, named @p name
 * in diagnostics) into a one-scene, one-shot Production, with the same
 * vocabulary as director notes. Words it does not use are one warning.
 * Fails with AU_ESYNTAX for an empty prompt or out-of-range values,
 * AU_ENOMEM. */
AuStatus direct_plan_prompt(const AuAllocator *alloc, BaseDiag *diag,
                            const char *name, const char *text, size_t len,
                            Production **out);

/** Frees the production (NULL is accepted) and sets *prod to NULL. */
void direct_production_free(Production **prod);

/** Returns the stable lower-case name of a time of day ("dusk"). */
const char *direct_tod_name(DirectTimeOfDay tod);
/** Crew names of the vocabulary, for the plan and messages: "MCU",
 * "two-shot", "low", "dolly in", "dissolve", "rain", "key", "left". */
const char *direct_shot_size_name(DirectShotSize size);
const char *direct_shot_kind_name(DirectShotKind kind);
const char *direct_angle_name(DirectAngle angle);
const char *direct_move_name(DirectMove move);
const char *direct_transition_name(DirectTransition t);
const char *direct_weather_name(DirectWeather w);
const char *direct_light_role_name(DirectLightRole role);
const char *direct_side_name(DirectSide side);
const char *direct_key_style_name(DirectKeyStyle style);

/** Writes @p s as the body of a shot note ("MCU BRICK, low 20deg, 85mm
 * f/1.8, dolly in slow, 3s"), in the words of docs/language.md: the
 * controls the director set (DirectShot.set_by), an insert's prop, a
 * handheld shake and a side across the line. Planning the note again
 * gives the same shot. AU_EINVAL when @p cap is too small. */
AuStatus direct_shot_note(const Production *prod, const DirectShot *s,
                          char *buf, size_t cap);

/** Copies the script @p text (@p len bytes) that @p prod was planned from
 * into *out (NUL-terminated, *out_len bytes, allocated through @p alloc;
 * the caller frees it with base_free), with the [[shot: ...]] note of
 * each director's shot @p shot_index[k] rewritten as @p shots[k] by
 * direct_shot_note, everything else byte for byte. The indices must
 * ascend. AU_EINVAL when a shot has no note of its own in @p text or the
 * indices do not ascend, AU_ENOMEM. */
AuStatus direct_script_rewrite(const AuAllocator *alloc, const Production *prod,
                               const char *text, size_t len,
                               const size_t *shot_index,
                               const DirectShot *shots, size_t count,
                               char **out, size_t *out_len);

/** Serialises the plan as JSON text (keys "title", "scenes", "shots",
 * "cast", "duration_s") into a malloc'd string in *out (free with free()).
 * AU_ENOMEM on failure. */
AuStatus direct_plan_json(const Production *prod, char **out);

/** What a seeded variation changed against a base plan of the same
 * script: for each shot, the controls auteur chose differently (size,
 * kind, lens_mm, subjects, duration_s), as JSON ("seed", "base_seed",
 * "differences") in a malloc'd string. AU_ENOMEM on failure. */
AuStatus direct_plan_compare(const Production *base, const Production *var,
                             char **out);

/** The plan as a shot list for a crew, one line a shot, into a malloc'd
 * string in *out (free with free()). AU_ENOMEM on failure. */
AuStatus direct_plan_text(const Production *prod, char **out);

#endif
