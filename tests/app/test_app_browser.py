"""End to end in Chromium against the real server: pages, navigation, quizzes. (A case study
revealed by mouse and by keyboard: test_app_learner.py's case-studies test, one load for both.
Facilitator mode reaching a preheated page through the URL, its notes and its Next link:
test_app_facilitator_look.py, on the facilitator page of each section it loads for axe.)"""

from __future__ import annotations

import re

import pytest
from _app_support import SETTLED_JS, open_page, wait_settled
from _shipped import shipped_content

from infoshare_widgets.app.page_info import page_info

CONTENT = shipped_content()
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
    # the page ran under its policy (no 'unsafe-eval') without anything refused
    assert page.evaluate("window.isRefused") == [], section_id
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


def test_start_page_maps_every_section_with_links_that_work(loaded, app_server) -> None:
    page = loaded("start")
    links = page.locator(".is-task-list .is-task-link")  # a learner's map is the task list
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


def test_next_previous_and_home_links_lead_where_they_say(loaded, app_server) -> None:
    """Every page's links, read on the shared pages; test_the_links_work_from_the_root_address
    follows them (each page reached by a click is a page load: a few show the links work)."""
    urls = [app_server.page_url(s.notebook) for s in CONTENT.sections]
    for n, section in enumerate(CONTENT.sections):
        page = loaded(section.id)
        for bar in (".is-nav-top", ".is-nav-bottom"):
            following = page.locator(f"{bar} a[rel=next]")
            before = page.locator(f"{bar} a[rel=prev]")
            home = page.locator(f"{bar} .is-nav-home")
            if n + 1 < len(urls):
                assert following.evaluate("a => a.href") == urls[n + 1], (section.id, bar)
            else:
                assert following.count() == 0  # the last page has no Next
            assert home.evaluate("a => a.href") == urls[0], (section.id, bar)
            if n > 0:
                assert before.evaluate("a => a.href") == urls[n - 1], (section.id, bar)
            else:
                assert before.count() == 0  # the first page has no Previous


def test_the_links_work_from_the_root_address(app_server, context) -> None:
    page = open_page(context, app_server.url + "/")  # lands on the Start page
    start = CONTENT.sections[0]
    assert page.url == app_server.page_url(start.notebook)
    assert page.locator("h1").inner_text() == start.title
    for section in CONTENT.sections[1:3]:
        page.locator(".is-nav-top a[rel=next]").click()
        wait_settled(page)
        assert page.locator("h1").inner_text() == section.title
        assert page.url == app_server.page_url(section.notebook)
    page.locator(".is-nav-bottom a[rel=prev]").click()
    wait_settled(page)
    assert page.locator("h1").inner_text() == CONTENT.sections[1].title
    page.locator(".is-nav-bottom .is-nav-home").click()
    wait_settled(page)
    assert page.locator("h1").inner_text() == CONTENT.sections[0].title


def first_question(page: object) -> object:
    return page.locator(".is-quiz .is-q").first  # type: ignore[attr-defined]


def test_a_quiz_answered_with_the_keyboard_alone_then_the_mouse_gives_feedback(
        app_server, context) -> None:
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
    said = re.compile("|".join(map(re.escape, answer_words())))
    feedback.filter(has_text=said).wait_for()

    # Again with the mouse: Try again, tick the first option, Check.
    question.locator(".is-q-retry").click()
    page.wait_for_function("(q) => !q.querySelector('.is-q-feedback').textContent",
                           arg=question.element_handle())
    question.locator("label").first.click()
    assert first_input.is_checked()
    question.locator(".is-q-check").click()
    feedback.filter(has_text=said).wait_for()
    assert feedback.get_attribute("role") == "status"


def test_a_widget_that_cannot_be_drawn_says_so_and_the_rest_of_the_page_is_drawn(
        app_server, context) -> None:
    """The page's front end (app/front_end/main.js): a place whose model the kernel does not
    hold says the page's words for a part that failed, in its place; every other widget is drawn
    and the loading status goes. The place is added as the page's <main> arrives (a mutation
    observer; the page's own response is left as the server sent it, cookies and all)."""
    context.add_init_script("""new MutationObserver((changes, watch) => {
      const main = document.getElementById('is-main');
      if (!main) return;
      watch.disconnect();
      const place = document.createElement('div');
      const output = document.createElement('script');
      output.type = 'application/vnd.voila.cell-output+json';
      output.textContent = JSON.stringify({output_type: 'display_data', metadata: {}, data: {
        'application/vnd.jupyter.widget-view+json': {model_id: 'not-a-model'}}});
      place.appendChild(output);
      main.prepend(place);
    }).observe(document, {childList: true, subtree: true});""")
    page = context.new_page()
    page.goto(app_server.section_url(SECTIONS[0]))
    page.wait_for_function(SETTLED_JS)
    failed = page.locator("#is-main .is-module-failed")
    assert failed.count() == 1
    assert failed.inner_text() == page_info(CONTENT.sections[0].notebook)["part_failed"]
    assert failed.get_attribute("role") == "alert"
    assert page.locator("#loading").count() == 0
    assert page.locator(".jp-OutputArea-output .is-module[data-is-drawn]").count() >= 1
