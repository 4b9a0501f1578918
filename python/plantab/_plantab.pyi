"""The extension module (Rust, PyO3): called by plantab/__init__.py only.
Every function releases the GIL while it works."""

from typing import List, Optional, Tuple

__version__: str

def document_json(
    name: str,
    data: Optional[bytes],
    tables: bool,
    pages: Optional[str] = None,
    password: Optional[str] = None,
    fiscal_year_start: Optional[int] = None,
) -> str:
    """The document of one source as the CLI's JSON text (``extract``, or
    ``tables`` when ``tables``). ``data`` None: ``name`` is a path to read."""

def table_frames(
    name: str,
    data: Optional[bytes],
    pages: Optional[str] = None,
    password: Optional[str] = None,
) -> List[Tuple[List[str], List[List[str]], List[int]]]:
    """Per table: column names, body rows, pages."""

def batch(
    sources: List[Tuple[str, Optional[bytes]]],
    kind: str,
    jobs: Optional[int] = None,
    pages: Optional[str] = None,
    password: Optional[str] = None,
    fiscal_year_start: Optional[int] = None,
) -> Tuple[bytes, List[str], List[Tuple[Optional[str], str, str]]]:
    """``kind`` "records" or "statuses": the CSV bytes, each column's cell
    type (text, int, bool, date, empty), and the failed sources'
    (path, code, message) in input order."""
