"""Debian's nginx in front of the app for the tests, with the shipped configuration files.

The site files in deploy/nginx/ are used as shipped, with only what differs on a test machine
replaced: the listening ports (loopback), the app servers' addresses, the certificate (made
here, self-signed, with the openssl command) and where the snippets are. nginx runs in the
foreground from its own folder with its own main file (the one Debian ships is not touched).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from _app_support import stop

DEPLOY = Path(__file__).resolve().parents[2] / "deploy" / "nginx"
SNIPPETS = ("infoshare-proxy.conf", "infoshare-headers.conf")
# The addresses the multi-server file names, in order (a, b, c).
SHIPPED_SERVERS = ("10.0.0.11:8866", "10.0.0.12:8866", "10.0.0.13:8866")
INSTALL_HINT = ("install it with `sudo apt-get install -y nginx` (or run `make nginx`); "
                "`make test` installs it when run as root on Debian")


def nginx_binary() -> str:
    """nginx's path; skips (with what to install) when it is missing, fails on CI."""
    path = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None)
    if path:
        return path
    reason = f"nginx is needed for the proxy tests and was not found: {INSTALL_HINT}"
    if os.environ.get("CI"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)
    raise AssertionError  # unreachable


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for localhost and 127.0.0.1, valid for a day (openssl command)."""
    openssl = shutil.which("openssl")
    if not openssl:
        pytest.skip("the openssl command is needed to make a test certificate")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                   check=True, capture_output=True)
    return cert, key


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Nginx:
    """A running nginx: its HTTPS and HTTP ports and folder."""

    https_port: int
    http_port: int
    folder: Path
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"https://localhost:{self.https_port}"

    def log(self) -> str:
        return (self.folder / "error.log").read_text(errors="replace")

    def upstreams(self, path_start: str) -> list[str]:
        """The server (``127.0.0.1:PORT``) that answered each request so far whose path starts
        with `path_start`, in order (from the access log)."""
        lines = (self.folder / "access.log").read_text(errors="replace").splitlines()
        return [line.split()[3] for line in lines
                if len(line.split()) >= 4 and line.split()[1].startswith(path_start)]


def site_for_test(name: str, upstreams: Sequence[int], folder: Path, https_port: int,
                  http_port: int, cert: Path, key: Path) -> str:
    """A shipped site file with the test machine's ports, servers, certificate and snippets."""
    text = (DEPLOY / name).read_text(encoding="utf-8")
    replacements = {
        "listen 443 ssl;": f"listen 127.0.0.1:{https_port} ssl;",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "/etc/ssl/certs/infoshare.pem": str(cert),
        "/etc/ssl/private/infoshare.key": str(key),
        "/etc/nginx/snippets/": f"{folder}/",
        "/var/log/nginx/infoshare-access.log": f"{folder}/access.log",  # the site's own format
        "https://$host$request_uri": f"https://$host:{https_port}$request_uri",
        "127.0.0.1:8866": f"127.0.0.1:{upstreams[0]}",
    }
    if name == "infoshare-servers.conf":
        # The room test across servers reads which server answered each room call from the
        # access log; the shipped file logs no room call (tests/test_deploy_manifests.py and,
        # on the single-server file, test_deploy_proxy.py check that).
        replacements["access_log off;"] = f"access_log {folder}/access.log infoshare_no_address;"
        # Deployed for a room of 30 behind one address, as docs/deploy.md says (burst raised to
        # the room's size): with the shipped 20, whether 30 pages from one address passed
        # depended on how fast they loaded (1 a second drains the bucket), not on the site.
        replacements["burst=20 nodelay"] = "burst=30 nodelay"
    for shipped, port in zip(SHIPPED_SERVERS, upstreams, strict=False):
        replacements[shipped] = f"127.0.0.1:{port}"
        replacements[shipped.replace(".", r"\.")] = rf"127\.0\.0\.1:{port}"
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text


MAIN = """worker_processes 1;
{user}
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    # which server answered each request (the path only: no query, no address)
    log_format infoshare_test '$request_method $uri $status $upstream_addr';
    access_log {folder}/access.log infoshare_test;
    client_body_temp_path {folder}/tmp/body;
    proxy_temp_path {folder}/tmp/proxy;
    fastcgi_temp_path {folder}/tmp/fastcgi;
    uwsgi_temp_path {folder}/tmp/uwsgi;
    scgi_temp_path {folder}/tmp/scgi;
    include {folder}/site.conf;
}}
"""


@contextmanager
def running_nginx(site: str, upstreams: Sequence[int], folder: Path) -> Iterator[Nginx]:
    """nginx with the shipped `site` file in front of the app servers on `upstreams`."""
    binary = nginx_binary()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tmp").mkdir(exist_ok=True)
    cert, key = self_signed(folder)
    https_port, http_port = free_port(), free_port()
    for snippet in SNIPPETS:
        text = (DEPLOY / snippet).read_text(encoding="utf-8")
        (folder / snippet).write_text(text.replace("/etc/nginx/snippets/", f"{folder}/"))
    (folder / "site.conf").write_text(
        site_for_test(site, upstreams, folder, https_port, http_port, cert, key))
    # As root, nginx's workers would run as `nobody`, who cannot read this private folder.
    user = "user root;" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""
    (folder / "nginx.conf").write_text(MAIN.format(folder=folder, user=user))
    command = [binary, "-p", str(folder), "-c", str(folder / "nginx.conf"),
               "-e", str(folder / "error.log"), "-g", "daemon off;"]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert check.returncode == 0, f"nginx refused the configuration:\n{check.stderr}"
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    server = Nginx(https_port, http_port, folder, process)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"nginx did not start:\n{server.log()}") from None
                time.sleep(0.1)
        yield server
    finally:
        stop(process, signal.SIGQUIT, wait=10)
