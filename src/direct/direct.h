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

typedef enum DirectShotSize {
    DIRECT_SHOT_WS, /**< wide: everyone, head to feet with room */
    DIRECT_SHOT_MS  /**< medium: top of head to the waist */
} DirectShotSize;

typedef enum DirectAngle {
    DIRECT_ANGLE_EYE
} DirectAngle;

/** One scene: heading, set and time of day. */
typedef struct DirectScene {
    const char *heading;  /**< the whole heading, "EXT. PATIO - DAY" */
    const char *location; /**< "PATIO" */
    bool interior;        /**< INT (true) or EXT (false) */
    DirectTimeOfDay time_of_day;
    size_t *cast; /**< cast indices present in the scene */
    size_t cast_count;
    AuSrcLoc loc;
} DirectScene;

/** One cast member. Their look derives from name_hash and nothing else,
 * so a character is the same figure in every shot. */
typedef struct DirectCastMember {
    const char *name; /**< as in the character cue, upper case */
    uint64_t name_hash;
    AuSrcLoc loc; /**< first cue */
} DirectCastMember;

/** A planned shot. The subject is a cast index, or SIZE_MAX for a shot of
 * everyone in the scene. */
typedef struct DirectShot {
    size_t scene;
    DirectShotSize size;
    DirectAngle angle;
    double lens_mm;
    double f_stop;
    size_t subject;
    double start_s;
    double duration_s;
    const char *reason;   /**< why auteur chose it, e.g. "establishing" */
    const char *dialogue; /**< the line spoken, or NULL */
    AuSrcLoc loc;
} DirectShot;

/** The planned production; everything lives in @p arena, including copies
 * of the script's strings, so it outlives the ScriptDoc it came from. */
typedef struct Production {
    BaseArena arena;
    const char *title;
    DirectScene *scenes;
    size_t scene_count;
    DirectCastMember *cast;
    size_t cast_count;
    DirectShot *shots;
    size_t shot_count;
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

/** Frees the production (NULL is accepted) and sets *prod to NULL. */
void direct_production_free(Production **prod);

/** Returns the stable lower-case name of a time of day ("dusk"). */
const char *direct_tod_name(DirectTimeOfDay tod);
/** Returns the crew's name of a shot size ("WS", "MS"). */
const char *direct_shot_size_name(DirectShotSize size);

/** Serialises the plan as JSON text (keys "title", "scenes", "shots",
 * "cast", "duration_s") into a malloc'd string in *out (free with free()).
 * AU_ENOMEM on failure. */
AuStatus direct_plan_json(const Production *prod, char **out);

#endif
