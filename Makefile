# auxchan: the Aux wiki's Matrix rooms as a compiled, allocation-free table.
#
#   make                      build the generator, the tables, the library
#                             and the command in $(BUILDDIR)
#   make run ARGS=python      build, then run: auxchan $(ARGS)
#   make check                build and run the tests
#   make DATA=page.md BUILDDIR=dir   the same from another page
#   make diff OLD=page.md     the rooms changed from OLD to DATA
#   make update-page [URL=...]  fetch the wiki's page, check it, show its
#                             changes, then replace DATA
#   make install [DESTDIR=... PREFIX=/usr/local BINDIR LIBDIR INCLUDEDIR MANDIR]
#   make uninstall            remove exactly what install put there
#   make dist                 auxchan-VERSION.tar.gz, buildable without the
#                             generator, gperf, cmark-gfm or libyaml
#   make amalgamation         $(BUILDDIR)/amalgamation/auxchan.[ch]
#   make NAMESPACE=name       the library with its names renamed, auxchan_
#                             to name_ (two pages' tables in one program)
#   make check-sanitize       make check under ASan and UBSan
#   make check-valgrind       the generator and the tests under valgrind
#   make fuzz FUZZ_SECONDS=N  each libFuzzer target N seconds (clang)
#   make bench                the figures of the README
#
# Needs gperf, libcmark-gfm(-extensions) and libyaml: missing Debian
# packages are installed when make runs as root, else make stops with the
# command to run (gen/deps.sh).  A release tarball needs only a C compiler
# and make.  The generator and the other programs that run at build time
# are built with BUILD_CC and BUILD_CFLAGS (default: CC and CFLAGS), so a
# cross build never runs a program built for the target.

VERSION := $(shell sed -n 's/^\#define AUXCHAN_VERSION "\(.*\)"$$/\1/p' include/auxchan.h)
MAJOR = $(firstword $(subst ., ,$(VERSION)))
BUILDDIR = build
DATA = data/matrix.md
ARGS = --list

CFLAGS ?= -O2 -g
BUILD_CC = $(CC)
BUILD_CFLAGS = $(CFLAGS)
STD_CFLAGS = -std=c11 -Wall -Wextra -Werror
GPERF = gperf
GPERFFLAGS =
# Each bucket's gperf run: two searches, for denser tables (see the README).
GPERF_TABLE_FLAGS = -m 2 --ignore-case
PKG_CONFIG = pkg-config
GEN_PKGS = libcmark-gfm yaml-0.1
# make STRICT=1: warnings are errors; make NO_WARN="check ...": not reported.
GEN_FLAGS = $(if $(filter 1 yes,$(STRICT)),--strict) $(NO_WARN:%=--no-warn=%)

B = $(BUILDDIR)

# Paths make or the shell would take for something else (a space, a quote,
# a '$', a '#'...): refused before anything is built, rather than leaving
# stray folders in the tree.
HASH := \#
UNSAFE = ' " $(HASH) % : ; \\ * ? [ ] ( ) { } < > | & `
unsafe_path = $(or $(filter-out 1,$(words $(1))),$(findstring $$,$(2)), \
	$(strip $(foreach c,$(UNSAFE),$(findstring $(c),$(1)))))
$(foreach v,BUILDDIR DATA,$(if $(call unsafe_path,$($(v)),$(value $(v))),$(error \
	$(v)='$(value $(v))' is a path make cannot handle: use one without spaces, quotes, \
	'$$', '$(HASH)', '%', ':' or other characters of make and the shell)))
# Where the generator is built: another build's, to share it (make bench).
GEN_B = $(B)
GEN = $(GEN_B)/auxchan-gen
# A release tarball carries the seed's tables, generated (see dist): the
# library and the command are built from them, without the generator.
PREBUILT = $(if $(wildcard generated/channel_data.h),$(if $(filter data/matrix.md,$(DATA)),generated))
# Expanded when used, so after the deps check has had a chance to install them.
GEN_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(GEN_PKGS))
GEN_LIBS = $(shell $(PKG_CONFIG) --libs $(GEN_PKGS)) -lm

# Reproducible: no path of the source tree in objects (debug information).
REPRO_CFLAGS = -ffile-prefix-map=$(CURDIR)=.
ALL_CFLAGS = $(STD_CFLAGS) $(REPRO_CFLAGS) $(CFLAGS)
BUILD_ALL_CFLAGS = $(STD_CFLAGS) $(REPRO_CFLAGS) $(BUILD_CFLAGS)
LIB_CPPFLAGS = -Iinclude -Isrc -I$(B) $(CPPFLAGS)

GEN_SRC = gen/alias.c gen/channel.c gen/diag.c gen/diff.c gen/files.c gen/front.c gen/gperf.c \
          gen/group.c gen/lint.c gen/markdown.c gen/page.c gen/pool.c gen/scan.c gen/search.c \
          gen/text.c
GEN_OBJ = $(GEN_SRC:gen/%.c=$(GEN_B)/gen/%.o)
GEN_HDR = gen/alias.h gen/channel.h gen/diag.h gen/diff.h gen/files.h gen/front.h gen/gperf.h \
          gen/group.h gen/lint.h gen/markdown.h gen/mem.h gen/page.h gen/pool.h gen/scan.h \
          gen/search.h gen/table.h gen/text.h src/json.h src/key.h src/link.h src/utf8.h \
          src/word.h include/auxchan.h
TABLE = $(B)/channel_data.h $(B)/channel_gperf.c $(B)/search_data.h $(B)/search_gperf.c
LIB_PRIVATE_HDR = src/gperf.h src/key.h src/link.h src/word.h
LIB_HDR = include/auxchan.h $(LIB_PRIVATE_HDR)
# The library's sources: the lookup, and the search (its words apart).
LIB_SRC = src/channel.c src/search.c

# make NAMESPACE=infra: the library with every name it exports renamed by
# prefix (src/namespace.sh), auxchan_ to infra_, AUXCHAN_ to INFRA_, so
# that the tables of two pages can live in one program: header infra.h,
# libinfra.a and libinfra.so, pkg-config module infra, amalgamation
# infra.[ch].  Its renamed sources, header and objects are in
# $(B)/NAMESPACE/.  The command, its completions and the tests are the
# default namespace's.
NAMESPACE = auxchan
LIB = lib$(NAMESPACE)
SONAME = $(LIB).so.$(MAJOR)
SHLIB = $(LIB).so.$(VERSION)
ifeq ($(NAMESPACE),auxchan)
NS_SRC = src
NS_INC = include
NS_OBJ = $(B)
else
NS_SRC = $(B)/$(NAMESPACE)/src
NS_INC = $(B)/$(NAMESPACE)/include
NS_OBJ = $(B)/$(NAMESPACE)
endif
HEADER = $(NS_INC)/$(NAMESPACE).h
NS_HDR = $(HEADER) $(LIB_PRIVATE_HDR:src/%=$(NS_SRC)/%)
NS_CPPFLAGS = -I$(NS_INC) -I$(NS_SRC) -I$(B) $(CPPFLAGS)
LIB_OBJ = $(LIB_SRC:src/%.c=$(NS_OBJ)/%.o)
LIB_PIC_OBJ = $(LIB_SRC:src/%.c=$(NS_OBJ)/pic/%.o)

COMPLETIONS = $(B)/auxchan.bash $(B)/auxchan.zsh $(B)/auxchan.fish

ifeq ($(NAMESPACE),auxchan)
all: $(B)/auxchan $(B)/$(LIB).a $(B)/$(LIB).so $(COMPLETIONS)
else
all: $(B)/$(LIB).a $(B)/$(LIB).so $(HEADER)
endif

run: all
	$(B)/auxchan $(ARGS)

# make diff OLD=page.md: the rooms added, removed and changed from OLD to
# DATA (auxchan-gen --diff); fails on an error, not on a change.
diff: $(GEN)
	@test -n '$(OLD)' || { echo 'make diff: name the old page: make diff OLD=page.md' >&2; exit 2; }
	$(GEN) $(GEN_FLAGS) --diff $(OLD) $(DATA) || test $$? -eq 1

# make update-page: fetches URL (any curl URL, file:// too), checks it,
# shows its changes and only then replaces DATA (gen/update-page.sh).
# The default: the page's raw file in the Aux wiki's public repository.
URL = https://git.auxolotl.org/auxolotl/wiki/raw/branch/main/contributing/matrix.md
update-page: $(GEN) | deps-update
	sh gen/update-page.sh $(GEN) '$(URL)' $(DATA) $(GEN_FLAGS)

# ---- Build dependencies: each a test and the Debian packages it wants ------

DEPS_BUILD = 'command -v $(GPERF)' gperf 'command -v $(PKG_CONFIG)' pkg-config \
	'$(PKG_CONFIG) --exists libcmark-gfm' 'libcmark-gfm-dev libcmark-gfm-extensions-dev' \
	'$(PKG_CONFIG) --exists yaml-0.1' libyaml-dev
DEPS_VALGRIND = 'command -v valgrind' valgrind
DEPS_UPDATE = 'command -v curl' curl
# What the tests use beyond the build: groff (man pages), a C++ compiler
# (the header from C++), bash, zsh and fish (completions, and a Turkish
# locale to complete in), git (dist, the sources), curl (make update-page,
# with file:// URLs).
DEPS_CHECK = 'command -v groff' groff-base 'command -v $(firstword $(CXX))' g++ \
	'command -v bash' bash 'command -v zsh' zsh 'command -v fish' fish \
	'test -e /usr/share/i18n/locales/tr_TR' locales 'command -v git' git $(DEPS_UPDATE)
DEPS_FUZZ = "printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) \
	{ return (int)n * 0 + !d; }' | $(FUZZ_CC) -fsanitize=fuzzer -x c - -o /dev/null" \
	'clang libclang-rt-dev'

ifneq ($(PREBUILT),)
deps: # the tables are built: the library and the command need nothing
else
deps:
	@sh gen/deps.sh $(DEPS_BUILD)
endif
deps-valgrind:
	@sh gen/deps.sh $(DEPS_VALGRIND)
deps-update:
	@sh gen/deps.sh $(DEPS_UPDATE)
deps-check:
	@sh gen/deps.sh $(DEPS_CHECK)
deps-fuzz:
	@sh gen/deps.sh $(DEPS_FUZZ)

# ---- The generator and the tables -----------------------------------------

$(GEN_B)/gen/%.o: gen/%.c $(GEN_HDR) | deps
	@mkdir -p $(@D)
	$(BUILD_CC) $(BUILD_ALL_CFLAGS) $(LIB_CPPFLAGS) -Igen $(GEN_CFLAGS) -c $< -o $@

$(GEN): $(GEN_B)/gen/gen.o $(GEN_OBJ)
	$(BUILD_CC) $(BUILD_ALL_CFLAGS) $(LDFLAGS) $^ $(GEN_LIBS) -o $@

# What the tables come from besides the page's date, as a file that
# changes when any of it does: the generator's flags (STRICT=1), the page's
# path and its checksum.  Another page, or other bytes at the same path,
# older than the tables, is read again; a build directory never serves a
# stale page.
GEN_STAMP = { echo '$(GEN_FLAGS)'; echo '$(DATA)'; cksum < '$(DATA)' 2>/dev/null; }
$(B)/gen.stamp: FORCE
	@mkdir -p $(B)
	@$(GEN_STAMP) | cmp -s - $@ || $(GEN_STAMP) > $@

ifneq ($(PREBUILT),)
$(TABLE): $(B)/%: $(PREBUILT)/%
	@mkdir -p $(@D)
	cp $< $@
else
# One run writes channel_data.h, gperf/TABLE-N.gperf for each bucket of
# keys, and last gperf.mk, which names the buckets: make reads it
# (restarting when it is remade), then runs gperf on each bucket, in
# parallel under -j.
$(B)/gperf.mk: $(DATA) $(GEN) $(B)/gen.stamp
	$(GEN) $(GEN_FLAGS) -o $(B) $(DATA)
$(B)/channel_data.h $(B)/search_data.h $(CH_GPERF:%=$(B)/gperf/%.gperf) \
$(SW_GPERF:%=$(B)/gperf/%.gperf): $(B)/gperf.mk ;
ifeq ($(filter clean deps% diff update-page,$(MAKECMDGOALS)),)
-include $(B)/gperf.mk
endif

# gperf runs in $(B)/gperf on a relative name: its output names no build
# path.  Its quirks are listed in src/gperf.h.
$(B)/gperf/%.c: $(B)/gperf/%.gperf
	cd $(B)/gperf && { \
		echo "/* Generated by gperf from gperf/$*.gperf (written by auxchan-gen): do not edit. */"; \
		$(GPERF) $(GPERF_TABLE_FLAGS) $(GPERFFLAGS) $*.gperf; \
	} > $*.c.tmp && mv $*.c.tmp $*.c

# Every bucket's table in bucket order, whatever order gperf ran in.
$(B)/channel_gperf.c: $(B)/gperf.mk $(CH_GPERF:%=$(B)/gperf/%.c)
	cat $(CH_GPERF:%=$(B)/gperf/%.c) > $@.tmp && mv $@.tmp $@
$(B)/search_gperf.c: $(B)/gperf.mk $(SW_GPERF:%=$(B)/gperf/%.c)
	cat $(SW_GPERF:%=$(B)/gperf/%.c) > $@.tmp && mv $@.tmp $@
endif

# ---- The library and the command ------------------------------------------

$(LIB_OBJ): $(NS_OBJ)/%.o: $(NS_SRC)/%.c $(TABLE) $(NS_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(NS_CPPFLAGS) -c $< -o $@

$(LIB_PIC_OBJ): $(NS_OBJ)/pic/%.o: $(NS_SRC)/%.c $(TABLE) $(NS_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC $(NS_CPPFLAGS) -c $< -o $@

$(B)/$(LIB).a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcD $@ $^

# libauxchan.so.MAJOR.MINOR.PATCH, its soname libauxchan.so.MAJOR, and the
# link for -lauxchan.
# -Bsymbolic-functions: the search's calls of the lookup stay inside, with
# no relocation.
$(B)/$(SHLIB): $(LIB_PIC_OBJ)
	$(CC) $(ALL_CFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,-Bsymbolic-functions $(LDFLAGS) $^ \
		-o $@

$(B)/$(LIB).so: $(B)/$(SHLIB)
	ln -sf $(SHLIB) $(B)/$(SONAME)
	ln -sf $(SONAME) $@

ifneq ($(NAMESPACE),auxchan)
# The library's sources and header, renamed.
$(NS_SRC)/%: src/% src/namespace.sh
	@mkdir -p $(@D)
	sh src/namespace.sh $(NAMESPACE) $< > $@.tmp && mv $@.tmp $@
$(HEADER): include/auxchan.h src/namespace.sh
	@mkdir -p $(@D)
	sh src/namespace.sh $(NAMESPACE) $< > $@.tmp && mv $@.tmp $@
endif

$(B)/auxchan: src/auxchan.c $(B)/libauxchan.a $(LIB_HDR) src/json.h src/utf8.h
	$(CC) $(ALL_CFLAGS) $(LIB_CPPFLAGS) $(LDFLAGS) src/auxchan.c $(B)/libauxchan.a -o $@

# ---- Installing ------------------------------------------------------------

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
LIBDIR = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
MANDIR = $(PREFIX)/share/man
PKGCONFIGDIR = $(LIBDIR)/pkgconfig
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d

# The pkg-config file names the directories of the install: written then.
PC_LINES = '\# Generated by make install: do not edit.' \
	'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' 'Name: $(NAMESPACE)' \
	"Description: The Aux community's Matrix rooms, compiled into a lookup table" \
	'Version: $(VERSION)' 'Libs: -L$${libdir} -l$(NAMESPACE)' 'Cflags: -I$${includedir}'

# The keys of the completions: the command's (auxchan --keys); in a cross
# build (BUILD_CC is not CC) the generator's (auxchan-gen --keys: the same
# list, from the same table), so that make never runs a program built for
# the target; built from the tarball, the seed's, generated.  A failure or
# an empty list fails the build: a page has rooms.
ifneq ($(PREBUILT),)
$(B)/auxchan.keys: $(PREBUILT)/auxchan.keys
	cp $< $@
else ifeq ($(BUILD_CC),$(CC))
$(B)/auxchan.keys: $(B)/auxchan
	$(B)/auxchan --keys > $@.tmp && test -s $@.tmp && mv $@.tmp $@ || { rm -f $@.tmp; exit 1; }
else
$(B)/auxchan.keys: $(DATA) $(GEN) $(B)/gen.stamp
	$(GEN) $(GEN_FLAGS) --keys $(DATA) > $@.tmp && test -s $@.tmp && mv $@.tmp $@ || \
		{ rm -f $@.tmp; exit 1; }
endif

# The completions for bash, zsh and fish: src/auxchan.SHELL with the keys.
$(COMPLETIONS): $(B)/auxchan.%: src/auxchan.% src/completion.sh $(B)/auxchan.keys
	sh src/completion.sh $< $(B)/auxchan.keys > $@.tmp && mv $@.tmp $@

# The library (of any namespace), and the command with its documentation
# and completions (of the default one).
INSTALLED_LIB = $(INCLUDEDIR)/$(NAMESPACE).h $(LIBDIR)/$(LIB).a $(LIBDIR)/$(SHLIB) \
                $(LIBDIR)/$(SONAME) $(LIBDIR)/$(LIB).so $(PKGCONFIGDIR)/$(NAMESPACE).pc
INSTALLED_CMD = $(BINDIR)/auxchan $(MANDIR)/man1/auxchan.1 $(MANDIR)/man3/auxchan.3 \
                $(BASHCOMPDIR)/auxchan $(ZSHCOMPDIR)/_auxchan $(FISHCOMPDIR)/auxchan.fish
ifeq ($(NAMESPACE),auxchan)
INSTALLED = $(INSTALLED_LIB) $(INSTALLED_CMD)
install: install-lib install-cmd
else
INSTALLED = $(INSTALLED_LIB)
install: install-lib
endif

install-lib: all
	install -d $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PKGCONFIGDIR)
	install -m 644 $(HEADER) $(DESTDIR)$(INCLUDEDIR)/$(NAMESPACE).h
	install -m 644 $(B)/$(LIB).a $(DESTDIR)$(LIBDIR)/$(LIB).a
	install -m 755 $(B)/$(SHLIB) $(DESTDIR)$(LIBDIR)/$(SHLIB)
	ln -sf $(SHLIB) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/$(LIB).so
	printf '%s\n' $(PC_LINES) > $(DESTDIR)$(PKGCONFIGDIR)/$(NAMESPACE).pc
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/$(NAMESPACE).pc

install-cmd: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(B)/auxchan $(DESTDIR)$(BINDIR)/auxchan
	install -m 644 src/auxchan.1 $(DESTDIR)$(MANDIR)/man1/auxchan.1
	install -m 644 include/auxchan.3 $(DESTDIR)$(MANDIR)/man3/auxchan.3
	install -m 644 $(B)/auxchan.bash $(DESTDIR)$(BASHCOMPDIR)/auxchan
	install -m 644 $(B)/auxchan.zsh $(DESTDIR)$(ZSHCOMPDIR)/_auxchan
	install -m 644 $(B)/auxchan.fish $(DESTDIR)$(FISHCOMPDIR)/auxchan.fish

uninstall:
	rm -f $(INSTALLED:%=$(DESTDIR)%)

# ---- Release tarball and amalgamation ---------------------------------------

# The sources git tracks, and the seed's tables, generated: built from the
# tarball, make needs neither the generator nor gperf (see PREBUILT).
# Deterministic: sorted names, fixed times and owners, gzip without name.
DIST = auxchan-$(VERSION)
dist: $(TABLE) $(B)/auxchan.keys
	rm -rf $(B)/dist && mkdir -p $(B)/dist/$(DIST)/generated
	git ls-files -z | xargs -0 cp --parents -t $(B)/dist/$(DIST)
	cp $(TABLE) $(B)/auxchan.keys $(B)/dist/$(DIST)/generated/
	cd $(B)/dist && tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
		--format=ustar -cf - $(DIST) | gzip -n -9 > $(CURDIR)/$(DIST).tar.gz
	@echo "$(DIST).tar.gz"

# One C file with the library and its tables, and its header.
AMALG = $(B)/amalgamation
$(AMALG)/$(NAMESPACE).c: $(LIB_SRC:src/%=$(NS_SRC)/%) src/amalgamate.sh $(TABLE) $(NS_HDR)
	@mkdir -p $(@D)
	sh src/amalgamate.sh $(NAMESPACE).h '$(NS_SRC) $(NS_INC) $(B)' $(LIB_SRC:src/%=$(NS_SRC)/%) \
		> $@.tmp && mv $@.tmp $@

$(AMALG)/$(NAMESPACE).h: $(HEADER)
	@mkdir -p $(@D)
	cp $(HEADER) $@

amalgamation: $(AMALG)/$(NAMESPACE).c $(AMALG)/$(NAMESPACE).h

# ---- Tests ------------------------------------------------------------------
#
# One program a module (tests/NAME.c), each run as `NAME PAGE BUILDDIR` by
# tests/check.sh, which adds up their "NAME: P passed, F failed" lines.
# Adding a test is adding its name to TESTS.  Every test program links
# the generator's objects and the library; what a test needs beyond its
# page and build directory comes in the environment (TEST_ENV).

TESTS = link alias group page lint diff update channel search auxchan gen package
TEST_HDR = tests/allocations.h tests/check.h tests/object.h tests/pages.h tests/reference.h \
           tests/run.h tests/score.h
TEST_OBJ = $(GEN_OBJ)
# The tests' own makes start afresh (MAKEFLAGS=): serial, whatever -j
# make check had, and given only what they are told.
TEST_ENV = MAKEFLAGS= MAKE='$(MAKE)' CC='$(CC)' CXX='$(CXX)' CFLAGS='$(CFLAGS)' VERSION='$(VERSION)'

# Built from a release tarball: no generator, no cmark-gfm, no libyaml.  The
# tests of the library and the command run; those of the generator cannot.
ifneq ($(PREBUILT),)
TESTS = link alias group channel search auxchan
TEST_OBJ = $(B)/gen/alias.o $(B)/gen/group.o
GEN_LIBS = -lm
TEST_CPPFLAGS = -DCHANNEL_NO_PAGE
endif

$(B)/tests/%: tests/%.c $(TEST_OBJ) $(B)/libauxchan.a $(TEST_HDR) $(GEN_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LIB_CPPFLAGS) -Igen -Itests $(TEST_CPPFLAGS) $(LDFLAGS) \
		$< $(TEST_OBJ) $(B)/libauxchan.a $(GEN_LIBS) -o $@
# What tests read besides their program: the library's objects, the command.
$(B)/tests/channel $(B)/tests/search: | $(LIB_PIC_OBJ)
$(B)/tests/auxchan: | $(B)/auxchan

# The fuzz targets (tests/fuzz/): built with replay.c, they run the saved
# inputs of tests/fuzz/TARGET/ (the generator's, every test page too) in
# make check; built with libFuzzer, they are make fuzz.  FUZZ_PAGE names
# the page of the tables they are linked with.
FUZZ_CPPFLAGS = $(LIB_CPPFLAGS) -Igen -Itests -DFUZZ_PAGE='"$(DATA)"'
FUZZ_HDR = tests/fuzz/differ.h $(TEST_HDR) $(GEN_HDR)
$(B)/tests/fuzz-%: tests/fuzz/%.c tests/fuzz/replay.c $(B)/libauxchan.a $(GEN_OBJ) $(FUZZ_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(FUZZ_CPPFLAGS) $(LDFLAGS) $< tests/fuzz/replay.c \
		$(B)/libauxchan.a $(GEN_OBJ) $(GEN_LIBS) -o $@
$(B)/fuzzer/%: tests/fuzz/%.c $(B)/libauxchan.a $(GEN_OBJ) $(FUZZ_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(FUZZ_CPPFLAGS) -fsanitize=fuzzer $(LDFLAGS) $< \
		$(B)/libauxchan.a $(GEN_OBJ) $(GEN_LIBS) -o $@

# Other pages, each built in a build directory of its own and tested by the
# same programs: the hostile page (text made to break generated C and
# gperf input: generated code must compile with -Werror whatever the page
# says), and a synthetic page of 1,000 rooms, whose keys fill many buckets.
# One make builds all of a page's programs, so that no two makes ever
# share a build directory (make -j).
HOSTILE = tests/pages/hostile.md
H = $(B)/hostile
T = $(B)/rows-1000
H_PROGRAMS = tests/channel tests/search tests/auxchan tests/fuzz-lookup tests/fuzz-search
T_PROGRAMS = tests/channel tests/search
$(T).md: $(B)/bench/synth
	$(B)/bench/synth 1000 > $@.tmp && mv $@.tmp $@
page-make = @$(MAKE) --no-print-directory -s BUILDDIR=$(1) DATA=$(2) $(3:%=$(1)/%) 2>/dev/null || \
	$(MAKE) --no-print-directory BUILDDIR=$(1) DATA=$(2) $(3:%=$(1)/%)
$(H)/programs: FORCE
	$(call page-make,$(H),$(HOSTILE),$(H_PROGRAMS))
$(T)/programs: $(T).md FORCE
	$(call page-make,$(T),$(T).md,$(T_PROGRAMS))

# What make check runs, by name: PROGRAM PAGE BUILDDIR, by default
# $(B)/tests/NAME $(DATA) $(B).
CHECK_NAMES = $(TESTS)
CHECK_PAGES =
ifeq ($(PREBUILT),)
CHECK_NAMES += fuzz-lookup fuzz-search fuzz-generator hostile-channel hostile-search \
	hostile-auxchan hostile-fuzz-lookup hostile-fuzz-search buckets-channel buckets-search
CHECK_PAGES = $(H)/programs $(T)/programs
endif
CHECK_hostile-channel = $(H)/tests/channel $(HOSTILE) $(H)
CHECK_hostile-auxchan = $(H)/tests/auxchan $(HOSTILE) $(H)
CHECK_hostile-fuzz-lookup = $(H)/tests/fuzz-lookup $(HOSTILE) $(H)
CHECK_hostile-search = $(H)/tests/search $(HOSTILE) $(H)
CHECK_hostile-fuzz-search = $(H)/tests/fuzz-search $(HOSTILE) $(H)
CHECK_buckets-channel = $(T)/tests/channel $(T).md $(T)
CHECK_buckets-search = $(T)/tests/search $(T).md $(T)
check_run = $(1) $(or $(CHECK_$(1)),$(B)/tests/$(1) $(DATA) $(B))
CHECKS = $(foreach c,$(CHECK_NAMES),$(call check_run,$(c)))
CHECK_PROGRAMS = $(filter $(B)/tests/%,$(foreach c,$(CHECK_NAMES),$(word 2,$(call check_run,$(c)))))
# Built, not run: the benchmark keeps compiling (make bench runs it).
ifeq ($(PREBUILT),)
CHECK_PROGRAMS += $(B)/bench/bench
endif

check: all $(CHECK_PROGRAMS) $(CHECK_PAGES) | deps-check
	@$(TEST_ENV) sh tests/check.sh $(B)/tests $(CHECKS)

# valgrind: the generator over every page of the tests, and the checks that
# parse pages and look keys up in process; no error and no leak of any kind
# (99 is valgrind's exit status when it finds one).
VALGRIND = valgrind --quiet --error-exitcode=99 --leak-check=full \
	--show-leak-kinds=all --errors-for-leak-kinds=all
VALGRIND_PAGES = $(DATA) $(sort $(wildcard tests/pages/*.md tests/bad/*.md))
VALGRIND_CHECKS = page lint diff channel search hostile-channel fuzz-lookup fuzz-search \
	fuzz-generator

check-valgrind: $(B)/auxchan-gen $(CHECK_PROGRAMS) $(CHECK_PAGES) | deps-valgrind
	@TEST_PAGES='$(VALGRIND_PAGES)' VALGRIND='$(VALGRIND)' \
		sh tests/valgrind.sh $(B) $(foreach c,$(VALGRIND_CHECKS),$(call check_run,$(c)))

# The whole of make check again, every program built with AddressSanitizer
# and UndefinedBehaviorSanitizer (the first report stops the program), in a
# build directory of its own.  CC and CXX carry the flags, so that builds
# the tests make (host programs, other trees) are instrumented alike.
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
check-sanitize:
	@$(MAKE) --no-print-directory BUILDDIR=$(B)/sanitize CC="$(CC) $(SANITIZE)" \
		CXX="$(CXX) $(SANITIZE)" check

# ---- Fuzzing: `make fuzz FUZZ_SECONDS=N` --------------------------------
#
# libFuzzer (clang) runs each target N seconds: lookup and search on the
# seed's tables and on the hostile page's, then generator.  Everything is built in
# $(FUZZ_B), instrumented for coverage, AddressSanitizer and
# UndefinedBehaviorSanitizer; the corpora grow there too, from seeds: the
# keys of each page (auxchan --keys, and the links), the test pages, and
# tests/fuzz/TARGET/.  Any finding fails make fuzz and leaves its input in
# $(FUZZ_B)/findings/: fix it, and add the input to tests/fuzz/TARGET/.
FUZZ_SECONDS = 60
FUZZ_CC = clang
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_B = $(B)/fuzz
FUZZ_MAKE = $(MAKE) --no-print-directory -s CC="$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer-no-link"

fuzz: deps-fuzz
	@$(FUZZ_MAKE) BUILDDIR=$(FUZZ_B) all $(FUZZ_B)/fuzzer/lookup $(FUZZ_B)/fuzzer/search \
		$(FUZZ_B)/fuzzer/generator
	@$(FUZZ_MAKE) BUILDDIR=$(FUZZ_B)/hostile DATA=$(HOSTILE) all \
		$(FUZZ_B)/hostile/fuzzer/lookup $(FUZZ_B)/hostile/fuzzer/search 2>/dev/null
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(FUZZ_B) $(DATA) $(FUZZ_PAGES)

# ---- Benchmark: `make bench`, never part of `make check` -------------------
#
# tests/bench/bench.c says what it measures.  Its strongest peer is gperf
# used directly with --ignore-case on the same keys (tests/bench/peer.c
# writes its input); for synthetic pages it builds other tables, with this
# build's generator (GEN_B), and without the peer (BENCH_PEER=).

$(B)/bench/synth: tests/bench/synth.c tests/bench/rnd.h
	@mkdir -p $(@D)
	$(BUILD_CC) $(BUILD_ALL_CFLAGS) $(LDFLAGS) $< -o $@

$(B)/bench/peer: tests/bench/peer.c $(B)/libauxchan.a $(GEN_OBJ) $(LIB_HDR) gen/gperf.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LIB_CPPFLAGS) -Igen $(LDFLAGS) $< $(GEN_B)/gen/gperf.o \
		$(GEN_B)/gen/files.o $(B)/libauxchan.a -o $@

# gperf's output as its users compile it: trigraphs off (gnu11), its
# warnings its own.
$(B)/bench/peer.o: $(B)/bench/peer
	$(B)/bench/peer > $(B)/bench/peer.gperf
	cd $(B)/bench && $(GPERF) $(GPERFFLAGS) peer.gperf > peer.c
	$(CC) $(CFLAGS) -std=gnu11 -c $(B)/bench/peer.c -o $@

BENCH_PEER = $(B)/bench/peer.o
$(B)/bench/bench: tests/bench/bench.c tests/bench/rnd.h $(BENCH_PEER) $(B)/libauxchan.a \
                  $(GEN_OBJ) $(TEST_HDR) $(GEN_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LIB_CPPFLAGS) -Igen $(LDFLAGS) $< $(BENCH_PEER) $(B)/libauxchan.a \
		$(GEN_OBJ) $(GEN_LIBS) -o $@

# Baselines built with the library's flags: an empty shared object (its
# relocations are the toolchain's, not ours) and a bare process.
$(B)/bench/empty.so:
	@mkdir -p $(@D)
	printf 'typedef int empty;\n' > $(B)/bench/empty.c
	$(CC) $(ALL_CFLAGS) -fPIC -c $(B)/bench/empty.c -o $(B)/bench/empty.o
	$(CC) $(ALL_CFLAGS) -shared $(LDFLAGS) $(B)/bench/empty.o -o $@

$(B)/bench/hello:
	@mkdir -p $(@D)
	printf '#include <stdio.h>\nint main(void) { puts("hello, world"); return 0; }\n' \
		> $(B)/bench/hello.c
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(B)/bench/hello.c -o $@

bench: all $(B)/bench/bench $(B)/bench/synth $(B)/bench/empty.so $(B)/bench/hello
	@BENCH_MAKE='$(MAKE)' BENCH_SYNTH=$(B)/bench/synth $(B)/bench/bench $(DATA) $(B)

clean:
	rm -rf $(B)

FORCE:

.PHONY: all run diff update-page deps deps-update deps-valgrind deps-check deps-fuzz check check-valgrind \
        check-sanitize fuzz bench install install-lib install-cmd uninstall dist amalgamation clean FORCE
.DELETE_ON_ERROR:
