#compdef auxchan
# zsh completion for auxchan: options, and every key of its table (the
# Makefile fills in the list below from `auxchan --keys`, each key a
# single-quoted word).  Keys match the word typed ignoring ASCII case, as
# the library matches them, whatever the locale.

local -a keys matches
local word=$PREFIX sigil= want i

if [[ $word == -* ]]; then
	compadd -- --list --groups --format=text --format=json --format=tsv --keys --help --version
	return
fi
keys=(
@KEYS@
)
# After a '#' (typed \# or quoted), a key is a room reference: the keys
# hold aliases and localparts without it.
case $word in
('\#'* | '#'*) sigil='#' word=${word#\\} word=${word#\#} ;;
esac
# ASCII case folding: ${(L)...} in the C locale folds A-Z, and nothing else.
_auxchan_fold() {
	local LC_ALL=C
	REPLY=${(L)1}
}
_auxchan_fold $word
want=$REPLY
for i in {1..$#keys}; do
	_auxchan_fold $keys[i]
	[[ ${REPLY[1,$#want]} == $want ]] && matches+=("$sigil$keys[i]")
done
# -U: the keys replace the word, whose case may differ.
compadd -U -- $matches
