"""The author area served in the test's own process (no Voila, no browser), for the builders'
tests: cheap password hashes, the area on a free port with its own overlay, an author signed in
with a role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _author_support import AuthorClient, author_app
from _served import served
from argon2 import PasswordHasher

from infoshare_widgets.author_store import passwords
from infoshare_widgets.author_store.author_sqlite import SqliteAuthorStore

PASSWORD = "correct horse battery staple"


@pytest.fixture
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "HASHER", PasswordHasher(time_cost=1, memory_cost=64,
                                                            parallelism=1))
    monkeypatch.setattr(passwords, "_DUMMY", [])


@pytest.fixture
def area(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cheap_hashes: None
         ) -> Iterator[tuple[str, SqliteAuthorStore, Path]]:
    """(the area's address, its account store, the folder holding both and the overlay)."""
    monkeypatch.setenv("INFOSHARE_OVERLAY", str(tmp_path / "published"))
    monkeypatch.delenv("INFOSHARE_CONTENT", raising=False)
    with served(lambda: author_app(tmp_path)) as port:
        yield f"http://127.0.0.1:{port}", SqliteAuthorStore(tmp_path), tmp_path


def as_role(area: tuple[str, SqliteAuthorStore, Path], name: str, role: str) -> AuthorClient:
    """A client signed in as a new account `name` with `role`."""
    url, store, _ = area
    client = AuthorClient(url)
    client.set_password(f"/author/set-password?token={store.add_account(name, role)}", PASSWORD)
    assert client.sign_in(name, PASSWORD).status_code == 303
    return client
