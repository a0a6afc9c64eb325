# The native PDF writer (--pdf-writer native, issue 17) against cairo's:
# the same renders written both ways, read back with real tools.  Pages
# rasterised by poppler, MuPDF and Ghostscript must look like brochure's
# own PNG of the page as closely as cairo's PDF does; then qpdf --check,
# pdffonts, pdftotext, zbarimg, links, outline, print boxes, metadata,
# the same bytes at any --jobs, and a folder of one PDF a page.
suite_begin pdf
PY=/usr/bin/python3
P=$TMP/pdf
mkdir -p "$P"
export SOURCE_DATE_EPOCH=1630454400
# Rasterise at 100 dpi: brochure's PNG at --dpi 100 has the page's size
# in pixels rounded up, as poppler and MuPDF do (Ghostscript rounds
# down: pngdiff -c compares the area both have).
DPI=100
# A pixel differs when a channel differs by more than 16 of 255
# (pngdiff).  Measured on every page below: the share of differing
# pixels between a renderer's page and brochure's PNG is at most 7.8%
# (poppler), 7.0% (MuPDF), 9.1% (Ghostscript) for cairo's PDF, nearly
# all of it at glyph edges (each renderer hints and antialiases text
# its own way; small type on a small page gives the most); the native
# PDF must stay under a ceiling a little above that and within MARGIN
# percentage points of cairo's PDF of the same page.
CEIL_pp=9 CEIL_mu=8 CEIL_gs=10
MARGIN=0.5

# have TOOL: whether a tool is installed; a missing one skips its checks.
have() { command -v "$1" >/dev/null 2>&1; }

# both NAME DATA LAYOUT [ARGS...]: NAME-n.pdf (native), NAME-c.pdf
# (cairo), and NAME.png/ with brochure's own PNGs at $DPI, their order
# in NAME.list (from the manifest: one page a file, in PDF page order).
both() {
	name=$1 data=$2 layout=$3
	shift 3
	"$BROCHURE" render "$data" -l "$layout" -o "$P/$name-n.pdf" \
	    --pdf-writer native -q "$@" 2>"$P/$name.err" &&
	    "$BROCHURE" render "$data" -l "$layout" -o "$P/$name-c.pdf" \
	    --pdf-writer cairo -q "$@" 2>>"$P/$name.err" &&
	    "$BROCHURE" render "$data" -l "$layout" -o "$P/$name.png/" \
	    -f png --dpi $DPI --manifest "$P/$name.json" -q "$@" \
	    2>>"$P/$name.err" &&
	    $PY -c 'import json, sys
for o in json.load(open(sys.argv[1]))["outputs"]: print(o["file"])' \
	    "$P/$name.json" >"$P/$name.list" || {
		fail "$name: renders natively, through cairo and as PNG" \
		    "$(cat "$P/$name.err")"
		return 1
	}
	pass
}

# raster R PDF PAGE OUT: page PAGE of PDF as a PNG by renderer R
# (pp: poppler, mu: MuPDF, gs: Ghostscript).
raster() {
	case $1 in
	pp) pdftoppm -r $DPI -f "$3" -l "$3" -singlefile -png "$2" "${4%.png}" ;;
	mu) mutool draw -q -r $DPI -o "$4" "$2" "$3" 2>/dev/null ;;
	gs) gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=png16m -r$DPI \
	    -dTextAlphaBits=4 -dGraphicsAlphaBits=4 -dFirstPage="$3" \
	    -dLastPage="$3" -sOutputFile="$4" "$2" ;;
	esac
}

# share PNGDIFF_OUTPUT: the percentage of differing pixels.
share() { sed -n 's/.*(\([0-9.]*\)%).*/\1/p'; }
worst() { sed -n 's/.*difference \([0-9]*\)$/\1/p'; }

RENDERERS=""
have pdftoppm && RENDERERS="$RENDERERS pp" || skip "poppler pixels" "pdftoppm is not installed"
have mutool && RENDERERS="$RENDERERS mu" || skip "MuPDF pixels" "mutool is not installed (mupdf-tools)"
have gs && RENDERERS="$RENDERERS gs" || skip "Ghostscript pixels" "gs is not installed (ghostscript)"
# The figures, per renderer: the largest share and channel difference
# of native and cairo against the PNG, and of native against cairo.
for r in $RENDERERS; do echo "0 0 0 0 0" >"$P/fig-$r"; done

# pixels NAME PAGES: each page (1-based, as PDF pages) of NAME by every
# renderer, native and cairo, against brochure's PNG of that page.
pixels() {
	name=$1
	shift
	for pg in "$@"; do
		png=$P/$name.png/$(sed -n "${pg}p" "$P/$name.list")
		[ -f "$png" ] || { fail "$name page $pg has a PNG" "$(cat "$P/$name.list")"; continue; }
		for r in $RENDERERS; do
			n=$P/$name-$pg-$r-n.png c=$P/$name-$pg-$r-c.png
			raster $r "$P/$name-n.pdf" "$pg" "$n"
			raster $r "$P/$name-c.pdf" "$pg" "$c"
			if [ $r = pp ] && [ "$(png_size "$n")" != "$(png_size "$png")" ]; then
				fail "$name page $pg: the PNG at --dpi $DPI has the PDF page's size" \
				    "poppler $(png_size "$n"), brochure $(png_size "$png")"
				continue
			fi
			dn=$(build/tests/pngdiff -c "$png" "$n" 1)
			dc=$(build/tests/pngdiff -c "$png" "$c" 1)
			dnc=$(build/tests/pngdiff -c "$c" "$n" 1)
			sn=$(echo "$dn" | share) sc=$(echo "$dc" | share)
			read -r a b x y z <"$P/fig-$r"
			$PY -c 'import sys; v = sys.argv[1:]
print(max(float(v[0]), float(v[5])), max(int(v[1]), int(v[6])),
    max(float(v[2]), float(v[7])), max(int(v[3]), int(v[8])),
    max(float(v[4]), float(v[9])))' $a $b $x $y $z \
			    "$sn" "$(echo "$dn" | worst)" "$sc" "$(echo "$dc" | worst)" \
			    "$(echo "$dnc" | share)" >"$P/fig-$r"
			eval ceil=\$CEIL_$r
			if $PY -c 'import sys; n, c, ceil, m = map(float, sys.argv[1:])
sys.exit(not (n <= ceil and n <= c + m))' "$sn" "$sc" "$ceil" $MARGIN; then
				pass
			else
				fail "$name page $pg ($r): the native PDF looks like the PNG as closely as cairo's" \
				    "native vs PNG: $dn" "cairo vs PNG: $dc" "native vs cairo: $dnc" \
				    "(ceiling $ceil%, margin $MARGIN points; pictures: $n $c)"
			fi
		done
	done
}

# fontsok NAME PDF: PDF has fonts, each embedded, subset, with ToUnicode.
fontsok() {
	fonts=$(pdffonts "$2" 2>&1 | tail -n +3)
	[ -n "$fonts" ] && ! printf '%s\n' "$fonts" |
	    awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad=1 } END { exit !bad }' &&
	    pass || fail "$1: every native font embedded, subset, with ToUnicode" "$fonts"
}

# pdfchecks NAME: qpdf --check, pdffonts and pdftotext of NAME-n.pdf.
pdfchecks() {
	f=$P/$1-n.pdf
	if out=$(qpdf --check "$f" 2>&1) && ! printf '%s\n' "$out" | grep -qi warning; then
		pass
	else
		fail "$1: qpdf --check is clean on the native PDF" "$out"
	fi
	# A page without text (docs/examples/focus.yaml) has no font.
	if [ -z "$(pdffonts "$P/$1-c.pdf" | tail -n +3)" ]; then
		[ -z "$(pdffonts "$f" | tail -n +3)" ] && pass ||
		    fail "$1: no font where cairo's PDF has none" "$(pdffonts "$f")"
	else
		fontsok "$1" "$f"
	fi
	pdftotext -raw "$P/$1-c.pdf" "$P/$1-c.txt"
	pdftotext -raw "$f" "$P/$1-n.txt" 2>"$P/$1-n.perr"
	same "$1: pdftotext -raw of the native PDF is cairo's" "$P/$1-c.txt" "$P/$1-n.txt"
	# poppler recovers from a broken content stream, and says so: a TJ
	# left open before a path was only seen here.
	[ ! -s "$P/$1-n.perr" ] && pass ||
	    fail "$1: poppler reads the native PDF without an error" "$(sort -u "$P/$1-n.perr")"
}

# meta NAME [pdfinfo options]: what pdfinfo says of both PDFs, but the
# producer (cairo's name and version), the file size, "Tagged" (cairo
# marks its PDF tagged for its link annotations' structure, with
# nothing a reader of the page sees) and "Metadata Stream" (XMP: ours
# has one, cairo's cannot).
meta() {
	name=$1
	shift
	pdfinfo "$@" "$P/$name-c.pdf" | grep -v -E '^(Producer|File size|PDF version|Tagged|Metadata Stream):' >"$P/$name-c.info"
	pdfinfo "$@" "$P/$name-n.pdf" | grep -v -E '^(Producer|File size|PDF version|Tagged|Metadata Stream):' >"$P/$name-n.info"
	same "$name: pdfinfo $* of the native PDF is cairo's" "$P/$name-c.info" "$P/$name-n.info"
}

# links NAME: the same links, and the same outline.
links() {
	pdfinfo -url "$P/$1-c.pdf" >"$P/$1-c.url"
	pdfinfo -url "$P/$1-n.pdf" >"$P/$1-n.url"
	same "$1: the native PDF has cairo's links (pdfinfo -url)" "$P/$1-c.url" "$P/$1-n.url"
	for w in c n; do
		outline_of "$P/$1-$w.pdf" >"$P/$1-$w.outline"
	done
	same "$1: the native PDF has cairo's outline" "$P/$1-c.outline" "$P/$1-n.outline"
}

D=data/interns.yaml
EX=docs/examples
# -- the sample, three layouts -----------------------------------------
if both a4 $D layouts/brochure-a4.yaml; then
	pixels a4 1 2 3 4 5 6
	pdfchecks a4
	links a4
	meta a4
fi
# -- the catalog: the document's language, the title shown -------------
# catalog FILE: our PDF's catalog dictionary, as qpdf prints it.
catalog() {
	root=$(qpdf --show-object=trailer "$1" | sed -n 's|.*/Root \([0-9]*\) 0 R.*|\1|p')
	qpdf --show-object="$root" "$1"
}
if [ -f "$P/a4-n.pdf" ]; then
	catalog "$P/a4-n.pdf" >"$P/a4.cat"
	grep -q '/Lang (ko-KR)' "$P/a4.cat" && grep -q '/DisplayDocTitle true' "$P/a4.cat" &&
	    pass || fail "the sample's catalog: /Lang (ko-KR), the title shown" "$(cat "$P/a4.cat")"
fi
# Without its lang, the sample still says ko-KR: its letters are Hangul.
grep -v '^  lang:' layouts/brochure-a4.yaml >"$P/hangul.yaml"
cp layouts/logo.svg "$P/"
"$BROCHURE" render $D -l "$P/hangul.yaml" -o "$P/hangul.pdf" -q
catalog "$P/hangul.pdf" >"$P/hangul.cat"
grep -q '/Lang (ko-KR)' "$P/hangul.cat" && pass ||
    fail "no lang, Hangul text: /Lang (ko-KR) from its letters" "$(cat "$P/hangul.cat")"
# The XMP metadata says what the info dictionary says (PDF/A, PDF/UA).
if [ -f "$P/a4-n.pdf" ]; then
	pdfinfo -meta "$P/a4-n.pdf" >"$P/a4.xmp"
	pdfinfo "$P/a4-n.pdf" >"$P/a4.info"
	if out=$($PY - "$P/a4.xmp" "$P/a4.info" <<-'EOF' 2>&1
	import sys, xml.etree.ElementTree as ET
	ns = {'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
	      'dc': 'http://purl.org/dc/elements/1.1/',
	      'pdf': 'http://ns.adobe.com/pdf/1.3/',
	      'xmp': 'http://ns.adobe.com/xap/1.0/'}
	d = ET.parse(sys.argv[1]).getroot().find('rdf:RDF/rdf:Description', ns)
	info = dict(l.split(':', 1) for l in open(sys.argv[2]) if ':' in l)
	info = {k: v.strip() for k, v in info.items()}
	got = {'Title': d.find('dc:title/rdf:Alt/rdf:li', ns).text,
	       'Author': d.find('dc:creator/rdf:Seq/rdf:li', ns).text,
	       'Subject': d.find('dc:description/rdf:Alt/rdf:li', ns).text,
	       'Keywords': d.find('pdf:Keywords', ns).text,
	       'Creator': d.find('xmp:CreatorTool', ns).text}
	for k, v in got.items():
	    assert v == info[k], (k, v, info[k])
	assert d.find('dc:language/rdf:Bag/rdf:li', ns).text == 'ko-KR'
	# SOURCE_DATE_EPOCH=1630454400, as above
	assert d.find('xmp:CreateDate', ns).text == '2021-09-01T00:00:00Z'
	EOF
	); then pass; else fail "the sample's XMP says what its info dictionary says" "$out"; fi
fi
"$BROCHURE" render $D -l tests/e2e/lang.yaml -o "$P/lang.pdf" -q
catalog "$P/lang.pdf" >"$P/lang.cat"
grep -q '/Lang (en-GB)' "$P/lang.cat" && pass ||
    fail "metadata: lang en-GB is the catalog's /Lang" "$(cat "$P/lang.cat")"
grep -v '^  lang:' tests/e2e/lang.yaml >"$P/nolang.yaml"
"$BROCHURE" render $D -l "$P/nolang.yaml" -o "$P/nolang.pdf" -q
catalog "$P/nolang.pdf" >"$P/nolang.cat"
! grep -q '/Lang' "$P/nolang.cat" && pass ||
    fail "English text and no lang: no /Lang (a Latin script names no language)" "$(cat "$P/nolang.cat")"
# -- the structure tree (issue 18) ---------------------------------------
# tests/pdftags.py reads it back with pikepdf; its self-test breaks each
# of its rules once in a PDF it makes and sees each reported.
out=$($PY tests/pdftags.py --self-test 2>&1) && pass ||
    fail "pdftags.py reports each broken rule of a tagged PDF (self-test)" "$out"
# What each layout key makes, line by line (decorative image, folio and
# role: artifact left out; a quote in English; a list's bullets as Lbl;
# alt from a template; a link; a QR code read as where it leads).
"$BROCHURE" render $D -l tests/e2e/tags.yaml -o "$P/tags.pdf" -q
$PY tests/pdftags.py --tree "$P/tags.pdf" >"$P/tags.tree" 2>&1
cmp -s tests/e2e/tags.tree "$P/tags.tree" && pass ||
    fail "tags.yaml: the structure tree its keys make" \
    "$(diff tests/e2e/tags.tree "$P/tags.tree")"
# Every page of the shipped print layouts and the Lumen campaign: the
# tree whole (every mark reachable through the parent tree, every
# drawing tagged or an artifact, every figure with alt text, every link
# with its annotation), and poppler reads it without a warning.
"$BROCHURE" render $D -l layouts/brochure-a5-print.yaml -o "$P/tags-a5.pdf" -q
"$BROCHURE" render $D -l layouts/handout-a4.yaml -o "$P/tags-handout.pdf" -q
(cd campaigns/lumen && "$BROCHURE" render data.yaml -l brochure-a5.yaml \
    -o "$P/tags-lumen.pdf" -q)
for f in a4-n tags-a5 tags-handout tags-lumen; do
	out=$($PY tests/pdftags.py "$P/$f.pdf" 2>&1; pdfinfo -struct "$P/$f.pdf" 2>&1 >/dev/null)
	[ -z "$out" ] && pass || fail "$f.pdf: a whole structure tree" "$out"
done
# The sample's tree: its headings where the design has them, in order,
# with the photos' and QR codes' alt text and the lists; an intern's
# page read from its story (reading-order: [main, band, photo]), the
# band's line and photo after it.
$PY tests/pdftags.py --tree "$P/a4-n.pdf" >"$P/a4.tree"
if out=$($PY - "$P/a4.tree" <<-'EOF' 2>&1
	import sys
	t = [l.strip() for l in open(sys.argv[1])]
	want = ['H1 "Unthinkable Question"',
	        'H2 "인턴 ‘Gina’의 회고"', 'H3 "Gina가 알려주는 노하우!"',
	        'H4 "이런 분들에게 추천!"', 'L', 'LI "대기업에서',
	        'H4 "지원자를 위한 조언"', 'P "빠르다"', 'Figure alt="Gina"',
	        'Link "카카오브레인 페이스북에서 보기 →" -> https://www.facebook.com/kakaobrain',
	        'Figure alt="QR 코드: https://www.facebook.com/kakaobrain"',
	        'Figure alt="Wilson"', 'H2 "인턴 체험 스토리."', 'H3 "함께한 인턴"',
	        'Lbl "—"', 'LBody "Gina · Neuro-Symbolic AI팀"',
	        'Figure alt="카카오브레인"']
	at = 0
	for w in want:
	    at = next(i for i in range(at, len(t)) if t[i].startswith(w)) + 1
	assert not any(l.startswith(('P "?"', 'P "2 / 6"')) for l in t), \
	    'page furniture read out'
	EOF
); then pass; else fail "the sample's tree: headings, figures, lists, links in order" "$out"; fi
# Without reading-order, the tree's order is the layout's flow order:
# each element's text comes in the order --dump-tree lists the boxes.
grep -v '^    reading-order:' layouts/brochure-a4.yaml >"$P/flow.yaml"
"$BROCHURE" render $D -l "$P/flow.yaml" -o "$P/order.pdf" -q \
    --dump-tree "$P/a4.dump"
$PY tests/pdftags.py --text "$P/order.pdf" >"$P/a4.text"
if out=$($PY - "$P/a4.dump" "$P/a4.text" "$P/a4.tree" <<-'EOF' 2>&1
	import re, sys
	flow = "".join(l.strip()[2:] for l in open(sys.argv[1])
	               if l.strip().startswith("| "))
	flow = re.sub(r"\s", "", flow)
	# The figures' alt texts are not drawn: not in the flow's text.
	alts = {l.split('alt="', 1)[1].rstrip().rstrip('"')
	        for l in open(sys.argv[3]) if 'alt="' in l}
	text = [l.strip() for l in open(sys.argv[2])
	        if l.strip() and l.strip() not in alts]
	at = 0
	for t in text:
	    t = re.sub(r"\s", "", t)
	    k = flow.find(t, at)
	    if k < 0:   # a list item: its bullet, drawn after it, read first
	        k = flow.find(t[1:] + t[0], at)
	    assert k >= 0, "out of flow order: " + t
	    at = k
	EOF
); then pass; else fail "the tree reads in the layout's flow order" "$out"; fi
# A paragraph broken over lines keeps the spaces it broke at, as poppler
# reads the tree ("Gina, Wilson", not "Gina,Wilson"; "스토리를 전달해").
pdfinfo -struct-text "$P/order.pdf" >"$P/a4.stext" 2>&1
grep -q "Gina, Wilson, Jwoong, Ted 의 카카오브레인 인턴 체험 스토리를 전달해" "$P/a4.stext" &&
    pass || fail "a paragraph's lines read with the spaces they broke at" \
    "$(grep -m1 'Jwoong' "$P/a4.stext")"
# --pdf-standard ua-1: the claim in the XMP; an image without alt text
# an error at its node and no file; without it, a warning.
"$BROCHURE" render $D -l layouts/brochure-a4.yaml -o "$P/ua.pdf" -q \
    --pdf-standard ua-1 && pdfinfo -meta "$P/ua.pdf" |
    grep -q '<pdfuaid:part>1</pdfuaid:part>' && pass ||
    fail "ua-1: the sample renders and its XMP claims PDF/UA-1"
grep -v '^            alt: "{{name}}"$' layouts/brochure-a4.yaml >"$P/noalt.yaml"
"$BROCHURE" render $D -l "$P/noalt.yaml" -o "$P/noalt.pdf" -q \
    --pdf-standard ua-1 2>"$P/noalt.err"
st=$?
line=$(grep -n 'image: "{{photo}}"' "$P/noalt.yaml" | cut -d: -f1)
[ $st = 1 ] && [ ! -e "$P/noalt.pdf" ] &&
    grep -q "noalt.yaml:$line:13: error: PDF/UA-1 needs alt text for this image" "$P/noalt.err" &&
    pass || fail "ua-1: an image without alt text is an error at its node, no file" \
    "status $st; $(cat "$P/noalt.err")"
"$BROCHURE" render $D -l "$P/noalt.yaml" -o "$P/noalt.pdf" 2>"$P/noalt.err"
st=$?
[ $st = 0 ] && grep -q "noalt.yaml:$line:13: warning: a tagged PDF needs alt text" "$P/noalt.err" &&
    pass || fail "an image without alt text: a warning" "status $st; $(cat "$P/noalt.err")"
# An alt text a record leaves empty (its field missing): a warning at
# the node per page in a PDF, an error and no file under ua-1, nothing
# in a PNG.
E=tests/e2e/alt-empty.yaml
want="$E:18:18: warning: the image's alt text is empty: a screen reader says nothing of it (page 1, record 'gina', field 'photo-alt')"
"$BROCHURE" render $D -l $E --only gina -o "$P/ae.pdf" 2>&1 | grep -v ' pages/s$' >"$P/ae.err"
[ "$(cat "$P/ae.err")" = "$want" ] && pass ||
    fail "an empty alt text: a warning at its node" "$(cat "$P/ae.err")"
"$BROCHURE" render $D -l $E --only gina -o "$P/ae-ua.pdf" --pdf-standard ua-1 2>"$P/ae.err"
st=$?
[ $st = 1 ] && [ ! -e "$P/ae-ua.pdf" ] && grep -q "$E:18:18: error: .*PDF/UA-1 needs one" "$P/ae.err" &&
    pass || fail "ua-1: an empty alt text is an error, no file" "status $st; $(cat "$P/ae.err")"
"$BROCHURE" render $D -l $E --only gina -o "$P/ae.png/" -q 2>"$P/ae.err" &&
    [ ! -s "$P/ae.err" ] && pass || fail "an empty alt text in a PNG: nothing said" "$(cat "$P/ae.err")"
# Chromium's PDF viewer reads the tags (scripts/pdf-a11y): the sample's
# headings, figures and lists in their order, as a screen reader gets them.
if have chromium; then
	# Once more if the viewer's page reloaded under it (seen once in CI,
	# under load: "Execution context was destroyed").
	if scripts/pdf-a11y "$P/a4-n.pdf" >"$P/a4.ax" 2>"$P/a4.axerr" ||
	    scripts/pdf-a11y "$P/a4-n.pdf" >"$P/a4.ax" 2>"$P/a4.axerr"; then
		out=$($PY - "$P/a4.ax" <<-'EOF' 2>&1
		import sys
		t = [l.strip() for l in open(sys.argv[1])]
		want = ['heading "Unthinkable Question"',
		        'heading "인턴 ‘Gina’의 회고"', 'heading "이런 분들에게 추천!"',
		        'list', 'listItem "대기업에서 정직원처럼 일하는 체험을 통해 성장할 분들"',
		        'figure "Gina"', 'link "카카오브레인 페이스북에서 보기 →"',
		        'figure "Wilson"']
		at = 0
		for w in want:
		    at = next(i for i in range(at, len(t)) if t[i] == w) + 1
		EOF
		) && pass || fail "Chromium reads the sample's tags in order" "$out"
	else
		skip "Chromium reads the sample's tags" "chromium's PDF viewer gave no tree: $(tail -2 "$P/a4.axerr")"
	fi
else
	skip "Chromium reads the sample's tags" "no chromium (scripts/setup installs it)"
fi

# -- print colours (issue 19) ---------------------------------------------
# CMYK and a spot colour as given: k and K, a Separation by its ink's
# name with its CMYK fallback; RGB stays RGB; crop marks in /All, on
# every plate.
"$BROCHURE" render $D -l tests/e2e/cmyk.yaml -o "$P/cmyk.pdf" -q
$PY tests/pdfcolor.py ops "$P/cmyk.pdf" >"$P/cmyk.ops" 2>&1
printf '%s\n' "fill cmyk 0 0 0.1 0" "fill cmyk 0 1 0.8 0" \
    "fill rgb 0.122 0.435 0.922" \
    "fill sep PANTONE 485 C tint 1 alt DeviceCMYK C1 0 0.95 1 0" \
    "stroke cmyk 0 1 0.8 0" "stroke sep All tint 1 alt DeviceCMYK C1 1 1 1 1" \
    >"$P/cmyk.want"
same "cmyk.yaml: CMYK as k and K, the spot colour a Separation, RGB as rg, crop marks in /All" \
    "$P/cmyk.want" "$P/cmyk.ops"
# On screen, a CMYK colour is converted through the press profile
# (cmyk.h): brochure's PNG against Ghostscript's raster of the PDF (which
# converts through the same profile) and poppler's: the spot box, the
# RGB box, the CMYK paper.
"$BROCHURE" render $D -l tests/e2e/cmyk.yaml -o "$P/cmyk.png" -q --dpi $DPI
raster gs "$P/cmyk.pdf" 1 "$P/cmyk-gs.png"
raster pp "$P/cmyk.pdf" 1 "$P/cmyk-pp.png"
bad=""
for at in "240 156" "240 238" "62 260"; do
	# shellcheck disable=SC2086
	want=$($PY tests/pdfcolor.py px "$P/cmyk.png" $at)
	for r in gs:12 pp:24; do
		# shellcheck disable=SC2086
		got=$($PY tests/pdfcolor.py px "$P/cmyk-${r%:*}.png" $at)
		# shellcheck disable=SC2086
		set -- $want $got
		for d in $(($1 - $4)) $(($2 - $5)) $(($3 - $6)); do
			[ ${d#-} -le ${r#*:} ] || bad="$bad ${r%:*}@$at: $got, not $want;"
		done
	done
done
[ -z "$bad" ] && pass || fail "CMYK and spot colours on screen: PNG, Ghostscript and poppler agree" "$bad"

# -- PDF/X-4 and PDF/A-2u (issue 19) ---------------------------------------
# What each claims, read back with pikepdf: the header's version, the
# output intent and its ICC profile, the XMP identification, for the
# press a TrimBox on every page (the A4 brochure has no bleed), RGB and
# CMYK described by ICC profiles (DefaultRGB, DefaultCMYK), Trapped for
# the press, links that print for the archive.  No validator is installable here (veraPDF
# is not in Debian); Ghostscript must render both without a word.
"$BROCHURE" render $D -l layouts/brochure-a4.yaml -o "$P/x4.pdf" -q --pdf-standard x-4
"$BROCHURE" render $D -l layouts/brochure-a4.yaml -o "$P/a2u.pdf" -q \
    --pdf-standard a-2u --pdf-standard ua-1
if out=$($PY - "$P/x4.pdf" "$P/a2u.pdf" <<-'EOF' 2>&1
	import sys, pikepdf
	def check(path, ver, s, n, xmp, space, extra):
	    pdf = pikepdf.open(path)
	    assert open(path, "rb").read(8) == b"%PDF-" + ver.encode(), "header"
	    oi = pdf.Root.OutputIntents[0]
	    assert oi.S == s and oi.DestOutputProfile.N == n, "output intent"
	    assert oi.DestOutputProfile.read_bytes()[36:40] == b"acsp", "ICC"
	    meta = pdf.Root.Metadata.read_bytes().decode()
	    for x in xmp:
	        assert x in meta, "XMP: " + x
	    for i, page in enumerate(pdf.pages):
	        cs = page.Resources.ColorSpace[space]
	        assert cs[0] == "/ICCBased", "page %d: %s" % (i + 1, space)
	    extra(pdf)
	def x4(pdf):
	    assert pdf.trailer.Info.Trapped == "/False", "Trapped"
	    for i, page in enumerate(pdf.pages):
	        assert "/TrimBox" in page.obj, "page %d: no TrimBox" % (i + 1)
	def a2u(pdf):
	    links = [a for p in pdf.pages for a in p.get("/Annots", [])]
	    assert links and all(a.F == 4 for a in links), "links print"
	check(sys.argv[1], "1.6", "/GTS_PDFX", 4,
	      ["<pdfxid:GTS_PDFXVersion>PDF/X-4<", "<pdf:Trapped>False<"],
	      "/DefaultRGB", x4)
	check(sys.argv[2], "1.7", "/GTS_PDFA1", 3,
	      ["<pdfaid:part>2<", "<pdfaid:conformance>U<", "<pdfuaid:part>1<",
	       "<pdfaSchema:prefix>pdfuaid<"], "/DefaultCMYK", a2u)
	EOF
); then pass; else fail "x-4 and a-2u: output intent, XMP identification, boxes, ICC colours" "$out"; fi
for f in x4 a2u; do
	out=$(gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=nullpage "$P/$f.pdf" 2>&1; qpdf --check "$P/$f.pdf" 2>&1 | grep -i warn)
	[ -z "$out" ] && pass || fail "$f.pdf: Ghostscript and qpdf read it without a word" "$out"
done
# A layout names its standard (page: pdf-standard), as the option does.
sed 's/^  size: A4$/  size: A4\n  pdf-standard: x-4/' layouts/brochure-a4.yaml >"$P/x4.yaml"
"$BROCHURE" render $D -l "$P/x4.yaml" -o "$P/x4-layout.pdf" -q &&
    pdfinfo -meta "$P/x4-layout.pdf" | grep -q 'GTS_PDFXVersion>PDF/X-4<' && pass ||
    fail "page: pdf-standard: x-4 claims PDF/X-4"
# Under x-4 a file that paints in RGB says so (a note); one all in CMYK
# and spot colours (cmyk.yaml without its RGB box) says nothing.
"$BROCHURE" render $D -l tests/e2e/cmyk.yaml -o "$P/cx.pdf" --pdf-standard x-4 2>"$P/cx.err"
head -n -4 tests/e2e/cmyk.yaml >"$P/cmyk-only.yaml"
"$BROCHURE" render $D -l "$P/cmyk-only.yaml" -o "$P/co.pdf" --pdf-standard x-4 2>"$P/co.err"
grep -q "cx.pdf: note: PDF/X-4: 1 of 1 pages paint colours in RGB" "$P/cx.err" &&
    ! grep -q note "$P/co.err" && pass ||
    fail "x-4: RGB colours noted, none in an all-CMYK file" "$(cat "$P/cx.err" "$P/co.err")"
# cairo's writer cannot meet a layout's claim: refused, not ignored.
"$BROCHURE" render $D -l "$P/x4.yaml" -o "$P/x4-cairo.pdf" --pdf-writer cairo 2>"$P/x4.err"
st=$?
[ $st = 2 ] && [ ! -e "$P/x4-cairo.pdf" ] && grep -q "cairo's writer cannot meet" "$P/x4.err" &&
    pass || fail "page: pdf-standard with --pdf-writer cairo: refused" "status $st; $(cat "$P/x4.err")"
# A proof with guides is no file for the press, whoever claims it.
"$BROCHURE" render $D -l "$P/x4.yaml" -o "$P/x4-debug.pdf" --debug-boxes 2>"$P/x4.err"
st=$?
[ $st = 2 ] && [ ! -e "$P/x4-debug.pdf" ] && grep -q "claims PDF/X-4 (page: pdf-standard), and --debug-boxes" "$P/x4.err" &&
    pass || fail "page: pdf-standard: x-4 with --debug-boxes: refused" "status $st; $(cat "$P/x4.err")"
# --debug-boxes in a PDF: a layer (optional content) shown on screen and
# off for print; turned off, the page is the page without the guides.
"$BROCHURE" render $D -l layouts/brochure-a4.yaml --only gina -o "$P/ocg.pdf" -q --debug-boxes
"$BROCHURE" render $D -l layouts/brochure-a4.yaml --only gina -o "$P/noocg.pdf" -q
if out=$($PY - "$P/ocg.pdf" "$P/ocg-off.pdf" <<-'EOF' 2>&1
	import sys, pikepdf
	pdf = pikepdf.open(sys.argv[1])
	oc = pdf.Root.OCProperties
	ocg = oc.OCGs[0]
	assert ocg.Usage.Print.PrintState == "/OFF", "printed"
	assert any(a.Event == "/Print" for a in oc.D.AS), "no print event"
	oc.D.OFF = pikepdf.Array([ocg])
	del oc.D["/ON"]
	pdf.save(sys.argv[2])
	EOF
); then
	for f in ocg ocg-off noocg; do
		pdftoppm -r 50 -singlefile -png "$P/$f.pdf" "$P/$f"
	done
	! cmp -s "$P/ocg.png" "$P/noocg.png" && cmp -s "$P/ocg-off.png" "$P/noocg.png" &&
	    pass || fail "--debug-boxes: the layer shows, and turned off leaves the page as without it"
else
	fail "--debug-boxes: an optional content group, off for print" "$out"
fi

if both a5 $D layouts/brochure-a5-print.yaml; then
	pixels a5 1 2
	pdfchecks a5
	links a5
	meta a5 -box -f 1 -l 2
fi
if both handout $D layouts/handout-a4.yaml; then
	pixels handout 1
	pdfchecks handout
	meta handout
fi
# -- Lumen: SVG photos, spans, continued pages --------------------------
if both lumen campaigns/lumen/data.yaml campaigns/lumen/brochure-a5.yaml; then
	pixels lumen 1 2 3
	pdfchecks lumen
	links lumen
	meta lumen -box
fi
# -- docs/examples: text features ---------------------------------------
for ex in spans columns justify latin ellipse focus qr bleed continued; do
	data=$D args=""
	[ $ex = latin ] && args="--only gina"
	[ $ex = continued ] && data=$EX/data/continued.yaml
	# shellcheck disable=SC2086
	both ex-$ex $data $EX/$ex.yaml $args || continue
	pixels ex-$ex 1
	pdfchecks ex-$ex
done
# -- --debug-boxes -------------------------------------------------------
# Its hairlines are compared by MuPDF and Ghostscript only: poppler
# stroke-adjusts (snaps to whole pixels) strokes drawn on a page, and
# not those of cairo's page, which cairo wraps in a form XObject; the
# native outlines then read as heavier there (8.7% of pixels against
# cairo's 7.0%), though they are the same strokes (mu: 0.5% apart).
if both debug $D layouts/brochure-a4.yaml --debug-boxes --only gina; then
	all=$RENDERERS
	RENDERERS=$(echo "$RENDERERS" | sed 's/ pp//')
	pixels debug 1
	RENDERERS=$all
	pdfchecks debug
fi
for r in $RENDERERS; do
	read -r a b x y z <"$P/fig-$r"
	echo "pdf: $r: largest share of pixels differing from the PNG: native $a% (channel $b), cairo $x% (channel $y); native vs cairo $z%"
done

# -- QR codes --------------------------------------------------------------
if ! have zbarimg; then
	skip "QR codes decode" "zbarimg is not installed (zbar-tools)"
elif ! have pdftoppm; then
	skip "QR codes decode" "pdftoppm is not installed (poppler-utils)"
else
	for w in n c; do
		pdftoppm -r 200 -png "$P/ex-qr-$w.pdf" "$P/qr-$w"
		for f in "$P"/qr-$w*.png; do zbarimg -q --raw "$f"; done >"$P/qr-$w.txt" 2>/dev/null
	done
	[ -s "$P/qr-c.txt" ] && pass || fail "cairo's QR codes decode (the reference)" "none read"
	same "every QR code of the native PDF decodes to cairo's" "$P/qr-c.txt" "$P/qr-n.txt"
fi

# -- 200 records: the same bytes at any --jobs ----------------------------
$PY scripts/gendata 200 "$P/big/data.yaml" >/dev/null
k=0
for j in 1 2 3; do
	for i in 1 2 3 4 5; do
		"$BROCHURE" render "$P/big/data.yaml" -l layouts/brochure-a4.yaml \
		    -o "$P/big/$j-$i.pdf" --pdf-writer native --jobs $j -q
		[ -f "$P/big/first.pdf" ] || cp "$P/big/$j-$i.pdf" "$P/big/first.pdf"
		cmp -s "$P/big/first.pdf" "$P/big/$j-$i.pdf" && k=$((k + 1))
	done
done
[ $k = 15 ] && pass || fail "200 records: the native PDF has the same bytes over 5 runs at --jobs 1, 2, 3" \
    "$k of 15 renders equal the first"
cp "$P/big/first.pdf" "$P/big-n.pdf"
"$BROCHURE" render "$P/big/data.yaml" -l layouts/brochure-a4.yaml \
    -o "$P/big-c.pdf" --pdf-writer cairo -q
pdfchecks big
# The file 42% of cairo's at most: fonts subset once, QR codes as forms,
# spacing as Tc, the small objects in object streams.  It was 33% (with
# a limit of 35%; a glyph given /ActualText it did not need, every space
# once, took it to 37%) before its structure tree (issue 18): 6,800
# elements, their marked content and parent tree add 23%, 40% of
# cairo's, whose own tree is a Document and its links.
nb=$(wc -c <"$P/big-n.pdf") cb=$(wc -c <"$P/big-c.pdf")
[ $((nb * 100)) -le $((cb * 42)) ] && pass ||
    fail "200 records: the native PDF is at most 42% of cairo's bytes" \
    "native $nb bytes, cairo $cb bytes"
echo "pdf: 200 records: native $nb bytes, cairo $cb bytes"

# -- a folder of native PDFs, one a page ---------------------------------
"$BROCHURE" render $D -l layouts/brochure-a4.yaml -o "$P/dir/" -f pdf \
    --pdf-writer native --only gina --only ted -q
n=0
for f in "$P"/dir/*.pdf; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	if out=$(qpdf --check "$f" 2>&1) && ! printf '%s\n' "$out" | grep -qi warning; then pass
	else fail "$(basename "$f") (one PDF a page): qpdf --check is clean" "$out"; fi
	fontsok "$(basename "$f") (one PDF a page)" "$f"
done
[ $n = 2 ] && pass || fail "a folder of native PDFs: one a page" "$(ls "$P/dir")"
suite_end
