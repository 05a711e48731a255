"""What every room handler shares: JSON in and out, plain refusals, no address in the log.

A request that changes something must carry the ``X-Infoshare-Room`` header. A browser only sends
a custom header to another site after a CORS preflight, which this server never grants, so
another site cannot make a visitor's browser start, answer or end a room. (Tornado's ``_xsrf``
cookie is not used: these pages hold no form.)

The access log line of a room request (Jupyter Server's ``log_request``) goes to a logger of
ours whose filter drops the client's address; the paths carry no code, secret or token (those
travel in the body and headers). A refused call writes no line: it is counted in ``/metrics``
(``infoshare_room_refused_total{reason=...}``), so a flood of guesses cannot fill the log.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from typing import Any

from tornado import web

from ..proxy import request_client
from .service import RoomService

REQUEST_HEADER = "X-Infoshare-Room"
SECRET_HEADER = "X-Room-Secret"
DEVICE_HEADER = "X-Room-Device"
MAX_BODY = 4096
ADDRESS = re.compile(r"\((\w*)@[^)]*\)")


class NoAddresses(logging.Filter):
    """Rewrite ``(user@1.2.3.4)`` in an access line as ``(user@-)``."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            return True
        if ADDRESS.search(message):
            record.msg = ADDRESS.sub(r"(\1@-)", message)
            record.args = None
        return True


access_log = logging.getLogger("infoshare_widgets.app.room.access")
access_log.addFilter(NoAddresses())
REFUSED: Counter[str] = Counter()  # refused room calls by reason (the ui.yaml key's tail)


class _Unlogged:
    """The access "logger" of a refused call: it writes nothing (the call is counted)."""

    def debug(self, *args: Any, **kwargs: Any) -> None:
        pass

    info = warning = error = debug


def room_metrics() -> list[tuple[str, str, str, list[tuple[str, float]]]]:
    """The rooms' samples for ``/metrics``: (name, kind, help, [(labels, value)])."""
    return [("room_refused_total", "counter",
             "Room API calls refused (not logged one by one), by reason.",
             [(f'{{reason="{reason}"}}', n) for reason, n in sorted(REFUSED.items())])]


class Refused(web.HTTPError):
    """A plain refusal: its `reason_key` is a ui.yaml key the page shows."""

    def __init__(self, status: int, reason_key: str) -> None:
        super().__init__(status)
        self.reason_key = reason_key


class RoomHandler(web.RequestHandler):
    """Base of the room API handlers (mixed with ``response_guard.Guarded`` by ``routes.py``)."""

    rooms: RoomService
    _refused = False

    @property
    def unlogged(self) -> bool:
        """A refused call: counted (``REFUSED``), no access line (read by health.counting)."""
        return self._refused

    @property
    def log(self) -> Any:
        """Read by Jupyter Server's log_request: no line for a refused call."""
        return _Unlogged() if self._refused else access_log

    async def prepare(self) -> Any:  # type: ignore[override]
        result = super().prepare()
        if result is not None:
            await result
        if self.request.method == "POST":
            self.check_xsrf_cookie()
        if len(self.request.body or b"") > MAX_BODY:
            raise Refused(413, "room_refused")
        self.set_header("Cache-Control", "no-store")
        service = self.settings.get("infoshare_rooms")
        if service is None or not await service.ready():
            raise Refused(503, "room_unavailable")
        self.rooms = service

    def client(self) -> str:
        """The visitor's network address (through a trusted proxy, the one it forwards), for
        in-memory rate limits only (never stored or logged)."""
        return request_client(self)

    def check_xsrf_cookie(self) -> None:
        if self.request.headers.get(REQUEST_HEADER) != "1":
            raise Refused(403, "room_refused")

    def body(self) -> dict[str, Any]:
        try:
            data = json.loads(self.request.body or b"{}")
        except (ValueError, RecursionError) as err:  # not JSON, or nested too deep
            raise Refused(400, "room_refused") from err
        if not isinstance(data, dict):
            raise Refused(400, "room_refused")
        return data

    def send(self, data: dict[str, Any], status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish(json.dumps(data))

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        if hasattr(value, "reason_key") or (isinstance(value, web.HTTPError)
                                            and value.status_code < 500):
            return  # a refusal, or a store fault (logged once per outage by the service)
        super().log_exception(typ, value, tb)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        error = kwargs.get("exc_info", (None, None))[1]
        key = getattr(error, "reason_key", None)
        if key is not None:
            self._refused = True
            REFUSED[key.removeprefix("room_")] += 1
        key = key or "room_refused"
        self.set_header("Content-Type", "application/json; charset=UTF-8")
        self.finish(json.dumps({"error": key}))
