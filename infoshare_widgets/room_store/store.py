"""What a room keeps, and the one set of SQL both stores run (SQLite and PostgreSQL).

Five tables, nothing else: a room (its code, the digest of the facilitator's secret, the question
on screen, the phase of the vote, whether it is locked, counters that say something changed, when
it expires); the devices that joined it (the digest of each device's random token, its number in
the room, whether it was removed: then its answers are gone); the answers (question id, option
id, device digest); the questions asked, in order (for the session's results: no device in it);
and a confidence question's counts once its vote is over (:mod:`.tallies`: no device in them, so
its before and after answers are never paired). No name, no free text, no network address is
ever written. Ending a room, or its expiry, deletes its rows from all five tables.

Subclasses give a connection per thread (:class:`.connections.ThreadConnections`), a transaction
(:meth:`RoomStore._transaction`) and, on PostgreSQL, a notification for each change.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from contextlib import AbstractContextManager
from functools import partial
from typing import Any

from .codes import digest, new_code, new_secret, new_token
from .model import NewRoom, Room, RoomFull, RoomLocked
from .schema import PHASES, SCHEMA, TABLES, add_columns
from .tallies import count, fold

ROOM_HOURS = 4.0  # a room and its answers are deleted this long after it started, at the latest
MAX_DEVICES = 300  # devices one room accepts: the most answers a question can get


class RoomStore:
    """The room operations; a subclass supplies connections and transactions."""

    placeholder = "?"
    lock_clause = ""  # "FOR UPDATE" where the database has it
    max_devices = MAX_DEVICES
    room_seconds = ROOM_HOURS * 3600

    # -- supplied by a subclass ----------------------------------------------------------------
    def _transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _notify(self, cur: Any, room: str, version: int, stage: int) -> None:
        """Tell other servers a room changed (PostgreSQL); nothing by default."""

    def close(self) -> None:
        """Close connections."""

    # -- helpers -------------------------------------------------------------------------------
    def _run(self, cur: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        cur.execute(sql.replace("?", self.placeholder), tuple(params))
        return cur

    def _schema_lock(self, cur: Any) -> None:
        """Keep two servers from creating the schema at once (PostgreSQL)."""

    def create_schema(self) -> None:
        with self._transaction() as cur:
            self._schema_lock(cur)
            for statement in SCHEMA:
                self._run(cur, statement)
            add_columns(lambda sql: self._run(cur, sql))

    _ROOM = ("SELECT id, code, question, phase, version, stage, expires, locked = 1 "
             "FROM infoshare_rooms")
    _DEVICES = "SELECT COUNT(*) FROM infoshare_room_devices WHERE room = ? AND removed = 0"

    def _bump(self, cur: Any, room: str, stage: bool = False) -> tuple[int, int]:
        extra = ", stage = stage + 1" if stage else ""
        row = self._run(cur, f"UPDATE infoshare_rooms SET version = version + 1{extra} "
                             "WHERE id = ? RETURNING version, stage", (room,)).fetchone()
        self._notify(cur, room, int(row[0]), int(row[1]))
        return int(row[0]), int(row[1])

    # -- rooms ---------------------------------------------------------------------------------
    def create_room(self, now: float | None = None) -> NewRoom:
        now = time.time() if now is None else now
        secret = new_secret()
        for _ in range(20):  # a clash of codes is rare (see codes.py); try another
            code = new_code()
            with self._transaction() as cur:
                if self._run(cur, "SELECT 1 FROM infoshare_rooms WHERE code = ?",
                             (code,)).fetchone():
                    continue
                room = Room(new_token(), code, None, "idle", 0, 0, now + self.room_seconds)
                self._run(cur, "INSERT INTO infoshare_rooms (id, code, secret, expires, "
                               "question, phase, version, stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          (room.id, code, digest(secret), room.expires, None, "idle", 0, 0))
                return NewRoom(room, secret)
        raise RuntimeError("no free room code")

    def _one_room(self, where: str, value: str, now: float | None) -> Room | None:
        now = time.time() if now is None else now
        with self._transaction() as cur:
            row = self._run(cur, f"{self._ROOM} WHERE {where} AND expires > ?",
                            (value, now)).fetchone()
        return Room(*row) if row else None

    def room_by_secret(self, secret: str, now: float | None = None) -> Room | None:
        return self._one_room("secret = ?", digest(secret), now)

    def room_by_code(self, code: str, now: float | None = None) -> Room | None:
        return self._one_room("code = ?", code, now)

    def room_by_id(self, room: str, now: float | None = None) -> Room | None:
        return self._one_room("id = ?", room, now)

    def room_of_device(self, token: str, now: float | None = None) -> Room | None:
        return self._one_room("id = (SELECT room FROM infoshare_room_devices WHERE device = ? "
                              "AND removed = 0)", digest(token), now)

    def was_removed(self, token: str) -> bool:
        """Whether the facilitator removed this device (its phone is told so, not "ended")."""
        with self._transaction() as cur:
            row = self._run(cur, "SELECT removed FROM infoshare_room_devices WHERE device = ?",
                            (digest(token),)).fetchone()
        return bool(row and row[0])

    def join(self, room: str) -> tuple[str, int]:
        """A new device's token and number (shown on its page, so the facilitator can remove
        it); :class:`RoomFull` at :attr:`max_devices`, :class:`RoomLocked` once locked."""
        token = new_token()
        with self._transaction() as cur:
            row = self._run(cur, "SELECT locked FROM infoshare_rooms WHERE id = ? "
                                 f"{self.lock_clause}", (room,)).fetchone()
            if row is not None and row[0]:
                raise RoomLocked(room)
            count = self._run(cur, self._DEVICES, (room,)).fetchone()[0]
            if count >= self.max_devices:
                raise RoomFull(room)
            number = int(self._run(cur, "UPDATE infoshare_rooms SET joined = joined + 1 WHERE "
                                        "id = ? RETURNING joined", (room,)).fetchone()[0])
            self._run(cur, "INSERT INTO infoshare_room_devices (device, room, number) "
                           "VALUES (?, ?, ?)", (digest(token), room, number))
            self._bump(cur, room)  # the facilitator's count of devices follows at once
        return token, number

    def lock(self, room: str, locked: bool) -> tuple[int, int]:
        """The facilitator locks the room (no device joins) or opens it again."""
        with self._transaction() as cur:
            self._run(cur, "UPDATE infoshare_rooms SET locked = ? WHERE id = ?",
                      (1 if locked else 0, room))
            return self._bump(cur, room)

    def remove(self, room: str, number: int) -> tuple[int, int] | None:
        """Remove device `number` and its answers (its token opens nothing any more, and is
        marked removed so its phone can say so); None when the room has no such device."""
        with self._transaction() as cur:
            row = self._run(cur, "SELECT device FROM infoshare_room_devices WHERE room = ? AND "
                                 "number = ? AND removed = 0", (room, number)).fetchone()
            if row is None:
                return None
            self._run(cur, "DELETE FROM infoshare_room_answers WHERE room = ? AND device = ?",
                      (room, row[0]))
            self._run(cur, "UPDATE infoshare_room_devices SET removed = 1 WHERE room = ? AND "
                           "device = ?", (room, row[0]))
            return self._bump(cur, room)

    def step(self, room: str, phase: str, question: str | None = None) -> tuple[int, int]:
        """The facilitator's step: ask `question` (phase ``open``; asked again, it is counted
        anew), close or reveal; a confidence question's answers become counts (.tallies)."""
        assert phase in PHASES
        with self._transaction() as cur:
            if phase == "open":
                for table in ("infoshare_room_answers", "infoshare_room_tallies"):
                    self._run(cur, f"DELETE FROM {table} WHERE room = ? AND question = ?",
                              (room, question))
                self._run(cur, "INSERT INTO infoshare_room_asked SELECT ?, ?, COUNT(*) FROM "
                               "infoshare_room_asked WHERE room = ? ON CONFLICT DO NOTHING",
                          (room, question, room))  # its first place kept (session_results.py)
                self._run(cur, "UPDATE infoshare_rooms SET phase = ?, question = ? WHERE id = ?",
                          (phase, question, room))
            else:
                self._run(cur, "UPDATE infoshare_rooms SET phase = ? WHERE id = ?", (phase, room))
            fold(partial(self._run, cur), room, question if phase == "open" else None)
            return self._bump(cur, room, stage=True)

    def answer(self, room: str, token: str, question: str,
               options: Sequence[int]) -> tuple[str, tuple[int, int] | None]:
        """Record a device's answer (replacing its earlier one): ``("ok", (version, stage))``,
        ``("closed", None)`` when this question is not open, ``("gone", None)``."""
        device = digest(token)
        with self._transaction() as cur:
            row = self._run(cur, "SELECT phase, question FROM infoshare_rooms WHERE id = ? "
                                 f"AND expires > ? {self.lock_clause}",
                            (room, time.time())).fetchone()
            if row is None:
                return "gone", None
            if row[0] != "open" or row[1] != question:
                return "closed", None
            self._run(cur, "DELETE FROM infoshare_room_answers WHERE room = ? AND question = ? "
                           "AND device = ?", (room, question, device))
            for option in sorted(set(options)):
                self._run(cur, "INSERT INTO infoshare_room_answers VALUES (?, ?, ?, ?)",
                          (room, question, device, int(option)))
            return "ok", self._bump(cur, room)

    def counts(self, room: str, question: str) -> tuple[dict[int, int], int]:
        """Devices per option, and devices that answered (:func:`.tallies.count`)."""
        with self._transaction() as cur:
            counts, totals = count(partial(self._run, cur), room, question)
        return counts.get(question, {}), totals.get(question, 0)

    def chosen(self, room: str, token: str, question: str) -> list[int]:
        with self._transaction() as cur:
            rows = self._run(cur, "SELECT option FROM infoshare_room_answers WHERE room = ? AND "
                                  "question = ? AND device = ? ORDER BY option",
                             (room, question, digest(token))).fetchall()
        return [int(r[0]) for r in rows]

    def devices(self, room: str) -> int:
        with self._transaction() as cur:
            return int(self._run(cur, self._DEVICES, (room,)).fetchone()[0])

    def _delete(self, cur: Any, where_room: str, params: Sequence[Any]) -> int:
        for table in TABLES[1:]:  # every table but the rooms'
            self._run(cur, f"DELETE FROM {table} WHERE room IN ({where_room})", params)
        return self._run(cur, f"DELETE FROM infoshare_rooms WHERE id IN ({where_room})",
                         params).rowcount

    def end(self, room: str) -> None:
        """The facilitator ends the room: every row of it goes."""
        with self._transaction() as cur:
            self._delete(cur, "?", (room,))
            self._notify(cur, room, -1, -1)

    def purge(self, now: float | None = None) -> int:
        """Delete rooms past their time; how many went."""
        now = time.time() if now is None else now
        with self._transaction() as cur:
            return self._delete(cur, "SELECT id FROM infoshare_rooms WHERE expires <= ?", (now,))

    def changes(self, rooms: Sequence[str]) -> dict[str, tuple[int, int]]:
        """(version, stage) of each room still there (the short poll on SQLite)."""
        if not rooms:
            return {}
        marks = ", ".join("?" for _ in rooms)
        with self._transaction() as cur:
            rows = self._run(cur, "SELECT id, version, stage FROM infoshare_rooms WHERE id IN "
                                  f"({marks})", list(rooms)).fetchall()
        return {r[0]: (int(r[1]), int(r[2])) for r in rows}

    def dump(self) -> list[tuple[str, tuple[Any, ...]]]:
        """Every row of every table (for tests that read the store)."""
        with self._transaction() as cur:
            return [(table, tuple(r)) for table in TABLES
                    for r in self._run(cur, f"SELECT * FROM {table}").fetchall()]
