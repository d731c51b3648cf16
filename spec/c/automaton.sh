#!/bin/sh
# automaton.sh - build and run the C unit test of the automaton build under ASan + UBSan: a
# dictionary whose tables take a block over 2 MiB against the fuzzer's naive matcher, and
# every allocation failing in turn (malloc, calloc, realloc wrapped at link time). Then the
# same without sanitizers, so that the block is on huge pages where the system has them.
cd "$(dirname "$0")/../.." || exit 1
out=${TMPDIR:-/tmp}/dyadic-automaton-test.$$
${CC:-cc} -O1 -g -std=c99 -Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
    -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined \
    -D_POSIX_C_SOURCE=200809L -Icsrc -Ifuzz spec/c/automaton_test.c csrc/automaton.c csrc/bigmem.c csrc/unicode.c \
    -lm -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc -o "$out" || exit 1
"$out" || { rc=$?; rm -f "$out"; exit $rc; }
${CC:-cc} -O2 -std=c99 -Wall -Wextra -pedantic -D_POSIX_C_SOURCE=200809L -Icsrc -Ifuzz spec/c/automaton_test.c \
    csrc/automaton.c csrc/bigmem.c csrc/unicode.c -lm -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc \
    -o "$out" || exit 1
"$out"
rc=$?
rm -f "$out"
exit $rc
