"""The decision record: the questions, a preview of the record, and a "Download record" button.

The preview and the download are made in the browser (``form.js``): typed text never reaches the
kernel.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

import ipywidgets as widgets
import traitlets

from ..content import Content, models
from ..content.markdown import escape, to_html
from ..ui.blocks import StaticHTML, prose, static
from ..ui.error_card import file_cards, one_widget
from ..ui.safe_build import guarded
from ..ui.shared_html import heading_html, source_html
from ..ui.styles import ModuleWidget, front_end
from ..ui.text_boxes import count_words, warning_text
from .model import MAX_ANSWER, DecisionRecord, RecordItem, RecordWording

log = logging.getLogger(__name__)

WORDING_KEYS = ("record_heading", "date_label", "not_answered", "missing", "download",
                "download_hint", "not_applicable", "check_heading", "change", "all_answered",
                "preview_show", "exercise_line", "saved")


class DecisionForm(ModuleWidget):
    """The questions, the record as it stands and its download, all drawn in the browser.

    What the learner types stays in the page (``form.js``): no trait carries it, so it never
    reaches the kernel. Every trait here is set by Python only.
    """

    _esm = front_end(__file__, "form.js", "form.css")

    # [{id, prompt, help_html, kind: "text" | "choice", choices}]; help_html is sanitised.
    questions = traitlets.List(traitlets.Dict()).tag(sync=True)
    notice = traitlets.Unicode("").tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)
    # The record's wording (ui.yaml decision_record: WORDING_KEYS), plain text.
    wording = traitlets.Dict().tag(sync=True)
    # The date the record carries, ISO (the day the page was opened).
    day = traitlets.Unicode("").tag(sync=True)
    max_length = traitlets.Int(MAX_ANSWER).tag(sync=True)
    # The character count's wording (ui.yaml app.count_*, ui.text_boxes.count_words).
    count_words = traitlets.Dict().tag(sync=True)


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
                         missing=t("missing"), not_applicable=t("not_applicable"),
                         exercise=t("exercise_line"))


class DecisionRecordView(widgets.VBox):
    """The heading and warning, the form (which makes the record in the browser), the source."""

    def __init__(self, content: Content, file: models.DecisionRecordFile,
                 today: Callable[[], date] = date.today, text_apart: bool = False) -> None:
        """``text_apart``: the heading, introduction, warning and source are in ``before`` and
        ``after``, as the page's own HTML (``ui.blocks``, ``Parts.around``)."""
        bases = [b.name for b in content.lawful_bases.bases] if content.lawful_bases else None
        self._record = DecisionRecord.from_file(file, record_wording(content), bases)
        block = static if text_apart else prose
        header = block(
            f"{heading_html(2, file.title)}{to_html(file.intro)}"
            f"{warning_text(content, to_html(file.warning))}",  # once, not under each field
            "is-record-intro",
        )
        self._form = DecisionForm(
            questions=form_questions(self._record.items),
            notice=content.text("decision_record", "not_saved"), title=file.title,
            wording={k: content.text("decision_record", k) for k in WORDING_KEYS},
            count_words=count_words(content),
            day=today().isoformat()[:10])
        source = block(source_html(content, file.source), "is-record-source")
        super().__init__(children=[self._form] if text_apart else [header, self._form, source])
        self.before: list[StaticHTML] = [header] if text_apart else []
        self.after: list[StaticHTML] = [source] if text_apart else []
        self.add_class("is-decision-record")

    @property
    def value(self) -> dict[str, int]:
        """The number of questions (the answers stay in the browser: the kernel never has them)."""
        return {"total": len(self._record.items)}

    def suggest(self, answers: dict[str, str]) -> dict[str, str]:
        """Tick choices offered by another part of the page (the lawful-basis helper).

        Only an answer that is one of a ``choice`` question's own choices is taken; it is sent to
        the page as a message (the form keeps its answers in the browser), and the learner can
        change it like any other. Returns what was filled in, by question id.
        """
        taken = {item.id: answers[item.id] for item in self._record.items
                 if item.kind == "choice" and answers.get(item.id) in item.choices}
        if taken:
            self._form.send({"event": "suggest", "answers": taken})
        return taken


def walkthrough(content: Content, file: models.DecisionRecordFile) -> StaticHTML:
    """For a room: the questions as a numbered list to talk through, with nothing to type (the
    page's own HTML: nothing in it changes)."""
    items = "".join(f'<li><p><strong>{escape(q.prompt)}</strong></p>{to_html(q.help)}'
                    f"{_choices_html(q)}</li>" for q in file.questions)
    return static(
        f"{heading_html(2, file.title)}{to_html(file.intro)}"
        f"{warning_text(content, to_html(file.warning))}"
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
                           walk_through: bool = False, text_apart: bool = False) -> Any:
    """The decision record, or an error card if its file is broken (never raises).

    ``walk_through``: the facilitator's version, its questions for the room (no form, no
    download), as the page's own HTML. ``text_apart``: see :class:`DecisionRecordView`.
    """

    def build() -> Any:
        file = content.decision_record
        if file is None:
            return one_widget(file_cards(content, "decision_record", "decision_record.yaml"))
        if walk_through:
            return guarded(content, "the decision record", lambda: walkthrough(content, file),
                           item=file)
        return guarded(content, "the decision record",
                       lambda: DecisionRecordView(content, file, today, text_apart),
                       item=file)

    return guarded(content, "the decision record", build)
