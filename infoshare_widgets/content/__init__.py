"""The content package: typed, validated training text read from plain YAML files."""

from .loader import Content, Problem, default_content_dir, load_content
from .markdown import escape, to_html, to_inline_html

__all__ = [
    "Content", "Problem", "default_content_dir", "load_content", "escape", "to_html",
    "to_inline_html",
]
