"""The lawful-basis selector: the bases to explore (``explore.py``), then the scenario
exercise (``scenarios.py``). Each factory returns a widget or an error card and never raises.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..content import Content
from ..ui.error_card import file_cards, one_widget
from ..ui.safe_build import guarded
from .explore import LawfulBasesView
from .model import scenarios_for
from .scenarios import ScenarioExerciseView


def lawful_basis_explore_widget(content: Content, *, heading_level: int = 2) -> widgets.Widget:
    """The bases to explore, or an error card (never raises)."""

    def build() -> widgets.Widget:
        bases = content.lawful_bases
        if bases is None:
            return one_widget(file_cards(content, "lawful_bases", "lawful_bases.yaml",
                                         heading_level=heading_level))
        return guarded(content, "the lawful bases",
                       lambda: LawfulBasesView(content, bases, heading_level),
                       item=bases, heading_level=heading_level)

    return guarded(content, "the lawful bases", build, heading_level=heading_level)


def lawful_basis_scenarios_widget(
    content: Content, *, audience: str | None = None, heading_level: int = 2, scored: bool = True
) -> widgets.Widget | None:
    """The scenario exercise, an error card, or None when there is nothing to show.

    Without the bases there is nothing to pick from; the explore part shows that file's card.
    ``scored=False`` (facilitator mode): no score beside the scenarios.
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
                                                    heading_level, scored),
                       item=scenarios, heading_level=heading_level)

    return guarded(content, "the lawful-basis scenarios", build, heading_level=heading_level)


def lawful_basis_widget(
    content: Content, *, audience: str | None = None, heading_level: int = 2, scored: bool = True
) -> widgets.Widget:
    """The selector: explore the bases, then the scenarios (``scored``: a score beside each).
    Never raises into the notebook."""

    def build() -> widgets.Widget:
        children = [lawful_basis_explore_widget(content, heading_level=heading_level)]
        exercise = lawful_basis_scenarios_widget(content, audience=audience,
                                                 heading_level=heading_level, scored=scored)
        if exercise is not None:
            children.append(exercise)
        box = widgets.VBox(children=children)
        box.add_class("is-lawful-basis")
        return box

    return guarded(content, "the lawful-basis selector", build)
