"""A quiz as questions for a room (facilitator mode): options shown, "Reveal answer", no score.

The room talks before the answer appears: the page gets each question's options, and only when
the facilitator presses "Reveal answer" does Python send which options are right and every
option's feedback. Nothing is scored or kept.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
import traitlets

from ..content import Content, models
from ..content.markdown import to_html, to_inline_html
from ..content.question_ids import quiz_question_id
from ..ui.blocks import StaticHTML, prose, static
from ..ui.notes import notes_html
from ..ui.shared_html import draft_html, heading_html
from ..ui.styles import ModuleWidget, front_end
from ..ui.word_groups import GroupWords


@dataclass(frozen=True)
class GroupQuestionWords(GroupWords):
    """The wording of a group question (ui.yaml ``facilitator``)."""

    GROUP = "facilitator"
    reveal_answer: str
    hide_answer: str
    right_answer: str
    wrong_answer: str
    answer_shown: str
    room_ask: str
    room_asked: str
    room_not_open: str


def answer_of(question: models.Question) -> list[dict[str, Any]]:
    """Each option's mark and feedback (sanitised), in the question's order."""
    return [{"correct": o.correct, "feedback_html": to_html(o.feedback)}
            for o in question.options]


class GroupQuestion(ModuleWidget):
    """One question shown to a room; the answer reaches the page only when revealed."""

    _esm = front_end(__file__, "group.js", "group.css")

    prompt_html = traitlets.Unicode("").tag(sync=True)  # sanitised (to_inline_html)
    heading_level = traitlets.Int(3).tag(sync=True)
    options = traitlets.List(traitlets.Unicode()).tag(sync=True)  # plain text
    # The question's own id: the options are shown in the order of the room open in this
    # browser, as its phones show them (ui/order.js); "" = the content's order.
    order_id = traitlets.Unicode("").tag(sync=True)
    # [] until revealed; then [{correct, feedback_html}] per option (feedback sanitised).
    answer = traitlets.List(traitlets.Dict()).tag(sync=True)
    explanation_html = traitlets.Unicode("").tag(sync=True)
    button_label = traitlets.Unicode("").tag(sync=True)
    right_label = traitlets.Unicode("").tag(sync=True)
    wrong_label = traitlets.Unicode("").tag(sync=True)
    status = traitlets.Unicode("").tag(sync=True)
    # The question's id in a live room: "Ask the room" sends it to the room page open
    # in this browser (a BroadcastChannel, nothing through the kernel); "" shows no button.
    room_question = traitlets.Unicode("").tag(sync=True)
    room_words = traitlets.Dict().tag(sync=True)  # ask, asked, not_open: plain text

    def __init__(self, question: models.Question, words: GroupQuestionWords,
                 heading_level: int = 3, room_question: str = "") -> None:
        super().__init__(prompt_html=to_inline_html(question.prompt), heading_level=heading_level,
                         options=[o.text for o in question.options], order_id=question.id,
                         right_label=words.right_answer, wrong_label=words.wrong_answer,
                         room_question=room_question,
                         room_words={"ask": words.room_ask, "asked": words.room_asked,
                                     "not_open": words.room_not_open})
        self._question = question
        self._words = words
        self.on_msg(self._on_message)
        self._render(False)

    @property
    def revealed(self) -> bool:
        return bool(self.answer)

    def toggle(self) -> None:
        """What the button does: reveal the answer, or hide it to ask again."""
        self._render(not self.revealed)

    def _on_message(self, _widget: Any, content: Any, _buffers: Any) -> None:
        if isinstance(content, dict) and content.get("event") == "reveal":
            self.toggle()

    def _render(self, revealed: bool) -> None:
        with self.hold_sync():
            self.answer = answer_of(self._question) if revealed else []
            self.explanation_html = to_html(self._question.explanation) if revealed else ""
            # A disclosure's label is fixed (GOV.UK): the state is aria-expanded.
            self.button_label = self._words.reveal_answer
            self.status = self._words.answer_shown if revealed else ""


class GroupQuizView(widgets.VBox):
    """A quiz for a room: its title, the facilitator's notes, then each question. No score."""

    def __init__(self, content: Content, quiz: models.Quiz, heading_level: int = 2,
                 room_id: Callable[[str], str] | None = None, title_apart: bool = False) -> None:
        """``title_apart``: the title and notes in ``before``, as the page's own HTML."""
        words = GroupQuestionWords.from_content(content)
        notes = notes_html(content.text("facilitator", "notes_label"), quiz.facilitator_notes)
        title = (static if title_apart else prose)(
            heading_html(heading_level, quiz.title, "is-quiz-title") + draft_html(content, quiz)
            + notes, "is-quiz-heading")
        # `room_id`: a question's id in a live room, when the quiz is not a content quiz (the
        # golden rules' check passes ``rules_check_id``); else ``quiz.<quiz>.<question>``.
        room_id = room_id or functools.partial(quiz_question_id, quiz.id)
        self._questions = [GroupQuestion(q, words, heading_level + 1, room_id(q.id))
                           for q in quiz.questions]
        super().__init__(children=self._questions if title_apart else [title, *self._questions])
        self.before: list[StaticHTML] = [title] if title_apart else []
        self.add_class("is-quiz")
        self.add_class("is-group-quiz")
