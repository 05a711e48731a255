"""The golden rules: a card per rule (key phrase first, full text on demand: a native
``<details>``, no widget), then the check.

The check of understanding is a quiz (``model.check_quiz``); this component does not draw quizzes
itself. Its caller passes ``check``, a function from the quiz to a widget: ``pages.py`` passes the
quiz component's ``quiz_widget``, so one radio-group widget serves the whole app.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import ipywidgets as widgets

from ..content import Content, Problem, models
from ..content.markdown import escape, to_html
from ..content.question_ids import rules_check_id
from ..ui.blocks import StaticHTML, prose, static
from ..ui.error_card import error_card, one_widget
from ..ui.safe_build import guarded
from ..ui.shared_html import details_html, heading_html, link_html, source_html
from .model import RulesWording, check_quiz, rule_anchor, rule_cards

CheckBuilder = Callable[..., widgets.Widget]
"""``check(quiz, room_id=..., title_apart=...)``: ``room_id`` gives each check's id in a live
room; ``title_apart`` (given only when the rules' text is apart) the quiz's title in its
``before``."""


def rules_wording(content: Content) -> RulesWording:
    def t(key: str) -> str:
        return content.text("golden_rules", key)

    return RulesWording(rule_heading=t("rule_heading"), check_title=t("check_title"),
                        check_prompt=t("check_prompt"), check_answer=t("check_answer"))


def reference_html(content: Content, link: models.Link | None) -> str:
    """The guidance the rules come from, as a link when the pack gives an address."""
    if link is None:
        return ""
    label = escape(content.text("golden_rules", "reference"))
    body = link_html(link, content.text("app", "new_tab"), end=".")
    return f'<p class="is-rules-reference"><strong>{label}</strong> {body}</p>'


def cards_html(content: Content, rules: models.GoldenRulesFile, wording: RulesWording) -> str:
    """A card per rule: its heading, then GOV.UK's details "Show the full rule" (a fixed label)
    over the rule's full text. Reading text: nothing in it changes (``details_html``)."""
    return "".join(
        details_html(content.text("golden_rules", "show_rule"), "".join(card.reveal.items),
                     heading=card.heading, level=3, card=True,
                     anchor=rule_anchor(rules.audience, card.rule.number))
        for card in rule_cards(rules, wording))


class GoldenRulesView(widgets.VBox):
    """The seven rules for one audience and, when ``check`` is given, the check of understanding.

    ``text_apart``: the heading, introduction and rule cards, and after the check its source,
    are not among its children but in ``before`` and ``after``, as the page's own HTML
    (``ui.blocks``, ``Parts.around``): its one widget is the check."""

    def __init__(self, content: Content, rules: models.GoldenRulesFile,
                 check: CheckBuilder | None = None, text_apart: bool = False) -> None:
        wording = rules_wording(content)
        block = static if text_apart else prose
        header = block(
            f"{heading_html(2, rules.title)}{to_html(rules.intro)}"
            f"{reference_html(content, rules.reference)}",
            "is-rules-intro",
        )
        cards = block(cards_html(content, rules, wording), "is-rules-cards")
        children: list[widgets.Widget] = []
        quiz = check_quiz(rules, wording)
        room_id = functools.partial(rules_check_id, rules.id)
        if quiz is not None and check is not None:
            apart = {"title_apart": True} if text_apart else {}
            children.append(guarded(content, f"the golden rules check {quiz.id}",
                                    lambda: check(quiz, room_id=room_id, **apart), item=rules,
                                    heading_level=3))
        source = block(source_html(content, rules.source), "is-rules-source")
        super().__init__(children=children if text_apart else [header, cards, *children, source])
        check_title = [b for c in children for b in getattr(c, "before", ())]  # given apart
        self.before: list[StaticHTML] = [header, cards, *check_title] if text_apart else []
        self.after: list[StaticHTML] = [source] if text_apart else []
        self.add_class("is-golden-rules")


def golden_rules_widget(content: Content, audience: str, check: CheckBuilder | None = None,
                        text_apart: bool = False) -> widgets.Widget:
    """The golden rules for ``children`` or ``adults``, or an error card (never raises);
    ``text_apart``: see :class:`GoldenRulesView`."""

    def build() -> widgets.Widget:
        rules = content.golden_rules_for(audience)
        if rules is None:
            return _missing(content, audience)
        return guarded(content, f"the golden rules {rules.id}",
                       lambda: GoldenRulesView(content, rules, check, text_apart), item=rules)

    return guarded(content, f"the golden rules for {audience}", build)


def _missing(content: Content, audience: str) -> widgets.Widget:
    """No rules for this audience: show the broken file's card, or say none was found."""
    mine = content.broken_items("golden_rules", audience=audience)
    if mine:
        return one_widget([error_card(content, b.path, b.problems) for b in mine])
    folder = content.root / "golden_rules"
    return error_card(content, folder,
                      [Problem(folder, f"no golden rules file for audience '{audience}'")])
