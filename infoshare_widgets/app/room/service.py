"""The rooms as the server runs them: the store (in a thread pool), the watcher, the limits.

One :class:`RoomService` per server, made when the server starts (``settings["infoshare_rooms"]``).
``INFOSHARE_ROOMS_URL`` is read once and taken out of the server's environment, so kernels (which
inherit it) never see the database's address or password.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from tornado import web
from tornado.ioloop import PeriodicCallback

from ...content import Content
from ...content.cache import current_content
from ...content.shipped_words import words_over_shipped
from ...room_store.open_store import URL_VARIABLE, open_store
from ...room_store.questions import Catalogue, catalogue
from ...room_store.rate_limits import RoomLimits, joins_per_address
from ...room_store.store import Room, RoomStore
from .watch import POLL_SECONDS, WAIT_SECONDS, Watcher, wait_for

log = logging.getLogger(__name__)
T = TypeVar("T")
STORE_THREADS = 4  # store calls at once (and, on PostgreSQL, connections) per server
PURGE_SECONDS = 60.0


_TAKEN: list[str] = []


class StoreDown(web.HTTPError):
    """The store did not answer (a database stopped, a folder that cannot be written): 503
    "room_unavailable", never the visitor's fault."""

    reason_key = "room_unavailable"

    def __init__(self) -> None:
        super().__init__(503)


def fault_text(err: BaseException) -> str:
    """What the log says of a store fault: the kind of error, and its message unless it comes
    from the database driver (whose messages name the database's address)."""
    name = type(err).__name__
    if type(err).__module__.startswith("psycopg"):
        return name
    return f"{name}: {err}"


def take_rooms_url() -> None:
    """Move ``INFOSHARE_ROOMS_URL`` out of the environment before any kernel starts (the
    server's entry point calls this); :meth:`RoomService.from_environment` still finds it."""
    url = os.environ.pop(URL_VARIABLE, "")
    if url:
        _TAKEN[:] = [url]


class RoomService:
    """What the room handlers use (see module docstring)."""

    def __init__(self, store_factory: Callable[[], RoomStore],
                 content: Callable[[], Content] = current_content,
                 limits: RoomLimits | None = None) -> None:
        self._factory = store_factory
        self._content = content
        self.store: RoomStore | None = None
        self.executor = ThreadPoolExecutor(STORE_THREADS, thread_name_prefix="infoshare-rooms")
        self.watcher = Watcher()
        self.limits = limits or RoomLimits.default()
        self._stop = threading.Event()
        self._callbacks: list[PeriodicCallback] = []
        self._catalogue: tuple[int, Catalogue] | None = None
        self._started: asyncio.Future[None] | None = None
        self.down = False  # the store failed its last call (logged once per outage)

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> RoomService:
        env = dict(os.environ if env is None else env)
        if _TAKEN and not env.get(URL_VARIABLE):
            env[URL_VARIABLE] = _TAKEN[0]
        return cls(lambda: open_store(env), limits=RoomLimits.default(joins_per_address(env)))

    async def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run a store call in the pool; a store fault is :class:`StoreDown`."""
        errors = getattr(self.store, "errors", (OSError,))
        try:
            result = await asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)
        except errors as err:
            self.fault(err)
            raise StoreDown() from None
        self.recovered()
        return result

    def fault(self, err: BaseException, opening: bool = False) -> None:
        """Log a store fault once per outage (no traceback, no address)."""
        if not self.down:
            self.down = True
            what = "could not be opened" if opening else "is not answering"
            log.error("The rooms' store %s (%s); room calls answer 503 until it does",
                      what, fault_text(err))

    def recovered(self) -> None:
        if self.down:
            self.down = False
            log.warning("The rooms' store answers again")

    def _open(self) -> RoomStore:
        if self.store is None:
            self.store = self._factory()
        return self.store

    async def ready(self) -> bool:
        """Whether the store is open (opened, and watched, on the first room request)."""
        if self._started is None:
            self._started = asyncio.ensure_future(self.start())
        try:
            await asyncio.shield(self._started)
        except Exception as err:
            self.fault(err, opening=True)
            self._started = None  # try again on a later request
            return False
        return True

    async def start(self) -> None:
        """Open the store, then watch it."""
        store = await asyncio.get_running_loop().run_in_executor(self.executor, self._open)
        loop = asyncio.get_running_loop()
        listen = getattr(store, "listen", None)
        if listen is not None:
            def changed(room: str, version: int, stage: int) -> None:
                loop.call_soon_threadsafe(self.watcher.changed, room, version, stage)
            threading.Thread(target=listen, args=(changed, self._stop), daemon=True,
                             name="infoshare-rooms-listen").start()
        else:
            self._every(POLL_SECONDS, self._poll)
        self._every(PURGE_SECONDS, self._purge)
        log.info("Rooms kept in %s", getattr(store, "kind", "a store"))

    def _every(self, seconds: float, job: Callable[[], Any]) -> None:
        callback = PeriodicCallback(job, seconds * 1000)
        callback.start()
        self._callbacks.append(callback)

    async def _poll(self) -> None:
        with contextlib.suppress(StoreDown):  # logged once by call(); pages see the 503
            await self._poll_once()

    async def _poll_once(self) -> None:
        rooms = self.watcher.watched()
        if rooms and self.store is not None:
            for room, (version, stage) in (await self.call(self.store.changes, rooms)).items():
                self.watcher.changed(room, version, stage)
            gone = set(rooms) - set(self.watcher.marks)
            for room in gone:
                if await self.call(self.store.room_by_id, room) is None:
                    self.watcher.forget(room)

    async def _purge(self) -> None:
        if self.store is not None:
            try:
                count = await self.call(self.store.purge)
            except StoreDown:
                return
            if count:
                log.info("%d room(s) past their time deleted", count)

    def stop(self) -> None:
        self._stop.set()
        for callback in self._callbacks:
            callback.stop()
        if self.store is not None:
            self.store.close()
        self.executor.shutdown(wait=False)

    def questions(self) -> Catalogue:
        """The questions rooms can ask (re-read when the content changes)."""
        content = self._content()
        if self._catalogue is None or self._catalogue[0] != id(content):
            self._catalogue = (id(content), catalogue(content))
        return self._catalogue[1]

    def wording(self, *keys: str) -> dict[str, str]:
        words = words_over_shipped(self._content(), "facilitator")  # an older ui.yaml's gaps
        return {key: words.get(key, key.replace("_", " ")) for key in keys}

    async def wait(self, room: Room, since: int, stage: bool, seconds: float = WAIT_SECONDS,
                   ) -> Room | None:
        """The room once its version (or stage) differs from `since`, or after `seconds`."""
        deadline = time.monotonic() + seconds
        assert self.store is not None
        which = 1 if stage else 0
        while True:
            remaining = deadline - time.monotonic()
            if (room.stage if stage else room.version) != since or remaining <= 0:
                return room
            event = self.watcher.event(room.id)
            mark = self.watcher.marks.setdefault(room.id, (room.version, room.stage))
            if mark[which] == since:
                await wait_for(event, remaining)
                mark = self.watcher.marks.get(room.id)
                if mark is not None and mark[which] == since:
                    continue  # another kind of change, or the time is up
            fresh = await self.call(self.store.room_by_id, room.id)
            if fresh is None:
                return None
            room = fresh

    def changed(self, room: str, marks: tuple[int, int] | None) -> None:
        if marks is not None:
            self.watcher.changed(room, *marks)
