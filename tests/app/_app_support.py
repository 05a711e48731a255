"""Helpers the browser tests share: waiting for a page to settle, axe-core, kernel ids."""

from __future__ import annotations

import json
from pathlib import Path

import axe_playwright_python

# A page that has not settled in this time has stalled (a settled page takes a few seconds).
SETTLE_TIMEOUT_MS = 60_000
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# True once the page has run every cell and drawn every widget: the spinner is gone, the cells
# are shown, no output is waiting to be rendered, and every output holds a widget view.
SETTLED_JS = """() => {
  if (document.getElementById('loading')) return false;
  const main = document.getElementById('rendered_cells');
  if (!main || getComputedStyle(main).display === 'none') return false;
  if (main.querySelector('script[type="application/vnd.voila.cell-output+json"]')) return false;
  const outputs = [...main.querySelectorAll('.jp-OutputArea-output')];
  if (outputs.length === 0) return false;
  return outputs.every(o => o.querySelector('.jupyter-widgets') !== null);
}"""


def wait_settled(page: object, timeout_ms: int = SETTLE_TIMEOUT_MS) -> None:
    """Wait until the page has run and drawn everything; fail if it stalls."""
    page.wait_for_function(SETTLED_JS, timeout=timeout_ms)  # type: ignore[attr-defined]


def open_page(context: object, url: str) -> object:
    """Open a page of the app and wait for it to settle."""
    page = context.new_page()  # type: ignore[attr-defined]
    page.goto(url)
    wait_settled(page)
    return page


def kernel_id_of(page: object) -> str:
    """The id of the kernel behind a page (from Voila's page config)."""
    config = page.evaluate(  # type: ignore[attr-defined]
        "() => document.getElementById('jupyter-config-data').textContent")
    return json.loads(config)["kernelId"]


AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")


def run_axe(page: object) -> list[dict]:
    """axe-core's violations on the page (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):  # type: ignore[attr-defined]
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS)
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {targets}")
    return "\n".join(lines)
