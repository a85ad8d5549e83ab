# prebuilt.mk - the tables come from a release tarball (generated/, see
# dist.mk): the library and the command are built from them without the
# generator, and their tests run; those of the generator cannot.

deps:

$(TABLE) $(B)/auxchan.keys: $(B)/%: generated/%
	@mkdir -p $(@D)
	cp $< $@

CHECK_TESTS = $(LIB_TESTS)
TEST_OBJ = $(B)/gen/alias.o $(B)/gen/group.o
TEST_LIBS = -lm
TEST_CPPFLAGS = -DROOM_NO_PAGE
