#!/bin/sh
# deps.sh - installs the Debian packages that a step of the build lacks.
#
#   sh gen/deps.sh TEST PACKAGES [TEST PACKAGES]...
#
# Each TEST is a shell command; when it fails, its PACKAGES are missing.
# Run as root, the script installs what is missing with apt-get (updating
# the package lists only if a first try fails); otherwise it prints the
# command to run and fails.
set -u
missing=
while [ $# -ge 2 ]; do
	sh -c "$1" >/dev/null 2>&1 || missing="$missing $2"
	shift 2
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
