"""The friendly card shown in place of an item that could not be shown.

Voila hides tracebacks (``show_tracebacks`` is off), so a broken content file or a bug would
otherwise leave a blank gap or "There was an error when executing cell [n]". The card says, in the
trainer's own wording from ``ui.yaml``, that this part could not be shown, names the file and each
problem as ``file:line: field: message`` (the same form ``infoshare validate`` prints), and leaves
the rest of the page working. Everything on the card is escaped text; no traceback reaches it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import ipywidgets as widgets

from .content.markdown import escape

log = logging.getLogger(__name__)

W = TypeVar("W", bound=widgets.Widget)

# Inline, because an HTML widget has no stylesheet of its own; the custom properties come from
# theme.css, with fallbacks so the card also reads well in JupyterLab.
_CARD_STYLE = (
    "box-sizing:border-box;max-width:100%;margin:0.5rem 0;"
    "padding:var(--is-space,1rem);border:1px solid var(--is-border,#6b6b6b);"
    "border-left:6px solid var(--is-wrong,#a1260d);border-radius:var(--is-radius,6px);"
    "background:var(--is-surface,#f4f6f8);color:var(--is-text,#1b1b1b);"
    "font-size:var(--is-font-size,1rem);line-height:1.5;overflow-wrap:anywhere;white-space:normal"
)
_HEADING_STYLE = "margin:0 0 0.5rem 0;color:var(--is-wrong,#a1260d);font-size:1.25em"


def _text(content: Any, key: str) -> str:
    """Wording from ui.yaml's ``app`` group; the key itself if even the content is missing."""
    try:
        return content.text("app", key)
    except Exception:
        return key.replace("_", " ")


def content_relative(content: Any, path: Path | str | None) -> str:
    """A file's name relative to the content folder (``case_studies/jessie.yaml``)."""
    if path is None:
        return ""
    path = Path(path)
    root = getattr(content, "root", None)
    if root is not None:
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            rel = ""
        if rel and rel != ".":
            return rel
    return path.name


def problem_text(content: Any, problem: Any) -> str:
    """One problem as ``file:line: field: message``, the file relative to the content folder."""
    file = getattr(problem, "file", None)
    message = getattr(problem, "message", None)
    if message is None:
        return str(problem)
    where = content_relative(content, file)
    line, column = getattr(problem, "line", None), getattr(problem, "column", None)
    if line is not None:
        where += f":{line}"
        if column is not None:
            where += f":{column}"
    field = getattr(problem, "field", "")
    parts = [p for p in (where, field, message) if p]
    return ": ".join(parts)


def error_card_html(
    content: Any, path: Path | str | None, problems: Iterable[Any], heading_level: int = 2
) -> str:
    """The card's HTML: a labelled region with a heading, the body text and the problems.

    A region, not ``role="alert"``: the card is there when the page loads, and an alert would
    interrupt a screen reader before the learner has reached it.
    """
    level = min(max(int(heading_level), 2), 6)
    heading_id = f"is-error-{uuid.uuid4().hex[:10]}"
    lines = [problem_text(content, p) for p in problems]
    if not lines and path is not None:
        lines = [content_relative(content, path)]
    items = "".join(f"<li><code>{escape(line)}</code></li>" for line in lines if line)
    listing = f'<ul style="margin:0.5rem 0 0 0;padding-left:1.25rem">{items}</ul>' if items else ""
    return (
        f'<div class="is-error-card" role="region" aria-labelledby="{heading_id}" '
        f'style="{_CARD_STYLE}">'
        f'<h{level} id="{heading_id}" style="{_HEADING_STYLE}">'
        f"{escape(_text(content, 'error_title'))}</h{level}>"
        f'<p style="margin:0">{escape(_text(content, "error_body"))}</p>'
        f"{listing}</div>"
    )


def error_card(
    content: Any, path: Path | str | None, problems: Iterable[Any] = (), *, heading_level: int = 2
) -> widgets.HTML:
    """A widget to show in place of a broken item. Never raises: it is the last resort."""
    try:
        html = error_card_html(content, path, list(problems), heading_level)
    except Exception:
        log.exception("could not build an error card")
        try:
            html = error_card_html(content, None, [], heading_level)
        except Exception:
            html = error_card_html(None, None, [], heading_level)
    card = widgets.HTML(html)
    card.add_class("is-error-card-widget")
    return card


def error_cards_for(content: Any, kind: str, *, heading_level: int = 2) -> list[widgets.HTML]:
    """One card for each file of a kind (``"case_studies"``, ``"quizzes"``...) that did not load."""
    try:
        paths = list(content.broken_files.get(kind, []))
    except Exception:
        log.exception("could not list the broken %s files", kind)
        return [error_card(content, None, [], heading_level=heading_level)]
    return [
        error_card(content, path, content.problems_in(path), heading_level=heading_level)
        for path in paths
    ]


def origin_path(content: Any, item: Any) -> Path | None:
    """The file an item was loaded from, or None when it was not loaded from a file."""
    try:
        path, _ = content.origin(item)
    except Exception:
        return None
    return None if path == getattr(content, "root", None) else path


def guarded(content: Any, item: Any, what: str, build: Callable[[], W]) -> W | widgets.HTML:
    """Run a widget factory; on any error log the traceback and return an error card instead.

    ``what`` names the item for the log (an id, never anything a learner typed).
    """
    try:
        return build()
    except Exception:
        log.exception("could not show %s", what)
        return error_card(content, origin_path(content, item), [])
