# focus-check.py PNG WANT: the pixel at the middle of the top quarter
# and of the bottom quarter of PNG (8-bit RGB or RGBA, as cairo and
# pdftoppm write it) are WANT, two letters r (red) or b (blue): "rr"
# for a crop that kept the top of tests/e2e/focus/halves.png.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pngread import read  # noqa: E402

w, h, bpp, rows = read(sys.argv[1])


def colour(y):
    px = rows[y][(w // 2) * bpp:(w // 2) * bpp + 3]
    # cairo's PNGs are BGRA-free RGB(A) once written; red: R high, B low
    return "r" if px[0] > 150 and px[2] < 100 else \
        "b" if px[2] > 150 and px[0] < 100 else "?"


got = colour(h // 4) + colour(3 * h // 4)
if got != sys.argv[2]:
    print("%s: top and bottom are %s, want %s" % (sys.argv[1], got, sys.argv[2]))
    sys.exit(1)
