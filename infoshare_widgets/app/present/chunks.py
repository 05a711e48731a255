"""A long text cut into screenfuls by paragraph (then by sentence), never shrunk.

Pure: Markdown in, Markdown out. The budget is in characters: at the audience window's smallest
type (28 px at 1280 × 720) about this many fit under a heading; the browser test measures every
shipped step, so a budget too generous fails there, not in front of a room.
"""

from __future__ import annotations

import re

BUDGET = 420
"""Characters of body text on one audience screen."""

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'“‘(])")
_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s", re.MULTILINE)


def blocks(markdown: str, budget: int = BUDGET) -> list[str]:
    """The paragraphs and lists of ``markdown``, each a block; a long one cut smaller."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", markdown.strip()):
        block = block.strip()
        if block:
            out.extend(_smaller(block, budget))
    return out


def _smaller(block: str, budget: int) -> list[str]:
    """A block within the budget; a list by items, a paragraph by sentences."""
    if len(block) <= budget:
        return [block]
    if _ITEM.match(block):
        starts = [m.start() for m in _ITEM.finditer(block)] + [len(block)]
        parts = [block[a:b].strip() for a, b in zip(starts, starts[1:], strict=False)]
        return _packed(parts, "\n", budget)
    return _packed(_SENTENCE.split(block), " ", budget)


def _packed(parts: list[str], joiner: str, budget: int = BUDGET) -> list[str]:
    """Consecutive parts joined while they fit the budget (a part too long stays alone)."""
    out: list[str] = []
    for part in parts:
        if out and len(out[-1]) + len(joiner) + len(part) <= budget:
            out[-1] = out[-1] + joiner + part
        else:
            out.append(part)
    return out


LINE_COST = 60
"""An item on a line of its own costs about this many characters of height."""


def screens(markdown: str | None, budget: int = BUDGET) -> list[str]:
    """``markdown`` as screenfuls: whole blocks packed together while they fit ``budget`` (less
    than `BUDGET` when a screen carries a label line too)."""
    return _packed(blocks(markdown or "", budget), "\n\n", budget)


def fits(*texts: str) -> bool:
    """Whether a heading-less screen of these texts, one per line, fits the budget (with room
    for a where-line and list spacing)."""
    return sum(len(t) + LINE_COST for t in texts) <= BUDGET + 3 * LINE_COST
