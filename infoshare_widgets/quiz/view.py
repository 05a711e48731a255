"""The quiz: its title, one question component per question, and the score line."""

from __future__ import annotations

from functools import partial
from typing import Any

import ipywidgets as widgets

from ..case_study.blocks import prose
from ..content import Content, models
from ..content.markdown import escape, to_inline_html
from ..error_card import guarded
from .model import QuizState, QuizWords
from .question import LiveText, QuestionWidget


def title_html(title: str, level: int) -> str:
    """A heading of plain text (escaped), at a level between 2 and 6."""
    level = min(max(int(level), 2), 6)
    return f'<h{level} class="is-quiz-title">{escape(title)}</h{level}>'


class QuizView(widgets.VBox):
    """One quiz. Its children are private; ``value`` reports progress as plain data."""

    def __init__(self, content: Content, quiz: models.Quiz, heading_level: int = 2) -> None:
        words = QuizWords.from_content(content)
        self._state = QuizState(quiz, words)
        self._questions = [
            QuestionWidget(
                check=partial(self._state.check, q.id),
                reset=partial(self._state.reset, q.id),
                words=words,
                prompt_html=to_inline_html(q.prompt),
                kind=q.kind,
                options=[{"text": o.text} for o in q.options],
            )
            for q in quiz.questions
        ]
        self._score = LiveText(text=self._state.score_text())
        for question in self._questions:
            question.observe(self._update_score, names="checks")
        title = prose(title_html(quiz.title, heading_level), "is-quiz-heading")
        super().__init__(children=[title, *self._questions, self._score])
        self.add_class("is-quiz")

    @property
    def value(self) -> dict[str, Any]:
        """``{"quiz", "questions": {id: {"result", "attempts"}}, "correct", "total"}``."""
        return self._state.state()

    @property
    def score_text(self) -> str:
        """The score line as the learner reads it."""
        return self._score.text

    def _update_score(self, _change: Any = None) -> None:
        self._score.text = self._state.score_text()


def quiz_widget(content: Content, quiz: models.Quiz, *, heading_level: int = 2) -> widgets.Widget:
    """The quiz, or an error card if it cannot be built (never raises into the notebook)."""
    what = f"quiz {getattr(quiz, 'id', '?')}"
    return guarded(content, quiz, what, lambda: QuizView(content, quiz, heading_level))
