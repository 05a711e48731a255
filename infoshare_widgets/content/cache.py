"""The content folder as it is now, re-read only when a file in it changed.

Used by the kernel (each page, per visit) and by the server (titles and wording for the template),
so it lives here: code that runs in the kernel must not import the server's package.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from . import markdown, snapshot
from .loaded import Content
from .overlay import default_content_dir, default_overlay_dir

_lock = threading.Lock()
_cache: dict[tuple[Path, Path | None], tuple[tuple, Content]] = {}


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


def current_content(root: Path | None = None, overlay: Path | None | str = "default"
                    ) -> Content:
    """The content folder (and the published items over it) as they are now, loaded again only
    when a file in either has changed: a publish reaches the next page load, no restart.
    A state already loaded by another process (the server) is read from its snapshot
    (`snapshot.py`), not from the YAML; its texts' HTML is read from the snapshot's renderings
    file as a page shows them (`markdown.remember`).

    ``overlay``: "default" is `default_overlay_dir()`; None reads no overlay.
    """
    root = Path(root).resolve() if root is not None else default_content_dir()
    laid = default_overlay_dir() if overlay == "default" else overlay
    laid = Path(laid).resolve() if laid is not None else None
    signature = (content_signature(root),
                 content_signature(laid) if laid is not None and laid.is_dir() else ())
    key = (root, laid)
    with _lock:
        cached = _cache.get(key)
        if cached is not None and cached[0] == signature:
            return cached[1]
    name = snapshot.key(root, laid, signature)
    content = snapshot.read(name)
    if content is not None:
        markdown.remember(snapshot.rendered(name) or {})
    else:
        from .loader import load_content  # the YAML reader and validators: only when needed

        content = load_content(root, laid)
        again = (content_signature(root),
                 content_signature(laid) if laid is not None and laid.is_dir() else ())
        rendered: dict[str, str] = {}
        if again == signature:  # not changed while loading: the snapshot is of this state
            rendered = markdown.prerender(sorted(content.prose()))
            snapshot.write(name, content, rendered)
        markdown.remember(rendered)
    with _lock:
        _cache[key] = (signature, content)
    return content
