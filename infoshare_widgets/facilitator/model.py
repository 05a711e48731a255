"""The discussion timer's choices and wording, without widgets.

The timer runs in the browser (it needs no kernel round trip per second); Python gives it the
lengths on offer and every sentence already filled from ui.yaml.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..content.templates import fill

TIMER_MINUTES = (3, 5, 10)
# Seconds in a timer minute: 60, except where a test shortens the timer (INFOSHARE_ is the one
# prefix of our own that reaches the kernels, see app/serve.py).
MINUTE_ENV = "INFOSHARE_TIMER_MINUTE_SECONDS"


def minute_seconds(environ: dict[str, str] | None = None) -> float:
    """How many real seconds a timer minute lasts: 60 unless the setting says otherwise."""
    raw = (os.environ if environ is None else environ).get(MINUTE_ENV, "")
    try:
        value = float(raw)
    except ValueError:
        return 60.0
    return value if 0 < value <= 60 else 60.0


@dataclass(frozen=True)
class TimerChoice:
    """One length on offer: its button, and what is announced when it starts and ends."""

    minutes: int
    label: str
    running: str
    done: str

    def as_dict(self) -> dict[str, object]:
        return {"minutes": self.minutes, "label": self.label, "running": self.running,
                "done": self.done}


def timer_choices(minutes_label: str, running: str, done: str,
                  minutes: tuple[int, ...] = TIMER_MINUTES) -> list[TimerChoice]:
    """Each length with its wording filled (``{minutes}``)."""
    return [TimerChoice(m, fill(minutes_label, minutes=m), fill(running, minutes=m),
                        fill(done, minutes=m)) for m in minutes]
