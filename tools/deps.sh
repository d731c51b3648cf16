#!/bin/sh
# deps.sh PACKAGE... - install the Debian packages that are missing.
# As root: apt-get update, then apt-get install. Otherwise: print the exact command and fail,
# so a user sees what to run instead of a compiler error further down.
missing=""
for p in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
    case "$status" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "dyadic: missing packages:$missing (no apt-get here: install them with your package manager)" >&2
    exit 1
fi
if [ "$(id -u)" != 0 ]; then
    echo "dyadic: missing Debian packages. Run, then try again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
fi
echo "dyadic: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
    echo "dyadic: apt-get install failed for:$missing" >&2
    exit 1
}
