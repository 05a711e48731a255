"""Rate limits for rooms, in the server's memory (never stored, never logged).

Token buckets: ``capacity`` requests at once, refilled at ``per_second``. The stated bounds (per
server; with N servers behind one site, N times the rate, never more devices):

- a device: 5 answers at once, then 1 a second;
- a room: at most :data:`.store.MAX_DEVICES` (300) devices, so a flood of fake devices adds at
  most 300 answers to a question; they join at most 60 at once, then 5 a second; answers to a room
  at most 120 at once, then 30 a second; the facilitator's steps 20 at once, then 2 a second;
- wrong codes: 30 at once from one network address (a school's devices often share one), then
  1 every 2 s, and 100 at once from all addresses, then 2 a second: at most ~173,000 guesses a
  day, which find one of 100 open rooms with a chance of about 1 in 4,500 (a guess that finds one
  joins it as one more anonymous device, within the room's bound); a correct code is never
  slowed by wrong ones; new rooms: 5 at once from one address, then 1 a minute, and 100 at once
  from everyone, then 1 every 2 s (so at most about 7,300 rooms live at once, each a few rows).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class RateLimit:
    """One bucket per key; the least recently used keys are dropped past `max_keys`."""

    def __init__(self, capacity: float, per_second: float, max_keys: int = 20_000) -> None:
        self.capacity = capacity
        self.per_second = per_second
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def allow(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        bucket = self._buckets.pop(key, None) or _Bucket(self.capacity, now)
        bucket.tokens = min(self.capacity,
                            bucket.tokens + (now - bucket.stamp) * self.per_second)
        bucket.stamp = now
        allowed = bucket.tokens >= 1
        if allowed:
            bucket.tokens -= 1
        self._buckets[key] = bucket
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return allowed


@dataclass
class RoomLimits:
    device: RateLimit
    room_answers: RateLimit
    room_joins: RateLimit
    room_steps: RateLimit
    wrong_code_address: RateLimit
    wrong_code_all: RateLimit
    new_room_address: RateLimit
    new_room_all: RateLimit

    @classmethod
    def default(cls) -> RoomLimits:
        return cls(device=RateLimit(5, 1), room_answers=RateLimit(120, 30),
                   room_joins=RateLimit(60, 5), room_steps=RateLimit(20, 2),
                   wrong_code_address=RateLimit(30, 1 / 2), wrong_code_all=RateLimit(100, 2),
                   new_room_address=RateLimit(5, 1 / 60), new_room_all=RateLimit(100, 1 / 2))
