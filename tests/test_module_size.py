"""Small modules, each doing one thing: no Python module over 250 lines.

``content/models.py`` is declarative (the content format, field by field) and may be longer.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "infoshare_widgets"
LIMIT = 250
EXEMPT = {"content/models.py"}


def test_no_module_is_over_the_limit() -> None:
    long = {
        path.relative_to(PACKAGE).as_posix(): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert set(long) - EXEMPT == set(), long
