"""Authors' accounts and sign-in sessions (server side only).

Learners never sign in; this package is the author area's door. :mod:`.accounts` holds the one set
of SQL (SQLite by default, PostgreSQL with ``INFOSHARE_AUTHORS_URL``), :mod:`.passwords` the
argon2 hashes and the random tokens kept only as digests, :mod:`.open_authors` picks the store.
"""
