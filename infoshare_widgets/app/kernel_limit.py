"""Run a kernel under a memory limit: ``python -m infoshare_widgets.app.kernel_limit BYTES -- CMD``.

Sets ``RLIMIT_AS`` (the process's address space) and then replaces itself with the kernel
command, so the limit is inherited and nothing else runs. Kept free of imports beyond the
standard library: it starts for every kernel.
"""

from __future__ import annotations

import os
import resource
import sys


def main(argv: list[str]) -> None:
    if len(argv) < 3 or argv[1] != "--":
        sys.exit("usage: kernel_limit BYTES -- COMMAND...")
    set_memory_limit(int(argv[0]))
    os.execv(argv[2], argv[2:])


def set_memory_limit(limit: int) -> None:
    """This process's address space at most `limit` bytes (never above the hard limit); a
    kernel forked by :mod:`.fork_server` sets it the same way."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


if __name__ == "__main__":
    main(sys.argv[1:])
