"""Checks every builder makes, each a message in the trainer's words under its form field.

The builders check what a trainer is likely to get wrong (an empty field, a bad id, no right
answer) in GOV.UK's style ("Enter the question"); whatever is left is caught by the content
models, as `infoshare validate` would, and shown as "Check this field: ..." at its field.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..content.bracket_text import placeholders_in
from ..content.item_forms import field_key
from ..content.models import ID_PATTERN
from ..content.pydantic_errors import problems_from_pydantic
from ..content.size_limits import MAX_TEXT_CHARS
from .form_words import Say

MAX_ID = 60
FORM = Path("form")


class Errors(dict):
    """Form field (``questions.0.options.1.text``) -> its message, in the order found: the
    error summary lists them in this order, and a field keeps its first message."""

    def add(self, loc: tuple, message: str) -> None:
        self.setdefault(field_key(loc), message)


def check_id(errors: Errors, say: Say, value: str, loc: tuple = ("id",)) -> None:
    if not value:
        errors.add(loc, say("enter_id"))
    elif len(value) > MAX_ID or not re.fullmatch(ID_PATTERN, value):
        errors.add(loc, say("bad_id"))


def check_text(errors: Errors, say: Say, value: str, loc: tuple, empty_key: str,
               **values: object) -> None:
    """Required text: entered, and not longer than a text may be."""
    if not value.strip():
        errors.add(loc, say(empty_key, **values))
    elif len(value) > MAX_TEXT_CHARS:
        errors.add(loc, say("too_long", limit=f"{MAX_TEXT_CHARS:,}"))


def check_placeholders(errors: Errors, say: Say, data: dict[str, Any]) -> None:
    """`[Bracketed]` text left in an item that is not a draft (a draft may keep it)."""
    if data.get("draft") is True:
        return
    for loc, found, _ in placeholders_in(data):
        errors.add(loc, say("placeholder", text=found))


def check_model(errors: Errors, say: Say, model: type[BaseModel], data: dict[str, Any]
                ) -> BaseModel | None:
    """The item through the content model; what the checks above missed, at its field."""
    try:
        item = model.model_validate(data)
    except ValidationError as err:
        for problem in problems_from_pydantic(FORM, err, {}, model, data):
            errors.add(problem.loc, say("other_problem", message=problem.message))
        return None
    return item if not errors else None
