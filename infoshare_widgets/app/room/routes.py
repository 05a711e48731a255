"""The room addresses, each handler wrapped like every other one the server serves."""

from __future__ import annotations

from jupyter_server.utils import url_path_join

from ..upstream.tornado import AddressFreeSummary
from .api import DeviceHandler, HostHandler, JoinHandler, NewRoomHandler
from .base import RoomHandler, access_log
from .pages import RoomAsset, RoomPage
from .results_download import ResultsHandler


def _wrapped(cls: type, guard: type) -> type:
    """`cls` behind the site's guard; an API handler keeps its JSON refusals."""
    # Access lines without the client's address: Jupyter Server's log_request writes to `log`
    # (filtered), tornado's own lines take the summary AddressFreeSummary gives.
    namespace: dict = {"__module__": __name__}
    if issubclass(cls, RoomHandler):  # its own log: no line for a refused call
        namespace.update(write_error=cls.write_error, log=RoomHandler.log)
    else:
        namespace["log"] = access_log
    return type(f"Guarded{cls.__name__}", (AddressFreeSummary, guard, cls), namespace)


def room_routes(base_url: str, guard: type) -> list[tuple]:
    """(pattern, handler[, kwargs]) for ``room``, ``room/host``, ``room/api/*``, assets."""
    def at(path: str) -> str:
        return url_path_join(base_url, path)

    return [
        (at("/room"), _wrapped(RoomPage, guard), {"template": "room.html", "prefix": "room/"}),
        (at("/room/host"), _wrapped(RoomPage, guard), {"template": "host.html", "prefix": ""}),
        (at("/room/static/([a-z]+\\.(?:js|css))"), _wrapped(RoomAsset, guard)),
        (at("/room/api/rooms"), _wrapped(NewRoomHandler, guard)),
        (at("/room/api/host"), _wrapped(HostHandler, guard)),
        (at("/room/api/join"), _wrapped(JoinHandler, guard)),
        (at("/room/api/device"), _wrapped(DeviceHandler, guard)),
        (at("/room/api/results"), _wrapped(ResultsHandler, guard)),
    ]
