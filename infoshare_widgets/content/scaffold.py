"""`infoshare new ...` and `infoshare init-content`: a trainer's valid first file, and folder.

Each scaffold is a YAML file in `scaffolds/` (data, not code) with every field, the pack's prompts
where they apply, placeholders in [square brackets] and short comments. What is written is
checked by the same models as the loader before it is written, and carries `draft: true`, so its
placeholder text never reaches learners. Nothing is ever overwritten.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from string import Template
from typing import get_args

import yaml
from pydantic import BaseModel, ValidationError

from . import models
from .loader import default_content_dir, load_content

SCAFFOLDS = Path(__file__).with_name("scaffolds")
QUIZ_SECTIONS = get_args(models.Quiz.model_fields["section"].annotation)
AUDIENCES = get_args(models.Audience)
SCENARIOS_FILE = "lawful_basis_scenarios.yaml"


class ScaffoldError(Exception):
    """Why nothing was written, in a sentence for the trainer."""


def new_case_study(item_id: str, name: str, audience: str, content_dir: Path | None = None
                   ) -> Path:
    """Write `case_studies/<id>.yaml`; return its path."""
    if audience not in AUDIENCES:
        raise ScaffoldError(f"audience must be one of: {', '.join(AUDIENCES)} (got {audience!r})")
    text = _fill("case-study.yaml", id=item_id, name=_scalar(name), audience=audience)
    return _write_new(_folder(content_dir) / "case_studies", item_id, text, models.CaseStudy)


def new_quiz(item_id: str, section: str, content_dir: Path | None = None) -> Path:
    """Write `quizzes/<id>.yaml`; return its path."""
    if section not in QUIZ_SECTIONS:
        raise ScaffoldError(f"section must be one of: {', '.join(QUIZ_SECTIONS)} "
                            f"(got {section!r})")
    text = _fill("quiz.yaml", id=item_id, section=section)
    return _write_new(_folder(content_dir) / "quizzes", item_id, text, models.Quiz)


def new_scenario(item_id: str, content_dir: Path | None = None) -> Path:
    """Add a draft scenario at the end of the `scenarios:` list; return the file's path.

    The entry is inserted as text, so the file's comments and layout are kept.
    """
    _check_id(item_id)
    root = _folder(content_dir)
    path = root / SCENARIOS_FILE
    if not path.is_file() or path.is_symlink():
        raise ScaffoldError(f"{path} is not there: run `infoshare init-content` first")
    content = load_content(root)
    if content.scenarios is None or content.lawful_bases is None:
        raise ScaffoldError(f"{path} or lawful_bases.yaml has problems: run `infoshare validate "
                            f"{root}` and fix them first")
    if item_id in {s.id for s in content.scenarios.scenarios}:
        raise ScaffoldError(f"a scenario with id '{item_id}' is already in {path}")
    bases = [b.id for b in content.lawful_bases.bases]
    basis = "public-task" if "public-task" in bases else bases[0]
    entry = _fill("lawful-basis-scenario.yaml", id=item_id, basis=basis)
    if "organisation" not in models.Scenario.model_fields:
        entry = _drop_field(entry, "organisation")
    old = path.read_text(encoding="utf-8")
    new = _insert_into_list(old, "scenarios", entry)
    _check(new, models.ScenariosFile, path)
    path.write_text(new, encoding="utf-8")
    return path


def init_content(target: Path, source: Path | None = None) -> Path:
    """Copy the shipped content folder to ``target`` (which must not exist yet)."""
    target = Path(target)
    if target.exists() or target.is_symlink():
        raise ScaffoldError(f"{target} already exists: choose a new folder name")
    shutil.copytree(source or default_content_dir(), target, symlinks=False)
    return target


# --- helpers ------------------------------------------------------------------------------------


def _folder(content_dir: Path | None) -> Path:
    root = Path(content_dir) if content_dir else default_content_dir()
    if not root.is_dir():
        raise ScaffoldError(f"{root} is not a content folder (run `infoshare init-content {root}`)")
    return root


def _check_id(item_id: str) -> None:
    if not re.fullmatch(models.ID_PATTERN, item_id) or len(item_id) > 60:
        raise ScaffoldError(f"'{item_id}' is not a valid id: use lowercase letters, digits and "
                            "single hyphens, such as young-carer-sam (at most 60 characters)")


def _fill(scaffold: str, **values: str) -> str:
    return Template((SCAFFOLDS / scaffold).read_text(encoding="utf-8")).substitute(values)


def _scalar(value: str) -> str:
    """``value`` as one YAML scalar (quoted when needed), so any name is written safely."""
    dumped = yaml.safe_dump([value], default_flow_style=True, allow_unicode=True, width=10**9)
    return dumped.strip()[1:-1]


def _write_new(folder: Path, item_id: str, text: str, model: type[BaseModel]) -> Path:
    _check_id(item_id)
    path = folder / f"{item_id}.yaml"
    if path.exists() or path.is_symlink():
        raise ScaffoldError(f"{path} already exists: nothing was written (choose another id, or "
                            "edit that file)")
    _check(text, model, path)
    folder.mkdir(exist_ok=True)
    with path.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(text)
    return path


def _check(text: str, model: type[BaseModel], path: Path) -> None:
    data = yaml.safe_load(text)
    data.pop("format", None)
    try:
        model.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ScaffoldError(f"{path}: nothing was written: {where}: {first['msg']}") from None


def _drop_field(entry: str, field: str) -> str:
    """Leave out a field this version's model does not have, with the comment just above it."""
    lines = entry.splitlines(keepends=True)
    out: list[str] = []
    for line in lines:
        if line.strip().startswith(f"{field}:"):
            while out and out[-1].lstrip().startswith("#") and not out[-1].startswith("  # A new"):
                out.pop()
            continue
        out.append(line)
    return "".join(out)


def _insert_into_list(text: str, key: str, entry: str) -> str:
    """``text`` with ``entry`` after the last line of the top-level ``key:`` block."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
    if start is None:
        raise ScaffoldError(f"no `{key}:` list found")
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " #-"):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():  # keep blank lines after the block
        end -= 1
    body = "".join(lines[:end])
    if not body.endswith("\n"):
        body += "\n"
    return body + entry + "".join(lines[end:])


def case_study_prompts() -> list[dict[str, str]]:
    """The prompts a new case study starts with (the pack's three), read from the scaffold."""
    text = _fill("case-study.yaml", id="x", name="x", audience="children")
    return [{"id": q["id"], "prompt": q["prompt"]} for q in yaml.safe_load(text)["questions"]]
