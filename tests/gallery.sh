# The review gallery (--gallery), read by real headless Chromium: the
# page loads with no console message, every image has loaded (the
# page's own script records "<images> <broken>" on <body>), the
# warnings sit beside their cards, and a screenshot is taken.
suite_begin gallery
D=data/interns.yaml
G=$TMP/gallery
PY=/usr/bin/python3
mkdir -p "$G"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)

# chrome FILE.html OUT ERR: the DOM after load, console on ERR.
chrome() {
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
	    --enable-logging=stderr --log-level=0 --virtual-time-budget=10000 \
	    --dump-dom "file://$1" >"$2" 2>"$3"
}

"$BROCHURE" render $D -l layouts/social-square.yaml -l layouts/social-portrait.yaml \
    -l layouts/social-story.yaml -l layouts/og.yaml -o "$G/cards/" --gallery -q
"$BROCHURE" render $D -l tests/e2e/overflow.yaml -o "$G/pdf/ov.pdf" --gallery -q
[ -f "$G/cards/index.html" ] && [ -f "$G/pdf/index.html" ] && pass ||
    fail "--gallery writes index.html beside the output"
grep -q -E '(src|href)="(https?:)?//' "$G/cards/index.html" "$G/pdf/index.html" &&
    fail "the gallery uses no external resource" || pass
grep -c '<figure' "$G/cards/index.html" | grep -qx 16 && pass ||
    fail "a figure for each of the 16 cards"
grep -q '<figure class="flagged"><a href="ov.pdf#page=1"><img src="pages/1.png"' "$G/pdf/index.html" &&
    grep -q "<li class=\"warning\">data/interns.yaml:28:9: warning: text overflows frame" "$G/pdf/index.html" &&
    pass || fail "a PDF page's thumbnail with its warning beside it"
# A failing --strict run writes no page that fails, but the gallery
# still pictures it (pages/), marked "not written", for the reviewer of
# a failed CI job to see what overflowed: 1240 pixels wide (A4 at 150
# dpi), to read the words that spill, not a 400-pixel thumbnail.
"$BROCHURE" render $D -l tests/e2e/overflow.yaml -o "$G/strict/" --strict \
    --gallery -q 2>/dev/null
st=$?
"$BROCHURE" render $D -l tests/e2e/overflow.yaml -o "$G/strict-pdf/ov.pdf" \
    --strict --gallery -q 2>/dev/null
st2=$?
if [ $st -eq 1 ] && [ $st2 -eq 1 ] && [ ! -e "$G/strict/gina.png" ] &&
    [ ! -e "$G/strict-pdf/ov.pdf" ] &&
    grep -q '<figure class="flagged failed"><a href="pages/gina.png"><img src="pages/gina.png"' "$G/strict/index.html" &&
    grep -q '<figure class="flagged failed"><a href="pages/1.png"><img src="pages/1.png"' "$G/strict-pdf/index.html" &&
    [ "$(grep -c 'class="flagged failed"' "$G/strict/index.html")" = 4 ] &&
    grep -q '4 pages, 4 with diagnostics, 4 not written' "$G/strict/index.html" &&
    [ "$(head -c 4 "$G/strict/pages/ted.png" | od -An -c | tr -d ' ')" = "211PNG" ] &&
    [ "$(head -c 4 "$G/strict-pdf/pages/4.png" | od -An -c | tr -d ' ')" = "211PNG" ] &&
    [ "$(od -An -tu1 -j16 -N4 "$G/strict-pdf/pages/4.png" | tr -s ' ')" = " 0 0 4 216" ]; then
	pass
else
	fail "a --strict run's gallery pictures the pages it did not write" \
	    "status $st, $st2" "$(ls "$G/strict" "$G/strict-pdf" 2>&1)" \
	    "$(grep -o '<p>[^<]*</p>\|<figure[^>]*><a[^>]*>[^<]*<img src="[^"]*"' "$G/strict/index.html" 2>&1 | head -6)"
fi
# ... with its frames outlined (magenta, as --debug-boxes draws them),
# so the reviewer sees where the frame ends and what spills out.
if out=$($PY - "$G/strict-pdf/pages/1.png" <<-'EOF' 2>&1
	import sys
	sys.path.insert(0, "tests/e2e")
	import pngread
	w, h, bpp, rows = pngread.read(sys.argv[1])
	n = sum(1 for r in rows for x in range(0, w * bpp, bpp)
	        if r[x] > 200 and r[x + 1] < 90 and r[x + 2] > 200)
	assert n > 1000, "%d magenta pixels" % n
	EOF
); then pass; else fail "a failed page's picture outlines its frames" "$out"; fi

if [ -z "$CHROMIUM" ]; then
	skip "gallery in Chromium" "chromium is not installed (scripts/setup installs it)"
else
	for g in cards pdf strict; do
		want=$([ $g = cards ] && echo 16 || echo 4)
		if chrome "$G/$g/index.html" "$G/$g.dom" "$G/$g.log"; then
			grep -q "data-images=\"$want 0\"" "$G/$g.dom" && pass ||
			    fail "$g: every image of the gallery loaded in Chromium" "$(grep -o 'data-images="[^"]*"' "$G/$g.dom")"
			grep -q "CONSOLE" "$G/$g.log" &&
			    fail "$g: no console message in Chromium" "$(grep CONSOLE "$G/$g.log")" || pass
		else
			fail "$g: Chromium loads the gallery" "$(tail -5 "$G/$g.log")"
		fi
	done
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
	    --window-size=1280,1600 --screenshot="$G/shot.png" \
	    "file://$G/cards/index.html" >/dev/null 2>&1
	[ "$(head -c 8 "$G/shot.png" 2>/dev/null | od -An -c | tr -d ' ')" = "211PNG\r\n032\n" ] &&
	    pass || fail "Chromium takes a screenshot of the gallery"
	# The check can fail: a gallery whose image is gone.
	rm "$G/cards/ted-og.png"
	chrome "$G/cards/index.html" "$G/gone.dom" "$G/gone.log"
	grep -q 'data-images="16 1"' "$G/gone.dom" && pass ||
	    fail "a missing image is noticed" "$(grep -o 'data-images="[^"]*"' "$G/gone.dom")"
fi
suite_end
