"""Blocks of HTML that is already safe, as widgets: what every view puts its reading text in.

Callers pass only escaped text or ``to_html`` output (see ``ui.shared_html``); nothing else.
"""

from __future__ import annotations

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
