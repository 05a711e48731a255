"""The package's import rules, read from every import statement (including those inside functions).

Kernel side: content <- ui <- components <- pages. ``content`` imports nothing of ours but itself;
``ui`` imports only ``content``; a component (quiz, golden_rules, lawful_basis, case_study,
decision_record, basis_helper) imports only ``ui`` and ``content``, never another component;
``pages`` may import components. Server side: ``app`` imports ``content`` and nothing from the
kernel side. ``cli`` starts the server and validates content, so it may import ``app`` and
``content``.
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
              "basis_helper", "facilitator", "case_builder"}

# What each part of the package may import from the package (itself always allowed).
ALLOWED: dict[str, set[str]] = {
    "content": set(),
    "ui": {"content"},
    **{name: {"ui", "content"} for name in COMPONENTS},
    "pages": {"ui", "content", *COMPONENTS},
    "rooms": {"content"},  # live rooms' store (issue 17): server side, no kernel code
    "app": {"content", "rooms"},
    "cli": {"app", "content"},
    "__init__": set(),
}

PENDING: set[tuple[str, str]] = set()  # (file, part) exceptions: none
MODEL_MODULES = [
    "infoshare_widgets.quiz.model", "infoshare_widgets.golden_rules.model",
    "infoshare_widgets.basis_helper.model",
    "infoshare_widgets.lawful_basis.model", "infoshare_widgets.case_study.model",
    "infoshare_widgets.decision_record.model", "infoshare_widgets.case_builder.model",
    "infoshare_widgets.ui.feedback",
    "infoshare_widgets.ui.feedback_html", "infoshare_widgets.ui.reveal",
    "infoshare_widgets.ui.html", "infoshare_widgets.ui.wording",
    "infoshare_widgets.facilitator.model",
]


def part_of(module: str) -> str:
    """The part a dotted module of ours belongs to (``infoshare_widgets.ui.html`` -> ``ui``)."""
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
