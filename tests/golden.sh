# Golden files: the box tree of every shipped layout over the sample
# (exact), and a few rendered pages compared with a small tolerance.
# Regenerate with `make test-update`, then review the diff and the
# pictures before committing.
suite_begin golden
G=tests/golden
for layout in layouts/*.yaml; do
	name=$(basename "$layout" .yaml)
	if [ ! -f "$G/$name.tree" ]; then
		fail "$name.tree" "no golden tree: run make test-update and review it"
		continue
	fi
	"$BROCHURE" check data/interns.yaml -l "$layout" \
	    --dump-tree "$TMP/$name.tree" 2>"$TMP/err"
	same "$name: box tree" "$G/$name.tree" "$TMP/$name.tree"
done
# NAME.png is page ID of LAYOUT at DPI; see tests/golden/update.
while read -r png layout id dpi; do
	case $png in ''|'#'*) continue ;; esac
	rm -rf "$TMP/g"
	"$BROCHURE" render data/interns.yaml -l "layouts/$layout.yaml" \
	    -o "$TMP/g/" --dpi "$dpi" 2>/dev/null
	if out=$(build/tests/pngdiff "$G/$png" "$TMP/g/$id.png" 0.001); then
		pass
	else
		fail "$png: rendered page differs from the approved one" "$out"
	fi
done <"$G/pngs"
suite_end
