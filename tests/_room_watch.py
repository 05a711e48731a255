"""The facilitator's room page as the room tests play it: long polls for the room's view and
notes when each arrived (tests/room_store on in-process servers; tests/app through nginx)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class Watching(threading.Thread):
    """Calls `view(version)` -> (status, view) until stopped or refused, noting arrival times."""

    def __init__(self, view: Callable[[int], tuple[int, dict]], version: int) -> None:
        super().__init__(daemon=True)
        self.view, self.version = view, version
        self.seen: list[tuple[float, dict]] = []
        self.stop = False

    def run(self) -> None:
        while not self.stop:
            status, view = self.view(self.version)
            if status != 200:
                return
            self.seen.append((time.monotonic(), view))
            self.version = view["version"]

    def when(self, counts: list[int]) -> float | None:
        """When the facilitator first saw these counts (None: not yet)."""
        return next((t for t, v in self.seen if v.get("counts") == counts), None)
