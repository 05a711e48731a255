"""One real Voila server and one real Chromium, shared by every browser test.

The server is started with `serve.voila_command`, the same function `infoshare serve` uses, on a
free port, with pools of one kernel and a culling timeout of a few seconds. Chromium is Debian's
(`/usr/bin/chromium` or INFOSHARE_CHROMIUM); if it is missing the tests fail and say so.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from _app_support import (
    APP_ALIVE,
    APP_CONNECT,
    CULL_IDLE_TIMEOUT,
    HARDENED_CONNECT,
    HARDENED_LIVENESS,
    HARDENED_NOTEBOOK,
    HARDENED_PAGES,
    HARDENED_PER_CLIENT,
    HARDENED_PROXY,
    NOTEBOOKS,
    ROOM_ORGANISATION,
    ROOM_PRIVACY_PATH,
    TEST_LIMITS,
    TIMER_MINUTE_SECONDS,
    AppServer,
    free_port,
    running_server,
    wait_settled,
)
from _author_area import area, cheap_hashes  # noqa: F401 (the author builders' tests' fixtures)
from _author_support import AuthorServer
from _oidc_support import CLIENT as OIDC_CLIENT
from _oidc_support import SECRET as OIDC_SECRET
from _oidc_support import Providers, running_providers

from infoshare_widgets.app.serve import ServerSettings
from infoshare_widgets.content import default_content_dir


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """A failed browser test carries the tail of its server's log (what CI prints is all the
    next engineer sees), without the pool's routine lines."""
    outcome = yield
    report = outcome.get_result()
    if not report.failed:
        return
    for name, value in getattr(item, "funcargs", {}).items():
        if isinstance(value, AppServer):
            lines = [line for line in value.log().splitlines() if "Kernel pool of" not in line]
            report.sections.append((f"{name} log, last lines", "\n".join(lines[-40:])))


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """The app's real Voila server, for the whole session. It serves a copy of the shipped
    content, which a test may edit for the length of a page load and put back
    (test_app_page_html.py): no second server for an edited page."""
    os.environ["INFOSHARE_TIMER_MINUTE_SECONDS"] = TIMER_MINUTE_SECONDS
    # live rooms (issue 17): the server's SQLite store in a folder of the test run
    os.environ["INFOSHARE_DATA_DIR"] = str(tmp_path_factory.mktemp("rooms"))
    content = tmp_path_factory.mktemp("app-content") / "content"
    shutil.copytree(default_content_dir(), content)
    port = free_port()
    settings = ServerSettings(content=content, port=port,
                              default_pool_size=1, pool_sizes={},
                              cull_idle_timeout=CULL_IDLE_TIMEOUT, cull_interval=1,
                              connect_timeout=APP_CONNECT, alive_interval=APP_ALIVE,
                              organisation=ROOM_ORGANISATION,
                              privacy_notice_url=f"http://127.0.0.1:{port}{ROOM_PRIVACY_PATH}",
                              **TEST_LIMITS)
    with running_server(settings, tmp_path_factory.mktemp("voila")) as server:
        yield server


@pytest.fixture(scope="session")
def hardened_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    root = tmp_path_factory.mktemp("hardened")
    notebooks = root / "notebooks"
    notebooks.mkdir()
    shutil.copy(NOTEBOOKS / f"{HARDENED_NOTEBOOK}.ipynb", notebooks)
    settings = ServerSettings(
        content=default_content_dir(), notebooks=notebooks, port=free_port(),
        default_pool_size=1, pool_sizes={}, cull_idle_timeout=CULL_IDLE_TIMEOUT, cull_interval=1,
        max_kernels=1 + HARDENED_PAGES, max_pages_per_client=HARDENED_PER_CLIENT,
        liveness_timeout=HARDENED_LIVENESS, connect_timeout=HARDENED_CONNECT, alive_interval=1,
        max_browser_widgets=2, trusted_proxies=(HARDENED_PROXY,))
    with running_server(settings, root) as server:
        yield server


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Providers]:
    """Node's oidc-provider on loopback, for the author server started after it (its port)."""
    port = free_port()
    with running_providers(port, tmp_path_factory.mktemp("oidc")) as providers:
        providers.app_port = port  # type: ignore[attr-defined]
        yield providers


@pytest.fixture(scope="session")
def author_server(oidc_provider: Providers,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[AuthorServer]:
    """The app with --authoring, single sign-on at the test provider, one page to serve."""
    root = tmp_path_factory.mktemp("author")
    notebooks = root / "notebooks"
    notebooks.mkdir()
    shutil.copy(NOTEBOOKS / f"{HARDENED_NOTEBOOK}.ipynb", notebooks)
    shutil.copytree(NOTEBOOKS / "author", notebooks / "author")  # the author's preview page
    secret_file = root / "client-secret"
    secret_file.write_text(OIDC_SECRET)
    env = {"INFOSHARE_DATA_DIR": str(root / "data"), "INFOSHARE_OIDC_ISSUER": oidc_provider.issuer,
           "INFOSHARE_OIDC_CLIENT_ID": OIDC_CLIENT,
           "INFOSHARE_OIDC_CLIENT_SECRET_FILE": str(secret_file),
           "INFOSHARE_OIDC_AUTHORS": "email:alice@example.org=publisher,email:bob@example.org"
                                     "=author"}
    settings = ServerSettings(
        content=default_content_dir(), notebooks=notebooks,
        port=oidc_provider.app_port,  # type: ignore[attr-defined]
        default_pool_size=1, pool_sizes={}, cull_idle_timeout=CULL_IDLE_TIMEOUT, cull_interval=1,
        connect_timeout=APP_CONNECT, authoring=True, **TEST_LIMITS)
    with running_server(settings, root, extra_env=env) as server:
        yield AuthorServer(server, oidc_provider, env)


# --- the browser ---------------------------------------------------------------------------------


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    """A fresh browser context (no shared cookies or storage) per test, desktop size."""
    ctx = browser.new_context(viewport={"width": 1000, "height": 900})  # type: ignore[attr-defined]
    try:
        yield ctx
    finally:
        ctx.close()


@dataclass
class RequestLog:
    """Every URL the browser asked for, in a context shared by the page-inspecting tests."""

    urls: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def requests_seen() -> RequestLog:
    return RequestLog()


@pytest.fixture(scope="session")
def shared_context(browser: object, requests_seen: RequestLog) -> Iterator[object]:
    """One desktop-sized context whose pages several read-only tests inspect."""
    ctx = browser.new_context(viewport={"width": 1000, "height": 900})  # type: ignore[attr-defined]
    ctx.on("request", lambda request: requests_seen.urls.append(request.url))
    # What the page's Content-Security-Policy refused (an eval, a script from elsewhere).
    ctx.add_init_script("window.isRefused = []; document.addEventListener("
                        "'securitypolicyviolation', e => window.isRefused.push("
                        "e.violatedDirective + ' ' + e.blockedURI));")
    try:
        yield ctx
    finally:
        ctx.close()


class LoadedPages:
    """`loaded(section_id)`: that section's page, opened once and settled, not to be changed;
    `loaded.frames(section_id)`: every websocket frame that page received (text, bytes decoded)."""

    def __init__(self, server: AppServer, context: object) -> None:
        self.server, self.context = server, context
        self.pages: dict[str, object] = {}
        self.received: dict[str, list[str]] = {}

    def __call__(self, section_id: str) -> object:
        if section_id not in self.pages:
            frames: list[str] = []

            def on_socket(ws: object) -> None:
                ws.on("framereceived", lambda payload: frames.append(  # type: ignore[attr-defined]
                    payload if isinstance(payload, str) else payload.decode("utf-8", "replace")))

            page = self.context.new_page()  # type: ignore[attr-defined]
            page.on("websocket", on_socket)
            page.goto(self.server.section_url(section_id))
            wait_settled(page)
            self.pages[section_id], self.received[section_id] = page, frames
        page = self.pages[section_id]
        # The page a test reads is the one in front: a page behind later ones is hidden, and a
        # hidden page runs no scroll animation (End did not scroll two pages opened earlier).
        page.bring_to_front()  # type: ignore[attr-defined]
        # ...which takes effect a moment later: wait until it is shown and has drawn two frames
        # (a frame is drawn only in a shown page), or a key's scroll may still not animate.
        page.wait_for_function("() => document.visibilityState === 'visible'")  # type: ignore
        page.evaluate(  # type: ignore[attr-defined]
            "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        return page

    def frames(self, section_id: str) -> list[str]:
        self(section_id)
        return self.received[section_id]


@pytest.fixture(scope="session")
def loaded(app_server: AppServer, shared_context: object) -> LoadedPages:
    """One untouched, settled page per section, shared by the read-only tests."""
    return LoadedPages(app_server, shared_context)


# Issue 16: three servers under /infoshare/ and nginx in front (tests/app/_deploy_fixtures.py).
from _deploy_fixtures import deploy_servers, nginx_many, nginx_one  # noqa: E402, F401
