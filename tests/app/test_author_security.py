"""The author area's security review (issue 25), served in the test's own process: argon2 in
its own capped pool, sign-in limits by IPv6 /64, access re-checked on every request, what single
sign-on records and logs."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from _author_support import AuthorClient, author_app, failed_sign_in, raw
from _served import run_apart, served
from argon2 import PasswordHasher

from infoshare_widgets import cli
from infoshare_widgets.app.author import author_service
from infoshare_widgets.app.author.author_config import SsoSettings
from infoshare_widgets.app.author.author_service import AuthorService, HashingBusy, address_group
from infoshare_widgets.app.author.sso import SsoClient
from infoshare_widgets.author_store import passwords
from infoshare_widgets.author_store.author_sqlite import SqliteAuthorStore

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "HASHER", PasswordHasher(time_cost=1, memory_cost=64,
                                                            parallelism=1))
    monkeypatch.setattr(passwords, "_DUMMY", [])


# --- 2. argon2 in its own capped pool; the address limit by /64 ---------------------------------

def test_argon2_runs_in_its_own_capped_pool_and_sessions_go_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gate, threads = threading.Event(), set()

    def slow_verify(stored: str | None, password: str) -> bool:
        threads.add(threading.current_thread().name)
        gate.wait(20)
        return False

    monkeypatch.setattr(author_service, "verify_password", slow_verify)
    service = AuthorService(lambda: SqliteAuthorStore(tmp_path), None)

    async def flood() -> tuple[bool, list[object]]:
        tries = [asyncio.ensure_future(service.check_password(f"n{i}", "a password"))
                 for i in range(author_service.HASH_JOBS + 3)]
        await asyncio.sleep(0.3)
        # every hashing thread is held, yet the store's pool still answers at once
        answered = await asyncio.wait_for(service.has_accounts(), 5)
        gate.set()
        return answered, await asyncio.gather(*tries, return_exceptions=True)

    answered, results = run_apart(flood)
    assert answered is False
    assert sum(isinstance(r, HashingBusy) for r in results) == 3  # beyond the cap: refused
    assert results.count(None) == author_service.HASH_JOBS  # the rest: checked (wrong)
    assert threads and all(t.startswith("infoshare-argon2") for t in threads)
    assert len(threads) <= author_service.HASH_THREADS


def test_the_address_limit_groups_ipv6_by_64_and_ipv4_by_address() -> None:
    assert address_group("2001:db8:1:2::1") == address_group("2001:db8:1:2:ffff::9")
    assert address_group("2001:db8:1:2::1") == "2001:db8:1:2::/64"
    assert address_group("2001:db8:1:3::1") != address_group("2001:db8:1:2::1")
    assert address_group("192.0.2.7") == "192.0.2.7" != address_group("192.0.2.8")
    assert address_group("::ffff:192.0.2.7") == "192.0.2.7"
    assert address_group("not an address") == "not an address"


def test_one_64_shares_the_sign_in_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(author_service, "ADDRESS_REFILL", 1e-9)  # no refill however slow
    with served(lambda: author_app(tmp_path, trusted=("loopback",))) as port:
        https = {"X-Forwarded-For": "2001:db8::1", "X-Forwarded-Proto": "https"}
        status, headers, body = raw(port, "GET", "/author/sign-in", https)
        form = next(v for k, v in headers if k.lower() == "set-cookie").split(";")[0]
        token = body.split('name="csrf" value="')[1].split('"')[0]
        codes = [failed_sign_in(port, https, form, token, f"2001:db8:0:7::{i + 1:x}", f"name{i}")
                 for i in range(11)]  # one /64
        assert codes == [200] * 10 + [429]
        # the next /64 is someone else
        assert failed_sign_in(port, https, form, token, "2001:db8:0:8::1", "name99") == 200


# --- 3. role and allowlist re-checked at every request; `infoshare author role/remove` --------

def _signed_in(url: str, store: SqliteAuthorStore, name: str, role: str) -> AuthorClient:
    client = AuthorClient(url)
    client.set_password(f"/author/set-password?token={store.add_account(name, role)}", PASSWORD)
    assert client.sign_in(name, PASSWORD).status_code == 303
    return client


def test_the_account_is_read_again_at_every_request(tmp_path: Path) -> None:
    """Changed in the database by any means (here plain SQL, sessions untouched): the next
    request has the account's role as it is now, or no session when the account has gone."""
    with served(lambda: author_app(tmp_path)) as port:
        store = SqliteAuthorStore(tmp_path)
        alice = _signed_in(f"http://127.0.0.1:{port}", store, "alice", "publisher")
        store.add_account("bob", "author")

        def sql(statement: str) -> None:
            with sqlite3.connect(tmp_path / "authors.sqlite3") as db:
                db.execute(statement)

        sql("UPDATE infoshare_authors SET role = 'author' WHERE name = 'alice'")
        assert "Publisher" not in alice.get("/author").text
        sql("DELETE FROM infoshare_authors WHERE name = 'alice'")
        assert alice.get("/author").headers["Location"] == "/author/sign-in"
        with sqlite3.connect(tmp_path / "authors.sqlite3") as db:  # the session was ended
            assert db.execute("SELECT COUNT(*) FROM infoshare_author_sessions").fetchone()[0] == 0


def test_a_lowered_role_and_a_removed_account_take_effect_at_the_next_request(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv("INFOSHARE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("INFOSHARE_AUTHORS_URL", raising=False)
    with served(lambda: author_app(tmp_path)) as port:
        store = SqliteAuthorStore(tmp_path)
        alice = _signed_in(f"http://127.0.0.1:{port}", store, "alice", "publisher")
        store.add_account("bob", "author")  # the site still has accounts after alice goes
        assert "Publisher" in alice.get("/author").text
        assert cli.main(["author", "role", "alice", "author"]) == 0
        home = alice.get("/author")
        assert home.status_code == 200 and "Publisher" not in home.text and "Author" in home.text
        assert cli.main(["author", "remove", "alice"]) == 0
        assert alice.get("/author").headers["Location"] == "/author/sign-in"  # signed out now
        assert alice.sign_in("alice", PASSWORD).status_code == 200  # and cannot sign in
    assert cli.main(["author", "remove", "alice"]) == 1
    assert cli.main(["author", "role", "nobody", "admin"]) == 1
    said = capsys.readouterr().err
    assert "alice is now author" in said and "alice is removed" in said
    assert "no account 'nobody'" in said


def test_a_single_sign_on_session_ends_when_its_entry_leaves_the_allowlist(
        tmp_path: Path) -> None:
    listed = SsoSettings("https://id.example", "client", "", {"email:bob@example.org": "author"})
    service = AuthorService(lambda: SqliteAuthorStore(tmp_path), SsoClient(listed))

    async def run() -> list[object]:
        sid = await service.start_session("sso:email:bob@example.org", "author", "sso")
        seen: list[object] = [await service.session(sid)]
        service.sso.settings = replace(  # type: ignore[union-attr]
            listed, authors={"email:bob@example.org": "publisher"})
        seen.append(await service.session(sid))
        service.sso.settings = replace(listed, authors={})  # type: ignore[union-attr]
        seen.append(await service.session(sid))
        service.sso.settings = listed  # type: ignore[union-attr]
        seen.append(await service.session(sid))  # ended, not suspended
        return seen

    first, promoted, removed, again = run_apart(run)
    assert first.role == "author" and promoted.role == "publisher"  # type: ignore[union-attr]
    assert removed is None and again is None


# --- 4. an SSO author is the allowlist entry that matched; 7. only known error codes logged -----

SSO = SsoSettings("https://id.example", "client", "",
                  {"sub:alice-42": "publisher",
                   "email:carol@example.org": "author"})


def _sso_as(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, claims: dict) -> tuple[str, str]:
    """Come back from the provider with `claims`: (the home page, the session's stored who)."""
    monkeypatch.setattr(SsoClient, "finish", lambda self, *args: dict(claims))
    with served(lambda: author_app(tmp_path, sso=SSO)) as port:
        client = AuthorClient(f"http://127.0.0.1:{port}")
        landed = client.get("/author/sso/callback?state=s&code=c")
        assert landed.status_code == 200, landed.status_code
        home = client.get("/author").text
    with sqlite3.connect(tmp_path / "authors.sqlite3") as db:
        (who,) = db.execute("SELECT who FROM infoshare_author_sessions").fetchone()
    return home, who


def test_an_sso_author_is_recorded_by_the_entry_that_matched_not_the_email_claim(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home, who = _sso_as(tmp_path, monkeypatch, {
        "sub": "alice-42", "email": "Chief.Executive@evil.example", "email_verified": False})
    assert who == "sso:sub:alice-42" and "sub:alice-42" in home
    assert "evil.example" not in home


def test_a_verified_email_is_recorded_as_the_allowlist_writes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home, who = _sso_as(tmp_path, monkeypatch, {
        "sub": "c-7", "email": " Carol@Example.ORG", "email_verified": True})
    assert who == "sso:email:carol@example.org" and "carol@example.org" in home


def test_the_providers_error_is_logged_only_as_a_known_code(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    forged = "access_denied%0A2026-12-06 admin signed in&error_description=Call+0800+now"
    with served(lambda: author_app(tmp_path, sso=SSO)) as port:
        client = AuthorClient(f"http://127.0.0.1:{port}")
        with caplog.at_level("INFO"):
            for error in ("access_denied", forged, "%3Cscript%3E"):
                back = client.get(f"/author/sso/callback?state=s&error={error}")
                assert back.headers["Location"] == "/author/sign-in?done=sso"
    said = [r.getMessage() for r in caplog.records if "single sign-on" in r.getMessage()]
    assert said == ["single sign-on refused: the provider said access_denied",
                    "single sign-on refused: the provider said other",
                    "single sign-on refused: the provider said other"]
    assert "0800" not in caplog.text and "admin signed in" not in caplog.text
