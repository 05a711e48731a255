"""What each section asks of a learner, and its line on the Start page in words (its status:
``learner_path.py``), for the task list and the completion record.

A section's questions are its quizzes (``content.quizzes_for``) and the parts its notebook places
(``PARTS``: the golden-rules check, the lawful-basis scenarios, the case studies);
``tests/app/test_app_progress.py`` checks ``PARTS`` against the notebooks. Keys are the same
``ui.progress_format`` keys the components give their widgets, so a stored answer counts here
exactly when it would be put back on its page.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..content import Content
from ..content.templates import fill
from ..ui.progress_format import Progress, prompt_key, question_key, scenario_key
from .learner_path import SectionStatus, section_status, way_in

# The parts (beyond quizzes) that a section's notebook places, by section id.
PARTS: dict[str, tuple[str, ...]] = {
    "what-is-it": ("lawful_bases",), "children": ("golden_rules",),
    "adults": ("golden_rules",), "case-studies": ("case_studies",),
}
AUDIENCE_OF_SECTION = {"children": "children", "adults": "adults"}
# ui.yaml's progress wording for each status.
STATUS_KEYS = {"not_started": "not_started", "in_progress": "in_progress",
               "completed": "complete"}


@dataclass
class SectionPlan:
    """The keys of a section's questions and case-study prompts."""

    questions: list[str] = field(default_factory=list)
    prompts: list[str] = field(default_factory=list)
    cases: dict[str, list[str]] = field(default_factory=dict)  # case name -> its prompt keys


def content_id(content: Content) -> str:
    """The content's identity for the storage key: its title and its sections."""
    ident = [content.text("app", "app_title"), [s.id for s in content.sections]]
    return hashlib.sha256(json.dumps(ident).encode()).hexdigest()[:12]


def section_plan(content: Content, section_id: str) -> SectionPlan:
    plan = SectionPlan()
    for quiz in content.quizzes_for(section_id):
        plan.questions += [question_key(q) for q in quiz.questions]
    parts = PARTS.get(section_id, ())
    if "golden_rules" in parts:
        from ..golden_rules.model import check_quiz
        from ..golden_rules.view import rules_wording

        rules = content.golden_rules_for(AUDIENCE_OF_SECTION[section_id])
        check = check_quiz(rules, rules_wording(content)) if rules else None
        plan.questions += [question_key(q) for q in check.questions] if check else []
    if "lawful_bases" in parts and content.lawful_bases and content.scenarios:
        options = [b.name for b in content.lawful_bases.bases]
        plan.questions += [scenario_key(s, options) for s in content.scenarios.scenarios]
    if "case_studies" in parts:
        for case in content.case_studies:
            keys = [prompt_key(case, q) for q in case.questions]
            plan.cases[case.name] = keys
            plan.prompts += keys
    return plan


def course_path(content: Content, progress: Progress, link: Callable[[Any], str]
                ) -> tuple[list[dict[str, object]], dict[str, str]]:
    """Every section after Start as a line for the task list and the completion record (plain
    text, JSON for the views: its status in words and, beside it, the score or how far), and the
    way in at the top of Start (``{kind, url, title}``; empty when there is no section)."""
    lines = [_line(content, s.id, progress, link(s)) for s in content.sections[1:]]
    way = way_in([state for _, state in lines], progress)
    target = content.section(way.section_id) if way else None
    if way is None or target is None:
        return [line for line, _ in lines], {}
    return [line for line, _ in lines], {"kind": way.kind, "url": link(target),
                                         "title": target.title}


def _line(content: Content, section_id: str, progress: Progress,
          url: str) -> tuple[dict[str, object], SectionStatus]:
    section = content.section(section_id)
    plan = section_plan(content, section_id)
    state = section_status(section_id, plan.questions, plan.prompts, progress)

    def t(key: str, **values: object) -> str:
        return fill(content.text("progress", key), **values)

    words = []
    if state.questions and state.status == "completed":
        words.append(t("score", correct=state.correct, answered=state.answered))
    elif state.answered:
        words.append(t("questions_score", answered=state.answered, total=state.questions,
                       correct=state.correct))
    elif state.questions and state.started:
        words.append(t("questions", answered=0, total=state.questions))
    if state.prompts and state.started:
        words.append(t("prompts", revealed=state.revealed, total=state.prompts))
    line = {
        "id": section_id, "title": section.title if section else section_id, "url": url,
        "hint": section.summary if section else "", "status": state.status,
        "status_text": t(STATUS_KEYS[state.status]), "detail": ". ".join(words),
        "cases": [name for name, keys in plan.cases.items()
                  if keys and all(k in progress.revealed for k in keys)],
    }
    return line, state
