"""The quiz without widgets: checking an answer against a quiz file and keeping the score.

The feedback and the scoreboard are the UI kit's (``ui.feedback``), shared with the lawful-basis
scenarios and the golden-rules check. No ipywidgets here.

Scoring counts the latest *check* of each question: "Try again" clears the choice and the feedback
on the page but not the result. A check with nothing chosen is not an answer and changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..content import models
from ..ui.feedback import Feedback, Part, QuizWords, Scoreboard, Scored, Status, check_range

__all__ = ["QuizState"]


class QuizState(Scored):
    """One quiz: check each question's answer, remember the latest result, keep the score."""

    def __init__(self, quiz: models.Quiz, words: QuizWords) -> None:
        self.quiz = quiz
        self.words = words
        self._questions = {q.id: q for q in quiz.questions}
        graded = any(o.grade for q in quiz.questions for o in q.options)
        self._board = Scoreboard(self._questions, words, graded=graded)

    def question(self, question_id: str) -> models.Question:
        self._board.require(question_id)
        return self._questions[question_id]

    def check(self, question_id: str, chosen: Iterable[int]) -> Feedback:
        """Judge the chosen options (indices into the question's options) and say why."""
        q = self.question(question_id)
        picked = check_range(chosen, len(q.options))
        if not picked:
            return self._nothing_chosen(question_id, q.kind)
        right = frozenset(i for i, o in enumerate(q.options) if o.correct)
        status: Status = "correct" if picked == right else "incorrect"
        parts = tuple(Part(q.options[i].text, q.options[i].correct, q.options[i].feedback)
                      for i in sorted(picked))
        missed = tuple(Part(q.options[i].text, True, q.options[i].feedback)
                       for i in sorted(right - picked))
        grade = q.options[min(picked)].grade if q.kind == "single" else None
        if grade:  # judged like practice: the verdict is the grade, in words
            heading = {"best": self.words.best, "acceptable": self.words.acceptable,
                       "unsafe": self.words.unsafe}[grade]
            missed_label = self.words.missed_best
        else:
            heading = self.words.correct if status == "correct" else self.words.not_quite
            missed_label = self.words.missed_single if q.kind == "single" \
                else self.words.missed_multiple
        feedback = Feedback(
            status=status,
            heading=heading,
            kind=q.kind,
            parts=parts,
            missed_label=missed_label,
            missed=missed,
            explanation=q.explanation or "",
            grade=grade or "",
        )
        return self._board.record(question_id, picked, feedback)

    def revisit(self) -> list[str]:
        """What to read again (``revisit`` ids, once each, in order) for the questions whose
        latest answer was not the best one."""
        out: list[str] = []
        for question_id in self._board.not_best():
            out += [r for r in self._questions[question_id].revisit or [] if r not in out]
        return out

    def state(self) -> dict[str, Any]:
        """``{"quiz": id, "questions": {id: {"result", "attempts"}}, "correct", "total"}``."""
        return {"quiz": self.quiz.id, **super().state()}
