/*
 * lexicon_native.h - the native "dyadic" lexicon format (docs/LEXICON-FORMAT.md) read
 * straight into a dy_lexicon, and the entry fields every way of adding an entry shares.
 *
 *   #!dyadic-lexicon 1
 *   @actor code=RUS type=state        block header: kind and default attributes
 *   Russia
 *   the Kremlin | type=capital role=GOV
 *
 * The parser reports every malformed line with its line number and the message the
 * API documents (the Lua binding returns them as { {line=, message=, severity=}, ... }).
 */
#ifndef DYADIC_LEXICON_NATIVE_H
#define DYADIC_LEXICON_NATIVE_H

#include <stddef.h>

#include "lexicon.h"

/* The fields of an entry, in the order entries are checked (a bad entry reports its
 * first bad field in this order). DY_F_CODE .. DY_F_SECTOR are the native format's keys. */
enum dy_entry_field {
    DY_F_TERM, DY_F_KIND, DY_F_CODE, DY_F_TYPE, DY_F_ROLE, DY_F_FROM, DY_F_TO, DY_F_CASE,
    DY_F_CATEGORY, DY_F_WEIGHT, DY_F_GOLDSTEIN, DY_F_CAMEO, DY_F_DIRECTION, DY_F_SECTOR,
    DY_F_SOURCE, DY_F_COUNT
};

/* The field named key[0..len), or -1. */
int dy_entry_field(const char *key, size_t len);
/* The name of a field ("term", "weight"...). */
const char *dy_entry_field_name(int field);
/* Set string field `field` (not weight or goldstein) of spec to v[0..len), which must
 * stay alive and NUL-terminated at v[len] while spec is used. Returns 0, or -1 with the
 * message in err (a NUL byte in the value, an unknown kind, case or direction). */
int dy_entry_spec_set(dy_entry_spec *spec, int field, const char *v, size_t len, char *err, size_t errsz);

typedef struct {
    size_t line;     /* 1-based line number */
    size_t msg;      /* offset of the message in text (NUL-terminated there) */
    size_t len;      /* its length (it may hold NUL bytes copied from the input) */
} dy_native_problem;

typedef struct {
    dy_native_problem *v;
    size_t n, cap;
    char *text;      /* the messages */
    size_t tlen, tcap;
} dy_native_problems;

void dy_native_problems_free(dy_native_problems *p);

/* Parse text[0..len) (any bytes) in the native format and add its entries to lex, each
 * with source "<name>:<line>". Appends one problem per malformed line to out, in line
 * order (all are errors); with stop_at_first, stops at the first. Returns the number of
 * problems appended, or -1 when memory ran out (the entries added so far stay in lex). */
long dy_lexicon_load_native(dy_lexicon *lex, const char *text, size_t len, const char *name,
                            size_t namelen, int stop_at_first, dy_native_problems *out);

#endif
