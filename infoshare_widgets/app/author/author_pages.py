"""The author area's pages: the signed-in home, sign-in, sign-out, and setting a password from
the one-time link. Messages never say whether an account exists: a wrong name and a wrong
password get the same words, the same status and (argon2 either way) about the same time."""

from __future__ import annotations

from pathlib import Path

from tornado import web

from ...author_store.passwords import MAX_PASSWORD, MIN_PASSWORD
from ..proxy import request_client
from .author_handlers import HERE, AuthorHandler, Refusal
from .author_service import AUTHOR_PAGES, HashingBusy

STATIC = {"author.css": HERE / "static" / "author.css", "author.js": HERE / "static" / "author.js",
          "theme.css": HERE.parents[1] / "theme.css"}


class AuthorHome(AuthorHandler):
    """``author``: who you are and your role; or how to add the first account; or sign-in."""

    async def get(self) -> None:
        if self.author is not None:
            pages = [p for p in AUTHOR_PAGES if self.author.role in p.roles]
            self.page("home.html", pages=pages)
            return
        if self.service.sso is None and not await self.service.has_accounts():
            self.page("no_accounts.html")
            return
        self.redirect(f"{self.area}/sign-in", status=303)


class SignIn(AuthorHandler):
    """``author/sign-in``: name and password, and the single sign-on button when configured."""

    def form(self, status: int = 200, errors: dict[str, str] | None = None,
             name: str = "", notice: str = "") -> None:
        self.page("sign_in.html", status=status, errors=errors or {}, name=name,
                  sso=self.service.sso is not None, notice=notice)

    def get(self) -> None:
        notice = {"out": "author_signed_out", "sso": "author_sso_failed",
                  "set": "author_password_set"}.get(self.get_query_argument("done", ""), "")
        self.form(notice=notice)

    async def post(self) -> None:
        name = self.get_body_argument("name", "").strip().lower()[:64]
        password = self.get_body_argument("password", "")
        errors = {}
        if not name:
            errors["name"] = "author_name_missing"
        if not password:
            errors["password"] = "author_password_missing"
        if errors:
            self.form(errors=errors, name=name)
            return
        address = request_client(self)
        if not (self.service.allow_address(address) and self.service.by_account.allow(name)):
            self.form(status=429, errors={"name": "author_slow_down"}, name=name)
            return
        try:
            role = await self.service.check_password(name, password)
        except HashingBusy:
            self.form(status=429, errors={"name": "author_slow_down"}, name=name)
            return
        if role is None:
            self.form(errors={"name": "author_wrong"}, name=name)
            return
        sid = await self.service.start_session(name, role, "password", old=self.sid)
        self.set_session_cookie(sid)
        self.redirect(self.area, status=303)


class SignOut(AuthorHandler):
    """``author/sign-out``: POST ends the session; the cookie is cleared."""

    def get(self) -> None:
        self.redirect(self.area, status=303)

    async def post(self) -> None:
        await self.service.end_session(self.sid)
        self.clear_session_cookie()
        self.redirect(f"{self.area}/sign-in?done=out", status=303)


class SetPassword(AuthorHandler):
    """``author/set-password?token=TOKEN``: the one-time link `infoshare author add` printed
    (a parameter named ``token``: Jupyter Server's access log writes ``[secret]`` for it)."""

    async def get(self) -> None:
        token = self.get_query_argument("token", "")
        who = await self.service.run(lambda: self.service.store().link_account(token))
        if who is None:
            raise Refusal(404, "author_link_dead")
        self.page("set_password.html", errors={}, token=token, who=who)

    async def post(self) -> None:
        token = self.get_body_argument("token", "")
        password = self.get_body_argument("password", "")
        again = self.get_body_argument("again", "")
        who = await self.service.run(lambda: self.service.store().link_account(token))
        if who is None:
            raise Refusal(404, "author_link_dead")
        errors = {}
        if len(password) < MIN_PASSWORD or len(password) > MAX_PASSWORD:
            errors["password"] = "author_password_short"
        elif password != again:
            errors["again"] = "author_password_differ"
        if errors:
            self.page("set_password.html", errors=errors, token=token, who=who)
            return
        try:
            done = await self.service.set_password(token, password)
        except HashingBusy as err:
            raise Refusal(429, "author_slow_down") from err
        if done is None:
            raise Refusal(404, "author_link_dead")
        self.redirect(f"{self.area}/sign-in?done=set", status=303)


class AuthorAsset(web.RequestHandler):
    """``author/static/<name>``: the area's stylesheets, a fixed list."""

    def get(self, name: str) -> None:
        path: Path | None = STATIC.get(name)
        if path is None:
            raise web.HTTPError(404)
        self.set_header("Content-Type", "text/javascript; charset=UTF-8" if name.endswith(".js")
                        else "text/css; charset=UTF-8")
        self.set_header("Cache-Control", "no-cache")
        self.finish(path.read_bytes())
