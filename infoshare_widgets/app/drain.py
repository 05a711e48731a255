"""Stopping without cutting learners off: SIGTERM drains, a second SIGTERM stops at once.

On the first SIGTERM (systemd, Kubernetes and ``infoshare serve`` all stop the server with it)
the server stops taking new pages: the page handler answers them with the busy page (503,
``Retry-After``), which nginx retries on another server, and ``/healthz`` says "not ready" so a
load balancer stops sending new visitors. Pages already open keep working (their kernel
websocket and liveness answers) until none is open, or for ``grace`` seconds at most; then the
server stops and shuts its kernels down, and any page still open says it lost its connection.

The signal is taken with asyncio's ``loop.add_signal_handler`` once the server's loop runs (what
Tornado 6.4 names in place of the deprecated ``IOLoop.add_callback_from_signal``, removed in
Tornado 7): the handler then runs as an ordinary callback on the loop. A SIGTERM that arrives
before the loop runs is counted by :meth:`Drain.early` and handled when it starts.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections.abc import Callable
from typing import Any

from tornado.ioloop import IOLoop, PeriodicCallback

from .kernel_state import KernelState

log = logging.getLogger(__name__)

# A page served just before the signal needs a moment to open its websocket.
SETTLE_SECONDS = 3.0


class Drain:
    """The server's SIGTERM handler (see the module docstring)."""

    def __init__(self, manager: Callable[[], KernelState], grace: float,
                 clock: Callable[[], float] = time.monotonic,
                 logger: logging.Logger | logging.LoggerAdapter = log) -> None:
        self._manager = manager
        self.log = logger
        self.grace = grace
        self.clock = clock
        self.started: float | None = None
        self.early_signals = 0
        self._timer: PeriodicCallback | None = None

    def early(self, _signum: int, _frame: Any) -> None:
        """A plain ``signal.signal`` handler for the moments before the loop runs: only counts."""
        self.early_signals += 1

    def watch(self) -> None:
        """Take SIGTERM on the running loop from now on (call it from the loop), and handle any
        that came before it ran."""
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, self.on_signal)
        for _ in range(self.early_signals):
            self.on_signal()
        self.early_signals = 0

    def on_signal(self) -> None:
        """SIGTERM, on the loop: begin draining, or stop now if already draining."""
        if self.started is not None or self.grace <= 0:
            self.stop()
        else:
            self.begin()

    def begin(self) -> None:
        manager = self._manager()
        manager.draining = True
        self.started = self.clock()
        self.log.info("Stopping: no new pages; open pages have up to %g s", self.grace)
        self._timer = PeriodicCallback(self.check, 500)
        self._timer.start()

    def should_stop(self) -> bool:
        if self.started is None:
            return False
        elapsed = self.clock() - self.started
        if elapsed >= self.grace:
            return True
        return elapsed >= SETTLE_SECONDS and self._manager().pages_open() == 0

    def check(self) -> None:
        if self.should_stop():
            self.stop()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.log.info("Stopping the server now")
        IOLoop.current().stop()
