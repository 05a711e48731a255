"""`make bench`: every measurement of issue 15 in one run; writes docs/performance.md and its chart.

A script, not a test: it starts real servers on 127.0.0.1 (ours with `serve.voila_command`, and
plain `voila` on a one-widget notebook), measures, stops them, and writes the report. Run it on
a quiet machine if you can; it says what the machine was doing.
"""

from __future__ import annotations

import argparse
import os
import pickle
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _servers  # noqa: E402
import first_text  # noqa: E402
import memory  # noqa: E402
import pages  # noqa: E402
import present_follow  # noqa: E402
import proctree  # noqa: E402
import report  # noqa: E402
import room  # noqa: E402
import soak  # noqa: E402

from infoshare_widgets.app.learner_capacity import room_settings  # noqa: E402
from infoshare_widgets.app.serve import ServerSettings  # noqa: E402
from infoshare_widgets.content import default_content_dir, load_content  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
START, QUESTION = "00-start", "01-what-is-it"


def machine() -> dict[str, str]:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    return {"cores": str(os.cpu_count()), "cpu": cpu,
            "memory": f"{proctree_memory_gb():.1f} GB",
            "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
            "python": platform.python_version(),
            "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}


def proctree_memory_gb() -> float:
    return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 1024 ** 3


def room_run(url_first: str, url_question: str, n: int, base: str, pid: int | None) -> dict:
    """The room opens one page together, then moves on together to a page with a question."""
    before = {p: proctree.cpu_seconds(p) for p in proctree.tree(pid)} if pid else {}
    opened = room.room(url_first, n, answer=url_first == url_question, base=base)
    cpu = {}
    if pid:
        after = proctree.tree(pid)
        kernels = proctree.kernels(pid)
        visitors = {kernels[v.kernel_id] for v in opened.visits if v.kernel_id in kernels}
        delta = {p: proctree.cpu_seconds(p) - before.get(p, 0.0) for p in after}
        cpu = {"server": delta.get(pid, 0.0),
               "visitors": sum(delta[p] for p in visitors if p in delta),
               "refills": sum(v for p, v in delta.items() if p not in before),
               "pooled": sum(v for p, v in delta.items()
                             if p in before and p != pid and p not in visitors)}
    answered = opened if url_first == url_question else room.room(url_question, n, base=base)
    return {"open": opened, "answer": answered, "cpu": cpu}


ONLY: set[str] = set()


def stage(results: dict, name: str, run: Callable[[], object]) -> None:
    """One measurement; a failure is written into the report instead of stopping the run."""
    if ONLY and str(name) not in ONLY and not (isinstance(name, int) and "rooms" in ONLY):
        return
    try:
        results[name] = run()
    except Exception as err:  # noqa: BLE001 - the other measurements still count
        traceback.print_exc()
        results.setdefault("failed", {})[name] = f"{type(err).__name__}: {err}"[:300]
    print(f"{name} done", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5, help="loads of each page (>= 5)")
    parser.add_argument("--rooms", default="10,30")
    parser.add_argument("--soak", type=int, default=200)
    parser.add_argument("--learners", type=int, default=10, help="pages open for memory")
    parser.add_argument("--memory-rounds", type=int, default=3)
    parser.add_argument("--chromium", default=os.environ.get("INFOSHARE_CHROMIUM",
                                                             "/usr/bin/chromium"))
    parser.add_argument("--only", default="", help="these stages only (for trying the bench): "
                        "section_pages, memory, present_follow, stock_rooms, soak, rooms")
    parser.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    args = parser.parse_args()
    ONLY.update(filter(None, args.only.split(",")))
    sizes = [int(n) for n in args.rooms.split(",")]
    work = Path(tempfile.mkdtemp(prefix="infoshare-bench-"))
    content = load_content(default_content_dir())
    results: dict = {"machine_start": machine(), "rounds": args.rounds}
    began = time.monotonic()
    shipped = ServerSettings(content=default_content_dir(), port=_servers.free_port(),
                             max_pages_per_client=0)
    with _servers.bare(work / "bare", work / "bare.log") as bare, \
            _servers.ours(shipped, work / "ours.log") as ours, \
            first_text.static_site(content, work / "static") as static:
        urls = {s.title: (ours.page(Path(s.notebook).stem), first_text.snippet(content, s.id))
                for s in content.sections}
        floors = {s.title: static[s.id] for s in content.sections}
        stage(results, "section_pages", lambda: pages.section_pages(
            urls, floors, bare.url + "/", args.rounds, args.chromium))

        def memory_run() -> dict:
            ours_runs, bare_runs = [], []
            for _ in range(args.memory_rounds):  # alternating, as the pages
                ours_runs.append(memory.per_learner(ours.page(START), ours.url,
                                                    ours.process.pid, args.learners,
                                                    shipped.total_pool()))
                bare_runs.append(memory.per_learner(bare.url + "/", bare.url,
                                                    bare.process.pid, args.learners, 0))
            return {"ours": ours_runs, "bare": bare_runs, "n": args.learners}

        stage(results, "memory", memory_run)
        stage(results, "present_follow",
              lambda: present_follow.follow(ours.url, args.chromium))
        stage(results, "stock_rooms", lambda: {
            n: room_run(bare.url + "/", bare.url + "/", n, "", None) for n in sizes})

        def soak_run() -> soak.SoakResult:
            pools = shipped.total_pool()
            memory.settle_kernels(ours.process.pid, pools)
            cycle = [ours.page(Path(s.notebook).stem) for s in content.sections]
            return soak.soak(ours.url, cycle, ours.process.pid, args.soak, pools)

        stage(results, "soak", soak_run)
    results["rooms"] = {}
    for n in sizes:
        def room_n(n: int = n) -> dict:
            settings = room_settings(ServerSettings(content=default_content_dir(),
                                                    port=_servers.free_port(), room=n))
            with _servers.ours(settings, work / f"room{n}.log", timeout=900) as server:
                memory.settle_kernels(server.process.pid, settings.total_pool(), timeout=900)
                return room_run(server.page(START), server.page(QUESTION), n, server.url,
                                server.process.pid)

        stage(results["rooms"], n, room_n)
    results["machine_end"] = machine()
    results["minutes"] = (time.monotonic() - began) / 60
    try:  # kept, so the report can be written again without measuring again
        with (work / "results.pickle").open("wb") as out:
            pickle.dump(results, out)
        print(f"results kept in {work / 'results.pickle'}", flush=True)
    except Exception:  # noqa: BLE001
        traceback.print_exc()
    out = Path(args.out)
    report.write(results, out, out.with_suffix(".png"), ROOT / "benchmarks" / "profile_findings.md")
    print(f"wrote {out} and {out.with_suffix('.png')}")


if __name__ == "__main__":
    main()
