/* base/alloc.c: the allocator seam, arenas and growable vectors that every
 * stage allocates through (so tests can fail any allocation). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

void base_assert_fail(const char *expr, const char *file, int line)
{
    fprintf(stderr, "%s:%d: assertion failed: %s\n", file, line, expr);
    abort();
}

static void *libc_realloc(void *user, void *ptr, size_t size)
{
    (void)user;
    if (size == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, size);
}

static const AuAllocator default_allocator = { libc_realloc, NULL };

const AuAllocator *base_allocator_default(void)
{
    return &default_allocator;
}

void *base_calloc(const AuAllocator *a, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    size_t n = count * size;
    void *p = a->realloc_fn(a->user, NULL, n ? n : 1);
    if (p)
        memset(p, 0, n ? n : 1);
    return p;
}

void *base_realloc(const AuAllocator *a, void *ptr, size_t size)
{
    return a->realloc_fn(a->user, ptr, size ? size : 1);
}

void base_free(const AuAllocator *a, void *ptr)
{
    if (ptr)
        a->realloc_fn(a->user, ptr, 0);
}

typedef struct BaseArenaChunk {
    struct BaseArenaChunk *next;
    size_t cap;
    size_t used;
    // Keeps data 16-byte aligned on every ABI we build for.
    _Alignas(16) unsigned char data[];
} BaseArenaChunk;

enum {
    ARENA_CHUNK_MIN = 64 * 1024
};

void base_arena_init(BaseArena *arena, const AuAllocator *alloc)
{
    arena->alloc = alloc;
    arena->head = NULL;
    arena->used_bytes = 0;
}

void base_arena_fini(BaseArena *arena)
{
    BaseArenaChunk *c = arena->head;
    while (c) {
        BaseArenaChunk *next = c->next;
        base_free(arena->alloc, c);
        c = next;
    }
    arena->head = NULL;
    arena->used_bytes = 0;
}

void *base_arena_alloc(BaseArena *arena, size_t size)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    size_t need = (size + 15u) & ~(size_t)15u;
    BaseArenaChunk *c = arena->head;
    if (!c || c->cap - c->used < need) {
        size_t cap = need > ARENA_CHUNK_MIN ? need : ARENA_CHUNK_MIN;
        c = base_realloc(arena->alloc, NULL, sizeof(*c) + cap);
        if (!c)
            return NULL;
        c->cap = cap;
        c->used = 0;
        c->next = arena->head;
        arena->head = c;
    }
    void *p = c->data + c->used;
    c->used += need;
    arena->used_bytes += need;
    memset(p, 0, size);
    return p;
}

void *base_arena_array(BaseArena *arena, size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    return base_arena_alloc(arena, count * size);
}

char *base_arena_strndup(BaseArena *arena, const char *s, size_t len)
{
    char *p = base_arena_alloc(arena, len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

char *base_arena_strdup(BaseArena *arena, const char *s)
{
    return base_arena_strndup(arena, s, strlen(s));
}

char *base_arena_printf(BaseArena *arena, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = base_arena_alloc(arena, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void base_vec_init(BaseVec *v, const AuAllocator *alloc, size_t elem_size)
{
    v->alloc = alloc;
    v->data = NULL;
    v->len = 0;
    v->cap = 0;
    v->elem_size = elem_size;
}

void base_vec_fini(BaseVec *v)
{
    base_free(v->alloc, v->data);
    v->data = NULL;
    v->len = v->cap = 0;
}

void *base_vec_grow(BaseVec *v, size_t n)
{
    if (n > SIZE_MAX / v->elem_size - v->len)
        return NULL;
    if (v->len + n > v->cap) {
        size_t cap = v->cap ? v->cap : 16;
        while (cap < v->len + n) {
            if (cap > SIZE_MAX / 2 / v->elem_size)
                return NULL;
            cap *= 2;
        }
        void *d = base_realloc(v->alloc, v->data, cap * v->elem_size);
        if (!d)
            return NULL;
        v->data = d;
        v->cap = cap;
    }
    unsigned char *p = (unsigned char *)v->data + v->len * v->elem_size;
    memset(p, 0, n * v->elem_size);
    v->len += n;
    return p;
}

AuStatus base_vec_push(BaseVec *v, const void *elem)
{
    void *p = base_vec_grow(v, 1);
    if (!p)
        return AU_ENOMEM;
    memcpy(p, elem, v->elem_size);
    return AU_OK;
}

void *base_vec_to_arena(const BaseVec *v, BaseArena *arena)
{
    if (v->len == 0)
        return NULL;
    void *p = base_arena_array(arena, v->len, v->elem_size);
    if (p)
        memcpy(p, v->data, v->len * v->elem_size);
    return p;
}
