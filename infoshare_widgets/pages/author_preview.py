"""The author's preview page (``notebooks/author/preview.ipynb``): one item from the author
area, drawn by the learners' own component, in a kernel started for this one visit.

The server serves that notebook only with ``--authoring``, only to a signed-in author whose
snapshot the address names, and never from a pool of preheated kernels
(``app/preview_gate.py``); here the kernel reads the token from its query string again, checks
its shape and reads that one snapshot (`content.preview_snapshots`). Anything else (no token, a
token of the wrong shape, an expired or unknown one) shows a sentence saying so, and nothing of
any draft. Nothing here is saved; the kernel ends when its page closes.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import ipywidgets as widgets

from ..content import Content, models
from ..content.cache import current_content
from ..content.item_forms import open_text
from ..content.markdown import escape
from ..content.preview_snapshots import Snapshot, preview_folder, read_snapshot
from ..content.shipped_words import words_over_shipped
from ..ui.safe_build import guarded
from .opening import preload
from .page_html import block_html
from .visit import configure_logging, wait_for_visit

log = logging.getLogger(__name__)

MODELS = {"quizzes": models.Quiz, "case_studies": models.CaseStudy,
          "scenarios": models.Scenario}


def token_of(query: str | None) -> str:
    values = parse_qs(query or "").get("token", [])
    return values[0] if len(values) == 1 else ""


def item_of(snapshot: Snapshot | None) -> object | None:
    """The snapshot's item as the content models read it, or None."""
    if snapshot is None:
        return None
    data, _ = open_text(snapshot.text, snapshot.kind, Path(f"{snapshot.kind}/preview.yaml"))
    if data is None:
        return None
    try:
        return MODELS[snapshot.kind].model_validate(data)
    except ValueError:
        log.warning("a preview snapshot did not validate")
        return None


@dataclass
class AuthorPreview:
    """What the preview notebook's cells call: `header()`, then `item()`."""

    content: Content
    kind: str = ""
    item: object | None = None

    def words(self, key: str) -> str:
        """ui.yaml's author wording over the shipped one, as the author area reads it: a
        partnership's older ui.yaml without the preview's keys still gets sentences."""
        return words_over_shipped(self.content, "author").get(key, key.replace("_", " "))

    def header(self) -> widgets.Widget:
        """The page's h1 and, when there is an item, what this page is; else why not."""
        said = (self.words("author_learner_preview_note") if self.item is not None
                else self.words("author_learner_preview_gone"))
        return block_html(f'<div class="is-page-header"><h1 class="is-page-title">'
                          f'{escape(self.words("author_learner_preview_title"))}</h1>'
                          f'<p>{escape(said)}</p></div>', "is-header")

    def body(self) -> widgets.Widget:
        """The item in the learners' component (an error card if it cannot be drawn)."""
        if self.item is None:
            return widgets.VBox([])
        return guarded(self.content, "the preview", self._component, item=self.item)

    def _component(self) -> widgets.Widget:
        item = self.item
        if isinstance(item, models.Quiz):
            from ..quiz import quiz_widget
            return quiz_widget(self.content, item)
        if isinstance(item, models.CaseStudy):
            from ..case_study import case_study_widget
            return case_study_widget(self.content, item)
        from ..lawful_basis.view import lawful_basis_scenarios_widget
        scenarios = self.content.scenarios
        if scenarios is None:
            return widgets.VBox([])
        # The one scenario, without the site file's origin: that file's problems are found by
        # position ("scenarios", i), so its first scenario's problem would be this item's card.
        one = scenarios.model_copy(update={"scenarios": [item]})
        content = dataclasses.replace(self.content, scenarios=one)
        return lawful_basis_scenarios_widget(content) or widgets.VBox([])


def open_author_preview() -> AuthorPreview:
    """Wait for the visit, then read the one snapshot its address names. Never raises."""
    configure_logging()
    preload()
    query = wait_for_visit()
    try:
        content = current_content()
    except Exception:
        log.exception("could not read the content folder")
        content = Content(root=Path("."))
    snapshot = read_snapshot(token_of(query), preview_folder())
    return AuthorPreview(content, snapshot.kind if snapshot else "", item_of(snapshot))
