# dist.mk - make dist: auxchan-VERSION.tar.gz, the sources git tracks and
# the seed's tables, generated, in generated/: built from the tarball
# (PREBUILT), make needs neither the generator nor gperf, cmark-gfm or
# libyaml.  Deterministic: sorted names, fixed times and owners, gzip
# without name.  make amalgamation: one C file with the library and its
# tables, and its header.

PREBUILT = $(if $(wildcard generated/room_data.h),$(if $(filter data/matrix.md,$(DATA)),generated))
DIST = auxchan-$(VERSION)
AMALG = $(B)/amalgamation

dist: $(TABLE) $(B)/auxchan.keys
	rm -rf $(B)/dist && mkdir -p $(B)/dist/$(DIST)/generated
	git ls-files -z | xargs -0 cp --parents -t $(B)/dist/$(DIST)
	cp $(TABLE) $(B)/auxchan.keys $(B)/dist/$(DIST)/generated/
	cd $(B)/dist && tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
		--format=ustar -cf - $(DIST) | gzip -n -9 > $(CURDIR)/$(DIST).tar.gz
	@echo "$(DIST).tar.gz"

$(AMALG)/$(NAMESPACE).c: $(LIB_SRC:src/%=$(NS_SRC)/%) src/amalgamate.sh $(TABLE) $(NS_HDR)
	@mkdir -p $(@D)
	sh src/amalgamate.sh $(NAMESPACE).h '$(NS_SRC) $(NS_INC) $(B)' $(LIB_SRC:src/%=$(NS_SRC)/%) \
		> $@.tmp && mv $@.tmp $@

$(AMALG)/$(NAMESPACE).h: $(HEADER)
	@mkdir -p $(@D)
	cp $(HEADER) $@

amalgamation: $(AMALG)/$(NAMESPACE).c $(AMALG)/$(NAMESPACE).h

.PHONY: dist amalgamation
