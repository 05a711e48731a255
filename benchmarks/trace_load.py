"""One page load traced in Chromium, and its renderer main-thread time by phase (issue 26).

    .venv/bin/python benchmarks/trace_load.py URL OUT.json [WARM_URL]

Loads WARM_URL (default: URL) once, rests 12 s (a pool refill out of the way; give another page
of the same server, so the traced load still finds a preheated kernel), then loads URL in a
fresh context as `pages.py` does, traced (`devtools.timeline`, `v8`, the V8 CPU profiler) until
`SETTLED_JS`. Writes the trace (OUT.json, for chrome://tracing or DevTools), the page's
timings (OUT.json.info.json) and prints, per phase (HTML end, `load` event, kernel socket made,
first socket message, settled): the main thread's busy time by category and the CPU samples by
script source. Findings: profile_findings.md, "Time to interactive: a Chromium trace".
"""

from __future__ import annotations

import collections
import json
import re
import sys
import time

import pages
from playwright.sync_api import sync_playwright

CATEGORIES = ["-*", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute",
              "v8", "blink.user_timing", "loading", "toplevel", "blink",
              "disabled-by-default-v8.cpu_profiler"]
# Records the kernel socket's times (made, open, first and last message) in window.__ws.
SOCKET_JS = """(() => { window.__ws = []; const N = window.WebSocket;
  window.WebSocket = function (u, p) { const s = p === undefined ? new N(u) : new N(u, p);
    const r = {url: String(u), created: performance.now()}; window.__ws.push(r);
    s.addEventListener('open', () => { r.open = performance.now(); });
    s.addEventListener('message', () => { r.first = r.first || performance.now(); });
    return s; };
  window.WebSocket.prototype = N.prototype;
  ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach((k) => { window.WebSocket[k] = N[k]; });
})();"""
INFO_JS = """() => ({nav: performance.getEntriesByType('navigation')[0].toJSON(),
  res: performance.getEntriesByType('resource').map((r) => ({name: r.name, start: r.startTime,
       end: r.responseEnd, body: r.decodedBodySize})),
  ws: window.__ws, elements: document.getElementsByTagName('*').length})"""
CATEGORY_OF = [  # event name pattern -> category, first match wins
    (r"recalcStyle|UpdateLayoutTree|StyleElement|CSS|Style", "style"),
    (r"Layout|InlineNode|ShapeText", "layout"),
    (r"Paint|Commit|Layerize|Composit|Raster|HitTest|UpdateLifecycle", "paint"),
    (r"ParseHTML|HTMLDocumentParser", "html parse"),
    (r"GC|Scavenge", "gc"),
    (r"^[vV]8|FunctionCall|EvaluateScript|Microtask|TimerFire|EventDispatch|AnimationFrame|"
     r"XHR|AsyncTask|compile|Compile|PostMessage", "script"),
    (r"Resource|mojo|Receive|URLLoader|Navigation|DocumentLoader", "loading"),
]


def record(url: str, out: str, warm: str, chromium: str = "/usr/bin/chromium") -> dict:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=pages.CHROMIUM_ARGS)
        pages.load(browser, warm)
        time.sleep(12)
        context = browser.new_context()
        context.add_init_script(script=SOCKET_JS)
        page = context.new_page()
        browser.start_tracing(page=page, path=out, categories=CATEGORIES)
        page.goto(url, wait_until="commit", timeout=90_000)
        page.wait_for_function(pages.SETTLED_JS, timeout=90_000, polling=50)
        info = {"settled": page.evaluate("() => performance.now()"), **page.evaluate(INFO_JS)}
        browser.stop_tracing()
        context.close()
        browser.close()
    with open(out + ".info.json", "w") as f:
        json.dump(info, f)
    return info


def source(url: str | None) -> str:
    """A script's source, grouped: Voila's bundle, a federated extension, ours."""
    u = re.sub(r"\?.*", "", re.sub(r"^https?://[^/]+", "", url or ""))
    if "/labextensions/" in u:
        return "extension " + u.split("/labextensions/")[1].split("/static/")[0]
    if "/voila/static/" in u:
        return "voila bundle"
    if "/infoshare/static/" in u:
        return "infoshare/static " + u.rsplit("/", 1)[-1]
    return u[-40:] or "?"


def category(name: str) -> str:
    return next((c for pattern, c in CATEGORY_OF if re.search(pattern, name)), "other")


def _load(out: str) -> tuple[dict, list[dict]]:
    with open(out + ".info.json") as f:
        info = json.load(f)
    with open(out) as f:
        raw = json.load(f)
    return info, raw["traceEvents"] if isinstance(raw, dict) else raw


def _busy(events: list[dict], pid: int, phase: object, phases: int) -> list[collections.Counter]:
    """Self time of the page's main-thread events, by phase and category."""
    threads = {e["tid"] for e in events if e.get("ph") == "M" and e["pid"] == pid
               and e.get("name") == "thread_name" and e["args"]["name"] == "CrRendererMain"}
    busy = [collections.Counter() for _ in range(phases)]
    spans = sorted(((e["ts"], e["ts"] + e.get("dur", 0), e["name"]) for e in events
                    if e["pid"] == pid and e.get("tid") in threads and e.get("ph") == "X"),
                   key=lambda s: (s[0], -s[1]))
    stack: list[list] = []  # [end, name, start, children's time]

    def close(until: float) -> None:
        while stack and stack[-1][0] <= until:
            end, name, start, children = stack.pop()
            p = phase(start)  # type: ignore[operator]
            if p is not None:
                busy[p][category(name)] += end - start - children
            if stack:
                stack[-1][3] += end - start
    for start, end, name in spans:
        close(start)
        stack.append([end, name, start, 0])
    close(float("inf"))
    return busy


def _samples(events: list[dict], pid: int, phase: object,
             phases: int) -> list[collections.Counter]:
    """V8 CPU profiler samples of the page's renderer, by phase and script source."""
    samples = [collections.Counter() for _ in range(phases)]
    nodes: dict[int, dict] = {}
    clock = 0.0
    for e in sorted((e for e in events if e["pid"] == pid and e.get("name") in
                     ("Profile", "ProfileChunk")), key=lambda e: e["ts"]):
        data = e["args"]["data"]
        if e["name"] == "Profile":
            clock = data.get("startTime", e["ts"])
            continue
        profile = data.get("cpuProfile", {})
        nodes.update({n["id"]: n for n in profile.get("nodes", [])})
        ids, deltas = profile.get("samples", []), data.get("timeDeltas", [])
        for node, delta in zip(ids, deltas[:len(ids)], strict=True):
            clock += delta
            p, frame = phase(clock), nodes.get(node, {}).get("callFrame", {})  # type: ignore
            if p is not None and frame:
                key = source(frame["url"]) if frame.get("url") else frame.get("functionName")
                samples[p][key or "?"] += delta
    return samples


def attribute(out: str) -> None:
    """Print, per phase, the main thread's busy time by category and CPU samples by source."""
    info, events = _load(out)
    navigations = [e for e in events if e.get("name") == "navigationStart"
                   and e["args"].get("data", {}).get("documentLoaderURL", "").startswith("http")]
    pid, t0 = navigations[-1]["pid"], navigations[-1]["ts"]  # the traced page's renderer
    nav, ws = info["nav"], info["ws"][0]
    marks = [("HTML end", nav["responseEnd"]), ("load event", nav["loadEventEnd"]),
             ("socket made", ws["created"]), ("first message", ws.get("first", 0)),
             ("settled", info["settled"])]

    def phase(ts: float) -> int | None:
        ms = (ts - t0) / 1000
        return next((i for i, (_, end) in enumerate(marks) if 0 <= ms < end), None)

    busy = _busy(events, pid, phase, len(marks))
    samples = _samples(events, pid, phase, len(marks))
    before = 0.0
    for i, (name, end) in enumerate(marks):
        total = sum(busy[i].values()) / 1000
        print(f"{before:6.0f} -> {end:6.0f} ms {name}: span {end - before:5.0f}, main thread "
              f"{total:5.0f}: " + ", ".join(f"{c} {v / 1000:.0f}"
                                          for c, v in busy[i].most_common(6) if v > 3000))
        print("    CPU samples: " + ", ".join(f"{k} {v / 1000:.0f}" for k, v in
                                               samples[i].most_common(9) if v > 3000))
        before = end


if __name__ == "__main__":
    target, path = sys.argv[1], sys.argv[2]
    record(target, path, sys.argv[3] if len(sys.argv) > 3 else target)
    attribute(path)
