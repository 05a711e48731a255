"""Signing in to the author area for real: Node's oidc-provider (two issuers, two clients) and
the app started once with --authoring (the "author" group: one process starts both)."""

from __future__ import annotations

import http.client
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from _app_support import describe_violations, run_axe
from _author_support import AuthorClient, add_account, author_app, process_environments
from _hardening_support import parent_of
from _oidc_support import (
    CLIENT,
    OTHER_CLIENT,
    OTHER_SECRET,
    SECRET,
    provider_tokens,
    sign_in_at_provider,
)
from _served import served

from infoshare_widgets.app.author.author_config import SsoSettings
from infoshare_widgets.app.author.sso import LEEWAY, SsoRefused, id_token_claims


def keys(issuer: str) -> dict:
    meta = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=30).json()
    return requests.get(meta["jwks_uri"], timeout=30).json()


def test_an_id_token_from_another_issuer_client_or_time_is_refused(oidc_provider) -> None:
    issuer, jwks = oidc_provider.issuer, keys(oidc_provider.issuer)
    token, nonce = provider_tokens(issuer, CLIENT, SECRET, oidc_provider.redirect_uri)
    claims = id_token_claims(token["id_token"], jwks, issuer, CLIENT, nonce,
                             token["access_token"])
    assert claims["sub"] == "alice" and claims["aud"] == CLIENT  # the control: it passes
    other, other_nonce = provider_tokens(oidc_provider.other_issuer, CLIENT, SECRET,
                                         oidc_provider.redirect_uri)
    assert keys(oidc_provider.other_issuer) == jwks  # same key: only the issuer differs
    theirs, their_nonce = provider_tokens(issuer, OTHER_CLIENT, OTHER_SECRET,
                                          oidc_provider.other_redirect_uri)
    cases = {  # (ID token, the nonce we asked for, the time it is checked at)
        "another issuer": (other["id_token"], other_nonce, None),
        "another client": (theirs["id_token"], their_nonce, None),
        "out of date": (token["id_token"], nonce, claims["exp"] + LEEWAY + 1),
        "another nonce": (token["id_token"], "not-the-nonce", None),
    }
    refused = {}
    for case, (id_token, the_nonce, now) in cases.items():
        with pytest.raises(SsoRefused) as err:
            id_token_claims(id_token, jwks, issuer, CLIENT, the_nonce, now=now)
        refused[case] = str(err.value)
    assert "iss" in refused["another issuer"], refused
    assert "aud" in refused["another client"], refused
    assert "exp" in refused["out of date"] or "expired" in refused["out of date"], refused
    assert "nonce" in refused["another nonce"], refused


def sso_sign_in(server, user: str) -> tuple[AuthorClient, requests.Response]:
    client = AuthorClient(server.url)
    start = client.post("/author/sso", {"csrf": client.csrf()})
    assert start.status_code == 303, start.status_code
    back = sign_in_at_provider(requests.Session(), start.headers["Location"], user,
                               server.providers.redirect_uri)
    return client, client.get(back[len(server.url):])


def test_single_sign_on_signs_an_author_in_with_the_role_the_allowlist_gives(
        author_server) -> None:
    client, landed = sso_sign_in(author_server, "alice")
    assert landed.status_code == 200 and 'http-equiv="refresh"' in landed.text
    cookie = next(c for c in client.http.cookies if c.name == "infoshare_author")
    assert cookie.path == "/author" and cookie.get_nonstandard_attr("SameSite") == "Strict"
    home = client.get("/author")
    assert "alice@example.org" in home.text and "Publisher" in home.text


@pytest.mark.parametrize("user", ["mallory", "bob"])  # not listed; listed but email unverified
def test_single_sign_on_refuses_whoever_is_not_on_the_list(author_server, user: str) -> None:
    client, landed = sso_sign_in(author_server, user)
    assert landed.status_code == 403 and "not on this site" in landed.text
    assert client.get("/author").status_code == 303


def test_a_sign_on_is_finished_only_by_the_browser_that_started_it(author_server) -> None:
    client = AuthorClient(author_server.url)
    start = client.post("/author/sso", {"csrf": client.csrf()})
    back = sign_in_at_provider(requests.Session(), start.headers["Location"], "alice",
                               author_server.providers.redirect_uri)
    stranger = AuthorClient(author_server.url)  # holds the code, not the flow's cookie
    refused = stranger.get(back[len(author_server.url):])
    assert refused.headers["Location"] == "/author/sign-in?done=sso"
    # ... and the flow is used up: its own browser cannot replay it either
    assert client.get(back[len(author_server.url):]).headers["Location"].endswith("done=sso")
    forged = client.get("/author/sso/callback?state=made-up&code=made-up")
    assert forged.headers["Location"] == "/author/sign-in?done=sso"


def test_the_redirect_honours_the_base_url_and_https_behind_the_proxy(
        oidc_provider, tmp_path) -> None:
    settings = SsoSettings(oidc_provider.issuer, CLIENT, SECRET, {})
    with served(lambda: author_app(tmp_path, "/infoshare/", ("loopback",), settings)) as port:
        https = {"X-Forwarded-For": "192.0.2.7", "X-Forwarded-Proto": "https"}
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", "/infoshare/author/sign-in", headers=https)
        page = conn.getresponse()
        body, cookie = page.read().decode(), page.getheader("Set-Cookie").split(";")[0]
        token = body.split('name="csrf" value="')[1].split('"')[0]
        conn.request("POST", "/infoshare/author/sso", body=f"csrf={token}",
                     headers={**https, "Cookie": cookie,
                              "Content-Type": "application/x-www-form-urlencoded"})
        start = conn.getresponse()
        start.read()
        conn.close()
    assert start.status == 303
    query = parse_qs(urlsplit(start.getheader("Location")).query)
    assert query["redirect_uri"] == [f"https://127.0.0.1:{port}/infoshare/author/sso/callback"]
    assert query["code_challenge_method"] == ["S256"] and query["nonce"] and query["state"]
    assert "Secure" in start.getheader("Set-Cookie")


def test_no_kernel_sees_the_client_secret_or_its_file(author_server) -> None:
    deadline = time.monotonic() + 120
    while True:
        tree = process_environments(author_server.app.process.pid)
        kernels = {pid: env for pid, (cmd, env) in tree.items() if b"ipykernel" in cmd}
        if kernels or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert kernels, "no kernel started"
    for pid, (_cmd, environ) in tree.items():
        assert b"infoshare-secret" not in environ, pid  # given in a file: in no process at all
    server_env = tree[author_server.app.process.pid][1]
    assert b"INFOSHARE_OIDC_AUTHORS=" in server_env  # the server has them (the control) ...
    # A pool's kernel is forked from the fork server (app/fork_server.py): the environment it
    # started with, in /proc, is the fork server's (its own os.environ: test_fork_server.py).
    forks = {pid: env for pid, (cmd, env) in tree.items() if b"fork_server" in cmd}
    kernels = {pid: forks.get(parent_of(pid), env) for pid, env in kernels.items()}
    for pid, environ in kernels.items():  # ... no kernel has any single sign-on setting,
        assert b"INFOSHARE_OIDC_" not in environ, pid  # the allowlist's people included,
        assert b"alice@example.org" not in environ, pid
        assert b"INFOSHARE_AUTHORS_URL" not in environ, pid  # nor a database's address
        assert b"INFOSHARE_DATA_DIR" not in environ, pid  # nor the authors' database's folder
        assert b"INFOSHARE_OVERLAY=" in environ and b"INFOSHARE_CONTENT=" in environ, pid
    assert "Author area on at /author" in author_server.app.log()


def test_the_area_keeps_the_site_guards(author_server) -> None:
    status, headers, _ = author_server.app.raw_get("/author/sign-in")
    policy = dict(d.strip().split(" ", 1) for d in headers["Content-Security-Policy"].split(";"))
    assert status == 200 and "'unsafe-inline'" not in policy["script-src"]  # no inline script
    conn = http.client.HTTPConnection("127.0.0.1", int(author_server.url.rsplit(":", 1)[1]))
    conn.request("GET", "/author", headers={"Host": "rebinding.example"})
    assert conn.getresponse().status == 400


def test_an_author_signs_in_both_ways_by_keyboard_and_every_page_is_axe_clean(
        author_server, browser) -> None:
    link = add_account(author_server, "carol", "author")
    context = browser.new_context(viewport={"width": 1000, "height": 900}, bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(link)
        assert not run_axe(page), describe_violations(run_axe(page))
        page.keyboard.press("Tab")  # the first field: the new password
        page.keyboard.type("short")
        page.keyboard.press("Enter")
        page.wait_for_selector(".is-author-errors")
        # the page's script moves focus to the problems once it has run: wait for it, not race it
        page.wait_for_function("() => document.activeElement"
                               " && document.activeElement.className === 'is-author-errors'")
        assert page.evaluate("document.activeElement.className") == "is-author-errors"
        assert not run_axe(page), describe_violations(run_axe(page))
        page.fill("#password", "a long enough password")
        page.fill("#again", "a long enough password")
        page.keyboard.press("Enter")
        page.wait_for_url("**/author/sign-in?done=set")
        assert not run_axe(page), describe_violations(run_axe(page))
        page.focus("#name")
        page.keyboard.press("Enter")  # nothing filled in: the error summary, then each field
        page.wait_for_selector(".is-author-errors a[href='#password']")
        assert not run_axe(page), describe_violations(run_axe(page))
        page.fill("#name", "carol")
        page.fill("#password", "a long enough password")
        page.keyboard.press("Enter")
        page.wait_for_url("**/author")
        assert "carol" in page.inner_text("main")
        assert not run_axe(page), describe_violations(run_axe(page))
        dead = context.new_page()
        dead.goto(link)  # used: a page that says so, in words
        assert "does not work" in dead.inner_text("main")
        assert not run_axe(dead), describe_violations(run_axe(dead))
        dead.close()
        page.focus("form[action$='sign-out'] button")
        page.keyboard.press("Enter")
        page.wait_for_url("**/author/sign-in?done=out")
        page.click("text=Sign in with your organisation's account")
        page.fill("input[name=login]", "alice")
        page.fill("input[name=password]", "any")
        page.keyboard.press("Enter")
        page.wait_for_url("**/author", timeout=60_000)
        assert "alice@example.org" in page.inner_text("main")
        log = author_server.app.log()
        assert link.split("token=")[1] not in log  # no one-time link in the log, nor a code:
        assert not re.search(r"[?&](code|state)=(?!\[secret\])", log), log[-2000:]
    finally:
        context.close()

