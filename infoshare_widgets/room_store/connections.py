"""A database connection per thread (SQLite and PostgreSQL), and SQLite's write transaction, for
every store of ours (rooms, authors)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


@contextmanager
def sqlite_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Cursor]:
    """A write transaction taken at its start (BEGIN IMMEDIATE: no lock upgrade to fail half
    way), committed, or rolled back on any error; for every SQLite store."""
    cur = conn.cursor()
    cur.execute("BEGIN IMMEDIATE")
    try:
        yield cur
    except BaseException:
        conn.rollback()
        raise
    else:
        conn.commit()
    finally:
        cur.close()
