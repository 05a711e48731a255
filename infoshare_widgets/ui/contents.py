""""On this page": a long page starts with a list of jump links to its parts.

A page taller than ``min_height`` pixels (6,000 by default: about seven and a half screens at
1280 × 800) starts with GOV.UK's contents list: a link to each of the page's h2 headings, in
order. The page builds it (``contents.js``): it sees the page as drawn, so the list follows what
this visit shows (a facilitator's notes, a broken file's card, the one question at a time), and
a page that is short at one width and long at another gets it where it is long. Once shown it
stays (no jumping in and out as feedback opens and closes).
"""

from __future__ import annotations

import traitlets

from ..content import Content
from .styles import ModuleWidget, front_end

MIN_HEIGHT = 6000


class OnThisPage(ModuleWidget):
    """The contents list of a long page; hidden on a short one."""

    _esm = front_end(__file__, "contents.js", "contents.css")

    label = traitlets.Unicode("").tag(sync=True)  # plain text: "On this page"
    min_height = traitlets.Int(MIN_HEIGHT).tag(sync=True)


def on_this_page(content: Content, min_height: int = MIN_HEIGHT) -> OnThisPage:
    return OnThisPage(label=content.text("app", "on_this_page"), min_height=min_height)
