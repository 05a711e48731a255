"""The leave signal: a page that closes ends its kernel at once.

The page's front end sends one, as Voila's does: ``navigator.sendBeacon`` to
``/voila/api/shutdown/<id>`` with the ``_xsrf`` cookie's value as a form field
(``front_end/main.js``). Two things kept Voila's from working:

- the server refused it (403, ``'_xsrf' argument missing``, voila#1458): Voila's page never set
  the ``_xsrf`` cookie, so the beacon carried an empty token. The page handler now sets it
  (:func:`set_leave_token`). Jupyter Server's check is kept as it is: the beacon must carry the
  cookie's value, which another site cannot read, and the visitor cookie (``SameSite=Strict``,
  :mod:`.response_guard`) must name the kernel's own visitor;
- it was sent on ``beforeunload``, which fires before a "leave this page?" prompt: a learner who
  chose to stay kept a page whose kernel connection was already closed. Ours is sent on
  ``pagehide``, when the page is really going.

Pages that vanish without a word (a killed browser, a lost network) are left to the liveness
check in :mod:`.kernels`.
"""

from __future__ import annotations

from typing import Any

from tornado import web

XSRF_COOKIE = "_xsrf"


def leave_settings(base_url: str) -> dict[str, Any]:
    """Tornado settings for the ``_xsrf`` cookie: this site only, under the app's base URL.

    It is read by the page's script (double-submit: the beacon sends its value back), so it
    cannot be HttpOnly; ``SameSite=Strict`` keeps it out of requests started by other sites.
    """
    return {"xsrf_cookie_kwargs": {"path": base_url or "/", "samesite": "Strict"}}


def set_leave_token(handler: web.RequestHandler) -> None:
    """Set the ``_xsrf`` cookie on a page's response (tornado sets it when the token is read),
    so the page's leave beacon carries it."""
    handler.xsrf_token  # noqa: B018 - reading the property sets the cookie if it is missing
