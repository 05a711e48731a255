"""The embedded store: one SQLite file in WAL mode, for a site served by one server.

Each thread has its own connection (the server runs store calls in a small thread pool); a write
takes the database's write lock at its start (``BEGIN IMMEDIATE``), so two answers never
interleave, and readers are not blocked (WAL). Nothing pushes changes: the server polls
:meth:`~.store.RoomStore.changes` a few times a second (see ``app/room/watch.py``).
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path

from .connections import ThreadConnections, sqlite_transaction
from .store import RoomStore

FILE_NAME = "rooms.sqlite3"


class SqliteRoomStore(RoomStore):
    """Rooms in ``<folder>/rooms.sqlite3`` (the folder is made, readable by its owner only)."""

    kind = "sqlite"
    errors = (sqlite3.Error, OSError)  # faults of the store, not of the request

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = self.folder / FILE_NAME
        self._connections = ThreadConnections(self._connect)
        self.create_schema()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten, not left
        return conn

    def _connection(self) -> sqlite3.Connection:
        return self._connections.get()

    def _transaction(self) -> AbstractContextManager[sqlite3.Cursor]:
        return sqlite_transaction(self._connection())

    def _checkpoint(self) -> None:
        """Copy the write-ahead log into the file and empty it: with ``secure_delete`` the rows
        of an ended room are then gone from both files, not just unreachable."""
        self._connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def step(self, room: str, phase: str, question: str | None = None) -> tuple[int, int]:
        marks = super().step(room, phase, question)
        self._checkpoint()  # a confidence question's folded rows: gone from the log too (.tallies)
        return marks

    def end(self, room: str) -> None:
        super().end(room)
        self._checkpoint()

    def purge(self, now: float | None = None) -> int:
        count = super().purge(now)
        if count:
            self._checkpoint()
        return count

    def close(self) -> None:
        self._connections.close()
