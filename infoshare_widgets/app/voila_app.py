"""Our Voila server: Voila serving a folder of notebooks, minus everything that is not a page.

What it changes, each in its own module:

- :mod:`.route_allowlist`: only the handlers on an allowlist are served, each guarded
  (:mod:`.response_guard`: Host header, control characters, security headers and our error pages
  on every response);
- :mod:`.handlers`: ``/`` and the file tree go to the Start page; a page is refused with a busy
  page at the kernel limits, its kernel is bound to its visitor, its scripts carry a nonce;
- :mod:`.kernels`: culling that waits for the visitor's browser and ends kernels whose page has
  stopped answering; a memory limit per kernel process;
- :mod:`.socket`: only what a learner can do reaches a kernel, and no traceback leaves it;
- :mod:`.body_limit`: a request body over 1 MB refused (413) before it is read;
- :mod:`.logs`: kernel ids in the log at debug level only;
- :mod:`.cells`: a timeout on every cell but the one that waits for the visit.

Config files (``voila.json`` in the working folder or the user's Jupyter folders) are not read:
``config_file_paths`` is empty, so settings come from our command line only.

Run it through :func:`infoshare_widgets.app.serve.voila_command`, never directly: that function
holds the command line (pools, culling, limits, sanitising, template) that makes it safe.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path
from typing import Any

from tornado.ioloop import IOLoop
from traitlets import Bool, Dict, Float, Int, List, Unicode, default
from voila.app import Voila

from ..room_store.open_store import URL_VARIABLE, url_from_file
from .author.author_config import take_author_secrets
from .author.author_notice import authoring_notice
from .author.author_service import AuthorService
from .body_limit import limited
from .cells import CellTimeout
from .drain import Drain
from .fork_provisioner import start_zygote
from .handlers import Limits, NotFoundHandler
from .health import counting
from .leave import leave_settings
from .logs import hide_kernel_ids
from .page_info import page_info
from .privacy_notice import SettingError, gap, privacy_notice
from .proxy import networks
from .render_cache import install as compile_templates_once
from .response_guard import DEFAULT_HOSTS, SECURITY_HEADERS
from .room import RoomService, take_rooms_url
from .route_allowlist import allowlisted, with_response_guard
from .upstream import check_server
from .upstream.voila import jinja_env

PACKAGE_DIR = Path(__file__).resolve().parents[1]

__all__ = ["FILTERS", "CellTimeout", "InfoshareVoila", "main", "server_info"]

# Read by the template (the `infoshare_server` filter): how often a page answers the liveness
# check (set from the command line when the server starts), and how long a page whose kernel
# socket closed may find the server out of reach before it says it lost its connection (issue
# 27: without a proxy, a stopped server went unnoticed for ~188 s).
_SERVER_INFO: dict[str, Any] = {"alive_ms": 15_000, "lost_ms": 6_000}

# Every Jinja filter the page template uses (the template names the section in <title> and reads
# the liveness interval); `lab.FILTERS` is the JupyterLab preview's counterpart.
FILTERS = {"infoshare_page": f"{__package__}.page_info.page_info",
           "infoshare_server": f"{__name__}.server_info",
           "infoshare_clean_html": "infoshare_widgets.content.markdown.clean_page_html"}


def server_info(_: Any = None) -> dict[str, Any]:
    """Settings the page's script needs (a Jinja filter in the template)."""
    return dict(_SERVER_INFO)


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
    max_kernels = Int(
        0, config=True, help="Kernels that may run at once, pools included (0: no limit).")
    fork_kernels = Bool(
        True, config=True, help="Fork kernels from a process that has imported them "
        "(fork_provisioner.py) rather than start each afresh.")
    max_pages_per_client = Int(
        0, config=True, help="Open pages one network address may hold (0: no limit).")
    alive_interval = Int(
        15, config=True, help="Seconds between a page's liveness answers.")
    max_message_kb = Int(
        256, config=True, help="Largest websocket message a page may send, in KB.")
    message_rate = Float(
        20.0, config=True,
        help="Messages a second a page's kernel websocket may send; beyond it (and the burst) "
        "that socket is closed (0: no limit). A real page sends at most ~14 in a second.")
    message_burst = Int(
        200, config=True, help="Messages a page's kernel websocket may send at once.")
    allowed_hosts = List(
        Unicode(), config=True,
        help="Host names the server answers to, besides the loopback names and its own ip.")
    # Deployment: see proxy.py, health.py and drain.py.
    trusted_proxies = List(
        Unicode(), config=True,
        help="Addresses or networks of reverse proxies whose X-Forwarded-For is believed.")
    metrics_from = List(
        Unicode(), config=True,
        help="Networks that may read /metrics directly, besides this machine.")
    drain_seconds = Float(
        30.0, config=True,
        help="On SIGTERM, seconds open pages keep working while new pages are refused (0: stop "
        "at once). A second SIGTERM stops at once.")

    authoring = Bool(
        False, config=True,
        help="Serve the author area at author/ (sign-in for trainers); without it the area "
        "does not exist.")

    # The data controller and its privacy notice, on the room pages (privacy_notice.py).
    organisation = Unicode(
        "", config=True,
        help="The organisation that is the data controller for this site (not a supplier hosting "
        "it): named on the room pages as controller of the site and the rooms' answers. Unset: "
        "the pages tell learners to ask the facilitator, and a warning is logged at start.")
    privacy_notice_url = Unicode(
        "", config=True,
        help="The address of that organisation's privacy notice, linked from the room pages: "
        "https:// (http:// only on localhost, for tests). Needs `organisation`.")

    @default("config_file_paths")
    def _no_config_files(self) -> list[str]:
        return []

    def initialize(self, argv: Any = None) -> None:
        super().initialize(argv)
        try:  # a bad address stops the server here, in words (and `infoshare serve` before)
            self.privacy = privacy_notice(self.organisation, self.privacy_notice_url)
        except SettingError as err:
            self.log.critical("infoshare: %s", err)
            self.exit(2)
        if self.fork_kernels:
            start_zygote(self)  # before the pools fill: they are its first kernels
        compile_templates_once()  # render_cache.py: not once per preheated kernel
        self.config.VoilaExecutor.timeout_func = CellTimeout(self.cell_timeout)
        self.config.VoilaExecutor.interrupt_on_timeout = True
        if self.pool_sizes:
            self.config.VoilaKernelManager.kernel_pools_config = {
                name: {"pool_size": size} for name, size in self.pool_sizes.items()}
        self.config.VoilaExporter.filters = dict(FILTERS)
        _SERVER_INFO["alive_ms"] = max(1, self.alive_interval) * 1000
        hide_kernel_ids(self.log, logging.getLogger("tornado.access"))
        # SIGTERM drains (drain.py). Voila's initialize set its own handler, which stops at once
        # through the deprecated IOLoop.add_callback_from_signal; until our loop runs, a SIGTERM
        # is only counted, then asyncio's add_signal_handler takes over (see start).
        self.drain = Drain(lambda: self.kernel_manager, self.drain_seconds, logger=self.log)
        signal.signal(signal.SIGTERM, self.drain.early)

    def start(self) -> None:
        IOLoop.current().add_callback(self.drain.watch)  # runs once Voila's loop runs
        super().start()

    def listen(self) -> None:
        limited(self.app)  # body_limit.py: a body over 1 MB refused before it is read
        super().listen()

    def setup_template_dirs(self) -> None:
        super().setup_template_dirs()
        # `{% include "theme.css" %}` in the template finds the one theme file of the package.
        self.template_paths = [*self.template_paths, str(PACKAGE_DIR)]

    def pooled_kernels(self) -> int:
        """Kernels the pools keep waiting: one pool per notebook served."""
        if not self.voila_configuration.preheat_kernel:
            return 0
        names = [p.name for p in Path(self.root_dir or ".").glob("*.ipynb")]
        default_size = self.pool_sizes.get("default", self.voila_configuration.default_pool_size)
        return sum(self.pool_sizes.get(name, default_size) for name in names)

    def hosts(self) -> tuple[str, ...]:
        own = () if self.ip in ("", "0.0.0.0", "::") else (self.ip,)
        return (*DEFAULT_HOSTS, *own, *self.allowed_hosts)

    def init_settings(self) -> dict:
        settings = super().init_settings()
        check_server(self.kernel_manager)  # a changed Voila stops here, saying what
        settings["headers"] = {**settings.get("headers", {}), **SECURITY_HEADERS}
        settings["default_handler_class"] = with_response_guard(NotFoundHandler)
        settings["default_handler_args"] = {}
        jinja_env(settings).filters["infoshare_page"] = page_info
        settings["infoshare_limits"] = Limits(self.max_kernels, self.max_pages_per_client,
                                              self.pooled_kernels())
        settings["infoshare_hosts"] = self.hosts()
        settings["websocket_max_message_size"] = self.max_message_kb * 1024
        settings["infoshare_message_rate"] = (self.message_rate, self.message_burst)
        settings["infoshare_rooms"] = RoomService.from_environment()  # live rooms
        settings["infoshare_privacy"] = self.privacy  # the data controller, on the room pages
        if warning := gap(self.privacy):  # say once what a live deployment must set
            self.log.warning(warning)
        settings["infoshare_trusted_proxies"] = networks(self.trusted_proxies)
        settings["infoshare_metrics_from"] = networks(self.metrics_from)
        settings["infoshare_authoring"] = (AuthorService.from_environment()
                                           if self.authoring else None)
        if self.authoring:
            self.log.warning(authoring_notice(self.ip, self.base_url, self.trusted_proxies,
                                              settings["infoshare_authoring"].sso is not None))
        settings["log_function"] = counting(settings.get("log_function"))
        settings.update(leave_settings(self.base_url))
        # The page gives up on an unreachable server only once its kernel must have gone.
        _SERVER_INFO["gone_ms"] = int(self.kernel_manager.liveness_timeout * 1000)
        return settings

    def init_handlers(self) -> list:
        return allowlisted(super().init_handlers(), self.base_url, authoring=self.authoring)




def main(argv: list[str] | None = None) -> None:
    """Start the server with Voila's own argument parsing (see serve.voila_command)."""
    url = url_from_file(os.environ)  # the recommended way: never in any process's environment
    if url:
        os.environ[URL_VARIABLE] = url  # this process's memory only, taken at once below
    take_rooms_url()  # live rooms: the database's address never reaches a kernel
    take_author_secrets()  # the author area: client secret and store address, likewise
    InfoshareVoila.launch_instance(argv=argv if argv is not None else sys.argv[1:])


if __name__ == "__main__":
    main()
