"""The lawful-basis selector: the six bases to explore, then the scenario exercise.

Explore: each basis shows its name, how often it fits safeguarding and the plain-English version;
the pack's own words and the guidance sit behind the shared accessible disclosure (a real
``<button aria-expanded>``; ipywidgets' Accordion cannot be opened from the keyboard). Then the
guidance on which bases fit, the update note (marked in words and by its border), and the ICO tool.

Exercise: each scenario is a question component (the quiz's) over the six bases, with a score line.
Text goes in escaped (names, titles, wording) or through ``to_html`` (authored Markdown).
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

import ipywidgets as widgets

from ..case_study.blocks import prose, source_html
from ..case_study.model import Reveal
from ..case_study.reveal import RevealWidget, RevealWording
from ..content import Content, models
from ..content.markdown import escape, to_html, to_inline_html
from ..error_card import error_card, error_cards_for, origin_path
from ..quiz.model import QuizWords
from ..quiz.question import LiveText, QuestionWidget
from ..wording import fill
from .model import BasisWords, ScenarioExercise, scenarios_for

log = logging.getLogger(__name__)

_UPDATE_STYLE = (
    "box-sizing:border-box;max-width:100%;margin:0.75rem 0;padding:0.5rem var(--is-space,1rem);"
    "border:1px solid var(--is-update,#7a4d00);border-left:6px solid var(--is-update,#7a4d00);"
    "border-radius:var(--is-radius,6px);background:var(--is-surface,#f4f6f8)"
)
_UPDATE_LABEL_STYLE = "margin:0 0 0.25rem 0;color:var(--is-update,#7a4d00);font-weight:bold"


def _h(level: int, text: str, css_class: str = "") -> str:
    """A heading of plain text (escaped), at a level between 2 and 6."""
    level = min(max(level, 2), 6)
    cls = f' class="{css_class}"' if css_class else ""
    return f"<h{level}{cls}>{escape(text)}</h{level}>"


def _labelled(label: str, markdown: str) -> str:
    """A bold label line, then the authored Markdown as HTML."""
    return f'<p class="is-lb-label"><strong>{escape(label)}</strong></p>{to_html(markdown)}'


def link_html(label: str, link: models.Link) -> str:
    """"More guidance: <title> (publisher). note" — a link only where the content gives a url."""
    title = escape(link.title)
    if link.url:
        title = f'<a href="{escape(link.url)}" rel="noopener noreferrer">{title}</a>'
    publisher = f" ({escape(link.publisher)})" if link.publisher else ""
    note = f" {to_inline_html(link.note)}" if link.note else ""
    return f'<p class="is-lb-tool"><strong>{escape(label)}</strong> {title}{publisher}.{note}</p>'


def update_note_html(content: Content, note: models.Note, level: int) -> str:
    """The update since the pack, marked in words (app.update_label) and by a coloured border."""
    label = escape(content.text("app", "update_label"))
    return (
        f'<div class="is-update" style="{_UPDATE_STYLE}">'
        f'<p class="is-update-label" style="{_UPDATE_LABEL_STYLE}">{label}</p>'
        f"{_h(level, note.title)}{to_html(note.body)}{source_html(content, note.source)}</div>"
    )


class LawfulBasesView(widgets.VBox):
    """The six bases to explore, with the guidance, the update note and the ICO tool."""

    def __init__(self, content: Content, bases: models.LawfulBasesFile,
                 heading_level: int = 2) -> None:
        words = BasisWords.from_content(content)
        sub = heading_level + 1
        children: list[widgets.Widget] = [
            prose(_h(heading_level, bases.title) + to_html(bases.intro), "is-lb-intro")
        ]
        self._reveals: dict[str, RevealWidget] = {}
        for basis in bases.bases:
            summary = prose(
                _h(sub, basis.name, "is-lb-name")
                + f'<p class="is-lb-how"><strong>{escape(words.how_often(basis))}</strong></p>'
                + _labelled(words.plain_english, basis.plain_english),
                "is-lb-basis-summary",
            )
            more = RevealWidget(
                Reveal((_labelled(words.pack_text, basis.pack_text),
                        _labelled(words.safeguarding, basis.guidance))),
                RevealWording(reveal=fill(words.show_basis, name=basis.name),
                              next=fill(words.show_basis, name=basis.name),
                              hide=fill(words.hide_basis, name=basis.name)),
                as_list=False,
            )
            self._reveals[basis.id] = more
            card = widgets.VBox(children=[summary, more])
            card.add_class("is-lb-basis")
            children.append(card)
        children += [
            prose(_h(sub, words.guidance_heading) + to_html(bases.guidance), "is-lb-guidance"),
            prose(update_note_html(content, bases.update_note, sub), "is-lb-update"),
            prose(link_html(words.tool_label, bases.tool) + source_html(content, bases.source),
                  "is-lb-tool"),
        ]
        super().__init__(children=children)
        self.add_class("is-lawful-bases")

    @property
    def value(self) -> dict[str, Any]:
        """Which bases the learner opened (for a progress record)."""
        return {"opened": [k for k, r in self._reveals.items() if r.reveal.expanded]}


class ScenarioExerciseView(widgets.VBox):
    """Each scenario as a single-choice question over the bases, then the score line."""

    def __init__(
        self,
        content: Content,
        bases: models.LawfulBasesFile,
        scenarios: models.ScenariosFile,
        audience: str | None = None,
        heading_level: int = 2,
    ) -> None:
        quiz_words = QuizWords.from_content(content)
        words = BasisWords.from_content(content)
        path = origin_path(content, scenarios)
        wanted = [(i, s) for i, s in enumerate(scenarios.scenarios)
                  if audience is None or s.audience == audience]
        cards: dict[str, widgets.Widget] = {}
        for i, s in wanted:
            mine = content.problems_in(path, under=("scenarios", i)) if path else []
            if mine:  # e.g. `fits` names a basis that does not exist: never answerable
                cards[s.id] = error_card(content, path, mine, heading_level=heading_level + 1)
        self._exercise = ScenarioExercise(
            bases.bases, [s for _, s in wanted if s.id not in cards], quiz_words, words)
        self._questions: dict[str, QuestionWidget] = {}
        items: list[widgets.Widget] = []
        for _, s in wanted:
            if s.id in cards:
                items.append(cards[s.id])
                continue
            question = QuestionWidget(
                check=partial(self._exercise.check, s.id),
                reset=partial(self._exercise.reset, s.id),
                words=quiz_words,
                heading=s.title,
                heading_level=heading_level + 1,
                intro_html=f'<p class="is-lb-audience"><em>{escape(words.audience(s.audience))}'
                f"</em></p>{to_html(s.situation)}",
                prompt_html=escape(words.pick_prompt),
                kind="single",
                options=[{"text": name} for name in self._exercise.options()],
            )
            question.observe(self._update_score, names="checks")
            self._questions[s.id] = question
            items.append(question)
        self._score = LiveText(text=self._exercise.score_text())
        header = prose(_h(heading_level, scenarios.title) + to_html(scenarios.intro),
                       "is-lb-scenarios-intro")
        footer = prose(source_html(content, scenarios.source), "is-lb-scenarios-source")
        super().__init__(children=[header, *items, self._score, footer])
        self.add_class("is-lb-scenarios")

    @property
    def value(self) -> dict[str, Any]:
        """``{"exercise", "questions": {id: {"result", "attempts"}}, "correct", "total"}``."""
        return self._exercise.state()

    @property
    def score_text(self) -> str:
        return self._score.text

    def _update_score(self, _change: Any = None) -> None:
        self._score.text = self._exercise.score_text()


def _file_cards(content: Content, kind: str, filename: str, level: int) -> list[widgets.Widget]:
    """Error cards for a broken or missing single file (``lawful_bases.yaml`` ...)."""
    cards: list[widgets.Widget] = list(error_cards_for(content, kind, heading_level=level))
    if cards:
        return cards
    path = content.root / filename
    return [error_card(content, path, content.problems_in(path), heading_level=level)]


def lawful_basis_explore_widget(content: Content, *, heading_level: int = 2) -> widgets.Widget:
    """The six bases to explore, or an error card (never raises)."""
    bases = content.lawful_bases
    try:
        if bases is None:
            return _one(_file_cards(content, "lawful_bases", "lawful_bases.yaml", heading_level))
        return LawfulBasesView(content, bases, heading_level)
    except Exception:
        log.exception("could not show the lawful bases")
        return error_card(content, origin_path(content, bases), [], heading_level=heading_level)


def lawful_basis_scenarios_widget(
    content: Content, *, audience: str | None = None, heading_level: int = 2
) -> widgets.Widget | None:
    """The scenario exercise, an error card, or None when there is nothing to show.

    Without the bases there is nothing to pick from; the explore part shows that file's card.
    """
    bases, scenarios = content.lawful_bases, content.scenarios
    try:
        if bases is None:
            return None
        if scenarios is None:
            return _one(_file_cards(content, "scenarios", "lawful_basis_scenarios.yaml",
                                    heading_level))
        if not scenarios_for(scenarios.scenarios, audience):
            return None
        return ScenarioExerciseView(content, bases, scenarios, audience, heading_level)
    except Exception:
        log.exception("could not show the lawful-basis scenarios")
        return error_card(content, origin_path(content, scenarios), [],
                          heading_level=heading_level)


def _one(cards: list[widgets.Widget]) -> widgets.Widget:
    return cards[0] if len(cards) == 1 else widgets.VBox(children=cards)


def lawful_basis_widget(
    content: Content, *, audience: str | None = None, heading_level: int = 2
) -> widgets.Widget:
    """The selector: explore the bases, then the scenarios. Never raises into the notebook."""
    try:
        children = [lawful_basis_explore_widget(content, heading_level=heading_level)]
        exercise = lawful_basis_scenarios_widget(content, audience=audience,
                                                 heading_level=heading_level)
        if exercise is not None:
            children.append(exercise)
        box = widgets.VBox(children=children)
        box.add_class("is-lawful-basis")
        return box
    except Exception:
        log.exception("could not show the lawful-basis selector")
        return error_card(content, None, [])
