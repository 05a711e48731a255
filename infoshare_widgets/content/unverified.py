"""The sources a reviewer cannot follow and re-check as they stand, for the review pack.

A structured source without a link (`url`) or a checked date (`checked`), every source still
written as a line of plain text, and every quiz question or case study that cites the law with no
source at all (`citations.py`). Each is named by file, line and field, so it can be completed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .citations import uncited_law_warnings
from .loaded import Content
from .problems import field_path
from .sources import SourceRef, loaded_files, located_refs, written_line, written_loc


@dataclass(frozen=True)
class Unverified:
    """A source a reviewer cannot follow and re-check as it stands, and why (review keys)."""

    where: str
    item: str
    source: SourceRef | str | None
    reasons: tuple[str, ...]


def where_written(content: Content, value: BaseModel, loc: tuple = ()) -> str:
    """``topics/mental-capacity.yaml:12 source``: the file inside the folder, line and field."""
    path, lines = content.origin(value)
    try:
        name = os.path.relpath(path, content.root)
    except ValueError:  # pragma: no cover - another drive on Windows
        name = path.name
    line = written_line(lines, loc or ("id",))
    where = f"{name}:{line}" if line else name
    return f"{where} {field_path(written_loc(lines, loc))}" if loc else where


def _item_name(value: Any, loc: tuple) -> str:
    """The id (or title) of the innermost item along ``loc``: what a reviewer searches for."""
    name = getattr(value, "id", None) or getattr(value, "title", None) or ""
    for part in loc:
        try:
            value = value[part] if isinstance(part, int) or isinstance(value, dict) \
                else getattr(value, part)
        except (AttributeError, IndexError, KeyError, TypeError):
            break
        if isinstance(value, BaseModel) and not isinstance(value, SourceRef):
            name = getattr(value, "id", None) or getattr(value, "title", None) or name
    return str(name)


def unverified_sources(content: Content) -> tuple[Unverified, ...]:
    """Every source in the folder that cannot be followed and re-checked, and every quiz question
    or case study that cites the law with no source at all."""
    out = []
    for value in loaded_files(content):
        for loc, ref in located_refs(value):
            if isinstance(ref, str):
                reasons = ("reason_plain_text",)
            else:
                reasons = tuple(r for r, missing in (("reason_no_link", ref.url is None),
                                                     ("reason_no_date", ref.checked is None))
                                if missing)
            if reasons:
                out.append(Unverified(where_written(content, value, loc), _item_name(value, loc),
                                      ref, reasons))
    for warning in uncited_law_warnings(content):
        where = os.path.relpath(warning.file, content.root)
        line = f":{warning.line}" if warning.line else ""
        value = next((v for v in loaded_files(content) if content.origin(v)[0] == warning.file),
                     None)
        out.append(Unverified(f"{where}{line} {warning.field}",
                              _item_name(value, warning.loc) if value else "", None,
                              ("reason_no_source",)))
    return tuple(out)
