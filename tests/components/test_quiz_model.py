"""The quiz model: checking, feedback, retry and score, without widgets."""

from __future__ import annotations

import pytest
from _quiz_support import content, quiz

from infoshare_widgets.content import Content
from infoshare_widgets.content.templates import fill
from infoshare_widgets.quiz.model import QuizState
from infoshare_widgets.ui.feedback import Part, QuizWords, check_range


@pytest.fixture
def words() -> QuizWords:
    return QuizWords.from_content(content())


@pytest.fixture
def state(words: QuizWords) -> QuizState:
    return QuizState(quiz(), words)


def test_words_come_from_ui_yaml(words: QuizWords) -> None:
    assert words.correct == "T correct"
    assert words.not_quite == "T not quite"
    assert words.score == "T score: {correct} {total}"
    assert words.correct_icon and words.wrong_icon and words.missed_multiple


def test_words_fall_back_to_key_names_when_ui_yaml_is_broken(tmp_path) -> None:
    words = QuizWords.from_content(Content(root=tmp_path))
    assert words.try_again == "try again"


def test_single_right_answer(state: QuizState, words: QuizWords) -> None:
    fb = state.check("consent-always", {1})
    assert fb.status == "correct" and fb.correct
    assert fb.heading == words.correct
    assert fb.parts == (Part("No — you need a lawful basis", True,
                             "Legal obligation or public task often fit."),)
    assert fb.missed == ()
    assert fb.explanation == "Working Together 2023, paragraph 31."


def test_single_wrong_answer_names_the_right_one(state: QuizState, words: QuizWords) -> None:
    fb = state.check("consent-always", [0])
    assert fb.status == "incorrect" and not fb.correct
    assert fb.heading == words.not_quite
    assert [(p.text, p.right) for p in fb.parts] == [("Yes, always", False)]
    assert fb.missed_label == words.missed_single
    assert [p.text for p in fb.missed] == ["No — you need a lawful basis"]


def test_true_false_is_a_single_question(state: QuizState) -> None:
    assert state.check("no-consent-no-share", {1}).status == "correct"
    assert state.check("no-consent-no-share", {0}).status == "incorrect"


def test_multiple_right_when_the_sets_are_equal(state: QuizState) -> None:
    fb = state.check("which-fit", {0, 2})
    assert fb.status == "correct"
    assert [p.text for p in fb.parts] == ["Legal obligation", "Public task"]
    assert fb.missed == ()


def test_multiple_mixed_choice_is_wrong_and_names_what_was_missed(
    state: QuizState, words: QuizWords
) -> None:
    fb = state.check("which-fit", {0, 3})
    assert fb.status == "incorrect"
    # Every chosen option, right and wrong, with its own feedback.
    assert [(p.text, p.right, p.feedback.split(".")[0]) for p in fb.parts] == [
        ("Legal obligation", True, "Statutory duties"),
        ("Consent", False, "High threshold; can be withdrawn"),
    ]
    assert fb.missed_label == words.missed_multiple
    assert [(p.text, p.right) for p in fb.missed] == [("Public task", True)]


def test_multiple_only_some_of_the_right_options_is_wrong(state: QuizState) -> None:
    fb = state.check("which-fit", {2})
    assert fb.status == "incorrect"
    assert [(p.text, p.right) for p in fb.parts] == [("Public task", True)]
    assert [p.text for p in fb.missed] == ["Legal obligation"]


def test_multiple_superset_is_wrong(state: QuizState) -> None:
    fb = state.check("which-fit", {0, 1, 2})
    assert fb.status == "incorrect"
    assert fb.missed == ()
    assert [p.right for p in fb.parts] == [True, False, True]


def test_nothing_chosen_says_so_and_is_not_an_answer(state: QuizState, words: QuizWords) -> None:
    state.check("consent-always", {1})
    fb = state.check("consent-always", set())
    assert fb.status == "empty"
    assert fb.heading == words.nothing_chosen
    assert fb.parts == () and fb.missed == ()
    assert state.score() == (1, 3)
    assert state.state()["questions"]["consent-always"] == {"result": "correct", "attempts": 1}


def test_score_counts_the_latest_check_of_each_question(state: QuizState) -> None:
    assert state.score() == (0, 3)
    state.check("consent-always", {1})
    state.check("which-fit", {0, 2})
    assert state.score() == (2, 3)
    state.check("consent-always", {0})
    assert state.score() == (1, 3)
    assert state.score_text() == "T score: 1 3"


def test_try_again_clears_the_feedback_but_not_the_score(state: QuizState) -> None:
    state.check("consent-always", {1})
    assert state.feedback("consent-always") is not None
    state.reset("consent-always")
    assert state.feedback("consent-always") is None
    assert state.score() == (1, 3)
    state.check("consent-always", {2})
    assert state.score() == (0, 3)


def test_state_reports_progress_per_question(state: QuizState) -> None:
    state.check("consent-always", {0})
    state.check("consent-always", {1})
    state.check("which-fit", {1})
    assert state.state() == {
        "quiz": "consent-basics",
        "questions": {
            "consent-always": {"result": "correct", "attempts": 2},
            "which-fit": {"result": "incorrect", "attempts": 1},
            "no-consent-no-share": {"result": None, "attempts": 0},
        },
        "correct": 1,
        "total": 3,
    }


def test_question_without_explanation_has_none(state: QuizState) -> None:
    assert state.check("which-fit", {0}).explanation == ""


def test_unknown_question_and_option_are_refused(state: QuizState) -> None:
    with pytest.raises(KeyError):
        state.check("nope", {0})
    with pytest.raises(KeyError):
        state.reset("nope")
    with pytest.raises(ValueError, match="no option 3"):
        state.check("consent-always", {3})
    with pytest.raises(ValueError, match="no option -1"):
        check_range([-1], 2)


def test_fill_never_raises_on_a_trainers_typo() -> None:
    assert fill("{correct} of {total}", correct=2, total=3) == "2 of 3"
    assert fill("{correct} of {totl}", correct=2, total=3) == "2 of {totl}"
    assert fill("{correct of", correct=2) == "{correct of"
