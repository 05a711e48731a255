"""Facilitator mode's own pieces: the discussion timer (which also sets the large type) and the
Start page's group-session entry. Notes, step-by-step case studies and group questions live in
their components, switched on by ``pages`` in facilitator mode.

``import infoshare_widgets.facilitator.model`` imports no widgets.
"""

from ..ui.exports import lazy_exports
from .model import TimerChoice, minute_seconds, timer_choices

_VIEW = {name: ".view" for name in ("DiscussionTimer", "timer_widget")}
__all__ = ["TimerChoice", "minute_seconds", "timer_choices", *_VIEW]
__getattr__ = lazy_exports(__name__, _VIEW)
