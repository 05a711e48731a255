"""What the law review adds around a page's parts: local contacts, the review date, "read with".

Pure functions returning safe HTML: names, numbers and wording are escaped; the partnership's
Markdown (emergency route, escalation procedure, notes) goes through ``to_html``. Nothing is ever
invented: with `local.yaml` empty, the contacts block says only "ask your safeguarding lead".
"""

from __future__ import annotations

from collections.abc import Callable

from ..content import Content, models
from ..content.local_contacts import FrontDoor, contact_parts, local_contacts
from ..content.markdown import escape, to_html
from ..content.review import footer_text
from ..ui.shared_html import heading_html, source_html
from .page_html import notebook_url

# The pages that say who to contact locally, and for which audience (None: both).
LOCAL_CONTACTS_ON: dict[str, str | None] = {
    "children": "children", "adults": "adults", "tips": None, "case-studies": None}


def _door_html(door: FrontDoor, t: Callable[[str], str]) -> str:
    label = t("local_children") if door.audience == "children" else t("local_adults")
    details = []
    for key, value in contact_parts(door.contact):
        shown = escape(value)
        if key == "local_web":
            shown = f'<a href="{escape(value)}" rel="noopener noreferrer">{shown}</a>'
        details.append(f"<li>{escape(t(key))} {shown}</li>")
    listed = f'<ul>{"".join(details)}</ul>' if details else ""
    return (f"<li><strong>{escape(door.area)}: {escape(label)}</strong> "
            f"{escape(door.contact.name)}{listed}{to_html(door.contact.note)}</li>")


def local_contacts_html(content: Content, audience: str | None) -> str:
    """The partnership's contacts for this page, or only "ask your safeguarding lead"."""
    def t(key: str) -> str:
        return content.text("app", key)

    found = local_contacts(content, audience)
    parts = [heading_html(2, t("local_heading"), element_id="is-local-heading")]
    if found.empty:
        parts.append(f'<p class="is-local-ask">{escape(t("local_ask_lead"))}</p>')
    else:
        if found.front_doors:
            doors = "".join(_door_html(d, t) for d in found.front_doors)
            parts.append(f'<ul class="is-local-doors">{doors}</ul>')
        for key, markdown in (("local_emergency", found.emergency),
                              ("local_escalation", found.escalation)):
            if markdown:
                parts.append(heading_html(3, t(key)) + to_html(markdown))
        if not found.complete:
            parts.append(f'<p class="is-local-ask">{escape(t("local_ask_lead_more"))}</p>')
        parts.append(source_html(content, found.source))
    return (f'<section class="is-local-contacts" aria-labelledby="is-local-heading">'
            f'{"".join(parts)}</section>')


def reviewed_html(content: Content) -> str:
    """The content's version and the date it was last checked against the law."""
    return f'<p class="is-reviewed">{escape(footer_text(content))}</p>'


def see_also_html(content: Content, case: models.CaseStudy) -> str:
    """"Read with this case": each topic the case names, linked on its own page (new tab, so
    the learner's notes in the case stay where they are)."""
    topics = {t.id: t for t in content.topics}
    items = []
    for topic_id in case.see_also or []:
        topic = topics.get(topic_id)
        section = content.section(topic.section) if topic else None
        if topic is None or section is None:
            continue
        href = f"{notebook_url(section.notebook)}#is-topic-{topic.id}"
        new_tab = escape(content.text("app", "new_tab"))
        items.append(f'<li><a href="{escape(href)}" target="_blank" rel="noopener noreferrer">'
                     f'{escape(topic.title)}<span class="is-visually-hidden"> {new_tab}</span>'
                     f"</a> ({escape(section.title)})</li>")
    if not items:
        return ""
    label = escape(content.text("app", "see_also"))
    return (f'<div class="is-case-see-also"><p><strong>{label}</strong></p>'
            f'<ul>{"".join(items)}</ul></div>')
