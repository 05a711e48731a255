"""The author's preview page on the kernel side (``notebooks/author/preview.ipynb``, no server):
the token read from the visit's query string, its one snapshot drawn by the learners' own
component; any other address shows a sentence and nothing of any draft."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_app_pages import NOTEBOOKS, html_of, run_notebook

from infoshare_widgets.case_study.view import CaseStudyView
from infoshare_widgets.content.loader import default_content_dir, load_content
from infoshare_widgets.content.preview_snapshots import EXPIRY_SECONDS, write_snapshot
from infoshare_widgets.content.problems import Problem
from infoshare_widgets.lawful_basis.scenarios import ScenarioExerciseView
from infoshare_widgets.pages.author_preview import AuthorPreview, open_author_preview, token_of
from infoshare_widgets.quiz.view import QuizView

PREVIEW = NOTEBOOKS / "author" / "preview.ipynb"
SECRET_TITLE = "A draft title nobody else may see"


def shipped(kind: str, name: str) -> str:
    return (default_content_dir() / kind / name).read_text(encoding="utf-8")


def draft_quiz() -> str:
    data = yaml.safe_load(shipped("quizzes", "adults-guidance.yaml"))
    data["title"] = SECRET_TITLE
    return yaml.safe_dump(data)


@pytest.fixture
def overlay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INFOSHARE_OVERLAY", str(tmp_path / "published"))
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    return tmp_path


def visit(monkeypatch: pytest.MonkeyPatch, query: str) -> None:
    monkeypatch.setenv("QUERY_STRING", query)


def test_the_notebook_draws_the_snapshot_with_the_learners_quiz(overlay, monkeypatch) -> None:
    token = write_snapshot("quizzes", draft_quiz(), "ann", overlay / "author-previews")
    visit(monkeypatch, f"token={token}")
    shown = run_notebook(PREVIEW)
    assert isinstance(shown[-1], QuizView)
    assert SECRET_TITLE in html_of(shown[-1]) and "Preview as learners see it" in html_of(shown[0])


def test_a_case_study_and_a_scenario_are_drawn_by_their_components(overlay, monkeypatch) -> None:
    folder = overlay / "author-previews"
    case = write_snapshot("case_studies", shipped("case_studies", "jessie.yaml"), "ann", folder)
    visit(monkeypatch, f"token={case}")
    assert isinstance(open_author_preview().body(), CaseStudyView)
    scenario = yaml.safe_load((default_content_dir() / "lawful_basis_scenarios.yaml").read_text(
        encoding="utf-8"))["scenarios"][0]
    one = write_snapshot("scenarios", yaml.safe_dump(scenario), "ann", folder)
    visit(monkeypatch, f"token={one}")
    exercise = open_author_preview().body()
    found = [w for w in [exercise, *getattr(exercise, "children", ())]
             if isinstance(w, ScenarioExerciseView)]
    assert len(found) == 1 and list(found[0]._questions) == [scenario["id"]]  # that one only


@pytest.mark.parametrize("query", ["", "token=", "token=../published/quizzes/adults-guidance",
                                   "token=" + "a" * 32, "token={t}&token={t}",
                                   "token={t}x", "token=%2e%2e%2f{t}"])
def test_any_other_address_shows_a_sentence_and_nothing_of_the_draft(
        overlay, monkeypatch, query: str) -> None:
    token = write_snapshot("quizzes", draft_quiz(), "ann", overlay / "author-previews")
    visit(monkeypatch, query.format(t=token))
    shown = run_notebook(PREVIEW)
    html = "\n".join(html_of(w) for w in shown)
    assert SECRET_TITLE not in html and "There is nothing to preview at this address" in html
    assert not getattr(shown[-1], "children", ())


def test_an_expired_snapshot_shows_nothing(overlay, monkeypatch) -> None:
    token = write_snapshot("quizzes", draft_quiz(), "ann", overlay / "author-previews",
                           now=1000.0 - EXPIRY_SECONDS)
    visit(monkeypatch, f"token={token}")
    preview = open_author_preview()
    assert preview.item is None and SECRET_TITLE not in html_of(preview.header())


def test_the_token_is_read_once_from_the_query() -> None:
    assert token_of("mode=learner&token=abc") == "abc"
    assert token_of("token=a&token=b") == "" and token_of(None) == ""


@pytest.mark.parametrize("item", [None, "quiz"])
def test_an_older_ui_yaml_without_the_previews_words_gets_the_shipped_ones(item) -> None:
    """A partnership's ui.yaml from before the preview page lacks its keys: the page reads the
    shipped wording, as the author area does (`author_words`), not the keys' names."""
    content = load_content(default_content_dir())
    content.ui = content.ui.model_copy(update={"author": {}})
    shown = html_of(AuthorPreview(content, "quizzes", item).header())
    assert "Preview as learners see it" in shown and "author learner" not in shown


def test_a_scenario_preview_takes_no_problem_of_the_sites_scenario_in_its_place() -> None:
    """The preview's one scenario carried the site file's origin, and that file's problems are
    found by position: a problem of the site's first scenario replaced the previewed one (any
    id) with an error card. The previewed item validated; no problem of another item is its."""
    content = load_content(default_content_dir())
    path = content.origin(content.scenarios)[0]
    content.problems.append(Problem(path, "the first scenario's own problem",
                                    loc=("scenarios", 0, "fits")))
    item = content.scenarios.scenarios[3]
    exercise = AuthorPreview(content, "scenarios", item).body()
    found = [w for w in [exercise, *getattr(exercise, "children", ())]
             if isinstance(w, ScenarioExerciseView)]
    assert len(found) == 1 and list(found[0]._questions) == [item.id]
    assert "the first scenario's own problem" not in html_of(exercise)
