"""Request bodies over 1 MB refused (413) before tornado reads them (``app/body_limit.py``),
served in the test's own process: the author area as the server wraps it, real sockets."""

from __future__ import annotations

import contextlib
import socket
from pathlib import Path
from types import SimpleNamespace

import requests
from _author_support import author_app
from _served import served

from infoshare_widgets.app import body_limit
from infoshare_widgets.app.body_limit import (
    MAX_REQUEST_BODY,
    limited,
    refusal_response,
    server_options,
)


def _raw(port: int, head: bytes, body: bytes = b"", timeout: float = 10) -> bytes:
    """Send `head` (and `body`), read the answer until the server closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        conn.sendall(head)
        if body:
            # the server may close while we still send: fine, read its answer
            with contextlib.suppress(OSError):
                conn.sendall(body)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    return answer


def _post_head(length: int) -> bytes:
    return (f"POST /author/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {length}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n\r\n").encode()


def test_the_limit_fits_the_largest_legitimate_body() -> None:
    from infoshare_widgets.app.author.item_handler import MAX_FORM_BODY
    from infoshare_widgets.app.room.base import MAX_BODY as ROOM_BODY
    assert MAX_FORM_BODY < MAX_REQUEST_BODY and ROOM_BODY < MAX_REQUEST_BODY
    assert server_options() == {"max_body_size": MAX_REQUEST_BODY,
                                "max_buffer_size": MAX_REQUEST_BODY + 64 * 1024}


def test_the_refusal_says_ui_yamls_words(monkeypatch) -> None:
    """``app.too_large`` of the served content, filled with the limit; an older ui.yaml without
    it gets the shipped words, not the key's name."""
    served = SimpleNamespace(ui=SimpleNamespace(app={"too_large": "Too big: at most {limit}."}))
    monkeypatch.setattr(body_limit, "current_content", lambda: served)
    head, text = refusal_response().split(b"\r\n\r\n")
    assert text == b"Too big: at most 1 MB.\n" and head.startswith(b"HTTP/1.1 413 ")
    assert f"Content-Length: {len(text)}\r\n".encode() in head
    served.ui.app = {}
    assert refusal_response(2 * MAX_REQUEST_BODY).endswith(
        b"\r\n\r\nThe request is too large: this site takes at most 2 MB.\n")


def test_a_huge_declared_body_gets_413_before_any_of_it_is_sent(tmp_path: Path) -> None:
    with served(lambda: limited(author_app(tmp_path))) as port:
        # 200 MB declared, nothing sent: without the limit tornado waits for the body (a hang)
        answer = _raw(port, _post_head(200 * 1024 * 1024), timeout=15)
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:80]
    assert b"at most 1 MB" in answer and b"Connection: close" in answer


def test_a_body_just_over_the_limit_sent_whole_still_reads_413(tmp_path: Path) -> None:
    body = b"a=" + b"x" * MAX_REQUEST_BODY
    with served(lambda: limited(author_app(tmp_path))) as port:
        answer = _raw(port, _post_head(len(body)), body)
        response = requests.post(f"http://127.0.0.1:{port}/author/sign-in", data=body,
                                 headers={"Content-Type": "application/x-www-form-urlencoded"},
                                 timeout=30)
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:80]
    assert response.status_code == 413


def test_a_body_under_the_limit_reaches_the_page_and_its_own_limit(tmp_path: Path) -> None:
    with served(lambda: limited(author_app(tmp_path))) as port:
        # 100 KB: under the server's limit, over the sign-in form's own 16 KB: its own page
        response = requests.post(f"http://127.0.0.1:{port}/author/sign-in",
                                 data={"name": "x" * 100_000}, timeout=30)
        small = requests.get(f"http://127.0.0.1:{port}/author/sign-in", timeout=30)
    assert response.status_code == 413 and "<html" in response.text.lower()
    assert small.status_code == 200


def test_a_chunked_body_over_the_limit_is_cut_off(tmp_path: Path) -> None:
    chunk = b"x" * 65536
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(20)) + b"0\r\n\r\n"
    head = (b"POST /author/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n")
    with served(lambda: limited(author_app(tmp_path))) as port:
        try:
            answer = _raw(port, head, body)
        except ConnectionResetError:  # closed with our chunks unread: cut off all the same
            answer = b"HTTP/1.1 400 (reset)"
        # tornado's max_body_size: a 400, the connection closed (a reset when unread data)
        assert answer.startswith(b"HTTP/1.1 400 "), answer[:80]
        assert requests.get(f"http://127.0.0.1:{port}/author/sign-in", timeout=30).ok


def test_the_served_app_refuses_a_huge_body_at_once(app_server) -> None:
    """The real server (Voila through ``infoshare serve``): its own listen carries the limit."""
    port = int(app_server.url.rsplit(":", 1)[1])
    head = _post_head(200 * 1024 * 1024).replace(b"/author/sign-in", b"/room/api/rooms")
    answer = _raw(port, head, timeout=15)
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:80]
