#!/bin/sh
# aggregate.sh - build and run the C unit test of the aggregate core under ASan + UBSan, with
# every allocation failing in turn in part of it (malloc, calloc, realloc wrapped at link time).
cd "$(dirname "$0")/../.." || exit 1
out=${TMPDIR:-/tmp}/dyadic-aggregate-test.$$
${CC:-cc} -O1 -g -std=c99 -Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
    -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined \
    -D_POSIX_C_SOURCE=200809L -Icsrc spec/c/aggregate_test.c csrc/aggregate.c csrc/date.c csrc/strtab.c \
    -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc -o "$out" || exit 1
"$out"
rc=$?
rm -f "$out"
exit $rc
