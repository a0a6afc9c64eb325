#!/usr/bin/python3
# pdftags.py FILE.pdf [--tree] [--text] [--strict-headings] | --self-test:
# checks a tagged PDF's logical structure (ISO 32000-1 §14.7-14.8, PDF/UA-1
# basics) with Debian's python3-pikepdf: the catalog, page keys, every
# painted thing tagged or an artifact, MCIDs <-> structure tree <-> parent
# tree, annotations, Figure alt text, element types and nesting, heading
# levels.  Problems go to stderr, one line each, and exit 1; --tree and
# --text go to stdout.  Exit 0 when all holds, 2 on a usage error.
import io
import re
import sys

from decimal import Decimal

import pikepdf
from pikepdf import Array, Dictionary, Name

STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
    NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD
    THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby
    RB RT RP Warichu WT WP Figure Formula Form""".split())
# Grouping elements: their text is their kids', so --tree leaves it out.
GROUPS = set("Document Part Art Sect Div L Table THead TBody TFoot TR TOC "
             "Index".split())
PAINT = set("Tj TJ ' \" f F f* B B* b b* S s sh".split()) | {"INLINE IMAGE"}
LISTS = {"L": ("LI", "Caption"), "LI": ("Lbl", "LBody")}


def number_tree(node, out, depth=0):
    """Flattens a number tree (/Nums, /Kids) into out: {int: value}."""
    nums = node.get("/Nums", [])
    for i in range(0, len(nums) - 1, 2):
        out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []) if depth < 32 else []:
        number_tree(kid, out, depth + 1)
    return out


# The text of --tree and --text comes from the content streams through each
# font's ToUnicode, not from poppler's `pdfinfo -struct-text`: that output
# cannot be lined up one to one with pikepdf's elements (it prints attribute
# lines and object references among them), and a per-MCID text is what the
# tree needs.  Spaces come from space glyphs (brochure's writers and cairo
# draw them), wide TJ kerns and line changes; a gap left between two runs on
# one line is not measured, so Chromium's words at the edge of an inline
# element (<b>, <a>) run together.
def cmap_of(font):
    """(code lengths, {code bytes: text}) from a font's ToUnicode CMap, or
    None.  Enough CMap for what Chromium, cairo and brochure write:
    codespace ranges, bfchar, bfrange to a start code or to an array."""
    tu = font.get("/ToUnicode")
    if not isinstance(tu, pikepdf.Stream):
        return None
    data, H = tu.read_bytes(), rb"<([0-9A-Fa-f]*)>\s*"
    lens, table = set(), {}

    def utf16(h):
        return bytes.fromhex(h.decode()).decode("utf-16-be", "replace")
    for b in re.findall(rb"begincodespacerange(.*?)endcodespacerange", data,
                        re.S):
        lens |= {len(lo) // 2 for lo, _ in re.findall(H + H, b)}
    for b in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        table.update((bytes.fromhex(s.decode()), utf16(d))
                     for s, d in re.findall(H + H, b))
    for b in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(H + H + rb"(<[0-9A-Fa-f]*>|\[[^\]]*\])",
                                      b):
            n, lo, hi = len(lo) // 2, int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                dsts = [utf16(d) for d in re.findall(H, dst)]
            else:   # the destination's last character counts up
                d = utf16(dst[1:-1])
                dsts = [d[:-1] + chr(ord(d[-1]) + i)
                        for i in range(hi - lo + 1)]
            for i, d in enumerate(dsts[:hi - lo + 1]):
                table[(lo + i).to_bytes(n, "big")] = d
    return sorted(lens or {len(next(iter(table), b"  "))}), table


def decode(font, raw, cache):
    """The text of a string shown in a font, through its ToUnicode; with
    none, a simple font's bytes as Latin-1 (near enough for WinAnsi) and a
    composite font's codes as '?'."""
    if font is None:
        return raw.decode("latin-1")
    # A direct font has no number to cache it under (an id() is reused).
    key = font.objgen
    if key not in cache or key == (0, 0):
        cache[key] = cmap_of(font)
    if cache[key] is None:
        two = font.get("/Subtype") == "/Type0"
        return "?" * (len(raw) // 2) if two else raw.decode("latin-1")
    (lens, table), out, i = cache[key], [], 0
    while i < len(raw):
        n = next((n for n in lens if raw[i:i + n] in table), lens[-1])
        out.append(table.get(raw[i:i + n], "\ufffd"))
        i += n
    return "".join(out)


def inherited(node, key):
    """A page's key, inherited from its /Pages ancestors (as /Resources is)."""
    for _ in range(64):
        if node is None or key in node:
            return node.get(key) if node is not None else None
        node = node.get("/Parent")
    return None


def kids_of(node):
    k = node.get("/K")
    return [] if k is None else list(k) if isinstance(k, Array) else [k]


class Check:
    """One file's check.  Reads the structure tree into self.elems (tree
    order), each {obj, s (type), std (its standard type), depth, page,
    kids: ('mcid', page, n) | ('objr', annot) | ('elem', element)}, and the
    text of every page's MCIDs into self.mcids[page][mcid] = [pieces, times
    marked]; self.lines: (problem or note, is_note)."""

    def __init__(self, pdf, name, strict_headings=False):
        self.pdf, self.name, self.strict = pdf, name, strict_headings
        self.lines, self.fonts, self.mcids, self.elems = [], {}, {}, []
        self.page_no = {p.obj.objgen: i + 1 for i, p in enumerate(pdf.pages)}
        root = pdf.Root
        mi = root.get("/MarkInfo")
        if not isinstance(mi, Dictionary) or mi.get("/Marked") is not True:
            self.bad("catalog has no /MarkInfo <</Marked true>>")
        if not str(root.get("/Lang", "")):
            self.bad("catalog has no /Lang")
        st = root.get("/StructTreeRoot")
        if not isinstance(st, Dictionary):
            self.bad("catalog has no /StructTreeRoot")
            st = Dictionary()
        self.rolemap = st.get("/RoleMap", Dictionary())
        self.ptree = number_tree(st.get("/ParentTree", Dictionary()), {})
        nk = st.get("/ParentTreeNextKey")
        if nk is not None and self.ptree and int(nk) <= max(self.ptree):
            self.bad("/ParentTreeNextKey %d is not above the parent tree's "
                     "keys" % int(nk))
        for n, page in enumerate(pdf.pages, 1):
            self.page(page, n)
        self.seen = set()
        for kid in kids_of(st):
            self.element(kid, st, 0, None)
        self.check_mcids()
        self.check_headings()

    def bad(self, msg, page=None, note=False):
        self.lines.append(("pdftags: %s: %s%s%s" % (
            self.name, "page %d: " % page if page else "",
            "note: " if note else "", msg), note))

    @property
    def problems(self):
        return [line for line, note in self.lines if not note]

    # --- 2, 3 and 5: pages, content streams, annotations -----------------

    def page(self, page, n):
        self.mcids[n] = {}
        self.scan(page, inherited(page.obj, "/Resources") or Dictionary(), n,
                  "", [], set())
        if self.mcids[n] and "/StructParents" not in page.obj:
            self.bad("has marked content but no /StructParents", n)
        if (self.mcids[n] or "/Annots" in page.obj) and \
                page.obj.get("/Tabs") != "/S":
            self.bad("has marked content or annotations but no /Tabs /S", n)
        for a in page.obj.get("/Annots", []):
            sub = str(a.get("/Subtype", "/?"))[1:]
            uri = str(a.get("/A", {}).get("/URI", ""))
            what = "%s annotation%s" % (sub, " to " + uri if uri else "")
            if sub in ("Popup", "PrinterMark"):
                continue
            e = self.ptree.get(int(a.get("/StructParent", -1)))
            if "/StructParent" not in a:   # PDF/UA-1 7.18.1: all tagged
                self.bad(what + " without /StructParent", n, sub != "Link")
            elif not isinstance(e, Dictionary) or not any(
                    isinstance(k, Dictionary) and k.get("/Type") == "/OBJR"
                    and getattr(k.get("/Obj"), "objgen", 0) == a.objgen
                    for k in kids_of(e)):
                self.bad("%s: /StructParent %d is no element with an OBJR "
                         "to it" % (what, int(a.StructParent)), n)
            # PDF/UA-1 7.18.5: a link's alternate description is /Contents
            if not str(a.get("/Contents", "")).strip() and sub != "Widget":
                self.bad(what + " without /Contents", n, sub != "Link")

    def scan(self, stream, res, n, where, outer, forms):
        """Walks one content stream.  outer: the marked-content stack it is
        drawn in; entries 'A' (artifact), a page's MCID, 'F' (an MCID in a
        form) or None (other marked content).  A form drawn in a tagged
        sequence is tagged as a whole, its text going to that MCID.  MCIDs
        in a form's own content need MCRs with /Stm, which neither Chromium
        nor brochure write: they count as tagged but are not cross-checked."""
        stack, font, fonts, last_y, untagged = list(outer), None, [], None, {}
        for operands, op in pikepdf.parse_content_stream(stream):
            op = str(op)
            # 'T': a span with /ActualText, whose text stands for its glyphs
            tagged = any(e not in (None, "T") for e in stack)
            mcid = next((e for e in reversed(stack) if isinstance(e, int)),
                        None)
            text = self.mcids[n][mcid][0] if mcid is not None else None
            if op in ("BMC", "BDC"):
                props = operands[1] if op == "BDC" else None
                if isinstance(props, Name):
                    props = res.get("/Properties", {}).get(props)
                m = props.get("/MCID") if isinstance(props, Dictionary) \
                    else None
                if operands[0] == "/Artifact":
                    stack.append("A")
                elif m is None and isinstance(props, Dictionary) and \
                        "/ActualText" in props:
                    stack.append("T")
                    if text is not None and "T" not in stack[:-1]:
                        text.append(str(props.ActualText))
                elif m is None or where:
                    stack.append(None if m is None else "F")
                else:
                    stack.append(int(m))
                    seq = self.mcids[n].setdefault(int(m), [[], 0])
                    seq[1] += 1
                    if seq[1] == 2:
                        self.bad("MCID %d marks more than one sequence" % m, n)
            elif op == "EMC":
                if len(stack) > len(outer):
                    stack.pop()
                else:
                    self.bad(where + "EMC without BMC/BDC", n)
            elif op == "q":
                fonts.append(font)
            elif op == "Q" and fonts:
                font = fonts.pop()
            elif op == "Tf":
                font = res.get("/Font", {}).get(operands[0])
            elif op in ("Td", "TD", "Tm", "T*", "'", '"') and text is not None:
                # A new line is a word break (pdftotext's rule, roughly).
                y = operands[-1] if op in ("Td", "TD", "Tm") else 1
                new = y != last_y if op == "Tm" else y != 0
                last_y = y if op == "Tm" else last_y
                if new and text and not text[-1].endswith(" "):
                    text.append(" ")
            if op == "TJ" and not all(isinstance(
                    it, (pikepdf.String, int, float, Decimal))
                    for it in operands[-1]):
                self.bad(where + "a TJ array holds more than glyphs and "
                         "numbers (an array left open)", n)
            if op in ("Tj", "TJ", "'", '"') and text is not None and \
                    "T" not in stack:
                for it in operands[-1] if op == "TJ" else [operands[-1]]:
                    if isinstance(it, pikepdf.String):
                        text.append(decode(font, bytes(it), self.fonts))
                    elif float(it) < -250:   # a kern this wide is a space
                        text.append(" ")
            if op == "Do":
                xo = res.get("/XObject", {}).get(operands[0])
                sub = xo.get("/Subtype") if xo is not None else None
                if sub == "/Form" and xo.objgen not in forms:
                    self.scan(xo, xo.get("/Resources", res), n,
                              "in Form %s: " % operands[0], stack,
                              forms | {xo.objgen})
                elif sub == "/Image":
                    op = "Do (Image %s)" % operands[0]
            if (op in PAINT or op.startswith("Do (")) and not tagged:
                untagged[op] = untagged.get(op, 0) + 1
        if len(stack) > len(outer):
            self.bad("%s%d BMC/BDC without EMC" % (where,
                                                   len(stack) - len(outer)), n)
        for op, count in untagged.items():
            self.bad("%scontent outside any structure or artifact: %s%s" % (
                where, op, " (%d times)" % count if count > 1 else ""), n)

    # --- 6 and 7: the structure tree ------------------------------------

    def std(self, s, page):
        """The standard type a structure type is, through /RoleMap."""
        t, seen = s, set()
        while t not in STANDARD and "/" + t in self.rolemap and t not in seen:
            seen.add(t)
            t = str(self.rolemap["/" + t])[1:]
        if s in STANDARD and "/" + s in self.rolemap:
            self.bad("/RoleMap remaps the standard type " + s, page)
        if t not in STANDARD:
            self.bad("structure type %s is not standard nor role-mapped to "
                     "one" % s, page)
        return t

    def element(self, e, parent, depth, pg):
        """Reads the structure element e and its subtree into self.elems,
        checking /P, the type, Figure alt text and list nesting."""
        if not isinstance(e, Dictionary) or "/S" not in e:
            return self.bad("a /K entry that is no element, MCR or OBJR")
        if e.objgen != (0, 0) and e.objgen in self.seen:
            return self.bad("obj %d is twice in the structure tree" %
                            e.objgen[0])
        self.seen.add(e.objgen)
        pg = e.get("/Pg", pg)
        rec = dict(obj=e, s=str(e.S)[1:], depth=depth, kids=[])
        self.elems.append(rec)
        for k in kids_of(e):
            typ = k.get("/Type") if isinstance(k, Dictionary) else None
            if isinstance(k, int) or typ == "/MCR" and "/Stm" not in k:
                kp, m = (k.get("/Pg", pg), k.get("/MCID", 0)) if typ \
                    else (pg, k)
                page = self.page_no.get(getattr(kp, "objgen", 0))
                if page is None:
                    self.bad("%s: MCID %d with no /Pg" % (rec["s"], m))
                else:
                    rec["kids"].append(("mcid", page, int(m)))
            elif typ == "/OBJR":
                rec["kids"].append(("objr", k.get("/Obj")))
            elif typ != "/MCR":   # an MCR with /Stm: see scan()
                child = self.element(k, e, depth + 1, pg)
                if child:
                    rec["kids"].append(("elem", child))
        # The page for messages: its own, else its first content's.
        rec["page"] = self.page_no.get(getattr(pg, "objgen", 0)) or next(
            (c[1] if c[0] == "mcid" else c[1]["page"] for c in rec["kids"]
             if c[0] != "objr"), None)
        rec["std"] = t = self.std(rec["s"], rec["page"])
        label, page = "%s (obj %d)" % (rec["s"], e.objgen[0]), rec["page"]
        if parent.objgen != (0, 0) and \
                getattr(e.get("/P"), "objgen", 0) != parent.objgen:
            self.bad(label + ": /P is not its parent", page)
        if t == "Figure" and not (str(e.get("/Alt", "")).strip() or
                                  "/ActualText" in e):
            self.bad(label + " has no /Alt or /ActualText", page)
        for c in rec["kids"] if t in LISTS else []:
            if c[0] == "mcid":
                self.bad(label + " holds content directly", page)
                break
            if c[0] == "elem" and c[1]["std"] not in LISTS[t]:
                self.bad("%s holds %s, not %s" % (label, c[1]["s"],
                                                  " or ".join(LISTS[t])), page)
        return rec

    # --- 4 and 8: MCIDs and the parent tree, headings --------------------

    def check_mcids(self):
        refs = {}   # (page, mcid) -> [elements]
        for rec in self.elems:
            for c in rec["kids"]:
                if c[0] == "mcid":
                    refs.setdefault(c[1:], []).append(rec)
        for page, m in sorted(refs):
            if m not in self.mcids[page]:
                self.bad("MCID %d is in the structure tree but not in the "
                         "page's content" % m, page)
        for page, seqs in self.mcids.items():
            sp = self.pdf.pages[page - 1].obj.get("/StructParents")
            arr = self.ptree.get(int(sp)) if sp is not None else None
            if sp is not None and not isinstance(arr, Array):
                self.bad("/StructParents %d has no array in the parent tree"
                         % int(sp), page)
                arr = None
            for m in sorted(seqs):
                recs = refs.get((page, m), [])
                if len(recs) != 1:
                    self.bad("MCID %d is referenced by %d structure elements"
                             % (m, len(recs)), page)
                got = arr[m] if arr is not None and m < len(arr) else None
                if recs and arr is not None and getattr(
                        got, "objgen", 0) != recs[0]["obj"].objgen:
                    self.bad("the parent tree does not map MCID %d to its "
                             "element %s" % (m, recs[0]["s"]), page)
            for m in range(len(arr) if arr is not None else 0):
                if m not in seqs and isinstance(arr[m], Dictionary):
                    self.bad("the parent tree maps MCID %d, which the page "
                             "does not have" % m, page)

    def check_headings(self):
        level = 0
        for rec in self.elems:
            h = re.fullmatch(r"H([1-6])", rec["std"])
            if h and int(h.group(1)) > level + 1:
                self.bad("%s after %s skips a level" % (
                    rec["std"], "H%d" % level if level else "the start"),
                    rec["page"], note=not self.strict)
            level = int(h.group(1)) if h else level

    # --- --tree and --text ----------------------------------------------

    def text(self, rec):
        out = []
        for c in rec["kids"]:
            if c[0] == "mcid":
                out += self.mcids[c[1]].get(c[2], [[]])[0]
            elif c[0] == "elem":
                out.append(self.text(c[1]))
        return re.sub(r"\s+", " ", "".join(out))

    def tree(self):
        print('Lang "%s"' % self.pdf.Root.get("/Lang", ""))
        for rec in self.elems:
            line, t = "  " * rec["depth"] + rec["s"], self.text(rec).strip()
            line += "/" + rec["std"] if rec["std"] != rec["s"] else ""
            if "/Lang" in rec["obj"]:
                line += " lang=%s" % rec["obj"].Lang
            if rec["std"] == "Figure":
                line += ' alt="%s"' % rec["obj"].get("/Alt", "")
            elif rec["std"] not in GROUPS:
                line += ' "%s"' % (t[:60] + "…" if len(t) > 60 else t)
            for c in rec["kids"] if rec["std"] == "Link" else []:
                if c[0] == "objr" and isinstance(c[1], Dictionary):
                    line += " -> " + (str(c[1].get("/A", {}).get(
                        "/URI", "")) or "(in the document)")
            print(line)

    def print_text(self):
        """What a reader reads: one line for each element that is the first
        below a grouping element; a Figure reads as its Alt."""
        inside = 1 << 30
        for rec in self.elems:
            if rec["depth"] > inside:
                continue
            inside = 1 << 30 if rec["std"] in GROUPS else rec["depth"]
            t = str(rec["obj"].get("/Alt", "")) if rec["std"] == "Figure" \
                else self.text(rec)
            if rec["std"] not in GROUPS and t.strip():
                print(t.strip())


# --- the self-test: a tiny tagged PDF, then each rule broken once ---------

def build(breaking=""):
    """A one-page tagged PDF: H1, P, Figure (a form), P holding a Span and
    a Link, a list; the Python statements in breaking run on it before it
    is saved.  Returns it reopened from its bytes, as a reader sees it."""
    pdf = pikepdf.new()
    ind = pdf.make_indirect
    # "link" and a bullet through each kind of ToUnicode mapping.
    cmap = pikepdf.Stream(pdf, b"1 begincodespacerange <0000> <FFFF> "
                          b"endcodespacerange 2 beginbfchar <0004> <006B> "
                          b"<0005> <2022> endbfchar 2 beginbfrange <0001> "
                          b"<0002> [<006C> <0069>] <0003> <0003> <006E> "
                          b"endbfrange")
    f2 = Dictionary(Type=Name.Font, Subtype=Name.Type0, BaseFont=Name.X,
                    Encoding=Name("/Identity-H"), ToUnicode=cmap)
    form = pikepdf.Stream(pdf, b"0 0 1 rg 0 0 100 100 re f", Type=Name.XObject,
                          Subtype=Name.Form, BBox=[0, 0, 100, 100])
    body = b"""/H1 <</MCID 0>> BDC BT /F1 24 Tf 72 700 Td (Title) Tj ET EMC
/P <</MCID 1>> BDC BT /F1 12 Tf 72 670 Td [(Hello)-300(world)] TJ ET EMC
/Figure <</MCID 2>> BDC q 1 0 0 1 72 500 cm /Fm0 Do Q EMC
/Span <</MCID 6>> BDC BT /F1 12 Tf 40 450 Td (See ) Tj ET EMC
/Link <</MCID 3>> BDC BT /F2 12 Tf 72 450 Td <0001000200030004> Tj ET EMC
/Lbl <</MCID 4>> BDC BT /F2 12 Tf 72 420 Td <0005> Tj ET EMC
/LBody <</MCID 5>> BDC BT /F1 12 Tf 90 420 Td (item) Tj ET EMC
/Artifact BMC 72 40 m 500 40 l S EMC
"""
    page = pdf.add_blank_page(page_size=(612, 792)).obj
    image = pikepdf.Stream(pdf, b"\x80", Type=Name.XObject, Subtype=Name.Image,
                           Width=1, Height=1, BitsPerComponent=8,
                           ColorSpace=Name.DeviceGray)
    f1 = Dictionary(Type=Name.Font, Subtype=Name.Type1,
                    BaseFont=Name.Helvetica)
    page.Resources = Dictionary(XObject=Dictionary(Fm0=form, Im0=image),
                                Font=Dictionary(F1=f1, F2=f2))
    uri = Dictionary(S=Name.URI, URI="https://example.org/")
    annot = ind(Dictionary(Type=Name.Annot, Subtype=Name.Link, StructParent=1,
                           Rect=[72, 445, 150, 465], Contents="example.org",
                           A=uri))
    page.Annots, page.StructParents, page.Tabs = Array([annot]), 0, Name.S
    root = ind(Dictionary(Type=Name.StructTreeRoot, ParentTreeNextKey=2))
    doc = ind(Dictionary(Type=Name.StructElem, S=Name.Document, P=root))

    def el(s, parent, k, **kw):
        e = ind(Dictionary(Type=Name.StructElem, S=Name(s), P=parent, Pg=page,
                           K=k, **kw))
        parent.K = Array(list(kids_of(parent)) + [e])
        return e
    h1, p, fig = el("/H1", doc, 0), el("/P", doc, 1), el("/Figure", doc, 2,
                                                          Alt="A blue square")
    span = el("/Span", el("/P", doc, Array()), 6)
    link = el("/Link", span.P, [3, Dictionary(Type=Name.OBJR, Obj=annot,
                                              Pg=page)])
    li = el("/LI", el("/L", doc, Array()), Array())
    lbl, lbody = el("/Lbl", li, 4), el("/LBody", li, 5)
    root.K = doc
    root.ParentTree = Dictionary(Nums=[0, [h1, p, fig, link, lbl, lbody, span],
                                       1, link])
    pdf.Root.StructTreeRoot, pdf.Root.Lang = root, "en"
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    names = dict(locals(), Name=Name, Dictionary=Dictionary)
    exec(breaking, names)
    page.Contents = pdf.make_stream(names["body"])
    buf = io.BytesIO()
    pdf.save(buf)
    return pikepdf.open(io.BytesIO(buf.getvalue()))


# What breaks a rule, and a piece of the line the check must give.
BREAKS = [
    ("del pdf.Root.MarkInfo", "no /MarkInfo"),
    ("pdf.Root.MarkInfo.Marked = False", "no /MarkInfo <</Marked true>>"),
    ("del pdf.Root.Lang", "no /Lang"),
    ("del pdf.Root.StructTreeRoot", "no /StructTreeRoot"),
    ("del page.Tabs", "no /Tabs /S"),
    ("del page.StructParents", "no /StructParents"),
    ("body += b'0 0 10 10 re f'", "page 1: content outside any structure "
     "or artifact: f"),
    ("body += b'/Artifact BMC BT /F1 9 Tf [(a) 0 0 m] TJ ET EMC'",
     "a TJ array holds more than glyphs"),
    ("body += b'BT /F1 9 Tf (x) Tj ET'", "artifact: Tj"),
    ("body += b'/Fm0 Do'", "in Form /Fm0: content outside any structure"),
    ("body += b'/Im0 Do'", "artifact: Do (Image /Im0)"),
    ("body += b'BI /W 1 /H 1 /CS /G /BPC 8 ID \\x80 EI'", "INLINE IMAGE"),
    ("body += b'/Span <</Lang (en)>> BDC 0 0 m 1 1 l S EMC'", "artifact: S"),
    ("body += b'/P <</MCID 9>> BDC'", "1 BMC/BDC without EMC"),
    ("body += b'EMC'", "EMC without BMC/BDC"),
    ("root.ParentTree.Nums[1][1] = None", "does not map MCID 1"),
    ("root.ParentTree.Nums[1].append(h1)", "maps MCID 7, which the page"),
    ("root.ParentTree.Nums = [1, link]", "/StructParents 0 has no array"),
    ("h1.K = [0, 1]", "MCID 1 is referenced by 2"),
    ("p.K = []", "MCID 1 is referenced by 0"),
    ("p.K = [1, 7]", "MCID 7 is in the structure tree but not"),
    ("body += b'/P <</MCID 1>> BDC EMC'", "MCID 1 marks more than one"),
    ("del annot.StructParent", "Link annotation to https://example.org/ "
     "without /StructParent"),
    ("del annot.Contents", "Link annotation to https://example.org/ "
     "without /Contents"),
    ("root.ParentTree.Nums[3] = h1", "/StructParent 1 is no element with an "
     "OBJR"),
    ("del fig.Alt", ") has no /Alt or /ActualText"),
    ("p.S = Name.Para", "type Para is not standard"),
    ("root.RoleMap = Dictionary(P=Name.Span)", "remaps the standard type P"),
    ("root.ParentTreeNextKey = 1", "/ParentTreeNextKey 1 is not above"),
    ("doc.K.append(Dictionary(X=1))", "a /K entry that is no element"),
    ("doc.K.append(h1)", "is twice in the structure tree"),
    ("doc.K.append(5)", "Document: MCID 5 with no /Pg"),
    ("h1.P = p", "): /P is not its parent"),
    ("lbody.S = Name.P", "holds P, not Lbl or LBody"),
    ("li.K.append(9); body += b'/LI <</MCID 9>> BDC EMC'",
     "holds content directly"),
    ("h1.S = Name.H3", "page 1: H3 after the start skips a level"),
]


def self_test():
    """Checks that the good PDF passes and reads right, then that every
    entry of BREAKS gives its line; prints failures and one summary."""
    failed, out, old = [], io.StringIO(), sys.stdout
    good = Check(build(), "good", strict_headings=True)
    sys.stdout = out
    good.tree()
    good.print_text()
    sys.stdout = old
    want = ['H1 "Title"', 'P "Hello world"', 'alt="A blue square"',
            'Link "link" -> https://example.org/', 'Lbl "\u2022"',
            "\nHello world\nA blue square\nSee link\n\u2022item\n"]
    if good.lines or not all(w in out.getvalue() for w in want):
        failed.append("the good PDF:\n" + "\n".join(
            line for line, _ in good.lines) + "\n" + out.getvalue())
    mapped = Check(build("p.S = Name.Para; root.RoleMap = "
                         "Dictionary(Para=Name.P)"), "rolemap")
    if mapped.lines:
        failed.append("a role-mapped type:\n" + mapped.lines[0][0])
    loose = Check(build("h1.S = Name.H3"), "loose")
    if loose.problems or not loose.lines:
        failed.append("a heading skip is only a note by default")
    for breaking, want in BREAKS:
        c = Check(build(breaking), "broken", strict_headings=True)
        if not any(want in line for line in c.problems):
            failed.append("%s: no problem with %r in:\n  %s" % (
                breaking, want, "\n  ".join(c.problems) or "(none)"))
    for f in failed:
        print("pdftags self-test: " + f)
    print("pdftags self-test: %d passed, %d failed" % (
        3 + len(BREAKS) - len(failed), len(failed)))
    return 1 if failed else 0


def main(argv):
    opts = [a for a in argv if a.startswith("--")]
    files = [a for a in argv if not a.startswith("--")]
    if opts == ["--self-test"] and not files:
        return self_test()
    if len(files) != 1 or set(opts) - {"--tree", "--text",
                                       "--strict-headings"}:
        sys.stderr.write("usage: pdftags.py FILE.pdf [--tree] [--text] "
                         "[--strict-headings] | --self-test\n")
        return 2
    try:
        pdf = pikepdf.open(files[0])
    except (OSError, pikepdf.PdfError) as e:
        sys.stderr.write("pdftags: %s: %s\n" % (files[0], e))
        return 2
    c = Check(pdf, files[0], "--strict-headings" in opts)
    if "--tree" in opts:
        c.tree()
    if "--text" in opts:
        c.print_text()
    sys.stdout.flush()
    for line, _ in c.lines:
        sys.stderr.write(line + "\n")
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
