"""Helpers the browser tests share: the server, waiting for a page to settle, axe-core."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from infoshare_widgets.app.serve import ServerSettings, voila_command
from infoshare_widgets.content import Content, load_content

# The test servers' settings (tests/app/conftest.py), imported by tests that need them: a test
# module cannot import conftest reliably (which conftest `import conftest` finds depends on the
# order pytest loaded them).
# Kernels of closed pages go after this many seconds idle (checked every second) under test.
CULL_IDLE_TIMEOUT = 3
# The facilitator's discussion timer under test: a timer minute lasts a second (a 3-minute timer
# ends in 3 s). Set before the server starts; INFOSHARE_* reaches the kernels.
TIMER_MINUTE_SECONDS = "1"
NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
# Every test client is 127.0.0.1 and raw GETs leave kernels waiting for a browser for a minute:
# the shared servers allow many pages (test_app_hardening.py has its own server at small limits).
TEST_LIMITS = {"max_kernels": 200, "max_pages_per_client": 200}
# The shared server's browsers connect within this (the shipped 20 s is tested on the hardened
# and error servers): under a load of 30 on two cores a page's socket came after 20 s.
APP_CONNECT = 90.0
# Its pages say they are alive every APP_ALIVE s (shipped: 15; the liveness timeout stays the
# shipped 180 s), so a page told its kernel is gone says so within seconds (test_app_page_html.py).
APP_ALIVE = 5

# A server at small limits for the hostile-visitor tests (test_app_hardening.py and
# test_app_hostile.py): one page with a quiz, a pool of one, room for HARDENED_PAGES visitors'
# pages, three per address; a page whose browser does not connect loses its kernel after
# HARDENED_CONNECT seconds, one that stops answering the liveness check after HARDENED_LIVENESS
# (longer, so the two cannot be mistaken for each other: 20 s against 6 s; the bare-socket test
# waits for it, and was 46 s at 40 s); 127.0.0.9 is a trusted proxy.
HARDENED_NOTEBOOK = "01-what-is-it"
HARDENED_PAGES = 5
HARDENED_PER_CLIENT = 3
HARDENED_CONNECT = 6
HARDENED_LIVENESS = 20  # a page beats every second (alive_interval=1): 20 missed beats
HARDENED_PROXY = "127.0.0.9"

# Who runs the shared server's site (app/privacy_notice.py): a name to escape, and a privacy notice
# on that server (http on this machine; it answers with its 404 page), so a test can follow the
# link. The hardened server has neither: its room page names no organisation.
ROOM_ORGANISATION = 'Northshire & Southshire <i>"Partnership"</i>'
ROOM_PRIVACY_PATH = "/privacy-notice?from=room&lang=en"

# A page that has not settled in this time has stalled (a settled page takes a few seconds).
SETTLE_TIMEOUT_MS = 120_000  # two test processes on two shared cores: a page may wait its turn
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# True once the page has run every cell and drawn every widget: the spinner is gone, the cells
# are shown, no output is waiting to be rendered, every output holds a widget view, and every view
# of a widget of ours (class is-module from the moment it exists) has been drawn by its module or
# says in words that its module failed: the loader marks it (infoshare_widgets/frontend.py). The
# module comes over HTTP after the view exists, so an empty view is not a settled one.
SETTLED_JS = """() => {
  if (document.getElementById('loading')) return false;
  const main = document.getElementById('rendered_cells');
  if (!main || getComputedStyle(main).display === 'none') return false;
  if (main.querySelector('script[type="application/vnd.voila.cell-output+json"]')) return false;
  // the page's own HTML (issue 26) is there as sent; every other output is a widget
  const outputs = [...main.querySelectorAll('.jp-OutputArea-output:not(.is-page-html)')];
  if (outputs.length === 0) return false;
  if (!outputs.every(o => o.querySelector('.jupyter-widgets') !== null)) return false;
  return document.querySelector('.is-module:not([data-is-drawn]):not([data-is-failed])') === null;
}"""
# The widgets whose module could not be loaded or could not draw (the loader's message instead).
FAILED_JS = """() => [...document.querySelectorAll('.is-module[data-is-failed]')]
  .map(v => v.className + ': ' + v.textContent)"""


# What a stalled page shows, for the failure message: where Voila got to and what is on screen.
STALLED_JS = """() => ({
  url: location.href,
  title: document.title,
  cell: document.body ? (document.body.dataset.cell || '') : '',
  loading: !!document.getElementById('loading'),
  lost: (document.getElementById('is-lost') || {}).textContent || '',
  outputs: document.querySelectorAll('.jp-OutputArea-output').length,
  drawn: document.querySelectorAll('.jp-OutputArea-output .jupyter-widgets').length,
  modules: document.querySelectorAll('.is-module').length,
  modules_drawn: document.querySelectorAll('.is-module[data-is-drawn]').length,
  text: (document.body ? document.body.innerText : '').slice(0, 400),
})"""


def wait_settled(page: object, timeout_ms: int = SETTLE_TIMEOUT_MS) -> None:
    """Wait until the page has run and drawn everything; fail if it stalls, saying how."""
    try:
        page.wait_for_function(SETTLED_JS, timeout=timeout_ms)  # type: ignore[attr-defined]
    except PlaywrightTimeout:
        try:
            shown = page.evaluate(STALLED_JS)  # type: ignore[attr-defined]
        except PlaywrightError as error:
            shown = f"(the page could not be read: {error})"
        raise AssertionError(
            f"the page did not settle in {timeout_ms / 1000:.0f} s: {shown}") from None
    failed = page.evaluate(FAILED_JS)  # type: ignore[attr-defined]
    assert not failed, f"widgets whose module failed to load or draw: {failed}"


def open_page(context: object, url: str) -> object:
    """Open a page of the app and wait for it to settle."""
    page = context.new_page()  # type: ignore[attr-defined]
    page.goto(url)
    wait_settled(page)
    return page


def answer_question(page: object, index: int) -> str:
    """Answer quiz question `index` of the page's first quiz with its first option, and return
    the feedback (questions show one at a time: Next question leads from the one before)."""
    questions = page.locator(".is-quiz").first.locator(".is-q")  # type: ignore[attr-defined]
    if index > 0:
        questions.nth(index - 1).locator(".is-q-next").click()
    question = questions.nth(index)
    question.locator("label").first.click()
    question.locator(".is-q-check").click()
    feedback = question.locator(".is-q-feedback")
    page.wait_for_function(  # type: ignore[attr-defined]
        "(el) => el.textContent.trim().length > 0", arg=feedback.element_handle())
    return feedback.inner_text()


def kernel_id_of(page: object) -> str:
    """The id of the kernel behind a page (from Voila's page config)."""
    config = page.evaluate(  # type: ignore[attr-defined]
        "() => document.getElementById('jupyter-config-data').textContent")
    return json.loads(config)["kernelId"]


AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")


def run_axe(page: object) -> list[dict]:
    """axe-core's violations on the page (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):  # type: ignore[attr-defined]
        # Evaluated through the DevTools protocol: the page's policy allows no inline <script>
        # without its nonce, so add_script_tag(content=...) would be refused.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        # resultTypes: every violation in full; passes and the rest one node each (axe's own
        # advice for speed: half the time on a long page, the same violations).
        "async (tags) => await axe.run(document, "
        "{resultTypes: ['violations'], runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS)
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {targets}")
    return "\n".join(lines)


# --- the server ----------------------------------------------------------------------------------


@dataclass
class AppServer:
    """The running server: its address, its log, and the content it serves."""

    url: str
    process: subprocess.Popen
    log_path: Path
    content: Content
    notebooks: Path
    ready_at: float = 0.0  # time.monotonic() when every pool was full

    def page_url(self, notebook: str, query: str = "") -> str:
        return f"{self.url}/voila/render/{notebook}.ipynb" + (f"?{query}" if query else "")

    def section_url(self, section_id: str, query: str = "") -> str:
        section = self.content.section(section_id)
        assert section is not None, f"no section {section_id!r} in sections.yaml"
        return self.page_url(section.notebook, query)

    def raw_get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """GET a path exactly as written (no client-side normalising of `..`)."""
        parts = urlsplit(self.url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_ready(server: AppServer, notebooks: list[str], timeout: float = 120) -> None:
    """Wait for the server to answer and for every page's pool to be filled."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the Voila server exited early:\n{server.log()[-4000:]}")
        log = server.log()
        filled = set(re.findall(r"Kernel pool of (\S+) is filled", log))
        if all(f"{nb}.ipynb" in filled for nb in notebooks):
            try:
                status, _, _ = server.raw_get("/")
            except OSError:
                status = 0
            if status == 302:
                return
        time.sleep(0.25)
    raise RuntimeError(f"the Voila server was not ready in {timeout}s:\n{server.log()[-4000:]}")


def stop(process: subprocess.Popen, how: int = signal.SIGTERM, wait: float = 20) -> None:
    """Stop a server with `how` (the app shuts its kernels down on SIGTERM, nginx finishes its
    requests on SIGQUIT); kill its process group if it has not stopped in `wait` seconds."""
    if process.poll() is not None:
        return
    process.send_signal(how)
    try:
        process.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def stop_at_once(process: subprocess.Popen) -> None:
    """Stop a test server without its drain: the first SIGTERM drains (open pages keep working
    for up to drain_seconds, 3 s at least: drain.py), the second stops at once. A test server's
    last pages are the test run's, closing or closed (one SIGTERM cost up to 20 s at each
    server's end); the drain itself is test_deploy_servers.py's."""
    for _ in range(2):  # apart, so that the second is not merged into the first, still pending
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.5)
    stop(process)


def built_app(tmp_path: Path, monkeypatch: object, **settings: object) -> tuple[object, object]:
    """Our Voila app initialised from the shipped command line (`settings` added), and its
    tornado application, without serving anything."""
    import tornado.web

    from infoshare_widgets.app.voila_app import InfoshareVoila

    monkeypatch.chdir(tmp_path)  # type: ignore[attr-defined]
    command, _ = voila_command(ServerSettings(max_kernels=9, **settings), base_env={})
    app = InfoshareVoila()
    app.initialize(command[3:])
    web_app = tornado.web.Application(**app.init_settings())
    web_app.add_handlers(".*$", app.init_handlers())
    # Voila's pools queued their first fill on the event loop; nothing here runs it, but a later
    # test's loop (Playwright's) would, and log a failure for an app that never started.
    for pool in getattr(app.kernel_manager, "_pools", {}).values():
        for task in pool:
            task.cancel()
    return app, web_app


@contextmanager
def running_server(settings: ServerSettings, log_dir: Path,
                   extra_env: dict[str, str] | None = None) -> Iterator[AppServer]:
    """Start the app's server with `voila_command` (what `infoshare serve` runs), the test
    process's environment and `extra_env` around it; stop it after."""
    content = load_content(settings.content)
    assert content.sections, f"no sections in {settings.content}"
    command, env = voila_command(settings, {**os.environ, **(extra_env or {})})
    log_path = log_dir / "voila.log"
    with log_path.open("w") as log_file:
        process = subprocess.Popen(command, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = AppServer(url=f"http://{settings.ip}:{settings.port}", process=process,
                       log_path=log_path, content=content, notebooks=Path(settings.notebooks))
    try:
        notebooks = sorted(p.stem for p in Path(settings.notebooks).glob("*.ipynb"))
        wait_until_ready(server, notebooks)
        server.ready_at = time.monotonic()
        yield server
    finally:
        stop_at_once(process)
