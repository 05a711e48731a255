"""`AuthorService`: what the author pages use: the store in a thread pool, the sign-in limits,
single sign-on, and the pages the area lists.

Sign-in limits (token buckets in memory, never stored or logged: ``room_store/rate_limits.py``):
one address :data:`ADDRESS_TRIES` tries at once, then one every 6 s; one account name
:data:`ACCOUNT_TRIES` at once, then one every 30 s. A name counts whether or not an account has
it, so the limit says nothing about which accounts exist. An IPv6 address counts by its /64
(one household or device gets a whole /64; IPv4 by the address: :func:`address_group`).

argon2 (about 64 MB and tens of milliseconds a hash) runs in its own pool of
:data:`HASH_THREADS` threads, never on the event loop and never in the store's pool: a flood of
sign-ins waits there while sessions and pages go on. At most :data:`HASH_JOBS` hashes wait or
run at once; beyond that a sign-in is told to slow down (:class:`HashingBusy`).
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from ...author_store.accounts import AuthorSession, AuthorStore
from ...author_store.open_authors import URL_VARIABLE, open_author_store
from ...author_store.passwords import MAX_PASSWORD, hash_password, verify_password
from ...room_store.rate_limits import RateLimit
from .author_config import secret, sso_settings
from .sso import SsoClient

log = logging.getLogger(__name__)
T = TypeVar("T")
ADDRESS_TRIES, ADDRESS_REFILL = 10, 1 / 6  # tries at once, then tries a second
ACCOUNT_TRIES, ACCOUNT_REFILL = 5, 1 / 30
PURGE_SECONDS = 300.0
HASH_THREADS = 2  # argon2 hashes at once (each about 64 MB)
HASH_JOBS = 8  # hashes running or waiting; more: "slow down"


class HashingBusy(Exception):
    """Too many password hashes waiting: the sign-in is refused as too fast (429)."""


def address_group(address: str) -> str:
    """What the per-address limit counts: an IPv6 address's /64, an IPv4 address itself (also
    as IPv6-mapped); anything unreadable as it is."""
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


@dataclass(frozen=True)
class AuthorPage:
    """An entry in the author area's home page: the builders add theirs to `AUTHOR_PAGES`."""

    path: str  # relative to author/, e.g. "quizzes"
    words_key: str  # its link text in ui.yaml's author group
    roles: tuple[str, ...] = ("author", "publisher", "admin")


# The pages the signed-in home lists (`builder_pages.py`): what is on the site, and from there
# the builders and each item's history.
AUTHOR_PAGES: list[AuthorPage] = [AuthorPage("items", "author_items")]


class AuthorService:
    """The store (blocking calls in a small thread pool), the limits and single sign-on."""

    def __init__(self, store_factory: Callable[[], AuthorStore], sso: SsoClient | None) -> None:
        self._factory = store_factory
        self._store: AuthorStore | None = None
        self.sso = sso
        self.executor = ThreadPoolExecutor(2, thread_name_prefix="infoshare-authors")
        self.hashing = ThreadPoolExecutor(HASH_THREADS, thread_name_prefix="infoshare-argon2")
        self._hash_jobs = 0
        self.by_address = RateLimit(ADDRESS_TRIES, ADDRESS_REFILL)
        self.by_account = RateLimit(ACCOUNT_TRIES, ACCOUNT_REFILL)
        self._purged = 0.0

    @classmethod
    def from_environment(cls) -> AuthorService:
        url = secret(URL_VARIABLE)
        settings = sso_settings()
        return cls(lambda: open_author_store(url=url), SsoClient(settings) if settings else None)

    async def run(self, call: Callable[..., T], *args: Any) -> T:
        """`call(*args)` in the pool (the store, argon2, the provider's HTTP)."""
        return await asyncio.get_running_loop().run_in_executor(self.executor, call, *args)

    async def hash_run(self, call: Callable[..., T], *args: Any) -> T:
        """`call(*args)` (argon2) in the hashing pool; :class:`HashingBusy` when it is full."""
        if self._hash_jobs >= HASH_JOBS:
            raise HashingBusy
        self._hash_jobs += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self.hashing, call, *args)
        finally:
            self._hash_jobs -= 1

    def allow_address(self, address: str) -> bool:
        """A sign-in try from `address` (grouped: :func:`address_group`) within the limit."""
        return self.by_address.allow(address_group(address))

    def store(self) -> AuthorStore:
        if self._store is None:
            self._store = self._factory()
        now = time.monotonic()
        if now - self._purged > PURGE_SECONDS:
            self._purged = now
            self._store.purge()
        return self._store

    async def session(self, sid: str) -> AuthorSession | None:
        """The live session, with its role as it is now (checked at every request): ended at
        once when its account was removed or its single sign-on entry left the allowlist."""
        if not sid:
            return None

        def look() -> AuthorSession | None:
            found = self.store().session(sid)
            if found is None:
                return None
            role = self.role_now(found)
            if role is None:
                self.store().end_session(sid)
                return None
            return found if role == found.role else replace(found, role=role)
        return await self.run(look)

    def role_now(self, session: AuthorSession) -> str | None:
        """The role `session`'s account or allowlist entry has now (None: no longer an author)."""
        if session.via == "sso":
            key = session.who.removeprefix("sso:")
            return self.sso.settings.authors.get(key) if self.sso is not None else None
        return self.store().role_of(session.who)

    async def has_accounts(self) -> bool:
        return await self.run(lambda: self.store().count_accounts() > 0)

    async def check_password(self, name: str, password: str) -> str | None:
        """The account's role when name and password match (None otherwise, in the same time
        whether or not the name exists)."""
        found = await self.run(lambda: self.store().password_of(name))
        stored, role = found if found else (None, "")
        ok = await self.hash_run(verify_password, stored, password[:MAX_PASSWORD])
        return role if ok and len(password) <= MAX_PASSWORD else None

    async def set_password(self, token: str, password: str) -> str | None:
        hashed = await self.hash_run(hash_password, password)
        return await self.run(lambda: self.store().use_link(token, hashed))

    async def start_session(self, who: str, role: str, via: str, old: str = "") -> str:
        """A new session id (the old one, if any, ended: the id changes at every sign-in)."""
        def start() -> str:
            if old:
                self.store().end_session(old)
            return self.store().start_session(who, role, via)
        return await self.run(start)

    async def end_session(self, sid: str) -> None:
        if sid:
            await self.run(lambda: self.store().end_session(sid))
