"""Questions shown one at a time with the score beside each: the quiz and the scenario exercise.

The score is not a live line under the questions (it would compete with the verdict):
``ui.pager.QuestionPager`` shows it beside each question, as plain text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ipywidgets as widgets

from .feedback import QuizWords, Scored
from .pager import QuestionPager
from .question import QuestionWidget


class ScoredQuestions(widgets.VBox):
    """A box of questions shown one at a time. ``value`` is progress as data."""

    def _paged(self, scorer: Scored, questions: Iterable[QuestionWidget], words: QuizWords,
               position: str, scored: bool = True) -> QuestionPager:
        """Page the questions; ``scored=False`` shows no score (a facilitator's view)."""
        self._scorer = scorer
        self.pager = QuestionPager(list(questions), words, position,
                                   scorer if scored else None)
        return self.pager

    @property
    def value(self) -> dict[str, Any]:
        """``{..., "questions": {id: {"result", "attempts"}}, "correct", "total"}``."""
        return self._scorer.state()

    @property
    def score_text(self) -> str:
        """The whole score in words ("2 of 10 correct")."""
        return self._scorer.score_text()
