"""The shipped quizzes and lawful-basis scenarios keep the shape the brief asks of them."""

from __future__ import annotations

import re

import pytest
from _shipped import shipped_content

from infoshare_widgets.content import models

CONTENT = shipped_content()
QUIZZES = CONTENT.quizzes
SECTIONS_WITH_QUIZZES = ["what-is-it", "children", "adults", "tips"]
# The widget adds "Correct —" / "Not quite —" itself; feedback must not repeat a verdict.
VERDICT = re.compile(r"^(correct|incorrect|not quite|yes|no|right|wrong|true|false)\b",
                     re.IGNORECASE)


def test_the_quizzes_load() -> None:
    broken = [str(p) for p in CONTENT.problems if "quizzes" in p.file.parts
              or p.file.name == "lawful_basis_scenarios.yaml"]
    assert broken == []
    assert len(QUIZZES) >= len(SECTIONS_WITH_QUIZZES)


@pytest.mark.parametrize("section", SECTIONS_WITH_QUIZZES)
def test_each_section_has_a_quiz(section: str) -> None:
    assert CONTENT.quizzes_for(section), f"no quiz for {section}"


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.id)
def test_a_quiz_has_four_or_more_explained_questions(quiz: models.Quiz) -> None:
    assert len(quiz.questions) >= 4
    assert quiz.order is not None
    for question in quiz.questions:
        assert question.explanation, f"{quiz.id}.{question.id} has no explanation"


def _is_true_false(question: models.Question) -> bool:
    return [o.text for o in question.options] == ["True", "False"]


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.id)
def test_a_quiz_mixes_single_multiple_and_true_false(quiz: models.Quiz) -> None:
    kinds = {"true-false" if _is_true_false(q) else q.kind for q in quiz.questions}
    assert kinds == {"single", "multiple", "true-false"}, kinds


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.id)
def test_true_false_questions_are_single_with_true_then_false(quiz: models.Quiz) -> None:
    for question in quiz.questions:
        texts = {o.text.lower() for o in question.options}
        if texts == {"true", "false"}:
            assert question.kind == "single"
            assert _is_true_false(question), f"{question.id}: options must be 'True', 'False'"


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.id)
def test_feedback_says_why_without_a_verdict_heading(quiz: models.Quiz) -> None:
    for question in quiz.questions:
        for option in question.options:
            assert not VERDICT.match(option.feedback), (question.id, option.feedback)
            assert len(option.feedback.split()) >= 8, (question.id, option.feedback)


def test_right_answers_are_not_always_in_the_same_place() -> None:
    places = {next(i for i, o in enumerate(q.options) if o.correct)
              for quiz in QUIZZES for q in quiz.questions
              if q.kind == "single" and not _is_true_false(q)}
    assert len(places) >= 3


# --- lawful-basis scenarios ---------------------------------------------------------------------


SCENARIOS = CONTENT.scenarios.scenarios if CONTENT.scenarios else []
BASES = [b.id for b in CONTENT.lawful_bases.bases] if CONTENT.lawful_bases else []


def test_there_are_enough_scenarios_for_both_audiences() -> None:
    """Fewer, better scenarios (issue 10), varied in who shares (issue 23): ten to sixteen, both
    audiences."""
    assert 10 <= len(SCENARIOS) <= 16
    assert {s.audience for s in SCENARIOS} == {"children", "adults"}


def test_the_scenarios_cover_the_main_cases() -> None:
    """An emergency, a case for consent, a statutory service, a charity or private provider, and a
    legal duty to share: the answer depends on who shares (see tests/content/test_law.py)."""
    fits = {s.id: set(s.fits) for s in SCENARIOS}
    kinds = {s.id: s.organisation for s in SCENARIOS}
    assert any("vital-interests" in f for f in fits.values()), "no emergency"
    assert any("consent" in f for f in fits.values()), "no case where consent is right"
    assert any(f == {"public-task"} and kinds[i] in models.PUBLIC_AUTHORITY_KINDS
               for i, f in fits.items()), "no statutory referral"
    assert any(kinds[i] in {"charity", "private-provider"} and "recognised-legitimate-interests"
               in f for i, f in fits.items()), "no case for recognised legitimate interests"
    assert any(f == {"legal-obligation"} for f in fits.values()), "no identifiable legal duty"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_a_scenario_explains_every_tempting_pick(scenario: models.Scenario) -> None:
    assert set(scenario.fits) <= set(BASES)
    assert set(scenario.basis_feedback) <= set(BASES)
    assert "consent" in scenario.basis_feedback, "consent is the tempting pick to explain"
    for basis in scenario.fits:
        assert basis in scenario.basis_feedback, f"say why {basis} fits"
    for text in scenario.basis_feedback.values():
        assert not VERDICT.match(text), text


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_each_scenario_says_who_you_are(scenario: models.Scenario) -> None:
    """The basis depends on who shares: the field is set and the situation starts by saying so."""
    assert scenario.organisation is not None, scenario.id
    assert scenario.situation.startswith("**You are "), scenario.id
