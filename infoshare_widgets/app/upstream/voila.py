"""Voila's private and undocumented parts (written against Voila 0.5.13)."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

from voila import notebook_renderer
from voila.app import Voila
from voila.request_info_handler import RequestInfoSocketHandler

from .changed import expect

__all__ = ["PAGE_HANDLER_USES", "check_listen", "is_pool_refill",
           "is_ready", "jinja_env",
           "pools", "put_ready_first", "ready_items", "use_exporter", "waiting_for_visit"]

# What Voila's page handler uses of its kernel manager (Voila 0.5.13, voila/handler.py,
# VoilaHandler.get_generator): HandingOver (handing_over.py) serves exactly these.
PAGE_HANDLER_USES = frozenset(
    {"notebook_data", "get_pool_size", "get_rendered_notebook", "start_kernel", "get_kernel"})


def has_pools(manager: Any) -> bool:
    """Whether `manager` is Voila's pooling kernel manager (``--preheat_kernel=True``).

    Voila 0.5.13 builds that class on top of ours (``voila_kernel_manager_factory``) with
    ``get_rendered_notebook`` and ``get_pool_size``; without preheating it uses ours as it is.
    """
    return callable(getattr(type(manager), "get_rendered_notebook", None))


def pools(manager: Any) -> dict[str, list[asyncio.Future]]:
    """Voila's kernel pools: notebook name -> the kernels being started or waiting for a visit
    ({} when kernels are not preheated). The dict itself, not a copy.

    Voila 0.5.13: ``VoilaKernelManager._pools``, a dict of lists of asyncio tasks, each done
    once its kernel has run the notebook up to the visit; ``get_rendered_notebook`` takes the
    first item of the list (``pop(0)``), ``get_pool_size`` is the list's length.
    """
    if not has_pools(manager):
        return {}
    found = getattr(manager, "_pools", None)
    expect(isinstance(found, dict),
           "voila.VoilaKernelManager no longer has _pools (a dict of notebook name -> list of "
           f"kernel tasks): found {type(found).__name__}")
    for name, items in found.items():  # type: ignore[union-attr]
        expect(isinstance(items, list) and all(isinstance(i, asyncio.Future) for i in items),
               f"voila.VoilaKernelManager._pools[{name!r}] is no longer a list of asyncio "
               f"tasks: found {type(items).__name__} of "
               f"{sorted({type(i).__name__ for i in items}) if isinstance(items, list) else '?'}")
    return found  # type: ignore[return-value]


def is_ready(item: asyncio.Future) -> bool:
    """A pool item whose kernel has started and run the page up to the visit (done, no error)."""
    return item.done() and not item.cancelled() and item.exception() is None


def ready_items(manager: Any, notebook: str | None) -> list[asyncio.Future]:
    """The ready items of one notebook's pool (see :func:`pools`)."""
    return [item for item in pools(manager).get(notebook or "", []) if is_ready(item)]


def put_ready_first(manager: Any, notebook: str | None) -> None:
    """Reorder one notebook's pool in place so Voila's ``pop(0)`` takes a ready kernel."""
    ready = ready_items(manager, notebook)  # not inside sort: the list is empty while sorted
    pools(manager).get(notebook or "", []).sort(key=lambda item: item not in ready)


def waiting_for_visit(kernel_id: str) -> bool:
    """Whether a preheated kernel has run its page up to the visit and waits for it.

    Voila 0.5.13: ``RequestInfoSocketHandler._waiters``, a class-level dict of kernel id ->
    the kernel's open ``voila/query/<id>`` socket, filled in ``open()``.
    """
    waiters = getattr(RequestInfoSocketHandler, "_waiters", None)
    expect(isinstance(waiters, dict),
           "voila.request_info_handler.RequestInfoSocketHandler no longer has _waiters (a dict "
           f"of kernel id -> the socket waiting for its visit): found {type(waiters).__name__}")
    return kernel_id in waiters  # type: ignore[operator]


def is_pool_refill(start_kwargs: dict[str, Any]) -> bool:
    """Whether a ``start_kernel`` call is Voila filling a pool (not a visitor's own kernel).

    Voila 0.5.13 starts a pool's kernel with ``env["VOILA_PREHEAT"] = "True"``
    (``voila_kernel_manager``, ``kernel_env[ENV_VARIABLE.VOILA_PREHEAT]``).
    """
    env = start_kwargs.get("env") or {}
    return env.get("VOILA_PREHEAT") == "True"


def use_exporter(exporter: type) -> None:
    """Make Voila's notebook renderer build `exporter` for every page and preheated kernel.

    Voila 0.5.13: ``NotebookRenderer`` builds ``VoilaExporter(...)`` by the name imported into
    ``voila.notebook_renderer``; replacing that module attribute is the only hook.
    """
    current = getattr(notebook_renderer, "VoilaExporter", None)
    expect(isinstance(current, type),
           "voila.notebook_renderer no longer has VoilaExporter (the exporter class "
           "NotebookRenderer builds)")
    notebook_renderer.VoilaExporter = exporter  # type: ignore[misc]


def jinja_env(settings: dict[str, Any]) -> Any:
    """The page template's Jinja environment from tornado's settings.

    Voila 0.5.13 (the app and its server extension) keeps it in ``settings["voila_jinja2_env"]``.
    """
    env = settings.get("voila_jinja2_env")
    expect(env is not None and hasattr(env, "get_template") and hasattr(env, "filters"),
           "voila no longer puts its Jinja environment in the tornado setting voila_jinja2_env")
    return env


def check_listen(voila_class: type = Voila) -> None:
    """Voila still serves through its tornado application's ``listen`` (what ``body_limit``
    gives the server's options to).

    Voila 0.5.13: ``Voila.start`` builds ``self.app`` and calls ``self.listen()``, which calls
    ``self.app.listen(port, self.ip)`` for each port it tries.
    """
    try:
        source = inspect.getsource(voila_class.listen)  # type: ignore[attr-defined]
    except (AttributeError, OSError, TypeError):
        source = ""
    expect("self.app.listen(" in source,
           "voila.app.Voila.listen no longer serves with self.app.listen(port, ip): the "
           "request body limit (body_limit.py) would not reach the server")
