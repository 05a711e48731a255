"""docs/performance.md and docs/performance.png from one run's results (see run.py)."""

from __future__ import annotations

from pathlib import Path

import report_tables
from report_tables import TARGET_PAGE_RATIO, TARGET_TEXT_RATIO

TARGET_CLICK_S = 0.25
TARGET_ROOM_RATIO = 3.0


def _s(value: float) -> str:
    return f"{value:.2f} s"


def _room_rows(rooms: dict, label: str, drawing: float, bare_single: float) -> list[str]:
    rows = []
    for n, run in sorted((k, v) for k, v in rooms.items() if isinstance(k, int)):
        opened, answered = run["open"], run["answer"]
        errors = opened.errors + (answered.errors if answered is not opened else 0)
        p95 = opened.pct("feedback_s", 95) + drawing
        moved_p95 = answered.pct("states_s", 95) + drawing
        moved = (f"{_s(answered.pct('states_s', 50) + drawing)} / {_s(moved_p95)} "
                 f"({moved_p95 / bare_single:.1f}x)"
                 if answered is not opened else "(the same page)")
        rows.append(
            f"| {label} | {n} | {errors} | "
            f"{_s(opened.pct('html_s', 50))} / {_s(opened.pct('html_s', 95))} | "
            f"{_s(opened.pct('feedback_s', 50) + drawing)} / {_s(p95)} | "
            f"{p95 / bare_single:.1f}x | {moved} | "
            f"{answered.pct('click_s', 50) * 1000:.0f} / "
            f"{answered.pct('click_s', 95) * 1000:.0f} ms |")
    return rows


def chart(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    measured = results["section_pages"]
    times, drawing = measured["ours"], measured["drawing"]
    bare = measured["bare"].interactive.median
    names = list(times)
    ys = range(len(names))
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), dpi=110)
    left.barh([y - 0.2 for y in ys], [times[n].first_text.median / bare for n in names],
              height=0.4, color="#00703c", label="first readable text")
    left.barh([y + 0.2 for y in ys], [times[n].interactive.median / bare for n in names],
              height=0.4, color="#1d4f91", label="interactive")
    left.set_yticks(list(ys), names)
    left.axvline(1.0, color="#555555", linestyle=":", label="bare page interactive")
    left.axvline(TARGET_PAGE_RATIO, color="#b3261e", linestyle="--", label="targets 0.3x, 0.8x")
    left.axvline(TARGET_TEXT_RATIO, color="#b3261e", linestyle="--")
    left.set_xlabel("time / bare page's time to interactive (median)")
    left.invert_yaxis()
    left.legend(loc="lower right", fontsize=8)
    left.set_title("Section pages, headless Chromium")
    stock_rooms = results.get("stock_rooms", {})
    sizes = sorted(n for n in results["rooms"] if isinstance(n, int) and n in stock_rooms)
    ours = [results["rooms"][n]["open"].pct("feedback_s", 95) + drawing for n in sizes]
    moved = [results["rooms"][n]["answer"].pct("states_s", 95) + drawing for n in sizes]
    stock = [stock_rooms[n]["open"].pct("feedback_s", 95) + drawing for n in sizes]
    x = range(len(sizes))
    right.bar([i - 0.27 for i in x], ours, width=0.27, label="ours, Start", color="#1d4f91")
    right.bar(list(x), moved, width=0.27, label="ours, next page", color="#00703c")
    right.bar([i + 0.27 for i in x], stock, width=0.27, label="stock Voila", color="#9e9e9e")
    right.axhline(3 * bare, color="#b3261e", linestyle="--", label="target: 3x one bare page")
    right.set_xticks(list(x), [f"room of {n}" for n in sizes])
    right.set_ylabel("p95 time to interactive (s)")
    right.legend(fontsize=8)
    right.set_title("A room at once (--room N)")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _presenter_and_findings(results: dict, findings: Path) -> list[str]:
    lines = []
    if "present_follow" in results:
        from present_follow import line  # the same sentence as the script's own
        lines += ["## The presenter view", "", line(results["present_follow"]), ""]
    if findings.exists():
        lines += [findings.read_text(encoding="utf-8").rstrip(), ""]
    return lines


def write(results: dict, doc: Path, png: Path, findings: Path) -> None:
    m0, m1 = results["machine_start"], results["machine_end"]
    failed = {**results.get("failed", {}),
              **{f"room of {k}": v for k, v in results["rooms"].get("failed", {}).items()}}
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (`benchmarks/run.py`) from one run; do not edit by hand. The "
        "profiles that explain the figures (a learner's kernel; a room's burst) are at the end "
        "(`benchmarks/profile_findings.md`).",
        "",
        "## The machine",
        "",
        f"{m0['when']}; {m0['cores']} cores ({m0['cpu']}), {m0['memory']}, Python "
        f"{m0['python']}. Load average {m0['load']} at the start and {m1['load']} at the end "
        f"(1, 5 and 15 minutes) on {m0['cores']} cores; the machine is shared, and the run's "
        f"own servers and kernels add to it. Absolute times are therefore noisy; the ratios "
        f"against the bare page, measured alternately in the same run, are what to read. The "
        f"run took {results['minutes']:.0f} minutes.",
        "",
        "The bare page is plain `voila` with its default settings (no preheating) on a "
        "one-widget notebook: a button that says it was pressed (`benchmarks/_servers.py`).",
        "",
    ]
    if failed:
        lines += ["**Not measured in this run:** " + "; ".join(
            f"{name} ({why})" for name, why in failed.items()), ""]
    bare = None
    drawing = 0.0
    if "section_pages" in results:
        measured = results["section_pages"]
        bare, drawing = measured["bare"].interactive.median, measured["drawing"]
        lines += report_tables.pages_table(measured, results["rounds"])
    if "memory" in results:
        lines += report_tables.memory_table(results["memory"])
    if bare is not None:
        lines += [
            "## A room at once",
            "",
            "N learners open the Start page at the same moment, then (ours) move on together to "
            "What is it? and answer its first question. Thirty browsers do not fit on two cores, "
            "so the learners are clients that speak the widget protocol (`benchmarks/"
            "widget_client.py`): *interactive* is the page's HTML received and every widget "
            "model's state received over the kernel's websocket, plus the browser's own drawing "
            f"time measured once with Chromium on the Start page ({_s(drawing)}: interactive "
            "minus HTML received). *Click to feedback*: a question's check sent, its feedback "
            "back. The stock room opens the bare page and presses its button. Every learner "
            "comes from one address (a training room's network). With `--room N` the Start "
            "pool holds N kernels, and so does the page after it (What is it?) when the "
            "machine's memory holds them, every other page's N/2 (`app/learner_capacity.py`): "
            "on a page, the learners beyond its pool each get a kernel started at once, so the "
            "next-page column shows what a room moving on together waits for.",
            "",
            "| server | N | errors | HTML p50 / p95 | interactive p50 / p95 | p95 / one bare "
            "page | next page interactive p50 / p95 (p95 / one bare page) | click to feedback "
            "p50 / p95 |",
            "|---|---|---|---|---|---|---|---|",
            *_room_rows(results["rooms"], "ours, `--room N`", drawing, bare),
            *_room_rows(results.get("stock_rooms", {}), "stock Voila", drawing, bare),
            "",
            f"Targets (room of 30, `--room 30`): no errors, p95 interactive, opening Start and "
            f"moving on to the next page, under {TARGET_ROOM_RATIO:.0f}x one bare page "
            f"({_s(TARGET_ROOM_RATIO * bare)}), p95 click to feedback under "
            f"{TARGET_CLICK_S * 1000:.0f} ms.",
            "",
            "CPU seconds spent while the room opened the Start page (ours; /proc of the server's "
            "process tree):",
            "",
            "| N | server | the visitors' kernels | pool refills started | kernels waiting in "
            "pools |",
            "|---|---|---|---|---|",
        ]
        for n, run in sorted((k, v) for k, v in results["rooms"].items() if isinstance(k, int)):
            c = run["cpu"]
            lines.append(f"| {n} | {c['server']:.1f} | {c['visitors']:.1f} | "
                         f"{c['refills']:.1f} | {c['pooled']:.1f} |")
        lines.append("")
    if "soak" in results:
        s = results["soak"]
        lines += [
            "## Soak",
            "",
            f"{s.visits} page visits (the six pages in turn), opened and closed one after "
            f"another in {s.seconds:.0f} s by a widget-protocol client that leaves as the page "
            f"does (the leave beacon on pagehide); {s.errors} errors. 10 s after the last one "
            "closed:",
            "",
            "| | start | end |", "|---|---|---|",
            f"| kernels (pools: {s.pools}) | {s.kernels_start} | {s.kernels_end} |",
            f"| server memory (PSS of the process tree) | {s.memory_start_mb:.0f} MB | "
            f"{s.memory_end_mb:.0f} MB "
            f"({100 * (s.memory_end_mb / s.memory_start_mb - 1):+.1f}%) |",
            "",
        ]
    lines += _presenter_and_findings(results, findings)
    doc.write_text("\n".join(lines), encoding="utf-8")
    if "section_pages" in results:
        chart(results, png)
