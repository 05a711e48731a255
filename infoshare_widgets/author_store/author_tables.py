"""The two tables of the author store, in SQL both SQLite and PostgreSQL run.

An account: its name, role, argon2 hash (none until the one-time link is used), the digest of
that link and when it expires. A session: the digest of its id, who (account name, or the
single sign-on allowlist entry it matched), role, how it signed in, when it started
and when it was last used. Nothing else about a person: no address, no browser, no history.
"""

from __future__ import annotations

# author: builds and saves drafts; publisher: also publishes and rolls back; admin: everything
# (the builders and the publishing store read the role; the store only keeps it).
ROLES = ("author", "publisher", "admin")
LINK_HOURS = 24.0  # a set-password link works once, for this long

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS infoshare_authors ("
    " name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT,"
    " link_digest TEXT, link_expires DOUBLE PRECISION, created DOUBLE PRECISION NOT NULL)",
    "CREATE TABLE IF NOT EXISTS infoshare_author_sessions ("
    " digest TEXT PRIMARY KEY, who TEXT NOT NULL, role TEXT NOT NULL, via TEXT NOT NULL,"
    " started DOUBLE PRECISION NOT NULL, seen DOUBLE PRECISION NOT NULL)",
)
TABLES = ("infoshare_authors", "infoshare_author_sessions")
