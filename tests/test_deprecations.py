"""DeprecationWarnings from tornado, jupyter_server and Voila, and from our own modules, are errors
(pyproject.toml's filterwarnings): what the next majors remove fails a test today."""

from __future__ import annotations

import warnings

import pytest
from tornado.ioloop import IOLoop

from infoshare_widgets.app.drain import Drain


# Where each warns: tornado at itself (stacklevel 1: tornado.platform.asyncio), others often at
# their caller, which is then one of our modules.
@pytest.mark.parametrize("module", ["tornado.platform.asyncio", "jupyter_server.serverapp",
                                   "voila.app", "infoshare_widgets.app.drain"])
def test_a_deprecation_warned_in_an_upstream_or_our_module_fails_the_test(module: str) -> None:
    with pytest.raises(DeprecationWarning, match="going away"):
        warnings.warn_explicit("going away", DeprecationWarning, "x.py", 1, module=module)


def test_a_deprecation_from_elsewhere_is_only_a_warning() -> None:
    with pytest.warns(DeprecationWarning):
        warnings.warn_explicit("going away", DeprecationWarning, "x.py", 1, module="nbformat")


@pytest.mark.xfail(
    raises=DeprecationWarning, strict=True,
    reason="drain.py's on_signal calls IOLoop.add_callback_from_signal (deprecated in Tornado 6.4, "
           "removed in 7.0); issue 21 item 2 replaces it on another branch. When that is merged "
           "this test passes, and strict xfail fails it: then delete this mark.")
def test_the_sigterm_handler_calls_no_deprecated_tornado_api() -> None:
    loop = IOLoop(make_current=False)
    try:
        Drain(lambda: None, grace=30).on_signal(loop)
    finally:
        loop.close(all_fds=True)
