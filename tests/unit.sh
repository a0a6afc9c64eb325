# Unit tests: the cmocka programs in build/tests/, one per module, read
# through their TAP output so each test counts on its own.
suite_begin unit
# A locale with a decimal comma, for the parse-ignores-locale test.
LOCPATH=$TMP/locale
mkdir -p "$LOCPATH"
localedef -i de_DE -f UTF-8 "$LOCPATH/de_DE.UTF-8" >/dev/null 2>&1
export LOCPATH
for t in build/tests/test_*; do
	[ -x "$t" ] || continue
	out=$(CMOCKA_MESSAGE_OUTPUT=TAP "$t" 2>&1)
	st=$?
	n_ok=$(printf '%s\n' "$out" | grep -c '^ok ')
	n_bad=$(printf '%s\n' "$out" | grep '^not ok ' | grep -vc '# SKIP')
	# cmocka's skip() is "not ok N - name # SKIP": a skip, with its reason.
	printf '%s\n' "$out" | grep '^not ok .*# SKIP' | while read -r line; do
		echo "SKIP: unit: $(basename "$t"): ${line#not ok }"
	done
	S_SKIP=$((S_SKIP + $(printf '%s\n' "$out" | grep -c '^not ok .*# SKIP')))
	S_PASS=$((S_PASS + n_ok))
	if [ "$n_bad" -gt 0 ] || { [ "$st" -ne 0 ] && [ "$n_bad" -eq 0 ]; }; then
		fail "$(basename "$t")" "$(printf '%s\n' "$out" | grep -v '^ok ' | head -30)"
	fi
	[ "$n_bad" -gt 1 ] && S_FAIL=$((S_FAIL + n_bad - 1))
done
suite_end
