"""What a quiz's summary links to: each `revisit` id as (text, address, new-tab note).

A topic links to its heading on its page (``#is-topic-<id>``), a golden rule
(``children-rule-3``) to its card on the page that shows that audience's rules
(``#is-rule-children-3``). On the quiz's own page the link is the fragment alone, so it moves
within the page and keeps the learner's answers; a link to another page opens a new tab and says
so. Ids are checked at load (``content.links``); one that names nothing is left out.
"""

from __future__ import annotations

from ..content import Content
from ..content.links import RULE_REF, rule_reference
from ..content.templates import fill
from ..golden_rules.model import rule_anchor
from .page_html import notebook_url
from .section_progress import AUDIENCE_OF_SECTION


def _link(content: Content, here: str, section_id: str, anchor: str,
          text: str) -> tuple[str, str, str] | None:
    section = content.section(section_id)
    if section is None:
        return None
    if section_id == here:
        return text, f"#{anchor}", ""
    return (f"{text} ({section.title})", f"{notebook_url(section.notebook)}#{anchor}",
            content.text("app", "new_tab"))


def revisit_links(content: Content, here: str, ids: list[str]) -> list[tuple[str, str, str]]:
    """Each id as (link text, address, new-tab note or ""), for a quiz on section ``here``."""
    topics = {t.id: t for t in content.topics}
    rules_on = {audience: section for section, audience in AUDIENCE_OF_SECTION.items()}
    out = []
    for ref in ids:
        link = None
        if ref in topics:
            topic = topics[ref]
            link = _link(content, here, topic.section, f"is-topic-{topic.id}", topic.title)
        elif (found := rule_reference(content, ref)) and (match := RULE_REF.fullmatch(ref)):
            _rules, number = found
            text = fill(content.text("quiz", "revisit_rule"), number=number)
            link = _link(content, here, rules_on.get(match[1], match[1]),
                         rule_anchor(match[1], number), text)
        if link is not None:
            out.append(link)
    return out
