# Bad inputs: each tests/bad/NAME.yaml beside NAME.err, the exact
# diagnostics it must produce.  usage-*.args hold a bad command line
# (shell words; @OUT@ is a fresh output folder): exit 2, the lines of
# usage-*.err, nothing written.  data-*.yaml is bad data checked with the
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
for f in tests/bad/usage-*.args; do
	[ -e "$f" ] || continue
	name=${f%.args}
	rm -rf "$TMP/bad-out"
	mkdir "$TMP/bad-out"
	args=$(sed "s|@OUT@|$TMP/bad-out|g" "$f")
	eval "set -- $args"
	"$BROCHURE" "$@" 2>"$TMP/err" >/dev/null
	st=$?
	sed -i "s|$TMP/bad-out|@OUT@|g" "$TMP/err"
	if [ "$st" -ne 2 ]; then
		fail "$f: exit status $st, not 2" "$(cat "$TMP/err")"
	elif [ -n "$(ls -A "$TMP/bad-out")" ]; then
		fail "$f: wrote $(ls -A "$TMP/bad-out")"
	else
		same "$f" "$name.err" "$TMP/err"
	fi
done
suite_end
