"""Render the trainers' authoring reference (`docs/authoring.md`) from the content models.

The models' field descriptions are the one source: `infoshare reference` writes the page and
`infoshare reference --check` (run by the tests) fails when it is out of date, so the schema and
its documentation cannot drift apart.
"""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, StringConstraints
from pydantic_core import PydanticUndefined

from . import models
from .files import size_text
from .loader import FOLDERS, SINGLE_FILES, FileKind
from .size_limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_FORMAT_WIDTH, MAX_TEXT_CHARS

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"

# The files trainers edit most come first; every other kind follows in the loader's order.
_FIRST = ("case_studies", "quizzes")

_HEADER = """\
# Authoring reference

<!-- Generated from infoshare_widgets/content/models.py by `infoshare reference`. Do not edit
     by hand: change the descriptions in the models and run `infoshare reference`. -->

Everything the app says lives in plain text files in `content/`. This page lists every file, every
field, its type, whether it is required, and what it does. It is generated from the schema the
validator uses, so what it says is what `infoshare validate` checks.

## How to edit content

- Files are YAML, saved as UTF-8. Indent with spaces, never tabs. Put text in quotes when it
  contains `: ` or starts with a character YAML treats specially, and always quote the option
  texts `"True"`, `"False"`, `"Yes"` and `"No"` (unquoted, YAML reads them as true/false).
- Use `|` to start a block of several lines or paragraphs (see the examples).
- Only plain YAML is read: text, numbers, true/false, lists and mappings. Tags such as
  `!!python/...` and anchors and aliases (`&name`, `*name`) are refused.
- Every field name must be one listed here: a typo such as `promt:` is reported, not ignored.
- In a folder such as `content/quizzes/`, each file holds one item and its `id` is its file name
  (`consent-children.yaml` has `id: consent-children`). Every file in those folders is live:
  example files to copy are in `docs/examples/` (`case-study.yaml`, `quiz.yaml`).
- Any file may start with `format: 1`, the content format it is written in (a file without it
  is read as format 1). When a later version of infoshare changes a file's shape, it still reads
  older formats, and `infoshare validate` warns about each file to bring up to date.
- `draft: true` on a case study, quiz or lawful-basis scenario keeps it out of the learner view
  (facilitator and author views show it, and anyone can add `?mode=facilitator` to the address:
  a draft is not private). `infoshare new case-study|quiz|lawful-basis-scenario ID` writes a
  draft with every field; `infoshare init-content DIR` copies this content to a folder of your
  own. The worked example is in [the authoring guide](authoring-guide.md).
- Run `infoshare validate` (or `infoshare validate DIR` for another folder). It lists every
  problem as `file:line: field: message` and exits with 1 if there is any.

## Limits

So that one file cannot slow down or stop the site, these are refused, each as a problem naming
the file (the rest of the content still loads):

- a file larger than {max_file} (the largest shipped file is about 20 KB): split it;
- lists and mappings nested more than {max_depth} levels deep;
- a text or Markdown field longer than {max_text:,} characters;
- symlinks, and any path that leads outside the content folder: symlinks are not read, so put the
  file itself in the folder;
- in `ui.yaml`, a placeholder other than a plain name in braces, such as `{{correct}}`, and only
  the names that text can use (the validator fills each with sample values): no dots, brackets,
  `!r` or widths over {max_width} (`{{total[0]}}` and `{{correct:>200000000}}` are refused).

## Kinds of value

| Type | What to write |
|---|---|
| text | Plain text on one line, not empty, at most {max_text:,} characters. |
| Markdown | {markdown} |
| id | {id} |
| whole number | A number such as `1` or `12`, without quotes. |
| true or false | `true` or `false`, without quotes. |
| list of ... | One item a line, each starting with `- `. |
| mapping of ... | One `name: value` a line. |
| web address | A full address starting with `http://` or `https://`. |
"""


def render_reference() -> str:
    """The whole authoring reference, as Markdown."""
    kinds = _ordered_kinds()
    out = [_HEADER.format(markdown=_alias_description(models.Markdown),
                          id=_alias_description(models.Id), max_file=size_text(MAX_FILE_BYTES),
                          max_depth=MAX_DEPTH, max_text=MAX_TEXT_CHARS,
                          max_width=MAX_FORMAT_WIDTH)]
    out.append("## Files\n")
    for path, kind in kinds:
        out.append(f"- [`{path}`](#{_anchor(path)}): {_summary(kind.model)}")
    out.append("")
    shown: set[type[BaseModel]] = set()
    for path, kind in kinds:
        out.append(f"## `{path}`\n")
        out.append(_model_text(kind.model) + "\n")
        out.append(_field_table(kind.model, file_id=kind.id_from_name))
        shown.add(kind.model)
        for nested in nested_models(kind.model):
            if nested in shown:
                continue
            shown.add(nested)
            out.append(f"### {nested.__name__}\n")
            out.append(_model_text(nested) + "\n")
            out.append(_field_table(nested))
    return "\n".join(out).rstrip() + "\n"


def write_reference(path: Path = DOC_PATH) -> bool:
    """Write the reference; True when the file changed."""
    text = render_reference()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def reference_is_current(path: Path = DOC_PATH) -> bool:
    """True when the file on disk is exactly what the models would generate."""
    return path.exists() and path.read_text(encoding="utf-8") == render_reference()


# --- pieces -------------------------------------------------------------------------------------


def _ordered_kinds() -> list[tuple[str, FileKind]]:
    kinds = {name: (f"content/{kind.pattern}/<id>.yaml", kind) for name, kind in FOLDERS.items()}
    kinds |= {name: (f"content/{kind.pattern}", kind) for name, kind in SINGLE_FILES.items()}
    order = [*_FIRST, *SINGLE_FILES, *FOLDERS]
    return [kinds[name] for name in dict.fromkeys(order) if name in kinds]


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lowercase, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def _docstring(model: type[BaseModel]) -> str:
    doc = typing.cast(str, model.__doc__ or "").strip()
    return re.sub(r"^`[^`]+`:\s*", "", doc)  # the path is in the heading already


def _summary(model: type[BaseModel]) -> str:
    first = _docstring(model).split("\n\n")[0]
    return " ".join(first.split())


def _model_text(model: type[BaseModel]) -> str:
    paragraphs = [" ".join(p.split()) for p in _docstring(model).split("\n\n") if p.strip()]
    if paragraphs:
        paragraphs[0] = paragraphs[0][:1].upper() + paragraphs[0][1:]
    return "\n\n".join(paragraphs)


def _field_table(model: type[BaseModel], file_id: bool = False) -> str:
    """A row per field; `file_id` when the model's `id` must be its file name."""
    hints = typing.get_type_hints(model, include_extras=True)
    rows = ["| Field | Type | Required | Description |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        kind = _type_name(hints[name])
        least = next((m.min_length for m in info.metadata if getattr(m, "min_length", 0)), None)
        if least and kind.startswith("list of"):
            kind += f", at least {least}"
        description = " ".join((info.description or "").split())
        if file_id and name == "id":
            description = f"The file name without `.yaml`. {description}"
        default = info.default
        if not info.is_required() and default not in (None, PydanticUndefined):
            description += f" Default: `{_yaml_value(default)}`."
        needed = "required" if info.is_required() else "optional"
        rows.append(f"| `{name}` | {_cell(kind)} | {needed} | {_cell(description.strip())} |")
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _alias_description(alias: Any) -> str:
    info = next(m for m in get_args(alias)[1:] if hasattr(m, "description"))
    return str(info.description)


def _type_name(annotation: Any) -> str:
    """A type as a trainer reads it: 'list of Markdown', 'one of `single`, `multiple`'."""
    for alias, name in ((models.Markdown, "Markdown"), (models.Id, "id"), (models.Text, "text")):
        if annotation == alias:
            return name
    if get_origin(annotation) is not None:
        return _generic_type_name(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    simple = {str: "text", int: "whole number", bool: "true or false"}
    return simple.get(annotation, getattr(annotation, "__name__", str(annotation)))


def _generic_type_name(annotation: Any) -> str:
    """An annotated type, a union, a literal, a list or a mapping, as a trainer reads it."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        base, *meta = args
        for m in meta:
            if isinstance(m, StringConstraints) and (m.pattern or "").startswith("^https?"):
                return "web address"
        return _type_name(base)
    if origin in (Union, types.UnionType):
        return " or ".join(_type_name(a) for a in args if a is not type(None))
    if origin is Literal:
        return "one of " + ", ".join(f"`{_yaml_value(v)}`" for v in args)
    if origin is list:
        return f"list of {_type_name(args[0])}"
    if origin is dict:
        return f"mapping of {_type_name(args[0])} to {_type_name(args[1])}"
    return getattr(annotation, "__name__", str(annotation))


def nested_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    """Models used inside `model`, depth first, each once, in field order."""
    found: list[type[BaseModel]] = []

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in found:
                found.append(annotation)
                for info in annotation.model_fields.values():
                    visit(info.annotation)
            return
        for arg in get_args(annotation):
            visit(arg)

    for info in model.model_fields.values():
        visit(info.annotation)
    return found
