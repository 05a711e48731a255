"""The accessible question component (anywidget): one question as a real radio or checkbox group.

Why not ipywidgets' RadioButtons: its options have no group name, miss the 24px target size and
overflow when long, and nothing is announced (docs/architecture.md, "Why our own widgets").
``question.js`` draws a ``<fieldset>`` whose ``<legend>`` is the prompt, real
``<input type=radio|checkbox>`` each with a ``<label>``, real buttons, and a ``role="status"``
live region that stays in the page.

Python does the checking: the page sends ``{"event": "check", "chosen": [...]}`` or
``{"event": "try_again"}`` (and ``"next"`` / ``"previous"`` when paged, ``ui.pager``); this
class asks its ``check`` callable for a :class:`Feedback` and sets ``feedback_html`` and
``status``. The traits and messages are listed in docs/architecture.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

import traitlets

from .feedback import Feedback, QuizWords
from .feedback_html import feedback_html
from .styles import ModuleWidget, front_end

log = logging.getLogger(__name__)

CheckFn = Callable[[frozenset[int]], Feedback]


class QuestionWidget(ModuleWidget):
    """One question: prompt, options, "Check answer", "Try again" and live feedback."""

    _esm = front_end(__file__, "question.js", "question.css")

    # Plain text, shown as a heading above the question when set.
    heading = traitlets.Unicode("").tag(sync=True)
    heading_level = traitlets.Int(3).tag(sync=True)
    # Sanitised HTML (to_html) shown before the question, e.g. a scenario's situation.
    intro_html = traitlets.Unicode("").tag(sync=True)
    # Sanitised HTML (to_html / to_inline_html): the legend, which names the group.
    prompt_html = traitlets.Unicode("").tag(sync=True)
    # Plain text under the legend ("Choose one answer."), linked by aria-describedby.
    hint = traitlets.Unicode("").tag(sync=True)
    kind = traitlets.Enum(["single", "multiple"], default_value="single").tag(sync=True)
    # [{"text": plain text}] in order; the page sets each label's textContent.
    options = traitlets.List(traitlets.Dict()).tag(sync=True)
    # The question's own id (content, never the learner's): the page shows the options in an
    # order from it and a seed kept in the browser (ui/order.js); "" = the content's order.
    order_id = traitlets.Unicode("").tag(sync=True)
    # A facilitator's page: the order follows the live room open in this browser (its code).
    order_room = traitlets.Bool(False).tag(sync=True)
    # Content indices of the options ticked now (whatever their shown order); kept in step.
    chosen = traitlets.List(traitlets.Int()).tag(sync=True)
    check_label = traitlets.Unicode("").tag(sync=True)
    try_again_label = traitlets.Unicode("").tag(sync=True)
    # Sanitised HTML (render.feedback_html) for the live region; "" when there is none.
    feedback_html = traitlets.Unicode("").tag(sync=True)
    # "" before a check, then "correct", "incorrect" or "empty" (checked with nothing chosen).
    status = traitlets.Unicode("").tag(sync=True)
    # For a question graded like practice: "best", "acceptable" or "unsafe" after a check, else "".
    grade = traitlets.Unicode("").tag(sync=True)
    # Sanitised HTML (feedback_html.summary_html): the quiz's summary once every question is
    # answered, in its own live region under the feedback; "" until then.
    summary_html = traitlets.Unicode("").tag(sync=True)
    # Counts checks, so the page re-announces feedback that did not change.
    checks = traitlets.Int(0).tag(sync=True)
    # True while the feedback on show was put back from stored progress: shown, not announced.
    restored = traitlets.Bool(False).tag(sync=True)
    # Plain text naming the question (a scenario's title, "<quiz>, question 2"): added,
    # visually hidden, to every button's name, so "Check answer" is unique across a page.
    name = traitlets.Unicode("").tag(sync=True)
    # Where it is and how it goes ("Scenario 3 of 10", "2 correct"): plain text, not announced.
    position = traitlets.Unicode("").tag(sync=True)
    score = traitlets.Unicode("").tag(sync=True)
    # One question at a time (ui.pager): shown or not, the buttons' labels ("" = no button), and
    # a counter the pager moves when it shows this question, so the page focuses it.
    active = traitlets.Bool(True).tag(sync=True)
    previous_label = traitlets.Unicode("").tag(sync=True)
    next_label = traitlets.Unicode("").tag(sync=True)
    # The name of the question each button shows (plain text, "" = none): "Next question: A
    # mother says no" names where the button goes, not the question it sits under.
    previous_to = traitlets.Unicode("").tag(sync=True)
    next_to = traitlets.Unicode("").tag(sync=True)
    focus_request = traitlets.Int(0).tag(sync=True)
    # The inline error of an empty check (plain text, "" when none) and its "Error:" prefix.
    error = traitlets.Unicode("").tag(sync=True)
    error_prefix = traitlets.Unicode("").tag(sync=True)

    def __init__(
        self,
        *,
        check: CheckFn,
        words: QuizWords,
        reset: Callable[[], None] | None = None,
        progress_key: str = "",
        **traits: Any,
    ) -> None:
        traits.setdefault("check_label", words.check)
        traits.setdefault("try_again_label", words.try_again)
        traits.setdefault("error_prefix", words.error_prefix)
        if "hint" not in traits:
            traits["hint"] = words.choose_all if traits.get("kind") == "multiple" \
                else words.choose_one
        super().__init__(**traits)
        self._check = check
        self._reset = reset
        self._words = words
        self._feedback: Feedback | None = None
        self._navigate: Callable[[int], None] | None = None
        # The item's id and a hash of its wording (ui.progress_format.item_key); "" = not kept.
        self.progress_key = progress_key
        self.on_msg(self._on_message)

    @property
    def feedback(self) -> Feedback | None:
        """The feedback on show, as data (None before a check and after "Try again")."""
        return self._feedback

    @property
    def result(self) -> str:
        """What progress stores for the answer on show (``Feedback.result``); "" when none."""
        if self.status in ("", "empty"):
            return ""
        return self.grade if self.grade in ("acceptable", "unsafe") else self.status

    def check(self, chosen: Iterable[int] | None = None, *, quiet: bool = False) -> Feedback:
        """What "Check answer" does: judge ``chosen`` (or the current choice) and show why.

        ``quiet``: the answer is put back from stored progress, so the page shows the feedback
        without announcing it again.
        """
        picked = self._valid(self.chosen if chosen is None else chosen)
        feedback = self._check(frozenset(picked))
        self._feedback = feedback
        # The verdict's heading sits under the question's own heading, or at its level.
        level = self.heading_level + 1 if self.heading else self.heading_level
        # One message: the page sees `chosen` together with `restored` (it sets its radios from
        # the model only for progress put back, never for the learner's own check).
        with self.hold_sync():
            self.restored = quiet
            self.chosen = picked
            self.feedback_html = feedback_html(feedback, self._words, level)
            self.error = feedback.heading if feedback.status == "empty" else ""
            self.grade = feedback.grade  # before the status, which progress observes
            self.status = feedback.status
            self.checks += 1
        return feedback

    def try_again(self, *, quiet: bool = False) -> None:
        """What "Try again" does: clear the choice and the feedback."""
        if self._reset is not None:
            self._reset()
        self._feedback = None
        with self.hold_sync():
            self.restored = quiet
            self.chosen = []
            self.feedback_html = ""
            self.error = ""
            self.grade = ""
            self.status = ""

    def on_navigate(self, callback: Callable[[int], None]) -> None:
        """Call ``callback(step)`` for "Next question" (+1) and "Previous question" (-1)."""
        self._navigate = callback

    def _valid(self, chosen: Iterable[Any]) -> list[int]:
        """Indices that name an option, in order; anything else from the page is dropped."""
        count = len(self.options)
        picked = sorted({i for i in chosen if isinstance(i, int) and not isinstance(i, bool)
                         and 0 <= i < count})
        return picked[:1] if self.kind == "single" else picked

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        event = content.get("event")
        try:
            if event == "check":
                chosen = content.get("chosen")
                self.check(chosen if isinstance(chosen, list) else None)
            elif event == "try_again":
                self.try_again()
            elif event in ("next", "previous") and self._navigate is not None:
                self._navigate(1 if event == "next" else -1)
        except Exception:
            # Log the traceback (ids only; never anything a learner typed) and keep going.
            log.exception("question %r: could not handle %r", self.heading or self.model_id, event)

