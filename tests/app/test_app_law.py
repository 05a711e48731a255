"""In Chromium: the Article 9 question appears only when special category data is shared, and the
review date and "ask your safeguarding lead" are on the pages."""

from __future__ import annotations

import pytest
from _app_support import open_page

from infoshare_widgets.content import default_content_dir, load_content
from infoshare_widgets.content.review import footer_text

CONTENT = load_content(default_content_dir())
QUESTIONS = {q.id: q for q in CONTENT.decision_record.questions}


def test_the_article_9_question_waits_for_special_category_data(app_server, context) -> None:
    page = open_page(context, app_server.section_url("tips"))
    form = page.locator(".is-record-form")
    condition = form.locator("fieldset", has_text=QUESTIONS["article-9-condition"].prompt)
    special = form.locator("fieldset", has_text=QUESTIONS["special-category"].prompt)
    special.scroll_into_view_if_needed()
    assert not condition.is_visible()
    special.get_by_label("No", exact=True).check()
    assert not condition.is_visible()
    special.get_by_label("Yes", exact=True).check()
    condition.wait_for(state="visible")
    choices = condition.locator("input[type=radio]")
    assert choices.count() == len(QUESTIONS["article-9-condition"].choices)
    special.get_by_label("No", exact=True).check()
    condition.wait_for(state="hidden")


@pytest.mark.parametrize("section_id", ["children", "adults"])
def test_pages_say_whether_signed_off_and_ask_your_lead(loaded, section_id: str) -> None:
    text = loaded(section_id).inner_text("#rendered_cells")
    assert footer_text(CONTENT) in text  # the sign-off line: shipped, "not been signed off"
    assert "not been signed off" in text
    assert CONTENT.text("app", "local_ask_lead") in text
