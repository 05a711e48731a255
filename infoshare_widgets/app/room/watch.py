"""Waking the pages that wait on a room: changes pushed, never a page polling the store.

Pages long-poll (a request that the server answers when the room changes, or after
:data:`WAIT_SECONDS`). A change made by this server wakes them at once. Changes made by another
server reach this one through PostgreSQL's LISTEN/NOTIFY (:meth:`PostgresRoomStore.listen`, in a
thread); on SQLite the server reads the rooms it is watching every :data:`POLL_SECONDS`.
"""

from __future__ import annotations

import asyncio
import contextlib

POLL_SECONDS = 0.25
WAIT_SECONDS = 20.0


class Watcher:
    """The latest (version, stage) seen of each room, and an event per room to wake waiters."""

    def __init__(self) -> None:
        self.marks: dict[str, tuple[int, int]] = {}
        self._events: dict[str, asyncio.Event] = {}

    def event(self, room: str) -> asyncio.Event:
        """Take this before reading the room, so a change in between is not missed."""
        return self._events.setdefault(room, asyncio.Event())

    def watched(self) -> list[str]:
        return list(self._events)

    def changed(self, room: str, version: int, stage: int) -> None:
        """A room changed (``-1, -1``: it ended): wake everyone waiting on it."""
        old = self.marks.get(room)
        if old is not None and version >= 0 and (version, stage) <= old:
            return
        if version < 0:
            self.marks.pop(room, None)
        else:
            self.marks[room] = (version, stage)
        event = self._events.pop(room, None)
        if event is not None:
            event.set()

    def forget(self, room: str) -> None:
        self.marks.pop(room, None)
        event = self._events.pop(room, None)
        if event is not None:
            event.set()


async def wait_for(event: asyncio.Event, seconds: float) -> None:
    """Wait for `event` at most `seconds`."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(event.wait(), max(0.0, seconds))
