# bench.mk - make bench, never part of make check (which only builds the
# benchmark, so that it keeps compiling).  tests/bench/bench.c says what it
# measures.  Its strongest peer is gperf used directly with --ignore-case
# on the same keys (tests/bench/peer.c writes its input); for synthetic
# pages it builds other tables, with this build's generator (GEN_B), and
# without the peer (BENCH_PEER=).  Its baselines are built with the
# library's flags: an empty shared object (its relocations are the
# toolchain's, not ours) and a bare process.

BENCH_PEER = $(B)/bench/peer.o

$(B)/bench/synth: tests/bench/synth.c tests/bench/rnd.h
	@mkdir -p $(@D)
	$(BUILD_CC) $(BUILD_ALL_CFLAGS) $(LDFLAGS) $< -o $@

$(B)/bench/peer: tests/bench/peer.c $(B)/libauxchan.a $(GEN_OBJ) $(LIB_HDR) gen/gperf.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LIB_CPPFLAGS) -Igen $(LDFLAGS) $< $(GEN_B)/gen/gperf.o $(GEN_B)/gen/table.o \
		$(GEN_B)/gen/files.o $(B)/libauxchan.a -o $@

# gperf's output as its users compile it: trigraphs off (gnu11), its
# warnings its own.
$(B)/bench/peer.o: $(B)/bench/peer
	$(B)/bench/peer > $(B)/bench/peer.gperf
	cd $(B)/bench && $(GPERF) $(GPERFFLAGS) peer.gperf > peer.c
	$(CC) $(CFLAGS) -std=gnu11 -c $(B)/bench/peer.c -o $@

$(B)/bench/bench: tests/bench/bench.c tests/bench/rnd.h $(BENCH_PEER) $(B)/libauxchan.a \
                  $(GEN_OBJ) $(TEST_HDR) $(GEN_HDR)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LIB_CPPFLAGS) -Igen $(LDFLAGS) $< $(BENCH_PEER) $(B)/libauxchan.a \
		$(GEN_OBJ) $(GEN_LIBS) -o $@

$(B)/bench/empty.so: tests/bench/empty.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fPIC -shared $(LDFLAGS) $< -o $@

$(B)/bench/hello: tests/bench/hello.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $< -o $@

bench: all $(B)/bench/bench $(B)/bench/synth $(B)/bench/empty.so $(B)/bench/hello
	@BENCH_MAKE="$$MAKE" BENCH_SYNTH=$(B)/bench/synth $(B)/bench/bench $(DATA) $(B)

.PHONY: bench
