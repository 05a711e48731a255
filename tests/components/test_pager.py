"""One question at a time (issue 14), without a browser: the pager's positions, buttons, score
beside each question, the messages question.js sends for "Next question" / "Previous question",
unique names for the buttons, and no score in a facilitator's view."""

from __future__ import annotations

from _quiz_support import bases, content, quiz, scenarios

from infoshare_widgets.lawful_basis import lawful_basis_widget
from infoshare_widgets.quiz import QuizView, quiz_widget
from infoshare_widgets.ui.question import QuestionWidget


def send(question: QuestionWidget, message: dict) -> None:
    """Deliver a message as if it came from question.js in the browser."""
    question._handle_custom_msg(message, [])


def quiz_view() -> QuizView:
    c = content(quizzes=[quiz()])
    view = quiz_widget(c, c.quizzes[0])
    assert isinstance(view, QuizView)
    return view


def questions(view) -> list[QuestionWidget]:  # type: ignore[no-untyped-def]
    return [c for c in view.children if isinstance(c, QuestionWidget)]


def test_one_question_shows_with_its_position_and_buttons() -> None:
    first, second, third = questions(quiz_view())
    assert [q.active for q in (first, second, third)] == [True, False, False]
    assert [q.position for q in (first, second, third)] == [
        "T question 1 of 3", "T question 2 of 3", "T question 3 of 3"]
    assert (first.previous_label, first.next_label) == ("", "T next question")
    assert (second.previous_label, second.next_label) == ("T previous question",
                                                          "T next question")
    assert (third.previous_label, third.next_label) == ("T previous question", "")


def test_each_button_names_the_question_it_goes_to() -> None:
    first, second, third = questions(quiz_view())
    # "Next question: <the next one's name>", not the name of the question it sits under; none
    # before the first or after the last.
    assert (first.previous_to, first.next_to) == ("", second.name)
    assert (second.previous_to, second.next_to) == (first.name, third.name)
    assert (third.previous_to, third.next_to) == (second.name, "")
    assert second.name != first.name


def test_next_and_previous_move_the_question_shown_and_ask_for_focus() -> None:
    view = quiz_view()
    first, second, third = questions(view)
    send(first, {"event": "next"})
    assert [q.active for q in (first, second, third)] == [False, True, False]
    assert second.focus_request == 1 and first.focus_request == 0
    send(first, {"event": "next"})  # a late press on a question already hidden: no jump
    assert view.pager.current == 1
    send(second, {"event": "next"})
    send(third, {"event": "next"})  # past the last: stays
    assert view.pager.current == 2 and third.active
    send(third, {"event": "previous"})
    assert second.active and not third.active and second.focus_request == 2


def test_the_score_beside_each_question_follows_every_check() -> None:
    view = quiz_view()
    first, second, third = questions(view)
    assert {q.score for q in (first, second, third)} == {"T 0 correct"}
    send(first, {"event": "check", "chosen": [1]})  # right
    assert {q.score for q in (first, second, third)} == {"T 1 correct"}
    send(first, {"event": "check", "chosen": []})  # an empty check changes nothing
    assert third.score == "T 1 correct"


def test_every_button_is_named_by_its_question() -> None:
    qs = questions(quiz_view())
    names = [q.name for q in qs]
    assert names == [f"T Consent & <sharing> question {n}" for n in (1, 2, 3)]
    assert len(set(names)) == len(names)


def test_scenarios_are_paged_with_their_own_position_and_named_by_title() -> None:
    exercise = lawful_basis_widget(content(lawful_bases=bases(),
                                           scenarios=scenarios())).children[2]  # after its heading
    qs = questions(exercise)
    assert [q.position for q in qs] == ["T scenario 1 of 2", "T scenario 2 of 2"]
    assert [q.name for q in qs] == [q.heading for q in qs]
    assert (qs[0].next_to, qs[1].previous_to) == (qs[1].heading, qs[0].heading)
    assert [q.active for q in qs] == [True, False]
    assert qs[0].score == "T 0 correct"


def test_a_facilitators_scenarios_show_no_score() -> None:
    exercise = lawful_basis_widget(content(lawful_bases=bases(), scenarios=scenarios()),
                                   scored=False).children[2]
    qs = questions(exercise)
    send(qs[0], {"event": "check", "chosen": [3]})
    assert qs[0].status == "correct"
    assert {q.score for q in qs} == {""}
    assert qs[0].position == "T scenario 1 of 2"  # still paged
