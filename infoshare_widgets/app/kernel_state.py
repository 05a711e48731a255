"""What the rest of the server reads of the kernel manager: a declared interface.

Health, metrics, the drain and the page handler's limits read the kernel manager
(:class:`.kernels.InfoshareKernelManager`) only through :class:`KernelState`; none of them reads
its private fields or Voila's and Jupyter Server's (``upstream/`` does that, for the manager).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass
class Visitor:
    """Who a kernel was handed to: the visitor's cookie token and network address."""

    token: str
    client: str


@dataclass(frozen=True)
class PoolLevel:
    """One notebook's pool of preheated kernels."""

    ready: int  # started and run up to the visit: a visitor takes one at once
    starting: int  # refills under way

    @property
    def total(self) -> int:
        return self.ready + self.starting


class KernelState(Protocol):
    """The kernel manager as health, metrics, the drain and the limits see it."""

    draining: bool  # a traitlets Bool: set on SIGTERM, new pages are refused

    def list_kernel_ids(self) -> Iterable[str]:
        """Every running kernel, pools included."""

    def visitor_kernels(self) -> int:
        """Running kernels handed to visitors, and page requests on their way."""

    def kernels_of_client(self, client: str) -> int:
        """The same, for one network address."""

    def connected_kernels(self) -> set[str]:
        """Kernels with a page's websocket connected now."""

    def pages_open(self) -> int:
        """Pages that count as open for the drain: connected, on their way, or handed their
        kernel moments ago (their websocket not open yet)."""

    def pool_levels(self) -> dict[str, PoolLevel]:
        """Each notebook's pool ({} when kernels are not preheated)."""

    def ready_kernels(self, notebook: str | None) -> list[Any]:
        """One notebook's pool items that are ready now (what a visitor may take at once)."""
