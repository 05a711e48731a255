"""A section's page for one visit: its content, its mode, and a builder for each part.

Each method returns one cell's output and never raises: a failure becomes the friendly error card
(``ui.safe_build``) and a traceback in the server's log, and the rest of the page still works
(Voila stops running a notebook at the first cell that raises). Where one component feeds another
(the golden rules' check is a quiz), this module wires them: components never import each other.
Fixed text is the page's own HTML (``ui.blocks``: readable before any widget is drawn); widgets
only where something changes; nothing is ``display()``-ed into an ``Output`` (that stalls Voila).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial, wraps
from pathlib import Path
from typing import Any, TypeVar

import ipywidgets as widgets

from ..content import Content, models
from ..content.markdown import escape
from ..ui.blocks import Parts
from ..ui.error_card import error_card
from ..ui.safe_build import guarded
from .facilitation import Facilitation
from .furniture import LOCAL_CONTACTS_ON, local_contacts_html, reviewed_html, see_also_html
from .navigation import Navigation
from .page_html import block_html, same_title, split_topics, topic_html
from .progress_tracking import PageProgress, Tracker
from .section_progress import AUDIENCE_OF_SECTION
from .visit import DEFAULT_MODE

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


def _guarded(what: str) -> Callable[[F], F]:
    """A builder through ``ui.safe_build.guarded``: any exception becomes an error card."""

    def decorate(method: F) -> F:
        @wraps(method)
        def wrapper(self: Page, *args: Any, **kwargs: Any) -> Any:
            return guarded(self.content, f"{what} on the {self.section_id!r} page",
                           lambda: method(self, *args, **kwargs))

        return wrapper  # type: ignore[return-value]

    return decorate


@dataclass
class Page:
    """One section's page for one visit: its content, its mode, and a builder per part (what
    notebooks call; each guarded). Its collaborators, made on first use, hold their own ideas:
    ``navigation`` (neighbours, links, navigation bars, the map), ``learner_progress`` (answers
    kept in the learner's browser) and ``facilitation`` (notes, timer, session entry, guide)."""

    section_id: str
    content: Content
    mode: str = DEFAULT_MODE
    query: str = ""

    @cached_property
    def navigation(self) -> Navigation:
        return Navigation(self.content, self.section_id, self.mode)

    @cached_property
    def learner_progress(self) -> PageProgress:
        return PageProgress(self.content, self.section_id, self.link, kept=not self.facilitator)

    @cached_property
    def facilitation(self) -> Facilitation:
        return Facilitation(self.content, self.section, self.facilitator)

    @property
    def section(self) -> models.Section | None:
        return self.content.section(self.section_id)

    @property
    def facilitator(self) -> bool:
        return self.mode == "facilitator"

    def link(self, section: models.Section) -> str:
        """A section's address, keeping a non-default mode across pages."""
        return self.navigation.link(section)

    def text(self, key: str) -> str:
        return self.content.text("app", key)

    def error_card(self, path: Path | None = None, problems: list[Any] | None = None
                   ) -> widgets.Widget:
        """The friendly card for a part that could not be shown. Never raises."""
        return error_card(self.content, path, problems or [])

    def _broken_cards(self, kind: str) -> list[widgets.Widget]:
        """Error cards for files of a kind, meant for this section, that did not load."""
        return [self.error_card(b.path, b.problems)
                for b in self.content.broken_items(kind, section=self.section_id)]

    # --- furniture ----------------------------------------------------------------------------

    @_guarded("the page header")
    def header(self) -> Any:
        """Navigation and the page's h1; the template makes the cell the page's <header>."""
        section = self.section
        if section is None:
            path = self.content.root / "sections.yaml"
            log.error("no section %r in %s", self.section_id, path)
            return widgets.VBox([self.error_card(path, self.content.problems_in(path))])
        bar = self.navigation.bar_html("nav_label", "is-nav-top")
        title = block_html(f'<div class="is-page-header">{bar}'
                           f'<h1 class="is-page-title">{escape(section.title)}</h1></div>',
                           "is-header")
        extras = self.facilitation.header_extras()  # "On this page"; a facilitator's notes, timer
        return Parts([title, *extras], "is-header-part")

    @_guarded("the page footer")
    def footer(self) -> Any:
        """Contacts, navigation, review date, progress store: the template's <footer> cell."""
        local = (local_contacts_html(self.content, LOCAL_CONTACTS_ON[self.section_id])
                 if self.section_id in LOCAL_CONTACTS_ON else "")
        bar = self.navigation.bar_html("nav_label_end", "is-nav-bottom")
        return self.with_store(block_html(f'{local}<div class="is-page-footer">{bar}'
                                          f"{reviewed_html(self.content)}</div>", "is-footer"))

    def topic_html(self, topic: models.Topic) -> str:
        """One topic: its heading (none when it repeats the page's h1), text, links, source."""
        return topic_html(topic, self.text, self.facilitator,
                          self.content.text("facilitator", "notes_label"),
                          heading=not same_title(topic.title, self.section))

    @_guarded("the topics")
    def topics(self, through: str | None = None, after: str | None = None) -> Parts:
        """The section's topics, all of them or split at a named topic.

        A notebook places a component after a topic by naming it twice: ``topics(through="x")``,
        the component, ``topics(after="x")``. Every topic is on the page exactly once, whatever
        the ``order:`` values say; if ``x`` is not among the section's topics (renamed, or its
        file is broken), the first call shows them all and the second none, and the log says so.
        """
        mine = [t for t in self.content.topics_for(self.section_id)
                if not (self.facilitator and t.self_paced_only)]
        chosen = split_topics(mine, through, after)
        if chosen is None:
            log.warning("the %r page places a part after topic %r, which it does not have",
                        self.section_id, through or after)
            chosen = mine if through else []
        children: list[Any] = [
            guarded(self.content, f"topic {topic.id}", item=topic,
                    build=lambda topic=topic: block_html(self.topic_html(topic), "is-topic-box"))
            for topic in chosen
        ]
        if after is None:  # the first (or only) call on the page
            children += self._broken_cards("topics")
        return Parts(children, "is-topics")

    # --- progress and facilitation (the collaborators' parts) -------------------------------

    @property
    def tracker(self) -> Tracker | None:
        """This visit's progress; None in facilitator mode (nothing is read or written)."""
        return self.learner_progress.tracker

    def track(self, widget: Any) -> Any:
        """Keep the answers of the questions inside ``widget`` (no-op for a facilitator)."""
        return self.learner_progress.track(widget)

    def with_store(self, part: Any) -> Any:
        """``part`` and the page's progress store (none for a facilitator)."""
        return self.learner_progress.with_store(part)

    @_guarded("the progress")
    def progress(self) -> widgets.Widget:
        """The Start page's progress panel; nothing in facilitator mode."""
        return self.learner_progress.panel()

    @_guarded("the group-session entry")
    def group_session(self) -> widgets.Widget:
        """The Start page's "Run a group session" (a facilitator: the mode, guide, way back)."""
        return self.facilitation.session_entry()

    @_guarded("the facilitator guide")
    def facilitator_guide(self) -> widgets.Widget:
        """The facilitator guide, on a facilitator's page only."""
        return self.facilitation.guide()

    # --- components ---------------------------------------------------------------------------

    @_guarded("the lawful bases")
    def lawful_bases(self) -> widgets.Widget:
        from ..lawful_basis import lawful_basis_widget
        return self.track(lawful_basis_widget(self.content, scored=not self.facilitator))

    @_guarded("the golden rules")
    def golden_rules(self, audience: str | None = None) -> Parts:
        """The rules for the section's audience, with their check drawn by the quiz component."""
        from ..golden_rules import golden_rules_widget
        from ..quiz import quiz_widget
        audience = audience or AUDIENCE_OF_SECTION.get(self.section_id, "children")
        check = partial(quiz_widget, self.content, heading_level=3, group=self.facilitator)
        return self.track(Parts.around(golden_rules_widget(self.content, audience, check=check,
                                                           text_apart=True)))

    @_guarded("the quizzes")
    def quizzes(self) -> Parts:
        """Every quiz of this section (its title the page's own HTML), then a card for each
        broken quiz file meant for it."""
        from ..quiz import quiz_widget
        from .revisit import revisit_links
        revisit = partial(revisit_links, self.content, self.section_id)
        children = [part for quiz in self.content.quizzes_for(self.section_id)
                    for part in Parts.around(quiz_widget(self.content, quiz, revisit=revisit,
                                                         group=self.facilitator,
                                                         title_apart=True)).children]
        return self.track(Parts(children + self._broken_cards("quizzes"), "is-quizzes"))

    @_guarded("the case studies")
    def case_studies(self) -> Any:
        from ..case_study import case_studies_parts
        see_also = partial(see_also_html, self.content)
        cases = self.track(case_studies_parts(self.content, see_also, self.facilitator))
        if self.mode == "author":  # the builder writes YAML: imported for authors only
            from .builder import with_builder
            cases = with_builder(self.content, cases)
        return cases

    @_guarded("the lawful-basis helper")
    def basis_helper(self) -> widgets.Widget:
        from ..basis_helper import basis_helper_widget
        return widgets.VBox([basis_helper_widget(self.content)])  # a box, like every other part

    @_guarded("the decision record")
    def decision_record(self) -> widgets.Widget:
        """The helper and the record it fills in; for a facilitator, a walk-through (carry.py)."""
        from .carry import decision_record_part
        return decision_record_part(self.content, facilitator=self.facilitator)

    @_guarded("the map of sections")
    def section_map(self) -> Any:
        """The top of Start: a learner's way in and task list (``ui/task_list.py``); for a
        facilitator (nothing kept), every other section linked, with its one-line summary."""
        html = self.navigation.map_html()
        if not html:
            path = self.content.root / "sections.yaml"
            return self.error_card(path, self.content.problems_in(path))
        return self.learner_progress.task_list() or block_html(html, "is-map")
