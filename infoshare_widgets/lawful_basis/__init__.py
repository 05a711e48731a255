"""The lawful-basis selector: the bases (six in the pack, seven now) in plain words, and scenarios.

``import infoshare_widgets.lawful_basis.model`` imports no widgets: the views are imported on
first use of one of their names.
"""

from ..ui.exports import lazy_exports
from .model import BasisWords, ScenarioExercise, scenarios_for

_VIEWS = {
    "lawful_bases_view": ".explore", "lawful_bases_html": ".explore",
    "ScenarioExerciseView": ".scenarios",
    "lawful_basis_explore_widget": ".view", "lawful_basis_scenarios_widget": ".view",
    "lawful_basis_widget": ".view",
}
__all__ = ["BasisWords", "ScenarioExercise", "scenarios_for", *_VIEWS]
__getattr__ = lazy_exports(__name__, _VIEWS)
