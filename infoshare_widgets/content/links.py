"""Checks of ids one content file names in another: a case study's `see_also` topics, a quiz
question's `revisit` topics and golden rules.

One of the cross-file checks (`checks.CROSS_FILE_CHECKS`), run after every file has loaded. A
wrong id is a problem with its file, field and line, like any other.
"""

from __future__ import annotations

import difflib
import re

from . import models
from .loaded import Content
from .problems import Problem, nearest_line

RULE_REF = re.compile(r"(children|adults)-rule-(\d)")
"""A golden rule named in `revisit`: its audience and number."""


def see_also_names_known_topics(content: Content) -> None:
    """Report each `see_also` entry that names no topic (with the closest id as a hint)."""
    topics = sorted(t.id for t in content.topics)
    broken_topics = {p.stem for p in content.broken_files.get("topics", [])}
    for case in content.case_studies:
        path, lines = content.origin(case)
        for i, topic_id in enumerate(case.see_also or []):
            if topic_id in topics or topic_id in broken_topics:
                continue
            close = difflib.get_close_matches(topic_id, topics, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            loc = ("see_also", i)
            content.problems.append(Problem(path, f"'{topic_id}' is not a topic id{hint}",
                                            loc=loc, line=nearest_line(lines, loc)))


def rule_reference(content: Content, ref: str) -> tuple[models.GoldenRulesFile, int] | None:
    """``children-rule-3`` as (the children's rules file, 3), when that rule exists."""
    match = RULE_REF.fullmatch(ref)
    if not match:
        return None
    rules = content.golden_rules_for(match[1])
    number = int(match[2])
    if rules is None or not any(r.number == number for r in rules.rules):
        return None
    return rules, number


def revisit_names_known_places(content: Content) -> None:
    """Report each quiz question's `revisit` entry that names no topic and no golden rule."""
    topics = sorted(t.id for t in content.topics)
    broken_topics = {p.stem for p in content.broken_files.get("topics", [])}
    for quiz in content.quizzes:
        path, lines = content.origin(quiz)
        for q, question in enumerate(quiz.questions):
            for i, ref in enumerate(question.revisit or []):
                if ref in topics or ref in broken_topics or rule_reference(content, ref):
                    continue
                if rule := RULE_REF.fullmatch(ref):
                    message = (f"'{ref}' names no golden rule: there is no rule {rule[2]} in "
                               f"the golden rules for {rule[1]}")
                else:
                    close = difflib.get_close_matches(ref, topics, n=1)
                    hint = f" (did you mean '{close[0]}'?)" if close else ""
                    message = (f"'{ref}' is not a topic id or a golden rule such as "
                               f"'children-rule-3'{hint}")
                loc = ("questions", q, "revisit", i)
                content.problems.append(Problem(path, message, loc=loc,
                                                line=nearest_line(lines, loc)))
