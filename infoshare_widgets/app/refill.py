"""Pools refilled after the room is served, a kernel or two at a time.

Why: Voila refills a pool the moment a kernel leaves it (``fill_delay``, 1 s), so a room of
visits starts as many new kernels at once. Each refill costs a kernel process start, the imports
and content load of the page's first cell, and the server's compile of the page template;
together they take the CPU the visitors' pages are waiting for (docs/performance.md).

:class:`PacedRefills` is mixed into the kernel manager. A pool refill (Voila marks its kernels
with ``VOILA_PREHEAT=True``) waits while visitors' pages are being served and `refill_after`
seconds more, for at most `refill_max_wait` seconds so a busy site still gets its pools back,
and runs `refill_concurrency` at a time, each until its kernel waits for its visit. A visitor
who finds the pool empty gets a kernel started at once, as before, and the first fill of the
pools, before anyone has visited, is Voila's own (all at once: nobody is waiting).
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from traitlets import Float, Int
from traitlets.config import LoggingConfigurable

from .upstream.voila import is_pool_refill, waiting_for_visit

__all__ = ["PacedRefills", "is_pool_refill"]


class PacedRefills(LoggingConfigurable):
    """Kernel-manager mixin: visitors' pages first, then the pools, a few kernels at a time."""

    refill_concurrency = Int(
        0, config=True,
        help="Pool kernels refilled at once, after the pages being served (0: no pacing, "
        "Voila's own way; `--room N` sets 2).")
    refill_max_wait = Float(
        60.0, config=True,
        help="Longest a pool refill waits for the pages being served before it starts anyway.")
    refill_after = Float(
        2.0, config=True,
        help="Seconds after the last page was served before refills start (the browsers are "
        "still fetching the widgets' state then).")
    refill_ready_timeout = Float(
        20.0, config=True,
        help="Longest a refill holds its slot while its kernel runs the page up to the visit.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._serving = 0
        self._last_done = 0.0
        self._visited = False  # the first fill, before any visitor, is Voila's own
        self._pool_waiters = 0
        self._slots: asyncio.Semaphore | None = None

    # --- pages being served (the page handler calls these) -----------------------------------

    def page_opening(self) -> None:
        self._serving += 1
        self._visited = True

    def page_done(self) -> None:
        self._serving = max(0, self._serving - 1)
        self._last_done = time.monotonic()

    def pages_being_served(self) -> int:
        return self._serving

    def waiting_for_pool(self, change: int) -> None:
        """A visitor's request starts (+1) or stops (-1) waiting for a pool's kernel: a refill
        it may be waiting for must not wait for the pages being served (its own among them)."""
        self._pool_waiters = max(0, self._pool_waiters + change)

    # --- refills ------------------------------------------------------------------------------

    async def _quiet(self) -> None:
        """Until no visitor's page is being served, or `refill_max_wait` has passed."""
        deadline = time.monotonic() + self.refill_max_wait
        while time.monotonic() < deadline and not self._pool_waiters and (
                self._serving > 0 or time.monotonic() - self._last_done < self.refill_after):
            await asyncio.sleep(0.1)

    async def _until_waiting(self, kernel_id: str) -> None:
        """Until the new kernel has run its page up to the visit: it then opens Voila's query
        socket (``voila/query/<id>``). Its start-up is the refill's CPU; holding the slot
        until then is what keeps refills few at a time."""
        deadline = time.monotonic() + self.refill_ready_timeout
        while not waiting_for_visit(kernel_id) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)

    async def start_kernel(self, *args: Any, **kwargs: Any) -> Any:
        if self.refill_concurrency <= 0 or not self._visited or not is_pool_refill(kwargs):
            return await super().start_kernel(*args, **kwargs)  # type: ignore[misc]
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.refill_concurrency)
        async with self._slots:
            if self._serving:
                self.log.debug("Pool refill waits for %d page(s) being served", self._serving)
            await self._quiet()
            kernel_id = await super().start_kernel(*args, **kwargs)  # type: ignore[misc]
            await self._until_waiting(kernel_id)
            return kernel_id
