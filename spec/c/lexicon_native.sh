#!/bin/sh
# lexicon_native.sh - build and run the C unit test of the native lexicon parser under ASan +
# UBSan, with every allocation failing in turn (malloc, calloc, realloc wrapped at link time).
cd "$(dirname "$0")/../.." || exit 1
out=${TMPDIR:-/tmp}/dyadic-lexicon-native-test.$$
core=""
for f in csrc/*.c; do
    case "$f" in csrc/core.c|csrc/lua_*.c) ;; *) core="$core $f" ;; esac
done
# shellcheck disable=SC2086
${CC:-cc} -O1 -g -std=c99 -Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
    -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined \
    -D_POSIX_C_SOURCE=200809L -Icsrc spec/c/lexicon_native_test.c $core -lm \
    -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc -o "$out" || exit 1
"$out"
rc=$?
rm -f "$out"
exit $rc
