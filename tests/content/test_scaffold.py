"""`infoshare new` and `infoshare init-content`: valid drafts, every field, never an overwrite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from infoshare_widgets.cli import main
from infoshare_widgets.content import load_content, models

INFOSHARE = Path(sys.executable).with_name("infoshare")


def fields_written(path: Path, model: type[models.Strict]) -> set[str]:
    """Top-level field names the file gives, or shows commented out (`# order: 10`)."""
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        key = line.removeprefix("# ").split(":", 1)[0]
        if ":" in line and key in model.model_fields:
            names.add(key)
    return names


def test_new_case_study_is_a_valid_draft_with_every_field_and_the_packs_prompts(
        sound: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "case-study", "young-carer", "--name", "Sam", "--audience", "children",
                 "--content", str(sound)]) == 0
    path = sound / "case_studies" / "young-carer.yaml"
    assert "wrote" in capsys.readouterr().out
    content = load_content(sound)
    assert content.problems == []
    case = next(c for c in content.case_studies if c.id == "young-carer")
    assert (case.draft, case.name, case.audience) == (True, "Sam", "children")
    assert [q.prompt for q in case.questions] == [
        "What is worrying you?", "Who would you contact and how would you share information?",
        "How would you follow up on your information sharing?"]
    assert fields_written(path, models.CaseStudy) == set(models.CaseStudy.model_fields)
    assert path.read_text(encoding="utf-8").startswith("#")  # says what it is
    assert "format: 1" in path.read_text(encoding="utf-8")
    assert "local.yaml" in path.read_text(encoding="utf-8")  # the local contacts' slot


def test_new_quiz_is_a_valid_draft_with_every_field(sound: Path) -> None:
    assert main(["new", "quiz", "my-quiz", "--section", "adults", "--content", str(sound)]) == 0
    content = load_content(sound)
    assert content.problems == []
    quiz = next(q for q in content.quizzes if q.id == "my-quiz")
    assert (quiz.draft, quiz.section, [q.kind for q in quiz.questions]) == (
        True, "adults", ["single", "multiple"])
    assert fields_written(sound / "quizzes" / "my-quiz.yaml", models.Quiz) == set(
        models.Quiz.model_fields)


def test_any_name_is_written_safely(sound: Path) -> None:
    name = 'Sam: "<script>alert(1)</script>" # not a comment'
    assert main(["new", "case-study", "odd", "--name", name, "--audience", "adults",
                 "--content", str(sound)]) == 0
    content = load_content(sound)
    assert content.problems == []
    assert next(c for c in content.case_studies if c.id == "odd").name == name


@pytest.mark.parametrize("args, message", [
    (["case-study", "Bad_Id", "--name", "A", "--audience", "adults"], "'Bad_Id' is not a valid id"),
    (["case-study", "sample-case", "--name", "A", "--audience", "adults"], "already exists"),
    (["quiz", "sample", "--section", "tips"], "already exists"),
    (["quiz", "new-one", "--section", "start"], "section must be one of: what-is-it"),
    (["quiz", "x--y", "--section", "tips"], "not a valid id"),
    (["case-study", "blank", "--name", "  ", "--audience", "adults"], "nothing was written"),
    (["lawful-basis-scenario", "referral"], "already in"),
    (["lawful-basis-scenario", "Nope"], "not a valid id"),
])
def test_refusals_say_why_and_write_nothing(sound: Path, args: list[str], message: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    before = {p: p.read_bytes() for p in sound.rglob("*.yaml")}
    assert main(["new", *args, "--content", str(sound)]) == 1
    assert message in capsys.readouterr().err
    assert {p: p.read_bytes() for p in sound.rglob("*.yaml")} == before


def test_a_bad_audience_is_refused_by_the_command_line(sound: Path) -> None:
    run = subprocess.run([str(INFOSHARE), "new", "case-study", "x", "--name", "X", "--audience",
                          "Children", "--content", str(sound)], capture_output=True, text=True)
    assert run.returncode == 2 and "invalid choice: 'Children'" in run.stderr
    assert not (sound / "case_studies" / "x.yaml").exists()


def test_new_scenario_is_appended_as_a_draft_keeping_the_files_comments(sound: Path) -> None:
    path = sound / "lawful_basis_scenarios.yaml"
    path.write_text("# Keep this comment.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["new", "lawful-basis-scenario", "new-one", "--content", str(sound)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Keep this comment.\n") and text.rstrip().endswith("source: A source.")
    content = load_content(sound)
    assert content.problems == []
    assert content.scenarios is not None
    ids = [(s.id, s.draft) for s in content.scenarios.scenarios]
    assert ids == [("referral", False), ("new-one", True)]
    has_organisation = "organisation" in models.Scenario.model_fields
    assert ("organisation:" in text) == has_organisation


def test_init_content_copies_the_shipped_folder_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "ours"
    assert main(["init-content", str(target)]) == 0
    assert load_content(target).problems == []
    assert (target / "case_studies" / "jessie.yaml").is_file()
    assert main(["init-content", str(target)]) == 1
