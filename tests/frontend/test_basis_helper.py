"""basis_helper/helper.js: the lawful-basis helper's questions, result and live line, driven
through the real Python widget (each message and answer handed to it, its state sent back)."""

from __future__ import annotations

from _shipped import shipped_content

from infoshare_widgets.basis_helper.view import BasisHelperWidget

CONTENT = shipped_content()


def helper() -> BasisHelperWidget:
    assert CONTENT.basis_helper is not None, "the shipped content has a helper"
    return BasisHelperWidget(CONTENT, CONTENT.basis_helper)


def test_named_groups_of_radios_a_result_and_start_again(widget_page) -> None:
    widget = helper()
    host = widget_page.mount(widget)
    groups = host.get_by_role("group")
    assert groups.count() == len(CONTENT.basis_helper.questions) > 0
    first = CONTENT.basis_helper.questions[0]
    group = host.get_by_role("group", name=first.prompt)
    group.get_by_label(first.options[0].text).check()
    assert widget_page.calls[-2:] == [["set", "answers", {first.id: first.options[0].id}],
                                      ["save_changes"]]
    widget_page.roundtrip(widget)
    assert widget.answers == {first.id: first.options[0].id}
    # Show what fits with a question unanswered: the live line says so.
    host.get_by_role("button", name=widget.show_label).click()
    assert widget_page.sent[-1]["event"] == "show"
    widget_page.roundtrip(widget)
    status = host.get_by_role("status")
    assert status.inner_text() == widget.status != ""
    for question in CONTENT.basis_helper.questions:
        host.get_by_role("group", name=question.prompt).get_by_role("radio").first.check()
    host.get_by_role("button", name=widget.show_label).click()
    widget_page.roundtrip(widget)
    result = host.locator(".is-helper-result")
    assert result.is_visible() and result.inner_text().strip()
    # Start again: the radios clear at once and the focus goes back to the first.
    host.get_by_role("button", name=widget.clear_label).click()
    widget_page.roundtrip(widget)
    assert host.get_by_role("radio", checked=True).count() == 0
    assert widget_page.page.evaluate("document.activeElement.type") == "radio"
    assert result.is_hidden()
    assert not widget_page.errors
