"""What the store hands back: a room as its pages see it, a new room with its secret once, and
the refusals a join can meet."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Room:
    id: str
    code: str
    question: str | None
    phase: str  # idle (nothing asked), open, closed, revealed
    version: int  # changes with every answer and every step
    stage: int  # changes with every step (a question asked, closed, revealed)
    expires: float
    locked: bool = False  # the facilitator closed the door: no device joins


@dataclass(frozen=True)
class NewRoom:
    room: Room
    secret: str  # the facilitator's: shown once, in their page; the store keeps its digest


class RoomFull(Exception):
    """The room has its most devices (:data:`.store.MAX_DEVICES`)."""


class RoomLocked(Exception):
    """The facilitator locked the room: no new device joins."""
