# End-to-end: the command line as a user runs it, outputs read back with
# real tools (pdfinfo, pdftotext, pdffonts, qpdf).
suite_begin e2e
PY=/usr/bin/python3
D=data/interns.yaml
A4=layouts/brochure-a4.yaml
SQ=layouts/social-square.yaml
E=$TMP/e2e
mkdir -p "$E"

# diags FILE: the diagnostics in a captured stderr, without the closing
# summary line ("6 pages, 1 format, 0.1 s, 57 pages/s").
SUMMARY='^(.+: )?([0-9]+ (pages|images|SVG files|PDF files)|1 (page|image|SVG file|PDF file)), [0-9]+ formats?, [0-9.]+ s, [0-9]+ [a-z/]+( \([0-9]+ not written\))?$'
diags() {
	grep -v -E "$SUMMARY" "$1"
}

# -- the sample brochure ------------------------------------------------
if "$BROCHURE" render $D -l $A4 -o "$E/b.pdf" 2>"$E/err"; then
	pass
	[ -n "$(diags "$E/err")" ] && fail "sample brochure prints no diagnostic" "$(cat "$E/err")" || pass
	grep -q -E "$SUMMARY" "$E/err" && [ "$(wc -l <"$E/err")" = 1 ] && pass ||
	    fail "a render ends with one summary line" "$(cat "$E/err")"
	tr -d '\n' <"$E/err" | grep -q "$(printf '[\r\033]')" &&
	    fail "no progress bar when stderr is not a terminal" "$(od -c "$E/err" | head)" || pass
	info=$(pdfinfo "$E/b.pdf")
	pages=$(printf '%s\n' "$info" | sed -n 's/^Pages: *//p')
	[ "$pages" = 6 ] && pass || fail "brochure has 6 pages (cover, 4 interns, back)" "got $pages"
	# Every page A4, not just the first.
	sizes=$(pdfinfo -f 1 -l 6 "$E/b.pdf" | grep -c 'size: *595.276 x 841.89 pts')
	[ "$sizes" = 6 ] && pass || fail "every page is A4" "$sizes of 6"
	title=$(printf '%s\n' "$info" | sed -n 's/^Title: *//p')
	[ "$title" = "Unthinkable Question — 인턴 체험 스토리." ] && pass ||
	    fail "PDF title from the data" "got '$title'"
	printf '%s\n' "$info" | grep -q "^Author: *카카오브레인$" &&
	    printf '%s\n' "$info" | grep -q "^Subject: *2021 Summer AI 영입 연계형 인턴과정$" &&
	    printf '%s\n' "$info" | grep -q "^Keywords: *인턴, 회고, 카카오브레인$" && pass ||
	    fail "PDF author, subject and keywords from the data" "$info"
	pdftotext -raw "$E/b.pdf" "$E/b.txt"
	check "pdftotext gives back every text of every intern" \
	    $PY tests/e2e/text-check.py --text $D "$E/b.txt"
	check "pdftotext lines joined with a space give each paragraph exactly" \
	    $PY tests/e2e/text-check.py --joined $D "$E/b.txt"
	check "no line of the brochure ends inside a word (keep-all)" \
	    $PY tests/e2e/text-check.py --keep-all $D "$E/b.txt"
	grep -q "Wilson이 알려주는 노하우!" "$E/b.txt" &&
	    grep -q "Gina가 알려주는 노하우!" "$E/b.txt" && pass ||
	    fail "particles agree: Wilson이, Gina가"
	grep -q "{{" "$E/b.txt" && fail "no template braces in the PDF" || pass
	fonts=$(pdffonts "$E/b.pdf" | tail -n +3)
	[ -n "$fonts" ] && ! printf '%s\n' "$fonts" |
	    awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad=1 } END { exit !bad }' &&
	    pass || fail "every font embedded, subset, with ToUnicode" "$fonts"
	printf '%s\n' "$fonts" | grep -v "NanumGothic\|Lato" | grep -q . &&
	    fail "only the bundled fonts are used" "$fonts" || pass
	check "qpdf --check is clean" qpdf --check "$E/b.pdf"
	urls=$(pdfinfo -url "$E/b.pdf" | awk 'NR > 1 && $3 == "https://www.facebook.com/kakaobrain" { print $1 }' | sort -u | tr '\n' ' ')
	[ "$urls" = "2 3 4 5 6 " ] && pass || fail "a clickable link on every intern page and the back" "$(pdfinfo -url "$E/b.pdf")"
	qpdf --json "$E/b.pdf" | $PY -c 'import json, sys
def walk(o, d=0):
    for e in o:
        print("%s%s @%s" % ("  " * d, e["title"], e["destpageposfrom1"]))
        walk(e["kids"], d + 1)
walk(json.load(sys.stdin)["outlines"])' >"$E/outline"
	printf '%s\n' "Unthinkable Question @1" "  Gina · 빠르다 @2" "  Wilson · 플렉스 @3" \
	    "  Jwoong · 비행기 @4" "  Ted · 오케스트라 @5" "카카오브레인 @6" >"$E/want"
	same "an outline entry per intern, under the cover, in Korean" "$E/want" "$E/outline"
	"$BROCHURE" render $D -l $A4 -o "$E/b2.pdf" 2>/dev/null
	cmp -s "$E/b.pdf" "$E/b2.pdf" && pass || fail "same input, same PDF bytes"
	SOURCE_DATE_EPOCH=1630454400 "$BROCHURE" render $D -l $A4 -o "$E/b3.pdf" -q
	pdfinfo "$E/b3.pdf" | grep -q "CreationDate: *Wed Sep  1 00:00:00 2021 UTC" &&
	    pass || fail "SOURCE_DATE_EPOCH sets the PDF date" "$(pdfinfo "$E/b3.pdf" | grep Date)"
else
	fail "render the sample brochure" "$(cat "$E/err")"
fi

# -- print: bleed, crop marks, TrimBox and BleedBox ----------------------
P=layouts/brochure-a5-print.yaml
if "$BROCHURE" render $D -l $P -o "$E/print.pdf" 2>"$E/err" && [ -z "$(diags "$E/err")" ]; then
	pdfinfo -box -f 1 -l 6 "$E/print.pdf" >"$E/box"
	for box in "MediaBox:      0.00     0.00   481.89   657.64" \
	    "BleedBox:     22.68    22.68   459.21   634.96" \
	    "TrimBox:      31.18    31.18   450.71   626.46"; do
		n=$(grep -c "$box" "$E/box")
		[ "$n" = 6 ] && pass || fail "every A5 page has ${box%%:*} $(echo ${box#*:})" "$n of 6; $(grep "${box%%:*}" "$E/box" | head -2)"
	done
	check "qpdf --check is clean on the print PDF" qpdf --check "$E/print.pdf"
	"$BROCHURE" render $D -l $P -o "$E/print2.pdf" 2>/dev/null
	cmp -s "$E/print.pdf" "$E/print2.pdf" && pass || fail "the print PDF is the same bytes twice"
	pdftotext -raw "$E/print.pdf" "$E/print.txt"
	check "the A5 print brochure holds every text" $PY tests/e2e/text-check.py --text $D "$E/print.txt"
else
	fail "render the A5 print brochure without a warning" "$(cat "$E/err")"
fi
[ "$(grep -ac '/TrimBox\|/BleedBox' "$E/b.pdf")" = 0 ] && pass ||
    fail "without bleed, no print boxes are written"

# -- N-up: two interns to a sheet ---------------------------------------
H=layouts/handout-a4.yaml
"$BROCHURE" render $D -l $H -o "$E/handout.pdf" 2>"$E/err"
[ "$(pdfinfo "$E/handout.pdf" | sed -n 's/^Pages: *//p')" = 2 ] && [ -z "$(diags "$E/err")" ] && pass ||
    fail "four interns two to a sheet make two pages" "$(cat "$E/err")"
pdftotext -raw "$E/handout.pdf" - | grep -x "Gina\|Wilson\|Jwoong\|Ted" | tr '\n' ' ' >"$E/names"
[ "$(cat "$E/names")" = "Gina Wilson Jwoong Ted " ] && pass ||
    fail "the sheets are filled in order" "$(cat "$E/names")"
"$BROCHURE" check tests/e2e/three.yaml -l $H --dump-tree - 2>/dev/null |
    awk '/^page/ { p = $2 } /^    \| (Gina|Wilson|Ted)$/ { printf "%s:%s ", p, $2 }' >"$E/slots"
[ "$(cat "$E/slots")" = "1:Gina 1:Wilson 2:Ted " ] && pass ||
    fail "three interns: the last sheet has one card, its other slot blank" "$(cat "$E/slots")"
"$BROCHURE" render $D -l $H -o "$E/hod/" 2>/dev/null
[ "$(cd "$E/hod" && ls | tr '\n' ' ')" = "cards-1.png cards-2.png " ] && pass ||
    fail "in a folder, N-up sheets are named page-sheet" "$(ls "$E/hod")"

# -- social cards -------------------------------------------------------
if "$BROCHURE" render $D -l $SQ -o "$E/social/" 2>"$E/err"; then
	pass
	n=0
	for id in gina wilson jwoong ted; do
		[ "$(png_size "$E/social/$id.png" 2>/dev/null)" = 1080x1080 ] &&
		    n=$((n + 1))
	done
	[ "$n" = 4 ] && pass || fail "four 1080×1080 cards named after the ids" "$(ls -l "$E/social")"
	"$BROCHURE" check $D -l $SQ --dump-tree - | sed -n 's/^    | //p' >"$E/cards.txt"
	check "no line of the cards ends inside a word (keep-all)" \
	    $PY tests/e2e/text-check.py --keep-all $D "$E/cards.txt"
	[ "$(ls "$E/social" | wc -l)" = 4 ] && pass || fail "nothing else in the folder" "$(ls -a "$E/social")"
	"$BROCHURE" render $D -l $SQ -o "$E/social2/" 2>/dev/null
	cmp -s "$E/social/ted.png" "$E/social2/ted.png" && pass || fail "same input, same PNG bytes"
	"$BROCHURE" render $D -l $SQ -o "$E/half/" --scale 0.5 -q
	[ "$(png_size "$E/half/gina.png")" = 540x540 ] && pass || fail "--scale 0.5 gives 540×540" "$(png_size "$E/half/gina.png")"
	"$BROCHURE" render $D -l $SQ -o "$E/dpi/" --dpi 192 -q
	[ "$(png_size "$E/dpi/gina.png")" = 2160x2160 ] && pass || fail "--dpi 192 gives 2160×2160" "$(png_size "$E/dpi/gina.png")"
else
	fail "render the social cards" "$(cat "$E/err")"
fi

# Other formats and shapes of output.
"$BROCHURE" render $D -l $SQ -o "$E/svg/" --format svg 2>"$E/err" &&
    [ "$(ls "$E/svg"/*.svg | wc -l)" = 4 ] && head -c 200 "$E/svg/gina.svg" | grep -q "<svg" &&
    pass || fail "--format svg writes one SVG per card" "$(cat "$E/err")"
"$BROCHURE" render $D -l $A4 -o "$E/pages/" 2>"$E/err" &&
    [ "$(cd "$E/pages" && ls | tr '\n' ' ')" = "back.png cover.png gina.png jwoong.png ted.png wilson.png " ] &&
    pass || fail "a folder gets cover.png, <id>.png, back.png" "$(ls "$E/pages") $(cat "$E/err")"
[ "$(png_size "$E/pages/cover.png")" = 794x1123 ] && pass ||
    fail "A4 at 96 dpi is 794×1123" "$(png_size "$E/pages/cover.png")"
touch "$E/pages/keep.txt"
"$BROCHURE" render $D -l $A4 -o "$E/pages/" 2>/dev/null
[ -f "$E/pages/keep.txt" ] && pass || fail "rendering into a folder keeps other files"

# -- QR codes: decoded back from the PNG and from the PDF ---------------
rm -rf "$E/qr"
"$BROCHURE" render $D -l $A4 -o "$E/qr/" --dpi 150 2>/dev/null
got=$(zbarimg -q --raw "$E/qr/ted.png" 2>/dev/null)
[ "$got" = https://www.facebook.com/kakaobrain ] && pass ||
    fail "the QR code on a rendered page decodes to the link" "got '$got'"
pdftoppm -r 150 -png -f 3 -l 3 "$E/b.pdf" "$E/qrpdf"
got=$(zbarimg -q --raw "$E"/qrpdf*.png 2>/dev/null)
[ "$got" = https://www.facebook.com/kakaobrain ] && pass ||
    fail "the QR code in the PDF decodes to the link" "got '$got'"
printf 'page: {size: A6}\nstyles: {body: {size: 10pt}}\npages:\n  - name: q\n    each: interns\n    frames: [{blocks: [{qr: "{{link.url}}", size: 12mm}]}]\n' >"$E/qrsmall.yaml"
"$BROCHURE" check $D -l "$E/qrsmall.yaml" 2>"$E/err"
grep -q "warning: QR code modules are 0.32mm across; print needs 0.4mm: make it at least 15mm" "$E/err" &&
    pass || fail "QR modules under 0.4mm are a warning with the size that would do" "$(cat "$E/err")"

# -- image blocks: a PNG from the layout's folder on every page ---------
if "$BROCHURE" render $D -l tests/e2e/image.yaml -o "$E/img.pdf" 2>"$E/err"; then
	n=$(pdfimages -list "$E/img.pdf" | awk 'NR > 2 && $4 == 120 && $5 == 80' | wc -l)
	[ "$n" = 4 ] && pass || fail "the 120×80 logo is on each of the 4 pages" "$(pdfimages -list "$E/img.pdf")"
else
	fail "render a layout with an image block" "$(cat "$E/err")"
fi

# -- JPEG photos: embedded as JPEG, EXIF orientation honoured -----------
n=$(pdfimages -list "$E/b.pdf" | awk 'NR > 2 && $9 == "jpeg" && $4 == 600 && $5 == 750' | wc -l)
[ "$n" = 3 ] && pass || fail "the three JPEG portraits are embedded as JPEG, not re-encoded" "$(pdfimages -list "$E/b.pdf")"
"$BROCHURE" check $D -l $A4 --dump-tree - 2>/dev/null | awk '/^page/ { p = $3 } p == "'"'"'jwoong'"'"'" && /^    \| J$/' | grep -q J &&
    pass || fail "the intern without a photo gets the initial placeholder"
"$BROCHURE" check $D -l tests/e2e/turned.yaml --dump-tree - 2>/dev/null | grep -q "^  image 28.35 28.35 56.69 85.04" &&
    pass || fail "an EXIF-turned JPEG is laid out upright (40×60 shown as 20mm × 30mm)"

"$BROCHURE" check $D -l tests/e2e/exif-odd.yaml --dump-tree "$E/odd.tree" 2>"$E/err"
[ $? = 0 ] && [ "$(grep -c '^  image .* 56.69 37.80$' "$E/odd.tree")" = 2 ] && pass ||
    fail "JPEGs with odd EXIF (orientation 9, an offset past the end) are read upright" "$(cat "$E/odd.tree" "$E/err")"

# -- SVG logos: vectors on every page, with links around them ----------
if "$BROCHURE" render $D -l tests/e2e/svg.yaml -o "$E/svg.pdf" --allow-path layouts 2>"$E/err"; then
	[ "$(pdfimages -list "$E/svg.pdf" | wc -l)" = 2 ] && pass ||
	    fail "an SVG logo is drawn as vectors, not as an image" "$(pdfimages -list "$E/svg.pdf")"
	[ "$(pdfinfo -url "$E/svg.pdf" | wc -l)" = 5 ] && qpdf --check "$E/svg.pdf" >/dev/null &&
	    pass || fail "SVG pages keep their links, and qpdf accepts the file"
else
	fail "render SVG logos on four pages" "$(cat "$E/err")"
fi

# -- masks and placeholders --------------------------------------------
"$BROCHURE" check tests/e2e/placeholder-data.yaml -l tests/e2e/placeholder.yaml --dump-tree "$E/ph.tree" 2>"$E/err"
awk '/^page/ { p = $3 } /^  (rect|image|text)/ { print p, $1 } /^    \| / { print p, $2 }' "$E/ph.tree" >"$E/ph.txt"
printf '%s\n' "'gina' image" "'gina' text" "'gina' Gina" "'wilson' rect" "'wilson' text" "'wilson' W" \
    "'wilson' text" "'wilson' Wilson" "'ted' rect" "'ted' text" "'ted' 테" "'ted' text" "'ted' 테드" >"$E/want"
same "a photo where there is one, else the initial on a disc" "$E/want" "$E/ph.txt"
"$BROCHURE" render tests/e2e/placeholder-data.yaml -l tests/e2e/placeholder.yaml -o "$E/phd1/" 2>/dev/null
"$BROCHURE" render tests/e2e/placeholder-data.yaml -l tests/e2e/placeholder.yaml -o "$E/phd2/" 2>/dev/null
[ -s "$E/phd1/wilson.png" ] && cmp -s "$E/phd1/wilson.png" "$E/phd2/wilson.png" && pass || fail "the placeholder's colour comes from the id: same bytes twice"

# -- command line and exit statuses -------------------------------------
"$BROCHURE" --help >"$E/out" 2>&1 && grep -q "^usage: brochure render" "$E/out" &&
    pass || fail "--help prints the usage, exit 0"
"$BROCHURE" --version | grep -q "^brochure [0-9]" && pass || fail "--version"
"$BROCHURE" >/dev/null 2>&1; [ $? = 2 ] && pass || fail "no arguments is exit 2"
"$BROCHURE" render nosuch.yaml -l $A4 -o "$E/x.pdf" 2>"$E/err"
[ $? = 2 ] && grep -q "no such data file 'nosuch.yaml'" "$E/err" && pass ||
    fail "a missing DATA file is exit 2 naming it" "$(cat "$E/err")"
"$BROCHURE" render $D -l $A4 -o "$E/x.pdf" --bogus 2>/dev/null; [ $? = 2 ] && pass || fail "unknown option is exit 2"
"$BROCHURE" render $D -l $SQ -o "$E/one.png" 2>"$E/err"
[ $? = 2 ] && [ ! -e "$E/one.png" ] && grep -q "makes 4 pages" "$E/err" && pass ||
    fail "several pages into one .png is exit 2" "$(cat "$E/err")"
"$BROCHURE" render $D -l $A4 -o "$E/x.txt" 2>/dev/null; [ $? = 2 ] && pass || fail "an unknown output kind is exit 2"
"$BROCHURE" check $D -l $A4 >"$E/out" 2>&1; st=$?
[ $st = 0 ] && [ ! -s "$E/out" ] && pass || fail "check on the sample: exit 0, silent" "status $st: $(cat "$E/out")"
# Output that cannot be written: exit 3 with the path.
touch "$E/file"
"$BROCHURE" render $D -l $A4 -o "$E/file/b.pdf" 2>"$E/err"; st=$?
[ $st = 3 ] && grep -q "file/b.pdf" "$E/err" && pass || fail "unwritable output is exit 3 naming the path" "status $st: $(cat "$E/err")"

# -- nothing lost -------------------------------------------------------
echo OLD >"$E/keep.pdf"
"$BROCHURE" render tests/e2e/bad-data.yaml -l $A4 -o "$E/keep.pdf" 2>/dev/null
[ "$(cat "$E/keep.pdf")" = OLD ] && pass || fail "a failed run leaves the earlier file untouched"
ls -a "$E" | grep -q '^\.keep' && fail "a failed run leaves no temporary file" "$(ls -a "$E")" || pass

# -- overflow and --strict ----------------------------------------------
"$BROCHURE" check $D -l tests/e2e/overflow.yaml 2>"$E/err"; st=$?
same "overflow is a warning at the data node, with a note at the frame" tests/e2e/overflow.err "$E/err"
[ $st = 0 ] && pass || fail "overflow alone is exit 0" "status $st"
"$BROCHURE" check $D -l tests/e2e/overflow.yaml --strict 2>/dev/null
[ $? = 1 ] && pass || fail "overflow under --strict is exit 1"
"$BROCHURE" check $D -l tests/e2e/overflow.yaml --quiet 2>"$E/err"
[ ! -s "$E/err" ] && pass || fail "--quiet hides warnings" "$(cat "$E/err")"

rm -f "$E/strict.pdf"
"$BROCHURE" render $D -l tests/e2e/overflow.yaml -o "$E/strict.pdf" --strict 2>/dev/null
st=$?
[ $st = 1 ] && [ ! -e "$E/strict.pdf" ] && pass ||
    fail "render --strict with overflow: exit 1 and no file" "status $st"
"$BROCHURE" check $D -l tests/e2e/fit-exact.yaml --strict 2>"$E/err"
[ $? = 0 ] && [ ! -s "$E/err" ] && pass ||
    fail "text that fills its frame exactly, with space after, fits" "$(cat "$E/err")"
"$BROCHURE" check tests/e2e/glyph.yaml -l $SQ 2>"$E/err"
grep -qx "tests/e2e/glyph.yaml:6:11: warning: no bundled font draws 'ก' (U+0E01) (page 1, record 'som', field 'name')" "$E/err" &&
    pass || fail "a character no font has is a warning naming it" "$(cat "$E/err")"

rm -f "$E/ov.pdf"
"$BROCHURE" render $D -l tests/e2e/overflow.yaml -o "$E/ov.pdf" 2>"$E/err"
st=$?
[ $st = 0 ] && [ -s "$E/ov.pdf" ] && diags "$E/err" | cmp -s - tests/e2e/overflow.err &&
    pass || fail "render without --strict: exit 0, the file, the same warnings" "status $st: $(cat "$E/err")"

# -- fitting ------------------------------------------------------------
"$BROCHURE" check $D -l tests/e2e/fit.yaml --dump-tree "$E/fit.tree" 2>"$E/err"
heights=$(awk '$1 == "text" { printf "%s ", $5 }' "$E/fit.tree")
lines=$(grep -c '^    | ' "$E/fit.tree")
case $heights in
"40.00 40.00 40.00 36."*) [ "$lines" = 4 ] && [ ! -s "$E/err" ] && pass ||
	fail "fit: one line each, no warning" "$lines lines; $(cat "$E/err")" ;;
*) fail "fit: short keywords keep 40pt, 오케스트라 shrinks to the largest size on one line (36.x)" "$heights" ;;
esac
"$BROCHURE" check $D -l tests/e2e/fit-lines.yaml 2>"$E/err"; st=$?
head -2 "$E/err" >"$E/err2"
printf '%s\n' "data/interns.yaml:32:14: warning: text takes 6 lines, more than its max-lines 2 (page 1, record 'gina', field 'summary')" \
    "tests/e2e/fit-lines.yaml:11:13: note: the text block is here" >"$E/want"
[ $st = 0 ] && cmp -s "$E/want" "$E/err2" && pass ||
    fail "max-lines passed even at the smallest size: a warning at the data, a note at the block" "$(diff "$E/want" "$E/err2")"
"$BROCHURE" check $D -l tests/e2e/fit-lines.yaml --strict 2>/dev/null
[ $? = 1 ] && pass || fail "max-lines passed under --strict: exit 1"

n=$("$BROCHURE" check tests/e2e/fit-glyph.yaml -l $SQ 2>&1 | grep -c "no bundled font draws 'ก'")
[ "$n" = 1 ] && pass || fail "a fitted text's missing glyph is reported once, not per trial" "$n times"

# -- mixed scripts ------------------------------------------------------
if "$BROCHURE" render $D -l tests/e2e/scripts.yaml -o "$E/scripts.pdf" 2>"$E/err" && [ -z "$(diags "$E/err")" ]; then
	fonts=$(pdffonts "$E/scripts.pdf" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]*+//' | sort -u | tr '\n' ' ')
	[ "$fonts" = "Lato-Bold NanumGothic NanumGothicExtraBold " ] && pass ||
	    fail "Latin from Lato, Hangul (bold: ExtraBold) and Hanja from NanumGothic, nothing else" "$fonts"
	pdftotext -raw "$E/scripts.pdf" - | grep -q "韓國語 文章을 漢字와 함께 씁니다." && pass ||
	    fail "Hanja text comes back from the PDF"
else
	fail "render mixed scripts with no warning (no missing glyph)" "$(cat "$E/err")"
fi

# -- data text is plain text, missing fields leave their element out ----
"$BROCHURE" render tests/e2e/plain.yaml -l $A4 -o "$E/plain.pdf" 2>"$E/err" || fail "render markup-like data" "$(cat "$E/err")"
pdftotext -raw "$E/plain.pdf" "$E/plain.txt"
tr -d ' \n' <"$E/plain.txt" | grep -qF "인턴'<b>Kim</b>&{{name}}&amp;</span>'의회고" &&
    pass || fail "markup and braces in data print literally" "$(cat "$E/plain.txt")"
grep -q "노하우\|추천!\|조언\|{{team\|{{story\|{{summary\|{{link" "$E/plain.txt" &&
    fail "a record with only id and name leaves the rest out" "$(cat "$E/plain.txt")" || pass

# -- limits and confinement -------------------------------------------
"$BROCHURE" check $D -l tests/bad/layout-image-outside.yaml --allow-path tests/e2e 2>"$E/err"
[ $? = 0 ] && pass || fail "--allow-path lets an image from that folder in" "$(cat "$E/err")"
mkdir -p "$E/confine"
sed 's|image: ../e2e/logo.png|image: logo.png|' tests/bad/layout-image-outside.yaml >"$E/confine/layout.yaml"
ln -sf "$PWD/tests/e2e/logo.png" "$E/confine/logo.png"
"$BROCHURE" check $D -l "$E/confine/layout.yaml" 2>"$E/err"
[ $? = 1 ] && grep -q "image 'logo.png' is outside the folder of the layout" "$E/err" && pass ||
    fail "a symbolic link that leaves the layout's folder counts as leaving" "$(cat "$E/err")"
cp tests/e2e/logo.png "$E/confine/real.png"
ln -sf real.png "$E/confine/inside.png"
sed 's|image: logo.png|image: inside.png|' "$E/confine/layout.yaml" >"$E/confine/inside.yaml"
"$BROCHURE" check $D -l "$E/confine/inside.yaml" 2>"$E/err"
[ $? = 0 ] && pass || fail "a symbolic link inside the folder is fine" "$(cat "$E/err")"
$PY -c 'import sys
print("interns:")
for i in range(100001): print("  - {id: r%d, name: R}" % i)' >"$E/many.yaml"
"$BROCHURE" check "$E/many.yaml" -l tests/bad/common-layout.yaml 2>"$E/err"
[ $? = 1 ] && grep -q "'interns' holds 100001 records; the limit is 100000" "$E/err" && pass ||
    fail "more than 100,000 records is an error" "$(head -3 "$E/err")"
truncate -s 65M "$E/big.yaml"
"$BROCHURE" check "$E/big.yaml" -l tests/bad/common-layout.yaml 2>"$E/err"
[ $? = 1 ] && grep -q "big.yaml: error: the file is 65.0 MiB; the limit is 64 MiB" "$E/err" && pass ||
    fail "a data file over 64 MiB is refused before reading" "$(cat "$E/err")"

printf 'page: {size: [14000pt, 14000pt]}\nstyles: {body: {size: 10pt}}\npages:\n  - name: big\n    frames: [{blocks: [{text: hi}]}]\n' >"$E/bigpage.yaml"
"$BROCHURE" render $D -l "$E/bigpage.yaml" -o "$E/big.png" 2>"$E/err"
[ $? = 2 ] && [ ! -e "$E/big.png" ] && grep -q "over the limit of 100 megapixels" "$E/err" && pass ||
    fail "a PNG page over 100 megapixels is refused before allocating it" "$(cat "$E/err")"

# -- nothing lost: one bad record in a folder, a full disk --------------
mkdir -p "$E/ph"
cp tests/e2e/photos.yaml tests/e2e/logo.png "$E/ph/"
"$BROCHURE" render "$E/ph/photos.yaml" -l tests/e2e/photo.yaml -o "$E/ph/out/" 2>"$E/err"
st=$?
[ $st = 1 ] && [ -f "$E/ph/out/al.png" ] && [ -f "$E/ph/out/cy.png" ] &&
    [ ! -e "$E/ph/out/bo.png" ] && grep -q "missing.png" "$E/err" && pass ||
    fail "a folder render: the bad record fails (exit 1), the others are written" "status $st: $(ls "$E/ph/out") $(cat "$E/err")"
mkdir -p "$E/full"
if mount -t tmpfs -o size=32k tmpfs "$E/full" 2>/dev/null; then
	echo OLD >"$E/full/b.pdf"
	"$BROCHURE" render $D -l $A4 -o "$E/full/b.pdf" 2>"$E/err"
	st=$?
	[ $st = 3 ] && grep -q "full/b.pdf: error: cannot write" "$E/err" &&
	    [ "$(cat "$E/full/b.pdf")" = OLD ] && [ "$(ls -A "$E/full")" = b.pdf ] &&
	    pass || fail "a full disk: exit 3 naming the file, the earlier file kept, no temporary left" "status $st: $(cat "$E/err"); $(ls -A "$E/full")"
	umount "$E/full"
else
	skip "a full disk" "cannot mount a small tmpfs here (not root, or no mount rights)"
fi

# -- keep-all can fail: syllable breaking is caught ---------------------
"$BROCHURE" render $D -l tests/e2e/break-normal.yaml -o "$E/normal.pdf" -q
pdftotext -raw "$E/normal.pdf" "$E/normal.txt"
$PY tests/e2e/text-check.py --keep-all $D "$E/normal.txt" >/dev/null &&
    fail "the keep-all check finds split words in break: normal text" || pass
"$BROCHURE" render $D -l tests/e2e/break-keep-all.yaml -o "$E/keep.pdf" -q
pdftotext -raw "$E/keep.pdf" "$E/keepall.txt"
check "keep-all in a narrow 60mm column splits no word" \
    $PY tests/e2e/text-check.py --keep-all $D "$E/keepall.txt"

# -- the sample data is the seed, verbatim ------------------------------
if [ -f ../shared/seed/intern-stories.txt ]; then
	check "data/interns.yaml holds every line of the seed" \
	    $PY tests/e2e/seed-check.py ../shared/seed/intern-stories.txt
else
	skip "seed check" "../shared/seed/intern-stories.txt is not beside the checkout"
fi
# -- diagnostics on a terminal: the source line and a caret -------------
if command -v script >/dev/null 2>&1; then
	BC=tests/bad/layout-bad-color
	env -u CI NO_COLOR=1 script -qec "$BROCHURE check $D -l $BC.yaml" /dev/null 2>&1 |
	    tr -d '\r' >"$E/tty"
	printf '%s\n' "$(sed -n 1p $BC.err)" '   12 |     color: "#12345"' \
	    '      |            ^' >"$E/want"
	head -3 "$E/tty" | cmp -s - "$E/want" && pass ||
	    fail "on a terminal a diagnostic shows its line with a caret under the column" "$(cat "$E/tty")"
	env -u CI -u NO_COLOR script -qec "$BROCHURE check $D -l $BC.yaml" /dev/null 2>&1 >"$E/tty"
	grep -q "$(printf '\033')\[1;31merror:" "$E/tty" && pass ||
	    fail "on a terminal the level is in colour" "$(cat -v "$E/tty" | head -3)"
	CI=true script -qec "$BROCHURE check $D -l $BC.yaml" /dev/null 2>&1 | tr -d '\r' >"$E/tty"
	same "under CI a diagnostic stays one line, even on a terminal" $BC.err "$E/tty"
	# The caret counts a Hangul syllable as two terminal columns.
	printf 'interns:\n  - {name: 가나다, id: "Bad Id"}\n' >"$E/wide.yaml"
	env -u CI NO_COLOR=1 script -qec "$BROCHURE check $E/wide.yaml -l $SQ" /dev/null 2>&1 |
	    tr -d '\r' | sed -n 3p >"$E/tty"
	printf '      | %23s^\n' '' >"$E/want"
	same "the caret lines up under text after wide (Hangul) characters" "$E/want" "$E/tty"
else
	skip "diagnostics on a terminal" "script(1) is not installed"
fi
# -- init: a starter project that renders at once ----------------------
if "$BROCHURE" init "$E/starter/new" >"$E/out" 2>"$E/err"; then
	[ "$(ls "$E/starter/new" | tr '\n' ' ')" = "README data.yaml layout.yaml " ] &&
	    [ "$(wc -l <"$E/starter/new/README")" = 5 ] && pass ||
	    fail "init writes data.yaml, layout.yaml and a README of five lines" "$(ls "$E/starter/new")"
	(cd "$E/starter/new" && "$BROCHURE" render data.yaml -l layout.yaml -o out/ --strict 2>"$E/err")
	[ $? = 0 ] && [ "$(ls "$E/starter/new/out" | wc -l)" = 2 ] && [ -z "$(diags "$E/err")" ] && pass ||
	    fail "the starter project renders at once, with no warning under --strict" "$(cat "$E/err")"
	grep -q "brochure render $E/starter/new/data.yaml" "$E/out" && pass ||
	    fail "init says how to render it" "$(cat "$E/out")"
else
	fail "init into a new folder" "$(cat "$E/err")"
fi
mkdir -p "$E/starter/empty"
"$BROCHURE" init "$E/starter/empty" >/dev/null 2>&1 && [ -f "$E/starter/empty/layout.yaml" ] && pass ||
    fail "init into an empty folder"
# -- --debug-boxes: outlines and names over the page, layout unchanged ---
"$BROCHURE" render $D -l $A4 -o "$E/dbg.pdf" --debug-boxes -q &&
    pdftotext "$E/dbg.pdf" - | grep -qx "footer" && ! pdftotext "$E/b.pdf" - | grep -qx "footer" &&
    pass || fail "--debug-boxes writes each frame's name on the page"
"$BROCHURE" check $D -l $SQ --dump-tree "$E/t1" && "$BROCHURE" check $D -l $SQ --debug-boxes --dump-tree "$E/t2" &&
    cmp -s "$E/t1" "$E/t2" && pass || fail "--debug-boxes changes no position (same box tree)"
"$BROCHURE" render $D -l $SQ -o "$E/dbgsq/" --debug-boxes --only ted -q
if [ -f "$E/social/ted.png" ] && [ -f "$E/dbgsq/ted.png" ] &&
    ! build/tests/pngdiff "$E/social/ted.png" "$E/dbgsq/ted.png" 0.001 >/dev/null 2>&1; then
	pass
else
	fail "--debug-boxes draws over the card"
fi
# -- watch: renders on every change, keeps the last good output ---------
mkdir -p "$E/watch"
check "watch re-renders on edits, keeps the last good card on a broken save, stops on Ctrl-C" \
    $PY tests/e2e/watch-check.py "$BROCHURE" "$E/watch"
# -- a QR code on a dark page scans: it has a light ground -------------
"$BROCHURE" render $D -l tests/e2e/qr-dark.yaml -o "$E/qrdark/" --only ted -q
got=$(zbarimg -q --raw "$E/qrdark/ted.png" 2>/dev/null)
[ "$got" = "https://example.com/ted" ] && pass || fail "a QR code on a dark page decodes" "got '$got'"
"$BROCHURE" check $D -l tests/e2e/qr-murky.yaml 2>"$E/err"
grep -q "tests/e2e/qr-murky.yaml:14:13: warning: the QR code's color and background are too alike to scan" "$E/err" &&
    pass || fail "a QR code too close to its ground is a warning" "$(cat "$E/err")"
# -- a misspelt field suggests the one the data has --------------------
"$BROCHURE" check $D -l tests/e2e/field-typo.yaml 2>"$E/err"
printf '%s\n' "tests/e2e/field-typo.yaml:11:19: warning: field 'nmae' is in no record; did you mean 'name'?" \
    "tests/e2e/field-typo.yaml:11:19: warning: field 'tema' is in no record; did you mean 'team'?" >"$E/want"
same "a misspelt field: did you mean the data's field?" "$E/want" "$E/err"
# -- an overflow that fitting could not fix says what to change --------
"$BROCHURE" check $D -l tests/e2e/fit-over.yaml --only gina 2>&1 | head -1 >"$E/err"
echo "data/interns.yaml:32:14: warning: text overflows frame 'tight' by 32.0pt even at its smallest fit size (page 1, record 'gina', field 'summary'): lower the fit minimum, shorten the text or make the frame taller" >"$E/want"
same "a fitted text that still overflows: the warning says what to change" "$E/want" "$E/err"
# -- runaway cost of long texts: these guard against runaway cost only --
# A 64 KiB paragraph in a fitted frame and 64,000 digits in a fitted
# keyword took 7 s / 839 MB and 74 s (line breaking was quadratic); now
# each is an error (a paragraph holds 8 KiB) in well under a second, and
# a few seconds under ASan.  The bounds, 30 s and 2 GB of address space,
# are ten times that and more; ASan maps terabytes of shadow memory, so
# the memory bound is left out under a sanitizer.
mem_bound=2000000
grep -q -- '-fsanitize' build/flags 2>/dev/null && mem_bound=unlimited
for c in paragraph:65536:handout-a4:story.0 digits:64000:brochure-a4:keyword; do
	kind=${c%%:*}; rest=${c#*:}; bytes=${rest%%:*}; rest=${rest#*:}
	lay=${rest%%:*}; field=${rest#*:}
	$PY scripts/genlong "$kind" "$bytes" "$E/long-$kind.yaml"
	( ulimit -v "$mem_bound"; exec timeout 30 "$BROCHURE" check \
	    "$E/long-$kind.yaml" -l "layouts/$lay.yaml" ) 2>"$E/err"
	st=$?
	if [ "$st" -eq 124 ]; then
		fail "runaway guard: $kind of $bytes bytes takes over 30 s"
	elif [ "$st" -ne 1 ] || ! grep -q "error: a paragraph of [0-9]* bytes; the limit is 8 KiB: split it (page .*, record 'a', field '$field')" "$E/err"; then
		fail "runaway guard: $kind of $bytes bytes is an error, within 30 s and 2 GB" "exit $st" "$(head -3 "$E/err")"
	else
		pass
	fi
done
suite_end
