"""Room codes, facilitator secrets and device tokens.

A code is read aloud and typed on a phone: 8 characters from 23 that are hard to mix up (no
0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V), shown as two groups of four. 23**8 is about 7.8e10 codes, so a
random guess finds one of 100 open rooms with a chance of about 1 in 780 million; wrong codes are
also rate limited (see :mod:`.limits`). The facilitator's secret and each device's token are 32
and 16 random bytes; the store keeps only their SHA-256 digests, so reading the store opens no
room and follows no device.
"""

from __future__ import annotations

import hashlib
import secrets

ALPHABET = "ACDEFGHJKMNPQRTWXY34679"  # 23 letters and digits a listener cannot confuse
CODE_LENGTH = 8
SECRET_BYTES = 32
TOKEN_BYTES = 16


def new_code() -> str:
    """A fresh code, e.g. ``KX7M-4TPA`` (the dash is for reading; it is not needed to type)."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normal_code(typed: str) -> str | None:
    """A typed code in its stored form, or None when it cannot be one (spaces, dashes, case and
    punctuation forgiven)."""
    cleaned = "".join(c for c in typed.upper() if c not in " -_.\t")
    if len(cleaned) != CODE_LENGTH or any(c not in ALPHABET for c in cleaned):
        return None
    return f"{cleaned[:4]}-{cleaned[4:]}"


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def digest(value: str) -> str:
    """What the store keeps of a secret or token."""
    return hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()
