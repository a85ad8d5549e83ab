# bash completion for auxchan: options, and every key of its table (the
# Makefile fills in the list below from `auxchan --keys`, each line after a
# '|', so that no key can end the here-document).

_auxchan()
{
	local cur key reply
	local -a keys

	# Keys hold ':' and ' ': take the word as typed, up to the cursor.
	if declare -F _get_comp_words_by_ref >/dev/null; then
		_get_comp_words_by_ref -n : cur
	else
		cur=${COMP_LINE:0:COMP_POINT}
		cur=${cur##*[[:space:]]}
	fi
	COMPREPLY=()
	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W '--list --format= --keys --help --version' -- "$cur")
		return
	fi
	mapfile -t keys <<'AUXCHAN_KEYS'
@KEYS@
AUXCHAN_KEYS
	# After a '#' (typed \# or quoted), a key is a room reference: the
	# keys hold aliases and localparts without it.
	local hash=
	case $cur in
	'\#'* | '#'*) hash='#' cur=${cur#\\} cur=${cur#\#} ;;
	esac
	for key in "${keys[@]}"; do
		key=$hash${key#|}
		# Keys match ignoring case.
		if [[ ${key,,} == "$hash${cur,,}"* ]]; then
			printf -v reply '%q' "$key"
			COMPREPLY+=("$reply")
		fi
	done
	cur=$hash$cur
	# bash replaces only what follows the last ':' of the word.
	if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
		local prefix=${cur%"${cur##*:}"}
		COMPREPLY=("${COMPREPLY[@]#"$(printf '%q' "$prefix")"}")
	fi
}
complete -F _auxchan auxchan
