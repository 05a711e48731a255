"""Plain HTTPS requests through the test nginx, from a chosen loopback address (no browser)."""

from __future__ import annotations

import http.client
import re
import ssl
from dataclasses import dataclass, field
from urllib.parse import urlsplit

UNVERIFIED = ssl._create_unverified_context()  # the test's own self-signed certificate


@dataclass
class Reply:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str:
        return ", ".join(v for k, v in self.headers if k.lower() == name.lower())

    def cookies(self) -> dict[str, str]:
        found = {}
        for name, value in self.headers:
            if name.lower() == "set-cookie":
                match = re.match(r"\s*([^=;]+)=([^;]*)", value)
                if match:
                    found[match.group(1)] = match.group(2)
        return found


@dataclass
class Learner:
    """One learner's cookie jar, and the address their requests come from."""

    base: str  # https://localhost:PORT
    source: str = "127.0.0.1"
    jar: dict[str, str] = field(default_factory=dict)

    def get(self, path: str, method: str = "GET", headers: dict[str, str] | None = None,
            body: bytes | None = None) -> Reply:
        parts = urlsplit(self.base)
        conn = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=120,
                                           context=UNVERIFIED, source_address=(self.source, 0))
        try:
            sent = dict(headers or {})
            if self.jar:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.jar.items())
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            reply = Reply(response.status, response.getheaders(), response.read())
        finally:
            conn.close()
        self.jar.update(reply.cookies())
        return reply


def kernel_id(body: bytes) -> str:
    match = re.search(rb'"kernelId":\s*"([0-9a-f-]{36})"', body)
    return match.group(1).decode() if match else ""
