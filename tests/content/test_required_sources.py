"""Statements of law written for this course must name a source; a trainer's own quiz or case study
that cites the law without one is warned about; a source checked over 12 months ago is too.

Built on the minimal sound folder (`_content_support`) and a copy of the shipped helper, so the
tests do not depend on the shipped scenarios (which gain their sources on another branch).
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from _content_support import QUIZ, ROOT

from infoshare_widgets.cli import validate
from infoshare_widgets.content import load_content
from infoshare_widgets.content.citations import LAW_CITATION, uncited_law_warnings
from infoshare_widgets.content.review import stale_source_warnings


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _line_of(path: Path, text: str, after: int = 0) -> int:
    return next(i for i, line in enumerate(_lines(path), 1) if i > after and text in line)


def _problems(root: Path) -> list[str]:
    return [str(p) for p in load_content(root).problems]


def test_the_sound_folder_is_sound(sound: Path) -> None:
    assert _problems(sound) == []


def test_a_scenario_without_a_source_is_an_error_with_its_line(sound: Path) -> None:
    path = sound / "lawful_basis_scenarios.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    source: A source.\n", ""),
                    encoding="utf-8")
    line = _line_of(path, "- id: referral")
    [said] = _problems(sound)
    assert said.endswith(f"lawful_basis_scenarios.yaml:{line}: scenarios[0].source: "
                         "required field is missing"), said


def test_a_lawful_basis_without_a_source_is_an_error(sound: Path) -> None:
    path = sound / "lawful_bases.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    guidance: Text.\n    source: Source.\n",
                                 "    guidance: Text.\n", 1), encoding="utf-8")
    said = _problems(sound)
    assert len(said) == 1 and said[0].endswith("bases[0].source: required field is missing")


def test_a_helper_rule_without_a_source_is_an_error(sound: Path) -> None:
    helper = sound / "lawful_basis_helper.yaml"
    shutil.copy(ROOT / "content" / "lawful_basis_helper.yaml", helper)
    assert _problems(sound) == []
    lines = _lines(helper)
    start = next(i for i, line in enumerate(lines) if re.match(r"^        sources?:", line))
    end = next(i for i in range(start + 1, len(lines))
               if not lines[i].startswith("          "))
    helper.write_text("\n".join(lines[:start] + lines[end:]) + "\n", encoding="utf-8")
    said = _problems(sound)
    assert len(said) == 1 and said[0].endswith(
        "parts[0].rules[0].source: required field is missing"), said


@pytest.mark.parametrize("style", ["added", "update", "plain"])
def test_a_topic_without_a_source_is_an_error(sound: Path, style: str) -> None:
    (sound / "topics").mkdir()
    (sound / "topics" / "added.yaml").write_text(
        f"id: added\nsection: start\norder: 1\ntitle: Added\nstyle: {style}\n"
        "body: The Care Act 2014 says so.\n", encoding="utf-8")
    said = _problems(sound)
    assert len(said) == 1 and said[0].endswith("source: required field is missing"), said


def test_a_plain_text_source_is_still_only_a_warning(
        sound: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert validate(sound, today=date(2026, 12, 6)) == 0
    out = capsys.readouterr().out
    assert "scenarios[0].source: a plain-text source" in out


# --- a trainer's quiz or case study that cites the law -----------------------------------------

CITING_QUIZ = QUIZ.replace("feedback: It has exactly the options True and False.\n      - text",
                           "feedback: Under section 47 of the Children Act 1989 you must.\n"
                           "      - text", 1)


@pytest.mark.parametrize(("text", "cited"), [
    ("the Care Act 2014 says", "Care Act 2014"), ("UK GDPR article 9(2)(g)", "article 9"),
    ("Section 47 enquiries", "Section 47"), ("DPA 2018 Schedule 1", "Schedule 1"),
    ("act quickly in 2014", None), ("the next section of this page", None),
])
def test_what_counts_as_citing_the_law(text: str, cited: str | None) -> None:
    found = LAW_CITATION.search(text)
    assert (found.group(0) if found else None) == cited


def test_a_quiz_question_citing_the_law_without_a_source_is_warned_by_file_field_and_line(
        sound: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sound / "quizzes" / "sample.yaml"
    path.write_text(CITING_QUIZ, encoding="utf-8")
    [warning] = uncited_law_warnings(load_content(sound))
    assert warning.file == path
    assert warning.field == "questions[0].options[0].feedback"
    assert warning.line == _line_of(path, "section 47")
    assert "question 'true-false' cites the law ('section 47')" in warning.message
    assert validate(sound, today=date(2026, 12, 6)) == 0  # a warning, never a failure
    assert f"sample.yaml:{warning.line}: questions[0].options[0].feedback:" in \
        capsys.readouterr().out


def test_a_quiz_question_with_a_source_is_not_warned(sound: Path) -> None:
    path = sound / "quizzes" / "sample.yaml"
    path.write_text(CITING_QUIZ.replace(
        "    kind: single\n",
        "    kind: single\n    source:\n      title: Children Act 1989, section 47\n"
        "      publisher: legislation.gov.uk\n", 1), encoding="utf-8")
    content = load_content(sound)
    assert content.problems == [] and uncited_law_warnings(content) == []


def test_a_case_study_citing_the_law_without_a_source_is_warned(sound: Path) -> None:
    path = sound / "case_studies" / "sample-case.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "      - Sam lives alone.", "      - Consider the Mental Capacity Act 2005."),
        encoding="utf-8")
    [warning] = uncited_law_warnings(load_content(sound))
    assert (warning.field, warning.line) == ("questions[0].points[0]",
                                             _line_of(path, "Mental Capacity Act"))
    assert "case study 'sample-case'" in warning.message
    path.write_text(path.read_text(encoding="utf-8") + "source: Written for this course\n",
                    encoding="utf-8")
    assert uncited_law_warnings(load_content(sound)) == []


# --- a source checked more than 12 months ago ---------------------------------------------------


def _with_checked(sound: Path, checked: str) -> Path:
    path = sound / "lawful_basis_scenarios.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    source: A source.\n",
        "    sources:\n      - title: Children Act 1989, section 47\n"
        "        publisher: legislation.gov.uk\n"
        f"        url: https://www.legislation.gov.uk/ukpga/1989/41/section/47\n"
        f"        checked: {checked}\n"), encoding="utf-8")
    return path


def test_a_source_checked_over_12_months_ago_is_warned_with_its_line(
        sound: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _with_checked(sound, "2025-12-05")
    content = load_content(sound)
    assert content.problems == []
    [warning] = stale_source_warnings(content, today=date(2026, 12, 6))
    assert warning.field == "scenarios[0].sources[0].checked"  # as the file writes it
    assert warning.line == _line_of(path, "checked: 2025-12-05")
    assert "more than 12 months ago" in warning.message and "section 47" in warning.message
    assert validate(sound, today=date(2026, 12, 6)) == 0
    assert "checked: 2025-12-05 is more than 12 months ago" in capsys.readouterr().out


def test_a_source_checked_12_months_ago_to_the_day_is_not_warned(sound: Path) -> None:
    _with_checked(sound, "2025-12-06")
    assert stale_source_warnings(load_content(sound), today=date(2026, 12, 6)) == []
