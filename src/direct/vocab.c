/* direct/vocab.c: the crew's words, as tables of phrases and the values
 * they stand for. Notes, title-page keys and prompts all read through
 * these, so a word means the same thing wherever it is written. */
#include "vocab.h"

#define TABLE(name, ...)                                    \
    static const LangWord name##_words[] = { __VA_ARGS__ }; \
    const LangTable vocab_##name = { name##_words,          \
                                     BASE_ARRAY_LEN(name##_words) }

TABLE(size, { "ecu", DIRECT_SHOT_ECU }, { "xcu", DIRECT_SHOT_ECU },
      { "extreme close up", DIRECT_SHOT_ECU },
      { "extreme closeup", DIRECT_SHOT_ECU }, { "cu", DIRECT_SHOT_CU },
      { "close up", DIRECT_SHOT_CU }, { "closeup", DIRECT_SHOT_CU },
      { "close", DIRECT_SHOT_CU }, { "mcu", DIRECT_SHOT_MCU },
      { "medium close up", DIRECT_SHOT_MCU },
      { "medium closeup", DIRECT_SHOT_MCU }, { "ms", DIRECT_SHOT_MS },
      { "medium", DIRECT_SHOT_MS }, { "medium shot", DIRECT_SHOT_MS },
      { "mid shot", DIRECT_SHOT_MS }, { "mls", DIRECT_SHOT_MLS },
      { "medium long", DIRECT_SHOT_MLS }, { "medium wide", DIRECT_SHOT_MLS },
      { "cowboy", DIRECT_SHOT_MLS }, { "american", DIRECT_SHOT_MLS },
      { "fs", DIRECT_SHOT_FS }, { "full", DIRECT_SHOT_FS },
      { "full shot", DIRECT_SHOT_FS }, { "full body", DIRECT_SHOT_FS },
      { "ls", DIRECT_SHOT_WS }, { "ws", DIRECT_SHOT_WS },
      { "wide", DIRECT_SHOT_WS }, { "wide shot", DIRECT_SHOT_WS },
      { "long shot", DIRECT_SHOT_WS }, { "long", DIRECT_SHOT_WS },
      { "els", DIRECT_SHOT_EWS }, { "ews", DIRECT_SHOT_EWS },
      { "xws", DIRECT_SHOT_EWS }, { "extreme wide", DIRECT_SHOT_EWS },
      { "extreme long", DIRECT_SHOT_EWS },
      { "extreme wide shot", DIRECT_SHOT_EWS },
      { "extreme long shot", DIRECT_SHOT_EWS },
      { "establishing", DIRECT_SHOT_WS });

TABLE(kind, { "single", DIRECT_KIND_SINGLE },
      { "two shot", DIRECT_KIND_TWO_SHOT }, { "2 shot", DIRECT_KIND_TWO_SHOT },
      { "twoshot", DIRECT_KIND_TWO_SHOT }, { "ots", DIRECT_KIND_OTS },
      { "over the shoulder", DIRECT_KIND_OTS },
      { "over shoulder", DIRECT_KIND_OTS }, { "pov", DIRECT_KIND_POV },
      { "point of view", DIRECT_KIND_POV }, { "insert", DIRECT_KIND_INSERT },
      { "group", DIRECT_KIND_GROUP }, { "group shot", DIRECT_KIND_GROUP });

TABLE(angle, { "eye level", DIRECT_ANGLE_EYE }, { "eye", DIRECT_ANGLE_EYE },
      { "eyelevel", DIRECT_ANGLE_EYE }, { "low", DIRECT_ANGLE_LOW },
      { "low angle", DIRECT_ANGLE_LOW }, { "high", DIRECT_ANGLE_HIGH },
      { "high angle", DIRECT_ANGLE_HIGH },
      { "overhead", DIRECT_ANGLE_OVERHEAD },
      { "top down", DIRECT_ANGLE_OVERHEAD },
      { "bird's eye", DIRECT_ANGLE_OVERHEAD },
      { "birds eye", DIRECT_ANGLE_OVERHEAD }, { "dutch", DIRECT_ANGLE_DUTCH },
      { "dutch angle", DIRECT_ANGLE_DUTCH },
      { "dutch tilt", DIRECT_ANGLE_DUTCH }, { "canted", DIRECT_ANGLE_DUTCH });

TABLE(move, { "static", DIRECT_MOVE_STATIC }, { "locked", DIRECT_MOVE_STATIC },
      { "locked off", DIRECT_MOVE_STATIC }, { "pan", DIRECT_MOVE_PAN },
      { "pan left", DIRECT_MOVE_PAN }, { "pan right", DIRECT_MOVE_PAN },
      { "tilt", DIRECT_MOVE_TILT }, { "tilt up", DIRECT_MOVE_TILT },
      { "tilt down", DIRECT_MOVE_TILT }, { "dolly in", DIRECT_MOVE_DOLLY_IN },
      { "push in", DIRECT_MOVE_DOLLY_IN },
      { "dolly out", DIRECT_MOVE_DOLLY_OUT },
      { "pull out", DIRECT_MOVE_DOLLY_OUT },
      { "pull back", DIRECT_MOVE_DOLLY_OUT }, { "truck", DIRECT_MOVE_TRUCK },
      { "truck left", DIRECT_MOVE_TRUCK }, { "truck right", DIRECT_MOVE_TRUCK },
      { "pedestal", DIRECT_MOVE_PEDESTAL },
      { "pedestal up", DIRECT_MOVE_PEDESTAL },
      { "pedestal down", DIRECT_MOVE_PEDESTAL },
      { "crane up", DIRECT_MOVE_CRANE_UP }, { "boom up", DIRECT_MOVE_CRANE_UP },
      { "crane down", DIRECT_MOVE_CRANE_DOWN },
      { "boom down", DIRECT_MOVE_CRANE_DOWN }, { "orbit", DIRECT_MOVE_ORBIT },
      { "arc", DIRECT_MOVE_ORBIT }, { "zoom", DIRECT_MOVE_ZOOM },
      { "zoom in", DIRECT_MOVE_ZOOM }, { "zoom out", DIRECT_MOVE_ZOOM },
      { "dolly zoom", DIRECT_MOVE_DOLLY_ZOOM },
      { "vertigo", DIRECT_MOVE_DOLLY_ZOOM }, { "follow", DIRECT_MOVE_FOLLOW },
      { "tracking", DIRECT_MOVE_FOLLOW }, { "track", DIRECT_MOVE_FOLLOW },
      { "handheld", DIRECT_MOVE_HANDHELD },
      { "hand held", DIRECT_MOVE_HANDHELD });

// Speed words scale a move's pace: the values are percent of normal.
TABLE(speed, { "slow", 50 }, { "slowly", 50 }, { "very slow", 25 },
      { "gentle", 60 }, { "fast", 200 }, { "quick", 200 }, { "quickly", 200 },
      { "very fast", 300 }, { "normal", 100 });

TABLE(tod, { "day", DIRECT_TOD_DAY }, { "daytime", DIRECT_TOD_DAY },
      { "noon", DIRECT_TOD_DAY }, { "afternoon", DIRECT_TOD_DAY },
      { "midday", DIRECT_TOD_DAY }, { "night", DIRECT_TOD_NIGHT },
      { "midnight", DIRECT_TOD_NIGHT }, { "nighttime", DIRECT_TOD_NIGHT },
      { "dawn", DIRECT_TOD_DAWN }, { "sunrise", DIRECT_TOD_DAWN },
      { "first light", DIRECT_TOD_DAWN }, { "dusk", DIRECT_TOD_DUSK },
      { "sunset", DIRECT_TOD_DUSK }, { "twilight", DIRECT_TOD_DUSK },
      { "morning", DIRECT_TOD_MORNING }, { "evening", DIRECT_TOD_EVENING },
      { "magic hour", DIRECT_TOD_MAGIC_HOUR },
      { "golden hour", DIRECT_TOD_MAGIC_HOUR },
      { "blue hour", DIRECT_TOD_DUSK }, { "later", DIRECT_TOD_DAY },
      { "continuous", DIRECT_TOD_DAY }, { "moments later", DIRECT_TOD_DAY });

TABLE(weather, { "clear", DIRECT_WEATHER_CLEAR },
      { "sunny", DIRECT_WEATHER_CLEAR }, { "fair", DIRECT_WEATHER_CLEAR },
      { "overcast", DIRECT_WEATHER_OVERCAST },
      { "cloudy", DIRECT_WEATHER_OVERCAST },
      { "grey", DIRECT_WEATHER_OVERCAST }, { "rain", DIRECT_WEATHER_RAIN },
      { "rainy", DIRECT_WEATHER_RAIN }, { "drizzle", DIRECT_WEATHER_RAIN },
      { "downpour", DIRECT_WEATHER_RAIN }, { "fog", DIRECT_WEATHER_FOG },
      { "foggy", DIRECT_WEATHER_FOG }, { "mist", DIRECT_WEATHER_FOG },
      { "misty", DIRECT_WEATHER_FOG }, { "haze", DIRECT_WEATHER_FOG },
      { "hazy", DIRECT_WEATHER_FOG }, { "snow", DIRECT_WEATHER_SNOW },
      { "snowy", DIRECT_WEATHER_SNOW }, { "snowing", DIRECT_WEATHER_SNOW },
      { "storm", DIRECT_WEATHER_STORM }, { "stormy", DIRECT_WEATHER_STORM },
      { "thunderstorm", DIRECT_WEATHER_STORM }, { "wind", DIRECT_WEATHER_WIND },
      { "windy", DIRECT_WEATHER_WIND });

TABLE(transition, { "cut", DIRECT_TRANSITION_CUT },
      { "cut to", DIRECT_TRANSITION_CUT },
      { "smash cut", DIRECT_TRANSITION_SMASH_CUT },
      { "smash cut to", DIRECT_TRANSITION_SMASH_CUT },
      { "match cut", DIRECT_TRANSITION_MATCH_CUT },
      { "match cut to", DIRECT_TRANSITION_MATCH_CUT },
      { "jump cut", DIRECT_TRANSITION_JUMP_CUT },
      { "jump cut to", DIRECT_TRANSITION_JUMP_CUT },
      { "dissolve", DIRECT_TRANSITION_DISSOLVE },
      { "dissolve to", DIRECT_TRANSITION_DISSOLVE },
      { "cross dissolve", DIRECT_TRANSITION_DISSOLVE },
      { "fade in", DIRECT_TRANSITION_FADE_IN },
      { "fade out", DIRECT_TRANSITION_FADE_OUT },
      { "fade to black", DIRECT_TRANSITION_FADE_OUT },
      { "fade to", DIRECT_TRANSITION_FADE_OUT },
      { "wipe", DIRECT_TRANSITION_WIPE },
      { "wipe to", DIRECT_TRANSITION_WIPE });

TABLE(light_role, { "key", DIRECT_LIGHT_KEY },
      { "key light", DIRECT_LIGHT_KEY }, { "fill", DIRECT_LIGHT_FILL },
      { "fill light", DIRECT_LIGHT_FILL }, { "rim", DIRECT_LIGHT_RIM },
      { "rim light", DIRECT_LIGHT_RIM }, { "edge", DIRECT_LIGHT_RIM },
      { "back", DIRECT_LIGHT_BACK }, { "backlight", DIRECT_LIGHT_BACK },
      { "back light", DIRECT_LIGHT_BACK },
      { "practical", DIRECT_LIGHT_PRACTICAL },
      { "practicals", DIRECT_LIGHT_PRACTICAL },
      { "ambient", DIRECT_LIGHT_AMBIENT }, { "ambience", DIRECT_LIGHT_AMBIENT },
      { "kicker", DIRECT_LIGHT_RIM }, { "kick", DIRECT_LIGHT_RIM });

TABLE(key_style, { "low key", DIRECT_KEY_LOW }, { "lowkey", DIRECT_KEY_LOW },
      { "high key", DIRECT_KEY_HIGH }, { "highkey", DIRECT_KEY_HIGH },
      { "normal key", DIRECT_KEY_NORMAL });

TABLE(side, { "left", DIRECT_SIDE_LEFT }, { "from left", DIRECT_SIDE_LEFT },
      { "camera left", DIRECT_SIDE_LEFT },
      { "from camera left", DIRECT_SIDE_LEFT }, { "right", DIRECT_SIDE_RIGHT },
      { "from right", DIRECT_SIDE_RIGHT },
      { "camera right", DIRECT_SIDE_RIGHT },
      { "from camera right", DIRECT_SIDE_RIGHT },
      { "front", DIRECT_SIDE_FRONT }, { "from front", DIRECT_SIDE_FRONT },
      { "frontal", DIRECT_SIDE_FRONT }, { "behind", DIRECT_SIDE_BEHIND },
      { "from behind", DIRECT_SIDE_BEHIND }, { "above", DIRECT_SIDE_ABOVE },
      { "from above", DIRECT_SIDE_ABOVE }, { "overhead", DIRECT_SIDE_ABOVE },
      { "top", DIRECT_SIDE_ABOVE }, { "below", DIRECT_SIDE_BELOW },
      { "from below", DIRECT_SIDE_BELOW });

// Intensities in percent of the role's default.
TABLE(intensity, { "dim", 50 }, { "faint", 25 }, { "subtle", 40 },
      { "strong", 200 }, { "bright", 150 }, { "gentle", 60 });

// Source size in percent of the role's default radius: a soft light is a
// big source (a bounce, a silk), a hard one a small bare bulb.
TABLE(softness, { "soft", 300 }, { "very soft", 500 }, { "diffused", 300 },
      { "diffuse", 300 }, { "bounced", 400 }, { "hard", 20 }, { "harsh", 15 },
      { "crisp", 25 }, { "specular", 15 }, { "bare", 20 });

// Heights of a lamp: its elevation above the subject's eyes, in degrees.
TABLE(height, { "low", -5 }, { "eye level", 0 }, { "eye height", 0 },
      { "high", 45 }, { "steep", 60 }, { "top", 75 }, { "top light", 75 });

// Gels. Kelvin gels are mired shifts (value in mired; CTO warms, CTB
// cools) defined by their conversions: full CTO 5600 K to 3200 K, 1/2 CTO
// to 3800 K, 1/4 CTO to 4500 K; full CTB 3200 K to 5600 K, 1/2 CTB to
// 4100 K, 1/4 CTB to 3600 K. Values 1000 and up are colour filters
// (1000 plus green, 1001 half plus green, 1002 minus green, 1003 half
// minus green). The tokenizer splits "1/2" into "1" and "2".
TABLE(gel, { "cto", 134 }, { "full cto", 134 }, { "1 2 cto", 85 },
      { "half cto", 85 }, { "1 4 cto", 44 }, { "quarter cto", 44 },
      { "ctb", -134 }, { "full ctb", -134 }, { "1 2 ctb", -69 },
      { "half ctb", -69 }, { "1 4 ctb", -35 }, { "quarter ctb", -35 },
      { "plus green", 1000 }, { "green gel", 1000 }, { "1 2 plus green", 1001 },
      { "half plus green", 1001 }, { "minus green", 1002 },
      { "magenta gel", 1002 }, { "1 2 minus green", 1003 },
      { "half minus green", 1003 });

// Named lighting set-ups; the value is a DirectLightPreset.
TABLE(light_preset, { "noir", DIRECT_PRESET_NOIR },
      { "film noir", DIRECT_PRESET_NOIR },
      { "golden hour", DIRECT_PRESET_GOLDEN_HOUR },
      { "magic hour", DIRECT_PRESET_GOLDEN_HOUR },
      { "blue hour", DIRECT_PRESET_BLUE_HOUR },
      { "neon night", DIRECT_PRESET_NEON_NIGHT },
      { "candlelight", DIRECT_PRESET_CANDLELIGHT },
      { "candle light", DIRECT_PRESET_CANDLELIGHT },
      { "candlelit", DIRECT_PRESET_CANDLELIGHT },
      { "overcast soft", DIRECT_PRESET_OVERCAST_SOFT },
      { "overcast", DIRECT_PRESET_OVERCAST_SOFT });

// Intensity changes in stops: "+1 stop", "2 stops".
TABLE(stop, { "stop", 0 }, { "stops", 0 });

// Named light colours; the value indexes vocab_colors_rgb.
TABLE(color, { "white", 0 }, { "blue", 1 }, { "red", 2 }, { "orange", 3 },
      { "amber", 4 }, { "green", 5 }, { "teal", 6 }, { "magenta", 7 },
      { "purple", 8 }, { "pink", 9 }, { "cyan", 10 }, { "yellow", 11 },
      { "gold", 12 }, { "golden", 12 }, { "warm", 13 }, { "cool", 14 },
      { "cold", 14 }, { "moonlight", 15 }, { "neon", 9 }, { "violet", 8 });

const float vocab_colors_rgb[16][3] = {
    { 1.0f, 1.0f, 1.0f },   { 0.25f, 0.45f, 1.0f }, { 1.0f, 0.12f, 0.1f },
    { 1.0f, 0.5f, 0.15f },  { 1.0f, 0.65f, 0.25f }, { 0.2f, 1.0f, 0.3f },
    { 0.1f, 0.75f, 0.75f }, { 1.0f, 0.15f, 0.8f },  { 0.6f, 0.25f, 1.0f },
    { 1.0f, 0.4f, 0.7f },   { 0.2f, 0.9f, 1.0f },   { 1.0f, 0.9f, 0.25f },
    { 1.0f, 0.75f, 0.35f }, { 1.0f, 0.8f, 0.6f },   { 0.7f, 0.85f, 1.0f },
    { 0.6f, 0.7f, 1.0f },
};

TABLE(look, { "natural", 0 }, { "neutral", 0 }, { "noir", 1 },
      { "film noir", 1 }, { "bleach bypass", 2 }, { "teal and orange", 3 },
      { "teal orange", 3 }, { "orange and teal", 3 }, { "day for night", 4 },
      { "sepia", 5 }, { "black and white", 6 }, { "monochrome", 6 },
      { "bw", 6 }, { "warm", 7 }, { "cool", 8 }, { "desaturated", 9 },
      { "muted", 9 }, { "vintage", 10 }, { "technicolor", 11 }, { "vivid", 11 },
      { "high contrast", 12 }, { "low contrast", 13 }, { "dreamy", 14 },
      { "dream", 14 }, { "western", 15 }, { "neon", 16 },
      { "documentary", 17 });

// Canonical look names, by the value above.
const char *const vocab_look_names[18] = {
    "natural",       "noir",         "bleach bypass",   "teal and orange",
    "day for night", "sepia",        "black and white", "warm",
    "cool",          "desaturated",  "vintage",         "technicolor",
    "high contrast", "low contrast", "dreamy",          "western",
    "neon",          "documentary",
};

// Words a cast note may use; world/ turns them into a figure. The value
// is a category: 1 age, 2 build, 3 hair, 4 wardrobe, 5 colour or pattern,
// 6 sex, 7 face.
TABLE(cast_word, { "young", 1 }, { "old", 1 }, { "elderly", 1 },
      { "middle aged", 1 }, { "teen", 1 }, { "teenage", 1 }, { "teenager", 1 },
      { "child", 1 }, { "kid", 1 }, { "adult", 1 }, { "tall", 2 },
      { "short", 2 }, { "small", 2 }, { "big", 2 }, { "thin", 2 },
      { "slim", 2 }, { "skinny", 2 }, { "lean", 2 }, { "wiry", 2 },
      { "heavy", 2 }, { "heavyset", 2 }, { "stocky", 2 }, { "broad", 2 },
      { "muscular", 2 }, { "athletic", 2 }, { "fat", 2 }, { "average", 2 },
      { "hair", 3 }, { "bald", 3 }, { "beard", 3 }, { "bearded", 3 },
      { "moustache", 3 }, { "mustache", 3 }, { "stubble", 3 }, { "long", 3 },
      { "curly", 3 }, { "straight", 3 }, { "wavy", 3 }, { "ponytail", 3 },
      { "buzz cut", 3 }, { "crew cut", 3 }, { "braids", 3 }, { "bun", 3 },
      { "shirt", 4 }, { "t shirt", 4 }, { "tshirt", 4 }, { "jacket", 4 },
      { "coat", 4 }, { "suit", 4 }, { "dress", 4 }, { "skirt", 4 },
      { "trousers", 4 }, { "pants", 4 }, { "jeans", 4 }, { "shorts", 4 },
      { "shoes", 4 }, { "boots", 4 }, { "sneakers", 4 }, { "hat", 4 },
      { "cap", 4 }, { "cowboy hat", 4 }, { "fedora", 4 }, { "hoodie", 4 },
      { "sweater", 4 }, { "vest", 4 }, { "tie", 4 }, { "uniform", 4 },
      { "apron", 4 }, { "glasses", 7 }, { "sunglasses", 7 }, { "scar", 7 },
      { "freckles", 7 }, { "hawaiian", 5 }, { "striped", 5 }, { "stripes", 5 },
      { "checked", 5 }, { "plaid", 5 }, { "floral", 5 }, { "polka dot", 5 },
      { "denim", 5 }, { "leather", 5 }, { "grey", 5 }, { "gray", 5 },
      { "black", 5 }, { "white", 5 }, { "brown", 5 }, { "blonde", 5 },
      { "blond", 5 }, { "red", 5 }, { "ginger", 5 }, { "auburn", 5 },
      { "silver", 5 }, { "dark", 5 }, { "light", 5 }, { "pale", 5 },
      { "tan", 5 }, { "tanned", 5 }, { "blue", 5 }, { "green", 5 },
      { "yellow", 5 }, { "orange", 5 }, { "pink", 5 }, { "purple", 5 },
      { "navy", 5 }, { "khaki", 5 }, { "beige", 5 }, { "man", 6 },
      { "woman", 6 }, { "male", 6 }, { "female", 6 }, { "boy", 6 },
      { "girl", 6 }, { "guy", 6 }, { "lady", 6 }, { "in", 0 }, { "with", 0 },
      { "and", 0 }, { "a", 0 }, { "his", 0 }, { "her", 0 }, { "their", 0 });

// Words that carry grammar, not direction: skipped without a warning.
TABLE(filler, { "a", 0 }, { "an", 0 }, { "the", 0 }, { "at", 0 }, { "in", 0 },
      { "on", 0 }, { "of", 0 }, { "with", 0 }, { "and", 0 }, { "to", 0 },
      { "from", 0 }, { "by", 0 }, { "shot", 0 }, { "lens", 0 }, { "angle", 0 },
      { "camera", 0 }, { "move", 0 }, { "light", 0 }, { "lit", 0 }, { "as", 0 },
      { "for", 0 }, { "then", 0 });

// People a prompt may name; the value indexes vocab_person_names.
TABLE(person, { "man", 0 }, { "men", 0 }, { "woman", 1 }, { "women", 1 },
      { "rider", 2 }, { "riders", 2 }, { "horseman", 2 }, { "cowboy", 3 },
      { "cowboys", 3 }, { "detective", 4 }, { "girl", 5 }, { "boy", 6 },
      { "soldier", 7 }, { "soldiers", 7 }, { "driver", 8 }, { "stranger", 9 },
      { "child", 10 }, { "kid", 10 }, { "runner", 11 }, { "dancer", 12 },
      { "singer", 13 }, { "couple", 14 }, { "old man", 15 },
      { "old woman", 16 }, { "hero", 17 }, { "traveller", 18 },
      { "traveler", 18 }, { "figure", 19 }, { "person", 19 }, { "people", 19 },
      { "friends", 20 }, { "sheriff", 21 }, { "waitress", 22 },
      { "bartender", 23 });

const char *const vocab_person_names[24] = {
    "MAN",       "WOMAN",   "RIDER",   "COWBOY",   "DETECTIVE", "GIRL",
    "BOY",       "SOLDIER", "DRIVER",  "STRANGER", "CHILD",     "RUNNER",
    "DANCER",    "SINGER",  "PARTNER", "OLD MAN",  "OLD WOMAN", "HERO",
    "TRAVELLER", "FIGURE",  "FRIEND",  "SHERIFF",  "WAITRESS",  "BARTENDER",
};

// Adjectives a prompt may put before a person; kept as cast look words.
TABLE(person_word, { "lone", 0 }, { "lonely", 0 }, { "young", 0 }, { "old", 0 },
      { "tall", 0 }, { "tired", 0 }, { "mysterious", 0 }, { "hooded", 0 },
      { "bearded", 0 }, { "elderly", 0 }, { "little", 0 }, { "weary", 0 },
      { "wounded", 0 }, { "masked", 0 }, { "solitary", 0 });

// Places; the value is 1 for interiors, 0 for exteriors.
TABLE(place, { "desert", 0 }, { "beach", 0 }, { "forest", 0 }, { "woods", 0 },
      { "street", 0 }, { "city", 0 }, { "alley", 0 }, { "rooftop", 0 },
      { "roof", 0 }, { "field", 0 }, { "meadow", 0 }, { "mountain road", 0 },
      { "mountains", 0 }, { "mountain", 0 }, { "road", 0 }, { "highway", 0 },
      { "harbour", 0 }, { "harbor", 0 }, { "pier", 0 }, { "bridge", 0 },
      { "park", 0 }, { "patio", 0 }, { "pool", 0 }, { "garden", 0 },
      { "parking lot", 0 }, { "lake", 0 }, { "river", 0 }, { "ocean", 0 },
      { "sea", 0 }, { "canyon", 0 }, { "prairie", 0 }, { "plains", 0 },
      { "town", 0 }, { "village", 0 }, { "farm", 0 }, { "ranch", 0 },
      { "station", 0 }, { "diner", 1 }, { "bar", 1 }, { "saloon", 1 },
      { "kitchen", 1 }, { "office", 1 }, { "bedroom", 1 }, { "living room", 1 },
      { "warehouse", 1 }, { "garage", 1 }, { "studio", 1 }, { "apartment", 1 },
      { "hallway", 1 }, { "corridor", 1 }, { "church", 1 }, { "classroom", 1 },
      { "restaurant", 1 }, { "cafe", 1 }, { "hospital", 1 }, { "room", 1 },
      { "house", 1 }, { "mansion", 1 }, { "shack", 1 }, { "cabin", 1 },
      { "trailer", 1 }, { "motel", 1 }, { "lobby", 1 });

// What people do; the prompt's action.
TABLE(verb, { "crosses", 0 }, { "cross", 0 }, { "walks", 0 }, { "walk", 0 },
      { "runs", 0 }, { "run", 0 }, { "rides", 0 }, { "ride", 0 },
      { "stands", 0 }, { "stand", 0 }, { "sits", 0 }, { "sit", 0 },
      { "waits", 0 }, { "wait", 0 }, { "talks", 0 }, { "talk", 0 },
      { "drinks", 0 }, { "drink", 0 }, { "looks", 0 }, { "look", 0 },
      { "turns", 0 }, { "enters", 0 }, { "exits", 0 }, { "leaves", 0 },
      { "arrives", 0 }, { "smokes", 0 }, { "drives", 0 }, { "dances", 0 },
      { "fights", 0 }, { "reads", 0 }, { "sleeps", 0 }, { "cries", 0 },
      { "laughs", 0 }, { "smiles", 0 }, { "stares", 0 }, { "watches", 0 },
      { "argue", 0 }, { "argues", 0 }, { "kiss", 0 }, { "kisses", 0 },
      { "meet", 0 }, { "meets", 0 }, { "wanders", 0 }, { "approaches", 0 },
      { "gallops", 0 }, { "across", 0 }, { "through", 0 }, { "into", 0 },
      { "toward", 0 }, { "towards", 0 }, { "along", 0 }, { "under", 0 },
      { "over", 0 }, { "near", 0 }, { "beside", 0 }, { "inside", 0 },
      { "outside", 0 }, { "alone", 0 }, { "together", 0 }, { "his", 0 },
      { "her", 0 }, { "their", 0 }, { "its", 0 }, { "horse", 0 }, { "car", 0 },
      { "who", 0 }, { "while", 0 }, { "as", 0 });

// Counting words before a plural person.
TABLE(count, { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 },
      { "pair of", 2 }, { "a pair of", 2 });
