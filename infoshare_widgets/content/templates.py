"""Placeholders in ui.yaml wording (``{correct} of {total} correct``), filled safely.

`str.format` on a trainer's text could index or read attributes of a value (``{total[0]}``,
``{name.__class__}``) or build a string of any size (``{correct:>200000000}``). Only plain
``{name}`` placeholders with a modest width are filled; `infoshare validate` reports the rest.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping

from .size_limits import MAX_FORMAT_WIDTH

_NUMBER = re.compile(r"\d+")


def template_problem(template: str, names: Iterable[str], *,
                     unknown_ok: bool = False) -> str | None:
    """Why ``template`` cannot be filled safely with values named ``names``; None when it can."""
    allowed = sorted(names)
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError:
        return ("the braces do not match: write {name} for a value and {{ or }} for a brace "
                "itself")
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.isidentifier():
            return (f"'{{{name}}}' is not a plain placeholder: write a name in braces, such as "
                    f"{_listing(allowed)}, without dots, brackets or numbers")
        if conversion:
            return (f"'{{{name}!{conversion}}}' is not a plain placeholder: "
                    f"leave out '!{conversion}'")
        if "{" in (spec or ""):
            return f"'{{{name}:{spec}}}': a placeholder inside another is not filled"
        if any(int(n) > MAX_FORMAT_WIDTH for n in _NUMBER.findall(spec or "")):
            return (f"'{{{name}:{spec}}}' asks for a width over {MAX_FORMAT_WIDTH} characters; "
                    f"write {{{name}}}")
        if name not in allowed and not unknown_ok:
            return f"unknown placeholder {{{name}}}; this text can use {_listing(allowed)}"
    return None


def _listing(names: list[str]) -> str:
    return " and ".join(f"{{{n}}}" for n in names) if names else "no placeholders"


class _KeepUnknown(dict):
    """Unknown placeholders stay in the text as written, so a typo shows instead of crashing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill_template(template: str, values: Mapping[str, object]) -> str:
    """``template`` with its placeholders filled; the template unchanged if that is not safe.

    Never raises: this runs in a learner's page, and the problem is reported by validate.
    """
    try:
        if template_problem(template, values, unknown_ok=True) is not None:
            return template
        return template.format_map(_KeepUnknown(values))
    except Exception:  # a value whose own __format__ fails: show the template as written
        return template if isinstance(template, str) else ""


def fill(template: str, **values: object) -> str:
    """``template.format(**values)`` that never raises and fills only plain ``{name}`` fields.

    A trainer's typo such as ``{corect}`` stays in the text as written; a template that asks for
    an index, an attribute or a huge width (``{total[0]}``, ``{correct:>200000000}``) is shown
    unfilled. `infoshare validate` reports both.
    """
    return fill_template(template, values)


def check_sample(template: str, sample: Mapping[str, object]) -> str | None:
    """What is wrong with ``template`` filled with ``sample`` values (validate's check)."""
    problem = template_problem(template, sample)
    if problem is not None:
        return problem
    try:
        template.format_map(dict(sample))
    except Exception as err:  # e.g. {correct:x} with text, or {name:d}
        return f"cannot be filled with sample values ({err})"
    return None
