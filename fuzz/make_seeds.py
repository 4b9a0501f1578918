#!/usr/bin/env python3
"""Seed inputs for the fuzz targets, from real material in the repository.

    python3 fuzz/make_seeds.py            # writes fuzz/seeds/<target>/

- text_reader: every text fixture (fixtures/**.txt/.md/.html/.tsv and the
  seed conversions under ../shared/seeds when present) cut into pieces of
  2-6 KB on line boundaries, so each piece is a table or part of one, plus
  the first 8 KB of each file whole.
- dates: every date-like string a person checked in a real document
  (`due_raw`, `raw`, `period`, `due_*`, `revised_due` in fixtures/*/*.facts.json),
  the status labels of crates/plantab-vocab/data/statuses.tsv, and the date
  phrases plans print (quarters, halves, seasons, financial years,
  "end of", "TBC") in several spellings.
- pdf_reader: the fixture PDFs under 40 KB, and the hostile shapes the
  tests build (crates/plantab-pdf/tests/support): a plain one-page PDF, a
  FlateDecode page, a double-compressed bomb (small), deep nesting in an
  object and in page content, many operators, a huge /Size claim, a
  truncated copy, a broken xref.

Nothing here is committed: `fuzz/seeds/` is ignored; the minimised corpus
(`cargo fuzz cmin`) is what goes to fixtures/fuzz/<target>/.
"""
import glob
import hashlib
import json
import os
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "fuzz", "seeds")


def put(target, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def text_seeds():
    files = []
    for ext in ("txt", "md", "html", "htm", "tsv", "text", "markdown"):
        files += glob.glob(os.path.join(ROOT, "fixtures", "**", "*." + ext), recursive=True)
    files += glob.glob(os.path.join(ROOT, "..", "..", "shared", "seeds", "*"))
    files += glob.glob("/work/shared/seeds/*")
    n = 0
    for path in sorted(set(os.path.realpath(f) for f in files)):
        if not os.path.isfile(path) or "/fuzz/" in path:
            continue
        data = open(path, "rb").read()
        put("text_reader", data[:8192])
        n += 1
        lines = data.split(b"\n")
        piece, size, want = [], 0, 2048
        for line in lines:
            piece.append(line)
            size += len(line) + 1
            if size >= want:
                put("text_reader", b"\n".join(piece))
                piece, size = [], 0
                want = 2048 + (want * 7) % 4096
        if piece:
            put("text_reader", b"\n".join(piece))
    return n


DATE_KEYS = {"due_raw", "raw", "period", "due_start", "due_end", "revised_due",
             "start_raw", "due", "start", "date"}


def date_seeds():
    found = set()

    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if k in DATE_KEYS and isinstance(v, str) and 0 < len(v) < 200:
                    found.add(v)
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)

    for f in glob.glob(os.path.join(ROOT, "fixtures", "*", "*.facts.json")):
        walk(json.load(open(f)))
    for line in open(os.path.join(ROOT, "crates", "plantab-vocab", "data", "statuses.tsv")):
        if line.startswith("#") or "\t" not in line:
            continue
        found.add(line.rstrip("\n").split("\t")[1])
    phrases = [
        "Q3 2024/25", "Q1 2023-24", "Q4 FY2023", "Qtr 2 2022", "quarter 3 2021/22",
        "H1 2025", "H2 2024/25", "first half of 2024", "second half 2023",
        "FY2023", "FY 2022-23", "2024/25", "2023-2024", "2019/2020",
        "31-Dec", "31 December 2024", "31/12/2024", "12/31/2024", "2024-12-31",
        "1st March 2023", "March 2023", "Mar-23", "Mar 2023 - Jun 2024",
        "late January", "early 2025", "mid-2024", "end of 2023", "end of March",
        "start of the year", "beginning of 2024", "by the end of the year",
        "Spring 2024", "summer 2023", "Autumn 2022", "winter 2024/25",
        "next year", "this year", "year end", "end of year",
        "Ongoing", "BAU", "TBC", "TBD", "N/A", "Complete", "Dec 2023 (revised: Mar 2024)",
        "Sept 2024", "Sept. 2024", "2024", "24/25", "May", "March", "October to December 2024",
        "January - March 2025", "w/c 12 Feb 2024", "Winter 2023-24", "31.03.2025",
    ]
    found.update(phrases)
    for s in sorted(found):
        put("dates", s)
    return len(found)


def one_page_pdf(content, filt="", extra=()):
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d %s >>\nstream\n" % (len(content), filt.encode()) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ] + list(extra)
    out = bytearray(b"%PDF-1.4\n")
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offs:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def pdf_seeds():
    n = 0
    for path in sorted(glob.glob(os.path.join(ROOT, "fixtures", "**", "*.pdf"), recursive=True)):
        if os.path.getsize(path) <= 40_000:
            put("pdf_reader", open(path, "rb").read())
            n += 1
    hello = one_page_pdf(b"BT /F1 12 Tf 72 720 Td (Quarterly delivery report) Tj ET")
    table = b"".join(
        b"BT /F1 10 Tf %d %d Td (%s) Tj ET\n" % (x, 700 - 14 * r, t)
        for r, row in enumerate([[b"ID", b"Action", b"Owner", b"Due", b"Status"],
                                 [b"1.1", b"Publish the plan", b"DfE", b"Q3 2024/25", b"Complete"],
                                 [b"1.2", b"Open data portal", b"DCMS", b"31-Dec", b"On track"]])
        for x, t in zip((72, 110, 300, 380, 460), row)
    )
    table += b"0.5 w 70 710 m 540 710 l S 70 668 m 540 668 l S\n"
    seeds = [
        hello,
        one_page_pdf(table),
        one_page_pdf(zlib.compress(table), "/Filter /FlateDecode"),
        one_page_pdf(zlib.compress(zlib.compress(b"\0" * 200_000)), "/Filter [/FlateDecode /FlateDecode]"),
        one_page_pdf(b"BT /F1 12 Tf 72 720 Td (Deep) Tj ET", "",
                     [b"<< /Deep " + b"[" * 300 + b"]" * 300 + b" >>"]),
        one_page_pdf(b"BT /F1 12 Tf 72 720 Td (Deep) Tj ET " + b"[" * 300 + b"]" * 300 + b" TJ"),
        one_page_pdf(zlib.compress(b"BT /F1 12 Tf 72 720 Td (Busy) Tj ET\n" + b"q Q\n" * 5000),
                     "/Filter /FlateDecode"),
        hello.replace(b"<< /Size 6 /Root", b"<< /Size 4000000000 /Root"),
        hello[: len(hello) * 2 // 3],
        hello.replace(b"xref", b"xrfe"),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    ]
    for s in seeds:
        put("pdf_reader", s)
    return n + len(seeds)


if __name__ == "__main__":
    print("text_reader files:", text_seeds())
    print("dates strings:", date_seeds())
    print("pdf_reader seeds:", pdf_seeds())
    for t in ("text_reader", "dates", "pdf_reader"):
        d = os.path.join(OUT, t)
        sizes = [os.path.getsize(os.path.join(d, f)) for f in os.listdir(d)]
        print(t, len(sizes), "files", sum(sizes), "bytes")
