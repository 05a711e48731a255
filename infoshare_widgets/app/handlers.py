"""Our handlers: the page (limits, visitor binding, script nonce), liveness, Start, 404, assets.

Each is Voila's own handler with the smallest change, or a few lines of tornado; every one is
served through :mod:`.route_allowlist`, which mixes in :class:`.response_guard.Guarded`.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
from dataclasses import dataclass
from typing import Any

from jupyter_core.utils import ensure_async
from jupyter_server.utils import url_path_join
from tornado import web
from voila.static_file_handler import TemplateStaticFileHandler
from voila.tornado.handler import TornadoVoilaHandler

from .handing_over import HandingOver
from .kernel_state import KernelState
from .kernels import Visitor
from .leave import set_leave_token
from .page_info import notebook_url, start_notebook
from .proxy import from_this_machine, request_client
from .response_guard import content_security_policy, render_page
from .visitors import ensure_visitor_token

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 60
TEMPLATE_NAME = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Limits:
    """How many kernels may run (pools included), and how many one address may hold."""

    max_kernels: int = 0  # 0: no limit
    per_client: int = 0
    pooled: int = 0  # kernels the pools keep waiting, part of max_kernels


def busy_reason(manager: KernelState, client: str, limits: Limits) -> str | None:
    """Why a new page cannot be served now, or None."""
    if manager.draining:
        return "the server is stopping"
    if limits.max_kernels and \
            manager.visitor_kernels() >= max(1, limits.max_kernels - limits.pooled):
        return "the server is at its kernel limit"
    if limits.per_client and manager.kernels_of_client(client) >= limits.per_client:
        return "one address has its limit of open pages"
    return None


class PageHandler(TornadoVoilaHandler):
    """A section's page: refused with a busy page at the limits; its kernel bound to the visitor;
    its own scripts marked with a per-response nonce (the CSP allows no other inline script)."""

    _visitor: Visitor | None = None
    _nonce: str = ""
    _reserved: bool = False
    _kernel_id: str = ""

    @property
    def kernel_manager(self) -> Any:
        manager = self.settings["kernel_manager"]
        return HandingOver(manager, self._visitor, self._handed) if self._visitor else manager

    def _handed(self, kernel_id: str) -> None:
        self._kernel_id = kernel_id
        self._release()

    def _page_sent(self) -> None:
        """The page's browser now has a while to connect to its kernel (kernels.py)."""
        if self._kernel_id:
            self.settings["kernel_manager"].page_sent(self._kernel_id)

    def _release(self) -> None:
        if self._reserved and self._visitor is not None:
            self._reserved = False
            self.settings["kernel_manager"].release(self._visitor.client)

    def on_finish(self) -> None:
        self._release()
        self._page_sent()
        if self._visitor is not None:
            self.settings["kernel_manager"].page_done()  # pools refill after pages (refill.py)
        super().on_finish()

    def on_connection_close(self) -> None:
        self._page_sent()  # the visitor went before the page was sent: no browser will connect
        super().on_connection_close()

    async def get(self, path: str | None = None) -> None:
        manager = self.settings["kernel_manager"]
        client = request_client(self)
        reason = busy_reason(manager, client, self.settings.get("infoshare_limits", Limits()))
        if reason:
            log.info("Busy page served: %s", reason)
            self.set_status(503)
            self.set_header("Retry-After", str(RETRY_AFTER_SECONDS))
            self.set_header("Content-Type", "text/html; charset=UTF-8")
            self.finish(render_page(self, "busy.html"))
            return
        self._visitor = Visitor(ensure_visitor_token(self), client)
        set_leave_token(self)  # the page's leave beacon carries it (leave.py)
        manager.reserve(client)
        manager.page_opening()
        self._reserved = True
        self._nonce = secrets.token_urlsafe(18)
        self.set_header("Content-Security-Policy", content_security_policy(self._nonce))
        await super().get(path)

    def write(self, chunk: Any) -> None:
        if self._nonce and isinstance(chunk, str):
            chunk = chunk.replace("<script", f'<script nonce="{self._nonce}"')
        super().write(chunk)


class AliveHandler(web.RequestHandler):
    """``POST /infoshare/alive/<kernel id>``: the page's liveness answer (see kernels.py).

    204: kept. 404/410: this page has no kernel any more, and the page says so.
    Only the kernel's visitor gets here (VisitorBound, added by route_allowlist.py).
    """

    async def post(self, kernel_id: str) -> None:
        manager = self.settings["kernel_manager"]
        try:
            kernel = manager.get_kernel(kernel_id)
            alive = await ensure_async(kernel.is_alive())
        except KeyError:
            alive = False
        if not alive:
            log.info("A page's kernel has died; its page is told to reload")
            if kernel_id in manager:
                await manager.shutdown_kernel(kernel_id, now=True)
            raise web.HTTPError(410)
        manager.mark_alive(kernel_id)
        self.set_status(204)
        self.finish()


class QueryOnlyFromKernels(web.RequestHandler):
    """Mixed into Voila's ``/voila/query/<id>`` socket: only a kernel (this machine) may ask for
    a visit's details; a browser that knows a kernel id cannot take the visit instead."""

    def prepare(self) -> Any:
        if not from_this_machine(self.request):
            raise web.HTTPError(404)
        return super().prepare()


class StartPageHandler(web.RequestHandler):
    """``/`` and the file tree: send the visitor to the Start page (the first section)."""

    def initialize(self, base_url: str = "/", **_kwargs: Any) -> None:
        self.base_url = base_url

    def get(self, *_args: Any, **_kwargs: Any) -> None:
        target = url_path_join(self.base_url, "voila/render", notebook_url(start_notebook()))
        self.redirect(target, permanent=False)

    head = get


class NotFoundHandler(web.RequestHandler):
    """Every address that is not a page or an asset: our own 404 page, no listing, no detail."""

    def prepare(self) -> None:
        super().prepare()
        raise web.HTTPError(404)


class TemplateAssetHandler(TemplateStaticFileHandler):
    """Voila's template assets (``<template>/static/<file>``); any other address is a 404.

    Voila checks the address with ``assert`` statements, which ``python -O`` removes; these
    checks do not depend on them (and an AssertionError is still a 404, not a server error).
    """

    @staticmethod
    def _check(parts: list[str]) -> None:
        if len(parts) != 3 or parts[1] != "static" or not TEMPLATE_NAME.fullmatch(parts[0]):
            raise web.HTTPError(404)

    def parse_url_path(self, path: str) -> str:
        self._check(path.split("/", 2))
        try:
            return super().parse_url_path(path)
        except (ValueError, AssertionError) as err:
            raise web.HTTPError(404) from err

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        if not getattr(self, "roots", None):
            raise web.HTTPError(404)
        try:
            return super().validate_absolute_path(root, absolute_path)
        except (ValueError, AssertionError, TypeError) as err:
            raise web.HTTPError(404) from err

    @classmethod
    def get_absolute_path(cls, root: str, path: str) -> str:
        cls._check(os.path.normpath(path).split(os.path.sep, 2))
        try:
            return super().get_absolute_path(root, path)
        except (ValueError, AssertionError) as err:
            raise web.HTTPError(404) from err


__all__ = ["AliveHandler", "Limits", "NotFoundHandler", "PageHandler",
           "QueryOnlyFromKernels", "StartPageHandler", "TemplateAssetHandler", "busy_reason"]
