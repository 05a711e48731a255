"""The one way a builder is kept from raising into a notebook: any error becomes an error card.

Voila stops running a notebook at the first cell that raises, so every factory and every page
builder goes through :func:`guarded`: the traceback goes to the server's log and the learner sees
the friendly card in place of that one part.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import ipywidgets as widgets

from .error_card import error_card

log = logging.getLogger(__name__)

W = TypeVar("W", bound=widgets.Widget)


def origin_path(content: Any, item: Any) -> Path | None:
    """The file an item was loaded from, or None when it was not loaded from a file."""
    if item is None:
        return None
    try:
        path, _ = content.origin(item)
    except Exception:
        return None
    return None if path == getattr(content, "root", None) else path


def guarded(content: Any, what: str, build: Callable[[], W], *, item: Any = None,
            heading_level: int = 2) -> W | widgets.HTML:
    """``build()``, or on any error a logged traceback and an error card naming ``item``'s file.

    ``what`` names the part for the log (an id, never anything a learner typed).
    """
    try:
        return build()
    except Exception:
        log.exception("could not show %s", what)
        return error_card(content, origin_path(content, item), [], heading_level=heading_level)
