"""The exception and warning classes plantab raises (kept in a module of
their own so the extension module can import them)."""

from typing import Optional

__all__ = ["PlantabError", "PlantabWarning"]


class PlantabError(Exception):
    """A source gave no document, or a call's arguments were refused.

    Attributes:
        code: the stable error code: the CLI's (``io``, ``empty``,
            ``not_text``, ``encrypted``, ``no_text_layer``, ``malformed``,
            ``limit_exceeded``, ``internal_error``, ``output``) or the
            binding's own (``invalid_option``: a value it refuses, such
            as ``pages="x"`` or ``fiscal_year_start=13``).
        path: the source's path as given (or the name of a bytes or
            file-object source); ``None`` for an error of the call itself.
        message: the reason and its causes on one line.
    """

    def __init__(self, message: str, code: str, path: Optional[str] = None) -> None:
        super().__init__(message, code, path)
        self.message = message
        self.code = code
        self.path = path

    def __str__(self) -> str:
        if self.path is None:
            return f"{self.code}: {self.message}"
        return f"{self.path}: {self.code}: {self.message}"


class PlantabWarning(UserWarning):
    """A source of a batch call (``records``, ``statuses``) that gave no
    document; the others were converted all the same. The warning's text is
    ``PATH: CODE: MESSAGE``, as the CLI prints it; the frame's
    ``attrs["errors"]`` lists the same failures as data."""
