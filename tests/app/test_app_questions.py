"""The questions in Chromium (issue 14): feedback in view and announced once, the inline error,
one question at a time (progress still restored), "On this page", details and secondary buttons,
"Check answer" named by its question, and the radios as the page's source of truth.

Every wait is for a state of the page; no test sleeps. Checks happen at 1280 × 800.
"""

from __future__ import annotations

import re

import pytest
from _app_support import describe_violations, open_page, run_axe, wait_settled
from _shipped import shipped_content

from infoshare_widgets.content.templates import fill

CONTENT = shipped_content()
DESKTOP = {"width": 1280, "height": 800}
BASES = [b.id for b in CONTENT.lawful_bases.bases]
SCENARIOS = CONTENT.scenarios.scenarios
RIGHT = BASES.index(SCENARIOS[0].fits[0])  # a right pick for the first scenario
SECOND_RIGHT = BASES.index(SCENARIOS[1].fits[0])
SECOND_WRONG = next(i for i, b in enumerate(BASES) if b not in SCENARIOS[1].fits)


def q(key: str, **values: object) -> str:
    return fill(CONTENT.text("quiz", key), **values)


# Counts every change of content inside a live region (role status/alert/log or aria-live other
# than "off"), as a screen reader would hear it: one per mutation record.
COUNT_LIVE_JS = """() => {
  window.isLiveChanges = 0;
  const live = (node) => {
    for (let n = node.nodeType === 1 ? node : node.parentElement; n; n = n.parentElement) {
      const polite = n.getAttribute('aria-live');
      if (polite === 'off') return false;
      if (polite || ['status', 'alert', 'log'].includes(n.getAttribute('role'))) return true;
    }
    return false;
  };
  new MutationObserver((records) => {
    for (const r of records) if (live(r.target)) window.isLiveChanges += 1;
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}"""

IN_VIEW_JS = """(el) => {
  const r = el.getBoundingClientRect();
  return r.height > 0 && r.top >= -1 && (r.bottom <= innerHeight + 1 || r.top <= innerHeight / 4);
}"""


@pytest.fixture
def desktop(browser):  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport=DESKTOP)
    ctx.set_default_navigation_timeout(60_000)  # a busy machine's pool refill; no test waits it
    try:
        yield ctx
    finally:
        ctx.close()


def scenario_shown(page: object) -> object:
    """The one scenario on show (the exercise shows one at a time)."""
    shown = page.locator(".is-lb-scenarios .is-q:visible")  # type: ignore[attr-defined]
    assert shown.count() == 1
    return shown


def go_next(page: object, question: object, position: str) -> object:
    """Press "Next question" and wait for the next question to take the focus."""
    question.locator(".is-q-next").click()  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "(p) => document.activeElement && document.activeElement.classList.contains("
        "'is-q-position') && document.activeElement.textContent.startsWith(p)", arg=position)
    return scenario_shown(page)


def position(number: int) -> str:
    return fill(CONTENT.text("lawful_basis", "scenario_position"), number=number,
                total=len(SCENARIOS))


def test_feedback_is_in_view_announced_once_an_empty_check_is_an_inline_error_and_no_reply_unticks(
        app_server, desktop) -> None:
    page = open_page(desktop, app_server.section_url("what-is-it"))
    page.evaluate(COUNT_LIVE_JS)
    scenario = scenario_shown(page)
    check = scenario.locator(".is-q-check")
    fieldset = scenario.locator("fieldset")

    # Nothing chosen: GOV.UK's inline error on the group, said once.
    check.evaluate("b => b.scrollIntoView({block: 'end'})")
    check.click()
    error = scenario.locator(".is-q-error")
    error.wait_for()
    assert error.text_content() == f"{q('error_prefix')} {q('nothing_chosen')}"
    assert fieldset.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in fieldset.get_attribute("aria-describedby").split()
    assert page.evaluate("() => window.isLiveChanges") == 1
    assert scenario.locator(".is-q-retry").is_hidden()  # nothing to try again

    # An answer: the error goes; the verdict is a short heading, scrolled into view, said once.
    scenario.locator(f'label[for$="-option-{RIGHT}"]').click()
    check.evaluate("b => b.scrollIntoView({block: 'end'})")  # the feedback would fall below
    page.evaluate("() => { window.isLiveChanges = 0; }")
    check.click()
    verdict = scenario.locator(".is-q-feedback h4.is-q-verdict")
    verdict.wait_for()
    assert verdict.inner_text().strip() == q("correct")
    assert fieldset.get_attribute("aria-invalid") is None and error.is_hidden()
    assert scenario.locator(".is-q-feedback").evaluate(IN_VIEW_JS)
    # The score sits beside the question, plain text (not a live region of its own).
    place = scenario.locator(".is-q-position")
    assert place.inner_text() == f"{position(1)} · {q('score_beside', correct=1)}"
    assert place.get_attribute("aria-live") is None and place.get_attribute("role") is None

    # The same answer again: its words are said again, still as one change.
    old = verdict.element_handle()
    check.click()
    page.wait_for_function("(v) => !v.isConnected", arg=old)
    second = go_next(page, scenario, position(2))  # every reply to the checks has arrived
    assert page.evaluate("() => window.isLiveChanges") == 2
    assert second.locator(".is-q-position").inner_text().endswith(q("score_beside", correct=1))
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)

    # A reply from the kernel never unticks what the learner just ticked: a wrong answer,
    # "Try again", then at once (before the kernel answers) a new tick.
    second.locator(f'label[for$="-option-{SECOND_WRONG}"]').click()
    second.locator(".is-q-check").click()
    second.locator(".is-q-retry").wait_for()
    second.evaluate("""(q, right) => {
        q.querySelector('.is-q-retry').click();
        q.querySelector(`input[value="${right}"]`).click();  // by content index
    }""", SECOND_RIGHT)
    page.wait_for_function("(q) => !q.querySelector('.is-q-feedback').textContent",
                           arg=second.element_handle())
    second.locator(".is-q-check").click()
    verdict = second.locator(".is-q-feedback .is-q-verdict")
    verdict.wait_for()
    assert verdict.inner_text().strip() == q("correct")
    assert second.locator(f'input[value="{SECOND_RIGHT}"]').is_checked()
    assert not re.search(re.escape(q("error_prefix")), second.locator(".is-q-feedback")
                         .text_content())


def test_one_question_at_a_time_keeps_progress_and_a_long_page_lists_its_parts(
        app_server, desktop) -> None:
    page = open_page(desktop, app_server.section_url("what-is-it"))
    # "On this page": the page is long, so it starts with a link to each of its parts.
    contents = page.get_by_role("navigation", name=CONTENT.text("app", "on_this_page"))
    contents.wait_for()
    links = contents.get_by_role("link")
    titles = page.locator("#rendered_cells h2:visible").evaluate_all(
        "hs => hs.filter(h => !h.closest('.is-contents')).map(h => h.textContent.trim())")
    assert links.all_inner_texts() == titles and len(titles) > 3
    quiz = CONTENT.quizzes_for("what-is-it")[0]
    contents.get_by_role("link", name=quiz.title).click()
    page.wait_for_function(  # the focus moves to the part the learner chose
        "(t) => document.activeElement.tagName === 'H2' && "
        "document.activeElement.textContent === t && location.hash === "
        "'#' + document.activeElement.id", arg=quiz.title)

    # One scenario at a time; "Next question" shows the next and puts the focus on it.
    first = scenario_shown(page)
    assert first.locator(".is-q-previous").is_hidden()
    # "Next question" is named by the scenario it shows, not the one it sits under.
    assert first.locator(".is-q-next").get_attribute("aria-label") == \
        f"{q('next_question')}: {SCENARIOS[1].title}"
    assert first.locator(".is-q-position").inner_text().startswith(position(1))
    second = go_next(page, first, position(2))
    assert second.locator("h3").inner_text() == SCENARIOS[1].title
    assert second.locator(".is-q-previous").get_attribute("aria-label") == \
        f"{q('previous_question')}: {SCENARIOS[0].title}"
    second.locator(f'label[for$="-option-{SECOND_RIGHT}"]').click()
    second.locator(".is-q-check").click()
    second.locator(".is-q-verdict").wait_for()
    page.wait_for_function(
        "() => Object.keys(localStorage).some(k => k.startsWith('infoshare-progress:') && "
        "localStorage.getItem(k).includes('answers'))")
    second.locator(".is-q-previous").click()
    page.wait_for_function("(p) => document.activeElement.textContent.startsWith(p)",
                           arg=position(1))

    # Reloaded: the answer to the second scenario is back, quietly, on its page of the exercise.
    page.reload()
    wait_settled(page)
    first = scenario_shown(page)
    first.locator(".is-q-position").filter(
        has_text=q("score_beside", correct=1)).wait_for()  # the restored answer is counted
    second = go_next(page, first, position(2))
    assert second.locator(f'input[value="{SECOND_RIGHT}"]').is_checked()
    assert second.locator(".is-q-feedback .is-q-verdict").inner_text().strip() == q("correct")
    assert second.locator(".is-q-feedback").get_attribute("aria-live") == "off"

    # A facilitator's scenarios are paged, with no score: test_app_facilitator.py's reveal test.


def test_a_short_page_lists_no_parts(loaded) -> None:
    page = loaded("start")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.locator(".is-contents").is_hidden()


def test_named_buttons_details_and_secondary_buttons(app_server, desktop) -> None:
    page = open_page(desktop, app_server.section_url("children"))
    # Every "Check answer" names its question, so no two share a name on the page. A question
    # the pager does not show is drawn when it is shown (question.js): until then its button
    # has no name and is out of the page with its widget's box.
    drawn = page.locator(".is-q-check").evaluate_all(
        "bs => bs.map(b => b.getAttribute('aria-label'))")
    names = [name for name in drawn if name is not None]
    assert len(drawn) > 6 and len(names) >= 2 and len(set(names)) == len(names)
    assert page.locator(".is-q-check:not([aria-label]):visible").count() == 0
    assert all(n.startswith(q("check") + ": ") for n in names)
    shown = page.locator(".is-q-check:visible").evaluate_all(
        "bs => bs.map(b => b.getAttribute('aria-label'))")
    assert len(shown) == 2  # the golden-rules check and the quiz: one question each on show
    for name in shown:
        assert page.get_by_role("button", name=name, exact=True).count() == 1

    # "Show the full rule": GOV.UK's details, a fixed label; the browser says it is open.
    details = page.locator("details.is-details")
    assert details.count() == 7
    summary = details.first.locator("summary")
    assert summary.inner_text() == CONTENT.text("golden_rules", "show_rule")
    summary.click()
    assert details.first.evaluate("d => d.open")
    assert summary.inner_text() == CONTENT.text("golden_rules", "show_rule")
    assert details.first.locator(".is-details-text").is_visible()

    # "Try again" and "Next question" are secondary: they do not look like "Check answer".
    question = page.locator(".is-quiz .is-q:visible").last
    question.locator("label").first.click()
    question.locator(".is-q-check").click()
    retry = question.locator(".is-q-retry")
    retry.wait_for()
    look = "b => getComputedStyle(b).backgroundColor"
    primary = question.locator(".is-q-check").evaluate(look)
    assert retry.evaluate(look) != primary
    assert question.locator(".is-q-next").evaluate(look) == retry.evaluate(look)
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)


# --- judgement graded like practice, and the score line that stays in view ----------------------

ADULTS_QUIZ = CONTENT.quizzes_for("adults")[0]
# What the learner picks in each question of the adults' quiz: a grade, or the right answer(s)
# where the question is not graded. One best, one unsafe and one acceptable choice at least.
PICKS = {"adult-says-no": "acceptable", "refusal-lacks-capacity": "best",
         "refusal-with-capacity-serious-harm": "unsafe", "refusal-others-at-risk": "best",
         "report-concern-first": "best"}
# The line, and what is under it: (its rect, the focused element's rect, its position).
UNDER_LINE_JS = """(q) => {
  const line = q.querySelector('.is-q-position').getBoundingClientRect();
  const focused = document.activeElement.getBoundingClientRect();
  return {lineTop: line.top, lineBottom: line.bottom, focusedTop: focused.top,
          focusedBottom: focused.bottom, inQuestion: q.contains(document.activeElement),
          position: getComputedStyle(q.querySelector('.is-q-position')).position};
}"""


def picked(question) -> list[str]:  # type: ignore[no-untyped-def]
    """The option texts the learner picks for a content question (see PICKS)."""
    grade = PICKS.get(question.id)
    if grade:
        return [next(o.text for o in question.options if o.grade == grade)]
    return [o.text for o in question.options if o.correct]


def test_graded_answers_the_summary_and_a_score_line_that_stays_in_view(app_server,
                                                                        browser) -> None:
    assert set(PICKS) <= {q.id for q in ADULTS_QUIZ.questions}
    assert {"best", "acceptable", "unsafe"} <= set(PICKS.values())
    ctx = browser.new_context(viewport={"width": 1280, "height": 600})  # taller than 30em
    ctx.set_default_navigation_timeout(60_000)
    try:
        page = open_page(ctx, app_server.section_url("adults"))
        # its title is the page's own HTML before it: the quiz after the rules' check
        assert [x.section for x in CONTENT.quizzes].count("adults") == 1
        quiz = page.locator(".is-quiz").last
        total = len(ADULTS_QUIZ.questions)
        for number, content_q in enumerate(ADULTS_QUIZ.questions, start=1):
            shown = quiz.locator(".is-q:visible")
            assert shown.count() == 1
            for text in picked(content_q):  # by its words: the options' order is the page's
                shown.locator("label", has_text=text).click()
            shown.locator(".is-q-check").click()
            verdict = shown.locator(".is-q-feedback .is-q-verdict")
            verdict.wait_for()
            grade = PICKS.get(content_q.id)
            if grade:  # the grade in words, not colour alone
                assert verdict.inner_text().strip() == q(grade)
                assert shown.locator(".is-q-feedback").get_attribute("data-grade") == grade
            if grade == "unsafe":
                check_line_stays_in_view(page, shown)
            if grade == "acceptable":
                violations = run_axe(page)
                assert violations == [], describe_violations(violations)
            if number < total:
                shown.locator(".is-q-next").click()
                page.wait_for_function(
                    "(p) => document.activeElement && document.activeElement.classList"
                    ".contains('is-q-position') && document.activeElement.textContent"
                    ".startsWith(p)", arg=q("question_position", number=number + 1, total=total))

        # Every question answered: the summary, in a live region, its links real links.
        shown = quiz.locator(".is-q:visible")
        summary = shown.locator(".is-q-summary")
        summary.locator("a").first.wait_for()
        score = q("score_graded", best=total - 2, total=total, unsafe=q("unsafe_one"))
        assert summary.get_attribute("role") == "status"
        assert summary.inner_text().startswith(f"{q('summary_label')} {score}: ")
        assert shown.locator(".is-q-position").inner_text().endswith(score)
        # adult-says-no (acceptable) first: its golden rule 5, a card on this same page.
        link = summary.get_by_role("link", name=q("revisit_rule", number=5), exact=True)
        assert link.get_attribute("href") == "#is-rule-adults-5"
        violations = run_axe(page)
        assert violations == [], describe_violations(violations)
        link.focus()  # keyboard reachable, and it goes where it says
        page.keyboard.press("Enter")
        page.wait_for_function("() => location.hash === '#is-rule-adults-5'")
        assert page.locator("#is-rule-adults-5").evaluate(IN_VIEW_JS)

        # A short window (400% zoom): the line no longer sticks.
        page.set_viewport_size({"width": 1280, "height": 400})
        assert shown.locator(".is-q-position").evaluate(
            "p => getComputedStyle(p).position") == "static"
    finally:
        ctx.close()


def check_line_stays_in_view(page, question) -> None:  # type: ignore[no-untyped-def]
    """After a check the position and score stay in view, and a control the keyboard moves to
    is never under them (WCAG 2.4.11): here the ticked radio, scrolled under the line first."""
    at = question.evaluate(UNDER_LINE_JS)
    assert at["position"] == "sticky" and at["lineTop"] >= 0 and at["lineBottom"] <= 600
    radio = question.locator("input:checked")
    radio.evaluate("r => window.scrollBy(0, r.getBoundingClientRect().top - 5)")
    at = question.evaluate(UNDER_LINE_JS)
    assert abs(at["lineTop"]) <= 1, at  # stuck at the top, over where the radio now is
    question.locator(".is-q-check").focus()
    page.keyboard.press("Shift+Tab")
    assert radio.evaluate("r => r === document.activeElement")
    at = question.evaluate(UNDER_LINE_JS)
    assert at["focusedTop"] >= at["lineBottom"] - 1, at  # not under the line


# Issue 23's audit counted 9.3 key presses a scenario, keyboard alone, before options were shown
# in a per-learner order: moving to the next scenario, choosing, checking. The order must not
# make it grow. A fixed seed, so the count is the same on every run.
KEYS_PER_SCENARIO = 9.3
ORDER_SEED_JS = """try { localStorage.setItem("infoshare-order-seed", "keyboardseed1"); }
  catch (e) {}"""
FOCUSED_JS = """(sel) => !!document.activeElement && document.activeElement.matches(sel)"""


def test_the_scenarios_by_keyboard_alone_take_no_more_key_presses_than_before(
        app_server, desktop) -> None:
    desktop.add_init_script(ORDER_SEED_JS)
    page = open_page(desktop, app_server.section_url("what-is-it"))
    scenario_shown(page).locator(".is-q-position").focus()  # where "Next question" leaves it
    counts = []
    for number, scenario in enumerate(SCENARIOS, start=1):
        shown, count = scenario_shown(page), 0

        def press(key: str) -> None:
            nonlocal count
            page.keyboard.press(key)
            count += 1

        def tab_to(selector: str, where: int = number) -> None:
            for _ in range(30):
                press("Tab")
                if page.evaluate(FOCUSED_JS, selector):
                    return
            raise AssertionError(f"scenario {where}: Tab never reached {selector}")

        tab_to("input[type=radio]")
        values = shown.locator("input[type=radio]").evaluate_all("rs => rs.map(r => r.value)")
        right = next(i for i, v in enumerate(values) if BASES[int(v)] in scenario.fits)
        for _ in range(right):
            press("ArrowDown")
        if right == 0:
            press("Space")
        tab_to(".is-q-check")
        press("Enter")
        shown.locator(".is-q-feedback h4.is-q-verdict").wait_for()
        assert shown.locator(".is-q-feedback h4.is-q-verdict").inner_text().strip() == q("correct")
        if number < len(SCENARIOS):
            tab_to(".is-q-next")
            press("Enter")
            page.wait_for_function(
                "(p) => document.activeElement && document.activeElement.classList.contains("
                "'is-q-position') && document.activeElement.textContent.startsWith(p)",
                arg=position(number + 1))
        counts.append(count)
    average = sum(counts) / len(counts)
    assert average <= KEYS_PER_SCENARIO, f"{average:.1f} key presses a scenario: {counts}"
