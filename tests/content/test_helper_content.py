"""The helper's file is checked when loaded: rules name real questions and options, every set of
answers reaches a rule in every part, and each problem names the file, the field and the line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from infoshare_widgets.content import load_content

CONTENT = Path(__file__).resolve().parents[2] / "content"
HELPER = "lawful_basis_helper.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)
    return root


def problems_after(folder: Path, old: str, new: str) -> list[str]:
    path = folder / HELPER
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in the helper file"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    content = load_content(folder)
    assert content.basis_helper is None
    return [str(p).replace(f"{folder}/", "") for p in content.problems]


def test_the_shipped_helper_loads_and_the_file_is_optional(folder: Path) -> None:
    assert load_content(folder).basis_helper is not None
    (folder / HELPER).unlink()
    content = load_content(folder)
    assert content.basis_helper is None
    assert content.problems == []


def test_a_rule_naming_an_unknown_question_is_reported(folder: Path) -> None:
    found = problems_after(folder, "          who: [police]\n", "          whom: [police]\n")
    assert len(found) == 1
    assert found[0].startswith(f"{HELPER}:")
    assert "`when` names 'whom', which is not a question id" in found[0]


def test_a_rule_naming_an_unknown_option_is_reported(folder: Path) -> None:
    found = problems_after(folder, "          data: [ordinary]\n", "          data: [ordinry]\n")
    assert len(found) == 1
    assert "'ordinry' is not an option of 'data'" in found[0]


def test_answers_that_reach_no_rule_are_reported(folder: Path) -> None:
    # Without its catch-all, the last rule of "basis" leaves "not sure" with nothing to say.
    found = problems_after(folder, "      - id: unsure\n        summary:",
                           "      - id: unsure\n        when:\n          who: [public]\n"
                           "        summary:")
    assert len(found) == 1
    assert "part 'basis': no rule matches the answers who=unsure" in found[0]


def test_a_duplicate_option_is_reported_with_its_line(folder: Path) -> None:
    found = problems_after(folder, "      - id: charity\n", "      - id: public\n")
    assert len(found) == 1
    assert "duplicate id 'public'" in found[0]
    assert found[0].split(":")[1].isdigit()


def test_a_mistyped_field_is_reported_with_a_suggestion(folder: Path) -> None:
    found = problems_after(folder, "        not_fit: |-\n", "        not_fits: |-\n")
    assert any("did you mean 'not_fit'" in p for p in found)


def test_a_rule_without_the_conclusion_its_part_gives_is_reported(folder: Path) -> None:
    """Each condition rule names its condition id and each confidentiality rule its advice id, so
    the worked cases, scenarios and quizzes can compare the helper's answer as ids."""
    found = problems_after(folder, "        condition: art9-2c\n", "")
    assert len(found) == 1
    assert "rule 'special-life-cannot' has no `condition`" in found[0]
