"""Run a kernel under a memory limit: ``python -m infoshare_widgets.app.kernel_limit BYTES -- CMD``.

Sets ``RLIMIT_AS`` (the process's address space) and then replaces itself with the kernel
command, so the limit is inherited and nothing else runs. Kept free of imports beyond the
standard library: it starts for every kernel.
"""

from __future__ import annotations

import os
import resource
import sys

MODULE = "infoshare_widgets.app.kernel_limit"


def limited_command(limit: int, command: list[str]) -> list[str]:
    """`command` run under `limit` bytes of address space (what :func:`main` takes apart)."""
    return [sys.executable, "-m", MODULE, str(limit), "--", *command]


def split_limit(command: list[str]) -> tuple[int | None, list[str]]:
    """The limit and the kernel command of a :func:`limited_command` (None: not one)."""
    if command[1:3] == ["-m", MODULE] and len(command) > 5 and command[4] == "--":
        return int(command[3]), command[5:]
    return None, command


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
