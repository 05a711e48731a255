"""The kernel manager as the page handler sees it.

Voila's page handler takes a visitor's kernel through two calls, `get_rendered_notebook` (a
pooled kernel) and `start_kernel` (a new one). :class:`HandingOver` wraps the manager for one
request: the kernel taken is bound to the visitor, and with paced refills (``--room``) a visitor
never waits for a refill queued behind the room's others. It serves exactly what Voila's handler
uses of its kernel manager (``upstream.voila.PAGE_HANDLER_USES``, checked against Voila's source).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jupyter_core.utils import ensure_async

from .kernels import InfoshareKernelManager, Visitor
from .upstream import voila


class HandingOver:
    """The kernel manager, as the page handler sees it: the kernel it takes is bound to the
    visitor (Voila's handler takes it from the pool or starts one; these are the two calls)."""

    def __init__(self, manager: InfoshareKernelManager, visitor: Visitor,
                 handed: Callable[[str], None]) -> None:
        self._manager = manager
        self._visitor = visitor
        self._handed = handed

    # What Voila's handler reads and calls besides the two hand-overs, passed through.

    @property
    def notebook_data(self) -> Any:
        return self._manager.notebook_data

    def get_kernel(self, kernel_id: str) -> Any:
        return self._manager.get_kernel(kernel_id)

    def _paced(self) -> bool:
        return self._manager.refill_concurrency > 0

    def get_pool_size(self, notebook_name: str) -> int:
        """Voila takes a pooled kernel when this is above 0, even one still being refilled.
        With paced refills (``--room``) only kernels ready now count: a visitor who would wait
        for a refill queued behind the room's other refills (measured: 15 of a room of 30
        moving on together waited past two minutes) gets a kernel started at once instead."""
        if not self._paced():
            return self._manager.get_pool_size(notebook_name)
        return len(self._manager.ready_kernels(notebook_name))

    async def get_rendered_notebook(self, *args: Any, **kwargs: Any) -> Any:
        if self._paced():  # the ready kernels first: Voila takes the pool's first item
            voila.put_ready_first(self._manager, kwargs.get("notebook_name",
                                                            args[0] if args else None))
        self._manager.waiting_for_pool(1)  # a refill it waits for goes at once (refill.py)
        try:
            result = await self._manager.get_rendered_notebook(*args, **kwargs)
        finally:
            self._manager.waiting_for_pool(-1)
        self._manager.hand_over(result[2], self._visitor)
        self._handed(result[2])
        return result

    async def start_kernel(self, *args: Any, **kwargs: Any) -> str:
        kernel_id = await ensure_async(self._manager.start_kernel(*args, **kwargs))
        self._manager.hand_over(kernel_id, self._visitor)
        self._handed(kernel_id)
        return kernel_id
