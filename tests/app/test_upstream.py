"""The door to upstream internals (``app/upstream/``): each touch checked against the installed
Voila, Jupyter Server and tornado, and shown to fail with a message naming what changed when that
shape goes (monkeypatched away here). Fast: no server process, no kernel, no browser."""

from __future__ import annotations

import asyncio
import inspect
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import tornado.web
import voila
from _app_support import built_app
from jupyter_server.services.kernels.connection import base as connection_base
from voila import notebook_renderer, voila_kernel_manager
from voila.request_info_handler import RequestInfoSocketHandler
from voila.utils import ENV_VARIABLE

from infoshare_widgets.app import browser_input
from infoshare_widgets.app.handing_over import HandingOver
from infoshare_widgets.app.render_cache import CachedTemplatesExporter
from infoshare_widgets.app.upstream import UpstreamChanged, check_server
from infoshare_widgets.app.upstream import jupyter_server as door_js
from infoshare_widgets.app.upstream import tornado as door_tornado
from infoshare_widgets.app.upstream import voila as door_voila

SITE = Path(inspect.getfile(voila)).parent


def changed(match: str) -> pytest.RaisesContext:
    return pytest.raises(UpstreamChanged, match=match)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, tornado.web.Application]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        return built_app(tmp_path_factory.mktemp("app"), monkeypatch, port=18002)


def test_the_server_checks_the_shapes_when_it_starts(app, tmp_path, monkeypatch) -> None:
    check_server(app[0].kernel_manager)
    monkeypatch.delattr(RequestInfoSocketHandler, "_waiters")
    with changed("RequestInfoSocketHandler no longer has _waiters"):
        built_app(tmp_path, monkeypatch, port=18003)  # the server does not start


# --- Voila: the pools --------------------------------------------------------------------------

def test_the_pools_are_voilas_dict_of_task_lists(app) -> None:
    manager = app[0].kernel_manager
    pools = door_voila.pools(manager)
    assert pools and all(isinstance(p, list) and all(isinstance(t, asyncio.Future) for t in p)
                         for p in pools.values())
    source = inspect.getsource(voila_kernel_manager)
    assert "self._pools[notebook_name].pop(0)" in source  # put_ready_first: Voila takes the first
    assert "return len(self._pools.get(notebook_name, []))" in source  # get_pool_size


class PoolManager:
    async def get_rendered_notebook(self) -> None: ...


def test_pools_missing_or_reshaped_is_named() -> None:
    with changed("voila.VoilaKernelManager no longer has _pools"):
        door_voila.pools(PoolManager())
    reshaped = PoolManager()
    reshaped._pools = {"start.ipynb": [1, 2]}  # type: ignore[attr-defined]
    with changed(r"_pools\['start.ipynb'\] is no longer a list of asyncio tasks"):
        door_voila.ready_items(reshaped, "start.ipynb")
    assert door_voila.pools(object()) == {}  # not preheated: no pools, no error


def test_ready_first_puts_a_finished_kernel_where_voila_takes_it() -> None:
    loop = asyncio.new_event_loop()  # never run: futures only
    try:
        manager = PoolManager()
        waiting, ready = loop.create_future(), loop.create_future()
        ready.set_result({})
        manager._pools = {"p.ipynb": [waiting, ready]}  # type: ignore[attr-defined]
        assert door_voila.ready_items(manager, "p.ipynb") == [ready]
        door_voila.put_ready_first(manager, "p.ipynb")
        assert manager._pools["p.ipynb"] == [ready, waiting]  # type: ignore[attr-defined]
        waiting.cancel()
    finally:
        loop.close()


# --- Voila: the visit sockets, pool refills, the exporter, the Jinja environment --------------

def test_the_visit_sockets_are_voilas_waiters(monkeypatch) -> None:
    assert door_voila.waiting_for_visit("no-such-kernel") is False
    assert "RequestInfoSocketHandler._waiters[kernel_id] = self" in inspect.getsource(
        RequestInfoSocketHandler)
    monkeypatch.delattr(RequestInfoSocketHandler, "_waiters")
    with changed("RequestInfoSocketHandler no longer has _waiters"):
        door_voila.waiting_for_visit("k")


def test_a_pool_refill_is_marked_as_voila_marks_it() -> None:
    assert str(ENV_VARIABLE.VOILA_PREHEAT) == "VOILA_PREHEAT"
    source = inspect.getsource(voila_kernel_manager)
    assert 'kernel_env[ENV_VARIABLE.VOILA_PREHEAT] = "True"' in source
    assert door_voila.is_pool_refill({"env": {"VOILA_PREHEAT": "True"}})
    assert not door_voila.is_pool_refill({"env": {}}) and not door_voila.is_pool_refill({})


def test_the_exporter_is_built_by_the_name_we_replace(monkeypatch) -> None:
    source = inspect.getsource(notebook_renderer.NotebookRenderer)
    assert "self.exporter = VoilaExporter(" in source
    monkeypatch.setattr(notebook_renderer, "VoilaExporter", notebook_renderer.VoilaExporter)
    door_voila.use_exporter(CachedTemplatesExporter)
    assert notebook_renderer.VoilaExporter is CachedTemplatesExporter
    monkeypatch.delattr(notebook_renderer, "VoilaExporter")
    with changed("voila.notebook_renderer no longer has VoilaExporter"):
        door_voila.use_exporter(CachedTemplatesExporter)


def test_the_jinja_environment_is_in_voilas_setting(app) -> None:
    env = door_voila.jinja_env(app[1].settings)
    assert "infoshare_page" in env.filters
    with changed("voila_jinja2_env"):
        door_voila.jinja_env({})


# --- Voila: what its page handler uses of the kernel manager ---------------------------------

def test_voilas_page_handler_uses_only_what_handing_over_serves() -> None:
    # HandingOver passes through exactly these; a Voila that calls anything else on its kernel
    # manager from a page request would fail there (an AttributeError, a 500), so it fails here.
    used: set[str] = set()
    sources = [*SITE.glob("handler.py"), *(SITE / "tornado").glob("*.py")]
    sources.append(Path(inspect.getfile(connection_base)).parents[3] / "base" / "handlers.py")
    for path in sources:
        used |= set(re.findall(r"self\.kernel_manager\.(\w+)", path.read_text()))
    assert {"get_rendered_notebook", "start_kernel", "get_pool_size"} <= used
    assert used <= door_voila.PAGE_HANDLER_USES, used - door_voila.PAGE_HANDLER_USES
    served = {n for n in dir(HandingOver) if not n.startswith("_")}
    assert served >= door_voila.PAGE_HANDLER_USES


# --- Jupyter Server: the websocket frame decoders --------------------------------------------

MESSAGE = {"header": {"msg_type": "comm_msg", "msg_id": "1"}, "parent_header": {},
           "metadata": {}, "content": {"data": {"method": "update"}}, "buffers": [],
           "channel": "shell"}


def test_the_frame_decoders_read_what_jupyter_server_writes(monkeypatch) -> None:
    v1 = connection_base.serialize_msg_to_ws_v1(
        [json.dumps(MESSAGE[k]).encode() for k in ("header", "parent_header", "metadata",
                                                   "content")], "shell")
    channel, parts = door_js.decode_v1(v1)
    assert channel == "shell" and json.loads(parts[3]) == MESSAGE["content"]
    legacy = connection_base.serialize_binary_message(dict(MESSAGE, buffers=[b"x"]))
    assert door_js.decode_legacy(legacy)["header"]["msg_type"] == "comm_msg"
    monkeypatch.delattr(connection_base, "deserialize_msg_from_ws_v1")
    with changed("no longer has deserialize_msg_from_ws_v1"):
        door_js.decode_v1(v1)
    # The page's socket does not take the change for a bad frame: it is raised, and logged.
    with changed("deserialize_msg_from_ws_v1"):
        browser_input.parse(v1, browser_input.V1_PROTOCOL)


# --- tornado: the request summary, the routing table -----------------------------------------

def handler_for(cls: type) -> tornado.web.RequestHandler:
    handler = cls.__new__(cls)
    handler.request = SimpleNamespace(method="GET", uri="/room?x=1", remote_ip="203.0.113.9")
    return handler


def test_the_request_summary_is_tornados_and_can_leave_the_address_out(monkeypatch) -> None:
    assert door_tornado.request_summary(handler_for(tornado.web.RequestHandler)) == \
        "GET /room?x=1 (203.0.113.9)"
    quiet = type("Quiet", (door_tornado.AddressFreeSummary, tornado.web.RequestHandler), {})
    assert door_tornado.request_summary(handler_for(quiet)) == "GET /room?x=1 (-)"
    # tornado's own access line and HTTP-error warnings are where that summary is written.
    assert "handler._request_summary()" in inspect.getsource(tornado.web.Application.log_request)
    assert "self._request_summary()" in inspect.getsource(tornado.web.RequestHandler.log_exception)
    monkeypatch.delattr(tornado.web.RequestHandler, "_request_summary")
    with changed("no longer has _request_summary"):
        door_tornado.request_summary(handler_for(tornado.web.RequestHandler))


def test_the_routing_table_is_read_from_tornados_routers(app) -> None:
    rules = door_tornado.route_rules(app[1])
    assert any(pattern.endswith("/voila/render/(.*)$") for pattern, _ in rules)
    page = next(target for pattern, target in rules if pattern.endswith("/voila/render/(.*)$"))
    kwargs = door_tornado.handler_kwargs(app[1], page)
    assert kwargs and all(isinstance(k, dict) for k in kwargs)
    with changed("no longer has wildcard_router and default_router"):
        door_tornado.route_rules(SimpleNamespace())  # type: ignore[arg-type]


def test_voila_still_listens_through_its_app_else_the_body_limit_says_so() -> None:
    door_voila.check_listen()  # the installed Voila

    class Changed:
        def listen(self) -> None:
            self.server = "built some other way"

    with changed("Voila.listen no longer serves with self.app.listen"):
        door_voila.check_listen(Changed)
