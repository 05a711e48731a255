"""The presenter's addresses (``present``, ``present/audience``, its assets and the join QR),
each behind the site's guard like the room's."""

from __future__ import annotations

from jupyter_server.utils import url_path_join

from ..room.routes import _wrapped
from .screens import AudiencePage, JoinCode, PresentAsset, PresenterPage


def present_routes(base_url: str, guard: type) -> list[tuple]:
    """(pattern, handler) for the presenter view, the audience window and their files."""
    def at(path: str) -> str:
        return url_path_join(base_url, path)

    return [
        (at("/present"), _wrapped(PresenterPage, guard)),
        (at("/present/audience"), _wrapped(AudiencePage, guard)),
        (at("/present/join.svg"), _wrapped(JoinCode, guard)),
        (at("/present/static/([a-z]+\\.(?:js|css))"), _wrapped(PresentAsset, guard)),
    ]
