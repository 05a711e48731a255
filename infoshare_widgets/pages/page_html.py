"""A page's own HTML: a topic, its list of publications; which topics a cell shows; a notebook's
address.

Text goes in escaped (titles, wording) or through ``to_html`` /
``to_inline_html`` (authored Markdown); nothing else.
"""

from __future__ import annotations

from collections.abc import Callable

from ..content import models
from ..content.markdown import escape, to_html, to_inline_html
from ..ui.blocks import StaticHTML, static
from ..ui.notes import notes_html
from ..ui.shared_html import link_html, source_inline_html

Wording = Callable[[str], str]  # ui.yaml's ``app`` group: key -> text


def links_html(links: list[models.Link], text: Wording) -> str:
    """Publications: a link where the pack gives an address, the title alone where not."""
    items = "".join(f"<li>{link_html(link, text('new_tab'))}</li>" for link in links)
    return f'<ul class="is-links">{items}</ul>'


def same_title(title: str, section: models.Section | None) -> bool:
    """True when a topic is named like its page (its heading would repeat the h1)."""
    return section is not None and title.strip().casefold() == section.title.strip().casefold()


def topic_html(topic: models.Topic, text: Wording, facilitator: bool = False,
               notes_label: str = "", heading: bool = True) -> str:
    """One topic as a section with its heading, text, list, links and source.

    ``heading=False`` for a topic named like its page: the page's h1 says it already, and a
    screen reader would hear the same heading twice. The anchor stays, on the section.
    """
    anchor = f"is-topic-{topic.id}"
    parts = [f'<h2 id="{anchor}">{escape(topic.title)}</h2>'] if heading else []
    label = {"update": "update_label", "added": "added_label"}.get(topic.style)
    if label:  # an update since the pack, or a topic the pack does not have: said in words
        parts.append(f'<p class="is-{topic.style}-label"><strong>{escape(text(label))}'
                     f'</strong></p>')
    body = to_html(topic.body)
    if topic.style == "quote" and body:
        body = f"<blockquote>{body}</blockquote>"
    parts.append(body)
    if topic.items:
        tag = "ol" if topic.numbered else "ul"
        items = "".join(f"<li>{to_inline_html(item)}</li>" for item in topic.items)
        parts.append(f'<{tag} class="is-topic-items">{items}</{tag}>')
    if topic.links:
        parts.append(links_html(topic.links, text))
    parts.append(to_html(topic.after))
    source = source_inline_html(topic.source, text("new_tab"), text("source_checked"))
    parts.append(f'<p class="is-source">{escape(text("source_label"))} {source}</p>')
    if facilitator:  # a learner's page never holds the notes (absent, not hidden)
        parts.append(notes_html(notes_label, topic.facilitator_notes))
    named = f'aria-labelledby="{anchor}"' if heading else f'id="{anchor}"'
    return (f'<section class="is-topic is-topic-{topic.style}" {named}>'
            f'{"".join(parts)}</section>')



def notebook_url(notebook: str) -> str:
    """A section's page address relative to any other page (``02-children.ipynb``).

    Relative, so the same link works in Voila (``/voila/render/...``) and in JupyterLab.
    """
    return f"{notebook}.ipynb"


def block_html(inner: str, css_class: str) -> StaticHTML:
    """Text that does not change, HTML already safe (escaped or from ``to_html``), as the
    page's own HTML: readable before any widget is drawn (``ui.blocks``)."""
    return static(inner, css_class)


def split_topics(topics: list[models.Topic], through: str | None = None,
                 after: str | None = None) -> list[models.Topic] | None:
    """The topics one cell shows: all, those up to and including ``through``, or those after
    ``after``. None when the named topic is not among them (the page logs it and decides)."""
    split = through or after
    if split is None:
        return topics
    ids = [t.id for t in topics]
    if split not in ids:
        return None
    cut = ids.index(split) + 1
    return topics[:cut] if through else topics[cut:]
