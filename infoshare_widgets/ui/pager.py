"""One question at a time: a long exercise shows a single question, its position and
the learner's score beside it, with "Previous question" and "Next question", each named by the
question it goes to ("Next question: A mother says no").

Every question stays built (and tracked by the progress store, so stored answers come back to the
hidden ones too); the pager only says which one is shown (``QuestionWidget.active``), what each
one's position and buttons say, and asks the page to focus the one it shows
(``focus_request``). The score is plain text beside each question, not a live region: after a
check the verdict is the one thing announced.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from ..content.templates import fill
from .feedback import QuizWords, Scored
from .question import QuestionWidget


class QuestionPager:
    """Shows one of ``questions`` at a time; ``scorer`` (None: no score, a facilitator's view)."""

    def __init__(self, questions: Sequence[QuestionWidget], words: QuizWords, position: str,
                 scorer: Scored | None = None) -> None:
        self.questions = list(questions)
        self.current = 0
        self._words = words
        self._scorer = scorer
        total = len(self.questions)
        for i, question in enumerate(self.questions):
            with question.hold_sync():
                question.position = fill(position, number=i + 1, total=total)
                question.previous_label = words.previous_question if i > 0 else ""
                question.next_label = words.next_question if i + 1 < total else ""
                # Each button is named by the question it shows ("Next question: <its name>").
                question.previous_to = self.questions[i - 1].name if i > 0 else ""
                question.next_to = self.questions[i + 1].name if i + 1 < total else ""
                question.active = i == 0
            question.on_navigate(partial(self._move, i))
            if scorer is not None:
                question.observe(self._update_score, names="checks")
        self._update_score()

    def go(self, index: int) -> None:
        """Show question ``index`` (kept within the exercise) and ask the page to focus it."""
        index = min(max(index, 0), len(self.questions) - 1)
        if not self.questions or index == self.current:
            return
        hidden = self.questions[self.current]
        hidden.active = False
        shown = self.questions[index]
        with shown.hold_sync():
            shown.active = True
            shown.focus_request += 1
        self.current = index

    def _move(self, origin: int, step: int) -> None:
        # From the question whose button was pressed: a second press on a question already
        # hidden moves nothing further than the learner asked.
        if origin == self.current:
            self.go(origin + step)

    def _update_score(self, _change: Any = None) -> None:
        text = ""
        if self._scorer is not None and self._scorer.graded:
            text = self._scorer.score_text()  # "2 of 5 best answers, 1 unsafe choice"
        elif self._scorer is not None:
            correct, _total = self._scorer.score()
            text = fill(self._words.score_beside, correct=correct)
        for question in self.questions:
            question.score = text
