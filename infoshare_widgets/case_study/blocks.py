"""Small HTML blocks the case-study, golden-rules and decision-record views share.

Every piece of text goes in either escaped (plain text: names, titles, sources) or through
``to_html`` (authored Markdown); callers pass nothing else.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..content.markdown import escape

_PROSE_STYLE = (
    "box-sizing:border-box;max-width:100%;font-size:var(--is-font-size,1rem);line-height:1.5;"
    "overflow-wrap:anywhere;white-space:normal;color:var(--is-text,#1b1b1b)"
)


def prose(inner_html: str, css_class: str) -> widgets.HTML:
    """An HTML widget around HTML that is already safe, wrapping at any width."""
    box = widgets.HTML(f'<div class="{css_class}" style="{_PROSE_STYLE}">{inner_html}</div>')
    box.add_class(css_class + "-widget")
    return box


def source_html(content: Any, source: str | None) -> str:
    """The "Source: ..." line under an item; empty when the item names no source."""
    if not source:
        return ""
    return (
        '<p class="is-source" style="color:var(--is-muted,#4a4a4a);font-size:0.95em">'
        f"{escape(content.text('app', 'source_label'))} {escape(source)}</p>"
    )
