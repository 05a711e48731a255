"""Tornado's private and undocumented parts (written against tornado 6.5/6.6)."""

from __future__ import annotations

from typing import Any

from tornado import web

from .changed import expect


def request_summary(handler: web.RequestHandler) -> str:
    """``METHOD uri (address)`` of a request, as tornado writes it in its access lines and
    errors (a handler may override it: :class:`AddressFreeSummary`).

    tornado 6.x: ``RequestHandler._request_summary()``.
    """
    check_request_summary()
    return str(handler._request_summary())


def check_request_summary() -> None:
    """tornado still writes access lines and HTTP errors with ``_request_summary()``."""
    expect(callable(getattr(web.RequestHandler, "_request_summary", None)),
           "tornado.web.RequestHandler no longer has _request_summary (the request's "
           "'METHOD uri (address)' in access lines and error logs)")


class AddressFreeSummary:
    """Mixed into a handler: tornado's own log lines for it (access line, HTTP errors) name no
    client address. tornado 6.x calls ``_request_summary()`` for them."""

    def _request_summary(self) -> str:
        request = self.request  # type: ignore[attr-defined]
        return f"{request.method} {request.uri} (-)"


class PathOnlySummary:
    """Like :class:`AddressFreeSummary`, without the query string either (the author area's
    one-time links and sign-in codes travel there)."""

    def _request_summary(self) -> str:
        request = self.request  # type: ignore[attr-defined]
        return f"{request.method} {request.path} (-)"


class PrivateQuerySummary:
    """Mixed into a handler whose query is sometimes private (the author's preview token): its
    log lines then show the path only, as :class:`PathOnlySummary`; otherwise tornado's own."""

    def query_is_private(self) -> bool:
        return False

    def _request_summary(self) -> str:
        if not self.query_is_private():
            return str(super()._request_summary())  # type: ignore[misc]
        request = self.request  # type: ignore[attr-defined]
        return f"{request.method} {request.path} (-)"


def route_rules(app: web.Application) -> list[tuple[str, type]]:
    """Every (pattern, handler class) a tornado application routes, default last.

    tornado 6.x: ``Application.wildcard_router`` and ``Application.default_router`` (host rules,
    each a router with ``rules``), ``Rule.matcher.regex`` for path rules.
    """
    expect(hasattr(app, "wildcard_router") and hasattr(app, "default_router"),
           "tornado.web.Application no longer has wildcard_router and default_router")
    rules = [(rule.matcher.regex.pattern, rule.target) for rule in app.wildcard_router.rules]
    for host_rule in app.default_router.rules:
        for rule in getattr(host_rule.target, "rules", []):
            if hasattr(rule.matcher, "regex"):
                rules.append((rule.matcher.regex.pattern, rule.target))
    return rules


def handler_kwargs(app: web.Application, handler: type) -> list[dict[str, Any]]:
    """The keyword arguments of every route to `handler` (the dicts themselves: a change to
    one changes what the handler is built with).

    tornado 6.x: ``Application.default_router``, nested routers' ``rules``, each with
    ``target`` and ``target_kwargs``.
    """
    expect(hasattr(app, "default_router"), "tornado.web.Application no longer has default_router")
    return _kwargs_in(app.default_router, handler)


def _kwargs_in(router: Any, handler: type) -> list[dict[str, Any]]:
    found = []
    for rule in getattr(router, "rules", []):
        if rule.target is handler:
            found.append(rule.target_kwargs)
        elif hasattr(rule.target, "rules"):
            found.extend(_kwargs_in(rule.target, handler))
    return found
