/*
 * strtab.c - string interning with an open-addressing table of ids.
 */
#include "strtab.h"
#include "vec.h"

#include <string.h>

/* FNV-1a: short strings, no adversary worth the cost of a keyed hash here. */
static uint32_t hash_bytes(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

void dy_strtab_init(dy_strtab *t)
{
    memset(t, 0, sizeof *t);
}

void dy_strtab_free(dy_strtab *t)
{
    free(t->bytes);
    free(t->offset);
    free(t->length);
    free(t->slots);
    memset(t, 0, sizeof *t);
}

static size_t lookup_slot(const dy_strtab *t, const char *s, size_t len, uint32_t h)
{
    size_t mask = t->nslots - 1, i = h & mask;
    for (;;) {
        uint32_t id = t->slots[i];
        if (id == 0) return i;
        if (t->length[id] == len && memcmp(t->bytes + t->offset[id], s, len) == 0) return i;
        i = (i + 1) & mask;
    }
}

static int rehash(dy_strtab *t, size_t nslots)
{
    uint32_t *slots = calloc(nslots, sizeof *slots);
    size_t id;
    if (slots == NULL) return -1;
    free(t->slots);
    t->slots = slots;
    t->nslots = nslots;
    for (id = 1; id < t->count; id++) {
        const char *s = t->bytes + t->offset[id];
        size_t i = lookup_slot(t, s, t->length[id], hash_bytes(s, t->length[id]));
        t->slots[i] = (uint32_t)id;
    }
    return 0;
}

uint32_t dy_strtab_find(const dy_strtab *t, const char *s, size_t len)
{
    if (t->nslots == 0) return 0;
    return t->slots[lookup_slot(t, s, len, hash_bytes(s, len))];
}

uint32_t dy_strtab_intern(dy_strtab *t, const char *s, size_t len)
{
    size_t i;
    uint32_t h = hash_bytes(s, len), id;
    if (len >= UINT32_MAX || t->count >= UINT32_MAX - 1) return 0;
    if (t->count == 0) t->count = 1;  /* reserve id 0 */
    if ((t->count + 1) * 2 > t->nslots && rehash(t, t->nslots ? t->nslots * 2 : 64) != 0) return 0;
    i = lookup_slot(t, s, len, h);
    if (t->slots[i] != 0) return t->slots[i];
    if (t->nbytes + len + 1 > UINT32_MAX) return 0;
    if (DY_GROW(t->bytes, t->capbytes, t->nbytes, len + 1) != 0) return 0;
    if (DY_GROW(t->offset, t->capoffset, t->count, 1) != 0) return 0;
    if (DY_GROW(t->length, t->caplength, t->count, 1) != 0) return 0;
    id = (uint32_t)t->count++;
    memcpy(t->bytes + t->nbytes, s, len);
    t->bytes[t->nbytes + len] = '\0';
    t->offset[id] = (uint32_t)t->nbytes;
    t->length[id] = (uint32_t)len;
    t->nbytes += len + 1;
    t->slots[i] = id;
    return id;
}

const char *dy_strtab_get(const dy_strtab *t, uint32_t id, size_t *len)
{
    if (len) *len = t->length[id];
    return t->bytes + t->offset[id];
}

size_t dy_strtab_size(const dy_strtab *t)
{
    return t->count ? t->count - 1 : 0;
}

size_t dy_strtab_memory(const dy_strtab *t)
{
    return t->capbytes + (t->capoffset + t->caplength) * sizeof(uint32_t) + t->nslots * sizeof(uint32_t);
}
