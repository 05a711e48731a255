"""Each component's stylesheet: the shared rules (components.css), then its own file."""

from __future__ import annotations

from pathlib import Path

SHARED = Path(__file__).with_name("components.css")


def stylesheet(own: Path) -> str:
    """The CSS an anywidget component ships: shared box, text and button rules first."""
    return SHARED.read_text(encoding="utf-8") + "\n" + own.read_text(encoding="utf-8")
