"""Both room stores under test: SQLite in a temporary folder, and the session's PostgreSQL
(tests/conftest.py: Debian's, started on loopback; the PostgreSQL cases skip without it and say
what to install)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from infoshare_widgets.room_store.store import RoomStore


def _clear(store: RoomStore) -> None:
    with store._transaction() as cur:
        for table in ("infoshare_room_answers", "infoshare_room_devices", "infoshare_room_asked",
                      "infoshare_room_tallies", "infoshare_rooms"):
            cur.execute(f"DELETE FROM {table}")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_env(request: pytest.FixtureRequest, tmp_path: Path) -> dict[str, str]:
    """The environment that names each store (an empty PostgreSQL database each time)."""
    if request.param == "sqlite":
        return {"INFOSHARE_DATA_DIR": str(tmp_path / "data")}
    url = request.getfixturevalue("postgres_url")
    from infoshare_widgets.room_store.postgres_store import PostgresRoomStore
    store = PostgresRoomStore(url)
    _clear(store)
    store.close()
    return {"INFOSHARE_ROOMS_URL": url}


@pytest.fixture
def store(store_env: dict[str, str]) -> Iterator[RoomStore]:
    from infoshare_widgets.room_store.open_store import open_store
    opened = open_store(store_env)
    try:
        yield opened
    finally:
        opened.close()
