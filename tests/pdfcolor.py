#!/usr/bin/python3
"""The colours a PDF paints with, and a PNG's pixels (issue 19's tests).

  pdfcolor.py ops FILE.pdf   one line per way of setting a colour on its
                             pages: "fill cmyk 0 1 0.8 0", "stroke sep
                             All 1 1 1 1", "fill rgb 0.122 0.435 0.922",
                             sorted, each once
  pdfcolor.py px FILE.png X Y   the pixel's "R G B" (8-bit RGB or RGBA)
"""
import os
import sys

import pikepdf

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "e2e"))
from pngread import read  # noqa: E402


def fmt(vals):
    return " ".join("%g" % round(float(v), 4) for v in vals)


def ops(path):
    pdf = pikepdf.open(path)
    seen = set()
    for page in pdf.pages:
        spaces = page.Resources.get("/ColorSpace", {})
        cur = {"fill": None, "stroke": None}
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("k", "K"):
                seen.add("%s cmyk %s" % ("fill" if op == "k" else "stroke",
                                         fmt(operands)))
            elif op in ("rg", "RG"):
                seen.add("%s rgb %s" % ("fill" if op == "rg" else "stroke",
                                        fmt(operands)))
            elif op in ("cs", "CS"):
                cur["fill" if op == "cs" else "stroke"] = spaces.get(
                    operands[0])
            elif op in ("scn", "SCN"):
                cs = cur["fill" if op == "scn" else "stroke"]
                if isinstance(cs, pikepdf.Array) and cs[0] == "/Separation":
                    name = pikepdf.Name(cs[1])
                    seen.add("%s sep %s tint %s alt %s C1 %s" % (
                        "fill" if op == "scn" else "stroke",
                        str(name)[1:], fmt(operands), str(cs[2])[1:],
                        fmt(cs[3].C1)))
    for line in sorted(seen):
        print(line)


def px(path, x, y):
    _, _, bpp, rows = read(path)
    print(" ".join(str(v) for v in rows[y][x * bpp:x * bpp + 3]))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "ops":
        ops(sys.argv[2])
    elif len(sys.argv) == 5 and sys.argv[1] == "px":
        px(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit(__doc__)
