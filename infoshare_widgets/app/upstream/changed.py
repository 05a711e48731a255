"""The error every door function raises when an upstream shape it relies on has changed."""

from __future__ import annotations


class UpstreamChanged(RuntimeError):
    """An upstream private or undocumented part is not what the door expects (a new version):
    the message names the package, the part, and the shape expected."""


def expect(condition: object, message: str) -> None:
    """Raise :class:`UpstreamChanged` with `message` unless `condition` holds."""
    if not condition:
        raise UpstreamChanged(message)
