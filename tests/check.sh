#!/bin/sh
# check.sh - the runner of `make check`.
#
#   sh tests/check.sh LOGDIR NAME PROGRAM PAGE BUILDDIR [NAME PROGRAM PAGE BUILDDIR]...
#
# Runs each check as `PROGRAM PAGE BUILDDIR`, its output in LOGDIR/NAME.log,
# CHECK_JOBS at a time (default: the number of processors; the programs
# write nothing another reads, and the builds they run are their own or up
# to date); then, in the order given, shows the lines of each log but its
# summary, "NAME: P passed, F failed", which it adds up; a program that
# exits non-zero without a failure counts one failure more.  Ends with the
# line "P passed, F failed" and fails if F is not 0.
set -u
logs=$1
shift
mkdir -p "$logs"
jobs=${CHECK_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}

# Start each check when fewer than $jobs run: each one, when it ends,
# writes its exit status in LOGDIR/NAME.rc and a line in a pipe (fd 3)
# that the loop reads to know a place is free.
slots=$logs/.slots
rm -f "$slots"
mkfifo "$slots" && exec 3<>"$slots" && rm -f "$slots" || exit 2
names= n=0
while [ $# -ge 4 ]; do
	if [ "$n" -ge "$jobs" ]; then
		read -r _ <&3
		n=$((n - 1))
	fi
	rm -f "$logs/$1.rc"
	( "$2" "$3" "$4" >"$logs/$1.log" 2>&1 3<&-; echo $? >"$logs/$1.rc"; echo >&3 ) &
	names="$names $1" n=$((n + 1))
	shift 4
done
wait
exec 3<&-

pass=0
fail=0
for name in $names; do
	log=$logs/$name.log
	rc=$(cat "$logs/$name.rc" 2>/dev/null || echo 1)
	grep -v ': [0-9]* passed, [0-9]* failed$' "$log"
	last=$(tail -n 1 "$log")
	case $last in
	*": "*" passed, "*" failed")
		p=${last##*: } p=${p%% passed*}
		f=${last##*passed, } f=${f%% failed}
		;;
	*) p=0 f=0 ;;
	esac
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$name: exited with status $rc"
		f=1
	fi
	echo "$name: $p passed, $f failed"
	pass=$((pass + p)) fail=$((fail + f))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
