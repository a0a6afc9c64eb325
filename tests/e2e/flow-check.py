#!/usr/bin/python3
"""Every sentence of a record's fields once in a PDF's text.

    flow-check.py [--skip REGEX] DATA.yaml ID TEXT.txt FIELD...

TEXT.txt is `pdftotext -raw` output of a layout whose flow breaks
across frames: each sentence of each FIELD (a text or a list of them)
of record ID must be in it exactly once, whitespace aside: not lost at
a break, not drawn twice (a fragment painting lines hidden under a
clip would show them twice).  Lines of TEXT.txt matching --skip are
left out first: what a page prints between two parts of a sentence
broken across pages (a running head, a folio, a marker).  Prints each
problem; exits 1 if any.
"""
import re
import sys
import unicodedata

import yaml


def squash(s):
    return re.sub(r'\s+', '', unicodedata.normalize('NFC', s))


def main(argv):
    skip = None
    if argv[1] == '--skip':
        skip, argv = re.compile(argv[2]), argv[:1] + argv[3:]
    data, rid, text, fields = argv[1], argv[2], argv[3], argv[4:]
    with open(data, encoding='utf-8') as f:
        doc = yaml.safe_load(f)
    rec = [r for r in doc['interns'] if r['id'] == rid][0]
    with open(text, encoding='utf-8') as f:
        pdf = squash(''.join(line for line in f
                             if skip is None or not skip.search(line)))
    bad = 0
    for name in fields:
        v = rec[name]
        for para in v if isinstance(v, list) else [v]:
            for s in re.split(r'(?<=[.!?])\s+', para.strip()):
                n = pdf.count(squash(s))
                if n != 1:
                    print(f"{name}: {n} times: {s}")
                    bad = 1
    return bad


if __name__ == '__main__':
    sys.exit(main(sys.argv))
