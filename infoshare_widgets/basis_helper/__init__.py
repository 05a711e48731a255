"""The guided lawful-basis helper: questions about who is sharing what, and how urgently, that
lead to the likely lawful basis, the extra condition, the duty of confidence and what to record."""

from .model import HelperOutcome, HelperState, outcome_for

__all__ = ["HelperOutcome", "HelperState", "outcome_for"]
