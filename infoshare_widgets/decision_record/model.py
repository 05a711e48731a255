"""The decision record without widgets: the learner's answers and the record made from them.

Golden rule 7 asks practitioners to record the decision and the reasons, whether or not they
share. The learner answers the "What do I do?" questions and takes away a plain-text record with
the date; a question left blank is noted as not answered. Its first line says it is a training
exercise, not a record about a real person. The record is not filled in from a case study (the
form stands on its own on the Tips page), so it names none. The page makes the record in the
browser (``form.js``, the same format): typed answers never reach the kernel. This model is the
format's reference, tested here and compared with the browser's record in the browser tests.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from ..content import models
from ..content.templates import fill

MAX_ANSWER = 5000  # characters kept per answer; the text box stops there too


@dataclass(frozen=True)
class RecordWording:
    """The decision-record wording from ui.yaml that the record's text needs."""

    date_label: str  # "Date:"
    not_answered: str  # "(not answered)"
    missing: str  # "{count} of {total} questions not answered yet."
    not_applicable: str = "(not needed)"  # a question whose ask_if is not met
    # The file's first line: "Training exercise: not a record about a real person".
    exercise: str = ""


@dataclass(frozen=True)
class RecordItem:
    """One question as the form shows it: a text box, or one of a few choices."""

    id: str
    prompt: str
    help: str | None
    kind: Literal["text", "choice"]
    choices: tuple[str, ...] = ()
    ask_if: tuple[str, str] | None = None  # (earlier question id, the answer that makes it apply)


def record_items(
    file: models.DecisionRecordFile, lawful_bases: Sequence[str] | None
) -> list[RecordItem]:
    """The file's questions; a lawful-basis question offers the bases' names as choices.

    If the lawful bases could not be loaded, that question falls back to a text box, so the
    record still works.
    """
    items = []
    for q in file.questions:
        ask_if = (q.ask_if.question, q.ask_if.answer) if q.ask_if else None
        if q.kind == "choice":
            items.append(RecordItem(q.id, q.prompt, q.help, "choice", tuple(q.choices or ()),
                                    ask_if))
        elif q.kind == "lawful-basis" and lawful_bases:
            items.append(RecordItem(q.id, q.prompt, q.help, "choice", tuple(lawful_bases),
                                    ask_if))
        else:
            items.append(RecordItem(q.id, q.prompt, q.help, "text", ask_if=ask_if))
    return items


def clean_answer(value: Any) -> str:
    """Typed text as the record keeps it: one kind of line break, trimmed, at most MAX_ANSWER."""
    if not isinstance(value, str):
        return ""
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return text[:MAX_ANSWER].rstrip()


@dataclass
class DecisionRecord:
    """The learner's answers to the record's questions, and the record's text."""

    title: str
    items: list[RecordItem]
    wording: RecordWording
    answers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_file(cls, file: models.DecisionRecordFile, wording: RecordWording,
                  lawful_bases: Sequence[str] | None = None) -> DecisionRecord:
        return cls(title=file.title, items=record_items(file, lawful_bases), wording=wording)

    def set_answer(self, question_id: str, value: Any) -> bool:
        """Keep one answer; False (and nothing kept) for an unknown question, a choice that is
        not offered, or an empty answer."""
        item = next((i for i in self.items if i.id == question_id), None)
        text = clean_answer(value)
        if item is None or not text or (item.kind == "choice" and text not in item.choices):
            self.answers.pop(question_id, None)
            return False
        self.answers[question_id] = text
        return True

    def update(self, answers: Mapping[str, Any]) -> None:
        """Replace every answer with what the form holds now."""
        self.answers.clear()
        for question_id, value in answers.items():
            self.set_answer(str(question_id), value)

    def applies(self, item: RecordItem) -> bool:
        """False for a question asked only after a given answer (``ask_if``) that was not given,
        e.g. the Article 9 condition when no special category data is shared."""
        return item.ask_if is None or self.answers.get(item.ask_if[0]) == item.ask_if[1]

    def missing(self) -> list[RecordItem]:
        return [i for i in self.items if i.id not in self.answers and self.applies(i)]

    def as_text(self, day: date) -> str:
        """The record as plain text: the training-exercise line, title, date, each question and
        its answer, what is missing.

        Plain text, not HTML or Markdown, so what the learner typed can never be interpreted
        when the file is opened or printed.
        """
        if isinstance(day, datetime):
            day = day.date()
        lines = [self.wording.exercise] if self.wording.exercise else []
        lines += [self.title, f"{self.wording.date_label} {day.isoformat()}", ""]
        for n, item in enumerate(self.items, start=1):
            lines.append(f"{n}. {item.prompt}")
            answer = self.answers.get(item.id)
            if not self.applies(item):
                lines.append(f"   {self.wording.not_applicable}")
            elif answer is None:
                lines.append(f"   {self.wording.not_answered}")
            else:
                lines += [f"   {line}".rstrip() for line in answer.split("\n")]
            lines.append("")
        missing = len(self.missing())
        if missing:
            total = sum(self.applies(i) for i in self.items)
            lines.append(fill(self.wording.missing, count=missing, total=total))
        return "\n".join(lines).rstrip("\n") + "\n"

    def filename(self, day: date) -> str:
        if isinstance(day, datetime):
            day = day.date()
        return f"decision-record-{day.isoformat()}.txt"
