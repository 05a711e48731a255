"""The lawful-basis model: wording per basis, and the scenario exercise's checking and score."""

from __future__ import annotations

import pytest
from _quiz_support import bases, content, scenarios

from infoshare_widgets.lawful_basis.model import (
    EXERCISE_ID,
    BasisWords,
    ScenarioExercise,
    scenarios_for,
)
from infoshare_widgets.ui.feedback import QuizWords

# Indices into the test bases: consent, legal-obligation, vital-interests, public-task.
CONSENT, LEGAL, VITAL, PUBLIC = range(4)


@pytest.fixture
def words() -> BasisWords:
    return BasisWords.from_content(content())


@pytest.fixture
def exercise(words: BasisWords) -> ScenarioExercise:
    return ScenarioExercise(bases().bases, scenarios().scenarios,
                            QuizWords.from_content(content()), words)


def test_how_often_each_basis_fits_is_said_in_words(words: BasisWords) -> None:
    said = {b.id: words.how_often(b) for b in bases().bases}
    assert said == {
        "consent": "T rarely",
        "legal-obligation": "T usually",
        "vital-interests": "T sometimes",
        "public-task": "T usually",
    }
    assert words.audience("children") == words.audience_children
    assert words.audience("adults") == words.audience_adults


def test_scenarios_for_an_audience_keep_file_order() -> None:
    every = scenarios().scenarios
    assert [s.id for s in scenarios_for(every)] == ["school-referral", "collapse"]
    assert [s.id for s in scenarios_for(every, "adults")] == ["collapse"]


def test_options_are_the_bases_in_order(exercise: ScenarioExercise) -> None:
    assert exercise.options() == ["Consent", "Legal obligation", "Vital interests", "Public task"]


def test_a_pick_in_fits_is_right_and_names_the_other_fitting_basis(
    exercise: ScenarioExercise, words: BasisWords
) -> None:
    fb = exercise.check("school-referral", {PUBLIC})
    assert fb.status == "correct" and fb.heading == "T correct"
    assert [(p.text, p.right, p.feedback) for p in fb.parts] == [
        ("Public task", True, "A school's safeguarding duty is public.")]
    assert fb.missed_label == words.also_fits
    assert [p.text for p in fb.missed] == ["Legal obligation"]
    assert fb.explanation.startswith("Working Together 2023")


def test_a_pick_outside_fits_is_wrong_and_names_every_fitting_basis(
    exercise: ScenarioExercise, words: BasisWords
) -> None:
    fb = exercise.check("school-referral", {CONSENT})
    assert fb.status == "incorrect" and fb.heading == "T not quite"
    assert fb.parts[0].feedback == "Consent is often not the right basis."
    assert fb.missed_label == words.fits
    assert [p.text for p in fb.missed] == ["Legal obligation", "Public task"]


def test_a_pick_without_its_own_feedback_still_gets_the_explanation(
    exercise: ScenarioExercise,
) -> None:
    fb = exercise.check("collapse", {LEGAL})
    assert fb.status == "incorrect"
    assert fb.parts[0].feedback == ""
    assert fb.explanation == "Someone's life is at risk: vital interests."
    right = exercise.check("collapse", {VITAL})
    assert right.status == "correct" and right.missed == ()


def test_two_picks_are_not_an_answer_to_a_single_choice(exercise: ScenarioExercise) -> None:
    assert exercise.check("school-referral", {LEGAL, PUBLIC}).status == "incorrect"


def test_nothing_picked_says_so(exercise: ScenarioExercise) -> None:
    fb = exercise.check("collapse", set())
    assert fb.status == "empty" and fb.heading == "T nothing chosen"
    assert exercise.score() == (0, 2)


def test_score_reset_and_state(exercise: ScenarioExercise) -> None:
    exercise.check("school-referral", {LEGAL})
    exercise.check("collapse", {CONSENT})
    assert exercise.score_text() == "T score: 1 2"
    exercise.reset("collapse")
    assert exercise.feedback("collapse") is None
    assert exercise.feedback("school-referral") is not None
    assert exercise.state() == {
        "exercise": EXERCISE_ID,
        "questions": {"school-referral": {"result": "correct", "attempts": 1},
                      "collapse": {"result": "incorrect", "attempts": 1}},
        "correct": 1,
        "total": 2,
    }


def test_unknown_scenario_or_basis_is_refused(exercise: ScenarioExercise) -> None:
    with pytest.raises(KeyError):
        exercise.check("nope", {0})
    with pytest.raises(ValueError):
        exercise.check("collapse", {4})
