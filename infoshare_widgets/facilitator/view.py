"""The discussion timer (anywidget): 3, 5 or 10 minutes, pause, a polite "time is up".

Drawing it also marks the page as a facilitator's (``body.is-facilitator``), which switches on
the large type for the back of a room (``timer.css``): the timer is on every facilitator page and
on no learner page, so the mode needs no change to the server's template.
"""

from __future__ import annotations

import ipywidgets as widgets
import traitlets

from ..content import Content
from ..ui.safe_build import guarded
from ..ui.styles import ModuleWidget, front_end
from .model import minute_seconds, timer_choices


class DiscussionTimer(ModuleWidget):
    """A countdown that runs in the browser; every trait is set by Python, none by the page."""

    _esm = front_end(__file__, "timer.js", "timer.css")

    heading = traitlets.Unicode("").tag(sync=True)
    heading_level = traitlets.Int(2).tag(sync=True)
    # [{minutes, label, running, done}]: the lengths on offer and their filled wording.
    choices = traitlets.List(traitlets.Dict()).tag(sync=True)
    minute_seconds = traitlets.Float(60.0).tag(sync=True)
    pause_label = traitlets.Unicode("").tag(sync=True)
    resume_label = traitlets.Unicode("").tag(sync=True)
    paused_text = traitlets.Unicode("").tag(sync=True)


def timer_widget(content: Content, heading_level: int = 2) -> widgets.Widget:
    """The timer with ui.yaml's wording, or an error card (never raises)."""

    def build() -> DiscussionTimer:
        def t(key: str) -> str:
            return content.text("facilitator", key)

        choices = timer_choices(t("timer_minutes"), t("timer_running"), t("timer_done"))
        return DiscussionTimer(heading=t("timer_heading"), heading_level=heading_level,
                               choices=[c.as_dict() for c in choices],
                               minute_seconds=minute_seconds(), pause_label=t("timer_pause"),
                               resume_label=t("timer_resume"), paused_text=t("timer_paused"))

    return guarded(content, "the discussion timer", build)
