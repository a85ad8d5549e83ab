#!/bin/sh
# deps.sh - installs the Debian packages that a step of the build lacks.
#
#   sh gen/deps.sh STEP...
#
# STEP is build (the generator: gperf, pkg-config, cmark-gfm, libyaml,
# wamerican's English word list),
# check (what the tests use beyond the build: groff for the man pages, a
# C++ compiler for the header from C++, bash, zsh and fish for the
# completions and a Turkish locale to complete in, git for make dist,
# curl for make update-page with file:// URLs, libstemmer and a word list
# for the stemmer's test to compare with), valgrind, update (curl) or
# fuzz (clang and libFuzzer).  The tools are make's, from the environment:
# GPERF, PKG_CONFIG, CXX and FUZZ_CC.  Run as root, the script installs
# what is missing with apt-get (updating the package lists only if a
# first try fails); otherwise it prints the command to run and fails.
set -u
: "${GPERF:=gperf}" "${PKG_CONFIG:=pkg-config}" "${CXX:=g++}" "${FUZZ_CC:=clang}"

missing=
want() { missing="$missing $*"; }
has() { command -v "$1" >/dev/null 2>&1; }
has_pkg() { "$PKG_CONFIG" --exists "$1" >/dev/null 2>&1; }
has_fuzzer() {
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return (int)n * 0 + !d; }\n' |
		$FUZZ_CC -fsanitize=fuzzer -x c - -o /dev/null >/dev/null 2>&1
}

for step; do
	case $step in
	build)
		has "$GPERF" || want gperf
		has "$PKG_CONFIG" || want pkg-config
		has_pkg libcmark-gfm || want libcmark-gfm-dev libcmark-gfm-extensions-dev
		has_pkg yaml-0.1 || want libyaml-dev
		test -e /usr/share/dict/american-english || want wamerican
		;;
	check)
		has groff || want groff-base
		has "${CXX%% *}" || want g++
		for sh in bash zsh fish; do
			has $sh || want $sh
		done
		test -e /usr/share/i18n/locales/tr_TR || want locales
		has git || want git
		has curl || want curl
		test -e /usr/include/libstemmer.h || want libstemmer-dev
		test -e /usr/share/dict/american-english || want wamerican
		;;
	valgrind) has valgrind || want valgrind ;;
	update) has curl || want curl ;;
	fuzz) has_fuzzer || want clang libclang-rt-dev ;;
	*)
		echo "deps.sh: unknown step '$step'" >&2
		exit 2
		;;
	esac
done

[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "auxchan: missing build dependencies; install them with:" >&2
	echo "    sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "auxchan: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086 # one word a package
apt-get install -y --no-install-recommends $missing ||
	{ apt-get update && apt-get install -y --no-install-recommends $missing; }
