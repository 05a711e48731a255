"""Exploring the lawful bases, the pack's six and any added since: name, rating, plain English.

The pack's own words and the guidance sit in GOV.UK's details pattern (``ui.details``: a
native ``<details>`` with a fixed label; ipywidgets' Accordion cannot be opened from the keyboard).
Then the guidance on which bases fit, the update note (marked in words and by its border), and
the ICO tool. Text goes in escaped (names, titles, wording) or through ``to_html`` (Markdown).
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..content import Content, models
from ..content.markdown import escape, to_html
from ..content.sources import Source
from ..content.templates import fill
from ..ui.blocks import prose
from ..ui.details import DetailsWidget
from ..ui.shared_html import heading_html, link_html, source_html, source_inline_html
from .model import BasisWords

_UPDATE_STYLE = (
    "box-sizing:border-box;max-width:100%;margin:0.75rem 0;padding:0.5rem var(--is-space,1rem);"
    "border:1px solid var(--is-update,#7a4d00);border-left:6px solid var(--is-update,#7a4d00);"
    "border-radius:var(--is-radius,6px);background:var(--is-surface,#f4f6f8)"
)
_UPDATE_LABEL_STYLE = "margin:0 0 0.25rem 0;color:var(--is-update,#7a4d00);font-weight:bold"


def _labelled(label: str, markdown: str) -> str:
    """A bold label line, then the authored Markdown as HTML."""
    return f'<p class="is-lb-label"><strong>{escape(label)}</strong></p>{to_html(markdown)}'


def _not_in_pack(content: Content, label: str, added_source: Source | None) -> str:
    """For a basis the pack does not have: said in words, with where it comes from."""
    inline = source_inline_html(added_source, content.text("app", "new_tab"),
                                content.text("app", "source_checked"))
    where = f" {inline}" if added_source else ""
    return f'<p class="is-lb-label is-lb-not-in-pack"><strong>{escape(label)}</strong>{where}</p>'


def tool_html(content: Content, label: str, link: models.Link) -> str:
    """"More guidance: <title> (publisher). note" — a link only where the content gives a url."""
    body = link_html(link, content.text("app", "new_tab"), end=".")
    return f'<p class="is-lb-tool"><strong>{escape(label)}</strong> {body}</p>'


def update_note_html(content: Content, note: models.Note, level: int) -> str:
    """The update since the pack, marked in words (app.update_label) and by a coloured border."""
    label = escape(content.text("app", "update_label"))
    return (
        f'<div class="is-update" style="{_UPDATE_STYLE}">'
        f'<p class="is-update-label" style="{_UPDATE_LABEL_STYLE}">{label}</p>'
        f"{heading_html(level, note.title)}{to_html(note.body)}"
        f"{source_html(content, note.source)}</div>"
    )


class LawfulBasesView(widgets.VBox):
    """The bases to explore (six in the pack, seven now), with guidance, update note and tool."""

    def __init__(self, content: Content, bases: models.LawfulBasesFile,
                 heading_level: int = 2) -> None:
        words = BasisWords.from_content(content)
        sub = heading_level + 1
        children: list[widgets.Widget] = [
            prose(heading_html(heading_level, bases.title) + to_html(bases.intro), "is-lb-intro")
        ]
        self._reveals: dict[str, DetailsWidget] = {}
        for basis in bases.bases:
            summary = prose(
                heading_html(sub, basis.name, "is-lb-name")
                + f'<p class="is-lb-how"><strong>{escape(words.how_often(basis))}</strong></p>'
                + _labelled(words.plain_english, basis.plain_english),
                "is-lb-basis-summary",
            )
            words_of_pack = (_labelled(words.pack_text, basis.pack_text) if basis.pack_text
                             else _not_in_pack(content, words.not_in_pack, basis.added_source))
            # GOV.UK's details: "More on <basis>" is a fixed label.
            more = DetailsWidget(
                summary=fill(words.show_basis, name=basis.name),
                body_html=words_of_pack + _labelled(words.safeguarding, basis.guidance)
                + source_html(content, basis.source),
            )
            self._reveals[basis.id] = more
            card = widgets.VBox(children=[summary, more])
            card.add_class("is-lb-basis")
            children.append(card)
        children += [
            prose(heading_html(sub, words.guidance_heading) + to_html(bases.guidance),
                  "is-lb-guidance"),
            prose(update_note_html(content, bases.update_note, sub), "is-lb-update"),
            prose(tool_html(content, words.tool_label, bases.tool)
                  + source_html(content, bases.source), "is-lb-tool"),
        ]
        super().__init__(children=children)
        self.add_class("is-lawful-bases")

    @property
    def value(self) -> dict[str, Any]:
        """Which bases the learner opened (for a progress record)."""
        return {"opened": [k for k, r in self._reveals.items() if r.opened]}
