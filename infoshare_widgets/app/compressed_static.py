"""Voila's and JupyterLab's scripts and stylesheets sent gzipped, each file compressed once.

Why: a page's front end is about 100 files, 5.2 MB of JavaScript and 0.6 MB of CSS (the same for
a bare Voila page), fetched whole on a learner's first visit, often over a phone's network;
gzipped they are about a quarter of that. Tornado's ``compress_response`` would compress every
response again (about 0.1 CPU-s of the server's a page); these files do not change while the
server runs, so :func:`compressed` keeps each file's gzip in memory, keyed by its path, size and
modification time.

:func:`gzipped` mixes :class:`Gzipped` into a tornado ``StaticFileHandler`` class (Voila's and
Jupyter Server's, in ``route_allowlist.ALLOWED``): a request that accepts gzip and asks for no
byte range gets the compressed file, with its own ETag, ``Content-Encoding: gzip`` and
``Vary: Accept-Encoding``; anything else is served as before.
"""

from __future__ import annotations

import gzip
import os
from typing import Any

SUFFIXES = (".js", ".mjs", ".css", ".json", ".svg", ".map", ".html", ".txt")
SMALLEST, LARGEST = 1024, 8 * 1024 * 1024  # bytes: below, gzip saves nothing; above, not kept
KEPT_AT_MOST = 64 * 1024 * 1024  # bytes of gzip kept in all (the front end's are about 1.5 MB)

_kept: dict[tuple[str, int, int], bytes] = {}


def accepts_gzip(header: str) -> bool:
    """Whether an ``Accept-Encoding`` header accepts gzip (``gzip``, ``*``; not ``gzip;q=0``)."""
    for part in header.lower().split(","):
        name, _, params = part.strip().partition(";")
        if name.strip() in ("gzip", "*"):
            weight = params.strip().removeprefix("q=")
            try:
                return weight == params.strip() or float(weight) > 0
            except ValueError:
                return False
    return False


def gzip_for(headers: Any, path: str) -> bytes | None:
    """The file's gzip for a request with these headers, or None: not accepted, a byte range
    asked for, not a text file, or too small or large to keep."""
    if (not compressible(path) or "Range" in headers
            or not accepts_gzip(headers.get("Accept-Encoding", ""))):
        return None
    return compressed(path)


def compressible(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


def compressed(path: str) -> bytes | None:
    """The file's gzip, made once per version of the file; None when not worth it."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    if not SMALLEST <= stat.st_size <= LARGEST:
        return None
    key = (path, stat.st_size, stat.st_mtime_ns)
    body = _kept.get(key)
    if body is None:
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), compresslevel=6, mtime=0)
        if sum(map(len, _kept.values())) + len(body) > KEPT_AT_MOST:
            _kept.clear()
        _kept[key] = body
    return body


class Gzipped:
    """Mixed in before a ``StaticFileHandler``: the file gzipped for a browser that accepts it."""

    _gzip: bytes | None | bool = False  # False: not decided yet for this request

    def _gzip_body(self) -> bytes | None:
        if self._gzip is False:
            path = getattr(self, "absolute_path", None)
            body = gzip_for(self.request.headers, path) if path else None  # type: ignore[attr-defined]
            if body is not None:
                # tornado reads the body with the class's get_content(path, start, end)
                self.get_content = lambda *_args, **_kw: [body]  # type: ignore[method-assign]
            self._gzip = body
        return self._gzip  # type: ignore[return-value]

    def compute_etag(self) -> str | None:
        etag = super().compute_etag()  # type: ignore[misc]
        if etag and self._gzip_body() is not None:
            return etag[:-1] + '-gzip"' if etag.endswith('"') else etag + "-gzip"
        return etag

    def set_extra_headers(self, path: str) -> None:
        super().set_extra_headers(path)  # type: ignore[misc]
        if compressible(getattr(self, "absolute_path", None) or ""):
            self.set_header("Vary", "Accept-Encoding")  # type: ignore[attr-defined]
        if self._gzip_body() is not None:
            self.set_header("Content-Encoding", "gzip")  # type: ignore[attr-defined]

    def get_content_size(self) -> int:
        body = self._gzip_body()
        return len(body) if body is not None else super().get_content_size()  # type: ignore[misc]


_classes: dict[type, type] = {}


def gzipped(cls: type) -> type:
    """``cls`` (a ``StaticFileHandler``) with :class:`Gzipped` mixed in: one class per class."""
    if cls not in _classes:
        _classes[cls] = type(f"Gzipped{cls.__name__}", (Gzipped, cls), {"__module__": __name__})
    return _classes[cls]
