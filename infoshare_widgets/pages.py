"""Section page builders: what the notebooks call, one short line per cell.

``page = pages.open_page("children")`` waits for the visit (Voila runs the notebook in a
preheated kernel before anyone arrives), then reads the content folder and the page's ``?mode=``;
each method returns one widget for one cell. No method raises: a failure becomes the friendly
error card on the page and a traceback in the server's log, and the rest of the page still works
(Voila stops running a notebook at the first cell that raises).

Every widget is returned, never ``display()``-ed into an ``Output``: filling an Output while Voila
executes the notebook stalls its executor in a fifth to a half of page loads.
"""

from __future__ import annotations

import functools
import importlib
import io
import json
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlencode

import ipywidgets as widgets

from .app.page_info import notebook_url
from .content import Content, models
from .content.cache import current_content
from .content.markdown import escape, to_html, to_inline_html

log = logging.getLogger(__name__)

MODES = ("learner", "facilitator")
DEFAULT_MODE = "learner"
AUDIENCE_OF_SECTION = {"children": "children", "adults": "adults"}

# Imported before the visit, while the preheated kernel waits, so a visitor does not wait for them.
COMPONENT_MODULES = (
    "infoshare_widgets.error_card", "infoshare_widgets.quiz", "infoshare_widgets.lawful_basis",
    "infoshare_widgets.case_study", "infoshare_widgets.golden_rules",
    "infoshare_widgets.decision_record",
)

F = TypeVar("F", bound=Callable[..., Any])


# --- logging: tracebacks to the server's terminal, never onto the page ---------------------------


def configure_logging() -> None:
    """Send this package's log records to the server's terminal.

    In a kernel, ``sys.stderr`` is forwarded to the page as cell output, so a traceback logged
    there would reach the learner. ipykernel keeps a copy of the process's real stderr
    (``_original_stdstream_copy``); we write there, as ipykernel does for its own log. Outside a
    kernel (tests, scripts) logging is left alone.
    """
    fd = getattr(sys.stderr, "_original_stdstream_copy", None)
    package = logging.getLogger("infoshare_widgets")
    if fd is None or getattr(package, "_infoshare_configured", False):
        return
    stream = io.TextIOWrapper(io.FileIO(os.dup(fd), "w"), write_through=True)
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(
        "[infoshare %(asctime)s %(levelname)s %(name)s] %(message)s", "%H:%M:%S"))
    package.addHandler(handler)
    package.setLevel(logging.INFO)
    package.propagate = False
    package._infoshare_configured = True  # type: ignore[attr-defined]


# --- the visit -----------------------------------------------------------------------------------


def read_mode(query: str | None) -> str:
    """The page's mode from its query string (``?mode=facilitator``); learner unless valid."""
    values = parse_qs(query or "").get("mode", [])
    return values[0] if values and values[0] in MODES else DEFAULT_MODE


def wait_for_visit() -> str:
    """Block until a visitor asks for this page; their query string.

    In a preheated Voila kernel this waits for the request; anywhere else (JupyterLab, nbval,
    Voila without preheating) it returns at once. It is the exchange of Voila 0.5's
    ``voila.utils.get_query_string()``: the kernel opens a websocket to ``voila/query/<kernel
    id>`` and receives the request's details as environment variables. Done here because
    importing ``voila.utils`` in a kernel imports the whole Jupyter server: about 1.5 s of CPU
    in every preheated kernel, which slows the refilling of the pools.
    """
    env = os.environ
    if env.get("VOILA_PREHEAT", "False") != "True":
        return env.get("QUERY_STRING", "")
    base = env.get("VOILA_WS_BASE_URL", env.get("VOILA_SERVER_URL", "/"))
    url = (f"{env.get('VOILA_WS_PROTOCOL', 'ws')}://{env.get('VOILA_APP_IP', '127.0.0.1')}:"
           f"{env.get('VOILA_APP_PORT', '8866')}{base}voila/query/{env.get('VOILA_KERNEL_ID')}")
    try:
        from websockets.sync.client import connect

        with connect(url, open_timeout=10, close_timeout=1) as socket:
            info = json.loads(socket.recv())
        for key, value in info.items():
            os.environ[str(key)] = str(value)
    except Exception:
        log.exception("could not receive the visit's details; showing the learner's page")
    return env.get("QUERY_STRING", "")


def preload() -> None:
    """Import the components, so the preheated kernel has done it before the visit."""
    for name in COMPONENT_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # a missing component shows its error card when its cell runs
            log.warning("could not import %s", name, exc_info=True)


def open_page(section_id: str, content_dir: Path | str | None = None) -> Page:
    """The page of a section, built for this visit. Never raises.

    Waits for the visit first (:func:`wait_for_visit`), then reads the content and
    the mode, so a preheated kernel shows content changed since it started and the visitor's mode.
    """
    configure_logging()
    try:
        current_content(content_dir)  # warm the cache while waiting
    except Exception:
        log.exception("could not read the content folder before the visit")
    preload()
    query = wait_for_visit()
    try:
        content = current_content(content_dir)
    except Exception:
        log.exception("could not read the content folder")
        root = Path(content_dir) if content_dir else Path(".")
        content = Content(root=root)
    if content.problems:
        log.warning("content in %s has %d problem(s); run `infoshare validate`",
                    content.root, len(content.problems))
    return Page(section_id=section_id, content=content, mode=read_mode(query), query=query)


# --- the page ------------------------------------------------------------------------------------


def _guarded(what: str) -> Callable[[F], F]:
    """Turn any exception in a builder into an error card, and log it on the server."""

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def wrapper(self: Page, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except Exception:
                log.exception("could not show %s on the %r page", what, self.section_id)
                return self.error_card()

        return wrapper  # type: ignore[return-value]

    return decorate


def _html(inner: str, css_class: str) -> widgets.HTML:
    """An HTML widget around HTML that is already safe (escaped or from `to_html`)."""
    box = widgets.HTML(f'<div class="{css_class}">{inner}</div>')
    box.add_class(f"{css_class}-widget")
    box.add_class("is-block")
    return box


@dataclass
class Page:
    """One section's page for one visit: its content, its mode, and a builder per part."""

    section_id: str
    content: Content
    mode: str = DEFAULT_MODE
    query: str = ""

    # --- where we are -------------------------------------------------------------------------

    @property
    def section(self) -> models.Section | None:
        return self.content.section(self.section_id)

    @property
    def facilitator(self) -> bool:
        return self.mode == "facilitator"

    def neighbours(self) -> tuple[models.Section | None, models.Section | None]:
        """The previous and next sections in the order of sections.yaml."""
        order = [s.id for s in self.content.sections]
        if self.section_id not in order:
            return None, None
        i = order.index(self.section_id)
        before = self.content.sections[i - 1] if i > 0 else None
        after = self.content.sections[i + 1] if i + 1 < len(order) else None
        return before, after

    def link(self, section: models.Section) -> str:
        """A section's address, keeping a non-default mode across pages."""
        url = notebook_url(section.notebook)
        if self.mode != DEFAULT_MODE:
            url += "?" + urlencode({"mode": self.mode})
        return url

    def text(self, key: str) -> str:
        return self.content.text("app", key)

    def error_card(self, path: Path | None = None, problems: list[Any] | None = None
                   ) -> widgets.Widget:
        """The friendly card for a part that could not be shown. Never raises."""
        try:
            from .error_card import error_card

            return error_card(self.content, path, problems or [])
        except Exception:
            log.exception("could not build an error card")
            return widgets.HTML(f'<div class="is-error-card" role="region" aria-label='
                                f'"{escape(self.text("error_title"))}"><p>'
                                f'{escape(self.text("error_title"))}</p></div>')

    # --- furniture ----------------------------------------------------------------------------

    def _nav(self, label_key: str, css_class: str) -> str:
        before, after = self.neighbours()
        sections = self.content.sections
        items = []
        if sections:
            home = sections[0]
            current = ' aria-current="page"' if home.id == self.section_id else ""
            items.append(f'<li><a class="is-nav-home" href="{escape(self.link(home))}"{current}>'
                         f'{escape(self.text("home"))}</a></li>')
        for rel, target, key in (("prev", before, "previous"), ("next", after, "next")):
            if target is None:
                continue
            items.append(
                f'<li><a class="is-nav-{rel}" rel="{rel}" href="{escape(self.link(target))}">'
                f'<span class="is-nav-dir">{escape(self.text(key))}</span>'
                f'<span class="is-visually-hidden">: </span>'
                f'<span class="is-nav-title">{escape(target.title)}</span></a></li>')
        return (f'<nav class="is-nav {css_class}" aria-label="{escape(self.text(label_key))}">'
                f'<ul>{"".join(items)}</ul></nav>')

    @_guarded("the page header")
    def header(self) -> widgets.Widget:
        """Navigation (Home, Previous, Next) and the section's title as the page's heading."""
        section = self.section
        if section is None:
            path = self.content.root / "sections.yaml"
            log.error("no section %r in %s", self.section_id, path)
            return widgets.VBox([self.error_card(path, self.content.problems_in(path))])
        return _html(f'<header class="is-page-header">{self._nav("nav_label", "is-nav-top")}'
                     f'<h1 class="is-page-title">{escape(section.title)}</h1></header>',
                     "is-header")

    @_guarded("the page footer")
    def footer(self) -> widgets.Widget:
        """The navigation again, so a learner at the end of the page can go on."""
        return _html(f'<footer class="is-page-footer">'
                     f'{self._nav("nav_label_end", "is-nav-bottom")}</footer>', "is-footer")

    # --- reading text -------------------------------------------------------------------------

    def topic_html(self, topic: models.Topic) -> str:
        """One topic as a section with its heading, text, list, links and source."""
        anchor = f"is-topic-{topic.id}"
        parts = [f'<h2 id="{anchor}">{escape(topic.title)}</h2>']
        if topic.style == "update":
            parts.append(f'<p class="is-update-label"><strong>{escape(self.text("update_label"))}'
                         f'</strong></p>')
        body = to_html(topic.body)
        if topic.style == "quote" and body:
            body = f"<blockquote>{body}</blockquote>"
        parts.append(body)
        if topic.items:
            tag = "ol" if topic.numbered else "ul"
            items = "".join(f"<li>{to_inline_html(item)}</li>" for item in topic.items)
            parts.append(f'<{tag} class="is-topic-items">{items}</{tag}>')
        if topic.links:
            parts.append(self.links_html(topic.links))
        parts.append(to_html(topic.after))
        parts.append(f'<p class="is-source">{escape(self.text("source_label"))} '
                     f'{escape(topic.source)}</p>')
        if self.facilitator and topic.facilitator_notes:
            parts.append(f'<aside class="is-facilitator-notes">'
                         f'{to_html(topic.facilitator_notes)}</aside>')
        return (f'<section class="is-topic is-topic-{topic.style}" aria-labelledby="{anchor}">'
                f'{"".join(parts)}</section>')

    def links_html(self, links: list[models.Link]) -> str:
        """Publications: a link where the pack gives an address, the title alone where not."""
        new_tab = escape(self.text("new_tab"))
        items = []
        for link in links:
            title = escape(link.title)
            if link.url:
                title = (f'<a href="{escape(link.url)}" target="_blank" '
                         f'rel="noopener noreferrer">{title}'
                         f'<span class="is-visually-hidden"> {new_tab}</span></a>')
            extra = f" ({escape(link.publisher)})" if link.publisher else ""
            note = f" {to_inline_html(link.note)}" if link.note else ""
            items.append(f"<li>{title}{extra}{note}</li>")
        return f'<ul class="is-links">{"".join(items)}</ul>'

    @_guarded("the topics")
    def topics(self, until: int | None = None, since: int | None = None) -> widgets.Widget:
        """The section's topics whose order is ``since <= order < until`` (both optional).

        A notebook places a component between topics with two calls, e.g. ``topics(until=30)``,
        the component, ``topics(since=30)``: every topic is on the page exactly once.
        """
        chosen = [t for t in self.content.topics_for(self.section_id)
                  if (until is None or t.order < until) and (since is None or t.order >= since)]
        children: list[widgets.Widget] = []
        for topic in chosen:
            try:
                children.append(_html(self.topic_html(topic), "is-topic-box"))
            except Exception:
                path, _ = self.content.origin(topic)
                log.exception("could not show topic %s", topic.id)
                children.append(self.error_card(path, []))
        if since is None:  # the first (or only) call on the page
            children += self._broken_topic_cards()
        box = widgets.VBox(children=children)
        box.add_class("is-topics")
        return box

    def _broken_topic_cards(self) -> list[widgets.Widget]:
        """Error cards for topic files of this section that did not load."""
        return [self.error_card(b.path, b.problems)
                for b in self.content.broken_items("topics", section=self.section_id)]

    # --- components ---------------------------------------------------------------------------

    @_guarded("the lawful bases")
    def lawful_bases(self) -> widgets.Widget:
        from .lawful_basis import lawful_basis_widget

        return lawful_basis_widget(self.content)

    @_guarded("the golden rules")
    def golden_rules(self, audience: str | None = None) -> widgets.Widget:
        from .golden_rules import golden_rules_widget

        audience = audience or AUDIENCE_OF_SECTION.get(self.section_id, "children")
        return golden_rules_widget(self.content, audience)

    @_guarded("the quizzes")
    def quizzes(self) -> widgets.Widget:
        """Every quiz of this section, then a card for each broken quiz file meant for it."""
        from .quiz import quiz_widget

        children = [quiz_widget(self.content, quiz) for quiz in
                    self.content.quizzes_for(self.section_id)]
        for broken in self.content.broken_items("quizzes", section=self.section_id):
            children.append(self.error_card(broken.path, broken.problems))
        box = widgets.VBox(children=children)
        box.add_class("is-quizzes")
        return box

    @_guarded("the case studies")
    def case_studies(self) -> widgets.Widget:
        from .case_study import case_studies_page

        return case_studies_page(self.content, step_mode=self.facilitator)

    @_guarded("the decision record")
    def decision_record(self) -> widgets.Widget:
        from .decision_record import decision_record_widget

        return decision_record_widget(self.content)

    @_guarded("the map of sections")
    def section_map(self) -> widgets.Widget:
        """The Start page's map: every other section, linked, with its one-line summary."""
        items = "".join(
            f'<li><a href="{escape(self.link(s))}">{escape(s.title)}</a>'
            f'<p class="is-map-summary">{escape(s.summary)}</p></li>'
            for s in self.content.sections if s.id != self.section_id)
        if not items:
            path = self.content.root / "sections.yaml"
            return self.error_card(path, self.content.problems_in(path))
        return _html(f'<nav class="is-section-map" aria-labelledby="is-map-heading">'
                     f'<h2 id="is-map-heading">{escape(self.text("map_heading"))}</h2>'
                     f"<ol>{items}</ol></nav>", "is-map")

