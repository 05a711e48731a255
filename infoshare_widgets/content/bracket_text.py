"""`[Bracketed]` placeholders left in an item: an error when learners would see it, else a warning.

The scaffolds (`infoshare new`) write text such as "[What has happened so far...]" for a trainer
to replace, marked `draft: true`. A draft may keep them while it is written (a warning, so a
scaffolded folder still validates); an item learners see may not (an error, and it cannot be
published). A Markdown link (`[text](url)`) is not a placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .loaded import Content
from .problems import Problem, nearest_line

PLACEHOLDER = re.compile(r"(?<![\]\w])\[[^\[\]\n]*[A-Za-z][^\[\]\n]*\](?![(\[:])")
"""Words in square brackets, not a Markdown link or reference (``[text](...)``) and not an index
in a ui.yaml placeholder (``{total[0]}``)."""

MESSAGE = "replace the placeholder {text} with the real text"


def placeholders_in(value: Any, loc: tuple = (), draft: bool = False
                    ) -> Iterator[tuple[tuple, str, bool]]:
    """Each placeholder in a loaded item: (field path, the text, whether it is in a draft)."""
    if isinstance(value, BaseModel):
        draft = draft or getattr(value, "draft", False) is True
        for name in type(value).model_fields:
            yield from placeholders_in(getattr(value, name), (*loc, name), draft)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from placeholders_in(item, (*loc, i), draft)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from placeholders_in(item, (*loc, key), draft)
    elif isinstance(value, str):
        for match in PLACEHOLDER.finditer(value):
            yield loc, match.group(0), draft


def item_placeholders(value: Any, path: Any, lines: dict[tuple, int], loc: tuple = ()
                      ) -> tuple[list[Problem], list[Problem]]:
    """The placeholders of one loaded value as (errors, warnings), each with its field and line."""
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for where, text, draft in placeholders_in(value, loc):
        shown = text if len(text) <= 60 else text[:57] + "...]"
        problem = Problem(path, MESSAGE.format(text=f'"{shown}"'), loc=where,
                          line=nearest_line(lines, where))
        (warnings if draft else errors).append(problem)
    return errors, warnings


def placeholders_replaced(content: Content) -> None:
    """Every loaded file and published item: its placeholders as problems (drafts: warnings)."""
    values = [content.ui, content.lawful_bases, content.decision_record, content.about,
              content.local, content.basis_helper, *content.topics, *content.golden_rules,
              *content.case_studies, *content.quizzes]
    if content.scenarios is not None:
        values.append(content.scenarios)
    for value in values:
        if value is None:
            continue
        if value is content.scenarios:
            _scenarios(content)
            continue
        path, lines = content.origin(value)
        errors, warnings = item_placeholders(value, path, lines)
        content.problems.extend(errors)
        content.warnings.extend(warnings)


def _scenarios(content: Content) -> None:
    """The scenarios file field by field; a scenario published on its own names its own file."""
    scenarios = content.scenarios
    path, lines = content.origin(scenarios)
    for name in type(scenarios).model_fields:
        if name != "scenarios":
            errors, warnings = item_placeholders(getattr(scenarios, name), path, lines, (name,))
            content.problems.extend(errors)
            content.warnings.extend(warnings)
    for i, scenario in enumerate(scenarios.scenarios):
        own = content.origins.get(id(scenario))
        found = (item_placeholders(scenario, own[0], own[1]) if own else
                 item_placeholders(scenario, path, lines, ("scenarios", i)))
        content.problems.extend(found[0])
        content.warnings.extend(found[1])
