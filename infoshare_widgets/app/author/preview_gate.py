"""The gate in front of the author's preview page, ``voila/render/author/preview.ipynb``.

The page is a notebook like the learners' (so their own component draws the item), but it is
not theirs: every address in the notebooks' ``author/`` folder is a 404 (a page saying the
preview is not available, with a way to sign in) unless all of these hold, checked before any
kernel starts:

- the server runs with ``--authoring`` (else the site's 404, as for any unknown page);
- the request carries the ``infoshare_author_preview`` cookie (HttpOnly, SameSite=Strict, Path
  limited to that folder's pages, set by a builder page when the author presses "Preview as
  learners see it") naming a signed-in author's session that the author store still knows;
- its one ``token`` names a snapshot that has not expired, of the right shape, made by that same
  author (`content.preview_snapshots`).

The page's kernel is never a preheated one (``serve.py`` gives the folder a pool of 0): it is
started for this visit and ends with it, so a draft never reaches a kernel that serves learners.
"""

from __future__ import annotations

import posixpath
from typing import Any

from jupyter_server.utils import url_path_join
from tornado import web

from ...content.preview_snapshots import preview_folder, read_snapshot
from ..handlers import PageHandler
from ..upstream.tornado import PrivateQuerySummary
from .author_handlers import PREVIEW_COOKIE, area_page

PREVIEW_FOLDER = "author"
PREVIEW_NOTEBOOK = f"{PREVIEW_FOLDER}/preview.ipynb"


def is_preview_path(path: str | None) -> bool:
    """Whether a page address (Voila's notebook path) is in the author's folder, however it is
    spelled (``author//x``, ``./author/x``, ``x/../author/x``)."""
    parts = posixpath.normpath("/" + (path or "")).strip("/").split("/")
    return parts[0].lower() == PREVIEW_FOLDER


def preview_url(base_url: str, token: str) -> str:
    return url_path_join(base_url, "voila/render", PREVIEW_NOTEBOOK) + f"?token={token}"


class PreviewGate(web.RequestHandler):
    """Mixed before the page handler: the author's folder only for its author (see above)."""

    async def prepare(self) -> Any:  # type: ignore[override]
        result = super().prepare()
        if result is not None:
            await result
        if not is_preview_path(self.path_args[0] if self.path_args else ""):
            return
        self.set_header("Cache-Control", "no-store")
        if self.settings.get("infoshare_authoring") is None:
            raise web.HTTPError(404)  # no author area: like any page that does not exist
        if not await self.author_may_preview():  # a 404 that says why, with a way to sign in
            self.set_status(404)
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.finish(area_page(str(self.settings.get("base_url", "/")), "refused.html",
                                  author=None, csrf="", reason="author_preview_gone"))

    async def author_may_preview(self) -> bool:
        service = self.settings["infoshare_authoring"]
        tokens = self.get_query_arguments("token")
        if len(tokens) != 1:
            return False
        author = await service.session(self.get_cookie(PREVIEW_COOKIE) or "")
        if author is None:
            return False
        snapshot = await service.run(read_snapshot, tokens[0], preview_folder())
        return snapshot is not None and snapshot.owner == author.who


class GatedPageHandler(PrivateQuerySummary, PreviewGate, PageHandler):
    """The learners' page handler, with the author's folder gated (and its token in no log)."""

    def query_is_private(self) -> bool:
        return is_preview_path(self.path_args[0] if self.path_args else "")
