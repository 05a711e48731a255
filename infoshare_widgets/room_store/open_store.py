"""Which store a server uses: PostgreSQL when ``INFOSHARE_ROOMS_URL`` names one, else SQLite in
the data folder (``INFOSHARE_DATA_DIR``, default ``./data``): ``make serve`` needs nothing more.

The address carries the database's password, so a deployment gives it in a file instead
(``INFOSHARE_ROOMS_URL_FILE``: a systemd credential, a Kubernetes Secret volume): a variable
stays readable in the process's ``/proc/<pid>/environ`` by every process of its user, kernels
included, however early it is taken out of ``os.environ``."""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping
from pathlib import Path

from .store import RoomStore

URL_VARIABLE = "INFOSHARE_ROOMS_URL"
URL_FILE_VARIABLE = "INFOSHARE_ROOMS_URL_FILE"
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


def url_from_file(environ: MutableMapping[str, str]) -> str:
    """The address in the file ``INFOSHARE_ROOMS_URL_FILE`` names ("" when none is named), the
    variable taken out of `environ` (the server calls this before any kernel starts)."""
    name = environ.pop(URL_FILE_VARIABLE, "").strip()
    if not name:
        return ""
    try:
        return Path(name).read_text(encoding="utf-8").strip()
    except OSError as err:
        raise SystemExit(f"infoshare: {URL_FILE_VARIABLE}: cannot read {name}: "
                         f"{err.strerror or err}") from err
