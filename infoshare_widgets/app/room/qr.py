"""The address learners open, and its QR code, made here (segno), never by an outside service."""

from __future__ import annotations

import segno
from tornado import web

from ..proxy import request_is_https


def learner_address(handler: web.RequestHandler) -> str:
    """``<scheme>://<host><base>room``: the Host header was checked against the allowlist; the
    scheme is https when a trusted proxy in front says the learner came over TLS."""
    request = handler.request
    base = handler.settings.get("base_url", "/")
    scheme = "https" if request_is_https(handler) else request.protocol
    return f"{scheme}://{request.host}{base}room"


def qr_data_uri(address: str, code: str) -> str:
    """An SVG QR code of the address with the code after ``#`` (never sent to the server), so a
    phone that scans it has the code filled in."""
    qr = segno.make(f"{address}#{code}", error="m")
    return qr.svg_data_uri(scale=8, border=4, dark="#000", light="#fff")
