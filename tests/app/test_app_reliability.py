"""Pages never hang, and kernels of closed pages do not pile up.

Filling an Output widget while Voila executes a notebook stalled one load in five to one in two
(see pages/page.py: no Output widgets); every load of every page in the browser tests must
settle (each page is loaded at least three times a run: the shared read-only page, the
accessibility test's, the six tabs here). Voila never shuts a kernel down when its page closes;
the server culls idle kernels, and every kernel behind a page left must be gone within a minute:
checked on each page by test_app_accessibility.py's after-answering test (its own kernel, not
the shared page's), and on a closed tab by test_app_leave.py. Here: several pages opened at
once in a fresh browser all load (issue 27, item 2).
"""

from __future__ import annotations

from _app_support import kernel_id_of, wait_settled
from _hardening_support import VISITOR_COOKIE
from _shipped import shipped_content

CONTENT = shipped_content()


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
