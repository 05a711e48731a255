"""Where a page sits in the course: its neighbours, the links between sections, the navigation
bars at its top and bottom and the Start page's map of sections.

The order of sections is written once, in ``sections.yaml``; everything here is made from it.
A link keeps a mode other than the learner's (a facilitator stays a facilitator from page to page).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from ..content import Content, models
from ..content.markdown import escape
from .page_html import notebook_url
from .visit import DEFAULT_MODE


class Navigation:
    """One page's place among the sections, for one visit's mode. Builds HTML, never widgets."""

    def __init__(self, content: Content, section_id: str, mode: str = DEFAULT_MODE) -> None:
        self.content = content
        self.section_id = section_id
        self.mode = mode

    def text(self, key: str) -> str:
        return self.content.text("app", key)

    def neighbours(self) -> tuple[models.Section | None, models.Section | None]:
        """The previous and next sections in the order of sections.yaml."""
        order = [s.id for s in self.content.sections]
        if self.section_id not in order:
            return None, None
        i = order.index(self.section_id)
        before = self.content.sections[i - 1] if i > 0 else None
        after = self.content.sections[i + 1] if i + 1 < len(order) else None
        return before, after

    def link(self, section: models.Section) -> str:
        """A section's address, keeping a non-default mode across pages."""
        url = notebook_url(section.notebook)
        if self.mode != DEFAULT_MODE:
            url += "?" + urlencode({"mode": self.mode})
        return url

    def bar_html(self, label_key: str, css_class: str) -> str:
        """A navigation landmark: Home, then the previous and next sections (where there are)."""
        before, after = self.neighbours()
        sections = self.content.sections
        items = []
        if sections:
            home = sections[0]
            current = ' aria-current="page"' if home.id == self.section_id else ""
            items.append(f'<li><a class="is-nav-home" href="{escape(self.link(home))}"{current}>'
                         f'{escape(self.text("home"))}</a></li>')
        for rel, target, key in (("prev", before, "previous"), ("next", after, "next")):
            if target is None:
                continue
            items.append(
                f'<li><a class="is-nav-{rel}" rel="{rel}" href="{escape(self.link(target))}">'
                f'<span class="is-nav-dir">{escape(self.text(key))}</span>'
                f'<span class="is-visually-hidden">: </span>'
                f'<span class="is-nav-title">{escape(target.title)}</span></a></li>')
        return (f'<nav class="is-nav {css_class}" aria-label="{escape(self.text(label_key))}">'
                f'<ul>{"".join(items)}</ul></nav>')

    def map_html(self) -> str:
        """The Start page's map: every other section, linked, with its summary ("" if none)."""
        items = "".join(
            f'<li><a href="{escape(self.link(s))}">{escape(s.title)}</a>'
            f'<p class="is-map-summary">{escape(s.summary)}</p></li>'
            for s in self.content.sections if s.id != self.section_id)
        if not items:
            return ""
        return (f'<nav class="is-section-map" aria-labelledby="is-map-heading">'
                f'<h2 id="is-map-heading">{escape(self.text("map_heading"))}</h2>'
                f"<ol>{items}</ol></nav>")

LinkTo = Callable[[models.Section], str]
