"""Read a content folder: safe YAML, typed models, and every problem with its file, field and line.

A broken file never stops the rest loading: it becomes a :class:`Problem` (and a `BrokenFile`
record), and the app shows an error card in its place. Reading one file is `yaml_reader`, wording
pydantic's errors is `pydantic_errors`, the checks across files are `checks`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import helper_models, models, plan_models
from .checks import CROSS_FILE_CHECKS
from .confidence_models import ConfidenceFile
from .files import outside
from .formats import old_format_message, to_current
from .loaded import BrokenFile, Content
from .overlay import KINDS as OVERLAY_KINDS
from .overlay import default_content_dir, lay_over, published_on
from .problems import Problem, display_path, field_path, nearest_line
from .pydantic_errors import problems_from_pydantic
from .templates import check_sample
from .ui_keys import REQUIRED_UI_KEYS, TEMPLATE_SAMPLES
from .yaml_reader import read_yaml

log = logging.getLogger(__name__)

__all__ = ["FOLDERS", "SINGLE_FILES", "BrokenFile", "Content", "FileKind", "Problem",
           "default_content_dir", "display_path", "field_path", "load_content"]


@dataclass(frozen=True)
class FileKind:
    pattern: str
    model: type[BaseModel]
    required: bool = True
    id_from_name: bool = False


SINGLE_FILES = {
    "sections": FileKind("sections.yaml", models.SectionsFile),
    "ui": FileKind("ui.yaml", models.UIStrings),
    "lawful_bases": FileKind("lawful_bases.yaml", models.LawfulBasesFile),
    "scenarios": FileKind("lawful_basis_scenarios.yaml", models.ScenariosFile),
    "decision_record": FileKind("decision_record.yaml", models.DecisionRecordFile),
    "about": FileKind("about.yaml", models.AboutFile, required=False),
    "local": FileKind("local.yaml", models.LocalFile, required=False),
    "basis_helper": FileKind("lawful_basis_helper.yaml", helper_models.LawfulBasisHelperFile,
                             required=False),
    "confidence": FileKind("confidence.yaml", ConfidenceFile, required=False),
    "session_plans": FileKind("session_plans.yaml", plan_models.SessionPlansFile, required=False),
}
FOLDERS = {
    "topics": FileKind("topics", models.Topic, id_from_name=True),
    "golden_rules": FileKind("golden_rules", models.GoldenRulesFile, id_from_name=True),
    "case_studies": FileKind("case_studies", models.CaseStudy, id_from_name=True),
    "quizzes": FileKind("quizzes", models.Quiz, id_from_name=True),
}


def load_content(root: Path | str | None = None, overlay: Path | str | None = None) -> Content:
    """Load and check a whole content folder, collecting every problem instead of stopping.

    ``overlay``: a folder of published items laid over the content by id (`overlay.py`); a
    folder that does not exist yet is nothing to lay over.
    """
    root = Path(root).resolve() if root is not None else default_content_dir()
    content = Content(root=root)
    if not root.is_dir():
        content.problems.append(Problem(root, "content folder not found"))
        return content
    _load_single_files(content)
    _load_folders(content)
    if overlay is not None and Path(overlay).is_dir():
        _load_overlay(content, Path(overlay).resolve())
    _check_across_files(content)
    content.case_studies.sort(key=lambda c: (c.order is None, c.order or 0, c.id))
    content.quizzes.sort(key=lambda q: (q.order is None, q.order or 0, q.id))
    return content


def _load_single_files(content: Content) -> None:
    """The files that stand alone (sections, ui, about, ...), each into its field."""
    for name, kind in SINGLE_FILES.items():
        path = content.root / kind.pattern
        if not path.exists() and not path.is_symlink():
            if kind.required:  # about, local and the helper may be left out
                content.problems.append(Problem(path, "required file is missing"))
            continue
        value = _load_guarded(path, name, kind, content)
        if value is None:
            content.mark_broken(name, path)
        elif name == "sections":
            content.sections = list(value.sections)
        else:
            setattr(content, name, value)


def _load_folders(content: Content) -> None:
    """The folders of one file per item (quizzes, case studies, ...), each into its list."""
    for name, kind in FOLDERS.items():
        for path in _folder_files(content.root / kind.pattern, content):
            value = _load_guarded(path, name, kind, content)
            if value is None:
                content.mark_broken(name, path)
            else:
                getattr(content, name).append(value)


def _load_overlay(content: Content, overlay: Path) -> None:
    """Published items over the loaded ones (`overlay.lay_over`): same id replaced, new added."""
    content.overlay = overlay
    for folder, name in OVERLAY_KINDS.items():
        model = models.Scenario if folder == "scenarios" else FOLDERS[name].model
        kind = FileKind(folder, model, id_from_name=True)
        for path in _folder_files(overlay / folder, content, overlay):
            value = _load_guarded(path, name, kind, content, overlay)
            if value is None:
                content.mark_broken(name, path)
            else:
                lay_over(content, name, value)
                content.published_on[(name, value.id)] = published_on(overlay, folder, value.id)


def _check_across_files(content: Content) -> None:
    """The checks that look at several files at once; one that fails is itself a problem."""
    for check in CROSS_FILE_CHECKS:
        try:
            check(content)
        except Exception:  # a check must never hide the problems found so far
            log.exception("content check %s failed", check.__name__)
            content.problems.append(Problem(content.root, f"could not finish the check "
                                                          f"'{check.__name__.replace('_', ' ')}'"))


def _folder_files(folder: Path, content: Content, root: Path | None = None) -> list[Path]:
    """The `.yaml` files of one folder; a symlinked folder or a `.yml` file is a problem."""
    if not folder.exists() and not folder.is_symlink():
        return []
    refused = outside(folder, root or content.root)
    if refused is not None:
        content.problems.append(refused)
        return []
    if not folder.is_dir():
        return []
    paths = []
    for path in sorted(folder.glob("*.y*ml")):
        if path.suffix == ".yml":
            content.problems.append(Problem(path, "rename to .yaml so it is read"))
        elif path.suffix == ".yaml":
            paths.append(path)
    return paths


def _load_guarded(path: Path, name: str, kind: FileKind, content: Content,
                  root: Path | None = None) -> Any:
    """`_load_file`, but whatever goes wrong stays a problem of this one file."""
    try:
        return _load_file(path, kind, content, name, root or content.root)
    except (RecursionError, MemoryError) as err:
        content.problems.append(Problem(path, "too large or too deeply nested to read "
                                              f"({type(err).__name__})"))
    except Exception as err:
        log.exception("could not check %s", path)
        content.problems.append(Problem(path, f"could not be checked ({type(err).__name__}); "
                                              "the details are in the log"))
    return None


def _load_file(path: Path, kind: FileKind, content: Content, name: str, root: Path) -> Any:
    read = read_yaml(path, root)
    content.declared[path] = read.declared
    content.problems.extend(read.problems)
    data, lines = read.data, read.lines
    if data is None:
        return None
    current = to_current(name, data)
    if current.problem or current.data is None:
        content.problems.append(Problem(path, current.problem or "unreadable format",
                                        field="format", line=lines.get(("format",))))
        return None
    if current.is_old and current.written is not None:
        content.warnings.append(Problem(path, old_format_message(current.written),
                                        field="format", line=lines.get(("format",))))
    data = current.data
    found = len(content.problems)
    if kind.id_from_name and isinstance(data.get("id"), str) and data["id"] != path.stem:
        content.problems.append(_id_mismatch(path, data["id"], lines))
    try:
        value = kind.model.model_validate(data)
    except ValidationError as err:
        content.problems.extend(problems_from_pydantic(path, err, lines, kind.model, data))
    if len(content.problems) > found:
        return None
    if isinstance(value, models.UIStrings):
        missing = _missing_ui_keys(path, value, lines)
        content.problems.extend(missing)
        if missing:
            return None
        content.problems.extend(_template_problems(path, value, lines))
    content.origins[id(value)] = (path, lines)
    return value


def _id_mismatch(path: Path, declared: str, lines: dict[tuple, int]) -> Problem:
    """The id must be the file name; say so, naming the other file if the id is taken."""
    other = path.with_name(f"{declared}{path.suffix}")
    message = f"id '{declared}' must match the file name '{path.stem}'"
    if other.exists():
        message = (f"duplicate id '{declared}': {display_path(other)} already has it; "
                   f"this file's id must be its file name, '{path.stem}'")
    return Problem(path, message, field="id", line=lines.get(("id",)))


def _missing_ui_keys(path: Path, ui: models.UIStrings, lines: dict[tuple, int]) -> list[Problem]:
    return [Problem(path, "required wording is missing", loc=(group, key),
                    line=nearest_line(lines, (group,)))
            for group, keys in REQUIRED_UI_KEYS.items() for key in keys
            if key not in getattr(ui, group)]


def _template_problems(path: Path, ui: models.UIStrings,
                       lines: dict[tuple, int]) -> list[Problem]:
    """Each filled wording, filled with sample values: a bad placeholder is named here."""
    problems = []
    for group, samples in TEMPLATE_SAMPLES.items():
        for key, sample in samples.items():
            text = getattr(ui, group).get(key)
            message = check_sample(text, sample) if text is not None else None
            if message:
                problems.append(Problem(path, message, loc=(group, key),
                                        line=nearest_line(lines, (group, key))))
    return problems
