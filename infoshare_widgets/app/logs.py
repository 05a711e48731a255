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


TORNADO_LOGGERS = ("tornado.access", "tornado.application", "tornado.general")


def _add(target: logging.Filterer) -> None:
    if not any(isinstance(f, HideKernelIds) for f in target.filters):
        target.addFilter(HideKernelIds())


def hide_kernel_ids(*loggers: logging.Logger) -> None:
    """Add the filter to these loggers, tornado's, every handler they and the root logger have,
    and Python's last-resort handler (tornado's access lines reach it when no handler is set)."""
    all_loggers = (*loggers, *map(logging.getLogger, TORNADO_LOGGERS), logging.getLogger())
    for logger in all_loggers:
        _add(logger)  # records logged on this logger itself
        for handler in logger.handlers:
            _add(handler)  # records that propagate to it
    if logging.lastResort is not None:
        _add(logging.lastResort)
