"""Judgement graded like practice: each grade in words, the score of best answers and unsafe
choices, the summary and its links, old-style quizzes as before, and old progress restored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _quiz_support import content, quiz

from infoshare_widgets.content import load_content, models
from infoshare_widgets.content.templates import fill
from infoshare_widgets.pages.progress_tracking import Tracker
from infoshare_widgets.pages.revisit import revisit_links
from infoshare_widgets.quiz import quiz_widget
from infoshare_widgets.quiz.model import QuizState
from infoshare_widgets.ui.feedback import QuizWords
from infoshare_widgets.ui.feedback_html import feedback_html, summary_html
from infoshare_widgets.ui.progress_format import VERSION, Answer, Progress, question_key
from infoshare_widgets.ui.question import QuestionWidget

WORDS = QuizWords.from_content(content())
# The key this question had before grades existed (computed on main, 2026-12-06): grading a
# question must not change it, or every returning learner's answer to it would be dropped.
OLD_KEY = "mum-says-no#e920511a35d6"
BEST, UNSAFE, ACCEPTABLE = 0, 1, 2


def mum_says_no(graded: bool = True) -> dict[str, Any]:
    grade = (lambda g: {"grade": g}) if graded else (lambda g: {})
    return {"id": "mum-says-no", "prompt": "A mum says no. What do you do?", "kind": "single",
            "options": [
                {"text": "Refer today", "correct": True, "feedback": "Right.", **grade("best")},
                {"text": "Wait", "correct": False, "feedback": "Waiting leaves him at risk.",
                 **grade("unsafe")},
                {"text": "Ask the lead tomorrow", "correct": False,
                 "feedback": "Later than it should be.", **grade("acceptable")}],
            **({"revisit": ["children-rule-3"]} if graded else {})}


def graded_quiz() -> models.Quiz:
    """Two graded questions (with `revisit`) and an old-style multiple question."""
    return models.Quiz.model_validate({
        "id": "graded", "title": "Graded", "section": "children",
        "questions": [
            mum_says_no(),
            {"id": "record", "prompt": "You decide not to share. What do you record?",
             "kind": "single", "revisit": ["consent-children", "children-rule-3"],
             "options": [
                 {"text": "The decision and why", "correct": True, "feedback": "Yes.",
                  "grade": "best"},
                 {"text": "Nothing", "correct": False, "feedback": "Record it.",
                  "grade": "unsafe"}]},
            {"id": "colours", "prompt": "Which are colours?", "kind": "multiple",
             "options": [{"text": "Red", "correct": True, "feedback": "A colour."},
                         {"text": "Square", "correct": False, "feedback": "A shape."}]},
        ]})


# --- the model ----------------------------------------------------------------------------------


def test_each_grade_is_said_in_words_and_stored_as_its_result() -> None:
    state = QuizState(graded_quiz(), WORDS)
    best = state.check("mum-says-no", [BEST])
    assert (best.status, best.grade, best.heading, best.result) == (
        "correct", "best", WORDS.best, "correct")
    acceptable = state.check("mum-says-no", [ACCEPTABLE])
    assert (acceptable.status, acceptable.grade, acceptable.heading, acceptable.result) == (
        "incorrect", "acceptable", WORDS.acceptable, "acceptable")
    assert acceptable.missed_label == WORDS.missed_best
    assert [p.text for p in acceptable.missed] == ["Refer today"]
    unsafe = state.check("mum-says-no", [UNSAFE])
    assert (unsafe.heading, unsafe.result) == (WORDS.unsafe, "unsafe")


def test_the_score_counts_best_answers_and_says_how_many_unsafe_choices() -> None:
    state = QuizState(graded_quiz(), WORDS)
    assert state.score_text() == fill(WORDS.score_graded, best=0, total=3,
                                      unsafe=WORDS.unsafe_none)
    state.check("mum-says-no", [ACCEPTABLE])
    state.check("record", [0])
    state.check("colours", [0])
    assert state.score() == (2, 3) and state.unsafe() == 0
    assert state.score_text() == "T 2 of 3 best answers, T no unsafe choices"
    state.check("mum-says-no", [UNSAFE])
    assert state.score_text() == "T 2 of 3 best answers, T 1 unsafe choice"
    state.check("record", [1])
    assert state.score_text() == "T 1 of 3 best answers, T 2 unsafe choices"
    assert state.state()["unsafe"] == 2
    assert state.state()["questions"]["record"]["grade"] == "unsafe"


def test_an_old_style_quiz_scores_and_speaks_as_before() -> None:
    state = QuizState(quiz(), WORDS)
    right = state.check("consent-always", [1])
    wrong = state.check("no-consent-no-share", [0])
    assert (right.heading, right.grade, right.result) == (WORDS.correct, "", "correct")
    assert (wrong.heading, wrong.missed_label, wrong.result) == (
        WORDS.not_quite, WORDS.missed_single, "incorrect")
    assert state.score_text() == fill(WORDS.score, correct=1, total=3)
    assert "unsafe" not in state.state() and not state.graded
    assert "grade" not in state.state()["questions"]["consent-always"]


def test_revisit_names_the_places_for_answers_that_were_not_best_once_each() -> None:
    state = QuizState(graded_quiz(), WORDS)
    state.check("mum-says-no", [BEST])
    state.check("record", [1])
    assert not state.complete() and state.revisit() == ["consent-children", "children-rule-3"]
    state.check("mum-says-no", [ACCEPTABLE])
    state.check("colours", [1])
    assert state.complete()
    assert state.revisit() == ["children-rule-3", "consent-children"]


# --- as HTML ------------------------------------------------------------------------------------


def test_the_verdict_is_the_grade_in_words_with_its_own_mark() -> None:
    state = QuizState(graded_quiz(), WORDS)
    html = feedback_html(state.check("mum-says-no", [ACCEPTABLE]), WORDS)
    assert f'is-q-acceptable" data-grade="acceptable" data-icon="{WORDS.acceptable_icon}">' \
           f"{WORDS.acceptable}</h4>" in html
    assert WORDS.missed_best in html and "Refer today" in html
    html = feedback_html(state.check("mum-says-no", [UNSAFE]), WORDS)
    assert 'is-q-wrong" data-grade="unsafe"' in html and f">{WORDS.unsafe}</h4>" in html
    html = feedback_html(state.check("mum-says-no", [BEST]), WORDS)
    assert 'is-q-right" data-grade="best"' in html and f">{WORDS.best}</h4>" in html


def test_the_summary_says_the_score_then_links_what_to_revisit() -> None:
    links = [("golden rule 3", "#is-rule-children-3", ""),
             ("Consent & <you>", "02-children.ipynb#is-topic-x", "(opens in a new tab)")]
    html = summary_html("4 of 5 best answers, 1 unsafe choice", links, WORDS, all_best=False)
    assert html == (
        f'<p class="is-q-summary-text"><strong class="is-q-summary-label">'
        f"{WORDS.summary_label}</strong> T 4 of 5 best answers, 1 unsafe choice: revisit "
        '<a href="#is-rule-children-3">golden rule 3</a>, '
        '<a href="02-children.ipynb#is-topic-x" target="_blank" rel="noopener noreferrer">'
        'Consent &amp; &lt;you&gt;<span class="is-q-vh"> (opens in a new tab)</span></a>.</p>')
    assert "Well done" in summary_html("5 of 5", [], WORDS, all_best=True)
    assert summary_html("", links, WORDS, all_best=False) == ""


# --- the view -----------------------------------------------------------------------------------


def questions(widget: Any) -> list[QuestionWidget]:
    return [w for w in widget.children if isinstance(w, QuestionWidget)]


def test_the_summary_appears_on_every_question_once_all_are_answered() -> None:
    asked: list[list[str]] = []

    def links(ids: list[str]) -> list[tuple[str, str, str]]:
        asked.append(ids)
        return [(f"read {i}", f"#{i}", "") for i in ids]

    view = quiz_widget(content(), graded_quiz(), revisit=links)
    first, second, third = questions(view)
    first.check([UNSAFE])
    second.check([0])
    assert {q.summary_html for q in (first, second, third)} == {""}
    assert first.grade == "unsafe" and first.result == "unsafe"
    assert first.score == "T 1 of 3 best answers, T 1 unsafe choice"  # beside each question
    third.check([0])
    summary = {q.summary_html for q in (first, second, third)}
    assert len(summary) == 1
    assert "T 2 of 3 best answers, T 1 unsafe choice: revisit" in summary.pop()
    assert asked == [["children-rule-3"]]
    first.check([BEST])
    assert "Well done" in first.summary_html and asked == [["children-rule-3"]]


def test_revisit_links_go_to_the_topic_or_rule_on_its_page() -> None:
    shipped = load_content(Path(__file__).resolve().parents[2] / "content")
    children = shipped.section("children")
    here = revisit_links(shipped, "children", ["children-rule-3", "consent-children"])
    assert [h[1] for h in here] == ["#is-rule-children-3", "#is-topic-consent-children"]
    assert all(h[2] == "" for h in here)
    away = revisit_links(shipped, "tips", ["children-rule-3", "no-such-thing"])
    assert len(away) == 1
    text, href, new_tab = away[0]
    assert href == f"{children.notebook}.ipynb#is-rule-children-3"
    assert children.title in text and new_tab == shipped.text("app", "new_tab")


# --- stored progress ----------------------------------------------------------------------------


def test_grades_and_revisit_leave_a_question_key_as_it_was() -> None:
    old = models.Question.model_validate(mum_says_no(graded=False))
    new = models.Question.model_validate(mum_says_no())
    assert question_key(old) == question_key(new) == OLD_KEY


def test_the_new_results_are_read_and_the_old_ones_still_are() -> None:
    raw = {"v": VERSION, "answers": {
        OLD_KEY: {"chosen": [2], "result": "acceptable"},
        "b#0123456789ab": {"chosen": [1], "result": "unsafe"},
        "c#0123456789ab": {"chosen": [0], "result": "correct"},
        "d#0123456789ab": {"chosen": [1], "result": "incorrect"}}}
    assert Progress.read(raw).answers == {
        OLD_KEY: Answer((2,), "acceptable"), "b#0123456789ab": Answer((1,), "unsafe"),
        "c#0123456789ab": Answer((0,), "correct"), "d#0123456789ab": Answer((1,), "incorrect")}


@pytest.mark.parametrize("stored, grade", [("incorrect", "unsafe"), ("correct", "best")])
def test_progress_saved_before_grades_restores_and_is_stored_graded(monkeypatch, stored,
                                                                    grade) -> None:
    c = content(quizzes=[graded_quiz()])
    tracker = Tracker(c, "children")
    out: list[dict[str, Any]] = []
    monkeypatch.setattr(tracker.store, "send", lambda message, *a, **k: out.append(message))
    first = questions(tracker.track(quiz_widget(c, graded_quiz())))[0]
    chosen = [UNSAFE] if stored == "incorrect" else [BEST]
    # A blob exactly as the app stored it before this change: version 1, the old key, the
    # old result kinds.
    blob = {"v": 1, "answers": {OLD_KEY: {"chosen": chosen, "result": stored}},
            "revealed": [], "visited": {"children": 1765000000000}}
    tracker.store._handle_custom_msg({"event": "load", "available": True, "data": blob}, [])
    assert first.chosen == chosen and first.restored and first.grade == grade
    result = "unsafe" if grade == "unsafe" else "correct"
    resaved = {"op": "answer", "key": OLD_KEY, "value": {"chosen": chosen, "result": result}}
    assert (resaved in out) == (stored != result)
    out.clear()
    first.check([ACCEPTABLE])  # a learner's second answer with the same status is stored too
    first.check([UNSAFE])
    assert [m["value"]["result"] for m in out if m.get("op") == "answer"] == [
        "acceptable", "unsafe"]
