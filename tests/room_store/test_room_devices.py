"""A facilitator and 30 simulated devices on one server, on each store: every answer counted once,
changes counted once, the counts at the facilitator within 2 s, a closed vote refused, wrong and
guessed codes refused plainly, nothing but ids and digests in the store, no rows once ended."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from _room_client import Device, Facilitator, call, room_server
from _room_watch import Watching

from infoshare_widgets.room_store.codes import digest, new_code
from infoshare_widgets.room_store.open_store import open_store

DEVICES = 30
DELIVERY_SECONDS = 2.0


def test_thirty_devices_on_one_server(store_env: dict[str, str]) -> None:
    with room_server(store_env) as (base, _service), ThreadPoolExecutor(DEVICES) as pool:
        host = Facilitator(base)
        status, first = host.view()
        assert status == 200 and first["phase"] == "idle" and first["qr"].startswith("data:")
        question = next(q["id"] for q in first["questions"] if q["id"].startswith("quiz."))
        devices = list(pool.map(lambda _: Device(base, first["code"].lower()), range(DEVICES)))

        # a wrong code and a guessed one: the same plain refusal
        for code in ("NOPE", new_code()):
            assert call(base + "room/api/join", "POST", {"code": code}) == (
                404, {"error": "room_no_such_code"})

        status, asked = host.step("ask", question)
        assert status == 200 and asked["phase"] == "open" and asked["devices"] == DEVICES
        views = list(pool.map(lambda d: d.follow()[1], devices))
        assert all(v["question"]["id"] == question and v["chosen"] == [] for v in views)
        assert all("reveal" in v and v["reveal"] is None for v in views)  # no answer leaked
        options = len(views[0]["question"]["options"])

        watching = Watching(host.view, asked["version"])
        watching.start()
        answers = [i % options for i in range(DEVICES)]
        pairs = zip(devices, answers, strict=True)
        replies = list(pool.map(lambda p: p[0].answer(question, [p[1]]), pairs))
        assert all(r == (200, {"chosen": [a]}) for r, a in zip(replies, answers, strict=True))
        changers = devices[:10]  # ten change their answer (the first one three times)
        assert devices[0].answer(question, [options - 1])[0] == 200
        assert devices[0].answer(question, [0])[0] == 200
        list(pool.map(lambda d: d.answer(question, [options - 1]), changers))
        sent = time.monotonic()
        final = [answers[10:].count(i) for i in range(options)]
        final[options - 1] += len(changers)
        deadline = sent + 5
        while watching.when(final) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        arrived = watching.when(final)
        assert arrived is not None, watching.seen[-1][1].get("counts")
        print(f"counts at the facilitator {arrived - sent:.3f} s after the last answer")
        assert arrived - sent < DELIVERY_SECONDS
        status, view = host.view()
        assert view["counts"] == final and view["answered"] == DEVICES and sum(final) == DEVICES

        # closed: refused; revealed: every device sees the answer and the feedback
        assert host.step("close")[0] == 200
        assert devices[0].answer(question, [0]) == (409, {"error": "room_closed"})
        assert host.step("reveal")[0] == 200
        shown = devices[1].follow(views[1]["stage"])[1]
        assert shown["phase"] == "revealed" and shown["reveal"]["correct"]

        # the store: ids, digests and numbers only (read directly)
        store = open_store(store_env)
        try:
            allowed = {first["code"], question, "revealed", digest(host.secret),
                       *(digest(d.token) for d in devices)}
            rows = store.dump()
            room_id = rows[0][1][0]
            for _table, row in rows:
                assert all(v is None or isinstance(v, int | float) or v in allowed
                           or v == room_id for v in row), row
            assert len([r for t, r in rows if t == "infoshare_room_answers"]) == DEVICES

            watching.stop = True
            assert host.step("end") == (200, {"ended": True})
            assert store.dump() == []
        finally:
            store.close()
        assert devices[2].follow() == (404, {"error": "room_ended"})
        assert host.view() == (404, {"error": "room_ended"})
        watching.join(5)


def test_two_servers_sharing_one_store_push_changes(store_env: dict[str, str]) -> None:
    """Answers sent to one server reach the facilitator on another within 2 s: LISTEN/NOTIFY on
    PostgreSQL, the short poll on SQLite (no nginx here: that is the deployment's test)."""
    with room_server(store_env) as (one, _), room_server(store_env) as (two, _), \
            ThreadPoolExecutor(DEVICES) as pool:
        host = Facilitator(one)
        first = host.view()[1]
        question = next(q["id"] for q in first["questions"] if q["id"].startswith("quiz."))
        devices = list(pool.map(lambda _: Device(two, first["code"]), range(DEVICES)))
        asked = host.step("ask", question)[1]
        followed = devices[0].follow(first["stage"])[1]  # on server two, woken by server one
        assert followed["phase"] == "open" and followed["question"]["id"] == question
        watching = Watching(host.view, asked["version"])
        watching.start()
        replies = list(pool.map(lambda d: d.answer(question, [0]), devices))
        sent = time.monotonic()
        assert all(status == 200 for status, _ in replies)
        final = [DEVICES] + [0] * (len(followed["question"]["options"]) - 1)
        while watching.when(final) is None and time.monotonic() < sent + 5:
            time.sleep(0.05)
        arrived = watching.when(final)
        assert arrived is not None, watching.seen[-1][1].get("counts") if watching.seen else None
        print(f"across two servers: {arrived - sent:.3f} s")
        assert arrived - sent < DELIVERY_SECONDS
        watching.stop = True
        assert host.step("end")[0] == 200
        assert devices[0].follow() == (404, {"error": "room_ended"})
        watching.join(5)
