"""The page's kernel websocket: its own visitor only, only what a learner can send, no tracebacks.

Voila's websocket handler, with four changes:

- incoming frames go through :func:`.browser_input.refusal`; a refused one is dropped and logged
  (without its content), never passed to the kernel;
- error and stream messages from the kernel (a widget callback that raised, a stray print) are
  logged on the server and never sent to the browser: they carry tracebacks with file paths; so
  is any other message that carries a traceback (an error reply, an Output widget's captured
  error: a full run once saw one reach the page after a malformed update);
- the handshake is refused to anyone but the kernel's visitor
  (:class:`.response_guard.VisitorBound`), and frames over ``websocket_max_message_size`` close
  the socket (tornado's own limit, set in the server's settings);
- frames beyond a rate (:class:`MessageRate`, a token bucket per socket: `rate` a second, up to
  `burst` at once) close that socket (issue 27: one socket's flood drove the server to 99.5 %
  CPU). A real page sent at most 14 in any second (19 in all) while its quizzes were answered as
  fast as a script clicks; the shipped 20 a second after a burst of 200 leaves it far below,
  and a flood is closed within seconds.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from typing import Any

from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from .browser_input import V1_PROTOCOL, Budget, parse, refusal

log = logging.getLogger(__name__)

KERNEL_TO_BROWSER_DROPPED = frozenset({"error", "stream"})
TRACEBACK_FIELD = re.compile(r'"(?:traceback|ename)"\s*:')  # a Jupyter error's own fields


def outgoing_type(message: Any, subprotocol: str | None = None) -> str | None:
    """The msg_type of a message on its way to the browser (any of the three encodings)."""
    try:
        if isinstance(message, bytes):
            incoming = parse(message, subprotocol)
            return incoming.msg_type if incoming else None
        if isinstance(message, str):
            header = json.loads(message).get("header")
        elif isinstance(message, dict):
            header = message.get("header")
        else:
            return None
        return str(header.get("msg_type")) if isinstance(header, dict) else None
    except Exception:
        return None


MESSAGE_RATE = (20.0, 200)  # a second, at once: the default of the `infoshare_message_rate` setting
CLOSED_FOR_FLOODING = 1008  # policy violation


class MessageRate:
    """A token bucket: `burst` frames at once, then `rate` a second."""

    def __init__(self, rate: float, burst: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.burst, self.clock = rate, burst, clock
        self._tokens, self._at = float(burst), clock()

    def take(self) -> bool:
        """Whether one more frame is within the rate (a rate of 0: no limit)."""
        if self.rate <= 0:
            return True
        now = self.clock()
        self._tokens = min(float(self.burst), self._tokens + (now - self._at) * self.rate)
        self._at = now
        if self._tokens < 1:
            return False
        self._tokens -= 1
        return True


class FilteredKernelSocket(VoilaKernelWebsocketHandler):
    """Voila's kernel websocket with the browser-input rules and no error output to the page."""

    _rate: MessageRate | None = None

    def _budget(self) -> Budget:
        manager = self.settings["kernel_manager"]
        return manager.browser_budget(self.kernel_id)

    def _within_rate(self) -> bool:
        if self._rate is None:
            self._rate = MessageRate(*self.settings.get("infoshare_message_rate", MESSAGE_RATE))
        return self._rate.take()

    def on_message(self, ws_message: Any) -> Any:
        if not self._within_rate():
            if self.ws_connection is not None:
                log.warning("Closed a page's kernel socket: over %g messages a second",
                            self._rate.rate if self._rate else 0)
                self.close(CLOSED_FOR_FLOODING, "too many messages")
            return None
        subprotocol = V1_PROTOCOL if self.selected_subprotocol == V1_PROTOCOL else None
        reason = refusal(parse(ws_message, subprotocol), self._budget())
        if reason is not None:
            log.warning("Refused a message from a page: %s", reason)
            return None
        return super().on_message(ws_message)

    def write_message(self, message: Any, binary: bool = False) -> Any:
        protocol = V1_PROTOCOL if self.selected_subprotocol == V1_PROTOCOL else None
        msg_type = outgoing_type(message, protocol)
        if msg_type in KERNEL_TO_BROWSER_DROPPED or carries_traceback(message, protocol):
            log.warning("A page's kernel sent %s output, kept from the page: %s", msg_type,
                        output_text(message, protocol))
            return None
        return super().write_message(message, binary)


def output_text(message: Any, subprotocol: str | None) -> str:
    """The text of a stream or error message, for the server's log (at most 2000 characters)."""
    try:
        if isinstance(message, bytes):
            incoming = parse(message, subprotocol)
            content = incoming.content if incoming else {}
        else:
            content = (json.loads(message) if isinstance(message, str) else message)["content"]
        text = content.get("text") or "\n".join(content.get("traceback") or []) or \
            f"{content.get('ename', '')}: {content.get('evalue', '')}"
    except Exception:
        text = "(unreadable)"
    return str(text)[-2000:]


def carries_traceback(message: Any, subprotocol: str | None = None) -> bool:
    """Whether a message on its way to the browser holds a Python error's fields, in any
    encoding (an unreadable one holds nothing a page could show)."""
    try:
        if isinstance(message, bytes):
            incoming = parse(message, subprotocol)
            text = json.dumps(incoming.content, default=str) if incoming else ""
        else:
            text = message if isinstance(message, str) else json.dumps(message, default=str)
    except Exception:
        return False
    return TRACEBACK_FIELD.search(text) is not None
