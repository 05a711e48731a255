"""Nothing but the app's pages: no source, no content file, no listing, no code from the browser,
no request to another origin, no template or theme from the URL."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import websocket
from _app_support import kernel_id_of
from _shipped import shipped_content

CONTENT = shipped_content()
START = CONTENT.sections[0].notebook

# Things that must never be in a response: notebook source, notebook JSON, content files.
SECRETS = ["open_page(", "from infoshare_widgets", '"cell_type"', '"nbformat"', "source_label:",
           "sections:\n", "root:x:0:0", "Edit the content files"]

PRIVATE_PATHS = [
    f"/voila/files/{START}.ipynb",
    "/voila/files/../content/ui.yaml",
    "/voila/files/%2e%2e/content/ui.yaml",
    "/voila/files/..%2fcontent%2fui.yaml",
    "/voila/render/../content/ui.yaml",
    "/voila/render/..%2fcontent%2fui.yaml",
    "/voila/render/../../etc/passwd",
    "/voila/static/../../../../../../etc/passwd",
    "/voila/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/voila/templates/infoshare/static/../../../../../../../etc/passwd",
    "/voila/templates/..%2f..%2fcontent/static/ui.yaml",
    "/voila/labextensions/../../../../etc/passwd",
    "/voila/api/contents",
    "/voila/api/contents/",
    f"/voila/api/contents/{START}.ipynb",
    "/voila/api/contents?content=1",
    "/api/contents",
    f"/api/contents/{START}.ipynb",
    "/api/kernels",
    "/api/kernels/",
    "/api/sessions",
    "/api/terminals",
    "/api/kernelspecs",
    "/api/config/notebook",
    "/tree",
    "/lab",
    f"/notebooks/{START}.ipynb",
    f"/files/{START}.ipynb",
    f"/{START}.ipynb",
    "/content/ui.yaml",
    "/ui.yaml",
    "/sections.yaml",
    "/../content/ui.yaml",
    "/%2e%2e/content/ui.yaml",
]


@pytest.mark.parametrize("path", PRIVATE_PATHS)
def test_nothing_private_is_served(app_server, path: str) -> None:
    for _ in range(3):  # follow redirects on our own origin
        status, headers, body = app_server.raw_get(path)
        text = body.decode("utf-8", errors="replace")
        for secret in SECRETS:
            assert secret not in text, f"{path}: {secret!r} in the response"
        if status not in (301, 302):
            break
        path = headers["Location"]
        assert path.startswith("/"), f"redirected off the server: {path}"
    assert status in (400, 403, 404, 405), f"{path}: status {status}"


@pytest.mark.parametrize("path", ["/", "/voila/tree", "/voila/tree/", f"/voila/tree/{START}.ipynb"])
def test_the_listing_is_replaced_by_the_start_page(app_server, path: str) -> None:
    status, headers, body = app_server.raw_get(path)
    assert status == 302
    assert headers["Location"] == f"/voila/render/{START}.ipynb"
    assert START not in body.decode() or body == b""


def test_pages_carry_no_source_and_a_strict_content_security_policy(app_server) -> None:
    for section in CONTENT.sections:
        status, headers, body = app_server.raw_get(f"/voila/render/{section.notebook}.ipynb")
        text = body.decode()
        assert status == 200
        for secret in SECRETS:
            assert secret not in text, f"{section.id}: {secret!r} in the page"
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "connect-src 'self'" in csp
        assert headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("query", ["template=lab", "template=classic", "template=reveal",
                                   "theme=dark", "theme=JupyterLab%20Dark",
                                   "template=lab&theme=dark"])
def test_the_url_cannot_pick_another_template_or_theme(app_server, query: str) -> None:
    status, _, body = app_server.raw_get(f"/voila/render/{START}.ipynb?{query}")
    text = body.decode()
    assert status == 200
    assert 'class="jp-Notebook theme-light is-app"' in text  # our template, light theme
    assert "theme-dark" not in text and "fontawesome" not in text.lower()
    assert "https://" not in text


def test_no_request_leaves_the_servers_origin(app_server, loaded, requests_seen) -> None:
    for section in CONTENT.sections:
        loaded(section.id)
    origin = app_server.url
    assert len(requests_seen.urls) > 50  # the pages really loaded through this context
    elsewhere = []
    for url in requests_seen.urls:
        if url.startswith("data:"):
            continue
        address = url[len("blob:"):] if url.startswith("blob:") else url
        parts = urlsplit(address)
        if f"{parts.scheme}://{parts.netloc}" != origin:
            elsewhere.append(url)
    assert elsewhere == []


def _message(msg_type: str, content: dict, session: str) -> dict:
    return {
        "header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "visitor",
                   "session": session, "date": "2024-01-01T00:00:00Z", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "content": content, "channel": "shell",
        "buffers": [],
    }


def test_code_sent_over_the_pages_kernel_websocket_does_not_run(
        app_server, loaded, shared_context, tmp_path: Path) -> None:
    # The shared Start page's kernel: a second socket to it, which runs nothing and changes
    # nothing the page shows (a page of its own would be one more load for the same check).
    page = loaded("start")
    context = shared_context
    kernel_id = kernel_id_of(page)
    marker = tmp_path / "ran.txt"
    session = uuid.uuid4().hex
    ws_url = (app_server.url.replace("http://", "ws://")
              + f"/api/kernels/{kernel_id}/channels?session_id={session}")
    # The page's own visitor (its cookie): only they may open the page's kernel socket.
    cookie = next(c for c in context.cookies() if c["name"] == "infoshare_visitor")
    socket = websocket.create_connection(ws_url, timeout=30, origin=app_server.url,
                                         cookie=f"infoshare_visitor={cookie['value']}")
    try:
        code = f"open({str(marker)!r}, 'w').write('ran')"
        execute = _message("execute_request", {
            "code": code, "silent": False, "store_history": False, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True}, session)
        socket.send(json.dumps(execute))
        # Allowed requests sent after it: the kernel answers them in order, so once their
        # replies are here an execute_request, had it been passed on, would have run.
        comm_info = _message("comm_info_request", {}, session)
        kernel_info = _message("kernel_info_request", {}, session)
        socket.send(json.dumps(comm_info))
        socket.send(json.dumps(kernel_info))
        seen: list[str] = []
        deadline = time.monotonic() + 30
        while "kernel_info_reply" not in seen and time.monotonic() < deadline:
            msg = json.loads(socket.recv())
            if msg.get("parent_header", {}).get("msg_id") in (
                    execute["header"]["msg_id"], comm_info["header"]["msg_id"],
                    kernel_info["header"]["msg_id"]):
                seen.append(msg["header"]["msg_type"])
    finally:
        socket.close()
    assert "comm_info_reply" in seen and "kernel_info_reply" in seen  # the socket works
    assert "execute_reply" not in seen and "execute_input" not in seen and "stream" not in seen
    assert not marker.exists()
