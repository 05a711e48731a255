"""The addresses we serve: an allowlist of Voila's handlers, each guarded.

Voila builds its list of handlers in ``Voila.init_handlers``. We keep a handler only if its class
is in :data:`ALLOWED`, which says what serves it instead; a handler that a new Voila adds (a new
API, a login page) is refused, and logged, until someone reads it and adds it here.
``tests/app/test_voila_coupling.py`` builds the app in-process and checks every route.

Every served class is wrapped with :class:`.response_guard.Guarded` (host, control characters,
headers, error pages); those that take a kernel id from the address also with
:class:`.response_guard.VisitorBound`, except the query socket the kernel itself uses.
"""

from __future__ import annotations

import logging
from typing import Any

from jupyter_server.base.handlers import FileFindHandler
from jupyter_server.services.kernels.handlers import KernelHandler
from jupyter_server.utils import url_path_join
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.static_file_handler import (
    AllowListFileHandler,
    MultiStaticFileHandler,
    TemplateStaticFileHandler,
)
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from .author.author_routes import author_routes
from .author.preview_gate import GatedPageHandler
from .compressed_static import gzipped
from .handlers import (
    AliveHandler,
    QueryOnlyFromKernels,
    StartPageHandler,
    TemplateAssetHandler,
)
from .health import HealthHandler, MetricsHandler
from .present import present_routes
from .response_guard import Guarded, VisitorBound
from .room import room_routes
from .socket import FilteredKernelSocket
from .upstream.tornado import route_rules
from .widget_assets import asset_routes

log = logging.getLogger(__name__)

# Voila's handler class -> (what serves it, whether it names a visitor's kernel).
# Not here, so refused: VoilaContentsHandler (the notebook listing), ThemesHandler (the lab
# theme API; our template links its theme), the identity provider's /login and /logout, and
# ExecutionRequestHandler (progressive rendering, which we do not use).
ALLOWED: dict[type, tuple[type, bool]] = {
    TornadoVoilaHandler: (GatedPageHandler, False),  # the author's preview folder gated
    TornadoVoilaTreeHandler: (StartPageHandler, False),
    KernelHandler: (KernelHandler, True),
    VoilaKernelWebsocketHandler: (FilteredKernelSocket, True),
    VoilaShutdownKernelHandler: (VoilaShutdownKernelHandler, True),
    RequestInfoSocketHandler: (RequestInfoSocketHandler, False),
    # the front end's files, gzipped once for browsers that accept it (compressed_static.py)
    TemplateStaticFileHandler: (gzipped(TemplateAssetHandler), False),
    MultiStaticFileHandler: (gzipped(MultiStaticFileHandler), False),
    FileFindHandler: (gzipped(FileFindHandler), False),
    AllowListFileHandler: (gzipped(AllowListFileHandler), False),
}

# Known and deliberately refused (logged at debug); anything else unknown is logged as a warning.
REFUSED = frozenset({"VoilaContentsHandler", "ThemesHandler", "LoginHandler", "LogoutHandler",
                     "VoilaLoginHandler", "ExecutionRequestHandler"})

_guarded_classes: dict[tuple[type, bool], type] = {}


def with_response_guard(cls: type, bound: bool = False) -> type:
    """`cls` with :class:`.response_guard.Guarded` (and, if `bound`, :class:`VisitorBound`)
    mixed in: one class per pair. (``ui.safe_build.guarded`` is the kernel side's builder guard.)"""
    key = (cls, bound)
    if key not in _guarded_classes:
        bases: tuple[type, ...] = (Guarded, VisitorBound, cls) if bound else (Guarded, cls)
        if cls is RequestInfoSocketHandler:
            bases = (Guarded, QueryOnlyFromKernels, cls)
        _guarded_classes[key] = type(f"Guarded{cls.__name__}", bases, {"__module__": __name__})
    return _guarded_classes[key]


def allowlisted(handlers: list[tuple], base_url: str, authoring: bool = False) -> list[tuple]:
    """Voila's handlers, each replaced by its guarded counterpart; unknown ones left out; the
    author area only with `authoring` (``--authoring``)."""
    served: list[tuple] = []
    for handler in handlers:
        pattern, cls, *rest = handler
        entry = ALLOWED.get(cls)
        if entry is None:
            name = getattr(cls, "__name__", str(cls))
            level = logging.DEBUG if name in REFUSED else logging.WARNING
            log.log(level, "Not serving %s (%s): not on the allowlist in %s",
                    pattern, name, __name__)
            continue
        replacement, bound = entry
        if replacement is StartPageHandler:
            rest = [{"base_url": base_url}]
        served.append((pattern, with_response_guard(replacement, bound), *rest))
    alive = url_path_join(base_url, r"/infoshare/alive/(?P<kernel_id>\w+-\w+-\w+-\w+-\w+)")
    served.append((alive, with_response_guard(AliveHandler, True)))
    served.extend(room_routes(base_url, Guarded))  # live rooms: room/...
    served.extend(present_routes(base_url, Guarded))  # the presenter view: present/...
    served.extend(health_routes(base_url))
    if authoring:
        served.extend(author_routes(base_url, Guarded))  # the author area: author/...
    served.extend(asset_routes(base_url, with_response_guard))  # the widgets' modules
    return served


def health_routes(base_url: str) -> list[tuple]:
    """``/healthz`` and ``/metrics`` under the base URL, guarded like the rest."""
    return [(url_path_join(base_url, "/healthz"), with_response_guard(HealthHandler)),
            (url_path_join(base_url, "/metrics"), with_response_guard(MetricsHandler))]


def route_table(app: Any) -> list[tuple[str, type]]:
    """Every (pattern, handler class) a running tornado application routes, default last."""
    return route_rules(app)
