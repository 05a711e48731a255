"""``/healthz`` in this process (issue 27, item 4): it reads only what the loader accepts, never
blocks the event loop, and says "not ready" with the reason when the section list is broken or
the room store cannot write.

The probe's findings, the before: a named pipe in the content folder hung the whole server on
the first anonymous ``/healthz``; a symlink to a 1 GB file took the server from 126 MB to 1.17 GB;
a broken ``sections.yaml`` and a store that could not write were both "ready".
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sqlite3
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from _served import served
from tornado import web

from infoshare_widgets.app import content_check, health
from infoshare_widgets.app.room import RoomService
from infoshare_widgets.content import default_content_dir
from infoshare_widgets.room_store.open_store import open_store
from infoshare_widgets.room_store.probe import check_writable
from infoshare_widgets.room_store.sqlite_store import SqliteRoomStore


class Manager:
    draining = False

    def visitor_kernels(self) -> int:
        return 0

    def kernels_of_client(self, client: str) -> int:
        return 0


@contextmanager
def health_server(content: Path, data: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A tornado server with the health route only, its own loop in a thread."""
    monkeypatch.setenv("INFOSHARE_CONTENT", str(content))
    monkeypatch.setattr(health, "_content_checks", {}, raising=False)
    service = RoomService(lambda: open_store({"INFOSHARE_DATA_DIR": str(data)}))
    try:
        with served(lambda: web.Application([("/healthz", health.HealthHandler)],
                                            kernel_manager=Manager(),
                                            infoshare_rooms=service)) as port:
            yield f"http://127.0.0.1:{port}/healthz"
    finally:
        service.stop()


def get(url: str, timeout: float = 10) -> tuple[int, dict]:
    """One answer, within `timeout` seconds (else the request fails)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def checked(url: str) -> tuple[int, dict]:
    """The first answer once the content has been checked (at start: "still being checked");
    every answer comes within the checks' timeout."""
    deadline = time.monotonic() + 60
    while True:
        status, body = get(url, timeout=content_check.TIMEOUT + 3)
        if body["content"]["fingerprint"] != "pending" or time.monotonic() > deadline:
            return status, body
        assert (status, body["reason"]) == (503, "the content is still being checked"), body
        time.sleep(0.2)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(default_content_dir(), folder)
    return folder


def resident_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.timeout(60)
def test_a_pipe_and_a_link_to_a_huge_file_neither_hang_nor_bloat_healthz(
        content: Path, tmp_path: Path, monkeypatch) -> None:
    huge = tmp_path / "huge.bin"
    with huge.open("wb") as handle:  # 1.2 GB, sparse: costs no disk, but reading it would
        handle.truncate(1_200_000_000)
    (content / "quizzes" / "big.yaml").symlink_to(huge)
    os.mkfifo(content / "case_studies" / "pipe.yaml")
    before = resident_mb()
    with health_server(content, tmp_path / "data", monkeypatch) as url:
        started = time.monotonic()
        status, body = checked(url)
        took = time.monotonic() - started
        fingerprint = body["content"]["fingerprint"]
        with huge.open("r+b") as handle:  # the link's target changes: it was never read
            handle.write(b"changed")
        assert get(url.replace("healthz", "healthz?live"))[0] == 200
        time.sleep(content_check.MAX_AGE + 0.1)
        assert checked(url)[1]["content"]["fingerprint"] == fingerprint
    print(f"\n/healthz with a pipe and a 1.2 GB link: {status} in {took:.2f} s; "
          f"peak RSS {before:.0f} -> {resident_mb():.0f} MB")
    assert status == 200 and body["status"] == "ready", body
    assert len(fingerprint) == 64
    assert took < 30
    assert resident_mb() - before < 100


def test_a_slow_check_never_blocks_the_event_loop(content: Path, tmp_path: Path,
                                                  monkeypatch) -> None:
    release = threading.Event()

    def slow(root: Path) -> health.ContentState:
        release.wait(20)
        return health.ContentState("1", "f" * 64)

    monkeypatch.setattr(health, "content_state", slow)
    monkeypatch.setattr(content_check.OffLoop.__init__, "__defaults__",
                        (0.5, content_check.MAX_AGE))  # the timeout: half a second
    with health_server(content, tmp_path / "data", monkeypatch) as url:
        answers: list[tuple[int, dict]] = []
        threads = [threading.Thread(target=lambda: answers.append(get(url))) for _ in range(5)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        took = time.monotonic() - started
        release.set()
    assert len(answers) == 5 and took < 3, took  # five at once, each after the timeout at most
    assert all(body["content"]["fingerprint"] == "pending" for _, body in answers)


def test_a_broken_section_list_is_not_ready(content: Path, tmp_path: Path, monkeypatch) -> None:
    (content / "sections.yaml").write_text("sections: [ {id: \n", encoding="utf-8")
    with health_server(content, tmp_path / "data", monkeypatch) as url:
        status, body = checked(url)
        live, _ = get(url + "?live")
    assert status == 503 and body["status"] == "not ready", body
    assert "sections.yaml" in body["reason"]
    assert live == 200  # liveness: never restarted for it


def test_a_room_store_that_cannot_write_is_not_ready(content: Path, tmp_path: Path,
                                                     monkeypatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder should be\n", encoding="utf-8")
    with health_server(content, blocked / "data", monkeypatch) as url:
        status, body = checked(url)
    assert status == 503 and body["status"] == "not ready", body
    assert "room store" in body["reason"] and body["rooms"] == body["reason"]
    with health_server(content, tmp_path / "data", monkeypatch) as url:
        status, body = checked(url)
    assert (status, body["status"], body["rooms"]) == (200, "ready", "ok"), body


def test_the_write_probe_refuses_a_read_only_store(tmp_path: Path) -> None:
    SqliteRoomStore(tmp_path).close()

    class ReadOnly(SqliteRoomStore):
        def _connect(self) -> sqlite3.Connection:  # what a read-only file or folder gives
            return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None,
                                   check_same_thread=False)

        def create_schema(self) -> None:
            pass

    store = ReadOnly(tmp_path)
    with pytest.raises(sqlite3.OperationalError):
        check_writable(store)
    store.close()
    writable = SqliteRoomStore(tmp_path)
    check_writable(writable)
    assert writable.dump() == []  # the probe changed nothing
    writable.close()
