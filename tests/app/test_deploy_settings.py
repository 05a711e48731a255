"""Deployment settings without a server (issue 16): the command line and environment, the path
prefix on every route, proxies, metrics text and the drain on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
import tornado.httpserver
import tornado.web
from _app_support import built_app
from tornado.httpclient import AsyncHTTPClient
from tornado.testing import bind_unused_port

from infoshare_widgets import cli
from infoshare_widgets.app import health
from infoshare_widgets.app import route_allowlist as routes
from infoshare_widgets.app.deploy_env import normal_base_url
from infoshare_widgets.app.drain import Drain
from infoshare_widgets.app.handlers import Limits, PageHandler, busy_reason
from infoshare_widgets.app.kernel_state import PoolLevel
from infoshare_widgets.app.proxy import client_address, from_this_machine, networks
from infoshare_widgets.app.response_guard import Guarded
from infoshare_widgets.app.visitors import ensure_visitor_token

LOOPBACK = networks(["loopback"])


def started_command(monkeypatch: pytest.MonkeyPatch, argv: list[str],
                    env: dict[str, str] | None = None) -> list[str]:
    started: list[list[str]] = []
    for name in [k for k in __import__("os").environ if k.startswith("INFOSHARE_")]:
        if name != "INFOSHARE_CONTENT":
            monkeypatch.delenv(name)
    for name, value in (env or {}).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(subprocess, "Popen", lambda command, env: started.append(command) or
                        type("P", (), {"wait": lambda self, timeout=None: 0})())
    assert cli.main(["serve", "--no-browser", *argv]) == 0
    return started[0]


def test_loopback_at_the_root_stays_the_default(monkeypatch) -> None:
    command = started_command(monkeypatch, [])
    assert "--Voila.ip=127.0.0.1" in command and "--Voila.base_url=/" in command
    assert "--port=8866" in command
    assert not any("trusted_proxies" in flag for flag in command)


def test_address_prefix_and_proxies_from_arguments_or_environment(monkeypatch) -> None:
    command = started_command(monkeypatch, ["--ip", "0.0.0.0", "--base-url", "infoshare",
                                            "--trusted-proxy", "10.0.0.0/8"])
    assert {"--Voila.ip=0.0.0.0", "--Voila.base_url=/infoshare/",
            "--InfoshareVoila.trusted_proxies=10.0.0.0/8"} <= set(command)
    env = {"INFOSHARE_IP": "0.0.0.0", "INFOSHARE_BASE_URL": "/learn/infoshare/",
           "INFOSHARE_PORT": "9000", "INFOSHARE_TRUSTED_PROXIES": "10.0.0.1, 10.0.0.2",
           "INFOSHARE_MAX_PAGES_PER_CLIENT": "60", "INFOSHARE_DRAIN_SECONDS": "90",
           "INFOSHARE_ALLOW_HOSTS": "training.example.org", "INFOSHARE_METRICS_FROM": "10.9.0.0/16"}
    command = started_command(monkeypatch, [], env)
    assert {"--Voila.ip=0.0.0.0", "--Voila.base_url=/learn/infoshare/", "--port=9000",
            "--InfoshareVoila.trusted_proxies=10.0.0.1",
            "--InfoshareVoila.trusted_proxies=10.0.0.2",
            "--InfoshareVoila.max_pages_per_client=60", "--InfoshareVoila.drain_seconds=90",
            "--InfoshareVoila.allowed_hosts=training.example.org",
            "--InfoshareVoila.metrics_from=10.9.0.0/16"} <= set(command)
    # An argument wins over its variable.
    command = started_command(monkeypatch, ["--port", "9001", "--base-url", "/"], env)
    assert "--port=9001" in command and "--Voila.base_url=/" in command


@pytest.mark.parametrize(("argv", "env"), [
    (["--base-url", "/a/../b/"], {}), (["--base-url", "/<x>/"], {}),
    ([], {"INFOSHARE_PORT": "eighty"}), (["--trusted-proxy", "not-an-address"], {})])
def test_a_bad_setting_is_a_sentence_not_a_server(monkeypatch, capsys, argv, env) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: pytest.fail("started"))
    assert cli.main(["serve", "--no-browser", *argv]) == 2
    assert "infoshare:" in capsys.readouterr().err


def test_base_urls_are_normalised() -> None:
    assert normal_base_url("") == "/" and normal_base_url("/") == "/"
    assert normal_base_url("infoshare") == "/infoshare/"
    assert normal_base_url("/a/b") == "/a/b/"


def test_every_route_is_under_the_prefix(tmp_path: Path, monkeypatch) -> None:
    _, web_app = built_app(tmp_path, monkeypatch, port=18002, base_url="/infoshare/")
    patterns = [pattern for pattern, _ in routes.route_table(web_app)]
    assert len(patterns) >= 13
    assert all(p.startswith("/infoshare/") for p in patterns), patterns
    assert "/infoshare/healthz$" in patterns and "/infoshare/metrics$" in patterns


def test_forwarded_addresses_are_believed_only_from_trusted_proxies() -> None:
    trusted = networks(["127.0.0.1", "10.0.0.0/8"])
    assert client_address("127.0.0.1", "203.0.113.7", trusted) == "203.0.113.7"
    assert client_address("192.0.2.1", "203.0.113.7", trusted) == "192.0.2.1"  # not a proxy
    assert client_address("127.0.0.1", "203.0.113.7", ()) == "127.0.0.1"  # none configured
    # A visitor's own header is to the left of what the proxies added: not believed.
    assert client_address("127.0.0.1", "1.2.3.4, 203.0.113.7, 10.1.1.1", trusted) == \
        "203.0.113.7"
    assert client_address("127.0.0.1", "junk, 10.1.1.1", trusted) == "10.1.1.1"
    direct = SimpleNamespace(remote_ip="127.0.0.1", headers={})
    proxied = SimpleNamespace(remote_ip="127.0.0.1", headers={"X-Forwarded-For": "1.2.3.4"})
    assert from_this_machine(direct) and not from_this_machine(proxied)
    assert not from_this_machine(SimpleNamespace(remote_ip="127.0.0.5", headers={}))


class FakeManager:
    """The kernel manager's declared interface (kernel_state.KernelState), nothing more: what
    it counts is tested on the real manager in test_kernel_manager.py."""

    def __init__(self) -> None:
        self.draining = False
        self.open = 1

    def list_kernel_ids(self) -> list[str]:
        return ["k1", "k2", "p1", "p2", "p3"]

    def visitor_kernels(self) -> int:
        return 2

    def kernels_of_client(self, client: str) -> int:
        return 0

    def connected_kernels(self) -> set[str]:
        return {"k1"}

    def pages_open(self) -> int:
        return self.open

    def pool_levels(self) -> dict[str, PoolLevel]:
        return {"00-start.ipynb": PoolLevel(ready=1, starting=1),
                "01-what-is-it.ipynb": PoolLevel(ready=1, starting=0)}

    def ready_kernels(self, notebook: str | None) -> list:
        return []


def test_metrics_are_prometheus_text(monkeypatch) -> None:
    monkeypatch.setattr(health, "COUNTS", health.Counter())
    for status, is_page in ((200, True), (200, True), (503, True), (500, False), (404, False)):
        handler = (PageHandler.__new__(PageHandler) if is_page else
                   tornado.web.RequestHandler.__new__(tornado.web.RequestHandler))
        handler.get_status = lambda status=status: status  # type: ignore[method-assign]
        health.count_request(handler)
    not_ready = health.HealthHandler.__new__(health.HealthHandler)
    not_ready.get_status = lambda: 503  # type: ignore[method-assign]
    health.count_request(not_ready)
    text = health.metrics_text(FakeManager())
    for line in ("infoshare_kernels_alive 5", "infoshare_visitor_kernels 2",
                 "infoshare_open_pages 1",
                 # ready kernels only (the probe: full pools reported, 22 of 105 missing)
                 'infoshare_pool_kernels{notebook="00-start.ipynb"} 1',
                 'infoshare_pool_starting{notebook="00-start.ipynb"} 1',
                 'infoshare_pool_kernels{notebook="01-what-is-it.ipynb"} 1',
                 'infoshare_pool_starting{notebook="01-what-is-it.ipynb"} 0',
                 "infoshare_page_loads_total 2", "infoshare_busy_refusals_total 1",
                 "infoshare_errors_total 1", "infoshare_draining 0",
                 "# TYPE infoshare_page_loads_total counter"):
        assert line in text.splitlines(), line


def test_sigterm_drains_then_stops_and_a_second_stops_at_once() -> None:
    manager = FakeManager()
    now = [0.0]
    drain = Drain(lambda: manager, grace=30, clock=lambda: now[0])
    assert busy_reason(manager, "x", Limits()) is None
    drain.begin()
    drain._timer.stop()  # type: ignore[union-attr]
    assert manager.draining and busy_reason(manager, "x", Limits()) == "the server is stopping"
    now[0] = 10.0
    assert not drain.should_stop()  # a page is still open
    manager.open = 0
    now[0] = 2.0
    assert not drain.should_stop()  # none open, but a page served just before may connect
    now[0] = 10.0
    assert drain.should_stop()  # none open now
    manager.open = 1
    now[0] = 30.0
    assert drain.should_stop()  # the grace is over
    stopped: list[str] = []
    for one in (drain, fresh := Drain(lambda: manager, grace=30)):
        one.stop = lambda: stopped.append("stop")  # type: ignore[method-assign]
        one.begin = lambda: stopped.append("begin")  # type: ignore[method-assign]
    drain.on_signal()
    assert stopped == ["stop"]
    fresh.on_signal()
    assert stopped == ["stop", "begin"]


def test_sigterm_is_taken_on_the_running_loop_with_asyncio_not_from_the_signal() -> None:
    # Tornado 6.4 deprecated IOLoop.add_callback_from_signal (removed in 7.0); asyncio's
    # add_signal_handler runs the handler as a callback on the loop. A SIGTERM before the loop
    # runs is counted and handled when it starts; the first drains, the second stops.
    manager = FakeManager()
    drain = Drain(lambda: manager, grace=30)
    drain.early(signal.SIGTERM, None)
    seen: list[str] = []

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        drain.begin = lambda: seen.append("begin")  # type: ignore[method-assign]
        drain.watch()
        try:
            drain.started = 0.0  # what begin() records: draining now
            drain.stop = lambda: seen.append("stop")  # type: ignore[method-assign]
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(100):
                if len(seen) == 2:
                    break
                await asyncio.sleep(0.01)
        finally:
            loop.remove_signal_handler(signal.SIGTERM)

    if _loop_running():  # Playwright's loop in this thread: asyncio.run() cannot start here
        pytest.skip("an event loop is already running in this thread")
    previous = signal.getsignal(signal.SIGTERM)
    try:
        asyncio.run(serve())
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert seen == ["begin", "stop"] and drain.early_signals == 0


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def test_every_cookie_is_secure_behind_tls_and_only_then() -> None:
    """The probe: ``_xsrf`` and Jupyter's username cookie were not Secure behind TLS."""
    class Cookies(Guarded, tornado.web.RequestHandler):
        def get(self) -> None:
            self.xsrf_token  # noqa: B018 - tornado sets _xsrf
            ensure_visitor_token(self)
            # what Jupyter Server's IdentityProvider.set_login_cookie does for a visitor
            self.set_secure_cookie("username-127-0-0-1-8866", "anonymous", httponly=True)
            self.finish("ok")

    async def cookies(headers: dict[str, str]) -> list[str]:
        app = tornado.web.Application([("/", Cookies)], cookie_secret="x" * 32,
                                      infoshare_trusted_proxies=LOOPBACK)
        sock, port = bind_unused_port()
        server = tornado.httpserver.HTTPServer(app)
        server.add_sockets([sock])
        try:
            response = await AsyncHTTPClient().fetch(f"http://127.0.0.1:{port}/", headers=headers)
            return response.headers.get_list("Set-Cookie")
        finally:
            server.stop()

    result: dict[str, list[str]] = {}

    def run() -> None:
        result["tls"] = asyncio.run(cookies({"X-Forwarded-Proto": "https",
                                             "X-Forwarded-For": "203.0.113.7"}))
        result["plain"] = asyncio.run(cookies({}))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    names = sorted(c.split("=", 1)[0] for c in result["tls"])
    assert names == ["_xsrf", "infoshare_visitor", "username-127-0-0-1-8866"], result
    assert all("; Secure" in cookie for cookie in result["tls"]), result["tls"]
    assert len(result["plain"]) == 3 and not any("Secure" in c for c in result["plain"])
