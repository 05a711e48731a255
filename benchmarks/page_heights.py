"""Measure every section page's height at 1280 × 800, and whether the document itself scrolls.

Run: ``.venv/bin/python benchmarks/page_heights.py``. Starts the real server (test
settings: pools of one), opens each section page in Chromium at 1280 × 800 and reports, once the
page has settled, the height of what scrolls (the document, or Voila's panel when the panel
scrolls by itself, as it did before issue 14) and whether Page Down scrolls the document right
after the page loads.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "app"))

from _app_support import free_port, running_server, wait_settled  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from infoshare_widgets.app.serve import ServerSettings  # noqa: E402
from infoshare_widgets.content import default_content_dir, load_content  # noqa: E402

HEIGHTS_JS = """() => {
  const doc = document.documentElement.scrollHeight;
  const panel = document.getElementById('rendered_cells');
  return {document: doc, panel: panel ? panel.scrollHeight : 0};
}"""


def main() -> None:
    content = load_content(default_content_dir())
    settings = ServerSettings(content=default_content_dir(), port=free_port(),
                              default_pool_size=1, pool_sizes={}, cull_idle_timeout=3,
                              cull_interval=1)
    with running_server(settings, Path("/tmp")) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--headless", "--no-sandbox", "--disable-gpu"])
        ctx = browser.new_context(viewport={"width": 1280, "height": 800})
        for section in content.sections:
            page = ctx.new_page()
            page.goto(server.section_url(section.id))
            wait_settled(page)
            heights = page.evaluate(HEIGHTS_JS)
            page.keyboard.press("PageDown")
            page.wait_for_timeout(300)  # a measurement script, not a test: let a smooth scroll end
            scrolled = page.evaluate("() => window.scrollY")
            print(f"{section.id:22} {max(heights['document'], heights['panel']):>7} px "
                  f"(document {heights['document']}, panel {heights['panel']}); "
                  f"Page Down on load moved the document {scrolled} px", flush=True)
            page.close()
        ctx.close()
        browser.close()


if __name__ == "__main__":
    main()
