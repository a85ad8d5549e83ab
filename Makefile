# page_make BUILDDIR,PAGE,TESTS,GROUPS: one make builds a page's test programs,
# with the group pages GROUPS.
page_make = @$(MAKE) --no-print-directory -s BUILDDIR=$(1) DATA=$(2) GROUP_PAGES='$(4)' \
	$(3:%=$(1)/tests/%) 2>/dev/null || $(MAKE) --no-print-directory BUILDDIR=$(1) DATA=$(2) \
	GROUP_PAGES='$(4)' $(3:%=$(1)/tests/%)# auxchan: the Aux wiki's Matrix rooms as a compiled, allocation-free table.
#
#   make                      build the generator, the tables, the library
#                             and the command in $(BUILDDIR)
#   make run ARGS=python      build, then run: auxchan $(ARGS)
#   make check                build and run the tests (make -j too)
#   make DATA=page.md BUILDDIR=dir   the same from another page
#   make diff OLD=page.md [OLD_GROUP_PAGES=...]  the rooms (and groups)
#                             changed from OLD (and its group pages) to DATA
#   make update-page [URL=... GROUP_URLS=...]  fetch the wiki's pages, check
#                             them, show their changes, then replace DATA
#                             and GROUP_PAGES, all of them or none
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
#   make bench                the figures of doc/bench.md
#   make STRICT=1             the page's warnings are errors
#   make NO_WARN="check ..."  those warnings are not reported
#
# What a build may change is in config.mk.  Missing Debian packages are
# installed when make runs as root, else make stops with the command to
# run (gen/deps.sh).  A release tarball needs only a C compiler and make.

include config.mk

B = $(BUILDDIR)
GEN_B = $(B)
GEN = $(GEN_B)/auxchan-gen
# GEN_PAGE_FLAGS: all but the group pages, which make update-page names
# itself (its fetched copies).
GEN_PAGE_FLAGS = $(if $(filter 1 yes,$(STRICT)),--strict) $(NO_WARN:%=--no-warn=%) \
	$(WORDS:%=--words=%)
GEN_FLAGS = $(GEN_PAGE_FLAGS) $(GROUP_PAGES:%=--groups=%)
GEN_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(GEN_PKGS))
GEN_LIBS = $(shell $(PKG_CONFIG) --libs $(GEN_PKGS)) -lm
ALL_CFLAGS = $(STD_CFLAGS) $(REPRO_CFLAGS) $(CFLAGS)
BUILD_ALL_CFLAGS = $(STD_CFLAGS) $(REPRO_CFLAGS) $(BUILD_CFLAGS)
LIB_CPPFLAGS = -Iinclude -Isrc -I$(B) $(CPPFLAGS)

GEN_SRC = gen/alias.c gen/charter.c gen/diag.c gen/diff.c gen/files.c gen/front.c gen/gperf.c gen/group.c \
          gen/index.c gen/lint.c gen/markdown.c gen/page.c gen/pool.c gen/room.c gen/scan.c gen/search.c gen/table.c \
          gen/text.c gen/words.c
GEN_HDR = gen/alias.h gen/charter.h gen/diag.h gen/diff.h gen/files.h gen/front.h gen/gperf.h gen/group.h \
          gen/index.h gen/lint.h gen/markdown.h gen/mem.h gen/page.h gen/pool.h gen/room.h gen/scan.h \
          gen/search.h gen/table.h gen/text.h gen/words.h src/json.h src/key.h src/link.h \
          src/rank.h src/stem.h src/utf8.h src/word.h include/auxchan.h
GEN_OBJ = $(GEN_SRC:gen/%.c=$(GEN_B)/gen/%.o)
TABLE = $(B)/room_data.h $(B)/room_gperf.c $(B)/search_data.h $(B)/search_gperf.c
LIB_SRC = src/room.c src/search.c
LIB_PRIVATE_HDR = src/gperf.h src/key.h src/link.h src/rank.h src/stem.h src/table.h src/word.h
LIB_HDR = include/auxchan.h $(LIB_PRIVATE_HDR)
CMD_HDR = src/json.h src/utf8.h
COMPLETIONS = $(B)/auxchan.bash $(B)/auxchan.zsh $(B)/auxchan.fish

# Tests: one program a module, tests/NAME.c, run as `NAME PAGE BUILDDIR`
# by tests/check.sh.  Those of the library and the command, then those of
# the generator (which need cmark-gfm and libyaml).
LIB_TESTS = link alias group room search auxchan
GEN_TESTS = page lint diff update gen package stem words charter table
TEST_HDR = tests/allocations.h tests/check.h tests/object.h tests/pages.h tests/reference.h \
           tests/questions.h tests/run.h tests/score.h tests/seed.h
HOSTILE = tests/pages/hostile.md
HOSTILE_GROUPS = tests/pages/hostile-groups.md
TEST_PAGES = $(sort $(wildcard tests/pages/*.md tests/bad/*.md tests/bad/groups/*.md))
# The tools and flags the scripts and the tests run come in the
# environment, never quoted into a command: a value with a quote stays a
# value.  The tests' own makes start afresh (MAKEFLAGS=): serial, whatever
# -j make check had, and given only what they are told.
export MAKE CC CXX CFLAGS VERSION GPERF PKG_CONFIG FUZZ_CC VALGRIND
TEST_ENV = MAKEFLAGS=
SANITIZE = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# checks PREFIX,PAGE,BUILDDIR,TESTS: check.sh's arguments, NAME PROGRAM
# PAGE BUILDDIR for each test.
checks = $(foreach t,$(4),$(1)$(t) $(3)/tests/$(t) $(2) $(3))
# page_make BUILDDIR,PAGE,TESTS,GROUPS: one make builds a page's test
# programs, with the group pages GROUPS (none if empty).
page_make = @$(MAKE) --no-print-directory -s BUILDDIR=$(1) DATA=$(2) GROUP_PAGES='$(4)' \
	$(3:%=$(1)/tests/%) 2>/dev/null || $(MAKE) --no-print-directory BUILDDIR=$(1) DATA=$(2) \
	GROUP_PAGES='$(4)' $(3:%=$(1)/tests/%)

# make with no target builds all (the included files' rules come first).
.DEFAULT_GOAL := all

include mk/vars.mk
include mk/namespace.mk
include mk/dist.mk
include mk/$(if $(PREBUILT),prebuilt,generate).mk
include mk/install.mk
include mk/fuzz.mk
include mk/bench.mk

all: $(foreach p,$(PARTS),$(BUILT_$(p)))

# ARGS, URL and GROUP_URLS reach their commands through the environment:
# any text, never code.  ARGS is split at blanks (no quoting, no pattern),
# GROUP_URLS too, by the script.  GROUP_URLS is expanded (its default
# depends on DATA): a value given has no '$' (vars.mk).
run: export AUXCHAN_ARGS = $(value ARGS)
run: all
	set -f; $(B)/auxchan $$AUXCHAN_ARGS

diff: $(GEN)
	@test -n '$(OLD)' || { echo 'make diff: name the old page: make diff OLD=page.md' >&2; exit 2; }
	$(GEN) $(GEN_FLAGS) $(OLD_GROUP_PAGES:%=--old-groups=%) --diff $(OLD) $(DATA) || \
		test $$? -eq 1

update-page: export AUXCHAN_URL = $(value URL)
update-page: export AUXCHAN_GROUP_URLS = $(GROUP_URLS)
update-page: $(GEN) | deps-update
	sh gen/update-page.sh $(GEN) "$$AUXCHAN_URL" $(DATA) "$$AUXCHAN_GROUP_URLS" $(GROUP_PAGES) \
		-- $(GEN_PAGE_FLAGS)

# Each step's Debian packages (gen/deps.sh): targets of a fixed list, so
# that no target name typed reaches the shell.
DEPS_STEPS = build check valgrind update fuzz
$(DEPS_STEPS:%=deps-%):
	@sh gen/deps.sh $(@:deps-%=%)

# The generator.  gen.stamp: what the tables come from besides the page's
# date, as a file that changes when any of it does (the generator's flags,
# the page's path and its checksum, the vocabulary's), so a build
# directory never serves a stale page.
$(GEN_B)/gen/%.o: gen/%.c $(GEN_HDR) | deps
	@mkdir -p $(@D)
	$(BUILD_CC) $(BUILD_ALL_CFLAGS) $(LIB_CPPFLAGS) -Igen $(GEN_CFLAGS) -c $< -o $@

$(GEN): $(GEN_B)/gen/gen.o $(GEN_OBJ)
	$(BUILD_CC) $(BUILD_ALL_CFLAGS) $(LDFLAGS) $^ $(GEN_LIBS) -o $@

GEN_STAMP = { echo '$(GEN_FLAGS)'; echo '$(DATA)'; cksum < '$(DATA)' 2>/dev/null; \
	$(foreach f,$(WORDS) $(GROUP_PAGES),cksum < '$(f)' 2>/dev/null;) }
$(B)/gen.stamp: FORCE
	@mkdir -p $(B)
	@$(GEN_STAMP) | cmp -s - $@ || $(GEN_STAMP) > $@

# The library: libauxchan.a, and libauxchan.so.MAJOR.MINOR.PATCH with its
# soname and the link for -lauxchan, both of the same objects, compiled
# once as position-independent code (PIC_CFLAGS): a program linked with
# the archive is a PIE, whose linker turns the PIC's GOT loads and PLT
# calls of symbols it defines into direct ones.  -Bsymbolic-functions: the
# search's calls of the lookup stay inside the shared library, with no
# relocation, as -fno-semantic-interposition told the compiler.
$(LIB_OBJ): $(NS_OBJ)/%.o: $(NS_SRC)/%.c $(TABLE) $(NS_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(PIC_CFLAGS) $(NS_CPPFLAGS) -c $< -o $@

$(B)/$(LIB).a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcD $@ $^

$(B)/$(SHLIB): $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,-Bsymbolic-functions $(LDFLAGS) $^ \
		-o $@

$(B)/$(LIB).so: $(B)/$(SHLIB)
	ln -sf $(SHLIB) $(B)/$(SONAME)
	ln -sf $(SONAME) $@

# The command, and its completions for bash, zsh and fish with the keys.
$(B)/auxchan: src/auxchan.c $(B)/libauxchan.a $(LIB_HDR) $(CMD_HDR)
	$(CC) $(ALL_CFLAGS) $(LIB_CPPFLAGS) $(LDFLAGS) src/auxchan.c $(B)/libauxchan.a -o $@

$(COMPLETIONS): $(B)/auxchan.%: src/auxchan.% src/completion.sh $(B)/auxchan.keys
	sh src/completion.sh $< $(B)/auxchan.keys > $@.tmp && mv $@.tmp $@

# The tests.  What a test needs beyond its page and build directory comes
# in the environment (TEST_ENV); the programs of other pages are built by
# makes of their own (CHECK_PAGES).
$(B)/tests/%: tests/%.c $(TEST_OBJ) $(B)/libauxchan.a $(TEST_HDR) $(GEN_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LIB_CPPFLAGS) -Igen -Itests $(TEST_CPPFLAGS) $(LDFLAGS) \
		$< $(TEST_OBJ) $(B)/libauxchan.a $(TEST_LIBS) -o $@
$(B)/tests/auxchan: | $(B)/auxchan

# make check builds what it runs with as many jobs as processors, unless
# make was given -j (then with its jobs); the checks that take longest
# (SLOW_TESTS), then those of the other pages, start first, so that the
# short ones fill the slots at the end.
NPROC := $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
CHECK_JOBS = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(NPROC))
SLOW_TESTS = $(filter package gen,$(CHECK_TESTS))
check: | deps-check
	@$(MAKE) --no-print-directory $(CHECK_JOBS) check-programs
	@$(TEST_ENV) sh tests/check.sh $(B)/tests \
		$(call checks,,$(DATA),$(B),$(SLOW_TESTS)) $(CHECK_MORE) \
		$(call checks,,$(DATA),$(B),$(filter-out $(SLOW_TESTS),$(CHECK_TESTS)))

check-programs: all $(CHECK_TESTS:%=$(B)/tests/%) $(CHECK_BUILT) $(CHECK_PAGES) | deps-check

# make check again, every program built with AddressSanitizer and
# UndefinedBehaviorSanitizer (the first report stops the program), in a
# build directory of its own.  CC and CXX carry the flags, so that builds
# the tests make (host programs, other trees) are instrumented alike.
check-sanitize:
	@$(MAKE) --no-print-directory BUILDDIR=$(B)/sanitize CC="$(CC) $(SANITIZE)" \
		CXX="$(CXX) $(SANITIZE)" check

clean:
	rm -rf $(B)

FORCE:

.PHONY: all run diff update-page deps $(DEPS_STEPS:%=deps-%) check check-programs check-sanitize clean FORCE
.DELETE_ON_ERROR:
