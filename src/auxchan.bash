# bash completion for auxchan: options, and every key of its table (the
# Makefile fills in the list below from `auxchan --keys`, each line after a
# '|', so that no key can end the here-document).

# Sets the array folded to the words given, ASCII letters in lower case and
# every other byte as it is: keys match as the library matches them,
# whatever the locale (in a Turkish one, ${x,,} makes 'I' a dotless 'ı').
_auxchan_fold()
{
	local LC_ALL=C
	folded=("${@,,}")
}

_auxchan()
{
	local cur reply i
	local -a keys folded

	# Keys hold ':' and ' ': take the word as typed, up to the cursor.
	if declare -F _get_comp_words_by_ref >/dev/null; then
		_get_comp_words_by_ref -n : cur
	else
		cur=${COMP_LINE:0:COMP_POINT}
		cur=${cur##*[[:space:]]}
	fi
	COMPREPLY=()
	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W '--list --groups --format= --keys --help --version' -- "$cur")
		return
	fi
	mapfile -t keys <<'AUXCHAN_KEYS'
@KEYS@
AUXCHAN_KEYS
	# After a '#' (typed \# or quoted), a key is a room reference: the
	# keys hold aliases and localparts without it.
	local sigil=
	case $cur in
	'\#'* | '#'*) sigil='#' cur=${cur#\\} cur=${cur#\#} ;;
	esac
	keys=("${keys[@]#|}")
	# Keys match ignoring ASCII case: folded holds the keys, then the word.
	_auxchan_fold "${keys[@]}" "$cur"
	for i in "${!keys[@]}"; do
		if [[ ${folded[i]} == "${folded[-1]}"* ]]; then
			printf -v reply '%q' "$sigil${keys[i]}"
			COMPREPLY+=("$reply")
		fi
	done
	cur=$sigil$cur
	# bash replaces only what follows the last ':' of the word.
	if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
		local prefix=${cur%"${cur##*:}"}
		COMPREPLY=("${COMPREPLY[@]#"$(printf '%q' "$prefix")"}")
	fi
}
complete -F _auxchan auxchan
