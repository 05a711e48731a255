"""Each anywidget's front end: the shared prelude and rules first, then the component's own file.

``dom.js`` (the ``el()`` helper, unique ids, heading levels) is prepended to every module, and
``components.css`` (box, text, buttons, form controls, focus ring, ``[hidden]``) to every
stylesheet, so each rule and helper is written once.
"""

from __future__ import annotations

from pathlib import Path

SHARED_CSS = Path(__file__).with_name("components.css")
PRELUDE_JS = Path(__file__).with_name("dom.js")


def stylesheet(own: Path) -> str:
    """The CSS an anywidget component ships: shared rules first, then its own."""
    return SHARED_CSS.read_text(encoding="utf-8") + "\n" + own.read_text(encoding="utf-8")


def esm(own: Path, *helpers: Path) -> str:
    """The ES module an anywidget component ships: the ``dom.js`` prelude, any shared helpers it
    asks for (``text_box.js``), then its own code."""
    parts = [PRELUDE_JS, *helpers, own]
    return "\n".join(part.read_text(encoding="utf-8") for part in parts)


TEXT_BOX_JS = Path(__file__).with_name("text_box.js")  # the character count
