"""plantab: actions, owners, due dates and statuses out of government
delivery plans, action logs and progress reports (PDFs and their text
conversions), as the CLI's JSON documents and as pandas DataFrames.

>>> import plantab
>>> doc = plantab.extract("plan.pdf")           # the CLI's JSON, as a dict
>>> len(doc["records"])
>>> df = plantab.records(["a.pdf", "b.pdf"])    # records.csv as a DataFrame
>>> df.groupby("source_path").status_code.value_counts()

Every call releases the GIL while the Rust pipeline works; ``records`` and
``statuses`` convert their sources in parallel. See python/README.md.
"""

import io
import json
import os
import warnings
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

from . import _plantab
from ._errors import PlantabError, PlantabWarning

__all__ = [
    "extract",
    "tables",
    "records",
    "statuses",
    "table_frames",
    "PlantabError",
    "PlantabWarning",
    "__version__",
]

__version__: str = _plantab.__version__

#: The name recorded as ``source.path`` for a bytes source, and for a file
#: object without a ``name``.
BYTES_NAME = "<bytes>"

_OPTIONS = ("pages", "password", "fiscal_year_start")

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "jan", "feb", "mar", "apr", "may", "jun",
            "jul", "aug", "sep", "oct", "nov", "dec",
        ]
    )
}


def _is_single(source: Any) -> bool:
    return isinstance(source, (str, os.PathLike, bytes, bytearray, memoryview)) or hasattr(
        source, "read"
    )


def _source(source: Any) -> Tuple[str, Optional[bytes]]:
    """(name, bytes or None): a path is read by Rust, off the GIL."""
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        return path, None
    if isinstance(source, bytes):
        return BYTES_NAME, source
    if isinstance(source, (bytearray, memoryview)):
        return BYTES_NAME, bytes(source)
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            raise TypeError(
                "plantab needs a binary file object: open the file with mode 'rb'"
            )
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"read() gave {type(data).__name__}, not bytes")
        name = getattr(source, "name", None)
        if not isinstance(name, str):
            name = BYTES_NAME
        return name, bytes(data)
    raise TypeError(
        "a source is a path (str or os.PathLike), bytes, or a binary file object; "
        f"got {type(source).__name__}"
    )


def _pages(pages: Any) -> Optional[str]:
    """``"1,3-5"``, ``3`` or ``[1, 3, 4]`` as the CLI's ``--pages`` text."""
    if pages is None:
        return None
    if isinstance(pages, bool):
        raise TypeError("pages is a page number, a list of them, or text like '1,3-5'")
    if isinstance(pages, int):
        return str(pages)
    if isinstance(pages, str):
        return pages
    try:
        items = list(pages)
    except TypeError:
        raise TypeError(
            "pages is a page number, a list of them, or text like '1,3-5'"
        ) from None
    if not items or not all(isinstance(p, int) and not isinstance(p, bool) for p in items):
        raise TypeError("pages as a list holds page numbers (int), at least one")
    return ",".join(str(p) for p in items)


def _fiscal(fiscal_year_start: Any) -> Optional[int]:
    """A month: 1-12 or its English name (``"April"``, ``"apr"``)."""
    if fiscal_year_start is None:
        return None
    if isinstance(fiscal_year_start, str):
        m = _MONTHS.get(fiscal_year_start.strip().lower()[:3])
        if m is None:
            raise PlantabError(
                f"fiscal_year_start={fiscal_year_start!r} is not a month",
                "invalid_option",
            )
        return m
    if isinstance(fiscal_year_start, int) and not isinstance(fiscal_year_start, bool):
        if 1 <= fiscal_year_start <= 12:
            return fiscal_year_start
    raise PlantabError(
        f"fiscal_year_start={fiscal_year_start!r} is not a month (1-12 or its name)",
        "invalid_option",
    )


def _document(source: Any, tables: bool, pages: Any, password: Optional[str],
              fiscal_year_start: Any) -> Dict[str, Any]:
    name, data = _source(source)
    text = _plantab.document_json(
        name, data, tables, _pages(pages), password, _fiscal(fiscal_year_start)
    )
    return json.loads(text)


def extract(
    source: Any,
    *,
    pages: Any = None,
    password: Optional[str] = None,
    fiscal_year_start: Any = None,
) -> Dict[str, Any]:
    """One document's records, as the CLI's ``plantab extract`` JSON.

    Args:
        source: a path (``str`` or ``os.PathLike``), ``bytes``, or a binary
            file object (read to its end). A PDF is recognised by its
            signature; anything else is read as text (text, markdown or
            HTML conversions of a PDF).
        pages: only these pages: ``"1,3-5"``, ``3`` or ``[1, 3, 4]``.
        password: the password of an encrypted PDF (its user or owner
            password), as the CLI's ``--password``; a password that does
            not open it raises ``PlantabError`` with code
            ``wrong_password``.
        fiscal_year_start: the month financial years start in (1-12 or
            its English name), as the CLI's ``--fiscal-year-start``: it
            overrides what the document states and its jurisdiction's rule.
            ``None``: decided per document.

    Returns:
        The contract document (docs/OUTPUT.md) as a dict: ``source``,
        ``document``, ``tables``, ``records``, ``warnings``, … — the same
        JSON the CLI writes. Warnings stay in ``doc["warnings"]``.

    Raises:
        PlantabError: the source gave no document (``.code`` says why,
            ``.path`` names it).
    """
    return _document(source, False, pages, password, fiscal_year_start)


def tables(
    source: Any,
    *,
    pages: Any = None,
    password: Optional[str] = None,
) -> Dict[str, Any]:
    """Every table of one document as printed, as the CLI's ``plantab
    tables`` JSON: the document shape with no records, each table's header
    rows kept in ``rows`` (the first ``header_rows`` of them).

    Arguments and errors as for :func:`extract`.
    """
    return _document(source, True, pages, password, None)


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "plantab's DataFrame functions need pandas: pip install pandas"
        ) from e
    return pandas


def _source_list(sources: Any) -> List[Tuple[str, Optional[bytes]]]:
    if _is_single(sources):
        return [_source(sources)]
    return [_source(s) for s in sources]


def _options(options: Dict[str, Any]) -> Dict[str, Any]:
    unknown = sorted(set(options) - set(_OPTIONS))
    if unknown:
        raise TypeError(
            f"unknown option(s) {', '.join(unknown)}; plantab takes {', '.join(_OPTIONS)}"
        )
    return {
        "pages": _pages(options.get("pages")),
        "password": options.get("password"),
        "fiscal_year_start": _fiscal(options.get("fiscal_year_start")),
    }


def _is_date_column(name: str) -> bool:
    return name.endswith(("_start", "_end")) and not name.startswith("field_")


def _read_csv(csv: bytes, kinds: Optional[List[str]] = None) -> Any:
    """The CSV as a frame with plantab's dtypes. ``kinds`` (one per column,
    from the Rust side: the type of the column's cells) gives them: ``int``
    → ``Int64``, ``bool`` → ``boolean``, ``date`` → ``datetime64``, ``text``
    → text (``dtype=str``: ``object`` in pandas 1-2, ``str`` in pandas 3);
    ``empty`` (no value in any row) → ``datetime64`` for a date column
    (``*_start``, ``*_end``), so frames of different batches concatenate
    with the same dtypes, else text. An empty cell is missing (NaN / NaT / <NA>); printed "NA", "N/A",
    "None" stay text. Without ``kinds`` every column is text."""
    pd = _pandas()
    df = pd.read_csv(
        io.BytesIO(csv),
        dtype=str,
        keep_default_na=False,
        na_values=[""],
        encoding="utf-8",
    )
    if kinds is None:
        return df
    if len(kinds) != len(df.columns):
        raise PlantabError(
            f"{len(kinds)} column types for {len(df.columns)} columns (a bug)",
            "internal_error",
        )
    for col, kind in zip(list(df.columns), kinds):
        if kind == "int":
            df[col] = pd.to_numeric(df[col]).astype("Int64")
        elif kind == "bool":
            df[col] = df[col].map({"true": True, "false": False}).astype("boolean")
        elif kind == "date" or (kind == "empty" and _is_date_column(col)):
            df[col] = pd.to_datetime(df[col], format="%Y-%m-%d")
    return df


def _batch(sources: Any, kind: str, jobs: Optional[int], errors: str,
           options: Dict[str, Any]) -> Any:
    if errors not in ("warn", "raise", "ignore"):
        raise ValueError("errors is 'warn', 'raise' or 'ignore'")
    if jobs is not None and (
        not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1
    ):
        raise ValueError(f"jobs is a number of threads, 1 or more; got {jobs!r}")
    _pandas()  # fail before any work when pandas is missing
    srcs = _source_list(sources)
    opts = _options(options)
    csv, kinds, failed = _plantab.batch(srcs, kind, jobs, **opts)
    failures = [{"path": p, "code": c, "message": m} for (p, c, m) in failed]
    if failures and errors == "raise":
        f = failures[0]
        raise PlantabError(f["message"], f["code"], f["path"])
    if errors == "warn":
        for f in failures:
            warnings.warn(
                f"{f['path']}: {f['code']}: {f['message']}", PlantabWarning, stacklevel=3
            )
    df = _read_csv(csv, kinds)
    df.attrs["errors"] = failures
    return df


def records(
    sources: Any,
    *,
    jobs: Optional[int] = None,
    errors: str = "warn",
    **options: Any,
) -> Any:
    """The records of many sources as one DataFrame: the columns and rows
    of the CLI's ``records.csv`` (read from the same bytes), documents in
    the order given.

    Args:
        sources: one source or an iterable of them (paths, bytes, binary
            file objects), converted in parallel.
        jobs: threads to use (default: one per core).
        errors: what a source that gives no document does: ``"warn"``
            (default) issues a :class:`PlantabWarning` per source
            (``PATH: CODE: MESSAGE``), ``"ignore"`` only records it,
            ``"raise"`` raises :class:`PlantabError` for the first one once
            all sources ran. The failures are always listed in
            ``df.attrs["errors"]`` (dicts with ``path``, ``code``,
            ``message``); their rows are absent, the other sources' rows are
            all there.
        **options: ``pages``, ``password``, ``fiscal_year_start``, as for
            :func:`extract`, applied to every source.

    Returns:
        pandas.DataFrame: text columns as ``object`` (an empty cell is NaN;
        printed "N/A" stays text), ``table`` and ``row`` as ``Int64``, ISO
        date columns (``due_start``, ``due_end``, …) as ``datetime64[ns]``.

    Raises:
        ImportError: pandas is not installed.
        PlantabError: an option was refused (or, with ``errors="raise"``, a
            source failed).
    """
    return _batch(sources, "records", jobs, errors, options)


def statuses(
    sources: Any,
    *,
    jobs: Optional[int] = None,
    errors: str = "warn",
    **options: Any,
) -> Any:
    """Every status entry of every record of many sources as one DataFrame
    (the CLI's ``statuses.csv``): one row per record and reporting period,
    so month-on-month change is a groupby away. Arguments, dtypes and error
    handling as for :func:`records`."""
    return _batch(sources, "statuses", jobs, errors, options)


def table_frames(
    source: Any,
    *,
    pages: Any = None,
    password: Optional[str] = None,
) -> List[Any]:
    """Every table of one document as a DataFrame, in document order: the
    printed header rows merged into one name per column (never empty, never
    repeated: ``"Grants paid 2023"``, ``"column 3"``, ``"Status (2)"``), the
    body rows as text (an empty cell is ``""``). Each frame's ``attrs``
    hold ``table`` (its index in the document's ``tables``, as the records'
    ``table`` column counts) and ``pages``.

    Arguments and errors as for :func:`extract`.
    """
    pd = _pandas()
    name, data = _source(source)
    frames = []
    for i, (columns, rows, table_pages) in enumerate(
        _plantab.table_frames(name, data, _pages(pages), password)
    ):
        df = pd.DataFrame(rows, columns=columns, dtype=object)
        df.attrs["table"] = i
        df.attrs["pages"] = list(table_pages)
        frames.append(df)
    return frames
