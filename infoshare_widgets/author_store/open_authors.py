"""Which author store: PostgreSQL when ``INFOSHARE_AUTHORS_URL`` (or the file
``INFOSHARE_AUTHORS_URL_FILE`` names) gives one, else SQLite in the data folder
(``INFOSHARE_DATA_DIR``, default ``./data``). The address carries a password: the server takes
it out of its environment before any kernel starts (``app/author/author_secrets.py``)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from ..room_store.open_store import data_folder
from .accounts import AuthorStore

URL_VARIABLE = "INFOSHARE_AUTHORS_URL"
URL_FILE_VARIABLE = "INFOSHARE_AUTHORS_URL_FILE"


def open_author_store(env: Mapping[str, str] | None = None, url: str = "") -> AuthorStore:
    """The store `url` (else the environment) names, its schema created."""
    env = os.environ if env is None else env
    url = url or env.get(URL_VARIABLE, "").strip()
    if url:
        if not url.startswith(("postgresql://", "postgres://")):
            raise ValueError(f"{URL_VARIABLE} must be a postgresql:// address")
        from .author_postgres import PostgresAuthorStore
        return PostgresAuthorStore(url)
    from .author_sqlite import SqliteAuthorStore
    return SqliteAuthorStore(data_folder(env))
