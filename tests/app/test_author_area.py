"""The author area's door, served in the test's own process (no Voila, no browser): the flag,
accounts and one-time links, sign-in and its messages, the cookie, CSRF, limits, HTTPS."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from _author_support import AuthorClient, author_app, failed_sign_in, raw
from _served import served
from argon2 import PasswordHasher

from infoshare_widgets.app.author import author_service
from infoshare_widgets.app.route_allowlist import allowlisted
from infoshare_widgets.author_store import passwords
from infoshare_widgets.author_store.author_sqlite import SqliteAuthorStore

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 at its smallest cost: the same code paths, a fraction of the CPU (the shipped
    parameters are the library's; tests/author_store checks a real hash)."""
    monkeypatch.setattr(passwords, "HASHER", PasswordHasher(time_cost=1, memory_cost=64,
                                                            parallelism=1))
    monkeypatch.setattr(passwords, "_DUMMY", [])


@pytest.fixture
def area(tmp_path: Path):
    with served(lambda: author_app(tmp_path)) as port:
        yield AuthorClient(f"http://127.0.0.1:{port}"), SqliteAuthorStore(tmp_path)


def link_of(store: SqliteAuthorStore, name: str = "alice", role: str = "publisher") -> str:
    return f"/author/set-password?token={store.add_account(name, role)}"


def signed_in(area: tuple[AuthorClient, SqliteAuthorStore]) -> AuthorClient:
    client, store = area
    client.set_password(link_of(store), PASSWORD)
    assert client.sign_in("alice", PASSWORD).status_code == 303
    return client


def test_without_the_flag_the_area_does_not_exist() -> None:
    patterns = [p for p, *_ in allowlisted([], "/")]
    assert not any("author" in p for p in patterns) and any("room" in p for p in patterns)
    assert any(p == "/author" for p, *_ in allowlisted([], "/", authoring=True))


def test_with_no_accounts_the_area_says_how_to_add_one(area) -> None:
    client, _ = area
    page = client.get("/author")
    assert page.status_code == 200
    assert "infoshare author add NAME --role ROLE" in page.text


def test_a_one_time_link_sets_the_password_once(area) -> None:
    client, store = area
    link = link_of(store)
    assert client.get("/author").status_code == 303  # accounts exist: go and sign in
    assert client.set_password(link, PASSWORD).headers["Location"] == "/author/sign-in?done=set"
    used = client.get(link)
    assert used.status_code == 404 and "does not work" in used.text
    store.link_seconds = -1  # a link made 24 hours ago
    assert client.get(link_of(store, "bob")).status_code == 404


def test_a_short_or_mistyped_password_is_an_error_summary(area) -> None:
    client, store = area
    link = link_of(store)
    token = client.csrf(link)
    page = client.post("/author/set-password", {"csrf": token, "token": link.split("=")[1],
                                                "password": "short", "again": "short"})
    assert page.status_code == 200 and 'href="#password"' in page.text
    assert 'aria-invalid="true"' in page.text and "<title>Error:" in page.text


def test_sign_in_sets_a_strict_cookie_scoped_to_the_area(area) -> None:
    client = signed_in(area)
    cookie = next(c for c in client.http.cookies if c.name == "infoshare_author")
    assert cookie.path == "/author" and not cookie.secure  # loopback http
    assert cookie.has_nonstandard_attr("HttpOnly")
    assert cookie.get_nonstandard_attr("SameSite") == "Strict"
    home = client.get("/author")
    assert home.status_code == 200 and "alice" in home.text and "Publisher" in home.text
    assert home.headers["Cache-Control"] == "no-store"
    assert "Content-Security-Policy" in home.headers


def test_the_session_id_changes_at_every_sign_in_and_ends_at_sign_out(area) -> None:
    client = signed_in(area)
    first = client.http.cookies.get("infoshare_author", path="/author")
    assert client.sign_in("alice", PASSWORD).status_code == 303
    second = client.http.cookies.get("infoshare_author", path="/author")
    assert first != second
    old = AuthorClient(client.url)
    old.http.cookies.set("infoshare_author", first, path="/author")
    assert old.get("/author").status_code == 303  # the old id opens nothing
    out = client.post("/author/sign-out", {"csrf": client.csrf("/author")})
    assert out.headers["Location"] == "/author/sign-in?done=out"
    again = AuthorClient(client.url)
    again.http.cookies.set("infoshare_author", second, path="/author")
    assert again.get("/author").status_code == 303


def test_a_wrong_name_and_a_wrong_password_read_the_same(area) -> None:
    client, store = area
    client.set_password(link_of(store), PASSWORD)
    pages = [client.sign_in(name, password) for name, password in
             [("alice", "wrong password here"), ("nobody", "wrong password here")]]
    assert {p.status_code for p in pages} == {200}
    bodies = [p.text.replace(client.csrf(), "") for p in pages]
    assert bodies[0].replace("alice", "NAME") == bodies[1].replace("nobody", "NAME")
    assert "not right" in bodies[0]


def test_sign_in_is_limited_per_account_whether_or_not_it_exists(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(author_service, "ADDRESS_TRIES", 100)  # the account's limit alone
    monkeypatch.setattr(author_service, "ACCOUNT_REFILL", 1e-9)  # no refill however slow
    with served(lambda: author_app(tmp_path)) as port:
        client, store = AuthorClient(f"http://127.0.0.1:{port}"), SqliteAuthorStore(tmp_path)
        client.set_password(link_of(store), PASSWORD)
        pages = {}
        for name in ("alice", "nobody"):
            tries = [client.sign_in(name, "wrong password here") for _ in range(6)]
            assert [t.status_code for t in tries] == [200] * 5 + [429], name
            pages[name] = tries[-1].text.replace(client.csrf(), "").replace(name, "NAME")
        assert pages["alice"] == pages["nobody"] and "Too many tries" in pages["alice"]
        assert client.sign_in("alice", PASSWORD).status_code == 429  # even the right password


def test_a_change_without_the_csrf_token_or_from_another_site_is_refused(area) -> None:
    client = signed_in(area)
    assert client.post("/author/sign-out", {}).status_code == 403
    assert client.post("/author/sign-out", {"csrf": "x" * 64}).status_code == 403
    token = client.csrf("/author")
    refused = client.post("/author/sign-out", {"csrf": token},
                          headers={"Origin": "https://evil.example"})
    assert refused.status_code == 403 and client.get("/author").status_code == 200
    stranger = AuthorClient(client.url)  # a token from someone else's page is no token here
    assert stranger.post("/author/sign-in", {"csrf": token, "name": "alice",
                                             "password": PASSWORD}).status_code == 403


def test_plain_http_is_for_this_machine_only(tmp_path: Path) -> None:
    with served(lambda: author_app(tmp_path)) as port:
        status, _, body = raw(port, "GET", "/author/sign-in", {"X-Forwarded-For": "192.0.2.7"})
        assert status == 403 and "secure connection" in body  # relayed, not from this machine
        status, _, _ = raw(port, "GET", "/author/sign-in", {"Host": "example.org"})
        assert status == 400  # the Host allowlist first


def test_behind_a_trusted_proxy_https_is_required_and_limits_go_by_the_real_client(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(author_service, "ADDRESS_REFILL", 1e-9)  # no refill however slow
    with served(lambda: author_app(tmp_path, trusted=("loopback",))) as port:
        plain = {"X-Forwarded-For": "192.0.2.7", "X-Forwarded-Proto": "http"}
        assert raw(port, "GET", "/author/sign-in", plain)[0] == 403
        https = {"X-Forwarded-For": "192.0.2.7", "X-Forwarded-Proto": "https"}
        status, headers, body = raw(port, "GET", "/author/sign-in", https)
        assert status == 200
        cookie = next(v for k, v in headers if k.lower() == "set-cookie")
        assert "Secure" in cookie and "SameSite=Strict" in cookie and "Path=/author" in cookie
        form = cookie.split(";")[0]
        token = body.split('name="csrf" value="')[1].split('"')[0]
        codes = [failed_sign_in(port, https, form, token, "192.0.2.7", f"name{i}")
                 for i in range(11)]
        assert codes == [200] * 10 + [429]
        # another learner's address is not limited
        assert failed_sign_in(port, https, form, token, "192.0.2.8", "name99") == 200


def test_an_oversized_post_is_refused(area) -> None:
    client, _ = area
    assert client.post("/author/sign-in", {"csrf": client.csrf(), "name": "a" * 40_000,
                                           "password": "x"}).status_code == 413


def test_sessions_end_when_idle_or_too_old(tmp_path: Path) -> None:
    store = SqliteAuthorStore(tmp_path)
    now = time.time()
    sid = store.start_session("alice", "author", "password", now=now)
    assert store.session(sid, now=now + 60) is not None
    assert store.session(sid, now=now + 60 + store.idle_seconds + 1) is None  # idle
    sid = store.start_session("alice", "author", "password", now=now)
    t = now
    while t <= now + store.session_seconds:  # kept in use, it still ends on time
        t += store.idle_seconds / 2
        alive = store.session(sid, now=t)
    assert alive is None


def test_the_flag_comes_from_the_command_line_or_the_environment() -> None:
    from infoshare_widgets.app.deploy_env import serve_options
    from infoshare_widgets.app.serve import ServerSettings, voila_command
    from infoshare_widgets.cli import build_parser

    parse = build_parser().parse_args
    assert serve_options(parse(["serve", "--authoring"]), {})["authoring"] is True
    assert serve_options(parse(["serve"]), {"INFOSHARE_AUTHORING": "1"})["authoring"] is True
    assert "authoring" not in serve_options(parse(["serve"]), {})
    with pytest.raises(ValueError):
        serve_options(parse(["serve"]), {"INFOSHARE_AUTHORING": "maybe"})
    command, _ = voila_command(ServerSettings(authoring=True, max_kernels=4), base_env={})
    assert "--InfoshareVoila.authoring=True" in command
    assert not any("authoring" in part for part in voila_command(
        ServerSettings(max_kernels=4), base_env={})[0])
