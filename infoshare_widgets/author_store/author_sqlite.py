"""Authors in ``<data folder>/authors.sqlite3`` (readable by its owner only), for one server."""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path

from ..room_store.connections import ThreadConnections, sqlite_transaction
from .accounts import AuthorStore

FILE_NAME = "authors.sqlite3"


class SqliteAuthorStore(AuthorStore):
    kind = "sqlite"

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = self.folder / FILE_NAME
        self.path.touch(mode=0o600, exist_ok=True)
        self._connections = ThreadConnections(self._connect)
        self.create_schema()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA secure_delete=ON")  # an ended session's row is overwritten
        return conn

    def _transaction(self) -> AbstractContextManager[sqlite3.Cursor]:
        return sqlite_transaction(self._connections.get())

    def close(self) -> None:
        self._connections.close()
