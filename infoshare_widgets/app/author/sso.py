"""Single sign-on over OpenID Connect with authlib: discovery, state, nonce and PKCE.

:class:`SsoClient` runs in the server's thread pool (it makes blocking HTTP calls to the
provider). A sign-in is a :class:`Flow` kept in the server's memory for :data:`FLOW_SECONDS`,
found by its random ``state`` and bound to the browser that started it (a cookie holds its
binding). The ID token is checked by :func:`id_token_claims`: signature against the provider's
published keys, issuer, audience (our client id), expiry and issue time, nonce; then the
allowlist gives the entry matched and its role (:meth:`.author_config.SsoSettings.match`).
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2.rfc6749.errors import OAuth2Error
from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

from .author_config import SsoSettings

FLOW_SECONDS = 600.0  # from "Sign in with ..." to coming back
MAX_FLOWS = 10_000
LEEWAY = 60  # seconds of clock difference allowed with the provider
TIMEOUT = 10  # seconds for each call to the provider
SCOPE = "openid email profile"


class SsoRefused(Exception):
    """The sign-in did not work; the message is for the log, never for the page."""


@dataclass(frozen=True)
class Flow:
    nonce: str
    verifier: str
    binding: str  # the browser's flow cookie
    redirect_uri: str
    expires: float


def id_token_claims(id_token: str, jwks: Mapping[str, Any], issuer: str, client_id: str,
                    nonce: str, access_token: str | None = None,
                    now: float | None = None) -> dict[str, Any]:
    """The checked claims of an ID token; :class:`SsoRefused` when any check fails."""
    try:
        token = jwt.decode(id_token, KeySet.import_key_set(dict(jwks)),
                           registry=JWSRegistry(algorithms=["RS256", "PS256", "ES256"]))
        params: dict[str, Any] = {"nonce": nonce, "client_id": client_id}
        if access_token:
            params["access_token"] = access_token
        claims = CodeIDToken(token.claims, token.header,
                             {"iss": {"essential": True, "values": [issuer]},
                              "aud": {"essential": True, "values": [client_id]}}, params)
        claims.validate(now=int(time.time() if now is None else now), leeway=LEEWAY)
    except (JoseError, ValueError, TypeError, KeyError) as err:
        raise SsoRefused(f"ID token refused: {type(err).__name__}: {err}") from err
    except Exception as err:  # authlib's claim errors (not a public base class)
        raise SsoRefused(f"ID token refused: {type(err).__name__}: {err}") from err
    return dict(claims)


class SsoClient:
    """The provider as discovery describes it, and the flows in progress."""

    def __init__(self, settings: SsoSettings) -> None:
        self.settings = settings
        self._metadata: dict[str, Any] | None = None
        self._jwks: dict[str, Any] | None = None
        self._flows: OrderedDict[str, Flow] = OrderedDict()
        self._lock = threading.Lock()

    def metadata(self) -> dict[str, Any]:
        """The provider's discovery document, read once; its issuer must be ours."""
        if self._metadata is None:
            url = self.settings.issuer.rstrip("/") + "/.well-known/openid-configuration"
            data = requests.get(url, timeout=TIMEOUT).json()
            if data.get("issuer", "").rstrip("/") != self.settings.issuer.rstrip("/"):
                raise SsoRefused(f"discovery at {url} names another issuer")
            self._metadata = data
        return self._metadata

    def jwks(self, again: bool = False) -> dict[str, Any]:
        if self._jwks is None or again:
            self._jwks = requests.get(self.metadata()["jwks_uri"], timeout=TIMEOUT).json()
        return self._jwks

    def _session(self, redirect_uri: str) -> OAuth2Session:
        return OAuth2Session(self.settings.client_id, self.settings.client_secret or None,
                             scope=SCOPE, redirect_uri=redirect_uri,
                             code_challenge_method="S256",
                             token_endpoint_auth_method="client_secret_basic"
                             if self.settings.client_secret else "none")

    def start(self, redirect_uri: str, now: float | None = None) -> tuple[str, str]:
        """A new flow: (the provider's sign-in address, the browser's binding for the cookie)."""
        now = time.time() if now is None else now
        state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        verifier, binding = secrets.token_urlsafe(48), secrets.token_urlsafe(24)
        with self._session(redirect_uri) as session:
            url, _ = session.create_authorization_url(
                self.metadata()["authorization_endpoint"], state=state, code_verifier=verifier,
                nonce=nonce)
        with self._lock:
            self._flows[state] = Flow(nonce, verifier, binding, redirect_uri, now + FLOW_SECONDS)
            while len(self._flows) > MAX_FLOWS:
                self._flows.popitem(last=False)
        return url, binding

    def finish(self, state: str, code: str, binding: str,
               now: float | None = None) -> dict[str, Any]:
        """The checked ID-token claims of a flow coming back (used once, by its own browser)."""
        now = time.time() if now is None else now
        with self._lock:
            flow = self._flows.pop(state, None)
        if flow is None or flow.expires < now:
            raise SsoRefused("unknown or expired state")
        if not binding or not secrets.compare_digest(flow.binding, binding):
            raise SsoRefused("the flow was started by another browser")
        try:
            with self._session(flow.redirect_uri) as session:
                token = session.fetch_token(self.metadata()["token_endpoint"], code=code,
                                            code_verifier=flow.verifier, timeout=TIMEOUT)
        except (OAuth2Error, requests.RequestException, ValueError) as err:
            raise SsoRefused(f"token request failed: {type(err).__name__}: {err}") from err
        id_token = token.get("id_token")
        if not isinstance(id_token, str):
            raise SsoRefused("no ID token")
        issuer = self.metadata()["issuer"]
        access = token.get("access_token")
        try:
            claims = id_token_claims(id_token, self.jwks(), issuer, self.settings.client_id,
                                     flow.nonce, access, now)
        except SsoRefused:  # a key the provider has just rotated in: read its keys again once
            claims = id_token_claims(id_token, self.jwks(again=True), issuer,
                                     self.settings.client_id, flow.nonce, access, now)
        return self.with_email(claims, access)

    def with_email(self, claims: dict[str, Any], access: str | None) -> dict[str, Any]:
        """The ID token's claims, with the email from the UserInfo endpoint when the token has
        none (a conforming provider puts scope claims there), for the same subject only."""
        endpoint = self.metadata().get("userinfo_endpoint")
        if "email" in claims or not access or not endpoint:
            return claims
        try:
            info = requests.get(endpoint, headers={"Authorization": f"Bearer {access}"},
                                timeout=TIMEOUT).json()
        except (requests.RequestException, ValueError) as err:
            raise SsoRefused(f"userinfo failed: {type(err).__name__}") from err
        if not isinstance(info, dict) or info.get("sub") != claims.get("sub"):
            raise SsoRefused("userinfo is about another subject")
        return {**claims, **{k: info[k] for k in ("email", "email_verified") if k in info}}
