"""Which store a server uses: PostgreSQL when ``INFOSHARE_ROOMS_URL`` names one, else SQLite in
the data folder (``INFOSHARE_DATA_DIR``, default ``./data``): ``make serve`` needs nothing more."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from .store import RoomStore

URL_VARIABLE = "INFOSHARE_ROOMS_URL"
DATA_VARIABLE = "INFOSHARE_DATA_DIR"


def data_folder(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    return Path(env.get(DATA_VARIABLE) or "data").expanduser().resolve()


def open_store(env: Mapping[str, str] | None = None) -> RoomStore:
    """The store this server's environment names, its schema created."""
    env = os.environ if env is None else env
    url = env.get(URL_VARIABLE, "").strip()
    if url:
        if not url.startswith(("postgresql://", "postgres://")):
            raise ValueError(f"{URL_VARIABLE} must be a postgresql:// address")
        from .postgres_store import PostgresRoomStore
        return PostgresRoomStore(url)
    from .sqlite_store import SqliteRoomStore
    return SqliteRoomStore(data_folder(env))
