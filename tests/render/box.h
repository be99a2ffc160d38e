/* tests/render/box.h: an axis-aligned box as twelve triangles, the piece
 * the render and light tests build their hand-made sets from. */
#ifndef AU_TESTS_RENDER_BOX_H
#define AU_TESTS_RENDER_BOX_H

#include <string.h>

#include "world/world.h"

/* Fills @p m's geometry (positions, indices and counts, from @p arena)
 * with the box from @p lo to @p hi, faces turned outwards; its material
 * and object ID are left to the caller. */
static inline void test_box_mesh(BaseArena *arena, WorldMesh *m, Vec3 lo,
                                 Vec3 hi)
{
    static const uint32_t faces[36] = {
        0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4,
        2, 3, 7, 2, 7, 6, 1, 2, 6, 1, 6, 5, 0, 4, 7, 0, 7, 3,
    };
    m->positions = base_arena_array(arena, 24, sizeof(float));
    m->indices = base_arena_array(arena, 36, sizeof(uint32_t));
    for (int i = 0; i < 8; i++) {
        m->positions[3 * i + 0] =
            (float)((i & 1) ^ ((i >> 1) & 1) ? hi.x : lo.x);
        m->positions[3 * i + 1] = (float)((i >> 1) & 1 ? hi.y : lo.y);
        m->positions[3 * i + 2] = (float)(i & 4 ? hi.z : lo.z);
    }
    memcpy(m->indices, faces, sizeof faces);
    m->vertex_count = 8;
    m->triangle_count = 12;
}

#endif
