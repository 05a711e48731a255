"""Exploring the lawful bases, the pack's six and any added since: name, rating, plain English.

Nothing here changes once drawn: it is the page's own HTML (``ui.blocks.StaticHTML``), readable
before any script runs. The pack's own words and the guidance sit in GOV.UK's details pattern
(``ui.shared_html.details_html``: a native ``<details>`` with a fixed label).
Then the guidance on which bases fit, the update note (marked in words and by its border), and
the ICO tool. Text goes in escaped (names, titles, wording) or through ``to_html`` (Markdown).
"""

from __future__ import annotations

from ..content import Content, models
from ..content.markdown import escape, to_html
from ..content.sources import Source
from ..content.templates import fill
from ..ui.blocks import StaticHTML, static
from ..ui.shared_html import (
    details_html,
    heading_html,
    link_html,
    source_html,
    source_inline_html,
)
from .model import BasisWords


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
        f'<div class="is-update">'
        f'<p class="is-update-label">{label}</p>'
        f"{heading_html(level, note.title)}{to_html(note.body)}"
        f"{source_html(content, note.source)}</div>"
    )


def lawful_bases_html(content: Content, bases: models.LawfulBasesFile,
                      heading_level: int = 2) -> str:
    """The bases to explore (six in the pack, seven now), with guidance, update note and tool:
    all reading text, as the page's own HTML ("More on <basis>" a native ``<details>``)."""
    words = BasisWords.from_content(content)
    sub = heading_level + 1
    parts = [heading_html(heading_level, bases.title) + to_html(bases.intro)]
    for basis in bases.bases:
        words_of_pack = (_labelled(words.pack_text, basis.pack_text) if basis.pack_text
                         else _not_in_pack(content, words.not_in_pack, basis.added_source))
        # GOV.UK's details: "More on <basis>" is a fixed label.
        more = details_html(fill(words.show_basis, name=basis.name),
                            words_of_pack + _labelled(words.safeguarding, basis.guidance)
                            + source_html(content, basis.source))
        parts.append(
            '<div class="is-lb-basis">'
            + heading_html(sub, basis.name, "is-lb-name")
            + f'<p class="is-lb-how"><strong>{escape(words.how_often(basis))}</strong></p>'
            + _labelled(words.plain_english, basis.plain_english) + more + "</div>")
    parts += [
        heading_html(sub, words.guidance_heading) + to_html(bases.guidance),
        update_note_html(content, bases.update_note, sub),
        tool_html(content, words.tool_label, bases.tool) + source_html(content, bases.source),
    ]
    return "".join(parts)


def lawful_bases_view(content: Content, bases: models.LawfulBasesFile,
                      heading_level: int = 2) -> StaticHTML:
    """The bases to explore as the page's own HTML (``ui.blocks``): nothing in it changes."""
    return static(lawful_bases_html(content, bases, heading_level), "is-lawful-bases")
