"""The decision record asks for the Article 9 condition only when special category data is shared.

`ask_if` in decision_record.yaml names an earlier choice and the answer that makes a question
apply. Until then the question is hidden in the form, left out of the count of what is missing,
and shown in the record as not needed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from infoshare_widgets.content import load_content, models
from infoshare_widgets.decision_record.model import DecisionRecord, RecordWording
from infoshare_widgets.decision_record.view import form_questions

ROOT = Path(__file__).resolve().parents[2]
WORDING = RecordWording(date_label="Date:", not_answered="(not answered)",
                        missing="{count} of {total} questions not answered yet.",
                        not_applicable="(not needed)")
BASES = ["Public task", "Legitimate interests", "Recognised legitimate interests"]


def record_file() -> models.DecisionRecordFile:
    return models.DecisionRecordFile.model_validate({
        "title": "Record", "intro": "i", "warning": "w", "source": "s",
        "questions": [
            {"id": "basis", "prompt": "Basis?", "kind": "lawful-basis"},
            {"id": "special", "prompt": "Special category?", "kind": "choice",
             "choices": ["Yes", "No"]},
            {"id": "condition", "prompt": "Which condition?", "kind": "choice",
             "choices": ["Paragraph 18", "Vital interests"],
             "ask_if": {"question": "special", "answer": "Yes"}},
        ],
    })


def test_the_condition_is_not_needed_until_special_category_data_is_shared() -> None:
    record = DecisionRecord.from_file(record_file(), WORDING, BASES)
    record.update({"basis": "Recognised legitimate interests", "special": "No"})
    assert record.missing() == []
    text = record.as_text(date(2026, 11, 30))
    assert "3. Which condition?\n   (not needed)" in text
    assert "not answered yet" not in text


def test_the_condition_is_asked_once_it_is() -> None:
    record = DecisionRecord.from_file(record_file(), WORDING, BASES)
    record.update({"basis": "Public task", "special": "Yes"})
    assert [i.id for i in record.missing()] == ["condition"]
    assert "1 of 3 questions not answered yet." in record.as_text(date(2026, 11, 30))
    record.update({"basis": "Public task", "special": "Yes", "condition": "Paragraph 18"})
    assert "3. Which condition?\n   Paragraph 18" in record.as_text(date(2026, 11, 30))


def test_an_answer_kept_from_before_is_not_recorded_when_not_needed() -> None:
    record = DecisionRecord.from_file(record_file(), WORDING, BASES)
    record.update({"special": "No", "condition": "Vital interests"})
    assert "Vital interests" not in record.as_text(date(2026, 11, 30))


def test_the_form_is_told_when_to_show_the_question() -> None:
    record = DecisionRecord.from_file(record_file(), WORDING, BASES)
    questions = {q["id"]: q for q in form_questions(record.items)}
    assert questions["condition"]["ask_if"] == {"question": "special", "answer": "Yes"}
    assert questions["special"]["ask_if"] is None
    assert questions["basis"]["choices"] == BASES


def test_the_shipped_record_offers_every_basis_and_the_condition() -> None:
    content = load_content(ROOT / "content")
    names = [b.name for b in content.lawful_bases.bases]
    record = DecisionRecord.from_file(content.decision_record, WORDING, names)
    basis = next(i for i in record.items if i.id == "lawful-basis")
    assert "Recognised legitimate interests" in basis.choices and len(basis.choices) == 7
    condition = next(i for i in record.items if i.id == "article-9-condition")
    assert condition.ask_if == ("special-category", "Yes")
