"""Filling interface wording from ui.yaml: placeholders such as ``{correct}`` never crash a page."""

from __future__ import annotations

from ..content.templates import fill_template


def fill(template: str, **values: object) -> str:
    """``template.format(**values)`` that never raises and fills only plain ``{name}`` fields.

    A trainer's typo such as ``{corect}`` stays in the text as written; a template that asks for
    an index, an attribute or a huge width (``{total[0]}``, ``{correct:>200000000}``) is shown
    unfilled. `infoshare validate` reports both.
    """
    return fill_template(template, values)
