"""overlap-check.py TREE...: no two drawn texts or rules of a page
overlap (by more than 0.5pt both ways), as --dump-tree gives them.  The
shipped layouts place frames so that a quote of any length (fitted,
then cut by its ellipsis) never runs into the name below it; panels and
pictures under text are meant, so only text and line boxes count."""
import re
import sys

BOX = re.compile(r"^  (text|line) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"
                 r"(?: @(\d+):\d+)?")
bad = []
for path in sys.argv[1:]:
    page, boxes = None, []

    def check():
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                dx = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
                dy = min(a[2] + a[4], b[2] + b[4]) - max(a[2], b[2])
                if dx > 0.5 and dy > 0.5:
                    bad.append("%s: %s: %s @%s and %s @%s overlap by "
                               "%.1fpt" % (path, page, a[0], a[5], b[0],
                                           b[5], dy))

    for line in open(path, encoding="utf-8"):
        if line.startswith("page "):
            check()
            page, boxes = line.split(" /")[0].strip(), []
            continue
        m = BOX.match(line)
        if m:
            boxes.append((m.group(1),) + tuple(float(m.group(k))
                                               for k in range(2, 6))
                         + (m.group(6),))
    check()
if bad:
    print("\n".join(bad))
    sys.exit(1)
