"""The guided lawful-basis helper in Chromium: by keyboard alone on one page, by mouse on the
Tips page where its answer is carried into the decision record; axe-clean on both."""

from __future__ import annotations

import pytest
from _app_support import describe_violations, open_page, run_axe
from _shipped import shipped_content

CONTENT = shipped_content()
HELPER = CONTENT.basis_helper
# A charity sharing health information about a child, not urgent, asking would put the child at
# more risk, and no law requires the disclosure.
PICKS = {"who": "charity", "about": "child", "data": "special", "urgent": "no", "consent": "risky",
         "duty": "no"}


def option_text(question_id: str, option_id: str) -> str:
    question = next(q for q in HELPER.questions if q.id == question_id)  # type: ignore[union-attr]
    return next(o.text for o in question.options if o.id == option_id)


def summary(part_id: str, rule_id: str) -> str:
    part = next(p for p in HELPER.parts if p.id == part_id)  # type: ignore[union-attr]
    return next(r.summary for r in part.rules if r.id == rule_id)


def helper_on(page: object) -> object:
    helper = page.locator(".is-helper").first  # type: ignore[attr-defined]
    helper.scroll_into_view_if_needed()
    return helper


def test_the_helper_by_keyboard_alone(app_server, context) -> None:
    """Picked by keyboard; the result read as the mouse test read it. The helper by mouse:
    test_the_answer_is_carried_into_the_decision_record (one page load, not two, on this one)."""
    page = open_page(context, app_server.section_url("what-is-it"))
    helper = helper_on(page)
    assert helper.locator("fieldset").count() == len(HELPER.questions)  # type: ignore[union-attr]
    first = helper.locator("input[type=radio]").first
    for _ in range(400):  # Tab through the page to the helper's first question
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        if first.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the helper's first option")
    # In each group: Space picks the focused radio, ArrowDown moves to (and picks) the next one.
    wanted = [[o.id for o in q.options].index(PICKS[q.id])  # type: ignore[union-attr]
              for q in HELPER.questions]  # type: ignore[union-attr]
    for n, index in enumerate(wanted):
        page.keyboard.press("Space")  # type: ignore[attr-defined]
        for _ in range(index):
            page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
        if n < len(wanted) - 1:
            page.keyboard.press("Tab")  # type: ignore[attr-defined]  # the next group
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    show = helper.locator(".is-helper-show")
    assert show.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    status = helper.locator(".is-helper-status")
    try:
        status.filter(has_text=summary("basis", "voluntary")).wait_for(timeout=15000)
    except Exception:
        pytest.fail(f"status: {status.inner_text()!r}; checked: "
                    f"{[i.is_checked() for i in helper.locator('input').all()]}")
    for question, option in PICKS.items():
        assert helper.get_by_label(option_text(question, option), exact=True).is_checked()
    result = helper.locator(".is-helper-result")
    assert result.is_visible()
    text = result.inner_text()
    assert summary("confidentiality", "unsafe-to-ask") in text
    assert summary("condition", "special-child") in text
    law = result.locator("details.is-helper-law").first
    assert HELPER.law_label in law.inner_text()  # type: ignore[union-attr]
    assert not law.evaluate("el => el.open"), "the law is one step away, closed at first"
    assert "ico.org.uk" in result.locator("a").first.get_attribute("href")
    assert helper.locator(".is-helper-use").is_hidden(), "no decision record on this page"
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)


def test_the_answer_is_carried_into_the_decision_record(app_server, context) -> None:
    """By mouse: shown with nothing picked it says how many are unanswered; picked, its
    answer goes into the record."""
    page = open_page(context, app_server.section_url("tips"))
    helper = helper_on(page)
    helper.locator(".is-helper-show").click()
    status = helper.locator(".is-helper-status")
    status.filter(has_text=str(len(PICKS))).wait_for()  # "6 not answered yet"
    assert helper.locator(".is-helper-result").is_hidden()
    for question, option in PICKS.items():
        helper.get_by_label(option_text(question, option), exact=True).click()
    helper.locator(".is-helper-show").click()
    status.filter(has_text=summary("basis", "voluntary")).wait_for()
    use = helper.locator(".is-helper-use")
    use.wait_for()
    use.click()
    basis = next(b.name for b in CONTENT.lawful_bases.bases  # type: ignore[union-attr]
                 if b.id == "recognised-legitimate-interests")
    # The result's own status line names the basis too: wait for the "filled in" line itself.
    filled = CONTENT.text("lawful_basis", "helper_used").split("{")[0].strip()
    helper.locator(".is-helper-status").filter(has_text=filled).wait_for()
    assert basis in helper.locator(".is-helper-status").inner_text()
    record = page.locator(".is-record-form")
    assert record.get_by_label(basis, exact=True).is_checked()
    assert record.get_by_label("Yes", exact=True).first.is_checked()
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
