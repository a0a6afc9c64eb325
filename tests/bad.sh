# Bad inputs: each tests/bad/NAME.yaml beside NAME.err, the exact
# diagnostics it must produce.  data-*.yaml is bad data checked with the
# small, stable tests/bad/common-layout.yaml; layout-*.yaml is a bad
# layout checked with the sample data.  Every case must exit 1 from both check and render, print the
# same lines from both, and render must write nothing.
suite_begin bad
for f in tests/bad/*.yaml; do
	[ -e "$f" ] || continue
	name=${f%.yaml}
	case $(basename "$f") in
	data-*)   data=$f; layout=tests/bad/common-layout.yaml ;;
	layout-*) data=data/interns.yaml; layout=$f ;;
	*) continue ;;
	esac
	if [ ! -f "$name.err" ]; then
		fail "$f" "no $name.err beside it"
		continue
	fi
	"$BROCHURE" check "$data" -l "$layout" 2>"$TMP/err" >/dev/null
	st=$?
	if [ "$st" -ne 1 ]; then
		fail "$f: check exit status $st, not 1" "$(cat "$TMP/err")"
		continue
	fi
	same "$f: check" "$name.err" "$TMP/err"
	rm -rf "$TMP/bad-out"
	"$BROCHURE" render "$data" -l "$layout" -o "$TMP/bad-out/x.pdf" \
	    2>"$TMP/err" >/dev/null
	st=$?
	if [ "$st" -ne 1 ]; then
		fail "$f: render exit status $st, not 1" "$(cat "$TMP/err")"
	elif [ -e "$TMP/bad-out/x.pdf" ]; then
		fail "$f: render wrote a file"
	else
		same "$f: render" "$name.err" "$TMP/err"
	fi
done
suite_end
