"""The quiz: single, multiple and true/false questions with feedback, retry and a score.

``import infoshare_widgets.quiz.model`` imports no widgets: the view is imported on first use of
``QuizView`` or ``quiz_widget``.
"""

from ..ui.exports import lazy_exports
from .model import QuizState

__all__ = ["QuizState", "QuizView", "quiz_widget"]
__getattr__ = lazy_exports(__name__, {"QuizView": ".view", "quiz_widget": ".view"})
