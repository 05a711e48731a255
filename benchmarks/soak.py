"""Soak: page visits opened and closed one after another; kernels and memory at the end."""

from __future__ import annotations

import time
from dataclasses import dataclass

import proctree
from widget_client import Visit, leave, open_visit


@dataclass
class SoakResult:
    visits: int
    errors: int
    kernels_start: int
    kernels_end: int
    pools: int
    memory_start_mb: float
    memory_end_mb: float
    seconds: float


def soak(base: str, pages: list[str], pid: int, visits: int, pools: int,
         settle: float = 10.0) -> SoakResult:
    """`visits` visits, cycling through `pages`; each leaves with the page's beacon."""
    kernels_start = len(proctree.kernels(pid))
    memory_start = proctree.pss_mb(proctree.tree(pid))
    errors = 0
    start = time.monotonic()
    for i in range(visits):
        visit = Visit(pages[i % len(pages)])
        try:
            open_visit(visit)
        except Exception:
            visit.error = "failed"
        if visit.error:
            errors += 1
        if visit.kernel_id and leave(visit, base) != 204:
            errors += 1
    took = time.monotonic() - start
    time.sleep(settle)
    return SoakResult(visits, errors, kernels_start, len(proctree.kernels(pid)), pools,
                      memory_start, proctree.pss_mb(proctree.tree(pid)), took)
