"""``/healthz`` and ``/metrics``: what a load balancer, a probe and a monitor ask the server.

- ``GET <base>/healthz``: 200 while the server takes new pages (under its kernel limit, not
  stopping), 503 otherwise (``?live``: 200 whenever it answers, for liveness probes). The body
  is JSON with the content's version and a fingerprint of the content files, so servers behind
  one site can be checked to serve the same content.
- ``GET <base>/metrics``: Prometheus text (kernels alive, pool levels, page loads, errors, busy
  refusals). Only for callers on this machine that did not come through a proxy, or from the
  networks given with ``--metrics-from``: the numbers are for the operator, not the public.

Counting is done in tornado's ``log_function`` (called once per finished request), so no page
handler needs to know about metrics.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tornado import web
from tornado.log import access_log

from ..content.loader import default_content_dir
from .content_check import (
    PENDING,
    ContentState,
    OffLoop,
    content_state,
    in_worker,
    store_problem,
)
from .handlers import Limits, PageHandler, busy_reason
from .kernel_state import KernelState
from .proxy import from_this_machine, in_networks, was_forwarded
from .room.base import room_metrics
from .upstream.tornado import request_summary

COUNTS: Counter[str] = Counter()
_content_checks: dict[Path, OffLoop[ContentState]] = {}


def content_root() -> Path:
    """The folder the server serves (named only: loading it is content_check's, off the loop)."""
    return default_content_dir()


async def content_now(root: Path, wait: bool = True) -> ContentState:
    """The content's version, fingerprint and problem, worked out off the loop (content_check);
    without `wait`, the last answer."""
    if root not in _content_checks:
        _content_checks[root] = OffLoop(lambda: in_worker(content_state, root), PENDING)
    return await _content_checks[root].get() if wait else _content_checks[root].last


async def rooms_now(settings: dict[str, Any], wait: bool = True) -> str | None:
    """Why the room store cannot write now, or None (asked at most every few seconds)."""
    rooms = settings.get("infoshare_rooms")
    if rooms is None:
        return None
    check = settings.setdefault("infoshare_store_check",
                                OffLoop(lambda: store_problem(rooms), None, max_age=5.0))
    return await check.get() if wait else check.last


def count_request(handler: web.RequestHandler) -> None:
    """Called for every finished request (see :func:`counting`)."""
    status = handler.get_status()
    if isinstance(handler, PageHandler):
        COUNTS["busy_refusals" if status == 503 else "page_loads" if status < 400 else
               "page_errors"] += 1
    elif status >= 500 and not isinstance(handler, HealthHandler):  # "not ready" is no error
        COUNTS["errors"] += 1


def counting(log_function: Callable[[Any], None] | None) -> Callable[[Any], None]:
    """tornado's ``log_function`` that counts the request, then logs it as before."""

    def log_and_count(handler: Any) -> None:
        try:
            count_request(handler)
        finally:
            if not getattr(handler, "unlogged", False):  # a refused room call: counted only
                (log_function or _access_log)(handler)

    return log_and_count


def _access_log(handler: Any) -> None:
    """tornado's own access log line (what it writes when no ``log_function`` is set)."""
    status = handler.get_status()
    method = access_log.info if status < 400 else \
        access_log.warning if status < 500 else access_log.error
    method("%d %s %.2fms", status, request_summary(handler),
           1000.0 * handler.request.request_time())


def readiness(settings: dict[str, Any]) -> tuple[bool, str]:
    """At the kernel limits or stopping: not ready (the checks that need no waiting)."""
    manager = settings["kernel_manager"]
    reason = busy_reason(manager, "", settings.get("infoshare_limits", Limits()))
    return reason is None, reason or "ready"


class HealthHandler(web.RequestHandler):
    """``/healthz``: ready (200) or not (503) with the reason, and the content version (JSON,
    not cached). Not ready at the kernel limits, while stopping, when the section list did not
    load, and when the room store cannot write.

    ``/healthz?live`` is the liveness probe: 200 whenever the server answers at all, so a server
    that is busy or draining is taken out of rotation, never restarted for it.
    """

    async def get(self) -> None:
        live = self.get_query_argument("live", None) is not None  # answers at once
        content = await content_now(content_root(), wait=not live)
        rooms = await rooms_now(self.settings, wait=not live)
        ready, why = readiness(self.settings)  # after the waits, so it agrees with "draining"
        checking = "the content is still being checked" if content is PENDING else None
        for problem in (checking, content.problem, rooms):
            if ready and problem:
                ready, why = False, problem
        manager = self.settings["kernel_manager"]
        body = {"status": "ready" if ready else "not ready", "reason": why,
                "draining": bool(manager.draining),
                "content": {"version": content.version, "fingerprint": content.fingerprint},
                "rooms": rooms or "ok"}
        self.set_status(200 if ready or live else 503)
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(body))

    head = get


def pool_levels(manager: KernelState) -> dict[str, tuple[int, int]]:
    """Each notebook's pool: (kernels ready for a visitor now, kernels still starting).

    Voila's own count (its queue's length) includes refills that have not started a kernel
    yet: the probe saw full pools reported while 22 of 105 kernels were missing."""
    return {name: (level.ready, level.starting) for name, level in manager.pool_levels().items()}


def metrics_text(manager: KernelState) -> str:
    """The Prometheus exposition text (version 0.0.4) for this server."""
    lines: list[str] = []

    def metric(name: str, kind: str, help_text: str, samples: list[tuple[str, float]]) -> None:
        lines.append(f"# HELP infoshare_{name} {help_text}")
        lines.append(f"# TYPE infoshare_{name} {kind}")
        lines.extend(f"infoshare_{name}{labels} {value:g}" for labels, value in samples)

    alive = len(list(manager.list_kernel_ids()))
    metric("kernels_alive", "gauge", "Kernel processes running, pools included.",
           [("", alive)])
    metric("visitor_kernels", "gauge", "Kernels handed to visitors, and page requests on the way.",
           [("", manager.visitor_kernels())])
    metric("open_pages", "gauge", "Kernels with a page connected now.",
           [("", len(manager.connected_kernels()))])
    levels = pool_levels(manager)
    metric("pool_kernels", "gauge", "Preheated kernels ready for a visitor in each page's pool.",
           [(f'{{notebook="{_label(name)}"}}', n[0]) for name, n in sorted(levels.items())])
    metric("pool_starting", "gauge", "Refills of each page's pool not ready yet.",
           [(f'{{notebook="{_label(name)}"}}', n[1]) for name, n in sorted(levels.items())])
    for name, help_text in (("page_loads", "Pages served."),
                            ("busy_refusals", "Pages refused with the busy page (503)."),
                            ("page_errors", "Page requests that failed (4xx or 5xx, not busy)."),
                            ("errors", "Other requests answered with a server error (5xx).")):
        metric(f"{name}_total", "counter", help_text, [("", COUNTS[name])])
    metric("draining", "gauge", "1 while the server is stopping and refuses new pages.",
           [("", 1 if manager.draining else 0)])
    for name, kind, help_text, samples in room_metrics():  # counted by the room handlers
        metric(name, kind, help_text, samples)
    return "\n".join(lines) + "\n"


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


class MetricsHandler(web.RequestHandler):
    """``/metrics``: for this machine (not through a proxy) or the configured networks only."""

    def prepare(self) -> None:
        allowed = self.settings.get("infoshare_metrics_from", ())
        direct = not was_forwarded(self.request)
        if not (from_this_machine(self.request) or
                (allowed and direct and in_networks(self.request.remote_ip or "", allowed))):
            raise web.HTTPError(404)

    def get(self) -> None:
        self.set_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(metrics_text(self.settings["kernel_manager"]))
