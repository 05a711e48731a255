"""How many kernels the machine can hold, by default.

Measured (STACK-NOTES, issue 8): an idle page's kernel holds ~66-73 MB resident; a flood of page
requests with no limit took a 2-core machine from 0.73 to 4.95 GB in 60 s. The default total is
what half the machine's memory holds at `PER_KERNEL_MB` each (room for the widgets a learner
builds up), never fewer than the pools plus a few pages.
"""

from __future__ import annotations

import os

PER_KERNEL_MB = 100
MIN_PAGES = 4
MAX_KERNELS = 500


def physical_memory_mb() -> int:
    """The machine's memory in MB (0 when it cannot be read)."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // (1024 * 1024)
    except (AttributeError, ValueError, OSError):
        return 0


def default_max_kernels(pooled: int, per_kernel_mb: int = PER_KERNEL_MB,
                        memory_mb: int | None = None) -> int:
    """Kernels in total (pools included) for half of `memory_mb` (default: this machine's)."""
    memory = physical_memory_mb() if memory_mb is None else memory_mb
    per_kernel = max(PER_KERNEL_MB, min(per_kernel_mb, PER_KERNEL_MB * 2))
    fits = (memory // 2) // per_kernel if memory else 0
    return min(MAX_KERNELS, max(pooled + MIN_PAGES, fits))
