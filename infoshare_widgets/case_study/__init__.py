"""The case-study panel: story, the learner's own thoughts (not saved), then the model points."""

from .model import CaseStudyPanel, Reveal
from .reveal import RevealWidget, RevealWording
from .view import CaseStudyView, case_studies_page, case_study_widget

__all__ = [
    "CaseStudyPanel", "CaseStudyView", "Reveal", "RevealWidget", "RevealWording",
    "case_studies_page", "case_study_widget",
]
