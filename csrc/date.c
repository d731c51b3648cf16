/*
 * date.c - day numbers from civil dates and back (Howard Hinnant's algorithms,
 * public domain descriptions), ISO 8601 week numbers, and period labels.
 */
#include "date.h"

#include <stdio.h>
#include <string.h>

int32_t dy_days_from_civil(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097L + doe - 719468L);
}

void dy_civil_from_days(int32_t z32, int *y, int *m, int *d)
{
    long z = (long)z32 + 719468L;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yoe + era * 400 + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const unsigned char mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

int dy_parse_digits(const char *s, size_t n, int *out)
{
    size_t i;
    int v = 0;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int dy_parse_date(const char *s, size_t len, int32_t *days)
{
    int y, m, d;
    if (len < 10 || s[4] != '-' || s[7] != '-') return -1;
    if (dy_parse_digits(s, 4, &y) || dy_parse_digits(s + 5, 2, &m) || dy_parse_digits(s + 8, 2, &d)) return -1;
    if (len > 10 && s[10] != 'T' && s[10] != ' ') return -1;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return -1;
    *days = dy_days_from_civil(y, m, d);
    return 0;
}

static const char *const period_names[] = { "day", "week", "month", "year", "all" };

int dy_parse_period_kind(const char *s, dy_period_kind *kind)
{
    int i;
    for (i = 0; i < 5; i++) {
        if (strcmp(s, period_names[i]) == 0) {
            *kind = (dy_period_kind)i;
            return 0;
        }
    }
    return -1;
}

const char *dy_period_kind_name(dy_period_kind kind)
{
    return period_names[kind];
}

/* ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday. */
static void iso_week(int32_t days, int *week_year, int *week)
{
    int y, m, d;
    int32_t weekday = (int32_t)(((long)days % 7 + 7 + 3) % 7); /* 0 = Monday; 1970-01-01 was a Thursday */
    int32_t thursday = days - weekday + 3;
    dy_civil_from_days(thursday, &y, &m, &d);
    *week_year = y;
    *week = (int)((thursday - dy_days_from_civil(y, 1, 1)) / 7 + 1);
}

size_t dy_period_label(dy_period_kind kind, int32_t days, char *buf)
{
    int y, m, d, n;
    if (days == DY_NODATE) {
        memcpy(buf, "undated", 8);
        return 7;
    }
    dy_civil_from_days(days, &y, &m, &d);
    switch (kind) {
    case DY_BY_DAY: n = sprintf(buf, "%04d-%02d-%02d", y, m, d); break;
    case DY_BY_WEEK: iso_week(days, &y, &m); n = sprintf(buf, "%04d-W%02d", y, m); break;
    case DY_BY_MONTH: n = sprintf(buf, "%04d-%02d", y, m); break;
    case DY_BY_YEAR: n = sprintf(buf, "%04d", y); break;
    default: memcpy(buf, "all", 4); n = 3; break;
    }
    return (size_t)n;
}
