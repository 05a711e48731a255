"""Accessibility in Chromium: axe-core (WCAG 2.2 AA) before and after answering, and what axe
cannot check: options in a named group, options that do not overlap, no sideways scroll at 320px.
The after-answering test is also the reliability test's every-page check (the load settles, has
a kernel of its own, which goes once the page is left) and, its load being in a fresh context,
where each page's widget code is measured (issue 22): one load of each page for the three."""

from __future__ import annotations

import time

import pytest
from _app_support import describe_violations, kernel_id_of, run_axe, wait_settled
from _hardening_support import kernel_pids
from _shipped import shipped_content
from _widget_bytes import PageWidgets, check_widget_code, watch

CONTENT = shipped_content()
SECTIONS = [s.id for s in CONTENT.sections]

# Every radio and checkbox: in a fieldset with a non-empty legend (or a named group), sharing a
# name with the other options of its group, and with a label of its own.
GROUPS_JS = """() => {
  const problems = [];
  const inputs = [...document.querySelectorAll(
    '#rendered_cells input[type=radio], #rendered_cells input[type=checkbox]')];
  for (const input of inputs) {
    const where = input.id || input.name || input.outerHTML.slice(0, 80);
    const fieldset = input.closest('fieldset');
    const group = input.closest('[role=radiogroup], [role=group]');
    const legend = fieldset && fieldset.querySelector(':scope > legend');
    const groupName = group && (group.getAttribute('aria-label') ||
      (group.getAttribute('aria-labelledby') || '').split(' ').map(
        id => (document.getElementById(id) || {}).textContent || '').join(' '));
    if (!((legend && legend.textContent.trim()) || (groupName && groupName.trim())))
      problems.push(`${where}: not in a named group`);
    const label = input.labels && input.labels[0];
    if (!label || !label.textContent.trim()) problems.push(`${where}: no label`);
    const container = fieldset || group;
    if (container && input.type === 'radio') {
      const names = new Set([...container.querySelectorAll('input[type=radio]')].map(i => i.name));
      if (names.size !== 1 || !input.name) problems.push(`${where}: radios do not share a name`);
    }
  }
  return {count: inputs.length, problems};
}"""

# Pairs of option rows (the label and its input) whose boxes overlap.
OVERLAP_JS = """() => {
  const overlaps = [];
  const containers = document.querySelectorAll(
    '#rendered_cells fieldset, #rendered_cells [role=radiogroup]');
  for (const c of containers) {
    const boxes = [...c.querySelectorAll('input[type=radio], input[type=checkbox]')]
      .map(i => (i.labels && i.labels[0]) || i)
      .map(el => el.getBoundingClientRect())
      .filter(r => r.width > 0 && r.height > 0);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) overlaps.push([i, j, Math.round(x), Math.round(y)]);
    }
  }
  return overlaps;
}"""

# Anything wider than the window: the scrolling panel's own width, and every visible element.
SIDEWAYS_JS = """() => {
  const width = document.documentElement.clientWidth;
  const main = document.getElementById('rendered_cells');
  const wide = [];
  if (main.scrollWidth > main.clientWidth + 1) wide.push(`panel ${main.scrollWidth}px`);
  if (document.documentElement.scrollWidth > width + 1) wide.push('document');
  for (const el of main.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (el.closest('.is-visually-hidden')) continue;
    if (r.right > width + 1 || r.left < -1)
      wide.push(`${el.tagName}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return wide.slice(0, 10);
}"""


def answer_everything(page: object) -> None:
    """Choose the first option of every question and check it; reveal every model answer; open
    every details. Questions show one at a time (issue 14): "Next question" leads to the next."""
    questions = page.locator(".is-q")  # type: ignore[attr-defined]
    for i in range(questions.count()):
        question = questions.nth(i)
        question.scroll_into_view_if_needed()
        question.locator("label").first.click()
        question.locator(".is-q-check").click()
        question.locator(".is-q-feedback").filter(has_text=".").wait_for()
        following = question.locator(".is-q-next")
        if following.is_visible():
            following.click()
            questions.nth(i + 1).locator(".is-q-check").wait_for()
    buttons = page.locator(".is-reveal-button")  # type: ignore[attr-defined]
    for i in range(buttons.count()):
        button = buttons.nth(i)
        if button.get_attribute("aria-expanded") == "true":
            continue
        button.scroll_into_view_if_needed()
        button.click()
        page.locator(f".is-reveal-button[aria-controls='{button.get_attribute('aria-controls')}']"
                     "[aria-expanded=true]").wait_for()  # type: ignore[attr-defined]
    page.locator("details").evaluate_all(  # type: ignore[attr-defined]
        "ds => ds.forEach(d => { d.open = true; })")


@pytest.mark.parametrize("section_id", SECTIONS)
def test_axe_finds_no_violation_before_answering(loaded, section_id: str) -> None:
    violations = run_axe(loaded(section_id))
    assert violations == [], describe_violations(violations)


@pytest.mark.parametrize("section_id", SECTIONS)
def test_options_are_in_named_groups_and_do_not_overlap(loaded, section_id: str) -> None:
    page = loaded(section_id)
    result = page.evaluate(GROUPS_JS)
    assert result["problems"] == []
    if CONTENT.quizzes_for(section_id):
        assert result["count"] > 0, "a page with a quiz shows no options"
    assert page.evaluate(OVERLAP_JS) == []


@pytest.mark.parametrize("section_id", SECTIONS)
def test_axe_finds_no_violation_after_answering_and_at_320px(
        app_server, loaded, context, section_id: str) -> None:
    """Also the reliability check (test_app_reliability.py's story): the page settles, this visit
    has a kernel of its own (not the shared page's, another visit of the same page), and it is
    gone within a minute of the page being left. The visit, in this fresh context (nothing
    cached), is also issue 22's: each widget class's code comes once, over HTTP
    (_widget_bytes.py)."""
    page = context.new_page()
    seen = PageWidgets()
    watch(page, seen)
    page.goto(app_server.section_url(section_id))
    wait_settled(page)  # fails if the page stalls
    check_widget_code(page, seen)
    kernel = kernel_id_of(page)
    assert kernel != kernel_id_of(loaded(section_id)), "two visits shared a kernel"
    # (The kernel API answers only a page's own visitor: the kernel processes are counted.)
    assert kernel in kernel_pids(app_server)  # the open page's kernel is alive

    answer_everything(page)
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    page.set_viewport_size({"width": 320, "height": 640})
    settle_at(page, 320)
    assert page.evaluate(SIDEWAYS_JS) == []
    assert page.evaluate(OVERLAP_JS) == []
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)

    # Left by going elsewhere (closing the tab: test_app_leave.py); the same pagehide beacon.
    page.goto("about:blank")
    deadline = time.monotonic() + 60
    while kernel in kernel_pids(app_server) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert kernel not in kernel_pids(app_server), "a kernel still ran a minute after its page went"


def settle_at(page, width: int) -> None:  # type: ignore[no-untyped-def]
    """Wait until the page's panel has taken the new width and two frames have been drawn."""
    page.wait_for_function(
        """(w) => window.innerWidth === w && document.querySelector('#rendered_cells')
            .getBoundingClientRect().width <= w""", arg=width)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def test_body_text_is_18px_as_the_theme_says(loaded) -> None:
    page = loaded("start")
    size = page.evaluate("""() => parseFloat(getComputedStyle(
        document.querySelector('.is-topic p')).fontSize)""")
    assert size == 18  # theme.css --is-font-size; 22px only from 1600px wide
    width = page.evaluate("""() => document.querySelector('.is-topic p')
        .getBoundingClientRect().width / parseFloat(getComputedStyle(
        document.querySelector('.is-topic p')).fontSize)""")
    assert width <= 45  # about 70 characters a line: ~0.5em a character


def test_the_checks_catch_what_they_look_for(context) -> None:
    """Each check above fails on a page made to fail it (so a green run means something)."""
    page = context.new_page()
    page.set_content("""<html lang="en"><head><title>t</title></head><body>
      <main id="rendered_cells">
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
        <div><input type="radio" id="a" name="x"><label for="a">A</label></div>
        <fieldset><legend>Q</legend>
          <input type="radio" id="b" name="y">
          <label for="b" style="position:absolute;top:50px;left:10px">B</label>
          <input type="radio" id="c" name="y">
          <label for="c" style="position:absolute;top:55px;left:12px">C</label>
        </fieldset>
        <div style="width:2000px">wide</div>
      </main></body></html>""")
    assert "image-alt" in {v["id"] for v in run_axe(page)}
    assert any("not in a named group" in p for p in page.evaluate(GROUPS_JS)["problems"])
    assert page.evaluate(OVERLAP_JS) != []
    assert page.evaluate(SIDEWAYS_JS) != []
