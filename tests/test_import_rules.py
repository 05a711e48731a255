"""The package's import rules, read from every import statement (including those inside functions).

Kernel side: content <- ui <- components <- pages. ``content`` imports nothing of ours but itself;
``ui`` imports only ``content``; a component (quiz, golden_rules, lawful_basis, case_study,
decision_record, basis_helper) imports only ``ui`` and ``content``, never another component;
``pages`` may import components. Server side: ``room_store`` and ``publishing`` import only
``content``; ``app`` imports them and ``content``, and nothing from the kernel side. ``cli``
starts the server, validates content and exports published items: ``app``, ``content`` and
``publishing``.
A package ``__init__`` never imports its view: ``import infoshare_widgets.quiz.model`` loads no
ipywidgets or anywidget (checked in a fresh interpreter). (case_builder: the case-study builder.)
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "infoshare_widgets"
COMPONENTS = {"quiz", "golden_rules", "lawful_basis", "case_study", "decision_record",
              "basis_helper", "facilitator", "case_builder", "builders"}

# What each part of the package may import from the package (itself always allowed).
ALLOWED: dict[str, set[str]] = {
    "content": set(),
    "ui": {"content", "frontend"},
    **{name: {"ui", "content"} for name in COMPONENTS},
    "builders": {"content"},  # pure form models: the author area's server needs no ui
    "pages": {"ui", "content", *COMPONENTS},
    "room_store": {"content"},  # live rooms' store (issue 17): server side, no kernel code
    "publishing": {"content"},  # published items and their versions (issue 25): server side
    # authors' accounts and sessions (issue 25): server side; shares room_store's connections
    "author_store": {"room_store"},
    # the builders' pure form models and the case-study builder's model (its package
    # ``__init__`` loads no view), for the author area (issue 25)
    "app": {"content", "room_store", "author_store", "publishing", "frontend",
            "builders", "case_builder"},
    "cli": {"app", "content", "publishing"},
    "__init__": set(),
    "frontend": set(),  # the widgets' front-end files and their version
}

PENDING: set[tuple[str, str]] = set()  # (file, part) exceptions: none
MODEL_MODULES = [
    "infoshare_widgets.quiz.model", "infoshare_widgets.golden_rules.model",
    "infoshare_widgets.basis_helper.model",
    "infoshare_widgets.lawful_basis.model", "infoshare_widgets.case_study.model",
    "infoshare_widgets.decision_record.model", "infoshare_widgets.case_builder.model",
    "infoshare_widgets.ui.feedback",
    "infoshare_widgets.ui.feedback_html", "infoshare_widgets.ui.reveal",
    "infoshare_widgets.ui.shared_html", "infoshare_widgets.content.templates",
    "infoshare_widgets.facilitator.model", "infoshare_widgets.builders.quiz_form",
    "infoshare_widgets.builders.scenario_form",
]


def part_of(module: str) -> str:
    """The part a dotted module of ours belongs to (``infoshare_widgets.ui.blocks`` -> ``ui``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path, root: Path = PACKAGE) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, root: Path = PACKAGE) -> list[tuple[int, str]]:
    """Every module of ours that ``path`` imports, anywhere in the file, as absolute names."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # ``from . import x`` / ``from .. import ui``: each name may itself be a module.
            names = [f"{target}.{alias.name}" for alias in node.names] if not node.module \
                else [target]
            found += [(node.lineno, t) for t in names]
    return [(line, t) for line, t in found if t == "infoshare_widgets"
            or t.startswith("infoshare_widgets.")]


def violations(root: Path = PACKAGE) -> list[str]:
    """Each import that breaks the rules, as ``file:line: part imports other``."""
    out = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        source = part_of(module_name(path, root)) if "/" in rel or rel == "__init__.py" \
            else rel.removesuffix(".py")
        for line, target in imported_modules(path, root):
            other = part_of(target)
            if other in (source, "__init__") or (rel, other) in PENDING:
                continue
            if other not in ALLOWED.get(source, set()):
                out.append(f"{rel}:{line}: {source} imports {other} ({target})")
    return out


def test_every_import_follows_the_package_rules() -> None:
    assert violations() == []


def test_every_part_of_the_package_has_a_rule() -> None:
    parts = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    assert parts | modules <= set(ALLOWED), "a new part of the package needs a rule here"


@pytest.mark.parametrize("line, rule", [
    ("from ..quiz import quiz_widget", "golden_rules imports quiz"),  # component -> component
    ("from ..pages import Page", "golden_rules imports pages"),  # component -> pages
    ("from ..app.page_info import current_content", "golden_rules imports app"),
])
def test_the_rules_catch_a_violation_even_inside_a_function(
        tmp_path: Path, line: str, rule: str) -> None:
    """The check bites: an import hidden in a function body is found."""
    root = tmp_path / "infoshare_widgets"
    (root / "golden_rules").mkdir(parents=True)
    (root / "golden_rules" / "__init__.py").write_text("")
    (root / "golden_rules" / "view.py").write_text(f"def build():\n    {line}\n")
    found = violations(root)
    assert found and rule in found[0] and ":2:" in found[0]


@pytest.mark.parametrize("module", MODEL_MODULES)
def test_a_model_module_imports_no_widgets(module: str) -> None:
    """Importing a model (or a pure ui module) loads neither ipywidgets nor anywidget."""
    code = (f"import sys, {module}\n"
            "print(sorted(m for m in ('ipywidgets', 'anywidget', 'traitlets')\n"
            "             if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]", result.stdout


def test_the_lazy_exports_still_give_each_factory() -> None:
    from infoshare_widgets.case_study import case_study_widget
    from infoshare_widgets.decision_record import decision_record_widget
    from infoshare_widgets.golden_rules import golden_rules_widget
    from infoshare_widgets.lawful_basis import lawful_basis_widget
    from infoshare_widgets.quiz import quiz_widget

    factories = (case_study_widget, decision_record_widget, golden_rules_widget,
                 lawful_basis_widget, quiz_widget)
    assert [f.__module__.rsplit(".", 1)[1] for f in factories] == ["view"] * 5
    with pytest.raises(ImportError):
        from infoshare_widgets.quiz import no_such_thing  # noqa: F401


# --- Upstream internals: only through the door (app/upstream/) -------------------------------

DOOR = "app/upstream/"
# The kernel side cannot import app/ (above): its one module that knows Voila's visit exchange
# and ipykernel's copy of the real stderr is its own door.
KERNEL_SIDE_DOOR = "pages/visit.py"
# Public names in undocumented places, or undocumented settings: the door's too.
UNDOCUMENTED = frozenset({
    "deserialize_binary_message", "deserialize_msg_from_ws_v1", "notebook_renderer",
    "wildcard_router", "default_router", "voila_jinja2_env", "VOILA_PREHEAT"})


# IPython's documented display protocol (ipython.readthedocs.io, "Integrating your objects with
# IPython"): public hooks, though spelled like private names (ui/blocks.py: the page's own HTML).
DISPLAY_PROTOCOL = frozenset({"_repr_mimebundle_", "_ipython_display_"})
# The standard library's documented ``os._exit``: how a forked child ends (app/fork_server.py).
STDLIB_DOCUMENTED = frozenset({"_exit"})


def _private(name: str) -> bool:
    return (name.startswith("_") and not (name.startswith("__") and name.endswith("__"))
            and name not in DISPLAY_PROTOCOL | STDLIB_DOCUMENTED)


def _ours(module: str) -> bool:
    return module == "infoshare_widgets" or module.startswith("infoshare_widgets.")


def _outside_the_door(root: Path) -> list[tuple[str, ast.AST]]:
    files = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if not rel.startswith(DOOR) and rel != KERNEL_SIDE_DOOR:
            files.append((rel, ast.parse(path.read_text(encoding="utf-8"), str(path))))
    return files


def _annotations(tree: ast.AST) -> set[int]:
    """ids of nodes inside annotations (never run: every module has future annotations)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        notes = [getattr(node, "returns", None), getattr(node, "annotation", None)]
        for note in filter(None, notes):
            inside |= {id(n) for n in ast.walk(note)}
    return inside


def _ours_private(files: list[tuple[str, ast.AST]]) -> tuple[set[str], set[str]]:
    """Private names our code defines (assigned attributes, class members) and reads."""
    defined, read = set(), set()
    for _, tree in files:
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                (defined if isinstance(node.ctx, ast.Store) else read).add(node.attr)
            elif isinstance(node, ast.ClassDef):
                for item in node.body:
                    targets = item.targets if isinstance(item, ast.Assign) else \
                        [item.target] if isinstance(item, ast.AnnAssign) else []
                    defined |= {t.id for t in targets if isinstance(t, ast.Name)}
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                        defined.add(item.name)
    return defined, read


def _string(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def upstream_touches(root: Path = PACKAGE) -> list[str]:
    """Each touch of an upstream private or undocumented part outside the door, as
    ``file:line: what``: a private name imported, ``super()._x``, ``._x`` that our code does not
    define, ``getattr(..., "_x")``, ``"_x"`` as a key (a class namespace), a private method
    defined in a class and never called by us (an override of an upstream hook), or a name of
    :data:`UNDOCUMENTED`."""
    files = _outside_the_door(root)
    defined, read = _ours_private(files)
    out = []
    for rel, tree in files:
        skip = _annotations(tree)
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            at = f"{rel}:{getattr(node, 'lineno', 0)}:"
            if isinstance(node, ast.ClassDef):
                out += [f"{rel}:{item.lineno}: def {item.name} (an upstream hook?)"
                        for item in node.body
                        if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)
                        and _private(item.name) and not item.decorator_list
                        and item.name not in read]
            else:
                out += [f"{at} {what}" for what in _touches(node, defined)]
    return out


def _touches(node: ast.AST, defined: set[str]) -> list[str]:
    """What one node touches of upstream's private or undocumented parts (classes apart)."""
    if isinstance(node, ast.ImportFrom) and not node.level and not _ours(node.module or ""):
        names = [a.name for a in node.names if _private(a.name) or a.name in UNDOCUMENTED]
        if names or any(_private(p) for p in (node.module or "").split(".")):
            return [f"from {node.module} import {', '.join(names) or '...'}"]
    elif isinstance(node, ast.Attribute):
        return _attribute_touches(node, defined)
    elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
            "getattr", "hasattr", "setattr", "delattr") and len(node.args) >= 2:
        name = _string(node.args[1])
        if name and _private(name) and name not in defined:
            return [f"{node.func.id}(..., {name!r})"]  # type: ignore[attr-defined]
    elif isinstance(node, ast.Dict):
        return [f"{key!r} as a key" for key in map(_string, node.keys)
                if key and _private(key) and key.isidentifier() and key not in defined]
    elif isinstance(node, ast.Constant) and node.value in UNDOCUMENTED:
        return [f"{node.value!r} (undocumented)"]
    return []


def _attribute_touches(node: ast.Attribute, defined: set[str]) -> list[str]:
    """``.x`` of :data:`UNDOCUMENTED`, ``super()._x``, or ``._x`` that our code does not define."""
    if node.attr in UNDOCUMENTED:
        return [f".{node.attr} (undocumented)"]
    if not _private(node.attr):
        return []
    owner = node.value
    if isinstance(owner, ast.Call) and getattr(owner.func, "id", "") == "super":
        return [f"super().{node.attr}"]
    return [] if node.attr in defined else [f".{node.attr} (not ours)"]


def test_upstream_internals_are_touched_only_through_the_door() -> None:
    assert (PACKAGE / DOOR).is_dir() and upstream_touches() == []


@pytest.mark.parametrize("source, found", [
    ("from jupyter_server.services.kernels.connection.base import "
     "deserialize_binary_message\n", "import deserialize_binary_message"),
    ("from voila._version import x\n", "from voila._version import"),
    ("def f(manager):\n    return manager._pools\n", "._pools (not ours)"),
    ("def f(manager):\n    return getattr(manager, '_kernel_connections', {})\n",
     "getattr(..., '_kernel_connections')"),
    ("class C:\n    def f(self):\n        return super()._create_environment()\n",
     "super()._create_environment"),
    ("class C:\n    def _handle_signal_stop(self, sig, frame):\n        pass\n",
     "def _handle_signal_stop"),
    ("def f(cls, summary):\n    return type('X', (cls,), {'_request_summary': summary})\n",
     "'_request_summary' as a key"),
    ("def f(settings):\n    return settings['voila_jinja2_env']\n", "'voila_jinja2_env'"),
    ("def f(app):\n    return app.wildcard_router.rules\n", ".wildcard_router"),
])
def test_the_door_check_finds_each_kind_of_touch(tmp_path: Path, source: str, found: str) -> None:
    root = tmp_path / "infoshare_widgets"
    (root / "app" / "upstream").mkdir(parents=True)
    (root / "app" / "upstream" / "voila.py").write_text(source)  # in the door: allowed
    assert upstream_touches(root) == []
    (root / "app" / "health.py").write_text(
        "class Ours:\n    def __init__(self):\n        self._mine = 1\n\n"
        "    def read(self, other):\n        return other._mine, self._helper()\n\n"
        "    def _helper(self):\n        return 0\n\n\n" + source)
    touches = upstream_touches(root)
    assert len(touches) == 1 and found in touches[0] and touches[0].startswith("app/health.py:")
