#!/usr/bin/python3
"""Checks a PDF's extracted text against the data it came from.

    text-check.py [--text] [--joined] [--keep-all] [--curl] DATA.yaml TEXT.txt

--text: every text of every record is in the PDF, spaces aside.
--joined: the same, exactly, once the lines are stripped and joined
with one space (breaks fall only where the data has a space).

TEXT.txt is `pdftotext -raw` output.  Line breaks in the PDF stand where
spaces stood in the data, so texts are compared with whitespace removed.
With --keep-all, no line of the PDF may end inside a word of the data:
the end of a line joined to the start of the next must not be (part
of) one word (keep-all breaking never splits a word that fits its box).
--curl: the layout sets `quotes: typographic`: the data's straight
quotes are compared curled, as brochure curls them (quotes.c).
Prints each problem; exits 1 if there is any.
"""
import re
import sys
import unicodedata

import yaml


def strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for x in node:
            yield from strings(x)
    elif isinstance(node, dict):
        for k, v in node.items():
            if k not in ('id', 'url', 'photo'):
                yield from strings(v)


def curl(s):
    """Straight quotes curled as quotes.c does: opening at the start,
    after a space, an opening bracket or quote, or a dash."""
    out, prev = [], ''
    for c in s:
        if c in '\'"':
            opens = (prev == '' or prev.isspace() or
                     unicodedata.category(prev) in ('Ps', 'Pi', 'Pd'))
            c = ('‘' if opens else '’') if c == "'" else \
                ('“' if opens else '”')
        out.append(c)
        prev = c
    return ''.join(out)


def squash(s):
    return re.sub(r'\s+', '', unicodedata.normalize('NFC', s))


def curled(node):
    if isinstance(node, str):
        return curl(node)
    if isinstance(node, list):
        return [curled(x) for x in node]
    if isinstance(node, dict):
        return {k: curled(v) if k not in ('id', 'url', 'photo') else v
                for k, v in node.items()}
    return node


def main(argv):
    flags = [a for a in argv[1:] if a.startswith('--')]
    argv = [argv[0]] + [a for a in argv[1:] if not a.startswith('--')]
    keep_all = '--keep-all' in flags
    data = yaml.safe_load(open(argv[1], encoding='utf-8'))
    if '--curl' in flags:
        data = curled(data)
    text = unicodedata.normalize('NFC', open(argv[2], encoding='utf-8').read())
    flat = squash(text)
    problems = []
    records = data.get('interns', [])
    joined = ' '.join(l.strip() for l in text.splitlines())
    for rec in records if '--text' in flags or '--joined' in flags else []:
        for s in strings(rec):
            if '--text' in flags and squash(s) not in flat:
                problems.append(f"{rec.get('id')}: missing text: {s[:60]}")
            nfc = unicodedata.normalize('NFC', s)
            if '--joined' in flags and nfc not in joined:
                problems.append(f"{rec.get('id')}: not whole once lines "
                                f"are joined: {s[:60]}")
    if keep_all:
        words = set()
        for s in strings(data):
            words.update(unicodedata.normalize('NFC', s).split())
        lines = [l.split() for l in text.splitlines()]
        for cur, nxt in zip(lines, lines[1:]):
            if not cur or not nxt or cur[-1] in words:
                continue
            # Split inside a word: the end of this line and the start of
            # the next are one word of the data.
            joined = cur[-1] + nxt[0]
            if any(joined in w for w in words):
                problems.append(f"line ends inside a word: "
                                f"{' '.join(cur[-3:])} / {nxt[0]}")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
