"""What a page's kernel websocket carries of the widgets' front ends (issue 22), and what the
browser fetches of them over HTTP. `check_widget_code` is issue 22's check of one page loaded in a
fresh browser context (test_app_accessibility.py's after-answering test, on its first load of each
page); runnable on its own against any server to measure: ``python tests/app/_widget_bytes.py
URL...``."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

_KEY = re.compile(r'"(_esm|_css|_anywidget_id)":\s*')
_DECODER = json.JSONDecoder()
_FRONT_END = re.compile(r"/infoshare/static/[0-9a-f]{16}/")  # not the template's own static/


@dataclass
class PageWidgets:
    """One page load: every frame the kernel sent, and the front-end code among them."""

    frame_bytes: int = 0  # everything the socket received
    frames: list[str] = field(default_factory=list)
    fetched: Counter = field(default_factory=Counter)  # front-end file URL -> requests

    def on_frame(self, payload: Any) -> None:
        data = payload if isinstance(payload, bytes) else payload.encode("utf-8")
        self.frame_bytes += len(data)
        self.frames.append(data.decode("utf-8", errors="replace"))

    def values(self) -> list[tuple[str, str]]:
        """Every (key, string) for _esm, _css and _anywidget_id in the frames, in order."""
        found = []
        for text in self.frames:
            for match in _KEY.finditer(text):
                try:
                    value, _ = _DECODER.raw_decode(text, match.end())
                except json.JSONDecodeError:
                    continue
                if isinstance(value, str):
                    found.append((match.group(1), value))
        return found

    def instances(self) -> Counter:
        """Widget class -> the number of its instances whose state came over the socket."""
        return Counter(v for k, v in self.values() if k == "_anywidget_id")

    def code_bytes(self) -> int:
        """Bytes of _esm and _css over the socket (UTF-8)."""
        return sum(len(v.encode("utf-8")) for k, v in self.values() if k in ("_esm", "_css"))


def watch(page: Any, widgets: PageWidgets) -> None:
    """Record the page's websocket frames and its requests for front-end files."""
    page.on("websocket", lambda ws: ws.on("framereceived", widgets.on_frame))
    page.on("request", lambda request: widgets.fetched.update(
        [request.url] if _FRONT_END.search(request.url) else []))


LOADER_MAX = 1280  # bytes of _esm an instance may carry (frontend.LOADER, whitespace stripped)


def check_widget_code(page: Any, seen: PageWidgets) -> None:
    """Each widget class's code and styles go to a page once, not once per instance (issue 22):
    the kernel's websocket carries, per instance, only a loader of about a kilobyte (its ``_esm``;
    no ``_css``); the module and stylesheet files come over HTTP from
    ``infoshare/static/<version>/``, each at most once per page, with a year's cache. `page` has
    settled, was loaded in a fresh browser context (nothing cached) and `watch`ed from the start."""
    from infoshare_widgets import frontend

    # Settled: every view's module has drawn it (a widget never shown loads nothing).
    page.wait_for_function("() => document.querySelectorAll('link[id^=\"infoshare:\"]')"
                           ".length > 0")
    page.wait_for_load_state("networkidle")
    # Every view of ours was marked as ours from the start and drawn (the settle check).
    marks = page.evaluate("() => [...document.querySelectorAll('.is-module')]"
                          ".map(v => v.hasAttribute('data-is-drawn'))")
    assert marks and all(marks), marks
    instances = seen.instances()
    ours = {name: n for name, n in instances.items() if name.startswith("infoshare_widgets.")}
    assert ours, "no widget of ours on the page: nothing was measured"
    values = seen.values()
    assert not [v for k, v in values if k == "_css" and v], "a stylesheet went over the socket"
    for key, value in values:
        if key == "_esm":
            assert len(value.encode()) <= LOADER_MAX, "a widget's code went over the socket"
            assert "function render" not in value  # the code itself never does
    assert seen.code_bytes() <= LOADER_MAX * sum(instances.values())
    # The code comes over HTTP, each file at most once, all of one version.
    assert seen.fetched, f"no front-end file was fetched: {instances}"
    assert max(seen.fetched.values()) == 1, f"a front-end file fetched twice: {seen.fetched}"
    assert all(f"/{frontend.ROUTE}/{frontend.version()}/" in url for url in seen.fetched)
    answer = page.request.get(next(iter(seen.fetched)))
    assert answer.status == 200
    assert "immutable" in answer.headers["cache-control"]


def fetched_bytes(widgets: PageWidgets) -> int:
    """The size of the front-end files fetched (as on disk, before any compression)."""
    from infoshare_widgets import frontend

    files = frontend.files()
    return sum(files[_FRONT_END.split(url, 1)[1]].stat().st_size for url in widgets.fetched
               if _FRONT_END.split(url, 1)[1] in files)


def measure(url: str, chromium: str = "/usr/bin/chromium") -> PageWidgets:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--headless"])
        page = browser.new_page()
        widgets = PageWidgets()
        watch(page, widgets)
        page.goto(url)
        from _app_support import wait_settled

        wait_settled(page)
        page.wait_for_load_state("networkidle")
        browser.close()
    return widgets


if __name__ == "__main__":
    for address in sys.argv[1:]:
        seen = measure(address)
        count = seen.instances()
        print(f"{address}: {sum(count.values())} instances of {len(count)} classes; "
              f"_esm+_css {seen.code_bytes()} B; socket {seen.frame_bytes} B; "
              f"HTTP front-end files {sum(seen.fetched.values())} ({fetched_bytes(seen)} B)")
        for name, n in sorted(count.items()):
            print(f"    {n} x {name}")
