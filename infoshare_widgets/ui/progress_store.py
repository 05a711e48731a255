"""The progress store (anywidget): the learner's progress in their own browser, never the server.

``progress.js`` reads this site's entry from ``localStorage`` when the page loads and sends it
here (``{"event": "load", "available", "data"}``); this class checks it (``progress_format``) and
tells its listeners, which put answers back. Each change is sent back to be written
(``{"op": "answer" | "reveal" | "visit" | "clear"}``). No trait is set by the browser.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import traitlets

from .progress_format import Answer, Progress
from .styles import ModuleWidget, front_end

log = logging.getLogger(__name__)


class ProgressStore(ModuleWidget):
    """This site's progress in this browser; ``progress`` is what it holds now."""

    _esm = front_end(__file__, "progress.js", "progress.css")

    # The content's identity: part of the storage key, with the site's base URL.
    content_id = traitlets.Unicode("").tag(sync=True)
    # The one polite line shown when this browser cannot keep progress.
    off_text = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **traits: Any) -> None:
        super().__init__(**traits)
        self.progress = Progress()
        self.loaded = False
        self.progress_seen = False
        self.available: bool | None = None  # None until the browser has said
        self._listeners: list[Callable[[ProgressStore], None]] = []
        self._pending: list[dict[str, Any]] = []
        self.on_msg(self._on_message)

    def on_load(self, listener: Callable[[ProgressStore], None]) -> None:
        """Call ``listener(store)`` each time the browser sends the stored progress."""
        self._listeners.append(listener)
        if self.loaded:
            self._call(listener)

    def save_answer(self, key: str, answer: Answer | None) -> None:
        if answer is None:
            self.progress.answers.pop(key, None)
        else:
            self.progress.answers[key] = answer
        self._post({"op": "answer", "key": key, "value": answer.as_json() if answer else None})

    def save_reveal(self, key: str) -> None:
        self.progress.revealed.add(key)
        self._post({"op": "reveal", "key": key})

    def visit(self, section_id: str) -> None:
        self._post({"op": "visit", "section": section_id})

    def clear(self) -> None:
        """Wipe this site's progress in this browser; the browser then sends the empty entry."""
        self.progress = Progress()
        self._post({"op": "clear"})

    def _post(self, message: dict[str, Any]) -> None:
        # Before the page has loaded the store, its view cannot receive: keep the change.
        if self.loaded:
            self.send(message)
        else:
            self._pending.append(message)

    def _call(self, listener: Callable[[ProgressStore], None]) -> None:
        try:
            listener(self)
        except Exception:
            log.exception("a progress listener failed")

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict) or content.get("event") != "load":
            return
        # True from the second load on: the browser's entry changed (another tab, or a clear).
        self.progress_seen = self.loaded
        self.available = bool(content.get("available"))
        try:
            self.progress = Progress.read(content.get("data"))
        except Exception:  # e.g. NaN for a time: ignore the entry, never break the page
            log.warning("stored progress could not be read: ignored", exc_info=True)
            self.progress = Progress()
        self.loaded = True
        for listener in list(self._listeners):
            self._call(listener)
        pending, self._pending = self._pending, []
        for message in pending:
            self.send(message)
