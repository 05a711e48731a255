"""The author area's settings, from the server's environment, and its secrets kept from kernels.

Single sign-on (OpenID Connect) is on when an issuer and a client id are given:

- ``INFOSHARE_OIDC_ISSUER``: the issuer URL (discovery reads ``/.well-known/openid-configuration``);
- ``INFOSHARE_OIDC_CLIENT_ID`` and ``INFOSHARE_OIDC_CLIENT_SECRET`` (or, better,
  ``INFOSHARE_OIDC_CLIENT_SECRET_FILE``: a variable stays readable in ``/proc/<pid>/environ``);
- ``INFOSHARE_OIDC_AUTHORS``: who may author, comma-separated ``email:ADDRESS=ROLE``,
  ``sub:SUBJECT=ROLE`` or ``oid:OBJECT_ID=ROLE`` (Entra ID's object id of a user); an email
  counts only when the provider says it is verified (``email_verified``).

:func:`take_author_secrets` moves the client secret and the store's address out of
``os.environ`` before any kernel starts (``voila_app.main`` calls it).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from ...author_store.author_tables import ROLES
from ...author_store.open_authors import URL_FILE_VARIABLE, URL_VARIABLE

ISSUER = "INFOSHARE_OIDC_ISSUER"
CLIENT_ID = "INFOSHARE_OIDC_CLIENT_ID"
CLIENT_SECRET = "INFOSHARE_OIDC_CLIENT_SECRET"
CLIENT_SECRET_FILE = "INFOSHARE_OIDC_CLIENT_SECRET_FILE"
AUTHORS = "INFOSHARE_OIDC_AUTHORS"
# Never in a kernel's environment (the server's entry point takes them; serve.py leaves them out).
SECRET_VARIABLES = (CLIENT_SECRET, CLIENT_SECRET_FILE, URL_VARIABLE, URL_FILE_VARIABLE)
_TAKEN: dict[str, str] = {}


@dataclass(frozen=True)
class SsoSettings:
    issuer: str
    client_id: str
    client_secret: str
    authors: Mapping[str, str] = field(default_factory=dict)  # "email:x", "sub:y", "oid:z" -> role

    def match(self, claims: Mapping[str, object]) -> tuple[str, str] | None:
        """(the allowlist entry these ID-token claims match, its role); None: not an author
        here. The subject (``sub``, or Entra ID's ``oid``) first: it is the provider's stable
        id for the person; an email only when the provider says it is verified."""
        for kind in ("sub", "oid"):
            if claims.get(kind) and f"{kind}:{claims[kind]}" in self.authors:
                return f"{kind}:{claims[kind]}", self.authors[f"{kind}:{claims[kind]}"]
        email = claims.get("email")
        if isinstance(email, str) and claims.get("email_verified") is True:
            key = f"email:{email.strip().lower()}"
            if key in self.authors:
                return key, self.authors[key]
        return None

    def role_of(self, claims: Mapping[str, object]) -> str | None:
        """The role the allowlist gives these ID-token claims (None: not an author here)."""
        found = self.match(claims)
        return found[1] if found else None


def parse_authors(text: str) -> dict[str, str]:
    """``email:a@b.org=publisher, sub:123=author`` -> {"email:a@b.org": "publisher", ...}."""
    authors: dict[str, str] = {}
    for entry in (e.strip() for e in text.split(",")):
        if not entry:
            continue
        who, _, role = entry.rpartition("=")
        kind, _, value = who.partition(":")
        if kind not in ("email", "sub", "oid") or not value or role not in ROLES:
            raise ValueError(f"{AUTHORS}: {entry!r} is not email:ADDRESS=ROLE, sub:ID=ROLE or "
                             "oid:ID=ROLE "
                             f"(roles: {', '.join(ROLES)})")
        authors[f"{kind}:{value.lower() if kind == 'email' else value}"] = role
    return authors


def take_author_secrets(environ: MutableMapping[str, str] | None = None) -> None:
    """Move the secrets out of `environ` (the process's, by default), reading the files named;
    :func:`secret` still finds them."""
    env = os.environ if environ is None else environ
    for name in SECRET_VARIABLES:
        value = env.pop(name, "").strip()
        if name.endswith("_FILE") and value:
            try:
                value = Path(value).read_text(encoding="utf-8").strip()
            except OSError as err:
                raise SystemExit(f"infoshare: {name}: cannot read {value}: "
                                 f"{err.strerror or err}") from err
            name = name.removesuffix("_FILE")
        if value:
            _TAKEN[name] = value


def secret(name: str, environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    return _TAKEN.get(name) or env.get(name, "").strip()


def sso_settings(environ: Mapping[str, str] | None = None) -> SsoSettings | None:
    """Single sign-on's settings, or None when no issuer is configured."""
    env = os.environ if environ is None else environ
    issuer, client_id = env.get(ISSUER, "").strip(), env.get(CLIENT_ID, "").strip()
    if not issuer or not client_id:
        return None
    return SsoSettings(issuer=issuer.rstrip("/"), client_id=client_id,
                       client_secret=secret(CLIENT_SECRET, env),
                       authors=parse_authors(env.get(AUTHORS, "")))
