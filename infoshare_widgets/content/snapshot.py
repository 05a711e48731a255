"""Loaded content kept on disk, so a kernel reads a validated `Content` instead of the YAML.

Loading a content folder parses every YAML file and builds pydantic's validators (about 0.7 s and
9 MB per process). The first process to load a folder in a given state (the server, at its start)
writes what it loaded here; every kernel that finds the same state reads it back in about 0.05 s,
never importing the YAML reader or building a validator (the models are ``defer_build``).
Beside it, ``<name>.renderings``: markdown-it's HTML of the content's texts (`renderings.py`),
kept out of the pickle so that a kernel reads a text's HTML only when its page shows that text.

The key is the folder's state (`cache.content_signature`: every file's name, size and time, of
the content and of the published items) together with this package's model code and the Python
and pydantic versions, so an edited or published file, or an upgraded install, is a new key.

A snapshot is a pickle, which runs code when read: it is read only from a folder that this user
owns and nobody else may write or read (mode 0700), and only a file this user owns (the
renderings file too). A snapshot that cannot be read or written is simply not used: the content is
loaded from its files; without its renderings file, a kernel renders its texts itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import platform
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from . import renderings
from .loaded import Content

log = logging.getLogger(__name__)

FOLDER_VARIABLE = "INFOSHARE_SNAPSHOT_DIR"
KEEP = 8  # snapshots kept (the newest); older ones are removed when one is written
RENDERINGS = ".renderings"  # the suffix of a snapshot's renderings file
ORPHAN_SECONDS = 60  # a renderings file without its pickle this long is removed


def folder() -> Path:
    """``INFOSHARE_SNAPSHOT_DIR``, else ``<temp>/infoshare-snapshots-<uid>``."""
    named = os.environ.get(FOLDER_VARIABLE, "").strip()
    if named:
        return Path(named).expanduser()
    return Path(tempfile.gettempdir()) / f"infoshare-snapshots-{os.getuid()}"


def _code_state() -> tuple:
    import pydantic

    here = Path(__file__).resolve().parent
    files = sorted(here.glob("*.py"))
    return (tuple((f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in files),
            platform.python_version(), pydantic.VERSION, pickle.HIGHEST_PROTOCOL)


def key(root: Path, overlay: Path | None, signature: tuple) -> str:
    """The snapshot's name for this content state and this code."""
    text = repr((str(root), str(overlay), signature, _code_state()))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _private(path: Path, is_dir: bool) -> bool:
    """Owned by this user; a folder nobody else may enter, a file nobody else may write."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    kind_ok = stat.S_ISDIR(info.st_mode) if is_dir else stat.S_ISREG(info.st_mode)
    others = 0o077 if is_dir else 0o022
    return kind_ok and info.st_uid == os.getuid() and not info.st_mode & others


def read(name: str) -> Content | None:
    """The snapshot of that name, or None (none yet, not private, or unreadable)."""
    where = folder()
    path = where / f"{name}.pickle"
    if not (_private(where, True) and _private(path, False)):
        return None
    try:
        with path.open("rb") as source:
            content = pickle.load(source)  # noqa: S301 - a private folder and file, checked above
    except Exception:  # an old or damaged snapshot: load from the files instead
        log.warning("could not read the content snapshot %s", path, exc_info=True)
        return None
    return content if isinstance(content, Content) else None


def rendered(name: str) -> renderings.Renderings | None:
    """The renderings file of the snapshot of that name, open, or None (none, not private, or
    not readable as one)."""
    where = folder()
    path = where / f"{name}{RENDERINGS}"
    if not (_private(where, True) and _private(path, False)):
        return None
    try:
        return renderings.Renderings(path)
    except (OSError, ValueError):
        log.warning("could not read the renderings file %s", path, exc_info=True)
        return None


def write(name: str, content: Content, rendered: dict[str, str]) -> None:
    """Keep `content` under `name`, and `rendered` (text -> markdown-it's HTML) beside it;
    never raises (a snapshot is only a shortcut)."""
    where = folder()
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(where, True):
            log.warning("not writing content snapshots: %s is not private to this user", where)
            return
        # the renderings first: a kernel that finds the pickle finds its renderings too
        _replace(where / f"{name}{RENDERINGS}", lambda out: renderings.dump(rendered, out))
        _replace(where / f"{name}.pickle",
                 lambda out: pickle.dump(content, out, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(where)
    except Exception:  # a full disk, a read-only folder, content that cannot be pickled
        log.warning("could not write a content snapshot in %s", where, exc_info=True)


def _replace(path: Path, dump: Callable[[BinaryIO], None]) -> None:
    """Write `path` whole or not at all (a temporary file, renamed)."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".writing-")
    try:
        with os.fdopen(handle, "wb") as out:
            dump(out)
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def _prune(where: Path) -> None:
    """Keep the newest `KEEP` snapshots, and no renderings file whose pickle has gone (but one
    just written, whose pickle may be being written now)."""
    kept = sorted(where.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in kept[KEEP:]:
        for path in (old, old.with_suffix(RENDERINGS)):
            with contextlib.suppress(OSError):
                path.unlink()
    named = {p.stem for p in kept[:KEEP]}
    for path in where.glob(f"*{RENDERINGS}"):
        with contextlib.suppress(OSError):
            if path.stem not in named and path.stat().st_mtime < time.time() - ORPHAN_SECONDS:
                path.unlink()
