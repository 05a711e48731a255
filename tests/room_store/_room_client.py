"""A room server in this process (the room routes only, on either store) and simple clients that
speak the room API as the pages do."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from _served import served
from jupyter_server.log import log_request
from tornado import web

from infoshare_widgets.app.proxy import networks
from infoshare_widgets.app.response_guard import DEFAULT_HOSTS, Guarded
from infoshare_widgets.app.room import RoomService, room_routes
from infoshare_widgets.room_store.open_store import open_store
from infoshare_widgets.room_store.rate_limits import RoomLimits, joins_per_address


@contextmanager
def room_server(env: Mapping[str, str], limits: RoomLimits | None = None,
                ) -> Iterator[tuple[str, RoomService]]:
    """``(url, service)`` of a tornado server with the room routes, stopped afterwards. It
    trusts ``X-Forwarded-For`` from this machine, so a test can speak from many addresses."""
    service = RoomService(lambda: open_store(env),
                          limits=limits or RoomLimits.default(joins_per_address(env)))
    def make_app() -> web.Application:
        return web.Application(room_routes("/", Guarded), infoshare_rooms=service,
                               infoshare_hosts=DEFAULT_HOSTS, base_url="/",
                               infoshare_trusted_proxies=networks(["loopback"]),
                               log_function=log_request)  # Jupyter Server's, as in the app

    try:
        with served(make_app) as port:
            yield f"http://127.0.0.1:{port}/", service
    finally:
        service.stop()


def call(url: str, method: str = "GET", body: Any = None,
         headers: Mapping[str, str] | None = None, timeout: float = 30) -> tuple[int, dict]:
    """One request to the room API: (status, JSON)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={
        "X-Infoshare-Room": "1", "Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}")


class Facilitator:
    def __init__(self, base: str) -> None:
        self.base = base
        status, data = call(base + "room/api/rooms", "POST", {})
        assert status == 201, data
        self.secret = data["secret"]

    def view(self, wait: int = -1) -> tuple[int, dict]:
        return call(f"{self.base}room/api/host?wait={wait}",
                    headers={"X-Room-Secret": self.secret})

    def step(self, step: str, question: str | None = None, **more: Any) -> tuple[int, dict]:
        return call(self.base + "room/api/host", "POST",
                    {"step": step, "question": question, **more},
                    headers={"X-Room-Secret": self.secret})


def join(base: str, code: str, address: str = "") -> tuple[int, dict]:
    """A join from `address` (through the trusted proxy), or from this machine."""
    return call(base + "room/api/join", "POST", {"code": code},
                headers={"X-Forwarded-For": address} if address else None)


class Device:
    def __init__(self, base: str, code: str, address: str = "") -> None:
        self.base = base
        status, data = join(base, code, address)
        assert status == 201, data
        self.token, self.number = data["token"], data["number"]

    def follow(self, wait: int = -1) -> tuple[int, dict]:
        return call(f"{self.base}room/api/device?wait={wait}",
                    headers={"X-Room-Device": self.token})

    def answer(self, question: str, options: list[int]) -> tuple[int, dict]:
        return call(self.base + "room/api/device", "POST",
                    {"question": question, "options": options},
                    headers={"X-Room-Device": self.token})
