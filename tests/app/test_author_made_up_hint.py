"""Every builder form says, beside the field where a story or situation is typed, to use made-up
practice details only (the DPO and safeguarding review, finding 8): before, only the case study
said so. In the test's own process, as the other author-area tests."""

from __future__ import annotations

import pytest
from _author_area import as_role  # its fixture `area` comes from tests/app/conftest.py
from _shipped import shipped_content

WORDS = shipped_content().ui.author  # type: ignore[union-attr]


@pytest.mark.parametrize(("path", "field"), [("/author/quizzes/new", "questions.0.prompt"),
                                             ("/author/scenarios/new", "situation")])
def test_the_quiz_and_scenario_builders_ask_for_made_up_details(area, path: str,
                                                                 field: str) -> None:
    hint = WORDS["author_made_up_hint"]
    assert "made-up practice details only" in hint and "could identify anyone" in hint
    page = as_role(area, "ann", "author").get(path)
    assert page.status_code == 200
    html = page.text.replace("&#39;", "'")
    assert f'<p class="is-author-hint" id="{field}-hint">{hint}</p>' in html
    assert f'aria-describedby="{field}-hint' in html
