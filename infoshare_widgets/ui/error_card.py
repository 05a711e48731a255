"""The friendly card shown in place of an item that could not be shown.

Voila hides tracebacks (``show_tracebacks`` is off), so a broken content file or a bug would
otherwise leave a blank gap or "There was an error when executing cell [n]". The card says, in the
trainer's own wording from ``ui.yaml``, that this part could not be shown and names the file
(relative to the content folder); the rest of the page keeps working. What is wrong in the file
goes to the server's log as ``file:line: field: message`` (``infoshare validate`` prints the same),
never onto the page: a learner cannot fix it, and a problem's text may quote the file.
A facilitator or author can: in those modes (`explain_problems`, set by `pages`) the card also
lists what is wrong and where, in the validator's words, each escaped.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..content.markdown import escape
from .shared_html import heading_html

log = logging.getLogger(__name__)

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
_LIST_STYLE = "margin:0.5rem 0 0 0;padding-left:1.25rem"
_explained = False


def explain_problems(on: bool) -> None:
    """Cards in this kernel list what is wrong and where (facilitator and author modes) or not
    (learners). One kernel serves one visitor, so this is the visit's setting."""
    global _explained
    _explained = bool(on)


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
    return ": ".join(p for p in (where, field, message) if p)


def card_files(content: Any, path: Path | str | None, problems: Iterable[Any]) -> list[str]:
    """The files a card names: ``path``, else each file the problems are in (once each)."""
    if path is not None:
        return [content_relative(content, path)]
    names = (content_relative(content, getattr(p, "file", None)) for p in problems)
    return list(dict.fromkeys(name for name in names if name))


def error_card_html(content: Any, path: Path | str | None, problems: Iterable[Any],
                    heading_level: int = 2, explained: bool | None = None) -> str:
    """The card's HTML: a labelled region with a heading, the plain sentence and the file name;
    ``explained`` (default: `explain_problems`), each problem as ``file:line: field: message``.

    A region, not ``role="alert"``: the card is there when the page loads, and an alert would
    interrupt a screen reader before the learner has reached it.
    """
    problems = list(problems)
    explained = _explained if explained is None else explained
    heading_id = f"is-error-{uuid.uuid4().hex[:10]}"
    items = "".join(f"<li><code>{escape(name)}</code></li>"
                    for name in card_files(content, path, problems))
    listing = f'<ul style="{_LIST_STYLE}">{items}</ul>' if items else ""
    body = _text(content, "error_body")
    if explained:
        body = _text(content, "error_body_explained")
        listing += _explanation(content, problems)
    heading = heading_html(heading_level, _text(content, "error_title"),
                           element_id=heading_id, style=_HEADING_STYLE)
    return (
        f'<div class="is-error-card" role="region" aria-labelledby="{heading_id}" '
        f'style="{_CARD_STYLE}">{heading}'
        f'<p style="margin:0">{escape(body)}</p>{listing}</div>'
    )


def _explanation(content: Any, problems: list[Any]) -> str:
    """What is wrong and where, for a facilitator or author; the log's pointer if not known."""
    if not problems:
        return f'<p style="margin:0.5rem 0 0 0">{escape(_text(content, "error_in_log"))}</p>'
    items = "".join(f"<li>{escape(problem_text(content, p))}</li>" for p in problems)
    return (f'<p style="margin:0.5rem 0 0 0">{escape(_text(content, "error_what"))}</p>'
            f'<ul style="{_LIST_STYLE}">{items}</ul>')


def log_problems(content: Any, path: Path | str | None, problems: Iterable[Any]) -> None:
    """Each problem behind a card, in the server's log (the card itself names only the file)."""
    lines = [problem_text(content, p) for p in problems]
    for line in lines:
        log.warning("shown as an error card: %s", line)
    if not lines and path is not None:
        log.warning("shown as an error card: %s", content_relative(content, path))


def error_card(content: Any, path: Path | str | None, problems: Iterable[Any] = (), *,
               heading_level: int = 2) -> widgets.HTML:
    """A widget to show in place of a broken item. Never raises: it is the last resort."""
    problems = list(problems)
    try:
        log_problems(content, path, problems)
        html = error_card_html(content, path, problems, heading_level)
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


def file_cards(content: Any, kind: str, filename: str, *,
               heading_level: int = 2) -> list[widgets.HTML]:
    """Cards for a one-file kind (``lawful_bases.yaml``...) that is broken or missing."""
    cards = error_cards_for(content, kind, heading_level=heading_level)
    if cards:
        return cards
    path = content.root / filename
    return [error_card(content, path, content.problems_in(path), heading_level=heading_level)]


def one_widget(cards: list[widgets.Widget]) -> widgets.Widget:
    """One widget for a cell: the card itself, or the cards in a box."""
    return cards[0] if len(cards) == 1 else widgets.VBox(children=cards)
