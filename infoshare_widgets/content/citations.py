"""A trainer's quiz question or case study that cites the law should say where it comes from.

Quiz questions and case studies may leave `source` out (most are practice, not law). One that
names an Act, an Article, a section or a Schedule states the law, so a reviewer needs its source:
`infoshare validate` warns (never fails), naming the file, the field that cites the law and its
line. One warning per question or case study: the first field that cites the law.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from . import models
from .loaded import Content
from .problems import Problem, nearest_line

LAW_CITATION = re.compile(
    r"\b(?:(?:[A-Z][A-Za-z']* )*Act \d{4}|(?i:article|section|schedule) \d+)")
"""``Care Act 2014``, ``Article 9``, ``section 47``, ``Schedule 1``: the law named in a text."""


def _question_texts(question: models.Question) -> Iterator[tuple[tuple, str]]:
    yield ("prompt",), question.prompt
    for i, option in enumerate(question.options):
        yield ("options", i, "text"), option.text
        yield ("options", i, "feedback"), option.feedback
    if question.explanation:
        yield ("explanation",), question.explanation


def _case_texts(case: models.CaseStudy) -> Iterator[tuple[tuple, str]]:
    yield ("story",), case.story
    for i, question in enumerate(case.questions):
        for j, point in enumerate(question.points):
            yield ("questions", i, "points", j), point
    if case.facilitator_notes:
        yield ("facilitator_notes",), case.facilitator_notes


def first_citation(texts: Iterator[tuple[tuple, str]]) -> tuple[tuple, str] | None:
    """The first field whose text cites the law, and what it cites; None when none does."""
    for loc, text in texts:
        found = LAW_CITATION.search(text)
        if found:
            return loc, found.group(0)
    return None


def _warning(path: Path, lines: dict[tuple, int], loc: tuple, cited: str,
             what: str) -> Problem:
    return Problem(path, f"{what} cites the law ('{cited}') but names no `source`; add one "
                         "(title, publisher, version, url, checked) so a reviewer can check it",
                   loc=loc, line=nearest_line(lines, loc))


def uncited_law_warnings(content: Content) -> list[Problem]:
    """A warning for each quiz question and case study that cites the law without a source."""
    found = []
    for quiz in content.quizzes:
        path, lines = content.origin(quiz)
        for qi, question in enumerate(quiz.questions):
            if question.source is not None:
                continue
            cited = first_citation(_question_texts(question))
            if cited:
                loc, words = cited
                found.append(_warning(path, lines, ("questions", qi, *loc), words,
                                      f"question '{question.id}'"))
    for case in content.case_studies:
        if case.source is not None:
            continue
        cited = first_citation(_case_texts(case))
        if cited:
            path, lines = content.origin(case)
            found.append(_warning(path, lines, cited[0], cited[1], f"case study '{case.id}'"))
    return found
