"""`infoshare serve --room N`: a server ready for N learners opening a page together.

A trainer tells a room to open the Start page; everyone does within seconds. With ``room=N``:

- the Start page's pool holds N preheated kernels, and so does the page after it (the room's
  first move, all N learners at once; measured: with N/2 there, the other N/2 waited for N/2
  kernels started together, 8x one bare page) when the machine's memory holds them, else N/2;
  every other page's N/2 (when the room moves on, the Start kernels have ended with their
  pages and the pools refill, paced after the pages being served: :mod:`.refill`);
- the kernel limits leave room for the N: every learner may hold two pages for a moment while
  moving on, and a room behind one address (a training room's network) is N learners, so the
  per-address limit is at least 2N;
- the server warns at start when the machine's memory cannot hold the pools and the N.

`ServerSettings.room` (0: not set) holds N; `INFOSHARE_ROOM` is the command line's default.
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from .kernel_capacity import default_max_kernels, physical_memory_mb

if TYPE_CHECKING:
    from .serve import ServerSettings

START_NOTEBOOK = "00-start.ipynb"
# Measured (docs/performance.md): an idle preheated kernel ~66 MB resident, a learner's page's
# kernel with its widgets built ~75 MB.
KERNEL_MB = 75
PAGES_PER_LEARNER = 2


def room_settings(settings: ServerSettings, available_mb: int | None = None) -> ServerSettings:
    """`settings` with pools and limits sized for `settings.room` learners (unchanged if 0).

    `available_mb` (default: this machine's, `available_memory_mb`) decides whether the page
    after Start gets N kernels or N/2 like the others: N only if every kernel then fits."""
    n = settings.room
    if n <= 0:
        return settings
    names = sorted(p.name for p in Path(settings.notebooks).glob("*.ipynb"))
    start = START_NOTEBOOK if START_NOTEBOOK in names else (names[0] if names else START_NOTEBOOK)
    others = max(settings.default_pool_size, math.ceil(n / 2))
    pools = {name: max(settings.pool_sizes.get(name, 0), others) for name in names}
    pools[start] = max(settings.pool_sizes.get(start, 0), n)
    after = names[names.index(start) + 1] if start in names[:-1] else None
    if after is not None:
        warm = {**pools, after: max(pools[after], n)}
        available = available_memory_mb() if available_mb is None else available_mb
        if (sum(warm.values()) + n) * KERNEL_MB <= available:
            pools = warm
    sized = replace(settings, pool_sizes=pools)
    needed = sized.total_pool() + PAGES_PER_LEARNER * n
    limit = settings.max_kernels if settings.max_kernels is not None else default_max_kernels(
        sized.total_pool(), settings.kernel_memory_mb)
    per_client = settings.max_pages_per_client
    return replace(sized, max_kernels=max(limit, needed),
                   max_pages_per_client=0 if per_client == 0 else max(per_client,
                                                                      PAGES_PER_LEARNER * n))


def kernels_needed(settings: ServerSettings) -> int:
    """The pools plus one page per learner of the room."""
    return settings.total_pool() + max(0, settings.room)


def available_memory_mb() -> int:
    """Memory free for new processes (MemAvailable), or the machine's total if unknown."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return physical_memory_mb()


def memory_warning(settings: ServerSettings, available_mb: int | None = None) -> str | None:
    """A sentence when this machine's memory cannot hold the room's kernels, else None."""
    if settings.room <= 0:
        return None
    available = available_memory_mb() if available_mb is None else available_mb
    kernels = kernels_needed(settings)
    needed = kernels * KERNEL_MB
    if available <= 0 or needed <= available:
        return None
    return (f"infoshare: warning: a room of {settings.room} needs about {needed} MB for "
            f"{kernels} kernels (pools and pages, ~{KERNEL_MB} MB each); this machine has "
            f"{available} MB available. Learners may get the busy page or a slow server: use "
            f"a smaller --room, or a machine with more memory.")
