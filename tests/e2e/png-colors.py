# png-colors.py PNG RRGGBB...: for each colour, how many pixels of an
# 8-bit RGB or RGBA PNG have it (within 8 per channel), on one line.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pngread import read  # noqa: E402

w, h, bpp, rows = read(sys.argv[1])
stride = w * bpp
want = [tuple(int(s[i:i + 2], 16) for i in (0, 2, 4)) for s in sys.argv[2:]]
counts = [0] * len(want)
for line in rows:
    for x in range(0, stride, bpp):
        px = line[x:x + 3]
        for k, c in enumerate(want):
            if all(abs(px[j] - c[j]) <= 8 for j in range(3)):
                counts[k] += 1
print(" ".join(str(n) for n in counts))
