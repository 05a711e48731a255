"""A room at once: N widget-protocol learners open one page at the same moment.

Each learner (a thread, `widget_client`) asks for the page, fetches every widget's state over
the kernel socket, answers the page's first question if it has one, and keeps the page open
until everyone is done (as a room would), then leaves with the page's leave beacon.
"""

from __future__ import annotations

import contextlib
import socket
import statistics
import threading
import time
from dataclasses import dataclass

from widget_client import Visit, check_question, leave, open_visit

ROOM_SECONDS = 300.0  # a learner not done by then is an error of the room, not a hung bench


@dataclass
class RoomResult:
    n: int
    visits: list[Visit]
    wall_s: float

    @property
    def errors(self) -> int:
        return sum(1 for v in self.visits if v.error)

    def _ok(self, name: str) -> list[float]:
        return sorted(getattr(v, name) for v in self.visits if not v.error)

    def pct(self, name: str, q: float) -> float:
        values = self._ok(name)
        if not values:
            return float("nan")
        if len(values) == 1:
            return values[0]
        return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def _join_by(threads: list[threading.Thread], visits: list[Visit], deadline: float) -> None:
    """Wait for the learners until `deadline`; a learner still waiting then is cut off, an error
    (a page still streaming: stock Voila once held one for 10 minutes and the bench with it)."""
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    for thread, visit in zip(threads, visits, strict=True):
        if thread.is_alive():
            visit.error = visit.error or f"no page in {ROOM_SECONDS:.0f} s"
            with contextlib.suppress(OSError, AttributeError):  # its read ends, in error
                visit.connection.sock.shutdown(socket.SHUT_RDWR)  # type: ignore[union-attr]
            if visit.socket is not None:
                visit.socket.close()
            thread.join(10)


def room(url: str, n: int, answer: bool = True, base: str = "", hold: bool = True) -> RoomResult:
    """`n` learners open `url` together; each answers its first question when `answer`."""
    barrier = threading.Barrier(n)
    visits = [Visit(url) for _ in range(n)]

    def learner(visit: Visit) -> None:
        barrier.wait()
        start = time.monotonic()
        try:
            open_visit(visit)
            if not visit.error:
                visit.feedback_s = visit.states_s
                if answer:
                    check_question(visit, start)
        except Exception as err:  # a refused socket, a timeout: an error of this learner
            visit.error = f"{type(err).__name__}: {err}"[:200]

    start = time.monotonic()
    threads = [threading.Thread(target=learner, args=(v,)) for v in visits]
    for t in threads:
        t.start()
    _join_by(threads, visits, start + ROOM_SECONDS)
    wall = time.monotonic() - start
    for visit in visits:
        if visit.kernel_id and base:
            with contextlib.suppress(OSError):
                leave(visit, base)
        elif visit.socket is not None:
            visit.socket.close()
        visit.socket = None
    return RoomResult(n, visits, wall)
