#!/bin/sh
# valgrind.sh - `make check-valgrind`: the generator over every test page,
# each bad group page (with the rooms it is written for) and the page with
# its group pages, then checks, under $VALGRIND, which must exit 99 on an
# error or leak.
#
#   TEST_PAGES='PAGE...' GROUP_BAD='PAGE...' DATA=PAGE GROUP_PAGES='PAGE...' \
#   VALGRIND='valgrind ...' \
#       sh tests/valgrind.sh BUILDDIR NAME PROGRAM PAGE CHECK_BUILDDIR...
#
# Each check is run as `PROGRAM PAGE CHECK_BUILDDIR`, like make check.
set -u
b=$1
shift
mkdir -p "$b/valgrind"
n=0 bad=0

# gen WHAT ARG...: auxchan-gen ARG... under valgrind, counted.
gen() {
	what=$1
	shift
	n=$((n + 1))
	# shellcheck disable=SC2086 # VALGRIND is a command with its options
	$VALGRIND "$b/auxchan-gen" -o "$b/valgrind" "$@" >/dev/null 2>"$b/valgrind/log"
	if [ $? -eq 99 ]; then
		bad=$((bad + 1))
		echo "valgrind: $what:"
		cat "$b/valgrind/log"
	fi
}

for p in $TEST_PAGES; do
	gen "$p" "$p"
done
for p in $GROUP_BAD; do
	gen "$p" --groups="$p" tests/pages/group-rooms.md
done
flags=
for p in $GROUP_PAGES; do
	flags="$flags --groups=$p"
done
# shellcheck disable=SC2086 # paths without blanks (mk/vars.mk), one a word
gen "$DATA with its group pages" $flags "$DATA"
echo "valgrind: auxchan-gen on $n pages: $bad with errors or leaks"
while [ $# -ge 4 ]; do
	n=$((n + 1))
	# shellcheck disable=SC2086
	if ! $VALGRIND "$2" "$3" "$4" >"$b/valgrind/log" 2>&1; then
		bad=$((bad + 1))
		echo "valgrind: $1:"
		cat "$b/valgrind/log"
	else
		echo "valgrind: $1: clean"
	fi
	shift 4
done
echo "valgrind: $n runs, $bad with errors, leaks or failures"
[ "$bad" -eq 0 ]
