"""Authors in PostgreSQL (``INFOSHARE_AUTHORS_URL``), for a site where several servers answer:
the same SQL as SQLite, so a session started on one server is known to the others."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg

from ..room_store.connections import ThreadConnections
from .accounts import AuthorStore

SCHEMA_LOCK = 0x1F0525  # pg_advisory_xact_lock key while creating the schema


class PostgresAuthorStore(AuthorStore):
    placeholder = "%s"
    kind = "postgresql"

    def __init__(self, url: str) -> None:
        self._connections: ThreadConnections[psycopg.Connection] = ThreadConnections(
            lambda: psycopg.connect(url, autocommit=False, application_name="infoshare-authors"),
            usable=lambda conn: not (conn.closed or conn.broken))
        self.create_schema()

    def create_schema(self) -> None:
        with self._transaction() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        super().create_schema()

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        conn = self._connections.get()
        with conn.transaction(), conn.cursor() as cur:
            yield cur

    def close(self) -> None:
        self._connections.close()
