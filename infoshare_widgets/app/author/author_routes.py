"""The author area's addresses, each wrapped like every other handler the server serves; none
of them exists unless the server runs with ``--authoring`` (``route_allowlist.allowlisted``)."""

from __future__ import annotations

from jupyter_server.utils import url_path_join

from ..room.base import access_log
from ..upstream.tornado import PathOnlySummary
from .author_handlers import AuthorHandler
from .author_pages import AuthorAsset, AuthorHome, SetPassword, SignIn, SignOut
from .builder_pages import History, ItemList, QuizBuilder
from .case_pages import CaseBuilder
from .live_preview import LivePreview
from .scenario_pages import ScenarioBuilder
from .sso_handlers import SsoCallback, SsoStart


def _wrapped(cls: type, guard: type) -> type:
    """`cls` behind the site's guard; log lines without address or query (links, codes)."""
    namespace: dict = {"__module__": __name__, "log": access_log}
    if issubclass(cls, AuthorHandler):  # its refusals are author pages
        namespace["write_error"] = AuthorHandler.write_error
    return type(f"Guarded{cls.__name__}", (PathOnlySummary, guard, cls), namespace)


def author_routes(base_url: str, guard: type) -> list[tuple]:
    """(pattern, handler) for ``author``, its sign-in pages and its stylesheets."""
    def at(path: str) -> str:
        return url_path_join(base_url, path)

    return [
        (at("/author"), _wrapped(AuthorHome, guard)),
        (at("/author/sign-in"), _wrapped(SignIn, guard)),
        (at("/author/sign-out"), _wrapped(SignOut, guard)),
        (at("/author/set-password"), _wrapped(SetPassword, guard)),
        (at("/author/sso"), _wrapped(SsoStart, guard)),
        (at("/author/sso/callback"), _wrapped(SsoCallback, guard)),
        (at("/author/items"), _wrapped(ItemList, guard)),
        (at("/author/quizzes/new"), _wrapped(QuizBuilder, guard)),
        (at("/author/quizzes/edit/([^/]+)"), _wrapped(QuizBuilder, guard)),
        (at("/author/case_studies/new"), _wrapped(CaseBuilder, guard)),
        (at("/author/case_studies/edit/([^/]+)"), _wrapped(CaseBuilder, guard)),
        (at("/author/scenarios/new"), _wrapped(ScenarioBuilder, guard)),
        (at("/author/scenarios/edit/([^/]+)"), _wrapped(ScenarioBuilder, guard)),
        (at("/author/preview/([a-z_]+)"), _wrapped(LivePreview, guard)),
        (at("/author/preview/([a-z_]+)/([^/]+)"), _wrapped(LivePreview, guard)),
        (at("/author/history/([^/]+)/([^/]+)"), _wrapped(History, guard)),
        (at("/author/static/([a-z]+\\.(?:css|js))"), _wrapped(AuthorAsset, guard)),
    ]
