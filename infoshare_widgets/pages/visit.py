"""The visit: everything that knows about Voila and ipykernel, kept apart from the page itself.

Voila runs a page's notebook in a preheated kernel before anyone arrives; :func:`wait_for_visit`
blocks until the visitor's request, and :func:`read_mode` reads its ``?mode=``.
:func:`configure_logging` sends this package's log records to the server's terminal, never into a
cell's output.
"""

from __future__ import annotations

import io
import json
import logging
import os
import sys
from urllib.parse import parse_qs

log = logging.getLogger(__name__)

MODES = ("learner", "facilitator", "author")
DEFAULT_MODE = "learner"


def configure_logging() -> None:
    """Send this package's log records to the server's terminal.

    In a kernel, ``sys.stderr`` is forwarded to the page as cell output, so a traceback logged
    there would reach the learner. ipykernel keeps a copy of the process's real stderr
    (``_original_stdstream_copy``); we write there, as ipykernel does for its own log. Outside a
    kernel (tests, scripts) logging is left alone.
    """
    fd = getattr(sys.stderr, "_original_stdstream_copy", None)
    package = logging.getLogger("infoshare_widgets")
    if fd is None or getattr(package, "_infoshare_configured", False):
        return
    stream = io.TextIOWrapper(io.FileIO(os.dup(fd), "w"), write_through=True)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(
        "[infoshare %(asctime)s %(levelname)s %(name)s] %(message)s", "%H:%M:%S"))
    package.addHandler(handler)
    package.setLevel(logging.INFO)
    package.propagate = False
    package._infoshare_configured = True  # type: ignore[attr-defined]


def read_mode(query: str | None) -> str:
    """The page's mode from its query string (``?mode=facilitator``); learner unless valid."""
    values = parse_qs(query or "").get("mode", [])
    return values[0] if values and values[0] in MODES else DEFAULT_MODE


def wait_for_visit() -> str:
    """Block until a visitor asks for this page; their query string.

    In a preheated Voila kernel this waits for the request; anywhere else (JupyterLab, nbval,
    Voila without preheating) it returns at once. It is the exchange of Voila 0.5's
    ``voila.utils.get_query_string()``: the kernel opens a websocket to ``voila/query/<kernel
    id>`` and receives the request's details as environment variables. Done here because
    importing ``voila.utils`` in a kernel imports the whole Jupyter server: about 1.5 s of CPU
    in every preheated kernel, which slows the refilling of the pools.
    """
    env = os.environ
    if env.get("VOILA_PREHEAT", "False") != "True":
        return env.get("QUERY_STRING", "")
    base = env.get("VOILA_WS_BASE_URL", env.get("VOILA_SERVER_URL", "/"))
    url = (f"{env.get('VOILA_WS_PROTOCOL', 'ws')}://{env.get('VOILA_APP_IP', '127.0.0.1')}:"
           f"{env.get('VOILA_APP_PORT', '8866')}{base}voila/query/{env.get('VOILA_KERNEL_ID')}")
    try:
        info = _receive_visit(url)
        for key, value in info.items():
            os.environ[str(key)] = str(value)
    except Exception:
        log.exception("could not receive the visit's details; showing the learner's page")
    return env.get("QUERY_STRING", "")


def _receive_visit(url: str, attempts: int = 3) -> dict:
    """The visit's details from Voila's query socket, however long the kernel waits.

    No keepalive pings: under a room's load the server answered a ping late, the client closed
    the socket, and the pooled kernel built its page before any visit. A socket
    that closes anyway is opened again: Voila keeps a visit that arrives meanwhile and sends it
    on the next connection. Gives up after `attempts` connections fail in a row.
    """
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import connect

    failures = 0
    while True:
        try:
            with connect(url, open_timeout=10, close_timeout=1, ping_interval=None) as socket:
                failures = 0
                return json.loads(socket.recv())
        except ConnectionClosed:
            log.warning("the socket waiting for the visit closed; opening it again")
        except OSError:
            failures += 1
            if failures >= attempts:
                raise
