"""Read a content folder: safe YAML, typed models, and every problem with its file, field and line.

A broken file never stops the rest loading: it becomes a :class:`Problem`, and the app shows an
error card in its place.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from . import helper_models, models
from .ui_keys import REQUIRED_UI_KEYS


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one content file."""

    file: Path
    message: str
    field: str = ""
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = display_path(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


def display_path(path: Path) -> str:
    """A path as short as it can be: relative to the working folder when it is inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


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
}
FOLDERS = {
    "topics": FileKind("topics", models.Topic, id_from_name=True),
    "golden_rules": FileKind("golden_rules", models.GoldenRulesFile, id_from_name=True),
    "case_studies": FileKind("case_studies", models.CaseStudy, id_from_name=True),
    "quizzes": FileKind("quizzes", models.Quiz, id_from_name=True),
}


@dataclass
class Content:
    """Everything in a content folder that loaded, and what did not."""

    root: Path
    sections: list[models.Section] = field(default_factory=list)
    ui: models.UIStrings | None = None
    lawful_bases: models.LawfulBasesFile | None = None
    scenarios: models.ScenariosFile | None = None
    decision_record: models.DecisionRecordFile | None = None
    about: models.AboutFile | None = None
    local: models.LocalFile | None = None
    basis_helper: helper_models.LawfulBasisHelperFile | None = None
    topics: list[models.Topic] = field(default_factory=list)
    golden_rules: list[models.GoldenRulesFile] = field(default_factory=list)
    case_studies: list[models.CaseStudy] = field(default_factory=list)
    quizzes: list[models.Quiz] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    broken_files: dict[str, list[Path]] = field(default_factory=dict)
    origins: dict[int, tuple[Path, dict[tuple, int]]] = field(default_factory=dict, repr=False)

    def origin(self, value: Any) -> tuple[Path, dict[tuple, int]]:
        """The file a loaded item came from, and its field-to-line map."""
        return self.origins.get(id(value), (self.root, {}))

    def section(self, section_id: str) -> models.Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def topics_for(self, section_id: str) -> list[models.Topic]:
        return sorted((t for t in self.topics if t.section == section_id), key=lambda t: t.order)

    def quizzes_for(self, section_id: str) -> list[models.Quiz]:
        return [q for q in self.quizzes if q.section == section_id]

    def golden_rules_for(self, audience: str) -> models.GoldenRulesFile | None:
        return next((g for g in self.golden_rules if g.audience == audience), None)

    def problems_in(self, path: Path) -> list[Problem]:
        return [p for p in self.problems if p.file == path]

    def text(self, group: str, key: str) -> str:
        """Interface wording from ui.yaml; the key itself if ui.yaml is broken (never a crash)."""
        if self.ui is None:
            return key.replace("_", " ")
        return getattr(self.ui, group).get(key, key.replace("_", " "))


def default_content_dir() -> Path:
    """The folder named by INFOSHARE_CONTENT, else the content shipped beside the package."""
    env = os.environ.get("INFOSHARE_CONTENT")
    if env:
        return Path(env).expanduser().resolve()
    return (Path(__file__).resolve().parents[2] / "content").resolve()


def load_content(root: Path | str | None = None) -> Content:
    """Load and check a whole content folder, collecting every problem instead of stopping."""
    root = Path(root).resolve() if root is not None else default_content_dir()
    content = Content(root=root)
    if not root.is_dir():
        content.problems.append(Problem(root, "content folder not found"))
        return content

    for name, kind in SINGLE_FILES.items():
        path = root / kind.pattern
        if not path.exists():
            if kind.required:
                content.problems.append(Problem(path, "required file is missing"))
            continue
        value = _load_file(path, kind, content)
        if value is None:
            content.broken_files.setdefault(name, []).append(path)
        elif name == "sections":
            content.sections = list(value.sections)
        else:
            setattr(content, name, value)

    for name, kind in FOLDERS.items():
        folder = root / kind.pattern
        for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
            if path.suffix == ".yml":
                content.problems.append(Problem(path, "rename to .yaml so it is read"))
                continue
            value = _load_file(path, kind, content)
            if value is None:
                content.broken_files.setdefault(name, []).append(path)
            else:
                getattr(content, name).append(value)

    _check_across_files(content)
    content.case_studies.sort(key=lambda c: (c.order is None, c.order or 0, c.id))
    content.quizzes.sort(key=lambda q: (q.order is None, q.order or 0, q.id))
    return content


# --- one file -----------------------------------------------------------------------------------


def _load_file(path: Path, kind: FileKind, content: Content) -> Any:
    problems = content.problems
    data, lines = _read_yaml(path, problems)
    if data is None:
        return None
    found = len(problems)
    if kind.id_from_name and isinstance(data.get("id"), str) and data["id"] != path.stem:
        problems.append(_id_mismatch(path, data["id"], lines))
    try:
        value = kind.model.model_validate(data)
    except ValidationError as err:
        problems.extend(_problems_from_pydantic(path, err, lines, kind.model, data))
    if len(problems) > found:
        return None
    if name_check := _check_ui_keys(value) if kind.model is models.UIStrings else None:
        for field_path, message in name_check:
            problems.append(Problem(path, message, field=field_path,
                                    line=_nearest_line(lines, tuple(field_path.split(".")[:1]))))
        return None
    content.origins[id(value)] = (path, lines)
    return value


# PyYAML's wording for the syntax slips trainers make most, and what to do about each.
_SYNTAX_HINTS = {
    "mapping values are not allowed here":
        "if the text contains ': ', put the whole text in quotes",
    "that cannot start any token": "indent with spaces, not tabs; text starting with @, ` "
        "or % must be in quotes",
    "expected <block end>": "check this line is indented like the lines above it",
    "could not find expected ':'": "each field needs a name, a colon and a space: `name: value`",
}


def _read_yaml(path: Path, problems: list[Problem]) -> tuple[dict | None, dict[tuple, int]]:
    """The file's mapping and its line map, or None after adding the reason to `problems`.

    Only `yaml.SafeLoader` is used: a tag such as ``!!python/object/apply`` is refused, never
    run. Duplicate field names, which YAML would silently collapse to the last, are reported.
    Aliases are refused: nested ones ("billion laughs") would make checking the file take for ever.
    """
    try:
        raw = path.read_bytes()
    except OSError as err:
        problems.append(Problem(path, f"cannot be read: {err.strerror or err}"))
        return None, {}
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[:err.start]
        problems.append(Problem(
            path, f"not UTF-8 text (byte 0x{raw[err.start]:02x}); save the file as UTF-8",
            line=before.count(b"\n") + 1, column=err.start - before.rfind(b"\n")))
        return None, {}
    if not text.strip():
        problems.append(Problem(path, "the file is empty"))
        return None, {}
    try:
        alias = next((e for e in yaml.parse(text, Loader=yaml.SafeLoader)
                      if isinstance(e, yaml.AliasEvent)), None)
        if alias is not None:  # `*name` repeats a value; nested repeats can grow without bound
            mark = alias.start_mark
            problems.append(Problem(
                path, f"'*{alias.anchor}' repeats another value; anchors and aliases (&name, "
                      "*name) are not read here, so write the value out in full",
                line=mark.line + 1, column=mark.column + 1))
            return None, {}
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.constructor.ConstructorError as err:
        mark = err.problem_mark
        problem = str(err.problem)
        tag = problem.split("tag '", 1)[1].rstrip("'") if "for the tag '" in problem else ""
        what = (f"the tag '{tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed"
                if tag else f"not allowed: {problem}")
        problems.append(Problem(
            path, f"{what}; only plain YAML (text, numbers, true/false, lists and mappings) "
                  "is read",
            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None))
        return None, {}
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = str(err.problem or err.context)
        hint = next((h for key, h in _SYNTAX_HINTS.items() if key in problem), "")
        problems.append(Problem(
            path, f"YAML syntax error: {problem}" + (f" ({hint})" if hint else ""),
            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None))
        return None, {}
    except yaml.YAMLError as err:
        problems.append(Problem(path, f"YAML error: {err}"))
        return None, {}

    if data is None:
        problems.append(Problem(path, "the file is empty (it has only comments)"))
        return None, {}
    if not isinstance(data, dict):
        problems.append(Problem(path, "the file must be a mapping of fields (name: value)", line=1))
        return None, {}
    lines = _line_map(node)
    duplicates = _duplicate_keys(node)
    for loc, line, first in duplicates:
        problems.append(Problem(path, f"'{loc[-1]}' is given twice (first on line {first}); "
                                      "keep one", field=field_path(loc), line=line))
    return (None, lines) if duplicates else (data, lines)


def _id_mismatch(path: Path, declared: str, lines: dict[tuple, int]) -> Problem:
    """The id must be the file name; say so, naming the other file if the id is taken."""
    other = path.with_name(f"{declared}{path.suffix}")
    message = f"id '{declared}' must match the file name '{path.stem}'"
    if other.exists():
        message = (f"duplicate id '{declared}': {display_path(other)} already has it; "
                   f"this file's id must be its file name, '{path.stem}'")
    return Problem(path, message, field="id", line=lines.get(("id",)))


def _line_map(node: yaml.Node | None) -> dict[tuple, int]:
    """Map each field path, e.g. ('questions', 0, 'prompt'), to its 1-based line in the file."""
    lines: dict[tuple, int] = {}

    def walk(n: yaml.Node, path: tuple) -> None:
        if isinstance(n, yaml.MappingNode):
            for key, value in n.value:
                p = (*path, key.value)
                lines[p] = key.start_mark.line + 1
                walk(value, p)
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                p = (*path, i)
                lines[p] = item.start_mark.line + 1
                walk(item, p)

    if node is not None:
        lines[()] = node.start_mark.line + 1
        walk(node, ())
    return lines


def _duplicate_keys(node: yaml.Node | None) -> list[tuple[tuple, int, int]]:
    """Field names given twice in one mapping, as (path, line, first line): YAML keeps the last."""
    found: list[tuple[tuple, int, int]] = []

    def walk(n: yaml.Node, path: tuple) -> None:
        if isinstance(n, yaml.MappingNode):
            first: dict[Any, int] = {}
            for key, value in n.value:
                p = (*path, key.value)
                line = key.start_mark.line + 1
                if key.value in first:
                    found.append((p, line, first[key.value]))
                first.setdefault(key.value, line)
                walk(value, p)
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                walk(item, (*path, i))

    if node is not None:
        walk(node, ())
    return found


def _nearest_line(lines: dict[tuple, int], loc: tuple) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def field_path(loc: tuple) -> str:
    """('questions', 0, 'promt') -> 'questions[0].promt'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _problems_from_pydantic(path: Path, err: ValidationError, lines: dict[tuple, int],
                            model: type, data: dict) -> list[Problem]:
    """One problem per pydantic error, in trainers' words.

    A mistyped field name (``promt:``) gives one problem, "unknown field (did you mean
    'prompt'?)", not a second one saying `prompt` is missing.
    """
    errors = [(_clean_loc(e["loc"]), e) for e in err.errors()]
    typos = {(*loc[:-1], name) for loc, e in errors if e["type"] == "extra_forbidden"
             if (name := _close_field(loc, model))}
    return [_problem_from_pydantic(path, loc, e, lines, model, data) for loc, e in errors
            if not (e["type"] == "missing" and loc in typos)]


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's internal steps (validator names, '[key]' for a mapping's keys)."""
    return tuple(p for p in loc
                 if not (isinstance(p, str) and (p.startswith("function-") or p == "[key]")))


def _problem_from_pydantic(path: Path, loc: tuple, e: dict, lines: dict[tuple, int],
                           model: type, data: dict) -> Problem:
    kind, ctx, given = e["type"], e.get("ctx") or {}, e.get("input")
    if kind == "missing":
        message = "required field is missing"
    elif kind == "extra_forbidden":
        close = _close_field(loc, model)
        message = "unknown field" + (f" (did you mean '{close}'?)" if close
                                     else f" (allowed: {', '.join(_field_names(loc, model))})")
    elif kind == "literal_error":
        expected = ctx.get("expected", "")
        close = difflib.get_close_matches(str(given).lower(), re.findall(r"'([^']*)'", expected),
                                          n=1)
        message = f"must be one of {expected} (got {given!r})"
        message += f"; did you mean '{close[0]}'?" if close else ""
    elif given is None and kind in ("string_type", "str_type", "list_type"):
        message = "must not be empty"
    elif kind in ("string_type", "str_type"):
        message = f"must be text (got {_describe(given)})"
        if isinstance(given, (bool, int, float, datetime.date)):
            message += "; put the text in quotes so YAML reads it as text"
    elif kind in ("int_type", "int_parsing"):
        message = f"must be a whole number (got {_describe(given)})"
    elif kind in ("bool_type", "bool_parsing"):
        message = f"must be true or false (got {_describe(given)})"
    elif kind == "list_type":
        message = f"must be a list (got {_describe(given)})"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = f"must be a mapping of fields (got {_describe(given)})"
    elif kind == "string_too_short":
        message = "must not be empty"
    elif kind == "too_short":
        message = f"needs at least {ctx.get('min_length')} item(s)"
    elif kind == "string_pattern_mismatch" and ctx.get("pattern") == _ID_PATTERN:
        message = f"{given!r} is not a valid id: use lowercase letters, digits and hyphens"
    elif kind == "string_pattern_mismatch":
        message = f"{given!r} is not in the expected form (pattern {ctx.get('pattern')})"
    elif kind == "value_error":
        message = str(ctx.get("error", e["msg"]))
        loc = _locate_duplicate(message, loc, data)
    else:
        message = e["msg"]
    return Problem(path, message, field=field_path(loc), line=_nearest_line(lines, loc))


_ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def _locate_duplicate(message: str, loc: tuple, data: Any) -> tuple:
    """Point "duplicate id 'x' in questions" (raised for the whole item) at the second 'x'."""
    match = re.fullmatch(r"duplicate id '(.+)' in (\w+)", message)
    if not match:
        return loc
    target = data
    for part in loc:
        try:
            target = target[part]
        except (KeyError, IndexError, TypeError):
            return loc
    items = target.get(match[2]) if isinstance(target, dict) else None
    if not isinstance(items, list):
        return loc
    ids = [i.get("id") if isinstance(i, dict) else None for i in items]
    second = next((n for n, i in enumerate(ids) if i == match[1] and ids.index(i) < n), None)
    return loc if second is None else (*loc, match[2], second, "id")


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the true/false value {str(value).lower()}"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    if isinstance(value, datetime.date):
        return f"a date, {value.isoformat()}"
    if isinstance(value, (int, float)):
        return f"a number, {value}"
    return f"{type(value).__name__} {value!r}"


def _field_names(loc: tuple, model: type) -> list[str]:
    """The field names allowed where `loc` points, found by walking the model."""
    target: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = getattr(target, "model_fields", {}).get(part)
        if info is None:
            return []
        target = _inner_model(info.annotation)
        if target is None:
            return []
    return list(getattr(target, "model_fields", {}))


def _close_field(loc: tuple, model: type) -> str | None:
    """'prompt' for a mistyped 'promt', or None when no field name is close."""
    close = difflib.get_close_matches(str(loc[-1]), _field_names(loc, model), n=1)
    return close[0] if close else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _check_ui_keys(ui: models.UIStrings) -> list[tuple[str, str]]:
    missing = []
    for group, keys in REQUIRED_UI_KEYS.items():
        present = getattr(ui, group)
        missing += [(f"{group}.{k}", "required wording is missing") for k in keys
                    if k not in present]
    return missing


# --- across files -------------------------------------------------------------------------------


def _check_across_files(content: Content) -> None:
    from .links import check_links  # ids named across files (see_also, ask_if): its own module

    check_links(content)
    for name in FOLDERS:
        items = getattr(content, name)
        seen: dict[str, Any] = {}
        for item in list(items):
            key = item.id
            if key in seen:
                path, lines = content.origin(item)
                content.problems.append(Problem(
                    path, f"duplicate id '{key}' (also in "
                    f"{display_path(content.origin(seen[key])[0])})", field="id",
                    line=lines.get(("id",))))
                content.broken_files.setdefault(name, []).append(path)
                items.remove(item)
            else:
                seen[key] = item

    audiences = [g.audience for g in content.golden_rules]
    for audience in set(audiences):
        if audiences.count(audience) > 1:
            content.problems.append(Problem(content.root / "golden_rules",
                                            f"more than one file for audience '{audience}'"))

    if content.scenarios and content.lawful_bases:
        bases = {b.id for b in content.lawful_bases.bases}
        path, lines = content.origin(content.scenarios)
        known = ", ".join(sorted(bases))
        seen_ids: set[str] = set()
        for i, s in enumerate(content.scenarios.scenarios):
            wrong = [(("fits", j), b) for j, b in enumerate(s.fits) if b not in bases]
            wrong += [(("basis_feedback", b), b) for b in s.basis_feedback if b not in bases]
            if s.id in seen_ids:
                content.problems.append(Problem(path, f"duplicate id '{s.id}'",
                                                field=f"scenarios[{i}].id",
                                                line=lines.get(("scenarios", i, "id"))))
            seen_ids.add(s.id)
            for loc, b in wrong:
                full = ("scenarios", i, *loc)
                close = difflib.get_close_matches(b, sorted(bases), n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                content.problems.append(Problem(
                    path, f"'{b}' is not a lawful basis id ({hint}known: {known})",
                    field=field_path(full), line=_nearest_line(lines, full)))

    if content.sections:
        ids = [s.id for s in content.sections]
        for d in {i for i in ids if ids.count(i) > 1}:
            content.problems.append(Problem(content.root / "sections.yaml",
                                            f"duplicate section '{d}'", field="sections"))
