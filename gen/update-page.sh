#!/bin/sh
# update-page.sh - replaces the page by the wiki's current revision, safely
# (make update-page).
#
#   sh gen/update-page.sh GENERATOR URL PAGE [GENERATOR FLAGS...]
#
# Fetches URL with curl into a temporary file beside PAGE (in the same
# directory, so that the last step, a rename, is atomic), checks it with
# the generator (auxchan-gen --check: an error refuses it, warnings are
# shown), shows the rooms added, removed and changed against PAGE
# (auxchan-gen --diff), and only then renames it over PAGE.  On any
# failure (network, an invalid page, an interrupt) PAGE is untouched, the
# temporary file is removed, and the exit status is not 0.
set -u
if [ $# -lt 3 ]; then
	echo "usage: sh gen/update-page.sh GENERATOR URL PAGE [GENERATOR FLAGS...]" >&2
	exit 2
fi
gen=$1 url=$2 page=$3
shift 3

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

refuse() {
	echo "auxchan: $1: $page unchanged" >&2
	exit 1
}

echo "auxchan: fetching $url"
curl --fail --silent --show-error --location --max-time 120 --output "$tmp" -- "$url" ||
	refuse "cannot fetch $url"
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
