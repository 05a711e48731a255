"""The authoring reference is generated from the schema and kept current: they cannot drift."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from infoshare_widgets.content import models
from infoshare_widgets.content.loader import FOLDERS, SINGLE_FILES
from infoshare_widgets.content.reference import (
    DOC_PATH,
    nested_models,
    render_reference,
    write_reference,
)

INFOSHARE = Path(sys.executable).with_name("infoshare")
FILE_MODELS = [kind.model for kind in [*SINGLE_FILES.values(), *FOLDERS.values()]]
ALL_MODELS = list(dict.fromkeys(
    m for model in FILE_MODELS for m in [model, *nested_models(model)]))


def test_docs_authoring_md_is_current() -> None:
    assert DOC_PATH.exists(), "run `infoshare reference` to write docs/authoring.md"
    assert DOC_PATH.read_text(encoding="utf-8") == render_reference(), (
        "docs/authoring.md is out of date: run `infoshare reference`")


def test_every_model_is_documented() -> None:
    assert len(ALL_MODELS) > len(FILE_MODELS) > 5
    text = render_reference()
    for kind in FOLDERS.values():
        assert f"## `content/{kind.pattern}/<id>.yaml`" in text
    for kind in SINGLE_FILES.values():
        assert f"## `content/{kind.pattern}`" in text


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_every_field_has_a_description_and_a_row(model: type[BaseModel]) -> None:
    text = render_reference()
    section = _section_of(text, model)
    for name, info in model.model_fields.items():
        assert (info.description or "").strip(), f"{model.__name__}.{name} has no description"
        row = next((line for line in section.splitlines() if line.startswith(f"| `{name}` |")),
                   None)
        assert row is not None, f"{model.__name__}.{name} is missing from the reference"
        needed = "required" if info.is_required() else "optional"
        assert f"| {needed} |" in row


def _section_of(text: str, model: type[BaseModel]) -> str:
    """The part of the page that documents `model`: its heading up to the next heading."""
    paths = {kind.model: f"## `content/{kind.pattern}`" for kind in SINGLE_FILES.values()}
    paths |= {kind.model: f"## `content/{kind.pattern}/<id>.yaml`" for kind in FOLDERS.values()}
    heading = paths.get(model, f"### {model.__name__}\n")
    assert heading in text, f"no section for {model.__name__}"
    rest = text.split(heading, 1)[1]
    return rest.split("\n#", 1)[0]


def test_types_read_as_a_trainer_would() -> None:
    text = render_reference()
    quiz = _section_of(text, models.Quiz)
    assert "| `section` | one of `what-is-it`, `children`, `adults`, `tips`, `case-studies` |" \
        in quiz
    assert "| `questions` | list of [Question](#question), at least 1 | required |" in quiz
    option = _section_of(text, models.Option)
    assert "| `correct` | true or false | required |" in option
    assert "| `feedback` | Markdown | required |" in option
    topic = _section_of(text, models.Topic)
    assert "Default: `plain`." in topic


def test_a_changed_description_makes_the_reference_stale(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    out = tmp_path / "authoring.md"
    write_reference(out)
    assert out.read_text(encoding="utf-8") == render_reference()
    monkeypatch.setattr(models.Option.model_fields["feedback"], "description", "Changed.")
    assert out.read_text(encoding="utf-8") != render_reference()
    assert "| `feedback` | Markdown | required | Changed. |" in render_reference()


def test_the_command_writes_and_checks(tmp_path: Path) -> None:
    out = tmp_path / "authoring.md"
    stale = subprocess.run([str(INFOSHARE), "reference", "--check", "--output", str(out)],
                           capture_output=True, text=True, timeout=60)
    assert stale.returncode == 1
    assert "out of date" in stale.stderr
    assert not out.exists()

    wrote = subprocess.run([str(INFOSHARE), "reference", "--output", str(out)],
                           capture_output=True, text=True, timeout=60)
    assert wrote.returncode == 0
    assert out.read_text(encoding="utf-8") == render_reference()

    current = subprocess.run([str(INFOSHARE), "reference", "--check", "--output", str(out)],
                             capture_output=True, text=True, timeout=60)
    assert current.returncode == 0, current.stderr

    out.write_text(out.read_text(encoding="utf-8") + "\nhand edit\n", encoding="utf-8")
    edited = subprocess.run([str(INFOSHARE), "reference", "--check", "--output", str(out)],
                            capture_output=True, text=True, timeout=60)
    assert edited.returncode == 1
