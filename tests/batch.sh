# Batch rendering: the four social formats in one run, --jobs, --only,
# --shard, --manifest and the merge check, read back with real tools.
suite_begin batch
PY=/usr/bin/python3
D=data/interns.yaml
B=$TMP/batch
mkdir -p "$B"
FORMATS="-l layouts/social-square.yaml -l layouts/social-portrait.yaml -l layouts/social-story.yaml -l layouts/og.yaml"
IDS="gina wilson jwoong ted"

# -- four formats, one run ----------------------------------------------
# shellcheck disable=SC2086
if "$BROCHURE" render $D $FORMATS -o "$B/all/" --jobs 2 \
    --manifest "$B/all.json" 2>"$B/err"; then
	pass
	bad=""
	for id in $IDS; do
		for f in social-square:1080x1080 social-portrait:1080x1350 \
		    social-story:1080x1920 og:1200x630; do
			got=$(png_size "$B/all/$id-${f%%:*}.png" 2>/dev/null)
			[ "$got" = "${f#*:}" ] || bad="$bad $id-${f%%:*}.png:$got"
		done
	done
	[ -z "$bad" ] && pass || fail "each format has its size, named <id>-<layout>.png" "$bad"
	[ "$(ls "$B/all" | wc -l)" = 16 ] && pass || fail "16 files, nothing else" "$(ls "$B/all")"
	grep -qx "16 images, 4 formats, [0-9.]* s, [0-9]* img/s" "$B/err" && pass ||
	    fail "the summary counts images and formats" "$(cat "$B/err")"
else
	fail "render the four formats" "$(cat "$B/err")"
fi

# A record without a keyword gets no "카카오브레인은 … 이다." around nothing.
for l in social-square social-portrait social-story og; do
	"$BROCHURE" check tests/e2e/no-keyword.yaml -l layouts/$l.yaml --dump-tree - 2>/dev/null |
	    grep -q "| 이다\.$" && fail "$l: no '이다.' without a keyword" || pass
done

# -- the same bytes at any --jobs ---------------------------------------
# shellcheck disable=SC2086
"$BROCHURE" render $D $FORMATS -o "$B/one/" --jobs 1 -q
diff -r "$B/all" "$B/one" >/dev/null && pass ||
    fail "--jobs 1 and --jobs 2 write the same PNG bytes" "$(diff -rq "$B/all" "$B/one")"
for l in brochure-a4 brochure-a5-print handout-a4; do
	"$BROCHURE" render $D -l layouts/$l.yaml -o "$B/$l-1.pdf" --jobs 1 -q
	"$BROCHURE" render $D -l layouts/$l.yaml -o "$B/$l-3.pdf" --jobs 3 -q
	cmp -s "$B/$l-1.pdf" "$B/$l-3.pdf" && pass ||
	    fail "$l: --jobs 1 and --jobs 3 write the same PDF bytes"
done
# SVG: cairo numbers surfaces and images with a process-wide counter,
# so threads rendering side by side took each other's numbers.  The
# sample as four formats and as the brochure (photos, circle masks,
# clips), and 50 generated records, at --jobs 1 and 4.
scripts/gendata 50 "$B/d50.yaml"
for j in 1 4; do
	# shellcheck disable=SC2086
	"$BROCHURE" render $D $FORMATS -o "$B/svg$j/" --format svg --jobs $j -q &&
	    "$BROCHURE" render $D -l layouts/brochure-a4.yaml -o "$B/svg$j/" \
	    --format svg --jobs $j -q &&
	    "$BROCHURE" render "$B/d50.yaml" $FORMATS -o "$B/svg$j/" \
	    --format svg --jobs $j -q || fail "render SVG at --jobs $j"
done
n=$(ls "$B/svg1" | grep -c "\.svg$")
[ "$n" = 222 ] && diff -r "$B/svg1" "$B/svg4" >/dev/null && pass ||
    fail "--jobs 1 and --jobs 4 write the same SVG bytes ($n files)" \
    "$(diff -rq "$B/svg1" "$B/svg4" | wc -l) differ"
for j in 1 2 4; do
	"$BROCHURE" render $D -l tests/e2e/overflow.yaml -o "$B/ov$j.pdf" \
	    --jobs $j 2>&1 | grep -v "pages/s$" >"$B/ov$j.err"
done
cmp -s "$B/ov1.err" "$B/ov2.err" && cmp -s "$B/ov1.err" "$B/ov4.err" &&
    [ -s "$B/ov1.err" ] && pass ||
    fail "the warnings come in the same order at --jobs 1, 2 and 4" "$(diff "$B/ov1.err" "$B/ov4.err")"
"$BROCHURE" render $D -l layouts/brochure-a4.yaml -o "$B/links.pdf" --jobs 2 -q
urls=$(pdfinfo -url "$B/links.pdf" | awk 'NR > 1 && $3 == "https://www.facebook.com/kakaobrain" { print $1 }' | sort -u | tr '\n' ' ')
[ "$urls" = "2 3 4 5 6 " ] && qpdf --check "$B/links.pdf" >/dev/null && pass ||
    fail "parallel PDF: links on pages 2-6, qpdf clean" "$urls"
[ "$(pdffonts "$B/links.pdf" | tail -n +3 | awk '{print $1}' | sort | uniq -d)" = "" ] &&
    pass || fail "parallel PDF: each font embedded once" "$(pdffonts "$B/links.pdf")"

# -- the same bytes under load, by repetition ------------------------------
# scripts/stress (make stress runs 20 × 200 records, and PDFs): 5 runs of
# 50 records in the four formats, as PNG and as SVG, at --jobs 1, 2 and
# 4 in turn beside a busy CPU, each file compared with the first run's.
# Each format is its own check, so that a failure says which one.
out=$(sh scripts/stress -r 5 -n 50 -j "1 2 4" -f "png svg" 2>&1)
for f in png svg; do
	printf '%s\n' "$out" | grep -q "^stress: files that differed: .*\<$f 0\>" && pass ||
	    fail "5 runs × 50 records × 4 formats at --jobs 1, 2, 4 under load: the same $f bytes" \
	    "$(printf '%s\n' "$out" | grep -v 'same bytes$')"
done

# -- shards -------------------------------------------------------------
for k in 1 2 3; do
	# shellcheck disable=SC2086
	"$BROCHURE" render $D $FORMATS -o "$B/s$k/" --shard $k/3 \
	    --manifest "$B/s$k/manifest-$k.json" -q || fail "render shard $k/3"
done
ls "$B/s1" "$B/s2" "$B/s3" | grep "\.png$" | sort >"$B/union"
ls "$B/all" | sort >"$B/whole"
same "shards 1/3, 2/3, 3/3 together are the whole set" "$B/whole" "$B/union"
[ -z "$(sort "$B/union" | uniq -d)" ] && pass || fail "no file in two shards"
ok=1
for k in 1 2 3; do
	for f in "$B/s$k"/*.png; do
		cmp -s "$f" "$B/all/$(basename "$f")" || ok=0
	done
done
[ $ok = 1 ] && pass || fail "a shard's files are the same bytes as the whole render's"
n=$(ls "$B/s1" | grep -c "^gina-")
[ "$n" = 4 ] && pass || fail "a record's four formats stay in one shard" "$(ls "$B/s1")"

# -- manifests ----------------------------------------------------------
if $PY - "$B/all.json" "$B/all" <<'EOF'
import hashlib, json, os, sys
m = json.load(open(sys.argv[1]))
assert m["manifest"] == 1 and m["shard"] is None, m
assert m["whole"] == {"keys": 4, "outputs": 16}, m["whole"]
assert len(m["outputs"]) == 16
for o in m["outputs"]:
    p = os.path.join(sys.argv[2], o["file"])
    data = open(p, "rb").read()
    assert hashlib.sha256(data).hexdigest() == o["sha256"], o["file"]
    assert o["bytes"] == len(data), o["file"]
    assert o["ids"] == [o["key"]] and o["type"] == "png" and o["unit"] == "px"
    assert o["file"] == "%s-%s.png" % (o["key"], o["layout"])
EOF
then pass; else fail "the manifest lists every file with its SHA-256 and size"; fi
mkdir -p "$B/merged"
cp "$B"/s1/* "$B"/s2/* "$B"/s3/* "$B/merged/"
scripts/merge-manifests "$B"/merged/manifest-*.json --out "$B/merged/manifest.json" \
    >"$B/out" 2>&1 && grep -q "^3 shards, 16 outputs" "$B/out" && pass ||
    fail "merge-manifests accepts the three shards" "$(cat "$B/out")"
rm "$B/merged/gina-og.png"
printf x >>"$B/merged/ted-og.png"
scripts/merge-manifests "$B"/merged/manifest-*.json >"$B/out" 2>&1
[ $? = 1 ] && grep -q "gina-og.png: missing" "$B/out" && grep -q "ted-og.png" "$B/out" && pass ||
    fail "merge-manifests names a missing and a changed file" "$(cat "$B/out")"
scripts/merge-manifests "$B/s1/manifest-1.json" "$B/s3/manifest-3.json" >"$B/out" 2>&1
[ $? = 1 ] && grep -q "shard 2 of 3 missing" "$B/out" && pass ||
    fail "merge-manifests notices a missing shard" "$(cat "$B/out")"
"$BROCHURE" render $D -l layouts/brochure-a4.yaml -o "$B/b.pdf" --manifest "$B/b.json" -q
$PY -c 'import json,sys,hashlib; m=json.load(open(sys.argv[1])); o=m["outputs"]; assert len(o)==1 and o[0]["pages"]==6 and o[0]["ids"]==["gina","wilson","jwoong","ted"] and o[0]["sha256"]==hashlib.sha256(open(sys.argv[2],"rb").read()).hexdigest()' \
    "$B/b.json" "$B/b.pdf" && pass || fail "a PDF's manifest entry: 6 pages, the four ids, its hash"

# -- --only -------------------------------------------------------------
"$BROCHURE" render $D -l layouts/social-square.yaml -l layouts/og.yaml -o "$B/only/" --only gina --only ted -q
[ "$(ls "$B/only" | tr '\n' ' ')" = "gina-og.png gina-social-square.png ted-og.png ted-social-square.png " ] &&
    pass || fail "--only gina --only ted renders just theirs" "$(ls "$B/only")"
"$BROCHURE" render $D -l layouts/brochure-a4.yaml -o "$B/wilson.pdf" --only wilson -q
[ "$(pdfinfo "$B/wilson.pdf" | sed -n 's/^Pages: *//p')" = 1 ] &&
    pdftotext "$B/wilson.pdf" - | tr -d " " | grep -qx "3/6" && pass ||
    fail "--only into a PDF: one page, numbered as in the whole brochure"

# -- progress on a terminal (script(1) gives the program a pty) ---------
if command -v script >/dev/null 2>&1; then
	scripts/gendata 400 "$B/d400.yaml"	# lasts past the bar's first 0.1 s
	env -u CI script -qec "$BROCHURE render $B/d400.yaml -l layouts/og.yaml -o $B/tty/ -j 1" /dev/null >"$B/tty.out" 2>&1
	grep -q "$(printf '\r\033\\[K')" "$B/tty.out" && grep -q "/400 images" "$B/tty.out" && pass ||
	    fail "a terminal shows the progress bar" "$(od -c "$B/tty.out" | head -5)"
	CI=true script -qec "$BROCHURE render $B/d400.yaml -l layouts/og.yaml -o $B/tty/ -j 1" /dev/null >"$B/tty.out" 2>&1
	grep -q "/400 images" "$B/tty.out" && fail "no progress bar under CI, even on a terminal" "$(od -c "$B/tty.out" | head -5)" || pass
else
	skip "progress bar on a terminal" "script(1) is not installed"
fi

# -- output files: names -------------------------------------------------
# A name the file system accepts (255 bytes) can be written: the
# temporary beside it has a short name of its own, not name + suffix.
long=$(printf '%0251d' 0 | tr 0 a)
"$BROCHURE" render $D -l layouts/og.yaml --only gina -o "$B/$long.png" 2>"$B/err" &&
    [ "$(png_size "$B/$long.png")" = 1200x630 ] && pass ||
    fail "an output name of 255 bytes is written" "$(cat "$B/err")"
ls -A "$B" | grep -q '^\.brochure-' && fail "no temporary left beside the long name" "$(ls -A "$B")" || pass

# -- signals --------------------------------------------------------------
# SIGTERM, SIGINT or SIGHUP in the middle of a render: every temporary
# removed (a PDF's second one, written while qpdf adds the print boxes,
# too; and under watch, which waits out SIGINT and SIGTERM, on SIGHUP),
# status 128+N, the files there before untouched.
mkdir -p "$B/sig"
for c in render-TERM render-INT render-HUP print-TERM watch-HUP; do
	check "killed by a signal ($c): no temporary left, earlier files kept" \
	    $PY tests/e2e/signal-check.py "$BROCHURE" "$B/sig" $c
done

# -- quiet --------------------------------------------------------------
"$BROCHURE" render $D -l layouts/social-square.yaml -o "$B/q/" -q 2>"$B/err"
[ ! -s "$B/err" ] && pass || fail "--quiet: no summary" "$(cat "$B/err")"
suite_end
