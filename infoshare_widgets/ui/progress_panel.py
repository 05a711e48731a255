"""The Start page's "Clear my answers" and completion record (anywidget).

The kernel sends plain text (``sections``: each section's status and, beside it, the score or how
far, as ``pages/section_progress.course_path`` makes them; the way in and the task list at the
top of the page are ``ui/task_list.py``). ``progress_panel.js`` draws "Clear my answers" with a
confirmation and the completion record, with the kit's buttons. The record is made in the
browser: the learner's name is typed there and never leaves the page; it is shown with
``textContent``, printed with a print stylesheet and downloaded as one standalone HTML file whose
stylesheet is ``record.css``, the same the page uses; the page then says which file it saved.
A section is on the record as completed only when every question in it was answered, and always
with its score. The only message the page sends is ``{"event": "clear"}``; it sets no trait.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import traitlets

from ..content import Content
from .styles import ModuleWidget, front_end

log = logging.getLogger(__name__)

RECORD_CSS = Path(__file__).with_name("record.css")
PANEL_KEYS = (
    "clear", "clear_confirm", "clear_yes", "clear_cancel", "cleared", "record_show",
    "record_hide", "record_title", "record_label", "name_label", "name_hint", "record_name",
    "record_date", "record_sections", "record_in_progress", "record_cases", "record_none",
    "record_content", "print", "download", "download_hint", "saved",
)


def panel_words(content: Content) -> dict[str, str]:
    return {key: content.text("progress", key) for key in PANEL_KEYS}


class ProgressPanel(ModuleWidget):
    """"Clear my answers" and the completion record."""

    _esm = front_end(__file__, "progress_panel.js", "progress_panel.css", RECORD_CSS)

    words = traitlets.Dict().tag(sync=True)
    # "loading" until the browser has sent its progress, then "ready", or "off" (no storage).
    state = traitlets.Unicode("loading").tag(sync=True)
    # [{id, title, url, hint, status, status_text, detail, cases}] (section_progress.py)
    sections = traitlets.List(traitlets.Dict()).tag(sync=True)
    # {title, version, reviewed}: what the record says about the content.
    record_info = traitlets.Dict().tag(sync=True)
    # The record's stylesheet, for the downloaded file (the page links it).
    record_css = traitlets.Unicode(RECORD_CSS.read_text(encoding="utf-8")).tag(sync=True)

    def __init__(self, **traits: Any) -> None:
        super().__init__(**traits)
        self._on_clear: list[Callable[[], None]] = []
        self.on_msg(self._on_message)

    def on_clear(self, callback: Callable[[], None]) -> None:
        self._on_clear.append(callback)

    def clear(self) -> None:
        """What "Yes, clear my answers" does."""
        for callback in self._on_clear:
            try:
                callback()
            except Exception:
                log.exception("could not clear the stored progress")

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "clear":
            self.clear()
