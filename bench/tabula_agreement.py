#!/usr/bin/env python3
"""Cell agreement between `plantab tables` and tabula's expected tables.

    bench/tabula_agreement.py [DATA_DIR] [--plantab BIN]

DATA_DIR (default ../shared/corpus/external/tabula, kept out of the
repository) holds tabula's expected tables `csv_<name>.csv` beside the PDFs
`<name>.pdf`. Builds plantab (release) unless --plantab names a binary, runs
`plantab tables --format json -o TMP` on every PDF of DATA_DIR once, then for
each expected CSV:

* the PDF is `<name>.pdf`; a CSV named after a tabula test method (no such
  PDF) is listed as unmatched, with the PDF whose tables agree best with it
  shown as a guess (`~name`) when its agreement is at least 0.5;
* every plantab table of that PDF is aligned with the expected grid: each
  expected cell votes for the (row, column) offset at which the same text
  sits in the plantab table; the best offset wins;
* `cells`: share of the expected non-empty cells found with the same text
  at the same aligned position (the figure reported), for the best table;
  `text`: share whose text is anywhere in that table (alignment-free);
  rows x cols of the expected grid and of plantab's table.

Text is compared with whitespace (line breaks included) collapsed, case
kept. A spanning cell's text is at its top-left position in both grids.
"""

import argparse
import csv
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


def load_csv(path):
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        rows = [[norm(c) for c in r] for r in csv.reader(f)]
    while rows and not any(rows[-1]):
        rows.pop()
    return rows


def grid_of(table):
    return [[norm(c) for c in r] for r in table.get("rows", [])]


def score(expected, got):
    """(aligned share, text share, offset) of expected cells found in got."""
    cells = [(r, c, t) for r, row in enumerate(expected) for c, t in enumerate(row) if t]
    if not cells:
        return 0.0, 0.0, (0, 0)
    where = {}
    for r, row in enumerate(got):
        for c, t in enumerate(row):
            if t:
                where.setdefault(t, []).append((r, c))
    votes = Counter()
    for r, c, t in cells:
        for (gr, gc) in where.get(t, []):
            votes[(gr - r, gc - c)] += 1
    found_anywhere = sum(1 for _, _, t in cells if t in where)
    if not votes:
        return 0.0, found_anywhere / len(cells), (0, 0)
    (dr, dc), n = votes.most_common(1)[0]
    return n / len(cells), found_anywhere / len(cells), (dr, dc)


def size(grid):
    return len(grid), max((len(r) for r in grid), default=0)


def best_table(expected, doc):
    best = None
    for t in doc.get("tables", []):
        g = grid_of(t)
        s, anywhere, off = score(expected, g)
        key = (s, anywhere)
        if best is None or key > best[0]:
            best = (key, t, g, off)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", default=os.path.join(ROOT, "..", "shared", "corpus",
                                                               "external", "tabula"))
    ap.add_argument("--plantab", help="plantab binary (default: build release)")
    args = ap.parse_args()
    data = os.path.abspath(args.data)
    if not os.path.isdir(data):
        sys.exit(f"no tabula data at {data}")
    binary = args.plantab
    if not binary:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "plantab-cli"], cwd=ROOT,
                       check=True)
        binary = os.path.join(ROOT, "target", "release", "plantab")
    pdfs = sorted(glob.glob(os.path.join(data, "*.pdf")))
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([binary, "tables", "-q", "--format", "json", "-o", out] + pdfs)
        docs = {}
        for p in pdfs:
            stem = os.path.splitext(os.path.basename(p))[0]
            jp = os.path.join(out, stem + ".json")
            if os.path.isfile(jp):
                with open(jp) as f:
                    docs[stem] = json.load(f)
        manifest = json.load(open(os.path.join(out, "manifest.json")))
        errors = {os.path.splitext(os.path.basename(e["path"]))[0]: e.get("error_code")
                  for e in manifest["inputs"] if e["status"] != "ok"}

    print(f"{'expected csv':58} {'pdf':12} {'cells':>6} {'text':>6}  {'expected':>9}  {'plantab':>9}  tables")
    matched_scores = []
    unmatched = []
    for cp in sorted(glob.glob(os.path.join(data, "csv_*.csv"))):
        name = os.path.basename(cp)[4:-4]
        expected = load_csv(cp)
        er, ec = size(expected)
        label = name if len(name) <= 56 else name[:53] + "..."
        if name in docs:
            b = best_table(expected, docs[name])
            n_tables = len(docs[name].get("tables", []))
            if b is None:
                print(f"{label:58} {'yes':12} {0:6.3f} {0:6.3f}  {er:4}x{ec:<4}  {'-':>9}  {n_tables}")
                matched_scores.append(0.0)
                continue
            (s, anywhere), _, g, _ = b
            gr, gc = size(g)
            print(f"{label:58} {'yes':12} {s:6.3f} {anywhere:6.3f}  {er:4}x{ec:<4}  {gr:4}x{gc:<4}  {n_tables}")
            matched_scores.append(s)
        elif name in errors:
            print(f"{label:58} {'error':12} {'-':>6} {'-':>6}  {er:4}x{ec:<4}  {errors[name]}")
            matched_scores.append(0.0)
        else:
            guess = None
            for stem, doc in docs.items():
                b = best_table(expected, doc)
                if b and (guess is None or b[0] > guess[1][0]):
                    guess = (stem, b)
            if guess and guess[1][0][0] >= 0.5:
                stem, ((s, anywhere), _, g, _) = guess
                gr, gc = size(g)
                print(f"{label:58} {'~' + stem[:11]:12} {s:6.3f} {anywhere:6.3f}  {er:4}x{ec:<4}  {gr:4}x{gc:<4}")
            else:
                print(f"{label:58} {'unmatched':12} {'-':>6} {'-':>6}  {er:4}x{ec:<4}")
            unmatched.append(name)
    if matched_scores:
        print(f"\nmean cell agreement over {len(matched_scores)} matched CSVs: "
              f"{sum(matched_scores) / len(matched_scores):.3f}")
    if unmatched:
        print("unmatched (no PDF of that name; tabula test-method names): " + ", ".join(unmatched))


if __name__ == "__main__":
    main()
