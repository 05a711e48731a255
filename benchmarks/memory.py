"""Memory per learner: the server's process tree with N pages open, minus none, over N.

PSS (shared pages split fairly between the processes that share them: what N more learners
really cost) and RSS (every page a process touches, shared or not: what `top` shows per kernel).
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass

import proctree
from widget_client import Visit, leave, open_visit


@dataclass(frozen=True)
class PerLearner:
    pss_mb: float
    rss_mb: float
    kernels_pss_mb: float  # of pss_mb, the kernels' own (the rest is the server's)


def settle_kernels(pid: int, count: int, timeout: float = 240.0) -> None:
    """Wait until `count` kernels run and their CPU has gone quiet (pools refilled): less
    than 0.3 s of CPU in 2 s, plus the little that idle kernels use (heartbeats)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(proctree.kernels(pid)) >= count:
            before = sum(proctree.cpu_seconds(p) for p in proctree.tree(pid))
            time.sleep(2)
            used = sum(proctree.cpu_seconds(p) for p in proctree.tree(pid)) - before
            if used < 0.3 + 0.01 * count:
                return
        else:
            time.sleep(1)


def _gone(pid: int, count: int, timeout: float = 60.0) -> None:
    """Wait until no more than `count` kernels run (the visits' kernels have ended)."""
    deadline = time.monotonic() + timeout
    while len(proctree.kernels(pid)) > count and time.monotonic() < deadline:
        time.sleep(0.5)


def per_learner(url: str, base: str, pid: int, n: int, idle_kernels: int) -> PerLearner:
    """MB per open page; the pages are opened by widget-protocol clients, then left as a page
    leaves (the leave beacon), and their kernels waited out."""
    settle_kernels(pid, idle_kernels)
    tree = proctree.tree(pid)
    pss0, rss0 = proctree.pss_mb(tree), proctree.rss_mb(tree)
    k0 = proctree.pss_mb(list(proctree.kernels(pid).values()))
    visits = [open_visit(Visit(url)) for _ in range(n)]
    try:
        settle_kernels(pid, idle_kernels + n)
        tree = proctree.tree(pid)
        pss1, rss1 = proctree.pss_mb(tree), proctree.rss_mb(tree)
        k1 = proctree.pss_mb(list(proctree.kernels(pid).values()))
    finally:
        for visit in visits:
            with contextlib.suppress(OSError):
                if visit.kernel_id:
                    leave(visit, base)
            if visit.socket is not None:
                visit.socket.close()
    _gone(pid, idle_kernels)
    return PerLearner((pss1 - pss0) / n, (rss1 - rss0) / n, (k1 - k0) / n)
