"""decision_record/form.js: the questions, "Check your answers", the record and its download,
all in the page (replaces the source greps test_decision_record_view.py::
test_front_end_keeps_typed_text_in_the_page and ::test_front_end_controls_are_labelled, and
test_decision_record_ask_if.py::test_the_form_script_hides_a_question_until_its_answer)."""

from __future__ import annotations

from datetime import date

from h4_samples import IMG, decision_record_file, lawful_bases, make_content

from infoshare_widgets.decision_record import DecisionForm, decision_record_widget
from infoshare_widgets.decision_record.view import form_questions

DAY = date(2025, 3, 7)


def form() -> DecisionForm:
    view = decision_record_widget(make_content(decision_record=decision_record_file(),
                                               lawful_bases=lawful_bases()), today=lambda: DAY)
    return next(w for w in view.children if isinstance(w, DecisionForm))


def test_controls_are_labelled_and_described(widget_page) -> None:
    host = widget_page.mount(form())
    advice = host.get_by_role("textbox", name="1. Who can give me advice?")
    help_text = host.get_by_text("Your designated safeguarding lead, for example.")
    assert help_text.evaluate("(node) => node.tagName") == "P"  # help is HTML (sanitised)
    assert advice.get_attribute("aria-describedby").split()[0] == \
        help_text.evaluate("(node) => node.parentElement.id")
    told = host.get_by_role("group", name="4. Was the person told?")
    assert told.evaluate("(node) => node.tagName") == "FIELDSET"
    assert told.get_by_role("radio").count() == 3
    told.get_by_label("Not yet").check()
    download = host.locator(".is-record-download")
    notice = host.locator(".is-record-notice")
    assert notice.get_attribute("id") in download.get_attribute("aria-describedby").split()


def test_typed_text_stays_in_the_page_and_goes_only_into_the_download(widget_page) -> None:
    host = widget_page.mount(form())
    host.get_by_role("textbox", name="1. Who can give me advice?").fill(f"Sam {IMG}")
    host.get_by_role("group", name="4. Was the person told?").get_by_label("Not yet").check()
    # The record as it will be: plain text, behind a disclosure.
    show = host.locator(".is-record-show")
    assert show.get_attribute("aria-expanded") == "false"
    show.click()
    assert show.get_attribute("aria-expanded") == "true"
    preview = host.locator(".is-record-preview-text")
    assert f"Sam {IMG}" in preview.inner_text() and "Not yet" in preview.inner_text()
    assert host.locator("img").count() == 0
    with widget_page.page.expect_download() as done:
        host.locator(".is-record-download").click()
    saved = done.value
    assert saved.suggested_filename == "decision-record-2025-03-07.txt"
    with open(saved.path(), encoding="utf-8") as text:
        assert text.read() == preview.inner_text()
    # The file says first that it is a training exercise (ui.yaml decision_record.exercise_line).
    assert preview.inner_text().startswith("T exercise line\nMy information sharing decision\n")
    # The page says what was saved, in a polite live region.
    said = host.get_by_role("status").filter(has_text="T saved: decision-record-2025-03-07.txt")
    said.wait_for()
    assert said.get_attribute("aria-live") == "polite"
    widget_page.kept_nothing()


def test_a_question_is_hidden_until_its_answer(widget_page) -> None:
    record = DecisionForm(questions=form_questions_with_a_condition(), title="Record",
                          day="2025-03-07", wording={"change": "Change"})
    host = widget_page.mount(record)
    condition = host.get_by_role("group", name="2. Which condition?")
    assert condition.is_hidden()
    special = host.get_by_role("group", name="1. Special category?")
    special.get_by_label("No").check()
    assert condition.is_hidden()
    special.get_by_label("Yes").check()
    assert condition.is_visible()
    widget_page.kept_nothing()


def test_a_suggestion_from_the_page_ticks_a_choice(widget_page) -> None:
    host = widget_page.mount(form())
    widget_page.from_kernel(message={"event": "suggest", "answers": {"told": "Yes"}})
    assert host.get_by_role("radio", name="Yes").is_checked()


def test_large_targets_one_focus_rule_and_nothing_wider_than_a_phone(widget_page) -> None:
    widget_page.page.set_viewport_size({"width": 320, "height": 700})
    host = widget_page.mount(form())
    assert float(widget_page.style(".is-record-download", "min-height").removesuffix("px")) >= 44
    host.locator(".is-record-download").focus()
    widget_page.page.keyboard.press("Shift+Tab")
    widget_page.page.keyboard.press("Tab")
    assert widget_page.page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth]; })()") == ["solid", "3px"]
    width = host.evaluate("(node) => [node.scrollWidth, document.documentElement.clientWidth]")
    assert width[0] <= width[1]


def form_questions_with_a_condition() -> list[dict]:
    from infoshare_widgets.content import models
    from infoshare_widgets.decision_record.model import DecisionRecord, RecordWording

    file = models.DecisionRecordFile.model_validate({
        "title": "Record", "intro": "i", "warning": "w", "source": "s",
        "questions": [
            {"id": "special", "prompt": "Special category?", "kind": "choice",
             "choices": ["Yes", "No"]},
            {"id": "condition", "prompt": "Which condition?", "kind": "choice",
             "choices": ["Paragraph 18", "Vital interests"],
             "ask_if": {"question": "special", "answer": "Yes"}},
        ],
    })
    wording = RecordWording(date_label="Date:", not_answered="-", missing="{count}",
                            not_applicable="(not needed)")
    return form_questions(DecisionRecord.from_file(file, wording, None).items)
