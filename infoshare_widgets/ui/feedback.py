"""Feedback and scoring shared by every question (quiz, golden-rules check, lawful-basis scenarios).

No widgets here, so every branch is tested in plain pytest.

Scoring counts the latest *check* of each question: "Try again" clears the choice and the feedback
on the page but not the result, so a learner exploring the other options keeps their score until
they check again. A check with nothing chosen is not an answer and changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from .placeholders import fill
from .word_groups import GroupWords

Status = Literal["correct", "incorrect", "empty"]
Kind = Literal["single", "multiple"]


@dataclass(frozen=True)
class QuizWords(GroupWords):
    """The quiz wording from ui.yaml's ``quiz`` group, so the model needs no Content object."""

    GROUP: ClassVar[str] = "quiz"

    check: str
    try_again: str
    correct: str
    not_quite: str
    nothing_chosen: str
    score: str
    correct_icon: str
    wrong_icon: str
    choose_one: str
    choose_all: str
    option_right: str
    option_wrong: str
    missed_single: str
    missed_multiple: str
    # issue 14: one question at a time, the score beside it, the inline error, unique names
    question_position: str
    score_beside: str
    next_question: str
    previous_question: str
    error_prefix: str
    question_name: str


@dataclass(frozen=True)
class Part:
    """One option in the feedback: its text (plain), whether it is right, and its Markdown."""

    text: str
    right: bool
    feedback: str = ""


@dataclass(frozen=True)
class Feedback:
    """What the learner is told after pressing "Check answer".

    ``heading`` is the verdict ("Correct", "Not quite", shown as a heading) or, for an empty
    check, the message asking for a choice. ``parts`` covers every chosen option; ``missed``
    every right option that was not chosen, introduced by ``missed_label``.
    """

    status: Status
    heading: str
    kind: Kind = "single"
    parts: tuple[Part, ...] = ()
    missed_label: str = ""
    missed: tuple[Part, ...] = ()
    explanation: str = ""

    @property
    def correct(self) -> bool:
        return self.status == "correct"


@dataclass
class Result:
    """The latest check of one question."""

    status: Status
    chosen: frozenset[int]
    attempts: int = 1


class Scoreboard:
    """Latest result per question, in the questions' order; the score counts the correct ones."""

    def __init__(self, ids: Iterable[str], words: QuizWords) -> None:
        self.ids: tuple[str, ...] = tuple(ids)
        self.words = words
        self.results: dict[str, Result] = {}
        self.shown: dict[str, Feedback] = {}

    def record(self, question_id: str, chosen: frozenset[int], feedback: Feedback) -> Feedback:
        """Keep a check's feedback on show; an answered check also becomes the latest result."""
        self.shown[question_id] = feedback
        if feedback.status != "empty":
            before = self.results.get(question_id)
            attempts = before.attempts + 1 if before else 1
            self.results[question_id] = Result(feedback.status, chosen, attempts)
        return feedback

    def reset(self, question_id: str) -> None:
        """"Try again": the feedback goes; the latest result stays until the next check."""
        self.require(question_id)
        self.shown.pop(question_id, None)

    def feedback(self, question_id: str) -> Feedback | None:
        """The feedback on show for a question, if any."""
        return self.shown.get(question_id)

    def score(self) -> tuple[int, int]:
        """(correct, total): how many questions' latest check was right, of all questions."""
        right = sum(1 for r in self.results.values() if r.status == "correct")
        return right, len(self.ids)

    def score_text(self) -> str:
        correct, total = self.score()
        return fill(self.words.score, correct=correct, total=total)

    def state(self) -> dict[str, Any]:
        """Progress as plain data (for a record kept in the browser): no learner text in it."""
        correct, total = self.score()
        return {
            "questions": {
                qid: {
                    "result": self.results[qid].status if qid in self.results else None,
                    "attempts": self.results[qid].attempts if qid in self.results else 0,
                }
                for qid in self.ids
            },
            "correct": correct,
            "total": total,
        }

    def require(self, question_id: str) -> None:
        """Refuse an id that is not one of this board's questions (a caller's mistake)."""
        if question_id not in self.ids:
            raise KeyError(f"no question '{question_id}'")


def check_range(chosen: Iterable[int], count: int) -> frozenset[int]:
    """The chosen option indices, refusing any that do not name an option."""
    out = frozenset(chosen)
    bad = sorted(i for i in out if not 0 <= i < count)
    if bad:
        raise ValueError(f"no option {bad[0]} (there are {count})")
    return out


class Scored:
    """What a set of scored questions offers its view: each delegates to its ``Scoreboard``.

    Subclasses set ``self._board`` and check answers (``QuizState``, ``ScenarioExercise``).
    """

    _board: Scoreboard

    def _nothing_chosen(self, question_id: str, kind: Kind = "single") -> Feedback:
        """A check with nothing chosen: ask for a choice; the score is left alone."""
        feedback = Feedback("empty", self._board.words.nothing_chosen, kind=kind)
        return self._board.record(question_id, frozenset(), feedback)

    def reset(self, question_id: str) -> None:
        self._board.reset(question_id)

    def feedback(self, question_id: str) -> Feedback | None:
        return self._board.feedback(question_id)

    def score(self) -> tuple[int, int]:
        return self._board.score()

    def score_text(self) -> str:
        return self._board.score_text()

    def state(self) -> dict[str, Any]:
        """Progress as plain data: ``{"questions": {id: {...}}, "correct", "total"}``."""
        return self._board.state()
