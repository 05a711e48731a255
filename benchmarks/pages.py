"""Every section page in headless Chromium: first readable text and time to interactive, against
the bare page and against a static page of the same text (the floor).

Interactive: navigation until every cell has run and every widget view is drawn (the browser
tests' `SETTLED_JS`); for the static page, the document loaded. First readable text:
`first_text.py`. Rounds alternate the servers: the bare page, then each section page and its
static page, so all see the same machine.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field

from first_text import WATCH_JS
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SETTLED_JS = """() => {
  if (document.getElementById('loading')) return false;
  const main = document.getElementById('rendered_cells');
  if (!main || getComputedStyle(main).display === 'none') return false;
  if (main.querySelector('script[type="application/vnd.voila.cell-output+json"]')) return false;
  const outputs = [...main.querySelectorAll('.jp-OutputArea-output:not(.is-page-html)')];
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
        return statistics.median(self.values) if self.values else float("nan")


@dataclass
class PageTimes:
    """One page's visits: interactive, first readable text (None for the bare page, which has
    no text), and the HTML received."""

    interactive: Timings = field(default_factory=Timings)
    first_text: Timings = field(default_factory=Timings)
    html: Timings = field(default_factory=Timings)
    failed: int = 0  # loads that timed out (not counted in the times)


STATIC_LOADED_JS = "() => document.readyState === 'complete'"
SINCE_NAVIGATION_JS = "() => performance.now() / 1000"


def load(browser: object, url: str, snippet: str | None = None,
         settled_js: str = SETTLED_JS) -> tuple[float, float | None, float]:
    """(seconds to interactive, seconds to the first readable text or None, seconds to the HTML
    received) of one fresh visit; all from the start of the navigation."""
    context = browser.new_context()  # type: ignore[attr-defined]
    try:
        if snippet is not None:
            context.add_init_script(script=f"({WATCH_JS})({json.dumps(snippet)})")
        page = context.new_page()
        page.goto(url, wait_until="commit", timeout=90_000)
        page.wait_for_function(settled_js, timeout=90_000, polling=50)
        settled = page.evaluate(SINCE_NAVIGATION_JS)
        first = None
        if snippet is not None:
            page.wait_for_function("() => window.__firstText !== undefined", timeout=30_000,
                                   polling=50)
            first = page.evaluate("() => window.__firstText / 1000")
        html = page.evaluate("() => { const t = performance.getEntriesByType('navigation')[0];"
                             " return (t.responseEnd - t.startTime) / 1000; }")
        return settled, first, html
    finally:
        context.close()


def _record(times: PageTimes, browser: object, url: str, snippet: str | None = None,
            settled_js: str = SETTLED_JS) -> None:
    """One load into `times`; a load that times out is counted, and the run goes on."""
    try:
        settled, first, html = load(browser, url, snippet, settled_js)
    except PlaywrightTimeout:
        times.failed += 1
        return
    times.interactive.values.append(settled)
    times.html.values.append(html)
    if first is not None:
        times.first_text.values.append(first)


def section_pages(ours: dict[str, tuple[str, str]], static: dict[str, str], bare: str,
                  rounds: int, chromium: str) -> dict:
    """Per section (title -> (address, snippet)): its times, and its static floor's (title ->
    address); the bare page's times; the browser's drawing time of Start (interactive minus
    the HTML received), for the room figures. Each round: the bare page, then every section
    page and its static page, so all see the same machine."""
    times = {name: PageTimes() for name in ours}
    floor = {name: PageTimes() for name in ours}
    bare_times = PageTimes()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            _record(PageTimes(), browser, bare)  # the first load pays for the browser's caches
            for _ in range(rounds):
                _record(bare_times, browser, bare)
                for name, (url, snippet) in ours.items():
                    _record(times[name], browser, url, snippet)
                    _record(floor[name], browser, static[name], snippet, STATIC_LOADED_JS)
        finally:
            browser.close()
    first = times[next(iter(ours))]
    drawing = statistics.median(
        s - h for s, h in zip(first.interactive.values, first.html.values, strict=True))
    return {"ours": times, "floor": floor, "bare": bare_times, "drawing": drawing}
