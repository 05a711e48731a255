"""The guided lawful-basis helper as one accessible form (anywidget).

``helper.js`` draws each question as a ``<fieldset>`` named by its ``<legend>`` with real radio
buttons, a "Show what fits" button, a ``role="status"`` line that announces the result once, and
the result itself (sanitised HTML) under a heading that takes focus. The question component
(``ui.question``) checks one question at a time against a right answer; the helper has no right
answer and gives one result for four answers, hence its own small widget.

Python owns the logic (``model.HelperState``): the page sends ``{"event": "show"}``,
``{"event": "clear"}`` or ``{"event": "use"}``, and the ``answers`` it keeps in step.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import traitlets

from ..content import Content
from ..content.helper_models import LawfulBasisHelperFile
from ..content.markdown import to_html
from ..ui.error_card import file_cards, one_widget
from ..ui.safe_build import guarded
from ..ui.styles import ModuleWidget, front_end
from .model import HelperOutcome, HelperState
from .render import HelperWords, missing_text, result_html, shown_text

log = logging.getLogger(__name__)

UseFn = Callable[[HelperOutcome], str]


class BasisHelperWidget(ModuleWidget):
    """Questions, "Show what fits", a status line, the result and an optional carry button."""

    _esm = front_end(__file__, "helper.js", "helper.css")

    heading = traitlets.Unicode("").tag(sync=True)
    heading_level = traitlets.Int(2).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)            # plain text: "Not from the pack ..."
    intro_html = traitlets.Unicode("").tag(sync=True)       # sanitised
    # [{id, prompt, hint, options: [{id, text}]}]: plain text, set as textContent.
    questions = traitlets.List(traitlets.Dict()).tag(sync=True)
    answers = traitlets.Dict().tag(sync=True)               # question id -> option id
    show_label = traitlets.Unicode("").tag(sync=True)
    clear_label = traitlets.Unicode("").tag(sync=True)
    use_label = traitlets.Unicode("").tag(sync=True)        # "" hides the carry button
    status = traitlets.Unicode("").tag(sync=True)           # plain text for the live line
    announcements = traitlets.Int(0).tag(sync=True)         # re-announce the same words
    result_html = traitlets.Unicode("").tag(sync=True)      # sanitised; "" when none
    results = traitlets.Int(0).tag(sync=True)               # the page focuses each new result

    def __init__(self, content: Content, helper: LawfulBasisHelperFile, *,
                 on_use: UseFn | None = None, heading_level: int = 2) -> None:
        self._content = content
        self._helper = helper
        self._state = HelperState(helper)
        self._words = HelperWords.from_content(content)
        self._on_use = on_use
        self._outcome: HelperOutcome | None = None
        super().__init__(
            heading=helper.title, heading_level=heading_level, label=helper.label,
            intro_html=to_html(helper.intro),
            questions=[{"id": q.id, "prompt": q.prompt, "hint": q.hint or "",
                        "options": [{"id": o.id, "text": o.text} for o in q.options]}
                       for q in helper.questions],
            show_label=self._words.helper_show, clear_label=self._words.helper_clear,
            use_label=self._words.helper_use if on_use is not None else "",
        )
        self.observe(self._on_answers, names="answers")
        self.on_msg(self._on_message)

    @property
    def outcome(self) -> HelperOutcome | None:
        """The result on show, as data (None before "Show what fits" and after a change)."""
        return self._outcome

    def show(self) -> HelperOutcome | None:
        """What "Show what fits" does: the result, or a line saying what is still unanswered."""
        outcome = self._state.outcome()
        self._outcome = outcome
        with self.hold_sync():
            if outcome is None:
                self.result_html = ""
                self._say(missing_text(len(self._state.missing()), self._words))
            else:
                self.result_html = result_html(self._content, self._helper, outcome,
                                               self._words, self.heading_level + 1)
                self.results += 1
                self._say(shown_text(outcome, self._words))
        return outcome

    def clear(self) -> None:
        """What "Start again" does: no answers, no result, nothing announced."""
        self._state.clear()
        self._outcome = None
        with self.hold_sync():
            self.answers = {}
            self.result_html = ""
            self.status = ""

    def use(self) -> None:
        """What "Use this in my decision record" does: hand the result to the page's callback,
        which fills in the record and says what it did."""
        if self._on_use is None or self._outcome is None:
            return
        self._say(self._on_use(self._outcome))

    def _say(self, text: str) -> None:
        self.status = text
        self.announcements += 1

    def _on_answers(self, change: dict[str, Any]) -> None:
        new = change["new"] if isinstance(change["new"], dict) else {}
        self._state.clear()
        for question, option in new.items():
            if isinstance(question, str) and isinstance(option, str):
                self._state.choose(question, option)
        if self._outcome is not None and self._state.outcome() != self._outcome:
            # The result on show no longer fits the answers: take it away, quietly.
            self._outcome = None
            self.result_html = ""
            self.status = ""

    def _take_answers(self, answers: Any) -> None:
        """The answers sent with "Show what fits": the page's radios as they were when pressed."""
        if isinstance(answers, dict) and len(answers) <= len(self._helper.questions):
            self.answers = {q: o for q, o in answers.items()
                            if isinstance(q, str) and isinstance(o, str)}

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        event = content.get("event")
        try:
            if event == "show":
                self._take_answers(content.get("answers"))
                self.show()
            elif event == "clear":
                self.clear()
            elif event == "use":
                self.use()
        except Exception:
            log.exception("lawful-basis helper: could not handle %r", event)


def basis_helper_widget(content: Content, *, on_use: UseFn | None = None,
                        heading_level: int = 2) -> Any:
    """The helper; an error card if its file is broken; an empty box if the folder has none."""

    def build() -> Any:
        helper = content.basis_helper
        if helper is None and content.broken_files.get("basis_helper"):
            return one_widget(file_cards(content, "basis_helper", "lawful_basis_helper.yaml"))
        if helper is None:  # the file is optional: a folder without it has no helper
            return widgets.VBox()
        return BasisHelperWidget(content, helper, on_use=on_use, heading_level=heading_level)

    return guarded(content, "the lawful-basis helper", build, item=content.basis_helper)


__all__ = ["BasisHelperWidget", "basis_helper_widget"]
