"""What ``/healthz`` says about the content folder and the room store, worked out off the loop.

The fingerprint reads only what the loader would read, through the loader's own door
(:func:`..content.files.read_content_file`: regular files, no links, at most the size cap, a named
pipe never waited on); a refused file counts by its name alone. Every check runs in one worker
thread (:class:`OffLoop`): requests arriving together share one run, a run that takes longer than
``TIMEOUT`` leaves the last answer in place, and an answer is kept for ``MAX_AGE`` seconds, so
``/healthz`` can neither block the event loop nor be used to make the server read.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..content.cache import content_signature, current_content
from ..content.files import read_content_file
from ..room_store.probe import check_writable

T = TypeVar("T")
TIMEOUT = 3.0  # seconds a request waits for a check before it answers with the last one
MAX_AGE = 2.0  # seconds an answer is reused
SECTIONS = "sections.yaml"
_worker = ThreadPoolExecutor(1, thread_name_prefix="infoshare-health")
_fingerprints: dict[Path, tuple[tuple, str]] = {}


@dataclass(frozen=True)
class ContentState:
    version: str  # what about.yaml says, "not stated" or "unreadable"
    fingerprint: str  # sha256 over the files the loader accepts ("pending": not worked out yet)
    problem: str | None = None  # why the server is not ready because of its content


PENDING = ContentState("pending", "pending")


def content_fingerprint(root: Path) -> str:
    """sha256 of every content file's relative path and, for the files the loader accepts,
    their bytes (a refused file: its path and a mark); re-worked only when a file changed."""
    root = Path(root).resolve()
    signature = content_signature(root)
    cached = _fingerprints.get(root)
    if cached and cached[0] == signature:
        return cached[1]
    digest = hashlib.sha256()
    for path, _size, _mtime in signature:
        digest.update(os.path.relpath(path, root).encode("utf-8", "surrogateescape") + b"\0")
        read = read_content_file(Path(path), root)
        digest.update(read if isinstance(read, bytes) else b"\1refused")
        digest.update(b"\0")
    value = digest.hexdigest()
    _fingerprints[root] = (signature, value)
    return value


def content_state(root: Path) -> ContentState:
    """The content's version and fingerprint, and a problem when the section list did not load
    (every page would be shown without its header)."""
    version, problem = "not stated", None
    try:
        content = current_content(root)
        if content.about is not None:
            version = str(content.about.version)
        sections = Path(root).resolve() / SECTIONS
        if not content.sections or content.problems_in(sections):
            problem = (f"the section list ({SECTIONS}) did not load: run `infoshare validate` "
                       "on the content folder")
    except Exception:
        version, problem = "unreadable", "the content folder could not be read"
    return ContentState(version, content_fingerprint(root), problem)


class OffLoop(Generic[T]):
    """One check, run off the event loop at most once at a time; its last answer kept."""

    def __init__(self, work: Callable[[], Awaitable[T]], initial: T,
                 timeout: float = TIMEOUT, max_age: float = MAX_AGE) -> None:
        self.work, self.last, self.timeout, self.max_age = work, initial, timeout, max_age
        self._at = -float("inf")
        self._running: asyncio.Future[T] | None = None

    async def get(self) -> T:
        if time.monotonic() - self._at < self.max_age:
            return self.last
        if self._running is None:
            self._running = asyncio.ensure_future(self.work())
            self._running.add_done_callback(self._done)
        try:
            return await asyncio.wait_for(asyncio.shield(self._running), self.timeout)
        except TimeoutError:
            return self.last

    def _done(self, future: asyncio.Future[T]) -> None:
        self._running = None
        if not future.cancelled() and future.exception() is None:
            self.last, self._at = future.result(), time.monotonic()


def in_worker(fn: Callable[..., T], *args: Any) -> Awaitable[T]:
    """`fn(*args)` in the health checks' own thread."""
    return asyncio.get_running_loop().run_in_executor(_worker, fn, *args)


async def store_problem(rooms: Any) -> str | None:
    """Why the room store cannot be used now, or None (`rooms`: the server's RoomService)."""
    try:
        if not await rooms.ready():
            return "the room store cannot be opened (see the log)"
        await rooms.call(check_writable, rooms.store)
    except Exception as err:
        return f"the room store cannot write ({type(err).__name__})"
    return None
