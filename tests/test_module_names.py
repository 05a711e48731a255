"""One name for one thing (issue 22): no two modules of the package share a file name.

``__init__.py``, ``model.py`` and ``view.py`` are the exceptions: each component has its model and
its view, and each package its ``__init__``. Any other shared name (two ``limits.py``, two
``guard.py``) makes a reader ask which one is meant; name each module by what it does.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "infoshare_widgets"
SHARED_NAMES = {"__init__.py", "model.py", "view.py"}


def shared_file_names(root: Path) -> dict[str, list[str]]:
    """File name -> the paths (relative to ``root``) of the modules that share it."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for path in sorted(root.rglob("*.py")):
        if "__pycache__" not in path.parts and path.name not in SHARED_NAMES:
            by_name[path.name].append(path.relative_to(root).as_posix())
    return {name: paths for name, paths in by_name.items() if len(paths) > 1}


def test_the_package_has_modules():
    assert len(list(PACKAGE.rglob("*.py"))) > 50  # refuses to pass on an empty folder


def test_no_two_modules_share_a_file_name():
    shared = shared_file_names(PACKAGE)
    assert not shared, "modules share a file name; name each by what it does: " + "; ".join(
        f"{name}: {' and '.join(paths)}" for name, paths in sorted(shared.items()))


def test_a_shared_name_is_reported_with_both_paths(tmp_path):
    for folder in ("app", "ui"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "guard.py").write_text("")
        (tmp_path / folder / "view.py").write_text("")
    assert shared_file_names(tmp_path) == {"guard.py": ["app/guard.py", "ui/guard.py"]}
