"""Each widget's front end on its own, in Debian's Chromium, against a stub model (issue 22), as
anywidget tests its own front ends (``packages/anywidget/__tests__/widget.test.ts``).

A blank page at ``http://widgets.test/`` with no server: Playwright answers its requests, the
front-end files from the package at ``infoshare/static/<version>/`` as the app serves them. A test
builds the real Python widget, and :meth:`WidgetPage.mount` loads that widget's own ``_esm`` (the
loader the kernel would send) as anywidget does (a ``blob:`` module), then calls ``render({model,
el})`` with a stub model holding the widget's state. The stub records every ``set``,
``save_changes`` and ``send``; ``from_kernel`` changes state or delivers a custom message as the
kernel would. What the page then shows is asserted with Playwright's locators.

The fixture uses ``browser``, so these tests are in the slow tier (tests/_tiers.py).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from infoshare_widgets import frontend

# The content builders of the view tests (h4_samples, _quiz_support), shared with them.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "components"))

ORIGIN = "http://widgets.test"
BLANK = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>widget</title>
<script id="jupyter-config-data" type="application/json">{"baseUrl": "/"}</script>
<style>%s</style></head><body><main id="host"></main></body></html>"""
THEME = Path(frontend.PACKAGE_DIR / "theme.css").read_text(encoding="utf-8")
TYPES = {".js": "text/javascript", ".css": "text/css"}

# The stub model and the mount, as anywidget's runtime does it: import the loader from a blob:
# URL, take its default (a function: call it), render into a host element.
MOUNT = """async ({ esm, state }) => {
  const listeners = [];
  const model = {
    state, calls: [], sent: [],
    get(name) { return this.state[name]; },
    set(name, value) { this.calls.push(["set", name, value]); this.state[name] = value; },
    save_changes() { this.calls.push(["save_changes"]); },
    send(content) { this.sent.push(content); },
    // Backbone's names: "change:a change:b" is two events.
    on(names, callback) { for (const n of names.split(" ")) listeners.push([n, callback]); },
    off(names, callback) {
      for (const n of (names || "").split(" ")) {
        for (let i = listeners.length - 1; i >= 0; i--) {
          if ((!n || listeners[i][0] === n) && (!callback || listeners[i][1] === callback)) {
            listeners.splice(i, 1);
          }
        }
      }
    },
    fire(name, ...args) {
      for (const [n, callback] of [...listeners]) if (n === name) callback(...args);
    },
    listeners,
  };
  window.model = model;
  const url = URL.createObjectURL(new Blob([esm], { type: "text/javascript" }));
  const mod = await import(url);
  const widget = typeof mod.default === "function" ? await mod.default() : mod.default;
  window.cleanup = await widget.render({ model, el: document.getElementById("host") });
}"""

FROM_KERNEL = """({ changes, message }) => {
  if (changes) {
    Object.assign(window.model.state, changes);
    for (const name of Object.keys(changes)) window.model.fire("change:" + name);
    window.model.fire("change");
  }
  if (message) window.model.fire("msg:custom", message, []);
}"""


class WidgetPage:
    """A blank page that mounts one widget's front end against a stub model."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requested: list[str] = []
        self._calls_seen = self._sent_seen = 0
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda msg: self.errors.append(msg.text)
                if msg.type == "error" else None)
        page.route(f"{ORIGIN}/**", self._serve)
        page.goto(f"{ORIGIN}/")

    def _serve(self, route: Any) -> None:
        path = route.request.url.removeprefix(ORIGIN + "/").split("?")[0]
        self.requested.append(path)
        if path == "":
            route.fulfill(status=200, content_type="text/html", body=BLANK % THEME)
            return
        prefix = f"{frontend.ROUTE}/{frontend.version()}/"
        found = frontend.files().get(path.removeprefix(prefix)) if path.startswith(prefix) \
            else None
        if found is None:
            route.fulfill(status=404, body="")
        else:
            route.fulfill(status=200, content_type=TYPES[found.suffix], body=found.read_bytes())

    @staticmethod
    def state(widget: Any) -> dict:
        """The widget's synced traits, as the kernel sends them."""
        return json.loads(json.dumps({k: v for k, v in widget.get_state().items()
                                      if not k.startswith("_") and k not in ("layout",)}))

    def mount(self, widget: Any) -> Any:
        """Render ``widget``'s front end with its current state; the page's host element."""
        self.page.evaluate(MOUNT, {"esm": widget._esm, "state": self.state(widget)})
        return self.page.locator("#host")

    def sync(self, widget: Any) -> None:
        """Send the widget's state again, as the kernel does after Python changed it."""
        self.from_kernel(self.state(widget))

    def roundtrip(self, widget: Any) -> None:
        """What a kernel would do with what the page sent since the last round trip: apply each
        ``set`` to ``widget`` (as ipywidgets applies a browser's update), hand it each message,
        then send its state back."""
        calls, sent = self.calls, self.sent
        for call in calls[self._calls_seen:]:
            if call[0] == "set":
                widget.set_state({call[1]: call[2]})
        for message in sent[self._sent_seen:]:
            widget._handle_custom_msg(message, [])
        self._calls_seen, self._sent_seen = len(calls), len(sent)
        self.sync(widget)

    def kept_nothing(self) -> None:
        """Nothing typed left the page: no trait set, no message, nothing stored, and no request
        but the page and its front-end files."""
        assert self.calls == [] and self.sent == []
        stored = self.page.evaluate("""async () => [localStorage.length, sessionStorage.length,
            (await indexedDB.databases()).length, document.cookie]""")
        assert stored == [0, 0, 0, ""]
        prefix = f"{frontend.ROUTE}/{frontend.version()}/"
        assert all(path == "" or path.startswith(prefix) for path in self.requested), \
            self.requested

    def from_kernel(self, changes: dict | None = None, message: dict | None = None) -> None:
        """A state change (``change:<name>`` then ``change``) or a custom message, as the
        kernel's would arrive."""
        self.page.evaluate(FROM_KERNEL, {"changes": changes, "message": message})

    @property
    def sent(self) -> list[dict]:
        """Every custom message the front end sent to the kernel."""
        return self.page.evaluate("window.model.sent")

    @property
    def calls(self) -> list[list]:
        """Every ``set`` / ``save_changes`` on the model."""
        return self.page.evaluate("window.model.calls")

    def style(self, selector: str, prop: str) -> str:
        return self.page.locator(selector).first.evaluate(
            f"(node) => getComputedStyle(node).getPropertyValue({prop!r})")


@pytest.fixture
def widget_page(browser: Any) -> Iterator[WidgetPage]:
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.set_default_timeout(5000)  # a blank page: nothing takes long
    try:
        yield WidgetPage(page)
    finally:
        context.close()
