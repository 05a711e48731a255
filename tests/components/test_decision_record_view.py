"""The decision record as a learner meets it: questions, a preview, a download; nothing kept.

The preview and the download are made in the browser (form.js); here, what the kernel sends it.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import pytest
from h4_samples import (
    IMG,
    SCRIPT,
    assert_inert,
    content_folder,
    decision_record_file,
    lawful_bases,
    make_content,
    ui,
)

from infoshare_widgets.decision_record import (
    DecisionForm,
    DecisionRecordView,
    decision_record_widget,
)

DAY = date(2025, 3, 7)


def build(**content_fields: object) -> DecisionRecordView:
    fields = {"decision_record": decision_record_file(), "lawful_bases": lawful_bases()}
    fields.update(content_fields)
    view = decision_record_widget(make_content(**fields), today=lambda: DAY)
    assert isinstance(view, DecisionRecordView)
    return view


def parts(view: DecisionRecordView) -> tuple[DecisionForm, None, None]:
    form = next(w for w in view.children if isinstance(w, DecisionForm))
    return form, None, None


def test_header_has_title_intro_and_the_practice_details_warning() -> None:
    header = build().children[0].value
    assert "<h2>My information sharing decision</h2>" in header
    assert "Work through the questions." in header
    assert "Use <strong>practice</strong> details, not real people's." in header
    assert 'class="is-warning-text"' in header  # GOV.UK warning text, once (issue 14)
    assert header.count("practice") == 1


def test_form_offers_each_question_with_help_and_the_not_saved_notice() -> None:
    form, _, _ = parts(build())
    assert form.notice == ui("decision_record", "not_saved")
    assert [(q["id"], q["kind"]) for q in form.questions] == [
        ("advice", "text"), ("what", "text"), ("basis", "choice"), ("told", "choice")]
    assert form.questions[0]["help_html"] == \
        "<p>Your designated safeguarding lead, for example.</p>\n"
    assert form.questions[2]["choices"] == ["Legal obligation", "Public task", "Consent"]


def test_lawful_basis_question_is_a_text_box_when_the_bases_are_broken() -> None:
    form, _, _ = parts(build(lawful_bases=None))
    assert form.questions[2]["kind"] == "text"


def test_the_form_carries_the_record_wording_and_the_day_but_no_answer_trait() -> None:
    view = build()
    form, _, _ = parts(view)
    assert form.wording["record_heading"] == ui("decision_record", "record_heading")
    assert form.wording["download"] == ui("decision_record", "download")
    assert form.wording["missing"] == ui("decision_record", "missing")
    assert form.day == "2025-03-07" and form.title == "My information sharing decision"
    # Nothing the browser could fill with typed text is synced to the kernel.
    assert "answers" not in form.keys and "note" not in form.keys
    assert view.value == {"total": 4}


def test_authored_text_is_sanitised() -> None:
    file = decision_record_file(title=f"T {IMG}", intro=SCRIPT, warning=IMG, source=SCRIPT)
    data = file.model_dump()
    data["questions"][0].update(prompt=f"Q {SCRIPT}", help=IMG)
    view = build(decision_record=type(file).model_validate(data))
    form, _, _ = parts(view)
    assert_inert(form.questions[0]["help_html"])
    assert form.questions[0]["prompt"] == f"Q {SCRIPT}"  # plain text: set as textContent
    assert form.title == f"T {IMG}"  # plain text: set as textContent in the record
    for html in [view.children[0].value, view.children[-1].value]:
        assert_inert(html)


def test_a_broken_decision_record_file_shows_its_card(tmp_path: Path, caplog) -> None:
    content = content_folder(tmp_path, {"decision_record.yaml": "title: T\nintro: I\n"})
    with caplog.at_level(logging.WARNING):
        card = decision_record_widget(content)
    assert ui("app", "error_title") in card.value
    assert "<code>decision_record.yaml</code>" in card.value
    assert "required field is missing" in caplog.text


def test_a_missing_decision_record_file_is_named(tmp_path: Path, caplog) -> None:
    with caplog.at_level(logging.WARNING):
        card = decision_record_widget(content_folder(tmp_path, {}))
    assert "<code>decision_record.yaml</code>" in card.value
    assert "decision_record.yaml: required file is missing" in caplog.text


@pytest.mark.parametrize("content", [None, "not content"])
def test_factory_never_raises_and_logs_the_traceback(content: object, caplog) -> None:
    with caplog.at_level(logging.ERROR):
        card = decision_record_widget(content)  # type: ignore[arg-type]
    assert "error title" in card.value
    assert any(r.exc_info for r in caplog.records)


def test_shipped_decision_record_builds() -> None:
    from infoshare_widgets.content import load_content

    view = decision_record_widget(load_content(), today=lambda: DAY)
    assert isinstance(view, DecisionRecordView)
    form, _, _ = parts(view)
    assert form.questions and form.day == "2025-03-07"


def test_record_still_works_when_ui_wording_is_broken() -> None:
    from infoshare_widgets.content import Content

    content = Content(root=Path("/c"), decision_record=decision_record_file())
    view = decision_record_widget(content, today=lambda: DAY)
    assert isinstance(view, DecisionRecordView)
    form, _, _ = parts(view)
    assert form.questions and set(form.wording) >= {"date_label", "download"}
