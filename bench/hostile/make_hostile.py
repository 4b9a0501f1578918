#!/usr/bin/env python3
"""Writes the hostile inputs of issue 15 (and the other amplifiers found in
the PDF library plantab reads with) into a folder.

    python3 bench/hostile/make_hostile.py OUTDIR [--only NAME ...] [--list]

Standard library only, deterministic (no randomness: the same bytes on every
run). Every case is small on disk and asks a reader to do far more work, or
hold far more memory, than its size suggests: that is what makes it hostile.
The files themselves are never committed; `bench/hostile/run.sh` makes them
and runs each through the release binary under a memory cap.

Each case is `name: (file, what it is)`; `--list` prints them.
"""

import argparse
import sys
import zlib
from pathlib import Path


# --------------------------------------------------------------- PDF writing

class Pdf:
    """A minimal PDF writer: numbered objects, optional object streams (so a
    file of a million tiny objects stays small), a classic or stream xref."""

    def __init__(self):
        self.objs = {}  # num -> bytes (the object's body)
        self.next = 1

    def add(self, body, num=None):
        if isinstance(body, str):
            body = body.encode("latin-1")
        if num is None:
            num = self.next
        self.objs[num] = body
        self.next = max(self.next, num + 1)
        return num

    def reserve(self):
        return self.add(b"null")

    def stream(self, data, compress=True, extra="", num=None):
        if isinstance(data, str):
            data = data.encode("latin-1")
        if compress:
            data = zlib.compress(data, 9)
            extra = "/Filter /FlateDecode " + extra
        body = f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream"
        return self.add(body, num)

    def write(self, path, root, info=None, objstm=False):
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        nums = sorted(self.objs)
        packed = {}
        if objstm:
            # Every non-stream object goes into object streams of 10,000.
            plain = [n for n in nums if b"stream\n" not in self.objs[n]]
            streams = [n for n in nums if b"stream\n" in self.objs[n]]
            next_num = max(nums) + 1
            for i in range(0, len(plain), 10_000):
                chunk = plain[i:i + 10_000]
                head, body = [], bytearray()
                for n in chunk:
                    head.append(f"{n} {len(body)}")
                    body += self.objs[n] + b"\n"
                head_b = (" ".join(head) + "\n").encode()
                data = zlib.compress(head_b + bytes(body), 9)
                sn = next_num
                next_num += 1
                for idx, n in enumerate(chunk):
                    packed[n] = (sn, idx)
                offsets[sn] = len(out)
                out += f"{sn} 0 obj\n<< /Type /ObjStm /N {len(chunk)} /First {len(head_b)} /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode()
                out += data + b"\nendstream\nendobj\n"
            for n in streams:
                offsets[n] = len(out)
                out += f"{n} 0 obj\n".encode() + self.objs[n] + b"\nendobj\n"
            xref_num = next_num
            size = xref_num + 1
            rows = bytearray()
            for n in range(size):
                if n in packed:
                    sn, idx = packed[n]
                    rows += bytes([2]) + sn.to_bytes(4, "big") + idx.to_bytes(2, "big")
                elif n in offsets:
                    rows += bytes([1]) + offsets[n].to_bytes(4, "big") + b"\0\0"
                elif n == xref_num:
                    rows += bytes([1]) + len(out).to_bytes(4, "big") + b"\0\0"
                else:
                    rows += bytes([0]) + b"\0\0\0\0" + b"\xff\xff"
            data = zlib.compress(bytes(rows), 9)
            xref_at = len(out)
            info_s = f" /Info {info} 0 R" if info else ""
            out += f"{xref_num} 0 obj\n<< /Type /XRef /Size {size} /W [1 4 2] /Root {root} 0 R{info_s} /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode()
            out += data + b"\nendstream\nendobj\n"
            out += f"startxref\n{xref_at}\n%%EOF\n".encode()
        else:
            for n in nums:
                offsets[n] = len(out)
                out += f"{n} 0 obj\n".encode() + self.objs[n] + b"\nendobj\n"
            size = max(nums) + 1
            xref_at = len(out)
            out += f"xref\n0 {size}\n".encode()
            for n in range(size):
                if n in offsets:
                    out += f"{offsets[n]:010} 00000 n \n".encode()
                else:
                    out += b"0000000000 65535 f \n"
            info_s = f" /Info {info} 0 R" if info else ""
            out += f"trailer\n<< /Size {size} /Root {root} 0 R{info_s} >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
        Path(path).write_bytes(bytes(out))


def page_tree(p, cat, pages, page, cs, fonts, resources="", catalog="", page_extra="",
              media_box="[0 0 612 792]"):
    """The catalog, page tree and one page drawing stream `cs` with the
    font resources `fonts` (`/F1 5 0 R ...`) and other `resources`."""
    p.add(f"<< /Type /Catalog /Pages {pages} 0 R {catalog} >>", cat)
    p.add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>", pages)
    p.add(f"<< /Type /Page /Parent {pages} 0 R /MediaBox {media_box} /Contents {cs} 0 R {page_extra} "
          f"/Resources << /Font << {fonts} >> {resources} >> >>", page)


FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
TEXT = "BT /F1 12 Tf 72 720 Td (Quarterly delivery report) Tj ET\n"


def simple_doc(content, extra_catalog="", resources_extra="", compress=True,
               media_box="[0 0 612 792]"):
    """A one-page document: (Pdf, catalog number, page number)."""
    p = Pdf()
    cat = p.reserve()
    pages = p.reserve()
    page = p.reserve()
    font = p.add(FONT)
    cs = p.stream(content, compress)
    page_tree(p, cat, pages, page, cs, f"/F1 {font} 0 R", resources=f"{resources_extra}", catalog=f"{extra_catalog}", media_box=media_box)
    return p, cat, page


# ------------------------------------------------------------------- cases

def tagged_page(make_tree, catalog_extra=""):
    """A one-page document whose structure tree `make_tree(pdf, page,
    root)` fills in (it returns the root's /K); writes nothing."""
    p = Pdf()
    cat, pages, page = p.reserve(), p.reserve(), p.reserve()
    font = p.add(FONT)
    cs = p.stream("/P << /MCID 0 >> BDC " + TEXT + "EMC\n", compress=False)
    root = p.reserve()
    p.add(f"<< /Type /StructTreeRoot /K {make_tree(p, page, root)} >>", root)
    page_tree(p, cat, pages, page, cs, f"/F1 {font} 0 R", catalog=f"/StructTreeRoot {root} 0 R {catalog_extra}", page_extra="/StructParents 0")
    return p, cat


def struct_dag(path):
    """Structure tree: each of 40 levels lists the next level's element
    twice, so a walk that does not remember what it has seen visits 2^40
    elements."""
    def tree(p, page, root):
        elems = [p.reserve() for _ in range(40)]
        for i, e in enumerate(elems):
            kids = f"[{elems[i + 1]} 0 R {elems[i + 1]} 0 R]" if i + 1 < len(elems) else "0"
            p.add(f"<< /Type /StructElem /S /Sect /P {root} 0 R /Pg {page} 0 R /K {kids} >>", e)
        return f"[{elems[0]} 0 R {elems[0]} 0 R]"
    p, cat = tagged_page(tree, "/MarkInfo << /Marked true >> ")
    p.write(path, cat)


def struct_loop(path):
    """Structure tree: three elements that each list all three as kids, a
    loop a walk bounded only by depth (64 levels) follows 3^64 times."""
    def tree(p, page, root):
        a, b, c = p.reserve(), p.reserve(), p.reserve()
        for e in (a, b, c):
            p.add(f"<< /Type /StructElem /S /Div /P {root} 0 R /Pg {page} 0 R "
                  f"/K [{a} 0 R {b} 0 R {c} 0 R 0] >>", e)
        return f"{a} 0 R"
    p, cat = tagged_page(tree)
    p.write(path, cat)


def busy_ops(n_ops):
    """About `n_ops` content-stream operators: short lines, small filled
    rectangles and empty save/restore pairs, what a busy page's drawing
    looks like, repeated. Returns the stream's bytes."""
    unit = "q 10 10 m 20 10 l S Q 30 30 2 2 re f q Q\n"  # q m l S Q re f q Q: 9
    return (unit * (n_ops // 9 + 1)).encode()


def ops_flat(path):
    """One page whose content stream (65 KB compressed) holds 4.9 million
    operators: just under the pre-pass's 5,000,000 per page."""
    p, cat, _ = simple_doc(TEXT.encode() + busy_ops(4_900_000))
    p.write(path, cat)


def forms_nested(path):
    """Form XObjects that multiply: the page draws form 1 ten times, form 1
    draws form 2 ten times, ... eight levels deep; the last draws a few
    glyphs and rectangles. Each stream is tiny (the pre-pass counts it
    once), the page asks for 10^8 drawings."""
    p = Pdf()
    cat, pages, page = p.reserve(), p.reserve(), p.reserve()
    font = p.add(FONT)
    levels, fan = 8, 10
    forms = [p.reserve() for _ in range(levels)]
    for i, f in enumerate(forms):
        if i + 1 < levels:
            body = "".join(f"q 1 0 0 1 {j} 0 cm /X Do Q\n" for j in range(fan))
            res = f"/Resources << /XObject << /X {forms[i + 1]} 0 R >> /Font << /F1 {font} 0 R >> >>"
        else:
            body = "BT /F1 8 Tf 10 10 Td (leaf) Tj ET 0 0 5 5 re f 0 0 m 5 5 l S\n" * 20
            res = f"/Resources << /Font << /F1 {font} 0 R >> >>"
        p.stream(body, compress=False,
                 extra=f"/Type /XObject /Subtype /Form /BBox [0 0 612 792] {res} ", num=f)
    cs = p.stream(TEXT + "".join(f"q 1 0 0 1 0 {j} cm /X Do Q\n" for j in range(fan)), compress=False)
    page_tree(p, cat, pages, page, cs, f"/F1 {font} 0 R", resources=f"/XObject << /X {forms[0]} 0 R >>")
    p.write(path, cat)


def pages_shared(path):
    """1,000 pages whose /Contents all name one stream of 4.9 million
    operators: each page passes the per-page count, the file asks for 4.9
    billion."""
    p = Pdf()
    cat, pages = p.reserve(), p.reserve()
    font = p.add(FONT)
    cs = p.stream(TEXT.encode() + b"q Q\n" * 2_450_000)
    kids = []
    for _ in range(1000):
        kids.append(p.add(f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] /Contents {cs} 0 R "
                          f"/Resources << /Font << /F1 {font} 0 R >> >> >>"))
    p.add(f"<< /Type /Catalog /Pages {pages} 0 R >>", cat)
    p.add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>", pages)
    p.write(path, cat)


def glyphs_one_show(path):
    """One `Tj` showing 40 million characters (a 40 MB string that
    compresses to 40 KB): one operator, forty million glyphs."""
    s = b"BT /F1 1 Tf 0 700 Td 0 Tc 0 Tw 1 Tz (" + b"a" * 40_000_000 + b") Tj ET\n"
    p, cat, _ = simple_doc(TEXT.encode() + s)
    p.write(path, cat)


def glyphs_form_reuse(path):
    """A form XObject showing 20,000 glyphs, drawn 2,000 times on one page
    (40 million glyphs from a file of a few KB)."""
    p = Pdf()
    cat, pages, page = p.reserve(), p.reserve(), p.reserve()
    font = p.add(FONT)
    form = p.stream("BT /F1 2 Tf 10 10 Td (" + "word " * 4000 + ") Tj ET\n",
                    extra=f"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> ")
    cs = p.stream(TEXT + "/X Do\n" * 2000)
    page_tree(p, cat, pages, page, cs, f"/F1 {font} 0 R", resources=f"/XObject << /X {form} 0 R >>")
    p.write(path, cat)


def q_stack(path):
    """990,000 `q` with no `Q` (under the operator limit): a graphics-state
    stack a million deep, every entry a copy of the state."""
    p, cat, _ = simple_doc(TEXT.encode() + b"q\n" * 990_000)
    p.write(path, cat)


def one_path(path):
    """One path of 1.6 million rectangles painted by a single `f`: one
    paint operator, 1.6 million shapes."""
    p, cat, _ = simple_doc(TEXT.encode() + b"10 10 50 50 re\n" * 1_600_000 + b"f\n")
    p.write(path, cat)


def ruled_grid(path):
    """A grid of 3,000 x 3,000 ruling lines on a 200-inch page (12,000
    operators, 40 KB): a "table" of nine million cells, one with text."""
    n, side = 3000, 14400
    step = (side - 72) / n
    lines = []
    for i in range(n + 1):
        v = 36 + i * step
        lines.append(f"36 {v:.2f} m {side - 36} {v:.2f} l S")
        lines.append(f"{v:.2f} 36 m {v:.2f} {side - 36} l S")
    content = ("BT /F1 12 Tf 72 14300 Td (Quarterly delivery report) Tj ET\n0.1 w\n"
               + "\n".join(lines) + "\nBT /F1 3 Tf 37 37 Td (a) Tj ET\n")
    p, cat, _ = simple_doc(content, media_box=f"[0 0 {side} {side}]")
    p.write(path, cat)


def cid_width_range(path):
    """A CID font whose /W array gives one width to CIDs 0 to 4,294,967,294
    (a reader that expands the range inserts four billion entries)."""
    p = Pdf()
    cat, pages, page = p.reserve(), p.reserve(), p.reserve()
    desc = p.add("<< /Type /FontDescriptor /FontName /Hostile /Flags 32 /FontBBox [0 -200 1000 800] "
                 "/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>")
    cid = p.add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Hostile /CIDSystemInfo "
                f"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {desc} 0 R "
                f"/DW 1000 /W [0 4294967294 500] >>")
    font = p.add(f"<< /Type /Font /Subtype /Type0 /BaseFont /Hostile /Encoding /Identity-H "
                 f"/DescendantFonts [{cid} 0 R] >>")
    helv = p.add(FONT)
    cs = p.stream(TEXT + "BT /F2 12 Tf 72 700 Td <00410042> Tj ET\n", compress=False)
    page_tree(p, cat, pages, page, cs, f"/F1 {helv} 0 R /F2 {font} 0 R")
    p.write(path, cat)


def cmap_range(path):
    """A ToUnicode CMap whose 50 `bfrange` entries each span all four-byte
    codes: 50 x 4 billion steps for a reader that walks every range."""
    p = Pdf()
    cat, pages, page = p.reserve(), p.reserve(), p.reserve()
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CMapName /Hostile def 1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
            "50 beginbfrange\n" + "<00000000> <FFFFFFFF> <0041>\n" * 50 +
            "endbfrange endcmap CMapName currentdict /CMap defineresource pop end end\n")
    tu = p.stream(cmap, compress=True)
    font = p.add(f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode {tu} 0 R >>")
    cs = p.stream(TEXT, compress=False)
    page_tree(p, cat, pages, page, cs, f"/F1 {font} 0 R")
    p.write(path, cat)


def font_reload(path):
    """A font whose /Widths array has a million entries, used by a form
    XObject drawn 5,000 times: a reader that loads fonts afresh for every
    form drawing parses the array 5,000 times."""
    p = Pdf()
    cat, pages, page = p.reserve(), p.reserve(), p.reserve()
    widths = p.add("[" + "500 " * 1_000_000 + "]")
    font = p.add(f"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 0 /LastChar 999999 "
                 f"/Widths {widths} 0 R >>")
    form = p.stream("BT /F1 8 Tf 10 10 Td (a) Tj ET\n",
                    extra=f"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> ")
    cs = p.stream(TEXT + "/X Do\n" * 5000)
    page_tree(p, cat, pages, page, cs, f"/F1 {font} 0 R", resources=f"/XObject << /X {form} 0 R >>")
    p.write(path, cat, objstm=True)


def info_dag(path):
    """The document information dictionary: 40 levels of arrays that each
    name the next level twice (2^40 values for a reader that decodes it
    recursively without remembering what it has decoded)."""
    p, cat, _ = simple_doc(TEXT, compress=False)
    levels = [p.reserve() for _ in range(40)]
    for i, n in enumerate(levels):
        if i + 1 < len(levels):
            p.add(f"[{levels[i + 1]} 0 R {levels[i + 1]} 0 R]", n)
        else:
            p.add("(leaf)", n)
    info = p.add(f"<< /Title (Hostile) /Custom {levels[0]} 0 R >>")
    p.write(path, cat, info=info)


def acroform_dag(path):
    """An AcroForm whose field tree lists the same kids twice on 40 levels
    (read again for every page by a reader that collects form fields per
    page)."""
    p = Pdf()
    cat, pages, page = p.reserve(), p.reserve(), p.reserve()
    font = p.add(FONT)
    cs = p.stream(TEXT, compress=False)
    levels = [p.reserve() for _ in range(40)]
    for i, n in enumerate(levels):
        if i + 1 < len(levels):
            p.add(f"<< /T (f{i}) /Kids [{levels[i + 1]} 0 R {levels[i + 1]} 0 R] >>", n)
        else:
            p.add(f"<< /T (leaf) /FT /Tx /V (x) /Subtype /Widget /Rect [0 0 10 10] /P {page} 0 R >>", n)
    page_tree(p, cat, pages, page, cs, f"/F1 {font} 0 R", catalog=f"/AcroForm << /Fields [{levels[0]} 0 R] >>")
    p.write(path, cat)


def annots_shared(path):
    """2,000 pages sharing one /Annots array of 20,000 annotations (a
    reader that extracts annotations per page parses 40 million)."""
    p = Pdf()
    cat, pages = p.reserve(), p.reserve()
    font = p.add(FONT)
    cs = p.stream(TEXT, compress=False)
    annots = [p.add(f"<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /Contents (note {i}) >>")
              for i in range(20_000)]
    arr = p.add("[" + " ".join(f"{a} 0 R" for a in annots) + "]")
    kids = [p.add(f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 612 792] /Contents {cs} 0 R "
                  f"/Annots {arr} 0 R /Resources << /Font << /F1 {font} 0 R >> >> >>")
            for _ in range(2000)]
    p.add(f"<< /Type /Catalog /Pages {pages} 0 R >>", cat)
    p.add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>", pages)
    p.write(path, cat, objstm=True)


def pages_many(path, n=300_000):
    """300,000 pages with one glyph each, in object streams (a file of a
    couple of MB)."""
    p = Pdf()
    cat, pages = p.reserve(), p.reserve()
    font = p.add(FONT)
    cs = p.stream("BT /F1 12 Tf 72 720 Td (a) Tj ET", compress=False)
    kids = [p.add(f"<< /Type /Page /Parent {pages} 0 R /Contents {cs} 0 R >>") for _ in range(n)]
    p.add(f"<< /Type /Catalog /Pages {pages} 0 R >>", cat)
    p.add(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {n} "
          f"/MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> >>", pages)
    p.write(path, cat, objstm=True)


def inline_image(path):
    """100,000 inline images, each claiming 65,535 x 65,535 pixels."""
    img = "BI /W 65535 /H 65535 /BPC 8 /CS /RGB ID \x00\x00\x00 EI\n"
    p, cat, _ = simple_doc(TEXT + img * 100_000)
    p.write(path, cat)


def tabs_text(path):
    """5 MB of tab characters: two rows each holding an identifier, 2.6
    million tabs and a value."""
    row = "A1" + "\t" * 2_600_000 + "x\n"
    Path(path).write_text("ID\tAction\tStatus\n" + row + row)


def tabs_header(path):
    """A tab-separated table with a 1-million-column header and 2,000 short
    rows (4 MB): a reader that pads every row to the header's width writes
    two billion cells."""
    head = "ID\tAction" + "\t" * 1_000_000 + "Status\n"
    rows = "".join(f"A{i}\tDo thing {i}\tDone\n" for i in range(2000))
    Path(path).write_text(head + rows)


# ------------------------------------------- just under plantab's limits
# What the defaults of plantab_pdf::Limits still let through: each must end
# within the memory cap too (run.sh checks them like the others).

def ops_edge(path):
    """990,000 operators on one page (just under 1,000,000), drawing lines,
    rectangles and empty save/restore pairs."""
    p, cat, _ = simple_doc(TEXT.encode() + busy_ops(990_000))
    p.write(path, cat)


def glyphs_edge(path):
    """295,000 characters on one page (just under the 300,000 objects),
    as 2,950 lines of 100."""
    lines = "".join(f"BT /F1 1 Tf 10 {10 + i * 0.15:.2f} Td ({'abcde ' * 16}abcd) Tj ET\n"
                    for i in range(2950))
    p, cat, _ = simple_doc(TEXT + lines)
    p.write(path, cat)


def paths_edge(path):
    """295,000 rectangles on one page, each filled on its own."""
    p, cat, _ = simple_doc(TEXT.encode() + b"10 10 50 50 re f\n" * 295_000)
    p.write(path, cat)


def pages_edge(path):
    """49,000 pages (just under 50,000) with one glyph each."""
    pages_many(path, 49_000)


CASES = {
    "struct_dag": ("struct_dag.pdf", struct_dag),
    "struct_loop": ("struct_loop.pdf", struct_loop),
    "ops_flat": ("ops_flat.pdf", ops_flat),
    "forms_nested": ("forms_nested.pdf", forms_nested),
    "pages_shared": ("pages_shared.pdf", pages_shared),
    "tabs_text": ("tabs.txt", tabs_text),
    "tabs_header": ("tabs_header.txt", tabs_header),
    "glyphs_one_show": ("glyphs_one_show.pdf", glyphs_one_show),
    "glyphs_form_reuse": ("glyphs_form_reuse.pdf", glyphs_form_reuse),
    "q_stack": ("q_stack.pdf", q_stack),
    "one_path": ("one_path.pdf", one_path),
    "ruled_grid": ("ruled_grid.pdf", ruled_grid),
    "cid_width_range": ("cid_width_range.pdf", cid_width_range),
    "cmap_range": ("cmap_range.pdf", cmap_range),
    "font_reload": ("font_reload.pdf", font_reload),
    "info_dag": ("info_dag.pdf", info_dag),
    "acroform_dag": ("acroform_dag.pdf", acroform_dag),
    "annots_shared": ("annots_shared.pdf", annots_shared),
    "pages_many": ("pages_many.pdf", pages_many),
    "inline_image": ("inline_image.pdf", inline_image),
    "ops_edge": ("ops_edge.pdf", ops_edge),
    "glyphs_edge": ("glyphs_edge.pdf", glyphs_edge),
    "paths_edge": ("paths_edge.pdf", paths_edge),
    "pages_edge": ("pages_edge.pdf", pages_edge),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir", nargs="?")
    ap.add_argument("--only", nargs="*", default=None, help="case names")
    ap.add_argument("--list", action="store_true", help="print the cases and exit")
    a = ap.parse_args()
    if a.list:
        for name, (fname, fn) in CASES.items():
            print(f"{name:<18} {fname:<22} {' '.join(fn.__doc__.split())}")
        return 0
    if not a.outdir:
        ap.error("OUTDIR is required")
    out = Path(a.outdir)
    out.mkdir(parents=True, exist_ok=True)
    names = a.only or list(CASES)
    for name in names:
        if name not in CASES:
            print(f"unknown case {name}; --list shows them", file=sys.stderr)
            return 2
        fname, fn = CASES[name]
        fn(out / fname)
        print(f"{name:<18} {out / fname} {(out / fname).stat().st_size:>10} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
