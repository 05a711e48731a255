"""Pools refilled after the room is served, one kernel at a time (issue 15).

What the profile of 30 simultaneous Start-page requests showed (docs/performance.md): Voila
refills a pool the moment a kernel leaves it (``fill_delay``, 1 s), so 30 visits start 30 new
kernels at once. Each refill costs a kernel process start, the imports and content load of the
page's first cell, and the server's compile of the page template; together they took most of
the CPU while the 30 visitors' pages waited on the same two cores.

:class:`PacedRefills` is mixed into the kernel manager. A pool refill (Voila marks its kernels
with ``VOILA_PREHEAT=True``) waits while visitors' pages are being served, for at most
`refill_max_wait` seconds so a busy site still gets its pools back, and starts one kernel at a
time (`refill_concurrency`). A visitor who finds the pool empty gets a kernel started at once,
as before.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from traitlets import Float, Int
from traitlets.config import LoggingConfigurable


def is_pool_refill(kwargs: dict[str, Any]) -> bool:
    """Whether a `start_kernel` call is Voila filling a pool (not a visitor's own kernel)."""
    env = kwargs.get("env") or {}
    return env.get("VOILA_PREHEAT") == "True"


class PacedRefills(LoggingConfigurable):
    """Kernel-manager mixin: visitors' pages first, then the pools, one kernel at a time."""

    refill_concurrency = Int(
        2, config=True, help="Pool kernels started at once (0: no pacing, Voila's own way).")
    refill_max_wait = Float(
        60.0, config=True,
        help="Longest a pool refill waits for the pages being served before it starts anyway.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._serving = 0
        self._slots: asyncio.Semaphore | None = None

    # --- pages being served (the page handler calls these) -----------------------------------

    def page_opening(self) -> None:
        self._serving += 1

    def page_done(self) -> None:
        self._serving = max(0, self._serving - 1)

    def pages_being_served(self) -> int:
        return self._serving

    # --- refills ------------------------------------------------------------------------------

    async def _quiet(self) -> None:
        """Until no visitor's page is being served, or `refill_max_wait` has passed."""
        deadline = time.monotonic() + self.refill_max_wait
        while self._serving > 0 and time.monotonic() < deadline:
            await asyncio.sleep(0.1)

    async def start_kernel(self, *args: Any, **kwargs: Any) -> Any:
        if self.refill_concurrency <= 0 or not is_pool_refill(kwargs):
            return await super().start_kernel(*args, **kwargs)  # type: ignore[misc]
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.refill_concurrency)
        async with self._slots:
            if self._serving:
                self.log.debug("Pool refill waits for %d page(s) being served", self._serving)
            await self._quiet()
            return await super().start_kernel(*args, **kwargs)  # type: ignore[misc]
