"""`--room N` and what the profile of a room of 30 changed (issue 15); no server, no kernel."""

from __future__ import annotations

import asyncio
import inspect
import threading
from pathlib import Path

import jinja2
import pytest
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from infoshare_widgets.app import learner_capacity as room
from infoshare_widgets.app import render_cache
from infoshare_widgets.app.deploy_env import serve_options
from infoshare_widgets.app.handing_over import HandingOver
from infoshare_widgets.app.handlers import Limits, busy_reason
from infoshare_widgets.app.kernels import (
    NO_HISTORY,
    InfoshareKernelManager,
    LimitedKernelManager,
    Visitor,
)
from infoshare_widgets.app.serve import ServerSettings, voila_command
from infoshare_widgets.cli import build_parser

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def run(coroutine: object) -> object:
    """Run a coroutine in a thread of its own (Playwright may hold this thread's loop)."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(asyncio.run(coroutine)),  # type: ignore[arg-type]
                              daemon=True)  # a test that hangs fails, not the whole run
    thread.start()
    thread.join(timeout=30)
    return result[0] if result else None


@pytest.mark.parametrize("n", [10, 30])
def test_a_room_gets_pools_for_it_and_limits_that_leave_room_for_it(n: int) -> None:
    shipped = ServerSettings(notebooks=NOTEBOOKS, max_kernels=None)
    sized = room.room_settings(ServerSettings(notebooks=NOTEBOOKS, room=n), available_mb=10**6)
    assert room.room_settings(shipped) is shipped  # no room: nothing changes
    assert sized.pool_sizes["00-start.ipynb"] == n
    assert all(size >= n // 2 for size in sized.pool_sizes.values())
    # The hardening issue's limits with the room's pools: N learners, all behind one address
    # (a training room's network), each holding two pages for a moment, are never refused.
    limits = Limits(sized.kernel_limit(), sized.max_pages_per_client, sized.total_pool())
    manager = InfoshareKernelManager()
    for i in range(2 * n - 1):
        manager.reserve("10.0.0.1")
        assert busy_reason(manager, "10.0.0.1", limits) is None, f"page {i + 2} refused"
    # Before, the shipped limits refused the thirteenth page of one address.
    assert busy_reason(manager, "10.0.0.1", Limits(0, shipped.max_pages_per_client, 0))
    command, _ = voila_command(sized, base_env={})
    assert f"--InfoshareVoila.pool_sizes=00-start.ipynb={n}" in command
    assert f"--InfoshareVoila.max_pages_per_client={2 * n}" in command
    assert "--KernelManager.transport=ipc" in command  # no TCP ports to race for
    assert "--InfoshareKernelManager.refill_concurrency=2" in command
    assert not any("refill" in arg for arg in voila_command(shipped, base_env={})[0])


def test_the_page_after_start_is_warmed_for_the_whole_room_when_memory_holds_it() -> None:
    """The room's first move (Start, then What is it?) is all N learners at once: its page's
    pool holds N, so nobody waits for kernels started together (issue 26), unless the
    machine's memory cannot hold the pools and the room's pages; the later pages keep N/2."""
    settings = ServerSettings(notebooks=NOTEBOOKS, room=30)
    warm = room.room_settings(settings, available_mb=10**6).pool_sizes
    assert warm["00-start.ipynb"] == warm["01-what-is-it.ipynb"] == 30
    assert {warm[name] for name in warm if name[:2] not in ("00", "01")} == {15}
    needed = (sum(warm.values()) + 30) * room.KERNEL_MB
    assert room.room_settings(settings, available_mb=needed).pool_sizes == warm
    small = room.room_settings(settings, available_mb=needed - 1).pool_sizes
    assert small["01-what-is-it.ipynb"] == 15 and small["00-start.ipynb"] == 30
    # the warm page never costs the memory warning: it is added only when no warning follows
    sized = room.room_settings(settings, available_mb=needed)
    assert room.memory_warning(sized, available_mb=needed) is None


def test_room_from_the_command_line_and_the_environment() -> None:
    """Like every serve option (deploy_env.py): the argument wins, then INFOSHARE_ROOM."""
    given = build_parser().parse_args(["serve", "--room", "30"])
    assert serve_options(given, {"INFOSHARE_ROOM": "12"})["room"] == 30
    unset = build_parser().parse_args(["serve"])
    assert serve_options(unset, {"INFOSHARE_ROOM": "12"})["room"] == 12
    assert "room" not in serve_options(unset, {})
    with pytest.raises(ValueError, match="INFOSHARE_ROOM"):
        serve_options(unset, {"INFOSHARE_ROOM": "many"})


def test_a_warning_when_memory_cannot_hold_the_room() -> None:
    sized = room.room_settings(ServerSettings(notebooks=NOTEBOOKS, room=30))
    kernels = room.kernels_needed(sized)
    assert kernels == sized.total_pool() + 30
    warning = room.memory_warning(sized, available_mb=kernels * room.KERNEL_MB - 1)
    assert warning and "room of 30" in warning and "warning" in warning
    assert room.memory_warning(sized, available_mb=kernels * room.KERNEL_MB) is None
    assert room.memory_warning(ServerSettings(notebooks=NOTEBOOKS), available_mb=1) is None


def test_pool_refills_wait_for_the_pages_being_served_and_go_a_few_at_a_time(
        monkeypatch) -> None:
    started: list[str] = []
    running = {"now": 0, "most": 0}

    async def start(self, *args: object, **kwargs: object) -> str:
        running["now"] += 1
        running["most"] = max(running["most"], running["now"])
        await asyncio.sleep(0.05)
        running["now"] -= 1
        started.append(str((kwargs.get("env") or {}).get("VOILA_PREHEAT")))
        return "k"

    monkeypatch.setattr(AsyncMappingKernelManager, "start_kernel", start)
    manager = InfoshareKernelManager(refill_concurrency=2, refill_max_wait=20, refill_after=0.1,
                                     refill_ready_timeout=0.05)
    refill = {"env": {"VOILA_PREHEAT": "True"}}

    async def scenario() -> list[str]:
        await manager.start_kernel(**refill)  # the first fill, before any visit: at once
        started.clear()
        running["most"] = 0
        manager.page_opening()  # a visitor's page is being served
        refills = [asyncio.create_task(manager.start_kernel(**refill)) for _ in range(5)]
        await manager.start_kernel(env={"VOILA_PREHEAT": "False"})  # a visitor: at once
        await asyncio.sleep(0.3)
        held = list(started)
        manager.page_done()
        await asyncio.gather(*refills)
        return held

    held = run(scenario())
    assert held == ["False"]  # no refill started while the page was being served
    assert started[1:] == ["True"] * 5 and running["most"] == 2

    async def a_visitor_waits_for_the_refill() -> float:
        # A visitor whose pool is empty waits for the refill: it must not wait for the pages
        # being served, the visitor's own included (that deadlock held pages for a minute).
        manager.page_opening()
        manager.waiting_for_pool(1)
        began = asyncio.get_running_loop().time()
        await manager.start_kernel(**refill)
        manager.waiting_for_pool(-1)
        manager.page_done()
        return asyncio.get_running_loop().time() - began

    assert run(a_visitor_waits_for_the_refill()) < 5


def test_with_paced_refills_a_visitor_takes_a_ready_kernel_or_gets_one_started() -> None:
    """A room moving on together: the page's pool has one kernel ready and two refills queued
    behind the room's other refills. Voila takes the pool's first item when the pool size is
    above 0; a visitor must get the ready one, and the next visitor a kernel started at once
    (pool size 0), not a refill to wait for (measured: 15 of 30 waited past two minutes)."""

    async def scenario() -> tuple[list[int], list[bool], str, int]:
        loop = asyncio.get_running_loop()
        pending = [loop.create_future(), loop.create_future()]
        ready = loop.create_future()
        ready.set_result({"kernel_id": "ready"})

        class Voila(InfoshareKernelManager):
            def get_pool_size(self, notebook_name: str) -> int:  # Voila's: every item counts
                return len(self._pools.get(notebook_name, []))

            async def get_rendered_notebook(self, notebook_name: str, **_: object) -> object:
                item = self._pools[notebook_name].pop(0)  # Voila's: the first item
                return None, [], (await item)["kernel_id"]

        manager = Voila(refill_concurrency=2)
        manager._pools = {"page.ipynb": [*pending, ready]}  # type: ignore[attr-defined]
        handed: list[bool] = []
        seen = HandingOver(manager, Visitor("token", "10.0.0.1"), lambda _id: handed.append(True))
        sizes = [seen.get_pool_size("page.ipynb")]
        _, _, kernel = await seen.get_rendered_notebook(notebook_name="page.ipynb")
        sizes.append(seen.get_pool_size("page.ipynb"))
        unpaced = HandingOver(Voila(refill_concurrency=0), None, lambda _id: None)  # type: ignore
        unpaced._manager._pools = {"page.ipynb": pending}  # type: ignore[attr-defined]
        for future in pending:
            future.cancel()
        return sizes, handed, kernel, unpaced.get_pool_size("page.ipynb")

    sizes, handed, kernel, unpaced_size = run(scenario())
    assert sizes == [1, 0] and handed == [True] and kernel == "ready"
    assert unpaced_size == 2  # without --room: Voila's own way (a refill starts at once)


def test_the_page_template_is_compiled_once_for_every_kernel(monkeypatch) -> None:
    render_cache.SHARED_CACHE.clear()
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        if not raw:
            compiled.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    paths = [str(Path(jinja2.__file__).parent)]  # any folder: a template from a dict loader
    def render(source: str) -> str:
        exporter = render_cache.CachedTemplatesExporter(template_paths=paths)
        env = exporter.environment
        env.loader.loaders.insert(0, jinja2.DictLoader({"page.j2": source}))
        return env.get_template("page.j2").render()

    # Voila makes one exporter per preheated kernel; each runs the one compiled code
    assert [render("{{ 1 + 1 }}") for _ in range(3)] == ["2", "2", "2"]
    assert compiled.count("page.j2") == 1
    assert render("{{ 2 + 2 }}") == "4"  # an edited template is compiled again
    assert render("{{ 2 + 2 }}") == "4"
    assert compiled.count("page.j2") == 2


def test_voila_builds_its_exporter_where_we_put_ours() -> None:
    from voila import notebook_renderer

    source = inspect.getsource(notebook_renderer.NotebookRenderer)
    assert "self.exporter = VoilaExporter(" in source  # the name render_cache.install replaces
    render_cache.install()
    assert notebook_renderer.VoilaExporter is render_cache.CachedTemplatesExporter
    from voila import voila_kernel_manager

    pool = inspect.getsource(voila_kernel_manager)
    assert 'kernel_env[ENV_VARIABLE.VOILA_PREHEAT] = "True"' in pool  # refill.is_pool_refill
    assert "await super().start_kernel(" in pool  # refills go through our start_kernel
    from voila.request_info_handler import RequestInfoSocketHandler

    # refill._until_waiting: a kernel waiting for its visit is in this map while it waits.
    assert "RequestInfoSocketHandler._waiters[kernel_id] = self" in inspect.getsource(
        RequestInfoSocketHandler)


def test_kernels_keep_no_ipython_history() -> None:
    kernel = LimitedKernelManager(memory_limit_mb=0)
    kernel.kernel_name = "python3"
    kernel._launch_args = {}
    assert NO_HISTORY in kernel.format_kernel_cmd()


def test_a_pooled_kernel_whose_waiting_socket_drops_still_gets_its_visit(monkeypatch) -> None:
    # Under the room's load a keepalive ping went unanswered and the waiting socket closed;
    # the kernel then built a learner's page before any visit. Now it asks again, and Voila
    # hands over the visit it kept (request_info_handler caches it for the next connection).
    import json

    from websockets.sync.server import serve

    from infoshare_widgets import pages

    connections: list[str] = []

    def handler(socket) -> None:  # type: ignore[no-untyped-def]
        connections.append(socket.request.path)
        if len(connections) == 1:
            socket.close(1011, "keepalive ping timeout")
            return
        socket.send(json.dumps({"QUERY_STRING": "mode=facilitator"}))

    with serve(handler, "127.0.0.1", 0) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        monkeypatch.setenv("VOILA_PREHEAT", "True")
        monkeypatch.setenv("VOILA_APP_PORT", str(server.socket.getsockname()[1]))
        monkeypatch.setenv("VOILA_KERNEL_ID", "k-1")
        monkeypatch.setenv("VOILA_SERVER_URL", "/")
        monkeypatch.setenv("QUERY_STRING", "")
        assert pages.wait_for_visit() == "mode=facilitator"
        server.shutdown()
    assert connections == ["/voila/query/k-1"] * 2
