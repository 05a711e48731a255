"""The golden rules: a card per rule (key phrase first, full text on demand), then the check."""

from __future__ import annotations

import logging

import ipywidgets as widgets

from ..case_study.blocks import prose, source_html
from ..case_study.reveal import RevealWidget, RevealWording
from ..content import Content, Problem, models
from ..content.markdown import escape, to_html, to_inline_html
from ..error_card import error_card, origin_path
from .model import RulesWording, check_quiz, rule_cards

log = logging.getLogger(__name__)


def rules_wording(content: Content) -> RulesWording:
    def t(key: str) -> str:
        return content.text("golden_rules", key)

    return RulesWording(rule_heading=t("rule_heading"), check_title=t("check_title"),
                        check_prompt=t("check_prompt"), check_answer=t("check_answer"))


def reference_html(content: Content, link: models.Link | None) -> str:
    """The guidance the rules come from, as a link when the pack gives an address."""
    if link is None:
        return ""
    title = escape(link.title)
    if link.url:
        title = f'<a href="{escape(link.url)}" rel="noopener noreferrer">{title}</a>'
    publisher = f" ({escape(link.publisher)})" if link.publisher else ""
    note = f" {to_inline_html(link.note)}" if link.note else ""
    label = escape(content.text("golden_rules", "reference"))
    return f'<p class="is-rules-reference"><strong>{label}</strong> {title}{publisher}.{note}</p>'


class GoldenRulesView(widgets.VBox):
    """The seven rules for one audience and the check of understanding."""

    def __init__(self, content: Content, rules: models.GoldenRulesFile) -> None:
        wording = rules_wording(content)
        self._cards = rule_cards(rules, wording)
        header = prose(
            f"<h2>{escape(rules.title)}</h2>{to_html(rules.intro)}"
            f"{reference_html(content, rules.reference)}",
            "is-rules-intro",
        )
        disclosure = RevealWording(reveal=content.text("golden_rules", "show_rule"),
                                   next=content.text("golden_rules", "show_rule"),
                                   hide=content.text("golden_rules", "hide_rule"))
        self._rules = [
            RevealWidget(card.reveal, disclosure, heading=card.heading, heading_level=3,
                         as_list=False, card=True)
            for card in self._cards
        ]
        children: list[widgets.Widget] = [header, *self._rules]
        quiz = check_quiz(rules, wording)
        if quiz is not None:
            children.append(_check_widget(content, quiz, rules))
        children.append(prose(source_html(content, rules.source), "is-rules-source"))
        super().__init__(children=children)
        self.add_class("is-golden-rules")

    @property
    def value(self) -> dict[str, object]:
        """Which rules the learner opened (for a progress record)."""
        return {"opened": [c.rule.number for c in self._cards if c.reveal.expanded]}


def _check_widget(content: Content, quiz: models.Quiz,
                  rules: models.GoldenRulesFile) -> widgets.Widget:
    """The check, drawn by the quiz component so there is one radio-group widget in the app."""
    try:
        from ..quiz import quiz_widget
    except ImportError:
        log.exception("the quiz component is missing: the golden rules check cannot be shown")
        return error_card(content, origin_path(content, rules), [], heading_level=3)
    return quiz_widget(content, quiz, heading_level=3)


def golden_rules_widget(content: Content, audience: str) -> widgets.Widget:
    """The golden rules for ``children`` or ``adults``, or an error card (never raises)."""
    rules = None
    try:
        rules = content.golden_rules_for(audience)
        if rules is None:
            return _missing(content, audience)
        return GoldenRulesView(content, rules)
    except Exception:
        log.exception("could not show the golden rules for %s", audience)
        return error_card(content, origin_path(content, rules), [])


def _missing(content: Content, audience: str) -> widgets.Widget:
    """No rules for this audience: show the broken file's problems, or say none was found."""
    mine = content.broken_items("golden_rules", audience=audience)
    if mine:
        cards = [error_card(content, b.path, b.problems) for b in mine]
        return cards[0] if len(cards) == 1 else widgets.VBox(children=cards)
    folder = content.root / "golden_rules"
    return error_card(content, folder,
                      [Problem(folder, f"no golden rules file for audience '{audience}'")])
