"""``<base_url>infoshare/static/<version>/<path>``: the widgets' ES modules and stylesheets.

Only the files :func:`infoshare_widgets.frontend.files` lists (``ui/dom.js``, ``quiz/group.css``,
...), only under the current version (a hash of them all), each kept by the browser for a year:
a page's widgets then carry only a loader, and the browser fetches each file once
(``frontend.py`` says why), gzipped when the browser accepts it (``compressed_static.py``).
Served by `infoshare serve` (``routes.py``) and, for the preview, by JupyterLab's server
extension (``lab.py``).
"""

from __future__ import annotations

from typing import Any

from jupyter_server.utils import url_path_join
from tornado import web

from .. import frontend
from .compressed_static import gzip_for

TYPES = {".js": "text/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8"}
PATTERN = r"/(?P<version>[0-9a-f]{16})/(?P<path>[a-z_/]+\.(?:js|css))"


class FrontEndAsset(web.RequestHandler):
    """One front-end file of the package under its version; anything else is a 404."""

    def get(self, version: str, path: str, include_body: bool = True) -> None:
        known = frontend.files()  # one walk of the package a request (a page asks for ~25)
        found = known.get(path)
        if found is None or version != frontend.version(known):
            raise web.HTTPError(404)
        self.set_header("Content-Type", TYPES[found.suffix])
        self.set_header("Cache-Control", "public, max-age=31536000, immutable")
        self.set_header("Vary", "Accept-Encoding")
        body = gzip_for(self.request.headers, str(found))
        if body is not None:
            self.set_header("Content-Encoding", "gzip")
        else:
            body = found.read_bytes()
        if include_body:
            self.finish(body)
        else:
            self.set_header("Content-Length", len(body))
            self.finish()

    def head(self, version: str, path: str) -> None:
        self.get(version, path, include_body=False)


def asset_routes(base_url: str, wrap: Any = None) -> list[tuple]:
    """The route, its handler wrapped by ``wrap`` (the server's guard) when given."""
    handler = wrap(FrontEndAsset) if wrap else FrontEndAsset
    return [(url_path_join(base_url, frontend.ROUTE) + PATTERN, handler)]
