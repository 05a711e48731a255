"""The case-study panel's state, without widgets: which model points are shown.

A learner reveals all of a question's points at once, after writing their own thoughts; a
facilitator (step mode) reveals them one at a time so the group can discuss each. The learner's
own notes are not part of this model: they live only in the text box's in-memory value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content import models
from ..content.markdown import to_html, to_inline_html
from ..ui.reveal import Reveal


@dataclass
class CaseStudyPanel:
    """One case study: its story and, for each question, the model points revealed so far."""

    case: models.CaseStudy
    step_mode: bool = False
    reveals: dict[str, Reveal] = field(init=False)

    def __post_init__(self) -> None:
        self.reveals = {
            q.id: Reveal(tuple(to_inline_html(p) for p in q.points), step_mode=self.step_mode)
            for q in self.case.questions
        }

    @property
    def story_html(self) -> str:
        return to_html(self.case.story)

    def press(self, question_id: str) -> Reveal:
        reveal = self.reveals[question_id]
        reveal.press()
        return reveal

    def state(self) -> dict[str, object]:
        """What a progress record needs: the case and which questions were fully revealed."""
        return {
            "id": self.case.id,
            "revealed": [qid for qid, r in self.reveals.items() if r.all_shown and r.total],
        }
