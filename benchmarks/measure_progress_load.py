"""Measure a section page's load with and without stored progress, in one run (issue 11).

Run: ``.venv/bin/python benchmarks/measure_progress_load.py [loads]``. Starts the real server
(test settings: pools of one), then loads the "What is it?" page alternately in a fresh browser
context (nothing stored) and in one holding an answer to every question on it, and reports the
time from navigation until the page has settled (every cell run and widget drawn) and, with
progress, until every stored answer is back on the page.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "app"))

from _app_support import free_port, running_server, wait_settled  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from infoshare_widgets.app.serve import ServerSettings  # noqa: E402
from infoshare_widgets.content import default_content_dir, load_content  # noqa: E402
from infoshare_widgets.pages.section_progress import section_plan  # noqa: E402

SECTION = "what-is-it"


def main(loads: int) -> None:
    content = load_content(default_content_dir())
    keys = section_plan(content, SECTION).questions
    settings = ServerSettings(content=default_content_dir(), port=free_port(),
                              default_pool_size=1, pool_sizes={}, cull_idle_timeout=3,
                              cull_interval=1)
    times: dict[str, list[float]] = {"empty": [], "stored": [], "stored_restored": []}
    with running_server(settings, Path("/tmp")) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--headless", "--no-sandbox", "--disable-gpu"])
        url = server.section_url(SECTION)
        # Find the storage key once (it names the server's address and the content).
        ctx = browser.new_context()
        page = ctx.new_page()
        page.goto(url)
        wait_settled(page)
        page.wait_for_function("() => Object.keys(localStorage).length > 0")
        key = page.evaluate("() => Object.keys(localStorage)[0]")
        ctx.close()
        entry = json.dumps({"v": 1, "visited": {SECTION: 1},
                            "answers": {k: {"chosen": [0], "result": "incorrect"} for k in keys}})
        for i in range(2 * loads):
            stored = i % 2 == 1
            ctx = browser.new_context()
            if stored:
                ctx.add_init_script(f"localStorage.setItem({json.dumps(key)}, "
                                    f"{json.dumps(entry)})")
            page = ctx.new_page()
            start = time.monotonic()
            page.goto(url)
            wait_settled(page)
            settled = time.monotonic() - start
            if stored:
                page.wait_for_function(
                    f"() => [...document.querySelectorAll('.is-q-feedback')]"
                    f".filter(f => f.textContent).length >= {len(keys)}", timeout=60_000)
                times["stored_restored"].append(time.monotonic() - start)
            times["stored" if stored else "empty"].append(settled)
            ctx.close()
        browser.close()
    for name, values in times.items():
        print(f"{name:16} median {statistics.median(values):.2f} s  min {min(values):.2f}  "
              f"max {max(values):.2f}  (n={len(values)})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
