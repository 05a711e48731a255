"""Which page a broken content file belongs on, so its error card shows there and nowhere else."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def declared_section(content: Any, path: Path) -> str | None:
    """The ``section:`` a broken file names, if it can be read at all (None when it cannot)."""
    try:
        import yaml

        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except Exception:
        return None
    section = data.get("section") if isinstance(data, dict) else None
    return section if isinstance(section, str) else None
