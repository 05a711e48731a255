"""Memory per learner: the server's process tree with N pages open, minus none, over N (PSS)."""

from __future__ import annotations

import time

import proctree
from widget_client import Visit, open_visit


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


def per_learner(url: str, pid: int, n: int, idle_kernels: int) -> tuple[float, list[Visit]]:
    """MB of PSS per open page; the visits stay open (close their sockets after)."""
    settle_kernels(pid, idle_kernels)
    none_open = proctree.pss_mb(proctree.tree(pid))
    visits = [open_visit(Visit(url)) for _ in range(n)]
    settle_kernels(pid, idle_kernels + n)
    with_n = proctree.pss_mb(proctree.tree(pid))
    return (with_n - none_open) / n, visits
