"""The quiz view without a browser: drive each question as question.js would, read what it shows.

question.js sends ``{"event": "check", "chosen": [...]}`` and ``{"event": "try_again"}`` as custom
messages; ``_handle_custom_msg`` is what ipywidgets calls when one arrives from the page.
"""

from __future__ import annotations

import logging

import pytest
from _quiz_support import content, quiz, text_of
from _shipped import shipped_content

from infoshare_widgets.content.templates import fill
from infoshare_widgets.quiz import QuizView, quiz_widget
from infoshare_widgets.ui.feedback import QuizWords
from infoshare_widgets.ui.question import QuestionWidget


def _words() -> QuizWords:
    return QuizWords.from_content(content())


def send(question: QuestionWidget, message: dict) -> None:
    """Deliver a message as if it came from question.js in the browser."""
    question._handle_custom_msg(message, [])


@pytest.fixture
def view() -> QuizView:
    c = content(quizzes=[quiz()])
    w = quiz_widget(c, c.quizzes[0])
    assert isinstance(w, QuizView)
    return w


def questions(view: QuizView) -> list[QuestionWidget]:
    return [c for c in view.children if isinstance(c, QuestionWidget)]


def score_line(view: QuizView) -> str:
    """The whole score in words; each question shows the same count beside it (issue 14)."""
    correct = view.value["correct"]
    words = view.pager._words
    beside = view.score_text if view._state.graded else fill(words.score_beside, correct=correct)
    assert {q.score for q in questions(view)} == {beside}  # graded: the whole score
    return view.score_text


def test_title_heading_question_per_question_and_score_line(view: QuizView) -> None:
    title = view.children[0].value
    assert "<h2 class=\"is-quiz-title\">Consent &amp; &lt;sharing&gt;</h2>" in title
    assert len(questions(view)) == 3
    assert score_line(view) == "T score: 0 3"


def test_question_traits_describe_a_named_group(view: QuizView) -> None:
    single, multiple, true_false = questions(view)
    assert single.prompt_html == "Do you <em>always</em> need consent to share?"
    assert single.kind == "single" and multiple.kind == "multiple"
    assert [o["text"] for o in true_false.options] == ["True", "False"]
    assert single.hint == "T choose one"
    assert multiple.hint == "T choose all"
    assert (single.check_label, single.try_again_label) == ("T check", "T try again")
    assert single.feedback_html == "" and single.status == ""


def test_check_right_answer_shows_correct_and_updates_score(view: QuizView) -> None:
    q = questions(view)[0]
    send(q, {"event": "check", "chosen": [1]})
    assert q.status == "correct"
    assert text_of(q.feedback_html).startswith("T correct Legal obligation or public task")
    assert "Working Together 2023, paragraph 31." in text_of(q.feedback_html)
    assert q.chosen == [1]
    assert score_line(view) == "T score: 1 3"


def test_check_wrong_answer_shows_not_quite(view: QuizView) -> None:
    q = questions(view)[2]
    send(q, {"event": "check", "chosen": [0]})
    assert q.status == "incorrect"
    assert text_of(q.feedback_html).startswith("T not quite A lack of consent does not stop it.")
    assert "T missed single False" in text_of(q.feedback_html)
    assert score_line(view) == "T score: 0 3"


def test_check_with_nothing_chosen_says_so_in_the_live_region(view: QuizView) -> None:
    q = questions(view)[0]
    send(q, {"event": "check", "chosen": []})
    assert q.status == "empty"
    assert text_of(q.feedback_html) == "T error: T nothing chosen"
    assert q.error == "T nothing chosen" and q.error_prefix == "T error:"  # the inline error
    assert score_line(view) == "T score: 0 3"
    send(q, {"event": "check", "chosen": [1]})
    assert q.error == ""


def test_multiple_feedback_names_the_missed_right_options(view: QuizView) -> None:
    q = questions(view)[1]
    send(q, {"event": "check", "chosen": [2, 1]})
    text = text_of(q.feedback_html)
    assert q.status == "incorrect" and q.chosen == [1, 2]
    assert "T option wrong Contract — Not about safeguarding." in text
    assert "T option right Public task — Official functions." in text
    assert "T missed multiple Legal obligation — Statutory duties." in text
    send(q, {"event": "check", "chosen": [0, 2]})
    assert q.status == "correct"
    assert score_line(view) == "T score: 1 3"


def test_try_again_clears_choice_and_feedback_and_keeps_the_score(view: QuizView) -> None:
    q = questions(view)[0]
    send(q, {"event": "check", "chosen": [1]})
    send(q, {"event": "try_again"})
    assert q.chosen == [] and q.feedback_html == "" and q.status == ""
    assert q.feedback is None
    assert score_line(view) == "T score: 1 3"


def test_the_choice_synced_from_the_page_is_checked(view: QuizView) -> None:
    q = questions(view)[0]
    q.chosen = [1]  # the page sets `chosen` as the learner ticks an option
    send(q, {"event": "check"})
    assert q.status == "correct"


def test_checking_again_is_counted_so_the_page_can_re_announce(view: QuizView) -> None:
    q = questions(view)[0]
    send(q, {"event": "check", "chosen": [0]})
    first = q.feedback_html
    send(q, {"event": "check", "chosen": [0]})
    assert q.feedback_html == first and q.checks == 2


def test_bad_messages_are_ignored_or_cleaned(view: QuizView) -> None:
    single, multiple, _ = questions(view)
    send(single, {"event": "check", "chosen": [99, -1, "1", True]})
    assert single.status == "empty" and single.chosen == []
    send(single, {"event": "check", "chosen": [1, 0]})  # radios cannot send two
    assert single.chosen == [0]
    send(multiple, {"event": "nonsense"})
    send(multiple, "not a dict")
    assert multiple.status == "" and multiple.checks == 0


def test_an_error_while_checking_is_logged_not_raised(caplog) -> None:
    def broken(_chosen: frozenset[int]):
        raise RuntimeError("boom")

    q = QuestionWidget(check=broken, words=_words(), options=[{"text": "a"}, {"text": "b"}])
    with caplog.at_level(logging.ERROR):
        send(q, {"event": "check", "chosen": [0]})
    assert "boom" in caplog.text
    assert q.status == ""


def test_value_reports_progress(view: QuizView) -> None:
    send(questions(view)[1], {"event": "check", "chosen": [0, 2]})
    value = view.value
    assert value["quiz"] == "consent-basics"
    assert value["questions"]["which-fit"] == {"result": "correct", "attempts": 1}
    assert (value["correct"], value["total"]) == (1, 3)


def test_factory_returns_an_error_card_instead_of_raising(caplog) -> None:
    with caplog.at_level(logging.ERROR):
        card = quiz_widget(content(), None)  # type: ignore[arg-type]
    assert "is-error-card-widget" in card._dom_classes
    assert "T error title" in card.value
    assert "could not show quiz" in caplog.text


SHIPPED = shipped_content()


@pytest.mark.parametrize("shipped_quiz", SHIPPED.quizzes, ids=lambda q: q.id)
def test_every_shipped_quiz_builds_and_its_right_answers_score(shipped_quiz) -> None:
    w = quiz_widget(SHIPPED, shipped_quiz)
    assert isinstance(w, QuizView), shipped_quiz.id
    qs = questions(w)
    assert len(qs) == len(shipped_quiz.questions)
    for widget, q in zip(qs, shipped_quiz.questions, strict=True):
        send(widget, {"event": "check",
                      "chosen": [i for i, o in enumerate(q.options) if o.correct]})
        verdict = "best" if any(o.grade for o in q.options) else "correct"  # graded: "Best answer"
        assert text_of(widget.feedback_html).startswith(SHIPPED.text("quiz", verdict)), q.id
    graded = any(o.grade for q in shipped_quiz.questions for o in q.options)
    assert score_line(w) == (
        fill(SHIPPED.text("quiz", "score_graded"), best=len(qs), total=len(qs),
             unsafe=SHIPPED.text("quiz", "unsafe_none")) if graded
        else fill(SHIPPED.text("quiz", "score"), correct=len(qs), total=len(qs)))


def test_every_option_list_a_learner_answers_is_named_for_its_shown_order() -> None:
    """Issue 23: each quiz question, golden-rules check and scenario (and each group question on
    the projector) carries its own id, from which and a seed the page orders its options
    (ui/order.js); a facilitator's scenarios follow the room's order."""
    from infoshare_widgets.golden_rules.model import check_quiz
    from infoshare_widgets.golden_rules.view import rules_wording
    from infoshare_widgets.lawful_basis import lawful_basis_widget
    from infoshare_widgets.quiz.group import GroupQuizView

    quizzes = [*SHIPPED.quizzes, *(check_quiz(r, rules_wording(SHIPPED))
                                   for r in SHIPPED.golden_rules)]
    assert len(quizzes) > len(SHIPPED.quizzes) >= 1
    for each in quizzes:
        ids = [q.id for q in each.questions]
        assert [w.order_id for w in questions(quiz_widget(SHIPPED, each))] == ids, each.id
        group = quiz_widget(SHIPPED, each, group=True)
        assert isinstance(group, GroupQuizView)
        assert [w.order_id for w in group._questions] == ids, each.id
    for scored in (True, False):
        exercise = lawful_basis_widget(SHIPPED, scored=scored).children[2]
        shown = list(exercise._questions.values())
        assert [w.order_id for w in shown] == [s.id for s in SHIPPED.scenarios.scenarios]
        assert {w.order_room for w in shown} == {not scored}
