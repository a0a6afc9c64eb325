# Layout cases: each tests/cases/TOPIC/NAME.yaml is a layout, checked
# over its data with `brochure check --dump-tree`; the box tree must equal
# NAME.tree beside it and stderr NAME.err (no file: nothing written).
# Every docs/examples/NAME.yaml is a case too, its files kept in
# tests/cases/examples/.  The opening comment of a case may say
#
#   # data: FILE      the data file (default data/interns.yaml)
#   # args: ARGS      more arguments for check (--only gina, --strict)
#   # status: N       the exit status it must give (default 0)
#
# and should say what to look at in the tree.  Data files of a topic go
# in tests/cases/TOPIC/data/ (not cases themselves).  `make test-update`
# rewrites every .tree and .err (CASES_UPDATE=1, tests/golden/update);
# the status is never rewritten: a change there is for a person to make.
suite_begin cases

# case_header FILE KEY: the value of `# KEY:` in the opening comment.
case_header() {
	awk -v key="# $2:" '!/^#/ { exit }
	    index($0, key) == 1 { sub(/^# [a-z]+: */, ""); print; exit }' "$1"
}

# case_file WANT GOT: GOT (a missing or empty file: none) against WANT.
case_file() {
	if [ -n "${CASES_UPDATE:-}" ]; then
		mkdir -p "$(dirname "$1")"
		if [ -s "$2" ]; then cp "$2" "$1"; else rm -f "$1"; fi
		return 0
	fi
	[ -f "$1" ] && w=$1 || w=/dev/null
	[ -s "$2" ] && g=$2 || g=/dev/null
	if cmp -s "$w" "$g"; then return 0; fi
	fail "$3" "$(diff -u "$w" "$g" | head -40)"
	return 1
}

for layout in tests/cases/*/*.yaml docs/examples/*.yaml; do
	[ -f "$layout" ] || continue
	case $layout in
	docs/examples/*) stem=tests/cases/examples/$(basename "$layout" .yaml) ;;
	*) stem=${layout%.yaml} ;;
	esac
	data=$(case_header "$layout" data)
	args=$(case_header "$layout" args)
	want=$(case_header "$layout" status)
	rm -f "$TMP/case.tree"
	# shellcheck disable=SC2086
	"$BROCHURE" check "${data:-data/interns.yaml}" -l "$layout" $args \
	    --dump-tree "$TMP/case.tree" 2>"$TMP/case.err"
	st=$?
	# A time in a summary line would differ from run to run.
	sed -i -E 's/[0-9.]+ s, [0-9]+ [a-z/]+/TIME/' "$TMP/case.err"
	if [ "$st" != "${want:-0}" ]; then
		fail "$layout: exit status $st, the case says ${want:-0}" \
		    "$(head -5 "$TMP/case.err")"
		continue
	fi
	case_file "$stem.tree" "$TMP/case.tree" "$layout: box tree" &&
	    case_file "$stem.err" "$TMP/case.err" "$layout: stderr" && pass
done
suite_end
