"""GOV.UK's details pattern (anywidget): a fixed summary that opens more text in place.

Used for "More on <basis>" and "Show the full rule": a native ``<details>``/``<summary>``, whose
label never changes and whose state the browser tells screen readers ("expanded"/"collapsed").
Unlike the reveal (``reveal_widget``), the text is in the page from the start: it is reading
matter, not an answer held back. The page says when it is opened or closed
(``{"event": "toggle", "open": bool}``), so ``opened`` can be read for progress; no trait is set
by the browser.
"""

from __future__ import annotations

from typing import Any

import traitlets

from .styles import ModuleWidget, front_end


class DetailsWidget(ModuleWidget):
    """An optional heading, then a ``<details>`` with a fixed summary over sanitised HTML."""

    _esm = front_end(__file__, "details.js", "details.css")

    heading = traitlets.Unicode("").tag(sync=True)  # plain text; no heading when empty
    heading_level = traitlets.Int(3).tag(sync=True)
    summary = traitlets.Unicode("").tag(sync=True)  # plain text, the fixed label
    body_html = traitlets.Unicode("").tag(sync=True)  # sanitised (content.markdown.to_html)
    card = traitlets.Bool(False).tag(sync=True)
    # The id a link can point at (lowercase letters, digits, hyphens; "" = none).
    anchor = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **traits: Any) -> None:
        super().__init__(**traits)
        self.opened = False
        self.on_msg(self._on_message)

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "toggle":
            self.opened = content.get("open") is True
