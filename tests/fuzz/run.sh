#!/bin/sh
# run.sh - `make fuzz`: each libFuzzer target FUZZ_SECONDS seconds.
#
#   FUZZ_SECONDS=N sh tests/fuzz/run.sh FUZZ_BUILDDIR PAGE TEST_PAGE...
#
# The targets are built already: FUZZ_BUILDDIR/fuzzer/{lookup,search,
# generator} on PAGE's tables, FUZZ_BUILDDIR/hostile/fuzzer/{lookup,search}
# on the hostile page's.  Corpora grow in FUZZ_BUILDDIR/corpus/, from seeds: each key of
# the page (auxchan --keys) and its links for lookup, PAGE and the test
# pages for the generator, and the saved inputs of tests/fuzz/TARGET/.  A
# finding fails the run and leaves its input in FUZZ_BUILDDIR/findings/.
set -eu
b=$1 page=$2
shift 2
seconds=${FUZZ_SECONDS:-60}
opts="-max_total_time=$seconds -timeout=10 -print_final_stats=1"

# keys BUILDDIR DIR: a seed file in DIR for each key and link of the table.
keys() {
	rm -rf "$2" && mkdir -p "$2"
	{ "$1/auxchan" --keys; "$1/auxchan" --list --format=tsv | cut -f 4 | tail -n +2; } |
		awk -v dir="$2" '{ f = dir "/key-" NR; printf "%s", $0 > f; close(f) }'
}

# run NAME PROGRAM SEED_DIR OPTIONS...
run() {
	name=$1 program=$2 seeds=$3
	shift 3
	echo "fuzz: $name, $seconds s"
	mkdir -p "$b/corpus/$name" "$b/findings"
	# shellcheck disable=SC2086 # opts is a list of options
	if "$program" $opts "$@" -artifact_prefix="$b/findings/$name-" "$b/corpus/$name" \
		"$seeds" "tests/fuzz/${name#hostile-}" >"$b/$name.log" 2>&1; then
		grep -E '^(Done|stat::number_of_executed_units|#[0-9]+.*DONE)' "$b/$name.log" |
			sed "s/^/fuzz: $name: /"
	else
		tail -n 60 "$b/$name.log"
		echo "fuzz: $name: FAILED (log: $b/$name.log)"
		exit 1
	fi
}

keys "$b" "$b/seed/lookup"
keys "$b/hostile" "$b/seed/hostile-lookup"
rm -rf "$b/seed/generator" && mkdir -p "$b/seed/generator"
cp "$page" "$@" "$b/seed/generator/"

run lookup "$b/fuzzer/lookup" "$b/seed/lookup" -max_len=600 -dict=tests/fuzz/lookup.dict
run hostile-lookup "$b/hostile/fuzzer/lookup" "$b/seed/hostile-lookup" \
	-max_len=600 -dict=tests/fuzz/lookup.dict
run search "$b/fuzzer/search" "$b/seed/lookup" -max_len=400 -dict=tests/fuzz/lookup.dict
run hostile-search "$b/hostile/fuzzer/search" "$b/seed/hostile-lookup" \
	-max_len=400 -dict=tests/fuzz/lookup.dict
run generator "$b/fuzzer/generator" "$b/seed/generator" \
	-max_len=8192 -dict=tests/fuzz/generator.dict
echo "fuzz: no finding"
