"""Blocks of HTML that is already safe: reading text as the page's own HTML, or in a widget.

Callers pass only escaped text or ``to_html`` output (see ``ui.shared_html``); nothing else.

Text that does not change is a :class:`StaticHTML`: a ``text/html`` output of its cell, which
Voila writes into the page it sends (sanitised again there by ``content.markdown.clean_page_html``),
so it is readable before any widget is drawn and after the kernel is lost. :class:`Parts` puts
such blocks and the widgets of one cell in order. :func:`prose` is the widget form, for text
inside a part that changes (a pager's page, a preview).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import ipywidgets as widgets

_PROSE_STYLE = (
    "box-sizing:border-box;max-width:100%;font-size:var(--is-font-size,1rem);line-height:1.5;"
    "overflow-wrap:anywhere;white-space:normal;color:var(--is-text,#1b1b1b)"
)


def prose(inner_html: str, css_class: str) -> widgets.HTML:
    """An HTML widget around HTML that is already safe, wrapping at any width."""
    box = widgets.HTML(f'<div class="{css_class}" style="{_PROSE_STYLE}">{inner_html}</div>')
    box.add_class(css_class + "-widget")
    return box


class StaticHTML:
    """Safe HTML shown as the page's own HTML (a ``text/html`` output), never a widget.

    ``value`` is the HTML, as a widget's would be; IPython shows it as ``text/html`` (Voila: in
    the page it sends; JupyterLab: in the cell's output).
    """

    def __init__(self, inner_html: str, css_class: str) -> None:
        self.css_class = css_class
        self.value = f'<div class="is-static {css_class}">{inner_html}</div>'

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.value, "text/plain": ""}

    def __repr__(self) -> str:
        return f"StaticHTML({self.css_class!r})"


class Parts:
    """One cell's output in order: static HTML blocks and widgets, each its own output.

    ``children`` holds them as a box's would (tests and ``Page.track`` walk it); shown by
    IPython (the cell's last value), each is displayed in turn.
    """

    def __init__(self, children: Iterable[Any], css_class: str = "") -> None:
        self.children = tuple(c for c in children if c is not None)
        self.css_class = css_class

    @classmethod
    def around(cls, view: Any, css_class: str = "") -> Parts:
        """A view whose fixed text was built apart (its ``before`` and ``after`` blocks, as the
        page's own HTML) with that text around it; an error card alone when it failed."""
        return cls([*getattr(view, "before", ()), view, *getattr(view, "after", ())], css_class)

    def _ipython_display_(self) -> None:
        from IPython.display import display
        for child in self.children:
            # a widget in a box, as every part was before (a bare anywidget's output has no
            # ``jupyter-widgets`` box around it)
            boxed = isinstance(child, widgets.Widget) and not isinstance(child, widgets.Box)
            display(widgets.VBox([child]) if boxed else child)

    def __repr__(self) -> str:
        return f"Parts({self.css_class!r}, {len(self.children)} parts)"


def static(inner_html: str, css_class: str) -> StaticHTML:
    """Reading text that does not change, as the page's own HTML."""
    return StaticHTML(inner_html, css_class)
