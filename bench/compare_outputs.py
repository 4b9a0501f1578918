#!/usr/bin/env python3
"""Old binary against new binary: are the outputs byte for byte the same?

    python3 bench/compare_outputs.py OLD_PLANTAB NEW_PLANTAB [--keep DIR] [--quick]

Runs both binaries over the same inputs and compares what they write:

* `extract` JSON of every input, one process per input (stdout);
* `extract --format ndjson` and `--format csv` of all inputs in one run;
* `tables` JSON of every PDF;
* `debug --stage layout` and `--stage tables` of every input.

Inputs: `fixtures/` (text and PDF, recursively) and, when present,
`../shared/corpus/{seed-pdf,external,real}`. `--quick` takes the fixtures
and the seed PDFs only.

Prints one line per differing output (the first differing JSON path where
both sides are JSON) and a summary; exits 1 when anything differs. Build the
old binary from the commit you compare against, e.g.

    git worktree add /tmp/old HEAD~1 && (cd /tmp/old && cargo build --release -p plantab-cli)
    python3 bench/compare_outputs.py /tmp/old/target/release/plantab target/release/plantab
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# ../shared next to the checkout, or next to any folder above it (worktrees).
SHARED = next((p / "shared" / "corpus" for p in REPO.parents if (p / "shared" / "corpus").is_dir()),
              REPO.parent / "shared" / "corpus")
EXTS = {".pdf", ".txt", ".text", ".md", ".tsv", ".html", ".htm"}


def inputs(quick):
    found = []
    for p in sorted((REPO / "fixtures").rglob("*")):
        if p.is_file() and p.suffix.lower() in EXTS and "fuzz" not in p.parts:
            found.append(p)
    dirs = ["seed-pdf"] if quick else ["seed-pdf", "external", "real"]
    for d in dirs:
        root = SHARED / d
        if root.is_dir():
            found += sorted(p for p in root.rglob("*.pdf") if p.is_file())
    return found


def run(cmd, timeout=300):
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=timeout)
        return r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""


def first_difference(a, b, path="$"):
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a:
                return f"{path}.{k}: only in new"
            if k not in b:
                return f"{path}.{k}: only in old"
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{path}: {len(a)} vs {len(b)} items"
        return None
    if a != b:
        sa, sb = json.dumps(a)[:120], json.dumps(b)[:120]
        return f"{path}: {sa} vs {sb}"
    return None


def describe(old, new):
    try:
        d = first_difference(json.loads(old), json.loads(new))
        return d or "same JSON, different bytes"
    except (ValueError, UnicodeDecodeError):
        ol, nl = old.splitlines(), new.splitlines()
        for i, (x, y) in enumerate(zip(ol, nl)):
            if x != y:
                return f"line {i + 1}: {x[:100]!r} vs {y[:100]!r}"
        return f"{len(ol)} vs {len(nl)} lines"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--keep", help="write differing outputs under DIR/old and DIR/new")
    ap.add_argument("--quick", action="store_true", help="fixtures and seed PDFs only")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()

    files = inputs(args.quick)
    jobs = []
    for f in files:
        rel = f.relative_to(REPO) if f.is_relative_to(REPO) else f.relative_to(SHARED.parent)
        jobs.append((f"extract {rel}", ["extract", "-q", "--jobs", "1", str(f)]))
        jobs.append((f"debug-layout {rel}", ["debug", str(f), "--stage", "layout"]))
        jobs.append((f"debug-tables {rel}", ["debug", str(f), "--stage", "tables"]))
        if f.suffix.lower() == ".pdf":
            jobs.append((f"tables {rel}", ["tables", "-q", "--jobs", "1", str(f)]))

    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "inputs.txt"
        listing.write_text("".join(f"{f}\n" for f in files))
        for fmt in ("ndjson", "csv"):
            jobs.append((f"extract --format {fmt} (all inputs)",
                         ["extract", "-q", "--format", fmt, "--files-from", str(listing)]))

        def both(job):
            name, argv = job
            return name, run([args.old] + argv), run([args.new] + argv)

        differ = 0
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for name, (orc, oout, oerr), (nrc, nout, nerr) in pool.map(both, jobs):
                problems = []
                if orc != nrc:
                    problems.append(f"exit {orc} vs {nrc}")
                if oout != nout:
                    problems.append(describe(oout, nout))
                if problems:
                    differ += 1
                    print(f"DIFF {name}: {'; '.join(problems)}")
                    if args.keep:
                        safe = name.replace("/", "_").replace(" ", "_")
                        for side, data in (("old", oout), ("new", nout)):
                            d = Path(args.keep) / side
                            d.mkdir(parents=True, exist_ok=True)
                            (d / safe).write_bytes(data)
    print(f"{len(jobs)} outputs compared over {len(files)} inputs: "
          f"{differ} differ, {len(jobs) - differ} identical")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
