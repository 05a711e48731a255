"""The builder's form (anywidget): labelled fields, each field's problem beside it, open a file.

The browser sends what the trainer typed as custom messages (``{"event": "edit", "values":
{...}}``, ``{"event": "open", "name": ..., "text": ...}``); it sets no trait. Python answers by
setting ``errors`` (problems by field), ``status`` and, when a file is opened, ``values``.
Typed text stays in this kernel's memory: it is never written or logged (only the kind of an
error is logged, never the text).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import traitlets

from ..content import Content
from ..content.size_limits import MAX_FILE_BYTES, MAX_TEXT_CHARS
from ..ui.styles import ModuleWidget, front_end

log = logging.getLogger(__name__)
OPEN_FILE_BYTES = 192 * 1024  # the largest file the builder opens (a shipped case is ~3 KB)

LABEL_KEYS = ("open", "open_hint", "id", "id_hint", "name", "about", "audience", "story",
              "story_hint", "prompt", "prompt_text", "points", "points_hint", "notes", "source",
              "draft", "draft_hint", "children", "adults", "field_problem")


def builder_labels(content: Content) -> dict[str, str]:
    """The form's wording, from ui.yaml (`case_study.builder_*`)."""
    return {key: content.text("case_study", f"builder_{key}") for key in LABEL_KEYS}


class CaseBuilderForm(ModuleWidget):
    """The case-study form. ``on_edit(values)`` and ``on_open(name, text)`` (text None: too
    large) are called from the page's messages; a failing callback is logged by its kind only."""

    _esm = front_end(__file__, "form.js", "form.css")

    labels = traitlets.Dict().tag(sync=True)
    values = traitlets.Dict().tag(sync=True)  # set by Python (start, opened file): fills the form
    values_version = traitlets.Int(0).tag(sync=True)
    errors = traitlets.Dict().tag(sync=True)  # form field -> the validator's message
    status = traitlets.Unicode("").tag(sync=True)  # one line for the live region
    max_chars = traitlets.Int(MAX_TEXT_CHARS).tag(sync=True)
    # An opened file travels to the kernel in one websocket message, and the server closes a socket
    # whose message is over 256 KB (app/serve.py max_message_kb): stay well below it.
    max_file_bytes = traitlets.Int(min(MAX_FILE_BYTES, OPEN_FILE_BYTES)).tag(sync=True)

    def __init__(self, *, on_edit: Callable[[dict[str, Any]], None],
                 on_open: Callable[[str, str | None], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._on_edit, self._on_open = on_edit, on_open
        self.on_msg(self._handle_custom_msg)

    def load(self, values: dict[str, Any]) -> None:
        """Fill the form in the browser with ``values`` (a file opened, or the start)."""
        self.values = values
        self.values_version += 1

    def _handle_custom_msg(self, msg: Any, buffers: list[Any]) -> None:
        if not isinstance(msg, dict):
            return
        try:
            if msg.get("event") == "edit" and isinstance(msg.get("values"), dict):
                self._on_edit(msg["values"])
            elif msg.get("event") == "open":
                text = msg.get("text") if isinstance(msg.get("text"), str) else None
                self._on_open(str(msg.get("name") or "")[:200], text)
        except Exception as err:  # the text typed is not logged: only what kind of error
            log.error("the case-study builder could not handle an %r message (%s)",
                      msg.get("event"), type(err).__name__)
