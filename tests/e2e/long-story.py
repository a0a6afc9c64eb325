#!/usr/bin/python3
"""Writes the sample data with one record's story ten times as long.

    long-story.py DATA.yaml ID[,ID...] OUT.yaml

Each record ID's story becomes ten copies of itself, every sentence of copy k
marked "(k) " so that each sentence is still found once (flow-check.py).
Photo paths are made absolute: render OUT.yaml with --allow-path for
their folder.
"""
import os
import re
import sys

import yaml


def main(argv):
    data, rid, out = argv[1], argv[2], argv[3]
    with open(data, encoding='utf-8') as f:
        doc = yaml.safe_load(f)
    base = os.path.dirname(os.path.abspath(data))
    for rec in doc['interns']:
        if rec.get('photo'):
            rec['photo'] = os.path.join(base, rec['photo'])
        if rec['id'] not in rid.split(','):
            continue
        story = rec['story'] if isinstance(rec['story'], list) else [rec['story']]
        rec['story'] = [' '.join(f'({k}) {s}' for s in
                                 re.split(r'(?<=[.!?])\s+', p.strip()))
                        for k in range(1, 11) for p in story]
    with open(out, 'w', encoding='utf-8') as f:
        yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
