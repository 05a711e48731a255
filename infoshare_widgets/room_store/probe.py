"""Whether a store can write now (asked by ``/healthz``): a write statement in a transaction that
is then rolled back, so nothing changes. A read-only SQLite file or folder, a full disk or a
PostgreSQL in read-only mode each raise the database's own error."""

from __future__ import annotations

from .store import RoomStore


class _RolledBack(Exception):
    """Ends the probe's transaction without committing it."""


def check_writable(store: RoomStore) -> None:
    """Raise unless `store` takes a write now; nothing is changed."""
    try:
        with store._transaction() as cur:
            store._run(cur, "DELETE FROM infoshare_rooms WHERE id = ?", ("",))
            raise _RolledBack
    except _RolledBack:
        pass
