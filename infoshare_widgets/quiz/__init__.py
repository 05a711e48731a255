"""The quiz: single, multiple and true/false questions with feedback, retry and a score."""

from .model import Feedback, Part, QuizState, QuizWords, Scoreboard
from .question import LiveText, QuestionWidget
from .render import feedback_html
from .view import QuizView, quiz_widget

__all__ = [
    "Feedback", "LiveText", "Part", "QuestionWidget", "QuizState", "QuizView", "QuizWords",
    "Scoreboard", "feedback_html", "quiz_widget",
]
