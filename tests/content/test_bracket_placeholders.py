"""`[Bracketed]` placeholders: an error in an item learners see, a warning in a draft (so a
scaffolded folder still validates), reported by `infoshare validate` with file, field and line."""

from __future__ import annotations

from pathlib import Path

from infoshare_widgets.cli import validate
from infoshare_widgets.content.bracket_text import PLACEHOLDER
from infoshare_widgets.content.loader import load_content
from infoshare_widgets.content.scaffold import new_case_study, new_quiz, new_scenario


def _quiz(sound: Path, title: str, draft: bool = False) -> Path:
    path = sound / "quizzes" / "sample.yaml"
    text = path.read_text(encoding="utf-8").replace("title: A sample quiz", f'title: "{title}"')
    path.write_text(("draft: true\n" if draft else "") + text, encoding="utf-8")
    return path


def test_a_placeholder_learners_would_see_is_an_error_with_its_field_and_line(sound, capsys):
    path = _quiz(sound, "[The quiz's heading]")
    content = load_content(sound)
    (problem,) = content.problems
    assert (problem.file, problem.field, problem.line) == (path, "title", 2)
    assert problem.message == 'replace the placeholder "[The quiz\'s heading]" with the real text'
    assert validate(sound) == 1
    assert "quizzes/sample.yaml:2: title: replace the placeholder" in capsys.readouterr().out


def test_a_placeholder_in_a_draft_is_a_warning(sound, capsys):
    _quiz(sound, "[The quiz's heading]", draft=True)
    content = load_content(sound)
    assert not content.problems
    assert [w.field for w in content.warnings] == ["title"]
    assert validate(sound) == 0
    assert "warning: " in capsys.readouterr().out


def test_links_and_brackets_that_are_not_placeholders_pass():
    for text in ("[the ICO's guide](https://ico.org.uk)", "see [1][ref]", "[ref]: https://x.y",
                 "Article 6(1)(e)", "{total[0]}", "[2]"):
        assert PLACEHOLDER.search(text) is None, text
    assert PLACEHOLDER.search("[Why it is right]").group(0) == "[Why it is right]"


def test_every_scaffold_still_validates_as_a_draft(sound):
    new_quiz("new-quiz", "children", sound)
    new_case_study("new-case", "Sam", "adults", sound)
    new_scenario("new-scenario", sound)
    content = load_content(sound)
    assert not content.problems, content.problems
    placeholders = [w for w in content.warnings if "placeholder" in w.message]
    assert {w.file.name for w in placeholders} == {
        "new-quiz.yaml", "new-case.yaml", "lawful_basis_scenarios.yaml"}


def test_the_shipped_content_has_no_placeholders():
    content = load_content()
    assert content.quizzes and content.case_studies  # refuses to pass on nothing
    assert not [p for p in content.problems if "placeholder" in p.message]
