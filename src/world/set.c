/* world/set.c: which kind of set a location's words name ("OLD DINER",
 * "DESERT ROAD"), the stage bookkeeping set builders share (what stands
 * where, what props can stand on), and the dispatch to set_int/set_ext. */
#include <ctype.h>
#include <string.h>

#include "world_internal.h"

/* ---- kinds ---------------------------------------------------------- */

static const char *const kind_names[WORLD_SET_KIND_COUNT] = {
    [WORLD_SET_GENERIC_INTERIOR] = "room",
    [WORLD_SET_GENERIC_EXTERIOR] = "open ground",
    [WORLD_SET_LIVING_ROOM] = "living room",
    [WORLD_SET_KITCHEN] = "kitchen",
    [WORLD_SET_BEDROOM] = "bedroom",
    [WORLD_SET_OFFICE] = "office",
    [WORLD_SET_BAR] = "bar",
    [WORLD_SET_DINER] = "diner",
    [WORLD_SET_WAREHOUSE] = "warehouse",
    [WORLD_SET_STUDIO] = "studio",
    [WORLD_SET_GARAGE] = "garage",
    [WORLD_SET_TRAILER] = "trailer",
    [WORLD_SET_MOTEL] = "motel",
    [WORLD_SET_MANSION] = "mansion",
    [WORLD_SET_SHACK] = "shack",
    [WORLD_SET_HOSPITAL] = "hospital",
    [WORLD_SET_PATIO] = "patio",
    [WORLD_SET_POOL] = "pool",
    [WORLD_SET_STREET] = "street",
    [WORLD_SET_ALLEY] = "alley",
    [WORLD_SET_ROOFTOP] = "rooftop",
    [WORLD_SET_DESERT] = "desert",
    [WORLD_SET_FOREST] = "forest",
    [WORLD_SET_BEACH] = "beach",
    [WORLD_SET_FIELD] = "field",
    [WORLD_SET_PARK] = "park",
    [WORLD_SET_ROAD] = "road",
    [WORLD_SET_DESERT_ROAD] = "desert road",
    [WORLD_SET_MOUNTAIN_ROAD] = "mountain road",
    [WORLD_SET_HARBOUR] = "harbour",
    [WORLD_SET_RANCH] = "ranch",
};

const char *world_set_kind_name(WorldSetKind kind)
{
    return (unsigned)kind < WORLD_SET_KIND_COUNT ? kind_names[kind] : "?";
}

bool world_set_kind_is_generic(WorldSetKind kind)
{
    return kind == WORLD_SET_GENERIC_INTERIOR ||
           kind == WORLD_SET_GENERIC_EXTERIOR;
}

// Words that mark a desert or mountain, which turn a road into a desert
// or mountain road.
enum {
    TAG_NONE,
    TAG_DESERT,
    TAG_MOUNTAIN,
    TAG_ROAD,
    TAG_WEAK // names a place only when nothing else does
};

typedef struct KindWord {
    const char *word; // one or two words, upper case
    WorldSetKind kind;
    int tag;
} KindWord;

static const KindWord kind_words[] = {
    { "LIVING ROOM", WORLD_SET_LIVING_ROOM, 0 },
    { "SITTING ROOM", WORLD_SET_LIVING_ROOM, 0 },
    { "FRONT ROOM", WORLD_SET_LIVING_ROOM, 0 },
    { "FAMILY ROOM", WORLD_SET_LIVING_ROOM, 0 },
    { "LOUNGE", WORLD_SET_LIVING_ROOM, 0 },
    { "DEN", WORLD_SET_LIVING_ROOM, 0 },
    { "PARLOR", WORLD_SET_LIVING_ROOM, 0 },
    { "PARLOUR", WORLD_SET_LIVING_ROOM, 0 },
    { "APARTMENT", WORLD_SET_LIVING_ROOM, 0 },
    { "CONDO", WORLD_SET_LIVING_ROOM, 0 },
    { "HOUSE", WORLD_SET_LIVING_ROOM, TAG_WEAK },
    { "HOME", WORLD_SET_LIVING_ROOM, TAG_WEAK },
    { "KITCHEN", WORLD_SET_KITCHEN, 0 },
    { "KITCHENETTE", WORLD_SET_KITCHEN, 0 },
    { "DINING ROOM", WORLD_SET_KITCHEN, 0 },
    { "PANTRY", WORLD_SET_KITCHEN, 0 },
    { "BEDROOM", WORLD_SET_BEDROOM, 0 },
    { "NURSERY", WORLD_SET_BEDROOM, 0 },
    { "DORM", WORLD_SET_BEDROOM, 0 },
    { "DORMITORY", WORLD_SET_BEDROOM, 0 },
    { "OFFICE", WORLD_SET_OFFICE, 0 },
    { "STUDY", WORLD_SET_OFFICE, 0 },
    { "PRECINCT", WORLD_SET_OFFICE, 0 },
    { "POLICE STATION", WORLD_SET_OFFICE, 0 },
    { "NEWSROOM", WORLD_SET_OFFICE, 0 },
    { "CLASSROOM", WORLD_SET_OFFICE, 0 },
    { "LIBRARY", WORLD_SET_OFFICE, 0 },
    { "BANK", WORLD_SET_OFFICE, 0 },
    { "BAR", WORLD_SET_BAR, 0 },
    { "PUB", WORLD_SET_BAR, 0 },
    { "SALOON", WORLD_SET_BAR, 0 },
    { "TAVERN", WORLD_SET_BAR, 0 },
    { "NIGHTCLUB", WORLD_SET_BAR, 0 },
    { "CLUB", WORLD_SET_BAR, 0 },
    { "BREWERY", WORLD_SET_BAR, 0 },
    { "DINER", WORLD_SET_DINER, 0 },
    { "CAFE", WORLD_SET_DINER, 0 },
    { "COFFEE SHOP", WORLD_SET_DINER, 0 },
    { "RESTAURANT", WORLD_SET_DINER, 0 },
    { "CANTEEN", WORLD_SET_DINER, 0 },
    { "CAFETERIA", WORLD_SET_DINER, 0 },
    { "TRUCK STOP", WORLD_SET_DINER, 0 },
    { "WAREHOUSE", WORLD_SET_WAREHOUSE, 0 },
    { "FACTORY", WORLD_SET_WAREHOUSE, 0 },
    { "HANGAR", WORLD_SET_WAREHOUSE, 0 },
    { "SHED", WORLD_SET_WAREHOUSE, 0 },
    { "STOREROOM", WORLD_SET_WAREHOUSE, 0 },
    { "DEPOT", WORLD_SET_WAREHOUSE, 0 },
    { "STUDIO", WORLD_SET_STUDIO, 0 },
    { "SOUNDSTAGE", WORLD_SET_STUDIO, 0 },
    { "SOUND STAGE", WORLD_SET_STUDIO, 0 },
    { "ATELIER", WORLD_SET_STUDIO, 0 },
    { "LOFT", WORLD_SET_STUDIO, 0 },
    { "GALLERY", WORLD_SET_STUDIO, 0 },
    { "GARAGE", WORLD_SET_GARAGE, 0 },
    { "WORKSHOP", WORLD_SET_GARAGE, 0 },
    { "AUTO SHOP", WORLD_SET_GARAGE, 0 },
    { "BODY SHOP", WORLD_SET_GARAGE, 0 },
    { "CARPORT", WORLD_SET_GARAGE, 0 },
    { "TRAILER", WORLD_SET_TRAILER, 0 },
    { "CARAVAN", WORLD_SET_TRAILER, 0 },
    { "MOBILE HOME", WORLD_SET_TRAILER, 0 },
    { "CAMPER", WORLD_SET_TRAILER, 0 },
    { "RV", WORLD_SET_TRAILER, 0 },
    { "MOTEL", WORLD_SET_MOTEL, 0 },
    { "HOTEL", WORLD_SET_MOTEL, 0 },
    { "INN", WORLD_SET_MOTEL, 0 },
    { "MANSION", WORLD_SET_MANSION, 0 },
    { "ESTATE", WORLD_SET_MANSION, 0 },
    { "PALACE", WORLD_SET_MANSION, 0 },
    { "MANOR", WORLD_SET_MANSION, 0 },
    { "CHATEAU", WORLD_SET_MANSION, 0 },
    { "VILLA", WORLD_SET_MANSION, 0 },
    { "BALLROOM", WORLD_SET_MANSION, 0 },
    { "GRAND HALL", WORLD_SET_MANSION, 0 },
    { "FOYER", WORLD_SET_MANSION, 0 },
    { "SHACK", WORLD_SET_SHACK, 0 },
    { "CABIN", WORLD_SET_SHACK, 0 },
    { "HUT", WORLD_SET_SHACK, 0 },
    { "SHANTY", WORLD_SET_SHACK, 0 },
    { "HOSPITAL", WORLD_SET_HOSPITAL, 0 },
    { "WARD", WORLD_SET_HOSPITAL, 0 },
    { "CLINIC", WORLD_SET_HOSPITAL, 0 },
    { "INFIRMARY", WORLD_SET_HOSPITAL, 0 },
    { "ICU", WORLD_SET_HOSPITAL, 0 },
    { "EMERGENCY ROOM", WORLD_SET_HOSPITAL, 0 },
    { "PATIO", WORLD_SET_PATIO, 0 },
    { "BACKYARD", WORLD_SET_PATIO, 0 },
    { "YARD", WORLD_SET_PATIO, 0 },
    { "DECK", WORLD_SET_PATIO, 0 },
    { "TERRACE", WORLD_SET_PATIO, 0 },
    { "PORCH", WORLD_SET_PATIO, 0 },
    { "VERANDA", WORLD_SET_PATIO, 0 },
    { "VERANDAH", WORLD_SET_PATIO, 0 },
    { "POOL", WORLD_SET_POOL, 0 },
    { "POOLSIDE", WORLD_SET_POOL, 0 },
    { "LIDO", WORLD_SET_POOL, 0 },
    { "STREET", WORLD_SET_STREET, 0 },
    { "AVENUE", WORLD_SET_STREET, 0 },
    { "BOULEVARD", WORLD_SET_STREET, 0 },
    { "SIDEWALK", WORLD_SET_STREET, 0 },
    { "PAVEMENT", WORLD_SET_STREET, 0 },
    { "CITY", WORLD_SET_STREET, 0 },
    { "TOWN", WORLD_SET_STREET, 0 },
    { "DOWNTOWN", WORLD_SET_STREET, 0 },
    { "SQUARE", WORLD_SET_STREET, 0 },
    { "PLAZA", WORLD_SET_STREET, 0 },
    { "CORNER", WORLD_SET_STREET, 0 },
    { "INTERSECTION", WORLD_SET_STREET, 0 },
    { "MARKET", WORLD_SET_STREET, 0 },
    { "BUS STOP", WORLD_SET_STREET, 0 },
    { "PARKING LOT", WORLD_SET_STREET, 0 },
    { "PARKING", WORLD_SET_STREET, 0 },
    { "ALLEY", WORLD_SET_ALLEY, 0 },
    { "ALLEYWAY", WORLD_SET_ALLEY, 0 },
    { "BACKSTREET", WORLD_SET_ALLEY, 0 },
    { "ROOFTOP", WORLD_SET_ROOFTOP, 0 },
    { "ROOF", WORLD_SET_ROOFTOP, 0 },
    { "HELIPAD", WORLD_SET_ROOFTOP, 0 },
    { "DESERT", WORLD_SET_DESERT, TAG_DESERT },
    { "DUNE", WORLD_SET_DESERT, TAG_DESERT },
    { "MESA", WORLD_SET_DESERT, TAG_DESERT },
    { "BADLANDS", WORLD_SET_DESERT, TAG_DESERT },
    { "WASTELAND", WORLD_SET_DESERT, TAG_DESERT },
    { "SALT FLAT", WORLD_SET_DESERT, TAG_DESERT },
    { "OUTBACK", WORLD_SET_DESERT, TAG_DESERT },
    { "FOREST", WORLD_SET_FOREST, 0 },
    { "WOODS", WORLD_SET_FOREST, 0 },
    { "JUNGLE", WORLD_SET_FOREST, 0 },
    { "GROVE", WORLD_SET_FOREST, 0 },
    { "CLEARING", WORLD_SET_FOREST, 0 },
    { "THICKET", WORLD_SET_FOREST, 0 },
    { "ORCHARD", WORLD_SET_FOREST, 0 },
    { "BEACH", WORLD_SET_BEACH, 0 },
    { "SHORE", WORLD_SET_BEACH, 0 },
    { "SHORELINE", WORLD_SET_BEACH, 0 },
    { "SEASIDE", WORLD_SET_BEACH, 0 },
    { "COAST", WORLD_SET_BEACH, 0 },
    { "OCEAN", WORLD_SET_BEACH, 0 },
    { "SEA", WORLD_SET_BEACH, 0 },
    { "SURF", WORLD_SET_BEACH, 0 },
    { "FIELD", WORLD_SET_FIELD, 0 },
    { "CORNFIELD", WORLD_SET_FIELD, 0 },
    { "MEADOW", WORLD_SET_FIELD, 0 },
    { "PASTURE", WORLD_SET_FIELD, 0 },
    { "PRAIRIE", WORLD_SET_FIELD, 0 },
    { "PLAINS", WORLD_SET_FIELD, 0 },
    { "PADDOCK", WORLD_SET_FIELD, 0 },
    { "FARMLAND", WORLD_SET_FIELD, 0 },
    { "COUNTRYSIDE", WORLD_SET_FIELD, 0 },
    { "HILLSIDE", WORLD_SET_FIELD, 0 },
    { "CREEK", WORLD_SET_FIELD, 0 },
    { "PARK", WORLD_SET_PARK, 0 },
    { "GARDEN", WORLD_SET_PARK, 0 },
    { "PLAYGROUND", WORLD_SET_PARK, 0 },
    { "CEMETERY", WORLD_SET_PARK, 0 },
    { "GRAVEYARD", WORLD_SET_PARK, 0 },
    { "COURTYARD", WORLD_SET_PARK, 0 },
    { "CAMPUS", WORLD_SET_PARK, 0 },
    { "LAWN", WORLD_SET_PARK, 0 },
    { "ROAD", WORLD_SET_ROAD, TAG_ROAD },
    { "HIGHWAY", WORLD_SET_ROAD, TAG_ROAD },
    { "FREEWAY", WORLD_SET_ROAD, TAG_ROAD },
    { "INTERSTATE", WORLD_SET_ROAD, TAG_ROAD },
    { "ROADSIDE", WORLD_SET_ROAD, TAG_ROAD },
    { "ROUTE", WORLD_SET_ROAD, TAG_ROAD },
    { "BRIDGE", WORLD_SET_ROAD, TAG_ROAD },
    { "TRACK", WORLD_SET_ROAD, TAG_ROAD },
    { "TRUCK", WORLD_SET_ROAD, TAG_ROAD },
    { "PICKUP", WORLD_SET_ROAD, TAG_ROAD },
    { "CAR", WORLD_SET_ROAD, TAG_ROAD },
    { "UTE", WORLD_SET_ROAD, TAG_ROAD },
    { "MOUNTAIN", WORLD_SET_MOUNTAIN_ROAD, TAG_MOUNTAIN },
    { "MOUNTAINS", WORLD_SET_MOUNTAIN_ROAD, TAG_MOUNTAIN },
    { "CANYON", WORLD_SET_MOUNTAIN_ROAD, TAG_MOUNTAIN },
    { "PASS", WORLD_SET_MOUNTAIN_ROAD, TAG_MOUNTAIN },
    { "RIDGE", WORLD_SET_MOUNTAIN_ROAD, TAG_MOUNTAIN },
    { "SUMMIT", WORLD_SET_MOUNTAIN_ROAD, TAG_MOUNTAIN },
    { "CLIFF", WORLD_SET_MOUNTAIN_ROAD, TAG_MOUNTAIN },
    { "HARBOUR", WORLD_SET_HARBOUR, 0 },
    { "HARBOR", WORLD_SET_HARBOUR, 0 },
    { "PIER", WORLD_SET_HARBOUR, 0 },
    { "DOCK", WORLD_SET_HARBOUR, 0 },
    { "WHARF", WORLD_SET_HARBOUR, 0 },
    { "MARINA", WORLD_SET_HARBOUR, 0 },
    { "PORT", WORLD_SET_HARBOUR, 0 },
    { "QUAY", WORLD_SET_HARBOUR, 0 },
    { "JETTY", WORLD_SET_HARBOUR, 0 },
    { "BREAKWATER", WORLD_SET_HARBOUR, 0 },
    { "WATERFRONT", WORLD_SET_HARBOUR, 0 },
    { "FERRY", WORLD_SET_HARBOUR, 0 },
    { "RANCH", WORLD_SET_RANCH, 0 },
    { "FARM", WORLD_SET_RANCH, 0 },
    { "FARMYARD", WORLD_SET_RANCH, 0 },
    { "FARMHOUSE", WORLD_SET_RANCH, 0 },
    { "HOMESTEAD", WORLD_SET_RANCH, 0 },
    { "CORRAL", WORLD_SET_RANCH, 0 },
    { "STABLE", WORLD_SET_RANCH, 0 },
    { "BARN", WORLD_SET_RANCH, 0 },
};

#define LOC_WORDS_MAX 24

// Splits @p text into upper-case words of letters, dropping a trailing
// possessive "'S" ("BRICK'S" is BRICK). Returns how many.
static size_t split_words(const char *text, char words[][24], size_t cap)
{
    size_t n = 0;
    const char *p = text;
    while (*p && n < cap) {
        while (*p && !isalpha((unsigned char)*p))
            p++;
        size_t len = 0;
        while (*p && (isalpha((unsigned char)*p) || *p == '\'')) {
            if (*p == '\'' && (p[1] == 's' || p[1] == 'S') &&
                !isalpha((unsigned char)p[2])) {
                p += 2;
                break;
            }
            if (*p != '\'' && len < 23)
                words[n][len++] = (char)toupper((unsigned char)*p);
            p++;
        }
        if (len) {
            words[n][len] = '\0';
            n++;
        }
    }
    return n;
}

// True when word @p w is @p key or its plural.
static bool word_is(const char *w, const char *key, size_t key_len)
{
    size_t n = strlen(w);
    if (n == key_len)
        return memcmp(w, key, n) == 0;
    if (n == key_len + 1 && w[n - 1] == 'S')
        return memcmp(w, key, key_len) == 0;
    return false;
}

// Matches kind_words[i] at word @p at; returns how many words it spans.
static size_t match_at(const KindWord *kw, char words[][24], size_t n,
                       size_t at)
{
    const char *sp = strchr(kw->word, ' ');
    if (!sp)
        return word_is(words[at], kw->word, strlen(kw->word)) ? 1 : 0;
    if (at + 1 >= n)
        return 0;
    size_t l0 = (size_t)(sp - kw->word);
    if (!word_is(words[at], kw->word, l0))
        return 0;
    return word_is(words[at + 1], sp + 1, strlen(sp + 1)) ? 2 : 0;
}

WorldSetKind world_set_kind(const char *location, bool interior,
                            const char **kind_name)
{
    char words[LOC_WORDS_MAX][24];
    size_t n = location ? split_words(location, words, LOC_WORDS_MAX) : 0;
    WorldSetKind strong = WORLD_SET_KIND_COUNT, weak = WORLD_SET_KIND_COUNT;
    bool desert = false, mountain = false, road = false;
    for (size_t i = 0; i < n; i++) {
        // Two-word names first, so LIVING ROOM is not just a ROOM.
        const KindWord *best = NULL;
        size_t span_n = 0;
        for (size_t k = 0; k < BASE_ARRAY_LEN(kind_words); k++) {
            size_t m = match_at(&kind_words[k], words, n, i);
            if (m > span_n) {
                span_n = m;
                best = &kind_words[k];
            }
        }
        if (!best)
            continue;
        desert = desert || best->tag == TAG_DESERT;
        mountain = mountain || best->tag == TAG_MOUNTAIN;
        road = road || best->tag == TAG_ROAD;
        // The head noun of an English place name comes last: FARMHOUSE
        // KITCHEN is a kitchen, HOSPITAL ROOF a rooftop.
        if (best->tag == TAG_WEAK)
            weak = best->kind;
        else
            strong = best->kind;
        i += span_n - 1;
    }
    WorldSetKind k = strong != WORLD_SET_KIND_COUNT ? strong
                     : weak != WORLD_SET_KIND_COUNT
                         ? weak
                         : (interior ? WORLD_SET_GENERIC_INTERIOR
                                     : WORLD_SET_GENERIC_EXTERIOR);
    if (road && desert)
        k = WORLD_SET_DESERT_ROAD;
    else if (road && mountain)
        k = WORLD_SET_MOUNTAIN_ROAD;
    if (kind_name)
        *kind_name = kind_names[k];
    return k;
}

/* ---- the stage ------------------------------------------------------ */

WorldFootprint world_footprint(double x, double z, double hx, double hz,
                               double yaw)
{
    double c = fabs(cos(yaw)), s = fabs(sin(yaw));
    double ex = c * hx + s * hz, ez = s * hx + c * hz;
    WorldFootprint f = { x - ex, z - ez, x + ex, z + ez };
    return f;
}

static bool overlaps(const WorldFootprint *a, const WorldFootprint *b)
{
    return a->x0 < b->x1 && a->x1 > b->x0 && a->z0 < b->z1 && a->z1 > b->z0;
}

bool world_stage_free(const WorldStage *st, WorldFootprint f, double r_m)
{
    // The nearest point of the rectangle to the stage centre.
    double cx = base_clamp(st->center.x, f.x0, f.x1);
    double cz = base_clamp(st->center.z, f.z0, f.z1);
    double dx = cx - st->center.x, dz = cz - st->center.z;
    if (dx * dx + dz * dz < r_m * r_m)
        return false;
    if (overlaps(&f, &st->figs))
        return false;
    for (size_t i = 0; i < st->taken_count; i++) {
        if (overlaps(&f, &st->taken[i]))
            return false;
    }
    return true;
}

bool world_stage_claim(WorldStage *st, WorldFootprint f, double r_m)
{
    if (!world_stage_free(st, f, r_m))
        return false;
    if (st->taken_count < WORLD_FOOTPRINT_MAX)
        st->taken[st->taken_count++] = f;
    return true;
}

void world_stage_block(WorldStage *st, WorldFootprint f)
{
    if (st->taken_count < WORLD_FOOTPRINT_MAX)
        st->taken[st->taken_count++] = f;
}

void world_stage_surface(WorldStage *st, const char *name, Vec3 top,
                         double half_x_m, double half_z_m)
{
    if (st->surface_count >= WORLD_SURFACE_MAX)
        return;
    WorldSurface *s = &st->surfaces[st->surface_count++];
    s->name = name;
    s->top = top;
    s->half_x_m = half_x_m;
    s->half_z_m = half_z_m;
    s->used_m = 0.0;
}

// How far set pieces keep from a character's joints.
#define FIGURE_MARGIN_M 0.5

void world_set_build(WorldStage *st, const DirectScene *scene,
                     WorldSetKind kind, const WorldFigure *figures,
                     size_t figure_count)
{
    const char *loc = scene->location  ? scene->location
                      : scene->heading ? scene->heading
                                       : "";
    st->location = loc;
    st->interior = scene->interior;
    st->kind = kind;
    st->water_y_m = NAN;
    st->water_at = v3(0, 0, -30);
    // An interior and an exterior of the same name are different places.
    uint64_t h = base_hash_mix(base_hash_name(loc), scene->interior ? 1 : 0);
    base_rng_seed(&st->rng, base_hash_mix(h, (uint64_t)kind), 0x736574u);
    WorldFootprint f = { -FIGURE_MARGIN_M, -FIGURE_MARGIN_M, FIGURE_MARGIN_M,
                         FIGURE_MARGIN_M };
    Vec3 sum = v3(0, 0, 0);
    for (size_t i = 0; i < figure_count; i++) {
        for (int j = 0; j < WORLD_JOINT_COUNT; j++) {
            Vec3 p = figures[i].joints[j];
            f.x0 = fmin(f.x0, p.x - FIGURE_MARGIN_M);
            f.x1 = fmax(f.x1, p.x + FIGURE_MARGIN_M);
            f.z0 = fmin(f.z0, p.z - FIGURE_MARGIN_M);
            f.z1 = fmax(f.z1, p.z + FIGURE_MARGIN_M);
        }
        sum = v3_add(sum, figures[i].joints[WORLD_JOINT_PELVIS]);
    }
    st->figs = f;
    st->center = figure_count ? v3(sum.x / (double)figure_count, 0,
                                   sum.z / (double)figure_count)
                              : v3(0, 0, 0);
    if (scene->interior)
        world_set_interior(st);
    else
        world_set_exterior(st);
}
