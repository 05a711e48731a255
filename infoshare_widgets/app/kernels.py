"""The kernels behind open pages: who holds each one, how long it may wait, how many there are.

`InfoshareKernelManager` is Voila's kernel manager (its pool class is built on top) with these
additions, each a finding of a hostile-visitor probe or of the stall hunt:

- a kernel handed to a visitor is bound to that visitor (their cookie and address); the
  handlers refuse anyone else (:mod:`.response_guard`);
- a page costs nothing for long until its browser connects: a kernel handed to a page request is
  shut down `connect_timeout` seconds after the page was sent if no websocket has connected;
- a kernel whose page has not answered the liveness check (``/infoshare/alive/<id>``, even from
  a hidden tab) for `liveness_timeout` seconds after it was sent is shut down, socket or not;
  one whose page still answers is not culled for being idle. A closing page ends its kernel;
- each kernel process runs under a memory limit (:class:`LimitedKernelManager`).

Time comes from `clock` (tests drive it); the server reads it as :class:`.kernel_state.KernelState`.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from jupyter_server.services.kernels.kernelmanager import (
    AsyncMappingKernelManager,
    ServerKernelManager,
)
from traitlets import Bool, Float, Int, default

from .browser_input import Budget
from .kernel_env import KernelEnvironment
from .kernel_limit import limited_command
from .kernel_state import PoolLevel, Visitor
from .refill import PacedRefills
from .upstream import voila

NO_HISTORY = "--HistoryManager.enabled=False"  # kernels of a room waited on its SQLite file
RECENT_SECONDS = 5.0  # a kernel handed over this recently counts as an open page (the drain)


class LimitedKernelManager(ServerKernelManager):
    """One kernel process, under an address-space limit (``RLIMIT_AS``, :mod:`.kernel_limit`:
    past it a page gets a MemoryError, not the machine); forked by the fork server when it runs
    (:mod:`.fork_provisioner`)."""

    memory_limit_mb = Int(
        1024, config=True, help="Address-space limit of each kernel process, in MB (0: none).")

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        command = [*super().format_kernel_cmd(extra_arguments), NO_HISTORY]
        if self.memory_limit_mb <= 0:
            return command
        return limited_command(self.memory_limit_mb * 1024 * 1024, command)


class InfoshareKernelManager(KernelEnvironment, PacedRefills, AsyncMappingKernelManager):
    """Voila's kernels, bound to visitors, culled when their page stops answering (kernel_env)."""

    connect_grace = Float(60.0, config=True, help="Seconds a kernel handed to a visitor may wait "
                          "for their browser before it can be culled.")
    connect_timeout = Float(20.0, config=True, help="Seconds a kernel handed to a page request "
                            "waits, once the page is sent, for the page's websocket; then it is "
                            "shut down (0: left to connect_grace and the culler).")
    liveness_timeout = Float(180.0, config=True, help="Seconds a visitor's kernel is kept without "
                             "its page answering the liveness check (0: never shut down for that).")
    max_browser_widgets = Int(4, config=True, help="Widgets a page may create in its kernel from "
                              "the browser (our pages create none).")
    draining = Bool(False, help="Set on SIGTERM (drain.py): new pages refused, open ones finish.")

    @default("kernel_manager_class")
    def _default_kernel_manager_class(self) -> str:
        return f"{__name__}.LimitedKernelManager"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.clock: Callable[[], float] = time.monotonic
        self._ever_connected: set[str] = set()
        self._unconnected_since: dict[str, float] = {}  # first seen by the culler, or sent
        self._sent_at: dict[str, float] = {}  # pages sent, their browser not connected yet
        self._visitors: dict[str, Visitor] = {}
        self._last_alive: dict[str, float] = {}
        self._budgets: dict[str, Budget] = {}
        self._rendering: set[str] = set()  # handed over, page not sent yet: not gone
        self._pending: Counter[str] = Counter()

    # --- visitors ---------------------------------------------------------------------------

    def hand_over(self, kernel_id: str, visitor: Visitor) -> None:
        """Record that `kernel_id` now serves `visitor` (called by the page handler)."""
        self._visitors[kernel_id] = visitor
        self._last_alive[kernel_id] = self.clock()
        self._rendering.add(kernel_id)

    def page_sent(self, kernel_id: str) -> None:
        """The page of `kernel_id` was sent (or its request ended): its browser now has
        `connect_timeout` seconds to connect; liveness counts from now, not from a slow render."""
        if kernel_id in self._rendering:
            self._rendering.discard(kernel_id)
            self._last_alive[kernel_id] = self.clock()
        if kernel_id in self._ever_connected or kernel_id not in self._visitors:
            return
        self._unconnected_since[kernel_id] = self._sent_at[kernel_id] = self.clock()
        if self.connect_timeout > 0:
            with contextlib.suppress(RuntimeError):  # no loop (unit tests call reclaim_...)
                loop = asyncio.get_running_loop()
                loop.call_later(self.connect_timeout + 0.1,
                                lambda: loop.create_task(self.reclaim_unconnected()))

    def never_connected(self) -> list[str]:
        """Visitors' kernels whose page was sent `connect_timeout` s ago and never connected."""
        if self.connect_timeout <= 0:
            return []
        now = self.clock()
        return [k for k, sent in self._sent_at.items()
                if k in self._visitors and now - sent >= self.connect_timeout]

    async def reclaim_unconnected(self) -> None:
        for kernel_id in self.never_connected():
            self.log.info("Shutting down a kernel whose page never connected")
            with contextlib.suppress(KeyError):
                await self.shutdown_kernel(kernel_id, now=True)

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
        self._rendering.discard(kernel_id)  # its page came, so it was sent
        self._unconnected_since.pop(kernel_id, None)
        self._sent_at.pop(kernel_id, None)
        super().notify_connect(kernel_id)

    def page_has_gone(self, kernel_id: str) -> bool:
        """A visitor's kernel whose page has not answered for `liveness_timeout` seconds."""
        if (self.liveness_timeout <= 0 or kernel_id not in self._visitors
                or kernel_id in self._rendering):
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
        """Pool kernels (no visitor's page) are ended at once, then the rest asked: a pool kernel
        asked waits in its visitor cell, whose reply then fails with a logged ZMQError."""
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
        self._sent_at.pop(kernel_id, None)
        self._last_alive.pop(kernel_id, None)
        self._budgets.pop(kernel_id, None)
        self._rendering.discard(kernel_id)
        self._visitors.pop(kernel_id, None)  # then refused to everyone (response_guard.py)
