"""One answer everywhere: the scenarios and quiz questions that name a basis or a condition say,
as ids, what the guided helper would be told about their situation and which condition they
need; the helper run on those answers must suggest one of the bases they accept and give the same
condition. A learner who uses the helper on the exercise gets the exercise's answer."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from infoshare_widgets.basis_helper import outcome_for
from infoshare_widgets.content import Content, load_content

ROOT = Path(__file__).resolve().parents[2]

# Quiz questions whose answer names a lawful basis or a condition for one situation. Questions
# that compare several organisations at once (what-is-it-basics/three-organisations) or name no
# basis for a situation are left out.
QUIZ_QUESTIONS = {
    ("adults-guidance", "golden-rule-6"), ("adults-guidance", "emergency-without-consent"),
    ("children-guidance", "consent-needed"), ("children-guidance", "parent-objects"),
    ("what-is-it-basics", "health-visitor-can-share"), ("what-is-it-basics", "health-condition"),
    ("tips-decisions", "uncertain-about-law"),
}


@functools.cache
def shipped() -> Content:
    content = load_content(ROOT / "content")
    assert content.basis_helper is not None and content.scenarios is not None
    return content


def scenario_ids() -> list[str]:
    return [s.id for s in shipped().scenarios.scenarios]  # type: ignore[union-attr]


@pytest.mark.parametrize("scenario_id", scenario_ids())
def test_each_scenario_and_the_helper_give_one_answer(scenario_id: str) -> None:
    scenario = next(s for s in shipped().scenarios.scenarios  # type: ignore[union-attr]
                    if s.id == scenario_id)
    assert scenario.helper, "name the helper's answers for this situation (`helper:`)"
    assert scenario.condition, "name its Article 9 or 10 condition id, or `none` (`condition:`)"
    assert scenario.source, "give the law this answer rests on (`source:`)"
    outcome = outcome_for(shipped().basis_helper, scenario.helper)  # type: ignore[arg-type]
    assert outcome.bases, "the helper names no basis for these answers"
    assert outcome.bases[0] in scenario.fits, (
        f"the helper suggests {outcome.bases[0]!r}; the scenario accepts {scenario.fits}")
    assert outcome.condition == scenario.condition, (
        f"the helper gives {outcome.condition!r}; the scenario says {scenario.condition!r}")


def test_the_quiz_questions_that_name_a_basis_carry_the_helper_answers() -> None:
    carrying = {(quiz.id, q.id) for quiz in shipped().quizzes for q in quiz.questions if q.helper}
    assert carrying == QUIZ_QUESTIONS


@pytest.mark.parametrize(("quiz_id", "question_id"), sorted(QUIZ_QUESTIONS))
def test_each_quiz_question_and_the_helper_give_one_answer(quiz_id: str,
                                                          question_id: str) -> None:
    quiz = next(q for q in shipped().quizzes if q.id == quiz_id)
    question = next(q for q in quiz.questions if q.id == question_id)
    assert question.helper and (question.fits or question.condition)
    outcome = outcome_for(shipped().basis_helper, question.helper)  # type: ignore[arg-type]
    if question.fits:
        assert outcome.bases and outcome.bases[0] in question.fits, (
            f"the helper suggests {outcome.bases}; the question accepts {question.fits}")
    if question.condition:
        assert outcome.condition == question.condition, (
            f"the helper gives {outcome.condition!r}; the question says {question.condition!r}")
