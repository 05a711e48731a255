"""Kernel ids in the server's log at debug level only.

A kernel id opens nothing by itself any more (each kernel is bound to its visitor), but it is
still the key to one learner's page; the log is read by more people than the app. Jupyter Server,
Voila and tornado's access log write ids at INFO and WARNING ("Kernel started: <id>", "GET
/api/kernels/<id>/channels"). This filter, on the server's log handlers, rewrites every record
above DEBUG with each id replaced by ``<kernel>``; at DEBUG the ids stay, for whoever asks.
"""

from __future__ import annotations

import logging
import re

KERNEL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
HIDDEN = "<kernel>"


class HideKernelIds(logging.Filter):
    """Replace kernel ids in records above DEBUG (message and arguments, once formatted)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno <= logging.DEBUG:
            return True
        try:
            message = record.getMessage()
        except Exception:
            return True
        if KERNEL_ID.search(message):
            record.msg = KERNEL_ID.sub(HIDDEN, message)
            record.args = None
        return True


def hide_kernel_ids(*loggers: logging.Logger) -> None:
    """Add the filter to every handler of these loggers and of the root logger (once each)."""
    seen: set[int] = set()
    for logger in (*loggers, logging.getLogger()):
        for handler in logger.handlers:
            if id(handler) in seen:
                continue
            seen.add(id(handler))
            if not any(isinstance(f, HideKernelIds) for f in handler.filters):
                handler.addFilter(HideKernelIds())
