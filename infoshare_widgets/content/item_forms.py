"""What every builder's model shares: form text, an item's YAML in the models' field order,
problems keyed by form field, and opening an item's text with the loader's safe reader.

The case-study, quiz and scenario builders (and the publishing store, which keeps what they
write) use these, so an item written by any of them reads as a trainer would write it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from .formats import CURRENT_FORMAT, to_current
from .problems import Problem
from .size_limits import MAX_FILE_BYTES
from .yaml_reader import read_yaml_text


def text(value: Any) -> str:
    """A form's text for a value: "" for nothing, a list or a mapping."""
    return "" if value is None or isinstance(value, (dict, list)) else str(value)


def field_key(loc: tuple) -> str:
    """A place as a form field's name: ("questions", 1, "prompt") -> questions.1.prompt."""
    return ".".join(str(part) for part in loc)


def errors_by_field(problems: list[Problem], depth: int | None = None) -> dict[str, str]:
    """Each problem under the form field it concerns (its first ``depth`` locations)."""
    out: dict[str, str] = {}
    for problem in problems:
        key = field_key(problem.loc[:depth] if depth else problem.loc)
        out[key] = f"{out[key]} {problem.message}" if key in out else problem.message
    return out


class _Dumper(yaml.SafeDumper):
    """Text with line breaks as `|` blocks, as trainers write it; everything else as usual."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def ordered(data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """``data`` with its fields in the model's order (unknown ones last, as they came)."""
    order = list(model.model_fields)
    return dict(sorted(data.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order
                       else len(order)))


def to_yaml(data: Any, model: type[BaseModel] | None = None, *, with_format: bool = True) -> str:
    """An item's file: `format:` first (for a file of its own), then the fields in order.
    ``"True"`` and ``"no"`` are quoted by the dumper, so they stay text."""
    if model is not None and isinstance(data, dict):
        data = ordered(data, model)
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
    return f"format: {CURRENT_FORMAT}\n{body}" if with_format else body


def open_text(item_text: str | None, kind: str, path: Path) -> tuple[dict[str, Any] | None, str]:
    """An item file's mapping, or None and why it cannot be opened (a sentence).

    ``None`` is a file the browser found too large to send."""
    if item_text is None or len(item_text.encode("utf-8")) > MAX_FILE_BYTES:
        return None, "the file is too large"
    read = read_yaml_text(item_text, path)
    if read.problems or read.data is None:
        first = read.problems[0] if read.problems else None
        return None, _where(first) if first else "the file is empty"
    current = to_current(kind, read.data)
    if current.data is None:
        return None, current.problem or "unreadable format"
    return current.data, ""


def _where(problem: Problem) -> str:
    return f"line {problem.line}: {problem.message}" if problem.line else problem.message
