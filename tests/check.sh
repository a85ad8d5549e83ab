#!/bin/sh
# check.sh - the runner of `make check`.
#
#   sh tests/check.sh LOGDIR NAME PROGRAM PAGE BUILDDIR [NAME PROGRAM PAGE BUILDDIR]...
#
# Runs each check as `PROGRAM PAGE BUILDDIR`, its output in LOGDIR/NAME.log;
# shows the lines of the log but its summary, "NAME: P passed, F failed",
# which it adds up; a program that exits non-zero without a failure counts
# one failure more.  Ends with the line "P passed, F failed" and fails if
# F is not 0.
set -u
logs=$1
shift
mkdir -p "$logs"
pass=0
fail=0
while [ $# -ge 4 ]; do
	name=$1 log=$logs/$1.log
	"$2" "$3" "$4" >"$log" 2>&1
	rc=$?
	shift 4
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
