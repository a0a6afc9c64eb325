#!/usr/bin/python3
"""The sweep (issue 15): line breaks of the corpus read back from a render.

    sweep.py [--rules] [--check NAME]... [--chromium JSON] CORPUS.yaml OUT.pdf

OUT.pdf is tests/sweep/sweep.yaml rendered over CORPUS.yaml (page k:
record k // 4 at width WIDTHS[k % 4], in a frame at x = 20pt).  Renders
nothing: reads the PDF with `pdftotext -bbox-layout`, groups its words
into lines by their top, lays each line back onto the record's text
(spaces aside), and checks every paragraph × width:

  in-word    no line ends inside a word of the data (text between
             breakable spaces) that fits its frame; a word wider than
             the frame may be split
  klreq      no line starts with a mark of src/breaks.c's no_head[] (or
             ～ ― ㆍ, which klreq forbids too), none ends with one of
             no_end[]; a straight quote closes after a non-space
  justify    every line but the last ends within 0.5pt of the frame's
             right edge (a line holding one word may be ragged)
  nbsp       no line break at a no-break space (U+00A0, U+202F)

With --rules, records whose id starts with `rule-` (cases for break
rules not merged yet) are checked too, and three more checks run:

  date       a date written `2021. 7. 1.(목)` is not split
  particle   a closing quote and 라고 / 라는 after it share a line
  url        an over-long URL breaks after / - ? & . = # _ where the
             line has one

--check NAME (repeatable) limits the exit status to those checks (all
are still counted).  Prints each problem, then the figures:

  sweep: N lines in M paragraph×width, R ragged inner lines, V violations
  breaks agree with Chromium keep-all in N of M paragraph×width (…)

--sample DATA.yaml: every paragraph of the sample (intro, stories,
summaries, list items) must be a record of the corpus, verbatim.

--chromium JSON: the stored reference (scripts/chromium-breaks): each
record's line starts per width, as offsets in code points into the NFC
text.  Exits 1 if a selected check found a problem.
"""
import argparse
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import unicodedata

import yaml

WIDTHS = (150, 240, 320, 480)
LEFT = 20.0              # the frame's x in tests/sweep/sweep.yaml [pt]
TOLERANCE = 0.5          # flush means within this of the right edge [pt]
NOBREAK = '\u00a0\u202f'  # no-break spaces: never a line break
INVISIBLE = '\u2060\u200b\ufeff'  # word joiner &c.: not in pdftotext
CHECKS = ('in-word', 'klreq', 'justify', 'nbsp', 'date', 'particle', 'url',
          'reference', 'sample')
# klreq marks Korean keyboards produce, forbidden at a line's start
# whether or not breaks.c lists them yet (issue 15): ～ ― ㆍ.
KLREQ_HEAD = {'\uff5e', '\u2015', '\u318d'}
QUOTES = str.maketrans('‘’“”', "''\"\"")
DATE = re.compile(r'(\d{4}\.\s+)?\d{1,2}\.\s+\d{1,2}\.(\([^)\s]*\))?')
PARTICLE = re.compile(r'(이?라고|이?라는|이?라며|이?라면서)')
URL_BREAK = set('/-?&.=#_')
RUNT_CHARS = 6  # src/text.c: a last word this short is a runt


def c_set(source, name):
    """The characters of `static const gunichar NAME[] = { … };`."""
    m = re.search(r'\b' + name + r'\[\]\s*=\s*\{(.*?)\};', source, re.S)
    if m is None:
        sys.exit(f'sweep.py: no {name}[] in src/breaks.c')
    chars = set()
    for lit, hexa in re.findall(r"'(\\.|[^'\\])'|0x([0-9A-Fa-f]+)", m.group(1)):
        chars.add(chr(int(hexa, 16)) if hexa else lit[-1])
    return chars


def is_space(c):
    return c.isspace() or c == '\u3000'


def breakable(c):
    return is_space(c) and c not in NOBREAK


def read_pages(pdf):
    """[(page width, [(xMin, yMin, xMax, text)])] from pdftotext."""
    xml = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'],
                         check=True, capture_output=True,
                         encoding='utf-8').stdout
    pages = []
    for page in re.finditer(r'<page width="([0-9.]+)"[^>]*>(.*?)</page>',
                            xml, re.S):
        words = [(float(a), float(b), float(c), html.unescape(t))
                 for a, b, c, t in re.findall(
                     r'<word xMin="([0-9.]+)" yMin="([0-9.]+)" '
                     r'xMax="([0-9.]+)"[^>]*>([^<]*)</word>', page.group(2))]
        pages.append((float(page.group(1)), words))
    return pages


def lines_of(words):
    """Words grouped into lines (same top within 2pt), left to right."""
    lines = []
    for w in sorted(words, key=lambda w: (w[1], w[0])):
        if lines and abs(lines[-1][0][1] - w[1]) < 2:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(l) for l in lines]


class Para:
    """One record at one width: its lines laid onto its text."""

    def __init__(self, rid, text, width, lines):
        self.rid, self.text, self.width = rid, text, width
        self.right = LEFT + width
        self.lines = lines
        self.spans = []      # per line: [(word, start, end)] offsets
        self.error = None
        self.place()

    def place(self):
        chars = [(i, c) for i, c in enumerate(self.text)
                 if not is_space(c) and c not in INVISIBLE]
        k = 0
        for line in self.lines:
            spans = []
            for w in line:
                got = ''.join(c for c in w[3] if not is_space(c))
                want = ''.join(c for _, c in chars[k:k + len(got)])
                if got.translate(QUOTES) != want.translate(QUOTES):
                    self.error = (f'the render reads "{got}" where the '
                                  f'data has "{want}"')
                    return
                spans.append((w, chars[k][0], chars[k + len(got) - 1][0]))
                k += len(got)
            self.spans.append(spans)
        if k != len(chars):
            self.error = (f'the render ends before the text: '
                          f'"{"".join(c for _, c in chars[k:k + 20])}…"')

    def starts(self):
        return [s[0][1] for s in self.spans]

    def word_at(self, i):
        """[start, end] of the data word (between breakable spaces)."""
        a = i
        while a > 0 and not breakable(self.text[a - 1]):
            a -= 1
        b = i
        while b + 1 < len(self.text) and not breakable(self.text[b + 1]):
            b += 1
        return a, b

    def word_width(self, a, b):
        """The width the word [a, b] takes on the lines it spans [pt]."""
        total = 0.0
        for spans in self.spans:
            on = [w for w, s, e in spans if e >= a and s <= b]
            if on:
                total += max(w[2] for w in on) - min(w[0] for w in on)
        return total


def where(p, n):
    return f'{p.rid} @{p.width}pt, line {n + 1}'


def closing(text, i):
    """Whether the quote at text[i] closes (breaks.c: after a non-space)."""
    c = text[i]
    if c in '’”':
        return True
    if c in "'\"":
        return i > 0 and not is_space(text[i - 1])
    return False


def check_para(p, heads, ends, rules, problems):
    text, n = p.text, len(p.spans)
    for k, spans in enumerate(p.spans):
        first, last = spans[0][1], spans[-1][2]
        line = text[first:last + 1]
        c = text[first]
        if k > 0 and (c in heads or (c in "'\"" and closing(text, first))):
            problems.append(('klreq', f'{where(p, k)} starts with {c!r}: '
                             f'{line[:30]}'))
        c = text[last]
        if k < n - 1 and (c in ends or (c in "'\"" and
                                        not closing(text, last))):
            problems.append(('klreq', f'{where(p, k)} ends with {c!r}: '
                             f'…{line[-30:]}'))
        x1 = max(w[0][2] for w in spans)
        one_word = not any(breakable(ch) for ch in line)
        if k < n - 1 and not one_word and abs(x1 - p.right) > TOLERANCE:
            problems.append(('justify', f'{where(p, k)} ends at {x1:.2f}pt, '
                             f'{x1 - p.right:+.2f}pt from the right edge: '
                             f'…{line[-20:]}'))
        if k == n - 1:
            continue
        nxt = p.spans[k + 1][0][1]
        gap = text[last + 1:nxt]
        brk = f'{where(p, k)}: …{line[-12:]} / {text[nxt:nxt + 12]}…'
        if any(breakable(ch) for ch in gap):
            if rules:
                check_rules(p, k, last, nxt, brk, problems)
            continue
        if any(ch in NOBREAK for ch in gap):
            problems.append(('nbsp', f'broken at a no-break space: {brk}'))
            continue
        a, b = p.word_at(last)
        if p.word_width(a, b) <= p.width + TOLERANCE:
            problems.append(('in-word', f'line ends inside a word that '
                             f'fits: {brk}'))
        elif rules and re.match(r'https?://|www\.', text[a:b + 1]):
            piece = text[max(a, p.spans[k][0][1]):last + 1]
            if text[last] not in URL_BREAK and URL_BREAK & set(piece[1:]):
                problems.append(('url', f'URL broken after {text[last]!r} '
                                 f'where the line has / - ? & . = # _: '
                                 f'{brk}'))


def check_rules(p, k, last, nxt, brk, problems):
    """The rules not merged yet, at a break between words."""
    text = p.text
    for m in DATE.finditer(text):
        if m.start() <= last and nxt <= m.end() - 1:
            problems.append(('date', f'date split: {brk}'))
    if closing(text, last) and PARTICLE.match(text, nxt):
        problems.append(('particle', f'closing quote and its particle on '
                         f'two lines: {brk}'))


def why(p, want):
    """Why brochure's line starts differ from Chromium's (want): `runt`
    (only the last break, brochure pulling a word down so the paragraph
    does not end on a lone word of RUNT_CHARS or fewer: runts: avoid), `split` (Chromium
    breaks inside a word of the data: ‘오케스트라’/처럼, C#/으로),
    else `other`."""
    got, text = p.starts(), p.text
    for s in want[1:]:
        if s not in got and not any(breakable(c) for c in text[:s][-1:]):
            return 'split'
    last = text[want[-1]:].strip()
    if got[:-1] == want[:-1] and len(got) == len(want) and \
            got[-1] < want[-1] and len(last) <= RUNT_CHARS and \
            not any(breakable(c) for c in last):
        return 'runt'
    return 'other'


def agreement(paras, reference):
    """Per width: (same, total, [(id, why)] that differ)."""
    out = {w: [0, 0, []] for w in WIDTHS}
    for p in paras:
        want = reference.get(p.rid, {}).get(str(p.width))
        if want is None or p.error:
            continue
        row = out[p.width]
        row[1] += 1
        if want == p.starts():
            row[0] += 1
        else:
            row[2].append((p.rid, why(p, want)))
    return out


def compare(paras, path, problems):
    """The agreement lines against the stored Chromium breaks."""
    ref = json.load(open(path, encoding='utf-8'))['records']
    for p in paras:
        sha = hashlib.sha1(p.text.encode()).hexdigest()[:12]
        if ref.get(p.rid, {}).get('text-sha1') != sha:
            problems.append(('reference', f'{p.rid}: not this text in '
                             f'{path}: run scripts/chromium-breaks'))
            ref.pop(p.rid, None)
    agree = agreement(paras, ref)
    same = sum(a[0] for a in agree.values())
    total = sum(a[1] for a in agree.values())
    differ = [(f'{rid}@{w}', y) for w, a in agree.items() for rid, y in a[2]]
    per = ', '.join(f'{w}pt {a[0]}/{a[1]}' for w, a in agree.items())
    kinds = ', '.join(f'{sum(1 for _, y in differ if y == k)} {k}'
                      for k in ('runt', 'split', 'other'))
    other = ' '.join(d for d, y in differ if y == 'other')
    out = [f'breaks agree with Chromium keep-all in {same} of {total} '
           f'paragraph×width ({per}; {total - same} differ: {kinds}'
           + (f': {other}' if other else '') + ')']
    for k in ('runt', 'split'):
        out.append(f'  {k}: ' + (' '.join(d for d, y in differ if y == k)
                                 or 'none'))
    return out


def sweep(records, pages, rules, problems):
    """Every paragraph × width read back and checked; None if the pages
    are not the corpus's."""
    source = open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                               '..', '..', 'src', 'breaks.c'),
                  encoding='utf-8').read()
    heads = c_set(source, 'no_head') | KLREQ_HEAD
    ends = c_set(source, 'no_end')
    if len(pages) != len(records) * len(WIDTHS):
        print(f'{len(pages)} pages for {len(records)} records × '
              f'{len(WIDTHS)} widths')
        return None
    paras = []
    for n, (page_width, words) in enumerate(pages):
        rec, width = records[n // len(WIDTHS)], WIDTHS[n % len(WIDTHS)]
        if abs(page_width - (width + 2 * LEFT)) > 0.01:
            print(f'page {n + 1} is {page_width}pt wide: not the page of '
                  f'{rec["id"]} at {width}pt')
            return None
        if rec['id'].startswith('rule-') and not rules:
            continue
        text = unicodedata.normalize('NFC', rec['text'])
        p = Para(rec['id'], text, width, lines_of(words))
        paras.append(p)
        if p.error:
            problems.append(('in-word', f'{p.rid} @{width}pt: {p.error}'))
        else:
            check_para(p, heads, ends, rules, problems)
    return paras


def sample_paragraphs(path):
    """The sample's paragraphs: the intro, stories, summaries, items."""
    data = yaml.safe_load(open(path, encoding='utf-8'))
    yield data['brochure']['intro']
    for r in data['interns']:
        for key in ('story', 'summary', 'recommend', 'advice'):
            v = r.get(key, [])
            yield from [v] if isinstance(v, str) else v


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument('--rules', action='store_true')
    ap.add_argument('--check', action='append', choices=CHECKS)
    ap.add_argument('--chromium')
    ap.add_argument('--sample')
    ap.add_argument('corpus')
    ap.add_argument('pdf')
    args = ap.parse_args(argv[1:])
    records = yaml.safe_load(open(args.corpus, encoding='utf-8'))['paragraphs']
    problems = []
    if args.sample:
        in_corpus = {r['text'] for r in records}
        for text in sample_paragraphs(args.sample):
            if text not in in_corpus:
                problems.append(('sample', f'not in the corpus: {text[:40]}…'))
    paras = sweep(records, read_pages(args.pdf), args.rules, problems)
    if paras is None:
        return 1
    figures = compare(paras, args.chromium, problems) if args.chromium else []
    for name, msg in problems:
        print(f'{name}: {msg}')
    lines = sum(len(p.spans) for p in paras)
    ragged = sum(1 for name, _ in problems if name == 'justify')
    broken = sum(1 for name, _ in problems
                 if name not in ('justify', 'reference', 'sample'))
    print(f'sweep: {lines} lines in {len(paras)} paragraph×width, '
          f'{ragged} ragged inner lines, {broken} violations'
          + ''.join(f', {sum(1 for x, _ in problems if x == c)} {c}'
                    for c in CHECKS[:CHECKS.index('date')]
                    + (CHECKS[CHECKS.index('date'):-2] if args.rules else ())
                    if c != 'justify'))
    for line in figures:
        print(line)
    chosen = set(args.check or CHECKS)
    return 1 if any(name in chosen for name, _ in problems) else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
