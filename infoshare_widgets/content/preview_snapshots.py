"""Preview snapshots: an author's item, as the builder had it when "Preview as learners see it"
was pressed, kept for a few minutes so the learners' component can draw it in its own kernel.

The author server writes (`write_snapshot`); the preview page's kernel reads the one snapshot its
address names (`read_snapshot`). Each is a file ``<token>.json`` in a private folder beside the
overlay (``<data>/author-previews``, mode 0700), never read by the content loader, so a snapshot
reaches no learner's page. The token is random (``secrets``, 192 bits), its shape is checked
before it names a file (no path tricks), and a snapshot expires after `EXPIRY_SECONDS`; expired
ones are deleted whenever a new one is written or an author page is served.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .overlay import KINDS, default_overlay_dir
from .size_limits import MAX_FILE_BYTES

FOLDER = "author-previews"
EXPIRY_SECONDS = 15 * 60
TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
"""`secrets.token_urlsafe(24)`: 24 random bytes (192 bits) as 32 URL-safe characters."""


@dataclass(frozen=True)
class Snapshot:
    """One previewed item: its kind, its YAML as the builder wrote it, whose it is, its end."""

    kind: str
    text: str
    owner: str
    expires: float


def preview_folder(overlay: Path | None = None) -> Path | None:
    """The snapshots' folder (beside the overlay, as the drafts are); None when the overlay is
    off (the author area's builders need it too)."""
    overlay = overlay if overlay is not None else default_overlay_dir()
    return Path(overlay).with_name(FOLDER) if overlay is not None else None


def valid_token(token: object) -> bool:
    return isinstance(token, str) and TOKEN.fullmatch(token) is not None


def write_snapshot(kind: str, text: str, owner: str, folder: Path,
                   now: float | None = None) -> str:
    """Keep the item under a new token (returned); delete every expired snapshot first."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ValueError("the item is too large to preview")
    now = time.time() if now is None else now
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    purge_expired(folder, now)
    token = secrets.token_urlsafe(24)
    body = json.dumps({"kind": kind, "text": text, "owner": owner,
                       "expires": now + EXPIRY_SECONDS})
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")
    with os.fdopen(handle, "w", encoding="utf-8") as out:  # mkstemp: readable by us only
        out.write(body)
    os.replace(temporary, folder / f"{token}.json")
    return token


def read_snapshot(token: object, folder: Path | None,
                  now: float | None = None) -> Snapshot | None:
    """The snapshot ``token`` names, or None: a token of the wrong shape, none kept, expired or
    unreadable (an expired one is deleted)."""
    if folder is None or not valid_token(token):
        return None
    path = Path(folder) / f"{token}.json"
    try:
        if path.is_symlink() or path.stat().st_size > 2 * MAX_FILE_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        found = Snapshot(str(data["kind"]), str(data["text"]), str(data["owner"]),
                         float(data["expires"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if found.kind not in KINDS:
        return None
    if found.expires <= (time.time() if now is None else now):
        path.unlink(missing_ok=True)
        return None
    return found


def purge_expired(folder: Path, now: float | None = None) -> int:
    """Delete expired (and unreadable) snapshots; how many were deleted."""
    now = time.time() if now is None else now
    gone = 0
    for path in folder.glob("*.json"):
        if read_snapshot(path.stem, folder, now) is None:  # expired, unreadable, misnamed
            path.unlink(missing_ok=True)
            gone += 1
    for part in folder.glob(".*.part"):  # a write that never finished
        if part.stat().st_mtime < now - EXPIRY_SECONDS:
            part.unlink(missing_ok=True)
    return gone
