"""Drafts written by `infoshare new` render for facilitators and authors, never for learners."""

from __future__ import annotations

import shutil
from pathlib import Path

import ipywidgets as widgets
import pytest

from infoshare_widgets import pages
from infoshare_widgets.cli import main
from infoshare_widgets.content import default_content_dir, load_content
from infoshare_widgets.pages.drafts import for_mode


def texts(widget: widgets.Widget) -> str:
    """Every string a widget tree carries: HTML values and anywidget traits alike."""
    out = []
    for name in ("value", "intro_html", "prompt_html", "heading", "options"):
        out.append(str(getattr(widget, name, "")))
    for child in getattr(widget, "children", ()):
        out.append(texts(child))
    return "\n".join(out)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("drafts") / "content"
    shutil.copytree(default_content_dir(), root)
    for args in (["case-study", "young-carer", "--name", "Sam the draft", "--audience", "children"],
                 ["quiz", "draft-quiz", "--section", "case-studies"],
                 ["lawful-basis-scenario", "draft-scenario"]):
        assert main(["new", *args, "--content", str(root)]) == 0
    return root


@pytest.mark.parametrize("mode, shown", [("learner", False), ("facilitator", True),
                                         ("author", True)])
def test_scaffolded_drafts_render_only_where_trainers_look(drafted: Path, mode: str,
                                                           shown: bool) -> None:
    content = load_content(drafted)
    assert content.problems == []
    page = pages.Page("case-studies", for_mode(content, mode), mode=mode)
    case_studies, quizzes = texts(page.case_studies()), texts(page.quizzes())
    assert "error" not in case_studies.lower()
    assert ("Sam the draft" in case_studies) is shown
    assert ("What is worrying you?" in case_studies)  # the shipped cases are always there
    assert ("[The quiz&#x27;s heading]" in quizzes or "[The quiz's heading]" in quizzes) is shown
    children = pages.Page("children", for_mode(content, mode), mode=mode)
    assert ("[A few words naming the situation]" in texts(children.lawful_bases())) is shown


def test_a_learner_page_opened_for_a_visit_leaves_drafts_out(
        drafted: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "")
    page = pages.open_page("case-studies", drafted)
    assert page.mode == "learner"
    assert "young-carer" not in [c.id for c in page.content.case_studies]
    monkeypatch.setenv("QUERY_STRING", "mode=author")
    page = pages.open_page("case-studies", drafted)
    assert "young-carer" in [c.id for c in page.content.case_studies]


def test_without_drafts_keeps_the_scenarios_files_origin(drafted: Path) -> None:
    content = load_content(drafted)
    learner = for_mode(content, "learner")
    assert learner.scenarios is not None
    assert "draft-scenario" not in [s.id for s in learner.scenarios.scenarios]
    assert learner.origin(learner.scenarios)[0].name == "lawful_basis_scenarios.yaml"
    assert content.scenarios is not None and len(content.scenarios.scenarios) == len(
        learner.scenarios.scenarios) + 1


def test_a_draft_is_labelled_as_one_where_trainers_see_it(drafted: Path) -> None:
    content = load_content(drafted)
    label = 'class="is-draft-label"'
    for mode in ("author", "facilitator"):  # the facilitator's quiz is the group quiz
        page = pages.Page("case-studies", for_mode(content, mode), mode=mode)
        case_studies, quizzes = texts(page.case_studies()), texts(page.quizzes())
        assert case_studies.count(label) == 1 and quizzes.count(label) == 1
        header = next(part for part in case_studies.split("\n") if "Sam the draft</h2>" in part)
        assert label in header and content.text("app", "draft_label") in header
        children = texts(pages.Page("children", for_mode(content, mode), mode=mode)
                         .lawful_bases())
        assert children.count(label) == 1
    shipped = pages.Page("case-studies", for_mode(content, "author"), mode="author")
    jessie = next(part for part in texts(shipped.case_studies()).split("\n")
                  if "Jessie</h2>" in part)
    assert label not in jessie
