/* direct/names.c: the crew's words for each control, as the plan JSON, the
 * shot list and messages print them. */
#include "direct.h"

#define NAME_OR(table, i, count, fallback) \
    ((unsigned)(i) < (unsigned)(count) ? (table)[i] : (fallback))

const char *direct_shot_size_name(DirectShotSize size)
{
    static const char *const names[DIRECT_SHOT_SIZE_COUNT] = {
        "ECU", "CU", "MCU", "MS", "MLS", "FS", "WS", "EWS"
    };
    return NAME_OR(names, size, DIRECT_SHOT_SIZE_COUNT, "MS");
}

const char *direct_shot_kind_name(DirectShotKind kind)
{
    static const char *const names[DIRECT_KIND_COUNT] = {
        "single", "group", "two-shot", "over-the-shoulder", "POV", "insert"
    };
    return NAME_OR(names, kind, DIRECT_KIND_COUNT, "single");
}

const char *direct_angle_name(DirectAngle angle)
{
    static const char *const names[DIRECT_ANGLE_COUNT] = { "eye level", "low",
                                                           "high", "overhead",
                                                           "dutch" };
    return NAME_OR(names, angle, DIRECT_ANGLE_COUNT, "eye level");
}

const char *direct_move_name(DirectMove move)
{
    static const char *const names[DIRECT_MOVE_COUNT] = {
        "static", "pan",        "tilt",     "dolly in",   "dolly out",
        "truck",  "pedestal",   "crane up", "crane down", "orbit",
        "zoom",   "dolly zoom", "follow",   "handheld"
    };
    return NAME_OR(names, move, DIRECT_MOVE_COUNT, "static");
}

const char *direct_transition_name(DirectTransition t)
{
    static const char *const names[DIRECT_TRANSITION_COUNT] = {
        "cut",      "smash cut", "match cut", "jump cut",
        "dissolve", "fade in",   "fade out",  "wipe"
    };
    return NAME_OR(names, t, DIRECT_TRANSITION_COUNT, "cut");
}

const char *direct_weather_name(DirectWeather w)
{
    static const char *const names[DIRECT_WEATHER_COUNT] = {
        "clear", "overcast", "rain", "fog", "snow", "storm", "wind"
    };
    return NAME_OR(names, w, DIRECT_WEATHER_COUNT, "clear");
}

const char *direct_light_role_name(DirectLightRole role)
{
    static const char *const names[DIRECT_LIGHT_ROLE_COUNT] = {
        "key", "fill", "rim", "back", "practical", "ambient"
    };
    return NAME_OR(names, role, DIRECT_LIGHT_ROLE_COUNT, "key");
}

const char *direct_side_name(DirectSide side)
{
    static const char *const names[DIRECT_SIDE_COUNT] = {
        "none", "left", "right", "front", "behind", "above", "below"
    };
    return NAME_OR(names, side, DIRECT_SIDE_COUNT, "none");
}

const char *direct_key_style_name(DirectKeyStyle style)
{
    static const char *const names[DIRECT_KEY_COUNT] = { "normal", "low key",
                                                         "high key" };
    return NAME_OR(names, style, DIRECT_KEY_COUNT, "normal");
}
