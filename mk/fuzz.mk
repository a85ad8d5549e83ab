# fuzz.mk - the fuzz targets (tests/fuzz/TARGET.c).  Built with replay.c,
# they run the saved inputs of tests/fuzz/TARGET/ (the generator's, every
# test page and the pages of data/ too) in make check; built with
# libFuzzer, they are make fuzz FUZZ_SECONDS=N: each target N seconds,
# lookup and search on the seed's tables and on the hostile page's, then
# generator.  Everything is built in $(FUZZ_B), instrumented for coverage,
# AddressSanitizer and UndefinedBehaviorSanitizer; the corpora grow there
# too, from seeds: the keys of each page (auxchan --keys, and the links),
# the test pages and the group pages (each input of generator is read as a
# group page too), and tests/fuzz/TARGET/.  Any finding fails make fuzz
# and leaves its input in $(FUZZ_B)/findings/: fix it, and add the input
# to tests/fuzz/TARGET/.
# FUZZ_PAGE names the page of the tables they are linked with,
# TEST_GROUP_PAGES its group pages.

FUZZ_CPPFLAGS = $(LIB_CPPFLAGS) -Igen -Itests -DFUZZ_PAGE='"$(DATA)"' \
	-DTEST_GROUP_PAGES='"$(GROUP_PAGES)"'
FUZZ_HDR = tests/fuzz/differ.h $(TEST_HDR) $(GEN_HDR)
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_B = $(B)/fuzz
FUZZ_PAGES = $(TEST_PAGES) $(GROUP_PAGES)
FUZZ_MAKE = $(MAKE) --no-print-directory -s CC="$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer-no-link"

$(B)/tests/fuzz-%: tests/fuzz/%.c tests/fuzz/replay.c $(B)/libauxchan.a $(GEN_OBJ) $(FUZZ_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(FUZZ_CPPFLAGS) $(LDFLAGS) $< tests/fuzz/replay.c \
		$(B)/libauxchan.a $(GEN_OBJ) $(GEN_LIBS) -o $@

$(B)/fuzzer/%: tests/fuzz/%.c $(B)/libauxchan.a $(GEN_OBJ) $(FUZZ_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(FUZZ_CPPFLAGS) -fsanitize=fuzzer $(LDFLAGS) $< \
		$(B)/libauxchan.a $(GEN_OBJ) $(GEN_LIBS) -o $@

fuzz: deps-fuzz
	@$(FUZZ_MAKE) BUILDDIR=$(FUZZ_B) all $(FUZZ_B)/fuzzer/lookup $(FUZZ_B)/fuzzer/search \
		$(FUZZ_B)/fuzzer/generator
	@$(FUZZ_MAKE) BUILDDIR=$(FUZZ_B)/hostile DATA=$(HOSTILE) all \
		$(FUZZ_B)/hostile/fuzzer/lookup $(FUZZ_B)/hostile/fuzzer/search 2>/dev/null
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh $(FUZZ_B) $(DATA) $(FUZZ_PAGES)

.PHONY: fuzz
