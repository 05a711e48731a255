"""Request bodies limited before tornado reads them (tornado's default is about 100 MB).

:data:`MAX_REQUEST_BODY` is 1 MB: twice the largest legitimate body, an author's builder form
(``item_handler.MAX_FORM_BODY``, 512 KB; the largest shipped quiz's form is about 40 KB). The
other routes that take a body ask far less: sign-in and the author area's other forms 16 KB
(``author_handlers.MAX_BODY``), a room's join or vote 4 KB (``room/base.MAX_BODY``), the leave
beacon none. An overlay zip is imported only at the terminal (``infoshare import``), never over
HTTP, and a page's kernel websocket messages are frames, limited apart (``max_message_kb``).
Each handler keeps its own smaller limit (its own refusal page); this one is the server's.

- A request whose ``Content-Length`` is over the limit gets a plain 413 at once, before any of
  its body is read: the connection is taken from tornado in ``headers_received`` (tornado's
  documented ``HTTP1Connection.detach``), answered, and closed after a short wait that lets the
  client read the answer rather than a reset.
- A chunked body (no length given; browsers never send one for a form, and nginx in front sends
  a length) is counted as it comes: tornado's ``max_body_size`` stops it at the same limit, with
  tornado's own 400 and the connection closed. A 413 there is not clean: tornado checks each
  chunk's declared size before handing any of it on and writes its 400 itself
  (``HTTP1Connection._read_chunked_body``), so our answer would need tornado's limit raised and
  its private reading loop relied on, and would be followed on the wire by tornado's 400.

The refusal's words are ui.yaml's ``app.too_large`` (the served content's, else the shipped).
"""

from __future__ import annotations

import socket
from collections.abc import Awaitable
from datetime import timedelta
from typing import Any

from tornado import gen, httputil, iostream, web
from tornado.ioloop import IOLoop

from ..content.cache import current_content
from ..content.shipped_words import words_over_shipped
from ..content.templates import fill

MAX_REQUEST_BODY = 1024 * 1024
HEADERS_ROOM = 64 * 1024  # tornado's own limit on request headers (max_header_size)
DISCARD_BYTES = 8 * MAX_REQUEST_BODY  # read and dropped after the 413, at most, so the client
DISCARD_SECONDS = 5.0  # can read the answer before the connection closes


def refusal_response(limit: int = MAX_REQUEST_BODY) -> bytes:
    """The whole 413 answer, its text ui.yaml's ``app.too_large`` filled with the limit."""
    try:
        content = current_content()
    except Exception:  # a broken content folder: the shipped wording
        content = None
    words = words_over_shipped(content, "app")
    text = (fill(words.get("too_large", ""), limit=f"{limit / (1024 * 1024):g} MB") + "\n"
            ).encode("utf-8")
    return (b"HTTP/1.1 413 Content Too Large\r\nContent-Type: text/plain; charset=utf-8\r\n"
            b"Content-Length: " + str(len(text)).encode() + b"\r\nConnection: close\r\n"
            b"Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\r\n" + text)


def server_options(limit: int = MAX_REQUEST_BODY) -> dict[str, int]:
    """tornado ``HTTPServer`` options: no body over `limit`, no read buffer much over it."""
    return {"max_body_size": limit, "max_buffer_size": limit + HEADERS_ROOM}


def too_large(headers: httputil.HTTPHeaders, limit: int) -> bool:
    """Whether the request says its body is over `limit` (a malformed length is tornado's)."""
    lengths = {value.strip() for value in headers.get("Content-Length", "").split(",")}
    return any(value.isdigit() and int(value) > limit for value in lengths)


async def _refuse(stream: iostream.IOStream, limit: int) -> None:
    """Write the 413, end our side, drop what the client still sends (bounded), close."""
    try:
        await stream.write(refusal_response(limit))
        stream.socket.shutdown(socket.SHUT_WR)
        deadline = timedelta(seconds=DISCARD_SECONDS)
        dropped = 0
        while dropped < DISCARD_BYTES:
            chunk = await gen.with_timeout(deadline, stream.read_bytes(65536, partial=True))
            dropped += len(chunk)
    except (iostream.StreamClosedError, gen.TimeoutError, OSError):
        pass
    finally:
        stream.close()


class BodyLimit(httputil.HTTPMessageDelegate):
    """One request's delegate: refused at its headers when its body is too large, else the
    application's own delegate, untouched."""

    def __init__(self, inner: httputil.HTTPMessageDelegate, connection: Any, limit: int) -> None:
        self.inner, self.connection, self.limit = inner, connection, limit

    def headers_received(self, start_line: Any, headers: httputil.HTTPHeaders
                         ) -> Awaitable[None] | None:
        if too_large(headers, self.limit) and hasattr(self.connection, "detach"):
            IOLoop.current().add_callback(_refuse, self.connection.detach(), self.limit)
            return None
        return self.inner.headers_received(start_line, headers)

    def data_received(self, chunk: bytes) -> Awaitable[None] | None:
        return self.inner.data_received(chunk)

    def finish(self) -> None:
        self.inner.finish()

    def on_connection_close(self) -> None:
        self.inner.on_connection_close()


def limited(app: web.Application, limit: int = MAX_REQUEST_BODY) -> web.Application:
    """`app` with its bodies limited: each request passes :class:`BodyLimit`, and
    ``app.listen`` (which Voila calls) builds its server with :func:`server_options`."""
    start, listen = app.start_request, app.listen

    def start_request(server_conn: object, request_conn: Any) -> httputil.HTTPMessageDelegate:
        return BodyLimit(start(server_conn, request_conn), request_conn, limit)

    def listen_limited(port: int, address: str | None = None, **kwargs: Any) -> Any:
        return listen(port, address, **{**kwargs, **server_options(limit)})

    app.start_request = start_request  # type: ignore[method-assign]
    app.listen = listen_limited  # type: ignore[method-assign]
    return app
