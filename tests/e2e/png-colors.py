# png-colors.py PNG RRGGBB...: for each colour, how many pixels of an
# 8-bit RGB or RGBA PNG have it (within 8 per channel), on one line.
import struct
import sys
import zlib

data = open(sys.argv[1], "rb").read()
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, t = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if t == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        bpp = {2: 3, 6: 4}[ctype]
    elif t == b"IDAT":
        idat += body
    pos += 12 + n
raw, stride = zlib.decompress(idat), w * bpp
prev, rows = bytearray(stride), []
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line)
    prev = line
want = [tuple(int(s[i:i + 2], 16) for i in (0, 2, 4)) for s in sys.argv[2:]]
counts = [0] * len(want)
for line in rows:
    for x in range(0, stride, bpp):
        px = line[x:x + 3]
        for k, c in enumerate(want):
            if all(abs(px[j] - c[j]) <= 8 for j in range(3)):
                counts[k] += 1
print(" ".join(str(n) for n in counts))
