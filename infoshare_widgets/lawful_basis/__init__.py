"""The lawful-basis selector: the six bases under UK GDPR in plain English, and scenarios."""

from .model import BasisWords, ScenarioExercise, scenarios_for
from .view import (
    LawfulBasesView,
    ScenarioExerciseView,
    lawful_basis_explore_widget,
    lawful_basis_scenarios_widget,
    lawful_basis_widget,
)

__all__ = [
    "BasisWords", "LawfulBasesView", "ScenarioExercise", "ScenarioExerciseView",
    "lawful_basis_explore_widget", "lawful_basis_scenarios_widget", "lawful_basis_widget",
    "scenarios_for",
]
