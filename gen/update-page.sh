#!/bin/sh
# update-page.sh - replaces the pages of the set, the room page and its
# group pages, by the wiki's current revisions: all of them or none
# (make update-page).
#
#   sh gen/update-page.sh GENERATOR URL PAGE [GROUP_URLS [GROUP_PAGE...]]
#                         [-- GENERATOR FLAGS...]
#
# GROUP_URLS is one argument: the group pages' URLs, separated by blanks,
# one for each GROUP_PAGE, in their order.  Each page is fetched with curl
# into a temporary file beside it (in the same directory, so that the last
# step, a rename, is atomic), never more than one byte past the
# generator's limit (PAGE_MAX_BYTES, gen/page.h).  Then the fetched pages
# are checked together (auxchan-gen --check with the fetched group pages as
# --groups: an error refuses them, warnings are shown), their changes shown
# (auxchan-gen --diff, the pages against the fetched ones), and only then is
# each page that differs renamed over: the old pages are kept as links (or
# copies) until every rename is done, and put back if one fails or an
# interrupt comes.  On any failure (network, a page too large or invalid,
# an interrupt) every page is as it was, the temporary files are removed,
# and the exit status is not 0.  A page that is a symbolic link is
# refused: the rename would replace the link, not the file it points to.
set -u
usage() {
	echo "usage: sh gen/update-page.sh GENERATOR URL PAGE [GROUP_URLS [GROUP_PAGE...]]" \
		"[-- GENERATOR FLAGS...]" >&2
	exit 2
}
[ $# -ge 3 ] || usage
gen=$1 url_0=$2 page_0=$3
shift 3
group_urls=
if [ $# -gt 0 ] && [ "$1" != -- ]; then
	case $1 in -?*) usage ;; esac # a flag: the old form, PAGE then the flags
	group_urls=$1
	shift
fi
# The pages: page_0 the room page, page_1... the group pages (n of them);
# url_I each one's URL, tmp_I its fetched copy, bak_I its old file while
# the renames run.  Names are built from numbers only: eval runs no text.
n=0
while [ $# -gt 0 ] && [ "$1" != -- ]; do
	n=$((n + 1))
	eval "page_$n=\$1"
	shift
done
[ $# -gt 0 ] && shift # the --: the rest are the generator's flags
nurls=0
set -f
for u in $group_urls; do
	nurls=$((nurls + 1))
	eval "url_$nurls=\$u"
done
set +f

# "PAGE", or "PAGE, PAGE and PAGE": every page of the set.
all=$page_0
i=1
while [ $i -le $n ]; do
	eval "p=\$page_$i"
	if [ $i -eq $n ]; then all="$all and $p"; else all="$all, $p"; fi
	i=$((i + 1))
done

refuse() {
	echo "auxchan: $1: $all unchanged" >&2
	exit 1
}
[ $nurls -eq $n ] ||
	refuse "$n group pages and $nurls URLs for them: give one URL a group page (GROUP_URLS), in their order"

# The limit, as the generator has it: its expression, digits and shifts
# only, evaluated by the shell.
max=$(sed -n 's/^#define PAGE_MAX_BYTES \([0-9u<> ()]*\) .*/\1/p' "${0%/*}/page.h" | tr -d u)
case $max in
'' | *[!0-9\<\>\ \(\)]*) refuse "no limit PAGE_MAX_BYTES in ${0%/*}/page.h" ;;
esac
max=$(($max))
i=0
while [ $i -le $n ]; do
	eval "p=\$page_$i"
	[ -h "$p" ] &&
		refuse "$p is a symbolic link (the rename would replace it by a file): name the file it points to"
	i=$((i + 1))
done

# On any exit, an interrupt included (each signal's trap exits, which runs
# the EXIT trap), the temporary files are removed; while the renames run
# (renaming=1), each page renamed (marked, and its fetched copy gone) gets
# its old file back first.  An old file that cannot be put back is kept,
# and said where.
renaming=0
cleanup() {
	i=0
	while [ $i -le $n ]; do
		eval "t=\${tmp_$i-} b=\${bak_$i-} p=\$page_$i r=\${renamed_$i-0}"
		if [ "$renaming" = 1 ] && [ "$r" = 1 ] && [ ! -e "$t" ]; then
			if mv -f "$b" "$p"; then
				echo "auxchan: $p put back as it was" >&2
			else
				echo "auxchan: cannot put $p back: its old file is $b" >&2
				b=
			fi
		fi
		[ -z "$t" ] || rm -f "$t"
		[ -z "$b" ] || rm -f "$b"
		i=$((i + 1))
	done
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# Each temporary file starts as a copy of its page, so that the new page
# keeps its mode.  curl's output goes through head, which stops at the
# limit's next byte (curl then fails to write); curl's status comes back
# on fd 3.
i=0
while [ $i -le $n ]; do
	eval "p=\$page_$i u=\$url_$i"
	t=$(mktemp "$p.new.XXXXXX") || refuse "cannot make a temporary file beside $p"
	eval "tmp_$i=\$t"
	cp -p "$p" "$t" 2>/dev/null || :
	echo "auxchan: fetching $u"
	status=$({ { curl --fail --silent --show-error --location --max-time 120 \
		--max-filesize "$max" --output - -- "$u"; echo $? >&3; } |
		head -c $((max + 1)) > "$t"; } 3>&1) || exit 1
	[ "$(wc -c < "$t")" -le "$max" ] ||
		refuse "the fetched page is larger than the limit of $max bytes"
	[ "$status" = 0 ] || refuse "cannot fetch $u"
	i=$((i + 1))
done

# The set checked together: the generator's flags, then the fetched group
# pages; then compared with the pages as they are.
i=1
while [ $i -le $n ]; do
	eval "set -- \"\$@\" \"--groups=\$tmp_$i\""
	i=$((i + 1))
done
if [ $n -eq 0 ]; then
	echo "auxchan: checking it ($tmp_0)"
	"$gen" "$@" --check "$tmp_0" || refuse "the fetched page has errors"
else
	i=0
	while [ $i -le $n ]; do
		eval "p=\$page_$i t=\$tmp_$i"
		echo "auxchan: checking $t (the fetched $p)"
		i=$((i + 1))
	done
	"$gen" "$@" --check "$tmp_0" || refuse "the fetched pages have errors"
fi
set --
i=1
while [ $i -le $n ]; do
	eval "set -- \"\$@\" \"--old-groups=\$page_$i\" \"--groups=\$tmp_$i\""
	i=$((i + 1))
done
if [ $n -eq 0 ]; then
	echo "auxchan: rooms changed from $page_0 to the fetched page:"
else
	echo "auxchan: rooms and groups changed from $all to the fetched pages:"
fi
"$gen" --diff "$@" "$page_0" "$tmp_0"
[ $? -le 1 ] || refuse "cannot compare the pages"

# The pages that differ from their fetched copies are renamed over, after
# each one's old file is kept beside it.
changed=0
i=0
while [ $i -le $n ]; do
	eval "p=\$page_$i t=\$tmp_$i"
	if cmp -s "$t" "$p"; then
		echo "auxchan: $p is current"
	else
		b=$(mktemp "$p.old.XXXXXX") || refuse "cannot make a temporary file beside $p"
		eval "bak_$i=\$b changed_$i=1"
		{ ln -f "$p" "$b" 2>/dev/null || cp -p "$p" "$b"; } ||
			refuse "cannot keep $p while it is replaced"
		changed=$((changed + 1))
	fi
	i=$((i + 1))
done
[ $changed -gt 0 ] || exit 0
# The renames: a page is marked before its rename, so that an interrupt
# between the two still puts it back.
renaming=1
i=0
while [ $i -le $n ]; do
	eval "p=\$page_$i t=\$tmp_$i c=\${changed_$i-0}"
	if [ "$c" = 1 ]; then
		eval "renamed_$i=1"
		mv -f "$t" "$p" || refuse "cannot rename $t"
	fi
	i=$((i + 1))
done
# Every rename done: the old files go (the EXIT trap removes them).
renaming=0
i=0
while [ $i -le $n ]; do
	eval "p=\$page_$i c=\${changed_$i-0}"
	[ "$c" != 1 ] || echo "auxchan: $p updated"
	i=$((i + 1))
done
