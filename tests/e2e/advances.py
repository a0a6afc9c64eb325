#!/usr/bin/python3
"""Checks that each word of a PDF is as wide as its font makes it.

    advances.py FONT.ttf SIZE PDF

Each word pdftotext -bbox finds must be the sum of its glyphs' advances
(the font's hmtx) and kerning (its format 0 'kern' table), at SIZE
points, within 0.05pt: Pango rounded every advance to a whole point
(Hangul at 9.0pt instead of NanumGothic's 9.4pt at 10pt).  The font's
tables are read here, with the struct module, so that the reference is
the file itself, not another shaper.  Prints each word; exits 1 if any
is off.
"""
import re
import struct
import subprocess
import sys


def tables(data):
    n = struct.unpack('>H', data[4:6])[0]
    out = {}
    for i in range(n):
        tag, _, off, length = struct.unpack('>4sIII', data[12 + 16 * i:28 + 16 * i])
        out[tag.decode('latin1')] = data[off:off + length]
    return out


def cmap4(cmap):
    """The Unicode BMP subtable (platform 3, encoding 1) as a dict."""
    n = struct.unpack('>H', cmap[2:4])[0]
    for i in range(n):
        plat, enc, off = struct.unpack('>HHI', cmap[4 + 8 * i:12 + 8 * i])
        if (plat, enc) == (3, 1):
            break
    else:
        raise SystemExit('no Unicode cmap')
    t = cmap[off:]
    segs = struct.unpack('>H', t[6:8])[0] // 2
    a = lambda k: struct.unpack('>%dH' % segs, t[14 + k * segs * 2 + (2 if k else 0):][:segs * 2])
    ends, starts = a(0), a(1)
    deltas, ranges = a(2), a(3)
    ro = 16 + 6 * segs
    m = {}
    for s in range(segs):
        for c in range(starts[s], ends[s] + 1):
            if c == 0xFFFF:
                continue
            if ranges[s] == 0:
                g = (c + deltas[s]) & 0xFFFF
            else:
                at = ro + 2 * s + ranges[s] + 2 * (c - starts[s])
                g = struct.unpack('>H', t[at:at + 2])[0]
                g = (g + deltas[s]) & 0xFFFF if g else 0
            m[c] = g
    return m


def main(font, size, pdf):
    t = tables(open(font, 'rb').read())
    upem = struct.unpack('>H', t['head'][18:20])[0]
    nh = struct.unpack('>H', t['hhea'][34:36])[0]
    adv = struct.unpack('>%dH' % (2 * nh), t['hmtx'][:nh * 4])[0::2]
    cmap = cmap4(t['cmap'])
    kern = {}
    if 'kern' in t and struct.unpack('>HH', t['kern'][:4])[0] == 0:
        k = t['kern'][4:]
        npairs = struct.unpack('>H', k[6:8])[0]
        for i in range(npairs):
            l, r, v = struct.unpack('>HHh', k[14 + 6 * i:20 + 6 * i])
            kern[(l, r)] = v
    scale = float(size) / upem
    out = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True,
                         text=True, check=True).stdout
    bad = 0
    words = re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" '
                       r'yMax="[\d.]+">([^<]*)</word>', out)
    for x0, x1, w in words:
        gl = [cmap.get(ord(c), 0) for c in w]
        want = sum(adv[min(g, nh - 1)] for g in gl)
        want += sum(kern.get((a, b), 0) for a, b in zip(gl, gl[1:]))
        want *= scale
        got = float(x1) - float(x0)
        off = abs(got - want) > 0.05
        bad += off
        print('%s %-14s %8.3fpt, the font: %8.3fpt' % ('OFF' if off else 'ok ', w, got, want))
    if not words:
        print('no words in', pdf)
        return 1
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
