"""The widgets' front-end files, their version and the loader each widget carries
(infoshare_widgets/frontend.py), and the route that serves them (app/widget_assets.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import anywidget
import pytest
from tornado.testing import AsyncHTTPTestCase
from tornado.web import Application

from infoshare_widgets import frontend
from infoshare_widgets.app.widget_assets import asset_routes
from infoshare_widgets.basis_helper.view import BasisHelperWidget
from infoshare_widgets.case_builder.view import CaseBuilderForm
from infoshare_widgets.decision_record.view import DecisionForm
from infoshare_widgets.facilitator.view import DiscussionTimer
from infoshare_widgets.quiz.group import GroupQuestion
from infoshare_widgets.ui.contents import OnThisPage
from infoshare_widgets.ui.details import DetailsWidget
from infoshare_widgets.ui.download import DownloadButton
from infoshare_widgets.ui.progress_panel import ProgressPanel
from infoshare_widgets.ui.progress_store import ProgressStore
from infoshare_widgets.ui.question import QuestionWidget
from infoshare_widgets.ui.reveal_widget import RevealWidget
from infoshare_widgets.ui.styles import ModuleWidget
from infoshare_widgets.ui.task_list import TaskList

WIDGETS = [BasisHelperWidget, CaseBuilderForm, DecisionForm, DiscussionTimer, GroupQuestion,
           OnThisPage, DetailsWidget, DownloadButton, ProgressStore, ProgressPanel,
           QuestionWidget, RevealWidget, TaskList]


def test_every_anywidget_of_ours_is_listed_here() -> None:
    def subclasses(cls: type) -> set[type]:
        return {c for s in cls.__subclasses__() for c in {s, *subclasses(s)}}

    def name(cls: type) -> str:  # a module imported again makes new class objects
        return f"{cls.__module__}.{cls.__qualname__}"

    ours = {name(c) for c in subclasses(anywidget.AnyWidget)
            if c.__module__.startswith("infoshare_widgets.")}
    assert ours == {name(c) for c in WIDGETS} | {name(ModuleWidget)}
    assert all(issubclass(c, ModuleWidget) for c in WIDGETS)


def test_each_widgets_views_are_marked_as_ours_from_the_start() -> None:
    # The page (and the tests' settle check) waits for every .is-module view to be drawn.
    assert DetailsWidget(summary="a")._dom_classes == (frontend.VIEW_CLASS,)
    widget = DownloadButton(label="b")
    widget.add_class("extra")
    assert widget._dom_classes == (frontend.VIEW_CLASS, "extra")


def test_the_loader_marks_each_view_drawn_or_failed_in_words() -> None:
    loader = DetailsWidget(summary="a")._esm
    assert "el.dataset.isDrawn" in loader and "el.dataset.isFailed" in loader
    assert frontend.FAILED_TEXT in loader and "dataset.isPartFailed" in loader
    # The default export is the widget itself: anywidget's model is ready without waiting for
    # the network (it drops a model's messages if not ready within 2 s).
    assert "export default { async render(view)" in loader


def test_no_module_needs_initialize() -> None:
    # The loader passes on render only: a module's initialize would never be called.
    for name, path in frontend.files().items():
        if name.endswith(".js"):
            assert "initialize" not in path.read_text(encoding="utf-8"), name


@pytest.mark.parametrize("cls", WIDGETS, ids=lambda c: c.__name__)
def test_each_widget_carries_only_a_loader_of_its_own_module(cls: type) -> None:
    assert "_css" not in cls.__dict__  # the stylesheets are linked by the loader
    loader = cls._loader
    assert loader and len(loader.encode()) <= 1280  # as tests/app/_widget_bytes.py (LOADER_MAX)
    assert f"{frontend.ROUTE}/{frontend.version()}/" in loader
    assert '"ui/components.css"' in loader
    module = loader.split("Promise.all([...[")[1].split(",")[0].strip('"]')
    assert module in frontend.files() and module.endswith(".js")
    assert loader.startswith(f"// {module}:")


def test_the_files_are_the_widgets_code_and_styles_only() -> None:
    files = frontend.files()
    assert {"ui/dom.js", "ui/components.css", "quiz/group.js", "ui/record.css"} <= set(files)
    assert not [name for name in files if name.startswith("app/") or "/" not in name]
    assert all(name.endswith((".js", ".css")) for name in files)


def test_a_changed_file_changes_the_version(tmp_path: Path, monkeypatch) -> None:
    copy = tmp_path / "infoshare_widgets"
    shutil.copytree(frontend.PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(frontend, "PACKAGE_DIR", copy)
    before = frontend.version()
    assert before == frontend.version()
    dom = copy / "ui" / "dom.js"
    dom.write_text(dom.read_text() + "\n// changed\n")
    assert frontend.version() != before


def test_a_loader_asks_for_every_module_its_module_imports_at_once() -> None:
    known = frontend.files()
    assert frontend.imports("ui/reveal.js", known) == ["ui/dom.js", "ui/text_box.js"]
    assert frontend.imports("quiz/group.js", known) == ["ui/dom.js", "ui/order.js"]
    assert frontend.imports("ui/dom.js", known) == []
    # Every relative import of every module is found, however it is written.
    for name, path in known.items():
        if name.endswith(".js"):
            text = path.read_text(encoding="utf-8")
            written = text.count('from "./') + text.count('from "../')
            assert len(frontend.IMPORT.findall(text)) == written, name
    code = frontend.loader(frontend.PACKAGE_DIR / "ui" / "reveal.js",
                           frontend.PACKAGE_DIR / "ui" / "reveal.css")
    assert '["ui/reveal.js", "ui/dom.js", "ui/text_box.js"].map' in code


def test_a_module_with_a_multi_line_import_is_followed(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text('import {\n  one,\n  two,\n} from "./b.js";\nexport default 1;')
    (tmp_path / "b.js").write_text('import { three } from "../c/d.js";\n')
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "d.js").write_text("export const three = 3;\n")
    known = {"x/a.js": tmp_path / "a.js", "x/b.js": tmp_path / "b.js",
             "c/d.js": tmp_path / "c" / "d.js"}
    assert frontend.imports("x/a.js", known) == ["c/d.js", "x/b.js"]


def test_a_widget_is_an_anywidget_of_its_own_class_with_the_loader_as_its_esm() -> None:
    # anywidget's own __init__ made a new class for each instance (add_traits); ours does not,
    # and the state the browser gets is the same: the loader, and the class's full name.
    import anywidget

    class Plain(anywidget.AnyWidget):
        _esm = "export default {}"

    widget = DetailsWidget(summary="a")
    assert type(widget) is DetailsWidget
    state = widget.get_state()
    protocol = {key for key in Plain().get_state() if key.startswith("_")}
    assert {key for key in state if key.startswith("_")} == protocol
    assert state["_model_name"] == "AnyModel" and state["_view_name"] == "AnyView"
    assert state["_esm"] == DetailsWidget._loader
    assert state["_anywidget_id"] == "infoshare_widgets.ui.details.DetailsWidget"
    assert "_esm" not in DetailsWidget.__dict__  # the trait of ModuleWidget, not a string


def test_a_loader_names_only_front_end_files() -> None:
    with pytest.raises(FileNotFoundError, match="not a front-end file"):
        frontend.loader(frontend.PACKAGE_DIR / "ui" / "nothing.js")


class TestAssetRoute(AsyncHTTPTestCase):
    def get_app(self) -> Application:
        return Application(asset_routes("/base/"))

    def url(self, path: str, version: str | None = None) -> str:
        return f"/base/{frontend.ROUTE}/{version or frontend.version()}/{path}"

    def test_a_module_is_served_as_javascript_for_a_year(self) -> None:
        answer = self.fetch(self.url("ui/dom.js"))
        assert answer.code == 200
        assert answer.headers["Content-Type"].startswith("text/javascript")
        assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert answer.body == (frontend.PACKAGE_DIR / "ui" / "dom.js").read_bytes()
        assert self.fetch(self.url("ui/question.css")).headers["Content-Type"].startswith(
            "text/css")

    def test_a_file_is_gzipped_for_a_browser_that_accepts_it(self) -> None:
        import gzip

        source = (frontend.PACKAGE_DIR / "ui" / "question.js").read_bytes()
        packed = self.fetch(self.url("ui/question.js"), decompress_response=False,
                            headers={"Accept-Encoding": "gzip, deflate, br"})
        assert packed.headers["Content-Encoding"] == "gzip"
        assert packed.headers["Vary"] == "Accept-Encoding"
        assert gzip.decompress(packed.body) == source
        plain = self.fetch(self.url("ui/question.js"), decompress_response=False,
                           headers={"Accept-Encoding": "identity"})
        assert "Content-Encoding" not in plain.headers and plain.body == source

    def test_anything_else_is_not_found(self) -> None:
        for path, version in [("ui/nothing.js", None), ("ui/dom.js", "0" * 16),
                              ("ui/styles.py", None), ("app/room/static/room.js", None),
                              ("../pyproject.toml", None), ("ui/%2e%2e/theme.css", None)]:
            assert self.fetch(self.url(path, version)).code == 404, path
