"""Facilitator mode in the real browser (issue 12): notes only for facilitators, the mode kept
across pages, case studies point by point (button and clicker keys), group questions, the timer.
"""

from __future__ import annotations

import re

import pytest
from _app_support import open_page, wait_settled
from _facilitator_notes import NOTES
from _shipped import shipped_content

from infoshare_widgets.content.templates import fill

CONTENT = shipped_content()
SECTIONS = [s.id for s in CONTENT.sections]
FACILITATOR = "mode=facilitator"


def test_the_content_has_notes_for_every_section_case_study_and_quiz() -> None:
    assert all(s.facilitator_notes for s in CONTENT.sections)
    assert all(c.facilitator_notes for c in CONTENT.case_studies)
    assert all(q.facilitator_notes for q in CONTENT.quizzes)
    assert all(r.facilitator_notes for r in CONTENT.golden_rules)
    assert sum(len(v) for v in NOTES.values()) >= 20


@pytest.mark.parametrize("section_id", SECTIONS)
def test_notes_are_absent_for_learners(loaded, section_id: str) -> None:
    notes = NOTES[section_id]
    assert notes, f"the {section_id} page has no facilitator notes"
    learner, frames = loaded(section_id), loaded.frames(section_id)
    html = learner.content()
    assert frames, "no websocket frame was recorded"
    for note in notes:
        assert note not in html, f"learner HTML holds a note: {note!r}"
        assert not any(note in f for f in frames), f"a websocket frame holds a note: {note!r}"
    assert learner.locator(".is-facilitator-notes, .is-timer").count() == 0
    # Shown to facilitators: test_app_facilitator_look.py reads them on the facilitator page it
    # loads for axe (one load of each page, not two).


def test_the_start_page_opens_facilitator_mode_and_navigation_keeps_it(app_server, context):
    start = open_page(context, app_server.section_url("start"))
    start.get_by_role("link", name=CONTENT.text("facilitator", "run_session")).click()
    start.wait_for_url(re.compile(r"\?mode=facilitator$"))
    wait_settled(start)
    assert start.locator(".is-timer").count() == 1
    guide = start.get_by_role("link", name=CONTENT.text("facilitator", "guide_link"))
    assert guide.get_attribute("href") == "#is-facilitator-guide"
    assert start.locator("#is-facilitator-guide").is_visible()
    for topic in CONTENT.topics_for("start"):  # no progress prompt for a room
        expected = 0 if topic.self_paced_only else 1
        assert start.locator(f"#is-topic-{topic.id}").count() == expected, topic.id
    # Next keeps the mode. Every facilitator page's own Next link, its timer, and nothing for
    # self-paced learners are checked on the page test_app_facilitator_look.py loads for axe.
    start.locator(".is-nav-top a[rel=next]").click()
    start.wait_for_load_state()
    wait_settled(start)
    assert start.url == app_server.section_url(SECTIONS[1], FACILITATOR)
    assert start.locator(".is-timer").count() == 1


def shown(page: object, case: object) -> list[int]:
    """How many points each prompt of a case study shows."""
    return case.locator(".is-reveal").evaluate_all(  # type: ignore[attr-defined]
        "els => els.map(e => e.querySelectorAll('.is-reveal-item').length)")


def test_case_studies_reveal_one_point_per_click_and_per_page_down(app_server, context) -> None:
    page = open_page(context, app_server.section_url("case-studies", FACILITATOR))
    cases = page.locator(".is-case-study")
    first, second = cases.nth(0), cases.nth(1)
    first.get_by_role("button", name=CONTENT.text("case_study", "next_point")).first.click()
    page.wait_for_function("() => document.querySelectorAll('.is-reveal-item').length === 1")
    assert shown(page, first)[0] == 1 and sum(shown(page, first)) == 1

    # The jump list puts the focus on the second case; one Page Down shows one point there.
    page.get_by_role("navigation", name=CONTENT.text("facilitator", "jump_label")) \
        .get_by_role("link", name=CONTENT.case_studies[1].name).click()
    page.keyboard.press("PageDown")
    page.wait_for_function("() => document.querySelectorAll('.is-reveal-item').length === 2")
    page.wait_for_timeout(500)  # a second point would have arrived by now
    assert shown(page, second)[0] == 1 and sum(shown(page, second)) == 1
    assert sum(shown(page, first)) == 1
    newest = second.locator(".is-reveal-item").last.bounding_box()
    assert newest["y"] >= 0 and newest["y"] + newest["height"] <= 900  # in the viewport

    # The Right Arrow does the same; outside a case study the keys reveal nothing.
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelectorAll('.is-reveal-item').length === 3")
    page.evaluate("() => document.activeElement.blur()")
    page.keyboard.press("PageDown")
    page.wait_for_timeout(800)
    assert page.locator(".is-reveal-item").count() == 3

    # "Reveal all" shows the rest of that prompt.
    total = len(CONTENT.case_studies[1].questions[0].points)
    second.get_by_role("button", name=CONTENT.text("facilitator", "reveal_all")).first.click()
    page.wait_for_function(f"() => document.querySelectorAll('.is-reveal-item').length === "
                           f"{1 + total}")


def test_reveal_answer_marks_the_right_options_scenarios_are_paged_and_the_timer_runs(
        app_server, context) -> None:
    page = open_page(context, app_server.section_url("what-is-it", FACILITATOR))
    # A facilitator's scenarios are paged, one on show, with no score beside the position.
    scenarios = page.locator(".is-lb-scenarios .is-q:visible")
    assert scenarios.count() == 1
    assert scenarios.locator(".is-q-position").inner_text() == fill(
        CONTENT.text("lawful_basis", "scenario_position"), number=1,
        total=len(CONTENT.scenarios.scenarios))
    quiz = next(q for q in CONTENT.quizzes if q.section == "what-is-it")
    question = page.locator(".is-gq").first
    # Nothing to answer and nothing scored: no question widget, no score line in the quiz.
    assert page.locator(".is-group-quiz .is-q").count() == 0
    assert question.locator(".is-gq-right, .is-gq-feedback").count() == 0
    question.get_by_role("button", name=CONTENT.text("facilitator", "reveal_answer")).click()
    page.wait_for_selector(".is-gq .is-gq-feedback")
    right = question.locator(".is-gq-right .is-gq-text").all_inner_texts()
    assert right == [o.text for o in quiz.questions[0].options if o.correct]
    options = quiz.questions[0].options
    assert question.locator(".is-gq-feedback").count() == len(options)
    assert question.locator(".is-gq-status[role=status]").inner_text() == \
        CONTENT.text("facilitator", "answer_shown")


    # The discussion timer (the same on every facilitator page): it starts, pauses, and ends
    # with its announcement.
    timer = page.locator(".is-timer")
    status = timer.get_by_role("status")
    clock = timer.get_by_role("timer")
    assert clock.inner_text() == "03:00"
    three = CONTENT.text("facilitator", "timer_minutes").replace("{minutes}", "3")
    timer.get_by_role("button", name=three, exact=True).click()
    assert status.inner_text().startswith("Timer started")
    page.wait_for_function("() => document.querySelector('.is-timer-clock').textContent < '02:30'")
    timer.get_by_role("button", name=CONTENT.text("facilitator", "timer_pause")).click()
    assert status.inner_text() == CONTENT.text("facilitator", "timer_paused")
    held = clock.inner_text()
    page.wait_for_timeout(1500)  # a running 3-second timer would be over by now
    assert clock.inner_text() == held != "00:00"
    timer.get_by_role("button", name=CONTENT.text("facilitator", "timer_resume")).click()
    page.wait_for_function("() => document.querySelector('.is-timer-clock').textContent "
                           "=== '00:00'", timeout=10_000)
    done = CONTENT.text("facilitator", "timer_done").replace("{minutes}", "3")
    assert status.inner_text() == done
    assert status.get_attribute("role") == "status"
