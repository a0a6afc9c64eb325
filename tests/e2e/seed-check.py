#!/usr/bin/env python3
"""Check that data/interns.yaml transcribes the seed page verbatim.

Usage: seed-check.py SEED_FILE [DATA_FILE]

DATA_FILE defaults to data/interns.yaml in the repository holding this
script. Every non-empty seed line (stripped of indentation) that is text,
not page layout, must appear as a substring of the data strings of its
section: the header lines in brochure.intro, each "• ..." block in the
corresponding intern's fields (paragraphs joined with spaces). The title
and subtitle lines must match brochure.title / brochure.subtitle and the
link line must equal link.label. Exits 1 listing any line not found.
"""
import os
import re
import sys

try:
    import yaml
except ImportError:
    sys.exit("seed-check: PyYAML is required (Debian: apt-get install python3-yaml)")

# Seed lines that are page layout, not data.
LAYOUT = [
    re.compile(r"^카카오브레인은$"),
    re.compile(r"^이다\.$"),
    re.compile(r"^인턴'[^']+'의 회고$"),
    re.compile(r"^\S+[이가] 알려주는 노하우!$"),
    re.compile(r"^이런 분들에게 추천!$"),
    re.compile(r"^지원자를 위한 조언$"),
]
LINK_LABEL = "카카오브레인 페이스북에서 보기 →"
INTERN_FIELDS = ["id", "name", "team", "affiliation", "keyword", "story",
                 "recommend", "advice", "summary", "link"]
TEXT_FIELDS = ["team", "affiliation", "story", "recommend", "advice", "summary"]


def flatten(v):
    if v is None:
        return []
    if isinstance(v, list):
        return [s for x in v for s in flatten(x)]
    if isinstance(v, dict):
        return [s for x in v.values() for s in flatten(x)]
    return [str(v)]


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__.strip().splitlines()[2])
    seed_path = argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    data_path = argv[2] if len(argv) > 2 else os.path.join(here, "..", "..", "data", "interns.yaml")

    with open(data_path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    with open(seed_path, encoding="utf-8") as f:
        seed = [l.strip() for l in f.read().split("\n")]

    problems = []
    brochure = data.get("brochure") or {}
    interns = data.get("interns") or []

    # Split the seed into the header and one section per "• " block.
    sections = [[]]
    for line in seed:
        if line.startswith("•"):
            sections.append([])
            line = line.lstrip("•").strip()
        if line:
            sections[-1].append(line)
    header, blocks = sections[0], sections[1:]

    if len(blocks) != len(interns):
        problems.append(f"seed has {len(blocks)} intern blocks, data has {len(interns)} interns")

    # Header: title line, subtitle line(s), then intro lines.
    if not header or header[0] != brochure.get("title"):
        problems.append(f"title: seed {header[:1]!r} != data {brochure.get('title')!r}")
    rest = header[1:]
    sub, n = brochure.get("subtitle"), 0
    while n < len(rest) and " ".join(rest[:n]) != sub:
        n += 1
    if " ".join(rest[:n]) != sub:
        problems.append(f"subtitle {sub!r} is not the seed lines after the title")
        n = 0
    checks = [(line, " ".join(flatten(brochure.get("intro"))), "brochure.intro")
              for line in rest[n:]]

    for i, (block, rec) in enumerate(zip(blocks, interns)):
        who = f"interns[{i}] ({rec.get('id')})"
        # photo is the one field the seed does not give (optional).
        fields = [k for k in rec if k != "photo"]
        if fields != INTERN_FIELDS:
            problems.append(f"{who}: fields {fields} != {INTERN_FIELDS}")
        hay = " ".join(s for k in TEXT_FIELDS for s in flatten(rec.get(k)))
        for line in block:
            if any(p.match(line) for p in LAYOUT):
                continue
            if line == LINK_LABEL:
                label = (rec.get("link") or {}).get("label")
                if label != line:
                    problems.append(f"{who}: link.label {label!r} != seed {line!r}")
                continue
            checks.append((line, hay, who))

    found = 0
    for line, hay, where in checks:
        if line in hay:
            found += 1
        else:
            problems.append(f"{where}: missing seed line: {line}")

    if problems:
        for p in problems:
            print("seed-check: " + p)
        return 1
    print(f"seed-check: all {found} lines found")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
