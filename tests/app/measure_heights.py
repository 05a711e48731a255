"""Measure each section page's height at 1280 × 800 (issue 14: shorter pages).

Run: ``.venv/bin/python tests/app/measure_heights.py``. Starts the real server (test settings:
pools of one), opens every section page in a fresh 1280 × 800 context, waits for it to settle and
for two frames, and prints the height of what scrolls: the document or the page's panel
(``#rendered_cells``), whichever is taller, and whether the page starts with "On this page".
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _app_support import free_port, running_server, wait_settled  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from infoshare_widgets.app.serve import ServerSettings  # noqa: E402
from infoshare_widgets.content import default_content_dir, load_content  # noqa: E402

HEIGHT_JS = """() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => {
  const main = document.getElementById('rendered_cells');
  r(Math.max(document.documentElement.scrollHeight, main ? main.scrollHeight : 0));
})))"""


def main() -> None:
    content = load_content(default_content_dir())
    settings = ServerSettings(content=default_content_dir(), port=free_port(),
                              default_pool_size=1, pool_sizes={}, cull_idle_timeout=3,
                              cull_interval=1)
    with running_server(settings, Path("/tmp")) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--headless", "--no-sandbox", "--disable-gpu"])
        for section in content.sections:
            ctx = browser.new_context(viewport={"width": 1280, "height": 800})
            page = ctx.new_page()
            page.goto(server.section_url(section.id))
            wait_settled(page)
            height = page.evaluate(HEIGHT_JS)
            contents = page.locator(".is-contents:visible").count() > 0
            print(f"{section.id:16} {height:>7,} px  on this page: {'yes' if contents else 'no'}")
            ctx.close()
        browser.close()


if __name__ == "__main__":
    main()
