"""End to end in Chromium against the real server: pages, navigation, quizzes, case studies."""

from __future__ import annotations

import re

import pytest
from _app_support import open_page

from infoshare_widgets.app.page_info import page_info
from infoshare_widgets.content import default_content_dir, load_content

CONTENT = load_content(default_content_dir())
SECTIONS = [s.id for s in CONTENT.sections]
ERROR_TEXTS = ["There was an error", "Error displaying widget", "Traceback", "Exception",
               "Failed to", CONTENT.text("app", "error_title")]
QUIZ_SECTION = next(s for s in SECTIONS if CONTENT.quizzes_for(s))


def main_text(page: object) -> str:
    return page.inner_text("#rendered_cells")  # type: ignore[attr-defined]


def answer_words() -> tuple[str, str]:
    return CONTENT.text("quiz", "correct"), CONTENT.text("quiz", "not_quite")


@pytest.mark.parametrize("section_id", SECTIONS)
def test_every_page_renders_its_content_with_no_error(loaded, section_id: str) -> None:
    page = loaded(section_id)
    section = CONTENT.section(section_id)
    text = main_text(page)
    for bad in ERROR_TEXTS:
        assert bad not in text, f"{section_id}: {bad!r} on the page"
    assert page.locator(".is-error-card").count() == 0
    assert page.title() == page_info(section.notebook)["full_title"]
    assert page.locator("h1").all_inner_texts() == [section.title]
    for topic in CONTENT.topics_for(section_id):
        assert topic.title in text, f"{section_id}: topic {topic.id} missing"
    for quiz in CONTENT.quizzes_for(section_id):
        assert quiz.title in text, f"{section_id}: quiz {quiz.id} missing"
    if section_id == "case-studies":
        assert CONTENT.case_studies
        for case in CONTENT.case_studies:
            assert case.name in text
    # the notebook's own Markdown (a note for trainers) is not shown; no code is shown
    assert "Edit the content files" not in text and "open_page" not in page.content()


def test_the_root_address_lands_on_the_start_page(app_server, context) -> None:
    page = open_page(context, app_server.url + "/")
    start = CONTENT.sections[0]
    assert page.url == app_server.page_url(start.notebook)
    assert page.locator("h1").inner_text() == start.title


def test_start_page_maps_every_section_with_links_that_work(loaded, app_server) -> None:
    page = loaded("start")
    links = page.locator(".is-section-map a")
    assert links.count() == len(CONTENT.sections) - 1
    for i, section in enumerate(CONTENT.sections[1:]):
        link = links.nth(i)
        assert link.inner_text() == section.title
        target = link.evaluate("a => a.href")
        assert target == app_server.page_url(section.notebook)
    text = main_text(page)
    for section in CONTENT.sections[1:]:
        assert section.summary in text
    for topic_id in ("how-to-use", "progress"):
        topic = next(t for t in CONTENT.topics if t.id == topic_id)
        assert topic.title in text


def test_next_previous_and_home_links_walk_through_every_section(app_server, context) -> None:
    page = open_page(context, app_server.section_url(SECTIONS[0]))
    from _app_support import wait_settled

    for section in CONTENT.sections[1:]:
        page.locator(".is-nav-top a[rel=next]").click()
        wait_settled(page)
        assert page.locator("h1").inner_text() == section.title
        assert page.url == app_server.page_url(section.notebook)
    assert page.locator("a[rel=next]").count() == 0  # the last page has no Next
    page.locator(".is-nav-bottom a[rel=prev]").click()
    wait_settled(page)
    assert page.locator("h1").inner_text() == CONTENT.sections[-2].title
    page.locator(".is-nav-bottom .is-nav-home").click()
    wait_settled(page)
    assert page.locator("h1").inner_text() == CONTENT.sections[0].title
    assert page.locator("a[rel=prev]").count() == 0  # the first page has no Previous


def first_question(page: object) -> object:
    return page.locator(".is-quiz .is-q").first  # type: ignore[attr-defined]


def test_a_quiz_answered_with_the_mouse_gives_feedback(app_server, context) -> None:
    page = open_page(context, app_server.section_url(QUIZ_SECTION))
    question = first_question(page)
    question.scroll_into_view_if_needed()
    question.locator("label").first.click()
    assert question.locator("input").first.is_checked()
    question.locator(".is-q-check").click()
    feedback = question.locator(".is-q-feedback")
    feedback.filter(has_text=re.compile("|".join(map(re.escape, answer_words())))).wait_for()
    assert feedback.get_attribute("role") == "status"


def test_a_quiz_answered_with_the_keyboard_alone_gives_feedback(app_server, context) -> None:
    page = open_page(context, app_server.section_url(QUIZ_SECTION))
    question = first_question(page)
    first_input = question.locator("input").first
    page.locator("body").focus()
    for _ in range(400):  # Tab through the page to the question's options
        page.keyboard.press("Tab")
        if first_input.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the quiz's first option")
    page.keyboard.press("Space")
    assert first_input.is_checked()
    page.keyboard.press("Tab")
    check = question.locator(".is-q-check")
    if not check.evaluate("el => el === document.activeElement"):  # a multiple-choice question
        for _ in range(20):
            page.keyboard.press("Tab")
            if check.evaluate("el => el === document.activeElement"):
                break
    assert check.evaluate("el => el === document.activeElement"), "Tab did not reach Check"
    page.keyboard.press("Enter")
    feedback = question.locator(".is-q-feedback")
    feedback.filter(has_text=re.compile("|".join(map(re.escape, answer_words())))).wait_for()


def reveal_and_check(page: object, index: int, press: str | None) -> None:
    """Reveal the model points of the index-th case-study question, by mouse or by a key."""
    case = CONTENT.case_studies[0]
    button = page.locator(".is-case-study").first.locator(".is-reveal-button").nth(index)
    assert button.get_attribute("aria-expanded") == "false"
    if press is None:
        button.click()
    else:
        page.locator("body").focus()
        for _ in range(400):
            page.keyboard.press("Tab")
            if button.evaluate("el => el === document.activeElement"):
                break
        else:
            pytest.fail("Tab never reached the reveal button")
        page.keyboard.press(press)
    panel = page.locator(f"#{button.get_attribute('aria-controls')}")
    first_point = re.sub(r"[*_`]", "", case.questions[index].points[0]).split("\n")[0][:40]
    panel.filter(has_text=first_point).wait_for()
    assert button.get_attribute("aria-expanded") == "true"


def test_a_case_study_is_revealed_with_the_mouse(app_server, context) -> None:
    page = open_page(context, app_server.section_url("case-studies"))
    reveal_and_check(page, 0, None)


def test_a_case_study_is_revealed_with_the_keyboard(app_server, context) -> None:
    page = open_page(context, app_server.section_url("case-studies"))
    reveal_and_check(page, 1, "Enter")
    reveal_and_check(page, 2, "Space")


def test_the_facilitator_mode_reaches_a_preheated_page(app_server, context) -> None:
    topic = next(t for t in CONTENT.topics_for("start") if t.facilitator_notes)
    note = re.sub(r"[*_`]", "", topic.facilitator_notes).split("\n")[0][:40]
    learner = open_page(context, app_server.section_url("start"))
    assert note not in main_text(learner)
    facilitator = open_page(context, app_server.section_url("start", "mode=facilitator"))
    assert note in main_text(facilitator)
    next_link = facilitator.locator(".is-nav-top a[rel=next]").get_attribute("href")
    assert next_link.endswith("?mode=facilitator")
