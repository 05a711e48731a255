"""A ui.yaml group over the shipped ui.yaml's: a key that a partnership's older ui.yaml lacks reads
as the shipped wording, never as its own name (the server's refusals, the author preview page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .yaml_reader import read_yaml

SHIPPED_UI = Path(__file__).resolve().parents[2] / "content" / "ui.yaml"
_SHIPPED: dict[str, dict[str, str]] = {}


def shipped_words(group: str) -> dict[str, str]:
    """The shipped ui.yaml's ``group`` (read once; a copy)."""
    if not _SHIPPED:
        data = read_yaml(SHIPPED_UI, SHIPPED_UI.parent).data or {}
        _SHIPPED.update({g: {k: str(v) for k, v in words.items()}
                         for g, words in data.items() if isinstance(words, dict)})
    return dict(_SHIPPED.get(group, {}))


def words_over_shipped(content: Any, group: str) -> dict[str, str]:
    """``content``'s ui.yaml ``group`` over the shipped one (the shipped one alone when the
    content has no ui.yaml, or is None)."""
    words = shipped_words(group)
    ui = getattr(content, "ui", None)
    if ui is not None:
        words.update(getattr(ui, group))
    return words
