"""The room API's refusals: plain, and before any work (one in-process server, SQLite)."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from _room_client import Device, Facilitator, call, room_server

from infoshare_widgets.app.room.base import NoAddresses
from infoshare_widgets.rooms.limits import RoomLimits


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    with room_server({"INFOSHARE_DATA_DIR": str(tmp_path)}) as (base, _service):
        yield base


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


def test_guessing_codes_is_slowed_down(server: str) -> None:
    burst = int(RoomLimits.default().wrong_code_address.capacity)
    statuses = [call(server + "room/api/join", "POST", {"code": "AAAA-AAAA"})[0]
                for _ in range(burst + 2)]
    assert statuses[:burst] == [404] * burst and statuses[burst:] == [429, 429]


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


def test_room_access_lines_keep_no_address(server: str,
                                           caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        call(server + "room/api/join", "POST", {"code": "AAAA-AAAA"})
        with urllib.request.urlopen(server + "room", timeout=10) as page:
            assert page.status == 200
    lines = [r.getMessage() for r in caplog.records if "/room" in r.getMessage()]
    assert any("404 POST /room/api/join (@-)" in line for line in lines), lines
    assert not any("127.0.0.1" in line for line in lines), lines
    record = logging.LogRecord("x", logging.WARNING, "", 0,
                               "404 POST /room/api/join (@192.0.2.7) 1.20ms", None, None)
    NoAddresses().filter(record)
    assert record.getMessage() == "404 POST /room/api/join (@-) 1.20ms"


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
