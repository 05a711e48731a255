"""The overlay's history: every publish a version, as one JSON file beside the items.

Files, not a database: the history travels with the overlay in one folder (a backup or an
export is one copy, readable without infoshare), one server writes it (several servers come
next), and a publish is a rare event, so a folder of small files is enough. Writes go through a
temporary file and ``os.replace``, under a lock, so a reader never sees half a version.
"""

from __future__ import annotations

import difflib
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

HISTORY = ".history"


@dataclass(frozen=True)
class Version:
    """One publish: who (account and role), when, what (the item's YAML after; None when
    withdrawn) and what changed (a unified diff of the YAML)."""

    number: int
    kind: str
    item_id: str
    action: str
    """"publish", "rollback" (to ``restored``), "withdraw" or "import"."""
    account: str
    role: str
    at: str
    """UTC, ISO 8601 to the second."""
    text: str | None
    diff: str
    restored: int | None = None


def unified_diff(old: str | None, new: str | None, name: str, old_label: str,
                 new_label: str) -> str:
    """A readable diff of two YAML texts ("" when the same)."""
    lines = difflib.unified_diff((old or "").splitlines(keepends=True),
                                 (new or "").splitlines(keepends=True),
                                 fromfile=f"{name} ({old_label})", tofile=f"{name} ({new_label})")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def history_folder(overlay: Path, kind: str, item_id: str) -> Path:
    return Path(overlay) / HISTORY / kind / item_id


def read_versions(overlay: Path, kind: str, item_id: str) -> list[Version]:
    """Every version of one item, oldest first."""
    folder = history_folder(overlay, kind, item_id)
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append(Version(**data))
    return sorted(out, key=lambda v: v.number)


def versioned_items(overlay: Path) -> list[tuple[str, str]]:
    """(kind, id) of every item with a history."""
    root = Path(overlay) / HISTORY
    if not root.is_dir():
        return []
    return sorted((kind.name, item.name) for kind in root.iterdir() if kind.is_dir()
                  for item in kind.iterdir() if item.is_dir())


def write_atomically(path: Path, text: str) -> None:
    """``text`` into ``path`` whole or not at all (a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_version(overlay: Path, version: Version) -> None:
    folder = history_folder(overlay, version.kind, version.item_id)
    write_atomically(folder / f"{version.number:06d}.json",
                     json.dumps(asdict(version), indent=1, ensure_ascii=False))


@contextmanager
def locked(overlay: Path) -> Iterator[None]:
    """One publish at a time in this overlay (an advisory lock on a file in the history)."""
    folder = Path(overlay) / HISTORY
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
