"""InfoshareKernelManager with a fake clock: the connect grace, liveness, visitors and limits.

Deterministic, no kernel started: Jupyter Server's own culling and shutdown are replaced by
recorders, and time is a number the test moves. (The browser test that guarded the grace before
loaded a page twice; it would still pass about 60% of the time without the fix.)
"""

from __future__ import annotations

import asyncio
import inspect
import threading

import pytest
import traitlets
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from infoshare_widgets.app.handlers import Limits, busy_reason
from infoshare_widgets.app.kernel_state import PoolLevel
from infoshare_widgets.app.kernels import InfoshareKernelManager, LimitedKernelManager, Visitor


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def manager(monkeypatch: pytest.MonkeyPatch) -> tuple[InfoshareKernelManager, Clock, dict]:
    calls: dict[str, list[str]] = {"culled": [], "shut": []}

    async def cull(self, kernel_id: str) -> None:
        calls["culled"].append(kernel_id)

    async def shut(self, kernel_id: str, *args: object, **kwargs: object) -> None:
        calls["shut"].append(kernel_id)

    monkeypatch.setattr(AsyncMappingKernelManager, "cull_kernel_if_idle", cull)
    monkeypatch.setattr(AsyncMappingKernelManager, "shutdown_kernel", shut)
    km = InfoshareKernelManager(connect_grace=60, liveness_timeout=180)
    clock = Clock()
    km.clock = clock
    running: list[str] = []
    monkeypatch.setattr(km, "list_kernel_ids", lambda: list(running))
    calls["running"] = running  # type: ignore[assignment]
    connections: dict[str, int] = {}  # Jupyter Server's kernel models: id and connections
    monkeypatch.setattr(km, "list_kernels",
                        lambda: [{"id": k, "connections": n} for k, n in connections.items()])
    calls["connections"] = connections  # type: ignore[assignment]
    return km, clock, calls


def cull(km: InfoshareKernelManager, kernel_id: str) -> None:
    """Run the culler on one kernel, in a thread of its own: the browser tests' Playwright keeps
    an event loop running in the main thread, where asyncio.run() refuses to start."""
    failure: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(km.cull_kernel_if_idle(kernel_id))
        except BaseException as err:  # re-raised in the test's thread
            failure.append(err)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=30)
    if failure:
        raise failure[0]


def test_a_kernel_never_connected_is_kept_for_the_grace_then_left_to_the_culler(manager) -> None:
    km, clock, calls = manager
    cull(km, "k1")               # first seen out of the pool at t=0
    clock.now += 59.9
    cull(km, "k1")
    assert calls["culled"] == []
    clock.now += 0.2             # 60.1 s after it was first seen
    cull(km, "k1")
    assert calls["culled"] == ["k1"]


def shut_unconnected(km: InfoshareKernelManager) -> None:
    """Run the manager's reclaim of never-connected kernels (in a thread: see `cull`)."""
    thread = threading.Thread(target=lambda: asyncio.run(km.reclaim_unconnected()))
    thread.start()
    thread.join(timeout=30)


def test_a_page_sent_whose_browser_never_connects_loses_its_kernel_after_the_timeout(
        manager) -> None:
    # Issue 27: a plain GET kept its kernel until liveness gave up (180 s shipped); the slot is
    # given back `connect_timeout` s after the page was sent, and only a page that connected
    # holds its kernel longer. A kernel still being rendered (not sent yet) is not counted.
    km, clock, calls = manager
    km.connect_timeout = 20
    for kernel_id in ("get", "page", "rendering"):
        km.hand_over(kernel_id, Visitor("t", "10.0.0.1"))
    clock.now += 100             # a long render: the clock starts when the page is sent
    km.page_sent("get")
    km.page_sent("page")
    km.page_sent("pooled")       # never handed to a visitor: not ours to end
    clock.now += 5
    km.notify_connect("page")    # the browser connected
    clock.now += 14.9
    assert km.never_connected() == []
    clock.now += 0.2             # 20.1 s after the page was sent
    assert km.never_connected() == ["get"]
    shut_unconnected(km)
    assert calls["shut"] == ["get"]
    km.page_sent("page")         # a page that connected once is liveness's, not this timer's
    km.connect_timeout = 0       # 0: the timeout is off
    km.page_sent("rendering")
    clock.now += 1000
    assert km.never_connected() == []


def test_a_connected_kernel_goes_to_the_culler_at_once(manager) -> None:
    km, _, calls = manager
    km._kernel_connections = {"k2": 0}
    km.notify_connect("k2")
    cull(km, "k2")
    assert calls["culled"] == ["k2"]


def test_a_page_that_stops_answering_loses_its_kernel_even_while_connected(manager) -> None:
    km, clock, calls = manager
    km._kernel_connections = {"k3": 0}
    km.hand_over("k3", Visitor("token", "10.0.0.1"))
    km.notify_connect("k3")      # a websocket is open, and stays open
    clock.now += 170
    km.mark_alive("k3")          # the page answered
    clock.now += 179
    cull(km, "k3")
    assert calls["shut"] == []
    clock.now += 2               # 181 s since the last answer
    cull(km, "k3")
    assert calls["shut"] == ["k3"]
    assert km.visitor_of("k3") is None


def test_a_slow_render_is_not_a_page_gone_and_liveness_counts_from_the_page_sent(manager) -> None:
    # Under a load of 30 a page took longer to render than a short liveness_timeout: its kernel
    # was shut down in the middle of the render ("Kernel died") before the page could answer.
    km, clock, calls = manager
    km.hand_over("k9", Visitor("token", "10.0.0.1"))
    clock.now += 400             # rendering, far past liveness_timeout (180 s)
    assert not km.page_has_gone("k9")
    km.page_sent("k9")
    clock.now += 179
    assert not km.page_has_gone("k9")
    clock.now += 2               # 181 s since the page was sent, no answer
    assert km.page_has_gone("k9")


def test_an_open_page_offline_for_30_s_keeps_its_kernel_until_liveness_gives_up(manager) -> None:
    # Shipped timeouts (180 s): a page idle for ten minutes loses its socket for 30 s. Idle
    # culling would take its kernel (Jupyter Server's culler is the recorder here); its page
    # answered the liveness check, so only liveness may end it (issue 15).
    km, clock, calls = manager
    km.hand_over("k5", Visitor("token", "10.0.0.1"))
    km.notify_connect("k5")
    clock.now += 600
    km.mark_alive("k5")          # the last beat before the network dropped
    km._kernel_connections = {"k5": 0}  # the socket is gone
    for _ in range(30):
        clock.now += 1
        cull(km, "k5")
    assert calls["culled"] == [] and calls["shut"] == []
    clock.now += 151             # 181 s without a beat: the page has gone after all
    cull(km, "k5")
    assert calls["shut"] == ["k5"]


def test_only_a_kernel_handed_to_a_visitor_is_checked_for_liveness(manager) -> None:
    km, clock, calls = manager
    km.mark_alive("pooled")      # no visitor: nothing recorded
    clock.now += 10_000
    assert not km.page_has_gone("pooled")
    km.liveness_timeout = 0
    km.hand_over("k4", Visitor("t", "c"))
    clock.now += 10_000
    assert not km.page_has_gone("k4")


def test_visitors_and_limits(manager) -> None:
    km, _, calls = manager
    running = calls["running"]
    running.extend(["pool", "a1", "a2", "b1"])
    km.hand_over("a1", Visitor("ta", "10.0.0.1"))
    km.hand_over("a2", Visitor("ta", "10.0.0.1"))
    km.hand_over("b1", Visitor("tb", "10.0.0.2"))
    km.hand_over("gone", Visitor("ta", "10.0.0.1"))  # not running any more: not counted
    assert km.kernels_of_client("10.0.0.1") == 2 and km.visitor_kernels() == 3
    assert km.visitor_of("a1") == Visitor("ta", "10.0.0.1")
    limits = Limits(max_kernels=5, per_client=2, pooled=1)   # room for 4 visitors' pages
    assert busy_reason(km, "10.0.0.1", limits) is not None  # this address has 2
    assert busy_reason(km, "10.0.0.2", limits) is None
    km.reserve("10.0.0.2")       # a request on its way counts at once...
    assert busy_reason(km, "10.0.0.2", limits) is not None  # ...3 + 1 = 4 pages: full
    assert busy_reason(km, "10.0.0.3", limits) is not None
    km.release("10.0.0.2")
    km.release("10.0.0.2")       # a second release is harmless
    assert km.kernels_of_client("10.0.0.2") == 1
    assert busy_reason(km, "10.0.0.3", limits) is None
    assert busy_reason(km, "10.0.0.3", Limits()) is None


def test_pages_open_are_connected_on_their_way_or_just_handed_over(manager) -> None:
    # What the drain waits for (drain.py): read through the declared interface only.
    km, clock, calls = manager
    connections = calls["connections"]
    assert km.pages_open() == 0 and km.connected_kernels() == set()
    connections.update({"k1": 1, "k2": 0, "pooled": 0})
    km.hand_over("k1", Visitor("t", "10.0.0.1"))
    km.hand_over("k2", Visitor("t", "10.0.0.1"))
    assert km.connected_kernels() == {"k1"}
    assert km.pages_open() == 2  # k1 connected; k2 handed over a moment ago
    clock.now += 5.1
    assert km.pages_open() == 1  # k2's page never connected: not open any more
    km.reserve("10.0.0.9")
    assert km.pages_open() == 2  # a page request on its way
    km.release("10.0.0.9")
    connections["k1"] = 0
    assert km.pages_open() == 0
    # The connections come from Jupyter Server's public kernel model (its REST API's).
    assert '"connections"' in inspect.getsource(AsyncMappingKernelManager.kernel_model)


def test_pool_levels_count_ready_and_starting_kernels_per_notebook() -> None:
    class Pooled(InfoshareKernelManager):  # Voila's pool class adds these (upstream/voila.py)
        async def get_rendered_notebook(self) -> None: ...

    assert InfoshareKernelManager().pool_levels() == {}  # no preheating: no pools
    loop = asyncio.new_event_loop()  # never run: futures only
    try:
        ready, starting, failed = (loop.create_future() for _ in range(3))
        ready.set_result({})
        failed.set_exception(RuntimeError("kernel died"))
        km = Pooled()
        km._pools = {"00-start.ipynb": [starting, ready], "01-x.ipynb": [failed]}
        assert km.pool_levels() == {"00-start.ipynb": PoolLevel(ready=1, starting=1),
                                    "01-x.ipynb": PoolLevel(ready=0, starting=1)}
        assert km.ready_kernels("00-start.ipynb") == [ready]
        assert km.pool_levels()["00-start.ipynb"].total == 2  # Voila's count; /metrics: ready
        starting.cancel()
    finally:
        loop.close()


def test_draining_is_a_trait() -> None:
    km = InfoshareKernelManager()
    assert isinstance(km.traits()["draining"], traitlets.Bool) and km.draining is False
    seen: list[bool] = []
    km.observe(lambda change: seen.append(change["new"]), "draining")
    km.draining = True
    assert seen == [True]


def test_the_browser_widget_budget_is_per_kernel(manager) -> None:
    km, _, _ = manager
    km.max_browser_widgets = 2
    assert km.browser_budget("k") is km.browser_budget("k")
    assert km.browser_budget("k").max_widgets == 2
    assert km.browser_budget("other") is not km.browser_budget("k")


def test_each_kernel_process_starts_under_a_memory_limit() -> None:
    assert InfoshareKernelManager().kernel_manager_class.endswith("kernels.LimitedKernelManager")
    kernel = LimitedKernelManager(memory_limit_mb=700)
    kernel.kernel_name = "python3"
    kernel._launch_args = {}
    command = kernel.format_kernel_cmd()
    assert command[1:5] == ["-m", "infoshare_widgets.app.kernel_limit", str(700 * 1024 * 1024),
                            "--"]
    assert "ipykernel_launcher" in " ".join(command[5:])
    kernel.memory_limit_mb = 0
    assert "kernel_limit" not in " ".join(kernel.format_kernel_cmd())


def test_the_limit_wrapper_sets_the_address_space_limit_and_runs_the_command() -> None:
    import subprocess
    import sys

    probe = "import resource; print(resource.getrlimit(resource.RLIMIT_AS)[0])"
    result = subprocess.run(
        [sys.executable, "-m", "infoshare_widgets.app.kernel_limit", str(600 * 1024 * 1024), "--",
         sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == 600 * 1024 * 1024
    grow = "x = bytearray(800 * 1024 * 1024)"
    result = subprocess.run(
        [sys.executable, "-m", "infoshare_widgets.app.kernel_limit", str(600 * 1024 * 1024), "--",
         sys.executable, "-c", grow], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "MemoryError" in result.stderr
