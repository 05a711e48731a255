"""The top of the Start page (anywidget): one way in, then the sections as a GOV.UK task list.

The kernel sends plain text (``pages/section_progress.course_path``): ``way_in`` is "Start the
course" on a first visit or "Continue" naming where the learner left off; ``sections`` each have a
link, a hint, a status in words ("Not started", "In progress", "Completed") and the score or how
far beside it. ``task_list.js`` draws them with ``textContent``: a list whose links are described
by their hint and status (``aria-describedby``), the status in words, never a colour or a tick
alone. The links are there from the start; the way in and the statuses once the browser has sent
its progress. The page sends nothing.
"""

from __future__ import annotations

import traitlets

from ..content import Content
from .styles import ModuleWidget, front_end

PATH_KEYS = ("loading", "not_kept", "start_course", "continue", "sections_label", "summary")


def path_words(content: Content) -> dict[str, str]:
    return {key: content.text("progress", key) for key in PATH_KEYS}


class TaskList(ModuleWidget):
    """The way in ("Start the course" or "Continue: <section>") and every section's status."""

    _esm = front_end(__file__, "task_list.js", "task_list.css")

    words = traitlets.Dict(help="ui.yaml's wording for the way in and the list").tag(sync=True)
    state = traitlets.Unicode(
        "loading", help='"loading" until the browser has sent its progress, then "ready", or '
        '"off" (this browser keeps nothing)').tag(sync=True)
    sections = traitlets.List(
        traitlets.Dict(), help="[{id, title, url, hint, status, status_text, detail, cases}]",
    ).tag(sync=True)
    way_in = traitlets.Dict(help="{kind: start | continue, url, title}; {} while loading").tag(
        sync=True)
