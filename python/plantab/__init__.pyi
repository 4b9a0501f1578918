"""Type stubs for plantab (see the docstrings in __init__.py)."""

import os
from typing import IO, Any, Dict, Iterable, List, Literal, Optional, Sequence, Union

import pandas

from ._errors import PlantabError as PlantabError
from ._errors import PlantabWarning as PlantabWarning

__version__: str
BYTES_NAME: str

#: A path, the bytes of a file, or a binary file object (read to its end).
Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, IO[bytes]]
#: ``"1,3-5"``, one page number, or a list of them.
Pages = Union[str, int, Sequence[int], None]
#: A month: 1-12 or its English name.
Month = Union[int, str, None]
Errors = Literal["warn", "raise", "ignore"]

def extract(
    source: Source,
    *,
    pages: Pages = None,
    password: Optional[str] = None,
    fiscal_year_start: Month = None,
) -> Dict[str, Any]: ...
def tables(
    source: Source,
    *,
    pages: Pages = None,
    password: Optional[str] = None,
) -> Dict[str, Any]: ...
def records(
    sources: Union[Source, Iterable[Source]],
    *,
    jobs: Optional[int] = None,
    errors: Errors = "warn",
    pages: Pages = None,
    password: Optional[str] = None,
    fiscal_year_start: Month = None,
) -> pandas.DataFrame: ...
def statuses(
    sources: Union[Source, Iterable[Source]],
    *,
    jobs: Optional[int] = None,
    errors: Errors = "warn",
    pages: Pages = None,
    password: Optional[str] = None,
    fiscal_year_start: Month = None,
) -> pandas.DataFrame: ...
def table_frames(
    source: Source,
    *,
    pages: Pages = None,
    password: Optional[str] = None,
) -> List[pandas.DataFrame]: ...
