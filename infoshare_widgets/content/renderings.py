"""markdown-it's HTML of a content's texts in one file beside its snapshot, read a text at a time.

The process that writes a snapshot (`snapshot.py`) renders every text of the content once
(`markdown.prerender`) and keeps the HTML here rather than in the pickle: unpickled, the HTML of
every text (about 1,800) stayed in each kernel, when a page shows a few dozen of them. A kernel
reads this file's index (24 bytes a text) and a text's HTML only when a page asks for it
(`markdown.to_html`, which still cleans it with nh3: this file cannot put a script on a page).

The index is keyed by a digest of the text (not the text itself). The file, in order: `MAGIC`,
the number of texts (4 bytes), their digests sorted (16 bytes each), each one's HTML as an offset
and a length in what follows (4 + 4 bytes), then the HTML (UTF-8), one text after the other.
"""

from __future__ import annotations

import hashlib
import os
import struct
from pathlib import Path
from typing import BinaryIO

MAGIC = b"infoshare-renderings-1\n"
DIGEST_SIZE = 16
_COUNT = struct.Struct("<I")
_SPAN = struct.Struct("<II")  # offset and length of a text's HTML, in the HTML part


def digest(text: str) -> bytes:
    """What the index keys a text by."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                           digest_size=DIGEST_SIZE).digest()


def dump(rendered: dict[str, str], out: BinaryIO) -> None:
    """Write `rendered` (text -> markdown-it's HTML) as a renderings file."""
    entries = sorted({digest(text): html.encode("utf-8", "surrogatepass")
                      for text, html in rendered.items()}.items())
    spans, offset = [], 0
    for _, body in entries:
        spans.append(_SPAN.pack(offset, len(body)))
        offset += len(body)
    out.write(MAGIC + _COUNT.pack(len(entries)))
    out.write(b"".join(key for key, _ in entries))
    out.write(b"".join(spans))
    out.write(b"".join(body for _, body in entries))


class Renderings:
    """An open renderings file: `get(text)` reads that text's HTML from disk, or gives None.

    What it keeps in memory is the index; the file stays open, so a newer snapshot's pruning
    (which removes this file) does not take the HTML away from a page being built.
    """

    def __init__(self, path: Path) -> None:
        """Open `path` (never through a symlink); ValueError or OSError when it is not one."""
        self._file = os.fdopen(os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC), "rb",
                               buffering=0)
        try:
            self._count, self._index, self._start = self._read_index()
        except BaseException:
            self._file.close()
            raise

    def _read_index(self) -> tuple[int, bytes, int]:
        size = os.fstat(self._file.fileno()).st_size
        head = self._read(0, len(MAGIC) + _COUNT.size)
        if len(head) != len(MAGIC) + _COUNT.size or not head.startswith(MAGIC):
            raise ValueError("not a renderings file")
        (count,) = _COUNT.unpack_from(head, len(MAGIC))
        start = len(head) + count * (DIGEST_SIZE + _SPAN.size)
        if start > size:
            raise ValueError("a renderings file cut short")
        index = self._read(len(head), start - len(head))
        if len(index) != start - len(head):
            raise ValueError("a renderings file cut short")
        return count, index, start

    def _read(self, offset: int, length: int) -> bytes:
        return os.pread(self._file.fileno(), length, offset)

    def __len__(self) -> int:
        return self._count

    def get(self, text: str) -> str | None:
        """markdown-it's HTML of `text` as the server rendered it; None when the file has no such
        text or cannot give it (then the caller renders it itself)."""
        at = self._find(digest(text))
        if at is None:
            return None
        spans = self._count * DIGEST_SIZE
        offset, length = _SPAN.unpack_from(self._index, spans + at * _SPAN.size)
        try:
            body = self._read(self._start + offset, length)
            return body.decode("utf-8", "surrogatepass") if len(body) == length else None
        except (OSError, ValueError):
            return None

    def _find(self, key: bytes) -> int | None:
        """The position of `key` among the sorted digests (a binary search), or None."""
        low, high = 0, self._count
        while low < high:
            middle = (low + high) // 2
            found = self._index[middle * DIGEST_SIZE:(middle + 1) * DIGEST_SIZE]
            if found == key:
                return middle
            if found < key:
                low = middle + 1
            else:
                high = middle
        return None

    def close(self) -> None:
        self._file.close()
