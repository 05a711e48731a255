"""Grades and `revisit` in quiz files: each problem at its file, field and line; the shipped
quizzes graded (at least half the single-answer questions) and every `revisit` a working link."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from _shipped import shipped_content

from infoshare_widgets.content import load_content
from infoshare_widgets.pages.revisit import revisit_links

REPO = Path(__file__).resolve().parents[2]
SHIPPED = shipped_content()


def reported(root: Path) -> list[str]:
    return [str(p).replace(f"{root}{os.sep}", "") for p in load_content(root).problems]


def graded(text: str) -> str:
    """The sample quiz's true/false question graded: True best, False unsafe."""
    indent = "\n        "
    text = text.replace(f"correct: true{indent}feedback: It has",
                        f"correct: true{indent}grade: best{indent}feedback: It has", 1)
    return text.replace(f"correct: false{indent}feedback: It has",
                        f"correct: false{indent}grade: unsafe{indent}feedback: It has", 1)


def with_revisit(ids: str) -> Callable[[str], str]:
    return lambda text: graded(text).replace("    kind: single\n",
                                             f"    kind: single\n    revisit: [{ids}]\n", 1)


BROKEN: dict[str, tuple[Callable[[str], str], str]] = {
    "best-is-not-the-correct-one": (
        lambda text: graded(text).replace("grade: best", "grade: acceptable"),
        "quizzes/sample.yaml:11: questions[0].options[0].grade: `grade: acceptable` with "
        "`correct: true`: the one `best` option is the `correct: true` one"),
    "grade-not-in-list": (
        lambda text: graded(text).replace("grade: unsafe", "grade: good"),
        "quizzes/sample.yaml:15: questions[0].options[1].grade: must be one of 'best', "
        "'acceptable' or 'unsafe' (got 'good')"),
    "one-option-not-graded": (
        lambda text: graded(text).replace("        grade: unsafe\n", ""),
        "quizzes/sample.yaml:13: questions[0].options[1]: this option has no `grade:`, but "
        "others in the question do: grade every option or none"),
    "grade-on-a-multiple-question": (
        lambda text: graded(text).replace(
            "        correct: true\n        feedback: Red",
            "        correct: true\n        grade: best\n        feedback: Red"),
        "quizzes/sample.yaml:23: questions[1].options[0].grade: grades are for `single` "
        "questions only; remove `grade:` or make the question `kind: single`"),
    "revisit-names-no-topic": (
        with_revisit("consent-childrn"),
        "quizzes/sample.yaml:8: questions[0].revisit[0]: 'consent-childrn' is not a topic id or "
        "a golden rule such as 'children-rule-3'"),
    "revisit-names-no-rule": (
        with_revisit("children-rule-3"),
        "quizzes/sample.yaml:8: questions[0].revisit[0]: 'children-rule-3' names no golden "
        "rule: there is no rule 3 in the golden rules for children"),
    "revisit-not-an-id": (
        with_revisit("Rule 3"),
        "quizzes/sample.yaml:8: questions[0].revisit[0]: 'Rule 3' is not a valid id: use "
        "lowercase letters, digits and hyphens"),
}


def test_a_graded_quiz_without_revisit_is_sound(sound: Path) -> None:
    path = sound / "quizzes" / "sample.yaml"
    path.write_text(graded(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert reported(sound) == []


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_grade_or_revisit_problem_names_file_field_and_line(sound: Path, case: str) -> None:
    change, expected = BROKEN[case]
    path = sound / "quizzes" / "sample.yaml"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert reported(sound) == [expected]


# --- the shipped quizzes -------------------------------------------------------------------------

SINGLES = [(quiz, q) for quiz in SHIPPED.quizzes for q in quiz.questions if q.kind == "single"]
GRADED = [(quiz, q) for quiz, q in SINGLES if any(o.grade for o in q.options)]
QUESTIONS = [(quiz, q) for quiz in SHIPPED.quizzes for q in quiz.questions]


def test_at_least_half_the_single_answer_questions_are_graded() -> None:
    assert len(SINGLES) >= 10
    assert 2 * len(GRADED) >= len(SINGLES), f"{len(GRADED)} of {len(SINGLES)} graded"


@pytest.mark.parametrize("quiz, question", GRADED, ids=lambda x: getattr(x, "id", ""))
def test_a_graded_question_is_judged_on_more_than_best(quiz, question) -> None:
    grades = [o.grade for o in question.options]
    assert grades.count("best") == 1 and set(grades) - {"best"} <= {"acceptable", "unsafe"}


@pytest.mark.parametrize("quiz, question", QUESTIONS, ids=lambda x: getattr(x, "id", ""))
def test_every_question_has_a_revisit_that_links_somewhere_real(quiz, question) -> None:
    """Each id gives a link: a fragment on the quiz's own page, else the page and fragment."""
    ids = list(question.revisit or [])
    assert ids, f"{quiz.id}/{question.id} has no revisit"
    links = revisit_links(SHIPPED, quiz.section, ids)
    assert len(links) == len(ids)
    anchors = {f"is-topic-{t.id}" for t in SHIPPED.topics} | {
        f"is-rule-{g.audience}-{r.number}" for g in SHIPPED.golden_rules for r in g.rules}
    for _text, href, _new_tab in links:
        page, _, anchor = href.partition("#")
        assert anchor in anchors
        assert page == "" or page.endswith(".ipynb")
