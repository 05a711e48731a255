"""The one way authored Markdown becomes HTML: rendered without raw HTML, then sanitised.

The renderer (markdown-it, 70 modules, ~0.9 MB and ~0.13 s to import) is made on first use: a
learner's kernel finds its content's texts already rendered by the server (`remember`: the
snapshot's renderings file, read a text at a time; `cache.py`) and usually never imports it.
What is remembered is markdown-it's own output, so nh3 still cleans every text as it is used.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any, Protocol

import nh3


class Rendered(Protocol):
    """Texts' HTML by text: a dict, or an open renderings file (`renderings.Renderings`)."""

    def get(self, text: str, /) -> str | None: ...


_md: Any = None  # markdown_it.MarkdownIt, made by _render on first use (tests may replace it)
_rendered: Rendered = {}  # Markdown -> markdown-it's HTML, from the server (`remember`)


def _render(markdown: str) -> str:
    known = _rendered.get(markdown)
    if known is not None:
        return known
    global _md
    if _md is None:
        from markdown_it import MarkdownIt

        _md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    return _md.render(markdown)


def prerender(texts: Iterable[str]) -> dict[str, str]:
    """markdown-it's HTML of each text, for `remember` in another process (not yet cleaned)."""
    return {text: _render(text) for text in texts}


def remember(rendered: Rendered) -> None:
    """Use these renderings (from `prerender`, or a file of them) instead of markdown-it for
    the same texts; the last content read wins (a rendering never goes stale: the same Markdown,
    the same HTML)."""
    global _rendered
    _rendered = rendered

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre",
    "h3", "h4", "h5", "h6", "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}


def to_html(markdown: str | None) -> str:
    """Render trainer-authored Markdown to HTML that cannot run code.

    markdown-it escapes raw HTML (``html: False``); nh3 then keeps only a short list of tags and
    attributes, so even a rendering bug cannot let a script or event handler through.
    """
    if not markdown:
        return ""
    rendered = _render(markdown)
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        # A link opens beside the app, so a learner following it does not lose their answers.
        set_tag_attribute_values={"a": {"target": "_blank"}},
    )


def to_inline_html(markdown: str | None) -> str:
    """Like :func:`to_html` but without the wrapping paragraph, for one-line labels."""
    out = to_html(markdown).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


def escape(text: str | None) -> str:
    """Escape text a learner typed so it is shown, never interpreted."""
    return html.escape(text or "", quote=True)


# The page's own HTML (``ui.blocks.StaticHTML``): what our builders write around authored text.
PAGE_TAGS = ALLOWED_TAGS | {
    "div", "span", "section", "aside", "nav", "header", "footer", "h1", "h2", "dl", "dt", "dd",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "details", "summary",
}
PAGE_ATTRIBUTES = {
    "*": {"class", "id", "aria-label", "aria-labelledby", "aria-describedby", "aria-current",
          "aria-hidden", "tabindex", "lang"},
    "a": {"href", "title", "target", "rel"}, "ol": {"start"}, "th": {"scope"},
}
PAGE_URL_SCHEMES = URL_SCHEMES | {"tel"}


def clean_page_html(page_html: str | list[str] | None) -> str:
    """Every ``text/html`` output on a served page, sanitised (the page template's filter).

    Our builders' HTML passes unchanged (escaped text and :func:`to_html` output in a short list
    of structural tags); anything else, a script, an event handler, a style, a ``javascript:``
    link, is removed, whatever put it there.
    """
    if isinstance(page_html, list):  # a notebook file may keep an output's text as lines
        page_html = "".join(page_html)
    return nh3.clean(page_html or "", tags=PAGE_TAGS, attributes=PAGE_ATTRIBUTES,
                     url_schemes=PAGE_URL_SCHEMES, link_rel=None)
