# generate.mk - the tables come from the page, through the generator and
# gperf; make check tests the generator too, on the page and on others.

deps: deps-build

# One run writes room_data.h, search_data.h, gperf/TABLE-N.gperf for
# each bucket of keys, and last gperf.mk, which names the buckets (ROOM_GPERF,
# SW_GPERF): make reads it (restarting when it is remade), then runs gperf
# on each bucket, in parallel under -j.
$(B)/gperf.mk: $(DATA) $(WORDS) $(GROUP_PAGES) $(GEN) $(B)/gen.stamp
	$(GEN) $(GEN_FLAGS) -o $(B) $(DATA)
-include $(if $(filter clean deps% diff update-page,$(MAKECMDGOALS)),,$(B)/gperf.mk)
$(B)/room_data.h $(B)/search_data.h $(ROOM_GPERF:%=$(B)/gperf/%.gperf) \
$(SW_GPERF:%=$(B)/gperf/%.gperf): $(B)/gperf.mk ;

# gperf writes its file itself (a partial one is deleted on error, by
# .DELETE_ON_ERROR), one process a bucket, which make starts with no shell
# (the command has no character a shell would read): a shell a bucket
# cost 1.6 ms of the 7 to 9 of a run, 1.8 s of a 20,000-room page's 1,127
# buckets.  Its output names the input's path, which the join leaves out
# (src/gperf.h, quirk 7).
$(B)/gperf/%.c: $(B)/gperf/%.gperf
	$(GPERF) $(GPERF_TABLE_FLAGS) $(GPERFFLAGS) --output-file=$@ $<

# Every bucket's table in bucket order, whatever order gperf ran in, with
# only what the library uses of each (auxchan-gen --join-gperf): the
# compiler parses a third of the bytes.
$(B)/room_gperf.c: $(B)/gperf.mk $(GEN) $(ROOM_GPERF:%=$(B)/gperf/%.c)
	$(GEN) --join-gperf $(ROOM_GPERF:%=$(B)/gperf/%.c) > $@.tmp && mv $@.tmp $@
$(B)/search_gperf.c: $(B)/gperf.mk $(GEN) $(SW_GPERF:%=$(B)/gperf/%.c)
	$(GEN) --join-gperf $(SW_GPERF:%=$(B)/gperf/%.c) > $@.tmp && mv $@.tmp $@

# The keys of the completions: the command's (auxchan --keys); in a cross
# build (BUILD_CC is not CC) the generator's (auxchan-gen --keys: the same
# list, from the same table), so that make never runs a program built for
# the target.  A failure or an empty list fails the build: a page has rooms.
ifeq ($(BUILD_CC),$(CC))
$(B)/auxchan.keys: $(B)/auxchan
	$(B)/auxchan --keys > $@.tmp && test -s $@.tmp && mv $@.tmp $@ || { rm -f $@.tmp; exit 1; }
else
$(B)/auxchan.keys: $(DATA) $(WORDS) $(GROUP_PAGES) $(GEN) $(B)/gen.stamp
	$(GEN) $(GEN_FLAGS) --keys $(DATA) > $@.tmp && test -s $@.tmp && mv $@.tmp $@ || \
		{ rm -f $@.tmp; exit 1; }
endif

# make check: every test, the fuzz targets on their saved inputs, and the
# programs of other pages, each built in a build directory of its own by
# one make (make -j: no two makes share a directory) and tested by the
# same programs: the hostile page (text made to break generated C and
# gperf input: generated code must compile with -Werror whatever the page
# says), and a synthetic page of 1,000 rooms, whose keys fill many buckets
# (more than GPERF_INLINE_BUCKETS: their hash functions out of line).
CHECK_TESTS = $(LIB_TESTS) $(GEN_TESTS) fuzz-lookup fuzz-search fuzz-generator
CHECK_BUILT = $(B)/bench/bench
TEST_OBJ = $(GEN_OBJ)
TEST_LIBS = $(GEN_LIBS)
# The group pages the tables were built with, which the reference reads
# (tests/reference.h), tests/charter checks the library against and
# tests/package expects; GROUP_PAGES holds checked paths, no quote
# (vars.mk).  gen.stamp changes with them.
TEST_CPPFLAGS = -DTEST_GROUP_PAGES='"$(strip $(GROUP_PAGES))"'
# The stemmer's test compares it with Snowball's own, libstemmer.
$(B)/tests/stem: TEST_LIBS += -lstemmer
$(B)/tests/stem: | deps-check
$(B)/tests/charter $(B)/tests/package: $(B)/gen.stamp

PAGES = hostile buckets nogroups
PAGE_hostile = $(HOSTILE)
GROUPS_hostile = $(HOSTILE_GROUPS)
TESTS_hostile = room search auxchan fuzz-lookup fuzz-search charter
PAGE_buckets = $(B)/buckets.md
TESTS_buckets = room search
# The page under test with no group page (GROUP_PAGES=): the groups' fields
# are empty, the rooms and their answers the same.
PAGE_nogroups = $(DATA)
TESTS_nogroups = room charter
CHECK_PAGES = $(PAGES:%=$(B)/%/programs)
CHECK_MORE = $(foreach p,$(PAGES),$(call checks,$(p)-,$(PAGE_$(p)),$(B)/$(p),$(TESTS_$(p))))

$(B)/%/programs: FORCE
	$(call page_make,$(B)/$*,$(PAGE_$*),$(TESTS_$*),$(GROUPS_$*))
$(B)/buckets/programs: $(B)/buckets.md
$(B)/buckets.md: $(B)/bench/synth
	$(B)/bench/synth 1000 > $@.tmp && mv $@.tmp $@

# valgrind: the generator over every page of the tests, and the checks that
# parse pages and look keys up in process; no error and no leak of any kind
# (99 is valgrind's exit status when it finds one).
VALGRIND = valgrind --quiet --error-exitcode=99 --leak-check=full \
	--show-leak-kinds=all --errors-for-leak-kinds=all
VALGRIND_PAGES = $(DATA) $(TEST_PAGES)
VALGRIND_CHECKS = $(call checks,,$(DATA),$(B),page lint diff room search charter) \
	$(call checks,hostile-,$(HOSTILE),$(B)/hostile,room) \
	$(call checks,,$(DATA),$(B),fuzz-lookup fuzz-search fuzz-generator)

check-valgrind: $(B)/auxchan-gen $(CHECK_TESTS:%=$(B)/tests/%) $(CHECK_PAGES) | deps-valgrind
	@TEST_PAGES='$(VALGRIND_PAGES)' GROUP_BAD='$(wildcard tests/bad/groups/*.md)' \
		DATA='$(DATA)' GROUP_PAGES='$(GROUP_PAGES)' sh tests/valgrind.sh $(B) $(VALGRIND_CHECKS)

.PHONY: check-valgrind
