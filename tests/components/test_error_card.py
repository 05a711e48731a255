"""The error card: friendly wording and the file's name, escaped; the problems go to the log.

A learner cannot fix a content file, and a problem's text may quote the file (a file linked to a
system file would have its lines printed as "unknown field"), so the card names the file and says,
in plain words, that this part could not be shown; ``file:line: field: message`` goes to the log.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import ipywidgets as widgets
import pytest
from h4_samples import IMG, SCRIPT, assert_inert, case_yaml, content_folder, make_content, ui

from infoshare_widgets.content import Content, Problem
from infoshare_widgets.ui.error_card import (
    content_relative,
    error_card,
    error_card_html,
    error_cards_for,
    explain_problems,
    problem_text,
)
from infoshare_widgets.ui.safe_build import guarded, origin_path

BROKEN_CASE = """id: broken
name: Broken
about: A case with a typo
audience: kids
story: A story.
questions:
  - id: worrying
    promt: What is worrying you?
    points: [one]
"""


def test_card_for_a_broken_file_names_the_file_and_logs_each_problem(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    content = content_folder(tmp_path, {"case_studies/broken.yaml": BROKEN_CASE})
    with caplog.at_level(logging.WARNING):
        cards = error_cards_for(content, "case_studies")
    assert len(cards) == 1
    html = cards[0].value
    assert ui("app", "error_title") in html
    assert ui("app", "error_body").replace("'", "&#x27;") in html
    assert "<code>case_studies/broken.yaml</code>" in html
    assert "promt" not in html and "audience" not in html  # no problem detail on the page
    assert str(tmp_path) not in html  # relative to the content folder, not an absolute path
    assert "Traceback" not in html
    assert "case_studies/broken.yaml:8: questions[0].promt: unknown field" in caplog.text
    assert "case_studies/broken.yaml:4: audience: must be one of" in caplog.text  # every one


def test_card_is_a_labelled_region_not_an_alert() -> None:
    html = error_card_html(make_content(), None, [])
    heading_id = re.search(r'<h2 id="([^"]+)"', html).group(1)
    assert 'role="region"' in html
    assert f'aria-labelledby="{heading_id}"' in html
    assert 'role="alert"' not in html


def test_two_cards_on_a_page_have_distinct_heading_ids() -> None:
    ids = {re.search(r'<h2 id="([^"]+)"', error_card(make_content(), None).value).group(1)
           for _ in range(2)}
    assert len(ids) == 2


def test_heading_level_is_kept_within_h2_to_h6() -> None:
    assert "<h3 " in error_card_html(make_content(), None, [], heading_level=3)
    assert "<h6 " in error_card_html(make_content(), None, [], heading_level=9)
    assert "<h2 " in error_card_html(make_content(), None, [], heading_level=1)


def test_a_problem_quoting_the_file_never_reaches_the_page_and_names_are_escaped() -> None:
    root = Path("/c")
    path = root / "quizzes" / f"{IMG}.yaml"
    problem = Problem(path, f"unknown field 'root:$6$secret' {SCRIPT}", field="title")
    html = error_card(make_content(root), path, [problem]).value
    assert_inert(html)
    assert "secret" not in html and "unknown field" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;.yaml" in html


def test_card_works_without_ui_wording_or_content() -> None:
    no_ui = Content(root=Path("/c"))  # ui.yaml broken: ui is None
    assert "error title" in error_card(no_ui, Path("/c/a.yaml"), []).value
    assert "error body" in error_card(None, None, []).value


def test_card_without_problems_names_the_file() -> None:
    html = error_card(make_content(Path("/c")), Path("/c/case_studies/x.yaml"), []).value
    assert "<code>case_studies/x.yaml</code>" in html


def test_card_survives_a_problem_object_that_cannot_be_logged(caplog) -> None:
    class Bad:
        @property
        def message(self) -> str:
            raise RuntimeError("boom")

    card = error_card(make_content(), None, [Bad()])
    assert isinstance(card, widgets.HTML)
    assert ui("app", "error_title") in card.value
    assert any(r.exc_info for r in caplog.records)


def test_problem_text_forms() -> None:
    content = make_content(Path("/c"))
    file = Path("/c/quizzes/q.yaml")
    assert problem_text(content, Problem(file, "m", field="f", line=3, column=5)) \
        == "quizzes/q.yaml:3:5: f: m"
    assert problem_text(content, Problem(file, "m")) == "quizzes/q.yaml: m"
    assert problem_text(content, Problem(Path("/elsewhere/z.yaml"), "m", line=1)) == "z.yaml:1: m"
    assert problem_text(content, "plain words") == "plain words"


def test_content_relative() -> None:
    content = make_content(Path("/c"))
    assert content_relative(content, Path("/c/golden_rules/adults.yaml")) \
        == "golden_rules/adults.yaml"
    assert content_relative(content, Path("/c")) == "c"
    assert content_relative(content, None) == ""
    assert content_relative(None, "/x/y.yaml") == "y.yaml"


def test_no_cards_when_nothing_is_broken(tmp_path: Path) -> None:
    content = content_folder(tmp_path, {"case_studies/fine.yaml": case_yaml("fine", "Fine")})
    assert content.case_studies and error_cards_for(content, "case_studies") == []


def test_error_cards_for_survives_content_without_broken_files() -> None:
    cards = error_cards_for(object(), "case_studies")
    assert len(cards) == 1 and "error title" in cards[0].value


def test_guarded_returns_the_widget_or_a_card_and_logs_the_traceback(caplog) -> None:
    content = make_content()
    ok = widgets.Label("fine")
    assert guarded(content, "a thing", lambda: ok) is ok

    def boom() -> widgets.Widget:
        raise ValueError("broken on purpose")

    with caplog.at_level(logging.ERROR):
        card = guarded(content, "a thing", boom)
    assert ui("app", "error_title") in card.value
    assert "broken on purpose" not in card.value
    record = next(r for r in caplog.records if "could not show a thing" in r.getMessage())
    assert record.exc_info is not None


def test_origin_path(tmp_path: Path) -> None:
    content = content_folder(tmp_path, {"case_studies/fine.yaml": case_yaml("fine", "Fine")})
    assert origin_path(content, content.case_studies[0]) == content.root / "case_studies/fine.yaml"
    assert origin_path(content, object()) is None
    assert origin_path(None, object()) is None


@pytest.fixture
def explained():
    """Cards as a facilitator or author gets them (`pages.opening` sets this per visit)."""
    explain_problems(True)
    yield
    explain_problems(False)


def test_a_facilitators_card_says_what_is_wrong_and_where(tmp_path: Path, explained) -> None:
    content = content_folder(tmp_path, {"case_studies/broken.yaml": BROKEN_CASE})
    html = error_cards_for(content, "case_studies")[0].value
    assert ui("app", "error_body_explained") in html
    assert ui("app", "error_body") + "<" not in html  # not the learners' sentence
    assert ui("app", "error_what") in html
    assert "<li>case_studies/broken.yaml:8: questions[0].promt: unknown field" in html
    assert "<li>case_studies/broken.yaml:4: audience: must be one of" in html
    assert str(tmp_path) not in html


def test_a_facilitators_card_escapes_what_it_quotes(explained) -> None:
    root = Path("/c")
    path = root / "quizzes" / f"{IMG}.yaml"
    html = error_card(make_content(root), path, [Problem(path, f"bad {SCRIPT}", "title")]).value
    assert_inert(html)
    assert "&lt;script&gt;" in html


def test_a_facilitators_card_for_an_error_without_problems_points_to_the_log(explained) -> None:
    html = guarded(make_content(), "a part", lambda: 1 / 0).value
    assert ui("app", "error_in_log") in html and "ZeroDivisionError" not in html


def test_learners_keep_the_short_card(tmp_path: Path) -> None:
    content = content_folder(tmp_path, {"case_studies/broken.yaml": BROKEN_CASE})
    html = error_cards_for(content, "case_studies")[0].value
    assert ui("app", "error_what") not in html and "promt" not in html
