"""What the content tests share: where the pack is, and every text value of a YAML document."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def pack_path() -> Path:
    """The resource pack: $INFOSHARE_PACK, else the copy kept in tests/data."""
    env = os.environ.get("INFOSHARE_PACK")
    return Path(env) if env else ROOT / "tests" / "data" / "resource-pack.txt"


def strings(value: Any) -> Iterator[str]:
    """Every text value in a parsed YAML document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
