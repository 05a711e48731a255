"""The guided lawful-basis helper: questions about who is sharing what, and how urgently, that
lead to the likely lawful basis, the extra condition, the duty of confidence and what to record.

``import infoshare_widgets.basis_helper.model`` imports no widgets: the view is imported on first
use of one of its names.
"""

from ..ui.exports import lazy_exports
from .model import HelperOutcome, HelperState, outcome_for

_VIEWS = {"BasisHelperWidget": ".view", "basis_helper_widget": ".view"}
__all__ = ["HelperOutcome", "HelperState", "outcome_for", *_VIEWS]
__getattr__ = lazy_exports(__name__, _VIEWS)
