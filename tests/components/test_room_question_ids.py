"""Every group question a facilitator's page draws asks the room by an id the room knows
(issue 24: the golden rules' check sent ``quiz.golden-rules-<id>.<check>``, the room knew
``rules.<id>.<check>``, so "Ask the room" said no room page was open)."""

from __future__ import annotations

import ipywidgets as widgets
import pytest
from _shipped import shipped_content

from infoshare_widgets.pages.page import Page
from infoshare_widgets.quiz.group import GroupQuestion
from infoshare_widgets.room_store.questions import catalogue

CONTENT = shipped_content()
KNOWN = catalogue(CONTENT).questions


def group_questions(widget: widgets.Widget) -> list[GroupQuestion]:
    if isinstance(widget, GroupQuestion):
        return [widget]
    return [q for child in getattr(widget, "children", ()) for q in group_questions(child)]


@pytest.mark.parametrize("section", ["children", "adults"])
def test_the_golden_rules_check_asks_the_room_by_the_room_s_id(section: str) -> None:
    page = Page(section, CONTENT, "facilitator")
    asked = [q.room_question for q in group_questions(page.golden_rules())]
    assert asked, "no golden-rules check drawn"
    assert all(a.startswith("rules.") for a in asked), asked
    assert set(asked) <= set(KNOWN), sorted(set(asked) - set(KNOWN))


@pytest.mark.parametrize("section", ["what-is-it", "children", "adults", "tips"])
def test_every_quiz_on_a_facilitator_page_asks_by_a_known_id(section: str) -> None:
    page = Page(section, CONTENT, "facilitator")
    asked = [q.room_question for q in group_questions(page.quizzes())]
    assert set(asked) <= set(KNOWN), sorted(set(asked) - set(KNOWN))
