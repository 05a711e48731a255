"""Questions with one live score line under them: the quiz and the scenario exercise."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ipywidgets as widgets

from .feedback import Scored
from .live_text import LiveText
from .question import QuestionWidget


class ScoredQuestions(widgets.VBox):
    """A box of questions whose score line follows every check. ``value`` is progress as data."""

    def _score_line(self, scorer: Scored, questions: Iterable[QuestionWidget]) -> LiveText:
        """Watch each question's checks; returns the score line to place under them."""
        self._scorer = scorer
        self._score = LiveText(text=scorer.score_text())
        for question in questions:
            question.observe(self._update_score, names="checks")
        return self._score

    @property
    def value(self) -> dict[str, Any]:
        """``{..., "questions": {id: {"result", "attempts"}}, "correct", "total"}``."""
        return self._scorer.state()

    @property
    def score_text(self) -> str:
        """The score line as the learner reads it."""
        return self._score.text

    def _update_score(self, change: Any = None) -> None:
        owner = change.get("owner") if isinstance(change, dict) else None
        with self._score.hold_sync():
            # A question put back from stored progress moves the score quietly (issue 11).
            self._score.quiet = bool(getattr(owner, "restored", False))
            self._score.text = self._scorer.score_text()
