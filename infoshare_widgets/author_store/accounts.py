"""`AuthorStore`: accounts, one-time set-password links and sessions, one set of SQL for both
databases (a subclass gives the connection; see :mod:`.author_sqlite`, :mod:`.author_postgres`).

Lifetimes (also in ``docs/architecture.md``): a set-password link works once, for
:data:`LINK_HOURS`; a session ends after :data:`IDLE_MINUTES` without use or :data:`SESSION_HOURS`
after sign-in, whichever is first, or at sign-out; ended and expired sessions are deleted.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from .author_tables import LINK_HOURS, ROLES, SCHEMA
from .passwords import digest, new_token

NAME = re.compile(r"[a-z0-9][a-z0-9._@-]{0,63}")
IDLE_MINUTES = 30.0
SESSION_HOURS = 8.0


class AccountExists(ValueError):
    """`infoshare author add` for a name already taken."""


@dataclass(frozen=True)
class AuthorSession:
    """A signed-in author, as a page needs them."""

    who: str
    role: str
    via: str  # "password" or "sso"
    started: float

    @property
    def shown(self) -> str:
        """The name a page shows: the account, or the single sign-on's allowlist entry (an
        email without its ``email:``, else ``sub:``/``oid:`` and the subject)."""
        return self.who.removeprefix("sso:").removeprefix("email:")


class AuthorStore:
    """The author operations; a subclass supplies connections and transactions."""

    placeholder = "?"
    link_seconds = LINK_HOURS * 3600
    idle_seconds = IDLE_MINUTES * 60
    session_seconds = SESSION_HOURS * 3600

    def _transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def close(self) -> None:
        """Close connections."""

    def _run(self, cur: Any, sql: str, params: Sequence[Any] = ()) -> Any:
        cur.execute(sql.replace("?", self.placeholder), tuple(params))
        return cur

    def create_schema(self) -> None:
        with self._transaction() as cur:
            for statement in SCHEMA:
                self._run(cur, statement)

    # -- accounts ------------------------------------------------------------------------------
    def add_account(self, name: str, role: str, now: float | None = None) -> str:
        """A new account without a password: the one-time link's token (shown once)."""
        if not NAME.fullmatch(name):
            raise ValueError("a name is 1-64 lowercase letters, digits and . _ @ -")
        if role not in ROLES:
            raise ValueError(f"a role is one of {', '.join(ROLES)}")
        now = time.time() if now is None else now
        token = new_token()
        with self._transaction() as cur:
            if self._run(cur, "SELECT 1 FROM infoshare_authors WHERE name = ?",
                         (name,)).fetchone():
                raise AccountExists(name)
            self._run(cur, "INSERT INTO infoshare_authors (name, role, link_digest, link_expires,"
                           " created) VALUES (?, ?, ?, ?, ?)",
                      (name, role, digest(token), now + self.link_seconds, now))
        return token

    def new_link(self, name: str, now: float | None = None) -> str | None:
        """A new one-time link for an account (a forgotten password): its token, or None when
        there is no such account. The old password keeps working until the link is used."""
        now = time.time() if now is None else now
        token = new_token()
        with self._transaction() as cur:
            row = self._run(cur, "UPDATE infoshare_authors SET link_digest = ?, link_expires = ?"
                                 " WHERE name = ? RETURNING name",
                            (digest(token), now + self.link_seconds, name)).fetchone()
        return token if row else None

    def role_of(self, name: str) -> str | None:
        """An account's role now; None when there is no such account."""
        with self._transaction() as cur:
            row = self._run(cur, "SELECT role FROM infoshare_authors WHERE name = ?",
                            (name,)).fetchone()
        return row[0] if row else None

    def set_role(self, name: str, role: str) -> bool:
        """Give an account another role (its sessions have it from their next request): whether
        there was such an account."""
        if role not in ROLES:
            raise ValueError(f"a role is one of {', '.join(ROLES)}")
        with self._transaction() as cur:
            row = self._run(cur, "UPDATE infoshare_authors SET role = ? WHERE name = ? "
                                 "RETURNING name", (role, name)).fetchone()
            self._run(cur, "UPDATE infoshare_author_sessions SET role = ? WHERE who = ? AND "
                           "via = 'password'", (role, name))
        return row is not None

    def remove_account(self, name: str) -> bool:
        """Delete an account and its sessions (it is signed out at once): whether it existed.
        The versions it published keep its name (the record of who published what)."""
        with self._transaction() as cur:
            row = self._run(cur, "DELETE FROM infoshare_authors WHERE name = ? RETURNING name",
                            (name,)).fetchone()
            self._run(cur, "DELETE FROM infoshare_author_sessions WHERE who = ? AND "
                           "via = 'password'", (name,))
        return row is not None

    def count_accounts(self) -> int:
        with self._transaction() as cur:
            return int(self._run(cur, "SELECT COUNT(*) FROM infoshare_authors").fetchone()[0])

    def link_account(self, token: str, now: float | None = None) -> str | None:
        """The account a set-password link is for, while it works (None otherwise)."""
        now = time.time() if now is None else now
        with self._transaction() as cur:
            row = self._run(cur, "SELECT name FROM infoshare_authors WHERE link_digest = ? "
                                 "AND link_expires > ?", (digest(token), now)).fetchone()
        return row[0] if row else None

    def use_link(self, token: str, password_hash: str, now: float | None = None) -> str | None:
        """Set the password through the link, which then stops working: the account's name, or
        None for a link that is unknown, used or out of date. Its old sessions end."""
        now = time.time() if now is None else now
        with self._transaction() as cur:
            row = self._run(cur, "UPDATE infoshare_authors SET password_hash = ?, "
                                 "link_digest = NULL, link_expires = NULL WHERE link_digest = ? "
                                 "AND link_expires > ? RETURNING name",
                            (password_hash, digest(token), now)).fetchone()
            if row:
                self._run(cur, "DELETE FROM infoshare_author_sessions WHERE who = ? AND "
                               "via = 'password'", (row[0],))
        return row[0] if row else None

    def password_of(self, name: str) -> tuple[str | None, str] | None:
        """(password hash or None, role) of an account; None when there is no such account."""
        with self._transaction() as cur:
            row = self._run(cur, "SELECT password_hash, role FROM infoshare_authors "
                                 "WHERE name = ?", (name,)).fetchone()
        return (row[0], row[1]) if row else None

    # -- sessions ------------------------------------------------------------------------------
    def start_session(self, who: str, role: str, via: str, now: float | None = None) -> str:
        """A new session (a new id every sign-in): its id, for the cookie only."""
        now = time.time() if now is None else now
        sid = new_token()
        with self._transaction() as cur:
            self._run(cur, "INSERT INTO infoshare_author_sessions (digest, who, role, via, "
                           "started, seen) VALUES (?, ?, ?, ?, ?, ?)",
                      (digest(sid), who, role, via, now, now))
        return sid

    def session(self, sid: str, now: float | None = None) -> AuthorSession | None:
        """The live session with this id, its idle clock restarted; None (and deleted) when it
        is unknown, idle too long or too old."""
        now = time.time() if now is None else now
        key = digest(sid)
        with self._transaction() as cur:
            row = self._run(cur, "SELECT who, role, via, started, seen FROM "
                                 "infoshare_author_sessions WHERE digest = ?", (key,)).fetchone()
            if row is None:
                return None
            started, seen = float(row[3]), float(row[4])
            if now - seen > self.idle_seconds or now - started > self.session_seconds:
                self._run(cur, "DELETE FROM infoshare_author_sessions WHERE digest = ?", (key,))
                return None
            self._run(cur, "UPDATE infoshare_author_sessions SET seen = ? WHERE digest = ?",
                      (now, key))
        return AuthorSession(row[0], row[1], row[2], started)

    def end_session(self, sid: str) -> None:
        with self._transaction() as cur:
            self._run(cur, "DELETE FROM infoshare_author_sessions WHERE digest = ?",
                      (digest(sid),))

    def purge(self, now: float | None = None) -> int:
        """Delete expired sessions and put out of use expired links: how many sessions went."""
        now = time.time() if now is None else now
        with self._transaction() as cur:
            gone = self._run(cur, "DELETE FROM infoshare_author_sessions WHERE seen < ? OR "
                                  "started < ?", (now - self.idle_seconds,
                                                  now - self.session_seconds)).rowcount
            self._run(cur, "UPDATE infoshare_authors SET link_digest = NULL, link_expires = NULL"
                           " WHERE link_expires <= ?", (now,))
        return int(gone or 0)
