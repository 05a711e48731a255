"""Password hashes (argon2id, ``argon2-cffi``) and the random tokens the store keeps as digests.

A one-time set-password link and a session id are random strings given to one browser; the store
keeps only their SHA-256 digest, so a copy of the database opens no session and sets no password.
"""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

HASHER = PasswordHasher()  # argon2id with the library's current parameters (RFC 9106 low memory)
MIN_PASSWORD = 12  # characters; NCSC: length beats rules about symbols
MAX_PASSWORD = 256  # a longer one is refused before hashing: no hashing a megabyte
# Verified when the name is unknown, so a wrong name costs as long as a wrong password (made on
# first use: `infoshare author` need not pay for it).
_DUMMY: list[str] = []


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Whether `password` matches `stored` (None: no account or no password yet, still hashed)."""
    if not _DUMMY:
        _DUMMY.append(HASHER.hash(secrets.token_urlsafe(16)))
    try:
        return HASHER.verify(stored or _DUMMY[0], password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    """A random token for a link or a cookie (256 bits)."""
    return secrets.token_urlsafe(32)


def digest(token: str) -> str:
    """What the store keeps of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
