"""The author area end to end in a real browser, on the "author" group's server (started once
with --authoring, `author_server`): a publisher signs in, builds a quiz by keyboard, previews,
publishes, sees it as a learner, changes it, rolls back; builds a case study with the errors
shown on leaving a filled field and the live preview following the typing; axe on every page
and error state (the scenario builder's too)."""

from __future__ import annotations

import time

from _app_support import HARDENED_NOTEBOOK, describe_violations, open_page, run_axe, wait_settled
from _author_support import add_account

PASSWORD = "a long enough password"


def axe_clean(page) -> None:
    found = run_axe(page)
    assert not found, describe_violations(found)


def press(page, selector: str) -> None:
    """A button pressed from the keyboard (focus, then Enter), as a keyboard user would."""
    page.focus(selector)
    page.keyboard.press("Enter")


def sign_in_from_link(page, link: str, name: str) -> None:
    page.goto(link)
    page.fill("#password", PASSWORD)
    page.fill("#again", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/author/sign-in?done=set")
    page.fill("#name", name)
    page.fill("#password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/author")


def build_a_quiz(page) -> None:
    """From the list to a previewed quiz: the error summary first, then a third answer."""
    page.click("text=What is on the site")
    page.wait_for_url("**/author/items")
    axe_clean(page)
    page.click("text=Create a quiz")
    page.wait_for_url("**/author/quizzes/new")
    axe_clean(page)
    press(page, "button[value=preview] >> nth=0")  # nothing filled in: the summary
    page.wait_for_selector(".is-author-errors a[href='#id']")
    assert page.evaluate("document.activeElement.className") == "is-author-errors"
    axe_clean(page)
    page.fill("#id", "browser-quiz")
    page.fill("#title", "A quiz made in the browser")
    page.select_option("#section", "what-is-it")
    page.fill("[id='questions.0.prompt']", "Who can you ask for advice?")
    press(page, "button[value=add-option-0]")
    page.wait_for_selector("[id='questions.0.options.2.text']")
    for n, (answer, feedback) in enumerate([("Your safeguarding lead", "Right: ask them."),
                                            ("Nobody", "You do not have to decide alone."),
                                            ("The person's neighbour", "Not for advice.")]):
        page.fill(f"[id='questions.0.options.{n}.text']", answer)
        page.fill(f"[id='questions.0.options.{n}.feedback']", feedback)
    page.focus("[id='questions.0.options.0.correct']")
    page.keyboard.press("Space")
    press(page, "button[value=preview] >> nth=0")
    preview_says(page, "Your safeguarding lead (right answer)")
    axe_clean(page)


def preview_says(page, text: str) -> None:
    """Wait (generously) until the preview shows ``text``: drawn by the server on a check, or
    refilled by the live preview as the author types."""
    page.wait_for_function(
        "t => { const p = document.querySelector('.is-author-preview');"
        " return p && !p.hidden && p.innerText.includes(t); }", arg=text, timeout=30_000)


def slowly(route) -> None:  # type: ignore[no-untyped-def]
    """Answer a preview request a second late (requests wait their turn behind it)."""
    time.sleep(1)
    route.continue_()


def build_a_case_study(page, url: str) -> None:
    """The case-study builder: no error on leaving an empty field, a filled field's problem on
    leaving it (and gone when fixed), the live preview following the typing, then publish."""
    page.goto(f"{url}/author/case_studies/new")
    axe_clean(page)
    page.focus("#id")
    page.keyboard.press("Tab")  # entered and left empty: no error
    page.fill("#about", "A worker hears something worrying.")
    page.focus("#story")  # left filled with no problem: no error either
    # a slow server: the preview typed into #id starts (600 ms after the key) while the check
    # of leaving #id is still on its way; that check's answer must still be shown
    page.route("**/author/preview/**", slowly)
    page.fill("#id", "Not An Id")
    page.focus("#name")
    page.wait_for_selector("#id-error", timeout=30_000)
    page.unroute("**/author/preview/**", slowly)
    assert page.locator(".is-author-error").count() == 1  # only the field left, no summary
    assert page.get_attribute("#id", "aria-invalid") == "true"
    axe_clean(page)
    page.fill("#id", "browser-case")
    page.focus("#name")
    page.wait_for_selector("#id-error", state="detached", timeout=30_000)
    page.fill("#name", "Sam at the youth club")
    page.fill("#story", "Sam, 13, says home is hard.")
    for n in range(3):
        page.fill(f"[id='questions.{n}.points']", f"A point for prompt {n + 1}.")
    preview_says(page, "Sam, 13, says home is hard.")
    page.wait_for_selector("#preview-status:has-text('Preview updated')", timeout=30_000)
    page.focus("#story")
    page.keyboard.press("End")
    page.keyboard.type(" She asks you to keep it secret.")  # typed: the preview follows
    preview_says(page, "She asks you to keep it secret.")
    axe_clean(page)
    press(page, "button[value=publish]")
    page.wait_for_url("**/author/items?done=published")


def scenario_pages_are_axe_clean(page, url: str) -> None:
    """The scenario builder, blank and with its error summary (built in the fast tests)."""
    page.goto(f"{url}/author/scenarios/new")
    axe_clean(page)
    press(page, "button[value=preview] >> nth=0")
    page.wait_for_selector(".is-author-errors a[href='#id']")
    axe_clean(page)


def test_a_publisher_builds_previews_publishes_and_rolls_back_a_quiz_learners_see(
        author_server, browser) -> None:
    link = add_account(author_server, "dana", "publisher")
    context = browser.new_context(viewport={"width": 1000, "height": 900}, bypass_csp=True)
    page = context.new_page()
    try:
        sign_in_from_link(page, link, "dana")
        build_a_quiz(page)
        press(page, "button[value=publish]")
        page.wait_for_url("**/author/items?done=published")
        axe_clean(page)
        learner = open_page(context, author_server.app.page_url(HARDENED_NOTEBOOK))
        assert "A quiz made in the browser" in learner.inner_text("body")
        page.goto(f"{author_server.url}/author/quizzes/edit/browser-quiz")
        page.fill("#title", "A quiz changed in the browser")
        press(page, "button[value=publish]")
        page.wait_for_url("**/author/items?done=published")
        page.goto(f"{author_server.url}/author/history/quizzes/browser-quiz")
        axe_clean(page)
        press(page, "summary >> nth=0")  # What changed, opened by keyboard: the diff
        assert "A quiz changed in the browser" in page.inner_text("main")
        axe_clean(page)
        press(page, "text=Roll back to version 1")
        page.wait_for_url("**/history/quizzes/browser-quiz?done=rolled")
        axe_clean(page)
        scenario_pages_are_axe_clean(page, author_server.url)
        build_a_case_study(page, author_server.url)
        learner.reload()
        wait_settled(learner)
        shown = learner.inner_text("body")
        assert "A quiz made in the browser" in shown and "changed in the browser" not in shown
    finally:
        context.close()
