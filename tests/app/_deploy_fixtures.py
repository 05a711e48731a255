"""Three app servers under /infoshare/ and Debian's nginx in front of them (issue 16).

Session fixtures, imported by conftest.py: the servers start together (one notebook folder of
two pages, a pool of one per page, each server with its own copy of the content, as on three
machines); nginx is started with the shipped single-server file in front of server A, and with
the shipped multi-server file in front of all three.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from _app_support import AppServer, free_port, stop
from _nginx_support import Nginx, nginx_binary, running_nginx

from infoshare_widgets.app.serve import ServerSettings, voila_command
from infoshare_widgets.content import default_content_dir, load_content

BASE = "/infoshare/"
NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
DEPLOY_NOTEBOOKS = ("00-start", "01-what-is-it")
DRAIN_SECONDS = 6
DEPLOY_LIMITS = {"max_kernels": 40, "max_pages_per_client": 40}


@dataclass
class DeployServers:
    """The three servers (a, b, c) and each one's content folder."""

    servers: list[AppServer]
    contents: list[Path]
    ports: list[int]
    rooms_url: str | None  # the PostgreSQL all three keep their live rooms in (None: none here)

    def metrics(self, index: int) -> dict[str, float]:
        """Server `index`'s /metrics, unlabelled samples only (read directly, not via nginx)."""
        status, _, body = self.servers[index].raw_get(f"{BASE}metrics")
        assert status == 200, status
        found = re.findall(r"^(infoshare_\w+) (\S+)$", body.decode(), flags=re.M)
        return {name: float(value) for name, value in found}

    def health(self, index: int) -> tuple[int, dict]:
        status, _, body = self.servers[index].raw_get(f"{BASE}healthz")
        return status, json.loads(body)


def _settings(content: Path, notebooks: Path, port: int) -> ServerSettings:
    return ServerSettings(
        content=content, notebooks=notebooks, port=port, base_url=BASE, default_pool_size=1,
        pool_sizes={}, cull_idle_timeout=3, cull_interval=1, liveness_timeout=30,
        trusted_proxies=("127.0.0.1",), drain_seconds=DRAIN_SECONDS, **DEPLOY_LIMITS)


def _wait_ready(server: AppServer, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"a server exited early:\n{server.log()[-3000:]}")
        filled = set(re.findall(r"Kernel pool of (\S+) is filled", server.log()))
        if all(f"{nb}.ipynb" in filled for nb in DEPLOY_NOTEBOOKS):
            try:
                if server.raw_get(f"{BASE}healthz")[0] == 200:
                    return
            except OSError:
                pass
        time.sleep(0.25)
    raise RuntimeError(f"a server was not ready in {timeout}s:\n{server.log()[-3000:]}")


@pytest.fixture(scope="session")
def deploy_servers(tmp_path_factory: pytest.TempPathFactory,
                   request: pytest.FixtureRequest) -> Iterator[DeployServers]:
    nginx_binary()  # skip (or fail on CI) before starting anything when nginx is missing
    try:  # live rooms (issue 17) shared by the three, as a site with several servers keeps them
        rooms_url = request.getfixturevalue("postgres_url")
    except pytest.skip.Exception:
        rooms_url = None  # each server keeps its own rooms in SQLite; the room test skips
    root = tmp_path_factory.mktemp("deploy")
    notebooks = root / "notebooks"
    notebooks.mkdir()
    for name in DEPLOY_NOTEBOOKS:
        shutil.copy(NOTEBOOKS / f"{name}.ipynb", notebooks)
    servers, contents, ports = [], [], []
    for letter in "abc":
        content = root / f"content-{letter}"
        shutil.copytree(default_content_dir(), content)
        port = free_port()
        command, env = voila_command(_settings(content, notebooks, port))
        env["INFOSHARE_DATA_DIR"] = str(root / f"data-{letter}")
        if rooms_url:
            env["INFOSHARE_ROOMS_URL"] = rooms_url
        log_path = root / f"voila-{letter}.log"
        with log_path.open("w") as log_file:
            process = subprocess.Popen(command, env=env, stdout=log_file,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        servers.append(AppServer(url=f"http://127.0.0.1:{port}{BASE.rstrip('/')}",
                                 process=process, log_path=log_path,
                                 content=load_content(content), notebooks=notebooks))
        contents.append(content)
        ports.append(port)
    try:
        for server in servers:
            _wait_ready(server)
            server.ready_at = time.monotonic()
        yield DeployServers(servers, contents, ports, rooms_url)
    finally:
        # Two SIGTERMs: the first drains, the second stops at once (drain.py); all together.
        for _ in range(2):
            for server in servers:
                if server.process.poll() is None:
                    server.process.send_signal(signal.SIGTERM)
            time.sleep(0.5)
        for server in servers:
            stop(server.process)


@pytest.fixture(scope="session")
def nginx_one(deploy_servers: DeployServers,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    """deploy/nginx/infoshare-single.conf in front of server A."""
    folder = tmp_path_factory.mktemp("nginx-one")
    with running_nginx("infoshare-single.conf", deploy_servers.ports[:1], folder) as nginx:
        yield nginx


@pytest.fixture(scope="session")
def nginx_many(deploy_servers: DeployServers,
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    """deploy/nginx/infoshare-servers.conf in front of servers A, B and C."""
    folder = tmp_path_factory.mktemp("nginx-many")
    with running_nginx("infoshare-servers.conf", deploy_servers.ports, folder) as nginx:
        yield nginx
