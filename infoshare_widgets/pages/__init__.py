"""Section pages: what the notebooks call, one short line per cell.

``page = pages.open_page("children")`` waits for the visit (``visit.py``: Voila runs the notebook
in a preheated kernel before anyone arrives), then reads the content folder and the page's
``?mode=`` (``opening.py``); each method of the :class:`Page` (``page.py``) returns one widget for
one cell and never raises. Topic and link HTML is in ``page_html.py``.
"""

from ..content.markdown import escape
from ..ui.exports import lazy_exports
from .opening import open_page, preload
from .page import Page
from .visit import DEFAULT_MODE, MODES, configure_logging, read_mode, wait_for_visit

# The author's preview page, imported on first use by its own notebook only: it reads YAML,
# which no learner's kernel loads (tests/content/test_snapshot.py).
_AUTHOR = {"open_author_preview": ".author_preview"}
__all__ = [
    "DEFAULT_MODE", "MODES", "Page", "configure_logging", "escape", "open_page", "preload",
    "read_mode", "wait_for_visit", *_AUTHOR,
]
__getattr__ = lazy_exports(__name__, _AUTHOR)
