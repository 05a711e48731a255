"""Package exports imported on first use, so a package ``__init__`` never imports its view.

``import infoshare_widgets.quiz.model`` then imports no ipywidgets or anywidget, while
``from infoshare_widgets.quiz import quiz_widget`` still works (PEP 562 module ``__getattr__``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, names: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` giving each name from its (relative) module, imported on use."""

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(module, package), name)

    return __getattr__
