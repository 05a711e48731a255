"""Our Voila server: Voila serving a folder of notebooks, minus everything that is not a page.

Voila in folder mode hard-codes a file listing at ``/`` and ``/voila/tree`` and a contents API
at ``/voila/api/contents``. This subclass sends ``/`` and the tree to the Start page, drops the
contents API, answers unknown addresses with our own 404 page (and malformed asset addresses
with a 404 rather than a server error), ignores stray ``voila.json``
config files, adds the package folder to the template search path (so the template can inline
``theme.css``), and sends a Content-Security-Policy that keeps every request on our own origin.

Run it through :func:`infoshare_widgets.app.serve.voila_command`, never directly: that function
holds the command line (pools, culling, sanitising, template) that makes it safe.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from jupyter_server.utils import url_path_join
from tornado import web
from traitlets import Dict, Float, Int
from voila.app import Voila
from voila.handler import BaseVoilaHandler
from voila.static_file_handler import TemplateStaticFileHandler
from voila.tornado.contentshandler import VoilaContentsHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from .page_info import notebook_url, page_info, start_notebook

PACKAGE_DIR = Path(__file__).resolve().parents[1]

# Everything the page loads comes from here: scripts (Voila's bundles, anywidget modules loaded
# as blob: URLs), inline styles set by widgets, fonts and images bundled with Voila, and the
# kernel websocket. `connect-src 'self'` covers ws:// to the same host in current browsers.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


class StartPageHandler(web.RequestHandler):
    """``/`` and the file tree: send the visitor to the Start page (the first section)."""

    def initialize(self, base_url: str = "/") -> None:
        self.base_url = base_url

    def get(self, *_args: Any, **_kwargs: Any) -> None:
        target = url_path_join(self.base_url, "voila/render", notebook_url(start_notebook()))
        self.redirect(target, permanent=False)

    head = get


class TemplateAssetHandler(TemplateStaticFileHandler):
    """Voila's template assets; a malformed address is a 404, not a server error."""

    def parse_url_path(self, path: str) -> str:
        try:
            return super().parse_url_path(path)
        except (ValueError, AssertionError) as err:
            raise web.HTTPError(404) from err

    @classmethod
    def get_absolute_path(cls, root: str, path: str) -> str:
        try:
            return super().get_absolute_path(root, path)
        except (ValueError, AssertionError) as err:
            raise web.HTTPError(404) from err


class NotFoundHandler(BaseVoilaHandler):
    """Every address that is not a page or an asset: our own 404 page, no listing, no detail."""

    def prepare(self) -> None:
        raise web.HTTPError(404)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(self.render_template("404.html", status_code=status_code,
                                         status_message="Not Found", message=""))


class InfoshareKernelManager(AsyncMappingKernelManager):
    """Culling that never takes a kernel from a visitor whose browser has not connected yet.

    Voila's pool protects waiting kernels from the culler, but the moment it hands one to a
    visitor the kernel counts as idle since it was preheated, with no connection: the culler can
    shut it down in the second before the browser opens its websocket, and the page then shows
    "Loading widget..." for ever (measured: 3 stalls in 15 loads of a page whose widget was
    built before the visit, culling at 3 s). A kernel that has never had a connection is
    therefore kept for `connect_grace` seconds after the culler first finds it out of the pool.
    """

    connect_grace = Float(
        60.0, config=True,
        help="Seconds a kernel handed to a visitor may wait for their browser before it can be "
        "culled.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._ever_connected: set[str] = set()
        self._unconnected_since: dict[str, float] = {}

    def notify_connect(self, kernel_id: str) -> None:
        self._ever_connected.add(kernel_id)
        self._unconnected_since.pop(kernel_id, None)
        super().notify_connect(kernel_id)

    async def cull_kernel_if_idle(self, kernel_id: str) -> Any:
        if kernel_id not in self._ever_connected:
            since = self._unconnected_since.setdefault(kernel_id, time.monotonic())
            if time.monotonic() - since < self.connect_grace:
                return None
        return await super().cull_kernel_if_idle(kernel_id)

    async def shutdown_kernel(self, kernel_id: str, *args: Any, **kwargs: Any) -> Any:
        self._ever_connected.discard(kernel_id)
        self._unconnected_since.pop(kernel_id, None)
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)


WAITS_FOR_VISIT = "open_page("


class CellTimeout:
    """Voila's per-cell executor timeout: none for the cell that waits for the visitor.

    A preheated kernel runs its notebook up to ``pages.open_page(...)`` and waits there, for as
    long as it takes a visitor to come; an executor timeout on that cell (with interrupt) would
    kill the waiting kernel. Every other cell gets `seconds`, and is interrupted after it, so a
    cell that never answers becomes the template's error card instead of an endless spinner.
    """

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds

    def __call__(self, cell: Any) -> int | None:
        source = getattr(cell, "source", "") or ""
        if WAITS_FOR_VISIT in source or self.seconds <= 0:
            return None
        return self.seconds


class InfoshareVoila(Voila):
    """Voila with only the app's pages and assets (see the module docstring)."""

    name = "infoshare-voila"

    pool_sizes = Dict(
        key_trait=None, value_trait=Int(), config=True,
        help="Preheated kernels per page: notebook=N (e.g. 00-start.ipynb=2); `default` for the "
        "rest. Becomes VoilaKernelManager.kernel_pools_config.")

    cell_timeout = Int(
        60, config=True,
        help="Seconds a cell may run after the visit before it is interrupted and shown as an "
        "error card (0: never). The cell that waits for the visit has no limit.")

    def initialize(self, argv: Any = None) -> None:
        super().initialize(argv)
        self.config.VoilaExecutor.timeout_func = CellTimeout(self.cell_timeout)
        self.config.VoilaExecutor.interrupt_on_timeout = True
        if self.pool_sizes:
            self.config.VoilaKernelManager.kernel_pools_config = {
                name: {"pool_size": size} for name, size in self.pool_sizes.items()}
        # The page template names the section in <title> through this filter.
        self.config.VoilaExporter.filters = {"infoshare_page": f"{__package__}.page_info.page_info"}

    def load_config_file(self, *args: Any, **kwargs: Any) -> None:
        """Read no config file: settings come from our command line only, so a voila.json in the
        working folder or the user's Jupyter config cannot switch anything back on."""

    def setup_template_dirs(self) -> None:
        super().setup_template_dirs()
        # `{% include "theme.css" %}` in the template finds the one theme file of the package.
        self.template_paths = [*self.template_paths, str(PACKAGE_DIR)]

    def init_settings(self) -> dict:
        settings = super().init_settings()
        headers = {**settings.get("headers", {}), **SECURITY_HEADERS}
        settings["headers"] = headers
        settings["default_handler_class"] = NotFoundHandler
        settings["default_handler_args"] = {"voila_configuration": self.voila_configuration}
        settings["voila_jinja2_env"].filters["infoshare_page"] = page_info
        return settings

    def init_handlers(self) -> list:
        handlers = []
        for handler in super().init_handlers():
            pattern, cls = handler[0], handler[1]
            if cls is VoilaContentsHandler:
                continue  # the file listing API: nothing a learner needs
            if cls is TemplateStaticFileHandler:
                handlers.append((pattern, TemplateAssetHandler, *handler[2:]))
                continue
            if cls is TornadoVoilaTreeHandler:
                handlers.append((pattern, StartPageHandler, {"base_url": self.base_url}))
                continue
            handlers.append(handler)
        return handlers


def main(argv: list[str] | None = None) -> None:
    """Start the server with Voila's own argument parsing (see serve.voila_command)."""
    InfoshareVoila.launch_instance(argv=argv if argv is not None else sys.argv[1:])


if __name__ == "__main__":
    main()
