"""The seven golden rules (children's and adults' versions) and a check of understanding."""

from .model import RuleCard, RulesWording, check_quiz, rule_cards
from .view import GoldenRulesView, golden_rules_widget

__all__ = [
    "GoldenRulesView", "RuleCard", "RulesWording", "check_quiz",
    "golden_rules_widget", "rule_cards",
]
