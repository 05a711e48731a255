"""In Chromium: the review date and "ask your safeguarding lead" are on the pages. (The Article 9
question appearing only when special category data is shared: test_app_learner.py's decision
record test, on the Tips page it already loads.)"""

from __future__ import annotations

import pytest
from _shipped import shipped_content

from infoshare_widgets.content.review import footer_text

CONTENT = shipped_content()


@pytest.mark.parametrize("section_id", ["children", "adults"])
def test_pages_say_whether_signed_off_and_ask_your_lead(loaded, section_id: str) -> None:
    text = loaded(section_id).inner_text("#rendered_cells")
    assert footer_text(CONTENT) in text  # the sign-off line: shipped, "not been signed off"
    assert "not been signed off" in text
    assert CONTENT.text("app", "local_ask_lead") in text
