"""Helpers for the hostile-visitor tests: raw requests from chosen addresses, the kernel socket,
kernel processes and their memory."""

from __future__ import annotations

import http.client
import json
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import websocket
from _app_support import AppServer

VISITOR_COOKIE = "infoshare_visitor"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str
    source: str = ""

    def cookie(self) -> str:
        match = re.search(rf"{VISITOR_COOKIE}=([^;]+)", self.headers.get("Set-Cookie", ""))
        return match.group(1) if match else ""

    def kernel_id(self) -> str:
        match = re.search(r'"kernelId":\s*"([0-9a-f-]{36})"', self.body)
        return match.group(1) if match else ""


def request(server: AppServer, path: str, method: str = "GET", source: str = "127.0.0.1",
            headers: dict[str, str] | None = None, host: str | None = None) -> Answer:
    """One HTTP request from `source` (any 127.x.y.z: a different client to the server)."""
    parts = urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120,
                                      source_address=(source, 0))
    try:
        conn.putrequest(method, path, skip_host=host is not None)
        if host is not None:
            conn.putheader("Host", host)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        conn.endheaders()
        response = conn.getresponse()
        body = response.read().decode("utf-8", errors="replace")
        headers: dict[str, str] = {}
        for name, value in response.getheaders():  # a page sets two cookies (issue 15)
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
        return Answer(response.status, headers, body, source)
    finally:
        conn.close()


def kernel_socket(server: AppServer, kernel_id: str, cookie: str = "") -> websocket.WebSocket:
    url = server.url.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
    return websocket.create_connection(
        f"{url}?session_id={uuid.uuid4().hex}", timeout=30, origin=server.url,
        cookie=f"{VISITOR_COOKIE}={cookie}" if cookie else None)


def message(msg_type: str, content: dict, channel: str = "shell") -> dict:
    return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "v",
                       "session": uuid.uuid4().hex, "date": "2024-01-01T00:00:00Z",
                       "version": "5.3"},
            "parent_header": {}, "metadata": {}, "content": content, "channel": channel,
            "buffers": []}


def comm_msg(comm_id: str, data: dict) -> dict:
    return message("comm_msg", {"comm_id": comm_id, "data": data})


def receive_for(socket: websocket.WebSocket, seconds: float) -> list[dict]:
    """Every message the socket receives in the next `seconds`."""
    got: list[dict] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        socket.settimeout(max(0.05, deadline - time.monotonic()))
        try:
            frame = socket.recv()
        except websocket.WebSocketTimeoutException:
            break
        if frame:
            got.append(json.loads(frame))
    return got


def visitor_cookie(context: object) -> str:
    return next(c["value"] for c in context.cookies()  # type: ignore[attr-defined]
                if c["name"] == VISITOR_COOKIE)


def parent_of(pid: int) -> int:
    """The process's parent (0: it has gone)."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (kernels are the server's children)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def kernel_pids(server: AppServer) -> dict[str, int]:
    """Kernel id -> process id, for every kernel process of the server."""
    kernels = {}
    for pid in descendants(server.process.pid):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        for arg in command:
            match = re.search(rb"kernel-([0-9a-f-]{36})\.json", arg)
            if match and b"ipykernel" in b" ".join(command):
                kernels[match.group(1).decode()] = pid
    return kernels


def resident_mb(server: AppServer) -> float:
    """Resident memory of the server and all its kernels, in MB."""
    total = 0
    for pid in [server.process.pid, *descendants(server.process.pid)]:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def address_space_limit(pid: int) -> int:
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max address space"):
            value = line.split()[3]
            return -1 if value == "unlimited" else int(value)
    return -1


def wait_for(predicate: object, seconds: float, every: float = 0.25) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(every)
    return False
