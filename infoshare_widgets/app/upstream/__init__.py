"""The one door to upstream internals: every private or undocumented part of Voila, Jupyter
Server, nbconvert and tornado that the server relies on, and nowhere else.

Each function's docstring names the version it was written against and the shape it expects;
when that shape is not there it raises :class:`UpstreamChanged` naming what changed, and
``tests/app/test_upstream.py`` shows each one doing so (the shape monkeypatched away) and checks
the installed versions still have every shape. ``tests/test_import_rules.py`` keeps every other
module from importing private names or reading ``._name`` attributes of upstream objects.

- :mod:`.voila`: the kernel pools, the visit sockets waiting, what Voila's page handler calls on
  its kernel manager, the notebook renderer's exporter, the template environment setting, how it
  listens (the body limit's way in);
- :mod:`.jupyter_server`: its websocket frame decoders;
- :mod:`.tornado`: the request summary in access lines, the application's routing table.
"""

from __future__ import annotations

from typing import Any

from . import tornado, voila
from .changed import UpstreamChanged

__all__ = ["UpstreamChanged", "check_server"]


def check_server(kernel_manager: Any) -> None:
    """When the server starts: the shapes a page needs are there (else :class:`UpstreamChanged`
    stops it with its message)."""
    voila.pools(kernel_manager)
    voila.waiting_for_visit("")
    voila.check_listen()
    tornado.check_request_summary()
