"""A kernel ends with its page, and only then (issue 15).

Its own server, with timeouts cut down from the shipped 180 s so the tests are quick, yet longer
than 10 s: idle culling after CULL s and the liveness backstop after LIVENESS s cannot end a
closed page's kernel within 10 s, so only the leave signal can (before the fix: 403, voila#1458,
and the kernel lived on). Headless Chromium never hides a page (measured: minimising its window,
another tab in front, focus emulation off; `visibilityState` stays "visible"), so the hidden page
is hidden the way a page sees it: `visibilityState` "hidden" and a `visibilitychange` event.
The offline page loses its network through a relay the test cuts (`_leave_support.Relay`). The
last test kills the server under an open page (issue 27): it must say so within seconds.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import time
from collections.abc import Iterator

import pytest
from _app_support import NOTEBOOKS, AppServer, free_port, kernel_id_of, open_page, running_server
from _hardening_support import kernel_pids, visitor_cookie, wait_for
from _leave_support import Relay

from infoshare_widgets.app.serve import ServerSettings
from infoshare_widgets.content import default_content_dir

NOTEBOOK = "01-what-is-it"  # a page with a quiz
CULL = 12       # idle culling (shipped: 180 s)
LIVENESS = 20   # a page silent this long loses its kernel (shipped: 180 s)
# Offline longer than the culling interval and eight liveness beats, past the idle timeout, and
# well under LIVENESS (room for a slow first beat after): before the fix the culler took the
# kernel of a page whose socket had dropped, and the page gave up at its first failed beat.
OFFLINE = 8
# Hidden longer than the liveness backstop and twice the culling timeout: a hidden page that
# stopped saying it is alive, or a culler that took an idle hidden page's kernel, would have lost
# its kernel by then.
HIDDEN = max(LIVENESS, 2 * CULL) + 4
LEAVE_WITHIN = 10
HIDE = """() => {
  Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'hidden'});
  Object.defineProperty(document, 'hidden', {configurable: true, get: () => true});
  document.dispatchEvent(new Event('visibilitychange'));
}"""
# Records the kernel socket's closing (an init script, so it wraps the socket before the page).
WATCH_SOCKETS = """window.__socketCloses = 0;
(() => { const Native = window.WebSocket;
  function Watched(url, protocols) {
    const s = protocols === undefined ? new Native(url) : new Native(url, protocols);
    if (String(url).includes('/api/kernels/')) {
      s.addEventListener('close', () => { window.__socketCloses += 1; });
    }
    return s;
  }
  Watched.prototype = Native.prototype;
  ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(n => { Watched[n] = Native[n]; });
  window.WebSocket = Watched; })();"""


@pytest.fixture(scope="module")
def leave_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    root = tmp_path_factory.mktemp("leave")
    notebooks = root / "notebooks"
    notebooks.mkdir()
    shutil.copy(NOTEBOOKS / f"{NOTEBOOK}.ipynb", notebooks)
    settings = ServerSettings(
        content=default_content_dir(), notebooks=notebooks, port=free_port(),
        default_pool_size=1, pool_sizes={}, cull_idle_timeout=CULL, cull_interval=1,
        liveness_timeout=LIVENESS, alive_interval=1, max_kernels=20, max_pages_per_client=20)
    with running_server(settings, root) as server:
        yield server


def check_a_question(page: object) -> None:
    """Answer the first question and wait for its feedback: the kernel still answers."""
    question = page.locator(".is-quiz .is-q").first  # type: ignore[attr-defined]
    question.scroll_into_view_if_needed()
    question.locator("label").first.click()
    question.locator(".is-q-check").click()
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => document.querySelector('.is-quiz .is-q .is-q-feedback').textContent.trim()",
        timeout=90_000)


def post_form(server: AppServer, path: str, cookie: str, body: str) -> int:
    port = int(server.url.rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("POST", path, body=body, headers={
            "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
        return conn.getresponse().status
    finally:
        conn.close()


def lost_text(page: object) -> str:
    return page.evaluate(  # type: ignore[attr-defined]
        "() => document.getElementById('is-lost').textContent")


def test_a_closed_page_ends_its_kernel_and_a_leave_the_learner_cancels_does_not(
        leave_server, context) -> None:
    url = leave_server.url + f"/voila/render/{NOTEBOOK}.ipynb"
    page = open_page(context, url)
    kernel_id = kernel_id_of(page)
    # Cross-site protection kept: the visitor's own cookie without the page's token ends nothing.
    visitor = f"infoshare_visitor={visitor_cookie(context)}"
    for cookie, body in ((visitor, ""), (f"{visitor}; _xsrf=forged", "_xsrf=other")):
        assert post_form(leave_server, f"/voila/api/shutdown/{kernel_id}", cookie, body) == 403
    # "Leave this page?" answered "Stay": beforeunload fired, the page goes on working.
    page.evaluate("() => window.dispatchEvent(new Event('beforeunload', {cancelable: true}))")
    check_a_question(page)
    assert kernel_id in kernel_pids(leave_server) and not lost_text(page)
    page.close(run_before_unload=True)  # the learner closes the tab
    assert wait_for(lambda: kernel_id not in kernel_pids(leave_server), LEAVE_WITHIN), \
        f"the closed page's kernel was still running {LEAVE_WITHIN} s later"


def test_a_hidden_page_and_a_page_offline_for_a_while_keep_their_kernels(
        leave_server, browser) -> None:
    relay = Relay(int(leave_server.url.rsplit(":", 1)[1]))
    hidden_ctx = browser.new_context()  # type: ignore[attr-defined]
    offline_ctx = browser.new_context()  # type: ignore[attr-defined]
    offline_ctx.add_init_script(WATCH_SOCKETS)
    try:
        path = f"/voila/render/{NOTEBOOK}.ipynb"
        hidden = open_page(hidden_ctx, leave_server.url + path)
        offline = open_page(offline_ctx, f"http://127.0.0.1:{relay.port}{path}")
        kernels = {kernel_id_of(hidden), kernel_id_of(offline)}
        hidden.evaluate(HIDE)
        hidden_since = time.monotonic()
        # Let the offline page's kernel sit idle past the culling timeout, then drop its network.
        time.sleep(CULL + 1)
        cut_at = time.monotonic()
        relay.cut()
        assert wait_for(lambda: offline.evaluate("() => window.__socketCloses") > 0, OFFLINE)
        time.sleep(max(0.0, OFFLINE - (time.monotonic() - cut_at)))
        assert kernels <= set(kernel_pids(leave_server)), "a kernel ended while its page was open"
        relay.restore()
        time.sleep(max(0.0, HIDDEN - (time.monotonic() - hidden_since)))
        assert hidden.evaluate("() => document.visibilityState") == "hidden"
        for page in (hidden, offline):
            check_a_question(page)  # the socket came back; the kernel answers
            assert not lost_text(page)
        assert kernels <= set(kernel_pids(leave_server))
    finally:
        hidden_ctx.close()
        offline_ctx.close()
        relay.close()


LOST_WITHIN = 10  # s after the server goes, without a proxy (before: ~188 s, the liveness time)


def test_a_page_says_it_lost_its_connection_within_seconds_of_its_server_going(
        leave_server, context) -> None:
    # Last in this module: it kills the module's server (`--dist loadfile` keeps the order).
    page = open_page(context, leave_server.url + f"/voila/render/{NOTEBOOK}.ipynb")
    kernels = kernel_pids(leave_server)
    leave_server.process.send_signal(signal.SIGKILL)  # no drain, no goodbye, no proxy to say so
    killed = time.monotonic()
    try:
        page.wait_for_function("() => document.getElementById('is-lost').textContent",
                               timeout=(LOST_WITHIN + 20) * 1000)
        shown = time.monotonic() - killed
        print(f"\nserver killed: the page said it lost its connection after {shown:.1f} s")
        assert shown < LOST_WITHIN, f"the page said so only after {shown:.1f} s"
        assert lost_text(page).startswith(leave_server.content.text("app", "lost_connection"))
    finally:
        for pid in kernels.values():  # the killed server's kernels, orphaned
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
