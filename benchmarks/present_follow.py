"""How fast the audience window follows the presenter view (issue 24), in the real app.

Run: ``.venv/bin/python benchmarks/present_follow.py``. Starts the server (test settings), opens
the presenter view of the first session plan and its audience window in one Chromium context at
1280 × 720, and presses Page Down through every step. For each step it reports the time from the
key event in the presenter's page to the audience's stage showing that step (both pages read the
same clock): the median, the 95th percentile and the worst, in milliseconds.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "app"))

from _app_support import free_port, running_server  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from infoshare_widgets.app.serve import ServerSettings  # noqa: E402
from infoshare_widgets.content import default_content_dir, load_content  # noqa: E402

WATCH_JS = """() => { window.shownAt = {};
  new MutationObserver(() => { window.shownAt[document.getElementById('main').dataset.index] =
    performance.timeOrigin + performance.now(); })
    .observe(document.getElementById('main'), {attributes: true, childList: true}); }"""
PRESS_JS = """() => { const t = performance.timeOrigin + performance.now();
  document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'PageDown', bubbles: true}));
  return t; }"""


def follow(url: str, chromium: str = "/usr/bin/chromium") -> dict:
    """Milliseconds from each Page Down in the presenter to the audience showing that step."""
    content = load_content(default_content_dir())
    plan = content.session_plans.plans[0]  # type: ignore[union-attr]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium,
                                     args=["--headless", "--no-sandbox", "--disable-gpu"])
        ctx = browser.new_context(viewport={"width": 1280, "height": 720})
        presenter = ctx.new_page()
        presenter.goto(f"{url}/present?plan={plan.id}")
        total = presenter.evaluate(
            "JSON.parse(document.getElementById('present-steps').textContent).length")
        with ctx.expect_page() as opened:
            presenter.locator("#open-audience").click()
        audience = opened.value
        audience.wait_for_function("document.getElementById('main').dataset.index === '0'")
        audience.evaluate(WATCH_JS)
        waits = []
        for i in range(1, total):
            pressed = presenter.evaluate(PRESS_JS)
            audience.wait_for_function(f"window.shownAt['{i}'] !== undefined", timeout=15_000)
            waits.append(audience.evaluate(f"window.shownAt['{i}']") - pressed)
        browser.close()
    waits.sort()
    return {"plan": plan.id, "steps": len(waits), "median": statistics.median(waits),
            "p95": waits[int(0.95 * len(waits))], "worst": waits[-1]}


def line(r: dict) -> str:
    """The measurement in one sentence (also the report's)."""
    return (f"The audience window follows the presenter view ({r['steps']} steps of "
            f"`{r['plan']}`, 1280 × 720, Page Down to the step shown): median "
            f"{r['median']:.1f} ms, p95 {r['p95']:.1f} ms, worst {r['worst']:.1f} ms.")


def main() -> None:
    settings = ServerSettings(content=default_content_dir(), port=free_port(),
                              default_pool_size=1, pool_sizes={}, cull_idle_timeout=3,
                              cull_interval=1)
    with running_server(settings, Path("/tmp")) as server:
        print(line(follow(server.url)))


if __name__ == "__main__":
    main()
