# config.mk - what a build may change: make VAR=value, or edit here.

VERSION := $(shell sed -n 's/^\#define AUXCHAN_VERSION "\(.*\)"$$/\1/p' include/auxchan.h)
MAJOR = $(firstword $(subst ., ,$(VERSION)))

# The page, where it is built, and what make run passes the command.
DATA = data/matrix.md
# The vocabulary page of the seed's words (data/words.md); another page has
# none unless WORDS names one.
WORDS = $(if $(filter data/matrix.md,$(DATA)),data/words.md)
# The group pages, what the room page's groups do, who leads them and when
# they meet: the seed's SIGs and Committees pages; another page has none
# unless GROUP_PAGES names them (paths separated by spaces).
GROUP_PAGES = $(if $(filter data/matrix.md,$(DATA)),data/sigs.md data/committees.md)
# make diff: the group pages of OLD (by default GROUP_PAGES, the same pages:
# then only the rooms can differ).
OLD_GROUP_PAGES = $(GROUP_PAGES)
BUILDDIR = build
ARGS = --list
# make update-page: the page's raw file in the Aux wiki's public repository,
# and those of the group pages, one URL a page of GROUP_PAGES, in its order
# (separated by spaces).
URL = https://git.auxolotl.org/auxolotl/wiki/raw/branch/main/contributing/matrix.md
GROUP_URLS = $(if $(filter data/matrix.md,$(DATA)),\
	https://git.auxolotl.org/auxolotl/wiki/raw/branch/main/community/sigs.md \
	https://git.auxolotl.org/auxolotl/wiki/raw/branch/main/community/committees.md)

# The library's names: make NAMESPACE=infra renames auxchan_ to infra_.
NAMESPACE = auxchan

# Compilers.  The generator and the programs that run at build time are
# built with BUILD_CC and BUILD_CFLAGS, so that a cross build never runs a
# program built for the target.
CFLAGS ?= -O2 -g
BUILD_CC = $(CC)
BUILD_CFLAGS = $(CFLAGS)
STD_CFLAGS = -std=c11 -Wall -Wextra -Werror
# The library's objects serve both the archive and the shared library.
PIC_CFLAGS = -fPIC -fno-semantic-interposition
# Reproducible: no path of the source tree or of the build directory in
# objects (debug information), wherever they are.
REPRO_CFLAGS = -ffile-prefix-map=$(CURDIR)=. -ffile-prefix-map=$(abspath $(BUILDDIR))=BUILDDIR

# Tools.  Each bucket's gperf run: one search (doc/internals.md).  Not -m:
# its tables have some 38% fewer slots, but on keys that differ in digits
# it takes 100 times as long (a bucket of 171 such keys: 1.4 s, not 13 ms;
# one of 640: 66 s, not 0.4 s), and a page can be made of such keys.
GPERF = gperf
GPERFFLAGS =
GPERF_TABLE_FLAGS = --ignore-case
PKG_CONFIG = pkg-config
GEN_PKGS = libcmark-gfm yaml-0.1

# make install.
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
LIBDIR = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
MANDIR = $(PREFIX)/share/man
PKGCONFIGDIR = $(LIBDIR)/pkgconfig
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d

# make fuzz.
FUZZ_SECONDS = 60
FUZZ_CC = clang
