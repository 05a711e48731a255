"""The address learners open, and its QR code, made here (segno), never by an outside service."""

from __future__ import annotations

import segno
from tornado import web


def learner_address(handler: web.RequestHandler) -> str:
    """``<scheme>://<host><base>room``: the Host header was checked against the allowlist."""
    request = handler.request
    base = handler.settings.get("base_url", "/")
    return f"{request.protocol}://{request.host}{base}room"


def qr_data_uri(address: str, code: str) -> str:
    """An SVG QR code of the address with the code after ``#`` (never sent to the server), so a
    phone that scans it has the code filled in."""
    qr = segno.make(f"{address}#{code}", error="m")
    return qr.svg_data_uri(scale=8, border=4, dark="#000", light="#fff")
