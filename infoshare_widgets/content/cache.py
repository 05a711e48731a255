"""The content folder as it is now, re-read only when a file in it changed.

Used by the kernel (each page, per visit) and by the server (titles and wording for the template),
so it lives here: code that runs in the kernel must not import the server's package.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from .loaded import Content
from .loader import default_content_dir, load_content

_lock = threading.Lock()
_cache: dict[Path, tuple[tuple, Content]] = {}


def content_signature(root: Path) -> tuple:
    """Name, size and modification time of every file under `root`: changes when content does.

    Symlinks are not followed (``lstat``): the loader refuses them, so their target cannot matter.
    """
    entries = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            entries.append((path, info.st_size, info.st_mtime_ns))
    return tuple(entries)


def current_content(root: Path | None = None) -> Content:
    """The content folder as it is now, loaded again only when a file in it has changed."""
    root = Path(root).resolve() if root is not None else default_content_dir()
    signature = content_signature(root)
    with _lock:
        cached = _cache.get(root)
        if cached is not None and cached[0] == signature:
            return cached[1]
    content = load_content(root)
    with _lock:
        _cache[root] = (signature, content)
    return content
