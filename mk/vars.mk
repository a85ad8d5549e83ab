# vars.mk - the variables a build is given are data, never code.  Each one
# that reaches a recipe either reaches its command through the environment
# (URL, GROUP_URLS and ARGS, any text: see the rules that use them) or is checked
# here, before any rule runs: a value make or the shell would take for
# something else is refused with one message, rather than run, or leaving
# stray folders in the tree.  The compiler and tool variables (CC, CFLAGS,
# LDFLAGS, GPERF, PKG_CONFIG...) are commands by nature, and reach recipes
# as such.  The namespace's rule is in namespace.mk.

HASH := \#
BACKSLASH := \$(empty)
LOWER = a b c d e f g h i j k l m n o p q r s t u v w x y z
DIGITS = 0 1 2 3 4 5 6 7 8 9
# without TEXT,CHARS: TEXT less every one of the CHARS (single characters).
without = $(if $(2),$(call without,$(subst $(firstword $(2)),,$(1)),$(wordlist 2,99,$(2))),$(1))
# refuse VAR,WHY: make stops, naming the variable, its value and why.
refuse = $(error $(1)='$(value $(1))' is refused: $(2))

# First a '$', before anything expands it (make would run its
# $(shell ...)): in any variable of the command line, and in the
# environment's values of the variables checked here.
PATH_VARS = CURDIR BUILDDIR DATA OLD WORDS DESTDIR PREFIX BINDIR LIBDIR INCLUDEDIR MANDIR \
	PKGCONFIGDIR BASHCOMPDIR ZSHCOMPDIR FISHCOMPDIR
PATH_LIST_VARS = GROUP_PAGES OLD_GROUP_PAGES
GIVEN_VARS = $(PATH_VARS) $(PATH_LIST_VARS) NAMESPACE NO_WARN STRICT URL GROUP_URLS ARGS \
	VERSION FUZZ_SECONDS
given = $(or $(filter command line,$(origin $(1))), \
	$(and $(filter $(1),$(GIVEN_VARS)),$(filter environment%,$(origin $(1)))))
$(foreach v,$(.VARIABLES),$(if $(and $(call given,$(v)),$(findstring $$,$(value $(v)))), \
	$(call refuse,$(v),make would expand its '$$': write '$$' as '$$$$' or leave it out)))

# Paths: one word, no character of make or the shell, no '-' first (an
# option).  BUILDDIR and DATA cannot be empty.
UNSAFE = ' " $(HASH) % : ; = $(BACKSLASH) * ? [ ] ( ) { } < > | & ^ `
unsafe_path = $(or $(filter-out 0 1,$(words $(1))),$(filter -%,$(1)),$(strip \
	$(foreach c,$(UNSAFE),$(findstring $(c),$(1)))))
empty_path = $(if $(filter BUILDDIR DATA,$(1)),$(if $($(1)),,empty))
$(foreach v,$(PATH_VARS),$(if $(or $(call unsafe_path,$($(v))),$(call empty_path,$(v))),$(error \
	$(v)='$(value $(v))' is a path make cannot handle: use one without spaces, quotes, '$$', \
	'$(HASH)', '%', ':', '=', a '-' first or other characters of make and the shell)))

# Lists of paths, each checked as a path: the group pages, of DATA and of OLD.
$(foreach v,$(PATH_LIST_VARS),$(foreach p,$($(v)),$(if $(call unsafe_path,$(p)),$(error \
	$(v)='$(value $(v))' holds a path make cannot handle, '$(p)': use paths \
	without quotes, '$$', '$(HASH)', '%', ':', '=', a '-' first or other characters of make \
	and the shell, separated by spaces))))

# Names: the warnings NO_WARN silences (auxchan-gen knows which exist),
# the version, the seconds of each fuzz target.
RULE_NO_WARN = the names of warnings, like 'no-link duplicate-name': lower-case letters, digits \
	and '-', separated by spaces
RULE_VERSION = a version is one word of lower-case letters, digits, '.', '+', '-' or '~'
RULE_FUZZ_SECONDS = a number of seconds, digits only
ifneq ($(strip $(call without,$(NO_WARN),$(LOWER) $(DIGITS) -)),)
$(call refuse,NO_WARN,$(RULE_NO_WARN))
endif
ifneq ($(words $(VERSION))$(strip $(call without,$(VERSION),$(LOWER) $(DIGITS) . + - ~)),1)
$(call refuse,VERSION,$(RULE_VERSION))
endif
ifneq ($(words $(FUZZ_SECONDS))$(strip $(call without,$(FUZZ_SECONDS),$(DIGITS))),1)
$(call refuse,FUZZ_SECONDS,$(RULE_FUZZ_SECONDS))
endif
