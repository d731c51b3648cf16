/*
 * date.h - civil dates as day numbers, and the periods aggregates group by.
 *
 * A day number counts days since 1970-01-01 (negative before it), so date
 * bounds compare as integers and periods are computed without libc's time zone
 * machinery (which is neither thread-safe nor defined before 1970 everywhere).
 */
#ifndef DYADIC_DATE_H
#define DYADIC_DATE_H

#include <stddef.h>
#include <stdint.h>

#define DY_NODATE INT32_MIN          /* "no date given" */
#define DY_DATE_MIN (INT32_MIN + 1)  /* open lower bound */
#define DY_DATE_MAX INT32_MAX        /* open upper bound */

typedef enum { DY_BY_DAY, DY_BY_WEEK, DY_BY_MONTH, DY_BY_YEAR, DY_BY_ALL } dy_period_kind;

/* Day number of a valid proleptic Gregorian date. */
int32_t dy_days_from_civil(int y, int m, int d);
void dy_civil_from_days(int32_t z, int *y, int *m, int *d);

/* Parse "YYYY-MM-DD", optionally followed by 'T' or ' ' and a time (ignored),
 * into a day number. Returns 0, or -1 when s is not such a date (month 13, Feb 30...). */
int dy_parse_date(const char *s, size_t len, int32_t *days);

/* Parse exactly n ASCII digits (n <= 9) into *out. Returns 0, or -1 on any other byte. */
int dy_parse_digits(const char *s, size_t n, int *out);

/* Parse a period kind name: "day" | "week" | "month" | "year" | "all". Returns 0 or -1. */
int dy_parse_period_kind(const char *s, dy_period_kind *kind);
const char *dy_period_kind_name(dy_period_kind kind);

/* Write the period label of a day into buf (at least 16 bytes): "2026-11-28",
 * ISO week "2026-W48", "2026-11", "2026", "all"; DY_NODATE gives "undated".
 * Returns the label's length. */
size_t dy_period_label(dy_period_kind kind, int32_t days, char *buf);

#endif
