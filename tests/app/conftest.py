"""One real Voila server and one real Chromium, shared by every browser test.

The server is started with `serve.voila_command`, the same function `infoshare serve` uses, on a
free port, with pools of one kernel and a culling timeout of a few seconds. Chromium is Debian's
(`/usr/bin/chromium` or INFOSHARE_CHROMIUM); if it is missing the tests fail and say so.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from infoshare_widgets.app.serve import ServerSettings, voila_command
from infoshare_widgets.content import Content, default_content_dir, load_content

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Kernels of closed pages go after this many seconds idle (checked every second) under test.
CULL_IDLE_TIMEOUT = 3


@dataclass
class AppServer:
    """The running server: its address, its log, and the content it serves."""

    url: str
    process: subprocess.Popen
    log_path: Path
    content: Content
    notebooks: Path
    _log_offset: int = field(default=0)

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


def _wait_until_ready(server: AppServer, notebooks: list[str], timeout: float = 120) -> None:
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


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """The app's real Voila server, for the whole session."""
    content_dir = default_content_dir()
    content = load_content(content_dir)
    assert content.sections, f"no sections in {content_dir}"
    settings = ServerSettings(content=content_dir, port=free_port(), default_pool_size=1,
                              pool_sizes={}, cull_idle_timeout=CULL_IDLE_TIMEOUT,
                              cull_interval=1)
    command, env = voila_command(settings)
    log_path = tmp_path_factory.mktemp("voila") / "voila.log"
    with log_path.open("w") as log_file:
        process = subprocess.Popen(command, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = AppServer(url=f"http://{settings.ip}:{settings.port}", process=process,
                       log_path=log_path, content=content, notebooks=Path(settings.notebooks))
    try:
        _wait_until_ready(server, [s.notebook for s in content.sections])
        yield server
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    """Stop the server (it shuts its kernels down on SIGTERM); kill it if it does not stop."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


# --- the browser ---------------------------------------------------------------------------------


def chromium_path() -> str:
    return os.environ.get("INFOSHARE_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless. Fails (never skips) when it is not installed."""
    path = chromium_path()
    if not (Path(path).is_file() and os.access(path, os.X_OK)):
        pytest.fail(
            f"Chromium is needed for the browser tests and was not found at {path}. Install it "
            "with `sudo apt-get install -y chromium` (or run `make chromium`), or set "
            "INFOSHARE_CHROMIUM to its path.", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    """A fresh browser context (no shared cookies or storage) per test, desktop size."""
    ctx = browser.new_context(viewport={"width": 1000, "height": 900})  # type: ignore[attr-defined]
    try:
        yield ctx
    finally:
        ctx.close()
