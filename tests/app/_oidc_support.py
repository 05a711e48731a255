"""Node's oidc-provider as its own process on loopback (tests/app/oidc_test_provider.js), and a
test relying party that signs a user in there over plain HTTP (the provider's development form),
for real tokens and real redirects: nothing of the flow is made up in Python."""

from __future__ import annotations

import re
import secrets
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import requests
from _app_support import free_port, stop
from authlib.integrations.requests_client import OAuth2Session

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("oidc_test_provider.js")
CLIENT, SECRET = "infoshare", "infoshare-secret"
OTHER_CLIENT, OTHER_SECRET = "other-app", "other-app-secret"
FORM_ACTION = re.compile(r'<form[^>]*action="([^"]+)"')


@dataclass
class Providers:
    issuer: str  # the one the app trusts
    other_issuer: str  # same key and client, another issuer
    redirect_uri: str  # the app's callback, registered for CLIENT
    other_redirect_uri: str  # OTHER_CLIENT's (nothing listens there)
    process: subprocess.Popen
    log_path: Path


@contextmanager
def running_providers(app_port: int, log_dir: Path) -> Iterator[Providers]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "oidc-provider").is_dir():
        raise RuntimeError("the sign-in tests need Node and `npm ci` (make node-tools)")
    port_a, port_b = free_port(), free_port()
    redirect = f"http://127.0.0.1:{app_port}/author/sso/callback"
    other = "http://127.0.0.1:9/other/callback"
    log_path = log_dir / "oidc.log"
    with log_path.open("w") as log:
        process = subprocess.Popen([node, str(SCRIPT), str(port_a), str(port_b), redirect, other],
                                   cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    providers = Providers(f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}", redirect,
                          other, process, log_path)
    try:
        deadline = time.monotonic() + 60
        while "ready" not in log_path.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the OIDC provider did not start:\n{log_path.read_text()}")
            time.sleep(0.1)
        yield providers
    finally:
        stop(process)


def sign_in_at_provider(http: requests.Session, url: str, user: str, until: str) -> str:
    """Follow `url` through the provider's sign-in form as `user` until a redirect to `until`
    (a relying party's callback): that redirect's address."""
    response = http.get(url, allow_redirects=False, timeout=30)
    for _ in range(20):
        if response.is_redirect:
            location = urljoin(response.url, response.headers["Location"])
            if location.startswith(until):
                return location
            response = http.get(location, allow_redirects=False, timeout=30)
            continue
        found = FORM_ACTION.search(response.text)
        assert found, f"no form at {response.url}: {response.status_code} {response.text[:300]}"
        response = http.post(urljoin(response.url, unescape(found.group(1))),
                             data={"prompt": "login", "login": user, "password": "any"},
                             allow_redirects=False, timeout=30)
    raise AssertionError("the provider never sent the browser back")


def provider_tokens(issuer: str, client: str, secret: str, redirect_uri: str,
                    user: str = "alice") -> tuple[dict, str]:
    """A real token response for `client` at `issuer` (the test is that relying party): the
    tokens and the nonce it asked for."""
    metadata = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=30).json()
    verifier, nonce = secrets.token_urlsafe(48), secrets.token_urlsafe(16)
    with OAuth2Session(client, secret, scope="openid email profile", redirect_uri=redirect_uri,
                       code_challenge_method="S256") as session:
        url, _ = session.create_authorization_url(metadata["authorization_endpoint"],
                                                  code_verifier=verifier, nonce=nonce)
        back = sign_in_at_provider(requests.Session(), url, user, redirect_uri)
        code = parse_qs(urlsplit(back).query)["code"][0]
        token = session.fetch_token(metadata["token_endpoint"], code=code,
                                    code_verifier=verifier)
    return dict(token), nonce
