"""Facilitator mode's parts of a page: the section's notes and the timer under the title, the
Start page's "Run a group session" entry, and the facilitator guide.

Everything here is built only for the visit that asked for it: a learner's page gets the entry
that opens facilitator mode, never a note (notes are absent from the HTML and the widget state).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import ipywidgets as widgets

from ..content import Content
from ..content.markdown import escape, to_html
from ..ui.notes import notes_html
from ..ui.safe_build import guarded
from .page_html import block_html, notebook_url

if TYPE_CHECKING:
    from .page import Page

# The guide is a document of the project (docs/), beside the shipped content folder.
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "facilitator-guide.md"
GUIDE_ANCHOR = "is-facilitator-guide"
# The facilitator's live room page (issue 17), served by the server beside the pages: relative to
# a page's address (<base>voila/render/<notebook>), so a base path works.
ROOM_HOST = "../../room/host"


def words(page: Page, key: str) -> str:
    return page.content.text("facilitator", key)


def section_notes(page: Page) -> str:
    """The section's facilitator notes as HTML ("" for a learner or a section without any)."""
    section = page.section
    if not page.facilitator or section is None:
        return ""
    return notes_html(words(page, "notes_label"), section.facilitator_notes)


def header_extras(page: Page) -> list[widgets.Widget]:
    """Under the page title: "On this page" (shown when the page is long, issue 14); for a
    facilitator, then the section's notes and the discussion timer."""
    from ..ui.contents import on_this_page

    contents = on_this_page(page.content)
    if not page.facilitator:
        return [contents]
    from ..facilitator import timer_widget

    notes = section_notes(page)
    extras: list[widgets.Widget] = [block_html(notes, "is-section-notes")] if notes else []
    return [contents, *extras, timer_widget(page.content)]


def session_entry(page: Page) -> widgets.Widget:
    """The Start page's entry: for a learner, a way into facilitator mode; for a facilitator,
    what the mode is, the guide and the way back."""
    start = page.content.sections[0] if page.content.sections else None
    home = notebook_url(start.notebook) if start else ""
    if not page.facilitator:
        link = f'<a class="is-session-link" href="{escape(home)}?mode=facilitator">' \
               f'{escape(words(page, "run_session"))}</a>'
        return block_html(f'<h2>{escape(words(page, "run_session"))}</h2>'
                          f'<p>{escape(words(page, "run_session_text"))}</p><p>{link}</p>',
                          "is-session-entry")
    new_tab = escape(page.content.text("app", "new_tab"))
    room = (f'<li><a href="{ROOM_HOST}" target="_blank" rel="noopener">'
            f'{escape(words(page, "room_start"))}<span class="is-visually-hidden"> {new_tab}'
            f'</span></a>: {escape(words(page, "room_start_text"))}</li>')
    links = (f'<ul class="is-session-links"><li><a href="#{GUIDE_ANCHOR}">'
             f'{escape(words(page, "guide_link"))}</a></li>{room}'
             f'<li><a href="{escape(home)}">{escape(words(page, "learner_link"))}</a></li></ul>')
    return block_html(f'<h2>{escape(words(page, "mode_heading"))}</h2>'
                      f'<p>{escape(words(page, "mode_text"))}</p>{links}', "is-session-entry")


def demoted(markdown: str) -> str:
    """The guide under the page's own h2: its title dropped, every heading one level down."""
    lines = markdown.splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return "\n".join(re.sub(r"^(#{1,5}) ", r"#\1 ", line) for line in lines)


def guide(page: Page, path: Path = GUIDE) -> widgets.Widget:
    """The facilitator guide on a facilitator's Start page (nothing on a learner's)."""
    if not page.facilitator:
        return widgets.VBox()
    text = path.read_text(encoding="utf-8")
    return block_html(f'<section aria-labelledby="{GUIDE_ANCHOR}">'
                      f'<h2 id="{GUIDE_ANCHOR}" tabindex="-1">'
                      f'{escape(words(page, "guide_heading"))}</h2>'
                      f"{to_html(demoted(text))}</section>", "is-facilitator-guide")


class StartPageParts:
    """The Start page's builders for group sessions, part of :class:`Page` (guarded the same
    way: any exception becomes the error card)."""

    content: Content
    section_id: str

    def group_session(self) -> widgets.Widget:
        """The Start page's "Run a group session" (a facilitator: the mode, guide, way back)."""
        return guarded(self.content, f"the group-session entry on the {self.section_id!r} page",
                       lambda: session_entry(self))  # type: ignore[arg-type]

    def facilitator_guide(self) -> widgets.Widget:
        """The facilitator guide, on a facilitator's page only."""
        return guarded(self.content, f"the facilitator guide on the {self.section_id!r} page",
                       lambda: guide(self))  # type: ignore[arg-type]
