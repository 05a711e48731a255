"""A database connection per thread, for both room stores (SQLite and PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

Connection = TypeVar("Connection")


class ThreadConnections(Generic[Connection]):
    """One database connection per thread (the server runs store calls in a small thread pool,
    and neither driver's connection may be shared between threads mid-transaction); `close`
    closes every one of them."""

    def __init__(self, connect: Callable[[], Connection],
                 usable: Callable[[Connection], bool] = lambda conn: True) -> None:
        self._connect, self._usable = connect, usable
        self._local = threading.local()
        self._all: list[Connection] = []
        self._lock = threading.Lock()

    def get(self) -> Connection:
        """This thread's connection (a new one the first time, or when it is no longer usable)."""
        conn = getattr(self._local, "conn", None)
        if conn is None or not self._usable(conn):
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._all.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                conn.close()  # type: ignore[attr-defined]
            self._all.clear()
        self._local = threading.local()
