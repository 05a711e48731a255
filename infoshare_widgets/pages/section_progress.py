"""What each section asks of a learner, and how far they have got: the Start page's summary.

A section's questions are its quizzes (``content.quizzes_for``) and the parts its notebook places
(``PARTS``: the golden-rules check, the lawful-basis scenarios, the case studies);
``tests/app/test_app_progress.py`` checks ``PARTS`` against the notebooks. Keys are the same
``ui.progress_format`` keys the components give their widgets, so a stored answer counts here
exactly when it would be put back on its page.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from ..content import Content
from ..ui.placeholders import fill
from ..ui.progress_format import Progress, prompt_key, question_key, scenario_key

# The parts (beyond quizzes) that a section's notebook places, by section id.
PARTS: dict[str, tuple[str, ...]] = {
    "what-is-it": ("lawful_bases",), "children": ("golden_rules",),
    "adults": ("golden_rules",), "case-studies": ("case_studies",),
}
AUDIENCE_OF_SECTION = {"children": "children", "adults": "adults"}


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


def section_summary(content: Content, section_id: str, progress: Progress,
                    url: str) -> dict[str, object]:
    """One section's line on the Start page, as plain text and numbers (JSON for the panel)."""
    section = content.section(section_id)
    plan = section_plan(content, section_id)
    answered = [k for k in plan.questions if k in progress.answers]
    correct = sum(progress.answers[k].result == "correct" for k in answered)
    revealed = [k for k in plan.prompts if k in progress.revealed]
    total = len(plan.questions) + len(plan.prompts)
    done = len(answered) + len(revealed)

    def t(key: str, **values: object) -> str:
        return fill(content.text("progress", key), **values)

    words = []
    if plan.questions:
        words.append(t("questions", answered=len(answered), total=len(plan.questions)))
    if plan.prompts:
        words.append(t("prompts", revealed=len(revealed), total=len(plan.prompts)))
    if answered:
        words.append(t("score", correct=correct, answered=len(answered)))
    visited = section_id in progress.visited
    if not total:
        words = [t("visited") if visited else t("not_started")]
    complete = (total > 0 and done == total) or (not total and visited)
    return {
        "id": section_id, "title": section.title if section else section_id, "url": url,
        "text": ". ".join(words), "done": done, "total": total, "complete": complete,
        "score": [correct, len(answered)] if answered else None,
        "cases": [name for name, keys in plan.cases.items()
                  if keys and all(k in progress.revealed for k in keys)],
    }
