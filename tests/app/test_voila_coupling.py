"""Where we lean on Voila's internals, checked in-process in a few seconds (no server, no kernel).

Voila is pinned; these tests are what make trying a new Voila safe: every route is on our
allowlist, a handler a new Voila adds is refused, config files are not read, the names our
kernel-side wait uses are Voila's own, and the cell that waits for the visit is found by its
metadata. The app is built the way Voila's own tests build theirs (``tests/app/conftest.py`` in
Voila's repository): the application class, ``initialize(argv)``, then settings and handlers.
"""

from __future__ import annotations

import ast
import asyncio
import inspect
import json
import os
from pathlib import Path

import nbformat
import pytest
import tornado.web
from _app_support import built_app
from voila.app import Voila
from voila.utils import ENV_VARIABLE

from infoshare_widgets import pages
from infoshare_widgets.app import route_allowlist as routes
from infoshare_widgets.app.cells import CellTimeout, waits_for_visit
from infoshare_widgets.app.handlers import TemplateAssetHandler
from infoshare_widgets.app.response_guard import Guarded, VisitorBound
from infoshare_widgets.app.voila_app import InfoshareVoila

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
KERNEL = r"(?P<kernel_id>\w+-\w+-\w+-\w+-\w+)"

# Every address served, and whether it takes a kernel id that only its visitor may use.
EXPECTED_ROUTES = {
    rf"/api/kernels/{KERNEL}$": True,
    rf"/api/kernels/{KERNEL}/channels$": True,
    r"/voila/api/shutdown/(.*)$": True,
    rf"/infoshare/alive/{KERNEL}$": True,
    rf"/voila/query/{KERNEL}$": False,  # the kernel's own socket: loopback only
    r"/voila/templates/(.*)$": False,
    r"/voila/static/(.*)$": False,
    r"/voila/labextensions/(.*)$": False,
    r"/voila/files/(.*)$": False,
    r"/$": False,
    r"/voila/tree(?P<path>(?:(?:/[^/]+)+|/?))$": False,
    r"/voila/render/(.*)$": False,
    # live rooms (issue 17): no kernel id in these addresses
    r"/room$": False,
    r"/room/host$": False,
    r"/room/static/([a-z]+\.(?:js|css))$": False,
    r"/room/api/rooms$": False,
    r"/room/api/host$": False,
    r"/room/api/join$": False,
    r"/room/api/device$": False,
    r"/room/api/results$": False,  # issue 24: the session's results, behind the secret
    # issue 24: the presenter view, the audience window, the join QR and their files
    r"/present$": False,
    r"/present/audience$": False,
    r"/present/join.svg$": False,
    r"/present/static/([a-z]+\.(?:js|css))$": False,
    r"/healthz$": False,  # issue 16: for probes and load balancers
    r"/metrics$": False,  # issue 16: this machine (not through a proxy) unless configured
    # issue 22: the widgets' modules and stylesheets (app/widget_assets.py)
    r"/infoshare/static/(?P<version>[0-9a-f]{16})/(?P<path>[a-z_/]+\.(?:js|css))$": False,
}


def build(tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch) -> tuple[Voila, tornado.web.Application]:
    """Our app, initialised from the shipped command line, with its tornado application."""
    return built_app(tmp_path, monkeypatch, port=18001)  # type: ignore[return-value]


def served(web_app: tornado.web.Application) -> dict[str, type]:
    return dict(routes.route_table(web_app))


def test_every_route_is_on_the_allowlist_and_guarded(tmp_path, monkeypatch) -> None:
    _, web_app = build(tmp_path, monkeypatch)
    table = served(web_app)
    assert set(table) == set(EXPECTED_ROUTES)
    for pattern, cls in table.items():
        assert issubclass(cls, Guarded), pattern
        assert issubclass(cls, VisitorBound) == EXPECTED_ROUTES[pattern], pattern
    assert issubclass(web_app.settings["default_handler_class"], Guarded)
    for gone in ("/logout", "/login", "/voila/api/contents", "/voila/api/themes"):
        assert not any(p.startswith(gone) for p in table), gone


def test_a_handler_a_new_voila_adds_is_refused(tmp_path, monkeypatch) -> None:
    class NewApiHandler(tornado.web.RequestHandler):
        def get(self) -> None:
            self.write("new")

    original = Voila.init_handlers
    monkeypatch.setattr(Voila, "init_handlers",
                        lambda self: [*original(self), (r"/voila/api/new", NewApiHandler)])
    _, web_app = build(tmp_path, monkeypatch)
    table = served(web_app)
    assert r"/voila/api/new$" not in table
    assert NewApiHandler not in {c.__mro__[-3] for c in table.values()}
    assert set(table) == set(EXPECTED_ROUTES)


def test_voila_still_serves_every_class_the_allowlist_names(tmp_path, monkeypatch) -> None:
    # A Voila that renamed or dropped one of these would leave our replacement unused.
    captured: list[list] = []
    original = Voila.init_handlers
    monkeypatch.setattr(Voila, "init_handlers",
                        lambda self: captured.append(original(self)) or captured[-1])
    build(tmp_path, monkeypatch)
    voila_classes = {handler[1] for handler in captured[0]}
    assert set(routes.ALLOWED) <= voila_classes
    assert {c.__name__ for c in voila_classes - set(routes.ALLOWED)} <= routes.REFUSED


def test_the_page_handler_hooks_are_voilas(tmp_path, monkeypatch) -> None:
    # handlers.PageHandler binds the kernel Voila's page handler takes through these two calls.
    app, _ = build(tmp_path, monkeypatch)
    manager = app.kernel_manager
    assert inspect.iscoroutinefunction(type(manager).get_rendered_notebook)
    assert callable(manager.start_kernel)
    source = inspect.getsource(__import__("voila.handler", fromlist=["x"]).VoilaHandler)
    assert "self.kernel_manager.get_rendered_notebook(" in source
    assert "self.kernel_manager.start_kernel(" in source
    assert type(manager).__mro__[1].__name__ == "InfoshareKernelManager"
    # handing_over.py reads the pool size Voila's handler asks for, and Voila's pools (a list of
    # tasks per notebook): without them a --room server would start every page's kernel anew.
    assert "self.kernel_manager.get_pool_size(" in source
    pools = manager._pools
    assert pools and all(isinstance(p, list) and all(isinstance(t, asyncio.Future) for t in p)
                         for p in pools.values())


def test_config_files_are_not_read(tmp_path, monkeypatch) -> None:
    config = {"VoilaConfiguration": {"show_tracebacks": True, "template": "lab"},
              "Voila": {"ip": "0.0.0.0"}}
    (tmp_path / "voila.json").write_text(json.dumps(config))
    jupyter_dir = tmp_path / "jupyter-config"
    jupyter_dir.mkdir()
    (jupyter_dir / "voila.json").write_text(json.dumps(config))
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(jupyter_dir))
    app, _ = build(tmp_path, monkeypatch)
    assert app.config_file_paths == []
    assert app.voila_configuration.show_tracebacks is False
    assert app.voila_configuration.template == "infoshare"
    assert app.ip == "127.0.0.1"
    assert "load_config_file" not in InfoshareVoila.__dict__  # Voila's public setting, not this


def test_wait_for_visit_uses_voilas_names_and_route(tmp_path, monkeypatch) -> None:
    # Voila's own get_query_string() and our wait_for_visit() must ask the same address.
    kernel_id = "0a1b2c3d-1111-2222-3333-444455556666"
    for name, value in {ENV_VARIABLE.VOILA_PREHEAT: "True",
                        ENV_VARIABLE.VOILA_KERNEL_ID: kernel_id,
                        ENV_VARIABLE.VOILA_APP_IP: "127.0.0.9",
                        ENV_VARIABLE.VOILA_APP_PORT: "18123",
                        ENV_VARIABLE.VOILA_SERVER_URL: "/base/",
                        ENV_VARIABLE.VOILA_WS_PROTOCOL: "ws"}.items():
        monkeypatch.setenv(str(name), value)
    monkeypatch.delenv(str(ENV_VARIABLE.VOILA_WS_BASE_URL), raising=False)
    monkeypatch.setenv(str(ENV_VARIABLE.QUERY_STRING), "")  # restored after the test
    payload = {str(ENV_VARIABLE.QUERY_STRING): "mode=facilitator"}
    asked: dict[str, str] = {}

    async def voila_request_info(url: str) -> dict:
        asked["voila"] = url
        return json.dumps(payload)

    monkeypatch.setattr("voila.utils._get_request_info", voila_request_info)
    import voila.utils

    assert voila.utils.get_query_string() == "mode=facilitator"

    class FakeSocket:
        def __init__(self, url: str) -> None:
            asked["ours"] = url

        def __enter__(self) -> FakeSocket:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def recv(self) -> str:
            return json.dumps(payload)

    monkeypatch.setattr("websockets.sync.client.connect", lambda url, **_: FakeSocket(url))
    os.environ[str(ENV_VARIABLE.QUERY_STRING)] = ""
    assert pages.wait_for_visit() == "mode=facilitator"
    assert asked["ours"] == asked["voila"] == f"ws://127.0.0.9:18123/base/voila/query/{kernel_id}"
    # Every environment name it reads is one of Voila's.
    names = {node.value for node in ast.walk(ast.parse(inspect.getsource(pages.wait_for_visit)))
             if isinstance(node, ast.Constant) and isinstance(node.value, str)
             and node.value.isupper() and node.value.replace("_", "").isalpha()}
    assert names and names <= {str(e) for e in ENV_VARIABLE}
    # ...and the route it asks for is served, by Voila's query socket.
    _, web_app = build(tmp_path, monkeypatch)
    table = served(web_app)
    assert "RequestInfoSocketHandler" in table[rf"/voila/query/{KERNEL}$"].__name__


def test_the_waiting_cell_is_found_by_its_metadata_not_its_source() -> None:
    timeout = CellTimeout(60)
    marked = nbformat.v4.new_code_cell("x = 1", metadata={"infoshare": {"waits_for_visit": True}})
    unmarked = nbformat.v4.new_code_cell('page = pages.open_page("start")')
    assert timeout(marked) is None and timeout(unmarked) == 60
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        code = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        marked_cells = [c for c in code if waits_for_visit(c)]
        assert marked_cells == [c for c in code if "open_page(" in c.source], path.name


def test_template_assets_are_checked_without_assert_statements() -> None:
    for bad in ("infoshare/notstatic/app.css", "infoshare/app.css", "../x/static/a.css"):
        with pytest.raises(tornado.web.HTTPError) as raised:
            TemplateAssetHandler.get_absolute_path("/", bad)
        assert raised.value.status_code == 404, bad
    # Our own check refuses them before Voila's `assert static == "static"` is reached, so
    # `python -O` (which removes assert statements) changes nothing; see the test below.
    for bad in (["lab", "notstatic", "x.css"], ["..", "static", "x"], ["lab", "static"]):
        with pytest.raises(tornado.web.HTTPError):
            TemplateAssetHandler._check(bad)
    TemplateAssetHandler._check(["infoshare", "static", "app.css"])


def test_no_module_of_the_server_relies_on_assert() -> None:
    package = Path(routes.__file__).parent
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert not any(isinstance(node, ast.Assert) for node in ast.walk(tree)), path.name
