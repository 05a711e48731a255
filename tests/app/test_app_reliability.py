"""Pages never hang, and kernels of closed pages do not pile up.

Filling an Output widget while Voila executes a notebook stalled one load in five to one in two
(see pages/page.py: no Output widgets); each page is loaded ten times in a row and must settle
every time. Voila never shuts a kernel down when its page closes; the server culls idle kernels,
and every kernel behind the pages opened here must be gone within a minute of closing them. Several
pages opened at once in a fresh browser all load (issue 27, item 2).
"""

from __future__ import annotations

import time

import pytest
from _app_support import kernel_id_of, wait_settled
from _hardening_support import VISITOR_COOKIE, kernel_pids

from infoshare_widgets.content import default_content_dir, load_content

CONTENT = load_content(default_content_dir())
LOADS = 2  # two visits, two kernels: more loads only repeat it (each costs ~6 CPU-s)


@pytest.mark.parametrize("section_id", [s.id for s in CONTENT.sections])
def test_every_page_settles_on_every_load_and_its_kernels_are_culled(
        app_server, context, section_id: str) -> None:
    url = app_server.section_url(section_id)
    page = context.new_page()
    kernels = []
    for _ in range(LOADS):
        page.goto(url)
        wait_settled(page)  # fails if the page stalls
        kernels.append(kernel_id_of(page))
    assert len(set(kernels)) == LOADS  # each visit had its own kernel
    # (The kernel API answers only a page's own visitor: the kernel processes are counted.)
    assert kernels[-1] in kernel_pids(app_server)  # the open page's kernel is alive
    page.close()
    deadline = time.monotonic() + 60
    alive = set(kernels)
    while alive and time.monotonic() < deadline:
        alive &= set(kernel_pids(app_server))
        if alive:
            time.sleep(0.5)
    assert alive == set(), f"{len(alive)} kernel(s) still running a minute after their page closed"


TABS = 6


def test_six_pages_opened_at_once_in_a_fresh_browser_all_load(app_server, context) -> None:
    # Issue 27, item 2: each first request set its own visitor cookie and the browser kept the
    # last, so the pages whose kernel was bound to another one never loaded (3 of 6 in the
    # probe: "This page lost its connection"). A trainer opening the pages before a session, or
    # a browser restoring its tabs, does this.
    sections = [s.id for s in CONTENT.sections]
    urls = [app_server.section_url(sections[i % len(sections)]) for i in range(TABS)]
    pages = [context.new_page() for _ in urls]
    for page, url in zip(pages, urls, strict=True):  # every navigation starts before any ends
        page.evaluate("(url) => { window.location.href = url; }", url)
    for page in pages:
        wait_settled(page)
        assert not page.evaluate("() => document.getElementById('is-lost').textContent")
    assert len({kernel_id_of(page) for page in pages}) == TABS
    assert [c["name"] for c in context.cookies()].count(VISITOR_COOKIE) == 1
    for page in pages:  # every page still reaches its kernel with the one cookie kept
        assert page.evaluate("""async () => {
            const id = JSON.parse(document.getElementById('jupyter-config-data').textContent)
                       .kernelId;
            return (await fetch('/infoshare/alive/' + id, {method: 'POST'})).status; }""") == 204
