"""Pydantic's validation errors in trainers' words: one formatter per error type, in a table.

A mistyped field name (``promt:``) gives one problem, "unknown field (did you mean 'prompt'?)",
not a second one saying `prompt` is missing.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .models import ID_PATTERN, FieldError
from .problems import Problem, nearest_line


@dataclass(frozen=True)
class _Error:
    """One pydantic error and what a formatter needs to word it."""

    loc: tuple
    ctx: dict
    given: Any
    msg: str
    model: type


Formatter = Callable[[_Error], str]


def problems_from_pydantic(path: Path, err: ValidationError, lines: dict[tuple, int],
                           model: type, data: dict) -> list[Problem]:
    """One problem per pydantic error, each at its field and line."""
    errors = [(_clean_loc(e["loc"]), e) for e in err.errors()]
    typos = {(*loc[:-1], name) for loc, e in errors if e["type"] == "extra_forbidden"
             if (name := close_field(loc, model))}
    problems = []
    for loc, e in errors:
        if e["type"] == "missing" and loc in typos:
            continue
        error = _Error(loc, e.get("ctx") or {}, e.get("input"), e["msg"], model)
        message = _message(e["type"], error)
        if e["type"] == "value_error":
            loc = _locate_duplicate(message, loc, data)
            if isinstance(inner := error.ctx.get("error"), FieldError):
                loc = (*loc, *inner.loc)
        problems.append(Problem(path, message, loc=loc, line=nearest_line(lines, loc)))
    return problems


def _message(kind: str, e: _Error) -> str:
    if e.given is None and kind in _EMPTY_WHEN_NOTHING:
        return "must not be empty"
    formatter = FORMATTERS.get(kind)
    return formatter(e) if formatter else e.msg


_SOURCE_FIELDS = {"source", "sources", "added_source"}
_SOURCE_FORMS = {"text", "reference", "list"}  # the tags of `sources.Source`'s forms


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's internal steps (validator names, '[key]' for a mapping's keys, the form a
    source was read as)."""
    out: list = []
    for p in loc:
        if isinstance(p, str) and (p.startswith("function-") or p == "[key]"):
            continue
        if p in _SOURCE_FORMS and out and out[-1] in _SOURCE_FIELDS:
            continue
        out.append(p)
    return tuple(out)


def _unknown_field(e: _Error) -> str:
    close = close_field(e.loc, e.model)
    return "unknown field" + (f" (did you mean '{close}'?)" if close
                              else f" (allowed: {', '.join(field_names(e.loc, e.model))})")


def _not_in_list(e: _Error) -> str:
    expected = e.ctx.get("expected", "")
    close = difflib.get_close_matches(str(e.given).lower(), re.findall(r"'([^']*)'", expected),
                                      n=1)
    return f"must be one of {expected} (got {shown(e.given)})" + (f"; did you mean '{close[0]}'?"
                                                              if close else "")


def _not_text(e: _Error) -> str:
    message = f"must be text (got {describe(e.given)})"
    if isinstance(e.given, (bool, int, float, datetime.date)):
        message += "; put the text in quotes so YAML reads it as text"
    return message


def _pattern(e: _Error) -> str:
    if e.ctx.get("pattern") == ID_PATTERN:
        return f"{shown(e.given)} is not a valid id: use lowercase letters, digits and hyphens"
    return f"{shown(e.given)} is not in the expected form (pattern {e.ctx.get('pattern')})"


def _too_long(e: _Error) -> str:
    size = f"{len(e.given):,} characters" if isinstance(e.given, str) else "too long"
    return f"is too long: {size} (at most {e.ctx.get('max_length', 0):,}); shorten it or split it"


_EMPTY_WHEN_NOTHING = {"string_type", "str_type", "list_type"}

FORMATTERS: dict[str, Formatter] = {
    "missing": lambda e: "required field is missing",
    "extra_forbidden": _unknown_field,
    "literal_error": _not_in_list,
    "string_type": _not_text,
    "str_type": _not_text,
    "int_type": lambda e: f"must be a whole number (got {describe(e.given)})",
    "int_parsing": lambda e: f"must be a whole number (got {describe(e.given)})",
    "bool_type": lambda e: f"must be true or false (got {describe(e.given)})",
    "bool_parsing": lambda e: f"must be true or false (got {describe(e.given)})",
    "list_type": lambda e: f"must be a list (got {describe(e.given)})",
    "dict_type": lambda e: f"must be a mapping of fields (got {describe(e.given)})",
    "model_type": lambda e: f"must be a mapping of fields (got {describe(e.given)})",
    "model_attributes_type": lambda e: f"must be a mapping of fields (got {describe(e.given)})",
    "string_too_short": lambda e: "must not be empty",
    "string_too_long": _too_long,
    "too_short": lambda e: f"needs at least {e.ctx.get('min_length')} item(s)",
    "string_pattern_mismatch": _pattern,
    "value_error": lambda e: str(e.ctx.get("error", e.msg)),
}
"""Pydantic error type -> the trainer's message. A type not listed keeps pydantic's wording."""


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


def describe(value: Any) -> str:
    """A value as a trainer would name it: 'a number, 3', 'the true/false value true'."""
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
    return f"{type(value).__name__} {shown(value)}"


def shown(value: Any, limit: int = 80) -> str:
    """``repr(value)``, cut short: a message quotes a value, never a whole page of it."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit - 5]}...{text[-1]}"


def field_names(loc: tuple, model: type) -> list[str]:
    """The field names allowed where `loc` points, found by walking the model."""
    target: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        part = "source" if part == "sources" else part  # its other name
        info = getattr(target, "model_fields", {}).get(part)
        if info is None:
            return []
        target = _inner_model(info.annotation)
        if target is None:
            return []
    return list(getattr(target, "model_fields", {}))


def close_field(loc: tuple, model: type) -> str | None:
    """'prompt' for a mistyped 'promt', or None when no field name is close."""
    close = difflib.get_close_matches(str(loc[-1]), field_names(loc, model), n=1)
    return close[0] if close else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
