"""The seven golden rules (children's and adults' versions) and a check of understanding.

``import infoshare_widgets.golden_rules.model`` imports no widgets: the view is imported on first
use of one of its names.
"""

from ..ui.exports import lazy_exports
from .model import RuleCard, RulesWording, check_quiz, rule_cards

_VIEW = {name: ".view" for name in ("GoldenRulesView", "golden_rules_widget")}
__all__ = ["RuleCard", "RulesWording", "check_quiz", "rule_cards", *_VIEW]
__getattr__ = lazy_exports(__name__, _VIEW)
