"""DeprecationWarnings from tornado, jupyter_server and Voila, and from our own modules, are errors
(pyproject.toml's filterwarnings): what the next majors remove fails a test today."""

from __future__ import annotations

import warnings

import pytest


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
