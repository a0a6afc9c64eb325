# The Debian package (make deb): the same bytes from two builds, its
# dependencies computed from what the program links, its files where
# Debian puts them; unpacked with dpkg -x into a throwaway root, it
# renders from another folder.  With CI=true, as root, apt-get installs
# it for real, renders and removes it.
suite_begin deb
K=$TMP/deb
PY_SYS=/usr/bin/python3
mkdir -p "$K"
DEB=""

# state: what `make deb` must leave alone, the tree as git sees it
# (ignored files included) and the tree's own build.
state() {
	git status --porcelain --ignored 2>&1
	cksum build/brochure build/flags 2>&1
}

if ! command -v dpkg-shlibdeps >/dev/null 2>&1; then
	skip "the Debian package" "dpkg-shlibdeps is not installed (scripts/setup deb installs dpkg-dev)"
else
	state >"$K/before"
	if make -s --no-print-directory deb >"$K/out" 2>&1; then
		pass
		DEB=build/brochure_$(sed -n 's/^#define BROCHURE_VERSION[^"]*"\(.*\)"$/\1/p' src/run.h)_$(dpkg --print-architecture).deb
	else
		fail "make deb builds the package" "$(cat "$K/out")"
	fi
fi

if [ -n "$DEB" ]; then
	[ -f "$DEB" ] && pass || fail "make deb writes $DEB" "$(ls build/*.deb 2>&1)"
	cp "$DEB" "$K/first.deb"
	make -s --no-print-directory deb >"$K/out" 2>&1
	if cmp -s "$DEB" "$K/first.deb"; then
		pass
	else
		dpkg-deb -c "$K/first.deb" >"$K/first.list"
		dpkg-deb -c "$DEB" >"$K/second.list"
		fail "make deb twice: the same bytes" "$(cat "$K/out")" \
		    "$(diff -u "$K/first.list" "$K/second.list" | head -20)"
	fi
	if git rev-parse --show-toplevel >/dev/null 2>&1; then
		state >"$K/after"
		same "make deb changes nothing outside build/, nor build/'s own program" \
		    "$K/before" "$K/after"
	else
		skip "make deb leaves the tree alone" "not a git checkout"
	fi

	# Depends: what dpkg-shlibdeps found, with libgs-common (the ICC
	# profiles) added; the same set as scripts/setup's run list, which
	# tests/e2e.sh checks against readelf.
	dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed 's/^ *//; s/ .*//' |
	    grep -v '^libc6$' | LC_ALL=C sort >"$K/depends"
	sh scripts/setup --list run | LC_ALL=C sort >"$K/run"
	same "the package depends on what scripts/setup run installs, no more" \
	    "$K/run" "$K/depends"
	dpkg-deb -f "$DEB" Depends | grep -q 'libcairo2 (>= [0-9]' && pass ||
	    fail "Depends carries dpkg-shlibdeps' versions" "$(dpkg-deb -f "$DEB" Depends)"
	[ "build/$(dpkg-deb -f "$DEB" Package)_$(dpkg-deb -f "$DEB" Version)_$(dpkg-deb -f "$DEB" Architecture).deb" = "$DEB" ] &&
	    pass || fail "the package's name, version and architecture are the file's" \
	    "$DEB: $(dpkg-deb -f "$DEB" Package Version Architecture)"

	dpkg-deb -c "$DEB" >"$K/list"
	missing=""
	for p in ./usr/bin/brochure ./usr/share/brochure/fonts/NanumGothic.ttf \
	    ./usr/share/brochure/fonts/OFL-Nanum.txt ./usr/share/brochure/layouts/og.yaml \
	    ./usr/share/brochure/layouts/logo.svg ./usr/share/brochure/starter/layout.yaml \
	    ./usr/share/man/man1/brochure.1.gz ./usr/share/bash-completion/completions/brochure \
	    ./usr/share/doc/brochure/README.md ./usr/share/doc/brochure/copyright \
	    ./usr/share/doc/brochure/docs/layout.md ./usr/share/doc/brochure/docs/ci/brochure-matcher.json \
	    ./usr/share/doc/brochure/data/interns.yaml ./usr/share/doc/brochure/campaigns/lumen/data.yaml \
	    ./usr/share/brochure/schema/layout.json ./usr/share/brochure/merge-manifests; do
		grep -q " $p\$" "$K/list" || missing="$missing $p"
	done
	[ -z "$missing" ] && pass || fail "the package holds the program, its files and docs" "missing:$missing"
	odd=$(grep -v -E '^(drwxr-xr-x|-rw-r--r--|-rwxr-xr-x) root/root ' "$K/list")
	[ -z "$odd" ] && pass || fail "every file root's, 0644 or 0755" "$odd"
	odd=$(grep -E ' \./usr/share/man/man1/brochure\.1$| \./usr/local/' "$K/list")
	[ -z "$odd" ] && pass || fail "nothing in /usr/local, no uncompressed manual page" "$odd"

	R=$K/root
	mkdir -p "$R" "$K/ctl" "$K/elsewhere"
	dpkg -x "$DEB" "$R"
	dpkg-deb -e "$DEB" "$K/ctl"
	(cd "$R" && md5sum -c --quiet "$K/ctl/md5sums") >"$K/md5" 2>&1 && pass ||
	    fail "md5sums lists every file with its sum" "$(head "$K/md5")"
	zcat "$R/usr/share/man/man1/brochure.1.gz" >"$K/man"
	grep -q '/usr/share/brochure/fonts/' "$K/man" && ! grep -q /usr/local/ "$K/man" &&
	    pass || fail "the manual page names /usr/share/brochure/, not /usr/local/"
	grep -q '^License: OFL-1.1-Nanum$' "$R/usr/share/doc/brochure/copyright" &&
	    grep -q 'SIL OPEN FONT LICENSE' "$R/usr/share/doc/brochure/copyright" && pass ||
	    fail "the copyright file gives the fonts' licence"

	# Unpacked, the program finds its fonts, layouts and ICC profiles
	# from another folder: the A4 brochure, and the A5 print one as a
	# PDF/X-4 (the CMYK profile of libgs-common).
	S=$R/usr/share
	if (cd "$K/elsewhere" &&
	    "$R/usr/bin/brochure" render "$S/doc/brochure/data/interns.yaml" \
		-l "$S/brochure/layouts/brochure-a4.yaml" -o a4.pdf -q &&
	    "$R/usr/bin/brochure" render "$S/doc/brochure/data/interns.yaml" \
		-l "$S/brochure/layouts/brochure-a5-print.yaml" --pdf-standard x-4 \
		-o a5.pdf -q) >"$K/out" 2>&1; then
		pass
		[ "$(pdfinfo "$K/elsewhere/a4.pdf" | sed -n 's/^Pages: *//p')" = 6 ] && pass ||
		    fail "unpacked: the A4 brochure has its 6 pages" "$(pdfinfo "$K/elsewhere/a4.pdf" 2>&1)"
		pdffonts "$K/elsewhere/a4.pdf" | grep -q 'NanumGothic .* yes yes yes' && pass ||
		    fail "unpacked: the bundled fonts are embedded" "$(pdffonts "$K/elsewhere/a4.pdf")"
		grep -q -a 'GTS_PDFX' "$K/elsewhere/a5.pdf" && pass ||
		    fail "unpacked: the A5 brochure is a PDF/X-4 with its output intent"
	else
		fail "unpacked with dpkg -x, brochure renders from another folder" "$(cat "$K/out")"
	fi

	# The real thing, on a CI machine only: apt-get install, render,
	# remove.
	if [ "${CI:-}" != true ]; then
		skip "apt-get install of the package" "only with CI=true (it installs into the system)"
	elif [ "$(id -u)" -ne 0 ]; then
		skip "apt-get install of the package" "not root"
	elif dpkg-query -W -f='${Status}' brochure 2>/dev/null | grep -q ' installed$'; then
		skip "apt-get install of the package" "a brochure package is installed already; left as it is"
	else
		if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		    --no-install-recommends "$PWD/$DEB" >"$K/apt" 2>&1 &&
		    (cd "$K/elsewhere" && brochure render /usr/share/doc/brochure/data/interns.yaml \
			-l /usr/share/brochure/layouts/social-square.yaml -o apt/ -q) >>"$K/apt" 2>&1 &&
		    [ "$(ls "$K/elsewhere/apt" | wc -l)" = 4 ]; then
			pass
		else
			fail "apt-get installs the package and brochure renders" "$(tail -20 "$K/apt")"
		fi
		DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq brochure >"$K/apt" 2>&1 &&
		    [ ! -e /usr/bin/brochure ] && pass ||
		    fail "apt-get removes the package" "$(tail -20 "$K/apt")"
		# docs/ci/own-repo/'s option A: a download whose SHA-256 is not
		# the one given is refused before apt-get; the right one installs.
		sum=$(sha256sum "$DEB" | cut -d' ' -f1)
		if sh docs/ci/own-repo/ci/render.sh install-deb "file://$PWD/$DEB" \
		    "$(echo "$sum" | tr 0-9a-f 1-9a-f0)" >"$K/apt" 2>&1 ||
		    [ -e /usr/bin/brochure ]; then
			fail "own repository: install-deb refuses a wrong SHA-256" "$(tail -5 "$K/apt")"
			DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq brochure >/dev/null 2>&1
		else
			pass
		fi
		if sh docs/ci/own-repo/ci/render.sh install-deb "file://$PWD/$DEB" "$sum" >"$K/apt" 2>&1 &&
		    [ "$(tail -1 "$K/apt")" = "$(build/brochure --version)" ]; then
			pass
		else
			fail "own repository: install-deb installs the package" "$(tail -20 "$K/apt")"
		fi
		DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq brochure >/dev/null 2>&1
	fi

	# -- a campaign in its own repository (docs/ci/own-repo/) --
	# Lumen's files and the example's ci/render.sh in a new git
	# repository, brochure the unpacked package on the PATH: the steps
	# of the CI files, shard 1/2 and 2/2, merge and print; then a quote
	# too long for its card fails its shard, and the gallery is written.
	O=$K/own
	mkdir -p "$O"
	cp -R campaigns/lumen/. docs/ci/own-repo/ci "$O/"
	(cd "$O" && git init -q && git add -A &&
	    git -c user.name=t -c user.email=t@example.org commit -q -m campaign)
	own() { (cd "$K/elsewhere" && PATH=$R/usr/bin:$PATH sh "$O/ci/render.sh" "$@"); }
	if own cards 1/2 >"$K/own1" 2>&1 && own cards 2/2 >"$K/own2" 2>&1; then
		pass
		n1=$(ls "$O/out/cards-1" | grep -c '\.png$') n2=$(ls "$O/out/cards-2" | grep -c '\.png$')
		[ "$n1" = 6 ] && [ "$n2" = 6 ] && [ -f "$O/out/cards-1/index.html" ] &&
		    [ -f "$O/out/cards-2/manifest.json" ] && pass ||
		    fail "own repository: each shard writes 3 interns' cards, its manifest and gallery" \
		    "$(ls "$O/out"/*)"
	else
		fail "own repository: render.sh renders shards 1/2 and 2/2" "$(cat "$K/own1" "$K/own2")"
	fi
	if own merge >"$K/own.log" 2>&1; then
		grep -q '^2 shards, 12 outputs, .*hashes match' "$K/own.log" &&
		    grep -q '"file": "cards-2/' "$O/out/manifest.json" && pass ||
		    fail "own repository: merge checks 2 shards, 12 outputs" "$(cat "$K/own.log")"
	else
		fail "own repository: the installed merge-manifests passes the two shards" "$(cat "$K/own.log")"
	fi
	own print >"$K/own.log" 2>&1 &&
	    [ "$(pdfinfo "$O/out/print/brochure-a5.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')" = 9 ] &&
	    [ -f "$O/out/print/index.html" ] && pass ||
	    fail "own repository: the print brochure (9 pages) and its gallery" "$(cat "$K/own.log")"
	[ "$(own matcher 2>&1)" = "::add-matcher::out/.brochure-matcher.json" ] &&
	    cmp -s "$O/out/.brochure-matcher.json" docs/ci/brochure-matcher.json && pass ||
	    fail "own repository: matcher registers the installed problem matcher" "$(own matcher 2>&1)"
	[ -z "$(cd "$O" && git status --porcelain)" ] && pass ||
	    fail "own repository: the steps write only in out/, which git ignores" \
	    "$(cd "$O" && git status --porcelain)"
	# A quote far too long for the square card and the OG image.
	$PY_SYS - "$O/data.yaml" <<-'PYEOF'
	import sys
	p = sys.argv[1]
	s = open(p, encoding="utf-8").read()
	q = "작업실에서 보낸 열 주는 길고도 짧았어요. " * 30
	s = s.replace("    name: 한서윤\n", '    name: 한서윤\n    quote: "%s"\n' % q, 1)
	open(p, "w", encoding="utf-8").write(s)
	PYEOF
	(export BROCHURE_REPORT=out/gl-code-quality.json; own cards 1/2) >"$K/own.log" 2>&1
	st=$?
	[ $st = 1 ] && grep -q "data.yaml:[0-9]*:[0-9]*: error: text overflows frame 'quote'" "$K/own.log" &&
	    pass || fail "own repository: a quote too long for its card fails its shard (exit 1)" \
	    "status $st" "$(cat "$K/own.log")"
	[ "$(grep -c 'not written' "$O/out/cards-1/index.html" 2>/dev/null)" -ge 1 ] &&
	    [ "$(ls "$O/out/cards-1" | grep -c '\.png$')" = 4 ] && pass ||
	    fail "own repository: the failing shard still writes its gallery, the card listed as not written" \
	    "$(ls "$O/out/cards-1" 2>&1)"
	# The gallery pictures the cards that failed; the Code Quality
	# report has their errors at the data's lines.
	[ "$(ls "$O/out/cards-1/pages" 2>/dev/null | grep -c '\.png$')" = 2 ] && pass ||
	    fail "own repository: the failing shard's gallery pictures its two failed cards" \
	    "$(ls -R "$O/out/cards-1" 2>&1)"
	$PY_SYS - "$O/out/gl-code-quality.json" <<-'PYEOF' >"$K/cq.log" 2>&1 && pass ||
	import json, sys
	q = json.load(open(sys.argv[1]))
	e = [i for i in q if i["severity"] == "major"]
	assert len(e) == 2, q
	assert all(i["location"]["path"] == "data.yaml" and
	           "text overflows frame 'quote'" in i["description"] for i in e), e
	PYEOF
	    fail "own repository: BROCHURE_REPORT writes the failing shard's Code Quality report" "$(cat "$K/cq.log")"
fi
suite_end
