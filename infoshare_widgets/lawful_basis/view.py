"""The lawful-basis selector: the bases to explore (``explore.py``, the page's own HTML), then
the scenario exercise (``scenarios.py``). Each factory returns its part or an error card and
never raises.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..content import Content
from ..ui.blocks import Parts
from ..ui.error_card import file_cards, one_widget
from ..ui.safe_build import guarded
from .explore import lawful_bases_view
from .model import scenarios_for
from .scenarios import ScenarioExerciseView


def lawful_basis_explore_widget(content: Content, *, heading_level: int = 2) -> Any:
    """The bases to explore (a ``StaticHTML``), or an error card (never raises)."""

    def build() -> Any:
        bases = content.lawful_bases
        if bases is None:
            return one_widget(file_cards(content, "lawful_bases", "lawful_bases.yaml",
                                         heading_level=heading_level))
        return guarded(content, "the lawful bases",
                       lambda: lawful_bases_view(content, bases, heading_level),
                       item=bases, heading_level=heading_level)

    return guarded(content, "the lawful bases", build, heading_level=heading_level)


def lawful_basis_scenarios_widget(
    content: Content, *, audience: str | None = None, heading_level: int = 2, scored: bool = True,
    text_apart: bool = False,
) -> widgets.Widget | None:
    """The scenario exercise, an error card, or None when there is nothing to show.

    Without the bases there is nothing to pick from; the explore part shows that file's card.
    ``scored=False`` (facilitator mode): no score beside the scenarios. ``text_apart``: its
    heading, introduction and source as the page's own HTML (``ScenarioExerciseView``).
    """

    def build() -> widgets.Widget | None:
        bases, scenarios = content.lawful_bases, content.scenarios
        if bases is None:
            return None
        if scenarios is None:
            return one_widget(file_cards(content, "scenarios", "lawful_basis_scenarios.yaml",
                                         heading_level=heading_level))
        if not scenarios_for(scenarios.scenarios, audience):
            return None
        return guarded(content, "the lawful-basis scenarios",
                       lambda: ScenarioExerciseView(content, bases, scenarios, audience,
                                                    heading_level, scored, text_apart),
                       item=scenarios, heading_level=heading_level)

    return guarded(content, "the lawful-basis scenarios", build, heading_level=heading_level)


def lawful_basis_widget(
    content: Content, *, audience: str | None = None, heading_level: int = 2, scored: bool = True
) -> Any:
    """The selector: the bases to explore, then the scenarios (``scored``: a score beside each),
    as one cell's ``Parts``: the bases and the exercise's heading and source are the page's own
    HTML, the scenarios' questions widgets. Never raises into the notebook."""

    def build() -> Parts:
        children = [lawful_basis_explore_widget(content, heading_level=heading_level)]
        exercise = lawful_basis_scenarios_widget(content, audience=audience,
                                                 heading_level=heading_level, scored=scored,
                                                 text_apart=True)
        if exercise is not None:
            children += Parts.around(exercise).children
        return Parts(children, "is-lawful-basis")

    return guarded(content, "the lawful-basis selector", build)
