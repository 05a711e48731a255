"""Who gets into a room (issue 27): joins limited per address (a venue behind one address still
joins) and per room, the facilitator locks the room and removes devices (one in-process server
per test, SQLite)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from _room_client import Device, Facilitator, join, room_server

from infoshare_widgets.room_store.rate_limits import JOINS_PER_ADDRESS, JOINS_VARIABLE

VENUE = 60


def test_a_venue_behind_one_address_joins_and_a_flood_from_it_stops(tmp_path: Path) -> None:
    """Probe (issue 27): 300 devices added from one address in 46 s."""
    with room_server({"INFOSHARE_DATA_DIR": str(tmp_path)}) as (server, _), \
            ThreadPoolExecutor(8) as pool:
        code = Facilitator(server).view()[1]["code"]
        replies = list(pool.map(lambda _: join(server, code, "192.0.2.1"), range(VENUE)))
        assert [status for status, _ in replies] == [201] * VENUE
        more = [join(server, code, "192.0.2.1")[0] for _ in range(JOINS_PER_ADDRESS - VENUE + 5)]
        assert more.count(201) <= JOINS_PER_ADDRESS - VENUE + 1 and more[-1] == 429
        assert join(server, code, "192.0.2.2")[0] == 201  # another address is not held up


def test_a_room_of_sixty_from_many_addresses(tmp_path: Path) -> None:
    with room_server({"INFOSHARE_DATA_DIR": str(tmp_path)}) as (server, _), \
            ThreadPoolExecutor(8) as pool:
        host = Facilitator(server)
        code = host.view()[1]["code"]
        devices = list(pool.map(lambda i: Device(server, code, f"10.1.0.{i + 1}"), range(VENUE)))
        assert sorted(d.number for d in devices) == list(range(1, VENUE + 1))
        assert host.view()[1]["devices"] == VENUE


def test_joins_per_address_can_be_raised_or_lowered(tmp_path: Path) -> None:
    env = {"INFOSHARE_DATA_DIR": str(tmp_path), JOINS_VARIABLE: "3"}
    with room_server(env) as (server, _):
        code = Facilitator(server).view()[1]["code"]
        assert [join(server, code, "192.0.2.1")[0] for _ in range(4)] == [201] * 3 + [429]


def test_the_facilitator_locks_the_room_and_removes_a_device(tmp_path: Path) -> None:
    """Probe (issue 27): whoever saw the code could add devices; nobody could take one out."""
    with room_server({"INFOSHARE_DATA_DIR": str(tmp_path)}) as (server, _):
        host = Facilitator(server)
        first = host.view()[1]
        assert first["locked"] is False
        question = next(q["id"] for q in first["questions"] if q["id"].startswith("quiz."))
        stay, go = Device(server, first["code"]), Device(server, first["code"])
        status, view = host.step("lock", locked=True)
        assert status == 200 and view["locked"] is True
        assert join(server, first["code"]) == (403, {"error": "room_locked"})
        host.step("ask", question)
        assert go.answer(question, [0])[0] == 200 and stay.answer(question, [1])[0] == 200
        status, view = host.step("remove", device=go.number)
        assert status == 200 and view["devices"] == 1 and view["answered"] == 1
        assert go.follow() == (410, {"error": "room_removed_device"})
        assert go.answer(question, [0])[0] == 410
        assert stay.follow()[0] == 200
        assert host.step("remove", device=go.number) == (409, {"error": "room_no_such_device"})
        for odd in ("1", True, 0, -1, None, 2**40):
            assert host.step("remove", device=odd)[0] == 400, odd
        assert host.step("lock", locked="yes")[0] == 400
        assert host.step("lock", locked=False)[1]["locked"] is False
        assert join(server, first["code"])[0] == 201


def test_a_removed_device_is_told_so_until_the_room_ends(store_env: dict[str, str]) -> None:
    """Review finding 4: a removed phone was told "This room has ended". Its token is marked
    removed (a digest, no person), answered 410 even in a long poll, and the mark goes with the
    room. On both stores."""
    with room_server(store_env) as (server, service), ThreadPoolExecutor(1) as pool:
        host = Facilitator(server)
        first = host.view()[1]
        question = next(q["id"] for q in first["questions"] if q["id"].startswith("quiz."))
        stay, go = Device(server, first["code"]), Device(server, first["code"])
        host.step("ask", question)
        stage = go.follow()[1]["stage"]
        waiting = pool.submit(go.follow, stage)  # a long poll open while it is removed
        assert host.step("remove", device=go.number)[0] == 200
        host.step("close")  # the next step ends every device's wait
        assert waiting.result() == (410, {"error": "room_removed_device"})
        assert go.answer(question, [0]) == (410, {"error": "room_removed_device"})
        assert stay.follow()[0] == 200 and host.view()[1]["devices"] == 1
        marked = [row for table, row in service.store.dump()
                  if table == "infoshare_room_devices"]
        assert len(marked) == 2 and not any(go.token in map(str, row) for row in marked)
        assert host.step("end")[0] == 200
        assert go.follow() == (404, {"error": "room_ended"})
        assert not [row for table, row in service.store.dump()
                    if table == "infoshare_room_devices"]
