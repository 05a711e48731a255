"""Where a room's move-on goes: CPU seconds per kind of process, second by second (issue 26).

A script, not a test: `python benchmarks/room_profile.py --room 30` starts ours with `--room N`,
waits for the pools, lets the room open Start together and then move on together to What is
it? (as `make bench`), sampling every process of the server's tree in /proc twice a second
during the move-on. It prints the learners' times and the CPU split: the server, the visitors'
kernels taken from the pool, the visitors' kernels started for them, refills started during
the move-on, and the kernels that were already there (refills still starting, idle pools).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _servers  # noqa: E402
import memory  # noqa: E402
import proctree  # noqa: E402
import room  # noqa: E402

from infoshare_widgets.app.learner_capacity import room_settings  # noqa: E402
from infoshare_widgets.app.serve import ServerSettings  # noqa: E402
from infoshare_widgets.content import default_content_dir  # noqa: E402

START, QUESTION = "00-start", "01-what-is-it"


class Sampler(threading.Thread):
    """CPU seconds of every process under `pid`, every `every` seconds, until stopped."""

    def __init__(self, pid: int, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.samples = pid, every, []
        self.kernels: dict[str, int] = {}  # every kernel seen: its id -> its process
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            now = time.monotonic()
            self.kernels.update(proctree.kernels(self.pid))
            self.samples.append((now, {p: proctree.cpu_seconds(p)
                                       for p in proctree.tree(self.pid)}))
            self.done.wait(self.every)


def split(pid: int, samples: list[tuple[float, dict[int, float]]],
          visitors: set[int], first: dict[int, float] | None = None) -> dict[str, float]:
    """CPU seconds by kind between consecutive samples (a process that ended keeps what it
    used until its last sample); a kernel is the visitor's own or a refill by whether it ran
    at the first sample (pooled) or not (started during the move-on)."""
    first = samples[0][1] if first is None else first
    kinds = {"server": 0.0, "visitors_pooled": 0.0, "visitors_started": 0.0,
             "refills_new": 0.0, "others_old": 0.0}
    for (_, before), (_, after) in zip(samples, samples[1:], strict=False):
        for p, cpu in after.items():
            used = cpu - before.get(p, 0.0)
            if p == pid:
                kinds["server"] += used
            elif p in visitors:
                kinds["visitors_pooled" if p in first else "visitors_started"] += used
            else:
                kinds["refills_new" if p not in first else "others_old"] += used
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--room", type=int, default=30)
    parser.add_argument("--steps", type=int, default=12, help="timeline lines printed")
    parser.add_argument("--pause", type=float, default=0.0,
                        help="seconds between opening Start and moving on (the bench: 0)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="infoshare-roomprof-"))
    settings = room_settings(ServerSettings(content=default_content_dir(),
                                            port=_servers.free_port(), room=args.room))
    with _servers.ours(settings, work / "room.log", timeout=900) as server:
        pid = server.process.pid
        memory.settle_kernels(pid, settings.total_pool(), timeout=900)
        opened = room.room(server.page(START), args.room, answer=False, base=server.url)
        time.sleep(args.pause)
        sampler = Sampler(pid)
        sampler.start()
        time.sleep(0.6)
        moved = room.room(server.page(QUESTION), args.room, base=server.url)
        sampler.done.set()
        sampler.join()
        kernels = sampler.kernels
        visitors = {kernels[v.kernel_id] for v in moved.visits if v.kernel_id in kernels}
        t0, first = sampler.samples[0]
        total = split(pid, sampler.samples, visitors)
        for name, r in (("open Start", opened), ("move on", moved)):
            print(f"{name}: errors {r.errors} html p50 {r.pct('html_s', 50):.1f} "
                  f"interactive p50 {r.pct('feedback_s', 50):.1f} "
                  f"p95 {r.pct('feedback_s', 95):.1f} wall {r.wall_s:.1f}")
        for r in (opened, moved):
            print(sorted({v.error for v in r.visits if v.error})[:3])
        print("move-on CPU s:", {k: round(v, 1) for k, v in total.items()},
              f"new processes {sum(1 for p in sampler.samples[-1][1] if p not in first)}")
        for k in range(0, min(len(sampler.samples) - 2, 2 * args.steps), 2):
            part = split(pid, sampler.samples[k:k + 3], visitors, first)
            print(f"  {sampler.samples[k + 2][0] - t0:5.1f}s " + " ".join(
                f"{name[:10]}={v:4.1f}" for name, v in part.items()))
        print("load", Path("/proc/loadavg").read_text().strip())


if __name__ == "__main__":
    main()
