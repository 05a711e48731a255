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
# What the audience window holds and how it looks, once it shows step ``index``: one call a
# step, which waits for the window to follow (up to FOLLOW_MS; a bound, not a timing claim).
AUDIENCE_JS = """async ([index, bound]) => {
  const main = document.getElementById('main');
  const until = Date.now() + bound;
  while (main.dataset.index !== String(index) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const sizes = [...main.querySelectorAll('p, li')].filter(n => n.textContent.trim())
    .map(n => parseFloat(getComputedStyle(n).fontSize));
  return {index: Number(main.dataset.index), html: document.documentElement.outerHTML,
          storage: JSON.stringify(sessionStorage), address: location.href,
          text: document.body.innerText.split(/\\s+/).join(' '),
          tall: main.scrollHeight, high: innerHeight, least: Math.min(...sizes)};
}"""

# Every step drawn in turn on the audience window's stage by the same `Stage.show` a press calls
# (same window, CSS, viewport and scale; the QR image has a fixed size), measured as a press
# would be: one call for a whole plan instead of a round trip a step. [tall, high, least].
MEASURE_ALL_JS = """([steps, room]) => {
  const main = document.getElementById('main');
  return steps.map((step, index) => {
    window.Stage.show(main, {step, index, room, endsAt: Date.now() + 60000});
    const sizes = [...main.querySelectorAll('p, li')].filter(n => n.textContent.trim())
      .map(n => parseFloat(getComputedStyle(n).fontSize));
    return [main.scrollHeight, innerHeight, Math.min(...sizes)];
  });
}"""


def plain(fragment: str) -> str:
    """The text of an HTML fragment, whitespace folded (what a reader of the DOM would find)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def unrevealed(steps: list[dict]) -> list[tuple[str, str]]:
    """(text, what it is) the audience may hold only on its own step: every note, each model
    point, answer and explanation."""
    out = {(plain(s["notes"])[:80], "notes") for s in steps if s["notes"]}
    out |= {(plain(s["html"]), s["kind"]) for s in steps
            if s["kind"] in ("point", "answer", "explanation")}
    return sorted(out)


def secrets_for(step: dict, hidden: list[tuple[str, str]]) -> list[str]:
    """What must not be in the audience's text while ``step`` is shown."""
    shown = plain(step["html"])
    return [text for text, _ in hidden if text and text not in shown]


def follows(audience: object, index: int) -> None:
    audience.wait_for_function(  # type: ignore[attr-defined]
        f"document.getElementById('main').dataset.index === '{index}'", timeout=FOLLOW_MS)


def axe_clean(page: object) -> None:
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
