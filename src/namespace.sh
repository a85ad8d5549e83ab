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
upper=$(printf '%s' "$name" | LC_ALL=C tr a-z A-Z)
LC_ALL=C sed -e "s/auxchan_/${name}_/g" -e "s/AUXCHAN_/${upper}_/g" \
	-e "s/auxchan\\.h/${name}.h/g" -e "s/libauxchan/lib${name}/g" "$file"
