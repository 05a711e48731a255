"""Small HTML pieces every view shares: headings, links to publications, source lines.

Pure functions (no widgets). Text goes in escaped (titles, names, wording) or through
``to_inline_html`` (authored Markdown); nothing else.
"""

from __future__ import annotations

from typing import Any

from ..content import models
from ..content.markdown import escape, to_inline_html
from ..content.sources import Source, source_inline_html

__all__ = ["draft_html", "heading_html", "heading_level", "link_html", "source_html",
           "source_inline_html"]

TOP_LEVEL = 2  # the page's title is its one h1; every part of a page starts at h2


def heading_level(level: Any, default: int = TOP_LEVEL) -> int:
    """A heading level between 2 and 6, whatever a caller passes."""
    try:
        return min(max(int(level), TOP_LEVEL), 6)
    except (TypeError, ValueError):
        return default


def heading_html(level: Any, text: str, css_class: str = "", element_id: str = "",
                 style: str = "") -> str:
    """A heading of plain text (escaped), at a level between 2 and 6."""
    n = heading_level(level)
    attrs = "".join(f' {name}="{escape(value)}"' for name, value in
                    (("id", element_id), ("class", css_class), ("style", style)) if value)
    return f"<h{n}{attrs}>{escape(text)}</h{n}>"


def link_html(link: models.Link, new_tab: str, end: str = "") -> str:
    """A publication: its title, linked where the content gives an address, then publisher and note.

    Links open beside the app (as every authored link does), so a learner following one does not
    lose their answers; ``new_tab`` (ui ``app.new_tab``) tells screen-reader users so. ``end`` is
    put between the publisher and the note (``"."`` where the link ends a sentence).
    """
    title = escape(link.title)
    if link.url:
        title = (f'<a href="{escape(link.url)}" target="_blank" rel="noopener noreferrer">'
                 f'{title}<span class="is-visually-hidden"> {escape(new_tab)}</span></a>')
    publisher = f" ({escape(link.publisher)})" if link.publisher else ""
    note = f" {to_inline_html(link.note)}" if link.note else ""
    return f"{title}{publisher}{end}{note}"


def source_html(content: Any, source: Source | None) -> str:
    """The "Source: ..." line under an item; empty when the item names no source."""
    if not source:
        return ""
    inline = source_inline_html(source, content.text("app", "new_tab"),
                                content.text("app", "source_checked"))
    return (
        '<p class="is-source">'  # styled by the page's stylesheet (app.css), as a topic's
        f"{escape(content.text('app', 'source_label'))} {inline}</p>"
    )


def draft_html(content: Any, item: Any) -> str:
    """"Draft: learners do not see this ..." on an item marked ``draft: true``; else empty.

    Drafts reach only the facilitator and author views (``pages.drafts``): the label tells the
    trainer previewing one there that learners do not get it yet.
    """
    if getattr(item, "draft", False) is not True:
        return ""
    return (f'<p class="is-draft-label"><strong>{escape(content.text("app", "draft_label"))}'
            f'</strong> {escape(content.text("app", "draft_note"))}</p>')


def details_html(summary: str, body_html: str, *, heading: str = "", level: int = 3,
                 card: bool = False, anchor: str = "") -> str:
    """GOV.UK's details as the page's own HTML: an optional heading, then a native
    ``<details>`` whose ``<summary>`` is a fixed label (plain text, escaped) over ``body_html``
    (already safe). The browser keeps it open or closed and tells screen readers so; no script.
    Reading matter only: it is in the page from the start, never an answer held back."""
    classes = "is-details-block is-card" if card else "is-details-block"
    ident = f' id="{escape(anchor)}"' if anchor else ""
    top = heading_html(level, heading, "is-details-heading") if heading else ""
    return (f'<div class="{classes}"{ident}>{top}<details class="is-details">'
            f'<summary class="is-details-summary">{escape(summary)}</summary>'
            f'<div class="is-details-text">{body_html}</div></details></div>')
