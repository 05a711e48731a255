"""Facilitator mode's parts of a page: the section's notes and the timer under the title, the
Start page's "Run a group session" entry, and the facilitator guide.

Everything here is built only for the visit that asked for it: a learner's page gets the entry
that opens facilitator mode, never a note (notes are absent from the HTML and the widget state).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..content import Content, models
from ..content.markdown import escape, to_html
from ..ui.notes import notes_html
from .page_html import block_html, notebook_url

# The guide is a document of the project (docs/), beside the shipped content folder.
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "facilitator-guide.md"
GUIDE_ANCHOR = "is-facilitator-guide"
# The facilitator's live room page, served by the server beside the pages: relative to a page's
# address (<base>voila/render/<notebook>), so a base path works.
ROOM_HOST = "../../room/host"
# The presenter view, served the same way: a page's steps, or on Start a chooser of
# the session plans and pages.
PRESENT = "../../present"


def demoted(markdown: str) -> str:
    """The guide under the page's own h2: its title dropped, every heading one level down."""
    lines = markdown.splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    # its screenshots (``![...](images/...)``) are for the document, not the page
    return "\n".join(re.sub(r"^(#{1,5}) ", r"#\1 ", line) for line in lines
                     if not line.startswith("!["))


class Facilitation:
    """One page's facilitator parts, for a learner or a facilitator (``facilitator``).

    It knows the content, the section and whether this visit is a facilitator's; it builds
    widgets and leaves guarding them (the error card) to the page.
    """

    def __init__(self, content: Content, section: models.Section | None,
                 facilitator: bool) -> None:
        self.content = content
        self.section = section
        self.facilitator = facilitator

    def words(self, key: str) -> str:
        return self.content.text("facilitator", key)

    def section_notes(self) -> str:
        """The section's facilitator notes as HTML ("" for a learner or a section without)."""
        if not self.facilitator or self.section is None:
            return ""
        return notes_html(self.words("notes_label"), self.section.facilitator_notes)

    def header_extras(self) -> list[Any]:
        """Under the page title: "On this page" (shown when the page is long); for a
        facilitator, then the section's notes and the discussion timer."""
        from ..ui.contents import on_this_page

        contents = on_this_page(self.content)
        if not self.facilitator:
            return [contents]
        from ..facilitator import timer_widget

        notes = self.section_notes()
        extras: list[Any] = [block_html(notes, "is-section-notes")] if notes else []
        return [block_html(self.present_link(), "is-present-entry"), contents, *extras,
                timer_widget(self.content)]

    def present_link(self) -> str:
        """The Present control: this page's presenter view (on Start, the choice of plans)."""
        section = self.section.id if self.section is not None else ""
        href = PRESENT if section in ("", "start") else f"{PRESENT}?section={section}"
        return (f'<p><a class="is-present-link" href="{escape(href)}">'
                f'{escape(self.words("present"))}</a> {escape(self.words("present_text"))}</p>')

    def session_entry(self) -> Any:
        """The Start page's entry: for a learner, a way into facilitator mode; for a
        facilitator, what the mode is, the guide and the way back."""
        words = self.words
        start = self.content.sections[0] if self.content.sections else None
        home = notebook_url(start.notebook) if start else ""
        if not self.facilitator:
            link = f'<a class="is-session-link" href="{escape(home)}?mode=facilitator">' \
                   f'{escape(words("run_session"))}</a>'
            return block_html(f'<h2>{escape(words("run_session"))}</h2>'
                              f'<p>{escape(words("run_session_text"))}</p><p>{link}</p>',
                              "is-session-entry")
        new_tab = escape(self.content.text("app", "new_tab"))
        room = (f'<li><a href="{ROOM_HOST}" target="_blank" rel="noopener">'
                f'{escape(words("room_start"))}<span class="is-visually-hidden"> {new_tab}'
                f'</span></a>: {escape(words("room_start_text"))}</li>')
        links = (f'<ul class="is-session-links"><li><a href="#{GUIDE_ANCHOR}">'
                 f'{escape(words("guide_link"))}</a></li>{room}'
                 f'<li><a href="{escape(home)}">{escape(words("learner_link"))}</a></li></ul>')
        return block_html(f'<h2>{escape(words("mode_heading"))}</h2>'
                          f'<p>{escape(words("mode_text"))}</p>{links}', "is-session-entry")

    def guide(self, path: Path = GUIDE) -> Any:
        """The facilitator guide on a facilitator's Start page (nothing on a learner's)."""
        if not self.facilitator:
            return widgets.VBox()
        text = path.read_text(encoding="utf-8")
        return block_html(f'<section aria-labelledby="{GUIDE_ANCHOR}">'
                          f'<h2 id="{GUIDE_ANCHOR}" tabindex="-1">'
                          f'{escape(self.words("guide_heading"))}</h2>'
                          f"{to_html(demoted(text))}</section>", "is-facilitator-guide")
