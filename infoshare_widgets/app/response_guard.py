"""What every response of the server does, whichever handler answers it.

:class:`Guarded` is mixed into every handler we serve (see :mod:`.route_allowlist`), so these
hold for pages, assets, the kernel API, websockets and errors alike:

- the ``Host`` header must be one of the configured names (loopback names by default), so a
  DNS-rebinding page on another site cannot talk to the app through the visitor's browser;
- a path with a control character (``%00``, a newline) is a 400, before any handler reads it;
- every response carries the security headers (CSP, no referrer, no sniffing), errors too;
- an error is our own page with a plain sentence, never a traceback, and no traceback is logged
  for an ordinary 4xx.

:class:`VisitorBound` adds the one rule for addresses that name a kernel: only the visitor the
kernel was handed to (their signed cookie, :mod:`.visitors`) may use it. Everyone else gets the
same 404 as for a kernel that does not exist, so an id seen in a log, a screenshot or a proxy
opens nothing.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote

from tornado import web
from tornado.httputil import split_host_and_port

from .proxy import request_is_https
from .upstream.voila import jinja_env
from .visitors import visitor_token

log = logging.getLogger(__name__)

DEFAULT_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")

# Everything the page loads comes from here: our front end's bundle and anywidget modules (blob:
# URLs), inline styles set by widgets, fonts and images bundled with Voila, and the kernel
# websocket (`connect-src 'self'` covers ws:// to the same host). No 'unsafe-inline' for
# scripts: the page handler adds a per-response nonce to the template's own scripts (see
# handlers.PageHandler). No 'unsafe-eval': nothing of the page's front end evaluates strings
# (Voila's JupyterLab front end, which needed it, is not loaded: app/front_end/).
SCRIPT_SRC = "script-src 'self' blob:"


def content_security_policy(nonce: str | None = None) -> str:
    script = f"{SCRIPT_SRC} 'nonce-{nonce}'" if nonce else SCRIPT_SRC
    return "; ".join([
        "default-src 'self'", script, "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:", "font-src 'self' data:", "connect-src 'self'",
        "frame-ancestors 'self'", "form-action 'self'", "base-uri 'self'", "object-src 'none'",
    ])


SECURITY_HEADERS = {
    "Content-Security-Policy": content_security_policy(),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


def allowed_host(host_header: str, allowed: Iterable[str]) -> bool:
    """Whether a request's ``Host`` names this server (the port is not checked)."""
    host, _ = split_host_and_port(host_header.strip().lower())
    return host in {name.lower() for name in allowed}


def has_control_character(path: str) -> bool:
    """A raw or percent-encoded control character (U+0000-U+001F, U+007F) in a path."""
    decoded = unquote(path, errors="replace")
    return any(ord(c) < 0x20 or ord(c) == 0x7F for c in path + decoded)


def render_page(handler: web.RequestHandler, name: str, **namespace: Any) -> str:
    """One of our template's plain pages (404, error, busy), without Jupyter's user machinery."""
    env = jinja_env(handler.settings)
    return env.get_template(name).render(base_url=handler.settings.get("base_url", "/"),
                                         **namespace)


class Guarded:
    """Mixed into every served handler: host check, control characters, headers, error pages."""

    def set_default_headers(self) -> None:
        super().set_default_headers()  # type: ignore[misc]
        for name, value in SECURITY_HEADERS.items():
            self.set_header(name, value)  # type: ignore[attr-defined]

    def prepare(self) -> Any:
        request = self.request  # type: ignore[attr-defined]
        hosts = self.settings.get("infoshare_hosts", DEFAULT_HOSTS)  # type: ignore[attr-defined]
        if not allowed_host(request.host or "", hosts):
            raise web.HTTPError(400, "unknown host")
        if has_control_character(request.path):
            raise web.HTTPError(400, "control character in path")
        return super().prepare()  # type: ignore[misc]

    def set_cookie(self, name: str, value: Any, *args: Any, **kwargs: Any) -> None:
        """Every cookie (ours, tornado's ``_xsrf``, Jupyter's username cookie) is ``Secure`` when
        the visit is HTTPS, directly or as the trusted proxy says (``X-Forwarded-Proto``)."""
        if request_is_https(self):
            kwargs["secure"] = True
        super().set_cookie(name, value, *args, **kwargs)  # type: ignore[misc]

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        if isinstance(value, web.HTTPError) and value.status_code < 500:
            return  # an ordinary 4xx: the access log line says enough
        super().log_exception(typ, value, tb)  # type: ignore[misc]

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        self.set_header("Content-Type", "text/html; charset=UTF-8")  # type: ignore[attr-defined]
        name = "404.html" if status_code == 404 else "error.html"
        try:
            body = render_page(self, name, status_code=status_code)  # type: ignore[arg-type]
        except Exception:
            log.exception("could not render the %s page", status_code)
            body = f"<!DOCTYPE html><title>{status_code}</title><p>{status_code}</p>"
        self.finish(body)  # type: ignore[attr-defined]


class VisitorBound:
    """For an address naming a kernel: only the visitor it was handed to may use it."""

    def kernel_id_of_request(self) -> str:
        kwargs = self.path_kwargs or {}  # type: ignore[attr-defined]
        if "kernel_id" in kwargs:
            return str(kwargs["kernel_id"])
        args = self.path_args or []  # type: ignore[attr-defined]
        return str(args[0]).strip("/") if args else ""

    def prepare(self) -> Any:
        manager = self.settings["kernel_manager"]  # type: ignore[attr-defined]
        visitor = manager.visitor_of(self.kernel_id_of_request())
        token = visitor_token(self)  # type: ignore[arg-type]
        if visitor is None or not token or not secrets.compare_digest(visitor.token, token):
            raise web.HTTPError(404)
        return super().prepare()  # type: ignore[misc]
