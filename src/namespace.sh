#!/bin/sh
# namespace.sh - a file of the library with its names in another namespace
# (make NAMESPACE=NAME).
#
#   sh src/namespace.sh NAME FILE > renamed
#
# Writes FILE with every name renamed by its prefix, so that it covers
# whatever the library exports now or later: auxchan_ becomes NAME_ and
# AUXCHAN_ becomes NAME_ in capitals (functions, types, enumerators,
# macros, include guards), and the names of the public header and the
# library, auxchan.h and libauxchan, become NAME.h and libNAME.
set -eu
name=$1 file=$2
case $name in
'' | [!a-z]* | *[!a-z0-9_]*)
	echo "namespace.sh: '$name' is not a namespace: lower-case letters, digits and '_'," \
		"a letter first" >&2
	exit 1
	;;
esac
# One pass, left to right: a name already renamed is never renamed again
# (sed's expressions, one after another, made NAME=libauxchan's functions
# liblibauxchan_).
LC_ALL=C awk -v name="$name" '
BEGIN {
	upper = toupper(name)
	to["libauxchan"] = "lib" name
	to["auxchan_"] = name "_"
	to["AUXCHAN_"] = upper "_"
	to["auxchan.h"] = name ".h"
}
{
	out = ""
	while (match($0, /libauxchan|auxchan_|AUXCHAN_|auxchan\.h/)) {
		out = out substr($0, 1, RSTART - 1) to[substr($0, RSTART, RLENGTH)]
		$0 = substr($0, RSTART + RLENGTH)
	}
	print out $0
}' "$file"
