"""The learner's path through the course (pure): each section's status and the one way in.

A section is *completed* only when every question in it has been answered and every case-study
prompt worked through, whatever the score (the score is always shown beside the status, never a
tick alone); *in progress* once the learner has opened it or answered anything; else *not
started*. A section that asks nothing is completed once visited.

The way in at the top of Start: "Start the course" (the first section) until the learner has
opened a section or answered anything; then "Continue" to the section visited most recently, or,
when that one is completed, to the next section not yet completed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..ui.progress_format import Progress

Status = Literal["not_started", "in_progress", "completed"]
STATUSES: tuple[Status, ...] = ("not_started", "in_progress", "completed")


@dataclass(frozen=True)
class SectionStatus:
    """How far the learner has got in one section."""

    section_id: str
    status: Status
    questions: int = 0  # how many questions the section asks
    answered: int = 0
    correct: int = 0
    prompts: int = 0  # case-study prompts
    revealed: int = 0

    @property
    def started(self) -> bool:
        return self.status != "not_started"


def section_status(section_id: str, questions: Sequence[str], prompts: Sequence[str],
                   progress: Progress) -> SectionStatus:
    """The status of a section whose questions and prompts have these keys."""
    answered = [k for k in questions if k in progress.answers]
    correct = sum(progress.answers[k].result == "correct" for k in answered)
    revealed = sum(k in progress.revealed for k in prompts)
    total, done = len(questions) + len(prompts), len(answered) + revealed
    visited = section_id in progress.visited
    if (total and done == total) or (not total and visited):
        status: Status = "completed"
    elif done or visited:
        status = "in_progress"
    else:
        status = "not_started"
    return SectionStatus(section_id, status, len(questions), len(answered), correct,
                         len(prompts), revealed)


@dataclass(frozen=True)
class WayIn:
    """The one link at the top of Start: ``start`` or ``continue``, to ``section_id``."""

    kind: Literal["start", "continue"]
    section_id: str


def way_in(statuses: Sequence[SectionStatus], progress: Progress) -> WayIn | None:
    """Where the top of Start leads, given the course's sections in order (Start not among
    them); None when the course has no sections."""
    if not statuses:
        return None
    order = [s.section_id for s in statuses]
    visited = {s: t for s, t in progress.visited.items() if s in order}
    if not visited and not any(s.started for s in statuses):
        return WayIn("start", order[0])
    if visited:
        last = order.index(max(visited, key=visited.__getitem__))
    else:  # answers kept, visits not (an older entry): the first section begun
        last = next(i for i, s in enumerate(statuses) if s.started)
    if statuses[last].status != "completed":
        return WayIn("continue", order[last])
    # That one is done: the next section not completed, after it, then from the top.
    for i in [*range(last + 1, len(order)), *range(last)]:
        if statuses[i].status != "completed":
            return WayIn("continue", order[i])
    return WayIn("continue", order[last])  # every section completed: back where they were
