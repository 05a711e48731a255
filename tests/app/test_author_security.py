"""The author area's security review (issue 25), served in the test's own process: argon2 in
its own capped pool, sign-in limits by IPv6 /64, access re-checked on every request, what single
sign-on records and logs."""

from __future__ import annotations

import asyncio
import http.client
import threading
from pathlib import Path

import pytest
from _author_support import author_app
from _served import served
from argon2 import PasswordHasher

from infoshare_widgets.app.author import author_service
from infoshare_widgets.app.author.author_service import AuthorService, HashingBusy, address_group
from infoshare_widgets.author_store import passwords
from infoshare_widgets.author_store.author_sqlite import SqliteAuthorStore

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "HASHER", PasswordHasher(time_cost=1, memory_cost=64,
                                                            parallelism=1))
    monkeypatch.setattr(passwords, "_DUMMY", [])


def raw(port: int, method: str, path: str, headers: dict[str, str], body: str = "") -> tuple:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read().decode()
    finally:
        conn.close()


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

    answered, results = asyncio.run(flood())
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

        def attempt(address: str, i: int) -> int:
            headers = {**https, "X-Forwarded-For": address, "Cookie": form,
                       "Content-Type": "application/x-www-form-urlencoded"}
            return raw(port, "POST", "/author/sign-in", headers,
                       f"csrf={token}&name=name{i}&password=wrong+password+here")[0]

        codes = [attempt(f"2001:db8:0:7::{i + 1:x}", i) for i in range(11)]  # one /64
        assert codes == [200] * 10 + [429]
        assert attempt("2001:db8:0:8::1", 99) == 200  # the next /64 is someone else
