"""Facilitator mode's pieces without a browser (issue 12): step mode's "Reveal all" and the
clicker's "next", group questions, the decision-record walk-through, the timer's wording and
setting, and notes that exist only in a facilitator's widgets."""

from __future__ import annotations

import json
from typing import Any

import ipywidgets as widgets
from _quiz_support import quiz
from h4_samples import case_study, decision_record_file, make_content, ui

from infoshare_widgets.case_study import case_studies_page, case_studies_parts, case_study_widget
from infoshare_widgets.content.question_ids import quiz_question_id
from infoshare_widgets.decision_record import decision_record_widget
from infoshare_widgets.facilitator import minute_seconds, timer_choices, timer_widget
from infoshare_widgets.quiz import quiz_widget
from infoshare_widgets.quiz.group import GroupQuestion, GroupQuizView
from infoshare_widgets.room_store.questions import catalogue
from infoshare_widgets.ui.blocks import StaticHTML
from infoshare_widgets.ui.reveal import Reveal, RevealWording
from infoshare_widgets.ui.reveal_widget import RevealWidget

NOTE = "Ask the room what a *step down* means for sharing."


def all_state(widget: widgets.Widget) -> str:
    """Every synced trait of a widget and its children: what the browser would receive."""
    states = [widget.get_state()]
    for child in getattr(widget, "children", ()):
        states.append(all_state(child))
    return json.dumps(states, default=str)


def reveals(widget: widgets.Widget) -> list[RevealWidget]:
    return [c for c in widget.children if isinstance(c, RevealWidget)]


def test_reveal_all_shows_the_rest_and_is_offered_only_while_points_remain() -> None:
    wording = RevealWording(reveal="Reveal", next="Next", hide="Hide", all="All")
    reveal = Reveal(("a", "b", "c"), step_mode=True)
    assert wording.reveal_all_label(reveal) == "All"
    reveal.press()
    assert reveal.visible == ["a"]
    reveal.reveal_all()
    assert reveal.visible == ["a", "b", "c"] and wording.reveal_all_label(reveal) == ""
    assert wording.reveal_all_label(Reveal(("a",))) == ""  # a learner's reveal: no "Reveal all"


def test_the_clickers_next_reveals_one_point_and_never_hides() -> None:
    widget = RevealWidget(Reveal(("a", "b"), step_mode=True),
                          RevealWording(reveal="R", next="N", hide="H", all="A"))
    assert widget.step_mode and widget.reveal_all_label == "A"
    widget._handle_custom_msg({"event": "next"}, [])
    assert widget.items == ["a"]
    widget._handle_custom_msg({"event": "next"}, [])
    widget._handle_custom_msg({"event": "next"}, [])  # all out: "next" leaves them shown
    assert widget.items == ["a", "b"] and widget.reveal_all_label == ""
    learner = RevealWidget(Reveal(("a", "b")), RevealWording(reveal="R", next="N", hide="H"))
    learner._handle_custom_msg({"event": "next"}, [])  # not in step mode: nothing
    assert learner.items == []


def test_a_facilitators_case_study_has_notes_steps_a_jump_list_and_no_box_to_type_in() -> None:
    content = make_content(case_studies=[case_study(facilitator_notes=NOTE)])
    view = case_study_widget(content, content.case_studies[0], facilitator=True)
    header = view.children[0].value
    assert ui("facilitator", "notes_label") in header and "<em>step down</em>" in header
    assert 'id="is-case-sample-case" tabindex="-1"' in header
    for question in reveals(view):
        assert question.step_mode and question.note_label == ""
        question._handle_custom_msg({"event": "reveal_all"}, [])
        assert len(question.items) == len(question.reveal.items)
    page = case_studies_page(content, facilitator=True)
    assert 'href="#is-case-sample-case"' in page.children[0].value
    # On the page: the jump list and the story (with the notes, the heading the clicker's keys
    # start from) are the page's own HTML; the questions a box the heading's id names.
    jump, story, box = case_studies_parts(content, facilitator=True).children[:3]
    assert isinstance(jump, StaticHTML) and 'href="#is-case-sample-case"' in jump.value
    assert isinstance(story, StaticHTML) and ui("facilitator", "notes_label") in story.value
    assert 'id="is-case-sample-case" tabindex="-1"' in story.value
    assert "is-case-for-sample-case" in box._dom_classes and "is-case-study" in box._dom_classes
    assert all(q.step_mode and q.note_label == "" for q in reveals(box))


def test_a_learners_case_study_and_quiz_hold_no_note_anywhere_in_their_state() -> None:
    case = case_study(facilitator_notes=NOTE)
    the_quiz = quiz().model_copy(update={"facilitator_notes": NOTE})
    content = make_content(case_studies=[case], quizzes=[the_quiz])
    learner = [case_study_widget(content, case), quiz_widget(content, the_quiz)]
    assert all("step down" not in all_state(w) for w in learner)
    assert all(not r.step_mode for r in reveals(learner[0]))
    facilitator = [case_study_widget(content, case, facilitator=True),
                   quiz_widget(content, the_quiz, group=True)]
    assert all("step down" in all_state(w) for w in facilitator)


def test_a_group_question_sends_the_answer_only_when_revealed() -> None:
    the_quiz = quiz()
    view = quiz_widget(make_content(), the_quiz, group=True)
    assert isinstance(view, GroupQuizView)
    question = next(c for c in view.children if isinstance(c, GroupQuestion))
    first = the_quiz.questions[0]
    assert question.options == [o.text for o in first.options]
    assert question.answer == [] and question.button_label == ui("facilitator", "reveal_answer")
    assert first.options[0].feedback not in all_state(question)
    question._handle_custom_msg({"event": "reveal"}, [])
    assert [a["correct"] for a in question.answer] == [o.correct for o in first.options]
    assert all(a["feedback_html"] for a in question.answer)
    assert question.status == ui("facilitator", "answer_shown")
    assert question.button_label == ui("facilitator", "reveal_answer")  # fixed (issue 14)
    question._handle_custom_msg({"event": "reveal"}, [])  # hide, to ask again
    assert question.answer == [] and question.status == ""


def test_a_group_question_can_ask_a_live_room_by_the_room_s_own_id() -> None:
    the_quiz = quiz()
    content = make_content(quizzes=[the_quiz])
    view = quiz_widget(content, the_quiz, group=True)
    questions = [c for c in view.children if isinstance(c, GroupQuestion)]
    assert len(questions) == len(the_quiz.questions)
    # the ids the room page knows (rooms.questions builds them from the same function)
    known = catalogue(content).questions
    for widget, question in zip(questions, the_quiz.questions, strict=True):
        assert widget.room_question == quiz_question_id(the_quiz.id, question.id)
        assert widget.room_question in known
        assert widget.room_words == {"ask": ui("facilitator", "room_ask"),
                                     "asked": ui("facilitator", "room_asked"),
                                     "not_open": ui("facilitator", "room_not_open")}


def test_the_decision_record_walk_through_has_its_questions_and_nothing_to_type() -> None:
    content = make_content(decision_record=decision_record_file())
    walk = decision_record_widget(content, walk_through=True)
    assert isinstance(walk, StaticHTML)  # the page's own HTML: nothing in it changes
    for prompt in ("Who can give me advice?", "Was the person told?", "No, it would be unsafe"):
        assert prompt in walk.value
    assert ui("facilitator", "walkthrough_text") in walk.value
    assert "<textarea" not in walk.value and "<input" not in walk.value


def test_the_timer_offers_3_5_and_10_minutes_with_filled_wording() -> None:
    choices = timer_choices("{minutes} min", "Started {minutes}", "Done {minutes}")
    assert [c.as_dict() for c in choices][0] == {"minutes": 3, "label": "3 min",
                                                 "running": "Started 3", "done": "Done 3"}
    assert [c.minutes for c in choices] == [3, 5, 10]
    timer: Any = timer_widget(make_content())
    assert [c["label"] for c in timer.choices] == [
        ui("facilitator", "timer_minutes").replace("{minutes}", str(m)) for m in (3, 5, 10)]


def test_a_timer_minute_is_60_seconds_unless_the_setting_shortens_it() -> None:
    assert minute_seconds({}) == 60
    assert minute_seconds({"INFOSHARE_TIMER_MINUTE_SECONDS": "1"}) == 1
    for bad in ("", "fast", "0", "-5", "600", "nan"):
        assert minute_seconds({"INFOSHARE_TIMER_MINUTE_SECONDS": bad}) == 60


def test_the_golden_rules_check_carries_the_rules_notes_to_the_group_quiz() -> None:
    from h4_samples import golden_rules

    from infoshare_widgets.golden_rules import golden_rules_widget

    content = make_content(golden_rules=[golden_rules(facilitator_notes=NOTE)])
    group = golden_rules_widget(content, "children",
                                check=lambda q, **kw: quiz_widget(content, q, group=True, **kw))
    learner = golden_rules_widget(content, "children",
                                  check=lambda q, **kw: quiz_widget(content, q, **kw))
    assert "step down" in all_state(group) and "step down" not in all_state(learner)
