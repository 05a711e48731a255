"""The author area in tests: the running server's handle, the area served in the test's own
process (fast tier), and a small browser-less client that keeps cookies and finds CSRF tokens."""

from __future__ import annotations

import http.client
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

import requests
from tornado import web

from infoshare_widgets.app.author.author_routes import author_routes
from infoshare_widgets.app.author.author_service import AuthorService
from infoshare_widgets.app.author.sso import SsoClient
from infoshare_widgets.app.proxy import networks
from infoshare_widgets.app.response_guard import DEFAULT_HOSTS, Guarded
from infoshare_widgets.author_store.author_sqlite import SqliteAuthorStore

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class AuthorServer:
    """The app started with --authoring (its AppServer), the provider it trusts, its env."""

    app: Any
    providers: Any
    env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return self.app.url

    @property
    def data_dir(self) -> Path:
        return Path(self.env["INFOSHARE_DATA_DIR"])


def author_app(folder: Path, base_url: str = "/", trusted: tuple[str, ...] = (),
               sso: Any = None) -> web.Application:
    """The author routes alone, guarded as the server guards them, on an SQLite store."""
    service = AuthorService(lambda: SqliteAuthorStore(folder),
                            SsoClient(sso) if sso is not None else None)
    return web.Application(author_routes(base_url, Guarded), base_url=base_url,
                           infoshare_authoring=service, infoshare_hosts=DEFAULT_HOSTS,
                           infoshare_trusted_proxies=networks(trusted))


class AuthorClient:
    """A browser without a browser: cookies kept, redirects not followed, CSRF read from pages."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self.http = requests.Session()

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.get(self.url + path, allow_redirects=False, timeout=30, **kwargs)

    def post(self, path: str, data: dict[str, str], **kwargs: Any) -> requests.Response:
        return self.http.post(self.url + path, data=data, allow_redirects=False, timeout=30,
                              **kwargs)

    def csrf(self, path: str = "/author/sign-in") -> str:
        found = CSRF.search(self.get(path).text)
        assert found, f"no CSRF token on {path}"
        return unescape(found.group(1))

    def sign_in(self, name: str, password: str) -> requests.Response:
        return self.post("/author/sign-in",
                         {"csrf": self.csrf(), "name": name, "password": password})

    def set_password(self, link: str, password: str) -> requests.Response:
        path = link[link.index("/author/"):]
        page = self.get(path)
        assert page.status_code == 200, page.status_code
        token = unescape(CSRF.search(page.text).group(1))  # type: ignore[union-attr]
        return self.post("/author/set-password", {"csrf": token, "token": path.split("token=")[1],
                                                  "password": password, "again": password})


def process_environments(root: int) -> dict[int, tuple[bytes, bytes]]:
    """`root` and every process under it: (command line, environment as it started)."""
    def read(path: str) -> bytes:
        try:
            return Path(path).read_bytes()
        except OSError:  # gone
            return b""

    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = read(f"/proc/{entry.name}/stat").rsplit(b")", 1)
            if len(stat) == 2:
                parents[int(entry.name)] = int(stat[1].split()[1])
    found, todo = {}, [root]
    while todo:
        pid = todo.pop()
        found[pid] = (read(f"/proc/{pid}/cmdline"), read(f"/proc/{pid}/environ"))
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return found


def add_account(server: AuthorServer, name: str, role: str) -> str:
    """`infoshare author add` against the running server: its one-time link."""
    result = subprocess.run(
        [sys.executable, "-m", "infoshare_widgets.cli", "author", "add", name, "--role", role,
         "--site", server.url], env={**os.environ, **server.env}, capture_output=True,
        text=True, timeout=60, check=True)
    return result.stdout.strip()


def raw(port: int, method: str, path: str, headers: dict[str, str], body: str = "") -> tuple:
    """(status, headers, body) of one request sent as it is, with no client's own handling."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read().decode()
    finally:
        conn.close()


def failed_sign_in(port: int, headers: dict[str, str], form: str, token: str, address: str,
                   name: str) -> int:
    """The status of one sign-in as ``name`` with a wrong password, from ``address`` (as the
    trusted proxy says), with the sign-in form's cookie ``form`` and its CSRF ``token``."""
    sent = {**headers, "X-Forwarded-For": address, "Cookie": form,
            "Content-Type": "application/x-www-form-urlencoded"}
    return raw(port, "POST", "/author/sign-in", sent,
               f"csrf={token}&name={name}&password=wrong+password+here")[0]
