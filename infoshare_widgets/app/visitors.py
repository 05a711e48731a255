"""The visitor token: one per browser, issued and signed by the server (issue 27, item 2).

A page's kernel is bound to the token of the visitor it was handed to (:mod:`.response_guard`,
``VisitorBound``), so the token is what keeps a kernel id seen elsewhere from opening anything.

- The cookie is signed with tornado's signed cookies (``set_signed_cookie``; the key is the
  server's ``cookie_secret``, random at every start and never sent anywhere): a value the client
  made up, or one signed by another server or an earlier run, is ignored and replaced.
- Several pages opened at once in a fresh browser (a trainer opening the session's pages, a
  browser restoring its tabs) all arrive without a cookie; each answer set its own, the browser
  kept the last, and the pages whose kernel was bound to another token never loaded. Requests
  without a token from the same address and browser (``User-Agent``) within
  `FIRST_VISIT_SECONDS` of the first one get the same token (:class:`FirstVisits`), so all the
  tabs agree. Two browsers behind one address, of the same make, arriving in the same seconds,
  share a token: each could then use the other's kernel, if it had its id (it is only in that
  page).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable

from tornado import web

from .proxy import request_client, request_is_https

VISITOR_COOKIE = "infoshare_visitor"
FIRST_VISIT_SECONDS = 10.0
SETTING = "infoshare_first_visits"


class FirstVisits:
    """Tokens issued to requests that came without one, by (address, User-Agent), for
    `window` seconds after the first: the tabs a browser opens at once get one token."""

    def __init__(self, window: float = FIRST_VISIT_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.window = window
        self.clock = clock
        self._issued: dict[tuple[str, str], tuple[str, float]] = {}

    def token_for(self, client: str, agent: str) -> str:
        now = self.clock()
        self._issued = {k: v for k, v in self._issued.items() if now - v[1] < self.window}
        key = (client, agent)
        if key not in self._issued:
            self._issued[key] = (secrets.token_urlsafe(24), now)
        return self._issued[key][0]


def visitor_token(handler: web.RequestHandler) -> str | None:
    """The visitor's token, if the request carries one this server signed (else None)."""
    value = handler.get_signed_cookie(VISITOR_COOKIE)
    return value.decode("utf-8", errors="replace") if value else None


def ensure_visitor_token(handler: web.RequestHandler) -> str:
    """The visitor's token; on a first visit (no valid token) one is issued and set as a
    signed cookie (HttpOnly, SameSite=Strict, Secure over HTTPS, for this browser session)."""
    token = visitor_token(handler)
    if token:
        return token
    visits = handler.settings.setdefault(SETTING, FirstVisits())
    token = visits.token_for(request_client(handler),
                             handler.request.headers.get("User-Agent", ""))
    handler.set_signed_cookie(VISITOR_COOKIE, token, expires_days=None, httponly=True,
                              samesite="Strict", secure=request_is_https(handler),
                              path=handler.settings.get("base_url", "/"))
    return token
