#!/bin/sh
# update-page.sh - replaces the page by the wiki's current revision, safely
# (make update-page).
#
#   sh gen/update-page.sh GENERATOR URL PAGE [GENERATOR FLAGS...]
#
# Fetches URL with curl into a temporary file beside PAGE (in the same
# directory, so that the last step, a rename, is atomic), never more than
# one byte past the generator's limit (PAGE_MAX_BYTES, gen/page.h), checks
# it with the generator (auxchan-gen --check: an error refuses it,
# warnings are shown), shows the rooms added, removed and changed against
# PAGE (auxchan-gen --diff), and only then renames it over PAGE.  On any
# failure (network, a page too large or invalid, an interrupt) PAGE is
# untouched, the temporary file is removed, and the exit status is not 0.
# A PAGE that is a symbolic link is refused: the rename would replace the
# link, not the file it points to.
set -u
if [ $# -lt 3 ]; then
	echo "usage: sh gen/update-page.sh GENERATOR URL PAGE [GENERATOR FLAGS...]" >&2
	exit 2
fi
gen=$1 url=$2 page=$3
shift 3

refuse() {
	echo "auxchan: $1: $page unchanged" >&2
	exit 1
}

# The limit, as the generator has it: its expression, digits and shifts
# only, evaluated by the shell.
max=$(sed -n 's/^#define PAGE_MAX_BYTES \([0-9u<> ()]*\) .*/\1/p' "${0%/*}/page.h" | tr -d u)
case $max in
'' | *[!0-9\<\>\ \(\)]*) refuse "no limit PAGE_MAX_BYTES in ${0%/*}/page.h" ;;
esac
max=$(($max))
[ -h "$page" ] &&
	refuse "a symbolic link (the rename would replace it by a file): name the file it points to"

# The temporary file is removed on any exit, an interrupt included (each
# signal's trap exits, which runs the EXIT trap).  It starts as a copy of
# PAGE, so that the new page keeps its mode.
tmp=
trap 'rm -f "$tmp"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
tmp=$(mktemp "$page.new.XXXXXX") || exit 1
cp -p "$page" "$tmp" 2>/dev/null || :

# curl's output goes through head, which stops at the limit's next byte
# (curl then fails to write); curl's status comes back on fd 3.
echo "auxchan: fetching $url"
status=$({ { curl --fail --silent --show-error --location --max-time 120 \
	--max-filesize "$max" --output - -- "$url"; echo $? >&3; } |
	head -c $((max + 1)) > "$tmp"; } 3>&1) || exit 1
[ "$(wc -c < "$tmp")" -le "$max" ] ||
	refuse "the fetched page is larger than the limit of $max bytes"
[ "$status" = 0 ] || refuse "cannot fetch $url"
echo "auxchan: checking it ($tmp)"
"$gen" "$@" --check "$tmp" || refuse "the fetched page has errors"
echo "auxchan: rooms changed from $page to the fetched page:"
"$gen" --diff "$page" "$tmp"
[ $? -le 1 ] || refuse "cannot compare the pages"
if cmp -s "$tmp" "$page"; then
	echo "auxchan: $page is current"
	exit 0
fi
mv -f "$tmp" "$page" || refuse "cannot rename $tmp"
echo "auxchan: $page updated"
