"""The builders' messages: ui.yaml's `builder` group over the shipped wording, filled safely."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..content.templates import fill
from ..content.yaml_reader import read_yaml

SHIPPED_UI = Path(__file__).resolve().parents[2] / "content" / "ui.yaml"


def builder_words(content: Any = None) -> dict[str, str]:
    """The shipped `builder` wording, with the content folder's own keys over it."""
    shipped = read_yaml(SHIPPED_UI, SHIPPED_UI.parent).data or {}
    words = {k: str(v) for k, v in (shipped.get("builder") or {}).items()}
    ui = getattr(content, "ui", None)
    if ui is not None:
        words.update(ui.builder)
    return words


class Say:
    """``say("enter_answer", number=2)``: one message, filled; a missing key reads as itself."""

    def __init__(self, words: Mapping[str, str]) -> None:
        self.words = words

    def __call__(self, key: str, **values: object) -> str:
        return fill(self.words.get(key, key.replace("_", " ")), **values)
