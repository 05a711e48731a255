"""Time to interactive of every section page in headless Chromium, against the bare page.

Interactive: navigation until every cell has run and every widget view is drawn (the browser
tests' `SETTLED_JS`). Rounds alternate the servers: the bare page, then the six section pages,
so both see the same machine.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SETTLED_JS = """() => {
  if (document.getElementById('loading')) return false;
  const main = document.getElementById('rendered_cells');
  if (!main || getComputedStyle(main).display === 'none') return false;
  if (main.querySelector('script[type="application/vnd.voila.cell-output+json"]')) return false;
  const outputs = [...main.querySelectorAll('.jp-OutputArea-output')];
  if (outputs.length === 0) return false;
  if (!outputs.every(o => o.querySelector('.jupyter-widgets') !== null)) return false;
  // every view of our widgets drawn by its module (infoshare_widgets/frontend.py marks it)
  return document.querySelector('.is-module:not([data-is-drawn]):not([data-is-failed])') === null;
}"""


@dataclass
class Timings:
    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)


def load(browser: object, url: str) -> tuple[float, float]:
    """(seconds to interactive, seconds to the HTML received) of one fresh visit."""
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        start = time.monotonic()
        page.goto(url, wait_until="commit", timeout=180_000)
        page.wait_for_function(SETTLED_JS, timeout=180_000, polling=50)
        settled = time.monotonic() - start
        html = page.evaluate("() => { const t = performance.getEntriesByType('navigation')[0];"
                             " return (t.responseEnd - t.startTime) / 1000; }")
        return settled, html
    finally:
        context.close()


def section_pages(ours: dict[str, str], bare: str, rounds: int,
                  chromium: str) -> tuple[dict[str, Timings], Timings, float]:
    """Per section: its times; the bare page's times; the browser's drawing time of Start
    (interactive minus the HTML received), for the room figures."""
    times = {name: Timings() for name in ours}
    bare_times = Timings()
    drawing: list[float] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            load(browser, bare)  # the first load of anything pays for the browser's caches
            for _ in range(rounds):
                bare_times.values.append(load(browser, bare)[0])
                for name, url in ours.items():
                    settled, html = load(browser, url)
                    times[name].values.append(settled)
                    if name == next(iter(ours)):
                        drawing.append(settled - html)
        finally:
            browser.close()
    return times, bare_times, statistics.median(drawing)
