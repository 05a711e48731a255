"""Rate limits for rooms, in the server's memory (never stored, never logged).

Token buckets: ``capacity`` requests at once, refilled at ``per_second``. The stated bounds (per
server; with N servers behind one site, N times the rate, never more devices):

- a device: 5 answers at once, then 1 a second; a device's answer to a question replaces its
  earlier one, so each device counts once per question;
- a room: at most :data:`.store.MAX_DEVICES` (300) devices; they join at most 100 at once, then
  2 a second; the facilitator can lock the room (no one joins) and remove a device;
- one network address joins at most :data:`JOINS_PER_ADDRESS` (80) devices at once, then 1
  every 2 s (a venue's devices behind one address join together; raise it with
  ``INFOSHARE_ROOM_JOINS_PER_ADDRESS``); answers to a room at most 120 at once, then 30 a
  second; the facilitator's steps 20 at once, then 2 a second;
- codes: a code is looked up only while its address and the whole site have guesses left, and
  only a wrong one spends a guess (a right code is refused too while the limit holds). One
  address: 30 wrong codes at once, then 1 every 2 s (measured: 0.49 looked up a second, about
  43,000 a day); all addresses: 100 at once, then 2 a second (about 173,000 a day, which find
  one of 100 open rooms with a chance of about 1 in 4,500). While a site-wide flood of wrong
  codes lasts, joining waits for everyone: codes stay out of reach;
- new rooms: 5 at once from one address, then 1 a minute, and 100 at once from everyone, then 1
  every 2 s (so at most about 7,300 rooms live at once, each a few rows).
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass

JOINS_PER_ADDRESS = 80
JOINS_VARIABLE = "INFOSHARE_ROOM_JOINS_PER_ADDRESS"


@dataclass
class _Bucket:
    tokens: float
    stamp: float
    held: int = 0  # tries reserved by requests in flight


class RateLimit:
    """One bucket per key; the least recently used keys are dropped past `max_keys`."""

    def __init__(self, capacity: float, per_second: float, max_keys: int = 20_000) -> None:
        self.capacity = capacity
        self.per_second = per_second
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    def _bucket(self, key: str, now: float | None) -> _Bucket:
        now = time.monotonic() if now is None else now
        bucket = self._buckets.pop(key, None) or _Bucket(self.capacity, now)
        bucket.tokens = min(self.capacity,
                            bucket.tokens + (now - bucket.stamp) * self.per_second)
        bucket.stamp = now
        self._buckets[key] = bucket
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return bucket

    def allow(self, key: str, now: float | None = None) -> bool:
        """Spend one try if one is left."""
        bucket = self._bucket(key, now)
        allowed = bucket.tokens >= 1
        if allowed:
            bucket.tokens -= 1
        return allowed

    def reserve(self, key: str, now: float | None = None) -> bool:
        """Hold one try, if one is left that no request in flight holds (then :meth:`settle`):
        tries made at once cannot outrun the bucket."""
        bucket = self._bucket(key, now)
        if bucket.tokens - bucket.held < 1:
            return False
        bucket.held += 1
        return True

    def settle(self, key: str, spent: bool, now: float | None = None) -> None:
        """Release a held try, spending it or giving it back."""
        bucket = self._bucket(key, now)
        bucket.held = max(0, bucket.held - 1)
        if spent:
            bucket.tokens -= 1


def joins_per_address(env: Mapping[str, str] | None = None) -> int:
    """``INFOSHARE_ROOM_JOINS_PER_ADDRESS`` (a whole number from 1), else the default."""
    value = (os.environ if env is None else env).get(JOINS_VARIABLE, "").strip()
    if not value:
        return JOINS_PER_ADDRESS
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{JOINS_VARIABLE} must be a whole number from 1, not {value!r}")
    return int(value)


@dataclass
class RoomLimits:
    device: RateLimit
    room_answers: RateLimit
    room_joins: RateLimit
    address_joins: RateLimit
    room_steps: RateLimit
    wrong_code_address: RateLimit
    wrong_code_all: RateLimit
    new_room_address: RateLimit
    new_room_all: RateLimit

    @classmethod
    def default(cls, joins_per_address: int = JOINS_PER_ADDRESS) -> RoomLimits:
        return cls(device=RateLimit(5, 1), room_answers=RateLimit(120, 30),
                   room_joins=RateLimit(100, 2),
                   address_joins=RateLimit(joins_per_address, 1 / 2),
                   room_steps=RateLimit(20, 2),
                   wrong_code_address=RateLimit(30, 1 / 2), wrong_code_all=RateLimit(100, 2),
                   new_room_address=RateLimit(5, 1 / 60), new_room_all=RateLimit(100, 1 / 2))
