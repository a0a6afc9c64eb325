# focus-check.py PNG WANT: the pixel at the middle of the top quarter
# and of the bottom quarter of PNG (8-bit RGB or RGBA, as cairo and
# pdftoppm write it) are WANT, two letters r (red) or b (blue): "rr"
# for a crop that kept the top of tests/e2e/focus/halves.png.
import struct
import sys
import zlib

data = open(sys.argv[1], "rb").read()
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
bpp = {2: 3, 6: 4}[ctype]
raw = zlib.decompress(idat)
stride = w * bpp
rows, prev = [], bytearray(stride)
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1:
            line[i] = (line[i] + a) & 255
        elif f == 2:
            line[i] = (line[i] + b) & 255
        elif f == 3:
            line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line)
    prev = line


def colour(y):
    px = rows[y][(w // 2) * bpp:(w // 2) * bpp + 3]
    # cairo's PNGs are BGRA-free RGB(A) once written; red: R high, B low
    return "r" if px[0] > 150 and px[2] < 100 else \
        "b" if px[2] > 150 and px[0] < 100 else "?"


got = colour(h // 4) + colour(3 * h // 4)
if got != sys.argv[2]:
    print("%s: top and bottom are %s, want %s" % (sys.argv[1], got, sys.argv[2]))
    sys.exit(1)
