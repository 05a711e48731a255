"""The case-study panel: story, the learner's own thoughts (not saved), then the model points.

``import infoshare_widgets.case_study.model`` imports no widgets: the view is imported on first
use of one of its names.
"""

from ..ui.exports import lazy_exports
from .model import CaseStudyPanel

_VIEW = {name: ".view" for name in ("CaseStudyView", "case_studies_page", "case_studies_parts",
                                      "case_study_widget")}
__all__ = ["CaseStudyPanel", *_VIEW]
__getattr__ = lazy_exports(__name__, _VIEW)
