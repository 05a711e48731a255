"""The helper without widgets: the learner's answers, and the result they lead to.

All wording and every rule live in `content/lawful_basis_helper.yaml`; this module only keeps the
answers and picks, for each part of the result, the first rule that matches them. A result is
given only once every question is answered, so a learner never sees advice built on a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..content.helper_models import HelperPart, HelperRule, LawfulBasisHelperFile, first_match


@dataclass(frozen=True)
class HelperOutcome:
    """The result for one complete set of answers: each part with the rule chosen for it."""

    answers: tuple[tuple[str, str], ...]
    parts: tuple[tuple[HelperPart, HelperRule], ...]

    def rule(self, part_id: str) -> HelperRule:
        """The rule shown for the part `part_id`."""
        return next(rule for part, rule in self.parts if part.id == part_id)

    @property
    def rule_ids(self) -> dict[str, str]:
        """Part id -> rule id: what the result says, in a form tests and records can compare."""
        return {part.id: rule.id for part, rule in self.parts}

    @property
    def bases(self) -> tuple[str, ...]:
        """The lawful basis ids the result names, most likely first (from the first part that
        names any); empty when the result leaves the choice to the learner's organisation."""
        return next((tuple(rule.bases) for _, rule in self.parts if rule.bases), ())

    @property
    def condition(self) -> str | None:
        """The id of the Article 9 or 10 condition the result gives (`none` when no extra
        condition is needed); None when the helper has no part that concludes one."""
        return next((rule.condition for _, rule in self.parts if rule.condition), None)

    @property
    def advice(self) -> str | None:
        """The id of the advice on the duty of confidence; None when no part gives one."""
        return next((rule.advice for _, rule in self.parts if rule.advice), None)


def outcome_for(helper: LawfulBasisHelperFile, answers: Mapping[str, str]) -> HelperOutcome:
    """The result for a complete, valid set of answers (ValueError otherwise)."""
    options = {q.id: {o.id for o in q.options} for q in helper.questions}
    missing = [q for q in options if q not in answers]
    if missing:
        raise ValueError(f"not answered: {', '.join(missing)}")
    wrong = [q for q, a in answers.items() if q not in options or a not in options[q]]
    if wrong:
        raise ValueError(f"not a question or not one of its options: {', '.join(wrong)}")
    chosen = []
    for part in helper.parts:
        rule = first_match(part, answers)
        if rule is None:  # the file's own check makes this unreachable for shipped content
            raise ValueError(f"part '{part.id}': no rule matches these answers")
        chosen.append((part, rule))
    ordered = tuple((q.id, answers[q.id]) for q in helper.questions)
    return HelperOutcome(answers=ordered, parts=tuple(chosen))


class HelperState:
    """The answers given so far. Changing an answer clears the result until it is asked for."""

    def __init__(self, helper: LawfulBasisHelperFile) -> None:
        self.helper = helper
        self._answers: dict[str, str] = {}

    @property
    def answers(self) -> dict[str, str]:
        return dict(self._answers)

    def choose(self, question_id: str, option_id: str) -> bool:
        """Record an answer; False (and nothing changed) when either id is unknown."""
        question = next((q for q in self.helper.questions if q.id == question_id), None)
        if question is None or option_id not in {o.id for o in question.options}:
            return False
        self._answers[question_id] = option_id
        return True

    def clear(self) -> None:
        """Forget every answer (the learner starts again)."""
        self._answers.clear()

    def missing(self) -> list[str]:
        """Ids of the questions not answered yet, in order."""
        return [q.id for q in self.helper.questions if q.id not in self._answers]

    def outcome(self) -> HelperOutcome | None:
        """The result, or None while any question is unanswered."""
        if self.missing():
            return None
        return outcome_for(self.helper, self._answers)
