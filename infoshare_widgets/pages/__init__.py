"""Section pages: what the notebooks call, one short line per cell.

``page = pages.open_page("children")`` waits for the visit (``visit.py``: Voila runs the notebook
in a preheated kernel before anyone arrives), then reads the content folder and the page's
``?mode=`` (``opening.py``); each method of the :class:`Page` (``page.py``) returns one widget for
one cell and never raises. Topic and link HTML is in ``page_html.py``.
"""

from ..content.markdown import escape
from .opening import open_page, preload
from .page import Page
from .visit import DEFAULT_MODE, MODES, configure_logging, read_mode, wait_for_visit

__all__ = [
    "DEFAULT_MODE", "MODES", "Page", "configure_logging", "escape", "open_author_preview",
    "open_page", "preload", "read_mode", "wait_for_visit",
]


def open_author_preview():  # noqa: ANN201 - the author preview's own module, loaded on use
    """The author's preview page (``author_preview.py``), imported only by its own notebook: it
    reads YAML, which no learner's kernel loads."""
    from .author_preview import open_author_preview as opened
    return opened()
