"""What the law review shows on the pages: review date, local contacts, labels, who "you" are.

Built from the shipped content (the wording under test is the content's, which is the point:
"ask your safeguarding lead" and nothing invented), and from a filled-in `local.yaml` copy.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import ipywidgets as widgets
import pytest
from _shipped import shipped_content

from infoshare_widgets import pages
from infoshare_widgets.content import load_content
from infoshare_widgets.lawful_basis import lawful_basis_widget
from infoshare_widgets.ui.blocks import StaticHTML
from infoshare_widgets.ui.question import QuestionWidget

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = shipped_content()
PHONE_OR_EMAIL = re.compile(r"tel:|mailto:|@|\d{4}\s?\d{3}\s?\d{3,4}")


def html_of(widget: widgets.Widget) -> str:
    if isinstance(widget, (widgets.HTML, StaticHTML)):
        return widget.value
    if isinstance(widget, QuestionWidget):
        return widget.heading + widget.intro_html + widget.prompt_html
    return "".join(html_of(c) for c in getattr(widget, "children", ()))


def footer(section: str, content=SHIPPED) -> str:
    return html_of(pages.Page(section, content).footer())  # the footer, beside the progress store


@pytest.mark.parametrize("section", [s.id for s in SHIPPED.sections])
def test_every_footer_says_when_the_content_was_checked(section: str) -> None:
    html = footer(section)
    assert f"Content version {SHIPPED.about.version}" in html
    assert "7 December 2026" in html  # content/about.yaml reviewed
    assert SHIPPED.about.signed_off is None  # shipped: no sign-off, and none is invented
    assert "It has not been signed off by a safeguarding partnership." in html
    assert "checked by" not in html


@pytest.mark.parametrize("section", ["children", "adults", "tips", "case-studies"])
def test_empty_local_contacts_say_ask_your_safeguarding_lead(section: str) -> None:
    html = footer(section)
    contacts = html.split('<div class="is-page-footer"', 1)[0]
    assert SHIPPED.text("app", "local_heading") in contacts
    assert pages.escape(SHIPPED.text("app", "local_ask_lead")) in contacts
    assert not PHONE_OR_EMAIL.search(contacts), "a contact detail was invented"
    assert "<a " not in contacts


@pytest.mark.parametrize("section", ["start", "what-is-it"])
def test_pages_without_contacts_show_none(section: str) -> None:
    assert "is-local-contacts" not in footer(section)


def filled_in(tmp_path: Path, text: str):
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    (root / "local.yaml").write_text(text, encoding="utf-8")
    content = load_content(root)
    assert content.problems == []
    return content


def test_a_partnerships_contacts_are_shown_as_given_and_escaped(tmp_path: Path) -> None:
    content = filled_in(tmp_path, (
        "areas:\n  - name: Example <b>Council</b>\n    children:\n"
        "      name: Children's front door\n      phone: '0000 000 0000'\n"
        "      url: https://example.org/front-door\n    adults:\n      name: Adults' team\n"
        "emergency: Call **999** if someone is in immediate danger.\n"))
    children = footer("children", content).split('<div class="is-page-footer"', 1)[0]
    assert "Example &lt;b&gt;Council&lt;/b&gt;: Children&#x27;s front door" in children
    assert "Phone: 0000 000 0000" in children
    assert '<a href="https://example.org/front-door"' in children
    assert "Adults&#x27; team" not in children  # the adults' door is on the adults' page
    assert "<strong>999</strong>" in children
    # No escalation procedure given: the page says to ask for what is missing.
    assert pages.escape(content.text("app", "local_ask_lead_more")) in children
    assert pages.escape(content.text("app", "local_ask_lead")) not in children


def test_an_added_topic_is_labelled_as_not_from_the_pack() -> None:
    page = pages.Page("what-is-it", SHIPPED)
    topic = next(t for t in SHIPPED.topics if t.id == "special-category-data")
    html = page.topic_html(topic)
    assert SHIPPED.text("app", "added_label") in html
    assert 'class="is-topic is-topic-added"' in html


def test_the_added_basis_is_not_shown_as_the_packs_words() -> None:
    explore = lawful_basis_widget(SHIPPED).children[0].value  # the page's own HTML
    reveals = explore.split('<details class="is-details">')[1:]  # each basis's "More on"
    assert len(reveals) == 7
    shown = reveals[-1]
    assert SHIPPED.text("lawful_basis", "not_in_pack") in shown
    assert "Data (Use and Access) Act 2025" in shown
    pack_label = pages.escape(SHIPPED.text("lawful_basis", "pack_text"))
    assert pack_label not in shown
    assert pack_label in reveals[0]


def test_each_scenario_shows_who_you_are() -> None:
    exercise = lawful_basis_widget(SHIPPED).children[2]  # the bases, its heading, it
    for scenario in SHIPPED.scenarios.scenarios:
        question = exercise._questions[scenario.id]
        label = SHIPPED.text("lawful_basis", f"organisation_{scenario.organisation}")
        assert pages.escape(label) in question.intro_html, scenario.id
    options = [o["text"] for o in question.options]
    assert "Recognised legitimate interests" in options


def test_case_studies_link_the_topics_to_read_with_them() -> None:
    html = html_of(pages.Page("case-studies", SHIPPED).case_studies())
    assert SHIPPED.text("app", "see_also") in html
    assert 'href="03-adults.ipynb#is-topic-mental-capacity" target="_blank"' in html
    assert 'href="01-what-is-it.ipynb#is-topic-special-category-data"' in html
