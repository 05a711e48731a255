"""A learner without a browser: the page's HTML, then the widget protocol over the kernel socket.

Thirty real browsers do not fit on two cores, so the room is played by these clients. For each
visit, "interactive" means what a browser needs before a learner can act: the page's HTML
received, every widget model's state received over the kernel's websocket (ipywidgets 8's
control comm, ``request_states``, as the page's widget manager asks), and then one question
checked with its feedback back (the question component's ``{"event": "check"}`` message and the
kernel's state update that carries the feedback). The browser's own drawing time is not in it;
``pages.py`` measures that once with a real Chromium and the report adds it.
"""

from __future__ import annotations

import http.client
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import websocket

KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')


@dataclass
class Visit:
    """One learner's visit and its timings (seconds from the start of the request)."""

    url: str
    source: str = "127.0.0.1"
    html_s: float = 0.0
    states_s: float = 0.0
    feedback_s: float = 0.0       # interactive: a question checked and its feedback back
    click_s: float = 0.0          # click to feedback alone
    widgets: int = 0
    error: str = ""
    kernel_id: str = ""
    cookies: dict[str, str] = field(default_factory=dict)
    socket: websocket.WebSocket | None = None
    connection: http.client.HTTPConnection | None = None  # the page's, while it is read

    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())


def _message(msg_type: str, content: dict, metadata: dict | None = None) -> str:
    return json.dumps({
        "header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "bench",
                   "session": uuid.uuid4().hex, "date": "2026-01-01T00:00:00Z",
                   "version": "5.3"},
        "parent_header": {}, "metadata": metadata or {}, "content": content,
        "channel": "shell", "buffers": []})


def _receive(sock: websocket.WebSocket, until: float) -> dict | None:
    sock.settimeout(max(0.05, until - time.monotonic()))
    frame = sock.recv()
    if isinstance(frame, bytes):  # a binary frame (buffers): the JSON parts are what we read
        offsets_n = int.from_bytes(frame[:4], "big")
        first = int.from_bytes(frame[4:8], "big")
        end = int.from_bytes(frame[8:12], "big") if offsets_n > 1 else len(frame)
        return json.loads(frame[first:end])
    return json.loads(frame) if frame else None


def open_visit(visit: Visit, timeout: float = 120.0) -> Visit:
    """GET the page and fetch every widget's state; timings into `visit`."""
    parts = urlsplit(visit.url)
    start = time.monotonic()
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout,
                                      source_address=(visit.source, 0))
    visit.connection = conn
    try:
        conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        answer = conn.getresponse()
        body = answer.read().decode("utf-8", "replace")
        for header in answer.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                visit.cookies[name] = morsel.value
    finally:
        conn.close()
    visit.html_s = time.monotonic() - start
    if answer.status != 200:
        visit.error = f"HTTP {answer.status}"
        return visit
    match = KERNEL_ID.search(body)
    if not match:
        visit.error = "no kernel id in the page"
        return visit
    visit.kernel_id = match.group(1)
    ws_url = (f"ws://{parts.hostname}:{parts.port}/api/kernels/{visit.kernel_id}/channels"
              f"?session_id={uuid.uuid4().hex}")
    sock = websocket.create_connection(ws_url, timeout=timeout, cookie=visit.cookie_header(),
                                       origin=f"http://{parts.hostname}:{parts.port}",
                                       source_address=(visit.source, 0))
    visit.socket = sock
    control = uuid.uuid4().hex
    sock.send(_message("comm_open", {"comm_id": control, "target_name": "jupyter.widget.control",
                                     "data": {}}, {"version": "1.0.0"}))
    sock.send(_message("comm_msg", {"comm_id": control, "data": {"method": "request_states"}}))
    deadline = start + timeout
    while time.monotonic() < deadline:
        msg = _receive(sock, deadline)
        if not msg or msg.get("msg_type") != "comm_msg":
            continue
        data = msg["content"].get("data", {})
        if msg["content"].get("comm_id") == control and data.get("method") == "update_states":
            visit.states_s = time.monotonic() - start
            visit.widgets = len(data["states"])
            visit._states = data["states"]  # type: ignore[attr-defined]
            return visit
    visit.error = "no widget state"
    return visit


def question_id(visit: Visit) -> tuple[str, dict, str] | None:
    """The page's first question: (model id, message that answers it, trait that shows it).

    Our question component: tick the first option and press Check; the feedback arrives as
    ``feedback_html``. The bare page's one button: press it; ``description`` changes.
    """
    for model_id, model in getattr(visit, "_states", {}).items():
        state = model.get("state", {})
        if "check_label" in state and "options" in state:
            return model_id, {"event": "check", "chosen": [0]}, "feedback_html"
    for model_id, model in getattr(visit, "_states", {}).items():
        if model.get("model_name") == "ButtonModel":
            return model_id, {"event": "click"}, "description"
    return None


def check_question(visit: Visit, start: float, timeout: float = 60.0) -> Visit:
    """Answer the page's first question and wait for the feedback to come back."""
    found = question_id(visit)
    sock = visit.socket
    if found is None or sock is None:
        visit.error = visit.error or "no question on the page"
        return visit
    model_id, content, shows = found
    clicked = time.monotonic()
    sock.send(_message("comm_msg", {"comm_id": model_id, "data": {
        "method": "custom", "content": content}}))
    deadline = clicked + timeout
    while time.monotonic() < deadline:
        msg = _receive(sock, deadline)
        if not msg or msg.get("msg_type") != "comm_msg":
            continue
        data = msg["content"]
        state = data.get("data", {}).get("state", {})
        if data.get("comm_id") == model_id and state.get(shows):
            now = time.monotonic()
            visit.click_s, visit.feedback_s = now - clicked, now - start
            return visit
    visit.error = "no feedback"
    return visit


def leave(visit: Visit, base: str) -> int:
    """What the page's leave beacon sends on pagehide (Voila's form, with the _xsrf token)."""
    if visit.socket is not None:
        visit.socket.close()
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30,
                                      source_address=(visit.source, 0))
    body = f"_xsrf={visit.cookies.get('_xsrf', '')}"
    try:
        conn.request("POST", f"/voila/api/shutdown/{visit.kernel_id}", body=body, headers={
            "Cookie": visit.cookie_header(), "Origin": f"http://{parts.hostname}:{parts.port}",
            "Content-Type": "application/x-www-form-urlencoded"})
        return conn.getresponse().status
    finally:
        conn.close()
