"""The decision record model: answers in, a plain-text record with the date and reasons out."""

from __future__ import annotations

from datetime import date, datetime

from h4_samples import SCRIPT, decision_record_file

from infoshare_widgets.decision_record.model import (
    MAX_ANSWER,
    DecisionRecord,
    RecordItem,
    RecordWording,
    clean_answer,
    record_items,
)

WORDING = RecordWording(date_label="Date:", not_answered="(not answered)",
                        missing="{count} of {total} questions not answered yet.",
                        exercise="Training exercise: not a record about a real person")
BASES = ["Legal obligation", "Public task", "Consent"]
DAY = date(2025, 3, 7)


def record(bases: list[str] | None = BASES) -> DecisionRecord:
    return DecisionRecord.from_file(decision_record_file(), WORDING, bases)


def test_items_text_choice_and_lawful_basis() -> None:
    items = record_items(decision_record_file(), BASES)
    assert [(i.id, i.kind) for i in items] == [
        ("advice", "text"), ("what", "text"), ("basis", "choice"), ("told", "choice")]
    assert items[0].help == "Your designated safeguarding lead, for example."
    assert items[2].choices == tuple(BASES)
    assert items[3].choices == ("Yes", "No, it would be unsafe", "Not yet")


def test_lawful_basis_falls_back_to_a_text_box_without_the_bases() -> None:
    assert record_items(decision_record_file(), None)[2] == \
        RecordItem("basis", "What is the lawful basis?", None, "text")


def test_clean_answer() -> None:
    assert clean_answer("  one\r\ntwo\rthree  ") == "one\ntwo\nthree"
    assert clean_answer(None) == "" and clean_answer(42) == ""
    assert len(clean_answer("x" * (MAX_ANSWER + 10))) == MAX_ANSWER


def test_set_answer_keeps_valid_answers_only() -> None:
    r = record()
    assert r.set_answer("advice", " My manager ") and r.answers == {"advice": "My manager"}
    assert not r.set_answer("nosuch", "x")
    assert not r.set_answer("told", "Maybe")  # not one of the choices
    assert r.set_answer("told", "Not yet")
    assert r.set_answer("basis", "Public task")
    assert not r.set_answer("advice", "   ")  # clearing a box removes the answer
    assert r.answers == {"told": "Not yet", "basis": "Public task"}


def test_update_replaces_every_answer() -> None:
    r = record()
    r.update({"advice": "A", "what": "B"})
    r.update({"what": "C", 3: "ignored"})
    assert r.answers == {"what": "C"}
    assert [i.id for i in r.missing()] == ["advice", "basis", "told"]


def test_as_text_lists_every_question_its_answer_the_date_and_what_is_missing() -> None:
    r = record()
    r.update({"advice": "My manager, who said share.\nToday.", "told": "No, it would be unsafe"})
    assert r.as_text(DAY) == (
        "Training exercise: not a record about a real person\n"
        "My information sharing decision\n"
        "Date: 2025-03-07\n"
        "\n"
        "1. Who can give me advice?\n"
        "   My manager, who said share.\n"
        "   Today.\n"
        "\n"
        "2. What will I share, and with whom?\n"
        "   (not answered)\n"
        "\n"
        "3. What is the lawful basis?\n"
        "   (not answered)\n"
        "\n"
        "4. Was the person told?\n"
        "   No, it would be unsafe\n"
        "\n"
        "2 of 4 questions not answered yet.\n"
    )


def test_as_text_when_complete_has_no_missing_line_and_takes_a_datetime() -> None:
    r = record()
    r.update({"advice": "a", "what": "b", "basis": "Consent", "told": "Yes"})
    text = r.as_text(datetime(2025, 3, 7, 15, 30))
    assert "Date: 2025-03-07\n" in text and "15:30" not in text
    assert "not answered" not in text
    assert text.endswith("4. Was the person told?\n   Yes\n")


def test_typed_markup_is_kept_as_plain_text() -> None:
    r = record()
    r.update({"advice": SCRIPT})
    assert f"   {SCRIPT}\n" in r.as_text(DAY)  # plain text file: shown, never run


def test_filename_carries_the_date() -> None:
    assert record().filename(DAY) == "decision-record-2025-03-07.txt"
    assert record().filename(datetime(2025, 3, 7, 9)) == "decision-record-2025-03-07.txt"
