"""case_builder/form.js: the case-study builder's form, driven through the real CaseBuilder
(each message handed to it, its state sent back)."""

from __future__ import annotations

from pathlib import Path

from _shipped import shipped_content

from infoshare_widgets.pages.builder import CaseBuilder

CONTENT = shipped_content()
JESSIE = Path(__file__).resolve().parents[2] / "content" / "case_studies" / "jessie.yaml"


def test_labelled_fields_send_edits_and_show_the_problems_found(widget_page) -> None:
    form = CaseBuilder(CONTENT).form
    host = widget_page.mount(form)
    labels = form.labels
    name = host.get_by_role("textbox", name=labels["name"], exact=True)
    assert name.get_attribute("maxlength") == str(form.max_chars)
    audience = host.get_by_role("combobox", name=labels["audience"])
    assert audience.locator("option").count() == 2
    name.fill("Sam")
    widget_page.page.wait_for_function("window.model.sent.length > 0")
    edit = widget_page.sent[-1]
    assert edit["event"] == "edit" and edit["values"]["name"] == "Sam"
    widget_page.roundtrip(form)
    # An empty required field is named at the field itself, and marked invalid.
    story = host.get_by_role("textbox", name=labels["story"])
    assert form.errors.get("story")
    assert story.get_attribute("aria-invalid") == "true"
    error_id = story.get_attribute("aria-describedby").split()[-1]
    assert form.errors["story"] in host.locator(f"#{error_id}").inner_text()
    assert host.get_by_role("status").inner_text() == form.status
    assert widget_page.calls == []  # the text goes in messages only, never into a trait


def test_opening_a_file_fills_the_form(widget_page) -> None:
    form = CaseBuilder(CONTENT).form
    host = widget_page.mount(form)
    host.get_by_label(form.labels["open"]).set_input_files(str(JESSIE))
    widget_page.page.wait_for_function("window.model.sent.some((m) => m.event === 'open')")
    opened = next(m for m in widget_page.sent if m["event"] == "open")
    assert opened["name"] == "jessie.yaml" and "Jessie" in opened["text"]
    widget_page.roundtrip(form)
    name = host.get_by_role("textbox", name=form.labels["name"], exact=True)
    assert name.input_value() == form.values["name"] != ""
    assert host.locator("fieldset").count() == len(form.values["questions"]) > 0
