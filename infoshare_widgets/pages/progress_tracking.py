"""A page's progress: put stored answers back, store new ones, and the Start page's summary.

The store (``ui.progress.ProgressStore``) lives in the learner's browser; here the page ties it to
the widgets it built. In facilitator mode there is no tracker: nothing is read or written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

import ipywidgets as widgets

from ..content import Content
from ..ui.blocks import Parts
from ..ui.progress_format import Answer, Progress
from ..ui.progress_store import ProgressStore
from ..ui.question import QuestionWidget
from ..ui.reveal_widget import RevealWidget
from .section_progress import content_id, course_path

log = logging.getLogger(__name__)


def walk(widget: Any) -> Iterator[Any]:
    """The widget and every widget inside it."""
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from walk(child)


class Tracker:
    """One page's link between its questions and reveals and the browser's stored progress."""

    def __init__(self, content: Content, section_id: str) -> None:
        self.section_id = section_id
        self.store = ProgressStore(content_id=content_id(content),
                                   off_text=content.text("progress", "not_kept"))
        self.questions: dict[str, list[QuestionWidget]] = {}
        self.reveals: dict[str, list[RevealWidget]] = {}
        self._restoring = False
        self._visited = False
        self.store.on_load(self._apply)

    def track(self, widget: Any) -> Any:
        """Register every keyed question and reveal inside ``widget``; returns ``widget``."""
        for w in walk(widget):
            key = getattr(w, "progress_key", "")
            if isinstance(w, QuestionWidget) and key:
                self.questions.setdefault(key, []).append(w)
                # "checks" too: a second answer with the same status (unsafe, then acceptable)
                w.observe(lambda change, key=key: self._on_status(key, change),
                          names=["status", "checks"])
                self._restore_question(key, w)
            elif isinstance(w, RevealWidget) and key:
                self.reveals.setdefault(key, []).append(w)
                w.observe(lambda change, key=key: self._on_reveal(key, change["owner"]),
                          names="items")
                self._restore_reveal(key, w)
        return widget

    def _on_status(self, key: str, change: Any) -> None:
        widget: QuestionWidget = change["owner"]
        if self._restoring:
            return
        if widget.status in ("correct", "incorrect"):
            if change["name"] == "checks":  # set last, once per check
                self.store.save_answer(key, Answer(tuple(widget.chosen), widget.result))
        elif change["name"] == "status" and widget.status in ("", "empty"):
            self.store.save_answer(key, None)  # "Try again": the page comes back as left

    def _on_reveal(self, key: str, widget: RevealWidget) -> None:
        if not self._restoring and widget.reveal.all_shown and \
                key not in self.store.progress.revealed:
            self.store.save_reveal(key)

    def _restore_question(self, key: str, widget: QuestionWidget) -> None:
        if not self.store.loaded:
            return
        answer = self.store.progress.answers.get(key)
        self._restoring = True
        try:
            if answer is not None and (tuple(widget.chosen), widget.result) != \
                    (answer.chosen, answer.result):
                widget.check(answer.chosen, quiet=True)
            elif answer is None and widget.status in ("correct", "incorrect") and \
                    self.store.progress_seen:
                widget.try_again(quiet=True)  # cleared, here or in another tab
        finally:
            self._restoring = False
        if answer is not None and widget.result != answer.result:
            # e.g. "incorrect", stored before the question was graded, is now "unsafe"
            self.store.save_answer(key, Answer(tuple(widget.chosen), widget.result))

    def _restore_reveal(self, key: str, widget: RevealWidget) -> None:
        if self.store.loaded and key in self.store.progress.revealed:
            self._restoring = True
            try:
                widget.restore()
            finally:
                self._restoring = False

    def _apply(self, _store: ProgressStore) -> None:
        for key, ws in self.questions.items():
            for w in ws:
                self._restore_question(key, w)
        for key, rs in self.reveals.items():
            for r in rs:
                self._restore_reveal(key, r)
        if not self._visited and self.store.available:
            self._visited = True
            self.store.visit(self.section_id)


def progress_panel(content: Content, tracker: Tracker, link: Callable[[Any], str]
                   ) -> widgets.Widget:
    """The Start page's "Clear my answers" and completion record."""
    from ..ui.progress_panel import ProgressPanel, panel_words

    panel = ProgressPanel(words=panel_words(content), record_info=record_info(content))

    def update(store: ProgressStore) -> None:
        sections, _ = course_path(content, store.progress, link)
        with panel.hold_sync():
            panel.sections = sections
            panel.state = "ready" if store.available else "off"

    tracker.store.on_load(update)
    panel.on_clear(tracker.store.clear)
    return panel


def task_list(content: Content, tracker: Tracker, link: Callable[[Any], str]) -> widgets.Widget:
    """The top of Start: "Start the course" or "Continue", then every section's status. The
    links are drawn at once (nothing kept yet); the rest once the browser has sent its progress."""
    from ..ui.task_list import TaskList, path_words

    sections, _ = course_path(content, Progress(), link)
    path = TaskList(words=path_words(content), sections=sections)

    def update(store: ProgressStore) -> None:
        sections, way = course_path(content, store.progress, link)
        with path.hold_sync():
            path.sections = sections
            path.way_in = way
            path.state = "ready" if store.available else "off"

    tracker.store.on_load(update)
    return path


def record_info(content: Content) -> dict[str, str]:
    """The content's version and review date for the record (about.yaml when there is one)."""
    about = getattr(content, "about", None)
    version = str(getattr(about, "version", "") or content_id(content))
    reviewed = getattr(about, "reviewed", None)
    return {"version": version,
            "reviewed": reviewed.isoformat() if reviewed else content.text("progress",
                                                                           "not_stated"),
            "title": content.text("app", "app_title")}


class PageProgress:
    """One page's progress: its tracker (made on first use), and the widgets that show it.

    ``kept`` is False in facilitator mode: then there is no tracker, nothing is read or written,
    and ``track``/``with_store`` hand their widget back unchanged. ``link`` gives a section's
    address (the page keeps its mode in it).
    """

    def __init__(self, content: Content, section_id: str, link: Callable[[Any], str],
                 kept: bool = True) -> None:
        self.content = content
        self.section_id = section_id
        self.link = link
        self.kept = kept
        self._tracker: Tracker | None = None

    @property
    def tracker(self) -> Tracker | None:
        """This visit's tracker; None when progress is not kept."""
        if self._tracker is None and self.kept:
            self._tracker = Tracker(self.content, self.section_id)
        return self._tracker

    def track(self, widget: Any) -> Any:
        """Keep the answers of the questions inside ``widget``; returns ``widget``."""
        tracker = self.tracker
        return tracker.track(widget) if tracker is not None else widget

    def with_store(self, part: Any) -> Any:
        """``part`` and the page's store (whose view reads and writes the browser's storage)."""
        tracker = self.tracker
        return Parts([part, tracker.store], "is-with-store") if tracker is not None else part

    def panel(self) -> widgets.Widget:
        """The Start page's "Clear my answers" and completion record in a box; an empty box
        when progress is not kept."""
        tracker = self.tracker
        if tracker is None:
            return widgets.VBox()
        tracker.store.off_text = ""  # the task list at the top says it instead
        box = widgets.VBox([progress_panel(self.content, tracker, self.link)])
        box.add_class("is-progress-part")
        return box

    def task_list(self) -> widgets.Widget | None:
        """The top of Start: the way in and the task list; None when progress is not kept."""
        tracker = self.tracker
        if tracker is None:
            return None
        tracker.store.off_text = ""  # the task list says it instead
        box = widgets.VBox([task_list(self.content, tracker, self.link)])  # a box, as every part
        box.add_class("is-path-part")
        return box
