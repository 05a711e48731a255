"""The lawful-basis selector without widgets: the bases to explore, and the scenario exercise.

In the exercise each scenario is a single-choice question over the bases (the pack's six and any
added since); a pick is right when it is one of the bases the scenario ``fits``. Feedback follows
the quiz's shape (and reuses its scoring): the verdict, what the scenario says about the basis
picked, the bases that fit (naming any the learner did not pick), then the explanation. No
ipywidgets here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ..content import models
from ..ui.feedback import Feedback, Part, QuizWords, Scoreboard, Scored, Status, check_range
from ..ui.word_groups import GroupWords

EXERCISE_ID = "lawful-basis-scenarios"


@dataclass(frozen=True)
class BasisWords(GroupWords):
    """The ``lawful_basis`` wording from ui.yaml, looked up by field name."""

    GROUP: ClassVar[str] = "lawful_basis"

    usually: str
    sometimes: str
    rarely: str
    show_basis: str
    hide_basis: str
    plain_english: str
    pack_text: str
    safeguarding: str
    guidance_heading: str
    tool_label: str
    pick_prompt: str
    fits: str
    also_fits: str
    audience_children: str
    audience_adults: str
    not_in_pack: str
    organisation: str
    scenario_position: str  # issue 14: "Scenario 3 of 10"

    def how_often(self, basis: models.LawfulBasis) -> str:
        """"Usually fits safeguarding" and so on, from the basis's ``safeguarding`` field."""
        return {"usually": self.usually, "sometimes": self.sometimes,
                "rarely": self.rarely}[basis.safeguarding]

    def audience(self, audience: str) -> str:
        return self.audience_children if audience == "children" else self.audience_adults


def scenarios_for(scenarios: Iterable[models.Scenario],
                  audience: str | None = None) -> list[models.Scenario]:
    """The scenarios in file order, only one audience's when ``audience`` is given."""
    return [s for s in scenarios if audience is None or s.audience == audience]


class ScenarioExercise(Scored):
    """Pick the basis that fits each scenario; the latest check of each counts for the score."""

    def __init__(
        self,
        bases: Sequence[models.LawfulBasis],
        scenarios: Sequence[models.Scenario],
        words: QuizWords,
        basis_words: BasisWords,
    ) -> None:
        self.bases = tuple(bases)
        self.scenarios = {s.id: s for s in scenarios}
        self.words = words
        self.basis_words = basis_words
        self._board = Scoreboard(self.scenarios, words)

    def options(self) -> list[str]:
        """The options every scenario offers: the bases' names, in the file's order."""
        return [b.name for b in self.bases]

    def scenario(self, scenario_id: str) -> models.Scenario:
        self._board.require(scenario_id)
        return self.scenarios[scenario_id]

    def check(self, scenario_id: str, chosen: Iterable[int]) -> Feedback:
        """Right when exactly one basis is picked and it is one the scenario fits."""
        scenario = self.scenario(scenario_id)
        picked = check_range(chosen, len(self.bases))
        if not picked:
            return self._nothing_chosen(scenario_id)
        fitting = [i for i, b in enumerate(self.bases) if b.id in scenario.fits]
        correct = len(picked) == 1 and next(iter(picked)) in fitting
        status: Status = "correct" if correct else "incorrect"
        parts = tuple(
            Part(self.bases[i].name, i in fitting,
                 scenario.basis_feedback.get(self.bases[i].id, ""))
            for i in sorted(picked)
        )
        missed = tuple(Part(self.bases[i].name, True) for i in fitting if i not in picked)
        feedback = Feedback(
            status=status,
            heading=self.words.correct if correct else self.words.not_quite,
            kind="single",
            parts=parts,
            missed_label=self.basis_words.also_fits if correct else self.basis_words.fits,
            missed=missed,
            explanation=scenario.explanation,
        )
        return self._board.record(scenario_id, picked, feedback)

    def state(self) -> dict[str, Any]:
        """``{"exercise", "questions": {scenario id: {"result", "attempts"}}, "correct",
        "total"}``."""
        return {"exercise": EXERCISE_ID, **super().state()}
