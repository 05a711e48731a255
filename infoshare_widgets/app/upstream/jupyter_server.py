"""Jupyter Server's undocumented parts (written against jupyter_server 2.21)."""

from __future__ import annotations

from typing import Any

from jupyter_server.services.kernels.connection import base

from .changed import expect


def _decoder(name: str) -> Any:
    found = getattr(base, name, None)
    expect(callable(found), f"jupyter_server.services.kernels.connection.base no longer has "
           f"{name} (a websocket frame decoder)")
    return found


def decode_v1(frame: bytes) -> tuple[str, list[bytes]]:
    """A ``v1.kernel.websocket.jupyter.org`` frame: (channel, [header, parent header, metadata,
    content, buffers...]) as bytes.

    jupyter_server 2.x: ``services.kernels.connection.base.deserialize_msg_from_ws_v1``.
    """
    channel, parts = _decoder("deserialize_msg_from_ws_v1")(frame)
    return channel, parts


def decode_legacy(frame: bytes) -> dict[str, Any]:
    """A binary frame of the legacy (unnamed) protocol, as a message dict.

    jupyter_server 2.x: ``services.kernels.connection.base.deserialize_binary_message``.
    """
    message = _decoder("deserialize_binary_message")(frame)
    expect(isinstance(message, dict), "jupyter_server's deserialize_binary_message no longer "
           f"returns a message dict: found {type(message).__name__}")
    return message
