"""The shipped content, read once per test process: about 40 test modules read it at import, and
reading it each time was about half of every process's collection (the slow tier's two processes
and the fast tier's collect every module). Each call returns its own copy (unpickled), so a module
that changes its content changes nobody else's."""

from __future__ import annotations

import pickle
from functools import cache

from infoshare_widgets.content import Content, default_content_dir, load_content


@cache
def _pickled() -> bytes:
    return pickle.dumps(load_content(default_content_dir()))


def shipped_content() -> Content:
    """The shipped content folder as `load_content(default_content_dir())` reads it."""
    return pickle.loads(_pickled())  # noqa: S301 (our own pickle, made just above)
