"""The shared store: PostgreSQL, for a site where several servers answer (``INFOSHARE_ROOMS_URL``).

psycopg 3; a connection per thread of the server's store pool (at most that many connections per
server). The schema is created by the app, under an advisory lock so two servers starting together
do not race. Every change sends ``NOTIFY infoshare_rooms, '<room id> <version> <stage>'`` (the
room's internal random id, never its code), delivered when the change commits; each server
LISTENs (:meth:`PostgresRoomStore.listen`) and wakes the pages waiting on that room.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg

from .connections import ThreadConnections
from .store import RoomStore

log = logging.getLogger(__name__)

CHANNEL = "infoshare_rooms"
SCHEMA_LOCK = 0x1F0517  # pg_advisory_xact_lock key while creating the schema


class PostgresRoomStore(RoomStore):
    placeholder = "%s"
    lock_clause = "FOR UPDATE"
    kind = "postgresql"
    errors = (psycopg.Error, OSError)  # faults of the store, not of the request

    def __init__(self, url: str) -> None:
        self.url = url
        self._connections: ThreadConnections[psycopg.Connection] = ThreadConnections(
            lambda: psycopg.connect(self.url, autocommit=False,
                                    application_name="infoshare-rooms"),
            usable=lambda conn: not (conn.closed or conn.broken))
        self.create_schema()

    def _schema_lock(self, cur: Any) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))

    def _connection(self) -> psycopg.Connection:
        return self._connections.get()

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        conn = self._connection()
        with conn.transaction(), conn.cursor() as cur:
            yield cur

    def _notify(self, cur: Any, room: str, version: int, stage: int) -> None:
        cur.execute("SELECT pg_notify(%s, %s)", (CHANNEL, f"{room} {version} {stage}"))

    def listen(self, changed: Callable[[str, int, int], None], stop: threading.Event) -> None:
        """Call `changed(room, version, stage)` for every notification until `stop` is set
        (run in its own thread; reconnects after an error, logging once per outage)."""
        lost = False
        while not stop.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True,
                                     application_name="infoshare-rooms-listen") as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if lost:
                        log.warning("The rooms' change feed from PostgreSQL is back")
                        lost = False
                    while not stop.is_set():
                        for note in conn.notifies(timeout=0.5):
                            room, version, stage = note.payload.split(" ")
                            changed(room, int(version), int(stage))
            except (psycopg.Error, ValueError):
                if not lost:
                    log.warning("The rooms' change feed from PostgreSQL was lost; reconnecting")
                    lost = True
                stop.wait(1.0)

    def close(self) -> None:
        self._connections.close()
