# brochure — see README.md.  `make` builds build/brochure; `make
# brochure` sets up, builds and renders the sample; `make test` runs
# every test; `make deb` builds the Debian package.  Those run
# scripts/setup first, which installs missing Debian packages when run
# as root.

PKGS     = pangocairo pangoft2 cairo cairo-pdf cairo-svg cairo-png \
	   harfbuzz harfbuzz-subset fontconfig yaml-0.1 libisal glib-2.0 libqrencode libjpeg librsvg-2.0 libqpdf libdeflate \
	   libxml-2.0 lcms2
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Wswitch-enum -Wformat=2 \
	   -Wno-missing-field-initializers
ifdef WERROR
WARN    += -Werror
endif
ifdef SANITIZE
CFLAGS  += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
LDFLAGS += -fsanitize=$(SANITIZE)
endif
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	     $(CFLAGS) $(PKG_CFLAGS) -MMD -MP

B        = build
LIB_SRC  = $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(B)/obj/%.o)
UNIT_SRC = $(wildcard tests/unit/*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

PREFIX  ?= /usr/local
DESTDIR ?=

.PHONY: all brochure test unit setup setup-build setup-deb clean lint \
	install deb test-update bench detdiff fuzz valgrind photos stress deep \
	schema

all: $(B)/brochure

# Quiet unless V=1: `make test` prints its summaries, not compiler lines.
Q = $(if $(V),,@)

# Objects depend on the flags they were built with, so switching to
# SANITIZE=... (or back) rebuilds everything.  Not for `make deb` alone,
# which builds in a folder of its own: it leaves this build as it was.
FLAGS_NOW = $(CC) $(ALL_CFLAGS) $(LDFLAGS)
ifneq ($(MAKECMDGOALS),deb)
$(shell mkdir -p $(B) && { [ "$$(cat $(B)/flags 2>/dev/null)" = '$(FLAGS_NOW)' ] || echo '$(FLAGS_NOW)' >$(B)/flags; })
endif

$(B)/obj/%.o: src/%.c $(B)/flags | $(B)/obj
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/libbrochure.a: $(LIB_OBJ)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(B)/brochure: $(B)/obj/main.o $(B)/libbrochure.a
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

$(B)/tests/%: tests/unit/%.c $(B)/libbrochure.a $(B)/flags | $(B)/tests
	$(Q)$(CC) $(ALL_CFLAGS) -Isrc $(shell pkg-config --cflags cmocka) \
	    -o $@ $< $(B)/libbrochure.a $(LDFLAGS) $(PKG_LIBS) \
	    $(shell pkg-config --libs cmocka) -lm

$(B)/tests/pngdiff: tests/pngdiff.c $(B)/flags | $(B)/tests
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LDFLAGS) \
	    $(shell pkg-config --libs libpng) -lm

$(B)/obj $(B)/tests:
	$(Q)mkdir -p $@

# What each target needs (scripts/setup run, build, test).
setup:
	@sh scripts/setup test
setup-build:
	@sh scripts/setup build
setup-deb:
	@sh scripts/setup deb

# The sample: the A4 brochure and one 1080×1080 card per intern.
brochure: setup-build
	@$(MAKE) --no-print-directory all
	$(B)/brochure render data/interns.yaml -l layouts/brochure-a4.yaml \
	    -o out/brochure.pdf
	$(B)/brochure render data/interns.yaml -l layouts/social-square.yaml \
	    -o out/social/
	$(B)/brochure render data/interns.yaml -l layouts/social-square.yaml \
	    -l layouts/social-portrait.yaml -l layouts/social-story.yaml \
	    -l layouts/og.yaml -o out/cards/ --manifest out/cards/manifest.json

test: setup
	@$(MAKE) --no-print-directory WERROR=1 all $(UNIT_BIN) \
	    $(B)/tests/pngdiff
	@sh tests/run

# The bad-input and end-to-end suites with every run under valgrind:
# any memory error or definite leak fails the test that ran it.
valgrind: setup
	@$(MAKE) --no-print-directory all $(B)/tests/pngdiff
	@SUITES="bad e2e" BROCHURE=$(CURDIR)/tests/valgrind-brochure \
	    sh tests/run

# The sample portraits and the JPEG test images, drawn by the project
# (committed; run again only to change them).
$(B)/mkphotos: tools/mkphotos.c | $(B)/obj
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(PKG_LIBS) -lm

photos: $(B)/mkphotos
	$(B)/mkphotos portrait data/photos/gina.jpg 45
	$(B)/mkphotos portrait data/photos/wilson.jpg 200
	$(B)/mkphotos portrait data/photos/ted.jpg 330
	$(B)/mkphotos turned tests/cases/image/turned.jpg

# Regenerates the golden files and the layout cases' .tree and .err
# (tests/README); review them as a diff and as pictures.
test-update: all $(B)/tests/pngdiff
	@sh tests/golden/update

# The layouts' JSON Schema for editors, from the parse tables
# (committed; tests/e2e.sh checks it is what `brochure schema` prints:
# run this after adding or changing a layout key).
schema: all
	$(B)/brochure schema -o schema/layout.json

# The pictures of docs/layout.md, from docs/examples/*.yaml (committed;
# run again when the examples or the rendering change).
.PHONY: docs-pictures
docs-pictures: all
	@/usr/bin/python3 scripts/docs-pictures

bench: all
	@/usr/bin/python3 scripts/bench

# The determinism guarantee, tested by repetition: 20 runs of 200
# records in the four social formats as PNG and as SVG, and as the A4
# and print PDFs, at --jobs 1, 2, 3 and 8 in turn beside a process that
# keeps a CPU busy; every file compared byte for byte with the first
# run's (scripts/stress; about 10 minutes).  Exits 1 on any difference.
stress: all
	@sh scripts/stress

# The line-breaking differential test at length (tests/e2e.sh runs a
# quick one): DETDIFF_ARGS='-n 3000 --only-runs 200 --seed 7'.
detdiff: all
	@/usr/bin/python3 scripts/detdiff $(DETDIFF_ARGS)

lint:
	@sh scripts/lint

# libFuzzer targets (clang-14): data, layout and template, each run for
# FUZZ_SECONDS from a corpus seeded by the tests.  Crashes land in
# build/fuzz/ as crash-* files; each found becomes a tests/bad/ case.
FUZZ_SECONDS ?= 60
FUZZ_CC       = clang-14
FUZZ_FLAGS    = -g -O1 -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -std=c11 \
		-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(PKG_CFLAGS)
FUZZ_TARGETS  = data layout template image

$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.c tests/fuzz/fuzz.h \
		$(LIB_SRC) $(wildcard src/*.h)
	$(Q)mkdir -p $(B)/fuzz
	$(Q)$(FUZZ_CC) $(FUZZ_FLAGS) -Isrc -Itests/fuzz -o $@ $< \
	    tests/fuzz/fuzz.c $(LIB_SRC) $(PKG_LIBS) -lm

fuzz: setup
	@sh scripts/setup fuzz
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=$(B)/fuzz/fuzz_%)
	@sh tests/fuzz/run $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# The slow checks, nightly rather than in CI's path: make valgrind, make
# fuzz for DEEP_FUZZ_SECONDS (default 60) per target, and the sample
# rendered at --jobs 4 by a ThreadSanitizer build in build-tsan/
# (scripts/deep; one line per step, exit 1 if any fails).
deep: setup
	@sh scripts/deep

# make deep's ThreadSanitizer program (B=build-tsan SANITIZE=thread),
# with tests/tsan-glib.c, built without TSan, showing it GLib's mutexes.
$(B)/brochure-tsan: $(B)/obj/main.o $(B)/libbrochure.a tests/tsan-glib.c
	$(Q)$(CC) $(WARN) -O1 -g $(PKG_CFLAGS) -c -o $(B)/tsan-glib.o \
	    tests/tsan-glib.c
	$(Q)$(CC) $(LDFLAGS) -o $@ $(B)/tsan-glib.o $(B)/obj/main.o \
	    $(B)/libbrochure.a $(PKG_LIBS) -lm -ldl

# The program; its fonts, layouts (with the logo two of them draw), the
# layouts' JSON Schema and the starter project of `brochure init`;
# merge-manifests, which a sharded render's merge job runs
# (docs/ci/own-repo/); the manual page, its paths set to PREFIX; the
# layout reference with its pictures.
install: all
	install -d $(DESTDIR)$(PREFIX)/bin \
	    $(DESTDIR)$(PREFIX)/share/brochure/fonts \
	    $(DESTDIR)$(PREFIX)/share/brochure/layouts \
	    $(DESTDIR)$(PREFIX)/share/brochure/starter \
	    $(DESTDIR)$(PREFIX)/share/brochure/schema \
	    $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	    $(DESTDIR)$(PREFIX)/share/doc/brochure
	install -m 755 $(B)/brochure $(DESTDIR)$(PREFIX)/bin/brochure
	install -m 644 fonts/* $(DESTDIR)$(PREFIX)/share/brochure/fonts/
	install -m 644 layouts/*.yaml layouts/*.svg \
	    $(DESTDIR)$(PREFIX)/share/brochure/layouts/
	install -m 644 starter/* $(DESTDIR)$(PREFIX)/share/brochure/starter/
	install -m 755 scripts/merge-manifests \
	    $(DESTDIR)$(PREFIX)/share/brochure/merge-manifests
	install -m 644 schema/layout.json \
	    $(DESTDIR)$(PREFIX)/share/brochure/schema/
	sed 's|/usr/local/|$(PREFIX)/|g' docs/brochure.1 \
	    >$(DESTDIR)$(PREFIX)/share/man/man1/brochure.1
	chmod 644 $(DESTDIR)$(PREFIX)/share/man/man1/brochure.1
	install -m 644 completion/brochure.bash \
	    $(DESTDIR)$(PREFIX)/share/bash-completion/completions/brochure
	# The docs as in the source tree, so their links hold: README.md,
	# docs/ (reference, pictures, examples, CI), campaigns/lumen/, the
	# sample data/ the examples render, and schema/ the campaign's
	# layouts name for editors.
	install -m 644 README.md $(DESTDIR)$(PREFIX)/share/doc/brochure/
	cp -R data docs campaigns schema $(DESTDIR)$(PREFIX)/share/doc/brochure/
	rm -f $(DESTDIR)$(PREFIX)/share/doc/brochure/docs/brochure.1

# The Debian package $(B)/brochure_VERSION_ARCH.deb (scripts/mkdeb).
# The program is built in $(B)/deb-build/ with Debian's hardening flags
# (dpkg-buildflags), never a sanitizer or -Werror, whatever $(B)/ was
# built with; `make install` stages it in $(B)/deb-root/ under /usr.
deb: setup-deb
	@rm -rf $(B)/deb-root
	@$(MAKE) -s --no-print-directory B=$(B)/deb-build SANITIZE= WERROR= \
	    CFLAGS="$$(dpkg-buildflags --get CFLAGS) $$(dpkg-buildflags --get CPPFLAGS)" \
	    LDFLAGS="$$(dpkg-buildflags --get LDFLAGS)" \
	    DESTDIR=$(abspath $(B))/deb-root PREFIX=/usr install >/dev/null
	@sh scripts/mkdeb $(B)

clean:
	rm -rf $(B) build-tsan out

-include $(wildcard $(B)/obj/*.d $(B)/tests/*.d)
