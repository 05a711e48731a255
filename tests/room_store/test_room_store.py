"""The room store, on SQLite and on PostgreSQL: what it keeps, what it refuses, what it deletes."""

from __future__ import annotations

import time

import pytest

from infoshare_widgets.room_store.codes import ALPHABET, digest, new_code, normal_code
from infoshare_widgets.room_store.rate_limits import RateLimit
from infoshare_widgets.room_store.store import RoomFull, RoomLocked, RoomStore


def test_a_room_counts_each_device_once_and_its_change_once(store: RoomStore) -> None:
    new = store.create_room()
    room = new.room
    assert store.room_by_secret(new.secret) == room
    assert store.room_by_code(room.code) == room
    tokens = [store.join(room.id)[0] for _ in range(3)]
    store.step(room.id, "open", "quiz.q.one")
    for token in tokens:
        assert store.answer(room.id, token, "quiz.q.one", [0])[0] == "ok"
    assert store.answer(room.id, tokens[0], "quiz.q.one", [1])[0] == "ok"  # a change
    assert store.answer(room.id, tokens[0], "quiz.q.one", [1])[0] == "ok"  # sent twice
    assert store.counts(room.id, "quiz.q.one") == ({0: 2, 1: 1}, 3)
    assert store.chosen(room.id, tokens[0], "quiz.q.one") == [1]


def test_a_closed_vote_and_another_question_refuse(store: RoomStore) -> None:
    room = store.create_room().room
    token = store.join(room.id)[0]
    assert store.answer(room.id, token, "q", [0])[0] == "closed"  # nothing asked yet
    store.step(room.id, "open", "q")
    assert store.answer(room.id, token, "other", [0])[0] == "closed"
    store.step(room.id, "closed")
    assert store.answer(room.id, token, "q", [0])[0] == "closed"
    assert store.counts(room.id, "q") == ({}, 0)


def test_an_ended_room_leaves_no_rows(store: RoomStore) -> None:
    kept = store.create_room().room
    room = store.create_room().room
    token = store.join(room.id)[0]
    store.step(room.id, "open", "q")
    store.answer(room.id, token, "q", [1])
    store.end(room.id)
    assert store.room_of_device(token) is None
    assert store.answer(room.id, token, "q", [0])[0] == "gone"
    assert all(room.id not in row for _, row in store.dump())
    assert [row for table, row in store.dump() if table == "infoshare_rooms"][0][0] == kept.id


def test_rooms_past_their_time_are_deleted(store: RoomStore) -> None:
    room = store.create_room(now=time.time() - store.room_seconds - 1).room
    token = store.join(room.id)[0]
    assert store.room_by_code(room.code) is None  # expired: not found even before the purge
    assert store.purge() == 1
    assert store.dump() == []
    assert store.room_of_device(token) is None


def test_the_store_holds_no_secret_token_or_free_text(store: RoomStore) -> None:
    new = store.create_room()
    token = store.join(new.room.id)[0]
    store.step(new.room.id, "open", "quiz.q.one")
    store.answer(new.room.id, token, "quiz.q.one", [2])
    text = repr(store.dump())
    assert new.secret not in text and token not in text
    assert digest(new.secret) in text and digest(token) in text
    for table, row in store.dump():
        assert all(isinstance(v, int | float) or v is None or v in (
            new.room.id, new.room.code, digest(new.secret), digest(token), "quiz.q.one",
            "open") for v in row), (table, row)


def test_a_room_takes_at_most_its_devices(store: RoomStore) -> None:
    store.max_devices = 3
    room = store.create_room().room
    for _ in range(3):
        store.join(room.id)
    with pytest.raises(RoomFull):
        store.join(room.id)


def test_codes_are_readable_and_typing_is_forgiven() -> None:
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(c) == 9 and c[4] == "-" and set(c) - {"-"} <= set(ALPHABET) for c in codes)
    code = next(iter(codes))
    assert normal_code(f" {code.lower().replace('-', ' ')} ") == code
    assert normal_code("OOOO-0000") is None and normal_code("ABC") is None


def test_a_rate_limit_allows_its_burst_then_its_rate() -> None:
    limit = RateLimit(capacity=5, per_second=1)
    assert [limit.allow("d", now=100.0) for _ in range(6)] == [True] * 5 + [False]
    assert limit.allow("d", now=101.0) and not limit.allow("d", now=101.1)
    assert limit.allow("other", now=101.1)


def test_an_ended_room_leaves_no_trace_in_the_sqlite_files(tmp_path) -> None:
    """Not only no rows: its code and digests are overwritten in the file and its log."""
    from infoshare_widgets.room_store.sqlite_store import SqliteRoomStore

    store = SqliteRoomStore(tmp_path)
    try:
        new = store.create_room()
        token = store.join(new.room.id)[0]
        store.step(new.room.id, "open", "quiz.q.one")
        store.answer(new.room.id, token, "quiz.q.one", [1])
        traces = [new.room.code, digest(token), digest(new.secret)]
        files = lambda: b"".join(p.read_bytes() for p in tmp_path.iterdir())  # noqa: E731
        assert all(t.encode() in files() for t in traces[:1])
        store.end(new.room.id)
        assert not [t for t in traces if t.encode() in files()]
    finally:
        store.close()


def test_the_default_store_is_sqlite_in_the_data_folder(tmp_path, monkeypatch) -> None:
    from infoshare_widgets.room_store.open_store import open_store

    monkeypatch.chdir(tmp_path)
    store = open_store({})
    try:
        assert store.kind == "sqlite" and (tmp_path / "data" / "rooms.sqlite3").is_file()
        mode = store._connection().execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
    finally:
        store.close()
    with pytest.raises(ValueError, match="postgresql://"):
        open_store({"INFOSHARE_ROOMS_URL": "mysql://x"})


def test_a_locked_room_takes_no_device_and_a_removed_one_leaves_its_answers(
        store: RoomStore) -> None:
    room = store.create_room().room
    (one, first), (two, second) = store.join(room.id), store.join(room.id)
    assert (first, second) == (1, 2)
    store.step(room.id, "open", "q")
    store.answer(room.id, one, "q", [0])
    store.answer(room.id, two, "q", [1])
    store.lock(room.id, True)
    assert store.room_by_id(room.id).locked
    with pytest.raises(RoomLocked):
        store.join(room.id)
    assert store.remove(room.id, 2) is not None
    assert store.remove(room.id, 2) is None and store.remove(room.id, 9) is None
    assert store.room_of_device(two) is None and store.room_of_device(one) is not None
    assert store.was_removed(two) and not store.was_removed(one) and store.devices(room.id) == 1
    assert store.counts(room.id, "q") == ({0: 1}, 1)
    store.lock(room.id, False)
    assert not store.room_by_id(room.id).locked
    assert store.join(room.id)[1] == 3  # numbers are never given twice


def test_a_store_made_before_lock_and_numbers_gains_them(tmp_path) -> None:
    import sqlite3

    from infoshare_widgets.room_store.schema import ADDED
    from infoshare_widgets.room_store.sqlite_store import FILE_NAME, SqliteRoomStore

    old = sqlite3.connect(tmp_path / FILE_NAME)
    old.executescript(
        "CREATE TABLE infoshare_rooms (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, secret "
        "TEXT NOT NULL UNIQUE, expires DOUBLE PRECISION NOT NULL, question TEXT, phase TEXT NOT "
        "NULL, version BIGINT NOT NULL, stage BIGINT NOT NULL);"
        "CREATE TABLE infoshare_room_devices (device TEXT PRIMARY KEY, room TEXT NOT NULL);")
    old.close()
    store = SqliteRoomStore(tmp_path)
    try:
        for table, column, _kind in ADDED:
            columns = [r[1] for r in store._connection().execute(f"PRAGMA table_info({table})")]
            assert column in columns
        room = store.create_room().room
        assert store.join(room.id)[1] == 1
    finally:
        store.close()


def test_a_join_is_a_change_the_facilitator_s_page_wakes_for(store: RoomStore) -> None:
    """Its count of devices followed only when its long poll timed out (about 20 s; issue 24's
    three-phone test found it): a join changes the room's version, not its stage."""
    room = store.create_room().room
    before = store.changes([room.id])[room.id]
    store.join(room.id)
    after = store.changes([room.id])[room.id]
    assert after[0] > before[0] and after[1] == before[1]
