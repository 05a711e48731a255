"""Filling interface wording from ui.yaml: placeholders such as ``{correct}`` never crash a page."""

from __future__ import annotations


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, **values: object) -> str:
    """``template.format(**values)`` that never raises on a trainer's typo in ui.yaml."""
    try:
        return template.format_map(_KeepMissing(values))
    except (ValueError, IndexError, AttributeError):
        return template
