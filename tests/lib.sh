# Shared by the test suites (sourced by tests/run).  Each suite counts
# its own results; a failure prints its name and what differed.

suite_begin() {
	SUITE=$1; S_PASS=0; S_FAIL=0; S_SKIP=0
}

pass() { S_PASS=$((S_PASS + 1)); }

# fail NAME [DETAIL...]: prints the name and any detail lines.
fail() {
	S_FAIL=$((S_FAIL + 1))
	echo "FAIL: $SUITE: $1"
	shift
	for line in "$@"; do printf '%s\n' "$line" | sed 's/^/    /'; done
}

# skip NAME REASON: a skip always says why.
skip() {
	S_SKIP=$((S_SKIP + 1))
	echo "SKIP: $SUITE: $1: $2"
}

# check NAME COMMAND...: passes when the command succeeds.
check() {
	name=$1; shift
	if out=$("$@" 2>&1); then pass; else fail "$name" "$out"; fi
}

# same NAME EXPECTED_FILE ACTUAL_FILE: passes when equal, else diff -u.
same() {
	if cmp -s "$2" "$3"; then pass
	else fail "$1" "$(diff -u "$2" "$3" | head -40)"; fi
}

suite_end() {
	echo "$SUITE: $S_PASS passed, $S_FAIL failed, $S_SKIP skipped"
	T_PASS=$((T_PASS + S_PASS)); T_FAIL=$((T_FAIL + S_FAIL))
	T_SKIP=$((T_SKIP + S_SKIP))
}

# png_size FILE: "WIDTHxHEIGHT" from the IHDR chunk.
png_size() {
	/usr/bin/python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"
}

# outline_of PDF: its outline, an entry a line ("TITLE @PAGE"), each
# level indented two spaces more (qpdf --json).
outline_of() {
	qpdf --json "$1" | /usr/bin/python3 -c 'import json, sys
def walk(o, d=0):
    for e in o:
        print("%s%s @%s" % ("  " * d, e["title"], e["destpageposfrom1"]))
        walk(e["kids"], d + 1)
walk(json.load(sys.stdin)["outlines"])'
}
