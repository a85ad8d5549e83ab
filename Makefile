# auxchan: the Aux wiki's Matrix rooms as a compiled, allocation-free table.
#
#   make                      build the generator, the tables, the library
#                             and the command in $(BUILDDIR)
#   make run ARGS=python      build, then run: auxchan $(ARGS)
#   make check                build and run the tests
#   make DATA=page.md BUILDDIR=dir   the same from another page
#   make install [DESTDIR=... PREFIX=/usr/local BINDIR LIBDIR INCLUDEDIR MANDIR]
#   make uninstall            remove exactly what install put there
#   make dist                 auxchan-VERSION.tar.gz, buildable without the
#                             generator, gperf, cmark-gfm or libyaml
#   make amalgamation         $(BUILDDIR)/amalgamation/auxchan.[ch]
#   make check-sanitize       make check under ASan and UBSan
#   make check-valgrind       the generator and the tests under valgrind
#   make fuzz FUZZ_SECONDS=N  each libFuzzer target N seconds (clang)
#   make bench                the figures of the README
#
# Needs gperf, libcmark-gfm(-extensions) and libyaml: missing Debian
# packages are installed when make runs as root, else make stops with the
# command to run.  A release tarball needs only a C compiler and make.

VERSION := $(shell sed -n 's/^\#define AUXCHAN_VERSION "\(.*\)"$$/\1/p' include/auxchan.h)
MAJOR = $(firstword $(subst ., ,$(VERSION)))
BUILDDIR = build
DATA = data/matrix.md
ARGS = --list

CFLAGS ?= -O2 -g
STD_CFLAGS = -std=c11 -Wall -Wextra -Werror
GPERF = gperf
GPERFFLAGS =
PKG_CONFIG = pkg-config
GEN_PKGS = libcmark-gfm yaml-0.1
# make STRICT=1: warnings are errors; make NO_WARN="check ...": not reported.
GEN_FLAGS = $(if $(filter 1 yes,$(STRICT)),--strict) $(NO_WARN:%=--no-warn=%)
DEB_PACKAGES = gperf pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev

B = $(BUILDDIR)
# A release tarball carries the seed's tables, generated (see dist): the
# library and the command are built from them, without the generator.
PREBUILT = $(if $(wildcard generated/channel_data.h),$(if $(filter data/matrix.md,$(DATA)),generated))
# Expanded when used, so after the deps check has had a chance to install them.
GEN_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(GEN_PKGS))
GEN_LIBS = $(shell $(PKG_CONFIG) --libs $(GEN_PKGS))

# Reproducible: no path of the source tree in objects (debug information).
REPRO_CFLAGS = -ffile-prefix-map=$(CURDIR)=.
ALL_CFLAGS = $(STD_CFLAGS) $(REPRO_CFLAGS) $(CFLAGS)
LIB_CPPFLAGS = -Iinclude -Isrc -I$(B) $(CPPFLAGS)

GEN_SRC = gen/alias.c gen/channel.c gen/diag.c gen/group.c gen/lint.c gen/page.c
GEN_OBJ = $(GEN_SRC:gen/%.c=$(B)/gen/%.o)
GEN_HDR = gen/alias.h gen/channel.h gen/diag.h gen/group.h gen/lint.h gen/mem.h gen/page.h \
          src/key.h src/link.h src/utf8.h include/auxchan.h
TABLE = $(B)/channel_data.h $(B)/channel_keys.c $(B)/channel_rooms.c
LIB_HDR = include/auxchan.h src/key.h src/link.h

SONAME = libauxchan.so.$(MAJOR)
SHLIB = libauxchan.so.$(VERSION)

all: $(B)/auxchan $(B)/libauxchan.a $(B)/libauxchan.so $(B)/auxchan.bash

run: all
	$(B)/auxchan $(ARGS)

# ---- Build dependencies ---------------------------------------------------

# $(call need,TEST,PACKAGES): adds the Debian PACKAGES to the missing ones
# unless the shell TEST passes; $(install_missing) then installs them when
# run as root, or stops naming the command to run.
need = { $(1); } >/dev/null 2>&1 || missing="$$missing $(2)";
install_missing = \
	[ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" != 0 ]; then \
		echo "auxchan: missing build dependencies; install them with:" >&2; \
		echo "    sudo apt-get install -y$$missing" >&2; \
		exit 1; \
	fi; \
	echo "auxchan: installing$$missing"; \
	export DEBIAN_FRONTEND=noninteractive; \
	apt-get install -y --no-install-recommends $$missing || \
	{ apt-get update && apt-get install -y --no-install-recommends $$missing; }

ifneq ($(PREBUILT),)
deps: # the tables are built: the library and the command need nothing
else
deps:
	@missing=; \
	$(call need,command -v $(GPERF),gperf) \
	$(call need,command -v $(PKG_CONFIG),pkg-config) \
	$(call need,$(PKG_CONFIG) --exists libcmark-gfm,libcmark-gfm-dev libcmark-gfm-extensions-dev) \
	$(call need,$(PKG_CONFIG) --exists yaml-0.1,libyaml-dev) \
	$(install_missing)
endif

deps-valgrind:
	@missing=; $(call need,command -v valgrind,valgrind) $(install_missing)

# What the tests use beyond the build: groff (man pages), a C++ compiler
# (the header from C++), bash (completion), git (dist, the sources).
deps-check:
	@missing=; \
	$(call need,command -v groff,groff-base) \
	$(call need,command -v $(firstword $(CXX)),g++) \
	$(call need,command -v bash,bash) \
	$(call need,command -v git,git) \
	$(install_missing)

# ---- The generator and the tables -----------------------------------------

$(B)/gen/%.o: gen/%.c $(GEN_HDR) | deps
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LIB_CPPFLAGS) -Igen $(GEN_CFLAGS) -c $< -o $@

$(B)/auxchan-gen: $(B)/gen/gen.o $(GEN_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $^ $(GEN_LIBS) -o $@

# The generator's flags, as a file that changes when they do (STRICT=1).
$(B)/gen.flags: FORCE
	@mkdir -p $(B)
	@echo '$(GEN_FLAGS)' | cmp -s - $@ || echo '$(GEN_FLAGS)' > $@

ifneq ($(PREBUILT),)
$(TABLE): $(B)/%: $(PREBUILT)/%
	@mkdir -p $(@D)
	cp $< $@
else
# One run writes the three files, each renamed into place only on success.
$(B)/channel_data.h $(B)/channel_keys.gperf $(B)/channel_rooms.gperf &: $(DATA) $(B)/auxchan-gen $(B)/gen.flags
	$(B)/auxchan-gen $(GEN_FLAGS) -o $(B) $(DATA)

# gperf runs in $(B) on a relative name, so its output names no build path,
# with the options the generator chose for the table ("gperf options:").
$(B)/channel_%.c: $(B)/channel_%.gperf
	cd $(B) && { \
		echo "/* Generated by gperf from channel_$*.gperf (written by auxchan-gen): do not edit. */"; \
		$(GPERF) $$($(GPERF_OPTIONS) channel_$*.gperf) $(GPERFFLAGS) channel_$*.gperf; \
	} > channel_$*.c.tmp && mv channel_$*.c.tmp channel_$*.c
endif
GPERF_OPTIONS = sed -n 's,^/\* gperf options: \(.*\) \*/$$,\1,p'

# ---- The library and the command ------------------------------------------

$(B)/channel.o: src/channel.c $(TABLE) $(LIB_HDR)
	$(CC) $(ALL_CFLAGS) $(LIB_CPPFLAGS) -c $< -o $@

$(B)/pic/channel.o: src/channel.c $(TABLE) $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC $(LIB_CPPFLAGS) -c $< -o $@

$(B)/libauxchan.a: $(B)/channel.o
	rm -f $@
	$(AR) rcD $@ $^

# libauxchan.so.MAJOR.MINOR.PATCH, its soname libauxchan.so.MAJOR, and the
# link for -lauxchan.
$(B)/$(SHLIB): $(B)/pic/channel.o
	$(CC) $(ALL_CFLAGS) -shared -Wl,-soname,$(SONAME) $(LDFLAGS) $^ -o $@

$(B)/libauxchan.so: $(B)/$(SHLIB)
	ln -sf $(SHLIB) $(B)/$(SONAME)
	ln -sf $(SONAME) $@

$(B)/auxchan: src/auxchan.c $(B)/libauxchan.a $(LIB_HDR) src/utf8.h
	$(CC) $(ALL_CFLAGS) $(LIB_CPPFLAGS) $(LDFLAGS) src/auxchan.c $(B)/libauxchan.a -o $@

# ---- Installing ------------------------------------------------------------

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
LIBDIR = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
MANDIR = $(PREFIX)/share/man
PKGCONFIGDIR = $(LIBDIR)/pkgconfig
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions

# The pkg-config file names the directories of the install: written then.
PC_LINES = '\# Generated by make install: do not edit.' \
	'libdir=$(LIBDIR)' 'includedir=$(INCLUDEDIR)' '' 'Name: auxchan' \
	"Description: The Aux community's Matrix rooms, compiled into a lookup table" \
	'Version: $(VERSION)' 'Libs: -L$${libdir} -lauxchan' 'Cflags: -I$${includedir}'

# The bash completion: src/auxchan.bash with the keys of the table.
$(B)/auxchan.bash: src/auxchan.bash $(B)/auxchan
	{ echo '# Generated by make from src/auxchan.bash and `auxchan --keys`: do not edit.'; \
	  sed '/^@KEYS@$$/,$$d' src/auxchan.bash; \
	  $(B)/auxchan --keys | sed 's/^/|/'; \
	  sed '1,/^@KEYS@$$/d' src/auxchan.bash; } > $@.tmp && mv $@.tmp $@

INSTALLED = $(BINDIR)/auxchan $(INCLUDEDIR)/auxchan.h $(LIBDIR)/libauxchan.a \
            $(LIBDIR)/$(SHLIB) $(LIBDIR)/$(SONAME) $(LIBDIR)/libauxchan.so \
            $(PKGCONFIGDIR)/auxchan.pc $(MANDIR)/man1/auxchan.1 $(MANDIR)/man3/auxchan.3 \
            $(BASHCOMPDIR)/auxchan

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR) \
		$(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 \
		$(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(B)/auxchan $(DESTDIR)$(BINDIR)/auxchan
	install -m 644 include/auxchan.h $(DESTDIR)$(INCLUDEDIR)/auxchan.h
	install -m 644 $(B)/libauxchan.a $(DESTDIR)$(LIBDIR)/libauxchan.a
	install -m 755 $(B)/$(SHLIB) $(DESTDIR)$(LIBDIR)/$(SHLIB)
	ln -sf $(SHLIB) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libauxchan.so
	printf '%s\n' $(PC_LINES) > $(DESTDIR)$(PKGCONFIGDIR)/auxchan.pc
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/auxchan.pc
	install -m 644 src/auxchan.1 $(DESTDIR)$(MANDIR)/man1/auxchan.1
	install -m 644 include/auxchan.3 $(DESTDIR)$(MANDIR)/man3/auxchan.3
	install -m 644 $(B)/auxchan.bash $(DESTDIR)$(BASHCOMPDIR)/auxchan

uninstall:
	rm -f $(INSTALLED:%=$(DESTDIR)%)

# ---- Release tarball and amalgamation ---------------------------------------

# The sources git tracks, and the seed's tables, generated: built from the
# tarball, make needs neither the generator nor gperf (see PREBUILT).
# Deterministic: sorted names, fixed times and owners, gzip without name.
DIST = auxchan-$(VERSION)
dist: $(TABLE)
	rm -rf $(B)/dist && mkdir -p $(B)/dist/$(DIST)/generated
	git ls-files -z | xargs -0 cp --parents -t $(B)/dist/$(DIST)
	cp $(TABLE) $(B)/dist/$(DIST)/generated/
	cd $(B)/dist && tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
		--format=ustar -cf - $(DIST) | gzip -n -9 > $(CURDIR)/$(DIST).tar.gz
	@echo "$(DIST).tar.gz"

# One C file with the library and its tables, and its header: every local
# #include of src/channel.c replaced by the file, once.  The shared headers'
# static functions the library does not use are not warned about there
# (clang judges that at the end of the file, so for all of it).
AMALG = $(B)/amalgamation
$(AMALG)/auxchan.c: src/channel.c $(TABLE) $(LIB_HDR)
	@mkdir -p $(@D)
	{ echo '/* Generated by make from src/channel.c and its includes: do not edit. */'; \
	  echo '/* Headers shared with the generator bring functions unused here. */'; \
	  echo '#pragma GCC diagnostic ignored "-Wunused-function"'; \
	  awk -v dirs="src include $(B)" ' \
	    function expand(file,   line, name, n, d, i, path) { \
	      while ((getline line < file) > 0) { \
	        if (line ~ /^#include "[^"]*"/ && line !~ /"auxchan.h"/) { \
	          name = line; sub(/^#include "/, "", name); sub(/".*/, "", name); \
	          if (!(name in done)) { done[name] = 1; n = split(dirs, d, " "); \
	            for (i = 1; i <= n; i++) { path = d[i] "/" name; \
	              if ((getline probe < path) >= 0) { close(path); expand(path); break } } } \
	        } else print line } \
	      close(file) } \
	    BEGIN { expand("src/channel.c") }'; } > $@.tmp && mv $@.tmp $@

$(AMALG)/auxchan.h: include/auxchan.h
	@mkdir -p $(@D)
	cp include/auxchan.h $@

amalgamation: $(AMALG)/auxchan.c $(AMALG)/auxchan.h

# ---- Tests ------------------------------------------------------------------

TESTS = link alias group page lint channel auxchan gen package
TEST_HDR = tests/check.h tests/object.h tests/pages.h tests/reference.h tests/run.h

$(B)/tests/link: tests/link.c $(TEST_HDR) $(GEN_HDR)
$(B)/tests/alias: tests/alias.c $(B)/gen/alias.o $(TEST_HDR) $(GEN_HDR)
$(B)/tests/group: tests/group.c $(B)/gen/group.o $(TEST_HDR) $(GEN_HDR)
$(B)/tests/page: tests/page.c $(GEN_OBJ) $(TEST_HDR) $(GEN_HDR)
$(B)/tests/lint: tests/lint.c $(GEN_OBJ) $(TEST_HDR) $(GEN_HDR)
$(B)/tests/auxchan: tests/auxchan.c $(TEST_HDR)
$(B)/tests/gen: tests/gen.c $(TEST_HDR)
$(B)/tests/package: tests/package.c $(TEST_HDR)
$(TESTS:%=$(B)/tests/%):
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LIB_CPPFLAGS) -Igen $(TEST_CPPFLAGS) $(LDFLAGS) \
		$(filter %.c %.o %.a,$^) $(GEN_LIBS) -o $@

# The fuzz targets (tests/fuzz/): built with replay.c, they run the saved
# inputs of tests/fuzz/TARGET/ (and, for the generator, every page of the
# tests) in make check; built with libFuzzer, they are make fuzz.
FUZZ_PAGES = $(sort $(wildcard tests/pages/*.md tests/bad/*.md))
FUZZ_HDR = $(TEST_HDR) $(GEN_HDR)
FUZZ_CPPFLAGS = $(LIB_CPPFLAGS) -Igen -Itests -DFUZZ_PAGE='"$(DATA)"'
$(B)/tests/fuzz-lookup: tests/fuzz/lookup.c tests/fuzz/replay.c $(B)/libauxchan.a $(GEN_OBJ) \
                        $(FUZZ_HDR)
$(B)/tests/fuzz-generator: tests/fuzz/generator.c tests/fuzz/replay.c $(GEN_OBJ) $(FUZZ_HDR)
$(B)/fuzzer/lookup: tests/fuzz/lookup.c $(B)/libauxchan.a $(GEN_OBJ) $(FUZZ_HDR)
$(B)/fuzzer/generator: tests/fuzz/generator.c $(GEN_OBJ) $(FUZZ_HDR)
$(B)/tests/fuzz-%:
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(FUZZ_CPPFLAGS) $(LDFLAGS) $(filter %.c %.o %.a,$^) $(GEN_LIBS) -o $@
$(B)/fuzzer/%:
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(FUZZ_CPPFLAGS) -fsanitize=fuzzer $(LDFLAGS) \
		$(filter %.c %.o %.a,$^) $(GEN_LIBS) -o $@

# The hostile page: text made to break generated C and gperf input, built
# like any page (generated code must compile with -Werror whatever the page
# says) and tested by the same programs.
HOSTILE = tests/pages/hostile.md
H = $(B)/hostile
$(H)/auxchan $(H)/tests/channel $(H)/tests/auxchan $(H)/tests/fuzz-lookup: FORCE
	@$(MAKE) --no-print-directory -s BUILDDIR=$(H) DATA=$(HOSTILE) $@ 2>/dev/null || \
		$(MAKE) --no-print-directory BUILDDIR=$(H) DATA=$(HOSTILE) $@

# A page of 300 synthetic rows: over 1,000 keys, so its localparts get a
# gperf table of their own (gen/channel.c), which the seed and hostile
# pages, with one table, do not exercise.
T = $(B)/rows-300
$(T).md: $(B)/bench/synth
	$(B)/bench/synth 300 > $@.tmp && mv $@.tmp $@
$(T)/tests/channel: $(T).md FORCE
	@$(MAKE) --no-print-directory -s BUILDDIR=$(T) DATA=$(T).md $@ 2>/dev/null || \
		$(MAKE) --no-print-directory BUILDDIR=$(T) DATA=$(T).md $@

# What `make check` runs: a name, then the program and its arguments.
RUN_link = $(B)/tests/link
RUN_alias = $(B)/tests/alias
RUN_group = $(B)/tests/group
RUN_page = $(B)/tests/page
RUN_lint = $(B)/tests/lint
RUN_channel = $(B)/tests/channel $(DATA) $(B)
RUN_auxchan = $(B)/tests/auxchan $(B)/auxchan $(DATA)
RUN_gen = $(B)/tests/gen $(B)/auxchan-gen $(B) $(MAKE)
RUN_package = $(B)/tests/package "$(MAKE)" $(B) "$(CC)" "$(CXX)" $(VERSION)
RUN_hostile-channel = $(H)/tests/channel $(HOSTILE) $(H)
RUN_hostile-auxchan = $(H)/tests/auxchan $(H)/auxchan $(HOSTILE)
RUN_fuzz-lookup = $(B)/tests/fuzz-lookup fuzz-lookup tests/fuzz/lookup
RUN_fuzz-generator = $(B)/tests/fuzz-generator fuzz-generator tests/fuzz/generator \
	$(DATA) $(FUZZ_PAGES)
RUN_hostile-fuzz-lookup = $(H)/tests/fuzz-lookup hostile-fuzz-lookup tests/fuzz/lookup
RUN_two-tables-channel = $(T)/tests/channel $(T).md $(T)
CHECKS = $(TESTS) fuzz-lookup fuzz-generator hostile-channel hostile-auxchan hostile-fuzz-lookup \
	two-tables-channel
CHECK_NEEDS = $(T)/tests/channel $(H)/auxchan $(H)/tests/channel $(H)/tests/auxchan $(H)/tests/fuzz-lookup \
	$(B)/tests/fuzz-lookup $(B)/tests/fuzz-generator

# Built from a release tarball: no generator, no cmark-gfm, no libyaml.  The
# tests of the library and the command run; those of the generator cannot.
ifneq ($(PREBUILT),)
TESTS = link alias group channel auxchan
CHECKS = $(TESTS)
CHECK_NEEDS =
GEN_LIBS =
TEST_CPPFLAGS = -DCHANNEL_NO_PAGE
$(B)/tests/channel: tests/channel.c $(B)/libauxchan.a $(B)/gen/group.o $(TEST_HDR) $(GEN_HDR) | $(B)/pic/channel.o
else
$(B)/tests/channel: tests/channel.c $(B)/libauxchan.a $(GEN_OBJ) $(TEST_HDR) $(GEN_HDR) | $(B)/pic/channel.o
endif

# Runs each check, shows its failures, and adds up its last line,
# "NAME: P passed, F failed"; a program that dies counts one failure more.
check: all $(TESTS:%=$(B)/tests/%) $(CHECK_NEEDS) | deps-check
	@pass=0; fail=0; \
	run() { \
		name=$$1; shift; log=$(B)/tests/$$name.log; \
		"$$@" > $$log 2>&1; rc=$$?; \
		grep -v ': [0-9]* passed, [0-9]* failed$$' $$log; \
		last=$$(tail -n 1 $$log); \
		case "$$last" in \
		*": "*" passed, "*" failed") \
			p=$${last##*: }; p=$${p%% passed*}; f=$${last##*passed, }; f=$${f%% failed};; \
		*) p=0; f=0;; \
		esac; \
		[ $$rc -ne 0 ] && [ "$$f" -eq 0 ] && { echo "$$name: exited with status $$rc"; f=1; }; \
		echo "$$name: $$p passed, $$f failed"; \
		pass=$$((pass + p)); fail=$$((fail + f)); \
	}; \
	$(foreach c,$(CHECKS),run $(c) $(RUN_$(c));) \
	echo "$$pass passed, $$fail failed"; \
	[ $$fail -eq 0 ]

# valgrind: the generator over every page of the tests, and the tests that
# parse pages and look keys up in process; no error and no leak of any kind
# (99 is valgrind's exit status when it finds one).
VALGRIND = valgrind --quiet --error-exitcode=99 --leak-check=full \
	--show-leak-kinds=all --errors-for-leak-kinds=all
VALGRIND_PAGES = $(DATA) $(sort $(wildcard tests/pages/*.md tests/bad/*.md))
VALGRIND_TESTS = page lint channel hostile-channel fuzz-lookup fuzz-generator

check-valgrind: $(B)/auxchan-gen $(B)/tests/page $(B)/tests/lint $(B)/tests/channel \
                $(H)/tests/channel $(B)/tests/fuzz-lookup $(B)/tests/fuzz-generator | deps-valgrind
	@mkdir -p $(B)/valgrind; n=0; bad=0; \
	for p in $(VALGRIND_PAGES); do \
		n=$$((n + 1)); \
		$(VALGRIND) $(B)/auxchan-gen -o $(B)/valgrind $$p >/dev/null 2>$(B)/valgrind/log; \
		if [ $$? -eq 99 ]; then bad=$$((bad + 1)); echo "valgrind: $$p:"; cat $(B)/valgrind/log; fi; \
	done; \
	echo "valgrind: auxchan-gen on $$n pages: $$bad with errors or leaks"; \
	$(foreach t,$(VALGRIND_TESTS),n=$$((n + 1)); \
		$(VALGRIND) $(RUN_$(t)) >$(B)/valgrind/log 2>&1; \
		if [ $$? -ne 0 ]; then bad=$$((bad + 1)); echo "valgrind: $(t):"; cat $(B)/valgrind/log; \
		else echo "valgrind: $(t): clean"; fi;) \
	echo "valgrind: $$n runs, $$bad with errors, leaks or failures"; \
	[ $$bad -eq 0 ]

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
# libFuzzer (clang) runs each target N seconds: lookup on the seed's tables
# and on the hostile page's, then generator.  Everything is built in
# $(FUZZ_B), instrumented for coverage, AddressSanitizer and
# UndefinedBehaviorSanitizer; the corpora grow there too, from seeds: the
# keys of each page (auxchan --keys, and the links), the test pages, and
# tests/fuzz/TARGET/.  Any finding fails make fuzz and leaves its input in
# $(FUZZ_B)/findings/: fix it, and add the input to tests/fuzz/TARGET/.
FUZZ_SECONDS = 60
FUZZ_CC = clang
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_B = $(B)/fuzz
FUZZ_OPTS = -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1
FUZZ_MAKE = $(MAKE) --no-print-directory -s CC="$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer-no-link"

deps-fuzz:
	@missing=; \
	$(call need,printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\
		{ return (int)n * 0 + !d; }' | $(FUZZ_CC) -fsanitize=fuzzer -x c - -o /dev/null,\
		clang libclang-rt-dev) \
	$(install_missing)

# $(call fuzz_run,NAME,PROGRAM,SEED DIRECTORIES,OPTIONS)
fuzz_run = \
	echo "fuzz: $(1), $(FUZZ_SECONDS) s"; \
	mkdir -p $(FUZZ_B)/corpus/$(1) $(FUZZ_B)/findings; \
	if $(2) $(FUZZ_OPTS) $(4) -artifact_prefix=$(FUZZ_B)/findings/$(1)- \
		$(FUZZ_B)/corpus/$(1) $(3) > $(FUZZ_B)/$(1).log 2>&1; then \
		grep -E '^(Done|stat::number_of_executed_units|\#[0-9]+.*DONE)' $(FUZZ_B)/$(1).log \
			| sed 's/^/fuzz: $(1): /'; \
	else \
		tail -n 60 $(FUZZ_B)/$(1).log; echo "fuzz: $(1): FAILED (log: $(FUZZ_B)/$(1).log)"; \
		exit 1; \
	fi;

# Seeds of a lookup corpus: each key of the page's tables, and its links.
fuzz_keys = \
	rm -rf $(2) && mkdir -p $(2) && \
	{ $(1)/auxchan --keys; $(1)/auxchan --list --format=tsv | cut -f 4 | tail -n +2; } | \
	awk -v dir=$(2) '{ f = dir "/key-" NR; printf "%s", $$0 > f; close(f) }';

fuzz: deps-fuzz
	@$(FUZZ_MAKE) BUILDDIR=$(FUZZ_B) all $(FUZZ_B)/fuzzer/lookup $(FUZZ_B)/fuzzer/generator
	@$(FUZZ_MAKE) BUILDDIR=$(FUZZ_B)/hostile DATA=$(HOSTILE) all \
		$(FUZZ_B)/hostile/fuzzer/lookup 2>/dev/null
	@set -e; \
	$(call fuzz_keys,$(FUZZ_B),$(FUZZ_B)/seed/lookup) \
	$(call fuzz_keys,$(FUZZ_B)/hostile,$(FUZZ_B)/seed/hostile-lookup) \
	rm -rf $(FUZZ_B)/seed/generator && mkdir -p $(FUZZ_B)/seed/generator && \
	cp $(DATA) $(FUZZ_PAGES) $(FUZZ_B)/seed/generator/; \
	$(call fuzz_run,lookup,$(FUZZ_B)/fuzzer/lookup,$(FUZZ_B)/seed/lookup tests/fuzz/lookup,\
		-max_len=600 -dict=tests/fuzz/lookup.dict) \
	$(call fuzz_run,hostile-lookup,$(FUZZ_B)/hostile/fuzzer/lookup,\
		$(FUZZ_B)/seed/hostile-lookup tests/fuzz/lookup,-max_len=600 -dict=tests/fuzz/lookup.dict) \
	$(call fuzz_run,generator,$(FUZZ_B)/fuzzer/generator,\
		$(FUZZ_B)/seed/generator tests/fuzz/generator,-max_len=8192 -dict=tests/fuzz/generator.dict) \
	echo "fuzz: no finding"

# ---- Benchmark: `make bench`, never part of `make check` -------------------

$(B)/bench/synth: tests/bench/synth.c tests/bench/rnd.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $< -o $@

$(B)/bench/bench: tests/bench/bench.c tests/bench/rnd.h $(B)/libauxchan.a $(GEN_OBJ) $(TEST_HDR) $(GEN_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LIB_CPPFLAGS) -Igen $(LDFLAGS) $< $(B)/libauxchan.a $(GEN_OBJ) \
		$(GEN_LIBS) -o $@

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

# The same lookups on a synthetic page of 1,000 channels, its own build.
S1000 = $(B)/bench/rows-1000
$(S1000).md: $(B)/bench/synth
	$(B)/bench/synth 1000 > $@.tmp && mv $@.tmp $@

bench: all $(B)/bench/bench $(B)/bench/empty.so $(B)/bench/hello $(B)/bench/synth $(S1000).md
	@$(MAKE) --no-print-directory -s BUILDDIR=$(S1000) DATA=$(S1000).md $(S1000)/bench/bench
	@$(S1000)/bench/bench $(S1000).md $(S1000)
	@echo
	@BENCH_CC='$(CC)' BENCH_CFLAGS='$(ALL_CFLAGS)' BENCH_GPERF='$(GPERF) $(GPERFFLAGS)' \
		BENCH_SYNTH=$(B)/bench/synth $(B)/bench/bench --all $(DATA) $(B)

clean:
	rm -rf $(B)

FORCE:

.PHONY: all run deps deps-valgrind deps-check deps-fuzz check check-valgrind check-sanitize fuzz bench install uninstall dist \
        amalgamation clean FORCE
.DELETE_ON_ERROR:
