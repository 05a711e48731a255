"""A store that is down is a fault of the server, not of the learner (issue 27): PostgreSQL
stopped and started again under a running room server, and SQLite in a folder that cannot be
written. Phones get 503 "room_unavailable", the log says so once per outage (no traceback, no
address), and the room comes back with its devices when the store does."""

from __future__ import annotations

import logging
import os
import pwd
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import psycopg
import pytest
from _room_client import Device, Facilitator, call, join, room_server

from infoshare_widgets.app.room.base import REFUSED

UNAVAILABLE = (503, {"error": "room_unavailable"})


class StoppablePostgres:
    """The session's PostgreSQL (tests/conftest.py), stopped and started again by pg_ctl with
    the options it was started with; always running again when the test ends."""

    def __init__(self, url: str) -> None:
        with psycopg.connect(url) as conn:
            self.data = Path(conn.execute("SHOW data_directory").fetchone()[0])
            self.bin = Path(conn.execute("SELECT setting FROM pg_config WHERE name = 'BINDIR'")
                            .fetchone()[0])
        self.port = urlparse(url).port
        self.user: dict = {}
        if os.geteuid() == 0:
            entry = pwd.getpwnam("postgres")
            self.user = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": [],
                         "cwd": self.data.parent}

    def pg_ctl(self, *args: str) -> None:
        subprocess.run([self.bin / "pg_ctl", "-D", self.data, *args], check=True,
                       capture_output=True, **self.user)

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "-w", "stop")

    def start(self) -> None:
        options = (f"-F -p {self.port} -k {self.data.parent} "
                   "-c listen_addresses=127.0.0.1")
        self.pg_ctl("-o", options, "-l", str(self.data.parent / "log"), "-w", "start")

    def running(self) -> bool:
        return subprocess.run([self.bin / "pg_ctl", "-D", self.data, "status"],
                              capture_output=True, **self.user).returncode == 0


@pytest.fixture
def stoppable_postgres(postgres_url: str) -> Iterator[StoppablePostgres]:
    server = StoppablePostgres(postgres_url)
    try:
        yield server
    finally:
        if not server.running():
            server.start()


def until(condition: Callable[[], object], seconds: float = 20.0) -> object:
    """Poll `condition` until it is true (no fixed sleep)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"not true within {seconds} s")


def clean_log(caplog: pytest.LogCaptureFixture) -> list[str]:
    lines = [r.getMessage() for r in caplog.records]
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
    assert not [line for line in lines if "127.0.0.1" in line or "Traceback" in line], lines
    return lines


def test_postgresql_stopped_gives_503_and_the_room_comes_back(
        stoppable_postgres: StoppablePostgres, postgres_url: str,
        caplog: pytest.LogCaptureFixture) -> None:
    """Probe (issue 27): every room call answered 500 "Reload the page" and five tracebacks
    carried learners' addresses."""
    with room_server({"INFOSHARE_ROOMS_URL": postgres_url}) as (server, _service), \
            caplog.at_level(logging.INFO):
        host = Facilitator(server)
        first = host.view()[1]
        device = Device(server, first["code"], "192.0.2.44")
        before = REFUSED["unavailable"]
        stoppable_postgres.stop()
        assert host.view() == UNAVAILABLE
        assert device.follow() == UNAVAILABLE
        assert join(server, first["code"], "192.0.2.45") == UNAVAILABLE
        assert call(server + "room/api/rooms", "POST", {}) == UNAVAILABLE
        assert host.step("close") == UNAVAILABLE
        assert REFUSED["unavailable"] == before + 5
        stoppable_postgres.start()
        until(lambda: host.view()[0] == 200)
        assert host.view()[1]["devices"] == 1
        assert device.follow()[0] == 200
        assert join(server, first["code"], "192.0.2.45")[0] == 201
    lines = clean_log(caplog)
    down = [line for line in lines if "is not answering" in line]
    assert len(down) == 1, lines  # once per outage
    assert any("answers again" in line for line in lines), lines
    assert not [line for line in lines if "192.0.2." in line], lines


def read_only_folder(tmp_path: Path) -> Path:
    """A folder that cannot be written: root writes anywhere on an ordinary disk, so as root a
    folder of the kernel's read-only sysfs stands in."""
    if os.geteuid() == 0:
        return Path("/sys/kernel")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    return folder


def test_sqlite_in_a_read_only_folder_gives_503_logged_once(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    env = {"INFOSHARE_DATA_DIR": str(read_only_folder(tmp_path))}
    with room_server(env) as (server, _service), caplog.at_level(logging.INFO):
        for _ in range(3):
            assert call(server + "room/api/rooms", "POST", {}) == UNAVAILABLE
            assert join(server, "AAAA-AAAA") == UNAVAILABLE
    lines = clean_log(caplog)
    opened = [line for line in lines if "could not be opened" in line]
    assert len(opened) == 1, lines
