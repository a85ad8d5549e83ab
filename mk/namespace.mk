# namespace.mk - make NAMESPACE=infra: the library with every name it
# exports renamed by prefix (src/namespace.sh), auxchan_ to infra_,
# AUXCHAN_ to INFRA_, so that the tables of two pages can live in one
# program: header infra.h, libinfra.a and libinfra.so, pkg-config module
# infra, amalgamation infra.[ch].  Its renamed sources, header and objects
# are in $(B)/NAMESPACE/.  The command, its completions and the tests are
# the default namespace's only.

# A namespace is a lower-case C identifier prefix that takes no name the
# build already uses: a header or module of the project (its renamed
# header would hide the private one), a generated table, a folder of the
# build directory, a standard C header (the library's #include <string.h>
# would find it), or libauxchan.  Refused before any work.
C_HEADERS = assert complex ctype errno fenv float inttypes iso646 limits locale math setjmp \
	signal stdalign stdarg stdatomic stdbool stddef stdint stdio stdlib stdnoreturn string \
	tgmath threads time uchar wchar wctype
NS_TAKEN = $(sort libauxchan $(C_HEADERS) \
	$(filter-out auxchan,$(basename $(notdir $(wildcard src/*.[ch] gen/*.[ch])))) \
	$(basename $(notdir $(TABLE))) gen gperf tests amalgamation bench fuzz fuzzer sanitize \
	dist hostile buckets)
RULE_NAMESPACE = a namespace is a lower-case C identifier prefix (a letter, then letters, \
	digits or '_') that is none of: $(NS_TAKEN)
NS_BAD = $(strip $(filter-out 1,$(words $(NAMESPACE))) $(filter-out $(LOWER:%=%%),$(NAMESPACE)) \
	$(call without,$(NAMESPACE),$(LOWER) $(DIGITS) _) $(filter $(NS_TAKEN),$(NAMESPACE)))
ifneq ($(NS_BAD),)
$(call refuse,NAMESPACE,$(RULE_NAMESPACE))
endif

LIB = lib$(NAMESPACE)
SONAME = $(LIB).so.$(MAJOR)
SHLIB = $(LIB).so.$(VERSION)

ifeq ($(NAMESPACE),auxchan)
NS_SRC = src
NS_INC = include
NS_OBJ = $(B)
PARTS = lib cmd
else
NS_SRC = $(B)/$(NAMESPACE)/src
NS_INC = $(B)/$(NAMESPACE)/include
NS_OBJ = $(B)/$(NAMESPACE)
PARTS = lib
endif

HEADER = $(NS_INC)/$(NAMESPACE).h
NS_HDR = $(HEADER) $(LIB_PRIVATE_HDR:src/%=$(NS_SRC)/%)
NS_CPPFLAGS = -I$(NS_INC) -I$(NS_SRC) -I$(B) $(CPPFLAGS)
LIB_OBJ = $(LIB_SRC:src/%.c=$(NS_OBJ)/%.o)
BUILT_lib = $(B)/$(LIB).a $(B)/$(LIB).so $(HEADER)
BUILT_cmd = $(B)/auxchan $(COMPLETIONS)

# The library's sources and header, renamed.
ifneq ($(NAMESPACE),auxchan)
$(NS_SRC)/%: src/% src/namespace.sh
	@mkdir -p $(@D)
	sh src/namespace.sh $(NAMESPACE) $< > $@.tmp && mv $@.tmp $@
$(HEADER): include/auxchan.h src/namespace.sh
	@mkdir -p $(@D)
	sh src/namespace.sh $(NAMESPACE) $< > $@.tmp && mv $@.tmp $@
endif
