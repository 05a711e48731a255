"""The quiz: its title, then its questions one at a time with the score beside each."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import ipywidgets as widgets

from ..content import Content, models
from ..content.markdown import to_inline_html
from ..content.templates import fill
from ..ui.blocks import StaticHTML, prose, static
from ..ui.feedback import QuizWords
from ..ui.feedback_html import summary_html
from ..ui.progress_format import question_key
from ..ui.question import QuestionWidget
from ..ui.safe_build import guarded
from ..ui.scored import ScoredQuestions
from ..ui.shared_html import draft_html, heading_html
from .model import QuizState

# `revisit` ids -> (link text, address, new-tab note); the page knows where things are.
RevisitLinks = Callable[[list[str]], list[tuple[str, str, str]]]


class QuizView(ScoredQuestions):
    """One quiz. Its children are private; ``value`` reports progress as plain data.

    ``title_apart``: the title is not among its children but in ``before``, as the page's own
    HTML (``ui.blocks``, ``Parts.around``). Once every question is answered, each question shows
    the quiz's summary (the score, then links to what to revisit for the answers that were not
    the best), from ``revisit``.
    """

    def __init__(self, content: Content, quiz: models.Quiz, heading_level: int = 2,
                 revisit: RevisitLinks | None = None, title_apart: bool = False) -> None:
        words = QuizWords.from_content(content)
        self._words = words
        self._revisit = revisit
        self._state = QuizState(quiz, words)
        self._questions = [
            QuestionWidget(
                check=partial(self._state.check, q.id),
                reset=partial(self._state.reset, q.id),
                words=words,
                progress_key=question_key(q),
                name=fill(words.question_name, title=quiz.title, number=number),
                heading_level=heading_level + 1,
                prompt_html=to_inline_html(q.prompt),
                kind=q.kind,
                order_id=q.id,
                options=[{"text": o.text} for o in q.options],
            )
            for number, q in enumerate(quiz.questions, start=1)
        ]
        self._paged(self._state, self._questions, words, words.question_position)
        for question in self._questions:
            question.observe(self._update_summary, names="checks")
        title = (static if title_apart else prose)(
            heading_html(heading_level, quiz.title, "is-quiz-title") + draft_html(content, quiz),
            "is-quiz-heading")
        super().__init__(children=self._questions if title_apart else [title, *self._questions])
        self.before: list[StaticHTML] = [title] if title_apart else []
        self.add_class("is-quiz")

    def _update_summary(self, _change: Any = None) -> None:
        state = self._state
        html = ""
        if state.complete():
            ids = state.revisit()
            links = self._revisit(ids) if self._revisit and ids else []
            html = summary_html(state.score_text(), links, self._words,
                                all_best=not state.not_best())
        for question in self._questions:
            question.summary_html = html


def quiz_widget(content: Content, quiz: models.Quiz, *, heading_level: int = 2,
                group: bool = False, revisit: RevisitLinks | None = None,
                room_id: Callable[[str], str] | None = None,
                title_apart: bool = False) -> widgets.Widget:
    """The quiz, or an error card if it cannot be built (never raises into the notebook).

    ``group``: the quiz as questions for a room (facilitator mode), with the quiz's notes, a
    "Reveal answer" per question and no score (``quiz.group``). ``revisit``: the summary's
    links for `revisit` ids (the page gives them). ``room_id``: a group question's id in a live
    room, when the quiz is not a content quiz (the golden rules' check). ``title_apart``: the
    title (and a group quiz's notes) in the view's ``before``, as the page's own HTML.
    """
    if group:
        from .group import GroupQuizView

        return guarded(content, f"quiz {getattr(quiz, 'id', '?')}",
                       lambda: GroupQuizView(content, quiz, heading_level, room_id,
                                             title_apart),
                       item=quiz)
    return guarded(content, f"quiz {getattr(quiz, 'id', '?')}",
                   lambda: QuizView(content, quiz, heading_level, revisit, title_apart),
                   item=quiz)
