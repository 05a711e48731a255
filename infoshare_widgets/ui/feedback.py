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

from ..content.templates import fill
from .word_groups import GroupWords

Status = Literal["correct", "incorrect", "empty"]
Kind = Literal["single", "multiple"]
Grade = Literal["", "best", "acceptable", "unsafe"]  # "" for a question without grades


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
    # One question at a time, the score beside it, the inline error, unique names
    question_position: str
    score_beside: str
    next_question: str
    previous_question: str
    error_prefix: str
    question_name: str
    # Judgement graded like practice: each grade in words, the graded score, the summary
    best: str
    acceptable: str
    unsafe: str
    acceptable_icon: str
    missed_best: str
    score_graded: str
    unsafe_none: str
    unsafe_one: str
    unsafe_many: str
    summary_label: str
    summary_revisit: str
    summary_all_best: str


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
    grade: Grade = ""

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    @property
    def result(self) -> str:
        """What is stored for an answer: "correct" (also the best answer), "incorrect", or for a
        graded question that was not answered best its grade ("acceptable", "unsafe")."""
        return self.grade if self.grade in ("acceptable", "unsafe") else self.status


@dataclass
class Result:
    """The latest check of one question."""

    status: Status
    chosen: frozenset[int]
    attempts: int = 1
    grade: Grade = ""


class Scoreboard:
    """Latest result per question, in the questions' order; the score counts the correct ones.

    ``graded``: some questions are graded like practice, so the score counts best answers (the
    correct ones) and says how many unsafe choices were made.
    """

    def __init__(self, ids: Iterable[str], words: QuizWords, graded: bool = False) -> None:
        self.ids: tuple[str, ...] = tuple(ids)
        self.words = words
        self.graded = graded
        self.results: dict[str, Result] = {}
        self.shown: dict[str, Feedback] = {}

    def record(self, question_id: str, chosen: frozenset[int], feedback: Feedback) -> Feedback:
        """Keep a check's feedback on show; an answered check also becomes the latest result."""
        self.shown[question_id] = feedback
        if feedback.status != "empty":
            before = self.results.get(question_id)
            attempts = before.attempts + 1 if before else 1
            self.results[question_id] = Result(feedback.status, chosen, attempts, feedback.grade)
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

    def unsafe(self) -> int:
        """How many questions' latest check was an unsafe choice."""
        return sum(1 for r in self.results.values() if r.grade == "unsafe")

    def complete(self) -> bool:
        """True once every question has been answered (checked with something chosen)."""
        return bool(self.ids) and all(q in self.results for q in self.ids)

    def not_best(self) -> list[str]:
        """The answered questions whose latest check was not the right (best) answer, in order."""
        return [q for q in self.ids if q in self.results and self.results[q].status != "correct"]

    def score_text(self) -> str:
        """"2 of 3 correct"; graded: "4 of 5 best answers, 1 unsafe choice"."""
        correct, total = self.score()
        if not self.graded:
            return fill(self.words.score, correct=correct, total=total)
        unsafe = self.unsafe()
        words = self.words
        said = (words.unsafe_none if unsafe == 0 else words.unsafe_one if unsafe == 1
                else fill(words.unsafe_many, count=unsafe))
        return fill(words.score_graded, best=correct, total=total, unsafe=said)

    def state(self) -> dict[str, Any]:
        """Progress as plain data (for a record kept in the browser): no learner text in it."""
        correct, total = self.score()
        return {
            "questions": {
                qid: {
                    "result": self.results[qid].status if qid in self.results else None,
                    "attempts": self.results[qid].attempts if qid in self.results else 0,
                    **({"grade": self.results[qid].grade}
                       if qid in self.results and self.results[qid].grade else {}),
                }
                for qid in self.ids
            },
            "correct": correct,
            "total": total,
            **({"unsafe": self.unsafe()} if self.graded else {}),
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

    @property
    def graded(self) -> bool:
        return self._board.graded

    def unsafe(self) -> int:
        return self._board.unsafe()

    def complete(self) -> bool:
        return self._board.complete()

    def not_best(self) -> list[str]:
        return self._board.not_best()

    def state(self) -> dict[str, Any]:
        """Progress as plain data: ``{"questions": {id: {...}}, "correct", "total"}``."""
        return self._board.state()
