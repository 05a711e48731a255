"""What is wrong with a content file, written for a trainer: ``file:line: field: message``."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one content file.

    ``loc`` is the field's path as data (``("scenarios", 0, "fits", 1)``), so code can ask which
    item a problem belongs to; ``field`` is the same path as the trainer reads it. Give either: a
    ``loc`` without a ``field`` fills the ``field`` in.
    """

    file: Path
    message: str
    field: str = ""
    line: int | None = None
    column: int | None = None
    loc: tuple = ()

    def __post_init__(self) -> None:
        if self.loc and not self.field:
            object.__setattr__(self, "field", field_path(self.loc))

    def __str__(self) -> str:
        where = display_path(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"

    def is_under(self, loc: tuple) -> bool:
        """True when the problem is about the item at ``loc`` or something inside it."""
        return self.loc[:len(loc)] == tuple(loc)


def display_path(path: Path) -> str:
    """A path as short as it can be: relative to the working folder when it is inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def field_path(loc: tuple) -> str:
    """('questions', 0, 'promt') -> 'questions[0].promt'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def nearest_line(lines: dict[tuple, int], loc: tuple) -> int | None:
    """The line of ``loc``, or of the nearest field above it that has a line."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None
