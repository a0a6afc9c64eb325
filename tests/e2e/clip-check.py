# clip-check.py QDF|SVG: every curved clipping path in a PDF (qpdf --qdf,
# so content streams are plain text) or an SVG is one closed shape: a
# move, then curves, no straight segment, as a circle has.  A stray 'l' before the
# curves is the line cairo_arc() adds from the previous current point
# (where the last text was drawn): a hairline beside the photo.
import re
import sys

data = open(sys.argv[1], "rb").read().decode("latin-1")
if sys.argv[1].endswith(".svg"):
    paths = [re.findall(r"[A-Za-z]", d) for d in
             re.findall(r'<clipPath[^>]*>\s*<path[^>]*\bd="([^"]*)"', data)]
    curved = [p for p in paths if "C" in p]
    for p in curved:
        if p[0] != "M" or "L" in p:
            print("SVG clip path with a stray segment: " + "".join(p))
    if not curved:
        print("no curved clipping path found")
    sys.exit(0 if curved and all(p[0] == "M" and "L" not in p
                                 for p in curved) else 1)
num = r"-?[\d.]+\s+"
seg = r"(?:(?:%s)+(?:m|l|c|h|re)\s+|h\s+)" % num
bad = found = 0
for m in re.finditer(r"(?:%s)+W\*?\s+n" % seg, data):
    ops = re.findall(r"\b(m|l|c|h|re)\b", m.group(0))
    if "c" not in ops:
        continue
    found += 1
    if ops[0] != "m" or "l" in ops:
        bad += 1
        print("clip path with a stray segment: " + " ".join(m.group(0).split())[:200])
if found == 0:
    print("no curved clipping path found")
    sys.exit(1)
sys.exit(1 if bad else 0)
