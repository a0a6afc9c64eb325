#!/bin/sh
# The CI steps of a campaign kept in its own repository, one command a
# step: the workflow files (github-actions.yml, gitlab-ci.yml) call
# this script, so what CI runs, a laptop with brochure installed runs
# the same.  From the repository's root, or anywhere: it goes there.
#
#   sh ci/render.sh install-deb URL [SHA256]
#       option A: brochure's Debian package from URL (a release asset,
#       an artifact of brochure's own pipeline), checked against its
#       SHA-256 when given, installed by apt-get (as root, Debian 12);
#       BROCHURE_DEB_HEADER, if set, is sent with the request (a token)
#   sh ci/render.sh install-source GIT_URL REF
#       option B: brochure cloned at a tag or commit, built and
#       installed in BROCHURE_PREFIX (default /usr/local)
#   sh ci/render.sh matcher
#       GitHub: brochure's problem matcher, so that its errors and
#       warnings become annotations at the data and layout lines
#   sh ci/render.sh cards K/N
#       the K-th of N shards of the cards, under --strict, into
#       out/cards-K/ with its manifest and its review gallery
#       (index.html), which is written even when a card fails
#   sh ci/render.sh merge
#       checks that out/cards-*/ make the whole set (every shard once,
#       every file with its size and hash): out/manifest.json
#   sh ci/render.sh print
#       the print brochure under --strict into out/print/, with its
#       gallery
#
# BROCHURE_ARGS: more options for every render (--jobs 2, --pdf-standard
# ua-1, ...).  BROCHURE_REPORT: a file for each render's GitLab Code
# Quality report (every problem at its line), written when the render
# fails too.  Exit status: brochure's (1 when a text no longer fits,
# under --strict), or merge-manifests'.
set -eu
cd "$(dirname "$0")/.."

# The campaign: its data and layouts, as this repository names them.
DATA=data.yaml
CARDS="square.yaml og.yaml"
PRINT=brochure-a5.yaml

# A PDF's dates are the commit's (brochure reads SOURCE_DATE_EPOCH):
# from git when the checkout has it, else from GitLab's variable.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
	if SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null); then
		export SOURCE_DATE_EPOCH
	elif [ -n "${CI_COMMIT_TIMESTAMP:-}" ]; then
		SOURCE_DATE_EPOCH=$(date -d "$CI_COMMIT_TIMESTAMP" +%s)
		export SOURCE_DATE_EPOCH
	else
		unset SOURCE_DATE_EPOCH
	fi
fi

# share: the installed brochure's files, beside its program
# (PREFIX/bin/brochure, PREFIX/share/...).
share() {
	bin=$(command -v brochure) || {
		echo "render.sh: brochure is not installed (install-deb or install-source)" >&2
		exit 2
	}
	echo "$(dirname "$(readlink -f "$bin")")/../share"
}

# apt_get PACKAGE...: installs what is missing, after reading the lists
# (a fresh container has none).
apt_get() {
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq "$@" >/dev/null
}

report=""
[ -z "${BROCHURE_REPORT:-}" ] || report="--report $BROCHURE_REPORT"

step=${1:-}
[ $# -gt 0 ] && shift
case $step in
install-deb)
	[ $# -ge 1 ] || { echo "usage: ci/render.sh install-deb URL [SHA256]" >&2; exit 2; }
	command -v curl >/dev/null 2>&1 || apt_get curl ca-certificates
	deb=$(mktemp -d)/brochure.deb
	# BROCHURE_DEB_HEADER: one HTTP header for a registry that wants a
	# token (GitLab's package registry: "JOB-TOKEN: $CI_JOB_TOKEN").
	curl -fsSL ${BROCHURE_DEB_HEADER:+-H "$BROCHURE_DEB_HEADER"} \
	    -o "$deb" "$1"
	if [ -n "${2:-}" ]; then
		echo "$2  $deb" | sha256sum -c --quiet -
	fi
	# Its dependencies (cairo, Pango, ...) come from Debian; python3,
	# which it recommends, runs merge-manifests.
	apt_get "$deb"
	rm -rf "${deb%/*}"
	brochure --version
	;;
install-source)
	[ $# -eq 2 ] || { echo "usage: ci/render.sh install-source GIT_URL REF" >&2; exit 2; }
	command -v git >/dev/null 2>&1 || apt_get git ca-certificates
	command -v python3 >/dev/null 2>&1 || apt_get python3
	src=$(mktemp -d)
	git -C "$src" init -q
	git -C "$src" fetch -q --depth 1 "$1" "$2"
	git -C "$src" checkout -q FETCH_HEAD
	# scripts/setup build: the compiler and headers, not the test tools.
	sh "$src/scripts/setup" build
	make -C "$src" -j"$(nproc)"
	make -C "$src" install PREFIX="${BROCHURE_PREFIX:-/usr/local}" >/dev/null
	PATH=${BROCHURE_PREFIX:-/usr/local}/bin:$PATH brochure --version
	;;
matcher)
	# The runner reads the file from the job's workspace, not from a
	# container's /usr/share: a copy in out/ (which git ignores).
	mkdir -p out
	cp "$(share)/doc/brochure/docs/ci/brochure-matcher.json" out/.brochure-matcher.json
	echo "::add-matcher::out/.brochure-matcher.json"
	;;
cards)
	case ${1:-} in
	[1-9]*/[1-9]*) ;;
	*)	echo "usage: ci/render.sh cards K/N, not '${1:-}'" >&2; exit 2 ;;
	esac
	shard=$1 k=${1%/*}
	rm -rf "out/cards-$k"
	set --
	for l in $CARDS; do set -- "$@" -l "$l"; done
	# shellcheck disable=SC2086 # report and BROCHURE_ARGS are words
	brochure render "$DATA" "$@" -o "out/cards-$k/" --shard "$shard" \
	    --manifest "out/cards-$k/manifest.json" --gallery --strict \
	    $report ${BROCHURE_ARGS:-}
	;;
merge)
	python3 "$(share)/brochure/merge-manifests" out/cards-*/manifest.json \
	    --out out/manifest.json
	;;
print)
	rm -rf out/print
	# shellcheck disable=SC2086 # report and BROCHURE_ARGS are words
	brochure render "$DATA" -l "$PRINT" -o "out/print/${PRINT%.yaml}.pdf" \
	    --gallery --strict $report ${BROCHURE_ARGS:-}
	;;
*)
	echo "usage: ci/render.sh install-deb|install-source|matcher|cards K/N|merge|print" >&2
	exit 2
	;;
esac
