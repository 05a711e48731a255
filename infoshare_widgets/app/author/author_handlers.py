"""What every author page shares: the flag, the transport rule, the session cookie and CSRF.

- Without ``--authoring`` the routes are not registered at all (a 404 like any unknown address);
  this class also answers 404 if the service is missing.
- Plain http only from this machine to a loopback name; anyone else needs HTTPS, direct or as a
  ``--trusted-proxy`` says (``X-Forwarded-Proto``): otherwise a page says so, with status 403.
- The session cookie ``infoshare_author`` holds a random id (the store keeps its digest):
  HttpOnly, SameSite=Strict, Path=``<base>author``, Secure whenever the visit is HTTPS
  (``response_guard.Guarded.set_cookie``).
- Every POST carries a CSRF token: a digest of the session id (or, before sign-in, of the random
  ``infoshare_author_form`` cookie) that another site cannot read; an ``Origin`` other than ours
  is refused too.
"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from tornado import web

from ... import frontend
from ...author_store.accounts import AuthorSession
from ..page_info import page_info, start_notebook
from ..proxy import from_this_machine, request_is_https
from ..response_guard import DEFAULT_HOSTS, Guarded
from .author_service import AuthorService
from .author_words import author_words

HERE = Path(__file__).resolve().parent
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
SESSION_COOKIE = "infoshare_author"
FORM_COOKIE = "infoshare_author_form"
PREVIEW_COOKIE = "infoshare_author_preview"
"""The session's id again, for the author's preview page only (`preview_gate`)."""
MAX_BODY = 16 * 1024


def cookie_path(base_url: str) -> str:
    """`PREVIEW_COOKIE`'s Path: the pages of the notebooks' ``author/`` folder."""
    return f"{base_url.rstrip('/')}/voila/render/author"


def area_page(base_url: str, template: str, **namespace: Any) -> str:
    """One of the area's pages as HTML; its wording from ui.yaml's author group."""
    info = page_info(start_notebook())
    return ENV.get_template(template).render(
        w=author_words(), lang=info.get("lang", "en"), app=info.get("app", ""),
        area=base_url + "author", version=frontend.version(), **namespace)


def csrf_for(value: str) -> str:
    return hashlib.sha256(f"infoshare-author-csrf:{value}".encode()).hexdigest()


class Refusal(web.HTTPError):
    """A refusal shown as an author page (its `words_key` says why, in ui.yaml)."""

    def __init__(self, status: int, words_key: str) -> None:
        super().__init__(status)
        self.words_key = words_key


class AuthorHandler(web.RequestHandler):
    """Base of the author pages (mixed with ``response_guard.Guarded`` by the routes)."""

    service: AuthorService
    author: AuthorSession | None = None
    max_body = MAX_BODY
    """The largest POST body a page takes (the builders' forms take a whole item)."""

    @property
    def base(self) -> str:
        return str(self.settings.get("base_url", "/"))

    @property
    def area(self) -> str:
        """The author area's path: the cookies' Path and every link's start."""
        return self.base + "author"

    def transport_ok(self) -> bool:
        """HTTPS, or plain http from this machine to a loopback name."""
        if request_is_https(self):
            return True
        host = urlsplit(f"//{self.request.host or ''}").hostname or ""
        return from_this_machine(self.request) and host in {h.strip("[]") for h in DEFAULT_HOSTS}

    async def prepare(self) -> Any:  # type: ignore[override]
        result = super().prepare()
        if result is not None:
            await result
        self.set_header("Cache-Control", "no-store")
        # Under the site's no-referrer, a browser sends "Origin: null" with a form, which the
        # Origin check below refuses; same-origin still sends nothing to any other site.
        self.set_header("Referrer-Policy", "same-origin")
        service = self.settings.get("infoshare_authoring")
        if service is None:
            raise web.HTTPError(404)
        self.service = service
        if not self.transport_ok():
            raise Refusal(403, "author_needs_https")
        if len(self.request.body or b"") > self.max_body:
            raise Refusal(413, "author_refused")
        self.sid = self.get_cookie(SESSION_COOKIE) or ""
        self.author = await service.session(self.sid)
        if self.request.method == "POST":
            self.check_xsrf_cookie()

    def csrf_token(self) -> str:
        if self.author is not None:
            return csrf_for(self.sid)
        form = self.get_cookie(FORM_COOKIE) or ""
        if not form:
            form = secrets.token_urlsafe(24)
            self.set_cookie(FORM_COOKIE, form, path=self.area, httponly=True,
                            samesite="Strict")
            self.request.cookies.pop(FORM_COOKIE, None)
            self._form_cookie = form
        return csrf_for(getattr(self, "_form_cookie", form))

    def check_xsrf_cookie(self) -> None:
        """A POST must carry this browser's CSRF token and come from our own pages."""
        origin = self.request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc != (self.request.host or ""):
            raise Refusal(403, "author_refused")
        key = self.sid if self.author is not None else self.get_cookie(FORM_COOKIE) or ""
        given = self.get_body_argument("csrf", "")
        if not key or not secrets.compare_digest(given, csrf_for(key)):
            raise Refusal(403, "author_refused")

    def set_session_cookie(self, sid: str) -> None:
        self.set_cookie(SESSION_COOKIE, sid, path=self.area, httponly=True, samesite="Strict")

    def clear_session_cookie(self) -> None:
        self.clear_cookie(SESSION_COOKIE, path=self.area, httponly=True, samesite="Strict")
        # the preview pages' copy of it (`preview_gate`), set when a preview was made
        self.clear_cookie(PREVIEW_COOKIE, path=cookie_path(self.base), httponly=True,
                          samesite="Strict")

    def page(self, template: str, status: int = 200, **namespace: Any) -> None:
        """Render one of the area's pages; its wording from ui.yaml's author group."""
        html = area_page(self.base, template, author=self.author, csrf=self.csrf_token(),
                         **namespace)
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.finish(html)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        error = kwargs.get("exc_info", (None, None))[1]
        key = getattr(error, "words_key", None)
        if key is None or not hasattr(self, "service"):
            Guarded.write_error(self, status_code, **kwargs)  # type: ignore[arg-type]
            return
        self.clear()
        self.set_header("Cache-Control", "no-store")
        self.page("refused.html", status=status_code, reason=key)
