"""The case-study builder page (``?mode=author`` on Case studies): the form, a live preview drawn
by the case-study component learners see, and "Download YAML".

Nothing is written on the server and nothing typed is logged: the text goes from the form to this
page's own kernel (to be checked with the validator's models and drawn by the real component) and
back to the browser, which makes the downloaded file itself. The trainer places the file.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from ..case_builder import blank_values, build, open_text, values_from_data
from ..case_builder.view import CaseBuilderForm, builder_labels
from ..case_study import case_study_widget
from ..content import Content
from ..content.markdown import escape
from ..content.scaffold import case_study_prompts
from ..content.templates import fill
from ..ui.blocks import Parts, prose
from ..ui.download import DownloadButton
from ..ui.shared_html import heading_html
from .furniture import see_also_html


@dataclass
class CaseBuilder:
    """One builder on one page: the form, the preview and the download, kept in step."""

    content: Content
    base: dict[str, Any] = field(default_factory=dict)  # the opened file's fields, kept

    def __post_init__(self) -> None:
        t = self.text
        self.form = CaseBuilderForm(labels=builder_labels(self.content), on_edit=self.edit,
                                    on_open=self.open, status=t("builder_start"))
        self.preview = widgets.VBox()
        self.preview.add_class("is-builder-preview")
        self.note = prose(f"<p>{escape(t('builder_preview_note'))}</p>", "is-builder-note")
        self.download = DownloadButton(label=t("builder_download"), hint=t("builder_download_hint"),
                                       filename="new-case-study.yaml",
                                       mime="text/yaml;charset=utf-8")
        values = blank_values(case_study_prompts())
        self.form.load(values)
        self.download.text = build(values).yaml_text

    def text(self, key: str) -> str:
        return self.content.text("case_study", key)

    def edit(self, values: dict[str, Any], opened: str = "") -> None:
        """The trainer typed (or ``opened`` a file, said first in the one status line): check,
        show each problem by its field, redraw the preview."""
        built = build(values, self.base)
        taken = {c.id for c in self.content.case_studies} - {self.base.get("id")}
        if built.case is not None and built.case.id in taken:  # a new case, an existing id
            built.errors["id"] = fill(self.text("builder_id_taken"), id=built.case.id)
        self.form.errors = built.errors
        count = len(built.errors)
        self.form.status = opened + (fill(self.text("builder_problems"), count=count) if count
                                     else self.text("builder_no_problems"))
        self.download.text, self.download.filename = built.yaml_text, built.filename
        if built.case is None:  # the preview keeps the last version without problems
            return
        old = self.preview.children
        self.preview.children = [case_study_widget(
            self.content, built.case, see_also=functools.partial(see_also_html, self.content))]
        for widget in old:
            _close(widget)

    def open(self, name: str, text: str | None) -> None:
        """A file chosen in the browser: fill the form from it, or say why it cannot be."""
        data, why = open_text(text)
        if data is None:
            self.form.status = fill(self.text("builder_open_failed"), file=name, reason=why)
            return
        self.base = data
        values = values_from_data(data)
        self.form.load(values)
        # one status, set before the preview is redrawn: the live region speaks once
        self.edit(values, opened=fill(self.text("builder_opened"), file=name) + " ")

    def widget(self) -> widgets.Widget:
        t = self.text
        intro = prose(heading_html(2, t("builder_heading"))
                      + f"<p>{escape(t('builder_intro'))}</p>", "is-builder-intro")
        preview_heading = prose(heading_html(2, t("builder_preview_heading")),
                                "is-builder-preview-heading")
        box = widgets.VBox([intro, self.form, self.download, preview_heading, self.note,
                            self.preview])
        box.add_class("is-builder")
        return box


def _close(widget: widgets.Widget) -> None:
    """Close a replaced preview and everything in it, so the kernel does not keep old views."""
    for child in getattr(widget, "children", ()):
        _close(child)
    widget.close()


def case_builder(content: Content) -> widgets.Widget:
    """The builder for the author view of the Case studies page."""
    return CaseBuilder(content).widget()


def with_builder(content: Content, cases: Any) -> Parts:
    """The author view of the Case studies page: the builder, then every case."""
    return Parts([case_builder(content), cases], "is-with-builder")
