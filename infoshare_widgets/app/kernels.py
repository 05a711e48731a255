"""The kernels behind open pages: who holds each one, how long it may wait, how many there are.

`InfoshareKernelManager` is Voila's kernel manager (Voila's pool class is built on top of it) with
four additions, each a finding of the hostile-visitor probe (issue 8) or of the stall hunt:

- a kernel handed to a visitor is bound to that visitor (their cookie and address); the
  handlers refuse anyone else (:mod:`.guard`);
- a kernel that has never had a connection is kept for `connect_grace` seconds after it leaves
  the pool, so the culler cannot take it in the second before the browser connects;
- a kernel whose page has not answered the liveness check (``/infoshare/alive/<id>``, sent by
  the template's script, even from a hidden tab) for `liveness_timeout` seconds is shut down,
  even with a websocket open: a socket held by a script keeps nothing alive; and one whose page
  has connected and still answers is not culled for being idle, even while its socket is down
  (a page offline for 30 s keeps its kernel; issue 15). A page that closes ends its kernel at
  once with the leave signal (:mod:`.leave`); liveness is the backstop;
- each kernel process runs under a memory limit (:class:`LimitedKernelManager`).

Time comes from `clock`, so tests drive all of this without waiting. What the rest of the server
reads of it is :class:`.kernel_state.KernelState` (pages open, pool levels, ready kernels,
`draining`).
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jupyter_server.services.kernels.kernelmanager import (
    AsyncMappingKernelManager,
    ServerKernelManager,
)
from traitlets import Bool, Float, Int, default

from .browser_input import Budget
from .kernel_state import PoolLevel
from .refill import PacedRefills
from .upstream import voila

NO_HISTORY = "--HistoryManager.enabled=False"
RECENT_SECONDS = 5.0  # a kernel handed over this recently counts as an open page (the drain)


@dataclass
class Visitor:
    """Who a kernel was handed to: the visitor's cookie token and network address."""

    token: str
    client: str


class LimitedKernelManager(ServerKernelManager):
    """One kernel process, started under an address-space limit (``RLIMIT_AS``).

    The limit is set by :mod:`.kernel_limit`, a two-line wrapper that execs the real kernel
    command; a page that tries to grow its kernel past it gets a MemoryError, not the machine.
    """

    memory_limit_mb = Int(
        1024, config=True,
        help="Address-space limit of each kernel process, in MB (0: none).")

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        # No IPython history: every kernel wrote the notebook's cells into one shared SQLite
        # file, and the profile of a room of 30 found them waiting on it (issue 15).
        command = [*super().format_kernel_cmd(extra_arguments), NO_HISTORY]
        if self.memory_limit_mb <= 0:
            return command
        return [sys.executable, "-m", "infoshare_widgets.app.kernel_limit",
                str(self.memory_limit_mb * 1024 * 1024), "--", *command]


class InfoshareKernelManager(PacedRefills, AsyncMappingKernelManager):
    """Voila's kernels, bound to their visitors, culled when their page stops answering; pools
    refilled after the visitors' pages are served (:mod:`.refill`)."""

    connect_grace = Float(
        60.0, config=True,
        help="Seconds a kernel handed to a visitor may wait for their browser before it can be "
        "culled.")
    liveness_timeout = Float(
        180.0, config=True,
        help="Seconds a visitor's kernel is kept without its page answering the liveness check "
        "(0: never shut down for that).")
    max_browser_widgets = Int(
        4, config=True,
        help="Widgets a page may create in its kernel from the browser (our pages create none).")
    draining = Bool(
        False, help="Set on SIGTERM (drain.py): new pages are refused while open pages finish.")

    @default("kernel_manager_class")
    def _default_kernel_manager_class(self) -> str:
        return f"{__name__}.LimitedKernelManager"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.clock: Callable[[], float] = time.monotonic
        self._ever_connected: set[str] = set()
        self._unconnected_since: dict[str, float] = {}
        self._visitors: dict[str, Visitor] = {}
        self._last_alive: dict[str, float] = {}
        self._budgets: dict[str, Budget] = {}
        self._pending: Counter[str] = Counter()

    # --- visitors ---------------------------------------------------------------------------

    def hand_over(self, kernel_id: str, visitor: Visitor) -> None:
        """Record that `kernel_id` now serves `visitor` (called by the page handler)."""
        self._visitors[kernel_id] = visitor
        self._last_alive[kernel_id] = self.clock()

    def visitor_of(self, kernel_id: str) -> Visitor | None:
        return self._visitors.get(kernel_id)

    def reserve(self, client: str) -> None:
        """A page request from `client` is about to take a kernel: count it from now, so
        requests arriving together cannot all pass the limits before any kernel is handed."""
        self._pending[client] += 1

    def release(self, client: str) -> None:
        """The reservation ends (its kernel was handed over, or the request ended without)."""
        if self._pending[client] > 0:
            self._pending[client] -= 1
        if self._pending[client] <= 0:
            del self._pending[client]

    def kernels_of_client(self, client: str) -> int:
        """Running kernels handed to this network address, and its requests on the way."""
        running = set(self.list_kernel_ids())
        handed = sum(1 for k, v in self._visitors.items() if v.client == client and k in running)
        return handed + self._pending[client]

    def visitor_kernels(self) -> int:
        """Running kernels handed to visitors, and page requests on the way (pools not counted:
        they are a fixed number, set on the command line)."""
        running = set(self.list_kernel_ids())
        return sum(1 for k in self._visitors if k in running) + sum(self._pending.values())

    def browser_budget(self, kernel_id: str) -> Budget:
        """The count of widgets the browser created in this kernel, against the cap."""
        return self._budgets.setdefault(kernel_id, Budget(self.max_browser_widgets))

    def mark_alive(self, kernel_id: str) -> None:
        """The page of `kernel_id` answered the liveness check."""
        if kernel_id in self._visitors:
            self._last_alive[kernel_id] = self.clock()

    # --- what the rest of the server reads (kernel_state.KernelState) ------------------------

    def connected_kernels(self) -> set[str]:
        """Kernels with a page's websocket connected now (Jupyter Server's kernel model)."""
        return {m["id"] for m in self.list_kernels() if m.get("connections", 0) > 0}

    def pages_open(self) -> int:
        """Pages connected now, page requests on the way, and kernels handed over moments ago
        (their page has not connected yet)."""
        connected = self.connected_kernels()
        now = self.clock()
        recent = {k for k, t in self._last_alive.items()
                  if now - t < RECENT_SECONDS and k not in connected}
        return len(connected) + sum(self._pending.values()) + len(recent)

    def ready_kernels(self, notebook: str | None) -> list[Any]:
        return voila.ready_items(self, notebook)

    def pool_levels(self) -> dict[str, PoolLevel]:
        levels = {}
        for name, items in voila.pools(self).items():
            ready = sum(1 for item in items if voila.is_ready(item))
            levels[str(name)] = PoolLevel(ready=ready, starting=len(items) - ready)
        return levels

    # --- culling ----------------------------------------------------------------------------

    def notify_connect(self, kernel_id: str) -> None:
        self._ever_connected.add(kernel_id)
        self._unconnected_since.pop(kernel_id, None)
        super().notify_connect(kernel_id)

    def page_has_gone(self, kernel_id: str) -> bool:
        """A visitor's kernel whose page has not answered for `liveness_timeout` seconds."""
        if self.liveness_timeout <= 0 or kernel_id not in self._visitors:
            return False
        last = self._last_alive.get(kernel_id, self.clock())
        return self.clock() - last > self.liveness_timeout

    async def cull_kernel_if_idle(self, kernel_id: str) -> Any:
        # Voila's pool class calls this only for kernels that have left the pool.
        if self.page_has_gone(kernel_id):
            self.log.info("Shutting down a kernel whose page stopped answering")
            self.log.debug("kernel %s: no liveness answer", kernel_id)
            return await self.shutdown_kernel(kernel_id)
        if kernel_id not in self._ever_connected:
            since = self._unconnected_since.setdefault(kernel_id, self.clock())
            if self.clock() - since < self.connect_grace:
                return None
        elif kernel_id in self._visitors and self.liveness_timeout > 0:
            # Its page has connected and still answers: the page is open, even if its socket
            # dropped (a page offline for a while reconnects). Liveness decides, not idleness.
            return None
        return await super().cull_kernel_if_idle(kernel_id)

    async def shutdown_all(self, now: bool = False) -> None:
        """The server is stopping: pool kernels (no visitor's page) are ended at once, then the
        rest are asked to shut down. A pool kernel is inside the cell that waits for its
        visitor: asked, it closes its sockets, then that cell ends and its reply fails, and
        ipykernel logged "ZMQError: Socket operation on non-socket" with a traceback for each
        pool kernel on every stop. Nothing of a pool kernel is anyone's."""
        pooled = [k for k in self.list_kernel_ids() if k not in self._visitors]
        await asyncio.gather(*(self.shutdown_kernel(k, now=True) for k in pooled))
        await super().shutdown_all(now=now)

    async def shutdown_kernel(self, kernel_id: str, *args: Any, **kwargs: Any) -> Any:
        self._forget(kernel_id)
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)

    def remove_kernel(self, kernel_id: str) -> Any:
        self._forget(kernel_id)
        return super().remove_kernel(kernel_id)

    def _forget(self, kernel_id: str) -> None:
        self._ever_connected.discard(kernel_id)
        self._unconnected_since.pop(kernel_id, None)
        self._last_alive.pop(kernel_id, None)
        self._budgets.pop(kernel_id, None)
        # A kernel with no visitor is refused to everyone (see guard.py), so forgetting the
        # visitor of a kernel that is going away opens nothing.
        self._visitors.pop(kernel_id, None)
