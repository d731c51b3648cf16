/*
 * strtab.h - string interning: every distinct string gets a small, stable id.
 *
 * Lexicons intern terms, codes, roles and sector names; aggregates intern periods
 * and actor codes. Ids start at 1 (0 means "none") and never change, so records
 * can hold a uint32_t instead of a pointer.
 */
#ifndef DYADIC_STRTAB_H
#define DYADIC_STRTAB_H

#include <stddef.h>
#include <stdint.h>

typedef struct dy_strtab {
    char *bytes;          /* all strings, each NUL-terminated */
    size_t nbytes, capbytes;
    uint32_t *offset;     /* offset[id] into bytes; offset[0] unused */
    uint32_t *length;     /* length[id] */
    size_t count;          /* includes the unused slot 0 */
    size_t capoffset, caplength;
    uint32_t *slots;      /* open-addressing hash of ids; 0 = empty */
    size_t nslots;        /* power of two */
} dy_strtab;

void dy_strtab_init(dy_strtab *t);
void dy_strtab_free(dy_strtab *t);
/* Id of s[0..len), adding it when new; 0 when out of memory. */
uint32_t dy_strtab_intern(dy_strtab *t, const char *s, size_t len);
/* Id of s[0..len) or 0 when absent. */
uint32_t dy_strtab_find(const dy_strtab *t, const char *s, size_t len);
/* The string with this id (NUL-terminated), and its length; id must be valid. */
const char *dy_strtab_get(const dy_strtab *t, uint32_t id, size_t *len);
/* Number of strings interned (ids run from 1 to this). */
size_t dy_strtab_size(const dy_strtab *t);
/* Bytes held. */
size_t dy_strtab_memory(const dy_strtab *t);

#endif
