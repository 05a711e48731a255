"""Content format versions: `format: 1` accepted, an older (made-up) format upgraded and warned
about, a newer or nonsense one refused with the file named."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from infoshare_widgets.cli import main
from infoshare_widgets.content import formats, load_content


def test_format_1_and_no_format_both_load_without_warnings(sound: Path) -> None:
    path = sound / "case_studies" / "sample-case.yaml"
    path.write_text("format: 1\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    content = load_content(sound)
    assert (content.problems, content.warnings) == ([], [])
    assert [c.id for c in content.case_studies] == ["sample-case"]


@pytest.fixture
def format_2(monkeypatch: pytest.MonkeyPatch) -> None:
    """A made-up future in which format 2 renamed a case study's `about` to `summary`: today's
    files are format 1, read through the upgrade below."""

    def upgrade_1_to_2(kind: str, data: dict[str, Any]) -> dict[str, Any]:
        if kind == "case_studies" and "summary" in data:
            data["about"] = data.pop("summary")
        return data

    # The models still say `about`, so "format 2" here means: what the models read today.
    monkeypatch.setattr(formats, "CURRENT_FORMAT", 2)
    monkeypatch.setattr(formats, "UPGRADES", {1: upgrade_1_to_2})


def test_an_older_format_is_upgraded_loaded_and_warned_about(
        sound: Path, format_2: None, capsys: pytest.CaptureFixture[str]) -> None:
    path = sound / "case_studies" / "sample-case.yaml"
    path.write_text("format: 1\n" + path.read_text(encoding="utf-8").replace(
        "about:", "summary:"), encoding="utf-8")
    content = load_content(sound)
    assert content.problems == []
    assert content.case_studies[0].about == "A sample case"
    mine = [(w.line, w.field, w.message) for w in content.warnings if w.file == path]
    assert mine == [(1, "format", "written in content format 1; it still loads, but bring it up "
                     "to format 2 (see docs/authoring.md) and set `format: 2`")]
    # every other file says no format, so is format 1 too: each is named once
    assert len(content.warnings) == len(list(sound.rglob("*.yaml")))
    assert main(["validate", str(sound)]) == 0  # a warning leaves the exit code alone
    out = capsys.readouterr().out
    assert "warning: " in out and "sample-case.yaml:1: format: written in content format 1" in out
    assert "content is sound" in out


def test_a_file_without_format_is_format_1_and_upgraded_too(sound: Path, format_2: None) -> None:
    path = sound / "case_studies" / "sample-case.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("about:", "summary:"),
                    encoding="utf-8")
    content = load_content(sound)
    assert content.problems == []
    assert content.case_studies[0].about == "A sample case"
    assert path in [w.file for w in content.warnings]


@pytest.mark.parametrize("value, message", [
    ("3", "format 3 is newer than this version of infoshare reads (format 1): update infoshare"),
    ("0", "there is no format 0: the first is 1"),
    ("one", "format must be a whole number, such as 1"),
    ("true", "format must be a whole number, such as 1"),
])
def test_a_newer_or_nonsense_format_is_a_problem_of_that_file(sound: Path, value: str,
                                                             message: str) -> None:
    path = sound / "quizzes" / "sample.yaml"
    path.write_text(f"format: {value}\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    content = load_content(sound)
    assert [(p.file, p.line, p.message) for p in content.problems] == [(path, 1, message)]
    assert content.quizzes == [] and content.broken_files == {"quizzes": [path]}


def test_a_format_whose_upgrade_was_dropped_says_so(sound: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "CURRENT_FORMAT", 3)
    monkeypatch.setattr(formats, "UPGRADES", {2: lambda kind, data: data})
    content = load_content(sound)
    assert any("format 1 can no longer be read" in p.message for p in content.problems)
