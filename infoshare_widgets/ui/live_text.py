"""A line of plain text in a persistent live region (anywidget): the score line under questions.

ipywidgets' HTML widget replaces its whole content, live region included, which is not reliably
announced; ``live_text.js`` keeps one ``role="status"`` element and changes only its text.
"""

from __future__ import annotations

from pathlib import Path

import anywidget
import traitlets

from .styles import esm, stylesheet


class LiveText(anywidget.AnyWidget):
    """A line of plain text in a persistent live region (the score line)."""

    _esm = esm(Path(__file__).with_name("live_text.js"))
    _css = stylesheet(Path(__file__).with_name("live_text.css"))

    text = traitlets.Unicode("").tag(sync=True)
    # True when the text was put back from stored progress: shown, not announced (issue 11).
    quiet = traitlets.Bool(False).tag(sync=True)
