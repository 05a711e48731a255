"""Opening a content file safely: no links (symbolic or hard), nothing outside the folder, nothing
too large, nothing but a regular file.

The content folder may be edited by several people; a link to ``/etc/shadow`` or a 50 MB file
must become a named problem, never the target's text on a page or a stalled server.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .problems import Problem
from .size_limits import MAX_FILE_BYTES

SYMLINK = "symlinks are not read: put the file itself in the content folder"
HARDLINK = "hard links are not read: put a copy of the file itself in the content folder"


def size_text(size: int) -> str:
    """1_200_000 -> '1.2 MB'; 1_000_000 -> '1 MB'; 900 -> '900 bytes'."""
    for unit, scale in (("MB", 1_000_000), ("KB", 1_000)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def too_large(path: Path, size: int) -> Problem:
    """The size said so that it differs from the limit: '1,000,310 bytes', not '1 MB'."""
    limit = size_text(MAX_FILE_BYTES)
    shown = size_text(size) if size_text(size) != limit else f"{size:,} bytes"
    return Problem(path, f"the file is too large: {shown} (at most {limit}); split it into "
                         "smaller files")


def outside(path: Path, root: Path) -> Problem | None:
    """A problem when ``path`` is a symlink or resolves outside ``root``, else None."""
    if path.is_symlink():
        return Problem(path, SYMLINK)
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return Problem(path, f"{SYMLINK} (this path leads outside the content folder)")
    except OSError as err:
        return Problem(path, f"cannot be read: {err.strerror or err}")
    return None


def not_a_plain_file(path: Path, info: os.stat_result) -> Problem | None:
    """Why an opened file is not read: a folder, a pipe or device, a hard link, too large."""
    if stat.S_ISDIR(info.st_mode):
        return Problem(path, "cannot be read: it is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        return Problem(path, "cannot be read: it is not an ordinary file")
    if info.st_nlink > 1:  # another name for a file anywhere on the disk (/etc/shadow...)
        return Problem(path, HARDLINK)
    if info.st_size > MAX_FILE_BYTES:
        return too_large(path, info.st_size)
    return None


def _read_at_most(fd: int, limit: int) -> bytes:
    """At most ``limit`` bytes from ``fd``, whatever the file's size says."""
    chunks, left = [], limit
    while left > 0 and (chunk := os.read(fd, min(left, 1 << 16))):
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_content_file(path: Path, root: Path) -> bytes | Problem:
    """The file's bytes, or the reason it is not read.

    Opened with ``O_NOFOLLOW`` (a symlink swapped in after the check is still refused) and
    ``O_NONBLOCK`` (a named pipe cannot hang the reader); at most ``MAX_FILE_BYTES`` + 1 bytes are
    ever read, whatever the file's size says.
    """
    refused = outside(path, root)
    if refused is not None:
        return refused
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        if err.errno == errno.ELOOP:
            return Problem(path, SYMLINK)
        return Problem(path, f"cannot be read: {err.strerror or err}")
    try:
        refused = not_a_plain_file(path, os.fstat(fd))
        if refused is not None:
            return refused
        raw = _read_at_most(fd, MAX_FILE_BYTES + 1)
    except OSError as err:
        return Problem(path, f"cannot be read: {err.strerror or err}")
    finally:
        os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        return Problem(path, f"the file is too large: more than {size_text(MAX_FILE_BYTES)}; "
                             "split it into smaller files")
    return raw
