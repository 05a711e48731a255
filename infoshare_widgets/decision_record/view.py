"""The decision record: the questions, a preview of the record, and a "Download record" button."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import anywidget
import ipywidgets as widgets
import traitlets

from ..content import Content, models
from ..content.markdown import escape, to_html
from ..ui.blocks import prose
from ..ui.download import DownloadButton
from ..ui.error_card import file_cards, one_widget
from ..ui.guard import guarded
from ..ui.html import heading_html, source_html
from ..ui.styles import esm, stylesheet
from .model import MAX_ANSWER, DecisionRecord, RecordItem, RecordWording

log = logging.getLogger(__name__)

_WARNING_STYLE = (
    "margin:0.75rem 0;padding:0.5rem var(--is-space,1rem);"
    "border-left:6px solid var(--is-update,#7a4d00);background:var(--is-surface,#f4f6f8)"
)
_PREVIEW_BOX_STYLE = (
    "max-width:100%;font-size:var(--is-font-size,1rem);line-height:1.5;"
    "color:var(--is-text,#1b1b1b)"
)
_PREVIEW_STYLE = (
    "margin:0;padding:var(--is-space,1rem);white-space:pre-wrap;word-break:normal;"
    "overflow-wrap:anywhere;max-width:100%;font-family:inherit;font-size:inherit;"
    "line-height:1.5;color:var(--is-text,#1b1b1b);"
    "background:var(--is-surface,#f4f6f8);border:1px solid var(--is-border,#6b6b6b);"
    "border-radius:var(--is-radius,6px)"
)


class DecisionForm(anywidget.AnyWidget):
    """The questions as labelled controls; ``answers`` holds what the learner entered (memory
    only)."""

    _esm = esm(Path(__file__).with_name("form.js"))
    _css = stylesheet(Path(__file__).with_name("form.css"))

    # [{id, prompt, help_html, kind: "text" | "choice", choices}]; help_html is sanitised.
    questions = traitlets.List(traitlets.Dict()).tag(sync=True)
    answers = traitlets.Dict().tag(sync=True)
    notice = traitlets.Unicode("").tag(sync=True)
    max_length = traitlets.Int(MAX_ANSWER).tag(sync=True)


def form_questions(items: list[RecordItem]) -> list[dict[str, Any]]:
    """What the front end needs to draw each question; help is sanitised here."""
    return [
        {"id": i.id, "prompt": i.prompt, "help_html": to_html(i.help), "kind": i.kind,
         "choices": list(i.choices),
         "ask_if": {"question": i.ask_if[0], "answer": i.ask_if[1]} if i.ask_if else None}
        for i in items
    ]


def record_wording(content: Content) -> RecordWording:
    def t(key: str) -> str:
        return content.text("decision_record", key)

    return RecordWording(date_label=t("date_label"), not_answered=t("not_answered"),
                         missing=t("missing"), not_applicable=t("not_applicable"))


class DecisionRecordView(widgets.VBox):
    """The form, the record as it stands, and the download. One observer, one render."""

    def __init__(self, content: Content, file: models.DecisionRecordFile,
                 today: Callable[[], date] = date.today) -> None:
        bases = [b.name for b in content.lawful_bases.bases] if content.lawful_bases else None
        self._record = DecisionRecord.from_file(file, record_wording(content), bases)
        self._today = today
        self._heading = content.text("decision_record", "record_heading")
        header = prose(
            f"{heading_html(2, file.title)}{to_html(file.intro)}"
            f'<div class="is-record-warning" role="note" style="{_WARNING_STYLE}">'
            f"{to_html(file.warning)}</div>",
            "is-record-intro",
        )
        self._form = DecisionForm(questions=form_questions(self._record.items),
                                  notice=content.text("decision_record", "not_saved"))
        self._preview = widgets.HTML()
        self._preview.add_class("is-record-preview-widget")
        self._download = DownloadButton(label=content.text("decision_record", "download"),
                                        hint=content.text("decision_record", "download_hint"))
        source = prose(source_html(content, file.source), "is-record-source")
        super().__init__(children=[header, self._form, self._preview, self._download, source])
        self.add_class("is-decision-record")
        self._form.observe(self._on_answers, names="answers")
        self._render()

    @property
    def value(self) -> dict[str, int]:
        """How far the learner got (counts only: the answers themselves are never reported)."""
        total = sum(self._record.applies(i) for i in self._record.items)
        return {"answered": total - len(self._record.missing()), "total": total}

    def suggest(self, answers: dict[str, str]) -> dict[str, str]:
        """Fill in choices offered by another part of the page (the lawful-basis helper).

        Only an answer that is one of a ``choice`` question's own choices is taken; the learner
        can change it like any other. Returns what was filled in, by question id.
        """
        taken = {item.id: answers[item.id] for item in self._record.items
                 if item.kind == "choice" and answers.get(item.id) in item.choices}
        if taken:
            self._form.answers = {**self._form.answers, **taken}
        return taken

    def _on_answers(self, change: dict[str, Any]) -> None:
        try:
            new = change["new"]
            self._record.update(new if isinstance(new, dict) else {})
            self._render()
        except Exception:
            # The traceback only: the answers themselves are never logged.
            log.exception("could not update the decision record")

    def _render(self) -> None:
        day = self._today()
        text = self._record.as_text(day)
        # Everything in the record is escaped: the learner's words are shown, never interpreted.
        self._preview.value = (
            f'<div class="is-record-preview" style="{_PREVIEW_BOX_STYLE}">'
            f"{heading_html(3, self._heading)}"
            f'<pre style="{_PREVIEW_STYLE}">{escape(text)}</pre></div>'
        )
        with self._download.hold_sync():
            self._download.text = text
            self._download.filename = self._record.filename(day)


def walkthrough(content: Content, file: models.DecisionRecordFile) -> widgets.Widget:
    """For a room: the questions as a numbered list to talk through, with nothing to type."""
    items = "".join(f'<li><p><strong>{escape(q.prompt)}</strong></p>{to_html(q.help)}'
                    f"{_choices_html(q)}</li>" for q in file.questions)
    return prose(
        f"{heading_html(2, file.title)}{to_html(file.intro)}"
        f'<div class="is-record-warning" role="note" style="{_WARNING_STYLE}">'
        f"{to_html(file.warning)}</div>"
        f"<p>{escape(content.text('facilitator', 'walkthrough_text'))}</p>"
        f'<ol class="is-record-walkthrough">{items}</ol>'
        f"{source_html(content, file.source)}",
        "is-record-walkthrough-box",
    )


def _choices_html(question: models.RecordQuestion) -> str:
    """A choice question's options, so the room sees what the record asks them to pick from."""
    if not question.choices:
        return ""
    return "<ul>" + "".join(f"<li>{escape(c)}</li>" for c in question.choices) + "</ul>"


def decision_record_widget(content: Content, today: Callable[[], date] = date.today,
                           walk_through: bool = False) -> widgets.Widget:
    """The decision record, or an error card if its file is broken (never raises).

    ``walk_through``: the facilitator's version, its questions for the room (no form, no
    download).
    """

    def build() -> widgets.Widget:
        file = content.decision_record
        if file is None:
            return one_widget(file_cards(content, "decision_record", "decision_record.yaml"))
        if walk_through:
            return guarded(content, "the decision record", lambda: walkthrough(content, file),
                           item=file)
        return guarded(content, "the decision record",
                       lambda: DecisionRecordView(content, file, today=today), item=file)

    return guarded(content, "the decision record", build)
