"""Content format versions: a file may say `format: 1`; older formats are read by upgrading them.

When the shape of a file has to change, the format number goes up and an upgrade from the old
shape is added to `UPGRADES`, so trainers' existing files keep loading (and `infoshare validate`
tells them which files to bring up to date) instead of breaking on the day they update the app.
A file without `format:` is read as format 1, the first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CURRENT_FORMAT = 1
"""The format this version of infoshare writes and reads natively."""

FIRST_FORMAT = 1
"""What a file without `format:` is read as (files written before formats were numbered)."""

Upgrade = Callable[[str, dict[str, Any]], dict[str, Any]]
"""(file kind, e.g. "case_studies"; the file's data at format n) -> its data at format n + 1."""

UPGRADES: dict[int, Upgrade] = {}
"""Format n -> the upgrade from n to n + 1. Empty while there is only format 1."""


@dataclass(frozen=True)
class Read:
    """A file's data in the current format, the format it was written in, or why not."""

    data: dict[str, Any] | None
    written: int | None = None
    problem: str | None = None

    @property
    def is_old(self) -> bool:
        return self.written is not None and self.written < CURRENT_FORMAT


def to_current(kind: str, data: dict[str, Any]) -> Read:
    """``data`` without its `format:` key, upgraded step by step to `CURRENT_FORMAT`."""
    data = dict(data)
    written = data.pop("format", FIRST_FORMAT)
    if isinstance(written, bool) or not isinstance(written, int):
        return Read(None, problem=f"format must be a whole number, such as {CURRENT_FORMAT}")
    if written > CURRENT_FORMAT:
        return Read(None, written, f"format {written} is newer than this version of infoshare "
                                   f"reads (format {CURRENT_FORMAT}): update infoshare")
    if written < FIRST_FORMAT:
        return Read(None, written, f"there is no format {written}: the first is {FIRST_FORMAT}")
    for step in range(written, CURRENT_FORMAT):
        upgrade = UPGRADES.get(step)
        if upgrade is None:
            return Read(None, written, f"format {written} can no longer be read: rewrite the "
                                       f"file in format {CURRENT_FORMAT} (docs/authoring.md)")
        data = upgrade(kind, data)
    return Read(data, written)


def old_format_message(written: int) -> str:
    """The warning `infoshare validate` prints for a file in an older format."""
    return (f"written in content format {written}; it still loads, but bring it up to format "
            f"{CURRENT_FORMAT} (see docs/authoring.md) and set `format: {CURRENT_FORMAT}`")
