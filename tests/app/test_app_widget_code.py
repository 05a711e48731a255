"""Each widget class's code and styles go to a page once, not once per instance (issue 22).

The kernel's websocket carries, per widget instance, only a loader of about a kilobyte (its
``_esm``; no ``_css``); the module and stylesheet files come over HTTP from
``infoshare/static/<version>/``, each at most once per page, with a year's cache. Measured on
every section page in a fresh browser context (nothing cached).
"""

from __future__ import annotations

import pytest
from _app_support import wait_settled
from _widget_bytes import PageWidgets, watch

from infoshare_widgets import frontend
from infoshare_widgets.content import default_content_dir, load_content

SECTIONS = [s.id for s in load_content(default_content_dir()).sections]
LOADER_MAX = 1280  # bytes of _esm an instance may carry (frontend.LOADER, whitespace stripped)


@pytest.mark.parametrize("section_id", SECTIONS)
def test_widget_code_crosses_the_socket_as_a_loader_and_each_file_comes_once(
        app_server, browser, section_id: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        seen = PageWidgets()
        watch(page, seen)
        page.goto(app_server.section_url(section_id))
        wait_settled(page)
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
                assert len(value.encode()) <= LOADER_MAX
                assert "function render" not in value  # the code itself never does
        assert seen.code_bytes() <= LOADER_MAX * sum(instances.values())
        # The code comes over HTTP, each file at most once, all of one version.
        assert seen.fetched, f"no front-end file was fetched: {instances}"
        assert max(seen.fetched.values()) == 1, seen.fetched
        assert all(f"/{frontend.ROUTE}/{frontend.version()}/" in url for url in seen.fetched)
        answer = page.request.get(next(iter(seen.fetched)))
        assert answer.status == 200
        assert "immutable" in answer.headers["cache-control"]
    finally:
        context.close()
