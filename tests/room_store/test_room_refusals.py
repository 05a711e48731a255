"""The room API's refusals: plain, and before any work (one in-process server, SQLite):
guessing limited before any lookup, odd JSON, and each refusal counted, not logged."""

from __future__ import annotations

import logging
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from _room_client import Device, Facilitator, call, join, room_server

from infoshare_widgets.app.room.base import REFUSED, NoAddresses
from infoshare_widgets.app.room.service import RoomService
from infoshare_widgets.room_store.rate_limits import RateLimit, RoomLimits

ROOMS = "room/api/"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, RoomService]]:
    with room_server({"INFOSHARE_DATA_DIR": str(tmp_path)}) as started:
        yield started


@pytest.fixture
def server(served: tuple[str, RoomService]) -> str:
    return served[0]


def count_lookups(service: RoomService) -> list[str]:
    """Every code the store is asked for, from now on."""
    assert service.store is not None
    seen: list[str] = []
    lookup = service.store.room_by_code

    def counted(code: str, now: float | None = None) -> object:
        seen.append(code)
        return lookup(code, now)

    service.store.room_by_code = counted  # type: ignore[method-assign]
    return seen


def test_a_change_without_the_room_header_is_refused(server: str) -> None:
    """Another site cannot send the custom header without a preflight this server never grants."""
    request = urllib.request.Request(server + "room/api/rooms", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


def test_wrong_secrets_tokens_and_answers_are_refused(server: str) -> None:
    host = Facilitator(server)
    assert call(server + "room/api/host", headers={"X-Room-Secret": "guess"}) == (
        404, {"error": "room_ended"})
    assert call(server + "room/api/device", headers={"X-Room-Device": "guess"}) == (
        404, {"error": "room_ended"})
    first = host.view()[1]
    question = next(q["id"] for q in first["questions"] if q["id"].startswith("quiz."))
    host.step("ask", question)
    for options in ([], [99], [-1], ["0"], [True], "0"):
        device = Device(server, first["code"])  # a fresh device: each may try 5 at once
        assert device.answer(question, options)[0] == 400, options  # type: ignore[arg-type]
    assert host.step("ask", "no.such.question")[0] == 400
    assert device.answer(question, [0])[0] == 200


def test_guessing_is_limited_before_any_lookup_and_a_right_code_waits_too(
        served: tuple[str, RoomService]) -> None:
    """Probe (issue 27): every guess was looked up and a right one still got a token."""
    server, service = served
    code = Facilitator(server).view()[1]["code"]
    lookups = count_lookups(service)
    burst = int(RoomLimits.default().wrong_code_address.capacity)
    statuses = [join(server, "AAAA-AAAA")[0] for _ in range(burst + 5)]
    assert statuses[:burst] == [404] * burst and set(statuses[burst:]) == {429}
    assert len(lookups) <= burst + 1, len(lookups)  # refused ones were never looked up
    assert join(server, code) == (429, {"error": "room_slow_down"})  # right, and refused
    assert join(server, code, "192.0.2.5")[0] == 201  # another address is not held up


def test_guesses_a_second_from_one_address(served: tuple[str, RoomService]) -> None:
    """Measured: what one address gets looked up once its burst is spent (the docs' number).
    Probe before this change: 939 guesses a second (all looked up)."""
    server, service = served
    Facilitator(server)
    limit = RoomLimits.default().wrong_code_address
    for _ in range(int(limit.capacity)):
        join(server, "AAAA-AAAA")
    lookups = count_lookups(service)
    start = time.monotonic()

    def hammer(_: int) -> int:
        sent = 0
        while time.monotonic() - start < 4.0:
            join(server, "AAAA-AAAA")
            sent += 1
        return sent

    with ThreadPoolExecutor(8) as pool:
        sent = sum(pool.map(hammer, range(8)))
    elapsed = time.monotonic() - start
    rate = len(lookups) / elapsed
    print(f"one address: {sent} guesses in {elapsed:.1f} s, {len(lookups)} looked up: "
          f"{rate:.2f} a second")
    assert len(lookups) <= 1 + limit.per_second * elapsed + 1


def test_guesses_from_every_address_share_the_site_limit(tmp_path: Path) -> None:
    limits = RoomLimits.default()
    limits.wrong_code_all = RateLimit(10, 0.001)
    with room_server({"INFOSHARE_DATA_DIR": str(tmp_path)}, limits) as (server, _service):
        code = Facilitator(server).view()[1]["code"]
        statuses = [join(server, "AAAA-AAAA", f"198.51.100.{i}")[0] for i in range(15)]
        assert statuses == [404] * 10 + [429] * 5
        assert join(server, code, "203.0.113.9") == (429, {"error": "room_slow_down"})


@pytest.mark.parametrize("body", [
    b"[" * 2000 + b"]" * 2000, b'{"code": ' + b"[" * 2000 + b"]" * 2000 + b"}",
    b"[]", b'"x"', b"1", b"null", b"\xff\xfe", b"{"])
@pytest.mark.parametrize("path", ["rooms", "join", "host", "device"])
def test_deep_or_odd_json_is_refused_plainly(server: str, path: str, body: bytes) -> None:
    """Probe (issue 27): 2,000-deep JSON answered 500 with a traceback."""
    headers = {"X-Infoshare-Room": "1", "X-Room-Secret": "x", "X-Room-Device": "x"}
    if path in ("host", "device"):
        host = Facilitator(server)
        headers["X-Room-Secret"] = host.secret
        headers["X-Room-Device"] = Device(server, host.view()[1]["code"]).token
    request = urllib.request.Request(server + ROOMS + path, data=body, method="POST",
                                     headers=headers)
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 400, refused.value.read()
    assert join(server, {"a": [1]}) == (404, {"error": "room_no_such_code"})  # type: ignore


def test_new_rooms_are_limited_per_address(server: str) -> None:
    burst = int(RoomLimits.default().new_room_address.capacity)
    statuses = [call(server + "room/api/rooms", "POST", {})[0] for _ in range(burst + 1)]
    assert statuses == [201] * burst + [429]


def test_one_device_cannot_flood_answers(server: str) -> None:
    host = Facilitator(server)
    first = host.view()[1]
    question = next(q["id"] for q in first["questions"] if q["id"].startswith("quiz."))
    device = Device(server, first["code"])
    host.step("ask", question)
    statuses = [device.answer(question, [0])[0] for _ in range(8)]
    assert statuses[:5] == [200] * 5 and 429 in statuses[5:]


def test_room_access_lines_keep_no_address_and_refusals_are_counted_not_logged(
        server: str, caplog: pytest.LogCaptureFixture) -> None:
    """Probe (issue 27): every refused call wrote a line (668 KB in 20 s of guessing)."""
    code = Facilitator(server).view()[1]["code"]
    before = REFUSED["no_such_code"]
    with caplog.at_level(logging.DEBUG):
        for _ in range(5):
            call(server + "room/api/join", "POST", {"code": "AAAA-AAAA"})
        assert join(server, code)[0] == 201
        deadline = time.monotonic() + 5  # the line is written just after the answer is sent
        while time.monotonic() < deadline and not any(
                "201 POST" in r.getMessage() for r in caplog.records):
            time.sleep(0.02)
    lines = [r.getMessage() for r in caplog.records if "/room" in r.getMessage()]
    assert any("201 POST /room/api/join (@-)" in line for line in lines), lines
    assert not any("404" in line for line in lines), lines
    assert not any("127.0.0.1" in line for line in lines), lines
    assert REFUSED["no_such_code"] == before + 5
    record = logging.LogRecord("x", logging.WARNING, "", 0,
                               "404 POST /room/api/join (@192.0.2.7) 1.20ms", None, None)
    NoAddresses().filter(record)
    assert record.getMessage() == "404 POST /room/api/join (@-) 1.20ms"


def test_refused_room_calls_are_in_the_metrics() -> None:
    from infoshare_widgets.app.health import metrics_text

    class Manager:
        draining = False

        def list_kernel_ids(self) -> list[str]:
            return []

        def visitor_kernels(self) -> int:
            return 0

        def connected_kernels(self) -> list[str]:
            return []

        def pool_levels(self) -> dict:
            return {}

    REFUSED["slow_down"] += 1
    text = metrics_text(Manager())  # type: ignore[arg-type]
    assert "# TYPE infoshare_room_refused_total counter" in text
    assert f'infoshare_room_refused_total{{reason="slow_down"}} {REFUSED["slow_down"]}' in text


def test_the_database_address_is_kept_from_kernels(monkeypatch: pytest.MonkeyPatch) -> None:
    """Kernels inherit the server's environment: the server takes the URL out of it first."""
    import os

    from infoshare_widgets.app.room import service

    monkeypatch.setenv("INFOSHARE_ROOMS_URL", "postgresql://u:secret@127.0.0.1:1/x")
    monkeypatch.setattr(service, "_TAKEN", [])
    service.take_rooms_url()
    assert "INFOSHARE_ROOMS_URL" not in os.environ
    opened: list[dict] = []
    monkeypatch.setattr(service, "open_store", lambda env: opened.append(env))
    service.RoomService.from_environment()._factory()
    assert opened[0]["INFOSHARE_ROOMS_URL"] == "postgresql://u:secret@127.0.0.1:1/x"
