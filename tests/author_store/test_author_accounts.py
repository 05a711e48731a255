"""The author store and its settings without a server: hashes, links, roles, the allowlist,
and the secrets taken out of the environment."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from infoshare_widgets.app.author import author_config
from infoshare_widgets.app.author.author_config import (
    SsoSettings,
    parse_authors,
    secret,
    sso_settings,
    take_author_secrets,
)
from infoshare_widgets.author_store.accounts import AccountExists
from infoshare_widgets.author_store.author_sqlite import SqliteAuthorStore
from infoshare_widgets.author_store.open_authors import open_author_store
from infoshare_widgets.author_store.passwords import HASHER, hash_password, verify_password


def test_a_password_is_kept_as_an_argon2id_hash_only(tmp_path: Path) -> None:
    stored = hash_password("a long enough password")
    assert stored.startswith("$argon2id$") and "a long enough" not in stored
    assert HASHER.time_cost >= 2 and HASHER.memory_cost >= 19 * 1024  # RFC 9106 / OWASP floor
    assert verify_password(stored, "a long enough password")
    assert not verify_password(stored, "another password") and not verify_password(None, "x")
    store = SqliteAuthorStore(tmp_path)
    token = store.add_account("alice", "author")
    store.use_link(token, stored)
    raw = (tmp_path / "authors.sqlite3").read_bytes()
    assert token.encode() not in raw and b"a long enough" not in raw
    assert (tmp_path / "authors.sqlite3").stat().st_mode & 0o077 == 0


def test_names_roles_and_duplicates_are_checked(tmp_path: Path) -> None:
    store = SqliteAuthorStore(tmp_path)
    store.add_account("alice", "admin")
    with pytest.raises(AccountExists):
        store.add_account("alice", "author")
    for name, role in [("Alice", "author"), ("../x", "author"), ("bob", "owner"), ("", "author")]:
        with pytest.raises(ValueError):
            store.add_account(name, role)
    assert store.count_accounts() == 1


def test_a_new_link_works_once_and_the_old_password_until_then(tmp_path: Path) -> None:
    store = SqliteAuthorStore(tmp_path)
    store.use_link(store.add_account("alice", "author"), "old-hash")
    token = store.new_link("alice")
    assert store.password_of("alice") == ("old-hash", "author")
    assert store.use_link(token, "new-hash") == "alice"
    assert store.use_link(token, "other") is None and store.new_link("nobody") is None


def test_the_allowlist_gives_roles_by_subject_or_verified_email() -> None:
    authors = parse_authors(" email:Alice@Example.org=publisher, sub:abc=admin ,oid:1-2=author")
    settings = SsoSettings("https://idp.example", "client", "", authors)
    assert settings.role_of({"sub": "x", "email": "alice@example.org",
                             "email_verified": True}) == "publisher"
    assert settings.role_of({"sub": "x", "email": "alice@example.org"}) is None  # unverified
    assert settings.role_of({"sub": "abc"}) == "admin"
    # the entry that matched is the identity: the subject first, never the email as sent
    assert settings.match({"sub": "abc", "email": "Alice@Example.org",
                           "email_verified": True}) == ("sub:abc", "admin")
    assert settings.match({"sub": "x", "email": "ALICE@example.org",
                           "email_verified": True}) == ("email:alice@example.org", "publisher")
    assert settings.role_of({"sub": "pairwise", "oid": "1-2"}) == "author"  # Entra's object id
    for bad in ("alice@example.org=author", "email:a@b=owner", "name:a=author"):
        with pytest.raises(ValueError):
            parse_authors(bad)


def test_the_secrets_leave_the_environment_and_stay_readable_to_the_server(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(author_config, "_TAKEN", {})  # this process's server keeps none after
    secret_file = tmp_path / "secret"
    secret_file.write_text("from-a-file\n")
    env = {"INFOSHARE_OIDC_CLIENT_SECRET_FILE": str(secret_file),
           "INFOSHARE_AUTHORS_URL": "postgresql://u:pw@db/x", "INFOSHARE_OIDC_ISSUER": "https://i",
           "INFOSHARE_OIDC_CLIENT_ID": "c", "PATH": "/bin"}
    take_author_secrets(env)
    assert env == {"INFOSHARE_OIDC_ISSUER": "https://i", "INFOSHARE_OIDC_CLIENT_ID": "c",
                   "PATH": "/bin"}
    assert secret("INFOSHARE_OIDC_CLIENT_SECRET", env) == "from-a-file"
    assert secret("INFOSHARE_AUTHORS_URL", env) == "postgresql://u:pw@db/x"
    assert sso_settings(env).client_secret == "from-a-file"  # type: ignore[union-attr]
    assert sso_settings({}) is None


def exercise(store: object, kind: str) -> None:
    """The store's whole round: account, link, password, session, sign-out, a new role,
    removal."""
    name = f"ann-{kind}-{time.time_ns()}"
    token = store.add_account(name, "admin")  # type: ignore[attr-defined]
    assert store.link_account(token) == name  # type: ignore[attr-defined]
    assert store.use_link(token, "h") == name  # type: ignore[attr-defined]
    assert store.password_of(name) == ("h", "admin")  # type: ignore[attr-defined]
    assert store.use_link(token, "x") is None  # type: ignore[attr-defined]
    sid = store.start_session(name, "admin", "password")  # type: ignore[attr-defined]
    assert store.session(sid).shown == name  # type: ignore[attr-defined]
    store.end_session(sid)  # type: ignore[attr-defined]
    assert store.session(sid) is None  # type: ignore[attr-defined]
    store.purge()  # type: ignore[attr-defined]
    sid = store.start_session(name, "admin", "password")  # type: ignore[attr-defined]
    assert store.set_role(name, "author") and store.role_of(name) == "author"  # type: ignore
    assert store.session(sid).role == "author"  # type: ignore[attr-defined]
    assert not store.set_role("nobody-" + name, "author")  # type: ignore[attr-defined]
    assert store.remove_account(name) and store.role_of(name) is None  # type: ignore
    assert store.session(sid) is None and not store.remove_account(name)  # type: ignore


def test_the_sqlite_store_runs_the_shared_sql(tmp_path: Path) -> None:
    store = open_author_store({"INFOSHARE_DATA_DIR": str(tmp_path)})
    try:
        exercise(store, "sqlite")
    finally:
        store.close()


def test_the_postgresql_store_runs_the_same_sql(postgres_url: str, tmp_path: Path) -> None:
    store = open_author_store({"INFOSHARE_DATA_DIR": str(tmp_path)}, url=postgres_url)
    try:
        exercise(store, "postgresql")
        assert not (tmp_path / "authors.sqlite3").exists()
    finally:
        store.close()
