"""ui/reveal.js: a case study's prompt, note box and disclosure (replaces the source greps
test_case_study_view.py::test_front_end_sets_learner_text_as_text_and_html_only_from_sanitised_items
and ::test_front_end_is_an_accessible_disclosure_with_a_live_region)."""

from __future__ import annotations

from infoshare_widgets.ui.reveal import Reveal, RevealWording
from infoshare_widgets.ui.reveal_widget import RevealWidget

IMG = "<img src=x onerror=alert(1)>"


def reveal() -> RevealWidget:
    widget = RevealWidget(Reveal(items=("<p>Talk to the <em>DSL</em></p>", "<p>Record it</p>")),
                          RevealWording(reveal="Show points", next="Next", hide="Hide"),
                          heading=f"What now {IMG}?", note_label="Your thoughts",
                          note_hint="Not saved anywhere.", context="Jessie:",
                          panel_heading="Points to consider",
                          count_words={"limit": "You can enter up to {max} characters",
                                       "left": "You have {count} characters remaining"},
                          max_length=100)
    return widget


def test_learner_and_authored_text_is_text_and_only_items_are_html(widget_page) -> None:
    widget = reveal()
    host = widget_page.mount(widget)
    assert host.get_by_role("heading", name=f"What now {IMG}?").is_visible()
    assert host.locator("img").count() == 0
    box = host.get_by_role("textbox", name=f"Jessie: What now {IMG}? Your thoughts")
    box.fill(IMG)
    assert host.locator("img").count() == 0
    widget.press()
    widget_page.sync(widget)
    items = host.get_by_role("listitem")
    assert items.count() == 2 and items.first.locator("em").inner_text() == "DSL"
    assert box.input_value() == IMG  # a kernel update leaves the note alone


def test_the_note_stays_in_the_page(widget_page) -> None:
    host = widget_page.mount(reveal())
    host.get_by_role("textbox").fill("A private thought about a real family")
    widget_page.kept_nothing()
    # Its count follows the typing (text_box.js), and says when there is too much.
    assert "remaining" in host.locator(".is-count-message").inner_text()
    host.get_by_role("textbox").fill("x" * 120)
    assert host.get_by_role("textbox").get_attribute("aria-invalid") == "true"
    widget_page.kept_nothing()


def test_an_accessible_disclosure_with_a_live_region(widget_page) -> None:
    widget = reveal()
    host = widget_page.mount(widget)
    box = host.get_by_role("textbox")
    hint = host.get_by_text("Not saved anywhere.")
    assert hint.get_attribute("id") in box.get_attribute("aria-describedby").split()
    button = host.get_by_role("button", name="Show points")
    assert button.get_attribute("type") == "button"
    assert button.get_attribute("aria-expanded") == "false"
    panel = host.locator(f"#{button.get_attribute('aria-controls')}")
    assert panel.locator("[aria-live=polite]").count() == 1
    button.focus()
    widget_page.page.keyboard.press("Enter")
    assert widget_page.sent == [{"event": "press"}]
    widget.press()
    widget_page.sync(widget)
    button = host.get_by_role("button", name="Hide")  # this wording names the open state
    assert button.get_attribute("aria-expanded") == "true"
    assert panel.get_by_role("heading", name="Points to consider").is_visible()
    assert panel.locator("[aria-live=polite] li").count() == 2
    assert widget_page.page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.outlineOffset]; })()") == \
        ["solid", "3px", "2px"]


def test_large_targets_and_nothing_wider_than_a_phone(widget_page) -> None:
    widget_page.page.set_viewport_size({"width": 320, "height": 700})
    host = widget_page.mount(reveal())
    assert float(widget_page.style(".is-reveal-button", "min-height").removesuffix("px")) >= 44
    width = host.evaluate("(node) => [node.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1]
