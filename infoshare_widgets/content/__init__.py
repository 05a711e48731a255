"""The content package: typed, validated training text read from plain YAML files."""

from .loaded import BrokenFile, Content
from .loader import default_content_dir, load_content
from .markdown import escape, to_html, to_inline_html
from .problems import Problem

__all__ = [
    "BrokenFile", "Content", "Problem", "default_content_dir", "load_content", "escape",
    "to_html", "to_inline_html",
]
