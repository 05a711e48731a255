"""The golden rules as a learner meets them: rule cards with a disclosure (a native
``<details>``, reading text, no widget), then the check.

The check is drawn by whatever ``check`` builder the caller passes; ``pages.py`` passes the quiz
component's ``quiz_widget``, and so does :func:`rules_widget` here.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from h4_samples import (
    IMG,
    SCRIPT,
    assert_inert,
    content_folder,
    golden_rules,
    make_content,
    ui,
)

from infoshare_widgets.content import Content
from infoshare_widgets.golden_rules import GoldenRulesView, golden_rules_widget
from infoshare_widgets.quiz import QuizView, quiz_widget
from infoshare_widgets.ui.question import QuestionWidget


def rules_widget(content: Content, audience: str):  # type: ignore[no-untyped-def]
    """The golden rules with their check drawn by the quiz component, as pages.py wires them."""
    return golden_rules_widget(content, audience,
                               check=lambda quiz, **kw: quiz_widget(content, quiz, heading_level=3,
                                                                  **kw))


CARD = '<div class="is-details-block is-card"'


def rules_of(view: GoldenRulesView) -> list[str]:
    """Each rule card's HTML, in order (the cards are one block of reading text)."""
    cards = next(w.value for w in view.children if CARD in getattr(w, "value", ""))
    found = cards.split(CARD)[1:]
    assert found, "no rule cards"
    return found


def heading_of(card: str) -> str:
    return re.search(r'<h3 class="is-details-heading">(.*?)</h3>', card).group(1)  # type: ignore


def check_of(view: GoldenRulesView) -> QuizView:
    return next(w for w in view.children if isinstance(w, QuizView))


def test_title_intro_reference_and_source() -> None:
    view = rules_widget(make_content(golden_rules=[golden_rules()]), "children")
    header = view.children[0].value
    assert "<h2>The seven golden rules</h2>" in header
    assert "Seven rules for sharing information." in header
    assert ui("golden_rules", "reference") in header
    assert '<a href="https://example.org/advice" target="_blank" rel="noopener noreferrer">' \
           "Information sharing advice" in header
    assert f'{ui("app", "new_tab")}</span></a> (DfE).' in header  # opens beside the app
    assert "DfE, May 2024" in view.children[-1].value


def test_each_rule_shows_its_key_phrase_first_and_full_text_on_demand() -> None:
    view = rules_widget(make_content(golden_rules=[golden_rules()]), "children")
    cards = rules_of(view)
    assert [heading_of(c) for c in cards] == [
        ui("golden_rules", "rule_heading").format(number=n, key_phrase=f"Key phrase {n}")
        for n in range(1, 8)
    ]
    seventh = cards[6]
    # GOV.UK's details (issue 14): a fixed label over the full text, a link's target by its id;
    # the text is reading matter, in the page (the browser opens it: no kernel, no widget).
    assert seventh.startswith(' id="is-rule-children-7">')
    summary = f'<summary class="is-details-summary">{ui("golden_rules", "show_rule")}</summary>'
    assert summary in seventh
    assert seventh.index(summary) < seventh.index("More about rule 7")


def test_the_check_asks_which_rule_applies_and_feedback_says_why() -> None:
    view = rules_widget(make_content(golden_rules=[golden_rules()]), "children")
    quiz = check_of(view)
    questions = [w for w in quiz.children if isinstance(w, QuestionWidget)]
    assert len(questions) == 2
    first = questions[0]
    assert "A parent asks you not to tell anyone." in first.prompt_html
    assert [o["text"] for o in first.options][2] == \
        ui("golden_rules", "rule_heading").format(number=3, key_phrase="Key phrase 3")
    first.check([0])
    assert first.status == "incorrect"
    assert "Rule 3 is about consent." in first.feedback_html
    assert ui("golden_rules", "check_answer").format(number=3, key_phrase="Key phrase 3") \
        in first.feedback_html
    first.try_again()
    first.check([2])
    assert first.status == "correct"
    assert "Rule 3 is about consent." in first.feedback_html
    assert ui("golden_rules", "check_title") in quiz.children[0].value


def test_no_check_without_checks() -> None:
    view = rules_widget(make_content(golden_rules=[golden_rules(checks=[])]), "children")
    assert not any(isinstance(w, QuizView) for w in view.children)


def test_the_audience_picks_the_rules() -> None:
    adults = golden_rules("adults", title="Adults' rules")
    content = make_content(golden_rules=[golden_rules(), adults])
    assert "Adults&#x27; rules" in rules_widget(content, "adults").children[0].value


def test_unsafe_text_in_rules_is_inert() -> None:
    rules = golden_rules(title=f"T {IMG}", intro=SCRIPT,
                         reference={"title": IMG, "note": SCRIPT, "publisher": SCRIPT},
                         source=IMG)
    data = rules.model_dump()
    data["rules"][0].update(key_phrase=f"K {SCRIPT}", text=IMG, continued=SCRIPT)
    data["checks"][0].update(situation=IMG, feedback=SCRIPT)
    view = rules_widget(make_content(golden_rules=[type(rules).model_validate(data)]),
                               "children")
    card = rules_of(view)[0]
    assert heading_of(card).startswith("T rule heading: 1 K &lt;script&gt;")  # escaped text
    question = next(w for w in check_of(view).children if isinstance(w, QuestionWidget))
    question.check([0])
    for html in [view.children[0].value, view.children[-1].value, card,
                 question.prompt_html, question.feedback_html]:
        assert_inert(html)


def test_missing_audience_shows_an_error_card_and_logs_why(caplog) -> None:
    with caplog.at_level(logging.WARNING):
        card = rules_widget(make_content(golden_rules=[golden_rules()]), "adults")
    assert ui("app", "error_title") in card.value
    assert "<code>golden_rules</code>" in card.value
    assert "no golden rules file for audience 'adults'" in caplog.text


def test_a_broken_rules_file_shows_its_card(tmp_path: Path, caplog) -> None:
    content = content_folder(tmp_path, {
        "golden_rules/adults.yaml": "id: adults\naudience: adults\ntitle: Rules\n",
        "golden_rules/children.yaml": "id: children\naudience: children\n",
    })
    with caplog.at_level(logging.WARNING):
        card = rules_widget(content, "adults")
    assert "golden_rules/adults.yaml" in card.value and "golden_rules/children.yaml" not in \
        card.value
    assert "golden_rules/adults.yaml" in caplog.text and "required field is missing" in caplog.text


@pytest.mark.parametrize("content", [None, "not content"])
def test_factory_never_raises_and_logs_the_traceback(content: object, caplog) -> None:
    with caplog.at_level(logging.ERROR):
        card = rules_widget(content, "children")  # type: ignore[arg-type]
    assert "error title" in card.value
    assert any(r.exc_info for r in caplog.records)


def test_shipped_rules_build_for_both_audiences() -> None:
    from infoshare_widgets.content import load_content

    content = load_content()
    for view in (rules_widget(content, a) for a in ("children", "adults")):
        assert isinstance(view, GoldenRulesView) and len(rules_of(view)) == 7


def test_without_a_check_builder_the_rules_show_without_the_check() -> None:
    view = golden_rules_widget(make_content(golden_rules=[golden_rules()]), "children")
    assert isinstance(view, GoldenRulesView) and len(rules_of(view)) == 7
    assert not any(isinstance(w, QuizView) for w in view.children)


def test_a_check_builder_that_raises_becomes_a_card_and_the_rules_still_show(caplog) -> None:
    def broken(_quiz: object, **_kw: object) -> None:
        raise RuntimeError("no quiz today")

    with caplog.at_level(logging.ERROR):
        view = golden_rules_widget(make_content(golden_rules=[golden_rules()]), "children",
                                   check=broken)  # type: ignore[arg-type]
    assert len(rules_of(view)) == 7
    assert any(ui("app", "error_title") in getattr(w, "value", "") for w in view.children)
    assert "no quiz today" in caplog.text


def test_on_a_page_the_heading_intro_and_source_are_its_own_html() -> None:
    """Issue 26: the rules' heading, introduction and source arrive with the page; each rule's
    full text stays in its card, shown on demand; hostile text stays text."""
    from infoshare_widgets.ui.blocks import Parts, StaticHTML

    content = make_content(golden_rules=[golden_rules(title=f"Rules {SCRIPT}",
                                                      intro=f"Seven *rules*. {IMG}")])
    parts = Parts.around(golden_rules_widget(
        content, "children", text_apart=True,
        check=lambda quiz, **kw: quiz_widget(content, quiz, heading_level=3, **kw))).children
    assert [type(p).__name__ for p in parts] == ["StaticHTML", "StaticHTML", "StaticHTML",
                                                 "GoldenRulesView", "StaticHTML"]
    header, cards, check_title, view, source = parts
    assert "<h2>Rules &lt;script&gt;" in header.value and "<em>rules</em>" in header.value
    assert_inert(header.value)
    assert cards.value.count(CARD) == 7 and "More about rule 7" in cards.value
    assert ui("golden_rules", "check_title") in check_title.value
    assert ui("app", "source_label") in source.value
    # the check is the one widget: its title apart, its answers and feedback only in it
    assert [type(w).__name__ for w in view.children] == ["QuizView"]
    assert not any(isinstance(w, StaticHTML) for w in view.children[0].children)
    question = next(w for w in view.children[0].children if isinstance(w, QuestionWidget))
    question.check([0])
    page_html = "".join(p.value for p in parts if isinstance(p, StaticHTML))
    assert "Rule 3 is about consent." in question.feedback_html
    assert "Rule 3 is about consent." not in page_html  # the check's feedback: revealed later
