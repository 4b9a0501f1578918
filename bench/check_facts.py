#!/usr/bin/env python3
"""Check hand-written facts against what a plantab binary extracts.

Usage:
    python3 bench/check_facts.py PLANTAB_BINARY [FACTS_FILES...] [--summary] [--strict]

With no FACTS_FILES, every `fixtures/*/*.facts.json` of this repository is
checked. For each facts file the document it names is extracted once
(`PLANTAB_BINARY extract -q DOCUMENT`, JSON on stdout), its records are
matched to the fact records and every fact is compared. Printed per
document: `N/M facts hold`, then each failing fact on its own indented line
(expected vs got); at the end a total. `--summary` prints only the
per-document lines and the total. The exit code is 0 unless `--strict` is
given and some fact fails (then 1), or `--floor FILE` is given and some
document holds fewer facts than its floor there (then 1; `--write-floor
FILE` writes what holds now); 2 on a usage error.

A document whose file is absent (e.g. `../shared/corpus/` not mounted) is
skipped with a visible `SKIPPED` line and does not count in the total.

The facts format and the matching rules are written down in
`fixtures/facts/README.md`; this script is their reference implementation.
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
FACTS_DIR = REPO / "fixtures" / "facts"

# Keys of a fact record that are not facts.
NON_FACT_KEYS = {"note", "notes"}

# Output `fields` keys that name an owner-like role (FACTS-FORMAT.md).
OWNER_WORDS = (
    "owner",
    "lead",
    "responsible",
    "minister",
    "department",
    "service",
    "director",
    "member",
    "agency",
    "organisation",
    "organization",
    "accountable",
    "by_who",
    "who",
)

DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")
QUOTES = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032\u00b4\u0060\u201f"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u2033"), '"'),
}
# U+201F (double high-reversed-9) is how some PDFs encode an apostrophe ("government‟s").
QUOTES[ord("\u201f")] = "'"


def norm(value: Any) -> str:
    """Whitespace-collapsed, case-folded text with dash and quote variants unified."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    text = text.replace("\u00ad", "").replace("\u2026", "...")
    text = text.translate(DASHES).translate(QUOTES)
    return " ".join(text.split()).casefold()


def norm_ends(value: Any) -> str:
    """As `norm`, with punctuation at both ends removed (owner comparison)."""
    return norm(value).strip(" .,;:-–—()[]'\"*")


def tokens(text: str) -> set[str]:
    stop = {"the", "of", "a", "an", "and", "or", "to", "for", "on", "in", "by", "is", "be", "if", "yes", "no"}
    return {t for t in re.split(r"[^0-9a-z]+", norm(text)) if t and t not in stop}


def alternatives(expected: Any) -> list[Any]:
    """A fact value may be a list of acceptable values."""
    return list(expected) if isinstance(expected, list) else [expected]


def shown(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        text = " ".join(value.split())
        return repr(text if len(text) <= 90 else text[:87] + "...")
    return json.dumps(value, ensure_ascii=False)


# ---------------------------------------------------------------- documents


def resolve_document(name: str) -> Path | None:
    """The document path, relative to the repo root; `../x` also tried above the
    repo (a git worktree under /work/wt/NAME still finds /work/shared)."""
    path = Path(name)
    if path.is_absolute():
        return path if path.exists() else None
    first = REPO / path
    if first.exists():
        return first.resolve()
    parts = path.parts
    if parts and parts[0] == "..":
        rest = Path(*parts[1:])
        for ancestor in REPO.parents:
            candidate = ancestor / rest
            if candidate.exists():
                return candidate.resolve()
    return None


ERROR_LINE = re.compile(r"^plantab: (?P<path>.*): (?P<code>[a-z][a-z0-9_]*): ", re.M)


def run_extract(binary: str, document: Path, timeout: int) -> tuple[dict | None, str | None, str]:
    """(output document, error code, stderr) of one `extract` run."""
    try:
        proc = subprocess.run(
            [binary, "extract", "-q", str(document)],
            capture_output=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None, "checker_timeout", f"no answer within {timeout} s"
    stderr = proc.stderr.decode("utf-8", "replace")
    stdout = proc.stdout.decode("utf-8", "replace").strip()
    output = None
    if stdout:
        try:
            parsed = json.loads(stdout)
            output = parsed[0] if isinstance(parsed, list) and parsed else parsed
        except json.JSONDecodeError as err:
            return None, "checker_bad_json", f"stdout is not JSON: {err}"
    code = None
    match = ERROR_LINE.search(stderr)
    if match:
        code = match.group("code")
    elif output is None:
        code = f"exit_{proc.returncode}"
    return output, code, stderr


# ---------------------------------------------------------------- record access


def latest_status(record: dict) -> dict:
    status = record.get("status") or []
    return status[-1] if status and isinstance(status[-1], dict) else {}


def colour_name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("colour") or value.get("color")
    return None if value is None else str(value)


def record_pages(record: dict) -> list[int]:
    prov = record.get("provenance") or {}
    boxes = prov.get("bbox") or []
    pages = [b.get("page") for b in boxes if isinstance(b, dict) and isinstance(b.get("page"), int)]
    if pages:
        return pages
    return [p for p in prov.get("pages") or [] if isinstance(p, int)]


def owner_candidates(record: dict) -> list[str]:
    found = []
    for key in ("owner", "section_owner", "lead"):
        if isinstance(record.get(key), str):
            found.append(record[key])
    for key, value in (record.get("fields") or {}).items():
        if isinstance(value, str) and any(w in key.lower() for w in OWNER_WORDS):
            found.append(value)
    section = record.get("section")
    if isinstance(section, dict):
        for key in ("owner", "lead"):
            if isinstance(section.get(key), str):
                found.append(section[key])
    return found


def measure_candidates(record: dict, key: str) -> list[str]:
    found = []
    for holder in (record, record.get("measure") or {}, record.get("fields") or {}):
        if not isinstance(holder, dict):
            continue
        value = holder.get(key)
        if isinstance(value, dict):
            value = value.get("raw") or value.get("text") or value.get("value")
        if value is not None:
            found.append(str(value))
    for k, value in (record.get("fields") or {}).items():
        if k != key and k.startswith(key) and isinstance(value, str):
            found.append(value)
    return found


ENTRY_LABEL_KEYS = ("label", "subject", "header", "period_label", "column")
ENTRY_VALUE_KEYS = ("raw", "text", "value", "label", "target", "actual")


def entries_under(record: dict, header: str) -> list[dict]:
    """Dicts anywhere in the record whose label/subject/header is `header`."""
    want = norm(header)
    found: list[dict] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if any(norm(node.get(k)) == want for k in ENTRY_LABEL_KEYS if isinstance(node.get(k), str)):
                found.append(node)
            for key, value in node.items():
                if key != "provenance":
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(record)
    return found


def has_labelled_entries(record: dict) -> bool:
    """The record carries per-column entries (status/plan entries with a label or subject)."""
    for key, value in record.items():
        if key in ("provenance", "fields") or not isinstance(value, list):
            continue
        for item in value:
            if isinstance(item, dict) and any(isinstance(item.get(k), str) and item.get(k) for k in ENTRY_LABEL_KEYS):
                return True
    return False


def cell_candidates(record: dict, header: str, output: dict) -> tuple[list[str], list[dict], str | None]:
    """Text printed under `header` for this record, from its fields, its labelled
    entries (status/plan/targets...) and the table row it came from."""
    texts: list[str] = []
    want_tokens = tokens(header)
    want_snake = "_".join(sorted(want_tokens))
    for key, value in (record.get("fields") or {}).items():
        key_tokens = tokens(key.replace("_", " "))
        if not isinstance(value, str) or not key_tokens:
            continue
        if "_".join(sorted(key_tokens)) == want_snake or key_tokens & want_tokens:
            texts.append(value)
    entries = entries_under(record, header)
    for entry in entries:
        for key in ENTRY_VALUE_KEYS:
            if isinstance(entry.get(key), str) and norm(entry.get(key)) != norm(header):
                texts.append(entry[key])
    grid = grid_cell(record, header, output)
    if grid:
        texts.append(grid)
    return texts, entries, grid


def grid_cell(record: dict, header: str, output: dict) -> str | None:
    """The text of the record's row under `header` in the rebuilt table it came
    from (provenance table/row), or None when there is no such cell."""
    prov = record.get("provenance") or {}
    tables = output.get("tables") or []
    t, r = prov.get("table"), prov.get("row")
    if isinstance(t, int) and isinstance(r, int) and 0 <= t < len(tables):
        table = tables[t] or {}
        columns = table.get("columns") or []
        rows = table.get("rows") or []
        if 0 <= r < len(rows):
            row = rows[r] or []
            for j, column in enumerate(columns):
                head = column.get("header") if isinstance(column, dict) else column
                if norm(head) == norm(header) and j < len(row):
                    return str(row[j] if row[j] is not None else "")
    return None


# ---------------------------------------------------------------- fact checks


class Result:
    def __init__(self) -> None:
        self.total = 0
        self.held = 0
        self.failures: list[str] = []

    def check(self, label: str, held: bool, expected: Any, got: Any) -> None:
        self.total += 1
        if held:
            self.held += 1
        else:
            self.failures.append(f"{label}: expected {shown(expected)}, got {shown(got)}")


def equal_any(expected: Any, candidates: list[Any], how=norm) -> bool:
    """Some candidate equals one of the expected values; an expected string
    ending in '...' is a prefix (the rest of the cell was not written down)."""
    for want in alternatives(expected):
        w = how(want)
        prefix = isinstance(want, str) and w.endswith("...")
        if prefix:
            w = w[:-3].rstrip()
        for c in candidates:
            if c is None:
                continue
            got = how(c)
            if got == w or (prefix and got.startswith(w)):
                return True
    return False


def check_document_facts(facts: dict, output: dict, result: Result) -> None:
    document = output.get("document") or {}
    for key, expected in (facts.get("document_facts") or {}).items():
        got = document.get(key)
        how = norm_ends if key == "owner" else norm
        result.check(f"document.{key}", equal_any(expected, [got], how), expected, got)


def check_count(facts: dict, output: dict, result: Result) -> None:
    if "record_count" not in facts:
        return
    expected = facts["record_count"]
    got = len(output.get("records") or [])
    if isinstance(expected, dict):
        low, high = expected.get("min", 0), expected.get("max", float("inf"))
        held = low <= got <= high
    else:
        held = got == expected
    result.check("record_count", held, expected, got)


def check_warnings(facts: dict, output: dict, result: Result) -> None:
    codes = [w.get("code") for w in output.get("warnings") or [] if isinstance(w, dict)]
    for code in facts.get("expect_warnings") or []:
        result.check(f"warning {code}", code in codes, code, sorted(set(c for c in codes if c)) or None)


def title_of(record: dict) -> str:
    return norm(record.get("title"))


def matches_title(fact: dict, record: dict) -> bool:
    starts = fact.get("title_starts")
    return bool(starts) and any(title_of(record).startswith(norm(s)) for s in alternatives(starts))


def match_records(fact_records: list[dict], records: list[dict]) -> list[int | None]:
    """For each fact record, the index of its output record (or None): by id,
    else by title prefix; an output record serves one fact record at most; ties
    go to the record on the fact's page, then to the first."""
    used: set[int] = set()
    chosen: list[int | None] = []

    def pick(candidates: list[int], fact: dict) -> int | None:
        free = [i for i in candidates if i not in used]
        if not free:
            return None
        page = fact.get("page")
        on_page = [i for i in free if page in record_pages(records[i])]
        titled = [i for i in free if matches_title(fact, records[i])]
        for group in ([i for i in titled if i in on_page], titled, on_page, free):
            if group:
                return group[0]
        return None

    for fact in fact_records:
        index = None
        if fact.get("id"):
            wanted = {norm(i) for i in alternatives(fact["id"])}
            by_id = [i for i, r in enumerate(records) if norm(r.get("id")) in wanted]
            index = pick(by_id, fact)
        if index is None and fact.get("title_starts"):
            by_title = [i for i, r in enumerate(records) if matches_title(fact, r)]
            index = pick(by_title, fact)
        if index is not None:
            used.add(index)
        chosen.append(index)
    return chosen


def describe(fact: dict, n: int) -> str:
    parts = [f"record {n}"]
    if fact.get("id"):
        parts.append(f"id {alternatives(fact['id'])[0]}")
    elif fact.get("title_starts"):
        parts.append(shown(alternatives(fact["title_starts"])[0][:40]))
    if fact.get("page"):
        parts.append(f"p{fact['page']}")
    return " ".join(parts)


def count_cell_facts(cells: dict) -> int:
    return sum(len(v) if isinstance(v, dict) else 1 for v in cells.values())


def check_record(fact: dict, record: dict | None, output: dict, label: str, result: Result) -> None:
    keys = [k for k in fact if k not in NON_FACT_KEYS and not k.startswith("_")]
    if record is None:
        # Every fact of the record fails; one line says why.
        count = sum(count_cell_facts(fact[k]) if k == "cells" else 1 for k in keys)
        result.total += count
        result.failures.append(f"{label}: no matching record (by id or title prefix); its {count} facts fail")
        return
    status = latest_status(record)
    due = record.get("due") or {}
    for key in keys:
        expected = fact[key]
        if key == "page":
            pages = record_pages(record)
            got = pages[0] if pages else None
            result.check(f"{label} page", got in alternatives(expected), expected, got)
        elif key == "id":
            result.check(f"{label} id", equal_any(expected, [record.get("id")]), expected, record.get("id"))
        elif key == "title_starts":
            result.check(f"{label} title_starts", matches_title(fact, record), expected, record.get("title"))
        elif key == "owner":
            cands = owner_candidates(record)
            result.check(f"{label} owner", equal_any(expected, cands, norm_ends), expected, cands or None)
        elif key in ("due_raw", "due_start", "due_end", "due_kind", "due_year_inferred"):
            sub = {"due_raw": "raw", "due_start": "start", "due_end": "end", "due_kind": "kind", "due_year_inferred": "year_inferred"}[key]
            got = due.get(sub) if isinstance(due, dict) else None
            if sub == "year_inferred":
                held = got is expected
            else:
                held = equal_any(expected, [got])
            result.check(f"{label} {key}", held, expected, got)
        elif key in ("status_raw", "status_code"):
            got = status.get("raw" if key == "status_raw" else "code")
            result.check(f"{label} {key}", equal_any(expected, [got]), expected, got)
        elif key == "status_colour":
            got = colour_name(status.get("colour"))
            result.check(f"{label} status_colour", equal_any(expected, [got]), expected, status.get("colour"))
        elif key in ("kind", "parent_id", "section", "description_starts"):
            if key == "description_starts":
                got = record.get("description")
                held = any(norm(got).startswith(norm(e)) for e in alternatives(expected)) and got is not None
            else:
                got = record.get(key)
                if isinstance(got, dict):
                    got = got.get("title") or got.get("name")
                held = equal_any(expected, [got])
            result.check(f"{label} {key}", held, expected, got)
        elif key in ("target", "actual", "baseline", "unit"):
            cands = measure_candidates(record, key)
            result.check(f"{label} {key}", equal_any(expected, cands), expected, cands or None)
        elif key == "cells":
            for header, want in expected.items():
                texts, entries, grid = cell_candidates(record, header, output)
                name = f"{label} cells[{header}]"
                if isinstance(want, dict):
                    for sub, value in want.items():
                        if sub == "filled":
                            # An empty cell only counts where the record models its
                            # row's cells at all (some labelled entry elsewhere).
                            if value:
                                held = bool(entries) or bool(grid and grid.strip())
                            else:
                                held = not entries and (has_labelled_entries(record) or grid == "" or (grid is not None and not grid.strip()))
                            result.check(f"{name}.filled", held, value, bool(entries))
                        elif sub == "colour":
                            got = [colour_name(e.get("colour")) for e in entries]
                            result.check(f"{name}.colour", equal_any(value, got), value, got or None)
                        elif sub in ("raw", "text"):
                            result.check(f"{name}.{sub}", equal_any(value, texts), value, texts or None)
                        elif sub == "code":
                            got = [e.get("code") for e in entries]
                            result.check(f"{name}.code", equal_any(value, got), value, got or None)
                        else:
                            got = [e.get(sub) for e in entries]
                            result.check(f"{name}.{sub}", equal_any(value, got), value, got or None)
                else:
                    result.check(name, equal_any(want, texts), want, texts or None)
        else:
            got = record.get(key)
            result.check(f"{label} {key}", equal_any(expected, [got]), expected, got)


def check_facts_file(path: Path, binary: str, timeout: int) -> tuple[str, Result | None, str]:
    facts = json.loads(path.read_text(encoding="utf-8"))
    name = path.name.removesuffix(".facts.json")
    document = resolve_document(facts["document"])
    if document is None:
        return name, None, f"SKIPPED: {facts['document']} not found (relative to {REPO} or its parents)"
    output, error, stderr = run_extract(binary, document, timeout)
    result = Result()
    expect_error = facts.get("expect_error")
    if expect_error:
        result.check("error", error == expect_error, expect_error, error or "no error (document extracted)")
        return name, result, ""
    if output is None:
        extra = f"; stderr: {stderr.strip()[:200]}" if stderr.strip() else ""
        result.check("extract", False, "a document", f"error {error}{extra}")
        return name, result, ""
    check_document_facts(facts, output, result)
    check_count(facts, output, result)
    check_warnings(facts, output, result)
    records = output.get("records") or []
    fact_records = facts.get("records") or []
    for n, (fact, index) in enumerate(zip(fact_records, match_records(fact_records, records)), start=1):
        check_record(fact, None if index is None else records[index], output, describe(fact, n), result)
    return name, result, ""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", help="the plantab binary to check")
    parser.add_argument("facts", nargs="*", help="facts files (default: fixtures/*/*.facts.json)")
    parser.add_argument("--summary", action="store_true", help="only the per-document lines and the total")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any fact fails")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per document (default 300)")
    parser.add_argument(
        "--floor",
        type=Path,
        help="a JSON file {document: facts that must hold}: exit 1 when a document falls below its floor",
    )
    parser.add_argument(
        "--write-floor", type=Path, help="write what holds now as such a file (documents checked only)"
    )
    args = parser.parse_args(argv)
    floor = json.loads(args.floor.read_text(encoding="utf-8")) if args.floor else {}
    below: list[str] = []
    now: dict[str, int] = {}
    if not Path(args.binary).exists():
        print(f"check_facts: binary {args.binary} not found", file=sys.stderr)
        return 2
    files = [Path(f) for f in args.facts] or sorted(FACTS_DIR.parent.glob("*/*.facts.json"))
    if not files:
        print(f"check_facts: no facts files (looked in {FACTS_DIR})", file=sys.stderr)
        return 2
    total = held = documents = skipped = 0
    for path in files:
        try:
            name, result, message = check_facts_file(path, args.binary, args.timeout)
        except (OSError, json.JSONDecodeError, KeyError) as err:
            print(f"{path.name}: cannot read facts: {err}")
            return 2
        if result is None:
            skipped += 1
            print(f"{name}: {message}")
            continue
        documents += 1
        total += result.total
        held += result.held
        print(f"{name}: {result.held}/{result.total} facts hold")
        now[name] = result.held
        if result.held < floor.get(name, 0):
            below.append(f"{name}: {result.held} facts hold, floor {floor[name]}")
        if not args.summary:
            for failure in result.failures:
                print(f"    {failure}")
    share = f" ({100 * held / total:.1f}%)" if total else ""
    skip_note = f", {skipped} skipped (file absent)" if skipped else ""
    print(f"TOTAL: {held}/{total} facts hold{share} over {documents} documents{skip_note}")
    if args.write_floor:
        args.write_floor.write_text(json.dumps(dict(sorted(now.items())), indent=1) + "\n", encoding="utf-8")
    if below:
        print("BELOW FLOOR (a hand-checked fact that held no longer does):")
        for line in below:
            print(f"    {line}")
        return 1
    if args.strict and held < total:
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # output piped into `head`
        sys.exit(0)
