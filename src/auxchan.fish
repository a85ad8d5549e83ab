# fish completion for auxchan: options, and every key of its table (the
# Makefile fills in the list below from `auxchan --keys`, each key a
# single-quoted word).  fish matches them with the token typed, ignoring
# case.

# The keys; after a '#' (typed \# or quoted), a key is a room reference:
# the keys hold aliases and localparts without it.
function __auxchan_keys
    set -l sigil
    string match -q -r '^\\\\?#' -- (commandline -ct); and set sigil '#'
    for key in \
@KEYS@
        printf '%s%s\n' $sigil $key
    end
end

complete -c auxchan -f
complete -c auxchan -s l -l list -d 'show every room, by section'
complete -c auxchan -s g -l groups -d 'show every group: what it does, leaders, meetings'
complete -c auxchan -s f -l format -x -a 'text json tsv' -d 'text, json or tsv'
complete -c auxchan -l keys -d 'print every key'
complete -c auxchan -s h -l help -d 'show the help'
complete -c auxchan -s V -l version -d 'show the versions and the page'
complete -c auxchan -n 'not string match -q -- "-*" (commandline -ct)' -a '(__auxchan_keys)'
