"""Helpers for the presenter tests (issue 24): open both windows, walk every step by keyboard,
and what the audience window may hold at each step."""

from __future__ import annotations

import html
import re
from pathlib import Path

from _app_support import describe_violations, run_axe

FOLLOW_MS = 15_000  # a generous bound for the audience window to follow; never a timing claim
GUIDE_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
SIZES = {  # (CSS width, height, device scale factor, least body type in px)
    "1280x720": (1280, 720, 1, 28),
    "1536x864@1.25": (1536, 864, 1.25, 28),
    "1280x720@1.5": (1280, 720, 1.5, 28),
    "1920x1080": (1920, 1080, 1, 32),
}
TYPE_JS = """() => Math.min(...[...document.querySelectorAll('#main p, #main li')]
  .filter(n => n.textContent.trim()).map(n => parseFloat(getComputedStyle(n).fontSize)))"""
FIT_JS = "() => [document.getElementById('main').scrollHeight, window.innerHeight]"


def plain(fragment: str) -> str:
    """The text of an HTML fragment, whitespace folded (what a reader of the DOM would find)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def secrets_for(step: dict, steps: list[dict]) -> list[str]:
    """Text the audience must not hold while ``step`` is shown: every note, and any other
    step's text that the shown step does not itself contain (points and answers to come)."""
    shown = plain(step["html"])
    out = {plain(s["notes"])[:80] for s in steps if s["notes"]}
    out |= {plain(s["html"]) for s in steps if s["kind"] in ("point", "answer", "explanation")}
    return sorted(t for t in out if t and t not in shown)


def follows(audience: object, index: int) -> None:
    audience.locator(f'#main[data-index="{index}"]').wait_for(timeout=FOLLOW_MS)  # type: ignore


def axe_clean(page: object) -> None:
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
