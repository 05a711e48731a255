"""``author/sso`` (POST: off to the partnership's sign-in) and ``author/sso/callback`` (back).

The callback address is built from the request as the site serves it: ``https`` when the visit
is (directly or as the trusted proxy says), the Host (already checked against the allowlist) and
``--base-url``; register exactly that address with the provider. The browser comes back from
another site, so the SameSite=Strict session cookie would not be sent on that navigation: the
callback answers with a page that moves on to ``author`` by itself (a same-site navigation).
"""

from __future__ import annotations

import logging

from ..proxy import request_client, request_is_https
from .author_handlers import AuthorHandler, Refusal
from .sso import SsoRefused

log = logging.getLogger(__name__)
FLOW_COOKIE = "infoshare_author_sso"
# The ``error`` codes a provider may send back (RFC 6749 4.1.2.1, OpenID Connect Core 3.1.2.6):
# the parameter is anyone's text (a link can carry it), so the log names one of these or
# "other", and never ``error_description``.
OAUTH_ERRORS = frozenset({
    "invalid_request", "unauthorized_client", "access_denied", "unsupported_response_type",
    "invalid_scope", "server_error", "temporarily_unavailable", "interaction_required",
    "login_required", "account_selection_required", "consent_required", "invalid_request_uri",
    "invalid_request_object", "request_not_supported", "request_uri_not_supported",
    "registration_not_supported"})


def error_code(given: str) -> str:
    """A provider's ``error`` as the log may say it: a known code, else "other"."""
    return given if given in OAUTH_ERRORS else "other"


class SsoStart(AuthorHandler):
    def redirect_uri(self) -> str:
        scheme = "https" if request_is_https(self) else "http"
        return f"{scheme}://{self.request.host}{self.area}/sso/callback"

    async def post(self) -> None:
        sso = self.service.sso
        if sso is None:
            raise Refusal(404, "author_refused")
        if not self.service.allow_address(request_client(self)):
            raise Refusal(429, "author_slow_down")
        try:
            url, binding = await self.service.run(sso.start, self.redirect_uri())
        except Exception as err:  # the provider cannot be reached: say so in words, log why
            log.warning("single sign-on could not start: %s: %s", type(err).__name__, err)
            raise Refusal(503, "author_sso_down") from err
        # Lax: it must come back with the provider's redirect (a cross-site navigation).
        self.set_cookie(FLOW_COOKIE, binding, path=f"{self.area}/sso", httponly=True,
                        samesite="Lax", expires_days=None)
        self.redirect(url, status=303)


class SsoCallback(AuthorHandler):
    async def get(self) -> None:
        sso = self.service.sso
        if sso is None:
            raise Refusal(404, "author_refused")
        state = self.get_query_argument("state", "")
        code = self.get_query_argument("code", "")
        binding = self.get_cookie(FLOW_COOKIE) or ""
        self.clear_cookie(FLOW_COOKIE, path=f"{self.area}/sso")
        try:
            if not state or not code:
                error = self.get_query_argument("error", "")
                raise SsoRefused(f"the provider said {error_code(error)}" if error
                                 else "no code")
            claims = await self.service.run(sso.finish, state, code, binding)
        except SsoRefused as err:
            log.warning("single sign-on refused: %s", err)
            self.redirect(f"{self.area}/sign-in?done=sso", status=303)
            return
        found = sso.settings.match(claims)
        if found is None:
            log.info("single sign-on: an account that is not on the authors list")
            raise Refusal(403, "author_not_listed")
        # Who: the allowlist entry that matched (``sub:...`` before a verified ``email:...``),
        # never a claim as the provider wrote it; each request checks it is still listed.
        key, role = found
        sid = await self.service.start_session(f"sso:{key}", role, "sso", old=self.sid)
        self.set_session_cookie(sid)
        self.page("signed_in.html")
