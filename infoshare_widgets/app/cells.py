"""Voila's per-cell executor timeout: none for the cell that waits for the visitor.

A preheated kernel runs its notebook up to ``pages.open_page(...)`` and waits there, for as long
as it takes a visitor to come; an executor timeout on that cell (with interrupt) would kill the
waiting kernel. That cell is marked in the notebook by cell metadata
``{"infoshare": {"waits_for_visit": true}}`` (not found by searching its source). Every other
cell gets `seconds`, and is interrupted after it, so a cell that never answers becomes the
template's error card instead of an endless spinner.
"""

from __future__ import annotations

from typing import Any

METADATA_KEY = "infoshare"
WAITS_FOR_VISIT = "waits_for_visit"


def waits_for_visit(cell: Any) -> bool:
    """Whether the notebook marks this cell as the one that waits for the visit."""
    metadata = getattr(cell, "metadata", None) or {}
    ours = metadata.get(METADATA_KEY) if hasattr(metadata, "get") else None
    return bool(ours.get(WAITS_FOR_VISIT)) if hasattr(ours, "get") else False


class CellTimeout:
    """nbclient's ``timeout_func``: seconds for a cell, or None for no timeout."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds

    def __call__(self, cell: Any) -> int | None:
        if self.seconds <= 0 or waits_for_visit(cell):
            return None
        return self.seconds
