"""What a page may send its kernel: only what a learner can do, nothing else.

The kernel websocket carries Jupyter messages. Voila already drops every request that would run
code (`execute_request` and the rest). This module narrows the comm messages, which ipywidgets
otherwise trusts completely: a state update from the browser may set any synced trait (the probe
set the question's ``prompt_html`` to an ``<img onerror>``), and a ``comm_open`` may create any
registered widget (twelve 8 MB text widgets grew a kernel by 136 MB).

- A state update may set only the traits in :data:`BROWSER_SETTABLE`.
- Widget messages other than updates, state requests and custom messages (button presses, the
  question's "check") are refused.
- ``comm_open`` is allowed for the widget manager's control channel and, up to a cap, widgets.

:func:`refusal` reads one incoming websocket frame and says why it is refused (``None``: pass it
on). It is pure, so every rule is unit-tested without a server.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .upstream import UpstreamChanged
from .upstream.jupyter_server import decode_legacy, decode_v1

V1_PROTOCOL = "v1.kernel.websocket.jupyter.org"

# Every synced trait the browser may set, with the front end that sets it.
BROWSER_SETTABLE = frozenset({
    "chosen",   # ui/question.js: the options ticked now
    "answers",  # basis_helper/helper.js: the helper's options ticked now (choices, never text)
    # Typed text is not here: the case-study note and the decision record keep it in the page.
})
WIDGET_METHODS = frozenset({"update", "request_state", "request_states", "custom"})
CONTROL_TARGET = "jupyter.widget.control"
WIDGET_TARGET = "jupyter.widget"


@dataclass
class Incoming:
    """The parts of one incoming frame the rules look at."""

    msg_type: str
    content: dict[str, Any]


MAX_PARTS = 64  # a frame's declared number of parts (real messages have 5 to a few more)


def plausible(frame: str | bytes, subprotocol: str | None) -> bool:
    """Whether a binary frame's declared part count fits the frame.

    Jupyter Server's deserialisers trust the count at the start of a frame: a few bytes that
    declare billions of parts keep the server's one event loop busy building the list. Such a
    frame is refused before anything reads it.
    """
    if isinstance(frame, str):
        return subprotocol != V1_PROTOCOL
    if subprotocol == V1_PROTOCOL:
        count, width = int.from_bytes(frame[:8], "little"), 8
    else:
        count, width = int.from_bytes(frame[:4], "big", signed=True), 4
    return 1 <= count <= MAX_PARTS and width * (count + 1) <= len(frame)


def parse(frame: str | bytes, subprotocol: str | None) -> Incoming | None:
    """The message type and content of a frame; None when it cannot be read."""
    if not plausible(frame, subprotocol):
        return None
    try:
        if subprotocol == V1_PROTOCOL:
            _, parts = decode_v1(frame)  # type: ignore[arg-type]
            header, content = json.loads(parts[0]), json.loads(parts[3])
        else:
            msg = decode_legacy(frame) if isinstance(frame, bytes) \
                else json.loads(frame)
            header, content = msg.get("header") or {}, msg.get("content") or {}
    except UpstreamChanged:
        raise  # not the page's fault: say so in the log, loudly
    except Exception:
        return None
    if not isinstance(header, dict) or not isinstance(content, dict):
        return None
    return Incoming(str(header.get("msg_type", "")), content)


@dataclass
class Budget:
    """How many widgets the browser has created in one kernel."""

    max_widgets: int
    widgets: int = 0


def refusal(message: Incoming | None, budget: Budget) -> str | None:
    """Why this message is refused, or None to pass it on to the kernel."""
    if message is None:
        return "unreadable message"
    if message.msg_type == "comm_open":
        return _open_refusal(message, budget)
    if message.msg_type == "comm_msg":
        return _widget_message_refusal(message)
    return None  # everything else was already filtered by Voila's allowed_message_types


def _open_refusal(message: Incoming, budget: Budget) -> str | None:
    """A new comm: the control comm, or a widget while the browser's widget budget lasts."""
    target = message.content.get("target_name")
    if target == CONTROL_TARGET:
        return None
    if target != WIDGET_TARGET:
        return f"comm_open for {str(target)[:40]!r}"
    if budget.widgets >= budget.max_widgets:
        return "too many widgets created from the browser"
    budget.widgets += 1
    return None


def _widget_message_refusal(message: Incoming) -> str | None:
    """A message to a widget: a known method; an update sets only traits the browser may set."""
    data = message.content.get("data")
    if not isinstance(data, dict) or data.get("method") not in WIDGET_METHODS:
        return "unknown widget message"
    if data["method"] != "update":
        return None
    state = data.get("state")
    if not isinstance(state, dict) or data.get("buffer_paths"):
        return "malformed state update"
    refused = sorted(set(state) - BROWSER_SETTABLE)
    if refused:
        return "state update of " + ", ".join(name[:40] for name in refused[:5])
    return None
