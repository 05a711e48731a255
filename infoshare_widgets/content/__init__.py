"""The content package: typed, validated training text read from plain YAML files.

`load_content` is imported on first use: a kernel that reads its content from a snapshot
(`cache.py`, `snapshot.py`) never imports the YAML reader or the checks.
"""

from typing import Any

from .loaded import BrokenFile, Content
from .markdown import escape, to_html, to_inline_html
from .overlay import default_content_dir
from .problems import Problem

__all__ = [
    "BrokenFile", "Content", "Problem", "default_content_dir", "load_content", "escape",
    "to_html", "to_inline_html",
]


def __getattr__(name: str) -> Any:
    if name == "load_content":
        from .loader import load_content

        return load_content
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
