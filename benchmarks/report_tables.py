"""The report's tables of section pages and memory: ratios and targets (see report.py)."""

from __future__ import annotations

import statistics

TARGET_PAGE_RATIO = 0.8
TARGET_TEXT_RATIO = 0.3
TARGET_EXTRA_MB = 10


def _s(value: float) -> str:
    return f"{value:.2f} s"


def _mark(ratio: float, target: float) -> str:
    return f"{ratio:.2f}x" + ("" if ratio <= target else " (missed)")


def _timed_out(times: object) -> str:
    failed = getattr(times, "failed", 0)
    return f"; {failed} load(s) timed out after 90 s, not counted" if failed else ""


def pages_table(measured: dict, rounds: int) -> list[str]:
    ours, floor, bare = measured["ours"], measured["floor"], measured["bare"]
    b = bare.interactive.median
    lines = [
        "## Section pages: first readable text and time to interactive in headless Chromium",
        "",
        f"{rounds} rounds, each loading the bare page, then every section page and a plain "
        "static HTML page of the same text (the floor: every topic of the section, no script, "
        "from a static file server), each in a fresh browser context. Ours: `infoshare serve` "
        "with its default settings (pools of one, two for Start). *First readable text*: from "
        "the start of the navigation until the page's first paragraph of body content (found "
        "from the content: the section's first topic's first paragraph that is not an all-bold "
        "title line) is in the page's rendered text (`innerText`: laid out, not hidden), "
        "whatever element carries it (`benchmarks/first_text.py`). *Interactive*: until every "
        "cell has run and every widget view is drawn; for the static page, the document "
        "loaded. Medians; ratios are to the bare page's time to interactive "
        f"({_s(b)}, min {_s(min(bare.interactive.values))}, max "
        f"{_s(max(bare.interactive.values))}).",
        "",
        "| page | first readable text | ratio (target at most "
        f"{TARGET_TEXT_RATIO}x) | interactive (min-max) | ratio (target at most "
        f"{TARGET_PAGE_RATIO}x) | static floor: first text / loaded |",
        "|---|---|---|---|---|---|",
    ]
    for name, t in ours.items():
        f = floor[name]
        lines.append(
            f"| {name} | {_s(t.first_text.median)} | "
            f"{_mark(t.first_text.median / b, TARGET_TEXT_RATIO)} | "
            f"{_s(t.interactive.median)} ({min(t.interactive.values):.2f}-"
            f"{max(t.interactive.values):.2f}{_timed_out(t)}) | "
            f"{_mark(t.interactive.median / b, TARGET_PAGE_RATIO)} | "
            f"{_s(f.first_text.median)} / {_s(f.interactive.median)} |")
    lines += [f"| *bare page* | (no text) | | {_s(b)}{_timed_out(bare)} | 1.00x | |", "",
              "![Section pages against the bare page, and a room at once](performance.png)", ""]
    return lines


def memory_table(mem: dict) -> list[str]:
    def median(runs: list, name: str) -> float:
        return statistics.median(getattr(r, name) for r in runs)

    def spread(runs: list, name: str) -> str:
        values = [getattr(r, name) for r in runs]
        return f"{min(values):.1f}-{max(values):.1f}"

    pss_gap = median(mem["ours"], "pss_mb") - median(mem["bare"], "pss_mb")
    rss_gap = median(mem["ours"], "rss_mb") - median(mem["bare"], "rss_mb")
    verdict = "" if pss_gap <= TARGET_EXTRA_MB else " (missed)"
    return [
        "## Memory per learner",
        "",
        f"The server's whole process tree with {mem['n']} Start pages open, minus the same with "
        "none open (after the pools have refilled), divided by the pages; the pages held open by "
        "widget-protocol clients (below), then left as a page leaves. "
        f"{len(mem['ours'])} alternating rounds (ours, then the bare page); medians, the "
        "rounds' range in brackets. PSS splits shared pages between the processes sharing them "
        "(what a learner really adds); RSS counts every page a process touches.",
        "",
        "| | PSS, MB per learner | RSS, MB per learner |", "|---|---|---|",
        f"| ours (Start page) | {median(mem['ours'], 'pss_mb'):.1f} "
        f"({spread(mem['ours'], 'pss_mb')}) | {median(mem['ours'], 'rss_mb'):.1f} "
        f"({spread(mem['ours'], 'rss_mb')}) |",
        f"| bare page | {median(mem['bare'], 'pss_mb'):.1f} ({spread(mem['bare'], 'pss_mb')}) "
        f"| {median(mem['bare'], 'rss_mb'):.1f} ({spread(mem['bare'], 'rss_mb')}) |",
        f"| difference | {pss_gap:+.1f} (target: at most +{TARGET_EXTRA_MB}){verdict} | "
        f"{rss_gap:+.1f} |",
        f"| of the PSS, the kernels' own: ours / bare | {median(mem['ours'], 'kernels_pss_mb'):.1f}"
        f" / {median(mem['bare'], 'kernels_pss_mb'):.1f} | |",
        "",
    ]
